#!/usr/bin/env python3
"""Builder for pii_citizen_heldout13.jsonl.

Text modules pii_heldout13_texts_a.py .. _d.py each define TEXTS (a list of strings with inline markers):
  ⟦type:value⟧  span that must be masked   (aliases n p a pl b r e ac c pp dl; arn brn ip written out)
  ⟪what:value⟫  keep item, must NOT be masked
This script strips the markers, computes Python-str offsets, validates everything, writes the jsonl next to
itself, re-reads it, re-checks it and prints counts.  Usage: python3 pii_heldout13_build.py [-v]
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join(HERE, "pii_citizen_heldout13.jsonl")
ALIASES = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn",
           "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license"}
TYPES = {"name", "phone", "address", "birth_date", "rrn", "arn", "brn", "account", "card", "passport",
         "driver_license", "plate", "email", "ip"}
MARK_RE = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARK_CHARS = "⟦⟧⟪⟫"


def parse(src, tid):
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK_RE.finditer(src):
        out.append(src[pos:m.start()])
        n += len(src[pos:m.start()])
        if m.group(1) is not None:
            t = ALIASES.get(m.group(1), m.group(1))
            if t not in TYPES:
                raise SystemExit(f"{tid}: bad span type {m.group(1)!r}")
            val = m.group(2)
            spans.append({"type": t, "start": n, "end": n + len(val)})
        else:
            val = m.group(4)
            keep.append({"what": m.group(3), "start": n, "end": n + len(val)})
        out.append(val)
        n += len(val)
        pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep


def digits(s):
    return [int(ch) for ch in s if ch.isdigit()]


def rrn_ok(v, arn=False):
    d = digits(v)
    if len(d) != 13:
        return None
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(a * b for a, b in zip(d, w))
    return d[12] == ((13 if arn else 11) - s % 11) % 10


def brn_ok(v):
    d = digits(v)
    if len(d) != 10:
        return None
    w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    s = sum(a * b for a, b in zip(d, w)) + (d[8] * 5) // 10
    return d[9] == (10 - s % 10) % 10


def luhn_ok(v):
    d = digits(v)
    if len(d) != 16 or "*" in v:
        return None
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            x -= 9 if x > 9 else 0
        s += x
    return s % 10 == 0


def check(rec):
    text, tid = rec["text"], rec["id"]
    for ch in MARK_CHARS:
        if ch in text:
            raise SystemExit(f"{tid}: marker char {ch} left in text")
    items = [(s["start"], s["end"], "span:" + s["type"]) for s in rec["spans"]]
    items += [(k["start"], k["end"], "keep:" + k["what"]) for k in rec["keep"]]
    for s in rec["spans"]:
        if s["type"] not in TYPES:
            raise SystemExit(f"{tid}: bad type {s['type']}")
    for a, b, lab in items:
        v = text[a:b]
        if not (0 <= a < b <= len(text)) or not v:
            raise SystemExit(f"{tid}: empty/out of range {lab}")
        if v != v.strip():
            raise SystemExit(f"{tid}: surrounding whitespace in {lab} {v!r}")
        if not re.fullmatch(r"[a-z_]+", lab.split(":", 1)[1]):
            raise SystemExit(f"{tid}: bad label {lab}")
    items.sort()
    for (a1, b1, l1), (a2, b2, l2) in zip(items, items[1:]):
        if a2 < b1:
            raise SystemExit(f"{tid}: overlap {l1} {text[a1:b1]!r} / {l2} {text[a2:b2]!r}")
    warns = []
    for s in rec["spans"]:
        v = text[s["start"]:s["end"]]
        r = None
        if s["type"] == "rrn":
            r = rrn_ok(v)
        elif s["type"] == "arn":
            r = rrn_ok(v, arn=True)
        elif s["type"] == "brn":
            r = brn_ok(v)
        elif s["type"] == "card":
            r = luhn_ok(v)
        if r is False:
            warns.append(f"{tid}: checksum fails for {s['type']} {v!r}")
    return warns


def main():
    verbose = "-v" in sys.argv
    srcs = []
    for suf in "abcd":
        mod = __import__(f"pii_heldout13_texts_{suf}")
        srcs.extend(mod.TEXTS)
    recs = []
    for i, src in enumerate(srcs, 1):
        tid = f"c13-{i:03d}"
        text, spans, keep = parse(src, tid)
        recs.append({"id": tid, "text": text, "spans": spans, "keep": keep})
    warns = []
    for r in recs:
        warns += check(r)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and re-check
    back = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    assert len(back) == len(recs)
    for a, b in zip(back, recs):
        assert a == b
        check(a)
    tc, kc = Counter(), Counter()
    empty = []
    for r in back:
        tc.update(s["type"] for s in r["spans"])
        kc.update(k["what"] for k in r["keep"])
        if not r["spans"]:
            empty.append(r["id"])
        if verbose:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]],
                  [(k["what"], r["text"][k["start"]:k["end"]]) for k in r["keep"]])
    for w in warns:
        print("WARN", w)
    print(f"texts: {len(back)}  chars: {sum(len(r['text']) for r in back)}")
    print(f"no-PII texts: {len(empty)} ({100*len(empty)/len(back):.1f} %): {' '.join(e[4:] for e in empty)}")
    print("spans per type:")
    for t, c in tc.most_common():
        print(f"  {t:15s} {c}")
    print(f"  {'TOTAL':15s} {sum(tc.values())}")
    print(f"keep: {sum(kc.values())} (" + ", ".join(f"{k} {v}" for k, v in kc.most_common()) + ")")


if __name__ == "__main__":
    main()
