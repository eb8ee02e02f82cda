"""Cut rendered pieces into retrievable parts by the document's own numbering (1. / 가. / 1)).

Headings are recognised only on paragraph lines and only when they continue the running sequence
(after "2." comes "3.", after "가." comes "나."), so the "비고 1. 2." notes under a table and list
items inside table cells never start a part. A part that is still too long is cut between pieces;
a table is never separated from the line just before it (its heading), and a table longer than
the limit is cut between rows with its header row repeated.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.parsers.hwp_blocks import Piece

MAX_CHARS = 2500
MIN_CHARS = 500
HEADING_TITLE_CHARS = 60  # heading text kept in a path (long numbered sentences are cut)
LEAD_IN_CHARS = 300  # paragraphs just before a table that move with it to the next unit
ORDINALS = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초코토포호"
LEVEL_RES = {
    0: re.compile(r"^([□■◆◇▣▶])\s*(\S.{0,78})$"),  # symbol headings (generic documents only)
    1: re.compile(r"^(\d{1,2})(?:의(\d{1,2}))?\.\s*(?!\d)"),
    2: re.compile(r"^([가-힣])\.\s*"),
    3: re.compile(r"^(\d{1,2})\)\s*"),
}
ANNEX_LEVELS = (1, 2, 3)
NOTE_RE = re.compile(r"^[※\s]*비\s*고\s*[:：]?\s*(\d|$)")
GENERIC_LEVELS = (0, 1, 2, 3)


@dataclass
class Heading:
    """A recognised heading line."""

    level: int
    token: str  # "1.", "가.", "1)", "□"
    text: str  # the line, shortened


@dataclass
class Node:
    """A heading with the pieces under it (before its first sub-heading) and its sub-headings."""

    heading: Heading | None
    pieces: list[Piece] = field(default_factory=list)
    children: list["Node"] = field(default_factory=list)


@dataclass
class Part:
    """Consecutive pieces that become one unit, with the heading path they sit under."""

    headings: list[Heading]
    pieces: list[Piece]
    last: list[Heading] | None = None  # heading path of the last merged part, when merged
    chunk: tuple[int, int] = (1, 1)  # (k, n) when a part too long for one unit was cut in n

    @property
    def size(self) -> int:
        """Characters of the part's text."""
        return size(self.pieces)

    @property
    def path(self) -> list[str]:
        """Heading lines the part sits under, outermost first."""
        return [h.text for h in self.headings]

    @property
    def label(self) -> str:
        """Numbering path ("1. 가."), or a range ("1. 가. ~ 1. 다.") for merged parts."""
        label = " ".join(h.token for h in self.headings)
        if self.last is not None and self.last != self.headings:
            label = f"{label} ~ {' '.join(h.token for h in self.last)}".strip()
        if self.chunk[1] > 1:
            label = f"{label} ({self.chunk[0]}/{self.chunk[1]})".strip()
        return label


def size(pieces: list[Piece]) -> int:
    """Characters of pieces joined by newlines."""
    return sum(len(p.text) + 1 for p in pieces)


def split_parts(pieces: list[Piece], levels=ANNEX_LEVELS, max_chars: int = MAX_CHARS,
                min_chars: int = MIN_CHARS) -> list[Part]:
    """Parts of about ``min_chars``..``max_chars`` following the heading tree; one part if it fits."""
    root = outline(pieces, levels)
    parts = _split(root, [], max_chars)
    return _merge(parts, min_chars, max_chars)


def outline(pieces: list[Piece], levels=ANNEX_LEVELS) -> Node:
    """Heading tree of the pieces (pieces before the first heading stay on the root)."""
    root = Node(None)
    stack = [root]
    last: dict[int, tuple] = {}
    for piece in pieces:
        if not piece.table and NOTE_RE.match(piece.text):
            last["note"] = ()  # "비고" notes below: their own 1. 2. never start a level
        heading = None if piece.table else _heading(piece.text, levels, last)
        if heading is None:
            stack[-1].pieces.append(piece)
            continue
        while len(stack) > 1 and stack[-1].heading.level >= heading.level:
            stack.pop()
        node = Node(heading, [piece])
        stack[-1].children.append(node)
        stack.append(node)
    return root


def _heading(line: str, levels, last: dict[int, tuple]) -> Heading | None:
    """The heading on a line if it continues its level's sequence; updates ``last``."""
    for level in levels:
        m = LEVEL_RES[level].match(line)
        if not m:
            continue
        key = _key(level, m)
        if key is None or not _follows(level, key, last.get(level)):
            continue
        if "note" in last and last.get(level) is None:
            continue
        last.pop("note", None)
        last[level] = key
        for lower in [k for k in last if k > level]:
            del last[lower]
        short = line if len(line) <= HEADING_TITLE_CHARS else line[:HEADING_TITLE_CHARS].rstrip() + "…"
        return Heading(level, m.group(0).strip() if level else m.group(1), short)
    return None


