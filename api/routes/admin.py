"""Feedback from officials, and the admin endpoints: feedback review/export, ingest runs, audit."""
from __future__ import annotations

import json

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import Field

from api.audit import audit_rows, feedback_as_eval_items, feedback_rows, save_feedback
from api.auth import Principal, require_admin, require_user
from api.schemas import RequestModel

router = APIRouter()


class FeedbackIn(RequestModel):
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


class IngestIn(RequestModel):
    paths: list[str] = Field(default_factory=list, description="서버에서 읽을 수 있는 파일·폴더 경로")
    sync_config: str | None = Field(None, description="dasan sync 설정 파일(sources.toml) 경로")
    force: bool = False


def run_background_ingest(app, paths: list[str], sync_config: str | None = None, force: bool = False,
                          progress=None) -> None:
    """Ingest and/or sync inside the server process (the embedded index is single-process); the
    state is kept on ``app.state.ingest`` for /readyz and GET /v1/ingest."""
    from pathlib import Path

    from ingest.runs import IngestBusy, ingest_lock

    rt = app.state.runtime
    app.state.ingest = {"status": "running", "paths": paths, "sync_config": sync_config}
    try:
        with ingest_lock(rt.settings.home, rt.registry):
            rt.ingestor.force = force
            result: dict = {}
            try:
                if paths:
                    report = rt.ingestor.ingest_paths([Path(p) for p in paths], progress=progress)
                    result |= {"run_id": report.run_id, "units": report.units, "errors": report.count("error"),
                               "skipped": report.count("skipped")}
                if sync_config:
                    from ingest.sources.sync import run_sync

                    result["sync"] = run_sync(sync_config, rt.ingestor, rt.settings.home,
                                              rt.settings.today()).to_dict()
            finally:
                rt.ingestor.force = False
        rt.retriever.refresh_titles()
        app.state.ingest = {"status": "done"} | result
    except IngestBusy as e:
        app.state.ingest = {"status": "busy", "reason": str(e)}
    except Exception as e:  # reported on /readyz and GET /v1/ingest
        app.state.ingest = {"status": "failed", "reason": f"{type(e).__name__}: {e}"}


@router.post("/v1/ingest", status_code=202)
def start_ingest(body: IngestIn, request: Request, _: Principal = Depends(require_admin)) -> dict:
    """Start an ingest or sync in the server process: the way a nightly job reaches an embedded index."""
    import threading

    if not body.paths and not body.sync_config:
        raise HTTPException(422, "paths 또는 sync_config 중 하나는 있어야 합니다.")
    state = getattr(request.app.state, "ingest", None) or {}
    if state.get("status") == "running":
        raise HTTPException(409, "다른 색인 작업이 실행 중입니다. 끝난 뒤 다시 요청하세요.")
    request.app.state.ingest = {"status": "running"}
    threading.Thread(target=run_background_ingest, args=(request.app, body.paths, body.sync_config, body.force),
                     name="dasan-ingest", daemon=True).start()
    return {"status": "started", "message": "색인을 시작했습니다. GET /v1/ingest 로 진행 상태를 확인하세요."}


@router.get("/v1/ingest")
def ingest_status(request: Request, _: Principal = Depends(require_admin)) -> dict:
    return getattr(request.app.state, "ingest", None) or {"status": "idle"}
