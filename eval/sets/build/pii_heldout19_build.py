#!/usr/bin/env python3
"""Build pii_citizen_heldout19.jsonl from the marker text modules."""
import json, re, sys, os
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout19_texts_a as A, pii_heldout19_texts_b as B, pii_heldout19_texts_c as C, pii_heldout19_texts_d as D

ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn", "e": "email",
         "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license", "arn": "arn", "brn": "brn", "ip": "ip"}
TYPES = set(ALIAS.values())
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)

def parse(src):
    out, spans, keep, pos = [], [], [], 0
    cur = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); cur += len(src[pos:m.start()])
        if m.group(1) is not None:
            t, v = m.group(1), m.group(2)
            if t not in ALIAS: raise ValueError(f"bad type {t!r}")
            spans.append({"type": ALIAS[t], "start": cur, "end": cur + len(v)})
        else:
            w, v = m.group(3), m.group(4)
            if not re.fullmatch(r"[a-z_]+", w): raise ValueError(f"bad keep label {w!r}")
            keep.append({"what": w, "start": cur, "end": cur + len(v)})
        out.append(v); cur += len(v); pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep

def check(rec):
    text = rec["text"]
    for ch in "⟦⟧⟪⟫":
        if ch in text: raise ValueError(f"{rec['id']}: stray marker {ch}")
    items = [(s["start"], s["end"], s.get("type") or s.get("what")) for s in rec["spans"] + rec["keep"]]
    for s in rec["spans"]:
        if s["type"] not in TYPES: raise ValueError(f"{rec['id']}: bad type")
    for st, en, lab in items:
        v = text[st:en]
        if not v or v != v.strip(): raise ValueError(f"{rec['id']}: empty/whitespace item {lab} {v!r}")
    items.sort()
    for (a0, a1, la), (b0, b1, lb) in zip(items, items[1:]):
        if b0 < a1: raise ValueError(f"{rec['id']}: overlap {la} {lb}")

W = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
def rrn_ok(d):
    s = sum(int(x) * w for x, w in zip(d[:12], W))
    if d[6] in "5678":
        return (13 - s % 11) % 10 == int(d[12])
    return (11 - s % 11) % 10 == int(d[12])
def brn_ok(d):
    w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    s = sum(int(x) * y for x, y in zip(d[:9], w)) + (int(d[8]) * 5) // 10
    return (10 - s % 10) % 10 == int(d[9])
def luhn_ok(d):
    s = 0
    for i, x in enumerate(reversed(d)):
        k = int(x)
        if i % 2: k = k * 2 - 9 if k * 2 > 9 else k * 2
        s += k
    return s % 10 == 0

def digits_check(rec):
    warns = []
    for s in rec["spans"]:
        v = rec["text"][s["start"]:s["end"]]
        if "*" in v or re.search(r"[가-힣]", v): continue
        d = re.sub(r"\D", "", v)
        t = s["type"]
        if t in ("rrn", "arn") and len(d) == 13 and not rrn_ok(d): warns.append((t, v))
        if t == "brn" and len(d) == 10 and not brn_ok(d): warns.append((t, v))
        if t == "card" and len(d) in (15, 16) and not luhn_ok(d): warns.append((t, v))
    return warns

ALLOWED_BAD = {}  # id -> values the text itself calls wrong

def main():
    verbose = "-v" in sys.argv
    recs = []
    for mod in (A, B, C, D):
        for rid, src in mod.TEXTS:
            text, spans, keep = parse(src)
            rec = {"id": rid, "text": text, "spans": spans, "keep": keep}
            check(rec); recs.append(rec)
    ids = [r["id"] for r in recs]
    exp = [f"c19-{i:03d}" for i in range(1, len(recs) + 1)]
    if ids != exp: raise SystemExit(f"id sequence wrong: {[i for i in ids if i not in exp]} / n={len(ids)}")
    nw = 0
    for r in recs:
        for t, v in digits_check(r):
            if v in ALLOWED_BAD.get(r["id"], ()): continue
            print(f"WARNING check digit {r['id']} {t} {v!r}"); nw += 1
    path = os.path.join(HERE, "pii_citizen_heldout19.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    assert back == recs
    for r in back: check(r)
    tc = Counter(s["type"] for r in back for s in r["spans"])
    kc = Counter(k["what"] for r in back for k in r["keep"])
    nopii = [r["id"] for r in back if not r["spans"]]
    print(f"texts {len(back)}, chars {sum(len(r['text']) for r in back)}")
    print("spans", sum(tc.values()), dict(tc.most_common()))
    print("keep", sum(kc.values()), dict(kc.most_common()))
    print(f"no-PII {len(nopii)}:", " ".join(x[4:] for x in nopii))
    if verbose:
        for r in back:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]],
                  [(k["what"], r["text"][k["start"]:k["end"]]) for k in r["keep"]])
    if nw: print(f"{nw} check-digit warnings")

if __name__ == "__main__":
    main()
