"""Heading trees of PDF documents and their packing into units of bounded size (shared with the KGS
code parser), and the outline of generic documents (Ⅰ. / □ / 1. / ❶ / 가. / 1) / ○ headings)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.model import UNIT_SECTION, Unit

# --- heading trees and packing ------------------------------------------------------------------

@dataclass
class Section:
    """A heading with its own text lines (page, line) and sub-sections; both PDF parsers build these."""

    label: str
    title: str = ""
    page: int | None = None
    lines: list[tuple[int, str]] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    heading_lines: int = 1  # how many of `lines` are the heading itself

    @property
    def heading(self) -> str:
        """Path entry for descendants: "2.3 저장설비기준", "Ⅲ. 착안사항"."""
        return f"{self.label} {self.title}".strip()

    def all_lines(self) -> list[tuple[int, str]]:
        """Own lines then every descendant's, in document order."""
        out = list(self.lines)
        for child in self.children:
            out += child.all_lines()
        return out

    def size(self) -> int:
        """Characters of the whole subtree (lines joined by newlines)."""
        return sum(len(t) + 1 for _, t in self.all_lines())

    def content_size(self, deep: bool = True) -> int:
        """Characters beyond bare headings (a heading line without a title counts: it carries text)."""
        skip = self.heading_lines if self.title else 0
        own = sum(len(t) for _, t in self.lines[skip:])
        return own + (sum(c.content_size() for c in self.children) if deep else 0)


@dataclass
class Piece:
    """A unit-to-be: the section it is labelled by, its ancestors' headings, its lines, its part number."""

    section: Section
    path: list[str]
    lines: list[tuple[int, str]]
    part: int = 0

    @property
    def text(self) -> str:
        """The unit text: the piece's lines joined by newlines."""
        return "\n".join(t for _, t in self.lines)


