"""Neighbourhood citations: what the wider circle of similar past cases keeps citing.

rag.case_memory lends only from the 3 closest cases at similarity >= 0.6: a question with a near twin
among past complaints. Most citizen questions have none (on kgs_dev, leave-one-out, about one in
five), yet the thirty cases nearest to them are mostly about the same kind of thing, and an office
answers one kind of thing from a few recurring rules (the LPG office: 시행규칙 별표 20, 법 제44조, KGS
FU432 2.3). So every candidate case votes, with its similarity, once for each unit its answer cites;
a unit among the question's own candidates gains in proportion to its share of those votes. Nothing
joins the candidates: the circle only re-orders what the question itself found, so a rule the office
cites often but the question does not touch stays where it was.

The candidates are the ones the similar-case search already ranked (visible to the caller, the
question's own case excluded); their links come in the same registry query as the lenders'.
"""
from __future__ import annotations

from rag.case_memory import Target, target_of, unit_matches
from rag.cases import CaseLink
from rag.index.base import IndexHit

SHARE = 1.0  # a unit cited by the whole circle gains this × the best score (0 = off; kgs_dev folds: 1–2 > 0.3 = 0.5 = 0, 3 lost any@10)
NEIGHBOURS = 30  # the nearest candidate cases that vote
MIN_SIMILARITY = 0.0  # weaker candidates do not vote
MIN_CASES = 2  # a unit needs at least this many citing cases: one neighbour's citation is the lenders' job
REASON = "비슷한 민원들의 답변이 자주 인용한 조문"


def votes(circle: list[tuple[str, float]], links: dict[str, list[CaseLink]],
          min_cases: int = MIN_CASES) -> dict[Target, float]:
    """Per cited unit, the similarity-weighted share of the circle whose answers cite it (0..1).
    One vote per (case, unit); whole-document citations and unresolved or negative links do not vote."""
    total = sum(max(0.0, s) for _, s in circle)
    if total <= 0:
        return {}
    weight: dict[Target, float] = {}
    count: dict[Target, int] = {}
    for key, sim in circle:
        cited = {target_of(lk) for lk in links.get(key, [])
                 if lk.resolved and lk.weight > 0 and (lk.article or lk.annex or (lk.code and lk.clause))}
        for t in cited:
            weight[t] = weight.get(t, 0.0) + max(0.0, sim)
            count[t] = count.get(t, 0) + 1
    return {t: w / total for t, w in weight.items() if count[t] >= min_cases}


def boost(ranked: list[IndexHit], shares: dict[Target, float], share: float = SHARE,
          scale: float | None = None) -> list[IndexHit]:
    """Candidates matching a voted unit gain ``share`` × ``scale`` (the best score) × its vote share;
    the best-matching vote counts once per candidate. Re-sorted; nothing is added (joining the voted
    units like the lenders' citations was measured and lost any@10: eval/README.md)."""
    if not shares or share <= 0 or not ranked:
        return ranked
    top = ranked[0].score if scale is None else scale
    out = []
    for h in ranked:
        best = max((v for t, v in shares.items() if h.payload and unit_matches(h.payload, t)), default=0.0)
        out.append(IndexHit(h.id, h.score + top * share * best, h.payload) if best else h)
    out.sort(key=lambda h: (-h.score, h.id))
    return out


def circle_of(ranked: list[tuple[IndexHit, float]], ident, exclude=None, n: int = NEIGHBOURS,
              min_similarity: float = MIN_SIMILARITY) -> list[tuple[str, float]]:
    """(case key, similarity) of the ``n`` best-ranked candidate cases; ``ident(point_id)`` gives a
    candidate's (case key, label) (rag.case_memory.TermCache.ident), ``exclude`` keys or labels."""
    ex = set(exclude or ())
    out = []
    for h, sim in ranked:
        if len(out) >= n:
            break
        k = ident(h.id)
        if k is None or sim < min_similarity or k[0] in ex or k[1] in ex:
            continue
        out.append((k[0], sim))
    return out
