"""Authentication and authorisation as FastAPI dependencies.

Credentials, checked in this order:

* **API keys** for services: ``Authorization: Bearer <key>`` or ``X-API-Key: <key>``; keys come from
  ``DASAN_API_KEYS`` (comma-separated ``key:role`` or ``key:role:name``) and/or ``DASAN_API_KEYS_FILE``
  (one pair a line, ``#`` comments). A wrong key is a 401, never a silent fall-back to anonymous.
* **Reverse-proxy headers** (SSO in front of Dasan): ``X-Dasan-User``, ``X-Dasan-Department``,
  ``X-Dasan-Roles`` (names configurable with ``DASAN_USER_HEADER``, ``DASAN_DEPARTMENT_HEADER``,
  ``DASAN_ROLES_HEADER``), trusted ONLY when the direct peer is in ``DASAN_TRUSTED_PROXIES``
  (comma-separated IPs/CIDRs). The same headers from any other address are ignored and logged.

``DASAN_AUTH=off`` (the default, for local runs) makes everybody an anonymous public user. Admin
routes then need an admin API key, or ``DASAN_LOCAL_ADMIN=1`` (``make run`` sets it) and a loopback
client that did not come through a proxy: loopback alone is not enough, as every local account on
the machine is loopback.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from fastapi import HTTPException, Request

log = logging.getLogger("dasan.auth")

UNAUTHENTICATED = ("인증이 필요합니다. API 키(Authorization: Bearer …) 또는 기관 통합로그인(SSO)을 거쳐 "
                   "접속하세요.")
BAD_KEY = "API 키가 올바르지 않습니다. 발급받은 키를 확인하세요."
NOT_ADMIN = "관리자 권한이 필요합니다."
LOCAL_ONLY = ("인증이 꺼져 있을 때(DASAN_AUTH=off) 관리자 기능은 이 서버 컴퓨터(127.0.0.1)에서 "
              "직접 접속할 때만 쓸 수 있습니다.")
LOCAL_ADMIN_OFF = ("인증이 꺼져 있을 때(DASAN_AUTH=off) 관리자 기능은 기본으로 닫혀 있습니다. 이 서버 컴퓨터에서 쓰려면 "
                   "DASAN_LOCAL_ADMIN=1 로 서버를 시작하거나(make run은 켜 둡니다), DASAN_API_KEYS에 관리자 키"
                   "('키:admin')를 두고 그 키로 요청하세요.")
MIN_KEY_CHARS = 16
_USER_RE = re.compile(r"^[\w.@+\-]{1,128}$")
_DEPT_RE = re.compile(r"^[\w.\-]{1,64}$")
_ROLE_RE = re.compile(r"^[\w.\-]{1,32}$")
_FORWARDING = (b"x-forwarded-for", b"forwarded", b"x-real-ip")
_LOOPBACK_NAMES = {"localhost"}


@dataclass(frozen=True)
class Principal:
    """Who is asking: ``via`` is "anonymous", "api_key", "proxy" or "local" (loopback admin, auth off)."""

    user: str
    department: str | None = None
    roles: tuple[str, ...] = ()
    via: str = "anonymous"

    @property
    def anonymous(self) -> bool:
        return self.via == "anonymous"

    @property
    def is_admin(self) -> bool:
        return "admin" in self.roles


ANONYMOUS = Principal(user="anonymous")


@dataclass(frozen=True)
class ApiKey:
    digest: bytes  # sha256 of the key: keys are compared in constant time and never kept in clear
    role: str
    name: str


@dataclass
class AuthConfig:
    """Authentication settings; build with ``AuthConfig.from_env()`` (fails fast on bad values)."""

    enabled: bool = False
    api_keys: list[ApiKey] = field(default_factory=list)
    trusted_proxies: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = field(default_factory=list)
    user_header: str = "X-Dasan-User"
    department_header: str = "X-Dasan-Department"
    roles_header: str = "X-Dasan-Roles"
    local_admin: bool = False  # auth off: a direct loopback client is admin (DASAN_LOCAL_ADMIN=1)
    metrics_allow: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = field(default_factory=list)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> AuthConfig:
        mode = env.get("DASAN_AUTH", "off").strip().lower()
        if mode not in ("on", "off", "true", "false", "1", "0"):
            raise ValueError(f"DASAN_AUTH 값 '{mode}'을(를) 알 수 없습니다 (on 또는 off)")
        pairs = [p for p in env.get("DASAN_API_KEYS", "").split(",") if p.strip()]
        key_file = env.get("DASAN_API_KEYS_FILE", "").strip()
        if key_file:
            try:
                lines = Path(key_file).read_text(encoding="utf-8").splitlines()
            except OSError as e:
                raise ValueError(f"API 키 파일({key_file})을 읽을 수 없습니다: {e}") from e
            pairs += [ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
        local = env.get("DASAN_LOCAL_ADMIN", "").strip().lower()
        if local not in ("", "on", "off", "true", "false", "1", "0", "yes", "no"):
            raise ValueError(f"DASAN_LOCAL_ADMIN 값 '{local}'을(를) 알 수 없습니다 (1 또는 0)")
        cfg = cls(enabled=mode in ("on", "true", "1"), api_keys=[parse_key(p) for p in pairs],
                  trusted_proxies=parse_networks(env.get("DASAN_TRUSTED_PROXIES", "")),
                  local_admin=local in ("on", "true", "1", "yes"),
                  metrics_allow=parse_networks(env.get("DASAN_METRICS_ALLOW", ""), "DASAN_METRICS_ALLOW"),
                  user_header=env.get("DASAN_USER_HEADER", "").strip() or "X-Dasan-User",
                  department_header=env.get("DASAN_DEPARTMENT_HEADER", "").strip() or "X-Dasan-Department",
                  roles_header=env.get("DASAN_ROLES_HEADER", "").strip() or "X-Dasan-Roles")
        if cfg.enabled and not cfg.api_keys and not cfg.trusted_proxies:
            log.warning("DASAN_AUTH=on but neither DASAN_API_KEYS nor DASAN_TRUSTED_PROXIES is set: "
                        "every request will be refused")
        return cfg

    def key_for(self, presented: str) -> ApiKey | None:
        digest = hashlib.sha256(presented.encode("utf-8")).digest()
        found = None
        for k in self.api_keys:  # no early exit: the time taken does not depend on which key matched
            if hmac.compare_digest(k.digest, digest):
                found = k
        return found

    def is_trusted_proxy(self, host: str | None) -> bool:
        addr = _ip(host)
        return addr is not None and any(addr in net for net in self.trusted_proxies)


def parse_key(pair: str) -> ApiKey:
    """``key:role`` or ``key:role:name`` → ApiKey (ValueError with a Korean message when malformed)."""
    parts = [p.strip() for p in pair.strip().split(":")]
    if len(parts) not in (2, 3) or not all(parts):
        raise ValueError("API 키 설정은 '키:역할' 또는 '키:역할:이름' 형식이어야 합니다")
    key, role = parts[0], parts[1]
    if len(key) < MIN_KEY_CHARS:
        raise ValueError(f"API 키는 {MIN_KEY_CHARS}자 이상이어야 합니다 (역할 '{role}'의 키가 너무 짧습니다)")
    if not _ROLE_RE.match(role):
        raise ValueError(f"API 키 역할 '{role}'에 쓸 수 없는 문자가 있습니다")
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    name = parts[2] if len(parts) == 3 else f"key-{digest.hex()[:8]}"
    return ApiKey(digest=digest, role=role, name=name)


def parse_networks(value: str, setting: str = "DASAN_TRUSTED_PROXIES") -> list:
    """Comma-separated IPs/CIDRs → networks (ValueError with a Korean message for a bad entry)."""
    nets = []
    for item in (v.strip() for v in value.split(",")):
        if not item:
            continue
        try:
            nets.append(ipaddress.ip_network(item, strict=False))
        except ValueError as e:
            raise ValueError(f"{setting}의 '{item}'은(는) IP 주소나 CIDR가 아닙니다") from e
    return nets


def _ip(host: str | None):
    try:
        return ipaddress.ip_address((host or "").strip("[]"))
    except ValueError:
        return None


def is_loopback(host: str | None) -> bool:
    addr = _ip(host)
    return (addr is not None and addr.is_loopback) or host in _LOOPBACK_NAMES


def _header(request: Request, name: str) -> str | None:
    """A header value; UTF-8 sent as raw bytes (decoded as latin-1) and %-encoding are both undone."""
    raw = request.headers.get(name)
    if raw is None:
        return None
    try:
        raw = raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return unquote(raw).strip() if "%" in raw else raw.strip()


def auth_config(request: Request) -> AuthConfig:
    """The app's AuthConfig (``app.state.auth``), loaded from the environment on first use."""
    cfg = getattr(request.app.state, "auth", None)
    if cfg is None:
        cfg = request.app.state.auth = AuthConfig.from_env()
    return cfg


