"""Ingest jobs inside the server process (the embedded index is single-process): started by
POST /v1/ingest and ``dasan serve --ingest``, run by ingest.jobs.run_ingest on a thread; the latest job's
state is ``app.state.ingest`` (GET /v1/ingest, /readyz), one log line per file (``dasan.ingest``)."""
from __future__ import annotations

import itertools
import logging
import threading

from api.audit import record_admin
from ingest.changes import REMOVED, RETIRED, change_counts, describe_counts, describe_file
from ingest.jobs import IngestJob, JobResult, report_summary, run_ingest
from ingest.runs import IngestBusy

log = logging.getLogger("dasan.ingest")
_JOBS = itertools.count(1)
SHOWN_CHANGES = 50


def job_summary(res: JobResult, index_points: int) -> dict:
    """What GET /v1/ingest says about a finished job: counts by outcome and the files that changed."""
    out: dict = {}
    if res.report is not None:
        r = res.report
        files = [vars(f) for f in r.files]
        changed = [f for f in files if f["status"] in ("ok", REMOVED, "error")]
        out |= {"summary": report_summary(r, index_points), "run_id": r.run_id, "units": r.units, "errors": r.count("error"), "skipped": r.count("skipped"),
                "counts": change_counts(files),
                "changed": [{"path": f["path"], "status": f["status"], "reason": f["reason"],
                             "changes": f["changes"], "message": describe_file(f).strip()} for f in changed[:SHOWN_CHANGES]]}
    if res.sync is not None:
        out["sync"] = res.sync.to_dict()
    return out


def _log_file(fr) -> None:
    f = vars(fr)
    log.info(describe_file(f).strip(), extra={"fields": {"event": "ingest_file", "path": fr.path, "status": fr.status,
                                                         "changes": [c["kind"] for c in fr.changes]}})


def run_background_ingest(app, job: IngestJob, job_no: int | None = None, progress=None, refuse=None,
                          principal=None) -> None:
    """Run ``job`` inside the server process (the embedded index is single-process); its state is kept on
    ``app.state.ingest`` for /readyz and GET /v1/ingest, one log line per file. ``refuse`` (ingest/paths.py)
    skips files met in a folder walk."""
    rt = app.state.runtime
    app.state.ingest = {"status": "running", "job": job_no, "paths": [str(p) for p in job.paths],
                        "sync_config": job.sync_config}

    def each(fr):
        _log_file(fr)
        if progress:
            progress(fr)
    try:
        res = run_ingest(rt, job, progress=each, refuse=refuse)
        rt.retriever.refresh_titles()
        retired = [c for f in (res.report.files if res.report else []) if f.status == REMOVED for c in f.changes
                   if c["kind"] == RETIRED]
        if retired:
            record_admin(rt.registry, principal, "prune", ", ".join(str(p) for p in job.paths), retired)
        app.state.ingest = {"status": "done", "job": job_no} | job_summary(res, rt.index.count())
        counts = app.state.ingest.get("counts") or {}
        log.info(f"색인 작업 {job_no} 끝: {describe_counts(counts)}",
                 extra={"fields": {"event": "ingest_done", "job": job_no, "run_id": app.state.ingest.get("run_id"),
                                   "counts": counts}})
    except IngestBusy as e:
        app.state.ingest = {"status": "busy", "job": job_no, "reason": str(e)}
    except Exception as e:  # reported on /readyz and GET /v1/ingest
        log.exception("ingest job failed", extra={"fields": {"event": "ingest_failed"}})
        app.state.ingest = {"status": "failed", "job": job_no, "reason": f"{type(e).__name__}: {e}",
                            "error": type(e).__name__, "message": str(e)}


def start_job(app, job: IngestJob, refuse=None, progress=None, principal=None) -> int:
    """Start ``job`` on a thread; its number (GET /v1/ingest says which job its state is about)."""
    job_no = next(_JOBS)
    app.state.ingest = {"status": "running", "job": job_no}
    threading.Thread(target=run_background_ingest, args=(app, job, job_no),
                     kwargs={"refuse": refuse, "progress": progress, "principal": principal},
                     name="dasan-ingest", daemon=True).start()
    return job_no
