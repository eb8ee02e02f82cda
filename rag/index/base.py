"""One small interface over the vector + sparse index, whatever engine is behind it.

Two implementations: ``EdgeIndex`` (Qdrant Edge, in-process, the embedded default) and
``ServerIndex`` (qdrant-client against a Qdrant server or cluster, or its local mode in tests).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

# the payload record and its date encoding live in rag.payload; OPEN_END and date_int stay importable from here
from rag.payload import OPEN_END, UnitPayload, date_int  # noqa: F401

DENSE = "dense"
SPARSE = "sparse"


class IndexUnavailable(RuntimeError):
    """The index cannot be opened or used right now (held by another process, corrupt, unreadable)."""


@dataclass
class IndexPoint:
    id: str
    dense: list[float] | None
    sparse_indices: list[int]
    sparse_values: list[float]
    payload: UnitPayload


@dataclass
class QueryFilter:
    """Conditions applied inside the index query (never after it, so top-k stays full)."""

    as_of: date | None = None
    kinds: list[str] = field(default_factory=list)
    visibility: list[str] = field(default_factory=list)
    title_norms: list[str] = field(default_factory=list)  # document title or parent title
    articles: list[str] = field(default_factory=list)  # "제33조"
    annexes: list[str] = field(default_factory=list)  # "별표 20"
    version_keys: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # "KGS FU432"
    exclude_kinds: list[str] = field(default_factory=list)  # e.g. past cases out of legal-source hits

    def is_empty(self) -> bool:
        return not any([self.as_of, self.kinds, self.visibility, self.title_norms, self.articles,
                        self.annexes, self.version_keys, self.codes, self.exclude_kinds])


@dataclass
class IndexHit:
    id: str
    score: float
    payload: UnitPayload


def fetch_payloads(hits: list[IndexHit], fetch: Callable[[list[str]], list[IndexHit]],
                   want: Callable[[IndexHit], bool] | None = None) -> list[IndexHit]:
    """Hits of a search run without payloads (a long payload costs about ten times the search) with the
    payloads of those ``want`` picks (all when None) fetched in one ``fetch(ids)``; a picked point that is
    gone meanwhile is dropped, the others stay as they are."""
    ids = [h.id for h in hits if not h.payload and (want is None or want(h))]
    if not ids:
        return hits
    got, picked = {h.id: h.payload for h in fetch(ids)}, set(ids)
    return [IndexHit(h.id, h.score, got[h.id]) if h.id in got else h for h in hits
            if h.payload or h.id in got or h.id not in picked]


class VectorIndex:
    """Interface every index engine implements."""

    def upsert(self, points: list[IndexPoint]) -> None:
        raise NotImplementedError

    def delete(self, ids: list[str]) -> None:
        raise NotImplementedError

    def set_payload(self, ids: list[str], payload: UnitPayload) -> None:
        raise NotImplementedError

    def update_sparse(self, id: str, indices: list[int], values: list[float]) -> None:
        """Replace one point's sparse vector (annex vocabulary linked into an article)."""
        raise NotImplementedError

    def hybrid(self, dense: list[float] | None, sparse: tuple[list[int], list[float]] | None,
               limit: int, flt: QueryFilter, weights: tuple[float, float] = (1.0, 1.0),
               prefetch: int = 100, rrf_k: int = 60) -> list[IndexHit]:
        """Sparse and dense candidates fused by weighted RRF, filter applied in both stages."""
        raise NotImplementedError

    def nearest(self, dense: list[float], limit: int, flt: QueryFilter) -> list[IndexHit]:
        """Dense-only neighbours with their cosine similarity (used to judge relevance)."""
        raise NotImplementedError

    def nearest_batch(self, vectors: list, limit: int, flt: QueryFilter, payload: bool = True) -> list[list[IndexHit]]:
        """``nearest`` for several vectors under one filter, one result list per vector (engines batch it).
        ``payload=False``: ids and scores only (a long text's payload costs far more than the search)."""
        return [[h if payload else IndexHit(h.id, h.score, {}) for h in self.nearest(v, limit, flt)] for v in vectors]

    def nearest_or_matching(self, dense: list[float], sparse: tuple[list[int], list[float]] | None,
                            limit: int, flt: QueryFilter, payload: bool = True) -> list[IndexHit]:
        """The ``limit`` dense neighbours and the ``limit`` best lexical matches together, each scored by
        its cosine to ``dense`` (case memory's candidates). Engines answer it in one query; this
        fallback makes two and gives a lexical-only match the lowest neighbour's cosine.
        ``payload=False``: ids and scores only."""
        near = self.nearest(dense, limit, flt)
        lexical = self.hybrid(None, sparse, limit, flt, prefetch=limit) if sparse and sparse[0] else []
        floor = min((h.score for h in near), default=0.0)
        seen = {h.id for h in near}
        out = near + [IndexHit(h.id, floor, h.payload) for h in lexical if h.id not in seen]
        return out if payload else [IndexHit(h.id, h.score, {}) for h in out]

    def find(self, flt: QueryFilter, limit: int = 100) -> list[IndexHit]:
        """Points matching a filter (direct fetch of referenced units)."""
        raise NotImplementedError

    def retrieve(self, ids: list[str]) -> list[IndexHit]:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        pass
