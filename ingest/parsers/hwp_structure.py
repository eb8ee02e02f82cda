"""Turn the rendered text of a Hangul document (HWP/HWPML/HWPX) into Dasan Documents and Units.

Three shapes, chosen from the file name first and the text second:
- 별표 ("[별표 20] 제목(…관련)(법령명).hwp"): one KIND_ANNEX document; a long annex is cut by its own
  numbering (1. / 가. / 1)) into several "별표 20" units told apart by ``extra["part"]``;
- statutes/고시 ("제목(산업통상자원부고시)(제2024-61호)(20240403).hwp"): articles through
  ``ingest.structure.article_units``, then 부칙 and the 별표/서식 list;
- anything else: sections labelled by their heading path.
"""
from __future__ import annotations

import re
from pathlib import Path

from ingest.parsers.base import SkipFile
from ingest.parsers.hwp_blocks import Piece
from ingest.parsers.hwp_names import (annex_from_text, annex_head, annex_name, header_facts, statute_kind,
                                     statute_name)
from ingest.parsers.hwp_outline import GENERIC_LEVELS, LEVEL_RES, split_parts
from ingest.structure import ARTICLE_HEAD_RE, amendment_dates, article_no, article_units
from rag.model import (KIND_ANNEX, KIND_OTHER, UNIT_ADDENDA, UNIT_ANNEX, UNIT_SECTION, Document, Unit,
                       parse_date)

_DIVISION_RE = re.compile(r"^제\s*\d+\s*(?:의\s*\d+\s*)?(편|장|절|관)\s*\S")
_DIVISIONS = ("편", "장", "절", "관")
_ADDENDA_RE = re.compile(r"^부\s*칙(?:\s*[<(].*)?$")
_ATTACHMENTS_RE = re.compile(r"^별표\s*/\s*서식$")
_DELETED_RE = re.compile(r"^\s*[<\[]?\s*삭\s*제")
_AMEND_NOTE_RE = re.compile(r"<[^<>]*\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}[^<>]*>")


def build_documents(path: Path, pieces: list[Piece]) -> list[Document]:
    """Documents for one file's pieces; SkipFile when the file holds no text at all."""
    if not any(p.text.strip() for p in pieces):
        raise SkipFile(path, "본문 텍스트가 없습니다(그림만 있는 문서이거나 빈 문서입니다).")
    stem = Path(path).stem
    annex = annex_name(stem) or annex_from_text([p.text for p in pieces if not p.table])
    if annex:
        return [annex_document(path, annex, pieces)]
    statute = statute_name(stem)
    if statute:
        return [statute_document(path, statute, pieces)]
    return [generic_document(path, stem, pieces)]


def join(pieces: list[Piece]) -> str:
    """Unit body text: pieces one per line (a table's rows are already one per line)."""
    return "\n".join(p.text for p in pieces)


def annex_document(path: Path, name, pieces: list[Piece]) -> Document:
    """One 별표: its units, title "<parent> 별표 N", related articles on every unit."""
    head_parent, note = annex_head([p.text for p in pieces if not p.table])
    parent = name.parent or head_parent
    amended = amendment_dates(note)
    doc = Document(title=f"{parent} {name.label}".strip() if parent else f"{name.label} {name.title}",
                   kind=KIND_ANNEX, source=str(path), parent_title=parent,
                   promulgated_on=parse_date(amended[-1]) if amended else None,
                   extra={"annex_no": name.number, "annex_title": name.title, "related": name.related,
                          "amended": amended})
    doc.units = annex_units(name, pieces, note)
    return doc


def annex_units(name, pieces: list[Piece], note: str) -> list[Unit]:
    """Units of a 별표: one when short, else one per part of its own numbering."""
    parts = split_parts(pieces)
    date_note = _AMEND_NOTE_RE.search(note)
    units = []
    for i, part in enumerate(parts):
        heading = " > ".join(part.path)
        prefix = f"{name.label} {name.title}"
        if date_note and i > 0:
            prefix += f" {date_note.group(0)}"
        if heading and len(parts) > 1:
            prefix += f" — {heading}"
        body = join(part.pieces)
        extra = {"related": name.related} if name.related else {}
        if len(parts) > 1:
            extra.update(part=part.label or f"({i + 1}/{len(parts)})", part_index=i + 1, parts=len(parts))
        units.append(Unit(label=name.label, text=f"{prefix}\n{body}", kind=UNIT_ANNEX, title=name.title,
                          path=part.path, amended=sorted(set(amendment_dates(note) + amendment_dates(body))),
                          refs=list(name.refs), extra=extra))
    return units


