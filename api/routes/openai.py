"""OpenAI-compatible facade: ``GET /v1/models`` and ``POST /v1/chat/completions`` (JSON or SSE).

Open WebUI or any OpenAI client can use Dasan as a model: "dasan" answers the Dasan default way
(the default configured LLM, or extractive when none), "dasan:<name>" uses a configured LLM by name.
The last user message is the question; short earlier user turns are added as context. Client system
prompts are ignored: Dasan's own reviewed prompt rules the LLM. The reply is Dasan's answer followed
by a "근거" list of the cited units and notice lines (※ …). Extension fields, top-level (the
``extra_body`` of the OpenAI client) or inside a ``dasan`` object: ``as_of``, ``kinds``, ``top_k``.
Errors use OpenAI's shape ``{"error": {"message", "type", "param", "code"}}`` with Korean messages.
"""
from __future__ import annotations

import json
import logging
import time
import uuid
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, StreamingResponse
from fastapi.routing import APIRoute
from pydantic import ConfigDict, Field
from starlette.exceptions import HTTPException

from api.audit import record_audit
from api.errors import (classify, known_fields, llm_message, log_exception, request_id, stream_error,
                        validation_detail, validation_errors)
from api.auth import Principal, require_user, visibility_for
from api.observability import observe_answer
from api.routes.search import parse_as_of
from api.schemas import RequestModel
from rag.answer import AskOptions
from rag.retrieve import QuestionError, check_question

BASE_MODEL = "dasan"
CONTEXT_TURNS, CONTEXT_CHARS = 2, 200  # earlier user turns kept as context: at most 2, each ≤ 200 chars
_TYPES = {400: "invalid_request_error", 401: "authentication_error", 403: "permission_error",
          404: "invalid_request_error", 409: "invalid_request_error", 413: "invalid_request_error",
          429: "rate_limit_error"}
_STARTED = int(time.time())


def openai_error(status: int, message: str, code: str | None = None, param: str | None = None,
                 headers: dict | None = None, rid: str | None = None) -> JSONResponse:
    """An error response in OpenAI's JSON shape (plus the request id, which OpenAI clients ignore)."""
    kind = _TYPES.get(status, "server_error" if status >= 500 else "invalid_request_error")
    return JSONResponse({"error": {"message": message, "type": kind, "param": param, "code": code},
                         "request_id": rid}, status_code=status, headers=headers)


class FacadeError(HTTPException):
    """An HTTP error with an OpenAI error code (e.g. ``model_not_found``)."""

    def __init__(self, status: int, message: str, code: str, param: str | None = None) -> None:
        super().__init__(status, message)
        self.code, self.param = code, param


