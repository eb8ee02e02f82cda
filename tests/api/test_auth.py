"""Authentication and authorisation rules (api/auth.py), each both ways, on a tiny app.

The client address is set with TestClient(client=(host, port)), as a reverse proxy or a direct caller."""
from __future__ import annotations

import logging
from urllib.parse import quote

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from api.auth import (ANONYMOUS, AuthConfig, Principal, parse_key, parse_networks, require_admin, require_user,
                      visibility_for)

USER_KEY = "user-key-0123456789abcdef"
ADMIN_KEY = "admin-key-0123456789abcdef"
PROXY, OUTSIDER = "10.0.0.5", "192.168.1.9"
SSO = {"X-Dasan-User": "kim.minsu", "X-Dasan-Department": "기획조정실".encode(), "X-Dasan-Roles": "staff"}


def app_with(cfg: AuthConfig) -> FastAPI:
    app = FastAPI()
    app.state.auth = cfg

    @app.get("/me")
    def me(p: Principal = Depends(require_user)):
        return {"user": p.user, "department": p.department, "roles": list(p.roles), "via": p.via,
                "visibility": visibility_for(p)}

    @app.get("/admin")
    def admin(p: Principal = Depends(require_admin)):
        return {"user": p.user, "via": p.via}

    return app


def client(cfg: AuthConfig, host: str = OUTSIDER) -> TestClient:
    return TestClient(app_with(cfg), client=(host, 50000))


def on() -> AuthConfig:
    return AuthConfig(enabled=True, api_keys=[parse_key(f"{USER_KEY}:service:report-bot"),
                                              parse_key(f"{ADMIN_KEY}:admin")],
                      trusted_proxies=parse_networks("10.0.0.0/24, 127.0.0.1"))


def test_auth_off_everybody_is_anonymous_public():
    c = client(AuthConfig(), host=PROXY)
    for headers in ({}, {"Authorization": "Bearer wrong"}, SSO | {"X-Dasan-Department": "x"}):
        r = c.get("/me", headers=headers)
        assert r.status_code == 200 and r.json()["via"] == "anonymous" and r.json()["visibility"] == ["public"]


def test_auth_off_admin_needs_the_local_opt_in():
    """Loopback alone is not admin (any local user would be): DASAN_LOCAL_ADMIN=1 opts in."""
    r = client(AuthConfig(), host="127.0.0.1").get("/admin")
    assert r.status_code == 403 and "DASAN_LOCAL_ADMIN=1" in r.json()["detail"]
    local = AuthConfig.from_env({"DASAN_LOCAL_ADMIN": "1"})
    assert local.local_admin and not local.enabled
    assert client(local, host="127.0.0.1").get("/admin").json() == {"user": "local-admin", "via": "local"}


def test_auth_off_local_admin_only_from_loopback_without_proxy():
    local = AuthConfig(local_admin=True)
    assert client(local, host="::1").get("/admin").status_code == 200
    r = client(local, host=OUTSIDER).get("/admin")
    assert r.status_code == 403 and "127.0.0.1" in r.json()["detail"]
    proxied = client(local, host="127.0.0.1").get("/admin", headers={"X-Forwarded-For": "203.0.113.7"})
    assert proxied.status_code == 403
    local_proxy = AuthConfig(local_admin=True, trusted_proxies=parse_networks("127.0.0.1"))
    assert client(local_proxy, host="127.0.0.1").get("/admin").status_code == 403


def test_auth_off_admin_key_is_accepted_from_anywhere():
    cfg = AuthConfig(api_keys=[parse_key(f"{ADMIN_KEY}:admin:ops"), parse_key(f"{USER_KEY}:service")])
    c = client(cfg, host=OUTSIDER)
    assert c.get("/admin", headers={"Authorization": f"Bearer {ADMIN_KEY}"}).json() == {"user": "ops",
                                                                                         "via": "api_key"}
    assert c.get("/admin", headers={"X-API-Key": USER_KEY}).status_code == 403
    assert c.get("/admin", headers={"X-API-Key": USER_KEY + "x"}).status_code == 401
    assert c.get("/admin").status_code == 403
    assert c.get("/me", headers={"X-API-Key": ADMIN_KEY}).json()["via"] == "anonymous"  # auth off elsewhere


def test_api_key_valid_via_bearer_or_header():
    c = client(on())
    r = c.get("/me", headers={"Authorization": f"Bearer {USER_KEY}"})
    assert r.status_code == 200
    assert r.json() == {"user": "report-bot", "department": None, "roles": ["service"], "via": "api_key",
                        "visibility": ["public", "org"]}
    assert c.get("/me", headers={"X-API-Key": USER_KEY}).json()["user"] == "report-bot"


def test_api_key_invalid_or_missing_is_401_in_korean(caplog):
    c = client(on())
    with caplog.at_level(logging.WARNING, logger="dasan.auth"):
        bad = c.get("/me", headers={"Authorization": f"Bearer {USER_KEY}x"})
    assert bad.status_code == 401 and "API 키" in bad.json()["detail"]
    assert bad.headers["www-authenticate"] == "Bearer"
    assert USER_KEY not in caplog.text and "invalid API key" in caplog.text
    missing = c.get("/me")
    assert missing.status_code == 401 and "인증이 필요합니다" in missing.json()["detail"]
    # a bad key is refused even when valid proxy headers come along
    assert client(on(), host=PROXY).get("/me", headers=SSO | {"X-API-Key": "nope" * 5}).status_code == 401


