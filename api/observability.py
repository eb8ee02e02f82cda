"""Structured JSON access logs, X-Request-ID, and Prometheus metrics at ``GET /metrics``.

``install_observability(app)`` adds a pure-ASGI middleware (streaming responses are timed to their
last byte) and the /metrics route. Metrics live in a module-level registry, so any number of apps
(tests) can be created in one process. Answer timings are recorded with ``observe_answer(out)``
(reads the ``timing`` dict an answer carries) or directly with ``observe_retrieval`` / ``observe_llm``.

Logs: one JSON line per request on the ``dasan.access`` logger (stdout). The request body is never
logged; a route may set ``request.state.log_question`` and it is logged (cut to 200 characters) only
when ``DASAN_NO_RETENTION`` is not ``1`` — the raw path and query string follow the same rule (the
route template is always logged).
"""
from __future__ import annotations

import contextvars
import json
import logging
import os
import re
import sys
import time
import uuid
from datetime import datetime, timezone

from prometheus_client import (CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram,
                               generate_latest)
from prometheus_client import gc_collector, platform_collector, process_collector
from starlette.requests import Request
from starlette.responses import Response

REGISTRY = CollectorRegistry(auto_describe=True)
process_collector.ProcessCollector(registry=REGISTRY)
platform_collector.PlatformCollector(registry=REGISTRY)
gc_collector.GCCollector(registry=REGISTRY)

HTTP_LATENCY = Histogram("dasan_http_request_duration_seconds", "HTTP request latency (to the last byte sent)",
                         ["method", "route", "status"], registry=REGISTRY,
                         buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120))
HTTP_ERRORS = Counter("dasan_http_errors_total", "HTTP responses with status >= 400, and unhandled exceptions",
                      ["route", "status", "kind"], registry=REGISTRY)
IN_FLIGHT = Gauge("dasan_http_requests_in_flight", "Requests being served", registry=REGISTRY)
RETRIEVAL = Histogram("dasan_retrieval_seconds", "Retrieval time per answer (search + relevance check)",
                      registry=REGISTRY, buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
LLM = Histogram("dasan_llm_seconds", "Language-model generation time per answer", ["model"], registry=REGISTRY,
                buckets=(0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300))

access_log = logging.getLogger("dasan.access")
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("dasan_request_id", default=None)
REQUEST_ID_HEADER = "X-Request-ID"
_SANE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:\-]{0,127}$")
_QUIET_PATHS = ("/healthz", "/readyz", "/metrics")  # logged only when they fail (probes, scrapes)
_QUESTION_CHARS = 200
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def no_retention() -> bool:
    """True when ``DASAN_NO_RETENTION=1``: no question text (or query string) may be logged."""
    return os.environ.get("DASAN_NO_RETENTION", "").strip().lower() in ("1", "true", "yes", "on")


def observe_retrieval(seconds: float) -> None:
    """Record the retrieval time of one answer."""
    RETRIEVAL.observe(max(0.0, seconds))


def observe_llm(seconds: float, model: str | None) -> None:
    """Record the generation time of one answer by configured model name."""
    LLM.labels(model=model or "unknown").observe(max(0.0, seconds))


def observe_answer(out: dict) -> None:
    """Record retrieval and LLM times from an answer's ``timing`` dict (``search_ms``, ``llm_ms`` …)."""
    timing = out.get("timing") or {}
    if "search_ms" in timing:
        observe_retrieval((timing.get("search_ms", 0) + timing.get("relevance_ms", 0)) / 1000)
    if "llm_ms" in timing:
        observe_llm(timing["llm_ms"] / 1000, out.get("model"))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: ts, level, logger, msg, request_id, plus ``extra={"fields": {...}}``."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
                "level": record.levelname.lower(), "logger": record.name, "msg": record.getMessage()}
        rid = request_id_var.get()
        if rid:
            line["request_id"] = rid
        line.update(getattr(record, "fields", None) or {})
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        # a lone surrogate (from a JSON "\ud800" escape) cannot be written as UTF-8: keep it escaped
        return json.dumps(line, ensure_ascii=False, default=str).encode("utf-8", "backslashreplace").decode()


