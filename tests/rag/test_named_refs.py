"""Named references (issue 13 item 1) on the fictional sample: a law or article the question names that
cannot be cited is reported in ``missing`` (search, ask, CLI, API) and no other document's article with
the same number takes its place."""
from __future__ import annotations

import json
from datetime import date

import pytest

from rag.index.base import QueryFilter
from rag.llm import ModelRegistry
from rag.named import Probe, missing, particle
from tests.conftest import AS_OF, COMPLAINTS, HALL

INFO_LAW = "공공기관의 정보공개에 관한 법률"
LPG = "액화석유가스의 안전관리 및 사업법"
INFO_Q = "정보공개법 제9조 비공개 대상 정보는 무엇인가요?"


def _missing(rt, question: str, as_of: date = AS_OF) -> list[dict]:
    return rt.retriever.search(question, top_k=5, as_of=as_of).missing


def test_particles_follow_the_final_consonant():
    assert particle("법률", "은/는") == "은" and particle("보장법", "은/는") == "은"
    assert particle("조례", "은/는") == "는" and particle("별표 20", "이/가") == "이(가)"
    assert particle("「개인정보 보호법」", "은/는") == "은" and particle("제9조", "이/가") == "가"


def test_law_not_indexed_is_reported_and_its_article_number_is_not_borrowed(sample_rt):
    res = sample_rt.retriever.search(INFO_Q, top_k=10, as_of=AS_OF)
    assert res.missing == [{"reference": "정보공개법 제9조", "law": INFO_LAW, "reason": "not_indexed",
                            "message": f"「{INFO_LAW}」은 색인되어 있지 않습니다 — dasan sync로 추가할 수 있습니다.",
                            "hint": "dasan sync로 추가할 수 있습니다"}]
    # 「다산시 민원 처리 예시 조례」 has a 제9조: it must not stand in for 정보공개법 제9조
    assert res.hits and all(h.unit != "제9조" for h in res.hits), [(h.document.title, h.unit) for h in res.hits]
    assert not res.named_found


def test_abbreviation_of_a_known_law_that_is_not_indexed(sample_rt):
    gaps = _missing(sample_rt, "액법 제33조 위반하면 어떻게 되나요?")
    assert [(m["reference"], m["law"], m["reason"]) for m in gaps] == [("액법 제33조", LPG, "not_indexed")]


def test_bare_annex_that_no_indexed_text_has(sample_rt):
    res = sample_rt.retriever.search("별표 20 기준이 뭔가요", top_k=5, as_of=AS_OF)
    assert [(m["reference"], m["law"], m["reason"]) for m in res.missing] == [("별표 20", None, "no_such_article")]
    assert "별표 20" in res.missing[0]["message"] and "없습니다" in res.missing[0]["message"]


def test_named_article_the_named_law_does_not_have(sample_rt):
    gaps = _missing(sample_rt, f"「{HALL}」 제99조에 따른 대관 절차")
    assert [(m["reference"], m["law"], m["reason"]) for m in gaps] == [(f"{HALL} 제99조", HALL, "no_such_article")]
    assert f"「{HALL}」에는 기준일(2026-11-23) 기준 제99조가 없습니다." == gaps[0]["message"]


def test_law_not_in_force_on_the_as_of_date(sample_rt):
    gaps = _missing(sample_rt, f"{HALL} 제4조 사용료", as_of=date(2023, 6, 1))  # first version: 2024-01-01
    assert [(m["law"], m["reason"]) for m in gaps] == [(HALL, "not_in_force")]
    assert "2024-01-01" in gaps[0]["message"] and "2027-01-01" in gaps[0]["message"]


def test_everything_named_was_found(sample_rt):
    res = sample_rt.retriever.search(f"{COMPLAINTS} 제9조 내용", top_k=5, as_of=AS_OF)
    assert res.missing == [] and res.named_found
    assert res.hits[0].document.title == COMPLAINTS and res.hits[0].unit == "제9조"
    assert _missing(sample_rt, "주민공유공간 사용료는 얼마인가요?") == []  # nothing named at all


def test_name_that_is_no_law_is_not_reported(sample_rt):
    assert _missing(sample_rt, "가상공간운영법 제3조 내용") == []


