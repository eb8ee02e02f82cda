"""Dense answer expansion: the answers of similar past cases, embedded at ingest, search the law.

Officials answer in the statute's register ("저장설비 주위에는 보호벽을 설치하여야 하며 …"), and
questions written that way find their article well by dense search; a citizen's words do not. So
each past case's answer (its content sentences, salutations and closings left out) is embedded once,
at ingest, as a *query* and kept in the case's payload (``answer_vec``: float16, base64). A search
takes the stored vectors of the closest cases the caller may see and runs each as a dense query
against the rules (statutes, 별표, codes); their rankings are fused into the question's, weighted by
how similar each case is — rag.case_expansion does the same with the answers' words. No embedding at
query time; a case without a stored vector (an index built before this) simply lends nothing here.
"""
from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from rag.case_expansion import KINDS as RULES
from rag.case_expansion import answer_of, fuse
from rag.index.base import IndexHit, fetch_payloads
from rag.model import STATUTE_KINDS

FIELD = "answer_vec"  # payload key of a past case's answer vector
# a rank-1 hit of one case's answer search gains this × the question's best score × that case's
# similarity (rag.case_expansion.fuse); 0 = off
SHARE = 0.6
MIN_SIMILARITY = 0.45  # cases below this lend nothing here (like rag.case_expansion)
CASES = 5  # at most this many answers search (kgs_dev folds: 4, 5 and 8 > 3 on any@10, 별표, code; 1 worse)
LIMIT = 20  # hits of each answer search fused
RRF_K = 3  # rank i (0-based) gains (k + 1) / (k + 1 + i) of the full share (kgs_dev folds: 3 > 10, 1)
# 0: one dense query per answer; > 0: one query only, the question's vector × this plus the answers'
# similarity-weighted mean (Rocchio), gaining share × scale × the mean similarity
MIX = 0.0
CHARS = 400  # the embedded text: the answer's first content sentences, up to this many characters
REASON = "유사 민원 답변과 뜻이 가까운 조문"
# what the answers search: the rules (statutes, 별표, codes), or (STATUTES_ONLY) the statutes' articles
STATUTES_ONLY = False
# a second pass over the statutes alone: its hits gain this share (0 = no second pass), LIMIT_STATUTES of them
SHARE_STATUTES = 0.3  # kgs_dev folds: 0.3 raised the article subset on both, 0.5 / 0.6 on one only
LIMIT_STATUTES = 3
CASES_STATUTES = 0  # the statutes pass reads only this many of the closest answers (0 = all of them)


# units that joined the ranking keep their place (and fetch their payload) within this many × top_k
WINDOW = 2.0  # kgs_dev folds: 1.5, 2 and 5 gave the same figures; fewer joiners fetch payloads


def kinds() -> list[str]:
    return list(STATUTE_KINDS if STATUTES_ONLY else RULES)


def passes(share: float) -> list[tuple[list[str], float, int, int]]:
    """(kinds searched, share, hits fused, answers read: 0 = all) of each dense search pass; none at ``share`` 0."""
    if share <= 0:
        return []
    out = [(kinds(), share, LIMIT, 0)]
    if SHARE_STATUTES > 0 and not STATUTES_ONLY:
        out.append((list(STATUTE_KINDS), SHARE_STATUTES, LIMIT_STATUTES, CASES_STATUTES))
    return out

# sentences that greet, thank, sign or invite further questions: no rule in them
_BOILERPLATE = re.compile(
    r"감사\s*(?:드|합|하)|답변\s*드리|답변드리|답변\s*드립|답변드립|안녕하|수고|기원합|부탁드|"
    r"문의\s*(?:사항|하시|주시)|연락\s*(?:주시|주십|처)|답변자|홈페이지|게시판|성심")
