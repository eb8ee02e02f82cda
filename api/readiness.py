"""``GET /readyz``: whether the index and the database can be used, without saying why to anonymous callers."""
from __future__ import annotations

import logging

from api.errors import UNAVAILABLE, log_exception

_INGEST_PUBLIC = ("status", "run_id", "units", "errors", "skipped")


def readiness(rt, ingest: dict | None) -> dict:
    """``/readyz`` body: ok/fail per dependency and counts only (it is served without authentication);
    why a dependency failed goes to the log."""
    checks, points = {}, None
    try:
        points = rt.index.count()
        checks["index"] = "ok"
    except Exception as e:  # noqa: BLE001 - a probe reports, it does not crash
        checks["index"] = "fail"
        log_exception(e, "readiness_index_failed", level=logging.WARNING)
    try:
        rt.registry.runs(1)
        checks["database"] = "ok"
    except Exception as e:  # noqa: BLE001
        checks["database"] = "fail"
        log_exception(e, "readiness_database_failed", level=logging.WARNING)
    ready = all(v == "ok" for v in checks.values())
    body = {"status": "ready" if ready else "unavailable", "checks": checks, "points": points,
            "ingest": {k: v for k, v in ingest.items() if k in _INGEST_PUBLIC} if ingest else None}
    if not ready:
        body["detail"] = UNAVAILABLE
    return body
