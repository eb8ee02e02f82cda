#!/usr/bin/env python3
"""Build pii_citizen_heldout10.jsonl from the marked-up texts in texts_*.py.

Markers:  ⟦type:value⟧  span that must be masked   (aliases: n p a pl b r e ac c pp dl)
          ⟪what:value⟫  string that must NOT be masked
Usage: python3 pii_heldout10_build.py [-v]
"""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import pii_heldout10_texts_a as texts_a, pii_heldout10_texts_b as texts_b, pii_heldout10_texts_c as texts_c, pii_heldout10_texts_d as texts_d  # noqa: E402

TYPES = {"name", "phone", "address", "plate", "birth_date", "rrn", "email", "account",
         "arn", "card", "brn", "passport", "driver_license", "ip"}
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date",
         "r": "rrn", "e": "email", "ac": "account", "c": "card", "pp": "passport",
         "dl": "driver_license"}
MARK_CHARS = "⟦⟧⟪⟫"
MARK_RE = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
OUT = os.path.join(os.path.dirname(HERE), "pii_citizen_heldout10.jsonl")


def parse(src, tid):
    text, spans, keep, pos = [], [], [], 0
    cur = 0
    for m in MARK_RE.finditer(src):
        text.append(src[pos:m.start()])
        cur += m.start() - pos
        if m.group(1) is not None:
            typ, val = ALIAS.get(m.group(1), m.group(1)), m.group(2)
            if typ not in TYPES:
                raise SystemExit(f"{tid}: bad span type {m.group(1)!r}")
            spans.append({"type": typ, "start": cur, "end": cur + len(val)})
        else:
            what, val = m.group(3), m.group(4)
            keep.append({"what": what, "start": cur, "end": cur + len(val)})
        if not val or val != val.strip():
            raise SystemExit(f"{tid}: empty value or surrounding whitespace: {val!r}")
        if any(ch in val for ch in MARK_CHARS):
            raise SystemExit(f"{tid}: marker character inside value {val!r}")
        text.append(val)
        cur += len(val)
        pos = m.end()
    text.append(src[pos:])
    text = "".join(text)
    if any(ch in text for ch in MARK_CHARS):
        raise SystemExit(f"{tid}: stray marker character in text")
    return text, spans, keep


def check(rec):
    tid, text = rec["id"], rec["text"]
    items = [(s["start"], s["end"], s["type"]) for s in rec["spans"]] + \
            [(k["start"], k["end"], "keep:" + k["what"]) for k in rec["keep"]]
    for s, e, t in items:
        if not (0 <= s < e <= len(text)):
            raise SystemExit(f"{tid}: bad offsets {s}-{e} ({t})")
        val = text[s:e]
        if val != val.strip():
            raise SystemExit(f"{tid}: whitespace around {val!r}")
        if not t.startswith("keep:") and t not in TYPES:
            raise SystemExit(f"{tid}: bad type {t}")
    items.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(items, items[1:]):
        if s2 < e1:
            raise SystemExit(f"{tid}: overlap {t1} {text[s1:e1]!r} / {t2} {text[s2:e2]!r}")


def main():
    verbose = "-v" in sys.argv
    sources = texts_a.TEXTS + texts_b.TEXTS + texts_c.TEXTS + texts_d.TEXTS
    recs = []
    for i, src in enumerate(sources, 1):
        tid = f"c10-{i:03d}"
        text, spans, keep = parse(src.strip("\n"), tid)
        rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
        check(rec)
        recs.append(rec)
    with open(OUT, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # re-read and re-check
    back = [json.loads(line) for line in open(OUT, encoding="utf-8")]
    assert len(back) == len(recs)
    assert len({r["id"] for r in back}) == len(back)
    for rec in back:
        check(rec)
    tc, kc = Counter(), Counter()
    empty = 0
    chars = 0
    for rec in back:
        chars += len(rec["text"])
        if not rec["spans"]:
            empty += 1
        for s in rec["spans"]:
            tc[s["type"]] += 1
        for k in rec["keep"]:
            kc[k["what"]] += 1
        if verbose:
            print(rec["id"])
            for s in rec["spans"]:
                print(f"   {s['type']:15s} {rec['text'][s['start']:s['end']]!r}")
            for k in rec["keep"]:
                print(f"   keep:{k['what']:10s} {rec['text'][k['start']:k['end']]!r}")
    print(f"wrote {OUT}: {len(back)} texts, {chars} chars, {empty} without personal data "
          f"({100 * empty / len(back):.1f} %)")
    print("spans:")
    for t, n in tc.most_common():
        print(f"  {t:15s} {n}")
    print(f"  {'total':15s} {sum(tc.values())}")
    print(f"keep: {sum(kc.values())} (" + ", ".join(f"{k} {v}" for k, v in kc.most_common()) + ")")


if __name__ == "__main__":
    main()