def split_lines(lines: list[tuple[int, str]], limit: int) -> list[list[tuple[int, str]]]:
    """Chunks of whole lines under `limit` characters, balanced in size (an overlong line is cut)."""
    cut_lines: list[tuple[int, str]] = []
    for page, text in lines:
        while len(text) > limit:
            cut = max(text.rfind(" ", 0, limit), limit // 2)
            cut_lines.append((page, text[:cut]))
            text = text[cut:].strip()
        cut_lines.append((page, text))
    total = sum(len(t) + 1 for _, t in cut_lines)
    target = min(limit, -(-total // -(-total // limit)))  # equal shares of the fewest chunks that fit
    chunks: list[list[tuple[int, str]]] = [[]]
    size = 0
    for page, text in cut_lines:
        if chunks[-1] and (size + len(text) + 1 > limit or size >= target):
            chunks.append([])
            size = 0
        chunks[-1].append((page, text))
        size += len(text) + 1
    return chunks if chunks[0] else []


def pack_sections(node: Section, lo: int, hi: int, path: list[str] | None = None) -> list[Piece]:
    """Pieces of lo..hi chars: a subtree that fits is one piece, small children fold into their parent
    (labelled by the parent), long text is split into numbered parts, and a parent's short lead-in
    ("2.7.4.3 반밀폐식 … 다음과 같다.") heads its first child's piece. A node with an empty label (the
    document root) never absorbs children."""
    path = path or []
    if node.label and node.size() <= hi:
        return [Piece(node, path, node.all_lines())] if node.content_size() else []
    inner = path + [node.heading] if node.label else path
    own, rest, content, folded = list(node.lines), [], node.content_size(deep=False), False
    for child in node.children:
        if node.label and child.size() < lo:
            own += child.all_lines()
            content += child.content_size()
            folded = True
        else:
            rest += pack_sections(child, lo, hi, inner)
    if not content:
        return rest
    lead_in = sum(len(t) + 1 for _, t in own)
    if node.label and not folded and rest and lead_in < lo and lead_in + len(rest[0].text) < hi:
        rest[0].lines = own + rest[0].lines
        return rest
    chunks = split_lines(own, hi)
    return [Piece(node, path, c, i + 1 if len(chunks) > 1 else 0) for i, c in enumerate(chunks)] + rest


def piece_unit(piece: Piece, kind: str) -> Unit:
    """A Unit from a packed piece (pages recorded as first page and, if different, last page)."""
    sec = piece.section
    info: dict = {}
    if piece.part:
        info["part"] = piece.part
    if piece.lines[-1][0] != piece.lines[0][0]:
        info["page_end"] = piece.lines[-1][0]
    return Unit(label=sec.label, text=piece.text, kind=kind, title=sec.title, path=list(piece.path),
                page=piece.lines[0][0], extra=info)


# --- generic documents --------------------------------------------------------------------------

_STYLES = [  # (style, pattern, ordered): earlier-seen styles become higher levels
    ("roman", re.compile(r"^([ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,3})\s*\.?\s*(\S.*)$"), True),
    ("box", re.compile(r"^([□■▣◆●])\s*(\S.*)$"), False),
    ("num", re.compile(r"^(\d{1,2})\s*\.\s*(?!\d)(\S.*)$"), True),
    ("dingbat", re.compile(r"^([❶-❿])\s*(\S.*)$"), True),
    ("hangul", re.compile(r"^([가나다라마바사아자차카타파하])\s*\.\s*(\S.*)$"), True),
    ("paren", re.compile(r"^(\d{1,2})\)\s*(\S.*)$"), True),
    ("circle", re.compile(r"^([ㅇ○◦])\s+(\S.*)$"), False),
]
_ORDINAL = {"roman": "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ", "dingbat": "❶❷❸❹❺❻❼❽❾❿", "hangul": "가나다라마바사아자차카타파하"}


def _ordinal(style: str, marker: str) -> int:
    """Number of a list marker: Ⅲ -> 3, 다 -> 3, ❷ -> 2, 12 -> 12."""
    table = _ORDINAL.get(style)
    if table:
        return sum(table.index(c) + 1 for c in marker if c in table)
    return int(marker) if marker.isdigit() else 0


def _heading(line: str):
    """(style, marker, title) when the line looks like a section heading (short, not a sentence)."""
    for style, pattern, _ in _STYLES:
        m = pattern.match(line)
        if not m:
            continue
        title = _squeeze(m.group(2))
        if (re.search(r"[가-힣]", title) and len(title) <= (40 if style == "circle" else 60)
                and not re.search(r"(다|함|음|것|끝)\s*\.?$", title)):
            return style, m.group(1), title
        return None
    return None


def _squeeze(title: str) -> str:
    """Collapse spaces; letter-spaced headings ("목    적", "배 경") lose them."""
    toks = title.split()
    return "".join(toks) if len(toks) > 1 and all(len(t) == 1 for t in toks) else " ".join(toks)


def _place(stack: list, style: str, n: int, ordered: bool) -> int | None:
    """Stack depth a heading opens at: continue the nearest same-style list (n follows its last number),
    start a nested list at 1, an unordered style reuses its level; None when it is no heading."""
    same = [i for i, (s, _, _) in enumerate(stack) if s == style]
    if not ordered:
        return same[0] if same else len(stack)
    for i in reversed(same):
        if stack[i][2] < n <= stack[i][2] + 2:
            return i
    return len(stack) if n == 1 or (not same and n <= 3) else None


def build_outline(pages: list[list[str]]) -> Section:
    """Heading tree from lines: a new style or a restarted list nests under the open headings."""
    root = Section(label="", heading_lines=0)
    stack: list[tuple[str, Section, int]] = []  # (style, section, ordinal)
    ordered = {s for s, _, o in _STYLES if o}
    for page_no, lines in enumerate(pages, 1):
        for line in lines:
            h = _heading(line)
            depth = _place(stack, h[0], _ordinal(h[0], h[1]), h[0] in ordered) if h else None
            if depth is None:
                (stack[-1][1] if stack else root).lines.append((page_no, line))
                continue
            style, marker, title = h
            del stack[depth:]
            label = f"{marker}." if style in ("roman", "num", "hangul") else marker
            sec = Section(label=label, title=title, page=page_no, lines=[(page_no, line)])
            (stack[-1][1] if stack else root).children.append(sec)
            stack.append((style, sec, _ordinal(style, marker)))
    return root


def page_units(pages: list[list[str]], limit: int) -> list[Unit]:
    """Fallback units: consecutive pages up to `limit` characters, labelled by page."""
    lines = [(n, ln) for n, page in enumerate(pages, 1) for ln in page]
    units = []
    for chunk in split_lines(lines, limit):
        first, last = chunk[0][0], chunk[-1][0]
        label = f"p.{first}" if first == last else f"p.{first}-{last}"
        units.append(Unit(label=label, text="\n".join(t for _, t in chunk), kind=UNIT_SECTION, page=first))
    return units
