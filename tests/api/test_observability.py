"""JSON access logs, X-Request-ID and Prometheus metrics (api/observability.py), on tiny apps."""
from __future__ import annotations

import json
import logging
import re

import pytest
from fastapi import Depends, FastAPI, Request
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from api.auth import AuthConfig, parse_key, require_user
from api.observability import install_observability, observe_answer, observe_llm

KEY = "obs-key-0123456789abcdef"


class Lines(logging.Handler):
    """Collects the JSON lines the access logger writes."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        from api.observability import JsonFormatter

        self.lines.append(json.loads(JsonFormatter().format(record)))


@pytest.fixture
def logs():
    handler = Lines()
    logger = logging.getLogger("dasan.access")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture
def client():
    app = FastAPI()
    app.state.auth = AuthConfig(enabled=True, api_keys=[parse_key(f"{KEY}:service:svc-bot")])

    @app.get("/items/{item_id}")
    def item(item_id: int):
        return {"id": item_id}

    @app.post("/ask")
    def ask(request: Request, body: dict, who=Depends(require_user)):
        request.state.log_question = body["question"]
        observe_answer({"model": "obs-llm", "timing": {"search_ms": 12.0, "relevance_ms": 3.0, "llm_ms": 800.0}})
        return {"ok": True}

    @app.get("/boom")
    def boom():
        raise RuntimeError("boom")

    install_observability(app)
    install_observability(app)  # idempotent: one middleware, one header
    return TestClient(app, raise_server_exceptions=False, client=("127.0.0.1", 50000))  # /metrics: loopback


def _sample(text: str, name: str, **labels) -> float:
    """A sample's value from the Prometheus text format (0 when absent)."""
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return 0.0


def test_metrics_expose_latency_by_route_template_retrieval_and_llm(client):
    before = client.get("/metrics").text
    assert client.get("/items/7").status_code == 200
    assert client.post("/ask", json={"question": "q"}, headers={"X-API-Key": KEY}).status_code == 200
    text = client.get("/metrics").text
    name = "dasan_http_request_duration_seconds_count"
    labels = {"method": "GET", "route": "/items/{item_id}", "status": "200"}
    assert _sample(text, name, **labels) == _sample(before, name, **labels) + 1
    assert "/items/7" not in text  # the template, never the raw path
    assert _sample(text, "dasan_http_request_duration_seconds_bucket", le="+Inf", **labels) >= 1
    assert _sample(text, "dasan_retrieval_seconds_count") == _sample(before, "dasan_retrieval_seconds_count") + 1
    assert _sample(text, "dasan_llm_seconds_count", model="obs-llm") >= 1
    assert _sample(text, "dasan_llm_seconds_sum", model="obs-llm") >= 0.8
    observe_llm(0.5, None)
    assert _sample(client.get("/metrics").text, "dasan_llm_seconds_count", model="unknown") >= 1


def test_errors_are_counted_with_bounded_labels(client):
    text0 = client.get("/metrics").text
    assert client.get("/boom").status_code == 500
    assert client.get("/no/such/path/123").status_code == 404
    text = client.get("/metrics").text
    for labels in ({"route": "/boom", "status": "500", "kind": "exception"},
                   {"route": "<unmatched>", "status": "404", "kind": "client"}):
        assert _sample(text, "dasan_http_errors_total", **labels) == \
            _sample(text0, "dasan_http_errors_total", **labels) + 1
    assert "/no/such/path" not in text


def test_json_log_line_has_request_id_status_and_user(client, logs):
    r = client.post("/ask", json={"question": "비밀 질문"}, headers={"X-API-Key": KEY})
    line = logs[-1]
    assert line["request_id"] == r.headers["x-request-id"] and len(line["request_id"]) == 32
    assert line["status"] == 200 and line["method"] == "POST" and line["path"] == "/ask"
    assert line["route"] == "/ask" and line["duration_ms"] >= 0 and line["level"] == "info"
    assert line["user"] == "svc-bot" and line["auth"] == "api_key" and "ts" in line
    assert line["question"] == "비밀 질문"
    client.get("/boom")
    assert logs[-1]["status"] == 500 and logs[-1]["level"] == "error"


def test_no_retention_never_logs_the_question_or_query(client, logs, monkeypatch):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    client.post("/ask?q=비밀", json={"question": "비밀 질문"}, headers={"X-API-Key": KEY})
    client.get("/items/3?q=비밀")
    assert len(logs) == 2 and "비밀" not in json.dumps(logs, ensure_ascii=False)
    assert "question" not in logs[0] and "query" not in logs[1]


def test_request_id_is_echoed_when_sane_and_replaced_when_not(client, logs):
    assert client.get("/items/1", headers={"X-Request-ID": "proxy-abc.123:7"}).headers["x-request-id"] == \
        "proxy-abc.123:7"
    assert logs[-1]["request_id"] == "proxy-abc.123:7"
    for bad in ("a b c", "x" * 200, "<script>", ""):
        got = client.get("/items/1", headers={"X-Request-ID": bad}).headers.get_list("x-request-id")
        assert len(got) == 1 and re.fullmatch(r"[0-9a-f]{32}", got[0]), (bad, got)


def test_probes_are_measured_but_not_logged(client, logs):
    client.get("/metrics")
    assert logs == []
