"""qdrant-client: the path to a Qdrant server or cluster (``DASAN_QDRANT_URL``).

Also runs on qdrant-client's local mode (``location=":memory:"`` or a folder), which is how the
tests exercise this exact code without a server.
"""
from __future__ import annotations

from qdrant_client import QdrantClient, models

from rag.index.base import DENSE, SPARSE, IndexHit, IndexPoint, QueryFilter, VectorIndex, date_int
from rag.payload import INDEXED_FIELDS, INTEGER, KEYWORD, UnitPayload

_SCHEMA = {KEYWORD: models.PayloadSchemaType.KEYWORD, INTEGER: models.PayloadSchemaType.INTEGER}


def server_filter(flt: QueryFilter | None) -> models.Filter | None:
    """Translate the engine-neutral filter to qdrant-client models."""
    if flt is None or flt.is_empty():
        return None
    must: list = []
    if flt.as_of:
        d = date_int(flt.as_of)
        must.append(models.FieldCondition(key="eff_from", range=models.Range(lte=d)))
        must.append(models.FieldCondition(key="eff_to", range=models.Range(gt=d)))
    for key, values in (("kind", flt.kinds), ("visibility", flt.visibility), ("article", flt.articles),
                        ("annex", flt.annexes), ("version_key", flt.version_keys),
                        ("code", flt.codes)):
        if values:
            must.append(models.FieldCondition(key=key, match=models.MatchAny(any=list(values))))
    if flt.title_norms:
        must.append(models.Filter(should=[
            models.FieldCondition(key="title_norm", match=models.MatchAny(any=list(flt.title_norms))),
            models.FieldCondition(key="parent_norm", match=models.MatchAny(any=list(flt.title_norms))),
        ]))
    must_not = ([models.FieldCondition(key="kind", match=models.MatchAny(any=list(flt.exclude_kinds)))]
                if flt.exclude_kinds else None)
    return models.Filter(must=must, must_not=must_not)


class ServerIndex(VectorIndex):
    """A collection on a Qdrant server (or qdrant-client local mode)."""

    def __init__(self, dim: int, collection: str = "dasan", url: str | None = None,
                 api_key: str | None = None, location: str | None = None, path: str | None = None):
        if url:
            self._client = QdrantClient(url=url, api_key=api_key or None, timeout=30)
        elif path:
            self._client = QdrantClient(path=path)
        else:
            self._client = QdrantClient(location=location or ":memory:")
        self._name = collection
        self._local = not url
        if not self._client.collection_exists(collection):
            self._client.create_collection(
                collection,
                vectors_config={DENSE: models.VectorParams(size=dim, distance=models.Distance.COSINE)},
                sparse_vectors_config={SPARSE: models.SparseVectorParams(modifier=models.Modifier.IDF)},
            )
            if not self._local:  # local mode ignores payload indexes (and warns)
                for f, kind in INDEXED_FIELDS.items():
                    self._client.create_payload_index(collection, f, _SCHEMA[kind])

    def upsert(self, points: list[IndexPoint]) -> None:
        if not points:
            return
        structs = []
        for p in points:
            vec: dict = {SPARSE: models.SparseVector(indices=p.sparse_indices, values=p.sparse_values)}
            if p.dense is not None:
                vec[DENSE] = [float(x) for x in p.dense]
            structs.append(models.PointStruct(id=p.id, vector=vec, payload=p.payload))
        self._client.upsert(self._name, structs, wait=True)

    def delete(self, ids: list[str]) -> None:
        if ids:
            self._client.delete(self._name, models.PointIdsList(points=list(ids)), wait=True)

    def set_payload(self, ids: list[str], payload: UnitPayload) -> None:
        if ids:
            self._client.set_payload(self._name, payload, points=list(ids), wait=True)

    def update_sparse(self, id, indices, values):
        vec = {SPARSE: models.SparseVector(indices=list(indices), values=list(values))}
        self._client.update_vectors(self._name, points=[models.PointVectors(id=id, vector=vec)], wait=True)

    def hybrid(self, dense, sparse, limit, flt, weights=(1.0, 1.0), prefetch=100, rrf_k=60):
        f = server_filter(flt)
        prefetches, used = [], []
        if sparse and sparse[0]:
            q = models.SparseVector(indices=list(sparse[0]), values=list(sparse[1]))
            prefetches.append(models.Prefetch(query=q, using=SPARSE, limit=prefetch, filter=f))
            used.append(weights[0])
        if dense is not None and weights[1] > 0:
            prefetches.append(models.Prefetch(query=[float(x) for x in dense], using=DENSE, limit=prefetch,
                                              filter=f))
            used.append(weights[1])
        if not prefetches:
            return []
        fusion = models.RrfQuery(rrf=models.Rrf(k=rrf_k, weights=used))
        res = self._client.query_points(self._name, prefetch=prefetches, query=fusion, limit=limit,
                                        query_filter=f, with_payload=True)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in res.points]

    def nearest(self, dense, limit, flt):
        res = self._client.query_points(self._name, query=[float(x) for x in dense], using=DENSE, limit=limit,
                                        query_filter=server_filter(flt), with_payload=True)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in res.points]

    def nearest_batch(self, vectors, limit, flt, payload=True):
        if not vectors:
            return []
        f = server_filter(flt)
        reqs = [models.QueryRequest(query=[float(x) for x in v], using=DENSE, limit=limit, filter=f,
                                    with_payload=payload) for v in vectors]
        return [[IndexHit(str(p.id), p.score, p.payload or {}) for p in res.points]
                for res in self._client.query_batch_points(self._name, requests=reqs)]

    def nearest_or_matching(self, dense, sparse, limit, flt, payload=True):
        f = server_filter(flt)
        d = [float(x) for x in dense]
        pre = [models.Prefetch(query=d, using=DENSE, limit=limit, filter=f)]
        if sparse and sparse[0]:
            q = models.SparseVector(indices=list(sparse[0]), values=list(sparse[1]))
            pre.append(models.Prefetch(query=q, using=SPARSE, limit=limit, filter=f))
        res = self._client.query_points(self._name, prefetch=pre, query=d, using=DENSE, limit=2 * limit,
                                        query_filter=f, with_payload=payload)
        return [IndexHit(str(p.id), p.score, p.payload or {}) for p in res.points]

    def find(self, flt, limit=100):
        recs, _ = self._client.scroll(self._name, scroll_filter=server_filter(flt), limit=limit,
                                      with_payload=True)
        return [IndexHit(str(r.id), 0.0, r.payload or {}) for r in recs]

    def retrieve(self, ids):
        return [IndexHit(str(r.id), 0.0, r.payload or {})
                for r in self._client.retrieve(self._name, list(ids), with_payload=True)]

    def count(self) -> int:
        return self._client.count(self._name, exact=True).count

    def close(self) -> None:
        self._client.close()
