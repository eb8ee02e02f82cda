"""The FastAPI application: search now; ask, web page and admin routes build on it."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from api.routes import ask, search

MAX_BODY_BYTES = 1 * 1024 * 1024


def create_app(runtime=None) -> FastAPI:
    """App bound to a runtime (index, registry, embedder opened once)."""
    if runtime is None:
        from dasan.runtime import Runtime

        runtime = Runtime()
    app = FastAPI(title="다산 Dasan API", version="0.1.0",
                  description="공무원을 위한 법령·규정 검색과 근거 있는 답변")
    app.state.runtime = runtime
    app.include_router(search.router)
    app.include_router(ask.router)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        size = request.headers.get("content-length")
        if size and size.isdigit() and int(size) > MAX_BODY_BYTES:
            return JSONResponse({"detail": "요청 본문이 너무 큽니다(1MB 한도)."}, status_code=413)
        return await call_next(request)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        return JSONResponse({"detail": "요청 형식이 잘못되었습니다.", "errors": jsonable_encoder(exc.errors())},
                            status_code=422)

    @app.get("/healthz")
    def healthz():
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz():
        rt = app.state.runtime
        try:
            n = rt.index.count()
            rt.registry.runs(1)
        except Exception as e:  # report, don't crash
            return JSONResponse({"status": "unavailable", "reason": str(e)}, status_code=503)
        return {"status": "ready", "points": n, "ingest": getattr(app.state, "ingest", None)}

    return app
