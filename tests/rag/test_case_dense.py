"""Dense answer expansion: past cases' answers, embedded at ingest, search the law as queries.

Pure parts alone (what is embedded, the stored form, which cases read, the fusion), then on the fictional
sample corpus with the fake embedder: vectors are stored at ingest on past cases only, backfilled into an
index written without them, read only for callers who may see the case, skipped where absent, and the
public shapes (hits, similar cases) never carry them."""
from __future__ import annotations

import json

import numpy as np
import pytest

from ingest import answer_vectors
from rag import case_dense
from rag.case_dense import FIELD, Reader, answer_text, decode, encode, expand, readers, with_payloads
from rag.case_memory import SimilarCase
from rag.index.base import IndexHit, QueryFilter
from rag.model import KIND_COMPLAINT
from tests.conftest import AS_OF, COMPLAINTS

ORG, ALL = ["public", "org"], ["public", "org", "dept:감사과"]
ASK = "민원을 넣은 지 한참 지났는데 아직 아무 연락이 없습니다. 언제까지 기다려야 하나요?"
GREETING = "질의응답 게시판을 이용하여 주신 고객님께 감사 드리며 아래와 같이 답변 드립니다."
CLOSING = "추가 문의사항이 있으시면 연락주시기 바랍니다."


def case_text(answer: str) -> str:
    return f"제목: 보호벽\n질문: 담을 쌓아야 하나요\n답변: {answer}"


def test_answer_text_keeps_the_content_sentences_only():
    body = "저장설비 주위에는 보호벽을 설치하여야 합니다."
    text = answer_text(case_text(f"{GREETING} {body}\n{CLOSING}"))
    assert text == body
    assert answer_text(case_text(GREETING)) == ""  # nothing but courtesy: nothing to embed
    assert answer_text("질문만 있는 텍스트") == ""  # no answer part
    long = " ".join(f"저장설비 {i}번 기준에 따라 보호벽을 설치하여야 합니다." for i in range(60))
    assert 0 < len(answer_text(case_text(long), chars=120)) <= 120


def test_encode_decode_round_trip_and_refuses_what_does_not_fit():
    v = np.random.default_rng(0).normal(size=384).astype(np.float32)
    v /= np.linalg.norm(v)
    back = decode(encode(v), 384)
    assert back is not None and float(back @ v) > 0.999 and len(encode(v)) < 1100
    assert decode(encode(v), 64) is None  # another embedder's dimension
    assert decode("", 384) is None and decode(None) is None and decode("@@not base64@@", 384) is None


def case(label: str, sim: float, vector: str = "") -> SimilarCase:
    return SimilarCase(id=label, key=f"src:x#{label}", doc_title="민원 사례: x", label=label, title="", department="",
                       date="", similarity=sim, text="", answer_vector=vector)


def test_readers_take_the_closest_cases_that_carry_a_vector():
    v = encode(np.ones(8, dtype=np.float32))
    cases = [case("a", 0.9, v), case("b", 0.8), case("c", 0.7, v), case("d", 0.6, v), case("e", 0.3, v)]
    assert [r.similarity for r in readers(cases, 8, 0.45, 2)] == [0.9, 0.7]  # b has none: skipped
    assert [r.similarity for r in readers(cases, 8, 0.45, 5)] == [0.9, 0.7, 0.6]  # e is below the floor
    assert readers(cases, 16, 0.45, 5) == []  # stored by another embedder


def hit(id_: str, score: float) -> IndexHit:
    return IndexHit(id_, score, {"label": id_})


def test_expand_weights_each_answer_by_its_case_similarity():
    ranked = [hit("a", 1.0), hit("b", 0.5)]
    found = [Reader(np.ones(4), 0.8), Reader(np.ones(4), 0.5)]
    calls = []

    def search(vs, n):
        calls.append((len(vs), n))
        return [[hit("w", 0.0)], [hit("b", 0.0)]]

    out = expand(ranked, found, search, scale=1.0, share=0.5, limit=7)
    assert calls == [(2, 7)]  # one dense query per answer, in one batch
    scores = {h.id: h.score for h in out}
    assert scores["w"] == pytest.approx(0.5 * 0.8) and scores["b"] == pytest.approx(0.5 + 0.5 * 0.5)
    assert expand(ranked, found, search, scale=1.0, share=0.0) == ranked
    assert expand(ranked, [], search, scale=1.0) == ranked
    calls.clear()
    mixed = expand(ranked, found, lambda vs, n: calls.append(len(vs)) or [[hit("w", 0.0)]], 1.0, 0.5, mix=1.0,
                   question=np.ones(4))
    assert calls == [1] and {h.id: h.score for h in mixed}["w"] == pytest.approx(0.5 * (0.8 + 0.5) / 2)


