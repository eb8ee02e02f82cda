"""rag.case_memory alone: tally (agreement, negative links, one vote per case) and lend (pure)."""
from __future__ import annotations

from rag import case_memory
from rag.case_memory import SimilarCase, case_parts, lend, lend_all, lend_documents, tally, unit_matches
from rag.cases import CaseLink
from rag.index.base import IndexHit

LAW = "액화석유가스의안전관리및사업법"
RULE = LAW + "시행규칙"


def case(label: str, sim: float) -> SimilarCase:
    return SimilarCase(id=label, key=f"src:x#{label}", doc_title="민원 사례: x", label=label, title="",
                       department="", date="", similarity=sim, text="")


def link(label: str, article: str = "", annex: str = "", title_norm: str = LAW, weight: float = 1.0,
         resolved: bool = True, code: str = "", clause: str = "") -> CaseLink:
    return CaseLink(case_key=f"src:x#{label}", ref="r", title_norm=title_norm, article=article, annex=annex,
                    code=code, clause=clause, resolved=resolved, weight=weight)


def unit(id_: str, title_norm: str, article: str = "", annex: str = "", score: float = 0.0, **extra) -> IndexHit:
    return IndexHit(id_, score, {"title_norm": title_norm, "article": article, "annex": annex,
                                 "label": article or annex} | extra)


def test_agreement_counts_more_and_one_case_votes_once():
    cases = [case("민원 1", 0.9), case("민원 2", 0.8), case("민원 3", 0.7)]
    links = {"src:x#민원 1": [link("민원 1", "제44조"), link("민원 1", "제44조"), link("민원 1", "제5조")],
             "src:x#민원 2": [link("민원 2", "제44조")],
             "src:x#민원 3": [link("민원 3", "제44조"), link("민원 3", "제9조", resolved=False)]}
    votes = tally(cases, links)
    by_art = {t[1]: v for t, v in votes.items()}
    assert set(by_art) == {"제44조", "제5조"}  # unresolved links lend nothing
    assert abs(by_art["제44조"].strength - (0.9 + 0.8 + 0.7)) < 1e-9  # 민원 1's double citation counts once
    assert by_art["제44조"].cases == ["민원 1", "민원 2", "민원 3"]
    assert abs(by_art["제5조"].strength - 0.9) < 1e-9


def test_lend_raises_cited_units_adds_absent_ones_and_records_cases():
    ranked = [unit("a", LAW, "제1조", score=1.0), unit("b", LAW, "제44조", score=0.5)]
    cases = [case("민원 1", 0.9), case("민원 2", 0.8)]
    links = {"src:x#민원 1": [link("민원 1", "제44조"), link("민원 1", "제5조")],
             "src:x#민원 2": [link("민원 2", "제44조")]}
    fetched = [unit("b", LAW, "제44조"), unit("c", LAW, "제5조"), unit("d", RULE, "제5조")]
    out, via = lend(ranked, tally(cases, links), lambda targets: fetched, share=0.5)
    assert [h.id for h in out] == ["b", "a", "c"]  # 제44조 (two cases agree) overtakes; 제5조 joins
    assert "d" not in {h.id for h in out}  # same-numbered article of another document never gains
    assert abs(out[0].score - (0.5 + 0.5 * 1.0 * 1.2)) < 1e-9  # 1.7 capped at MAX_LENDING
    assert via == {"b": ["민원 1", "민원 2"], "c": ["민원 1"]}


def test_negative_link_lowers_a_unit_and_never_adds_one():
    ranked = [unit("a", LAW, "제1조", score=1.0), unit("b", LAW, "제44조", score=0.9)]
    links = {"src:x#민원 1": [link("민원 1", "제1조", weight=-1.0), link("민원 1", "제7조", weight=-1.0)]}
    fetched = [unit("a", LAW, "제1조"), unit("e", LAW, "제7조")]
    out, via = lend(ranked, tally([case("민원 1", 0.8)], links), lambda targets: fetched, share=0.5)
    assert [h.id for h in out] == ["b", "a"] and out[1].score < 1.0
    assert via == {}


def test_without_votes_nothing_changes():
    ranked = [unit("a", LAW, "제1조", score=1.0)]
    out, via = lend(ranked, {}, lambda targets: (_ for _ in ()).throw(AssertionError("no fetch")))
    assert out == ranked and via == {}


def test_unit_matching_rules():
    assert unit_matches({"title_norm": LAW, "article": "제44조"}, (LAW, "제44조", "", "", ""))
    assert not unit_matches({"title_norm": RULE, "article": "제44조", "parent_norm": LAW}, (LAW, "제44조", "", "", ""))
    assert not unit_matches({"title_norm": LAW, "article": "", "annex": "별표 20"}, (LAW, "제44조", "", "", ""))
    assert unit_matches({"title_norm": RULE, "annex": "별표 20"}, (RULE, "", "별표 20", "", ""))
    assert unit_matches({"code": "KGS FU432", "label": "2.3.3.1"}, ("", "", "", "KGS FU432", "2.3.3"))
    assert not unit_matches({"code": "KGS FU432", "label": "2.3.4"}, ("", "", "", "KGS FU432", "2.3.3"))


def test_whole_code_citation_lends_to_the_best_candidate_of_that_code_only():
    code = "KGS FU432"
    links = {"src:x#민원 1": [link("민원 1", title_norm="", code=code), link("민원 1", "제44조")]}
    cases = [case("민원 1", 0.8)]
    assert set(tally(cases, links)) == {(LAW, "제44조", "", "", "")}  # unit votes leave the code out
    docs = tally(cases, links, documents=True)
    assert set(docs) == {("", "", "", code, "")}
    ranked = [unit("a", LAW, "제1조", score=1.0), unit("b", "", score=0.6, code=code, label="2.1"),
              unit("c", "", score=0.5, code=code, label="2.2"), unit("d", "", score=0.4, code="KGS FU431", label="2.1")]
    out, via = lend_documents(ranked, docs, share=0.6, units=1)
    assert [h.id for h in out] == ["b", "a", "c", "d"] and abs(out[0].score - (0.6 + 0.6 * 0.8)) < 1e-9
    assert via == {"b": ["민원 1"]}  # only the best-ranked unit of the cited code, never another code
    negative = {"src:x#민원 1": [link("민원 1", title_norm="", code=code, weight=-1.0)]}
    assert lend_documents(ranked, tally(cases, negative, documents=True), share=0.5)[0] == ranked


def test_lend_all_adds_document_lending_only_when_switched_on(monkeypatch):
    code = "KGS FU432"
    links = {"src:x#민원 1": [link("민원 1", title_norm="", code=code)]}
    ranked = [unit("a", LAW, "제1조", score=1.0), unit("b", "", score=0.6, code=code, label="2.1")]
    fetch = lambda targets: []  # noqa: E731
    assert lend_all(ranked, [case("민원 1", 0.8)], links, fetch, share=0.5) == (ranked, {})
    monkeypatch.setattr(case_memory, "DOC_SHARE", 1.0)
    out, via = lend_all(ranked, [case("민원 1", 0.9)], links, fetch, share=0.5)
    assert out[0].id == "b" and via == {"b": ["민원 1"]}


def test_case_parts():
    assert case_parts("제목: 가스\n질문: 통 교체는?\n답변: 제44조") == ("가스", "통 교체는?", "제44조")
    assert case_parts("그냥 글") == ("", "그냥 글", "")
