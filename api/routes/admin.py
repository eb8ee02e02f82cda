"""Feedback from officials, and the admin endpoints: feedback review/export, ingest runs, audit."""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from api.audit import audit_rows, feedback_as_eval_items, feedback_rows, save_feedback
from api.auth import Principal, require_admin, require_user

router = APIRouter()


class FeedbackIn(BaseModel):
    rating: str = Field(..., pattern="^(up|down)$", description="up = 👍, down = 👎")
    question: str = Field("", max_length=4000)
    answer: str = Field("", max_length=20000)
    correction: str = Field("", max_length=20000)
    comment: str = Field("", max_length=4000)
    citations: list = Field(default_factory=list, description="인용 id 목록 또는 {id,title,unit}")
    as_of: str | None = None


def _resolve_citations(rt, citations: list) -> list[dict]:
    """Point ids from the page become {id, title, unit}, so feedback can become evaluation gold."""
    ids = [c for c in citations if isinstance(c, str)][:50]
    found = {h.id: h.payload for h in rt.index.retrieve(ids)} if ids else {}
    out = []
    for c in citations[:50]:
        if isinstance(c, dict):
            out.append({"id": c.get("id"), "title": c.get("title"), "unit": c.get("unit")})
        elif c in found:
            p = found[c]
            out.append({"id": c, "title": p.get("parent_title") or p.get("title"), "unit": p.get("label")})
    return out


@router.post("/v1/feedback", status_code=201)
def feedback(body: FeedbackIn, request: Request, principal: Principal = Depends(require_user)) -> dict:
    rt = request.app.state.runtime
    data = body.model_dump() | {"citations": _resolve_citations(rt, body.citations)}
    return {"id": save_feedback(rt.registry, principal, data), "message": "의견이 저장되었습니다. 감사합니다."}


@router.get("/v1/feedback")
def list_feedback(request: Request, limit: int = 200, _: Principal = Depends(require_admin)) -> dict:
    return {"feedback": feedback_rows(request.app.state.runtime.registry, min(limit, 5000))}


@router.get("/v1/feedback/export.jsonl", response_class=PlainTextResponse)
def export_feedback(request: Request, _: Principal = Depends(require_admin)) -> str:
    """Feedback as evaluation items (kgs_dev.jsonl shape) for ``dasan eval --set``."""
    items = feedback_as_eval_items(feedback_rows(request.app.state.runtime.registry, 100_000))
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


@router.get("/v1/ingest/runs")
def ingest_runs(request: Request, limit: int = 20, _: Principal = Depends(require_admin)) -> dict:
    return {"runs": request.app.state.runtime.registry.runs(min(limit, 500))}


@router.get("/v1/audit")
def audit(request: Request, limit: int = 100, _: Principal = Depends(require_admin)) -> dict:
    if limit < 1:
        raise HTTPException(422, "limit은 1 이상이어야 합니다.")
    return {"audit": audit_rows(request.app.state.runtime.registry, min(limit, 5000))}
