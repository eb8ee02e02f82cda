"""Request and response models of the HTTP API (OpenAPI comes from these)."""
from __future__ import annotations

import re

from pydantic import BaseModel, Field, field_validator, model_validator

from api.errors import KoreanValueError

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # JSON escapes like "\ud800" decode to these
BAD_TEXT = "올바르지 않은 유니코드 문자(짝이 없는 서로게이트)가 있습니다. UTF-8 텍스트로 보내세요"


def has_lone_surrogate(value) -> bool:
    """True when any string in ``value`` (nested lists, dicts, keys included) holds a lone surrogate."""
    if isinstance(value, str):
        return bool(_LONE_SURROGATE.search(value))
    if isinstance(value, dict):
        return any(has_lone_surrogate(k) or has_lone_surrogate(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return any(has_lone_surrogate(v) for v in value)
    return False


class RequestModel(BaseModel):
    """Base of request bodies: text that cannot be encoded as UTF-8 is refused (422) before any route,
    tokenizer, database or log sees it."""

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value):
        if has_lone_surrogate(value):
            raise KoreanValueError(BAD_TEXT)
        return value

    @model_validator(mode="after")
    def _valid_unicode_extra(self):
        if self.model_extra and has_lone_surrogate(self.model_extra):
            raise KoreanValueError(BAD_TEXT)
        return self


class SearchRequest(RequestModel):
    question: str = Field(..., description="질문 (한국어)", examples=["액법 제33조제2항 위반 시 벌칙은?"])
    top_k: int = Field(10, ge=1, le=100)
    as_of: str | None = Field(None, description="기준일 YYYY-MM-DD (기본: 오늘)", examples=["2024-03-01"])
    kinds: list[str] = Field(default_factory=list, description="문서 종류 필터: 법률, 대통령령, 총리령·부령, 별표 …")


class DocumentOut(BaseModel):
    title: str | None
    kind: str | None
    source: str | None
    parent_title: str | None = None
    effective_from: str | None
    effective_to: str | None
    status: str
    promulgation_no: str | None = None


class HitOut(BaseModel):
    rank: int
    score: float
    id: str
    document: DocumentOut
    unit: str | None
    unit_title: str | None = None
    path: list[str] = []
    unit_effective_from: str | None = None
    amended: list[str] = []
    page: int | None = None
    text: str | None
    via_cases: dict | None = Field(None, description="유사 민원의 답변이 이 조문을 인용해 점수를 더한 경우: "
                                                     "{count, cases: [민원 라벨], reason}")


class CitedUnit(BaseModel):
    title: str | None = None
    unit: str
    ref: str = ""
    resolved: bool = False


class SimilarCaseOut(BaseModel):
    label: str
    document: str
    title: str
    department: str | None = None
    date: str | None = None
    similarity: float = Field(..., description="0–1: 질문·제목이 얼마나 비슷한지")
    cited: list[CitedUnit] = Field(default_factory=list, description="그 답변이 인용한 조문(법령명 + 조·별표·항목)")
    text: str = Field(..., description="사례 본문(개인정보 가림)")


class SearchResponse(BaseModel):
    question: str
    as_of: str
    hits: list[HitOut]
    similar_cases: list[SimilarCaseOut] = Field(default_factory=list, description="비슷한 과거 민원(최대 3건, "
                                                                                  "hits에는 들어가지 않음)")
    warnings: list[str] = []
    expanded: list[str] = Field(default_factory=list, description="질문의 일상 용어에 덧붙여 찾은 법령 용어")
    took_ms: float


class AskRequest(RequestModel):
    question: str = Field(..., description="질문 (한국어)",
                          examples=["교통사고 당사자가 CCTV 영상을 열람할 수 있나요? 다른 사람 얼굴은 가려야 하나요?"])
    as_of: str | None = Field(None, description="기준일 YYYY-MM-DD (기본: 오늘)")
    kinds: list[str] = Field(default_factory=list, description="문서 종류 필터")
    top_k: int = Field(5, ge=1, le=20, description="근거로 쓸 자료 수")
    model: str | None = Field(None, description="설정된 언어모델 이름 (없으면 기본 모델, 모델이 없으면 추출식)")
    stream: bool = Field(False, description="true이면 text/event-stream (meta, delta, done 이벤트)")


class Citation(HitOut):
    n: int
    quote: str = ""


class AskResponse(BaseModel):
    question: str
    as_of: str
    mode: str = Field(..., description="extractive | generative | abstain")
    answer: str
    citations: list[Citation]
    closest: list[Citation] = []
    hint: str = Field("", description="abstain: 다시 물어볼 때의 도움말(색인에 없는 낱말 포함)")
    similar_cases: list[SimilarCaseOut] = []
    notices: list[dict] = []
    verification: dict
    warnings: list[str] = []
    model: str | None = None
    usage: dict | None = None
    timing: dict

    model_config = {"json_schema_extra": {"examples": [{
        "question": "액법 제33조제2항 위반 시 과태료는?", "as_of": "2026-11-23", "mode": "extractive",
        "answer": "[추출식 답변] …\n[1] 「액화석유가스의 안전관리 및 사업법」 제33조: …",
        "citations": [], "notices": [], "verification": {"ok": True, "issues": []}, "timing": {"total_ms": 85.0}}]}}
