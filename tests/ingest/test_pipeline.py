"""Ingest pipeline over real Qdrant (Edge and qdrant-client local mode) and real SQLite, fake embedder."""
from __future__ import annotations

import builtins
import io
from datetime import date
from pathlib import Path

import pytest

from ingest.sample import write_sample
from ingest.parsers import MAX_FILE_BYTES
from ingest.pipeline import collect, point_id
from rag.index.base import OPEN_END, QueryFilter
from rag.model import STATUS_CURRENT, STATUS_PENDING
from tests.conftest import AFTER_2027, AS_OF, CCTV, COMPLAINTS, ENGINES, HALL

SAMPLE_UNITS = 12 + 8 + 8 + 9  # 민원 12, 영상 8, 대관 2024 8, 대관 2027 9 (one more 부칙)
HALL_2024 = "law:SAMPLE-0003@2024-01-01#SAMPLE-0003-20240101"
HALL_2027 = "law:SAMPLE-0003@2027-01-01#SAMPLE-0003-20270101"


def payloads(index) -> dict[str, dict]:
    return {h.id: h.payload for h in index.find(QueryFilter(), limit=10_000)}


def fee_hits(rt, as_of: date) -> list[dict]:
    res = rt.retriever.search("주민공유공간 사용료는 1시간당 얼마인가요?", top_k=10, as_of=as_of)
    return [h for h in res.hits if h.document.title == HALL]


@pytest.fixture
def corpus(fast_dir) -> Path:
    """A private, writable copy of the sample corpus."""
    d = fast_dir / "corpus"
    write_sample(d)
    return d


def hall_file(corpus: Path, year: str) -> Path:
    return next(corpus.rglob(f"본문_시행{year}0101.md"))


@pytest.mark.parametrize("engine", ENGINES)
def test_ingest_sample_report(make_runtime, corpus, engine):
    rt = make_runtime(engine)
    fake = rt.embedder
    report = rt.ingestor.ingest_paths([corpus])
    assert [f.status for f in report.files] == ["ok"] * 4
    assert all(f.parser == "legalize_md" and f.documents == 1 and not f.reason for f in report.files)
    assert report.units == SAMPLE_UNITS
    assert rt.index.count() == SAMPLE_UNITS
    # identical units of the two 대관 versions (same title, label, text) are embedded once
    assert report.embedded == fake.passage_texts < SAMPLE_UNITS
    assert {v.title for v in rt.registry.all_versions()} == {COMPLAINTS, CCTV, HALL}
    assert len(rt.registry.all_versions()) == 4
    run = rt.registry.runs(1)[0]
    assert run["id"] == report.run_id and run["status"] == "ok" and run["finished_at"]
    assert run["counts"] == {"ok": 4, "unchanged": 0, "skipped": 0, "error": 0, "removed": 0, "units": SAMPLE_UNITS,
                             "new": 3, "new_version": 1, "updated": 0, "visibility": 0, "retired": 0}
    # every point carries the payload the retriever and the filters rely on
    for p in payloads(rt.index).values():
        assert p["kind"] == "자치법규" and p["title_norm"] and p["version_key"] and p["text"]
        assert p["eff_from"] == 20240101 or p["eff_from"] == 20270101
        assert p["label"].startswith(("제", "부칙"))
        assert "_sparse" not in p and "_text_hash" not in p


@pytest.mark.parametrize("engine", ENGINES)
def test_reingest_same_input_changes_nothing(make_runtime, corpus, engine):
    rt = make_runtime(engine)
    fake = rt.embedder
    rt.ingestor.ingest_paths([corpus])
    before = payloads(rt.index)
    calls = fake.passage_calls
    report = rt.ingestor.ingest_paths([corpus])
    assert [f.status for f in report.files] == ["unchanged"] * 4
    assert fake.passage_calls == calls  # nothing embedded, not even from the cache path
    after = payloads(rt.index)
    assert after.keys() == before.keys() and after == before
    assert rt.index.count() == SAMPLE_UNITS
    assert rt.registry.runs(1)[0]["counts"]["unchanged"] == 4


def test_report_counts_embeddings_of_this_run_only(make_runtime, corpus):
    rt = make_runtime()
    first = rt.ingestor.ingest_paths([corpus])
    assert first.embedded == rt.embedder.passage_texts
    second = rt.ingestor.ingest_paths([corpus])
    assert second.embedded == 0


