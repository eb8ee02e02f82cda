"""One error layer for the API: every error is Korean JSON carrying the request id; details go to the log.

- invalid requests (RequestValidationError): 422 naming the field and what is expected, never the value;
- HTTP errors raised by routes: their (Korean) detail, plus the request id;
- a database or index that cannot be used right now (connection refused, locked, corrupt, disk):
  503 "잠시 후 다시 시도하세요" with ``Retry-After``; the runtime re-opens backends lazily, so service
  resumes by itself once the dependency is back;
- anything else: 500, traceback only in the log (``dasan.errors``).

In no-retention mode (``DASAN_NO_RETENTION=1``) logged exceptions keep their type and frames but not
their messages, which may quote what the user typed.
"""
from __future__ import annotations

import logging
import traceback
import typing
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.observability import configure_json_logging, no_retention

log = logging.getLogger("dasan.errors")
RETRY_AFTER_S = 10
UNAVAILABLE = "데이터베이스나 색인을 지금 쓸 수 없습니다. 잠시 후 다시 시도하세요."
INTERNAL = "서버 내부 오류가 발생했습니다. 문제가 계속되면 요청 ID를 관리자에게 알려 주세요."
_DEFAULT_DETAILS = {  # Starlette/FastAPI's own English details
    "There was an error parsing the body": "요청 본문을 읽을 수 없습니다. UTF-8로 인코딩한 JSON을 보내세요.",
    "Not Found": "요청한 주소를 찾을 수 없습니다.",
    "Method Not Allowed": "이 주소에서 허용되지 않는 HTTP 메서드입니다.",
}


def request_id(scope_or_request) -> str | None:
    scope = getattr(scope_or_request, "scope", scope_or_request)
    return (scope.get("state") or {}).get("request_id")


def error_body(detail: str, rid: str | None, **extra) -> dict:
    return {"detail": detail, "request_id": rid, **extra}


# ---- classification -------------------------------------------------------------------------------

def _chain(exc: BaseException):
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        yield exc
        exc = exc.__cause__ or exc.__context__


def _unavailable_types() -> tuple[type, ...]:
    import httpx
    from sqlalchemy import exc as sa

    from rag.index.base import IndexUnavailable

    return (sa.OperationalError, sa.InterfaceError, sa.DisconnectionError, sa.TimeoutError, httpx.TransportError,
            IndexUnavailable, OSError)


def dependency_down(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) says a database, index or disk cannot be used right now."""
    from sqlalchemy import exc as sa

    down = _unavailable_types()
    for e in _chain(exc):
        if isinstance(e, down) or type(e) is sa.DatabaseError:  # "file is not a database": corrupt
            return True
        if "Service runtime error" in str(e) and type(e) is Exception:  # qdrant-edge's untyped errors
            return True
    return False


def classify(exc: BaseException) -> tuple[int, str, dict]:
    """(status, Korean message, headers) for an unhandled exception."""
    if dependency_down(exc):
        return 503, UNAVAILABLE, {"Retry-After": str(RETRY_AFTER_S)}
    return 500, INTERNAL, {}


# ---- logging --------------------------------------------------------------------------------------

def describe(exc: BaseException) -> dict:
    """Log fields for an exception; messages are withheld in no-retention mode (they may quote input)."""
    keep = not no_retention()
    chain = list(_chain(exc))
    parts = []
    for e in reversed(chain):  # root cause first, like Python's own traceback
        name = f"{type(e).__module__}.{type(e).__qualname__}"
        frames = "".join(traceback.format_list(traceback.extract_tb(e.__traceback__)))
        text = str(e) if keep else "(무보관 모드: 메시지 생략)"
        parts.append(f"Traceback (most recent call last):\n{frames}{name}: {text}")
    fields = {"exc_type": f"{type(exc).__module__}.{type(exc).__qualname__}", "traceback": "\n\n".join(parts)}
    if keep:
        fields["exc_message"] = str(exc)
    return fields


def log_exception(exc: BaseException, event: str, level: int = logging.ERROR, **fields) -> None:
    """One JSON log line for ``exc`` on ``dasan.errors`` (request id added by the formatter)."""
    log.log(level, event, extra={"fields": {"event": event, **fields, **describe(exc)}})


# ---- validation messages --------------------------------------------------------------------------

_MESSAGES = {
    "missing": "필수 항목입니다",
    "int_parsing": "정수여야 합니다", "int_type": "정수여야 합니다", "int_from_float": "정수여야 합니다",
    "finite_number": "유한한 숫자여야 합니다(NaN·무한대 불가)",
    "float_parsing": "숫자여야 합니다", "float_type": "숫자여야 합니다",
    "string_type": "문자열이어야 합니다", "bool_type": "true 또는 false여야 합니다",
    "bool_parsing": "true 또는 false여야 합니다",
    "list_type": "목록(JSON 배열)이어야 합니다", "dict_type": "객체(JSON 객체)여야 합니다",
    "model_type": "객체(JSON 객체)여야 합니다", "model_attributes_type": "객체(JSON 객체)여야 합니다",
    "string_pattern_mismatch": "허용되지 않는 값입니다",
    "json_invalid": "요청 본문이 올바른 JSON이 아닙니다", "json_type": "JSON이어야 합니다",
    "extra_forbidden": "알 수 없는 항목입니다",
}


def _message(err: dict) -> str:
    kind, ctx = err.get("type", ""), err.get("ctx") or {}
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "이상", "greater_than": "초과", "less_than_equal": "이하",
                 "less_than": "미만"}[kind]
        key = {"greater_than_equal": "ge", "greater_than": "gt", "less_than_equal": "le", "less_than": "lt"}[kind]
        return f"{ctx.get(key)} {bound}이어야 합니다"
    if kind == "string_too_long":
        return f"너무 깁니다(최대 {ctx.get('max_length')}자)"
    if kind == "string_too_short":
        return f"너무 짧습니다(최소 {ctx.get('min_length')}자)"
    if kind == "too_short":
        return f"항목이 {ctx.get('min_length')}개 이상이어야 합니다"
    if kind == "too_long":
        return f"항목이 {ctx.get('max_length')}개 이하여야 합니다"
    if kind == "value_error" and isinstance(ctx.get("error"), KoreanValueError):
        return str(ctx["error"])
    return _MESSAGES.get(kind, "값이 올바르지 않습니다")


class KoreanValueError(ValueError):
    """A validator's own Korean message, shown as is (it must not quote the value)."""


