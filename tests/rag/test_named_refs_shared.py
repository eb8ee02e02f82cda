"""Issue 13 items 1 and 3 on the shared real statutes (skipped when ../shared is absent): the cases a
new user hit — "정보공개법 제9조" answered with 「개인정보보호위원회 정보공개 운영규정」 제9조, "액법 제33조"
and "별표 20" with an unrelated article — and two versions whose front matter says 상태: 시행 although
they take effect in 2027 (개인정보 보호법 2027-03-09, 국민기초생활 보장법 2027-03-16)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.conftest import build_runtime

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora"
FILES = ["admrule-kr/국무총리/개인정보보호위원회/훈령/개인정보보호위원회 정보공개 운영규정/본문.md",
         "legalize-kr/kr/개인정보보호법/법률.md", "legalize-kr/kr/국민기초생활보장법/법률.md"]
RULE = "개인정보보호위원회 정보공개 운영규정"
PIPA, NBLSA = "개인정보 보호법", "국민기초생활 보장법"
TODAY = date(2026, 12, 5)


@pytest.fixture(scope="module")
def shared_rt(tmp_path_factory):
    paths = [SHARED / f for f in FILES]
    if not all(p.exists() for p in paths):
        pytest.skip(f"shared statutes not available under {SHARED}")
    rt = build_runtime(tmp_path_factory.mktemp("shared-named"), today=TODAY.isoformat())
    report = rt.ingestor.ingest_paths(paths)
    assert report.count("ok") == 3, [(f.path, f.status, f.reason) for f in report.files]
    yield rt
    rt.close()


def test_disclosure_act_article_is_not_replaced_by_the_rule_with_the_same_number(shared_rt):
    res = shared_rt.retriever.search("정보공개법 제9조 비공개 대상 정보는 무엇인가요?", top_k=10, as_of=TODAY)
    assert [(m["reference"], m["law"], m["reason"]) for m in res.missing] == \
        [("정보공개법 제9조", "공공기관의 정보공개에 관한 법률", "not_indexed")]
    assert all(not (h.document.title == RULE and h.unit == "제9조") for h in res.hits)


def test_lpg_act_and_a_bare_annex_are_reported(shared_rt):
    lpg = shared_rt.retriever.search("액법 제33조", top_k=5, as_of=TODAY)
    assert [(m["law"], m["reason"]) for m in lpg.missing] == [("액화석유가스의 안전관리 및 사업법", "not_indexed")]
    assert all(h.unit != "제33조" for h in lpg.hits)
    annex = shared_rt.retriever.search("별표 20", top_k=5, as_of=TODAY)
    assert [(m["reference"], m["law"], m["reason"]) for m in annex.missing] == [("별표 20", None, "no_such_article")]


@pytest.mark.parametrize("law,start", [(PIPA, "2027-03-09"), (NBLSA, "2027-03-16")])
def test_version_taking_effect_next_year_is_not_current_today(shared_rt, law, start):
    now = shared_rt.retriever.search(f"{law} 제2조 정의", top_k=5, as_of=TODAY)
    assert [(m["law"], m["reason"]) for m in now.missing] == [(law, "not_in_force")]
    assert start in now.missing[0]["message"]
    later = date.fromisoformat(start).replace(month=4, day=1)
    hit = shared_rt.retriever.search(f"{law} 제2조 정의", top_k=5, as_of=later).hits[0]
    d = hit.document
    assert (d.title, hit.unit, d.effective_from) == (law, "제2조", start)
    assert (d.status, d.status_today) == ("현행", "시행예정")
    assert d.status_note == f"기준일({later.isoformat()}) 기준 현행 · 오늘은 시행 전(시행예정)"
