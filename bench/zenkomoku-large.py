#!/usr/bin/env python3
"""A large 様式4 for the render benchmark: the sample with 3 files, each with 5 委託事項, 10 提供先
and 10 移転先 (the counts can be set: FILES=… OUTSOURCED=… RECIPIENTS=… TRANSFEREES=…).

    python3 bench/zenkomoku-large.py OUT_DIR   # writes OUT_DIR/large.yaml beside a copy of the figure

Needs PyYAML. The copies differ in their names (ファイル名, 委託事項名, 提供先名), so the form's repeated blocks are
each laid out; the comments of the sample are not kept.
"""
import copy
import os
import shutil
import sys
from pathlib import Path

import yaml

FILES, OUTSOURCED, RECIPIENTS, TRANSFEREES = (
    int(os.environ.get(name, default))
    for name, default in [("FILES", 3), ("OUTSOURCED", 5), ("RECIPIENTS", 10), ("TRANSFEREES", 10)]
)

examples = Path(__file__).resolve().parent.parent / "assessments" / "examples"
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
doc = yaml.safe_load((examples / "juki-zenkomoku.yaml").read_text(encoding="utf-8"))


def renamed(value, suffix):
    """A text (plain or `{text, withheld}`) with `suffix` added."""
    if isinstance(value, dict):
        return {**value, "text": value["text"] + suffix}
    return value + suffix


files = []
for i in range(FILES):
    # Every file is the sample's first (which outsources and provides), renamed.
    f = copy.deepcopy(doc["files"][0])
    f["overview"]["name"] = renamed(f["overview"]["name"], f"（{i + 1}）")
    items = f["overview"]["outsourcing"]["items"]
    f["overview"]["outsourcing"]["items"] = [
        {**copy.deepcopy(items[j % len(items)]), "title": renamed(items[j % len(items)]["title"], f"（{j + 1}）")}
        for j in range(OUTSOURCED)
    ]
    recipients = f["overview"]["provision"]["recipients"]
    f["overview"]["provision"]["recipients"] = [
        {**copy.deepcopy(recipients[0]), "name": renamed(recipients[0]["name"], f"（{j + 1}）")}
        for j in range(RECIPIENTS)
    ]
    transferees = f["overview"]["provision"]["transferees"]
    f["overview"]["provision"]["transferees"] = [
        {**copy.deepcopy(transferees[j % len(transferees)]), "name": renamed(transferees[j % len(transferees)]["name"], f"（{j + 1}）")}
        for j in range(TRANSFEREES)
    ]
    files.append(f)
doc["files"] = files
(out / "large.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
for figure in doc["affair_details"]["figures"]:
    shutil.copy(examples / figure["path"], out / figure["path"])
