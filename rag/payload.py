"""The point payload: what every index point carries besides its vectors, as one typed record.

A payload is stored by the index engines as JSON and comes back as a plain ``dict`` on every hit, so the
record is a ``TypedDict`` (no copy, no conversion): ``UnitPayload`` names every key and its type, and
``unit_payload`` is the one place that builds it from a document unit. Keys may be missing on points
written by older versions (or partially updated with ``set_payload``), hence ``total=False`` and
readers that use ``p.get(…)``.

Dates are stored twice: ISO strings to show, and integers (``date_int``; ``OPEN_END`` for a version with no
successor) for the as-of filter. ``INDEXED_FIELDS`` is the one table of payload fields the engines index (keyword or integer); both the
embedded (Qdrant Edge) and the server (qdrant-client) engines create their payload indexes from it.
"""
from __future__ import annotations

from datetime import date
from typing import Any, TypedDict

from rag.model import UNIT_ANNEX, Document, Unit, normalize_title, unit_article_label

OPEN_END = 99991231  # eff_to of a version with no successor


def date_int(d: date | None, default: int = 0) -> int:
    """A date as the integer the as-of filter compares (20240102); ``default`` for no date."""
    return d.year * 10000 + d.month * 100 + d.day if d else default


class UnitPayload(TypedDict, total=False):
    # the document version
    doc_key: str  # "law:001234" or a titled identity; stable across versions
    version_key: str  # doc_key@effective_from#serial
    title: str
    title_norm: str  # normalize_title(title): what the title filter matches
    parent_title: str  # the law a decree / annex / code belongs to
    parent_norm: str
    kind: str  # rag.model.KIND_*
    source: str  # file path or law.go.kr URL (without the OC key)
    law_id: str
    mst: str
    promulgation_no: str
    promulgated_on: str | None  # ISO dates
    effective_from: str | None
    effective_to: str | None
    eff_from: int  # date_int(effective_from): what the as-of filter compares
    eff_to: int  # date_int(effective_to), OPEN_END when the version has no successor
    code: str  # "KGS FU432" for technical codes
    ocr_seconds: float | None
    repealed: bool
    visibility: str
    abbreviations: list[str]
    # the unit
    label: str  # "제33조", "제33조 제2항", "별표 20", "2.5.7.3", …
    article: str  # "제33조" (articles and their paragraphs), else ""
    annex: str  # "별표 20", else ""
    unit_kind: str  # rag.model.UNIT_*
    unit_title: str
    path: list[str]  # chapter path
    unit_effective_from: str | None
    amended: list[str]
    page: int | None
    refs: list[str]  # references the unit makes (indexed: "who cites this article")
    extra: dict[str, Any]
    text: str
    case_terms: list[str]  # past cases (KIND_COMPLAINT) only: see rag.case_memory.case_payload
    answer_terms: list[str]  # past cases only: their answer's terms (rag.case_expansion)
    answer_vec: str  # past cases only, set at ingest when embedded: their answer's vector (rag.case_dense)
    link_hash: str  # articles only, set after ingest: hash of the annex text linked into the sparse vector


KEYWORD = "keyword"
INTEGER = "integer"
INDEXED_FIELDS: dict[str, str] = {  # payload field -> index type; both engines index exactly these
    "kind": KEYWORD, "visibility": KEYWORD, "title_norm": KEYWORD, "parent_norm": KEYWORD, "article": KEYWORD,
    "annex": KEYWORD, "version_key": KEYWORD, "doc_key": KEYWORD, "code": KEYWORD, "refs": KEYWORD,
    "eff_from": INTEGER, "eff_to": INTEGER,
}


def unit_payload(doc: Document, unit: Unit) -> UnitPayload:
    """The payload of one unit of one document version (every key but ``link_hash`` and the past
    cases' ``case_terms``, ``answer_terms`` and ``answer_vec``)."""
    annex = unit.label if unit.kind == UNIT_ANNEX or unit.label.startswith("별표") else ""
    return {
        "doc_key": doc.doc_key, "version_key": doc.version_key, "title": doc.title,
        "title_norm": normalize_title(doc.title), "parent_title": doc.parent_title,
        "parent_norm": normalize_title(doc.parent_title), "kind": doc.kind, "source": doc.source,
        "law_id": doc.law_id, "mst": doc.mst, "promulgation_no": doc.promulgation_no,
        "promulgated_on": doc.promulgated_on.isoformat() if doc.promulgated_on else None,
        "effective_from": doc.effective_from.isoformat() if doc.effective_from else None,
        "effective_to": doc.effective_to.isoformat() if doc.effective_to else None,
        "eff_from": date_int(doc.effective_from), "eff_to": date_int(doc.effective_to, OPEN_END),
        "code": doc.extra.get("code", ""), "ocr_seconds": doc.extra.get("ocr_seconds"), "repealed": doc.repealed,
        "visibility": doc.visibility, "abbreviations": doc.abbreviations,
        "label": unit.label, "article": unit_article_label(unit.label) if unit.article_no else "",
        "annex": annex.replace("별표", "별표 ").replace("  ", " ").strip() if annex else "",
        "unit_kind": unit.kind, "unit_title": unit.title, "path": unit.path,
        "unit_effective_from": unit.effective_from.isoformat() if unit.effective_from else None,
        "amended": unit.amended, "page": unit.page, "refs": unit.refs, "extra": unit.extra,
        "text": unit.text,
    }
