"""Legal references written in a question: law names and 약칭, 제N조(제K항), 별표 N, technical codes.

Names are fuzzy-matched (rapidfuzz) against the titles actually indexed plus the table of known law
titles and 약칭 (rag/law_names.py), so "액법 시행규칙 별표 20" resolves to 「액화석유가스의 안전관리 및
사업법 시행규칙」 별표 20, and "정보공개법" to its official title whether or not it is indexed (whether it
is, and in force, is rag/named.py's question).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from rag.grammar import ANNEX, ARTICLE, PARAGRAPH
from rag import law_names
from rag.model import normalize_title

# Widely used short names (법제처 약칭 and officials' usage) -> official title, from the shipped table
# (rag/data/law_names.tsv); keys are lower case.
ABBREVIATIONS = dict(law_names.load().abbreviations)
_SUFFIXES = ("시행령", "시행규칙")
_ARTICLE = re.compile(ARTICLE + PARAGRAPH)
_ANNEX = re.compile(ANNEX)
_CODE = re.compile(r"\b(?:KGS\s*)?([A-Z]{2})\s*(\d{3})\b")
_CLAUSE = re.compile(r"(?<![\d.])(\d{1,2}(?:\s*\.\s*\d{1,2}){1,5})(?![\d.]*\s*(?:m|㎜|mm|MPa|kPa|%|톤|℃|배(?!관)))")
_NAME_TOKEN = re.compile(r"[가-힣A-Za-z·ㆍ ]{1,40}?(?:법률|법|령|규칙|기준|고시|조례|규정|지침)")


@dataclass
class Reference:
    """One reference: a law title (may be empty), and optionally an article/annex/clause."""

    title: str = ""
    article: str = ""  # "제33조" / "제33조의2"
    paragraph: int = 0
    annex: str = ""  # "별표 20"
    code: str = ""  # "KGS FU432"
    clause: str = ""  # "2.3.3.4"
    written: str = field(default="", compare=False)  # as the question wrote it: "정보공개법 제9조"


@dataclass
class Resolved:
    laws: list[str] = field(default_factory=list)  # official titles mentioned
    refs: list[Reference] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    written: dict[str, str] = field(default_factory=dict)  # official title -> first mention as written


class ReferenceResolver:
    """Resolves references against the titles known to the index."""

    def __init__(self, titles: list[str], abbreviations: dict[str, str] | None = None,
                 known: law_names.LawNames | None = None) -> None:
        """``titles``: indexed titles; ``known``: the table of law titles and 약칭 (default: the shipped
        one), so that laws that are not indexed are still recognised by name."""
        known = law_names.load() if known is None else known
        self.titles = sorted(set(t for t in titles if t), key=len, reverse=True)
        self.indexed = {normalize_title(t): t for t in self.titles}
        self.norm = {**known.titles, **self.indexed}  # indexed spelling wins
        self.abbr = {k.lower(): v for k, v in {**known.abbreviations, **(abbreviations or {})}.items()}

    def _law_mentions(self, q: str) -> list[tuple[int, int, str]]:
        """(start, end, official title) for each law name in the question."""
        found: list[tuple[int, int, str]] = []
        nq = q.lower()
        for short, full in self.abbr.items():
            for m in re.finditer(r"(?<![가-힣A-Za-z])" + re.escape(short), nq):
                if short.endswith("법") and nq[m.end(): m.end() + 1] == "률":
                    continue
                found.append(self._with_suffix(q, m.start(), m.end(), full))
        for m in _NAME_TOKEN.finditer(q):
            cand = normalize_title(m.group())
            # an exact title at the end of the phrase, however short (민법, "그리고 건축법")
            exact = max((nt for nt in self.norm if cand.endswith(nt)), key=len, default=None)
            if exact and (len(exact) >= 4 or exact == cand or m.group().endswith(" " + self.norm[exact])):
                found.append(self._with_suffix(q, m.end() - len(self.norm[exact]), m.end(), self.norm[exact]))
                continue
            if len(cand) < 4:
                continue
            best, score, rank = None, 0.0, (0.0, False)
            for nt, t in self.norm.items():
                s = fuzz.ratio(cand, nt) if len(nt) <= len(cand) + 4 else fuzz.partial_ratio(nt, cand) * 0.9
                if (s, nt in self.indexed) > rank:  # on a tie an indexed title wins
                    best, score, rank = t, s, (s, nt in self.indexed)
            if best and score >= 88:
                found.append(self._with_suffix(q, m.start(), m.end(), best))
        found.sort()
        # drop mentions nested in a longer one
        out: list[tuple[int, int, str]] = []
        for f in found:
            if out and f[0] < out[-1][1]:
                if f[1] - f[0] > out[-1][1] - out[-1][0]:
                    out[-1] = f
                continue
            out.append(f)
        return out

    def _with_suffix(self, q: str, start: int, end: int, title: str) -> tuple[int, int, str]:
        """Extend "액법" + " 시행규칙" to the 시행규칙's title."""
        rest = q[end:end + 8]
        for suf in _SUFFIXES:
            stripped = rest.lstrip()
            if stripped.startswith(suf) and not title.endswith(suf):
                return start, end + (len(rest) - len(stripped)) + len(suf), f"{title} {suf}"
        return start, end, title

    def resolve(self, question: str) -> Resolved:
        q = question or ""
        res = Resolved()
        mentions = self._law_mentions(q)
        for s, e, t in mentions:
            if t not in res.laws:
                res.laws.append(t)
                res.written[t] = q[s:e].strip()

        def law_before(pos: int) -> tuple[str, str]:
            prior = [m for m in mentions if m[1] <= pos]
            return (prior[-1][2], q[prior[-1][0]:prior[-1][1]].strip()) if prior else ("", "")

        for m in _ARTICLE.finditer(q):
            art = f"제{int(m.group(1))}조" + (f"의{int(m.group(2))}" if m.group(2) else "")
            title, written = law_before(m.start())
            res.refs.append(Reference(title=title, article=art, paragraph=int(m.group(3) or 0),
                                      written=" ".join(x for x in (written, art) if x)))
        for m in _ANNEX.finditer(q):
            ann = f"별표 {int(m.group(1))}" + (f"의{int(m.group(2))}" if m.group(2) else "")
            title, written = law_before(m.start())
            res.refs.append(Reference(title=title, annex=ann, written=" ".join(x for x in (written, ann) if x)))
        for m in _CODE.finditer(q.upper()):
            code = f"KGS {m.group(1)}{m.group(2)}"
            if code not in res.codes:
                res.codes.append(code)
            after = q[m.end(): m.end() + 20]
            cm = _CLAUSE.match(after.strip())
            if cm:
                res.refs.append(Reference(code=code, clause=re.sub(r"\s+", "", cm.group(1))))
        return res
