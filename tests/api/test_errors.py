"""One error layer (api/errors.py): Korean JSON with the request id for unparseable input, bugs, and
backends that are down (503 that recovers by itself); status-only /readyz; Korean stream errors."""
from __future__ import annotations

import json
import logging
import os
import socket
import threading
import uuid
from dataclasses import replace
from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from ingest.runtime import Runtime
from rag.llm import ModelConfig, ModelRegistry
from tests.conftest import build_runtime
from tests.fakes.openai_chat import FakeChatServer

FEE_Q = "주민공유공간 대관 사용료는 1시간에 얼마인가요?"
JSON = {"content-type": "application/json"}
PG_URL = os.environ.get("DASAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        from api.observability import JsonFormatter

        self.lines.append(json.loads(JsonFormatter().format(record)))


@pytest.fixture
def error_log():
    handler = Lines()
    logger = logging.getLogger("dasan.errors")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


@pytest.fixture
def client(sample_runtimes):
    rt = sample_runtimes["edge"]
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    rt.answerer.abstain_below = 0.0
    yield TestClient(create_app(rt), raise_server_exceptions=False)
    rt.__dict__.pop("answerer", None)
    rt.__dict__.pop("models", None)


def assert_korean_error(r, status: int, field: str | None = None) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["request_id"] == r.headers["x-request-id"]
    detail = body["detail"] if "detail" in body else body["error"]["message"]
    assert any("\uac00" <= ch <= "\ud7a3" for ch in detail), detail  # Korean
    if field:
        assert f"{field}: " in detail, detail
    return body


@pytest.mark.parametrize("path,raw,field", [
    ("/v1/search", b'{"question": "\\ubbfc\\uc6d0\\ud800"}', "question"),  # "민원\ud800"
    ("/v1/ask", b'{"question": "\\ubbfc\\uc6d0\\ud800"}', "question"),
    ("/v1/ask", b'{"question": "\\ubbfc\\uc6d0\\udc00\\ud800"}', "question"),
    ("/v1/search", b'{"question": "\\ubbfc\\uc6d0", "kinds": ["\\ud800"]}', "kinds"),
    ("/v1/feedback", b'{"rating": "up", "comment": "\\ud800"}', "comment"),
    ("/v1/search", b'{"question": "\\ubbfc\\uc6d0", "top_k": 1e400}', "top_k"),
    ("/v1/ask", b'{"question": "\\ubbfc\\uc6d0", "top_k": -1e400}', "top_k"),
    ("/v1/search", b'{"question": "\\ubbfc\\uc6d0", "top_k": NaN}', "top_k"),
    ("/v1/ask", b'{"question": "\\ubbfc\\uc6d0", "top_k": Infinity}', "top_k"),
])
def test_unencodable_text_and_non_finite_numbers_are_korean_422(client, path, raw, field):
    r = client.post(path, content=raw, headers=JSON)
    body = assert_korean_error(r, 422, field)
    assert body["errors"][0]["field"] == field
    assert client.post("/v1/search", json={"question": FEE_Q}).status_code == 200  # still serving


def test_valid_surrogate_pairs_are_accepted(client):
    r = client.post("/v1/search", content=b'{"question": "\\ubbfc\\uc6d0 \\ud83d\\ude00"}', headers=JSON)
    assert r.status_code == 200 and r.json()["question"] == "민원 \U0001F600"


@pytest.mark.parametrize("raw", [b'{"model": "dasan", "messages": [{"role": "user", "content": "\\ud800"}]}',
                                 b'{"model": "dasan", "messages": [{"role": "user", "content": "a"}], "top_k": NaN}',
                                 b'{"model": "dasan", "messages": [{"role": "user", "content": "a"}], "x": "\\ud800"}'])
def test_chat_facade_refuses_the_same_input_in_openai_shape(client, raw):
    r = client.post("/v1/chat/completions", content=raw, headers=JSON)
    body = assert_korean_error(r, 400)
    assert body["error"]["code"] == "invalid_request" and body["error"]["type"] == "invalid_request_error"


def test_validation_errors_name_the_field_never_the_value(client):
    secret = "값MARK7Q"
    r = client.post("/v1/search", json={"question": FEE_Q, "top_k": secret, "as_of": ["x"], secret: 1})
    body = assert_korean_error(r, 422, "top_k")
    assert secret not in r.text and "input" not in r.text
    assert {e["field"] for e in body["errors"]} == {"top_k", "as_of"}


def test_unknown_path_and_unparseable_body_are_korean_json(client):
    assert_korean_error(client.get("/v1/없는주소"), 404)
    assert_korean_error(client.get("/v1/search"), 405)
    r = client.post("/v1/search", content=b'{"question": "\xed\xa0\x80"}', headers=JSON)  # invalid UTF-8
    assert r.status_code in (400, 422) and assert_korean_error(r, r.status_code)
    assert_korean_error(client.post("/v1/search", content=b"x" * (2 << 20), headers=JSON), 413)


class BrokenRetriever:
    def __init__(self, exc: Exception) -> None:
        self.exc = exc

    def search(self, *a, **k):
        raise self.exc


def _broken_client(fast_dir, exc: Exception) -> tuple[TestClient, Runtime]:
    rt = build_runtime(fast_dir / f"broken-{uuid.uuid4().hex[:6]}")
    rt.__dict__["retriever"] = BrokenRetriever(exc)
    rt.__dict__["models"] = ModelRegistry({})
    return TestClient(create_app(rt), raise_server_exceptions=False), rt


def test_a_bug_is_a_korean_500_with_the_request_id_and_the_traceback_only_in_the_log(fast_dir, error_log):
    c, rt = _broken_client(fast_dir, RuntimeError("SELECT secret FROM /srv/dasan/x"))
    try:
        r = c.post("/v1/search", json={"question": FEE_Q})
        body = assert_korean_error(r, 500)
        assert "SELECT" not in r.text and "RuntimeError" not in r.text and "Traceback" not in r.text
        line = error_log[-1]
        assert line["request_id"] == body["request_id"] and line["level"] == "error"
        assert "RuntimeError" in line["traceback"] and "SELECT secret" in line["traceback"]
        r = c.post("/v1/chat/completions", json={"model": "dasan", "messages": [{"role": "user", "content": FEE_Q}]})
        body = assert_korean_error(r, 500)
        assert body["error"]["code"] == "internal_error" and "SELECT" not in r.text
    finally:
        rt.close()


def test_a_corrupt_index_folder_is_503_and_service_resumes_once_it_is_replaced(fast_dir):
    rt = build_runtime(fast_dir / "corrupt")
    index = rt.settings.index_path
    index.mkdir(parents=True)
    (index / "edge_config.json").write_text("garbage")
    c = TestClient(create_app(rt), raise_server_exceptions=False)
    try:
        r = c.post("/v1/search", json={"question": FEE_Q})
        body = assert_korean_error(r, 503)
        assert "잠시 후 다시 시도하세요" in body["detail"] and int(r.headers["retry-after"]) > 0
        assert str(index) not in r.text and "garbage" not in r.text
        ready = c.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"]["index"] == "fail"
        assert str(fast_dir) not in ready.text and "Error" not in ready.text
        (index / "edge_config.json").unlink()  # the administrator restores the folder (here: a fresh one)
        assert c.post("/v1/search", json={"question": FEE_Q}).status_code == 200
        assert c.get("/readyz").json()["checks"] == {"index": "ok", "database": "ok"}
    finally:
        rt.close()


# ---- PostgreSQL lost and back, through a loopback TCP proxy ------------------------------------------

class TcpProxy:
    """Forwards a loopback port to PostgreSQL; ``stop()`` drops every connection, ``start()`` reopens."""

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server: socket.socket | None = None
        self.conns: list[socket.socket] = []

    def start(self) -> None:
        self.server = socket.create_server(("127.0.0.1", self.port))
        threading.Thread(target=self._accept, args=(self.server,), daemon=True).start()

    def _accept(self, server: socket.socket) -> None:
        while True:
            try:
                client, _ = server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            self.conns += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        try:
            while data := a.recv(65536):
                b.sendall(data)
        except OSError:
            pass
        finally:
            for s in (a, b):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self) -> None:
        if self.server:
            self.server.shutdown(socket.SHUT_RDWR)
            self.server.close()
            self.server = None
        for s in self.conns:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
        self.conns.clear()


