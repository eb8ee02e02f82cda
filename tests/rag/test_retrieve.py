"""HybridRetriever over the ingested sample corpus, on both engines (fake dense embedder)."""
from __future__ import annotations

from datetime import date

import pytest

from rag.index.base import QueryFilter
from rag.model import KIND_LAW, KIND_ORDINANCE, STATUS_CURRENT, Document
from rag.retrieve import MAX_QUESTION_CHARS, DasanRetriever, HybridRetriever, QuestionError, check_question
from rag.status import status_on
from ingest.structure import article_units
from rag.references import Reference
from tests.conftest import AFTER_2027, AS_OF, CCTV, COMPLAINTS, ENGINES, HALL

HIT_KEYS = {"rank", "score", "id", "document", "unit", "unit_title", "path", "unit_effective_from", "amended",
            "page", "text"}
DOC_KEYS = {"title", "kind", "source", "parent_title", "effective_from", "effective_to", "status",
            "promulgation_no"}


def search(rt, q, **kw):
    kw.setdefault("as_of", AS_OF)
    return rt.retriever.search(q, **kw)


def key(h) -> tuple:
    return h.document.title, h.unit, h.document.effective_from


def test_hit_shape_and_ranks(sample_rt):
    res = search(sample_rt, "민원 처리기간 연장", top_k=5)
    assert len(res.hits) == 5 and res.warnings == []
    assert [h.rank for h in res.hits] == [1, 2, 3, 4, 5]
    for h in res.hits:
        assert set(h.to_dict()) >= HIT_KEYS and set(h.document.to_dict()) >= DOC_KEYS
        assert h.document.kind == KIND_ORDINANCE and h.document.status == STATUS_CURRENT
        assert h.text and h.document.source.endswith(".md")
    # ranks may promote another document over a third unit of the same one (diversity), but within
    # one document the order follows the score
    for title in {h.document.title for h in res.hits}:
        scores = [h.score for h in res.hits if h.document.title == title]
        assert scores == sorted(scores, reverse=True)
    top = res.hits[0]
    assert key(top) == (COMPLAINTS, "제6조", "2024-01-01")
    assert top.unit_title == "처리기간의 연장" and top.path == ["제2장 민원의 접수와 처리"]


def test_top_k_is_respected(sample_rt):
    assert len(search(sample_rt, "사용료", top_k=3).hits) == 3
    assert len(search(sample_rt, "사용료", top_k=1).hits) == 1


def test_direct_reference_comes_first_even_when_the_text_matches_elsewhere(sample_rt):
    # "사용료 반환" is 대관 조례 제6조's subject; the question names 영상 열람 조례 제7조
    res = search(sample_rt, f"{CCTV} 제7조에 사용료 반환 규정이 있나요")
    assert key(res.hits[0]) == (CCTV, "제7조", "2024-01-01")
    assert res.resolved.refs[0].article == "제7조" and res.resolved.refs[0].title == CCTV
    assert res.hits[0].score > 1.5 * res.hits[1].score
    # with a fuzzy title (spacing differs) and an unrelated topic
    res = search(sample_rt, "다산시 민원처리 예시조례 제3조 영상 열람 수수료 마스킹")
    assert key(res.hits[0]) == (COMPLAINTS, "제3조", "2024-01-01")


def test_direct_reference_respects_as_of(sample_rt):
    q = f"{HALL} 제4조"
    now = search(sample_rt, q).hits[0]
    assert now.unit == "제4조" and "5천원" in now.text and now.document.effective_to == "2027-01-01"
    later = search(sample_rt, q, as_of=AFTER_2027).hits[0]
    assert later.unit == "제4조" and "1만원" in later.text and later.document.effective_to is None
    assert later.amended == ["2026-10-15"]
    before = search(sample_rt, q, as_of=date(2023, 12, 31)).hits
    assert all(h.document.title != HALL for h in before)


def test_article_of_an_unnamed_law_is_not_fetched_directly(sample_rt):
    # "제3조" alone names no law: no direct fetch (3 laws have a 제3조), ordinary ranking only
    res = search(sample_rt, "제3조 사용 허가 신청")
    assert res.resolved.refs == [Reference(article="제3조")]
    assert sample_rt.retriever._direct(res.resolved, QueryFilter(as_of=AS_OF)) == []
    assert key(res.hits[0]) == (HALL, "제3조", "2024-01-01")  # found by its text, not fetched


def test_law_boost(sample_rt):
    q = f"{COMPLAINTS} 수수료 면제"
    boosted = search(sample_rt, q, top_k=10).hits
    assert all(h.document.title == COMPLAINTS for h in boosted)
    plain = HybridRetriever(sample_rt.index, sample_rt.embedder, titles_source=sample_rt.known_titles,
                            law_boost=0.0)
    unboosted = plain.search(q, top_k=10, as_of=AS_OF).hits
    ranks = [h.rank for h in unboosted if key(h)[:2] == (CCTV, "제6조")]
    assert ranks and ranks[0] <= 5  # the 수수료 면제 article of another law, pushed down by the boost


def test_kinds_filter(sample_rt):
    assert search(sample_rt, "민원 처리기간", kinds=[KIND_LAW]).hits == []
    hits = search(sample_rt, "민원 처리기간", kinds=[KIND_ORDINANCE]).hits
    assert hits and all(h.document.kind == KIND_ORDINANCE for h in hits)
    # the kinds filter also applies to units fetched directly by reference
    assert search(sample_rt, f"{HALL} 제4조", kinds=[KIND_LAW]).hits == []