_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+|\s(?=[ㅇ○◦□■•▶※#]\s)|<[^<>]{1,12}>")


def answer_text(text: str, chars: int = CHARS) -> str:
    """What is embedded for a case: its answer's sentences without salutations, closings and
    signatures, in order, up to ``chars`` characters ("" when nothing is left)."""
    out, n = [], 0
    for s in _SPLIT.split(answer_of(text)):
        s = " ".join((s or "").split()).strip(" -·ㅇ○◦□■•▶※#")
        if len(s) < 8 or _BOILERPLATE.search(s):
            continue
        out.append(s)
        n += len(s) + 1
        if n >= chars:
            break
    return " ".join(out)[:chars]


def encode(vector) -> str:
    """A vector as compact payload text (float16, base64): 384 dimensions → 1 024 characters."""
    return base64.b64encode(np.asarray(vector, dtype=np.float16).tobytes()).decode("ascii")


def decode(value, dim: int | None = None) -> np.ndarray | None:
    """The stored vector, L2-normalised; None when absent, unreadable or of another dimension."""
    if not value or not isinstance(value, str):
        return None
    try:
        v = np.frombuffer(base64.b64decode(value), dtype=np.float16).astype(np.float32)
    except (ValueError, TypeError):
        return None
    if not v.size or (dim and v.size != dim):
        return None
    n = float(np.linalg.norm(v))
    return v / n if n else None


@dataclass
class Reader:
    """One stored answer vector and its case's similarity to the question."""

    vector: np.ndarray
    similarity: float


def readers(cases, dim: int | None, min_similarity: float = MIN_SIMILARITY, limit: int | None = None) -> list[Reader]:
    """The answer vectors of the most similar ``cases`` (rag.case_memory.SimilarCase, best first, already
    restricted to what the caller may see) at or above ``min_similarity``; cases without one are skipped."""
    out, limit = [], CASES if limit is None else limit
    for c in cases:
        if len(out) >= limit:
            break
        if c.similarity < min_similarity:
            continue
        v = decode(getattr(c, "answer_vector", ""), dim)
        if v is not None:
            out.append(Reader(v, c.similarity))
    return out


def expand(ranked: list[IndexHit], found: list[Reader],
           search: Callable[[list[np.ndarray], int], list[list[IndexHit]]], scale: float, share: float = SHARE,
           limit: int | None = None, question=None, mix: float | None = None) -> list[IndexHit]:
    """The question's ranking with each answer's dense ranking fused in: a rank-1 hit of the answer
    of a case of similarity s gains ``share`` × ``scale`` × s. ``search(vectors, limit)`` runs the dense
    queries, batched, over the legal sources only (the question's filter: date, visibility, no past
    cases). ``mix`` > 0 (default ``MIX``) and a ``question`` vector: one mixed query instead (``MIX``)."""
    if share <= 0 or not found or not ranked:
        return ranked
    mix, limit = MIX if mix is None else mix, LIMIT if limit is None else limit
    if mix > 0 and question is not None:
        total = sum(r.similarity for r in found)
        v = mix * np.asarray(question, dtype=np.float32) + sum(r.similarity * r.vector for r in found) / total
        (hits,) = search([v / (np.linalg.norm(v) or 1.0)], limit)
        return fuse(ranked, hits, scale * share * total / len(found), RRF_K)
    for r, hits in zip(found, search([r.vector for r in found], limit)):
        ranked = fuse(ranked, hits, scale * share * r.similarity, RRF_K)
    return ranked


def with_payloads(ranked: list[IndexHit], keep: int, fetch: Callable[[list[str]], list[IndexHit]]) -> list[IndexHit]:
    """Searches ran without payloads (they cost more than the search): units that joined the ranking
    get theirs, in one ``fetch(ids)``, when they rank within the first ``keep``; joiners below that
    are dropped (they were not candidates and gained too little to become one)."""
    head = {h.id for h in ranked[:keep]}
    return [h for h in fetch_payloads(ranked, fetch, lambda h: h.id in head) if h.payload]