@pytest.fixture
def pg_schema():
    pytest.importorskip("psycopg")
    u = urlparse(PG_URL.replace("+psycopg", ""))
    try:
        socket.create_connection((u.hostname, u.port or 5432), timeout=1.0).close()
    except OSError:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}")
    from sqlalchemy import create_engine, text

    schema = f"dasan_err_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    yield schema, (u.hostname, u.port or 5432)
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def test_postgresql_lost_is_503_then_service_recovers_by_itself(fast_dir, sample_dir, pg_schema, error_log):
    schema, target = pg_schema
    proxy = TcpProxy(target)
    proxy.start()
    rt = build_runtime(fast_dir / "pg")
    rt.settings = replace(rt.settings, database_url=(
        f"postgresql+psycopg://postgres@127.0.0.1:{proxy.port}/test?options=-csearch_path%3D{schema}"))
    try:
        rt.ingestor.ingest_paths([sample_dir])
        rt.__dict__["models"] = ModelRegistry({})
        c = TestClient(create_app(rt), raise_server_exceptions=False)
        assert c.post("/v1/search", json={"question": FEE_Q}).status_code == 200

        proxy.stop()  # the database goes away under a running server
        r = c.post("/v1/search", json={"question": FEE_Q})
        body = assert_korean_error(r, 503)
        assert "잠시 후 다시 시도하세요" in body["detail"] and r.headers["retry-after"].isdigit()
        assert "SQL" not in r.text and "psycopg" not in r.text and str(proxy.port) not in r.text
        assert error_log[-1]["request_id"] == body["request_id"] and "OperationalError" in error_log[-1]["exc_type"]
        r = c.post("/v1/chat/completions", json={"model": "dasan", "messages": [{"role": "user", "content": FEE_Q}]})
        assert r.status_code == 503 and r.json()["error"]["code"] == "service_unavailable"
        ready = c.get("/readyz")
        assert ready.status_code == 503 and ready.json()["checks"] == {"index": "ok", "database": "fail"}
        assert "SQL" not in ready.text and "postgres" not in ready.text

        proxy.start()  # back: no restart of the server needed
        assert c.post("/v1/search", json={"question": FEE_Q}).status_code == 200
        assert c.get("/readyz").status_code == 200
    finally:
        proxy.stop()
        rt.close()
        if "registry" in rt.__dict__:
            rt.registry.engine.dispose()


