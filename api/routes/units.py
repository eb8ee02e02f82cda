"""Reading one article: GET /v1/show (document title or 약칭 + unit + 기준일) and GET /v1/units/{id}
(the id of a search hit or citation); the page's 원문 보기 and ``dasan show`` use them."""
from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool

from api.auth import Principal, require_user, visibility_for
from api.routes.search import parse_as_of
from rag.hits import public
from rag.lookup import NotFound, show_units, unit_by_id

router = APIRouter()


@router.get("/v1/show")
async def show(request: Request, title: str = Query(..., min_length=1, max_length=300, description="법령명 또는 약칭"),
               unit: str = Query(..., min_length=1, max_length=40, description="제33조, 제4조의2, 별표 2"),
               as_of: str | None = Query(None, description="기준일 YYYY-MM-DD (기본: 오늘)"),
               principal: Principal = Depends(require_user)) -> dict:
    """The units of one article or annex in force on the date: {"title", "as_of", "units": [hit…]}; when no
    version is in force that day, ``units`` is empty and ``message`` names the dates of the versions held.
    404 for a document not indexed (or not visible to the caller)."""
    rt = request.app.state.runtime
    day = parse_as_of(as_of, rt.settings.today())
    try:
        titles = await run_in_threadpool(rt.known_titles)
        out = await run_in_threadpool(show_units, rt.index, rt.registry, titles, title, unit, day,
                                      visibility_for(principal), rt.settings.today())
        return out | {"units": public(out["units"])}
    except NotFound as e:
        raise HTTPException(404, str(e))


@router.get("/v1/units/{unit_id}")
async def unit(unit_id: str, request: Request, as_of: str | None = Query(None, description="기준일 YYYY-MM-DD (기본: 오늘)"),
               principal: Principal = Depends(require_user)) -> dict:
    """One indexed unit (the ``id`` of a search hit or citation) with its document and its status on the date."""
    rt = request.app.state.runtime
    day = parse_as_of(as_of, rt.settings.today())
    try:
        if str(uuid.UUID(unit_id)) != unit_id:
            raise ValueError
    except ValueError:
        raise HTTPException(404, "해당 조문을 찾지 못했습니다(id 형식이 올바르지 않습니다).") from None
    try:
        hit = await run_in_threadpool(unit_by_id, rt.index, unit_id, day, visibility_for(principal),
                                      rt.settings.today())
        return hit.to_dict()
    except NotFound as e:
        raise HTTPException(404, str(e))
