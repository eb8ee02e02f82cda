"""Case memory over HTTP: similar_cases and via_cases in /v1/search and /v1/ask (JSON and SSE), and
feedback becoming a case that lends (👍, correction) or takes away (👎) on a similar question."""
from __future__ import annotations

import json

import pytest

from ingest.feedback_cases import DOC_TITLE
from rag.model import KIND_COMPLAINT
from tests.api.test_admin_api import H_USER, make_client
from tests.conftest import CCTV, COMPLAINTS

DOG_Q = "옆집 강아지가 밤마다 짖어서 잠을 못 잡니다. 이런 민원은 어디에 어떻게 넣어야 하나요?"
ASK = "옆집 강아지가 밤마다 짖어서 잠을 못 자요. 이런 민원은 어디에 어떻게 넣나요?"


@pytest.fixture
def rt(make_runtime, sample_dir):
    rt = make_runtime()
    rt.ingestor.ingest_paths([sample_dir])
    rt.retriever.case_min_similarity = rt.retriever.case_lend_similarity = 0.3  # the bigram test embedder's similarities run below e5's
    rt.retriever.case_share = 1.0  # these tests check what the API carries, not the tuned lending strength
    return rt


def point(rt, title: str, article: str) -> str:
    from rag.index.base import QueryFilter
    from rag.model import normalize_title

    hits = rt.index.find(QueryFilter(title_norms=[normalize_title(title)], articles=[article]), limit=20)
    return sorted((h for h in hits if h.payload["title"] == title), key=lambda h: h.payload["eff_from"])[-1].id


def ranks(resp) -> dict[tuple[str, str], dict]:
    assert resp.status_code == 200, resp.text
    return {(h["document"]["title"], h["unit"]): h for h in resp.json()["hits"]}


def test_thumbs_up_feedback_becomes_a_case_that_lends(rt):
    c = make_client(rt)
    target = point(rt, CCTV, "제6조")  # a unit the question's words do not reach
    before = ranks(c.post("/v1/search", json={"question": ASK, "as_of": "2026-11-23"}, headers=H_USER))
    assert (CCTV, "제6조") not in before
    r = c.post("/v1/feedback", headers=H_USER, json={
        "rating": "up", "question": DOG_Q + " 연락처 010-1234-5678", "answer": "제6조를 보세요.", "citations": [target]})
    assert r.status_code == 201 and r.json()["case"].endswith("#의견 1")
    body = c.post("/v1/search", json={"question": ASK, "as_of": "2026-11-23"}, headers=H_USER).json()
    assert all(h["document"]["kind"] != KIND_COMPLAINT for h in body["hits"])
    hit = {(h["document"]["title"], h["unit"]): h for h in body["hits"]}[(CCTV, "제6조")]
    assert hit["via_cases"] == {"count": 1, "cases": ["의견 1"], "reason": "유사 민원 1건의 답변에서 인용"}
    case = body["similar_cases"][0]
    assert case["label"] == "의견 1" and case["document"] == DOC_TITLE
    assert case["cited"][0]["title"] == CCTV and case["cited"][0]["unit"] == "제6조"
    assert "010-1234-5678" not in case["text"] and "강아지" in case["text"]  # masked before it was stored
    # the case is a complaint point, readable as such
    cases = c.post("/v1/search", json={"question": ASK, "kinds": [KIND_COMPLAINT]}, headers=H_USER).json()["hits"]
    assert cases[0]["unit"] == "의견 1" and cases[0]["document"]["title"] == DOC_TITLE


def test_thumbs_down_marks_a_citation_wrong(rt):
    c = make_client(rt)
    first = ranks(c.post("/v1/search", json={"question": ASK}, headers=H_USER))
    top = min(first.values(), key=lambda h: h["rank"])
    assert top["rank"] == 1
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "down", "question": DOG_Q, "citations": [top["id"]]})
    assert r.status_code == 201 and "case" in r.json()
    after = ranks(c.post("/v1/search", json={"question": ASK}, headers=H_USER))
    moved = after.get((top["document"]["title"], top["unit"]))
    assert moved is None or moved["rank"] > 1
    assert all(h["via_cases"] is None for h in after.values())  # a wrong citation lends nothing


def test_feedback_without_citations_or_in_no_retention_makes_no_case(rt, monkeypatch):
    c = make_client(rt)
    target = point(rt, COMPLAINTS, "제9조")
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "question": DOG_Q, "citations": []})
    assert r.status_code == 201 and "case" not in r.json()
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "question": DOG_Q, "citations": [target]})
    assert r.status_code == 201 and "case" not in r.json()
    assert not [v for v in rt.registry.all_versions() if v.title == DOC_TITLE]


def test_ask_json_and_stream_carry_similar_cases(rt):
    c = make_client(rt)
    target = point(rt, CCTV, "제6조")
    c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "question": DOG_Q, "citations": [target]})
    out = c.post("/v1/ask", json={"question": ASK, "top_k": 10}, headers=H_USER).json()
    assert out["similar_cases"][0]["label"] == "의견 1"
    assert any(ci.get("via_cases") for ci in out["citations"] + out.get("closest", []))
    with c.stream("POST", "/v1/ask", json={"question": ASK, "stream": True}, headers=H_USER) as s:
        text = "".join(s.iter_text())
    done = json.loads(text.split("event: done\ndata: ")[1].split("\n\n")[0])
    assert done["similar_cases"][0]["label"] == "의견 1"
