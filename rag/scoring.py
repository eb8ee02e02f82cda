"""What a hit's score is made of: the fused lexical + dense score, then each boost with its reason.

``score`` on a hit is the final ranking score and never increases down the list; ``score_parts`` says
how it came about: ``lexical`` and ``dense`` (rank in each list, the dense cosine, each one's share
of the fused score, weighted RRF as Qdrant computes it), ``fused``, ``boosts`` ([{reason, add}], in the
order applied), ``direct`` (the question named this unit) and ``adjusted`` (a unit placed lower than
its score by the rule that keeps one document or kind from filling the list).
"""
from __future__ import annotations

from dataclasses import dataclass

from rag.index.base import IndexHit, QueryFilter, VectorIndex

DIRECT = "질문이 직접 지목한 조문"
DIVERSITY = "한 문서·종류가 상위를 독차지하지 않도록 순위를 조정함"


def rrf(position: int, weight: float, k: int) -> float:
    """Qdrant's weighted reciprocal-rank term for a 0-based position (qdrant_client.hybrid.fusion)."""
    return 0.0 if weight <= 0 else 1.0 / ((position + 1.0) / weight + k - 1.0)


@dataclass(frozen=True)
class ListShare:
    """A hit's place in one candidate list (lexical or dense) and that list's share of the fused score."""
    rank: int  # 1-based
    score: float
    cosine: float | None = None  # dense only

    def to_dict(self) -> dict:
        return {"rank": self.rank, **({"cosine": self.cosine} if self.cosine is not None else {}), "score": self.score}


@dataclass(frozen=True)
class Boost:
    """What one ranking stage added to a hit's score, and why (Korean)."""
    reason: str
    add: float

    def to_dict(self) -> dict:
        return {"reason": self.reason, "add": self.add}


@dataclass(frozen=True)
class ScoreParts:
    """The ``score_parts`` of a hit (see the module docstring)."""
    lexical: ListShare | None
    dense: ListShare | None
    fused: float
    boosts: tuple[Boost, ...]
    direct: bool
    ranking: float
    adjusted: str | None

    def to_dict(self) -> dict:
        return {"lexical": self.lexical.to_dict() if self.lexical else None,
                "dense": self.dense.to_dict() if self.dense else None, "fused": self.fused,
                "boosts": [b.to_dict() for b in self.boosts], "direct": self.direct, "ranking": self.ranking,
                "adjusted": self.adjusted}


class Trace:
    """Scores of the candidates as they pass each stage of ranking, keyed by point id."""

    def __init__(self, fused: list[IndexHit]) -> None:
        self.fused = {h.id: float(h.score) for h in fused}
        self.boosts: dict[str, list[Boost]] = {}

    def stage(self, before: list[IndexHit], after: list[IndexHit], reason) -> None:
        """Record, per id, how much a stage added (``reason``: a string, or id -> string)."""
        old = {h.id: h.score for h in before}
        for h in after:
            delta = float(h.score) - float(old.get(h.id, 0.0))
            if abs(delta) > 1e-12:
                why = reason(h.id) if callable(reason) else reason
                self.boosts.setdefault(h.id, []).append(Boost(why, round(delta, 6)))


def final(picked: list[IndexHit], raw: dict[str, float]) -> list[tuple[IndexHit, float, bool]]:
    """(hit, final score, adjusted) in list order: the ranking score, lowered where the list order put
    a unit below one that scored less, so that scores never increase with rank."""
    out, ceiling = [], float("inf")
    for h in picked:
        s = raw.get(h.id, float(h.score))
        adjusted = s > ceiling
        s = min(s, ceiling)
        ceiling = s
        out.append((h, s, adjusted))
    return out


def parts(hit_id: str, trace: Trace, lexical: dict[str, int], dense: dict[str, tuple[int, float]],
          weights: tuple[float, float], k: int, direct: float | None, raw: float, adjusted: bool) -> ScoreParts:
    """The ``score_parts`` of one hit; ``direct``: what fetching it as a named unit added (None: not named)."""
    lex_pos = lexical.get(hit_id)
    dense_pos = dense.get(hit_id)
    return ScoreParts(
        lexical=None if lex_pos is None else ListShare(lex_pos + 1, round(rrf(lex_pos, weights[0], k), 6)),
        dense=None if dense_pos is None else ListShare(dense_pos[0] + 1, round(rrf(dense_pos[0], weights[1], k), 6),
                                                       cosine=round(dense_pos[1], 4)),
        fused=round(trace.fused.get(hit_id, 0.0), 6),
        boosts=tuple(trace.boosts.get(hit_id, [])) + ((Boost(DIRECT, round(direct, 6)),) if direct is not None else ()),
        direct=direct is not None,
        ranking=round(raw, 6),
        adjusted=DIVERSITY if adjusted else None,
    )


def positions(index: VectorIndex, sparse, dense, base: QueryFilter, prefetch: int,
              k: int) -> tuple[dict[str, int], dict[str, tuple[int, float]]]:
    """Positions in the lexical list, and positions and cosines in the dense list, as the fused query
    prefetched them (same filter and depth)."""
    lexical: dict[str, int] = {}
    near: dict[str, tuple[int, float]] = {}
    if sparse:
        for i, h in enumerate(index.hybrid(None, (sparse.indices, sparse.values), prefetch, base,
                                           weights=(1.0, 0.0), prefetch=prefetch, rrf_k=k)):
            lexical[h.id] = i
    if dense is not None:
        for i, h in enumerate(index.nearest(dense, prefetch, base)):
            near[h.id] = (i, float(h.score))
    return lexical, near
