#!/usr/bin/env bash
# Benchmarks of pia, each against what a user would run instead. Not run in CI.
#
#   bash bench/run.sh            # all
#   bash bench/run.sh check      # check throughput only
#   bash bench/run.sh render     # render against `typst compile` (installs typst-cli 0.15.1)
#
# Each pair is run alternately several times; medians and ratios are printed, and written to
# bench/RESULTS.md with the date and the machine's core count.
set -euo pipefail
cd "$(dirname "$0")/.."

what="${1:-all}"
runs="${RUNS:-5}"
work="${BENCH_DIR:-target/bench}"
mkdir -p "$work"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-target}"
cargo build --release --quiet
pia="$CARGO_TARGET_DIR/release/pia"
results="$work/results.md"
: > "$results"

now_ns() { date +%s%N; }
# Median of the numbers on stdin.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
# Wall time of a command in milliseconds.
time_ms() { local t0 t1; t0=$(now_ns); "$@" >/dev/null 2>&1; t1=$(now_ns); echo $(( (t1 - t0) / 1000000 )); }
# Peak resident memory of a command in MB (GNU time), or "-" without it.
peak_mb() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.0f", $1/1024}'
  else
    echo "-"
  fi
}
row() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" | tee -a "$results"; }

# Copies of the seed with varied values (numbers, dates, a choice), so no two files are equal.
make_copies() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  local choices=("特に力を入れている" "十分である" "課題が残されている")
  for i in $(seq 1 "$n"); do
    sed -e "s/^  number: \"12\"/  number: \"$i\"/" \
        -e "0,/  storage: 十分である/s//  storage: ${choices[$((i % 3))]}/" \
        assessments/kumamoto-kokuho-kiso.yaml > "$dir/a$(printf %05d "$i").yaml"
  done
}

# Copies of the 様式3 sample (見本市) with varied numbers, so no two files are equal.
make_juten_copies() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    sed -e "s/^  number: \"5\"/  number: \"$i\"/" assessments/examples/kokuho-juten.yaml > "$dir/j$(printf %05d "$i").yaml"
  done
}

# Copies of the 様式4 sample (見本市) with varied numbers, so no two files are equal.
make_zenkomoku_copies() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    sed -e "s/^  number: \"3\"/  number: \"$i\"/" assessments/examples/juki-zenkomoku.yaml > "$dir/z$(printf %05d "$i").yaml"
  done
}

bench_check() {
  echo "## Check throughput" | tee -a "$results"
  row "case" "median" "files/s" "peak MB"
  row "---" "---" "---" "---"
  for n in 1000 10000; do
    make_copies "$n" "$work/copies-$n"
    local times=()
    for _ in $(seq "$runs"); do times+=("$(time_ms "$pia" check --today 2025-05-01 --format json "$work/copies-$n")"); done
    local med; med=$(printf '%s\n' "${times[@]}" | median)
    row "pia check, $n files" "${med} ms" "$(awk -v n="$n" -v t="$med" 'BEGIN{printf "%.0f", n/(t/1000)}')" "$(peak_mb "$pia" check --today 2025-05-01 --format json "$work/copies-$n")"
  done
  make_juten_copies 1000 "$work/juten-1000"
  local jt=()
  for _ in $(seq "$runs"); do jt+=("$(time_ms "$pia" check --today 2025-05-01 --format json "$work/juten-1000")"); done
  local jm; jm=$(printf '%s\n' "${jt[@]}" | median)
  row "pia check, 1000 様式3 files" "${jm} ms" "$(awk -v t="$jm" 'BEGIN{printf "%.0f", 1000/(t/1000)}')" "$(peak_mb "$pia" check --today 2025-05-01 --format json "$work/juten-1000")"
  make_zenkomoku_copies 1000 "$work/zenkomoku-1000"
  local zt=()
  for _ in $(seq "$runs"); do zt+=("$(time_ms "$pia" check --today 2025-05-01 --format json "$work/zenkomoku-1000")"); done
  local zm; zm=$(printf '%s\n' "${zt[@]}" | median)
  row "pia check, 1000 様式4 files" "${zm} ms" "$(awk -v t="$zm" 'BEGIN{printf "%.0f", 1000/(t/1000)}')" "$(peak_mb "$pia" check --today 2025-05-01 --format json "$work/zenkomoku-1000")"
  if [ "$what" = "all" ] || [ "${WITH_JSONSCHEMA:-1}" = 1 ]; then
    local venv="$work/venv"
    if [ ! -x "$venv/bin/check-jsonschema" ]; then
      python3 -m venv "$venv" && "$venv/bin/pip" install --quiet check-jsonschema
    fi
    local pia_t=() cj_t=()
    for _ in $(seq "$runs"); do
      pia_t+=("$(time_ms "$pia" check --today 2025-05-01 --format json "$work/copies-1000")")
      cj_t+=("$(time_ms "$venv/bin/check-jsonschema" --schemafile schema/kiso-r6.10.schema.json "$work"/copies-1000/*.yaml)")
    done
    local p c; p=$(printf '%s\n' "${pia_t[@]}" | median); c=$(printf '%s\n' "${cj_t[@]}" | median)
    row "check-jsonschema (schema only), 1000 files" "${c} ms" "$(awk -v t="$c" 'BEGIN{printf "%.0f", 1000/(t/1000)}')" "$(peak_mb "$venv/bin/check-jsonschema" --schemafile schema/kiso-r6.10.schema.json "$work"/copies-1000/*.yaml)"
    echo | tee -a "$results"
    echo "pia check (schema + every rule) is $(awk -v p="$p" -v c="$c" 'BEGIN{printf "%.1f", c/p}')× faster than check-jsonschema on 1000 files." | tee -a "$results"
  fi
  echo | tee -a "$results"
}

