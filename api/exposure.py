"""What the server shows besides the API itself: /metrics (an allow-list) and /openapi.json (a user).

The Swagger and ReDoc pages are not served: they load scripts from a CDN, which the officials'
network may not reach and a strict page policy should not allow. ``/openapi.json`` (the same
description) is served to any caller the API itself would serve.
"""
from __future__ import annotations

import ipaddress

from fastapi import APIRouter, Depends, HTTPException, Request

from api.auth import BAD_KEY, Principal, auth_config, direct_loopback, require_admin, require_user

METRICS_DENIED = ("/metrics는 이 서버 컴퓨터(127.0.0.1)에서 직접, DASAN_METRICS_ALLOW에 적은 주소(IP/CIDR)에서, "
                  "또는 관리자 API 키로만 볼 수 있습니다.")

router = APIRouter(include_in_schema=False)


def require_metrics_access(request: Request) -> None:
    """Loopback (not proxied), an address in DASAN_METRICS_ALLOW, or an admin; 403 in Korean otherwise."""
    cfg = auth_config(request)
    if direct_loopback(request, cfg):
        return
    try:
        addr = ipaddress.ip_address((request.client.host if request.client else "").strip("[]"))
    except ValueError:
        addr = None
    if addr is not None and any(addr in net for net in cfg.metrics_allow):
        return
    try:
        require_admin(request)
    except HTTPException as e:
        if e.detail == BAD_KEY:
            raise
        raise HTTPException(403, METRICS_DENIED) from e


@router.get("/openapi.json")
def openapi(request: Request, _: Principal = Depends(require_user)) -> dict:
    return request.app.openapi()
