"""The SQL registry on SQLite and on PostgreSQL (127.0.0.1:5432/test, trust auth; skipped if unreachable).

Set DASAN_TEST_PG_URL to use another server; the test works in a schema of its own and drops it.
"""
from __future__ import annotations

import os
import socket
import uuid
from datetime import date, datetime, timezone
from urllib.parse import urlparse

import numpy as np
import pytest

from ingest.pipeline import Ingestor
from ingest.registry import Registry, UnitRow, VersionRow
from rag.index.server import ServerIndex
from tests.conftest import AS_OF, HALL, FakeEmbedder

PG_URL = os.environ.get("DASAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable(url: str) -> bool:
    u = urlparse(url.replace("+psycopg", ""))
    try:
        with socket.create_connection((u.hostname or "127.0.0.1", u.port or 5432), timeout=1.0):
            return True
    except OSError:
        return False


@pytest.fixture
def pg_url():
    pytest.importorskip("psycopg", reason="PostgreSQL driver missing: pip install 'psycopg[binary]'")
    if not _pg_reachable(PG_URL):
        pytest.skip(f"PostgreSQL not reachable at {PG_URL} (set DASAN_TEST_PG_URL)")
    from sqlalchemy import create_engine, text

    schema = f"dasan_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    try:
        with admin.begin() as c:
            c.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as e:  # e.g. auth: report clearly rather than fail obscurely
        admin.dispose()
        pytest.skip(f"PostgreSQL at {PG_URL} refused the test schema: {e}")
    sep = "&" if "?" in PG_URL else "?"
    yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as c:
        c.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def registry(request, fast_dir):
    url = f"sqlite:///{fast_dir / 'r.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    reg = Registry(url)
    yield reg
    reg.engine.dispose()


def version(key: str, eff: date, title="가스 예시법", **kw) -> VersionRow:
    base = dict(version_key=key, doc_key="law:G1", title=title, title_norm=title.replace(" ", ""),
                parent_title="", kind="법률", source="/x.md", law_id="G1", mst=key[-4:], promulgated_on=None,
                promulgation_no="", effective_from=eff, effective_to=None, repealed=False,
                content_hash="h-" + key, unit_count=2, abbreviations=["가스법", "예시법"],
                ingested_at=datetime(2026, 11, 23, 9, 30, tzinfo=timezone.utc))
    base.update(kw)
    return VersionRow(**base)


def units(key: str, n: int) -> list[UnitRow]:
    return [UnitRow(point_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{key}/{i}")), version_key=key,
                    label=f"제{i}조", text_hash=f"t{i}") for i in range(1, n + 1)]


def test_registry_round_trip(registry):
    reg = registry
    # inserted out of order: versions_of sorts by effective_from
    reg.save_version(version("law:G1@2027", date(2027, 1, 1)), units("law:G1@2027", 3))
    reg.save_version(version("law:G1@2024", date(2024, 1, 1)), units("law:G1@2024", 2))
    got = reg.version("law:G1@2024")
    assert got.effective_from == date(2024, 1, 1) and got.effective_to is None and got.repealed is False
    assert got.abbreviations == ["가스법", "예시법"] and got.title == "가스 예시법"
    assert got.ingested_at.replace(tzinfo=got.ingested_at.tzinfo or timezone.utc) == datetime(
        2026, 11, 23, 9, 30, tzinfo=timezone.utc)
    assert reg.version("missing") is None
    assert [v.version_key for v in reg.versions_of("law:G1")] == ["law:G1@2024", "law:G1@2027"]
    assert len(reg.all_versions()) == 2

    reg.set_effective_to("law:G1@2024", date(2027, 1, 1))
    assert reg.version("law:G1@2024").effective_to == date(2027, 1, 1)
    reg.set_effective_to("missing", date(2027, 1, 1))  # no row: no error

    assert len(reg.unit_hashes("law:G1@2027")) == 3
    # saving a version again replaces its row and its unit list (one unit removed)
    reg.save_version(version("law:G1@2027", date(2027, 1, 1), content_hash="h2"), units("law:G1@2027", 2))
    assert len(reg.unit_hashes("law:G1@2027")) == 2 and reg.version("law:G1@2027").content_hash == "h2"
    assert len(reg.unit_hashes("law:G1@2024")) == 2

    # vector cache: bytes round trip, more hashes than one IN (...) chunk, re-caching an existing hash
    vecs = {f"h{i:04d}": np.full(4, i, dtype=np.float32).tobytes() for i in range(1200)}
    reg.cache_vectors("m1", vecs)
    reg.cache_vectors("m1", {"h0001": vecs["h0001"]})
    reg.cache_vectors("m1", {})
    got = reg.cached_vectors("m1", list(vecs) + ["absent"])
    assert len(got) == 1200 and np.frombuffer(got["h1199"], dtype=np.float32).tolist() == [1199.0] * 4
    assert reg.cached_vectors("other-model", ["h0001"]) == {}

    run_id = reg.start_run(["/data/법령"])
    assert reg.runs(1)[0]["status"] == "running" and reg.runs(1)[0]["finished_at"] is None
    reg.finish_run(run_id, {"ok": 1, "units": 3}, [{"path": "/data/깨진.pdf", "reason": "손상된 PDF"}], "partial")
    run = reg.runs(1)[0]
    assert run["id"] == run_id and run["status"] == "partial" and run["finished_at"]
    assert run["sources"] == ["/data/법령"] and run["counts"] == {"ok": 1, "units": 3}
    assert run["errors"] == [{"path": "/data/깨진.pdf", "reason": "손상된 PDF"}]
    second = reg.start_run([])
    assert second > run_id and [r["id"] for r in reg.runs(5)] == [second, run_id]


def test_pipeline_on_the_registry(registry, sample_dir):
    """The whole ingest (versions, closing, re-ingest) with this registry and qdrant-client local mode."""
    index = ServerIndex(FakeEmbedder.dim, location=":memory:")
    fake = FakeEmbedder()
    try:
        ing = Ingestor(index, registry, fake)
        report = ing.ingest_paths([sample_dir])
        assert [f.status for f in report.files] == ["ok"] * 4 and index.count() == 37
        old, new = registry.versions_of("law:SAMPLE-0003")
        assert old.effective_to == date(2027, 1, 1) and new.effective_to is None and old.title == HALL
        calls = fake.passage_calls
        again = Ingestor(index, registry, fake).ingest_paths([sample_dir])
        assert [f.status for f in again.files] == ["unchanged"] * 4 and fake.passage_calls == calls
        assert registry.runs(1)[0]["counts"]["unchanged"] == 4
        from rag.retrieve import HybridRetriever

        r = HybridRetriever(index, fake, titles_source=lambda: [v.title for v in registry.all_versions()])
        top = r.search(f"{HALL} 제4조", as_of=AS_OF).hits[0]
        assert top.unit == "제4조" and "5천원" in top.text
    finally:
        index.close()