bench_render() {
  echo "## Render" | tee -a "$results"
  local typst="$work/typst-cli/bin/typst"
  if [ ! -x "$typst" ]; then
    cargo install --locked --quiet typst-cli@0.15.1 --root "$work/typst-cli"
  fi
  local dir="$work/render"; rm -rf "$dir"; mkdir -p "$dir/typst"
  # The same template and data for typst compile: data.json beside the template.
  "$pia" render assessments/kumamoto-kokuho-kiso.yaml --emit json -o "$dir/typst/data.json" >/dev/null
  cp templates/typst/*.typ "$dir/typst/"
  local typst_args=(compile --features a11y-extras --pdf-standard a-2a,ua-1 "$dir/typst/kiso.typ")

  row "case" "median" "ratio" "peak MB"
  row "---" "---" "---" "---"
  local pia_t=() typ_t=()
  for _ in $(seq "$runs"); do
    pia_t+=("$(time_ms "$pia" render assessments/kumamoto-kokuho-kiso.yaml -o "$dir/pia.pdf")")
    typ_t+=("$(time_ms "$typst" "${typst_args[@]}" "$dir/typst.pdf")")
  done
  local p t; p=$(printf '%s\n' "${pia_t[@]}" | median); t=$(printf '%s\n' "${typ_t[@]}" | median)
  row "pia render, seed (whole process)" "${p} ms" "$(awk -v p="$p" -v t="$t" 'BEGIN{printf "%.2f× typst", p/t}')" "$(peak_mb "$pia" render assessments/kumamoto-kokuho-kiso.yaml -o "$dir/pia.pdf")"
  row "typst compile, same template and data" "${t} ms" "1.00×" "$(peak_mb "$typst" "${typst_args[@]}" "$dir/typst.pdf")"

  make_copies 100 "$dir/copies"
  for f in "$dir"/copies/*.yaml; do
    mkdir -p "${f%.yaml}.d"
    "$pia" render "$f" --emit json -o "${f%.yaml}.d/data.json" >/dev/null
    cp templates/typst/*.typ "${f%.yaml}.d/"
  done
  mkdir -p "$dir/out"
  local pia100=() typ100=()
  for _ in $(seq "$runs"); do
    pia100+=("$(time_ms "$pia" render "$dir"/copies/*.yaml -o "$dir/out")")
    local t0 t1; t0=$(now_ns)
    for d in "$dir"/copies/*.d; do "$typst" compile --features a11y-extras --pdf-standard a-2a,ua-1 "$d/kiso.typ" "$d/out.pdf" >/dev/null 2>&1; done
    t1=$(now_ns); typ100+=("$(( (t1 - t0) / 1000000 ))")
  done
  p=$(printf '%s\n' "${pia100[@]}" | median); t=$(printf '%s\n' "${typ100[@]}" | median)
  row "pia render, 100 files in one call" "${p} ms" "$(awk -v p="$p" -v t="$t" 'BEGIN{printf "%.1f× faster", t/p}')" "$(peak_mb "$pia" render "$dir"/copies/*.yaml -o "$dir/out")"
  row "100 × typst compile" "${t} ms" "1.0×" "-"
  echo | tee -a "$results"
  echo "Seed PDF: $(stat -c %s "$dir/pia.pdf") bytes ($(pdfinfo "$dir/pia.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages); typst compile of the same: $(stat -c %s "$dir/typst.pdf") bytes." | tee -a "$results"
  echo | tee -a "$results"
}

case "$what" in
  check) bench_check ;;
  render) bench_render ;;
  all) bench_check; bench_render ;;
  *) echo "usage: bench/run.sh [all|check|render]"; exit 2 ;;
esac

{
  echo "# Benchmark results"
  echo
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), release build; medians of $runs alternating runs."
  echo
  cat "$results"
} > bench/RESULTS.md
echo "written: bench/RESULTS.md"
