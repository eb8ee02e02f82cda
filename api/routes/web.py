"""The web page for officials: GET / (the page) and GET /static/* (its JS and CSS), all served locally.

No CDN and no build step: plain files under ``api/web``. A strict Content-Security-Policy keeps the
page from loading or sending anything to another origin."""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, Response

from api.favicon import favicon_ico

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY"}

router = APIRouter(include_in_schema=False)


def _file(path: Path) -> FileResponse:
    return FileResponse(path, media_type=CONTENT_TYPES[path.suffix.lower()],
                        headers=SECURITY_HEADERS | {"Cache-Control": "no-cache"})


@router.api_route("/", methods=["GET", "HEAD"])
def page() -> FileResponse:
    """The question page (Korean)."""
    return _file(WEB_DIR / "index.html")


@router.api_route("/static/{name:path}", methods=["GET", "HEAD"])
def static(name: str) -> FileResponse:
    """A file under api/web; nothing outside it, only known types."""
    root = WEB_DIR.resolve()
    try:
        path = (root / name).resolve()
        path.relative_to(root)
    except (ValueError, OSError):
        raise HTTPException(404, "파일을 찾을 수 없습니다.")
    if not path.is_file() or path.suffix.lower() not in CONTENT_TYPES:
        raise HTTPException(404, "파일을 찾을 수 없습니다.")
    return _file(path)


@router.api_route("/favicon.ico", methods=["GET", "HEAD"])
def favicon() -> Response:
    """The site icon (api/favicon.py draws it)."""
    return Response(favicon_ico(), media_type=CONTENT_TYPES[".ico"],
                    headers=SECURITY_HEADERS | {"Cache-Control": "public, max-age=86400"})
