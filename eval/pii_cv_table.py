"""One table from several ``eval/pii_train.py --cv … --out`` reports: per left-out set and recipe, rules + model
names R (P), structured core R (strict) and keep items masked, with the sums over the folds.

    python -m eval.pii_cv_table a=/tmp/cv_a.json bcd=/tmp/cv_bcd.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def rows(label: str, report: dict) -> list[str]:
    out, keep, keep_total, core = [], 0, 0, []
    for name in sorted(report):
        c = report[name]["combined"]
        n = c["per_type"].get("name", {})
        ov = c["overall"]
        out.append(f"| {name.replace('pii_citizen_', '')} | {label} | {n.get('recall', 0):.3f} ({n.get('precision', 0):.3f}) | "
                   f"{ov['structured_core_recall']:.3f} ({ov['structured_recall']:.3f}) | {c['keep_masked']}/{c['keep_total']} |")
        keep, keep_total = keep + c["keep_masked"], keep_total + c["keep_total"]
        core.append(ov["structured_core_recall"])
    out.append(f"| mean / sum | {label} | | {sum(core) / len(core):.4f} | {keep}/{keep_total} |")
    return out


def main(argv=None) -> int:
    args = argv if argv is not None else sys.argv[1:]
    lines = ["| left out | recipe | names R (P) | structured core (strict) | keep items masked |", "|---|---|---|---|---|"]
    reports = [(a.split("=", 1)[0], json.loads(Path(a.split("=", 1)[1]).read_text(encoding="utf-8"))) for a in args]
    rules = reports[0][1]
    for name in sorted(rules):
        r = rules[name]["rules"]
        n = r["per_type"].get("name", {})
        lines.append(f"| {name.replace('pii_citizen_', '')} | rules only | {n.get('recall', 0):.3f} ({n.get('precision', 0):.3f}) | "
                     f"{r['overall']['structured_core_recall']:.3f} ({r['overall']['structured_recall']:.3f}) | "
                     f"{r['keep_masked']}/{r['keep_total']} |")
    for label, rep in reports:
        lines += rows(label, rep)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
