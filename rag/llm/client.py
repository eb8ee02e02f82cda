"""One OpenAI-compatible ``/v1/chat/completions`` endpoint (vLLM with EXAONE, Ollama, llama.cpp server, cloud
APIs): its settings (``ModelConfig``) and its client (``ChatClient``: retries with backoff, streaming over SSE).
API keys are never logged nor shown in ``repr``.
"""
from __future__ import annotations

import json
import logging
import os
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from rag.llm.errors import (LLMBadResponse, LLMConfigError, LLMConnectionError, LLMError, LLMHTTPError,
                            LLMStreamInterrupted, LLMTimeout)

log = logging.getLogger("dasan.llm")
MAX_BACKOFF_S = 10.0
_STATUS_TEXT = {401: "인증에 실패했습니다 (API 키를 확인하세요)", 403: "인증에 실패했습니다 (API 키를 확인하세요)",
                404: "모델 또는 경로를 찾을 수 없습니다", 429: "요청이 너무 많다고 응답했습니다"}


@dataclass
class ModelConfig:
    """One chat model endpoint and its call settings."""

    name: str
    base_url: str
    model: str
    api_key: str = field(default="", repr=False)
    api_key_env: str = ""
    on_prem: bool = False  # True only for servers inside the government network
    timeout_s: float = 60.0
    connect_timeout_s: float = 5.0
    max_retries: int = 2
    temperature: float = 0.1
    max_tokens: int = 1024
    backoff_s: float = 0.5  # first retry waits about this long, then doubles (with jitter)

    def key(self) -> str:
        """The API key: ``api_key`` if set, else the value of the ``api_key_env`` variable."""
        return self.api_key or (os.environ.get(self.api_key_env, "") if self.api_key_env else "")


def normalize_base_url(url: str) -> str:
    """``http://h:8001`` and ``http://h:8001/v1/`` both become ``http://h:8001/v1``; other paths are kept."""
    url = url.strip().rstrip("/")
    if not urlsplit(url).scheme or not urlsplit(url).netloc:
        raise LLMConfigError(f"언어모델 서버 주소가 올바르지 않습니다: '{url}' (예: http://127.0.0.1:8001/v1)")
    return url + "/v1" if urlsplit(url).path in ("", "/") else url


@dataclass
class ChatResult:
    """One non-streamed completion."""

    text: str
    model: str
    usage: dict
    finish_reason: str | None
    latency_s: float


def _usage(raw: object) -> dict:
    raw = raw if isinstance(raw, dict) else {}
    p, c = int(raw.get("prompt_tokens") or 0), int(raw.get("completion_tokens") or 0)
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": int(raw.get("total_tokens") or p + c)}


class ChatStream:
    """Iterator of content deltas; after iteration ``usage``, ``finish_reason``, ``model`` and ``text`` are set."""

    def __init__(self, client: ChatClient, body: dict) -> None:
        self.usage: dict | None = None
        self.finish_reason: str | None = None
        self.model: str = client.cfg.model
        self.parts: list[str] = []
        self._gen = client._stream_gen(body, self)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def __iter__(self) -> ChatStream:
        return self

    def __next__(self) -> str:
        return next(self._gen)

    def close(self) -> None:
        self._gen.close()