def test_force_reindexes_from_the_vector_cache(make_runtime, corpus):
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    ids = set(payloads(rt.index))
    calls = rt.embedder.passage_calls
    rt.ingestor.force = True
    report = rt.ingestor.ingest_paths([corpus])
    assert [f.status for f in report.files] == ["ok"] * 4
    assert rt.embedder.passage_calls == calls  # vectors come from the SQL cache by text hash
    assert set(payloads(rt.index)) == ids and rt.index.count() == SAMPLE_UNITS
    # closing the old version again after the forced rewrite of its points
    old = [p for p in payloads(rt.index).values() if p["version_key"] == HALL_2024]
    assert old and all(p["eff_to"] == 20270101 for p in old)


def test_point_ids_are_deterministic():
    a = point_id(HALL_2024, "제4조", 1)
    assert a == point_id(HALL_2024, "제4조", 1)
    assert a != point_id(HALL_2027, "제4조", 1) and a != point_id(HALL_2024, "제4조", 2)


@pytest.mark.parametrize("engine", ENGINES)
def test_two_versions_of_one_ordinance(make_runtime, corpus, engine):
    rt = make_runtime(engine)
    rt.ingestor.ingest_paths([corpus])
    v_old, v_new = rt.registry.versions_of("law:SAMPLE-0003")
    assert (v_old.version_key, v_new.version_key) == (HALL_2024, HALL_2027)
    assert v_old.effective_to == date(2027, 1, 1) and v_new.effective_to is None
    pl = payloads(rt.index).values()
    old = [p for p in pl if p["version_key"] == HALL_2024]
    new = [p for p in pl if p["version_key"] == HALL_2027]
    assert len(old) == 8 and len(new) == 9
    assert all(p["eff_to"] == 20270101 and p["effective_to"] == "2027-01-01" for p in old)
    assert all(p["eff_to"] == OPEN_END and p["effective_to"] is None for p in new)

    hits = fee_hits(rt, AS_OF)
    top = hits[0]
    assert top.document.title == HALL and top.unit == "제4조"
    assert "1시간당 5천원" in top.text
    assert top.document.status == STATUS_CURRENT
    assert top.document.effective_from == "2024-01-01" and top.document.effective_to == "2027-01-01"
    hall = [h for h in hits if h.document.title == HALL]
    assert hall and all(h.document.effective_from == "2024-01-01" for h in hall)
    assert not any("1만원" in (h.text or "") for h in hits)  # the 시행예정 version is filtered out

    hits = fee_hits(rt, AFTER_2027)
    top = hits[0]
    assert top.unit == "제4조" and "1시간당 1만원" in top.text
    assert top.document.status == STATUS_CURRENT and top.document.effective_from == "2027-01-01"
    hall = [h for h in hits if h.document.title == HALL]
    assert hall and all(h.document.effective_from == "2027-01-01" for h in hall)
    assert not any("5천원" in (h.text or "") for h in hall)

    # before the ordinance existed there is nothing from it
    assert all(h.document.title != HALL for h in fee_hits(rt, date(2023, 6, 1)))


def test_versions_ingested_in_reverse_order_are_closed(make_runtime, corpus):
    """The later version arrives first, the earlier one in a later run: still closed on 2027-01-01."""
    rt = make_runtime()
    rt.ingestor.ingest_paths([hall_file(corpus, "2027")])
    assert rt.registry.version(HALL_2027).effective_to is None
    rt.ingestor.ingest_paths([hall_file(corpus, "2024")])
    assert rt.registry.version(HALL_2024).effective_to == date(2027, 1, 1)
    assert rt.registry.version(HALL_2027).effective_to is None
    old = [p for p in payloads(rt.index).values() if p["version_key"] == HALL_2024]
    assert old and all(p["eff_to"] == 20270101 for p in old)
    assert "5천원" in fee_hits(rt, AS_OF)[0].text