def test_share_zero_makes_no_search_and_the_statutes_pass_searches_statutes_only(monkeypatch):
    from rag.model import STATUTE_KINDS

    assert case_dense.passes(0.0) == []
    monkeypatch.setattr(case_dense, "SHARE_STATUTES", 0.3)
    wide, statutes = case_dense.passes(0.6)
    assert wide[1] == 0.6 and set(STATUTE_KINDS) < set(wide[0]) and statutes[:3] == (list(STATUTE_KINDS), 0.3, 3)


def test_joiners_get_their_payload_in_one_fetch_or_are_dropped_below_the_window():
    ranked = [hit("a", 3.0), IndexHit("j1", 2.0, {}), hit("b", 1.5), IndexHit("j2", 1.0, {}), IndexHit("j3", 0.5, {})]
    asked = []

    def fetch(ids):
        asked.append(list(ids))
        return [IndexHit(i, 0.0, {"label": i}) for i in ids if i != "j2"]  # j2 is gone from the index

    out = with_payloads(ranked, 4, fetch)
    assert asked == [["j1", "j2"]]  # j3 ranks below the window: never fetched
    assert [(h.id, h.score, h.payload["label"]) for h in out] == [("a", 3.0, "a"), ("j1", 2.0, "j1"), ("b", 1.5, "b")]


def write_cases(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


ORG_CASES = [  # the answer paraphrases 제6조 and cites nothing
    {"id": "301", "title": "민원 연락이 없어요", "question": "민원을 넣은 지 몇 주째 연락이 없습니다. 계속 기다려야 하나요?",
     "answer": f"{GREETING} 부득이한 사유가 있으면 처리기간을 한 차례 연장할 수 있으며 연장 사유와 처리 완료 예정일을 "
               "미리 알려 드립니다."},
    {"id": "302", "title": "주차장 요금", "question": "공영주차장 요금은 얼마입니까?", "answer": "요금은 1시간 1천원입니다."}]
DEPT_CASES = [  # only 감사과 may see it; its answer paraphrases 제10조
    {"id": "401", "title": "민원 연락이 없어 항의", "question": "민원을 넣은 지 몇 주째 연락이 없어서 항의했습니다. 계속 기다려야 하나요?",
     "answer": "폭언이나 폭행이 있으면 비상벨과 영상정보처리기기로 대응하고 담당자에게 심리상담을 제공합니다."}]


def ingest_cases(rt, tmp_path):
    org, dept = tmp_path / "org", tmp_path / "dept"
    org.mkdir(exist_ok=True), dept.mkdir(exist_ok=True)
    write_cases(org / "cases_org.jsonl", ORG_CASES)
    write_cases(dept / "cases_dept.jsonl", DEPT_CASES)
    return rt.ingestor.ingest_paths([org]), rt.ingestor.ingest_paths([dept], visibility="dept:감사과"), org, dept


def tune(rt, lexical: bool = False):
    r = rt.retriever  # the bigram test embedder's cosines sit far below e5's band
    r.case_min_similarity = r.case_lend_similarity = r.prf_similarity = r.dense_similarity = 0.15
    r.prf_share = 0.5 if lexical else 0.0  # the words' expansion off: what is measured is the vectors'
    r.dense_share = 0.5


def points(rt, kind: str | None = None) -> list[IndexHit]:
    return rt.index.find(QueryFilter(kinds=[kind] if kind else []), limit=2000)


@pytest.fixture(params=["edge", "server"])
def rt(request, make_runtime, sample_dir, tmp_path):
    rt = make_runtime(request.param)
    rt.ingestor.ingest_paths([sample_dir])
    assert all(r.count("ok") == 1 for r in ingest_cases(rt, tmp_path)[:2])
    tune(rt)
    return rt


def gained(res) -> dict[str, float]:
    """Per unit of the 민원 처리 조례 among the hits, what the answers' vectors added to its score."""
    out = {}
    for h in res.hits:
        boosts = h.score_parts.boosts if h.score_parts else ()
        add = sum(b.add for b in boosts if b.reason == case_dense.REASON)
        if add and h.document.title == COMPLAINTS:
            out[h.unit] = add
    return out


def test_ingest_stores_answer_vectors_on_past_cases_only(rt):
    cases = points(rt, KIND_COMPLAINT)
    assert len(cases) == 3 and all(decode(h.payload.get(FIELD), rt.embedder.dim) is not None for h in cases)
    assert not any(FIELD in h.payload for h in points(rt) if h.payload.get("kind") != KIND_COMPLAINT)
    by_label = {h.payload["label"]: decode(h.payload[FIELD]) for h in cases}
    want = rt.embedder.query(answer_text(next(h.payload["text"] for h in cases if h.payload["label"] == "민원 301")))
    assert float(by_label["민원 301"] @ want) > 0.99  # the answer's content sentences, embedded as a query


def test_answer_vectors_lead_to_the_paraphrased_article_for_callers_who_may_see_the_case(rt):
    org = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ORG)
    dept = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ALL)
    assert org.similar_cases[0]["label"] == "민원 301" and gained(org)
    assert gained(dept).get("제10조", 0) > gained(org).get("제10조", 0)  # 민원 401's answer: for 감사과 only
    plain = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ORG, memory=False)
    assert not gained(plain)
    alone = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ORG, exclude_cases={"민원 301"})
    assert not gained(alone)  # a question's own case lends nothing (민원 302 is too far to be read)