class OpenAIRoute(APIRoute):
    """Route class turning every error of these routes (validation, auth, unexpected) into OpenAI's shape."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def wrapped(request: Request):
            rid = request_id(request)
            try:
                return await handler(request)
            except RequestValidationError as e:
                items = validation_errors(list(e.errors()), known_fields(request))
                return openai_error(400, validation_detail(items), "invalid_request",
                                    items[0]["field"] if items else None, rid=rid)
            except HTTPException as e:
                status = 400 if e.status_code == 422 else e.status_code
                code = getattr(e, "code", None) or {401: "unauthorized", 403: "forbidden"}.get(status,
                                                                                              "invalid_request")
                return openai_error(status, str(e.detail), code, getattr(e, "param", None), e.headers, rid)
            except Exception as e:  # noqa: BLE001 - OpenAI clients expect their error shape, even for bugs
                status, message, headers = classify(e)
                log_exception(e, "chat_facade_failed", status=status)
                return openai_error(status, message, "service_unavailable" if status == 503 else "internal_error",
                                    headers=headers, rid=rid)

        return wrapped


router = APIRouter(route_class=OpenAIRoute, tags=["OpenAI 호환"])


class ChatMessage(RequestModel):
    model_config = ConfigDict(extra="allow")
    role: str
    content: str | list[dict[str, Any]] | None = None


class DasanOptions(RequestModel):
    """Dasan extension fields (top-level in the request, or grouped under ``dasan``)."""

    as_of: str | None = Field(None, description="기준일 YYYY-MM-DD (기본: 오늘)")
    kinds: list[str] | None = Field(None, description="문서 종류 필터")
    top_k: int | None = Field(None, ge=1, le=20, description="근거로 쓸 자료 수")


class ChatRequest(RequestModel):
    """The OpenAI request body; unknown OpenAI options (temperature, tools …) are accepted and ignored."""

    model_config = ConfigDict(extra="allow")
    model: str = Field(..., examples=["dasan"])
    messages: list[ChatMessage] = Field(..., min_length=1)
    stream: bool = False
    stream_options: dict[str, Any] | None = None
    as_of: str | None = Field(None, description="다산 확장: 기준일 YYYY-MM-DD")
    kinds: list[str] | None = Field(None, description="다산 확장: 문서 종류 필터")
    top_k: int | None = Field(None, ge=1, le=20, description="다산 확장: 근거로 쓸 자료 수")
    dasan: DasanOptions | None = Field(None, description="다산 확장 필드를 묶어 보낼 때")


def model_ids(rt) -> list[str]:
    return [BASE_MODEL] + [f"{BASE_MODEL}:{n}" for n in rt.models.names()]


def _llm_for(model_id: str, rt) -> str | None:
    """The configured LLM name for a facade model id (None: Dasan's default); 404 when unknown."""
    if model_id == BASE_MODEL:
        return None
    name = model_id.removeprefix(f"{BASE_MODEL}:")
    if model_id.startswith(f"{BASE_MODEL}:") and name in rt.models.names():
        return name
    raise FacadeError(404, f"요청한 모델을 찾을 수 없습니다. 사용할 수 있는 모델: {', '.join(model_ids(rt))}",
                      "model_not_found", "model")  # the id is not echoed: it is user input


def _text(content) -> str:
    if isinstance(content, str):
        return content
    return "\n".join(p.get("text") or "" for p in content or [] if p.get("type") == "text")


def question_from(messages: list[ChatMessage]) -> str:
    """The last user message, with up to two short earlier user turns as context; system turns ignored."""
    turns = [t for t in (_text(m.content).strip() for m in messages if m.role == "user") if t]
    if not turns:
        raise FacadeError(400, "질문(role이 user인 메시지)이 없습니다.", "invalid_request", "messages")
    context = [t for t in turns[:-1][-CONTEXT_TURNS:] if len(t) <= CONTEXT_CHARS]
    return turns[-1] + (f"\n(앞선 질문: {' / '.join(context)})" if context else "")


def source_line(c: dict) -> str:
    """``[n] 「title」 unit (시행 YYYY-MM-DD, status)``."""
    d = c.get("document") or {}
    meta = ", ".join(x for x in (f"시행 {d['effective_from']}" if d.get("effective_from") else "",
                                 d.get("status") or "") if x)
    unit = f" {c['unit']}" if c.get("unit") else ""
    return f"[{c.get('n')}] 「{d.get('title') or '제목 없음'}」{unit}" + (f" ({meta})" if meta else "")


def render_tail(out: dict) -> str:
    """Sources list, verification warning and notices that follow the answer text."""
    parts = []
    if out.get("citations"):
        parts.append("근거\n" + "\n".join(source_line(c) for c in out["citations"]))
    elif out.get("closest"):
        parts.append("가장 가까운 자료(근거로 쓰기에는 부족)\n" + "\n".join(source_line(c) for c in out["closest"]))
    notes = []
    v = out.get("verification") or {}
    if v and not v.get("ok", True):
        kinds = ", ".join(sorted({i.get("type", "") for i in v.get("issues") or []}))
        notes.append(f"※ 자동 검증에서 근거와 맞지 않는 부분이 발견되었습니다({kinds}). 반드시 원문을 확인하십시오.")
    notes += [f"※ {w}" for w in out.get("warnings") or []]
    notes += [f"※ {n['message']}" for n in out.get("notices") or [] if n.get("message")]
    if notes:
        parts.append("\n".join(notes))
    return "\n\n".join(parts)


def render(out: dict) -> str:
    tail = render_tail(out)
    return out.get("answer", "").rstrip() + (f"\n\n{tail}" if tail else "")


def _usage(out: dict) -> dict:
    u = out.get("usage") or {}
    p, c = int(u.get("prompt_tokens") or 0), int(u.get("completion_tokens") or 0)
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": int(u.get("total_tokens") or p + c)}


def _extension(out: dict) -> dict:
    """The ``dasan`` field of a JSON reply: mode, compact citations, notices, verification, timing."""
    cites = [{"n": c.get("n"), "unit": c.get("unit"), "quote": c.get("quote")}
             | {k: (c.get("document") or {}).get(k) for k in ("title", "effective_from", "status")}
             for c in out.get("citations") or []]
    return {"mode": out.get("mode"), "as_of": out.get("as_of"), "llm": out.get("model"), "citations": cites,
            "notices": out.get("notices") or [], "verification": out.get("verification"),
            "timing": out.get("timing")}


def _llm_errors():
    from rag.llm import LLMError, ModelNotAllowed, ModelNotConfigured

    return LLMError, (ModelNotAllowed, ModelNotConfigured)


@router.get("/v1/models")
def list_models(request: Request, principal: Principal = Depends(require_user)):
    """Dasan's models in OpenAI's list shape."""
    ids = model_ids(request.app.state.runtime)
    return {"object": "list", "data": [{"id": m, "object": "model", "created": _STARTED, "owned_by": "dasan"}
                                       for m in ids]}


@router.get("/v1/models/{model_id:path}")
def get_model(model_id: str, request: Request, principal: Principal = Depends(require_user)):
    _llm_for(model_id, request.app.state.runtime)
    return {"id": model_id, "object": "model", "created": _STARTED, "owned_by": "dasan"}


@router.post("/v1/chat/completions", responses={200: {"content": {"text/event-stream": {}}}})
async def chat_completions(body: ChatRequest, request: Request, principal: Principal = Depends(require_user)):
    """An answer as a chat completion (SSE chunks when ``stream`` is true)."""
    rt = request.app.state.runtime
    llm = _llm_for(body.model, rt)
    question = question_from(body.messages)
    try:
        check_question(question)
    except QuestionError as e:
        raise FacadeError(400, str(e), "invalid_question", "messages")
    nested = body.dasan or DasanOptions()
    extra = DasanOptions(**{k: v if (v := getattr(body, k)) is not None else getattr(nested, k)
                            for k in ("as_of", "kinds", "top_k")})
    opts = AskOptions(as_of=parse_as_of(extra.as_of, rt.settings.today()), top_k=extra.top_k or 5,
                      kinds=extra.kinds or None, model=llm, visibility=visibility_for(principal))
    request.state.log_question = question
    cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
    if body.stream:
        usage = bool((body.stream_options or {}).get("include_usage"))
        return StreamingResponse(_chunks(rt, question, opts, request, (cid, created, body.model, principal), usage),
                                 media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    LLMError, refused = _llm_errors()
    t = time.perf_counter()
    try:
        out = await run_in_threadpool(rt.answerer.ask, question, opts)
    except QuestionError as e:
        raise FacadeError(400, str(e), "invalid_question", "messages")
    except refused as e:
        raise FacadeError(400, str(e), "model_not_allowed", "model")
    except LLMError as e:
        log_exception(e, "llm_failed", level=logging.WARNING)
        raise FacadeError(502, llm_message(e), "upstream_error")
    observe_answer(out)
    await run_in_threadpool(record_audit, rt.registry, principal, "chat", question, out, 200, _ms(t))
    return {"id": cid, "object": "chat.completion", "created": created, "model": body.model,
            "system_fingerprint": None,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": render(out)},
                         "logprobs": None, "finish_reason": "stop"}],
            "usage": _usage(out), "dasan": _extension(out)}


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 2)


