"""The HTTP API (FastAPI TestClient over create_app(runtime)) on the ingested sample corpus."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api.app import MAX_BODY_BYTES, create_app
from tests.conftest import HALL, build_runtime

FEE_Q = "주민공유공간 사용료는 1시간당 얼마인가요?"


@pytest.fixture
def client(sample_rt):
    with TestClient(create_app(sample_rt)) as c:
        yield c


def test_search_ok_and_hit_shape(client):
    r = client.post("/v1/search", json={"question": FEE_Q, "top_k": 3})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["question"] == FEE_Q and body["as_of"] == "2026-11-23"  # DASAN_TODAY of the runtime
    assert body["warnings"] == [] and body["took_ms"] >= 0
    assert len(body["hits"]) == 3
    for i, h in enumerate(body["hits"], start=1):
        assert h["rank"] == i and isinstance(h["score"], float) and h["text"]
        assert {"title", "kind", "source", "effective_from", "effective_to", "status"} <= set(h["document"])
        assert isinstance(h["unit"], str) and h["id"]
    top = body["hits"][0]
    assert top["document"]["title"] == HALL and top["unit"] == "제4조"
    assert top["document"]["kind"] == "자치법규" and top["document"]["status"] == "현행"
    assert top["document"]["effective_from"] == "2024-01-01" and top["document"]["effective_to"] == "2027-01-01"
    assert top["document"]["source"].endswith("본문_시행20240101.md")
    assert "5천원" in top["text"]


def test_search_as_of_a_later_date(client):
    r = client.post("/v1/search", json={"question": FEE_Q, "as_of": "2027-02-01", "top_k": 1})
    assert r.status_code == 200
    body = r.json()
    assert body["as_of"] == "2027-02-01"
    top = body["hits"][0]
    assert "1만원" in top["text"] and top["document"]["status"] == "현행"
    assert top["amended"] == ["2026-10-15"]


def test_search_kinds_filter(client):
    r = client.post("/v1/search", json={"question": FEE_Q, "kinds": ["법률"]})
    assert r.status_code == 200 and r.json()["hits"] == []


def test_search_warning_without_korean(client):
    r = client.post("/v1/search", json={"question": "CCTV masking"})
    assert r.status_code == 200 and "한글" in r.json()["warnings"][0]


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_422_in_korean(client, question):
    r = client.post("/v1/search", json={"question": question})
    assert r.status_code == 422
    assert "질문이 비어 있습니다" in r.json()["detail"]


def test_overlong_question_422(client):
    r = client.post("/v1/search", json={"question": "가" * 100_000})
    assert r.status_code == 422 and "너무 깁니다" in r.json()["detail"]


@pytest.mark.parametrize("as_of", ["2026/11/23", "23-11-2026", "2026-13-01", "내일"])
def test_bad_as_of_format_422(client, as_of):
    r = client.post("/v1/search", json={"question": FEE_Q, "as_of": as_of})
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert "형식이 잘못되었습니다" in detail and "YYYY-MM-DD" in detail and as_of in detail


@pytest.mark.parametrize("as_of", ["1900-01-01", "1948-07-16"])
def test_as_of_before_1948_422(client, as_of):
    r = client.post("/v1/search", json={"question": FEE_Q, "as_of": as_of})
    assert r.status_code == 422 and "1948-07-17" in r.json()["detail"]


def test_first_constitution_day_is_accepted(client):
    r = client.post("/v1/search", json={"question": FEE_Q, "as_of": "1948-07-17"})
    assert r.status_code == 200 and r.json()["hits"] == []  # nothing was in force then


@pytest.mark.parametrize("payload,field,needle", [
    ({}, "question", "필수"), ({"question": 3}, "question", "문자열"), ({"question": FEE_Q, "top_k": 0}, "top_k", "1 이상"),
    ({"question": FEE_Q, "top_k": 101}, "top_k", "100 이하"), ({"question": FEE_Q, "kinds": "법률"}, "kinds", "목록")])
def test_malformed_request_422_in_korean(client, payload, field, needle):
    r = client.post("/v1/search", json=payload)
    assert r.status_code == 422
    body = r.json()
    assert body["detail"].startswith(f"요청 형식이 잘못되었습니다({field}: ") and needle in body["detail"]
    assert body["errors"][0]["field"] == field and body["request_id"] == r.headers["x-request-id"]
    assert "input" not in json.dumps(body)  # the value sent is never echoed


def test_invalid_json_422(client):
    r = client.post("/v1/search", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"].startswith("요청 형식이 잘못되었습니다(본문: 요청 본문이 올바른 JSON")


def test_body_over_1mb_is_413(client):
    body = json.dumps({"question": "가" * 10, "pad": "x" * (MAX_BODY_BYTES + 10)}).encode()
    r = client.post("/v1/search", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "1MB" in r.json()["detail"]


def test_body_just_under_1mb_is_not_413(client):
    body = json.dumps({"question": "수수료", "pad": "x" * (MAX_BODY_BYTES - 100)}).encode()
    assert len(body) <= MAX_BODY_BYTES
    r = client.post("/v1/search", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 200


def test_chunked_body_over_1mb_is_413(client):
    body = json.dumps({"question": "수수료", "pad": "x" * (2 * MAX_BODY_BYTES)}).encode()

    def chunks():
        for i in range(0, len(body), 65536):
            yield body[i:i + 65536]

    r = client.post("/v1/search", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_healthz(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}


def test_readyz(client, sample_rt):
    r = client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["status"] == "ready" and r.json()["points"] == sample_rt.index.count() == 37


def test_readyz_503_when_the_index_fails(fast_dir):
    class BrokenIndex:
        def count(self):
            raise RuntimeError("색인 파일을 열 수 없습니다")

        def close(self):
            pass

    rt = build_runtime(fast_dir / "broken")
    rt.__dict__["index"] = BrokenIndex()
    try:
        with TestClient(create_app(rt)) as c:
            r = c.get("/readyz")
            assert r.status_code == 503
            assert r.json()["status"] == "unavailable" and r.json()["checks"] == {"index": "fail", "database": "ok"}
            assert "색인 파일" not in r.text  # the reason goes to the log, not to anonymous probes
            assert c.get("/healthz").status_code == 200  # liveness does not depend on the index
    finally:
        rt.close()
        rt.registry.engine.dispose()


def test_openapi_lists_search(client):
    spec = client.get("/openapi.json").json()
    assert "/v1/search" in spec["paths"] and "post" in spec["paths"]["/v1/search"]
