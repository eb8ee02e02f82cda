"""The public hit: one indexed unit as search, ask and the API return it, and the question check
that comes before any search."""
from __future__ import annotations

from datetime import date

from rag import case_memory, status, tokenize
from rag.index.base import IndexHit

MAX_QUESTION_CHARS = 4000


class QuestionError(ValueError):
    """The question cannot be searched; the message (Korean) says why and what to do."""


def check_question(question: str) -> list[str]:
    """Validate a question; returns warnings, raises QuestionError when it cannot be searched."""
    if question is None or not question.strip():
        raise QuestionError("질문이 비어 있습니다. 찾을 내용을 입력하세요.")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(f"질문이 너무 깁니다({len(question):,}자). {MAX_QUESTION_CHARS:,}자 이내로 줄여 주세요.")
    if any("\ud800" <= ch <= "\udfff" for ch in question):  # undecodable bytes on a command line
        raise QuestionError("질문에 올바르지 않은 문자(짝이 없는 서로게이트, 깨진 UTF-8)가 있습니다. UTF-8 텍스트로 다시 입력하세요.")
    if not tokenize.has_korean(question):
        return ["질문에 한글이 없습니다. 법령 검색은 한국어 질문에서 가장 정확합니다."]
    return []


def to_hit(h: IndexHit, rank: int, as_of: date, today: date | None = None, parts: dict | None = None) -> dict:
    """The public hit shape (DESIGN.md contract) plus the unit's structure, its status on the 기준일
    and today (rag/status.py) and, from a search, what its score is made of (rag/scoring.py)."""
    p = h.payload
    return {
        "rank": rank, "score": round(float(h.score), 6), "id": h.id,
        "document": {"title": p.get("title"), "kind": p.get("kind"), "source": p.get("source"),
                     "parent_title": p.get("parent_title") or None,
                     "effective_from": p.get("effective_from"), "effective_to": p.get("effective_to"),
                     **status.both(p, as_of, today), "promulgation_no": p.get("promulgation_no")},
        **({"score_parts": parts} if parts is not None else {}),
        "unit": p.get("label"), "unit_title": p.get("unit_title"), "path": p.get("path") or [],
        "unit_effective_from": p.get("unit_effective_from"), "amended": p.get("amended") or [],
        "page": p.get("page"), "text": p.get("text"),
        "doc_key": p.get("doc_key"), "version_key": p.get("version_key"), "visibility": p.get("visibility"),
    }


def with_via(hit: dict, cases: list[str] | None) -> dict:
    """A hit that similar past cases cited: how many and which, and the reason shown to the user."""
    if cases:
        hit["via_cases"] = {"count": len(cases), "cases": list(cases), "reason": case_memory.reason(len(cases))}
    return hit
