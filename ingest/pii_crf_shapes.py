"""Shape features for the masker's tagger that do not depend on how a writer spells a number.

ASCII digits, full-width digits, CJK numerals, Hangul digit words in a run and the writer's own * or ○ beside
them all become one class ``#``: a character learns the class n-grams around it, the digit count, group count
and group lengths of the number it is part of however written, and how far the nearest label word stands
before it. Used by ``ingest.pii_crf.features`` when the model was trained with them (its attributes say so).
"""
from __future__ import annotations

import re

_FULL = frozenset("０１２３４５６７８９")
_CJK = frozenset("〇一二三四五六七八九十")
_KNUM_RUN = re.compile(r"[공영일이삼사오육륙칠팔구](?:[ \-.]?[공영일이삼사오육륙칠팔구]){3,}")
_SEP = frozenset(" .-‑–—/·")
_MASKS = frozenset("*○●xX")


def numeral_marks(text: str, cls: list[str]) -> list[bool]:
    num = [c.isascii() and c.isdigit() or c in _FULL or c in _CJK for c in text]
    for m in _KNUM_RUN.finditer(text):
        for i in range(m.start(), m.end()):
            num[i] = num[i] or text[i] not in _SEP
    for i, c in enumerate(text):  # the writer's masking beside a numeral
        if c in _MASKS and ((i and num[i - 1]) or (i + 1 < len(text) and num[i + 1])):
            num[i] = True
    for i in range(len(text) - 1, -1, -1):  # runs of masks reaching back to a numeral
        if text[i] in _MASKS and i + 1 < len(text) and num[i + 1]:
            num[i] = True
    return num


def _bucket(n: int) -> str:
    for hi, name in ((2, "1-2"), (4, "3-4"), (6, "5-6"), (8, "7-8"), (11, "9-11"), (14, "12-14")):
        if n <= hi:
            return name
    return "15+"


def _dist(d: int) -> str:
    for hi, name in ((2, "0-2"), (6, "3-6"), (12, "7-12"), (24, "13-24"), (48, "25-48")):
        if d <= hi:
            return name
    return "far"


def shape_features(text: str, cls: list[str], feats: list[list[str]], cues: list[tuple[str, int, int]]) -> None:
    """Appends the shape features of every character to ``feats`` (in place)."""
    n = len(text)
    num = numeral_marks(text, cls)
    xc = ["#" if num[i] else ("_" if cls[i] in "SN" else cls[i]) for i in range(n)]
    # numbers however written: numerals with up to two separators between
    i = 0
    while i < n:
        if not num[i]:
            i += 1
            continue
        groups, j, cur = [], i, 0
        while j < n:
            if num[j]:
                cur += 1
                j += 1
                continue
            k = j
            while k < n and k - j < 2 and text[k] in _SEP:
                k += 1
            if k > j and k < n and num[k]:
                groups.append(cur)
                cur, j = 0, k
                continue
            break
        groups.append(cur)
        total = sum(groups)
        pattern = "-".join(str(min(g, 9)) for g in groups[:6])
        for p in range(i, j):
            feats[p] += [f"xn={_bucket(total)}", f"xg={pattern}", f"xng={min(len(groups), 6)}"]
        feats[i].append("x0")
        feats[j - 1].append("x9")
        i = j
    # class n-grams with every numeral as #
    for p in range(n):
        f = feats[p]
        f.append("x3=" + "".join(xc[max(0, p - 1):p + 2]))
        f.append("x5=" + "".join(xc[max(0, p - 2):p + 3]))
        f.append("xl=" + "".join(xc[max(0, p - 4):p + 1]))
    # distance to the nearest label word before (any kind), and its kind
    last: tuple[str, int] | None = None
    ends = sorted((e, kind) for kind, _, e in cues)
    k = 0
    for p in range(n):
        while k < len(ends) and ends[k][0] <= p:
            last = (ends[k][1], ends[k][0])
            k += 1
        if last is not None and num[p]:
            feats[p].append(f"xd={last[0]}:{_dist(p - last[1])}")