def configure_json_logging(*names: str, stream=None) -> None:
    """Give the named loggers a JSON handler on stdout (once; left alone if they already have one)."""
    for name in names or ("dasan.access", "dasan.auth"):
        logger = logging.getLogger(name)
        if not logger.handlers:
            handler = logging.StreamHandler(stream or sys.stdout)
            handler.setFormatter(JsonFormatter())
            logger.addHandler(handler)
            logger.propagate = False
        if logger.level == logging.NOTSET:
            logger.setLevel(logging.INFO)


def _route_template(scope: dict) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if path else "<unmatched>"  # never the raw path: scanners would explode the label set


class ObservabilityMiddleware:
    """ASGI middleware: request id, access log line, latency/error metrics."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        incoming = headers.get(b"x-request-id", b"").decode("latin-1").strip()
        rid = incoming if _SANE_ID.match(incoming) else uuid.uuid4().hex
        state = scope.setdefault("state", {})
        state["request_id"] = rid
        token = request_id_var.set(rid)
        status, started = None, time.perf_counter()

        async def send_wrapper(message):
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", rid.encode("latin-1"))]
            await send(message)

        IN_FLIGHT.inc()
        failed = False
        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            failed, status = True, 500
            raise
        except BaseException:  # cancelled (client gone, shutdown): logged like nginx's 499, not an error
            status = status or 499
            raise
        finally:
            IN_FLIGHT.dec()
            self._record(scope, state, rid, status or 500, time.perf_counter() - started, failed)
            request_id_var.reset(token)

    def _record(self, scope, state, rid, status, seconds, failed) -> None:
        route = _route_template(scope)
        method = scope.get("method", "") if scope.get("method") in _METHODS else "OTHER"  # labels stay bounded
        HTTP_LATENCY.labels(method=method, route=route, status=str(status)).observe(seconds)
        if status >= 400 or failed:
            kind = "exception" if failed else ("server" if status >= 500 else "client")
            HTTP_ERRORS.labels(route=route, status=str(status), kind=kind).inc()
        path = scope.get("path", "")
        if path in _QUIET_PATHS and status < 400:
            return
        principal = state.get("principal")
        user = state.get("user")
        fields = {"request_id": rid, "method": method, "route": route,
                  "status": status, "duration_ms": round(seconds * 1000, 2),
                  "client": (scope.get("client") or (None,))[0]}
        if user:
            fields["user"] = user
        if getattr(principal, "via", None):
            fields["auth"] = principal.via
        if not no_retention():  # the raw path may carry user text (path parameters), like the query string
            fields["path"] = path
            if scope.get("query_string"):
                fields["query"] = scope["query_string"].decode("latin-1")[:500]
            if state.get("log_question"):
                fields["question"] = str(state["log_question"])[:_QUESTION_CHARS]
        level = logging.ERROR if status >= 500 else logging.INFO
        access_log.log(level, "request", extra={"fields": fields})


async def metrics(request: Request) -> Response:
    """Prometheus text exposition of Dasan's registry, for loopback, DASAN_METRICS_ALLOW or an admin."""
    from api.exposure import require_metrics_access

    require_metrics_access(request)
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)


def install_observability(app, log_stream=None) -> None:
    """Add the middleware (call after other ``add_middleware`` calls so it is outermost) and /metrics.

    Idempotent: a second call on the same app does nothing."""
    if getattr(app.state, "observability", False):
        return
    app.state.observability = True
    configure_json_logging("dasan.access", "dasan.auth", "dasan.ingest", stream=log_stream)
    app.add_route("/metrics", metrics, methods=["GET"], include_in_schema=False)
    app.add_middleware(ObservabilityMiddleware)
