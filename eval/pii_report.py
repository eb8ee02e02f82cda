"""The masker evaluation's report: per-type tables and what is masked in real texts (counts only)."""
from __future__ import annotations

import json
from pathlib import Path

from ingest.pii import mask


def real_summary(path: Path) -> dict:
    """What Dasan masks and keeps in real Q&A texts (counts only: no values are written out)."""
    masked: dict[str, int] = {}
    kept: dict[str, int] = {}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows:
        for key in ("title", "question", "reference_answer"):
            r = mask(row.get(key) or "")
            for s in r.spans:
                masked[s.type] = masked.get(s.type, 0) + 1
            for s in r.kept:
                kept[s.type] = kept.get(s.type, 0) + 1
    return {"file": str(path), "items": len(rows), "masked_by_type": masked, "kept_by_type": kept}


def table(report: dict) -> str:
    """Per type: n gold spans, then P and R for each system."""
    systems = list(report["systems"])
    types = sorted({t for s in report["systems"].values() for t in s["per_type"]}) + ["overall"]
    fmt = lambda v: "  -  " if v is None else f"{v:.3f}"  # noqa: E731
    lines = [f"{'type':<14}{'n':>5}  " + "  ".join(f"{s[:21]:>21}" for s in systems),
             " " * 19 + "  ".join(f"{'P':>10} {'R':>10}" for _ in systems)]
    for t in types:
        rows = [report["systems"][s]["overall"] if t == "overall" else report["systems"][s]["per_type"].get(t, {})
                for s in systems]
        lines.append(f"{t:<14}{rows[0].get('gold', 0):>5}  "
                     + "  ".join(f"{fmt(r.get('precision')):>10} {fmt(r.get('recall')):>10}" for r in rows))
    lines.append("overall P leaving out officials' contacts and 대표번호: " + ", ".join(
        f"{s} {fmt(report['systems'][s]['overall']['precision_neutral'])}" for s in systems))
    ov = report["systems"]["dasan"]["overall"]
    lines.append(f"structured identifiers R (primary: every digit of a number type masked): dasan "
                 f"{fmt(ov.get('structured_core_recall'))}; strict (whole gold span): {fmt(ov['structured_recall'])}")
    for name, st in report.get("sets", {}).items():
        lines += ["", set_table(name, st)]
    return "\n".join(lines)


def set_table(name: str, st: dict) -> str:
    """One hand-written set: per type n, P, R; structured recall; ordinary words masked."""
    fmt = lambda v: "  -  " if v is None else f"{v:.3f}"  # noqa: E731
    sc = st["dasan"]
    lines = [f"set {name} ({st['items']} texts, {st['file']})",
             f"{'type':<14}{'n':>5}  {'P':>8} {'R':>8} {'R core':>8}"]
    for t, row in list(sc["per_type"].items()) + [("overall", sc["overall"])]:
        lines.append(f"{t:<14}{row['gold']:>5}  {fmt(row['precision']):>8} {fmt(row['recall']):>8} "
                     f"{fmt(row.get('core_recall')):>8}")
    lines.append(f"structured identifiers R (primary: every digit of a number type masked): "
                 f"{fmt(sc['overall'].get('structured_core_recall'))}; strict (whole gold span): "
                 f"{fmt(sc['overall']['structured_recall'])}")
    if "ordinary_words_masked" in sc:
        ow = sc["ordinary_words_masked"]
        lines.append(f"ordinary words masked (keep items): {ow['masked']}/{ow['total']} "
                     + " ".join(f"{w} {v}" for w, v in ow["by_what"].items()))
    return "\n".join(lines)
