"""Where a value stands in a text's layout, for the learned tagger (``ingest.pii_crf``): the header of its
table column ("| 이름 | 생일 |" then "| 채윤호 | 1981.02.17 |"; tab-separated copies from a spreadsheet) and the
label words of the line before it (a chat's question "생년월일 여덟 자리 입력해 주세요" and the answer line).
"""
from __future__ import annotations

import re

_SEPARATOR_ROW = re.compile(r"[ \t|:\-–—=+]*")


def _is_row(line: str) -> bool:
    return "\t" in line.strip(" ") or line.count("|") >= 2 or line.count("│") >= 2


def _cells(line: str, offset: int) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table row; markdown's outer bars give empty cells at both ends."""
    out, start = [], 0
    for m in re.finditer(r"\t|\||│", line):
        out.append((offset + start, offset + m.start()))
        start = m.end()
    out.append((offset + start, offset + len(line)))
    return out


def lines(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with the offset where it starts."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def column_kinds(text: str, cue_re: re.Pattern) -> dict[int, str]:
    """Character position → the label kind its table column's header names (first row of a table block)."""
    out: dict[int, str] = {}
    header: list[str | None] | None = None
    for offset, line in lines(text):
        if not _is_row(line):
            header = None
            continue
        if _SEPARATOR_ROW.fullmatch(line):
            continue
        cells = _cells(line, offset)
        if header is None:
            header = []
            for s, e in cells:
                m = cue_re.search(text, s, e)
                header.append(m.lastgroup if m else None)
            continue
        for k, (s, e) in enumerate(cells):
            if k < len(header) and header[k]:
                for i in range(s, e):
                    out[i] = header[k]
    return out


def previous_line_kinds(text: str, cue_re: re.Pattern, reach: int = 30) -> dict[int, tuple[str, ...]]:
    """Character position (the first ``reach`` of a line) → label kinds in the line before (a question, a label)."""
    out: dict[int, tuple[str, ...]] = {}
    rows = lines(text)
    for (p_off, prev), (offset, line) in zip(rows, rows[1:]):
        kinds = tuple(sorted({m.lastgroup for m in cue_re.finditer(prev)}))
        if kinds:
            for i in range(offset, offset + min(len(line), reach)):
                out[i] = kinds
    return out
