#!/usr/bin/env python3
"""Build pii_train11.jsonl from the marked-up texts in texts_*.py.

Markers:  ⟦type:value⟧  span that must be masked (aliases: n p a pl b r e ac c pp dl)
          ⟪what:value⟫  string that must NOT be masked (keep item)
Usage: python3 build_train11.py [-v]
"""
import json, re, sys, os, collections, importlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
OUT = os.path.join(os.path.dirname(HERE), "pii_train11.jsonl")
MODULES = ["pii_train11_texts_a", "pii_train11_texts_b", "pii_train11_texts_c", "pii_train11_texts_d"]

TYPES = {"name", "phone", "address", "plate", "birth_date", "rrn", "email", "account",
         "arn", "card", "brn", "passport", "driver_license", "ip"}
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date",
         "r": "rrn", "e": "email", "ac": "account", "c": "card", "pp": "passport",
         "dl": "driver_license"}
MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)
MARKCHARS = set("⟦⟧⟪⟫")


def parse(src, tid):
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        start = sum(len(x) for x in out)
        if m.group(1) is not None:
            typ, val = ALIAS.get(m.group(1), m.group(1)), m.group(2)
            assert typ in TYPES, (tid, "bad type", typ)
            spans.append({"type": typ, "start": start, "end": start + len(val)})
        else:
            what, val = m.group(3), m.group(4)
            keep.append({"what": what, "start": start, "end": start + len(val)})
        assert val, (tid, "empty value")
        assert val == val.strip(), (tid, "surrounding whitespace", repr(val))
        assert not (set(val) & MARKCHARS), (tid, "marker inside value", val)
        out.append(val)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    assert not (set(text) & MARKCHARS), (tid, "stray marker", text)
    return text, spans, keep


def check(rec):
    tid, text = rec["id"], rec["text"]
    assert text and text == text.strip(), (tid, "text empty or padded")
    items = [("s", s["type"], s["start"], s["end"]) for s in rec["spans"]] + \
            [("k", k["what"], k["start"], k["end"]) for k in rec["keep"]]
    for kind, lab, a, b in items:
        assert 0 <= a < b <= len(text), (tid, lab, a, b)
        v = text[a:b]
        assert v == v.strip(), (tid, "whitespace", repr(v))
        if kind == "s":
            assert lab in TYPES, (tid, lab)
        else:
            assert re.fullmatch(r"[a-z_]+", lab), (tid, lab)
    iv = sorted((a, b, lab) for _, lab, a, b in items)
    for (a1, b1, l1), (a2, b2, l2) in zip(iv, iv[1:]):
        assert b1 <= a2, (tid, "overlap", l1, text[a1:b1], l2, text[a2:b2])


def main():
    verbose = "-v" in sys.argv
    recs = []
    for modname in MODULES:
        mod = importlib.import_module(modname)
        for src in mod.TEXTS:
            tid = "t11-%03d" % (len(recs) + 1)
            text, spans, keep = parse(src.strip(), tid)
            rec = {"id": tid, "text": text, "spans": spans, "keep": keep}
            check(rec)
            recs.append(rec)
    with open(OUT, "w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and re-check
    back = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    assert back == recs
    ids = [r["id"] for r in back]
    assert len(ids) == len(set(ids))
    cnt, kcnt = collections.Counter(), collections.Counter()
    for r in back:
        check(r)
        cnt.update(s["type"] for s in r["spans"])
        kcnt.update(k["what"] for k in r["keep"])
        if verbose:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]])
    nopii = sum(1 for r in back if not r["spans"])
    print(f"texts: {len(back)}  without PII: {nopii} ({100*nopii/len(back):.1f}%)  "
          f"chars: {sum(len(r['text']) for r in back)}")
    print("spans:", sum(cnt.values()))
    for t, n in cnt.most_common():
        print(f"  {t:15s} {n}")
    print("keep:", sum(kcnt.values()), dict(kcnt.most_common()))
    missing = TYPES - set(cnt)
    if missing:
        print("types with no span:", sorted(missing))


if __name__ == "__main__":
    main()
