"""Shared types of case memory: how a past case is named and what its answer cited.

Ingest writes these (ingest/case_links.py), retrieval reads them; rag never imports ingest, so the
types live here.
"""
from __future__ import annotations

from dataclasses import dataclass

REF_MAX = 200  # the reference as written is kept for display; a longer span is cut


def case_key(doc_key: str, label: str) -> str:
    """One past case across versions of its export file: the complaint document's key and the case label."""
    return f"{doc_key}#{label}"


@dataclass(frozen=True)
class CaseLink:
    """One reference a case's answer makes, resolved to a document title and a unit label."""

    case_key: str
    ref: str  # as written in the answer, e.g. "액법 제33조제2항"
    title_norm: str  # normalize_title() of the resolved (or at least named) document; "" if none
    article: str = ""  # "제33조" / "제33조의2": article level
    annex: str = ""  # "별표 20"
    code: str = ""  # "KGS FU432"
    clause: str = ""  # "2.3.3"
    resolved: bool = False  # an indexed unit of that exact document matches
    weight: float = 1.0  # negative: "this citation was wrong" (feedback)

    @property
    def unit(self) -> str:
        """The unit label the link points at (article, annex or code clause)."""
        return self.article or self.annex or self.clause or ""