def _presented_key(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return (request.headers.get("x-api-key") or "").strip() or None


def _from_proxy(request: Request, cfg: AuthConfig) -> Principal | None:
    names = (cfg.user_header, cfg.department_header, cfg.roles_header)
    sent = [n for n in names if n in request.headers]
    if not sent:
        return None
    host = request.client.host if request.client else None
    if not cfg.is_trusted_proxy(host):
        log.warning("ignored identity headers %s from untrusted address %s (not in DASAN_TRUSTED_PROXIES)",
                    sent, host, extra={"fields": {"event": "forged_proxy_headers", "client": host,
                                                  "headers": sent}})
        return None
    user, dept = _header(request, cfg.user_header), _header(request, cfg.department_header)
    if not user or not _USER_RE.match(user):
        log.warning("trusted proxy %s sent no valid user header", host)
        return None
    if dept is not None and not _DEPT_RE.match(dept):
        log.warning("trusted proxy %s sent an invalid department for %s; department ignored", host, user)
        dept = None
    roles = tuple(r for r in (x.strip() for x in (_header(request, cfg.roles_header) or "").split(","))
                  if r and _ROLE_RE.match(r))
    return Principal(user=user, department=dept or None, roles=roles, via="proxy")


def _key_principal(request: Request, cfg: AuthConfig, key: str) -> Principal:
    found = cfg.key_for(key)
    if found is None:
        host = request.client.host if request.client else None
        log.warning("invalid API key from %s", host, extra={"fields": {"event": "invalid_api_key",
                                                                      "client": host}})
        raise HTTPException(401, BAD_KEY, headers={"WWW-Authenticate": "Bearer"})
    return Principal(user=found.name, roles=(found.role,), via="api_key")


def resolve_principal(request: Request, cfg: AuthConfig) -> Principal:
    """The caller's Principal (ANONYMOUS when auth is off or no credentials were sent); 401 on a bad key."""
    if not cfg.enabled:
        return ANONYMOUS
    key = _presented_key(request)
    if key is not None:
        return _key_principal(request, cfg, key)
    return _from_proxy(request, cfg) or ANONYMOUS


def direct_loopback(request: Request, cfg: AuthConfig) -> bool:
    """A loopback peer that is not a proxy and forwarded nothing: someone on this very machine."""
    host = request.client.host if request.client else None
    proxied = any(k in _FORWARDING for k, _ in request.scope.get("headers") or [])
    return is_loopback(host) and not proxied and not cfg.is_trusted_proxy(host)


def current_principal(request: Request) -> Principal:
    """Dependency: the caller (possibly anonymous), also put on ``request.state.principal``/``.user``."""
    principal = getattr(request.state, "principal", None)
    if principal is None:
        principal = resolve_principal(request, auth_config(request))
        request.state.principal = principal
        if not principal.anonymous:
            request.state.user = principal.user
    return principal


def require_user(request: Request) -> Principal:
    """Dependency: an authenticated caller when auth is on (401 otherwise); anonymous when it is off."""
    principal = current_principal(request)
    if auth_config(request).enabled and principal.anonymous:
        raise HTTPException(401, UNAUTHENTICATED, headers={"WWW-Authenticate": "Bearer"})
    return principal


def require_admin(request: Request) -> Principal:
    """Dependency: an admin (403 otherwise). With auth off: an admin API key when keys are configured,
    else, with DASAN_LOCAL_ADMIN=1, a direct loopback client (never one that came through a proxy)."""
    cfg = auth_config(request)
    if not cfg.enabled:
        key = _presented_key(request)
        if key is not None and cfg.api_keys:
            principal = _key_principal(request, cfg, key)
            if not principal.is_admin:
                raise HTTPException(403, NOT_ADMIN)
        elif not cfg.local_admin:
            raise HTTPException(403, LOCAL_ADMIN_OFF)
        elif not direct_loopback(request, cfg):
            raise HTTPException(403, LOCAL_ONLY)
        else:
            principal = Principal(user="local-admin", roles=("admin",), via="local")
        request.state.principal, request.state.user = principal, principal.user
        return principal
    principal = require_user(request)
    if not principal.is_admin:
        raise HTTPException(403, NOT_ADMIN)
    return principal


_ANONYMOUS_SEEN: dict[str, tuple[str, ...]] = {}


def anonymous_visibility(setting: str) -> tuple[str, ...]:
    """``DASAN_ANONYMOUS_VISIBILITY`` ("public", or e.g. "public,org" for a loopback-only ``make run``);
    public is always included, and an invalid value is logged once and falls back to public only."""
    from ingest.visibility import VisibilityError, check

    if setting not in _ANONYMOUS_SEEN:
        out = ["public"]
        try:
            out += [check(x, "DASAN_ANONYMOUS_VISIBILITY") for x in setting.split(",") if x.strip()]
        except VisibilityError as e:
            log.error("%s — anonymous callers see public documents only", e)
            out = ["public"]
        _ANONYMOUS_SEEN[setting] = tuple(dict.fromkeys(out))
    return _ANONYMOUS_SEEN[setting]


def visibility_for(principal: Principal | None) -> list[str]:
    """Visibility values a principal may read: public (plus DASAN_ANONYMOUS_VISIBILITY when anonymous);
    public, org and its own department when signed in."""
    if principal is None or principal.anonymous:
        return list(anonymous_visibility(os.environ.get("DASAN_ANONYMOUS_VISIBILITY", "public")))
    out = ["public", "org"]
    if principal.department:
        out.append(f"dept:{principal.department}")
    return out
