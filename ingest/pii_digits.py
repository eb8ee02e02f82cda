"""Digits an unseen writer spaces out or breaks over a line (masker round 5): one mechanism for every number type.

A number typed letter by letter ("0 1 0 3 3 2 1 …", "8 7 1 - 2 2 0 4") or broken by a line ("220-81-⏎62517",
"850312-⏎1234567") is a number the digit rules cannot read, whatever its label. ``compact`` returns a same-length
copy of the text in which such a stretch is pushed together ("8712204" then the spaces it freed; the line break moves
to the stretch's end), together with the stretches. The rules run on that copy (as on ``ingest.pii_shadow``'s), and a
find there is kept only with a strict shape: a 주민/외국인등록번호 with a real date, a 사업자등록번호 or card whose check
digit holds, a phone with a mobile or area prefix or a phone word before it. A find that reaches into a stretch is
widened over as many digits of the written original (``widen``), since the copy's characters sit earlier there.

Only single digits parted by one space (or " - ") count as letter-spaced, so "010 2917 5508" (ordinary groups) and
tables of small counts parted by TABs are left alone; a line break counts only between digit groups where a dash
ends the first or starts the second, or which together are 10 digits or more.
"""
from __future__ import annotations

import re

# Seven or more single digits, each parted by one space or a spaced separator: "8 7 1 - 2 2 0 4".
_SPACED = re.compile(r"(?<![\d.,])\d(?:(?: |[ ]?[-.][ ]?)\d){6,}(?![\d])")
# Digit groups broken over a line: "220-81-⏎62517", "850312-⏎1234567", "4539 1488⏎0343 6467".
_BROKEN = re.compile(r"(?<![\d.,])(\d[\d -]{2,16}?)[ \t]*\n[ \t]*(-?[ \t]?\d[\d -]{1,16}\d)(?![\d])")


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def compact(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The same-length copy with spaced or broken numbers pushed together, and the stretches; None: nothing to do."""
    chars = list(text)
    stretches: list[tuple[int, int]] = []
    for m in _SPACED.finditer(text):
        kept = re.sub(r" ", "", m.group())
        chars[m.start():m.end()] = list(kept + " " * (m.end() - m.start() - len(kept)))
        stretches.append((m.start(), m.start() + len(kept)))
    for m in _BROKEN.finditer(text):
        head, tail = m.group(1), m.group(2)
        if any(s < m.end() and m.start() < e for s, e in stretches):
            continue
        if not (head.endswith("-") or tail.startswith("-") or _digits(head) + _digits(tail) >= 10):
            continue
        cut_group = re.search(r"(\d+)\Z", head)
        glue = "" if head.endswith("-") or tail.startswith("-") or (cut_group and len(cut_group.group(1)) < 4) else " "
        joined = head + glue + tail
        room = m.end() - m.start() - len(joined)
        chars[m.start():m.end()] = list(joined + ("\n" + " " * (room - 1) if room else ""))
        stretches.append((m.start(), m.start() + len(joined)))
    if not stretches:
        return None
    return "".join(chars), sorted(stretches)


def widen(stretches: list[tuple[int, int]], text: str, copy: str, start: int, end: int) -> tuple[int, int]:
    """A find on the compacted copy that reaches into a stretch covers as many digits of the written original: its
    digits sit further right there ("8 7 1 - 2 2 0 4" for the copy's "871-2204")."""
    if not any(start < e and s < end for s, e in stretches):
        return start, end
    want = _digits(copy[start:end])
    seen, k = 0, start
    while k < len(text) and seen < want:
        seen += text[k].isdigit()
        k += 1
    return start, max(end, k)
