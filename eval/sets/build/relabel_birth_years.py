"""Relabels a specific person's birth year in the spent PII sets as a ``birth_date`` span (masker rounds 12-13).

Policy (eval/README.md, "Masker round 12"): a specific person's year of birth is personal data; a cohort rule
(``1960년생부터``, ``… 이후 출생자``), a condition (``1959년생이면``) or a category question (``1985년생도``) is not.
The span is the year with its 년 (``1949년``); a trailing 생 stays outside.

Round 12: a ``birth_year`` keep item becomes a ``birth_date`` span with the same start, a trailing 생 dropped,
unless a cohort or condition marker follows it.
Round 13: seven persons' birth years that had no label at all (neither span nor keep) get a ``birth_date`` span.
Each is named by set, id and the exact year with the words around it, so nothing else can be touched; each was
read in context by hand.

Deterministic; prints every decision (set, id, context). ``--write`` rewrites the sets; a second run changes
nothing.

    python eval/sets/build/relabel_birth_years.py [--write]
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

SETS = Path(__file__).resolve().parents[1]
# After the year (and its 생): a cohort, a condition or a category, never one person's year.
_COHORT = re.compile(r"생?(?:이면|부터|이후|이전|까지|이상|이하|대상|출생자|해당|세대|들|도|\(만|은|는|의)")

# Round 13: (set file, item id, text before the year, the year with 년, text after it). The before/after words
# pin the one occurrence; the year with 년 becomes the span.
UNLABELLED = (
    ("pii_citizen_dev.jsonl", "dev-117", "저는 ", "1985년", "생 주경택"),  # the writer, then his name
    ("pii_citizen_dev.jsonl", "dev-118", "방소라 양(", "2015년", "생)이"),  # the daughter, in brackets after her name
    ("pii_citizen_dev.jsonl", "dev-118", "신고자 ", "72년", "생 엄마 봉희정"),  # the reporter, then her name
    ("pii_citizen_dev2.jsonl", "ho-122", "유혜란(", "1979년", "생) 010"),  # the aunt, in brackets after her name
    ("pii_citizen_dev2.jsonl", "ho-123", "마석진(", "68년", "생), 모"),  # the father, in brackets after his name
    ("pii_citizen_dev2.jsonl", "ho-124", "아내 한지민 ", "1992년", "생. 신혼부부"),  # the wife, after her name
    ("pii_train11.jsonl", "t11-146", "생년월일: ", "1982년", " (월일은"),  # the writer's birth-date field
)


def relabel_keep(path: Path, row: dict) -> int:
    """Round 12: birth_year keep items of a person become birth_date spans; cohort ones stay keep."""
    text, changed, keep = row["text"], 0, []
    for k in row.get("keep", []):
        if k.get("what") != "birth_year":
            keep.append(k)
            continue
        start, end = k["start"], k["end"]
        ctx = text[max(0, start - 20):end + 15].replace("\n", " / ")
        if _COHORT.match(text, end) or _COHORT.match(text, end - 1) and text[end - 1] == "생":
            print(f"keep     {path.name} {row['id']}: {text[start:end]!r} (cohort/condition) … {ctx}")
            keep.append(k)
            continue
        if text[end - 1] == "생":
            end -= 1
        print(f"relabel  {path.name} {row['id']}: keep {text[k['start']:k['end']]!r} -> birth_date {text[start:end]!r} … {ctx}")
        row["spans"].append({"type": "birth_date", "start": start, "end": end})
        changed += 1
    row["keep"] = keep
    return changed


def label_unlabelled(path: Path, row: dict) -> int:
    """Round 13: the listed persons' years with no label get a birth_date span."""
    changed = 0
    for name, item, before, year, after in UNLABELLED:
        if name != path.name or item != row["id"]:
            continue
        text = row["text"]
        at = text.find(before + year + after)
        if at < 0 or text.find(before + year + after, at + 1) >= 0:
            raise SystemExit(f"{name} {item}: {before + year + after!r} not found exactly once")
        start = at + len(before)
        end = start + len(year)
        ctx = text[max(0, start - 20):end + 15].replace("\n", " / ")
        labels = [s for s in row["spans"] + row.get("keep", []) + row.get("unscored", [])
                  if s["start"] < end and start < s["end"]]
        if any(s.get("type") == "birth_date" and (s["start"], s["end"]) == (start, end) for s in labels):
            print(f"done     {name} {item}: {year!r} already a birth_date … {ctx}")
            continue
        if labels:
            raise SystemExit(f"{name} {item}: {year!r} already carries another label {labels}")
        print(f"label    {name} {item}: {year!r} -> birth_date [{start}, {end}) … {ctx}")
        row["spans"].append({"type": "birth_date", "start": start, "end": end})
        changed += 1
    return changed


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="rewrite the sets (default: print the decisions only)")
    args = ap.parse_args(argv)
    total = 0
    for path in sorted(SETS.glob("pii_*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        out, changed = [], 0
        for line in lines:
            if not line.strip():
                out.append(line)
                continue
            row = json.loads(line)
            n = relabel_keep(path, row) + label_unlabelled(path, row)
            if n:
                row["spans"].sort(key=lambda s: (s["start"], s["end"]))
            changed += n
            out.append(json.dumps(row, ensure_ascii=False) if n else line)
        total += changed
        if changed and args.write:
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"{total} labels changed" + ("" if args.write else " (dry run; --write to apply)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
