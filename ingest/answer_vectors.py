"""Past cases' answer vectors (rag/case_dense.py): computed at ingest, backfilled into older indexes.

Each complaint point gets ``answer_vec``: its answer's content sentences (rag.case_dense.answer_text,
from the masked text) embedded as a query, float16 in base64. Vectors are cached in the registry's
embedding cache under the model name + ``#answer``, so a forced re-ingest embeds nothing again.
Indexes written before this carry no such field: ``backfill`` adds it to the unchanged case files
an ingest run meets (``dasan ingest`` on the same folder), by payload only, without re-indexing.
"""
from __future__ import annotations

import hashlib

import numpy as np

from rag.case_dense import FIELD, answer_text, encode
from rag.embed import Embedder
from rag.index.base import IndexPoint, VectorIndex
from rag.model import KIND_COMPLAINT

CACHE_SUFFIX = "#answer"


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def vectors(embedder: Embedder, registry, texts: list[str]) -> list[str]:
    """Each case text's stored answer vector ("" when its answer has no content to embed)."""
    wanted = [answer_text(t) for t in texts]
    model = embedder.name + CACHE_SUFFIX
    hashes = [_hash(w) if w else "" for w in wanted]
    cached = registry.cached_vectors(model, sorted({h for h in hashes if h}))
    fresh: dict[str, bytes] = {}
    for w, h in zip(wanted, hashes):
        if h and h not in cached and h not in fresh:
            fresh[h] = np.asarray(embedder.query(w), dtype=np.float32).tobytes()
    if fresh:
        registry.cache_vectors(model, fresh)
        cached.update(fresh)
    return [encode(np.frombuffer(cached[h], dtype=np.float32)) if h else "" for h in hashes]


def add_to_points(points: list[IndexPoint], embedder: Embedder, registry) -> int:
    """Set ``answer_vec`` on the complaint points about to be written; how many got one."""
    cases = [p for p in points if p.payload.get("kind") == KIND_COMPLAINT]
    if not cases:
        return 0
    for p, v in zip(cases, vectors(embedder, registry, [p.payload.get("text") or "" for p in cases])):
        if v:
            p.payload[FIELD] = v
    return sum(1 for p in cases if p.payload.get(FIELD))


def backfill(index: VectorIndex, registry, embedder: Embedder, version_keys: list[str]) -> int:
    """Add ``answer_vec`` to the indexed complaint points of these versions that lack it (payload only);
    how many got one. Versions of other kinds are left alone."""
    ids: list[str] = []
    for vk in version_keys:
        row = registry.version(vk)
        if row is not None and row.kind == KIND_COMPLAINT:
            ids += sorted(registry.unit_hashes(vk))
    if not ids:
        return 0
    todo = [h for h in index.retrieve(ids) if FIELD not in h.payload and h.payload.get("kind") == KIND_COMPLAINT]
    n = 0
    for h, v in zip(todo, vectors(embedder, registry, [h.payload.get("text") or "" for h in todo])):
        if v:
            index.set_payload([h.id], {FIELD: v})
            n += 1
    return n
