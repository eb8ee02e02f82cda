"""Format-neutral content of a Hangul document (paragraphs and tables) and its rendering to text.

The HWP 5 (binary), HWPML (old XML) and HWPX (OWPML zip) readers all produce ``Para``/``Table``
blocks; ``render`` turns them into ``Piece``s: plain paragraph lines, or whole tables written one
line per row with cells separated by " | ". Layout tables (one column, or rows spanning the whole
width, which Korean 별표 use as a frame around the real content) are unwrapped into their content.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CELL_SEP = " | "
# A cell spanning several rows is repeated on the following rows when it is this short (a label).
REPEAT_SPANNED_CHARS = 40
_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
# Item markers that show a cell holds a list (1. / 가. / 1) / 가) / (1) / - / ㆍ / ○).
_ITEM = re.compile(r"^\s*(?:\d+[.)]|[가-힣][.)]|\(\d+\)|\([가-힣]\)|[-ㆍ·○●□■※])")


@dataclass
class Para:
    """One paragraph of text (may hold soft line breaks)."""

    text: str


@dataclass
class Cell:
    """One table cell at a grid position, holding blocks."""

    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    blocks: list = field(default_factory=list)


@dataclass
class Table:
    """A table: its declared size and its cells."""

    rows: int
    cols: int
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Piece:
    """Rendered text: one paragraph line, or one whole table (``table`` True, one row per line)."""

    text: str
    table: bool = False


def clean(text: str) -> str:
    """Collapse runs of spaces/tabs and strip; keeps the characters themselves."""
    return _SPACES.sub(" ", text or "").strip()


def render(blocks: list) -> list[Piece]:
    """Pieces for a block list: paragraphs split on line breaks, tables rendered or unwrapped."""
    out: list[Piece] = []
    for block in blocks:
        if isinstance(block, Para):
            out.extend(Piece(line) for line in map(clean, block.text.split("\n")) if line)
        elif isinstance(block, Table):
            out.extend(render_table(block))
    return out


def render_table(table: Table) -> list[Piece]:
    """A table's pieces: unwrapped layout rows as paragraphs, data rows grouped as table pieces."""
    cells = _normalised(table)
    if not cells:
        return []
    ncols = max(c.col + c.colspan for c in cells)
    if ncols == 1:
        return [p for c in sorted(cells, key=lambda c: (c.row, c.col)) for p in render(c.blocks)]
    texts = {id(c): cell_lines(c) for c in cells}
    out: list[Piece] = []
    segment: list[int] = []
    for r in sorted({c.row for c in cells}):
        starting = [c for c in cells if c.row == r]
        if len(starting) == 1 and starting[0].colspan >= ncols:
            out.extend(_segment_piece(cells, segment, texts))
            segment = []
            out.extend(render(starting[0].blocks))
        else:
            segment.append(r)
    out.extend(_segment_piece(cells, segment, texts))
    return out


def _segment_piece(cells: list[Cell], rows: list[int], texts: dict) -> list[Piece]:
    """One table piece for a run of data rows (between full-width layout rows)."""
    if not rows:
        return []
    inside = [c for c in cells if rows[0] <= c.row <= rows[-1]]
    keep_cols = _non_empty_columns(inside, texts)
    lines = [line for r in rows for line in _row_lines(inside, r, texts, keep_cols)]
    return [Piece("\n".join(lines), table=True)] if lines else []


def cell_lines(cell: Cell) -> list[str]:
    """A cell's text as lines (nested tables contribute their rows)."""
    return [line for p in render(cell.blocks) for line in p.text.split("\n") if line.strip()]


def _normalised(table: Table) -> list[Cell]:
    """Cells with sane addresses: fall back to reading order when addresses overlap or are missing."""
    cells = [c for c in table.cells if c is not None]
    seen = set()
    for c in cells:
        key = (c.row, c.col)
        if key in seen or c.row < 0 or c.col < 0:
            return _sequential(table, cells)
        seen.add(key)
    return cells


def _sequential(table: Table, cells: list[Cell]) -> list[Cell]:
    """Re-address cells row by row when the source gave no usable addresses."""
    cols = max(table.cols, 1)
    for i, c in enumerate(cells):
        c.row, c.col, c.rowspan, c.colspan = divmod(i, cols) + (1, 1)
    return cells


def _non_empty_columns(cells: list[Cell], texts: dict) -> set[int]:
    """Grid columns holding any text (indent columns that are empty everywhere are dropped)."""
    keep = set()
    for c in cells:
        if texts[id(c)]:
            keep.update(range(c.col, c.col + c.colspan))
    return keep


def _row_lines(cells: list[Cell], r: int, texts: dict, keep_cols: set[int]) -> list[str]:
    """Lines for grid row ``r``: usually one; several when the cells hold parallel item lists."""
    covering = sorted((c for c in cells if c.row <= r < c.row + c.rowspan), key=lambda c: c.col)
    covering = [c for c in covering if keep_cols.intersection(range(c.col, c.col + c.colspan))]
    values: list[list[str]] = []
    for c in covering:
        lines = texts[id(c)]
        if c.row < r and len(" ".join(lines)) > REPEAT_SPANNED_CHARS:
            lines = []
        values.append(lines)
    if not any(values):
        return []
    multi = [texts[id(c)] for c in covering if c.row == r and len(texts[id(c)]) > 1]
    if len(multi) >= 2 and len({len(v) for v in multi}) == 1:
        if len(multi[0]) >= 4 or any(all(_ITEM.match(x) for x in v) for v in multi):
            return _zipped(covering, values, r)
    return [CELL_SEP.join(" ".join(v) for v in values)]


def _zipped(covering: list[Cell], values: list[list[str]], r: int) -> list[str]:
    """Parallel lists in one row ("1. 충전사업허가" … | "3만원" …) written as one line per item."""
    n = max(len(v) for v, c in zip(values, covering) if c.row == r)
    lines = []
    for i in range(n):
        parts = []
        for v, c in zip(values, covering):
            if c.row == r and len(v) == n:
                parts.append(v[i])
            else:
                parts.append(" ".join(v))
        lines.append(CELL_SEP.join(parts))
    return lines
