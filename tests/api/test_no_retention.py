"""DASAN_NO_RETENTION=1 end to end: a unique marker sent through every route, valid and malformed
requests, failing streams and a bug, never shows up in logs, error messages, metrics or the data folder."""
from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from api.app import create_app
from rag.llm import ModelConfig, ModelRegistry
from tests.fakes.openai_chat import FakeChatServer

MARK = "표식XQ7Z"  # what the user typed; must not leave the response it belongs to
FEE_Q = f"주민공유공간 대관 사용료는 1시간에 얼마인가요? {MARK}"
LOGGERS = ("", "dasan", "dasan.access", "dasan.errors", "dasan.llm", "dasan.openai", "dasan.auth", "uvicorn",
           "uvicorn.error", "fastapi")


class Everything(logging.Handler):
    """Every record of every logger that could carry text, formatted with its fields and traceback."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.text: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        from api.observability import JsonFormatter

        self.text.append(JsonFormatter().format(record) + repr(record.args))


@pytest.fixture
def captured():
    handler = Everything()
    loggers = [logging.getLogger(n) for n in LOGGERS]
    for lg in loggers:
        lg.addHandler(handler)
    yield handler.text
    for lg in loggers:
        lg.removeHandler(handler)


class Echoing:
    """A retriever with a bug whose exception message quotes the question (as real bugs do)."""

    def search(self, question, *a, **k):
        raise ValueError(f"cannot handle {question!r}")


def _error_text(r) -> str:
    """What an error response tells the client (the whole body of a non-2xx response)."""
    return r.text if r.status_code >= 400 else ""


def _stream_errors(body: str) -> str:
    """The error events of an SSE body (Dasan's ``event: error`` or the facade's ``data: {"error": …}``)."""
    return "".join(b for b in body.split("\n\n") if b.startswith("event: error") or b.startswith('data: {"error"'))


def test_marker_never_leaves_the_request_in_no_retention_mode(make_runtime, sample_dir, captured, monkeypatch,
                                                               capfd):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    rt = make_runtime()
    rt.ingestor.ingest_paths([sample_dir])
    errors: list[str] = []
    with FakeChatServer() as llm:
        cfg = ModelConfig(name="onprem", base_url=llm.base_url, model="exaone", on_prem=True, timeout_s=2.0,
                          max_retries=0, backoff_s=0.01)
        rt.__dict__["models"] = ModelRegistry({"onprem": cfg}, default="onprem")
        rt.answerer.abstain_below = 0.0
        c = TestClient(create_app(rt), raise_server_exceptions=False)
        chat = {"model": "dasan", "messages": [{"role": "user", "content": FEE_Q}]}

        # answered requests: search, ask (JSON and stream), chat completions (JSON and stream), feedback
        assert c.post(f"/v1/search?q={MARK}", json={"question": FEE_Q}).status_code == 200
        llm.enqueue("사용료는 1시간당 5천원입니다[1].", "사용료는 1시간당 5천원입니다[1].", "5천원[1].", "5천원[1].")
        assert c.post("/v1/ask", json={"question": FEE_Q}).status_code == 200
        with c.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
            assert s.status_code == 200 and s.read()
        assert c.post("/v1/chat/completions", json=chat).status_code == 200
        with c.stream("POST", "/v1/chat/completions", json=chat | {"stream": True}) as s:
            assert s.status_code == 200 and s.read()
        r = c.post("/v1/feedback", json={"rating": "down", "question": FEE_Q, "answer": MARK, "correction": MARK,
                                         "comment": MARK, "as_of": "2026-11-23",
                                         "citations": [{"id": MARK, "title": MARK, "unit": MARK}, MARK]})
        assert r.status_code == 201

        # malformed requests: a bad value, an unknown key, a bad date, an unknown model, a path parameter
        for path, body in (("/v1/search", {"question": FEE_Q, "top_k": MARK}),
                           ("/v1/search", {"question": FEE_Q, "kinds": {MARK: MARK}, MARK: MARK}),
                           ("/v1/ask", {"question": FEE_Q, "as_of": MARK}),
                           ("/v1/ask", {"question": FEE_Q, "as_of": f"2024-13-01{MARK}"}),
                           ("/v1/ask", {"question": FEE_Q, "model": MARK}),
                           ("/v1/feedback", {"rating": MARK, "comment": MARK}),
                           ("/v1/chat/completions", {"model": MARK, "messages": [{"role": "user", "content": FEE_Q}]}),
                           ("/v1/chat/completions", chat | {"top_k": MARK})):
            r = c.post(path, json=body)
            assert 400 <= r.status_code < 500, (path, r.status_code)
            errors.append(_error_text(r))
        r = c.get(f"/v1/models/{MARK}")
        assert r.status_code == 404
        errors.append(_error_text(r))
        r = c.get(f"/v1/{MARK}?q={MARK}")
        assert r.status_code == 404
        errors.append(_error_text(r))

        # the language model fails: an error reply quoting the prompt, and a stream cut midway
        llm.enqueue({"status": 500, "text": f"bad prompt: {FEE_Q}"}, {"status": 500, "text": f"bad: {FEE_Q}"})
        r = c.post("/v1/ask", json={"question": FEE_Q})
        assert r.status_code == 502
        errors.append(_error_text(r))
        with c.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
            errors.append(_stream_errors(s.read().decode()))
        llm.enqueue({"text": "사용료는 1시간당 5천원입니다[1]. 더 긴 설명이 이어집니다.", "drop_after_chunks": 2},
                    {"text": "사용료는 1시간당 5천원입니다[1]. 더 긴 설명이 이어집니다.", "drop_after_chunks": 2})
        with c.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
            events = s.read().decode()
        assert "event: error" in events
        errors.append(_stream_errors(events))
        with c.stream("POST", "/v1/chat/completions", json=chat | {"stream": True}) as s:
            events = s.read().decode()
        assert '"error"' in events
        errors.append(_stream_errors(events))

        # a bug whose exception message quotes the question
        rt.__dict__["retriever"] = Echoing()
        rt.__dict__.pop("answerer", None)
        for path, body in (("/v1/search", {"question": FEE_Q}), ("/v1/ask", {"question": FEE_Q}),
                           ("/v1/chat/completions", chat)):
            r = c.post(path, json=body)
            assert r.status_code == 500
            errors.append(_error_text(r))
        with c.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
            events = s.read().decode()
        assert "event: error" in events
        errors.append(_stream_errors(events))
        metrics = c.get("/metrics").text

    out = capfd.readouterr()
    logs = "\n".join(captured)
    assert logs and "ValueError" in logs  # the bug was logged ...
    assert MARK not in logs, [line for line in captured if MARK in line][:3]  # ... without the question
    for e in errors:
        assert MARK not in e, e
    assert MARK not in metrics
    assert MARK not in out.out and MARK not in out.err

    with rt.registry.engine.connect() as conn:
        for table in ("audit", "feedback", "ingest_runs"):
            for row in conn.execute(text(f"select * from {table}")):
                assert MARK not in json.dumps([str(v) for v in row], ensure_ascii=False), table
    rt.close()
    rt.registry.engine.dispose()
    needle = MARK.encode("utf-8")
    for f in Path(rt.settings.home).rglob("*"):
        if f.is_file():
            assert needle not in f.read_bytes(), f
