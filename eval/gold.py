"""Matching retrieved hits against gold citations shaped like kgs_dev.jsonl (``gold: [{doc, unit}]``)."""
from __future__ import annotations

import re

from ingest.structure import unit_article_label
from rag.hits import Hit
from rag.model import normalize_title

KIND_ARTICLE, KIND_ANNEX, KIND_CODE, KIND_DOC = "article", "annex", "code", "document"


def gold_kind(g: dict) -> str:
    unit = (g.get("unit") or "").replace(" ", "")
    if not unit:
        return KIND_DOC
    if unit.startswith("제"):
        return KIND_ARTICLE
    if unit.startswith("별표"):
        return KIND_ANNEX
    return KIND_CODE


def _annex_no(label: str) -> str:
    m = re.search(r"별\s*표\s*(\d+(?:\s*의\s*\d+)?)", label or "")
    return re.sub(r"\s+", "", m.group(1)) if m else ""


def doc_matches(gold_doc: str, hit: Hit) -> bool:
    """Same document after normalising spaces; a 별표 matches its parent law; a code its code id."""
    g = normalize_title(gold_doc)
    titles = {normalize_title(hit.document.title or ""), normalize_title(hit.document.parent_title or "")}
    if g in titles:
        return True
    if g.upper().startswith("KGS"):
        return any(t.upper().startswith(g.upper()) for t in titles if t)
    return False


def unit_matches(gold_unit: str, hit: Hit) -> bool:
    unit = (gold_unit or "").replace(" ", "")
    label = hit.unit or ""
    if not unit:
        return True
    if unit.startswith("제"):
        return unit_article_label(label.replace(" ", "")) == unit_article_label(unit)
    if unit.startswith("별표"):
        return _annex_no(label) == _annex_no(unit) and bool(_annex_no(unit) or label.startswith("별표"))
    return label == unit or label.startswith(unit + ".")


def matches(g: dict, hit: Hit) -> bool:
    return doc_matches(g["doc"], hit) and unit_matches(g.get("unit", ""), hit)