def statute_document(path: Path, name, pieces: list[Piece]) -> Document:
    """A 고시/훈령 (or any law.go.kr-named statute): metadata from name and header, article units."""
    lines = [p.text for p in pieces if not p.table]
    facts = header_facts(lines)
    doc = Document(title=name.title, kind=statute_kind(name.kind_name), source=str(path),
                   promulgation_no=name.number, effective_from=name.day or facts.get("effective_from"),
                   promulgated_on=facts.get("promulgated_on") or name.day,
                   revision_type=facts.get("revision_type", ""), ministry=facts.get("ministry", ""),
                   extra={"statute_kind": name.kind_name})
    if "contact" in facts:
        doc.extra["contact"] = facts["contact"]
    doc.units = statute_units(pieces) or generic_units(name.title, pieces)
    return doc


def statute_units(pieces: list[Piece]) -> list[Unit]:
    """Article units (via article_units), then 부칙 and the 별표/서식 list; [] when no article."""
    articles, tail = _collect_articles(pieces)
    if not articles:
        return []
    units = []
    for art in articles:
        extra = {"deleted": True} if _DELETED_RE.match(art["rest"]) and not art["title"] else {}
        units += article_units(art["no"], art["title"], "\n".join([art["rest"], *art["body"]]).strip(),
                               path=art["path"], extra=extra)
    return units + _tail_units(tail)


def _collect_articles(pieces: list[Piece]) -> tuple[list[dict], list[Piece]]:
    """Articles (number, title, body lines, division path) and the pieces from 부칙 on."""
    articles: list[dict] = []
    divisions: dict[str, str] = {}
    last = (0, 0)
    for i, piece in enumerate(pieces):
        text = piece.text
        if not piece.table and _ADDENDA_RE.match(text) and articles:
            return articles, pieces[i:]
        head = None if piece.table else _article_head(text, last)
        if head:
            last = head.pop("key")
            articles.append({**head, "path": [divisions[k] for k in _DIVISIONS if k in divisions], "body": []})
        elif not piece.table and _DIVISION_RE.match(text):
            level = _DIVISIONS.index(_DIVISION_RE.match(text).group(1))
            divisions = {k: v for k, v in divisions.items() if _DIVISIONS.index(k) < level}
            divisions[_DIVISIONS[level]] = text
        elif articles:
            articles[-1]["body"].append(text)
    return articles, []


def _article_head(line: str, last: tuple[int, int]) -> dict | None:
    """An article heading "제N조(제목) …" / "제N조 <삭제>" whose number follows ``last``."""
    m = ARTICLE_HEAD_RE.match(line)
    if not m:
        return None
    key = (int(m.group(1)), int(m.group(2) or 0))
    rest = line[m.end():].strip()
    if key <= last or key[0] > last[0] + 20 or not (m.group(3) or _DELETED_RE.match(rest)):
        return None
    return {"key": key, "no": article_no(*key), "title": (m.group(3) or "").strip(), "rest": rest}


def _tail_units(tail: list[Piece]) -> list[Unit]:
    """부칙 unit(s) and the list of attached 별표/서식 (as a section)."""
    units, current = [], None
    for piece in tail:
        if _ADDENDA_RE.match(piece.text) or _ATTACHMENTS_RE.match(piece.text):
            attach = bool(_ATTACHMENTS_RE.match(piece.text))
            current = Unit(label="별표/서식 목록" if attach else "부칙", text=piece.text,
                           kind=UNIT_SECTION if attach else UNIT_ADDENDA, title=piece.text)
            units.append(current)
        elif current is not None:
            current.text += "\n" + piece.text
    for u in units:
        u.amended = amendment_dates(u.text)
    return units


def generic_document(path: Path, title: str, pieces: list[Piece]) -> Document:
    """Any other Hangul document: sections by heading path."""
    doc = Document(title=title, kind=KIND_OTHER, source=str(path))
    doc.units = generic_units(title, pieces)
    return doc


def generic_units(title: str, pieces: list[Piece]) -> list[Unit]:
    """Section units labelled by heading path ("□ 질의내용 > 1. …"), or the title when none."""
    parts = split_parts(pieces, GENERIC_LEVELS)
    units = []
    for i, part in enumerate(parts):
        label = " > ".join(part.path) or _leading_heading(part.pieces) or title
        body = join(part.pieces)
        extra = {"part": part.label, "part_index": i + 1, "parts": len(parts)} if len(parts) > 1 else {}
        units.append(Unit(label=label, text=body, kind=UNIT_SECTION, title=part.path[-1] if part.path else title,
                          path=part.path, amended=amendment_dates(body), extra=extra))
    return units


def _leading_heading(pieces: list[Piece]) -> str:
    """The first line when it is a symbol heading ("□ 질의내용"), else ""."""
    first = pieces[0] if pieces else None
    return first.text if first and not first.table and LEVEL_RES[0].match(first.text) else ""