def test_proxy_headers_from_trusted_address_are_accepted():
    headers = SSO | {"X-Dasan-Roles": "staff, admin"}  # the department arrives as raw UTF-8 bytes
    r = client(on(), host=PROXY).get("/me", headers=headers)
    assert r.status_code == 200, r.text
    assert r.json() == {"user": "kim.minsu", "department": "기획조정실", "roles": ["staff", "admin"],
                        "via": "proxy", "visibility": ["public", "org", "dept:기획조정실"]}
    pct = client(on(), host=PROXY).get("/me", headers=SSO | {"X-Dasan-Department": quote("감사관실")})
    assert pct.json()["department"] == "감사관실"
    assert client(on(), host=PROXY).get("/admin", headers=headers).status_code == 200


def test_proxy_headers_from_untrusted_address_are_ignored_and_logged(caplog):
    headers = SSO | {"X-Dasan-Roles": "admin"}
    with caplog.at_level(logging.WARNING, logger="dasan.auth"):
        r = client(on(), host=OUTSIDER).get("/me", headers=headers)
    assert r.status_code == 401  # treated as no credentials at all
    assert "untrusted address 192.168.1.9" in caplog.text
    assert client(on(), host=OUTSIDER).get("/admin", headers=headers).status_code == 401


def test_proxy_header_names_are_configurable_and_values_checked():
    cfg = AuthConfig.from_env({"DASAN_AUTH": "on", "DASAN_TRUSTED_PROXIES": "10.0.0.0/24",
                               "DASAN_USER_HEADER": "X-Remote-User", "DASAN_DEPARTMENT_HEADER": "X-Remote-Dept"})
    c = client(cfg, host=PROXY)
    r = c.get("/me", headers={"X-Remote-User": "lee", "X-Remote-Dept": "총무과".encode()})
    assert r.json()["user"] == "lee" and r.json()["department"] == "총무과"
    assert c.get("/me", headers=SSO).status_code == 401  # the default names mean nothing now
    odd = c.get("/me", headers={"X-Remote-User": "lee", "X-Remote-Dept": "a,dept:other"})
    assert odd.json()["department"] is None and odd.json()["visibility"] == ["public", "org"]
    assert c.get("/me", headers={"X-Remote-User": "lee; drop"}).status_code == 401


def test_admin_required_403_for_others_200_for_admins():
    c = client(on())
    assert c.get("/admin", headers={"X-API-Key": USER_KEY}).status_code == 403
    assert "관리자" in c.get("/admin", headers={"X-API-Key": USER_KEY}).json()["detail"]
    assert c.get("/admin").status_code == 401
    r = c.get("/admin", headers={"X-API-Key": ADMIN_KEY})
    assert r.status_code == 200 and r.json()["via"] == "api_key"


def test_visibility_for_each_principal():
    assert visibility_for(None) == visibility_for(ANONYMOUS) == ["public"]
    assert visibility_for(Principal("svc", roles=("service",), via="api_key")) == ["public", "org"]
    assert visibility_for(Principal("kim", "감사관실", ("staff",), "proxy")) == ["public", "org", "dept:감사관실"]
    assert visibility_for(Principal("root", "총무과", ("admin",), "proxy")) == ["public", "org", "dept:총무과"]


def test_config_from_env_and_file(tmp_path):
    keys = tmp_path / "keys.txt"
    keys.write_text(f"# service keys\n{ADMIN_KEY}:admin:ops\n\n", encoding="utf-8")
    cfg = AuthConfig.from_env({"DASAN_AUTH": "on", "DASAN_API_KEYS": f"{USER_KEY}:service",
                               "DASAN_API_KEYS_FILE": str(keys)})
    assert cfg.enabled and [k.role for k in cfg.api_keys] == ["service", "admin"]
    assert cfg.key_for(ADMIN_KEY).name == "ops" and cfg.key_for("x" * 20) is None
    assert not AuthConfig.from_env({}).enabled


@pytest.mark.parametrize("env,needle", [
    ({"DASAN_AUTH": "maybe"}, "DASAN_AUTH"),
    ({"DASAN_API_KEYS": "short:admin"}, "16자"),
    ({"DASAN_API_KEYS": USER_KEY}, "형식"),
    ({"DASAN_TRUSTED_PROXIES": "10.0.0.0/99"}, "CIDR"),
    ({"DASAN_METRICS_ALLOW": "metrics.example"}, "DASAN_METRICS_ALLOW"),
    ({"DASAN_LOCAL_ADMIN": "maybe"}, "DASAN_LOCAL_ADMIN"),
    ({"DASAN_API_KEYS_FILE": "/nonexistent/keys"}, "읽을 수 없습니다"),
])
def test_bad_config_fails_fast_in_korean(env, needle):
    with pytest.raises(ValueError, match=needle):
        AuthConfig.from_env(env)
