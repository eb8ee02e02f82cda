"""The fictional sample corpus (`dasan sample`, used by `make run` without ../shared/corpora)."""
from __future__ import annotations

from datetime import date

from ingest.sample import FICTION_NOTE, write_sample
from ingest.parsers import detect, parse_file
from rag.model import KIND_ORDINANCE, STATUS_CURRENT, STATUS_PENDING, UNIT_ADDENDA, UNIT_ARTICLE

AS_OF = date(2026, 11, 23)
HALL = "다산시 주민공유공간 대관 예시 조례"


def _parse_all(tmp_path):
    files = write_sample(tmp_path / "sample")
    docs = {}
    for f in files:
        name, parsed = parse_file(f)
        assert name == "legalize_md"
        assert len(parsed) == 1
        docs[f] = parsed[0]
    return files, docs


def test_writes_four_files_under_target(tmp_path):
    files = write_sample(tmp_path / "sample")
    assert len(files) == 4
    assert all(f.is_file() and f.suffix == ".md" for f in files)
    assert all((tmp_path / "sample") in f.parents for f in files)
    assert all(detect(f) == "legalize_md" for f in files)


def test_idempotent(tmp_path):
    first = write_sample(tmp_path)
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in first}
    second = write_sample(tmp_path)
    assert first == second
    assert {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in second} == before


def test_every_file_says_it_is_fictional(tmp_path):
    files, docs = _parse_all(tmp_path)
    for f in files:
        text = f.read_text(encoding="utf-8")
        front, body = text.split("\n---\n", 1)
        assert "가상 예시" in front and "실제 법령이 아닙니다" in front
        assert "예시" in docs[f].title
        lines = [ln for ln in body.splitlines() if ln.strip()]
        assert lines[0].startswith("# ") and "예시" in lines[0]
        assert lines[1] == FICTION_NOTE
        # the marker is also indexed (in the last 부칙), not only in unindexed lines
        addenda = [u for u in docs[f].units if u.kind == UNIT_ADDENDA]
        assert addenda and FICTION_NOTE in addenda[-1].text


def test_kinds_labels_and_dates(tmp_path):
    _, docs = _parse_all(tmp_path)
    by_title: dict[str, list] = {}
    for d in docs.values():
        by_title.setdefault(d.title, []).append(d)
    assert set(by_title) == {"다산시 민원 처리 예시 조례", "다산시 영상정보처리기기 영상 열람 예시 조례", HALL}
    for d in docs.values():
        assert d.kind == KIND_ORDINANCE
        assert d.extra["category"] == "조례"
        assert d.promulgated_on and d.effective_from and d.law_id and d.mst
        labels = [u.label for u in d.units if u.kind == UNIT_ARTICLE]
        assert labels[0] == "제1조" and len(labels) == len(set(labels)) >= 6

    (complaints,) = by_title["다산시 민원 처리 예시 조례"]
    assert complaints.effective_from == date(2024, 1, 1)
    assert complaints.promulgated_on == date(2023, 12, 20) and complaints.promulgation_no == "101"
    assert len([u for u in complaints.units if u.kind == UNIT_ARTICLE]) >= 8
    art5 = next(u for u in complaints.units if u.label == "제5조")
    assert art5.title == "처리기간" and art5.path == ["제2장 민원의 접수와 처리"]
    assert "① 시장은" in art5.text and "\n1. 질의민원" in art5.text
    art2 = next(u for u in complaints.units if u.label == "제2조")
    assert "\n가. " in art2.text  # 목

    (cctv,) = by_title["다산시 영상정보처리기기 영상 열람 예시 조례"]
    titles = {u.label: u.title for u in cctv.units}
    assert titles["제4조"] == "다른 사람 영상의 보호" and titles["제6조"] == "수수료"
    assert "얼굴" in next(u.text for u in cctv.units if u.label == "제4조")


def test_two_versions_of_one_ordinance(tmp_path):
    _, docs = _parse_all(tmp_path)
    old, new = sorted((d for d in docs.values() if d.title == HALL), key=lambda d: d.effective_from)
    assert old.doc_key == new.doc_key == "law:SAMPLE-0003"
    assert old.mst != new.mst and old.version_key != new.version_key
    assert old.effective_from == date(2024, 1, 1) and new.effective_from == date(2027, 1, 1)
    assert new.promulgated_on < AS_OF < new.effective_from
    assert old.status(AS_OF) == STATUS_CURRENT
    assert new.status(AS_OF) == STATUS_PENDING
    assert new.status(date(2027, 1, 1)) == STATUS_CURRENT

    fee_old = next(u for u in old.units if u.label == "제4조")
    fee_new = next(u for u in new.units if u.label == "제4조")
    assert "1시간당 5천원" in fee_old.text and "1만원" not in fee_old.text
    assert "1시간당 1만원" in fee_new.text and "5천원" not in fee_new.text
    assert fee_new.amended == ["2026-10-15"] and fee_old.amended == []
    # the other articles are unchanged between the versions
    rest = lambda d: {u.label: u.text for u in d.units if u.kind == UNIT_ARTICLE and u.label != "제4조"}
    assert rest(old) == rest(new)
    assert [u.label for u in new.units if u.kind == UNIT_ADDENDA] == [
        "부칙 <제103호,2023.12.20>", "부칙 <제150호,2026.10.15>"]