def test_changed_version_is_rewritten_and_stale_units_removed(make_runtime, corpus):
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    f = hall_file(corpus, "2024")
    text = f.read_text(encoding="utf-8")
    start, end = text.index("##### 제6조"), text.index("##### 제7조")
    text = text[:start] + text[end:]  # 제6조 removed
    text = text.replace("원래 상태로 정리하여야", "원래 상태로 깨끗이 정리하여야")
    f.write_text(text, encoding="utf-8")

    calls = rt.embedder.passage_texts
    report = rt.ingestor.ingest_paths([corpus])
    status = {fr.path: fr.status for fr in report.files}
    assert status[str(f)] == "ok"
    assert sorted(status.values()) == ["ok", "unchanged", "unchanged", "unchanged"]
    assert rt.embedder.passage_texts - calls == 1  # only the edited 제7조 is new text
    assert rt.index.count() == SAMPLE_UNITS - 1
    old = [p for p in payloads(rt.index).values() if p["version_key"] == HALL_2024]
    assert len(old) == 7 and not any(p["label"] == "제6조" for p in old)
    assert any(p["label"] == "제6조" for p in payloads(rt.index).values() if p["version_key"] == HALL_2027)
    assert any("깨끗이" in p["text"] for p in old)
    # rewriting the old version must keep it closed
    assert rt.registry.version(HALL_2024).effective_to == date(2027, 1, 1)
    assert all(p["eff_to"] == 20270101 for p in old)
    assert rt.registry.version(HALL_2024).unit_count == 7


