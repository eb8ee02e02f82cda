"""Feedback from officials, and the admin endpoints: feedback review/export, ingest runs, audit."""
from __future__ import annotations

import json
import uuid

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import PlainTextResponse
from pydantic import Field

from api.audit import audit_rows, feedback_as_eval_items, feedback_rows, no_retention, save_feedback
from api.auth import Principal, require_admin, require_user, visibility_for
from api.schemas import RequestModel
from ingest.paths import IngestRoots, PathRefused

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


@router.get("/v1/ingest/runs")
def ingest_runs(request: Request, limit: int = Query(20, ge=1, le=500, description="1–500"),
                _: Principal = Depends(require_admin)) -> dict:
    return {"runs": request.app.state.runtime.registry.runs(limit)}


@router.get("/v1/audit")
def audit(request: Request, limit: int = Query(100, ge=1, le=5000, description="1–5000"),
          _: Principal = Depends(require_admin)) -> dict:
    return {"audit": audit_rows(request.app.state.runtime.registry, limit)}


class IngestIn(RequestModel):
    paths: list[str] = Field(default_factory=list, max_length=100,
                             description="색인 허용 폴더(DASAN_INGEST_ROOTS) 안의 파일·폴더 경로")
    sync_config: str | None = Field(None, description="dasan sync 설정 파일(sources.toml) 경로")
    force: bool = False
    visibility: str | None = Field(None, description="이 파일들의 공개 범위: public | org | dept:부서 | auto(해제)")


def run_background_ingest(app, paths: list[str], sync_config: str | None = None, force: bool = False,
                          progress=None, refuse=None, visibility: str | None = None) -> None:
    """Ingest and/or sync inside the server process (the embedded index is single-process); the
    state is kept on ``app.state.ingest`` for /readyz and GET /v1/ingest. ``refuse`` (ingest/paths.py)
    skips files met in a folder walk."""
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
                    report = rt.ingestor.ingest_paths([Path(p) for p in paths], progress=progress, refuse=refuse,
                                                        visibility=visibility)
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


def ingest_roots(app) -> IngestRoots:
    """The app's ingest roots (``dasan serve`` sets them with its --ingest folder; else from the env)."""
    roots = getattr(app.state, "ingest_roots", None)
    if roots is None:
        roots = app.state.ingest_roots = IngestRoots.from_env(app.state.runtime.settings.home)
    return roots


@router.post("/v1/ingest", status_code=202)
def start_ingest(body: IngestIn, request: Request, _: Principal = Depends(require_admin)) -> dict:
    """Start an ingest or sync in the server process: the way a nightly job reaches an embedded index."""
    import threading

    if not body.paths and not body.sync_config:
        raise HTTPException(422, "paths 또는 sync_config 중 하나는 있어야 합니다.")
    roots = ingest_roots(request.app)
    try:  # checked here, before any thread starts; each file met in a folder is checked again there
        paths = [str(roots.check_request(p)) for p in body.paths]
        sync_config = str(roots.check_config(body.sync_config)) if body.sync_config is not None else None
    except PathRefused as e:
        raise HTTPException(422, str(e))
    if body.visibility and body.visibility != "auto":
        from ingest.visibility import VisibilityError, check

        try:
            check(body.visibility, "visibility")
        except VisibilityError as e:
            raise HTTPException(422, str(e))
    state = getattr(request.app.state, "ingest", None) or {}
    if state.get("status") == "running":
        raise HTTPException(409, "다른 색인 작업이 실행 중입니다. 끝난 뒤 다시 요청하세요.")
    request.app.state.ingest = {"status": "running"}
    threading.Thread(target=run_background_ingest, args=(request.app, paths, sync_config, body.force),
                     kwargs={"refuse": roots.refusal, "visibility": body.visibility}, name="dasan-ingest", daemon=True).start()
    return {"status": "started", "message": "색인을 시작했습니다. GET /v1/ingest 로 진행 상태를 확인하세요."}


@router.get("/v1/ingest")
def ingest_status(request: Request, _: Principal = Depends(require_admin)) -> dict:
    return getattr(request.app.state, "ingest", None) or {"status": "idle"}
