"""A fake OpenAI-compatible chat server on loopback, so tests exercise the real HTTP client code.

``FakeChatServer`` serves ``POST /v1/chat/completions`` (plain JSON or ``stream: true`` SSE) and
``GET /v1/models`` from a ThreadingHTTPServer on 127.0.0.1 (port 0) in a background thread. Each
chat request consumes one scripted reply (``default`` once the script is empty). A reply is a string
(the answer text) or a dict of behaviours:

    {"text": "...", "finish_reason": "stop", "usage": {...}, "chunks": ["piece", ...]}
    {"status": 500}                  error status (429, 5xx, 401 ...), optional "headers": {...}
    {"delay_s": 3}                   sleep before answering (client timeouts); combinable with the rest
    {"drop_after_chunks": 2}         stream: close the connection after N content chunks, no [DONE]
    {"omit_done": True}              stream: finish the body cleanly but without ``data: [DONE]``
    {"malformed": True}              invalid JSON body (or an invalid SSE data line)

Every request is recorded in ``requests`` (method, path, lower-cased headers, parsed JSON body).
"""
from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class RecordedRequest:
    """One request as the fake received it."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict | None


def split_pieces(text: str, n: int = 4) -> list[str]:
    """``text`` cut into at most ``n`` non-empty consecutive pieces (how the stream delivers it)."""
    if not text:
        return []
    size = max(1, -(-len(text) // n))
    return [text[i:i + size] for i in range(0, len(text), size)]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args: object) -> None:  # keep pytest output quiet
        pass

    def _record(self) -> dict | None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        self.server.fake._record(RecordedRequest(self.command, self.path,
                                                 {k.lower(): v for k, v in self.headers.items()}, body))
        return body

    def _send_json(self, status: int, payload: object, headers: dict | None = None, raw: bytes | None = None):
        data = raw if raw is not None else json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._record()
        if self.path.rstrip("/") != "/v1/models":
            return self._send_json(404, {"error": {"message": "not found", "type": "not_found"}})
        ids = self.server.fake.model_ids
        self._send_json(200, {"object": "list",
                              "data": [{"id": m, "object": "model", "owned_by": "fake"} for m in ids]})

    def do_POST(self) -> None:
        body = self._record() or {}
        if self.path.rstrip("/") != "/v1/chat/completions":
            return self._send_json(404, {"error": {"message": "not found", "type": "not_found"}})
        fake = self.server.fake
        item = fake._next()
        if item.get("delay_s") and fake._stopping.wait(item["delay_s"]):
            self.close_connection = True
            return
        if item.get("status"):
            status = item["status"]
            message = item.get("text") or f"fake error {status}"
            return self._send_json(status, {"error": {"message": message, "type": "server_error"}},
                                   item.get("headers"))
        text = item.get("text", "")
        model = body.get("model") or "fake-model"
        prompt_tokens = sum(len(str(m.get("content", ""))) for m in body.get("messages") or [])
        usage = item.get("usage") or {"prompt_tokens": prompt_tokens, "completion_tokens": len(text),
                                      "total_tokens": prompt_tokens + len(text)}
        finish = item.get("finish_reason", "stop")
        if body.get("stream"):
            return self._stream(item, model, text, usage, finish, body)
        if item.get("malformed"):
            return self._send_json(200, None, raw=b'{"id": "chatcmpl-fake", "choices": [')
        self._send_json(200, {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()), "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                         "finish_reason": finish}],
            "usage": usage})

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def _event(self, model: str, choices: list, usage: dict | None = None) -> None:
        obj = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
               "model": model, "choices": choices}
        if usage is not None:
            obj["usage"] = usage
        self._chunk(b"data: " + json.dumps(obj, ensure_ascii=False).encode() + b"\n\n")

    def _stream(self, item: dict, model: str, text: str, usage: dict, finish: str, body: dict) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        # Role-only first chunk with null content, then a keep-alive comment, like real servers.
        self._event(model, [{"index": 0, "delta": {"role": "assistant", "content": None},
                             "finish_reason": None}])
        self._chunk(b": keep-alive\n\n")
        if item.get("malformed"):
            self._chunk(b"data: {not json\n\n")
        pieces = item.get("chunks") or split_pieces(text)
        drop = item.get("drop_after_chunks")
        for i, piece in enumerate(pieces):
            if drop is not None and i >= drop:
                self.close_connection = True  # no terminating chunk: the client sees a broken body
                return
            self._event(model, [{"index": 0, "delta": {"content": piece}, "finish_reason": None}])
        self._event(model, [{"index": 0, "delta": {}, "finish_reason": finish}])
        if (body.get("stream_options") or {}).get("include_usage"):
            self._event(model, [], usage)
        if not item.get("omit_done"):
            self._chunk(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeChatServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that timed out and hung up are expected here


class FakeChatServer:
    """Scripted OpenAI-compatible chat server on 127.0.0.1; use as a context manager or fixture."""

    def __init__(self, script: list | tuple = (), default: str | dict = "모의 응답입니다.",
                 model_ids: tuple[str, ...] = ("fake-model",)) -> None:
        self.script: deque = deque(script)
        self.default = default
        self.model_ids = model_ids
        self.requests: list[RecordedRequest] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None

    def enqueue(self, *items: str | dict) -> None:
        with self._lock:
            self.script.extend(items)

    def _next(self) -> dict:
        with self._lock:
            item = self.script.popleft() if self.script else self.default
        return {"text": item} if isinstance(item, str) else dict(item)

    def _record(self, req: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(req)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.rstrip("/").endswith("/chat/completions")]

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return self._httpd.server_address[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def base_url(self) -> str:
        return self.url + "/v1"

    def start(self) -> FakeChatServer:
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-chat-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes handlers sleeping on delay_s
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = None

    def __enter__(self) -> FakeChatServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@pytest.fixture
def fake_chat() -> Iterator[FakeChatServer]:
    """A started ``FakeChatServer`` with an empty script; stopped after the test."""
    with FakeChatServer() as server:
        yield server
