"""The typed hit (rag/hits.py): retrieval returns ``Hit`` objects, read by attribute everywhere, and only the
edges turn them into the public JSON shape with ``to_dict()`` — whose keys, order and rounding are the
contract that api/schemas.py (HitOut, DocumentOut, ScoreParts) describes."""
from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.schemas import DocumentOut, HitOut, ScoreParts
from rag.hits import Hit, HitDocument, ViaCases
from rag.index.base import IndexHit
from rag.scoring import Boost, ListShare
from rag.scoring import ScoreParts as TypedScoreParts
from tests.conftest import AS_OF, HALL

ROOT = Path(__file__).resolve().parents[2]
QUESTION = f"{HALL} 제4조 사용료"
# the public shape as the CLI's --json, /v1/units and /v1/show print it: the contract's keys in this
# order, score_parts after a search, the internal keys last
PUBLIC_KEYS = ["rank", "score", "id", "document", "score_parts", "unit", "unit_title", "path",
               "unit_effective_from", "amended", "page", "text", "doc_key", "version_key", "visibility"]


def test_search_returns_typed_hits_whose_public_dict_is_the_contract(sample_rt):
    res = sample_rt.retriever.search(QUESTION, top_k=5, as_of=AS_OF)
    assert res.hits and all(isinstance(h, Hit) and isinstance(h.document, HitDocument) for h in res.hits)
    for h in res.hits:
        d = h.to_dict()
        assert list(d) == PUBLIC_KEYS
        assert list(d["document"]) == list(DocumentOut.model_fields)  # same keys, same order
        assert set(HitOut.model_fields) - {"via_cases"} <= set(d)  # every contract field is there
        assert d["score"] == round(d["score"], 6) and isinstance(d["path"], list)
        parts = d["score_parts"]
        assert list(parts) == [k for k in ScoreParts.model_fields]
        assert parts["lexical"] is None or list(parts["lexical"]) == ["rank", "score"]
        assert parts["dense"] is None or list(parts["dense"]) == ["rank", "cosine", "score"]
        assert all(list(b) == ["reason", "add"] for b in parts["boosts"])
        HitOut.model_validate(d)  # the API's response model accepts it as is
        assert json.loads(json.dumps(d, ensure_ascii=False)) == d  # plain JSON, nothing left typed
    named = next(h for h in res.hits if h.score_parts.direct)
    assert named.document.title == HALL and named.unit == "제4조"
    assert named.to_dict()["score_parts"]["boosts"][-1]["reason"] == "질문이 직접 지목한 조문"


def test_a_hit_is_read_by_attribute_and_changed_only_by_copy(sample_rt):
    h = sample_rt.retriever.search(QUESTION, top_k=3, as_of=AS_OF).hits[0]
    with pytest.raises(TypeError):
        h["document"]  # noqa: B018  (a dict-style reader left behind fails, it does not read None)
    assert not hasattr(h, "get") and not hasattr(h, "items")
    with pytest.raises(dataclasses.FrozenInstanceError):
        h.rank = 7
    moved = h.with_rank(7)
    assert (moved.rank, h.rank) == (7, 1) and moved.to_dict() | {"rank": 1} == h.to_dict()
    assert h.with_via(None) is h and "via_cases" not in h.to_dict()
    via = h.with_via(["민원 3", "민원 9"])
    assert via.via_cases == ViaCases(2, ("민원 3", "민원 9"), "유사 민원 2건의 답변에서 인용")
    assert list(via.to_dict())[-1] == "via_cases"
    assert via.to_dict()["via_cases"] == {"count": 2, "cases": ["민원 3", "민원 9"], "reason": "유사 민원 2건의 답변에서 인용"}
    assert h.via_cases is None  # the original is untouched


