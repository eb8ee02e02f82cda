"""Case memory in search: past cases are not hits by default, come back as similar_cases, and lend
score to the units their answers cited — only cases the caller may see, never a question's own case."""
from __future__ import annotations

import json

import pytest

from rag.cases import CaseLink, case_key
from rag.model import KIND_COMPLAINT, normalize_title
from tests.conftest import AS_OF, COMPLAINTS

DOG_Q = "옆집 강아지가 밤마다 짖어서 잠을 못 잡니다. 이런 민원은 어디에 어떻게 넣어야 하나요?"
ASK = "옆집 강아지가 밤마다 짖어서 잠을 못 자요. 이런 민원은 어디에 어떻게 넣나요?"
ORG, ALL = ["public", "org"], ["public", "org", "dept:감사과"]


def write_cases(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def link_case(rt, doc_title: str, label: str, article: str, weight: float = 1.0) -> None:
    v = next(v for v in rt.registry.all_versions() if v.title == doc_title)
    rt.registry.replace_case_links(v.version_key, [CaseLink(
        case_key=case_key(v.doc_key, label), ref=f"「{COMPLAINTS}」 {article}", title_norm=normalize_title(COMPLAINTS),
        article=article, resolved=True, weight=weight)])


@pytest.fixture(params=["edge", "server"])
def rt(request, make_runtime, sample_dir, tmp_path):
    rt = make_runtime(request.param)
    rt.ingestor.ingest_paths([sample_dir])
    org, dept = tmp_path / "org", tmp_path / "dept"
    org.mkdir(), dept.mkdir()
    write_cases(org / "cases_org.jsonl", [
        {"id": "101", "title": "강아지 짖는 소리 민원", "question": DOG_Q, "department": "민원봉사과", "date": "2025-03-02",
         "answer": "민원은 문서로 신청하시면 접수증을 드립니다."},
        {"id": "102", "title": "주차장 요금", "question": "공영주차장 요금은 얼마입니까?", "answer": "1시간 1천원입니다."}])
    write_cases(dept / "cases_dept.jsonl", [
        {"id": "201", "title": "강아지 짖는 소리 반복 민원", "question": DOG_Q + " 세 번째 같은 민원입니다.",
         "answer": "같은 내용의 민원이 반복되면 종결할 수 있습니다."}])
    assert rt.ingestor.ingest_paths([org]).count("ok") == 1
    assert rt.ingestor.ingest_paths([dept], visibility="dept:감사과").count("ok") == 1
    link_case(rt, "민원 사례: cases_org", "민원 101", "제4조")
    link_case(rt, "민원 사례: cases_dept", "민원 201", "제9조")
    # the bigram test embedder's cosines sit far below e5's band, so its similarities run lower
    rt.retriever.case_min_similarity = rt.retriever.case_lend_similarity = 0.3
    return rt


def unit_rank(res, title: str, unit: str):
    return next((h.rank for h in res.hits if h.document.title == title and h.unit == unit), None)


def test_cases_are_no_hits_by_default_but_similar_cases(rt):
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    assert res.hits and all(h.document.kind != KIND_COMPLAINT for h in res.hits)
    top = res.similar_cases[0]
    assert top["label"] == "민원 101" and top["title"] == "강아지 짖는 소리 민원"
    assert top["department"] == "민원봉사과" and top["date"] == "2025-03-02" and 0 < top["similarity"] <= 1
    assert top["cited"] == [{"title": COMPLAINTS, "unit": "제4조", "ref": f"「{COMPLAINTS}」 제4조", "resolved": True}]
    assert "질문:" in top["text"] and len(res.similar_cases) <= 3


def test_kind_complaint_still_returns_cases_as_hits(rt):
    res = rt.retriever.search(ASK, top_k=5, as_of=AS_OF, kinds=[KIND_COMPLAINT], visibility=ORG)
    assert res.hits and all(h.document.kind == KIND_COMPLAINT for h in res.hits)
    assert res.hits[0].unit == "민원 101"


def test_similar_case_lends_to_the_unit_its_answer_cited(rt):
    plain = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG, memory=False)
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    before, after = unit_rank(plain, COMPLAINTS, "제4조"), unit_rank(res, COMPLAINTS, "제4조")
    assert after == 1 and (before is None or before > 1)
    hit = res.hits[0]
    assert hit.via_cases.to_dict() == {"count": 1, "cases": ["민원 101"], "reason": "유사 민원 1건의 답변에서 인용"}
    assert all(h.via_cases is None and "via_cases" not in h.to_dict() for h in plain.hits)


