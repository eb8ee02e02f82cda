"""Feedback from officials, and the admin endpoints: feedback review/export, audit (ingest: api/routes/ingest.py)."""
from __future__ import annotations

import json
import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import Field

from api.audit import audit_rows, feedback_as_eval_items, feedback_rows, no_retention, save_feedback
from api.auth import Principal, require_admin, require_user, visibility_for
from api.schemas import RequestModel

router = APIRouter()


class FeedbackIn(RequestModel):
    rating: str = Field(..., pattern="^(up|down)$", description="up = 👍, down = 👎")
    question: str = Field("", max_length=4000)
    answer: str = Field("", max_length=20000)
    correction: str = Field("", max_length=20000)
    comment: str = Field("", max_length=4000)
    citations: list = Field(default_factory=list, max_length=200,
                            description="인용 id 목록({id: …} 도 받지만 제목·조항은 서버가 색인에서 채웁니다)")
    as_of: str | None = None


def _is_point_id(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value  # the index refuses anything else with an error
    except ValueError:
        return False


def _resolve_citations(rt, citations: list, principal: Principal) -> list[dict]:
    """Cited point ids become {id, title, unit} from the index, so feedback can become evaluation gold.

    Only points the caller may read are resolved (others are dropped, never named), and a title or
    unit sent by the client is ignored: the admin's feedback list shows what the index says. With
    no-retention on, titles are not kept either (they would say what was asked)."""
    ids = [c.get("id") if isinstance(c, dict) else c for c in citations[:50]]
    ids = list(dict.fromkeys(i for i in ids if isinstance(i, str) and _is_point_id(i)))
    visible = set(visibility_for(principal))
    found = {h.id: h.payload for h in rt.index.retrieve(ids)} if ids else {}
    keep_titles = not no_retention()
    out = []
    for i in ids:
        p = found.get(i)
        if p is None or p.get("visibility") not in visible:  # as search filters: no value, not visible
            continue
        cite = {"id": i, "unit": p.get("label")}
        if keep_titles:
            cite["title"] = p.get("parent_title") or p.get("title")
        out.append(cite)
    return out


@router.post("/v1/feedback", status_code=201)
def feedback(body: FeedbackIn, request: Request, principal: Principal = Depends(require_user)) -> dict:
    rt = request.app.state.runtime
    data = body.model_dump() | {"citations": _resolve_citations(rt, body.citations, principal)}
    fid = save_feedback(rt.registry, principal, data)
    out = {"id": fid, "message": "의견이 저장되었습니다. 감사합니다."}
    if not no_retention():  # a case keeps the question: never in no-retention mode
        key = _feedback_case(rt, fid, body, data["citations"], principal)
        if key:
            out["case"] = key
    return out


def _feedback_case(rt, fid: int, body: FeedbackIn, citations: list[dict], principal: Principal) -> str | None:
    """👍 / a correction with citations becomes a case lending to them; 👎 marks them wrong (case memory)."""
    from ingest.feedback_cases import build, store
    from ingest.pipeline import Ingestor

    cited = rt.index.retrieve([c["id"] for c in citations]) if citations else []
    case = build(fid, body.rating, body.question, body.answer, body.correction, cited,
                 getattr(principal, "department", None), rt.settings.today())
    if case is None:
        return None
    # its own Ingestor: a background ingest may be using the runtime's (force flag, counters)
    return store(Ingestor(rt.index, rt.registry, rt.embedder), rt.registry, case)


@router.get("/v1/feedback")
def list_feedback(request: Request, limit: int = Query(200, ge=1, le=5000, description="1–5000"),
                  _: Principal = Depends(require_admin)) -> dict:
    return {"feedback": feedback_rows(request.app.state.runtime.registry, limit)}


@router.get("/v1/feedback/export.jsonl", response_class=PlainTextResponse)
def export_feedback(request: Request, _: Principal = Depends(require_admin)) -> str:
    """Feedback as evaluation items (kgs_dev.jsonl shape) for ``dasan eval --set``."""
    items = feedback_as_eval_items(feedback_rows(request.app.state.runtime.registry, 100_000))
    return "".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items)


@router.get("/v1/audit")
def audit(request: Request, limit: int = Query(100, ge=1, le=5000, description="1–5000"),
          _: Principal = Depends(require_admin)) -> dict:
    return {"audit": audit_rows(request.app.state.runtime.registry, limit)}