def test_public_shapes_never_carry_the_vectors(rt):
    res = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL)
    blob = json.dumps([h.to_dict() for h in res.hits] + res.similar_cases, ensure_ascii=False, default=str)
    assert res.similar_cases and FIELD not in blob and "answer_vector" not in blob
    cases = rt.retriever.search(ASK, top_k=10, as_of=AS_OF, visibility=ALL, kinds=[KIND_COMPLAINT])
    assert cases.hits and FIELD not in json.dumps([h.to_dict() for h in cases.hits], ensure_ascii=False, default=str)


def test_index_without_vectors_skips_and_the_next_ingest_backfills(make_runtime, sample_dir, tmp_path, monkeypatch):
    rt = make_runtime("edge", name="old")
    rt.ingestor.ingest_paths([sample_dir])
    monkeypatch.setattr(answer_vectors, "add_to_points", lambda *a, **k: 0)  # an index written before this
    _, _, org, dept = ingest_cases(rt, tmp_path)
    monkeypatch.undo()
    tune(rt)
    assert not any(FIELD in h.payload for h in points(rt, KIND_COMPLAINT))
    before = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ALL)
    assert before.similar_cases and not gained(before)  # no vectors: nothing lent, nothing fails
    again = rt.ingestor.ingest_paths([org, dept])
    assert again.count("unchanged") == 2 and again.answers_backfilled == 3
    from ingest.jobs import report_summary

    assert report_summary(again, 0)["answers_backfilled"] == 3  # `dasan ingest` prints and returns it
    assert all(FIELD in h.payload for h in points(rt, KIND_COMPLAINT))
    assert rt.ingestor.ingest_paths([org, dept]).answers_backfilled == 0  # done once
    after = rt.retriever.search(ASK, top_k=40, as_of=AS_OF, visibility=ALL)
    assert gained(after)


def test_batched_nearest_equals_one_query_per_vector(rt):
    flt = QueryFilter(as_of=AS_OF, exclude_kinds=[KIND_COMPLAINT])
    vs = [rt.embedder.query("처리기간 연장"), rt.embedder.query("폭언 폭행 비상벨")]
    batched = rt.index.nearest_batch(vs, 5, flt)
    assert [[h.id for h in r] for r in batched] == [[h.id for h in rt.index.nearest(v, 5, flt)] for v in vs]
    assert batched[0] and rt.index.nearest_batch([], 5, flt) == []
