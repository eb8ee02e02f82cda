#!/usr/bin/env python3
"""Build pii_citizen_heldout16.jsonl from the marked text modules (_a.._d).
⟦type:value⟧ = span to mask, ⟪what:value⟫ = keep item. Usage: python3 pii_heldout16_build.py [-v]"""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout16_texts_a as A, pii_heldout16_texts_b as B, pii_heldout16_texts_c as C, pii_heldout16_texts_d as D
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn", "e": "email",
         "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license", "arn": "arn", "brn": "brn", "ip": "ip"}
TYPES = set(ALIAS.values())
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKCH = set("⟦⟧⟪⟫")

def parse(src, tid):
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); n += len(src[pos:m.start()])
        if m.group(1) is not None:
            t, v = m.group(1), m.group(2)
            if t not in ALIAS: raise SystemExit(f"{tid}: bad type {t}")
            spans.append({"type": ALIAS[t], "start": n, "end": n + len(v)})
        else:
            w, v = m.group(3), m.group(4)
            if not re.fullmatch(r"[a-z_]+", w): raise SystemExit(f"{tid}: bad keep {w}")
            keep.append({"what": w, "start": n, "end": n + len(v)})
        out.append(v); n += len(v); pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep

def check(rec):
    tid, text = rec["id"], rec["text"]
    if any(ch in MARKCH for ch in text): raise SystemExit(f"{tid}: marker char left")
    items = [(s["start"], s["end"], s["type"]) for s in rec["spans"]] + [(k["start"], k["end"], "keep:" + k["what"]) for k in rec["keep"]]
    for s, e, t in items:
        if t.startswith("keep:"):
            if not re.fullmatch(r"[a-z_]+", t[5:]): raise SystemExit(f"{tid}: keep label {t}")
        elif t not in TYPES: raise SystemExit(f"{tid}: type {t}")
        v = text[s:e]
        if not v or v != v.strip(): raise SystemExit(f"{tid}: empty/whitespace {t} {v!r}")
    items.sort()
    for (s1, e1, t1), (s2, e2, t2) in zip(items, items[1:]):
        if s2 < e1: raise SystemExit(f"{tid}: overlap {t1} {t2}")

def rrn_ok(d, foreign=False):
    w = [2,3,4,5,6,7,8,9,2,3,4,5]; s = sum(int(a)*b for a, b in zip(d[:12], w))
    return int(d[12]) == ((13 if foreign else 11) - s % 11) % 10
def brn_ok(d):
    w = [1,3,7,1,3,7,1,3,5]; s = sum(int(a)*b for a, b in zip(d[:9], w)) + (int(d[8])*5)//10
    return int(d[9]) == (10 - s % 10) % 10
def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: x = x*2 - 9 if x*2 > 9 else x*2
        s += x
    return s % 10 == 0

def digits_check(rec):
    for s in rec["spans"]:
        v = rec["text"][s["start"]:s["end"]]; d = re.sub(r"[\s\-.]", "", v)
        if not d.isdigit(): continue
        t = s["type"]
        if t in ("rrn", "arn") and len(d) == 13:
            if not rrn_ok(d, foreign=d[6] in "5678"): print(f"WARNING {rec['id']} {t} check digit {v}")
        elif t == "brn" and len(d) == 10:
            if not brn_ok(d): print(f"WARNING {rec['id']} brn check digit {v}")
        elif t == "card" and len(d) == 16:
            if not luhn_ok(d): print(f"WARNING {rec['id']} card Luhn {v}")

def main():
    srcs = A.TEXTS + B.TEXTS + C.TEXTS + D.TEXTS
    recs = []
    for i, src in enumerate(srcs, 1):
        tid = f"c16-{i:03d}"
        text, spans, keep = parse(src, tid)
        rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
        check(rec); digits_check(rec); recs.append(rec)
    path = os.path.join(HERE, "pii_citizen_heldout16.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    if back != recs: raise SystemExit("re-read mismatch")
    for r in back: check(r)
    ids = [r["id"] for r in back]
    assert ids == [f"c16-{i:03d}" for i in range(1, len(back) + 1)]
    tc = Counter(s["type"] for r in back for s in r["spans"]); kc = Counter(k["what"] for r in back for k in r["keep"])
    print(f"texts {len(back)}, chars {sum(len(r['text']) for r in back)}, spans {sum(tc.values())}, keep {sum(kc.values())}")
    for t, c in tc.most_common(): print(f"  {t:15s} {c}")
    print("keep:", dict(kc.most_common()))
    nopii = [r["id"] for r in back if not r["spans"]]
    print(f"no-PII {len(nopii)}: {' '.join(x[4:] for x in nopii)}")
    if "-v" in sys.argv:
        for r in back:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]])

if __name__ == "__main__":
    main()
