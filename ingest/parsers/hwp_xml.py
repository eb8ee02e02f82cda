"""Blocks from Hangul's XML formats: HWPML 2.x (a .hwp saved as XML) and HWPX/OWPML section XML.

Both formats nest the same way (paragraph > run/text > characters, tables > rows > cells >
paragraph lists), only the element names differ, so one walker serves both. XML is parsed with
defusedxml; HWPML's internal DTD (it only declares ``&nbsp;``) is removed before parsing so that no
entity declaration ever reaches the parser.
"""
from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree as SafeET

from ingest.parsers.base import ParseError
from ingest.parsers.hwp_blocks import Cell, Para, Table

TEXT_TAGS = {"char", "t"}  # HWPML <CHAR>, HWPX <hp:t>
TABLE_TAGS = {"table", "tbl"}
ROW_TAGS = {"row", "tr"}
CELL_TAGS = {"cell", "tc"}
PARA_TAGS = {"p"}
NOTE_TAGS = {"footnote", "endnote"}
# Page furniture and binary/shape data never hold body text worth indexing.
SKIP_TAGS = {"header", "footer", "masterpage", "hiddencomment", "secdef", "secpr", "coldef", "colpr",
             "linesegarray", "head", "tail"}
INLINE_CHARS = {"tab": "\t", "linebreak": "\n", "fwspace": " ", "nbspace": " ", "hyphen": "-", "hypen": "-"}
_DOCTYPE = re.compile(rb"<!DOCTYPE\s+\w+\s*(\[.*?\]\s*)?>", re.S)


def local(tag) -> str:
    """Lower-case local name of an element tag ("{ns}tbl" -> "tbl")."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def parse_xml(path: Path, data: bytes, what: str):
    """Root element of an XML document, parsed safely; ParseError when malformed."""
    try:
        return SafeET.fromstring(data)
    except Exception as e:  # ParseError from expat, or defusedxml's DTD/entity refusals
        raise ParseError(path, f"{what} XML을 읽을 수 없습니다({type(e).__name__}: {e}): 손상된 파일입니다.") from e


def hwpml_blocks(path: Path, data: bytes) -> list:
    """Blocks of an HWPML document (root <HWPML>, text under <BODY>)."""
    data = _DOCTYPE.sub(b"", data, count=1).replace(b"&nbsp;", b"&#160;")
    root = parse_xml(path, data, "HWPML")
    if local(root.tag) != "hwpml":
        raise ParseError(path, f"XML 최상위 요소가 HWPML이 아닙니다(<{local(root.tag)}>): 한글 문서가 아닙니다.")
    body = next((el for el in root if local(el.tag) == "body"), None)
    if body is None:
        raise ParseError(path, "HWPML 문서에 본문(BODY)이 없습니다.")
    return blocks_of(body)


def blocks_of(element) -> list:
    """Blocks under an element (section, cell, text box): paragraphs and tables in order."""
    out: list = []
    notes: list = []
    buf: list[str] = []
    _collect(element, out, buf, notes)
    _flush(out, buf)
    return out + notes


def _collect(element, out: list, buf: list[str], notes: list) -> None:
    """Walk children: text goes to ``buf``, tables and nested paragraphs to ``out``."""
    for child in element:
        name = local(child.tag)
        if name in TEXT_TAGS:
            buf.append(_text(child))
        elif name in TABLE_TAGS:
            _flush(out, buf)
            out.append(_table(child))
        elif name in PARA_TAGS:
            _flush(out, buf)
            out.extend(blocks_of(child))
        elif name in NOTE_TAGS:
            notes.extend(blocks_of(child))
        elif name not in SKIP_TAGS:
            _collect(child, out, buf, notes)


def _flush(out: list, buf: list[str]) -> None:
    """Move buffered text into a paragraph block."""
    text = "".join(buf)
    buf.clear()
    if text.strip():
        out.append(Para(text))


def _text(element) -> str:
    """Characters of a text element, with tabs/line breaks/special spaces as plain characters."""
    parts = [element.text or ""]
    for sub in element:
        parts.append(INLINE_CHARS.get(local(sub.tag), ""))
        parts.append(sub.tail or "")
    return "".join(parts)


def _table(element) -> Table:
    """A table element: size attributes, then rows of cells with their addresses."""
    table = Table(_int(element, "RowCount", "rowCnt"), _int(element, "ColCount", "colCnt"))
    for row in (r for r in element if local(r.tag) in ROW_TAGS):
        for cell in (c for c in row if local(c.tag) in CELL_TAGS):
            table.cells.append(_cell(cell))
    return table


def _cell(element) -> Cell:
    """One cell: HWPML puts the address in attributes, HWPX in <cellAddr>/<cellSpan> children."""
    attrs = dict(element.attrib)
    for child in element:
        if local(child.tag) in ("celladdr", "cellspan"):
            attrs.update(child.attrib)
    cell = Cell(_int_attr(attrs, "RowAddr", "rowAddr", -1), _int_attr(attrs, "ColAddr", "colAddr", -1),
                max(_int_attr(attrs, "RowSpan", "rowSpan", 1), 1), max(_int_attr(attrs, "ColSpan", "colSpan", 1), 1))
    cell.blocks = blocks_of(element)
    return cell


def _int(element, *names: str) -> int:
    """First integer attribute found among ``names`` (0 when absent)."""
    return _int_attr(element.attrib, *names, 0)


def _int_attr(attrs: dict, name_a: str, name_b: str, default: int) -> int:
    """Integer attribute by either spelling, ``default`` when missing or not a number."""
    value = attrs.get(name_a, attrs.get(name_b))
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