def test_units_are_unique_per_result_list(sample_rt):
    hits = search(sample_rt, f"{HALL} 제4조 사용료 1시간당", top_k=20).hits
    keys = [(h.document.effective_from, h.document.title, h.unit) for h in hits]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("question", ["", "   ", "\n\t", None])
def test_empty_question_is_refused(sample_rt, question):
    with pytest.raises(QuestionError, match="비어 있습니다"):
        search(sample_rt, question)


def test_overlong_question_is_refused_with_its_length():
    with pytest.raises(QuestionError, match="100,000자") as e:
        check_question("가" * 100_000)
    assert f"{MAX_QUESTION_CHARS:,}자" in str(e.value)
    assert check_question("가" * MAX_QUESTION_CHARS) == []


def test_question_without_korean_gets_a_warning(sample_rt):
    res = search(sample_rt, "CCTV masking fee")
    assert len(res.warnings) == 1 and "한글" in res.warnings[0]
    assert search(sample_rt, "CCTV 열람").warnings == []


ENGINE_QUESTIONS = ["민원 처리기간 연장", "영상 열람 수수료", "사용료 감면 대상", "CCTV 마스킹", "반복 민원 종결",
                    f"{CCTV} 제7조", "주민공유공간 사용료는 1시간당 얼마인가요?", f"{HALL} 제4조"]


def _both(sample_runtimes, q, as_of):
    return {e: [(key(h), round(h.score, 5)) for h in sample_runtimes[e].retriever.search(q, top_k=8,
                                                                                      as_of=as_of).hits]
            for e in ENGINES}


@pytest.mark.parametrize("q", ENGINE_QUESTIONS)
@pytest.mark.parametrize("as_of", [AS_OF, AFTER_2027])
def test_engines_return_the_same_results(sample_runtimes, q, as_of):
    """Same units with the same scores; units with equal scores may come in either order."""
    got = _both(sample_runtimes, q, as_of)
    assert got["edge"]
    canon = {e: sorted(v, key=lambda x: (-x[1], x[0])) for e, v in got.items()}
    assert canon["edge"] == canon["server"]
    assert got["edge"][0] == got["server"][0]


def test_engines_rank_ties_identically(sample_runtimes):
    for q in ENGINE_QUESTIONS:
        got = _both(sample_runtimes, q, AS_OF)
        assert got["edge"] == got["server"], q


def test_status_on():
    p = {"eff_from": 20240101, "eff_to": 20270101}
    assert status_on(p, date(2023, 12, 31)) == "시행예정"
    assert status_on(p, date(2024, 1, 1)) == "현행"
    assert status_on(p, date(2027, 1, 1)) == "연혁"
    assert status_on(p | {"repealed": True}, date(2027, 1, 1)) == "폐지"


def test_llama_index_retriever_interface(sample_rt):
    from llama_index.core.schema import QueryBundle

    nodes = DasanRetriever(sample_rt.retriever, top_k=3, as_of=AS_OF).retrieve(QueryBundle("영상 열람 수수료"))
    assert len(nodes) == 3
    assert nodes[0].node.metadata["document"]["title"] == CCTV and "수수료" in nodes[0].node.get_content()
    assert nodes[0].score >= nodes[1].score


# ------------------------------------------------------------------ 항 units of one long article

LONG = "가스 예시 시설법"


def long_law() -> Document:
    body = "\n".join(f"{c} 저장탱크의 안전거리 기준 {n}: 사업자는 저장탱크를 {n}미터 이상 떨어뜨려 설치하여야 한다."
                     for n, c in enumerate("①②③④⑤", start=1))
    units = article_units("10", "저장탱크의 안전거리", body, split_above=50)
    units += article_units("11", "검사", "사업자는 매년 저장탱크 검사를 받아야 한다.")
    units += article_units("12", "보고", "사업자는 검사 결과를 시장에게 보고하여야 한다.")
    return Document(title=LONG, kind=KIND_LAW, source="test://long", units=units, law_id="LONG-1",
                    mst="1", effective_from=date(2020, 1, 1))


@pytest.fixture(params=ENGINES)
def long_rt(request, make_runtime):
    rt = make_runtime(request.param, name="long")
    doc = long_law()
    assert [u.label for u in doc.units[:5]] == [f"제10조제{n}항" for n in range(1, 6)]
    assert rt.ingestor.write_document(doc)
    rt.ingestor.close_versions(doc.doc_key)
    return rt


def test_paragraph_units_of_one_article_count_once(long_rt):
    hits = search(long_rt, "저장탱크 안전거리 미터 이상 떨어뜨려 설치", top_k=10).hits
    units = [h.unit for h in hits]
    assert sum(1 for u in units if u.startswith("제10조")) == 1, units
    assert units[0].startswith("제10조제")  # the best 항 stands for its article
    assert sorted(units[1:]) == ["제11조", "제12조"]  # 5 항 + 2 articles -> 3 results


def test_direct_reference_to_a_paragraph(long_rt):
    hits = search(long_rt, f"{LONG} 제10조제3항", top_k=5).hits
    assert hits[0].unit == "제10조제3항" and "3미터" in hits[0].text
    assert sum(1 for h in hits if h.unit.startswith("제10조")) == 1
