"""PDF parser for guidance letters (공문, 착안사항), manuals and answer collections.

The PDF helpers it shares with the KGS code parser live in ``pdf_pages`` (opening, text extraction, OCR of
scanned pages, page furniture) and ``pdf_outline`` (heading trees packed into units of bounded size).
"""
from __future__ import annotations

import re
from pathlib import Path

from ingest.parsers.pdf_outline import build_outline, pack_sections, page_units, piece_unit
from ingest.parsers.pdf_pages import extract_pages, fill_scanned_pages, open_pdf, strip_furniture
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION, Document, parse_date

MIN_UNIT_CHARS = 200
MAX_UNIT_CHARS = 2000


_LETTER = re.compile(r"^(?:\d+\.\s*)?(?P<no>[가-힣A-Za-z]+-\d+호)\((?P<date>\d{2,4}\.\s*\d{1,2}\.\s*\d{1,2})\.?,?\s*"
                     r"(?P<subject>.*)\)(?:_(?P<part>[가-힣]+))?$")
_DATE_PAREN = re.compile(r"\((\d{2,4})\.(\d{1,2})\.(\d{1,2})\.?\)")


def _full_year(y: str) -> str:
    """Four-digit year from "08" or "2008" (two digits: 1950-2049)."""
    return y if len(y) == 4 else ("20" if int(y) < 50 else "19") + y


def describe(path: Path, first_text: str) -> dict:
    """Kind, title, 문서번호 and date from the file name (e.g. "17. 기술지도처-940호(08.3.12., 제목)_공문")."""
    stem = path.stem
    m = _LETTER.match(stem)
    if m:
        y, mo, d = re.split(r"\.\s*", m.group("date"))
        part = m.group("part") or ""
        title = m.group("subject").strip() + (f" ({part})" if part and part != "공문" else "")
        return {"kind": KIND_GUIDELINE, "title": title, "doc_no": m.group("no"),
                "date": parse_date(f"{_full_year(y)}-{mo}-{d}"), "part": part}
    guideline = "착안사항" in stem or "공문" in stem or "착안사항" in first_text[:200]
    dm = _DATE_PAREN.search(stem)
    when = parse_date(f"{_full_year(dm.group(1))}-{dm.group(2)}-{dm.group(3)}") if dm else None
    title = _DATE_PAREN.sub("", stem).strip() if dm else stem
    kind = KIND_GUIDELINE if guideline else KIND_MANUAL
    return {"kind": kind, "title": title, "doc_no": "", "date": when, "part": ""}


def parse(path) -> list[Document]:
    """One Document for a non-code PDF, units = heading sections (or page chunks), scanned pages OCR'd."""
    path = Path(path)
    reader = open_pdf(path)
    extra: dict = {"pages": len(reader.pages), "collection": path.parent.name}
    pages = fill_scanned_pages(reader, path, extract_pages(reader, path, layout=True), extra)
    lines = strip_furniture(pages)
    info = describe(path, "\n".join(lines[0]))
    root = build_outline(lines)
    if root.children and root.size() > MAX_UNIT_CHARS:
        pieces = pack_sections(root, MIN_UNIT_CHARS, MAX_UNIT_CHARS)
        if len(pieces) > 1 and not pieces[0].section.label and len(pieces[0].text) < MIN_UNIT_CHARS:
            preamble = pieces.pop(0)  # a short preamble heads the first section
            pieces[0].lines = preamble.lines + pieces[0].lines
        units = [piece_unit(p, UNIT_SECTION) for p in pieces]
        for unit in units:
            unit.label = unit.label or "서두"
    else:
        units = page_units(lines, MAX_UNIT_CHARS)
        if len(units) == 1:
            units[0].label = "전문"
    if info["doc_no"]:
        extra["doc_no"] = info["doc_no"]
    if info["date"]:
        extra["issued_on"] = info["date"].isoformat()
    if info["part"]:
        extra["letter_part"] = info["part"]
    doc = Document(title=info["title"], kind=info["kind"], source=str(path), units=units,
                   promulgation_no=info["doc_no"], promulgated_on=info["date"], effective_from=info["date"],
                   extra=extra)
    return [doc]
