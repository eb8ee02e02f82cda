"""The change report (ingest/changes.py) and retiring documents (ingest/removal.py) on a real runtime."""
from __future__ import annotations

import shutil

import pytest

from ingest.changes import NEW, NEW_VERSION, RETIRED, UPDATED, describe_change, diff_units
from ingest.jobs import IngestJob, run_ingest, run_removal
from ingest.removal import RemovalNotFound
from ingest.sample import write_sample
from rag.index.base import QueryFilter
from tests.conftest import HALL

HALL_DIR = f"다산시_가상예시/조례/{HALL}"


def test_diff_units_by_label_and_hash():
    old = [("제1조", "a"), ("제2조", "b"), ("제3조", "c"), ("부칙", "x"), ("부칙", "y")]
    new = [("제1조", "a"), ("제2조", "B"), ("제4조", "d"), ("부칙", "y"), ("부칙", "x")]
    assert diff_units(old, new) == (["제4조"], ["제2조"], ["제3조"])
    text = describe_change({"kind": NEW_VERSION, "title": "법", "effective_from": "2027-01-01",
                            "added": [f"제{i}조" for i in range(1, 12)], "changed": [], "removed": ["제3조"]})
    assert text == "「법」 새 판(시행 2027-01-01): 조문 추가 제1조, 제2조, 제3조, 제4조, 제5조, 제6조, 제7조, 제8조 외 3개, 삭제 제3조"


@pytest.fixture
def setup(make_runtime, fast_dir):
    rt = make_runtime()
    corpus = fast_dir / "corpus"
    write_sample(corpus)
    return rt, corpus


def _hall_versions(rt):
    return [(v.effective_from.isoformat(), v.effective_to) for v in rt.registry.all_versions() if v.title == HALL]


def test_run_keeps_what_changed_per_file(setup):
    rt, corpus = setup
    first = run_ingest(rt, IngestJob(paths=(corpus,))).report
    kinds = sorted(c["kind"] for f in first.files for c in f.changes)
    assert kinds == [NEW, NEW, NEW, NEW_VERSION]
    later = next(f for f in first.files if f.path.endswith("본문_시행20270101.md"))
    assert "제4조" in later.changes[0]["changed"]
    f = corpus / HALL_DIR / "본문_시행20240101.md"
    f.write_text(f.read_text(encoding="utf-8").replace("5천원", "6천원"), encoding="utf-8")
    again = run_ingest(rt, IngestJob(paths=(corpus,))).report
    stored = rt.registry.run(again.run_id)
    assert stored["counts"]["updated"] == 1 and stored["counts"]["unchanged"] == 3
    changed = [x for x in stored["files"] if x["status"] == "ok"]
    assert len(changed) == 1 and changed[0]["changes"][0]["kind"] == UPDATED
    assert changed[0]["changes"][0]["changed"] == ["제4조"] and not changed[0]["changes"][0]["added"]
    assert all(set(x) == {"path", "status", "units", "reason"} for x in stored["files"] if x["status"] == "unchanged")


def test_retiring_the_later_version_reopens_the_earlier_one(setup):
    rt, corpus = setup
    run_ingest(rt, IngestJob(paths=(corpus,)))
    assert dict(_hall_versions(rt))["2024-01-01"].isoformat() == "2027-01-01"
    out = run_removal(rt, str(corpus / HALL_DIR / "본문_시행20270101.md"))
    assert [(c["kind"], c["effective_from"]) for c in out.changes] == [(RETIRED, "2027-01-01")]
    assert _hall_versions(rt) == [("2024-01-01", None)]
    hits = rt.index.find(QueryFilter(title_norms=[], articles=["제4조"]), limit=50)
    assert all(h.payload["effective_from"] != "2027-01-01" for h in hits)
    with pytest.raises(RemovalNotFound):
        run_removal(rt, "없는 조례")


def test_prune_keeps_a_version_another_file_still_provides(setup, fast_dir):
    rt, corpus = setup
    mirror = fast_dir / "mirror"
    mirror.mkdir()
    shutil.copy(corpus / HALL_DIR / "본문_시행20270101.md", mirror / "hall2027.md")
    run_ingest(rt, IngestJob(paths=(corpus, mirror)))
    (corpus / HALL_DIR / "본문_시행20270101.md").unlink()
    report = run_ingest(rt, IngestJob(paths=(corpus,), prune=True)).report
    gone = [f for f in report.files if f.status == "removed"]
    assert len(gone) == 1 and gone[0].changes == []  # the mirror still provides the 2027 version
    assert len(_hall_versions(rt)) == 2
    (mirror / "hall2027.md").unlink()
    report = run_ingest(rt, IngestJob(paths=(mirror,), prune=True)).report
    assert [c["effective_from"] for f in report.files for c in f.changes] == ["2027-01-01"]
    assert _hall_versions(rt) == [("2024-01-01", None)]


def test_supplementary_provisions_are_not_listed_as_articles():
    line = describe_change({"title": "조례", "kind": NEW_VERSION, "effective_from": "2027-01-01",
                            "added": ["부칙 <제103호,2023.12.20>", "부칙 <제150호,2026.10.15>", "제9조"],
                            "changed": ["제4조"], "removed": ["부칙"]})
    assert line == "「조례」 새 판(시행 2027-01-01): 조문 추가 제9조, 변경 제4조; 부칙 추가 2건, 삭제 1건"
    only = describe_change({"title": "조례", "kind": NEW_VERSION, "effective_from": "2027-01-01", "added": ["부칙"]})
    assert only == "「조례」 새 판(시행 2027-01-01): 부칙 추가 1건"
