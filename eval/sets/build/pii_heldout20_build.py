#!/usr/bin/env python3
"""Build pii_citizen_heldout20.jsonl from the marked-up text modules."""
import json, re, sys, os
from collections import Counter
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import pii_heldout20_texts_a as A, pii_heldout20_texts_b as B, pii_heldout20_texts_c as C, pii_heldout20_texts_d as D

TYPES = {"name", "phone", "address", "birth_date", "rrn", "email", "arn", "passport", "account",
         "plate", "driver_license", "brn", "card", "ip"}
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn",
         "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license"}
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKCH = set("⟦⟧⟪⟫")

def parse(raw):
    raw = raw.strip("\n")
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        cur = sum(len(x) for x in out)
        if m.group(1) is not None:
            t = ALIAS.get(m.group(1), m.group(1)); v = m.group(2)
            spans.append({"type": t, "start": cur, "end": cur + len(v)})
        else:
            v = m.group(4)
            keep.append({"what": m.group(3), "start": cur, "end": cur + len(v)})
        out.append(v)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), spans, keep

def digits(s):
    return [int(c) for c in s if c.isdigit()]

def rrn_ok(s):
    d = digits(s)
    w = [2,3,4,5,6,7,8,9,2,3,4,5]
    t = sum(a*b for a, b in zip(d, w))
    if d[6] in (5,6,7,8):
        return (13 - t % 11) % 10 == d[12]
    return (11 - t % 11) % 10 == d[12]

def brn_ok(s):
    d = digits(s); w = [1,3,7,1,3,7,1,3,5]
    t = sum(a*b for a, b in zip(d, w)) + (5*d[8])//10
    return (10 - t % 10) % 10 == d[9]

def luhn_ok(s):
    d = digits(s)[::-1]; t = 0
    for i, x in enumerate(d):
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        t += x
    return t % 10 == 0

def check(rec, errs, warns, wrong_ok):
    text = rec["text"]
    if any(c in MARKCH for c in text): errs.append(f"{rec['id']}: stray marker")
    items = [(s["start"], s["end"], "S:" + s["type"]) for s in rec["spans"]] + \
            [(k["start"], k["end"], "K:" + k["what"]) for k in rec["keep"]]
    for s in rec["spans"]:
        if s["type"] not in TYPES: errs.append(f"{rec['id']}: bad type {s['type']}")
    for k in rec["keep"]:
        if not re.fullmatch(r"[a-z_]+", k["what"]): errs.append(f"{rec['id']}: bad keep label {k['what']}")
    for a, b, lab in items:
        v = text[a:b]
        if not v or v != v.strip(): errs.append(f"{rec['id']}: empty/whitespace {lab} {v!r}")
    items.sort()
    for x, y in zip(items, items[1:]):
        if y[0] < x[1]: errs.append(f"{rec['id']}: overlap {x} {y}")
    for s in rec["spans"]:
        v = text[s["start"]:s["end"]]
        if re.search(r"[*가-힣]", v) and s["type"] != "driver_license": pass
        if not re.fullmatch(r"[0-9 \-\n]+", v): continue
        n = len(digits(v)); ok = None
        if s["type"] in ("rrn", "arn") and n == 13: ok = rrn_ok(v)
        elif s["type"] == "brn" and n == 10: ok = brn_ok(v)
        elif s["type"] == "card" and n in (15, 16): ok = luhn_ok(v)
        if s["type"] in ("rrn", "arn") and n not in (6, 7, 13):
            warns.append(f"{rec['id']}: odd digit count {n} {s['type']} {v!r}")
        if ok is False:
            msg = f"{rec['id']}: check digit fails {s['type']} {v!r}"
            (warns if rec["id"] not in wrong_ok else notes).append(msg)

notes = []
def main():
    verbose = "-v" in sys.argv
    texts, wrong_ok = [], set()
    for mod in (A, B, C, D):
        texts += mod.TEXTS
        wrong_ok |= set(getattr(mod, "WRONG_OK", ()))
    recs, errs, warns = [], [], []
    for i, (tid, raw) in enumerate(texts, 1):
        exp = f"c20-{i:03d}"
        if tid != exp: errs.append(f"id sequence: got {tid}, expected {exp}")
        text, spans, keep = parse(raw)
        rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
        check(rec, errs, warns, wrong_ok); recs.append(rec)
    path = os.path.join(HERE, "pii_citizen_heldout20.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    if back != recs: errs.append("re-read mismatch")
    for r in back: check(r, errs, [], wrong_ok)
    notes[:] = list(dict.fromkeys(notes))
    sc = Counter(s["type"] for r in back for s in r["spans"])
    kc = Counter(k["what"] for r in back for k in r["keep"])
    nopii = [r["id"] for r in back if not r["spans"]]
    print(f"texts {len(back)}, chars {sum(len(r['text']) for r in back)}")
    print("spans", sum(sc.values()), dict(sc.most_common()))
    print("keep", sum(kc.values()), "in", sum(1 for r in back if r["keep"]), "texts", dict(kc.most_common()))
    print(f"no-PII {len(nopii)}:", " ".join(x[4:] for x in nopii))
    for n in notes: print("note", n)
    for w in warns: print("WARNING", w)
    for e in errs: print("ERROR", e)
    if verbose:
        for r in back:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]],
                  [(k["what"], r["text"][k["start"]:k["end"]]) for k in r["keep"]])
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main())
