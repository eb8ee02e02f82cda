"""The masker's value types: spans, results, the masking policy and rule candidates (``ingest.pii`` re-exports them)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.pii_patterns import TAGS, TYPES, Rule

STYLES = ("tag", "stars")

@dataclass(frozen=True)
class Span:
    """One masked piece of personal data: its type, where it was in the original text, what replaced it."""

    type: str
    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class MaskResult:
    """The masked text and the spans (over the original text) that were replaced; ``kept``: officials' contacts."""

    masked: str
    spans: list[Span]
    kept: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class MaskPolicy:
    """What to mask and how.

    ``style``: "tag" replaces with "[주민등록번호]"-style tags, "stars" with "***". ``types``: the types to
    mask (default: all of ``TYPES``). ``keep_official_contacts``: keep a public official's name, office
    landline and official e-mail where the context marks them as staff (답변자, 담당자, 주무관, 소속 …);
    a mobile number is masked always. ``keep_business_numbers``: keep 대표번호 such as 1588-1234.
    """

    style: str = "tag"
    types: frozenset[str] = frozenset(TYPES)
    keep_official_contacts: bool = True
    keep_business_numbers: bool = True

    def __post_init__(self):
        if self.style not in STYLES:
            raise ValueError(f"알 수 없는 치환 방식 '{self.style}'입니다. 가능한 값: {', '.join(STYLES)}")
        unknown = set(self.types) - set(TYPES)
        if unknown:
            raise ValueError(f"알 수 없는 개인정보 유형 {sorted(unknown)}입니다. 가능한 값: {', '.join(TYPES)}")
        object.__setattr__(self, "types", frozenset(self.types))

    def replacement(self, type_: str) -> str:
        return TAGS[type_] if self.style == "tag" else "***"


DEFAULT_POLICY = MaskPolicy()


@dataclass(frozen=True)
class Candidate:
    """A rule's match before overlaps are resolved and the policy is applied."""

    rule: Rule
    start: int
    end: int
