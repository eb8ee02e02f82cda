#!/usr/bin/env python3
"""Build pii_citizen_heldout21.jsonl from marked texts (⟦type:value⟧ spans, ⟪what:value⟫ keep)."""
import json, re, sys, os, importlib
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn",
         "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license"}
TYPES = {"name", "phone", "address", "birth_date", "rrn", "email", "arn", "passport", "plate",
         "account", "driver_license", "brn", "card", "ip"}
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
WRONG_OK = set()

def rrn_ok(d):
    w = [2,3,4,5,6,7,8,9,2,3,4,5]; s = sum(int(a)*b for a, b in zip(d[:12], w))
    if d[6] in "5678":
        return (13 - s % 11) % 10 == int(d[12])
    return (11 - s % 11) % 10 == int(d[12])
def brn_ok(d):
    w = [1,3,7,1,3,7,1,3,5]; s = sum(int(a)*b for a, b in zip(d[:9], w)) + (int(d[8])*5)//10
    return (10 - s % 10) % 10 == int(d[9])
def luhn(d):
    s = 0
    for i, ch in enumerate(reversed(d)):
        x = int(ch)
        if i % 2: x *= 2; x = x - 9 if x > 9 else x
        s += x
    return s % 10 == 0

def parse(tid, raw):
    raw = raw.strip("\n")
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(raw):
        out.append(raw[pos:m.start()]); cur = sum(map(len, out))
        if m.group(1) is not None:
            t, v = ALIAS.get(m.group(1), m.group(1)), m.group(2)
            assert t in TYPES, (tid, t)
            spans.append({"type": t, "start": cur, "end": cur + len(v)})
        else:
            v = m.group(4)
            keep.append({"what": m.group(3), "start": cur, "end": cur + len(v)})
        assert v and v == v.strip(), (tid, v)
        out.append(v); pos = m.end()
    out.append(raw[pos:]); text = "".join(out)
    for ch in "⟦⟧⟪⟫":
        assert ch not in text, (tid, "stray marker")
    allr = sorted([(s["start"], s["end"]) for s in spans + keep])
    for a, b in zip(allr, allr[1:]):
        assert a[1] <= b[0], (tid, "overlap", a, b)
    return {"id": tid, "text": text, "spans": spans, "keep": keep}

def check_digits(r):
    msgs = []
    for s in r["spans"]:
        v = r["text"][s["start"]:s["end"]]
        if "*" in v or re.search(r"[가-힣]", v): continue
        d = re.sub(r"[\s\-]", "", v)
        if s["type"] in ("rrn", "arn"):
            if not d.isdigit() or len(d) not in (6, 7, 13): msgs.append(f"warn {r['id']} {s['type']} digits {v!r}")
            elif len(d) == 13 and not rrn_ok(d): msgs.append(f"warn {r['id']} bad check {v!r}")
        elif s["type"] == "brn" and d.isdigit() and len(d) == 10 and not brn_ok(d):
            msgs.append(f"warn {r['id']} bad brn {v!r}")
        elif s["type"] == "card" and d.isdigit() and len(d) in (15, 16) and not luhn(d):
            msgs.append(f"warn {r['id']} bad card {v!r}")
    return msgs

def main():
    verbose = "-v" in sys.argv
    recs = []
    for mod in "abcd":
        M = importlib.import_module(f"pii_heldout21_texts_{mod}")
        for tid, raw in M.TEXTS:
            recs.append(parse(tid, raw))
    ids = [r["id"] for r in recs]
    assert ids == [f"c21-{i:03d}" for i in range(1, 111)], "id sequence"
    msgs = [m for r in recs for m in check_digits(r)]
    path = os.path.join(HERE, "pii_citizen_heldout21.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in recs: f.write(json.dumps(r, ensure_ascii=False) + "\n")
    back = [json.loads(l) for l in open(path, encoding="utf-8")]
    assert back == recs
    from collections import Counter
    tc, kc = Counter(), Counter()
    for r in back:
        for s in r["spans"]:
            assert s["type"] in TYPES and 0 <= s["start"] < s["end"] <= len(r["text"])
            tc[s["type"]] += 1
        for k in r["keep"]: kc[k["what"]] += 1
        if verbose:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]],
                  [(k["what"], r["text"][k["start"]:k["end"]]) for k in r["keep"]])
    for m in msgs: print(m)
    nopii = [r["id"][4:] for r in back if not r["spans"]]
    print("texts", len(back), "chars", sum(len(r["text"]) for r in back))
    print("spans", sum(tc.values()), dict(tc.most_common()))
    print("keep", sum(kc.values()), "in", sum(1 for r in back if r["keep"]), "texts", dict(kc.most_common()))
    print("no-PII", len(nopii), " ".join(nopii))

if __name__ == "__main__":
    main()
