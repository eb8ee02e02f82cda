#!/usr/bin/env python3
"""Build pii_citizen_heldout17.jsonl from the marked text modules (a..d)."""
import json, os, re, sys
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout17_texts_a as A, pii_heldout17_texts_b as B, pii_heldout17_texts_c as C, pii_heldout17_texts_d as D

ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn", "e": "email",
         "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license", "arn": "arn", "brn": "brn", "ip": "ip"}
TYPES = set(ALIAS.values())
MARK = re.compile(r"⟦([a-z]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKCH = "⟦⟧⟪⟫"

def parse(src):
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()]); cur = sum(len(x) for x in out)
        if m.group(1) is not None:
            t = ALIAS.get(m.group(1)); v = m.group(2)
            if t is None: raise ValueError("bad type %r" % m.group(1))
            spans.append({"type": t, "start": cur, "end": cur + len(v)})
        else:
            v = m.group(4); keep.append({"what": m.group(3), "start": cur, "end": cur + len(v)})
        out.append(v); pos = m.end()
    out.append(src[pos:])
    return "".join(out), spans, keep

def rrn_ok(d):
    d = [int(x) for x in d]; s = sum(w * x for w, x in zip([2,3,4,5,6,7,8,9,2,3,4,5], d[:12]))
    if d[6] in (5, 6, 7, 8): return (13 - s % 11) % 10 == d[12]
    return (11 - s % 11) % 10 == d[12]
def brn_ok(d):
    d = [int(x) for x in d]; s = sum(w * x for w, x in zip([1,3,7,1,3,7,1,3,5], d[:9])) + (5 * d[8]) // 10
    return (10 - s % 10) % 10 == d[9]
def luhn_ok(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: x = x * 2 - 9 if x * 2 > 9 else x * 2
        s += x
    return s % 10 == 0

def check(rec, warn):
    t = rec["text"]; items = []
    for s in rec["spans"]:
        assert s["type"] in TYPES, rec["id"]
        items.append((s["start"], s["end"]))
    for k in rec["keep"]:
        assert re.fullmatch(r"[a-z_]+", k["what"]), rec["id"]
        items.append((k["start"], k["end"]))
    for a, b in items:
        v = t[a:b]
        assert 0 <= a < b <= len(t), (rec["id"], a, b)
        assert v == v.strip(), (rec["id"], v)
    items.sort()
    for (a1, b1), (a2, b2) in zip(items, items[1:]):
        assert b1 <= a2, (rec["id"], "overlap", t[a1:b1], t[a2:b2])
    assert not any(ch in t for ch in MARKCH), rec["id"]
    for s in rec["spans"]:
        v = t[s["start"]:s["end"]]; d = re.sub(r"[\s\-.]", "", v)
        if not d.isdigit(): continue
        if s["type"] in ("rrn", "arn") and len(d) == 13 and not rrn_ok(d): warn.append((rec["id"], s["type"], v))
        if s["type"] == "brn" and len(d) == 10 and not brn_ok(d): warn.append((rec["id"], "brn", v))
        if s["type"] == "card" and len(d) in (15, 16) and not luhn_ok(d): warn.append((rec["id"], "card", v))

def main():
    srcs = A.TEXTS + B.TEXTS + C.TEXTS + D.TEXTS
    recs = []
    for i, src in enumerate(srcs, 1):
        text, spans, keep = parse(src)
        recs.append({"id": "c17-%03d" % i, "text": text, "spans": spans, "keep": keep})
    warn = []
    for r in recs: check(r, warn)
    path = os.path.join(HERE, "pii_citizen_heldout17.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    assert back == recs
    warn2 = []
    for r in back: check(r, warn2)
    for w in warn2: print("WARNING check digit:", w)
    c = Counter(s["type"] for r in back for s in r["spans"])
    kc = Counter(k["what"] for r in back for k in r["keep"])
    print("texts", len(back), "chars", sum(len(r["text"]) for r in back))
    for t, n in c.most_common(): print("  %-15s %d" % (t, n))
    print("  total spans", sum(c.values()))
    print("keep", sum(kc.values()), dict(kc.most_common()))
    nopii = [r["id"] for r in back if not r["spans"]]
    print("no-PII", len(nopii), " ".join(x[4:] for x in nopii))
    if "-v" in sys.argv:
        for r in back:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]])

if __name__ == "__main__":
    main()