def _names(tp, seen: set) -> set[str]:
    out: set[str] = set()
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        if tp in seen:
            return out
        seen.add(tp)
        for name, f in tp.model_fields.items():
            out |= {name, f.alias} - {None}
            out |= _names(f.annotation, seen)
        return out
    for arg in typing.get_args(tp):
        out |= _names(arg, seen)
    return out


def known_fields(request: Request) -> set[str]:
    """Names a location may show: the route's parameters and body model fields (never a user's dict key)."""
    dependant = getattr(request.scope.get("route"), "dependant", None)
    names: set[str] = set()
    if dependant is None:
        return names
    for group in ("path_params", "query_params", "header_params", "cookie_params", "body_params"):
        for p in getattr(dependant, group, []) or []:
            names.add(p.name)
            names |= _names(getattr(p, "type_", None) or getattr(p.field_info, "annotation", None), set())
    return names


def field_label(loc, known: set[str]) -> str:
    parts = []
    for x in loc:
        if x in ("body", "query", "path", "header", "cookie") and not parts:
            continue
        parts.append(f"[{x}]" if isinstance(x, int) else (x if x in known else "?"))
    return "".join(p if p.startswith("[") else f".{p}" for p in parts).lstrip(".") or "본문"


def validation_errors(errors: list[dict], known: set[str]) -> list[dict]:
    """Field, Korean message and error type of each problem; the input value is never included."""
    out = []
    for e in errors:
        field = "본문" if e.get("type") == "json_invalid" else field_label(e.get("loc", ()), known)
        out.append({"field": field, "message": _message(e), "type": e.get("type")})
    return out


def validation_detail(items: list[dict]) -> str:
    shown = "; ".join(f"{i['field']}: {i['message']}" for i in items[:3])
    more = f" 외 {len(items) - 3}건" if len(items) > 3 else ""
    return f"요청 형식이 잘못되었습니다({shown}{more}). 해당 항목을 고쳐 다시 보내세요."


# ---- handlers -------------------------------------------------------------------------------------

async def on_validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    items = validation_errors(list(exc.errors()), known_fields(request))
    return JSONResponse(error_body(validation_detail(items), request_id(request), errors=items), status_code=422)


async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    detail = exc.detail
    if isinstance(detail, str):
        default = HTTPStatus(exc.status_code).phrase if exc.status_code in HTTPStatus._value2member_map_ else ""
        detail = _DEFAULT_DETAILS.get(detail) or (f"요청을 처리할 수 없습니다(HTTP {exc.status_code})."
                                                  if detail == default else detail)
    return JSONResponse(error_body(detail, request_id(request)), status_code=exc.status_code, headers=exc.headers)


class CatchAll:
    """ASGI middleware (inside the access-log middleware): unhandled exceptions become Korean JSON 500/503.

    Nothing is re-raised, so the server's own error log (which would print the exception message)
    never sees it; the traceback goes to ``dasan.errors`` instead."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = False

        async def watch(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:  # noqa: BLE001 - this is the last line of defence
            status, message, headers = classify(exc)
            log_exception(exc, "unhandled" if status == 500 else "dependency_unavailable",
                          level=logging.ERROR if status == 500 else logging.WARNING, status=status,
                          route=getattr(scope.get("route"), "path", None))
            if started:
                return  # a body is already on its way; the connection is closed short instead
            await JSONResponse(error_body(message, request_id(scope)), status_code=status,
                               headers=headers)(scope, receive, send)


def install_errors(app: FastAPI) -> None:
    """Register the handlers and the catch-all middleware (call before install_observability)."""
    configure_json_logging("dasan.errors")
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_middleware(CatchAll)


def llm_message(exc: BaseException) -> str:
    """A language-model error as shown to users: our Korean summary, never the server's reply text."""
    return getattr(exc, "summary", None) or "언어모델 호출 중 오류가 발생했습니다."


STREAM_FAILED = "답변을 만드는 중 서버 오류가 발생했습니다. 잠시 후 다시 시도하세요."


def stream_error(exc: BaseException, rid: str | None) -> dict:
    """The ``error`` event of an answer stream: a Korean message and the request id; the exception is logged."""
    from rag.llm import LLMError

    if isinstance(exc, LLMError):
        log_exception(exc, "stream_llm_failed", level=logging.WARNING)
        return {"message": llm_message(exc), "partial": getattr(exc, "partial", ""), "request_id": rid}
    status, message, _ = classify(exc)
    log_exception(exc, "stream_failed", status=status)
    return {"message": message if status == 503 else STREAM_FAILED, "request_id": rid}