def test_dept_case_lends_only_to_its_department(rt):
    org = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    assert "민원 201" not in {c["label"] for c in org.similar_cases}
    assert all("민원 201" not in (h.via_cases.cases if h.via_cases else ()) for h in org.hits)
    dept = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL)
    assert "민원 201" in {c["label"] for c in dept.similar_cases}
    via = {h.unit: list(h.via_cases.cases) for h in dept.hits if h.via_cases}
    assert via.get("제9조") == ["민원 201"]


def test_exclude_cases_leaves_a_question_its_own_case_out(rt):
    key = next(c for c in rt.retriever.similar_cases(ASK, visibility=ORG) if c.label == "민원 101").key
    for excluded in ({"민원 101"}, {key}):
        res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG, exclude_cases=excluded)
        assert "민원 101" not in {c["label"] for c in res.similar_cases}
        assert all(h.via_cases is None for h in res.hits)
        own = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, kinds=[KIND_COMPLAINT], visibility=ORG,
                                  exclude_cases=excluded)
        assert "민원 101" not in {h.unit for h in own.hits}


def test_unrelated_question_finds_no_similar_case(rt):
    res = rt.retriever.search("영상정보처리기기 열람 수수료는 얼마인가요?", top_k=5, as_of=AS_OF, visibility=ALL)
    assert res.similar_cases == [] and all(h.via_cases is None for h in res.hits)


def test_negative_link_lowers_the_unit(rt):
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG, memory=False)
    first = res.hits[0]
    p = rt.index.retrieve([first.id])[0].payload
    assert p["kind"] != KIND_COMPLAINT and p["article"]
    v = next(v for v in rt.registry.all_versions() if v.title == "민원 사례: cases_org")
    rt.registry.replace_case_links(v.version_key, [CaseLink(
        case_key=case_key(v.doc_key, "민원 101"), ref="x", title_norm=p["title_norm"], article=p["article"],
        resolved=True, weight=-1.0)])
    lowered = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    assert unit_rank(lowered, first.document.title, first.unit) != 1


def test_circle_of_cases_raises_a_unit_they_keep_citing_for_those_who_see_them(rt, tmp_path):
    rt.retriever.case_lend_similarity = 2.0  # no case is close enough to lend: only the circle votes
    plain = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL)
    low = [h for h in plain.hits if h.document.title == COMPLAINTS and h.rank >= 3][-1]
    circle = tmp_path / "circle"
    circle.mkdir()
    write_cases(circle / "cases_noise.jsonl", [
        {"id": f"30{i}", "title": f"생활 소음 민원 {i}", "question": q, "answer": "관련 조례에 따라 처리합니다."}
        for i, q in enumerate(["밤에 개가 짖는 소리 때문에 민원을 넣고 싶어요.", "이웃 소음 민원은 어떻게 접수하나요?",
                               "반려견 소음으로 민원을 제기하려면?"])])
    assert rt.ingestor.ingest_paths([circle], visibility="dept:감사과").count("ok") == 1
    v = next(v for v in rt.registry.all_versions() if v.title == "민원 사례: cases_noise")
    rt.registry.replace_case_links(v.version_key, [CaseLink(
        case_key=case_key(v.doc_key, f"민원 30{i}"), ref="x", title_norm=normalize_title(COMPLAINTS),
        article=low.unit, resolved=True) for i in range(3)])
    seen = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL)
    assert unit_rank(seen, COMPLAINTS, low.unit) < low.rank
    part = next(p for p in seen.hits if p.unit == low.unit).to_dict()["score_parts"]
    assert "비슷한 민원들의 답변이 자주 인용한 조문" in json.dumps(part, ensure_ascii=False)
    rt.retriever.circle_share = 0.0
    assert unit_rank(rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL), COMPLAINTS, low.unit) == low.rank
    off = unit_rank(rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG), COMPLAINTS, low.unit)
    rt.retriever.circle_share = 0.3
    hidden = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)  # the 감사과 cases are not theirs
    assert unit_rank(hidden, COMPLAINTS, low.unit) == off
