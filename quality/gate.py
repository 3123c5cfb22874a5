#!/usr/bin/env python3
"""Quality gate on pages quotex was not written on.

Runs ``../shared/tools/validate --json --gap`` (the sealed validation pages, scored in aggregate)
and compares every figure with the floors pinned in ``quality/floors.json``: a figure more than
``tolerance`` points below its floor fails (exit 1). Also fails when the dev - validation gap on
F1, speaker accuracy or boilerplate grows more than ``tolerance`` points over its pinned value.
Skips (exit 0, with a message) when the validation tool is not there, as on a machine without
the shared corpora.

Usage, from the project root with quotex installed:  python3 quality/gate.py [--pin]
  --pin   write the figures measured now as the new floors (after a change that improved them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOORS = ROOT / "quality" / "floors.json"
VALIDATE = ROOT.parent / "shared" / "tools" / "validate"
METRICS = (
    "f1",
    "near_exact",
    "recall_direct",
    "recall_indirect",
    "recall_mixed",
    "speaker_accuracy",
    "quote_with_speaker",
    "boilerplate_removed",
    "body_kept",
    "organisations",
)


def measure() -> dict:
    out = subprocess.run(
        [sys.executable, str(VALIDATE), "--json", "--gap"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(out)


def main(argv: list) -> int:
    if not VALIDATE.exists():
        print(f"quality gate skipped: {VALIDATE} not found")
        return 0
    res = measure()
    if "--pin" in argv:
        pinned = {"tolerance": 2.0, "validate": {k: res[k] for k in METRICS}, "gap": res.get("gap", {})}
        FLOORS.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
        print(f"pinned {FLOORS.relative_to(ROOT)}")
        return 0
    pinned = json.loads(FLOORS.read_text(encoding="utf-8"))
    tol = float(pinned.get("tolerance", 2.0))
    failures = []
    print(f"{'validate':22s} {'now':>6s} {'floor':>6s}")
    for k, floor in pinned["validate"].items():
        now = res.get(k)
        bad = now is None or now < floor - tol
        print(f"{k:22s} {now!s:>6s} {floor:6.1f}{'  FAIL' if bad else ''}")
        if bad:
            failures.append(f"{k} {now} < {floor} - {tol}")
    for k, was in pinned.get("gap", {}).items():
        now = res.get("gap", {}).get(k)
        bad = now is None or now > was + tol
        print(f"{'gap ' + k:22s} {now!s:>6s} {was:6.1f}{'  FAIL' if bad else ''}")
        if bad:
            failures.append(f"dev - validation gap on {k} {now} > {was} + {tol}")
    if failures:
        print("quality gate FAILED: " + "; ".join(failures))
        return 1
    print("quality gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
