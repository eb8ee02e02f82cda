"""Status against both dates (issue 13 item 3) and what a score is made of (item 6), on the fictional
sample: 「다산시 주민공유공간 대관 예시 조례」 has versions from 2024-01-01 and 2027-01-01; the runtime's
today is 2026-11-23 (DASAN_TODAY), injected, never read from the clock."""
from __future__ import annotations

from datetime import date

import pytest

from rag import scoring
from rag.index.base import IndexHit
from rag.status import both, note
from tests.conftest import AS_OF, HALL

FEE_Q = "주민공유공간 사용료는 1시간당 얼마인가요?"
PENDING_NOTE = "기준일(2027-02-01) 기준 현행 · 오늘은 시행 전(시행예정)"


def test_note_for_each_pair_of_statuses():
    v = {"eff_from": 20240101, "eff_to": 20270101}
    assert both(v, date(2025, 1, 1), date(2025, 6, 1)) == {"status": "현행", "status_today": "현행", "status_note": ""}
    assert both(v, date(2025, 1, 1), date(2027, 6, 1))["status_note"] == "기준일(2025-01-01) 기준 현행 · 현재는 개정됨"
    assert both(v | {"repealed": True}, date(2025, 1, 1), date(2027, 6, 1))["status_note"] == \
        "기준일(2025-01-01) 기준 현행 · 현재는 폐지됨"
    assert both({"eff_from": 20270101}, date(2027, 1, 1), date(2026, 11, 23))["status_note"] == \
        "기준일(2027-01-01) 기준 현행 · 오늘은 시행 전(시행예정)"
    assert note("현행", "현행", date(2020, 1, 1), date(2026, 1, 1)) == ""


def test_hits_carry_status_on_both_dates(sample_rt):
    later = sample_rt.retriever.search(FEE_Q, top_k=3, as_of=date(2027, 2, 1)).hits[0]
    d = later.document
    assert (d.title, d.effective_from) == (HALL, "2027-01-01")
    assert (d.status, d.status_today, d.status_note) == ("현행", "시행예정", PENDING_NOTE)
    now = sample_rt.retriever.search(FEE_Q, top_k=3, as_of=AS_OF).hits[0].document
    assert (now.status, now.status_today, now.status_note) == ("현행", "현행", "")


def test_past_as_of_says_the_version_was_amended_since(sample_rt, monkeypatch):
    monkeypatch.setattr(sample_rt.retriever, "today", lambda: date(2027, 6, 1))  # the clock, injected
    d = sample_rt.retriever.search(FEE_Q, top_k=3, as_of=date(2025, 3, 1)).hits[0].document
    assert (d.effective_from, d.status_today) == ("2024-01-01", "연혁")
    assert d.status_note == "기준일(2025-03-01) 기준 현행 · 현재는 개정됨"


@pytest.fixture
def client(extractive_client):
    return extractive_client


def test_api_search_and_ask_carry_both_statuses(client):
    hit = client.post("/v1/search", json={"question": FEE_Q, "as_of": "2027-02-01", "top_k": 3}).json()["hits"][0]
    assert hit["document"]["status_note"] == PENDING_NOTE and hit["document"]["status_today"] == "시행예정"
    cite = client.post("/v1/ask", json={"question": FEE_Q, "as_of": "2027-02-01"}).json()["citations"][0]
    assert cite["document"]["status_note"] == PENDING_NOTE


def test_cli_show_and_ask_say_not_yet_in_force_today(sample_runtimes, capsys):
    from dasan import cli
    from rag.llm import ModelRegistry

    rt = sample_runtimes["edge"]
    args = cli.build_parser().parse_args(["show", HALL, "제4조", "--as-of", "2027-02-01"])
    assert args.fn(args, rt) == 0
    out = capsys.readouterr().out
    assert f"※ {PENDING_NOTE}" in out and "1만원" in out
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    try:
        rt.answerer.abstain_below = 0.0
        args = cli.build_parser().parse_args(["ask", FEE_Q, "--as-of", "2027-02-01"])
        assert args.fn(args, rt) == 0
        assert f"(시행 2027-01-01, {PENDING_NOTE})" in capsys.readouterr().out
    finally:
        rt.__dict__.pop("answerer", None)
        rt.__dict__.pop("models", None)


# ---------------------------------------------------------------- scores

def test_final_scores_never_increase_and_say_when_lowered():
    hits = [IndexHit("a", 0.5, {}), IndexHit("b", 0.3, {}), IndexHit("c", 0.4, {}), IndexHit("d", 0.1, {})]
    out = scoring.final(hits, {h.id: h.score for h in hits})
    assert [(h.id, s, adj) for h, s, adj in out] == [("a", 0.5, False), ("b", 0.3, False), ("c", 0.3, True),
                                                      ("d", 0.1, False)]


def test_rrf_term_matches_the_engine():
    assert scoring.rrf(0, 1.0, 10) == pytest.approx(0.1) and scoring.rrf(0, 0.5, 10) == pytest.approx(1 / 11)
    assert scoring.rrf(3, 0.0, 10) == 0.0


@pytest.mark.parametrize("question", [FEE_Q, "다산시 민원 처리 예시 조례 제9조 처리기간", "대관 취소하면 환불되나요?",
                                      "영상 열람 청구"])
def test_search_scores_decrease_with_rank_and_add_up(sample_rt, question):
    hits = sample_rt.retriever.search(question, top_k=10, as_of=AS_OF).hits
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True), scores
    for h in hits:
        p = h.score_parts.to_dict()
        both_lists = [x for x in (p["lexical"], p["dense"]) if x]
        if not p["direct"] and both_lists and p["fused"]:  # fused = lexical share + dense share (weighted RRF)
            assert p["fused"] == pytest.approx(sum(x["score"] for x in both_lists), abs=1e-5), p
        assert p["ranking"] == pytest.approx(p["fused"] + sum(b["add"] for b in p["boosts"]), abs=1e-5), p
        assert h.score <= p["ranking"] + 1e-9
        assert (h.score < p["ranking"] - 1e-9) == bool(p["adjusted"])
        assert all(b["reason"] for b in p["boosts"])


def test_named_unit_parts_say_why(sample_rt):
    hit = sample_rt.retriever.search("다산시 민원 처리 예시 조례 제9조 처리기간", top_k=5, as_of=AS_OF).hits[0]
    p = hit.score_parts.to_dict()
    assert hit.unit == "제9조" and p["direct"]
    reasons = [b["reason"] for b in p["boosts"]]
    assert reasons[-1] == scoring.DIRECT and any("질문이 지목한 법령" in r for r in reasons)


def test_api_search_scores_and_parts(client):
    body = client.post("/v1/search", json={"question": "대관 사용료 환불", "top_k": 10}).json()
    scores = [h["score"] for h in body["hits"]]
    assert scores == sorted(scores, reverse=True)
    assert all({"lexical", "dense", "fused", "boosts", "ranking"} <= set(h["score_parts"]) for h in body["hits"])
    assert any(h["score_parts"]["dense"] and h["score_parts"]["dense"]["cosine"] > 0 for h in body["hits"])
