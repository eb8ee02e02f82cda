#!/usr/bin/env python3
"""Build eval/sets/pii_citizen_heldout9.jsonl from hand-written texts with inline markers.

Markers: ⟦type:value⟧ = PII span that must be masked; ⟪what:value⟫ = string that must NOT be masked.
Short type aliases: n=name p=phone a=address pl=plate b=birth_date r=rrn e=email ac=account
c=card pp=passport dl=driver_license (arn, brn, ip as is).
Run: python3 eval/sets/build/pii_heldout9_build.py
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = {"name", "phone", "address", "plate", "birth_date", "rrn", "email", "account", "arn",
         "card", "brn", "passport", "driver_license", "ip"}
ALIAS = {"n": "name", "p": "phone", "a": "address", "pl": "plate", "b": "birth_date", "r": "rrn",
         "e": "email", "ac": "account", "c": "card", "pp": "passport", "dl": "driver_license"}

from pii_heldout9_texts_a import T as T_A  # noqa: E402
from pii_heldout9_texts_b import T as T_B  # noqa: E402
from pii_heldout9_texts_c import T as T_C  # noqa: E402

T = T_A + T_B + T_C


MARK = re.compile(r"⟦([a-z_]+):(.*?)⟧|⟪([a-z_]+):(.*?)⟫", re.S)


def convert(src):
    out, spans, keep, pos = [], [], [], 0
    for m in MARK.finditer(src):
        out.append(src[pos:m.start()])
        start = sum(len(x) for x in out)
        if m.group(1):
            typ = ALIAS.get(m.group(1), m.group(1))
            val = m.group(2)
            if typ not in TYPES:
                raise ValueError(f"bad type {typ!r}")
            spans.append({"type": typ, "start": start, "end": start + len(val)})
        else:
            val = m.group(4)
            keep.append({"what": m.group(3), "start": start, "end": start + len(val)})
        if not val or val != val.strip():
            raise ValueError(f"empty or padded value {val!r}")
        if any(ch in val for ch in "⟦⟧⟪⟫"):
            raise ValueError(f"marker char inside {val!r}")
        out.append(val)
        pos = m.end()
    out.append(src[pos:])
    text = "".join(out)
    if any(ch in text for ch in "⟦⟧⟪⟫"):
        raise ValueError("unbalanced marker in text: " + text[:80])
    allr = sorted([(s["start"], s["end"]) for s in spans] + [(k["start"], k["end"]) for k in keep])
    for (a1, b1), (a2, b2) in zip(allr, allr[1:]):
        if a2 < b1:
            raise ValueError(f"overlap at {a1}-{b1} / {a2}-{b2}")
    return text.strip("\n"), spans, keep


def main():
    here = Path(__file__).resolve()
    dest = here.parent.parent / "pii_citizen_heldout9.jsonl"
    rows = []
    for i, src in enumerate(T, 1):
        lead = len(src) - len(src.lstrip("\n"))
        src = src.strip("\n")
        text, spans, keep = convert(src)
        assert lead >= 0
        rows.append({"id": f"c9-{i:03d}", "text": text, "spans": spans, "keep": keep})
    with dest.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and verify
    st, kt, empty = Counter(), Counter(), 0
    for line in dest.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        t = r["text"]
        for s in r["spans"]:
            v = t[s["start"]:s["end"]]
            assert v and v == v.strip() and s["type"] in TYPES, (r["id"], s)
            st[s["type"]] += 1
        for k in r["keep"]:
            v = t[k["start"]:k["end"]]
            assert v and v == v.strip(), (r["id"], k)
            kt[k["what"]] += 1
        empty += not r["spans"]
    print(f"texts {len(rows)}  without spans {empty}")
    print("spans", sum(st.values()), dict(st.most_common()))
    print("keep", sum(kt.values()), dict(kt.most_common()))
    if "-v" in sys.argv:
        for r in rows:
            print(r["id"], [(s["type"], r["text"][s["start"]:s["end"]]) for s in r["spans"]])


if __name__ == "__main__":
    main()
