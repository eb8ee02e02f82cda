"""The FastAPI application: search now; ask, web page and admin routes build on it."""
from __future__ import annotations

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from api import exposure
from api.auth import AuthConfig
from api.errors import error_body, install_errors, request_id
from api.observability import install_observability
from api.readiness import readiness
from api.routes import admin, ask, complaints, deadline, ingest, search, status, units, web
from api.routes import openai as openai_facade
from rag import glossary

MAX_BODY_BYTES = 1 * 1024 * 1024
TOO_LARGE = "요청 본문이 너무 큽니다(1MB 한도)."


class BodyLimit:
    """ASGI middleware: refuse bodies over the limit, declared (Content-Length) or streamed (chunked).

    The body is read (at most limit + one chunk) before the app runs, then replayed to it, so an
    oversized chunked upload is refused with 413 before any route or parser sees it."""

    def __init__(self, app, limit: int = MAX_BODY_BYTES) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared and declared.isdigit() and int(declared) > self.limit:
            return await JSONResponse(error_body(TOO_LARGE, request_id(scope)), status_code=413)(scope, receive, send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # client went away before sending the body
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.limit:
                too_large = JSONResponse(error_body(TOO_LARGE, request_id(scope)), status_code=413)
                return await too_large(scope, receive, send)
            if not message.get("more_body"):
                break
        body, replayed = b"".join(chunks), False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def create_app(runtime=None) -> FastAPI:
    """App bound to a runtime (index, registry, embedder opened once)."""
    if runtime is None:
        from ingest.runtime import Runtime

        runtime = Runtime()
    # no Swagger/ReDoc pages (CDN scripts) and /openapi.json behind auth (api/exposure.py); no
    # trailing-slash redirects, whose Location would be built from the client's Host header
    app = FastAPI(title="다산 Dasan API", version="0.1.0",
                  description="공무원을 위한 법령·규정 검색과 근거 있는 답변",
                  docs_url=None, redoc_url=None, openapi_url=None, redirect_slashes=False)
    app.state.runtime = runtime
    app.include_router(search.router)
    app.include_router(ask.router)
    app.include_router(deadline.router)
    app.include_router(complaints.router)
    app.include_router(admin.router)
    app.include_router(ingest.router)
    app.include_router(units.router)
    app.include_router(web.router)
    app.include_router(status.router)
    app.include_router(openai_facade.router)
    app.include_router(exposure.router)
    app.state.auth = AuthConfig.from_env()  # bad DASAN_AUTH / keys / CIDRs fail at start-up
    glossary.load(getattr(getattr(runtime, "settings", None), "glossary", ""))  # so does a bad DASAN_GLOSSARY

    install_errors(app)  # Korean JSON errors with the request id; inside the access log
    app.add_middleware(BodyLimit)
    install_observability(app)  # outermost: 413s are logged and counted too

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz():
        body = readiness(app.state.runtime, getattr(app.state, "ingest", None))
        return JSONResponse(body, status_code=200 if body["status"] == "ready" else 503)

    return app
