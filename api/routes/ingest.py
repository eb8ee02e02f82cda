"""Admin ingest endpoints: start an ingest, sync or prune in the server process (api/jobs.py), follow it,
read the runs with what changed per file, and remove documents."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import Field

from api.audit import record_admin
from api.auth import Principal, require_admin
from api.schemas import RequestModel
from api.jobs import start_job
from ingest.jobs import IngestJob, run_removal
from ingest.paths import IngestRoots, PathRefused
from ingest.runs import IngestBusy

router = APIRouter()


class IngestIn(RequestModel):
    paths: list[str] = Field(default_factory=list, max_length=100,
                             description="색인 허용 폴더(DASAN_INGEST_ROOTS) 안의 파일·폴더 경로")
    sync_config: str | None = Field(None, description="dasan sync 설정 파일(sources.toml) 경로")
    force: bool = False
    visibility: str | None = Field(None, description="이 파일들의 공개 범위: public | org | dept:부서 | auto(해제)")
    prune: bool = Field(False, description="주어진 폴더에서 사라진 파일이 색인한 문서를 색인에서 뺌(폐지와 다름: 이력도 남지 않음)")
    history: int | None = Field(None, ge=0, le=1000, description="legalize-kr 동기화: 파일마다 과거 판 N개도 색인")


class RemoveIn(RequestModel):
    target: str = Field(..., min_length=1, max_length=1024,
                        description="뺄 문서(법령명·약칭·문서 키) 또는 색인한 원본 파일·폴더 경로")


def ingest_roots(app) -> IngestRoots:
    """The app's ingest roots (``dasan serve`` sets them with its --ingest folder; else from the env)."""
    roots = getattr(app.state, "ingest_roots", None)
    if roots is None:
        roots = app.state.ingest_roots = IngestRoots.from_env(app.state.runtime.settings.home)
    return roots


@router.post("/v1/ingest", status_code=202)
def start_ingest(body: IngestIn, request: Request, principal: Principal = Depends(require_admin)) -> dict:
    """Start an ingest, sync or prune in the server process: the way a nightly job reaches an embedded index."""
    if not body.paths and not body.sync_config:
        raise HTTPException(422, "paths 또는 sync_config 중 하나는 있어야 합니다.")
    roots = ingest_roots(request.app)
    try:  # checked here, before any thread starts; each file met in a folder is checked again there
        paths = tuple(roots.check_request(p) for p in body.paths)
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
    job = IngestJob(paths=tuple(Path(p) for p in paths), sync_config=sync_config, force=body.force,
                    visibility=body.visibility, prune=body.prune, history=body.history)
    job_no = start_job(request.app, job, refuse=roots.refusal, principal=principal)
    return {"status": "started", "job": job_no,
            "message": "색인을 시작했습니다. GET /v1/ingest 로 진행 상태를 확인하세요."}


@router.get("/v1/ingest")
def ingest_status(request: Request, _: Principal = Depends(require_admin)) -> dict:
    """The latest job: running, done (with run_id, counts by outcome and the files that changed), busy, failed."""
    return getattr(request.app.state, "ingest", None) or {"status": "idle"}


@router.get("/v1/ingest/runs")
def ingest_runs(request: Request, limit: int = Query(20, ge=1, le=500, description="1–500"),
                _: Principal = Depends(require_admin)) -> dict:
    return {"runs": request.app.state.runtime.registry.runs(limit)}


@router.get("/v1/ingest/runs/{run_id}")
def ingest_run(run_id: int, request: Request, _: Principal = Depends(require_admin)) -> dict:
    """One run with each file's outcome: new document, new version (units added, changed, removed),
    unchanged, skipped (why), error, removed from the index."""
    run = request.app.state.runtime.registry.run(run_id)
    if run is None:
        raise HTTPException(404, f"색인 실행 기록 #{run_id}이(가) 없습니다.")
    return run


@router.post("/v1/remove")
async def remove(body: RemoveIn, request: Request, principal: Principal = Depends(require_admin)) -> dict:
    """Retire a document (every version) or what a source file or folder indexed: gone from search and
    from 시행예정 notices. Not a repeal (a repealed law stays as history). Audited."""
    from ingest.removal import RemovalNotFound

    rt = request.app.state.runtime
    try:
        out = await run_in_threadpool(run_removal, rt, body.target)
    except RemovalNotFound as e:
        raise HTTPException(404, str(e))
    except IngestBusy as e:
        raise HTTPException(409, str(e))
    await run_in_threadpool(rt.retriever.refresh_titles)
    await run_in_threadpool(record_admin, rt.registry, principal, "remove", body.target, out.changes)
    return out.to_dict()
