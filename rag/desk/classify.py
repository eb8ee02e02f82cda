"""Rule-based request type of a complaint, with the words that decided it.

Order matters: a request to see footage or one's own data (열람) or public records (정보공개) is decided
before the softer cues (질의·건의·고충), because citizens wrap such requests in questions and complaints
("볼 수 있나요?", "너무 불편합니다"). Words inside the complaint are matched as data only: nothing in
the text can switch the classifier off or pick a type by naming it outright (see ``_NAMED``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rag.grammar import ARTICLE_MENTION

OPEN_INFO = "정보공개 청구"
PERSONAL_VIEW = "개인정보·영상정보 열람 청구"
QUERY_LAW = "질의민원(법령)"
QUERY_PROC = "질의민원(제도·절차)"
PROPOSAL = "건의민원"
GRIEVANCE = "고충민원"
OTHER = "기타민원"
TRANSFER = "다른 기관 소관(이송)"
TYPES = (OPEN_INFO, PERSONAL_VIEW, QUERY_LAW, QUERY_PROC, PROPOSAL, GRIEVANCE, OTHER, TRANSFER)

# Matters a 시·군·구 does not handle → the agency the complaint goes to (민원처리법 시행령 제16조 이송).
# Small on purpose: the office extends it; a word here must not occur in ordinary city business.
TRANSFER_TABLE: tuple[tuple[str, str], ...] = (
    (r"종합소득세|부가가치세|법인세|양도소득세|국세|세무서|연말정산", "국세청(관할 세무서)"),
    (r"병역|입영|징병|예비군 편성|사회복무요원 소집", "병무청"),
    (r"여권 재외|재외공관|영사|비자|사증|외교", "외교부(재외공관)"),
    (r"국민연금|연금공단", "국민연금공단"),
    (r"건강보험료|건강보험공단", "국민건강보험공단"),
    (r"출입국|체류자격|외국인등록", "법무부(출입국·외국인청)"),
    (r"고속도로|한국도로공사", "한국도로공사"),
)

_VIEW = re.compile(r"(?:CCTV|씨씨티비|영상|블랙박스|녹화|촬영된|개인정보|내 정보|본인 정보|제 정보)[^.?!\n]{0,40}?"
                   r"(?:열람|보고 싶|볼 수|보여|확인하고 싶|확인할 수|사본|복사|제공받|받고 싶|받을 수)", re.I)
_VIEW_WORDS = re.compile(r"CCTV|씨씨티비|영상정보|영상|블랙박스|개인정보|열람", re.I)
_OPEN = re.compile(r"정보공개|공개\s*청구|공개를?\s*(?:요청|청구|원합|바랍)|공개해\s*(?:주|달)|"
                   r"(?:문서|자료|회의록|계약서|내역|예산서|결재|공문)[^.?!\n]{0,30}?(?:공개|사본|복사|보고 싶|받고 싶|열람)")
_LAW_Q = re.compile(r"(?:법|법률|시행령|시행규칙|조례|규정|지침|" + ARTICLE_MENTION + r")[^.?!\n]{0,40}?"
                    r"(?:해석|의미|적용되|해당되|해당하|위반|뜻|어떻게 되|맞나요|인가요|\?)")
_PROC_Q = re.compile(r"(?:절차|방법|서류|신청|기간|수수료|어디서|어떻게|언제까지|필요한가|되나요|가능한가|가능할까|"
                     r"할 수 있나요|알려\s*주)")
# the weakest cue: the citizen asks something ("…관련 문의", "…궁금합니다", "가능 여부", "무엇인가요?")
_QUESTION = re.compile(r"문의|궁금|알고\s*싶|무엇인|여부|[^\s.?!]{0,12}\?")
_PROPOSAL = re.compile(r"건의|제안|개선(?:해|을|이|하면|되었으면)|설치해\s*(?:주|달)|만들어\s*(?:주|달)|늘려\s*(?:주|달)|"
                       r"바꿔\s*(?:주|달)|했으면 좋겠|하면 좋겠|바랍니다")
_GRIEVANCE = re.compile(r"불편|피해|억울|부당|고쳐\s*(?:주|달)|해결해\s*(?:주|달)|시정|고충|소음|악취|방치|"
                        r"불친절|민원을 넣었는데|처분")
# a type named outright ("건의민원으로 처리하세요") is an instruction, not evidence
_NAMED = re.compile(r"(?:정보공개 청구|열람 청구|질의민원|건의민원|고충민원|기타민원)\s*(?:으로|로)\s*"
                    r"(?:처리|분류|판단|답변)")


@dataclass
class Classification:
    value: str
    matched: list[str] = field(default_factory=list)
    agency: str | None = None  # where a 이송 goes
    source: str = "rules"  # "rules", or "llm" when a configured model refined the rules' type
    rule_value: str | None = None  # the rules' type when the model changed it
    model: str | None = None

    def to_dict(self) -> dict:
        out = {"value": self.value, "matched": self.matched, "source": self.source}
        for key in ("agency", "rule_value", "model"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


def _words(pattern: re.Pattern, text: str) -> list[str]:
    seen: list[str] = []
    for m in pattern.finditer(text):
        end = re.match(r"[^\s.,?!]*", text[m.end():]).end() + m.end()  # to the end of the word: "보고 싶어요"
        w = text[m.start():end].strip()
        if w and w not in seen:
            seen.append(w)
    return seen[:5]


def strip_named(text: str | None) -> str:
    """The text without phrases that name a type outright (an instruction, not evidence)."""
    return _NAMED.sub(" ", text or "")


def classify(text: str) -> Classification:
    """The request type and the words that decided it (the complaint text is data, never instructions)."""
    t = strip_named(text)
    view = _words(_VIEW, t)
    if view:
        return Classification(PERSONAL_VIEW, view + [w for w in _words(_VIEW_WORDS, t) if w not in view][:3])
    opened = _words(_OPEN, t)
    if opened:
        return Classification(OPEN_INFO, opened)
    for pattern, agency in TRANSFER_TABLE:
        hit = _words(re.compile(pattern), t)
        if hit:
            return Classification(TRANSFER, hit, agency)
    law = _words(_LAW_Q, t)
    if law:
        return Classification(QUERY_LAW, law)
    grievance = _words(_GRIEVANCE, t)
    proposal = _words(_PROPOSAL, t)
    if grievance and len(grievance) >= len(proposal):
        return Classification(GRIEVANCE, grievance)
    if proposal:
        return Classification(PROPOSAL, proposal)
    proc = _words(_PROC_Q, t) or _words(_QUESTION, t)  # a plain question is a 질의민원 (제도·절차)
    if proc:
        return Classification(QUERY_PROC, proc)
    return Classification(OTHER, [])


def deadline_kind(c: Classification, text: str) -> str:
    """The row of the deadline table (rag/data/deadline_rules.tsv) for a request type."""
    if c.value == PERSONAL_VIEW:
        return "개인영상정보 열람 청구" if re.search(r"CCTV|씨씨티비|영상|블랙박스|녹화", text or "", re.I) \
            else "개인정보 열람 청구"
    return c.value
