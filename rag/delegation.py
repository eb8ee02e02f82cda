"""Delegation: an implementing article lends relevance to the statute article it implements.

A 시행령/시행규칙 article says what it implements in its own words ("법 제44조제1항에 따른 …의
시설기준과 기술기준은 별표 20과 같다"). Citizens' questions match the concrete rule, while the answer
also cites the statute article that creates the duty (법 제44조), whose wording is too general to be
found by itself. So each candidate from an implementing regulation adds a share of its score to the
parent-statute articles it names; those articles join the candidates if they were not there yet.
Measured in eval/README.md.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from rag.grammar import ARTICLE
from rag.index.base import IndexHit
from rag.model import article_label, article_no
from rag.payload import UnitPayload

SHARE = 0.4
_IMPLEMENTING = ("시행령", "시행규칙")
# "법 제44조", "법 제33조의2" as a word of its own (not "고압가스법 제5조": that names another law)
_LAW_REF = re.compile(r"(?<![가-힣A-Za-z0-9])법\s*" + ARTICLE)


def parent_norm(title_norm: str) -> str:
    """'액화석유가스의안전관리및사업법시행규칙' -> '액화석유가스의안전관리및사업법'; '' for a statute."""
    for suffix in _IMPLEMENTING:
        if title_norm.endswith(suffix) and len(title_norm) > len(suffix):
            return title_norm[: -len(suffix)]
    return ""


def article_labels(pattern: re.Pattern, text: str) -> list[str]:
    """Distinct article labels ("제33조", "제33조의2") that ``pattern`` (number and 의-number groups, as
    rag.grammar.ARTICLE) finds in ``text``, in order."""
    out: list[str] = []
    for num, sub in pattern.findall(text or ""):
        label = article_label(article_no(num, sub or None))
        if label not in out:
            out.append(label)
    return out


def implemented_articles(text: str) -> list[str]:
    return article_labels(_LAW_REF, text)


def statute_targets(p: UnitPayload) -> list[tuple[str, str]]:
    """A 시행령/시행규칙 article names the statute articles it implements ("법 제44조제1항에 따른")."""
    if p.get("annex"):
        return []
    parent = parent_norm(p.get("title_norm") or "")
    return [(parent, art) for art in implemented_articles(p.get("text") or "")] if parent else []


def propagate(ranked: list[IndexHit], fetch: Callable[[str, list[str]], list[IndexHit]],
              share: float = SHARE) -> list[IndexHit]:
    """Scores with each statute article raised by ``share`` × its best implementing candidate.

    Only regulation article -> statute article: lending 별표 -> "(제69조 관련)" article as well was
    measured and dropped (kgs-lpg/법령: overall Recall@10 -0.04, article -0.11; annexes are cited
    in their own right and already carry their article's words through ingest/links.py).

    ``fetch(title_norm, articles)`` returns the units of those articles (same date filter as the
    query); ``ranked`` is sorted by score, best first."""
    if not ranked or share <= 0:
        return ranked
    return _lend(ranked, statute_targets, fetch, share)


def _lend(ranked: list[IndexHit], targets, fetch, share: float) -> list[IndexHit]:
    lent: dict[tuple[str, str], float] = {}
    for h in ranked:
        for key in targets(h.payload):
            lent[key] = max(lent.get(key, 0.0), h.score * share)
    if not lent:
        return ranked
    by_id = {h.id: h for h in ranked}
    wanted: dict[str, list[str]] = {}
    for parent, art in lent:
        wanted.setdefault(parent, []).append(art)
    for parent, arts in wanted.items():
        for h in fetch(parent, sorted(arts)):
            if h.payload.get("title_norm") != parent or h.payload.get("annex"):
                continue  # an annex of that law (matched by parent_norm) is not the article
            extra = lent.get((parent, h.payload.get("article") or ""), 0.0)
            if not extra:
                continue
            old = by_id.get(h.id)
            by_id[h.id] = IndexHit(h.id, (old.score if old else 0.0) + extra, old.payload if old else h.payload)
    out = list(by_id.values())
    out.sort(key=lambda h: (-h.score, h.id))
    return out
