"""Links each 별표 to the articles it declares itself related to ("(제44조 관련)"), so that an
article's lexical vector also carries the technical vocabulary of its annex.

Runs after every ingest over all annexes (a few hundred points at most): an article's expansion is
recomputed from its own text plus its linked annexes, and skipped when nothing changed (hash).
"""
from __future__ import annotations

import hashlib
from collections import defaultdict

from rag import tokenize
from rag.index.base import QueryFilter, VectorIndex
from rag.model import KIND_ANNEX
from rag.payload import UnitPayload

LINK_WEIGHT = 0.3  # annex terms count less than the article's own words
MAX_LINKED_CHARS = 6000


def payload_text(p: UnitPayload) -> str:
    """What the retriever reads (title, unit label and title, chapter path, body): the text a point is
    indexed with at ingest, and rebuilt from its payload when an annex link re-weights it."""
    head = " ".join(x for x in [p.get("parent_title"), p.get("title"), p.get("label"), p.get("unit_title")] if x)
    return f"{head}\n{' > '.join(p.get('path') or [])}\n{p.get('text') or ''}".strip()


def merged_vector(own: str, linked: str, weight: float = LINK_WEIGHT) -> tokenize.Sparse:
    base = tokenize.passage_vector(own)
    extra = tokenize.passage_vector(linked) if linked else tokenize.Sparse([], [])
    acc = dict(zip(base.indices, base.values))
    for i, v in zip(extra.indices, extra.values):
        acc[i] = acc.get(i, 0.0) + weight * v
    idx = sorted(acc)
    return tokenize.Sparse(idx, [acc[i] for i in idx])


def link_annexes(index: VectorIndex) -> int:
    """Expand articles with their annexes' vocabulary; returns how many articles were updated."""
    annexes = index.find(QueryFilter(kinds=[KIND_ANNEX]), limit=20000)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for h in annexes:
        p = h.payload
        for ref in p.get("refs") or []:
            groups[(p.get("parent_norm") or "", ref)].append(f"{p.get('label')} {p.get('unit_title') or ''}\n"
                                                             f"{p.get('text') or ''}")
    updated = 0
    for (parent_norm, article), texts in sorted(groups.items()):
        if not parent_norm:
            continue
        linked = "\n".join(sorted(texts))[:MAX_LINKED_CHARS]
        digest = hashlib.sha256(linked.encode()).hexdigest()[:16]
        for h in index.find(QueryFilter(title_norms=[parent_norm], articles=[article]), limit=200):
            if h.payload.get("kind") == KIND_ANNEX or h.payload.get("link_hash") == digest:
                continue
            sv = merged_vector(payload_text(h.payload), linked)
            index.update_sparse(h.id, sv.indices, sv.values)
            index.set_payload([h.id], {"link_hash": digest})
            updated += 1
    return updated
