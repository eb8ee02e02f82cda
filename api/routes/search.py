"""POST /v1/search: ranked units for a question, as of a date."""
from __future__ import annotations

import time
from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from api.audit import record_audit
from api.observability import no_retention
from api.auth import Principal, require_user, visibility_for
from api.schemas import SearchRequest, SearchResponse
from rag import model
from rag.hits import public
from rag.retrieve import QuestionError

router = APIRouter()


def parse_as_of(value: str | None, today: date) -> date:
    """Validate the as-of date; HTTP 422 with a Korean message when wrong."""
    try:
        return model.parse_as_of(value, today)
    except ValueError as e:
        message = str(e)
        if value and no_retention():  # nothing the user typed goes back out, not even a date string
            message = message.replace(f" '{value}'", "").replace(f" {value}", "")
        raise HTTPException(422, message)


@router.post("/v1/search", response_model=SearchResponse)
async def search(body: SearchRequest, request: Request,
                 principal: Principal = Depends(require_user)) -> SearchResponse:
    rt = request.app.state.runtime
    as_of = parse_as_of(body.as_of, rt.settings.today())
    t = time.perf_counter()
    try:
        res = await run_in_threadpool(rt.retriever.search, body.question, body.top_k, as_of, body.kinds,
                                      visibility_for(principal))
    except QuestionError as e:
        raise HTTPException(422, str(e))
    hits = public(res.hits)
    await run_in_threadpool(record_audit, rt.registry, principal, "search", body.question, {"hits": hits},
                            200, round((time.perf_counter() - t) * 1000, 2))
    return SearchResponse(question=body.question, as_of=as_of.isoformat(), hits=hits, warnings=res.warnings,
                          expanded=res.expanded, similar_cases=res.similar_cases, missing=res.missing,
                          took_ms=round((time.perf_counter() - t) * 1000, 2))
