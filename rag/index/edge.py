"""Qdrant Edge (qdrant-edge-py): the in-process embedded default — HNSW, sparse with IDF, RRF."""
from __future__ import annotations

from pathlib import Path

import qdrant_edge as qe

from rag.index.base import (DENSE, SPARSE, IndexHit, IndexPoint, IndexUnavailable, QueryFilter, VectorIndex,
                            date_int)
from rag.payload import INDEXED_FIELDS, INTEGER, KEYWORD, UnitPayload

_SCHEMA = {KEYWORD: qe.PayloadSchemaType.Keyword, INTEGER: qe.PayloadSchemaType.Integer}


def edge_filter(flt: QueryFilter | None) -> qe.Filter | None:
    """Translate the engine-neutral filter to Qdrant Edge conditions."""
    if flt is None or flt.is_empty():
        return None
    must: list = []
    if flt.as_of:
        d = date_int(flt.as_of)
        must.append(qe.FieldCondition(key="eff_from", range=qe.RangeFloat(lte=d)))
        must.append(qe.FieldCondition(key="eff_to", range=qe.RangeFloat(gt=d)))
    for key, values in (("kind", flt.kinds), ("visibility", flt.visibility), ("article", flt.articles),
                        ("annex", flt.annexes), ("version_key", flt.version_keys),
                        ("code", flt.codes)):
        if values:
            must.append(qe.FieldCondition(key=key, match=qe.MatchAny(any=list(values))))
    if flt.title_norms:
        must.append(qe.Filter(should=[
            qe.FieldCondition(key="title_norm", match=qe.MatchAny(any=list(flt.title_norms))),
            qe.FieldCondition(key="parent_norm", match=qe.MatchAny(any=list(flt.title_norms))),
        ]))
    must_not = ([qe.FieldCondition(key="kind", match=qe.MatchAny(any=list(flt.exclude_kinds)))]
                if flt.exclude_kinds else None)
    return qe.Filter(must=must, must_not=must_not)


class IndexBusy(IndexUnavailable):
    """The embedded index folder is open in another process."""


class IndexCorrupt(IndexUnavailable):
    """The embedded index folder exists but cannot be read (damaged files, wrong permissions)."""


