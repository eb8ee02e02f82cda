#!/usr/bin/env python3
"""Builder for citizen_heldout15: strips ⟦type:value⟧ / ⟪what:value⟫ markers, computes offsets, validates,
writes pii_citizen_heldout15.jsonl next to itself, re-reads and re-checks it, prints counts."""
import json, os, re, sys, collections
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout15_texts_a as A, pii_heldout15_texts_b as B, pii_heldout15_texts_c as C, pii_heldout15_texts_d as D

ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn", "e": "email",
         "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license", "arn": "arn", "brn": "brn", "ip": "ip"}
TYPES = set(ALIAS.values())
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKER_CHARS = "⟦⟧⟪⟫"

def parse(src, tid):
    out, spans, keep, pos = [], [], [], 0
    n = 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); n += len(src[pos:m.start()])
        if m.group(1) is not None:
            t, v = m.group(1), m.group(2)
            if t not in ALIAS: raise SystemExit(f"{tid}: bad type {t!r}")
            spans.append({"type": ALIAS[t], "start": n, "end": n + len(v)})
        else:
            w, v = m.group(3), m.group(4)
            if not re.fullmatch(r"[a-z_]+", w): raise SystemExit(f"{tid}: bad keep label {w!r}")
            keep.append({"what": w, "start": n, "end": n + len(v)})
        out.append(v); n += len(v); pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep

def rrn_ok(d, foreign):
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

def check(rec):
    tid, text = rec["id"], rec["text"]
    if any(c in text for c in MARKER_CHARS): raise SystemExit(f"{tid}: marker char left")
    items = [("s", s["type"], s["start"], s["end"]) for s in rec["spans"]] + \
            [("k", k["what"], k["start"], k["end"]) for k in rec["keep"]]
    for kind, t, a, b in items:
        v = text[a:b]
        if not v: raise SystemExit(f"{tid}: empty {t}")
        if v != v.strip(): raise SystemExit(f"{tid}: whitespace around {t} {v!r}")
        if kind == "s" and t not in TYPES: raise SystemExit(f"{tid}: type {t}")
    items.sort(key=lambda x: x[2])
    for x, y in zip(items, items[1:]):
        if y[2] < x[3]: raise SystemExit(f"{tid}: overlap {x} {y}")
    warn = []
    for s in rec["spans"]:
        v = text[s["start"]:s["end"]]; d = re.sub(r"[\s\-]", "", v)
        if s["type"] in ("rrn", "arn") and re.fullmatch(r"\d{13}", d):
            if not rrn_ok(d, d[6] in "5678"): warn.append(f"{tid}: {s['type']} check digit {v}")
        if s["type"] == "brn" and re.fullmatch(r"\d{10}", d) and not brn_ok(d): warn.append(f"{tid}: brn {v}")
        if s["type"] == "card" and re.fullmatch(r"\d{16}", d) and not luhn_ok(d): warn.append(f"{tid}: card {v}")
    return warn

def main():
    srcs = A.TEXTS + B.TEXTS + C.TEXTS + D.TEXTS
    recs = []
    for i, src in enumerate(srcs, 1):
        tid = f"c15-{i:03d}"
        text, spans, keep = parse(src, tid)
        recs.append({"id": tid, "text": text, "spans": spans, "keep": keep})
    warns = []
    for r in recs: warns += check(r)
    path = os.path.join(HERE, "pii_citizen_heldout15.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(path, encoding="utf-8") as f:
        back = [json.loads(l) for l in f]
    if back != recs: raise SystemExit("re-read mismatch")
    for r in back: check(r)
    for w in warns: print("WARNING", w)
    c = collections.Counter(s["type"] for r in back for s in r["spans"])
    k = collections.Counter(x["what"] for r in back for x in r["keep"])
    nopii = [r["id"][-3:] for r in back if not r["spans"]]
    print(f"texts {len(back)}  chars {sum(len(r['text']) for r in back)}  spans {sum(c.values())}  keep {sum(k.values())}")
    for t, n in c.most_common(): print(f"  {t:15s} {n}")
    print("keep:", ", ".join(f"{a} {b}" for a, b in k.most_common()))
    print(f"no-PII texts ({len(nopii)}):", " ".join(nopii))
    if "-v" in sys.argv:
        for r in back:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]])

if __name__ == "__main__":
    main()
