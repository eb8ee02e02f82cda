#!/usr/bin/env python3
"""Build pii_citizen_heldout22.jsonl from the marked-up text modules (set 22).
Markers: ⟦type:value⟧ span to mask, ⟪what:value⟫ keep item (must not be masked)."""
import json, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pii_heldout22_texts_a import TEXTS as A
from pii_heldout22_texts_b import TEXTS as B
from pii_heldout22_texts_c import TEXTS as C
from pii_heldout22_texts_d import TEXTS as D

ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn",
         "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license",
         "arn": "arn", "brn": "brn", "ip": "ip"}
TYPES = set(ALIAS.values())
MARK = re.compile(r"⟦([a-z]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
WRONG_OK = set()

def rrn_ok(d, arn=False):
    w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]
    s = sum(int(a) * b for a, b in zip(d[:12], w))
    c = ((13 if arn else 11) - s % 11) % 10
    return c == int(d[12])

def brn_ok(d):
    w = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    s = sum(int(a) * b for a, b in zip(d[:9], w)) + (int(d[8]) * 5) // 10
    return (10 - s % 10) % 10 == int(d[9])

def luhn_ok(d):
    t = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2:
            x *= 2
            if x > 9:
                x -= 9
        t += x
    return t % 10 == 0

def strip(raw):
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()])
        cur = sum(len(x) for x in out)
        if m.group(1) is not None:
            t, v = m.group(1), m.group(2)
            if t not in ALIAS:
                raise ValueError("bad type %r" % t)
            spans.append({"type": ALIAS[t], "start": cur, "end": cur + len(v)})
        else:
            v = m.group(4)
            keep.append({"what": m.group(3), "start": cur, "end": cur + len(v)})
        out.append(v)
        pos = m.end()
    out.append(raw[pos:])
    return "".join(out), spans, keep

def check(rec, warn):
    text, rid = rec["text"], rec["id"]
    for ch in "⟦⟧⟪⟫":
        assert ch not in text, (rid, "marker left")
    items = [("s", s["type"], s["start"], s["end"]) for s in rec["spans"]] + \
            [("k", k["what"], k["start"], k["end"]) for k in rec["keep"]]
    for kind, lab, a, b in items:
        v = text[a:b]
        assert b > a and v.strip() == v and v, (rid, lab, v)
        if kind == "s":
            assert lab in TYPES, (rid, lab)
        else:
            assert re.fullmatch(r"[a-z_]+", lab), (rid, lab)
    it = sorted(items, key=lambda x: x[2])
    for x, y in zip(it, it[1:]):
        assert x[3] <= y[2], (rid, "overlap", text[x[2]:x[3]], text[y[2]:y[3]])
    for s in rec["spans"]:
        v = text[s["start"]:s["end"]]
        if re.search(r"[^\d\s\-.]", v.replace("\n", " ")):
            continue  # stars, Hangul digits, letters: not checked
        d = re.sub(r"\D", "", v)
        t = s["type"]
        bad = None
        if t in ("rrn", "arn"):
            if len(d) == 13:
                isarn = d[6] in "5678"
                if (t == "arn") != isarn:
                    bad = "gender digit/type mismatch"
                elif not rrn_ok(d, isarn):
                    bad = "check digit"
            elif len(d) not in (6, 7):
                bad = "digit count %d" % len(d)
        elif t == "brn" and len(d) == 10 and not brn_ok(d):
            bad = "check digit"
        elif t == "card" and len(d) in (15, 16) and not luhn_ok(d):
            bad = "luhn"
        if bad:
            key = (rid, v)
            warn.append(("note" if key in WRONG_OK else "WARNING") + " %s %s %r: %s" % (rid, t, v, bad))

def main():
    verbose = "-v" in sys.argv
    texts = A + B + C + D
    recs, warn = [], []
    for i, (num, raw) in enumerate(texts, 1):
        assert num == "%03d" % i, ("id sequence", num, i)
        raw = raw.strip("\n")
        text, spans, keep = strip(raw)
        rec = {"id": "c22-" + num, "text": text, "spans": spans, "keep": keep}
        check(rec, warn)
        recs.append(rec)
    assert len(recs) == 110
    path = os.path.join(HERE, "pii_citizen_heldout22.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    assert back == recs
    w2 = []
    for r in back:
        check(r, w2)
    for w in warn:
        print(w)
    from collections import Counter
    sc = Counter(s["type"] for r in back for s in r["spans"])
    kc = Counter(k["what"] for r in back for k in r["keep"])
    nopii = [r["id"][4:] for r in back if not r["spans"]]
    print("texts", len(back), "chars", sum(len(r["text"]) for r in back))
    print("spans", sum(sc.values()), dict(sc.most_common()))
    print("keep", sum(kc.values()), dict(kc.most_common()))
    print("texts with keep", sum(1 for r in back if r["keep"]))
    print("no-PII (%d):" % len(nopii), " ".join(nopii))
    if verbose:
        for r in back:
            print("==", r["id"])
            for s in r["spans"]:
                print("   S %-14s %r" % (s["type"], r["text"][s["start"]:s["end"]]))
            for k in r["keep"]:
                print("   K %-14s %r" % (k["what"], r["text"][k["start"]:k["end"]]))

if __name__ == "__main__":
    main()
