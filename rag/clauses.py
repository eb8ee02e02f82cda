"""A unit's text as labelled clauses: 항 (①), 호 (1.), 목 (가.), and the sentences within them."""
from __future__ import annotations

import re

from rag.grammar import ARTICLE_LABEL

_PARA = re.compile(r"^\s*([①-⑳])")
_ITEM = re.compile(r"^\s*(\d+)\.(?:\s|$)")
_SUBITEM = re.compile(r"^\s*([가-하])\.(?:\s|$)")
_HEADING = re.compile(r"^\s*" + ARTICLE_LABEL + r"\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\))?\s*")


def clauses(text: str) -> list[tuple[str, str]]:
    """(항·호·목 label, line) for each line of a unit's text."""
    out, para, item = [], "", ""
    for n, line in enumerate((text or "").splitlines()):
        if n == 0:
            line = _HEADING.sub("", line)
        if not line.strip():
            continue
        if m := _PARA.match(line):
            para, item = f"제{ord(m.group(1)) - ord('①') + 1}항", ""
            label = para
        elif m := _ITEM.match(line):
            item = f"제{m.group(1)}호"
            label = para + item
        elif m := _SUBITEM.match(line):
            label = para + item + f"{m.group(1)}목"
        else:
            label = ""
        out.append((label, line.strip()))
    return out


_SENTENCE_END = re.compile(r"(?<=[다음]\.)\s+")
_LEAD = re.compile(r"^(?:[①-⑳]|\d+\.|[가-하]\.)\s*")


def sentences(line: str) -> list[str]:
    """A clause line cut at sentence ends (…다. / …음.), the 항·호·목 marker left on the first."""
    return [s.strip() for s in _SENTENCE_END.split(line) if s.strip()]


def strip_marker(line: str) -> str:
    """A clause without its ①, 1. or 가. marker."""
    return _LEAD.sub("", line, count=1)