class ChatClient:
    """Synchronous client for one configured model (thread-safe; share one per model)."""

    def __init__(self, cfg: ModelConfig, transport: httpx.BaseTransport | None = None) -> None:
        self.cfg = cfg
        self.base_url = normalize_base_url(cfg.base_url)
        self.url = self.base_url + "/chat/completions"
        self._who = f"언어모델 '{cfg.name}'({cfg.model}) 서버({self.base_url})"
        timeout = httpx.Timeout(cfg.timeout_s, connect=cfg.connect_timeout_s)
        key = cfg.key()
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self._http = httpx.Client(timeout=timeout, headers=headers, transport=transport)

    def __repr__(self) -> str:
        return f"ChatClient({self.cfg.name!r}, {self.cfg.model!r}, {self.base_url!r})"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _body(self, messages: list[dict], overrides: dict, stream: bool) -> dict:
        body = {"model": self.cfg.model, "messages": messages, "temperature": self.cfg.temperature,
                "max_tokens": self.cfg.max_tokens}
        if stream:
            body |= {"stream": True, "stream_options": {"include_usage": True}}
        return body | overrides

    def _transport_error(self, exc: httpx.TransportError) -> LLMError:
        detail = str(exc) or type(exc).__name__
        if isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
            return LLMConnectionError(f"{self._who}에 연결할 수 없습니다: {detail}", f"{self._who}에 연결할 수 없습니다")
        if isinstance(exc, httpx.TimeoutException):
            return LLMTimeout(f"{self._who}의 응답이 {self.cfg.timeout_s:g}초 안에 오지 않았습니다")
        return LLMConnectionError(f"{self._who}와의 통신이 끊겼습니다: {detail}", f"{self._who}와의 통신이 끊겼습니다")

    def _status_error(self, resp: httpx.Response) -> LLMHTTPError:
        s = resp.status_code
        try:
            detail = resp.json()["error"]["message"]
        except Exception:  # noqa: BLE001 - any non-standard error body
            detail = resp.text[:300]
        what = _STATUS_TEXT.get(s) or ("오류를 응답했습니다" if s >= 500 else "요청을 거부했습니다")
        summary = f"{self._who}가 {what} (HTTP {s})"
        return LLMHTTPError(f"{summary}: {detail}".rstrip(": "), s, resp.headers.get("retry-after"), summary)

    def _wait(self, attempt: int, err: LLMError) -> None:
        delay = min(self.cfg.backoff_s * 2 ** attempt, MAX_BACKOFF_S)
        delay = random.uniform(delay / 2, delay)
        retry_after = getattr(err, "retry_after", None)
        if retry_after and retry_after.replace(".", "", 1).isdigit():
            delay = max(delay, min(float(retry_after), MAX_BACKOFF_S))
        log.warning("LLM %s 재시도 %d/%d (%.2fs 후): %s", self.cfg.name, attempt + 1, self.cfg.max_retries,
                    delay, err.summary)  # never the server's reply: it may quote the question
        time.sleep(delay)

    def complete(self, messages: list[dict], **overrides: object) -> ChatResult:
        """One completion; retries connect errors, timeouts, 429 and 5xx with exponential backoff."""
        body = self._body(messages, overrides, stream=False)
        start = time.monotonic()
        for attempt in range(self.cfg.max_retries + 1):
            try:
                resp = self._http.post(self.url, json=body)
                if resp.status_code >= 400:
                    raise self._status_error(resp)
                return self._parse(resp, start)
            except httpx.TransportError as exc:
                err = self._transport_error(exc)
            except LLMError as exc:
                err = exc
            if not err.retryable or attempt >= self.cfg.max_retries:
                raise err
            self._wait(attempt, err)
        raise AssertionError("unreachable")

    def _parse(self, resp: httpx.Response, start: float) -> ChatResult:
        try:
            data = resp.json()
            choice = data["choices"][0]
            text = choice["message"].get("content") or ""
        except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
            raise LLMBadResponse(f"{self._who}의 응답을 해석할 수 없습니다: {resp.text[:200]!r}",
                                 f"{self._who}의 응답을 해석할 수 없습니다") from exc
        return ChatResult(text=text, model=data.get("model") or self.cfg.model, usage=_usage(data.get("usage")),
                          finish_reason=choice.get("finish_reason"), latency_s=time.monotonic() - start)

    def stream(self, messages: list[dict], **overrides: object) -> ChatStream:
        """Content deltas as they arrive (SSE); retried only while nothing has been yielded yet."""
        return ChatStream(self, self._body(messages, overrides, stream=True))

    def _stream_gen(self, body: dict, out: ChatStream) -> Iterator[str]:
        for attempt in range(self.cfg.max_retries + 1):
            try:
                with self._http.stream("POST", self.url, json=body) as resp:
                    if resp.status_code >= 400:
                        resp.read()
                        raise self._status_error(resp)
                    for line in resp.iter_lines():
                        if not line.startswith("data:"):
                            continue  # blank separators, ': keep-alive' comments, event:/id: fields
                        data = line[5:].strip()
                        if data == "[DONE]":
                            return
                        for piece in self._sse_event(data, out):
                            out.parts.append(piece)
                            yield piece
                raise LLMStreamInterrupted(f"{self._who}의 스트림이 [DONE] 없이 끝났습니다", out.text)
            except httpx.TransportError as exc:
                err = self._transport_error(exc)
                if out.parts:
                    raise LLMStreamInterrupted(f"{err} (스트림 중단, 받은 글자 {len(out.text)}자)", out.text,
                                               f"{err.summary} (스트림 중단, 받은 글자 {len(out.text)}자)") from exc
            except LLMHTTPError as exc:
                err = exc
            if not err.retryable or attempt >= self.cfg.max_retries:
                raise err
            self._wait(attempt, err)

    def _sse_event(self, data: str, out: ChatStream) -> list[str]:
        try:
            obj = json.loads(data)
        except ValueError:
            obj = None
        if not isinstance(obj, dict):
            raise LLMBadResponse(f"{self._who}의 스트림 데이터를 해석할 수 없습니다: {data[:200]!r}",
                                 f"{self._who}의 스트림 데이터를 해석할 수 없습니다")
        if obj.get("error"):
            short = f"{self._who}가 스트림 중 오류를 보냈습니다"
            msg = f"{short}: {obj['error']}"
            raise LLMStreamInterrupted(msg, out.text, short) if out.parts else LLMBadResponse(msg, short)
        if obj.get("usage"):
            out.usage = _usage(obj["usage"])
        out.model = obj.get("model") or out.model
        pieces = []
        for choice in obj.get("choices") or []:
            out.finish_reason = choice.get("finish_reason") or out.finish_reason
            content = (choice.get("delta") or {}).get("content")
            if content:
                pieces.append(content)
        return pieces
