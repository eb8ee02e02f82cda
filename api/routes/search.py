"""POST /v1/search: ranked units for a question, as of a date."""
from __future__ import annotations

import time
from datetime import date

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool

from api.audit import record_audit
from api.auth import Principal, require_user, visibility_for
from api.schemas import SearchRequest, SearchResponse
from rag.retrieve import QuestionError

router = APIRouter()
MIN_DATE = date(1948, 7, 17)


def parse_as_of(value: str | None, today: date) -> date:
    """Validate the as-of date; HTTP 422 with a Korean message when wrong."""
    if not value:
        return today
    try:
        d = date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"기준일 '{value}'의 형식이 잘못되었습니다. YYYY-MM-DD로 입력하세요.")
    if d < MIN_DATE:
        raise HTTPException(422, "기준일은 1948-07-17 이후여야 합니다.")
    return d


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
    await run_in_threadpool(record_audit, rt.registry, principal, "search", body.question, {"hits": res.hits},
                            200, round((time.perf_counter() - t) * 1000, 2))
    return SearchResponse(question=body.question, as_of=as_of.isoformat(), hits=res.hits, warnings=res.warnings,
                          took_ms=round((time.perf_counter() - t) * 1000, 2))
