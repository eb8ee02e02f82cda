"""Parser for Word (.docx) manuals and guidelines: heading paths, tables as " | " rows, section units.

The archive goes through the HWPX zip guard (member count, declared size, compression ratio, path
traversal, truncation) before python-docx opens it, so a zip bomb renamed .docx is refused without
being decompressed. Headings (Heading 1-6, 제목 1-6, Hangul's 개요 1-6, or an outline level) build
the heading path; every paragraph and table row stays in the section it appears in; sections are
cut into units of at most 2000 characters labelled by their heading path.

``section_units`` and ``guess_kind`` are shared with the HTML parser.
"""
from __future__ import annotations

import re
import zipfile
from itertools import groupby
from pathlib import Path

from ingest.parsers.base import ParseError, sniff
from ingest.parsers.hwpx import check_members
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION, Document, Unit

MAX_UNIT_CHARS = 2000
GUIDELINE_WORDS = ("지침", "가이드라인", "안내", "공문")
_HEADING_STYLE = re.compile(r"^(?:heading|제목|개요)\s*([1-9])$", re.I)
_TITLE_STYLE = re.compile(r"^(?:title|제목)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SPACE = re.compile(r"[ \t\u00a0\u3000]+")

Block = tuple[tuple[str, ...], str]  # (heading path, text of one paragraph or one table)


def guess_kind(*names: str) -> str:
    """KIND_GUIDELINE when a title or file name says 지침/가이드라인/안내/공문, else KIND_MANUAL."""
    return KIND_GUIDELINE if any(w in (n or "") for n in names for w in GUIDELINE_WORDS) else KIND_MANUAL


def clean(text: str) -> str:
    """Spaces collapsed inside each line, blank lines dropped."""
    lines = (_SPACE.sub(" ", ln).strip() for ln in (text or "").splitlines())
    return "\n".join(ln for ln in lines if ln)


def _pieces(text: str, limit: int) -> list[str]:
    """A block cut at line ends (then hard) so that no piece exceeds ``limit``."""
    if len(text) <= limit:
        return [text]
    out: list[str] = []
    for line in text.splitlines():
        while len(line) > limit:  # prefer a sentence end, then a space, in the second half
            cut = line.rfind(". ", limit // 2, limit) + 1 or line.rfind(" ", limit // 2, limit)
            cut = cut if cut > 0 else limit
            out.append(line[:cut].rstrip())
            line = line[cut:].lstrip()
        out.append(line)
    return [p for p in out if p]


def section_units(blocks: list[Block], default_label: str, limit: int = MAX_UNIT_CHARS) -> list[Unit]:
    """UNIT_SECTION units of at most ``limit`` chars: consecutive blocks of one heading path packed."""
    units: list[Unit] = []
    seen: dict[str, int] = {}
    for path, group in groupby(blocks, key=lambda b: b[0]):
        chunks, cur = [], ""
        for text in (p for _, t in group for p in _pieces(t, limit)):
            if cur and len(cur) + 1 + len(text) > limit:
                chunks.append(cur)
                cur = ""
            cur = f"{cur}\n{text}" if cur else text
        if cur.strip():
            chunks.append(cur)
        label = " > ".join(path) or default_label
        for chunk in chunks:
            seen[label] = seen.get(label, 0) + 1
            units.append(Unit(label=label, text=chunk, kind=UNIT_SECTION, title=path[-1] if path else "",
                              path=list(path), extra={"part": seen[label]} if seen[label] > 1 else {}))
    return units


def heading_level(paragraph) -> int:
    """1-6 for a heading paragraph (style name, its base styles, or outline level), else 0."""
    lvl = paragraph._p.xpath("./w:pPr/w:outlineLvl/@w:val")
    style = paragraph.style if paragraph._p.pPr is not None and paragraph._p.pPr.pStyle is not None else None
    for _ in range(5):  # a custom style "장 제목" based on "Heading 1"
        if style is None:
            break
        m = _HEADING_STYLE.match((style.name or "").strip())
        if m:
            return int(m.group(1)) if int(m.group(1)) <= 6 else 0
        lvl = lvl or style.element.xpath("./w:pPr/w:outlineLvl/@w:val")
        style = style.base_style
    if lvl and lvl[0].isdigit() and int(lvl[0]) < 6:
        return int(lvl[0]) + 1
    return 0


def _is_title(paragraph) -> bool:
    pPr = paragraph._p.pPr
    return pPr is not None and pPr.pStyle is not None and bool(_TITLE_STYLE.match(paragraph.style.name or ""))


def render_table(table) -> str:
    """One line per row, cells joined by " | "; vertically merged cells repeat the value above."""
    from docx.text.paragraph import Paragraph

    lines, above = [], {}
    for tr in table._tbl.tr_lst:
        cells, col = [], 0
        for tc in tr.tc_lst:
            text = " ".join(Paragraph(p, table).text for p in tc.xpath(".//w:p"))
            text = _SPACE.sub(" ", text.replace("\n", " ")).strip()
            if tc.vMerge == "continue":
                text = above.get(col, "")
            above[col] = text
            cells.append(text)
            col += tc.grid_span
        if any(cells):
            lines.append(" | ".join(cells))
    return "\n".join(lines)


def _iter_blocks(parent_el, parent):
    """Paragraphs and tables in body order, looking inside content controls (w:sdt)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for el in parent_el.iterchildren():
        if el.tag == f"{_W}p":
            yield Paragraph(el, parent)
        elif el.tag == f"{_W}tbl":
            yield Table(el, parent)
        elif el.tag == f"{_W}sdt":
            for content in el.iterchildren(f"{_W}sdtContent"):
                yield from _iter_blocks(content, parent)


def open_docx(path: Path):
    """(python-docx Document, core title) after the zip guard; ParseError with a Korean reason otherwise."""
    fmt = sniff(path)
    if fmt == "ole":
        raise ParseError(path, "DOCX가 아니라 OLE 문서입니다: 옛 Word(.doc)이거나 암호가 걸린 DOCX입니다. "
                               "Word에서 암호를 해제하고 .docx로 다시 저장해 주세요.")
    if fmt != "zip":
        raise ParseError(path, f"DOCX(ZIP) 문서가 아닙니다(내용 형식: {fmt}): 손상되었거나 다른 형식입니다.")
    try:
        with zipfile.ZipFile(path) as z:
            check_members(path, z.infolist(), path.stat().st_size)
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise ParseError(path, "DOCX 본문(word/document.xml)이 없습니다: Word 문서가 아닌 ZIP입니다.")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as e:
        raise ParseError(path, f"DOCX 파일이 잘렸거나 ZIP 구조가 손상되었습니다({e}): "
                               "원본 파일을 다시 받아 주세요.") from e
    try:
        import docx
    except ImportError as e:
        raise ParseError(path, "python-docx가 설치되어 있지 않아 DOCX를 읽을 수 없습니다(pip install python-docx).") from e
    try:
        doc = docx.Document(str(path))
        # python-docx invents core properties (title "Word Document") when the file has none
        return doc, (doc.core_properties.title or "").strip() if "docProps/core.xml" in names else ""
    except Exception as e:  # BadZipFile (bad CRC), lxml XMLSyntaxError, KeyError, PackageNotFoundError
        raise ParseError(path, f"DOCX 내용이 손상되어 열 수 없습니다({type(e).__name__}: {e}): "
                               "Word에서 열어 다시 저장해 주세요.") from e


def parse(path) -> list[Document]:
    """One Document for a .docx file; units are heading sections of at most 2000 characters."""
    path = Path(path)
    doc, core_title = open_docx(path)
    blocks: list[Block] = []
    heads: list[str] = []
    first_title = ""
    try:
        for block in _iter_blocks(doc.element.body, doc._body):
            if block.__class__.__name__ == "Table":
                text = render_table(block)
            else:
                text = clean(block.text)
                if text and not first_title and _is_title(block):
                    first_title = text
                    continue
                level = heading_level(block) if text else 0
                if level:
                    heads[:] = heads[: level - 1] + [" ".join(text.split())]
                    continue
            if text:
                blocks.append((tuple(heads), text))
    except Exception as e:  # malformed parts deep inside the XML
        raise ParseError(path, f"DOCX 본문을 읽는 중 오류가 났습니다({type(e).__name__}: {e}).") from e
    if not blocks:
        raise ParseError(path, "DOCX에 본문 텍스트가 없습니다(이미지만 있거나 빈 문서).")
    title = first_title or core_title or path.stem  # the visible title beats stale file properties
    units = section_units(blocks, title)
    return [Document(title=title, kind=guess_kind(title, path.stem), source=str(path), units=units,
                     extra={"format": "docx", "collection": path.parent.name})]
