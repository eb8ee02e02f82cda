"""Case-answer expansion: the answers of similar past cases become a second query against the law.

A citizen writes "가스통 옆에 담을 쌓아야 하나요"; the official who answered a similar question wrote
"저장설비 주위에는 보호벽을 설치하여야 하며 …" — the statute's words, even when the answer names no
article. So the answers of the closest past cases the caller may see are read as one weighted lexical
query (pseudo-relevance feedback from the office's own history) and its ranking over the legal
sources is fused into the question's own ranking, weighted by how similar those cases are. Explicit
citations still lend through rag.case_memory; this reaches what the answers say without citing.

Boilerplate ("질의응답 게시판을 이용하여 주신 고객님께 감사 드리며") is told apart from content by
how many of the candidate cases' answers share a term: a salutation recurs in most answers of one
office, a rule's words only in the answers about that rule. Pure functions except ``expand``, which
takes the index query as a callback.
"""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rag import tokenize
from rag.index.base import IndexHit
from rag.model import KIND_ANNEX, KIND_CODE, STATUTE_KINDS

# a rank-1 expansion hit gains this × the best candidate's score × the readers' mean similarity; 0 = off
# (kgs_dev folds, eval/README.md: 0.3 lost an article on one fold, 0.8-1.5 lost any@10 on the other)
SHARE = 0.6
MIN_SIMILARITY = 0.45  # weaker cases are not read (folds: 0.45 >= 0.5 on both); rag.case_memory shows >= 0.5
CASES = 3  # at most this many answers are read
MAX_TERMS = 40  # the expansion query keeps its heaviest terms
COMMON = 0.4  # a term in at least this share of the candidate cases' answers is boilerplate (needs >= 5 answers)
MIN_ANSWERS = 5
POOL = 20  # the best-ranked candidate cases whose answers tell boilerplate apart
TF_CAP = 3  # a term repeated in one answer counts at most this often
DROP_QUESTION = True  # the question's own terms stay out of the expansion query (its own ranking has them)
LIMIT = 30  # expansion hits fused
RRF_K = 10
MAX_ANSWER_TERMS = 400  # stored per case (the head of a long answer carries its point)
REASON = "유사 민원 답변의 표현으로 찾은 조문"
# what the answers are read against: the rules answers cite (statutes, annexes, codes), not guidance
# documents written in the same office's words; () = every legal source
KINDS: tuple[str, ...] = (*STATUTE_KINDS, KIND_ANNEX, KIND_CODE)
FROM_FUSED = False  # True: strength scales with the best fused score before boosts (measured: no better)


def answer_of(text: str) -> str:
    """The answer part of a case text "제목: …\\n질문: …\\n답변: …" ("" if none)."""
    text = text or ""
    i = text.find("\n답변:")
    return text[i + 4:].strip() if i >= 0 else ""


def answer_terms(text: str) -> list[str]:
    """Index terms of a case's answer, in order, repeats kept (stored as ``answer_terms`` at ingest)."""
    return tokenize.terms(answer_of(text))[:MAX_ANSWER_TERMS]


class AnswerTerms:
    """Each case's answer terms (and their set), once per point: the stored payload field, else
    tokenized here once (points indexed before the payload carried them)."""

    def __init__(self, size: int = 50_000) -> None:
        self._d: dict[str, tuple[list[str], frozenset[str]]] = {}
        self._size = size

    def entry(self, point_id: str, payload: dict) -> tuple[list[str], frozenset[str]]:
        v = self._d.get(point_id)
        if v is None:
            stored = payload.get("answer_terms")
            terms = list(stored) if stored is not None else answer_terms(payload.get("text") or "")
            v = (terms, frozenset(terms))
            if len(self._d) >= self._size:
                self._d.clear()
            self._d[point_id] = v
        return v

    def get(self, point_id: str, payload: dict) -> list[str]:
        return self.entry(point_id, payload)[0]

    def distinct(self, point_id: str, payload: dict) -> frozenset[str]:
        return self.entry(point_id, payload)[1]


