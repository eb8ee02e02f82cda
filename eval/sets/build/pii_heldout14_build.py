#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Builder for pii_citizen_heldout14.jsonl (set 14).

Markers in the text modules: ⟦type:value⟧ = span to mask, ⟪what:value⟫ = keep item.
Strips the markers, computes Python-str offsets, validates, writes the jsonl next to this
file, re-reads and re-checks it, prints counts. `-v` prints every span.
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout14_texts_a as A, pii_heldout14_texts_b as B
import pii_heldout14_texts_c as C, pii_heldout14_texts_d as D

ALIAS = {"n": "name", "p": "phone", "a": "address", "b": "birth_date", "r": "rrn",
         "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license",
         "pl": "plate"}
TYPES = {"name", "phone", "address", "birth_date", "rrn", "arn", "brn", "account", "card",
         "passport", "driver_license", "plate", "email", "ip"}
MARK = re.compile(r"⟦([A-Za-z_]+):(.*?)⟧|⟪([A-Za-z_]+):(.*?)⟫", re.S)
MARKER_CHARS = "⟦⟧⟪⟫"
OUT = os.path.join(HERE, "pii_citizen_heldout14.jsonl")


def parse(src):
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); n += len(src[pos:m.start()])
        if m.group(1) is not None:
            t, v = ALIAS.get(m.group(1), m.group(1)), m.group(2)
            # keep markers nested inside a span value are not allowed
            spans.append({"type": t, "start": n, "end": n + len(v)})
        else:
            t, v = m.group(3), m.group(4)
            keep.append({"what": t, "start": n, "end": n + len(v)})
        out.append(v); n += len(v); pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep


def digits(s):
    return re.sub(r"\D", "", s)


def warn_checksum(tid, t, v):
    if "*" in v or "○" in v:
        return
    d = digits(v)
    if t in ("rrn", "arn") and len(d) == 13:
        w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
        s = sum(int(a) * b for a, b in zip(d, w))
        base = 13 if d[6] in "5678" else 11
        if (base - s % 11) % 10 != int(d[12]):
            print(f"WARN {tid} {t} check digit: {v}")
        if t == "arn" and d[6] not in "5678":
            print(f"WARN {tid} arn with citizen gender digit: {v}")
    elif t == "brn" and len(d) == 10:
        w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
        s = sum(int(a) * b for a, b in zip(d, w)) + int(d[8]) * 5 // 10
        if (10 - s % 10) % 10 != int(d[9]):
            print(f"WARN {tid} brn check digit: {v}")
    elif t == "card" and len(d) == 16:
        tot = 0
        for i, ch in enumerate(reversed(d)):
            x = int(ch)
            if i % 2:
                x *= 2
                x -= 9 if x > 9 else 0
            tot += x
        if tot % 10:
            print(f"WARN {tid} card Luhn: {v}")


def check(rec):
    tid, text = rec["id"], rec["text"]
    errs = []
    for ch in MARKER_CHARS:
        if ch in text:
            errs.append(f"{tid}: marker char {ch} left in text")
    items = [("span", s["type"], s["start"], s["end"]) for s in rec["spans"]] + \
            [("keep", k["what"], k["start"], k["end"]) for k in rec["keep"]]
    for kind, t, a, b in items:
        v = text[a:b]
        if not v:
            errs.append(f"{tid}: empty {kind} {t}")
        elif v != v.strip():
            errs.append(f"{tid}: whitespace around {kind} {t} {v!r}")
        if kind == "span" and t not in TYPES:
            errs.append(f"{tid}: bad type {t}")
        if kind == "keep" and not re.fullmatch(r"[a-z_]+", t):
            errs.append(f"{tid}: bad keep label {t}")
    iv = sorted((a, b, t) for _, t, a, b in items)
    for (a1, b1, t1), (a2, b2, t2) in zip(iv, iv[1:]):
        if a2 < b1:
            errs.append(f"{tid}: overlap {t1}@{a1}-{b1} / {t2}@{a2}-{b2}")
    return errs


def main():
    verbose = "-v" in sys.argv
    srcs = A.TEXTS + B.TEXTS + C.TEXTS + D.TEXTS
    recs, errs = [], []
    for i, src in enumerate(srcs, 1):
        tid = f"c14-{i:03d}"
        text, spans, keep = parse(src)
        rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
        errs += check(rec)
        for s in spans:
            warn_checksum(tid, s["type"], text[s["start"]:s["end"]])
        recs.append(rec)
    if errs:
        print("\n".join(errs)); sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and re-check
    back = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    assert back == recs, "round trip mismatch"
    errs = [e for r in back for e in check(r)]
    if errs:
        print("\n".join(errs)); sys.exit(1)
    ids = [r["id"] for r in back]
    assert len(set(ids)) == len(ids)
    tc, kc = Counter(), Counter()
    nopii = []
    for r in back:
        tc.update(s["type"] for s in r["spans"]); kc.update(k["what"] for k in r["keep"])
        if not r["spans"]:
            nopii.append(r["id"][-3:])
        if verbose:
            for s in r["spans"]:
                print(r["id"], s["type"], repr(r["text"][s["start"]:s["end"]]))
    chars = sum(len(r["text"]) for r in back)
    print(f"texts {len(back)}, characters {chars}, spans {sum(tc.values())}, keep {sum(kc.values())}")
    for t, c in tc.most_common():
        print(f"  {t:15s} {c}")
    print("keep:", ", ".join(f"{k} {v}" for k, v in kc.most_common()))
    print(f"no-PII texts ({len(nopii)}, {100*len(nopii)/len(back):.1f} %):", " ".join(nopii))


if __name__ == "__main__":
    main()