def test_bad_files_are_reported_and_the_rest_indexed(make_runtime, corpus, monkeypatch):
    bad = corpus / "bad"
    bad.mkdir()
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage \xff\xfe no xref")
    (bad / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (bad / "empty.md").write_bytes(b"")
    (bad / "MANIFEST.tsv").write_text("a\tb\n", encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "notes.md").write_text("숨김 파일", encoding="utf-8")
    huge = bad / "huge.pdf"
    with open(huge, "wb") as fh:
        fh.truncate(600 * 1024 * 1024)  # sparse: no disk used
    assert huge.stat().st_size > MAX_FILE_BYTES

    # the oversize file must be refused from its size alone: opening it fails the test
    real_open, real_io_open = builtins.open, io.open

    def guarded(real):
        def _open(file, *args, **kwargs):
            if isinstance(file, (str, Path)) and Path(file) == huge:
                raise AssertionError("the oversize file was opened")
            return real(file, *args, **kwargs)
        return _open

    monkeypatch.setattr(builtins, "open", guarded(real_open))
    monkeypatch.setattr(io, "open", guarded(real_io_open))

    rt = make_runtime()
    report = rt.ingestor.ingest_paths([corpus])
    monkeypatch.undo()
    by_name = {Path(fr.path).name: fr for fr in report.files}
    assert "notes.md" not in by_name  # hidden folders are not collected
    assert by_name["corrupt.pdf"].status == "error" and "PDF" in by_name["corrupt.pdf"].reason
    assert by_name["blob.bin"].status == "error" and "알 수 없는 파일 형식" in by_name["blob.bin"].reason
    assert by_name["empty.md"].status == "error" and "빈 파일" in by_name["empty.md"].reason
    assert by_name["huge.pdf"].status == "error" and "너무 큽니다" in by_name["huge.pdf"].reason
    assert "600 MB" in by_name["huge.pdf"].reason
    assert by_name["MANIFEST.tsv"].status == "skipped"
    assert [fr.status for fr in report.files if fr.path.endswith(".md") and "bad" not in fr.path] == ["ok"] * 4
    assert rt.index.count() == SAMPLE_UNITS
    run = rt.registry.runs(1)[0]
    assert run["status"] == "partial" and run["counts"]["error"] == 4 and run["counts"]["ok"] == 4
    assert {Path(e["path"]).name for e in run["errors"]} == {"corrupt.pdf", "blob.bin", "empty.md", "huge.pdf",
                                                            "MANIFEST.tsv"}
    assert all(e["reason"] for e in run["errors"])
    assert fee_hits(rt, AS_OF)[0].unit == "제4조"


def test_zero_filled_binary_is_refused(make_runtime, fast_dir):
    d = fast_dir / "zeros"
    d.mkdir()
    (d / "download.hwp").write_bytes(b"\x00" * 4096)
    (d / "tool.bin").write_bytes(b"\x00\x01\x02\x03\x7f" * 500)
    rt = make_runtime()
    report = rt.ingestor.ingest_paths([d])
    assert [fr.status for fr in report.files] == ["error", "error"]
    assert rt.index.count() == 0


def test_missing_path_is_an_error(make_runtime, fast_dir):
    with pytest.raises(FileNotFoundError, match="경로가 없습니다"):
        collect([fast_dir / "nope"])


@pytest.mark.parametrize("engine", ENGINES)
def test_crash_mid_ingest_keeps_previous_documents_and_next_run_completes(make_runtime, corpus, monkeypatch,
                                                                          engine):
    rt = make_runtime(engine)
    real_upsert = rt.index.upsert
    calls = {"n": 0}

    def flaky(points):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("simulated crash while writing the 2nd document")
        return real_upsert(points)

    monkeypatch.setattr(rt.index, "upsert", flaky)
    with pytest.raises(RuntimeError, match="simulated crash"):
        rt.ingestor.ingest_paths([corpus])
    monkeypatch.undo()

    # the 1st document (민원) is complete and searchable; the 2nd (영상) is not registered
    assert [v.title for v in rt.registry.all_versions()] == [COMPLAINTS]
    assert rt.index.count() == 12
    res = rt.retriever.search("민원 처리기간 연장", top_k=3, as_of=AS_OF)
    assert res.hits and res.hits[0].document.title == COMPLAINTS
    rt.retriever.refresh_titles()

    report = rt.ingestor.ingest_paths([corpus])
    assert [fr.status for fr in report.files] == ["unchanged", "ok", "ok", "ok"]
    assert rt.index.count() == SAMPLE_UNITS
    assert len(rt.registry.all_versions()) == 4
    assert rt.registry.version(HALL_2024).effective_to == date(2027, 1, 1)
    hits = rt.retriever.search("영상 열람 수수료", top_k=3, as_of=AS_OF).hits
    assert hits[0].document.title == CCTV


def test_failed_version_closing_is_repaired_by_the_next_run(make_runtime, corpus, monkeypatch):
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    f = hall_file(corpus, "2024")
    f.write_text(f.read_text(encoding="utf-8").replace("원래 상태로 정리", "원래 상태로 깨끗이 정리"),
                 encoding="utf-8")

    def down(ids, payload):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr(rt.index, "set_payload", down)
    try:  # the rewritten version carries its end date already, so closing may not even be needed
        rt.ingestor.ingest_paths([corpus])
    except RuntimeError:
        pass
    monkeypatch.undo()
    rt.ingestor.ingest_paths([corpus])  # a normal run afterwards

    old = [p for p in payloads(rt.index).values() if p["version_key"] == HALL_2024]
    assert all(p["eff_to"] == 20270101 for p in old)
    texts = [h.text for h in fee_hits(rt, AFTER_2027) if h.unit == "제4조"]
    assert len(texts) == 1 and "1만원" in texts[0]


def test_named_article_never_shows_a_pending_version(make_runtime, corpus):
    """Searching as of a date before 2027 never shows the 2027 text, even when asked for it by article."""
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    res = rt.retriever.search(f"{HALL} 제4조 1만원", top_k=5, as_of=AS_OF)
    top = res.hits[0]
    assert top.unit == "제4조" and "5천원" in top.text
    assert top.document.status != STATUS_PENDING


def test_unchanged_files_are_not_parsed_again(make_runtime, corpus, monkeypatch):
    import ingest.pipeline as pipeline

    rt = make_runtime()
    first = rt.ingestor.ingest_paths([corpus])
    assert first.count("ok") == 4
    calls = []
    real = pipeline.parse_file
    monkeypatch.setattr(pipeline, "parse_file", lambda p: calls.append(p) or real(p))
    again = rt.ingestor.ingest_paths([corpus])
    assert calls == [] and again.count("unchanged") == 4 and again.embedded == 0
    assert again.units == first.units  # the report still counts what the files hold
    f = hall_file(corpus, "2024")
    f.write_text(f.read_text(encoding="utf-8").replace("원래 상태로 정리", "원래 상태로 깨끗이 정리"),
                 encoding="utf-8")
    third = rt.ingestor.ingest_paths([corpus])
    assert calls == [f.resolve()] or [Path(c).resolve() for c in calls] == [f.resolve()]
    assert third.count("ok") == 1 and 0 < third.embedded <= 2  # only the changed article(s)
