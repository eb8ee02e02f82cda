"""The hit: one indexed unit as search, ask, show and the desk return it, typed from retrieval to the
edges, and the question check that comes before any search.

``Hit`` is built once from an ``IndexHit`` and its ``UnitPayload`` (``Hit.of``); everything in rag/,
api/, eval/ and the CLI reads its attributes. Only the edges (API responses, ``--json`` output, an
answer's citations, the desk's analysis) turn it into the public JSON shape, with ``Hit.to_dict()``:
the DESIGN.md contract (rank, score, id, document, unit, …) plus ``score_parts`` after a search,
``via_cases`` when past cases lent score, and the internal keys ``doc_key``, ``version_key`` and
``visibility`` (the API's response models leave those out). Hits are frozen: a changed one is a new
one (``with_via``, ``with_rank``, ``dataclasses.replace``).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date

from rag import case_memory, status, tokenize
from rag.index.base import IndexHit
from rag.payload import UnitPayload
from rag.scoring import ScoreParts

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


@dataclass(frozen=True)
class HitDocument:
    """The document version a hit belongs to, with its status on the 기준일 and today (rag/status.py)."""
    title: str | None = None
    kind: str | None = None
    source: str | None = None
    parent_title: str | None = None
    effective_from: str | None = None  # ISO dates
    effective_to: str | None = None
    status: str = ""  # 현행 / 시행예정 / 연혁 / 폐지 on the 기준일
    status_today: str | None = None  # None: no clock given
    status_note: str = ""  # the sentence when the two differ
    promulgation_no: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ViaCases:
    """Similar past cases whose answers cited the hit and lent it score: how many, which, and why."""
    count: int
    cases: tuple[str, ...]
    reason: str

    def to_dict(self) -> dict:
        return {"count": self.count, "cases": list(self.cases), "reason": self.reason}


@dataclass(frozen=True)
class Hit:
    """One retrieved unit. ``to_dict()`` is its public JSON shape (key order and rounding are the contract)."""
    id: str
    rank: int = 1
    score: float = 0.0  # the final ranking score, rounded to 6 places; never increases with rank
    document: HitDocument = field(default_factory=HitDocument)
    unit: str | None = None  # "제33조", "제33조 제2항", "별표 20", "2.5.7.3", …
    unit_title: str | None = None
    path: list[str] = field(default_factory=list)  # chapter path
    unit_effective_from: str | None = None
    amended: list[str] = field(default_factory=list)
    page: int | None = None
    text: str | None = None
    doc_key: str | None = None
    version_key: str | None = None
    visibility: str | None = None
    score_parts: ScoreParts | None = None  # from a search only
    via_cases: ViaCases | None = None  # past cases lent it score

    @classmethod
    def of(cls, h: IndexHit, rank: int, as_of: date, today: date | None = None,
           parts: ScoreParts | None = None) -> Hit:
        """The hit of an index point: its payload, its status on the 기준일 (and today) and, from a
        search, what its score is made of (rag/scoring.py)."""
        p: UnitPayload = h.payload
        doc = HitDocument(title=p.get("title"), kind=p.get("kind"), source=p.get("source"),
                          parent_title=p.get("parent_title") or None, effective_from=p.get("effective_from"),
                          effective_to=p.get("effective_to"), **status.both(p, as_of, today),
                          promulgation_no=p.get("promulgation_no"))
        return cls(id=h.id, rank=rank, score=round(float(h.score), 6), document=doc, unit=p.get("label"),
                   unit_title=p.get("unit_title"), path=list(p.get("path") or []),
                   unit_effective_from=p.get("unit_effective_from"), amended=list(p.get("amended") or []),
                   page=p.get("page"), text=p.get("text"), doc_key=p.get("doc_key"),
                   version_key=p.get("version_key"), visibility=p.get("visibility"), score_parts=parts)

    def with_via(self, cases: list[str] | None) -> Hit:
        """This hit, cited by similar past cases (``cases``: their labels); itself when none did."""
        if not cases:
            return self
        return replace(self, via_cases=ViaCases(len(cases), tuple(cases), case_memory.reason(len(cases))))

    def with_rank(self, rank: int) -> Hit:
        return replace(self, rank=rank)

    @property
    def internal(self) -> bool:
        """Not public: only on-prem language models may read it."""
        return (self.visibility or "public") != "public"

    def to_dict(self) -> dict:
        """The public JSON shape (DESIGN.md contract; api/schemas.py HitOut reads it)."""
        out = {"rank": self.rank, "score": self.score, "id": self.id, "document": self.document.to_dict()}
        if self.score_parts is not None:
            out["score_parts"] = self.score_parts.to_dict()
        out |= {"unit": self.unit, "unit_title": self.unit_title, "path": list(self.path),
                "unit_effective_from": self.unit_effective_from, "amended": list(self.amended), "page": self.page,
                "text": self.text, "doc_key": self.doc_key, "version_key": self.version_key,
                "visibility": self.visibility}
        if self.via_cases is not None:
            out["via_cases"] = self.via_cases.to_dict()
        return out


def public(hits: list[Hit]) -> list[dict]:
    """Hits in their public JSON shape, in order."""
    return [h.to_dict() for h in hits]
