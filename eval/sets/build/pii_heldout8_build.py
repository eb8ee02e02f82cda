"""Build eval/sets/pii_citizen_heldout8.jsonl from hand-written texts with inline markers.

Markers: ⟦type:value⟧ = span that must be masked; ⟪what:value⟫ = string that must NOT be masked.
The script strips the markers, computes Python-str character offsets, validates every
annotation and writes the jsonl next to this folder.  Run: python3 eval/sets/build/pii_heldout8_build.py
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from pii_heldout8_texts_a import TEXTS as TEXTS_A
from pii_heldout8_texts_b import TEXTS as TEXTS_B

SPAN_TYPES = {
    "name", "phone", "address", "plate", "birth_date", "rrn", "email", "account",
    "arn", "card", "brn", "passport", "driver_license", "ip",
}
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARK_CHARS = "⟦⟧⟪⟫"


def parse(raw: str, ident: str) -> dict:
    out: list[str] = []
    spans: list[dict] = []
    keep: list[dict] = []
    pos = 0
    length = 0
    for m in MARK.finditer(raw):
        plain = raw[pos:m.start()]
        out.append(plain)
        length += len(plain)
        if m.group(1):
            kind, value, target, key = m.group(1), m.group(2), spans, "type"
            if kind not in SPAN_TYPES:
                raise ValueError(f"{ident}: unknown span type {kind!r}")
        else:
            kind, value, target, key = m.group(3), m.group(4), keep, "what"
        if not value or value != value.strip():
            raise ValueError(f"{ident}: empty or padded value {value!r}")
        if any(c in value for c in MARK_CHARS):
            raise ValueError(f"{ident}: marker inside value {value!r}")
        target.append({key: kind, "start": length, "end": length + len(value)})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(raw[pos:])
    text = "".join(out)
    if any(c in text for c in MARK_CHARS):
        raise ValueError(f"{ident}: stray marker character in text")
    every = sorted(spans + keep, key=lambda a: a["start"])
    for a, b in zip(every, every[1:]):
        if b["start"] < a["end"]:
            raise ValueError(f"{ident}: overlapping annotations {a} {b}")
    return {"id": ident, "text": text, "spans": spans, "keep": keep}


def main() -> int:
    texts = list(TEXTS_A) + list(TEXTS_B)
    records = []
    for i, raw in enumerate(texts, 1):
        records.append(parse(raw.strip("\n"), f"c8-{i:03d}"))
    dest = Path(__file__).resolve().parent.parent / "pii_citizen_heldout8.jsonl"
    with dest.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # Re-read and re-check offsets against the stored text.
    span_counts: Counter = Counter()
    keep_counts: Counter = Counter()
    empty = 0
    for line in dest.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        for s in rec["spans"]:
            frag = rec["text"][s["start"]:s["end"]]
            assert frag and frag == frag.strip(), (rec["id"], s)
            span_counts[s["type"]] += 1
        for k in rec["keep"]:
            frag = rec["text"][k["start"]:k["end"]]
            assert frag and frag == frag.strip(), (rec["id"], k)
            keep_counts[k["what"]] += 1
        empty += not rec["spans"]
    print(f"texts: {len(records)}  without spans: {empty} ({100 * empty / len(records):.1f}%)")
    print("spans:", sum(span_counts.values()), dict(span_counts.most_common()))
    print("keeps:", sum(keep_counts.values()), dict(keep_counts.most_common()))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
