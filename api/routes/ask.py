"""POST /v1/ask: a cited answer (JSON, or SSE when ``stream`` is true)."""
from __future__ import annotations

import json
import logging
import time

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import iterate_in_threadpool, run_in_threadpool
from fastapi.responses import StreamingResponse

from api.audit import record_audit
from api.errors import llm_message, log_exception, request_id, stream_error
from api.observability import observe_answer
from api.auth import Principal, require_user, visibility_for
from api.routes.search import parse_as_of
from api.schemas import AskRequest, AskResponse
from rag.answer import AskOptions
from rag.retrieve import QuestionError, check_question

router = APIRouter()


def _llm_errors():
    from rag.llm import LLMError, ModelNotAllowed, ModelNotConfigured

    return LLMError, ModelNotAllowed, ModelNotConfigured


def _options(body: AskRequest, rt, principal: Principal) -> AskOptions:
    as_of = parse_as_of(body.as_of, rt.settings.today())
    try:
        check_question(body.question)
    except QuestionError as e:
        raise HTTPException(422, str(e))
    if body.model and body.model not in rt.models.names():
        names = ", ".join(rt.models.names()) or "없음(추출식 답변만 가능)"
        raise HTTPException(422, f"model: 설정되지 않은 모델입니다. 사용할 수 있는 모델: {names}")
    return AskOptions(as_of=as_of, top_k=body.top_k, kinds=body.kinds, model=body.model,
                      visibility=visibility_for(principal))


@router.post("/v1/ask", response_model=AskResponse,
             responses={200: {"content": {"text/event-stream": {}}, "description": "stream=true이면 SSE"}})
async def ask(body: AskRequest, request: Request, principal: Principal = Depends(require_user)):
    rt = request.app.state.runtime
    opts = _options(body, rt, principal)
    LLMError, ModelNotAllowed, ModelNotConfigured = _llm_errors()
    if body.stream:
        return StreamingResponse(_sse(rt, body.question, opts, request, principal), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
    t = time.perf_counter()
    try:
        out = await run_in_threadpool(rt.answerer.ask, body.question, opts)
        observe_answer(out)
        await run_in_threadpool(record_audit, rt.registry, principal, "ask", body.question, out, 200,
                                round((time.perf_counter() - t) * 1000, 2))
        return out
    except QuestionError as e:
        raise HTTPException(422, str(e))
    except (ModelNotAllowed, ModelNotConfigured) as e:
        raise HTTPException(422, str(e))
    except LLMError as e:
        log_exception(e, "llm_failed", level=logging.WARNING)
        raise HTTPException(502, llm_message(e))


def _event(name: str, data: dict) -> str:
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False, default=str)}\n\n"


async def _sse(rt, question: str, opts: AskOptions, request: Request, principal: Principal):
    """Relay answer events; stop generating as soon as the client disconnects."""
    events = rt.answerer.stream(question, opts)
    t = time.perf_counter()
    try:
        async for name, data in iterate_in_threadpool(events):
            if await request.is_disconnected():
                break
            if name == "done":
                observe_answer(data)
                await run_in_threadpool(record_audit, rt.registry, principal, "ask", question, data, 200,
                                        round((time.perf_counter() - t) * 1000, 2))
            yield _event(name, data)
    except Exception as e:  # the stream must end with an event, never a silent cut
        yield _event("error", stream_error(e, request_id(request)))
    finally:
        events.close()