def test_hit_of_an_index_point_fills_the_document_and_statuses():
    payload = {"title": HALL, "kind": "자치법규", "source": "a.md", "parent_title": "", "effective_from": "2027-01-01",
               "effective_to": None, "eff_from": 20270101, "eff_to": 99991231, "promulgation_no": "7",
               "label": "제4조", "unit_title": "사용료", "text": "① 사용료는 1시간당 1만원이다.", "doc_key": "k",
               "version_key": "k@2027", "visibility": "public"}
    h = Hit.of(IndexHit("p1", 0.12345678, payload), 2, date(2027, 2, 1), date(2026, 11, 23))
    assert h.to_dict() == {
        "rank": 2, "score": 0.123457, "id": "p1",
        "document": {"title": HALL, "kind": "자치법규", "source": "a.md", "parent_title": None,
                     "effective_from": "2027-01-01", "effective_to": None, "status": "현행", "status_today": "시행예정",
                     "status_note": "기준일(2027-02-01) 기준 현행 · 오늘은 시행 전(시행예정)", "promulgation_no": "7"},
        "unit": "제4조", "unit_title": "사용료", "path": [], "unit_effective_from": None, "amended": [], "page": None,
        "text": "① 사용료는 1시간당 1만원이다.", "doc_key": "k", "version_key": "k@2027", "visibility": "public"}
    parts = TypedScoreParts(ListShare(3, 0.071429), ListShare(1, 0.045455, cosine=0.8123), 0.116884,
                            (Boost("질문이 지목한 법령 (×2)", 0.116884),), False, 0.233768, None)
    scored = Hit.of(IndexHit("p1", 0.2, payload), 1, date(2027, 2, 1), parts=parts).to_dict()
    assert list(scored)[:5] == ["rank", "score", "id", "document", "score_parts"]
    assert scored["score_parts"] == {"lexical": {"rank": 3, "score": 0.071429},
                                     "dense": {"rank": 1, "cosine": 0.8123, "score": 0.045455}, "fused": 0.116884,
                                     "boosts": [{"reason": "질문이 지목한 법령 (×2)", "add": 0.116884}], "direct": False,
                                     "ranking": 0.233768, "adjusted": None}
    assert scored["document"]["status_today"] is None  # no clock given


def test_api_search_json_is_the_typed_hits_through_the_response_model(sample_rt):
    with TestClient(create_app(sample_rt)) as c:
        body = c.post("/v1/search", json={"question": QUESTION, "top_k": 5, "as_of": AS_OF.isoformat()}).json()
        hits = sample_rt.retriever.search(QUESTION, top_k=5, as_of=AS_OF).hits
        assert [h["id"] for h in body["hits"]] == [h.id for h in hits]
        for got, h in zip(body["hits"], hits):
            assert set(got) == set(HitOut.model_fields)  # the internal keys stay inside
            assert got == HitOut.model_validate(h.to_dict()).model_dump(mode="json")
            assert got["document"] == h.document.to_dict() and got["score"] == h.score
            assert got["text"] == h.text and got["unit"] == h.unit and got["path"] == h.path
        one = c.get(f"/v1/units/{hits[0].id}", params={"as_of": AS_OF.isoformat()}).json()
        assert one == dataclasses.replace(hits[0], score=one["score"], score_parts=None).to_dict()
        shown = c.get("/v1/show", params={"title": HALL, "unit": "제4조", "as_of": AS_OF.isoformat()}).json()
        assert shown["units"] and list(shown["units"][0]) == [k for k in PUBLIC_KEYS if k != "score_parts"]


def test_no_dict_style_reading_of_hits_is_left_in_rag():
    """rag/ reads hits by attribute: ``h["unit"]``, ``hit.get("document")`` and the like would be a second,
    untyped reader (the payload, a plain TypedDict, is read with ``p.get`` and is not matched here)."""
    pattern = re.compile(r"\b(?:h|hit|hits\[[^\]]+\]|top|first|rules\[[^\]]+\])(?:\[[\"']|\.get\()")
    found = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}" for p in sorted((ROOT / "rag").rglob("*.py"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert found == []