def _sse(obj: dict) -> str:
    return f"data: {json.dumps(obj, ensure_ascii=False, default=str)}\n\n"


async def _chunks(rt, question: str, opts: AskOptions, request: Request, ident: tuple, include_usage: bool):
    """chat.completion.chunk events: role, content deltas, sources tail, finish, [usage], [DONE]."""
    cid, created, model, principal = ident
    (LLMError, refused), t = _llm_errors(), time.perf_counter()

    def chunk(delta: dict, finish: str | None = None) -> str:
        return _sse({"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                     "system_fingerprint": None,
                     "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}]})

    yield chunk({"role": "assistant", "content": ""})
    events, final = rt.answerer.stream(question, opts), None
    try:
        async for name, data in iterate_in_threadpool(events):
            if await request.is_disconnected():
                return  # stop generating for a client that left
            if name == "delta" and data.get("text"):
                yield chunk({"content": data["text"]})
            elif name == "done":
                final = data
                observe_answer(data)
                await run_in_threadpool(record_audit, rt.registry, principal, "chat", question, data, 200, _ms(t))
                if tail := render_tail(data):
                    yield chunk({"content": "\n\n" + tail})
            elif name == "error":
                raise LLMError(data.get("message") or "답변 생성 중 오류가 발생했습니다.")
    except Exception as e:  # the stream must end with an error object and [DONE], never a silent cut
        err = stream_error(e, request_id(request))
        code = ("model_not_allowed" if isinstance(e, refused) else "upstream_error") if isinstance(e, LLMError) \
            else "internal_error"
        yield _sse({"error": {"message": err["message"], "type": "server_error", "param": None, "code": code},
                    "request_id": err["request_id"]})
    else:
        yield chunk({}, "stop")
        if include_usage:
            yield _sse({"id": cid, "object": "chat.completion.chunk", "created": created, "model": model,
                        "system_fingerprint": None, "choices": [], "usage": _usage(final or {})})
    finally:
        try:
            events.close()
        except ValueError:  # still running in its worker thread (cancelled mid-step); it ends on its own
            pass
    yield "data: [DONE]\n\n"