def common_terms(answers: Iterable[Iterable[str]], share: float = COMMON, min_answers: int = MIN_ANSWERS) -> set[str]:
    """Terms found in at least ``share`` of the answers (salutations, closings, an office's name)."""
    sets = [a if isinstance(a, (set, frozenset)) else set(a) for a in answers]
    if len(sets) < min_answers or share <= 0:
        return set()
    df = Counter(t for s in sets for t in s)
    floor = max(2, math.ceil(share * len(sets)))
    return {t for t, n in df.items() if n >= floor}


def query_terms(answers: list[tuple[list[str], float]], common: set[str], max_terms: int = MAX_TERMS,
                question: Iterable[str] = ()) -> dict[str, float]:
    """One weighted query from several answers: Σ over answers of similarity × min(tf, TF_CAP),
    boilerplate left out, the ``max_terms`` heaviest kept. Terms of the question itself are dropped:
    its own ranking already has them, the expansion is for the words it lacks."""
    skip = set(common) | (set(question) if DROP_QUESTION else set())
    w: dict[str, float] = {}
    for terms, sim in answers:
        for t, n in Counter(terms).items():
            if t in skip or len(t) < 2 and not t.isascii():
                continue
            w[t] = w.get(t, 0.0) + sim * min(n, TF_CAP)
    top = sorted(w.items(), key=lambda x: (-x[1], x[0]))[:max_terms]
    return dict(top)


def sparse_of(weights: dict[str, float]) -> tuple[list[int], list[float]] | None:
    if not weights:
        return None
    merged: dict[int, float] = {}
    for t, v in weights.items():
        i = tokenize.term_id(t)
        merged[i] = merged.get(i, 0.0) + v
    ids = sorted(merged)
    return ids, [merged[i] for i in ids]


def fuse(ranked: list[IndexHit], expansion: list[IndexHit], strength: float, k: int = RRF_K) -> list[IndexHit]:
    """Each expansion hit at (0-based) position i gains ``strength`` × (k + 1) / (k + 1 + i) — rank 1
    gains ``strength`` — on top of its own score; hits absent from ``ranked`` join with that alone."""
    if not expansion or strength <= 0:
        return ranked
    by_id = {h.id: h for h in ranked}
    for i, h in enumerate(expansion):
        add = strength * (k + 1) / (k + 1 + i)
        old = by_id.get(h.id)
        by_id[h.id] = IndexHit(h.id, (old.score if old else 0.0) + add, old.payload if old else h.payload)
    out = list(by_id.values())
    out.sort(key=lambda h: (-h.score, h.id))
    return out


@dataclass
class Reader:
    """One answer read for expansion: its terms and its case's similarity."""

    terms: list[str]
    similarity: float


def expand(ranked: list[IndexHit], readers: list[Reader], common: set[str], question: list[str],
           search: Callable[[tuple[list[int], list[float]], int], list[IndexHit]], share: float = SHARE,
           limit: int = LIMIT, max_terms: int = MAX_TERMS, scale: float | None = None
           ) -> tuple[list[IndexHit], dict[str, float]]:
    """The question's ranking with the answers' ranking fused in; returns it and the query used.
    ``search(sparse, limit)`` runs the lexical query over the legal sources only (same filter as the
    question's: date, visibility, no past cases). A rank-1 expansion hit gains ``share`` × ``scale``
    (default: the best score in ``ranked``) × the readers' mean similarity."""
    readers = [r for r in readers if r.terms and r.similarity > 0]
    if share <= 0 or not readers or not ranked:
        return ranked, {}
    q = query_terms([(r.terms, r.similarity) for r in readers], common, max_terms, question)
    sparse = sparse_of(q)
    if sparse is None:
        return ranked, {}
    strength = (ranked[0].score if scale is None else scale) * share * sum(r.similarity for r in readers) / len(readers)
    return fuse(ranked, search(sparse, limit), strength), q
