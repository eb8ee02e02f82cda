"""Case-answer expansion: the answers of similar past cases, in the statute's words, as a second query.

Pure parts alone (boilerplate, the weighted query, the fusion), then in search on the fictional sample
corpus: an answer that names no article still leads to the article it paraphrases, only for callers
who may see that case, and never from a question's own case."""
from __future__ import annotations

import json

import pytest

from rag import case_expansion
from rag.case_expansion import Reader, answer_of, common_terms, expand, fuse, query_terms
from rag.index.base import IndexHit
from tests.conftest import AS_OF, COMPLAINTS

ORG, ALL = ["public", "org"], ["public", "org", "dept:감사과"]
ASK = "민원을 넣은 지 한참 지났는데 아직 아무 연락이 없습니다. 언제까지 기다려야 하나요?"


def hit(id_: str, score: float) -> IndexHit:
    return IndexHit(id_, score, {"label": id_})


def test_answer_of_takes_the_answer_part_only():
    assert answer_of("제목: t\n질문: 가스 냄새\n답변: 배관 점검") == "배관 점검"
    assert answer_of("답변 없는 본문") == ""


def test_common_terms_are_those_most_answers_share():
    answers = [["감사", "고객", f"규칙{i}"] for i in range(6)] + [["감사", "보호벽", "저장"]]
    assert common_terms(answers, share=0.4) == {"감사", "고객"}
    assert common_terms(answers[:3], share=0.4) == set()  # too few answers to tell boilerplate apart


def test_query_weights_by_similarity_and_leaves_out_boilerplate_and_the_question():
    q = query_terms([(["보호벽", "보호벽", "보호벽", "보호벽", "감사", "저장"], 0.8), (["저장", "가스"], 0.5)],
                    common={"감사"}, max_terms=10, question=["가스"])
    assert q == {"보호벽": pytest.approx(0.8 * case_expansion.TF_CAP), "저장": pytest.approx(1.3)}
    assert list(query_terms([(["가", "나나", "다다", "라라"], 1.0)], set(), max_terms=2)) == ["나나", "다다"]


def test_fuse_gives_rank_one_the_full_strength_and_lets_new_units_join():
    ranked = [hit("a", 1.0), hit("b", 0.9), hit("c", 0.5)]
    out = fuse(ranked, [hit("c", 7.0), hit("z", 3.0)], strength=0.5, k=10)
    scores = {h.id: h.score for h in out}
    assert scores["c"] == pytest.approx(1.0) and scores["z"] == pytest.approx(0.5 * 11 / 12)
    assert [h.id for h in out] == ["a", "c", "b", "z"] or [h.id for h in out][:2] == ["c", "a"]
    assert scores["a"] == 1.0 and scores["b"] == 0.9  # units the answers do not reach keep their score


def test_expand_is_off_at_share_zero_and_without_readers():
    ranked = [hit("a", 1.0)]

    def never(sv, n):
        raise AssertionError("no query")

    assert expand(ranked, [Reader(["보호벽"], 0.9)], set(), [], never, share=0.0)[0] == ranked
    assert expand(ranked, [], set(), [], never, share=0.5)[0] == ranked
    out, q = expand(ranked, [Reader(["보호벽"], 0.8)], set(), [], lambda sv, n: [hit("w", 0.1)], share=0.5)
    assert q == {"보호벽": pytest.approx(0.8)} and out[0].id == "a" and out[1].id == "w"
    assert out[1].score == pytest.approx(1.0 * 0.5 * 0.8)


def write_cases(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


@pytest.fixture(params=["edge", "server"])
def rt(request, make_runtime, sample_dir, tmp_path):
    rt = make_runtime(request.param)
    rt.ingestor.ingest_paths([sample_dir])
    org, dept = tmp_path / "org", tmp_path / "dept"
    org.mkdir(), dept.mkdir()
    write_cases(org / "cases_org.jsonl", [  # the answer paraphrases 제6조 and cites nothing
        {"id": "301", "title": "민원 연락이 없어요", "question": "민원을 넣은 지 몇 주째 연락이 없습니다. 계속 기다려야 하나요?",
         "answer": "부득이한 사유가 있으면 처리기간을 한 차례 연장할 수 있으며 연장 사유와 처리 완료 예정일을 미리 알려 드립니다."},
        {"id": "302", "title": "주차장 요금", "question": "공영주차장 요금은 얼마입니까?", "answer": "1시간 1천원입니다."}])
    write_cases(dept / "cases_dept.jsonl", [  # only 감사과 may see it; its answer paraphrases 제10조
        {"id": "401", "title": "민원 연락이 없어 항의", "question": "민원을 넣은 지 몇 주째 연락이 없어서 항의했습니다. 계속 기다려야 하나요?",
         "answer": "폭언이나 폭행이 있으면 비상벨과 영상정보처리기기로 대응하고 담당자에게 심리상담을 제공합니다."}])
    assert rt.ingestor.ingest_paths([org]).count("ok") == 1
    assert rt.ingestor.ingest_paths([dept], visibility="dept:감사과").count("ok") == 1
    r = rt.retriever  # the bigram test embedder's cosines sit far below e5's band
    r.case_min_similarity = r.case_lend_similarity = r.prf_similarity = 0.15
    r.prf_share = 0.5
    return rt


def rank(res, unit: str):
    return next((h.rank for h in res.hits if h.document.title == COMPLAINTS and h.unit == unit), None)


def gained(res) -> dict[str, float]:
    """Per unit of the 민원 처리 조례 among the hits, what the expansion added to its score."""
    out = {}
    for h in res.hits:
        if h.document.title != COMPLAINTS:
            continue
        boosts = h.score_parts.boosts if h.score_parts else ()
        add = sum(b.add for b in boosts if b.reason == case_expansion.REASON)
        if add:
            out[h.unit] = add
    return out


def most_gained(res) -> str | None:
    g = gained(res)
    return max(g, key=g.get) if g else None


def test_an_answer_without_citations_leads_to_the_article_it_paraphrases(rt):
    plain = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG, memory=False)
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    assert res.similar_cases and res.similar_cases[0]["label"] == "민원 301"
    before, after = rank(plain, "제6조"), rank(res, "제6조")
    assert after is not None and (before is None or after < before)
    assert most_gained(res) == "제6조" and not gained(plain)
    assert all(h.via_cases is None for h in res.hits)  # no citation lent: the reason is the wording


def test_only_cases_the_caller_may_see_are_read(rt):
    org = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ORG)
    dept = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ALL)
    assert most_gained(org) == "제6조"
    assert gained(dept).get("제10조", 0) > gained(org).get("제10조", 0)  # 민원 401's answer is read for 감사과 only


def test_a_questions_own_case_is_never_read(rt):
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG, exclude_cases={"민원 301"})
    assert most_gained(res) != "제6조"


def test_share_zero_is_the_search_without_expansion(rt):
    rt.retriever.prf_share = 0.0
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ORG)
    assert not gained(res) and res.similar_cases[0]["label"] == "민원 301"
