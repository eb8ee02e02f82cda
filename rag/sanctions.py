"""Sanctions: "is that legal, what happens if …" is answered by the rule and by the article that punishes
breaking it.

A citizen asking whether something is 법적으로 문제 or what 불이익 follows names the conduct, never the
penalty article; the glossary adds 벌칙·과태료 to the lexical query, but every penalty article of a law
reads alike, so the right one rarely ranks. Penalty articles (headings 벌칙, 과태료, 양벌규정) name the
duties they punish ("제33조제2항을 위반하여 …한 자"). So when the question asks about consequences,
the penalty articles of the same law that name one of the best-ranked duty articles gain a share of
that article's score (and join the candidates if they were not there): the legal structure, not the
wording, links them. Which articles of a law are penalty articles is read once per law (by heading)
and cached until the index changes (``clear``).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rag.delegation import article_labels
from rag.grammar import ARTICLE
from rag.index.base import IndexHit, QueryFilter, VectorIndex

SHARE = 0.5  # a penalty article naming a duty among the best gains this × that duty's score (0 = off)
DUTIES = 5  # the best-ranked articles whose penalties are looked up
# consequences asked for: sanctions, liability, legality, reporting a violation
INTENT = re.compile(r"불이익|처벌|벌금|벌받|벌칙|제재|과태료|행정\s*처분|법적\s*(으로|인)?\s*(문제|책임|조치|제재)"
                    r"|위법|불법|위반(하면|시|할\s*경우|한\s*경우|이\s*아닌지|인지|되나|되는지)"
                    r"|(?<![가-힣])신고\s*(방법|하면|할\s*수)")  # reporting a violation, not 전입신고·출생신고 (a procedure)
HEADING = re.compile(r"벌칙|과태료|양벌")
_REF = re.compile(r"(?<![가-힣A-Za-z0-9])" + ARTICLE)  # "제33조제2항", "제33조의2" (not "법 제…" alone: any)


def asks(question: str) -> bool:
    """Does the question ask what follows from breaking a rule?"""
    return bool(INTENT.search(question or ""))


def referenced(text: str) -> set[str]:
    """Article labels a text names ("제33조제2항을 위반하여" -> 제33조)."""
    return set(article_labels(_REF, text))


class Penalties:
    """Per law, the labels of its penalty articles (read once by heading); then the units themselves on
    the query's date and visibility."""

    def __init__(self, index: VectorIndex, size: int = 256) -> None:
        self.index, self._labels, self._size = index, {}, size

    def clear(self) -> None:
        self._labels.clear()

    def labels(self, title_norm: str) -> list[str]:
        got = self._labels.get(title_norm)
        if got is None:
            units = self.index.find(QueryFilter(title_norms=[title_norm]), limit=5000)
            got = sorted({u.payload.get("article") for u in units if u.payload.get("title_norm") == title_norm
                          and u.payload.get("article") and not u.payload.get("annex")
                          and HEADING.search(u.payload.get("unit_title") or "")})
            if len(self._labels) >= self._size:
                self._labels.clear()
            self._labels[title_norm] = got
        return got

    def units(self, title_norm: str, base: QueryFilter) -> list[IndexHit]:
        arts = self.labels(title_norm)
        return self.index.find(replace(base, title_norms=[title_norm], articles=arts), limit=200) if arts else []


def boost(ranked: list[IndexHit], fetch: Callable[[str], list[IndexHit]], share: float = SHARE,
          duties: int | None = None) -> list[IndexHit]:
    """``ranked`` with each penalty article that names one of the ``duties`` best-ranked articles of its law
    raised by ``share`` × that article's score; ``fetch(title_norm)`` gives a law's penalty units."""
    if share <= 0 or not ranked:
        return ranked
    best: dict[tuple[str, str], float] = {}
    duties = duties or DUTIES
    for h in ranked:
        p = h.payload
        if p.get("article") and not p.get("annex") and not HEADING.search(p.get("unit_title") or ""):
            key = (p.get("title_norm") or "", p["article"])
            best.setdefault(key, h.score)
            if len(best) >= duties:
                break
    by_id = {h.id: h for h in ranked}
    for law in dict.fromkeys(t for t, _ in best):
        for u in fetch(law):
            named = referenced(u.payload.get("text") or "")
            gain = max((s for (t, a), s in best.items() if t == law and a in named), default=0.0)
            if gain:
                old = by_id.get(u.id)
                base = old.score if old else 0.0
                by_id[u.id] = IndexHit(u.id, base + share * gain, old.payload if old else u.payload)
    out = list(by_id.values())
    out.sort(key=lambda h: (-h.score, h.id))
    return out