def test_missing_checks_respect_visibility():
    # a law held only as an office document is "not indexed" for a caller who may not see it
    holds = lambda flt: "org" in flt.visibility or not flt.visibility  # noqa: E731
    from rag.references import ReferenceResolver

    r = ReferenceResolver(["다산시 내부 지침"]).resolve("정보공개법 제9조")
    assert [m["reason"] for m in missing(r, Probe(holds), QueryFilter(visibility=["public"]))] == ["not_indexed"]


def test_ask_says_first_what_is_missing_and_cites_no_stand_in(extractive_client):
    out = extractive_client.post("/v1/ask", json={"question": INFO_Q}).json()
    assert [(m["reference"], m["reason"]) for m in out["missing"]] == [("정보공개법 제9조", "not_indexed")]
    assert out["answer"].startswith(f"※ 「{INFO_LAW}」은 색인되어 있지 않습니다 — dasan sync로 추가할 수 있습니다.")
    assert all(c["unit"] != "제9조" for c in out["citations"] + out.get("closest", []))
    found = extractive_client.post("/v1/ask", json={"question": f"{COMPLAINTS} 제9조 내용"}).json()
    assert found["missing"] == [] and found["citations"][0]["unit"] == "제9조"
    assert not found["answer"].startswith("※")


def test_search_api_carries_missing(extractive_client):
    body = extractive_client.post("/v1/search", json={"question": "액법 제33조", "top_k": 3}).json()
    assert [(m["reference"], m["law"], m["reason"]) for m in body["missing"]] == [("액법 제33조", LPG, "not_indexed")]
    body = extractive_client.post("/v1/search", json={"question": "대관 사용료", "top_k": 3}).json()
    assert body["missing"] == []


def test_cli_ask_and_search_json_carry_missing(sample_runtimes, capsys, monkeypatch):
    from dasan import cli

    rt = sample_runtimes["edge"]
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    try:
        for cmd in ("ask", "search"):
            args = cli.build_parser().parse_args([cmd, INFO_Q, "--json"])
            assert args.fn(args, rt) == 0
            body = json.loads(capsys.readouterr().out)
            assert [(m["reference"], m["law"], m["reason"]) for m in body["missing"]] == \
                [("정보공개법 제9조", INFO_LAW, "not_indexed")], cmd
        args = cli.build_parser().parse_args(["search", INFO_Q])
        assert args.fn(args, rt) == 0
        assert capsys.readouterr().out.startswith(f"※ 「{INFO_LAW}」은 색인되어 있지 않습니다")
    finally:
        rt.__dict__.pop("answerer", None)
        rt.__dict__.pop("models", None)


def test_annex_named_after_a_law_may_be_its_enforcement_rule_s():
    from rag.model import normalize_title
    from rag.named import same_numbered
    from rag.references import ReferenceResolver

    rule = normalize_title(f"{LPG} 시행규칙")
    r = ReferenceResolver([LPG, f"{LPG} 시행규칙"]).resolve("액법 별표 20 기준")
    holds = lambda flt: (not flt.annexes and not flt.articles) or (flt.annexes == ["별표 20"] and rule in flt.title_norms)  # noqa: E731
    assert missing(r, Probe(holds), QueryFilter(as_of=AS_OF)) == []
    gaps = missing(r, Probe(lambda flt: not flt.annexes), QueryFilter(as_of=AS_OF))
    assert [(m["reference"], m["reason"]) for m in gaps] == [("액법 별표 20", "no_such_article")]
    # the rule's own 별표 20 is not dropped as a stand-in; another document's is
    assert not same_numbered({"parent_norm": rule, "annex": "별표 20"}, gaps, r.refs, r.laws)
    assert same_numbered({"title_norm": "다산시조례", "annex": "별표 20"}, gaps, r.refs, r.laws)


def test_a_question_naming_only_laws_not_indexed_abstains_with_the_notice(extractive_client):
    out = extractive_client.post("/v1/ask", json={"question": "청탁금지법 식사 한도가 언제부터 5만원이야?"}).json()
    assert out["mode"] == "abstain" and out["citations"] == []
    assert [m["reason"] for m in out["missing"]] == ["not_indexed"]
    assert out["answer"].startswith("※ 「부정청탁 및 금품등 수수의 금지에 관한 법률」")
    assert out["timing"]["evidence"]["decision"] == "not_indexed"
    both = extractive_client.post("/v1/ask", json={"question": f"정보공개법 말고 {COMPLAINTS} 제9조 내용"}).json()
    assert both["mode"] != "abstain" and both["citations"][0]["unit"] == "제9조"  # one named law is held
