"""GET /v1/status: what the web page says about the index — when it was last updated and whether it
holds the fictional sample corpus (``dasan sample``). Dates and a flag only: no paths, counts of
errors or other internals, so it is safe for every caller the page serves."""
from __future__ import annotations

from datetime import datetime, timezone

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import func, select

from api.auth import Principal, require_user
from ingest.registry import VersionRow

# every document of dasan/sample.py has a 법령ID starting with this (tests/api/test_web_service_page.py checks)
SAMPLE_LAW_ID_PREFIX = "SAMPLE-"

router = APIRouter()


def _local(value: str | None) -> datetime | None:
    """An ISO time from the registry in the server's time zone (SQLite returns it without one: UTC)."""
    if not value:
        return None
    t = datetime.fromisoformat(value)
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone()


def index_updated(registry) -> datetime | None:
    """When the last ingest run that did not fail ended (None before the first one)."""
    for run in registry.runs(50):
        if run.get("finished_at") and run.get("status") != "failed":
            return _local(run["finished_at"])
    return None


def sample_state(registry) -> str | None:
    """"only" when every indexed version is from the sample corpus, "mixed" when some are, else None."""
    with registry.session() as s:
        total = s.scalar(select(func.count()).select_from(VersionRow)) or 0
        sample = s.scalar(select(func.count()).select_from(VersionRow)
                          .where(VersionRow.law_id.like(SAMPLE_LAW_ID_PREFIX + "%"))) or 0
    if not sample:
        return None
    return "only" if sample == total else "mixed"


def page_status(rt, ingest: dict | None) -> dict:
    updated = index_updated(rt.registry)
    sample = sample_state(rt.registry)
    return {
        "index_updated": updated.date().isoformat() if updated else None,
        "index_updated_at": updated.isoformat(timespec="minutes") if updated else None,
        "ingesting": bool(ingest and ingest.get("status") == "running"),
        "sample": sample,
    }


@router.get("/v1/status")
async def status(request: Request, _: Principal = Depends(require_user)) -> dict:
    """The index's last update and the sample-corpus notice, for the page's header."""
    return await run_in_threadpool(page_status, request.app.state.runtime,
                                   getattr(request.app.state, "ingest", None))