class EdgeIndex(VectorIndex):
    """A shard in a folder under the data directory; one process opens it at a time."""

    def __init__(self, path: Path, dim: int) -> None:
        path.mkdir(parents=True, exist_ok=True)
        config = qe.EdgeConfig(
            vectors={DENSE: qe.EdgeVectorParams(size=dim, distance=qe.Distance.Cosine)},
            sparse_vectors={SPARSE: qe.EdgeSparseVectorParams(modifier=qe.Modifier.Idf)},
            hnsw_config=qe.HnswIndexConfig(m=16, ef_construct=100, full_scan_threshold=10000),
        )
        fresh = not any(path.iterdir())
        try:
            self._shard = qe.EdgeShard.create(str(path), config) if fresh else qe.EdgeShard.load(str(path))
        except Exception as e:
            if "WouldBlock" in str(e):
                raise IndexBusy(
                    f"색인 폴더({path})를 다른 프로세스(예: 실행 중인 dasan serve)가 쓰고 있습니다. 내장 색인은 한 "
                    "프로세스만 열 수 있습니다: 서버에 POST /v1/ingest로 색인을 요청하거나 서버를 멈춘 뒤 "
                    "다시 실행하세요.") from e
            raise IndexCorrupt(f"색인 폴더({path})를 열 수 없습니다(손상되었거나 읽을 수 없음). 백업에서 되살리거나 "
                               "폴더를 지우고 dasan ingest로 다시 색인하세요.") from e
        if fresh:
            for f, kind in INDEXED_FIELDS.items():
                self._shard.update(qe.UpdateOperation.create_field_index(f, _SCHEMA[kind]))

    def upsert(self, points: list[IndexPoint]) -> None:
        if not points:
            return
        qpoints = []
        for p in points:
            vec: dict = {SPARSE: qe.SparseVector(indices=p.sparse_indices, values=p.sparse_values)}
            if p.dense is not None:
                vec[DENSE] = [float(x) for x in p.dense]
            qpoints.append(qe.Point(id=p.id, vector=vec, payload=p.payload))
        self._shard.update(qe.UpdateOperation.upsert_points(qpoints))

    def delete(self, ids: list[str]) -> None:
        if ids:
            self._shard.update(qe.UpdateOperation.delete_points(list(ids)))

    def set_payload(self, ids: list[str], payload: UnitPayload) -> None:
        if ids:
            self._shard.update(qe.UpdateOperation.set_payload(list(ids), payload))

    def update_sparse(self, id, indices, values):
        vec = {SPARSE: qe.SparseVector(indices=list(indices), values=list(values))}
        self._shard.update(qe.UpdateOperation.update_vectors([qe.PointVectors(id=id, vector=vec)]))

    def hybrid(self, dense, sparse, limit, flt, weights=(1.0, 1.0), prefetch=100, rrf_k=60):
        f = edge_filter(flt)
        prefetches, used = [], []
        if sparse and sparse[0]:
            vec = qe.SparseVector(indices=list(sparse[0]), values=list(sparse[1]))
            prefetches.append(qe.Prefetch(limit=prefetch, query=qe.Query.Nearest(vec, using=SPARSE), filter=f))
            used.append(weights[0])
        if dense is not None and weights[1] > 0:
            prefetches.append(qe.Prefetch(limit=prefetch, query=qe.Query.Nearest([float(x) for x in dense],
                                                                                using=DENSE), filter=f))
            used.append(weights[1])
        if not prefetches:
            return []
        req = qe.QueryRequest(limit=limit, prefetches=prefetches, query=qe.Fusion.Rrf(k=rrf_k, weights=used),
                              with_payload=True, filter=f)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in self._shard.query(req)]

    def nearest(self, dense, limit, flt):
        req = qe.QueryRequest(limit=limit, query=qe.Query.Nearest([float(x) for x in dense], using=DENSE),
                              filter=edge_filter(flt), with_payload=True)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in self._shard.query(req)]

    def nearest_batch(self, vectors, limit, flt, payload=True):
        if not vectors:
            return []
        f = edge_filter(flt)
        req = qe.QueryBatchRequest(queries=[qe.QueryRequest(
            limit=limit, query=qe.Query.Nearest([float(x) for x in v], using=DENSE), filter=f, with_payload=payload)
            for v in vectors])
        return [[IndexHit(str(p.id), p.score, p.payload or {}) for p in res] for res in self._shard.query_batch(req)]

    def nearest_or_matching(self, dense, sparse, limit, flt, payload=True):
        f = edge_filter(flt)
        d = [float(x) for x in dense]
        pre = [qe.Prefetch(limit=limit, query=qe.Query.Nearest(d, using=DENSE), filter=f)]
        if sparse and sparse[0]:
            vec = qe.SparseVector(indices=list(sparse[0]), values=list(sparse[1]))
            pre.append(qe.Prefetch(limit=limit, query=qe.Query.Nearest(vec, using=SPARSE), filter=f))
        req = qe.QueryRequest(limit=2 * limit, prefetches=pre, query=qe.Query.Nearest(d, using=DENSE),
                              with_payload=payload, filter=f)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in self._shard.query(req)]

    def find(self, flt, limit=100):
        recs, _ = self._shard.scroll(qe.ScrollRequest(limit=limit, filter=edge_filter(flt), with_payload=True))
        return [IndexHit(str(r.id), 0.0, r.payload or {}) for r in recs]

    def retrieve(self, ids):
        return [IndexHit(str(r.id), 0.0, r.payload or {}) for r in self._shard.retrieve(list(ids), True, False)]

    def count(self) -> int:
        return self._shard.count(qe.CountRequest(exact=True))

    def optimize(self) -> None:
        self._shard.optimize()

    def close(self) -> None:
        self._shard.flush()
        self._shard.close()
