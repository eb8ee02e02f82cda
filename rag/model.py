"""The document model every parser produces and every retriever returns.

A ``Document`` is one version of one legal text (or manual, annex, code); its
``units`` are what gets retrieved and cited (one 조, one 별표, one code clause).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from datetime import date

from rag.grammar import ARTICLE_LABEL

# Document kinds (Korean meaning kept; values are stable identifiers stored in the index).
KIND_LAW = "법률"
KIND_DECREE = "대통령령"
KIND_RULE = "총리령·부령"
KIND_ADMRULE = "행정규칙"
KIND_ORDINANCE = "자치법규"
KIND_ANNEX = "별표"
KIND_CODE = "기술기준"
KIND_MANUAL = "manual"
KIND_GUIDELINE = "guideline"
KIND_COMPLAINT = "complaint"
KIND_INTERPRETATION = "interpretation"
KIND_OTHER = "other"
STATUTE_KINDS = (KIND_LAW, KIND_DECREE, KIND_RULE, KIND_ADMRULE, KIND_ORDINANCE)
# Published texts everybody may read; everything else (manuals, 공문, complaint files…) stays in the office.
PUBLIC_KINDS = (*STATUTE_KINDS, KIND_ANNEX, KIND_CODE, KIND_INTERPRETATION)
VIS_PUBLIC, VIS_ORG = "public", "org"

# Version status values (DESIGN.md "What a document is").
STATUS_CURRENT = "현행"
STATUS_PENDING = "시행예정"
STATUS_HISTORIC = "연혁"
STATUS_REPEALED = "폐지"

# Unit kinds.
UNIT_ARTICLE = "article"  # 조
UNIT_PARAGRAPH = "paragraph"  # 항 (an article split because it is long)
UNIT_ADDENDA = "addenda"  # 부칙
UNIT_ANNEX = "annex"  # 별표
UNIT_CLAUSE = "clause"  # technical-code clause 2.5.7.3
UNIT_SECTION = "section"  # manual / guideline section
UNIT_CASE = "case"  # complaint case


@dataclass
class Unit:
    """One retrievable, citable piece of a document."""

    label: str  # "제33조", "제33조제2항", "별표 20", "2.5.7.3", "부칙", heading path
    text: str
    kind: str = UNIT_ARTICLE
    title: str = ""  # 조문제목 / annex or section title
    path: list[str] = field(default_factory=list)  # ["제3장 가스공급자의 의무", "제1절 …"]
    article_no: str = ""  # "33", "33의2" (for articles and their paragraphs)
    effective_from: date | None = None  # 조문시행일자 when the source gives it
    amended: list[str] = field(default_factory=list)  # amendment dates noted in the text, ISO
    page: int | None = None
    refs: list[str] = field(default_factory=list)  # cross references, e.g. "제44조"
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["effective_from"] = self.effective_from.isoformat() if self.effective_from else None
        return d


@dataclass
class Document:
    """One version of one source text, with its units."""

    title: str
    kind: str
    source: str  # file path or URL
    units: list[Unit] = field(default_factory=list)
    law_id: str = ""  # 법령ID (stable across versions)
    mst: str = ""  # 법령일련번호 (one per version)
    promulgated_on: date | None = None  # 공포일자
    promulgation_no: str = ""  # 공포번호
    revision_type: str = ""  # 제개정구분
    ministry: str = ""  # 소관부처
    effective_from: date | None = None  # 시행일자
    effective_to: date | None = None  # day the next version takes effect
    repealed: bool = False
    parent_title: str = ""  # for 별표: the law it belongs to
    abbreviations: list[str] = field(default_factory=list)  # 약칭
    visibility: str = ""  # "" = not declared by the file: the ingest rules or the kind's default decide
    source_id: str = ""  # where the text comes from, stable across machines: "<root>/<relative path>" or URL
    extra: dict = field(default_factory=dict)

    @property
    def doc_key(self) -> str:
        """Identity across versions, from what the document is.

        An official id when there is one (법령ID, 행정규칙ID, 자치법규ID all travel in ``law_id``; a KGS code);
        a statute or a statute's annex known only by its official title keeps kind + title, so that two
        files holding two versions of one law stay one document; anything else is identified by its
        source (page URL, or path under the ingest root): unrelated files never merge.
        """
        if self.law_id:
            return f"law:{self.law_id}"
        code = official_code(self)
        if code:
            return f"code:{code}"
        if titled_identity(self.kind, self.parent_title):
            return f"{self.kind}:{normalize_title(self.parent_title)}/{normalize_title(self.title)}"
        return f"src:{self.extra.get('url') or self.source_id or self.source}"

    @property
    def version_key(self) -> str:
        eff = self.effective_from.isoformat() if self.effective_from else "-"
        return f"{self.doc_key}@{eff}#{self.mst or self.promulgation_no or ''}"

    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update(json.dumps([self.title, self.kind, self.parent_title], ensure_ascii=False).encode())
        for u in self.units:
            h.update(json.dumps([u.label, u.title, u.text, u.path], ensure_ascii=False).encode())
        return h.hexdigest()[:32]

    def status(self, as_of: date) -> str:
        """Status relative to a date: trust the dates, not the source's label."""
        if self.repealed and (self.effective_to is None or self.effective_to <= as_of):
            return STATUS_REPEALED
        if self.effective_from and self.effective_from > as_of:
            return STATUS_PENDING
        if self.effective_to and self.effective_to <= as_of:
            return STATUS_HISTORIC
        return STATUS_CURRENT