def _key(level: int, m: re.Match) -> tuple | None:
    """Sequence key of a heading match: (number, sub-number) or (ordinal index,)."""
    if level == 0:
        return (0,)
    if level == 2:
        i = ORDINALS.find(m.group(1))
        return (i,) if i >= 0 else None
    return int(m.group(1)), int(m.group(2) or 0) if m.re.groups > 1 else 0


def _follows(level: int, key: tuple, prev: tuple | None) -> bool:
    """Whether ``key`` is the next heading of its level ("3." after "2.", "1의2." after "1.")."""
    if level == 0:
        return True
    if prev is None:
        return key[0] == (0 if level == 2 else 1) and (len(key) < 2 or key[1] == 0)
    if len(key) > 1 and key[1]:
        return key[0] == prev[0] and key[1] > prev[1]
    return key[0] == prev[0] + 1


def _split(node: Node, path: list[Heading], max_chars: int) -> list[Part]:
    """Parts for a subtree: whole if it fits, else its own lines plus its children's parts."""
    here = path + ([node.heading] if node.heading else [])
    everything = _all_pieces(node)
    if size(everything) <= max_chars or not node.children:
        return _packed(here, everything, max_chars)
    parts = [p for child in node.children for p in _split(child, here, max_chars)]
    if node.pieces:
        # a heading (and a short intro) always stays with the first part under it
        if size(node.pieces) < MIN_CHARS or size(node.pieces) + parts[0].size <= max_chars:
            parts[0].pieces = node.pieces + parts[0].pieces
        else:
            parts = _packed(here, node.pieces, max_chars) + parts
    return parts


def _packed(headings: list[Heading], pieces: list[Piece], max_chars: int) -> list[Part]:
    """Parts for pieces under one heading path, numbered when they had to be cut."""
    chunks = pack(pieces, max_chars)
    return [Part(headings, c, chunk=(k + 1, len(chunks))) for k, c in enumerate(chunks)]


def _all_pieces(node: Node) -> list[Piece]:
    """The node's pieces followed by all its descendants', in document order."""
    return node.pieces + [p for child in node.children for p in _all_pieces(child)]


def _merge(parts: list[Part], min_chars: int, max_chars: int) -> list[Part]:
    """Join a short part with the next one while the result stays within ``max_chars``."""
    out: list[Part] = []
    for part in parts:
        prev = out[-1] if out else None
        if prev and prev.size < min_chars and prev.size + part.size <= max_chars:
            prev.pieces = prev.pieces + part.pieces
            prev.last = part.headings
        else:
            out.append(part)
    if len(out) > 1 and out[-1].size < min_chars and out[-2].size + out[-1].size <= max_chars:
        tail = out.pop()
        out[-1].pieces += tail.pieces
        out[-1].last = tail.headings
    return out


def pack(pieces: list[Piece], max_chars: int = MAX_CHARS) -> list[list[Piece]]:
    """Pieces cut into chunks of at most ``max_chars``; a table keeps the line before it."""
    chunks: list[list[Piece]] = []
    current: list[Piece] = []
    for piece in [q for p in pieces for q in split_table(p, max_chars)]:
        if current and size(current) + len(piece.text) + 1 > max_chars:
            carry = _lead_in(current) if piece.table else []
            if current:
                chunks.append(current)
            current = carry
        current.append(piece)
    if current:
        chunks.append(current)
    return chunks


def _lead_in(current: list[Piece]) -> list[Piece]:
    """Pop the short paragraphs that introduce a table (heading, "(단위: 만원)") off ``current``."""
    carry: list[Piece] = []
    while current and not current[-1].table and (not carry or size(carry) + len(current[-1].text) < LEAD_IN_CHARS):
        carry.insert(0, current.pop())
    return carry


def split_table(piece: Piece, max_chars: int = MAX_CHARS) -> list[Piece]:
    """A table piece longer than ``max_chars`` as several, each starting with the header row."""
    if not piece.table or len(piece.text) <= max_chars:
        return [piece]
    header, *rows = piece.text.split("\n")
    out, current = [], [header]
    for row in rows:
        if len(current) > 1 and size([Piece(x) for x in current]) + len(row) + 1 > max_chars:
            out.append(Piece("\n".join(current), table=True))
            current = [header]
        current.append(row)
    out.append(Piece("\n".join(current), table=True))
    return out
