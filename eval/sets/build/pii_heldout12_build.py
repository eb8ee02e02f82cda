#!/usr/bin/env python3
"""Build pii_citizen_heldout12.jsonl from the marked-up texts in pii_heldout12_texts_*.py.

Markers:  ⟦type:value⟧  span that must be masked  (aliases: n p a pl b r e ac c pp dl)
          ⟪what:value⟫  keep item (string that must NOT be masked)
Usage:    python3 pii_heldout12_build.py [-v]
"""
import importlib.util
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "pii_citizen_heldout12.jsonl")
MODULES = ["a", "b", "c", "d"]
TYPES = {"name", "phone", "address", "plate", "birth_date", "rrn", "email", "account",
         "arn", "card", "brn", "passport", "driver_license", "ip"}
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date",
         "r": "rrn", "e": "email", "ac": "account", "c": "card", "pp": "passport",
         "dl": "driver_license"}
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKER_CHARS = "⟦⟧⟪⟫"


def load_texts():
    texts = []
    for m in MODULES:
        path = os.path.join(HERE, f"pii_heldout12_texts_{m}.py")
        spec = importlib.util.spec_from_file_location(f"t12{m}", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        texts.extend(mod.TEXTS)
    return texts


def parse(src, tid):
    out, spans, keep, pos = [], [], [], 0
    cur = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        cur += m.start() - pos
        if m.group(1) is not None:
            typ, val = ALIAS.get(m.group(1), m.group(1)), m.group(2)
            if typ not in TYPES:
                raise ValueError(f"{tid}: bad type {m.group(1)!r}")
            spans.append({"type": typ, "start": cur, "end": cur + len(val)})
        else:
            val = m.group(4)
            keep.append({"what": m.group(3), "start": cur, "end": cur + len(val)})
        out.append(val)
        cur += len(val)
        pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep


def check(rec):
    tid, text = rec["id"], rec["text"]
    if any(ch in text for ch in MARKER_CHARS):
        raise ValueError(f"{tid}: marker character left in text")
    items = [("span", s) for s in rec["spans"]] + [("keep", k) for k in rec["keep"]]
    for kind, it in items:
        v = text[it["start"]:it["end"]]
        if not v or v != v.strip():
            raise ValueError(f"{tid}: empty or whitespace-padded {kind} {v!r}")
        if kind == "span" and it["type"] not in TYPES:
            raise ValueError(f"{tid}: bad type {it['type']}")
        if kind == "keep" and not re.fullmatch(r"[a-z_]+", it["what"]):
            raise ValueError(f"{tid}: bad keep what {it['what']!r}")
    ranges = sorted((it["start"], it["end"]) for _, it in items)
    for (s1, e1), (s2, e2) in zip(ranges, ranges[1:]):
        if s2 < e1:
            raise ValueError(f"{tid}: overlap {text[s1:e1]!r} / {text[s2:e2]!r}")


def main():
    verbose = "-v" in sys.argv
    recs = []
    for i, src in enumerate(load_texts(), 1):
        tid = f"c12-{i:03d}"
        text, spans, keep = parse(src, tid)
        rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
        check(rec)
        recs.append(rec)
    with open(OUT, "w", encoding="utf-8") as f:
        for rec in recs:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # re-read and re-check
    with open(OUT, encoding="utf-8") as f:
        back = [json.loads(line) for line in f]
    assert back == recs, "round trip mismatch"
    for rec in back:
        check(rec)
    tc, kc = Counter(), Counter()
    nopii = []
    for rec in back:
        tc.update(s["type"] for s in rec["spans"])
        kc.update(k["what"] for k in rec["keep"])
        if not rec["spans"]:
            nopii.append(rec["id"])
        if verbose:
            print(rec["id"])
            for s in rec["spans"]:
                print("   ", s["type"], repr(rec["text"][s["start"]:s["end"]]))
            for k in rec["keep"]:
                print("    keep", k["what"], repr(rec["text"][k["start"]:k["end"]]))
    print(f"texts: {len(back)}  chars: {sum(len(r['text']) for r in back)}")
    print(f"texts without personal data: {len(nopii)} ({100*len(nopii)/len(back):.1f} %): {' '.join(nopii)}")
    for t, n in tc.most_common():
        print(f"  {t:15s} {n}")
    print(f"  {'TOTAL':15s} {sum(tc.values())}")
    print(f"keep: {sum(kc.values())} (" + ", ".join(f"{k} {v}" for k, v in kc.most_common()) + ")")


if __name__ == "__main__":
    main()
