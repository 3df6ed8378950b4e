#!/usr/bin/env bash
# Benchmarks of pia, each against what a user would run instead. Not run in CI.
#
#   bash bench/run.sh            # all
#   bash bench/run.sh check      # check throughput only
#   bash bench/run.sh render     # render against `typst compile` (installs typst-cli 0.15.1)
#   bash bench/run.sh zenkomoku  # render of a large 様式4 (3 and 7 files × 5 委託事項 × 10 提供先)
#
# Each pair is run alternately several times; medians and ratios are printed, and written to
# bench/RESULTS.md, each section with the date, the machine's core count and its load at the
# start (other work on the machine slows every figure). A run of one section keeps the others.
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
# A section's heading and when and where it was measured.
section() {
  printf '## %s\n\nMeasured %s on %s cores, %s, release build, load average %s at the start; medians of %s alternating runs.\n\n' \
    "$1" "$(date -u +%Y-%m-%d)" "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$runs" | tee -a "$results"
}

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

# Copies of the 様式3 sample (見本市) with varied values (numbers, a choice), so no two files are
# equal. They share a body but not a number, and no 様式2 of that body is among them: the rules
# across files run over all of them and find nothing.
make_juten_copies() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  local choices=("特に力を入れている" "十分である" "課題が残されている")
  for i in $(seq 1 "$n"); do
    sed -e "s/^  number: \"5\"/  number: \"$i\"/" \
        -e "0,/        linkage: 十分である/s//        linkage: ${choices[$((i % 3))]}/" \
        assessments/examples/kokuho-juten.yaml > "$dir/j$(printf %05d "$i").yaml"
  done
}

# Copies of the 様式4 sample (見本市) with varied numbers, so no two files are equal.
make_zenkomoku_copies() {
  local n=$1 dir=$2
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq 1 "$n"); do
    sed -e "s/^  number: \"3\"/  number: \"$i\"/" assessments/examples/juki-zenkomoku.yaml > "$dir/z$(printf %05d "$i").yaml"
  done
  # The figure of (別添1) beside them, as beside the sample: every copy checks clean.
  cp assessments/examples/juki-zenkomoku-flow.svg "$dir/"
}

# One check throughput row: `pia check` over the n files of a folder, median of $runs runs.
check_row() {
  local label=$1 n=$2 dir=$3 times=()
  for _ in $(seq "$runs"); do times+=("$(time_ms "$pia" check --today 2025-05-01 --format json "$dir")"); done
  local med; med=$(printf '%s\n' "${times[@]}" | median)
  row "$label" "${med} ms" "$(awk -v n="$n" -v t="$med" 'BEGIN{printf "%.0f", n/(t/1000)}')" "$(peak_mb "$pia" check --today 2025-05-01 --format json "$dir")"
}

bench_check() {
  section "Check throughput"
  row "case" "median" "files/s" "peak MB"
  row "---" "---" "---" "---"
  make_copies 1000 "$work/copies-1000"
  check_row "pia check, 1000 様式2 files" 1000 "$work/copies-1000"
  make_juten_copies 1000 "$work/juten-1000"
  # Every copy must be a valid, distinct 様式3, or the row would measure something else.
  "$pia" check --today 2025-05-01 "$work/juten-1000" >/dev/null
  [ "$(md5sum "$work"/juten-1000/*.yaml | awk '{print $1}' | sort -u | wc -l)" = 1000 ]
  check_row "pia check, 1000 様式3 files" 1000 "$work/juten-1000"
  make_zenkomoku_copies 1000 "$work/zenkomoku-1000"
  "$pia" check --today 2025-05-01 "$work/zenkomoku-1000" >/dev/null
  check_row "pia check, 1000 様式4 files" 1000 "$work/zenkomoku-1000"
  make_copies 10000 "$work/copies-10000"
  check_row "pia check, 10000 様式2 files" 10000 "$work/copies-10000"
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
  section "Render"
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

  # The 様式3 sample (drawn from its schema by items.typ) against the 様式2 sample of the same affair.
  local j_t=() k_t=()
  for _ in $(seq "$runs"); do
    j_t+=("$(time_ms "$pia" render assessments/examples/kokuho-juten.yaml --today 2025-05-01 -o "$dir/juten.pdf")")
    k_t+=("$(time_ms "$pia" render assessments/examples/kokuho-kiso.yaml --today 2025-05-01 -o "$dir/kiso.pdf")")
  done
  local jm km; jm=$(printf '%s\n' "${j_t[@]}" | median); km=$(printf '%s\n' "${k_t[@]}" | median)
  local jp; jp=$(pdfinfo "$dir/juten.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')
  row "pia render, 様式3 sample (${jp} pages, whole process)" "${jm} ms" "$(awk -v j="$jm" -v k="$km" 'BEGIN{printf "%.2f× the 様式2 sample", j/k}')" "$(peak_mb "$pia" render assessments/examples/kokuho-juten.yaml --today 2025-05-01 -o "$dir/juten.pdf")"
  row "pia render, 様式2 sample of the same affair" "${km} ms" "1.00×" "$(peak_mb "$pia" render assessments/examples/kokuho-kiso.yaml --today 2025-05-01 -o "$dir/kiso.pdf")"

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

# A large 様式4 (bench/zenkomoku-large.py): whole-process time of `pia render`, pages, pages/s.
bench_zenkomoku() {
  section "Render of a large 様式4"
  local dir="$work/zenkomoku"
  row "様式4 (files × 委託事項 × 提供先 × 移転先)" "pia render (whole process)" "pages" "pages/s"
  row "---" "---" "---" "---"
  local files
  for files in 3 7; do
    rm -rf "$dir"; FILES=$files python3 bench/zenkomoku-large.py "$dir"
    "$pia" check --today 2025-05-01 "$dir/large.yaml" >/dev/null
    local times=() i
    for i in $(seq 1 "$runs"); do
      times+=("$(time_ms "$pia" render --today 2025-05-01 "$dir/large.yaml" -o "$dir/large.pdf")")
    done
    local ms pages
    ms=$(printf '%s\n' "${times[@]}" | median)
    pages=$(pdfinfo "$dir/large.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')
    row "$files × 5 × 10 × 10" "${ms} ms" "$pages" "$(awk -v p="$pages" -v m="$ms" 'BEGIN{printf "%.0f", p * 1000 / m}')"
  done
  echo | tee -a "$results"
}

case "$what" in
  check) bench_check ;;
  render) bench_render ;;
  zenkomoku) bench_zenkomoku ;;
  all) bench_check; bench_render; bench_zenkomoku ;;
  *) echo "usage: bench/run.sh [all|check|render|zenkomoku]"; exit 2 ;;
esac

# The sections measured now, then the others as they were.
{
  echo "# Benchmark results"
  echo
  cat "$results"
  if [ -f bench/RESULTS.md ]; then
    awk -v ran="$(grep '^## ' "$results" | tr '\n' '|')" '/^# /{next} /^## /{keep = index(ran, $0 "|") == 0} keep' bench/RESULTS.md
  fi
} > "$work/RESULTS.md"
mv "$work/RESULTS.md" bench/RESULTS.md
echo "written: bench/RESULTS.md"
