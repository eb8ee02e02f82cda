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
    status: str = Field(..., description="기준일(as_of) 기준 상태: 현행, 시행예정, 연혁, 폐지 (시행일로 판단)")
    status_today: str | None = Field(None, description="오늘 기준 상태")
    status_note: str = Field("", description="두 상태가 다를 때의 안내, 예: '기준일(2027-01-01) 기준 현행 · 오늘은 "
                                             "시행 전(시행예정)', '기준일(2020-01-01) 기준 현행 · 현재는 개정됨'")
    promulgation_no: str | None = None


class ScorePart(BaseModel):
    rank: int = Field(..., description="그 목록에서의 순위 (1부터)")
    score: float = Field(..., description="가중 RRF로 합산 점수에 더한 몫")
    cosine: float | None = Field(None, description="밀집(의미) 유사도 (dense만)")


class Boost(BaseModel):
    reason: str
    add: float | None = Field(None, description="점수에 더한 값")


class ScoreParts(BaseModel):
    lexical: ScorePart | None = Field(None, description="어휘(BM25) 목록에서의 순위와 몫 (없으면 어휘 후보가 아님)")
    dense: ScorePart | None = Field(None, description="의미(밀집 벡터) 목록에서의 순위, 코사인, 몫")
    fused: float = Field(..., description="어휘 + 의미 합산(가중 RRF) 점수")
    boosts: list[Boost] = Field(default_factory=list, description="가산 항목과 이유 (적용 순서)")
    direct: bool = Field(False, description="질문이 직접 지목한 조문으로 가져옴")
    ranking: float = Field(..., description="가산 후 순위 점수 (다양성 조정 전)")
    adjusted: str | None = Field(None, description="다양성 규칙으로 순위가 점수보다 내려간 경우 그 이유")


class Missing(BaseModel):
    reference: str = Field(..., description="질문(또는 민원)이 가리킨 법령·조문, 적힌 그대로 (예: '정보공개법 제9조')")
    law: str | None = Field(None, description="법령 정식 이름 (법령 없이 '별표 20'만 적은 경우 null)")
    reason: str = Field(..., description="not_indexed: 색인에 없음 · not_in_force: 기준일에 시행 중인 판이 없음 · "
                                         "no_such_article: 그 법령에 해당 조문·별표가 없음")
    message: str = Field("", description="사용자에게 보여 줄 안내 (한국어)")
    hint: str = Field("", description="추가하는 방법 (not_indexed일 때)")


class HitOut(BaseModel):
    rank: int
    score: float = Field(..., description="최종 순위 점수 (순위가 내려갈수록 작거나 같음)")
    score_parts: ScoreParts | None = Field(None, description="점수의 구성: 어휘, 의미, 가산 항목과 이유")
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
    missing: list[Missing] = Field(default_factory=list, description="질문이 지목했지만 인용할 수 없는 법령·조문 "
                                                                     "(모두 찾았으면 빈 목록)")
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
    missing: list[Missing] = Field(default_factory=list, description="질문이 지목했지만 인용할 수 없는 법령·조문; "
                                                                     "있으면 답변 첫머리에도 적음")
    verification: dict
    warnings: list[str] = []
    model: str | None = None
    usage: dict | None = None
    timing: dict

    model_config = {"json_schema_extra": {"examples": [{
        "question": "액법 제33조제2항 위반 시 과태료는?", "as_of": "2026-11-23", "mode": "extractive",
        "answer": "[추출식 답변] …\n[1] 「액화석유가스의 안전관리 및 사업법」 제33조: …",
        "citations": [], "notices": [], "verification": {"ok": True, "issues": []}, "timing": {"total_ms": 85.0}}]}}