# ---- streams and the language model -----------------------------------------------------------------

@pytest.fixture
def llm_client(sample_runtimes):
    rt = sample_runtimes["edge"]
    with FakeChatServer() as server:
        cfg = ModelConfig(name="onprem", base_url=server.base_url, model="exaone", on_prem=True, timeout_s=1.0,
                          max_retries=0, backoff_s=0.01)
        rt.__dict__["models"] = ModelRegistry({"onprem": cfg}, default="onprem")
        rt.__dict__.pop("answerer", None)
        rt.answerer.abstain_below = 0.0
        yield TestClient(create_app(rt), raise_server_exceptions=False), server
    rt.__dict__.pop("answerer", None)
    rt.__dict__.pop("models", None)


def _events(text: str) -> list[tuple[str, dict]]:
    out = []
    for block in text.strip().split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        out.append((lines.get("event"), json.loads(lines.get("data", "{}"))))
    return out


def test_llm_error_text_is_not_relayed_to_the_user(llm_client):
    client, server = llm_client
    server.enqueue({"status": 500, "text": "upstream said: ECHO-OF-PROMPT"})
    r = client.post("/v1/ask", json={"question": FEE_Q})
    body = assert_korean_error(r, 502)
    assert "언어모델" in body["detail"] and "HTTP 500" in body["detail"] and "ECHO-OF-PROMPT" not in r.text
    server.enqueue({"status": 500, "text": "upstream said: ECHO-OF-PROMPT"})
    with client.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
        events = _events(s.read().decode())
        rid = s.headers["x-request-id"]
    name, data = events[-1]
    assert name == "error" and "언어모델" in data["message"] and "ECHO-OF-PROMPT" not in json.dumps(events)
    assert data["request_id"] == rid


def test_a_bug_mid_stream_ends_with_a_korean_error_event_without_exception_text(sample_runtimes, error_log):
    rt = sample_runtimes["edge"]

    class Exploding:
        def stream(self, question, opts):
            yield "meta", {"mode": "generative"}
            raise KeyError(f"secret-internal-{question}")

    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__["answerer"] = Exploding()
    try:
        c = TestClient(create_app(rt), raise_server_exceptions=False)
        with c.stream("POST", "/v1/ask", json={"question": FEE_Q, "stream": True}) as s:
            events = _events(s.read().decode())
        name, data = events[-1]
        assert name == "error" and "오류" in data["message"]
        assert "secret-internal" not in json.dumps(events) and "KeyError" not in json.dumps(events)
        assert error_log[-1]["request_id"] == data["request_id"] and "KeyError" in error_log[-1]["traceback"]
        with c.stream("POST", "/v1/chat/completions", json={"model": "dasan", "stream": True, "messages": [
                {"role": "user", "content": FEE_Q}]}) as s:
            text = s.read().decode()
        assert "secret-internal" not in text and "KeyError" not in text and text.endswith("data: [DONE]\n\n")
        err = [json.loads(b[6:]) for b in text.split("\n\n") if b.startswith("data: {\"error\"")]
        assert err and "오류" in err[0]["error"]["message"] and err[0]["error"]["code"] == "internal_error"
    finally:
        rt.__dict__.pop("answerer", None)
        rt.__dict__.pop("models", None)


def test_readyz_shows_ingest_status_and_counts_but_no_reason_or_paths(client):
    client.app.state.ingest = {"status": "failed", "paths": ["/srv/비공개/원문"],
                               "reason": "OperationalError: SELECT * FROM versions /srv/비공개"}
    body = client.get("/readyz").json()
    assert body["ingest"] == {"status": "failed"} and "/srv" not in json.dumps(body, ensure_ascii=False)
    client.app.state.ingest = {"status": "done", "run_id": 3, "units": 37, "errors": 0, "skipped": 1}
    assert client.get("/readyz").json()["ingest"] == {"status": "done", "run_id": 3, "units": 37, "errors": 0,
                                                      "skipped": 1}
