"""What a Hangul file's name and header lines say about it: 별표 number/parent/related articles,
statute kind/number/dates (law.go.kr "제목(법종)(제N호)(YYYYMMDD)" names), ministry."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ingest.structure import cross_refs
from rag.grammar import ARTICLE_MENTION
from rag.model import KIND_ADMRULE, KIND_DECREE, KIND_LAW, KIND_ORDINANCE, KIND_RULE, parse_date

ANNEX_NAME_RE = re.compile(r"^\[\s*별표\s*(?P<no>\d+(?:\s*의\s*\d+)?)?\s*\]\s*(?P<rest>.+)$")
STATUTE_NAME_RE = re.compile(r"^(?P<title>.+)\((?P<kind>[^()]+)\)\(제(?P<no>[\d-]+)호\)\((?P<date>\d{8})\)$")
# "■ 액화석유가스의 안전관리 및 사업법 시행규칙 [별표 20] <개정 2023. 10. 10.>"
ANNEX_HEAD_RE = re.compile(r"^[■□\s]*(?P<parent>.*?)\s*\[\s*별표\s*(?P<no>[\d의\s]*)\]\s*(?P<note>.*)$")
EFFECTIVE_RE = re.compile(r"\[\s*시행\s*(\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2})\s*\.?\s*\]")
PROMULGATION_RE = re.compile(r"\[(?P<kind>[^\[\]\d]+?)\s*제\s*(?P<no>[\d-]+)\s*호\s*,\s*"
                             r"(?P<date>\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2})\s*\.?\s*,?\s*(?P<rev>[^\]]*)\]")
MINISTRY_RE = re.compile(r"^(?P<org>[가-힣ㆍ·]+(?:부|처|청|원|회|실))\s*\((?P<dept>[^)]*)\)")
ARTICLE_REF_RE = re.compile(ARTICLE_MENTION)


@dataclass
class AnnexName:
    """Facts from a 별표 file name."""

    number: str  # "20", "10의2", "" for an unnumbered [별표]
    title: str  # 별표 제목
    parent: str  # the law/고시 it belongs to
    related: str = ""  # "제49조의6제2호, 제69조 … 관련"
    refs: list[str] = field(default_factory=list)  # ["제49조의6", "제69조", …]

    @property
    def label(self) -> str:
        """Unit label: "별표 20", "별표 10의2", or "별표" for an unnumbered annex."""
        return f"별표 {self.number}" if self.number else "별표"


@dataclass
class StatuteName:
    """Facts from a law.go.kr style statute file name."""

    title: str
    kind_name: str  # "산업통상자원부고시"
    number: str  # "2024-61"
    day: date | None


def peel_group(text: str) -> tuple[str, str | None]:
    """Split a trailing balanced "(…)" group off ``text``: ("제목(a)(b)", ) -> ("제목(a)", "b")."""
    text = text.rstrip()
    if not text.endswith(")"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(text[i], 0)
        if depth == 0:
            return text[:i].rstrip(), text[i + 1:-1].strip()
    return text, None


def annex_name(stem: str) -> AnnexName | None:
    """Number, title, parent law and related articles from "[별표 N] 제목(…관련)(법령명)"."""
    m = ANNEX_NAME_RE.match(stem.strip())
    if not m:
        return None
    number = re.sub(r"\s+", "", m.group("no") or "")
    head, parent = peel_group(m.group("rest"))
    title, related = peel_group(head)
    if related is not None and not ARTICLE_REF_RE.search(related):
        title, related = head, None
    return AnnexName(number, title.strip(), (parent or "").strip(), related or "",
                     cross_refs(related or ""))


def annex_from_text(lines: list[str]) -> AnnexName | None:
    """AnnexName read from the text when the file name does not follow the law.go.kr pattern."""
    for i, line in enumerate(lines[:4]):
        m = ANNEX_HEAD_RE.match(line)
        if m and "별표" in line and m.group("parent") and i + 1 < len(lines):
            title, related = peel_group(lines[i + 1])
            if related is None or not ARTICLE_REF_RE.search(related):
                title, related = lines[i + 1], None
            return AnnexName(re.sub(r"\s+", "", m.group("no")), title.strip(), m.group("parent").strip(),
                             related or "", cross_refs(related or ""))
    return None


def annex_head(lines: list[str]) -> tuple[str, str]:
    """(parent law, note such as "<개정 2023. 10. 10.>") from the ■ header line of an annex."""
    for line in lines[:4]:
        m = ANNEX_HEAD_RE.match(line)
        if m and "별표" in line:
            return m.group("parent").strip(), m.group("note").strip()
    return "", ""


def statute_name(stem: str) -> StatuteName | None:
    """Title, 법종, number and date from "제목(산업통상자원부고시)(제2024-61호)(20240403)"."""
    m = STATUTE_NAME_RE.match(stem.strip())
    if not m:
        return None
    return StatuteName(m.group("title").strip(), m.group("kind").strip(), m.group("no"), parse_date(m.group("date")))


def statute_kind(kind_name: str) -> str:
    """Document kind for a 법종 name (법률, 대통령령, …부령, …고시/훈령/예규, 조례)."""
    k = kind_name.strip()
    if k == "법률":
        return KIND_LAW
    if k.endswith("대통령령"):
        return KIND_DECREE
    if k.endswith(("부령", "총리령")):
        return KIND_RULE
    if k.endswith(("조례", "규칙")):
        return KIND_ORDINANCE
    return KIND_ADMRULE


def header_facts(lines: list[str]) -> dict:
    """시행일, 공포번호/일자, 제개정구분 and 소관부처 from a statute's header lines."""
    head = "\n".join(lines[:8])
    facts: dict = {}
    eff = EFFECTIVE_RE.search(head)
    if eff:
        facts["effective_from"] = parse_date(eff.group(1))
    prom = PROMULGATION_RE.search(head)
    if prom:
        facts.update(promulgated_on=parse_date(prom.group("date")), promulgation_no=prom.group("no"),
                     revision_type=prom.group("rev").strip(" .,"), kind_name=prom.group("kind").strip())
    for line in lines[:8]:
        m = MINISTRY_RE.match(line.strip())
        if m:
            facts["ministry"] = m.group("org")
            facts["contact"] = line.strip()
            break
    return facts