_KGS_CODE = re.compile(r"^KGS [A-Z]{2}\d{3}$")


def official_code(doc: Document) -> str:
    """The KGS code of a technical code ("KGS FU551"); "" when the parser only had a file name."""
    code = str(doc.extra.get("code") or "") if doc.kind == KIND_CODE else ""
    return code if _KGS_CODE.match(code) else ""


def titled_identity(kind: str, parent_title: str) -> bool:
    """Whether a document without an official id is identified by kind + official title."""
    return kind in STATUTE_KINDS or (kind == KIND_ANNEX and bool(parent_title))


def default_visibility(kind: str) -> str:
    """Who may read a document nobody set visibility for: published texts public, office documents org."""
    return VIS_PUBLIC if kind in PUBLIC_KINDS else VIS_ORG


MIN_AS_OF = date(1948, 7, 17)  # 제헌헌법 공포: no Korean statute text is older


def parse_as_of(value: str | None, today: date) -> date:
    """The date an answer is given as of: today when empty; ValueError (Korean) when malformed or too old."""
    if not value:
        return today
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"기준일 '{value}'의 형식이 잘못되었습니다. YYYY-MM-DD로 입력하세요(예: 2024-03-01).") from None
    if d < MIN_AS_OF:
        raise ValueError(f"기준일 {value}은(는) 1948-07-17 이전입니다. 기준일은 1948-07-17 이후여야 합니다.")
    return d


_SPACE = re.compile(r"[\s\u00a0\u3000]+")


def normalize_title(title: str) -> str:
    """Title comparison key: no spaces, no 「」, middle dots unified."""
    t = _SPACE.sub("", title or "")
    t = t.replace("「", "").replace("」", "").replace("ㆍ", "·").replace("・", "·")
    return t


def parse_date(value) -> date | None:
    """Parse 20240227, 2024-02-27, 2024.2.27, 2024. 2. 27. into a date (None if empty/invalid)."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    s = str(value).strip()
    if not s:
        return None
    m = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", s)
    if not m:
        m = re.match(r"(\d{4})\s*[-.년/]\s*(\d{1,2})\s*[-.월/]\s*(\d{1,2})", s)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def article_no(num: str | int, sub: str | int | None = None) -> str:
    """Canonical article number: "33" or "33의2"."""
    return f"{int(num)}의{int(sub)}" if sub not in (None, "", 0, "0") else str(int(num))


def article_label(no: str) -> str:
    """"33의2" -> "제33조의2"."""
    if "의" in no:
        main, sub = no.split("의", 1)
        return f"제{main}조의{sub}"
    return f"제{no}조"


def unit_article_label(label: str) -> str:
    """"제33조제2항" -> "제33조"; other labels unchanged."""
    m = re.match("(" + ARTICLE_LABEL + ")", label or "")
    return m.group(1) if m else label
