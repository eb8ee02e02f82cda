"""Smaller holes: feedback naming hidden documents, unbounded limits, Host-built redirects, open
/metrics and API docs (api/exposure.py, api/routes/admin.py)."""
from __future__ import annotations

import json
import logging
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AuthConfig, parse_key, parse_networks
from rag.model import KIND_ORDINANCE, Document, Unit

ADMIN_KEY, USER_KEY = "admin-key-0123456789", "user-key-0123456789"
H_ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
H_USER = {"Authorization": f"Bearer {USER_KEY}"}
HIDDEN = "다산시 내부 감사 지침"
FEE_Q = "주민공유공간 대관 사용료는 1시간에 얼마인가요?"


def auth_on(metrics_allow: str = "") -> AuthConfig:
    cfg = AuthConfig(enabled=True, api_keys=[parse_key(f"{ADMIN_KEY}:admin:kim"), parse_key(f"{USER_KEY}:user:lee")],
                     trusted_proxies=parse_networks("10.0.0.5"))
    cfg.metrics_allow = parse_networks(metrics_allow)
    return cfg


def client(rt, host: str = "192.0.2.7", auth: AuthConfig | None = None) -> TestClient:
    app = create_app(rt)
    app.state.auth = auth or auth_on()
    return TestClient(app, client=(host, 40000), follow_redirects=False)


@pytest.fixture
def rt(make_runtime, sample_dir):
    rt = make_runtime()
    rt.ingestor.ingest_paths([sample_dir])
    rt.ingestor.write_document(Document(
        title=HIDDEN, kind=KIND_ORDINANCE, source="internal.md", effective_from=date(2024, 1, 1),
        visibility="dept:감사과", units=[Unit(label="제1조", article_no="1", title="비공개 감사",
                                           text="제1조(비공개 감사) 주민공유공간 대관 사용료 감사 기록은 감사과만 열람한다.")]))
    return rt


def ids_seen_by_auditor(rt) -> dict[str, str]:
    proxied = client(rt, host="10.0.0.5")
    hits = proxied.post("/v1/search", json={"question": FEE_Q, "top_k": 20},
                        headers={"X-Dasan-User": "park", "X-Dasan-Department": quote("감사과")}).json()["hits"]
    seen: dict[str, str] = {}
    for h in hits:  # each document's best-ranked unit
        seen.setdefault(h["document"]["title"], h["id"])
    return seen


def test_feedback_never_names_a_document_the_caller_cannot_see(rt):
    seen = ids_seen_by_auditor(rt)
    hidden_id, public_id = seen[HIDDEN], seen["다산시 주민공유공간 대관 예시 조례"]
    c = client(rt)
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "citations": [hidden_id, public_id]})
    assert r.status_code == 201
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "citations": [{"id": hidden_id}]})
    assert r.status_code == 201
    rows = c.get("/v1/feedback", headers=H_ADMIN).json()["feedback"]
    assert HIDDEN not in json.dumps(rows, ensure_ascii=False)
    assert [x["id"] for x in rows[1]["citations"]] == [public_id] and rows[0]["citations"] == []


def test_feedback_titles_come_from_the_index_not_the_client(rt):
    public_id = ids_seen_by_auditor(rt)["다산시 주민공유공간 대관 예시 조례"]
    c = client(rt)
    c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "citations": [
        {"id": public_id, "title": "가짜 제목", "unit": "제99조"}, {"id": "nope", "title": "가짜 제목"}]})
    cites = c.get("/v1/feedback", headers=H_ADMIN).json()["feedback"][0]["citations"]
    assert len(cites) == 1 and cites[0]["id"] == public_id, cites
    assert cites[0]["title"] == "다산시 주민공유공간 대관 예시 조례" and cites[0]["unit"].startswith("제")
    assert cites[0]["unit"] != "제99조"


def test_no_retention_feedback_stores_no_titles_anywhere(rt, monkeypatch, caplog):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    marker = "인용표식WQ3X"
    public_id = ids_seen_by_auditor(rt)["다산시 주민공유공간 대관 예시 조례"]
    c = client(rt)
    with caplog.at_level(logging.DEBUG):
        r = c.post("/v1/feedback", headers=H_USER, json={"rating": "down", "citations": [
            {"id": public_id, "title": marker, "unit": marker}, public_id]})
    assert r.status_code == 201
    cites = c.get("/v1/feedback", headers=H_ADMIN).json()["feedback"][0]["citations"]
    assert cites and all(set(x) <= {"id", "unit"} for x in cites), cites
    assert marker not in caplog.text and "주민공유공간 대관 예시 조례" not in caplog.text
    rt.registry.engine.dispose()
    db = Path(rt.settings.home) / "dasan.db"
    raw = b"".join(f.read_bytes() for f in Path(rt.settings.home).glob("dasan.db*"))
    assert db.exists() and marker.encode() not in raw


@pytest.mark.parametrize("path", ["/v1/feedback", "/v1/ingest/runs", "/v1/audit"])
def test_list_limits_are_bounded(rt, path):
    c = client(rt)
    for bad in ("-1", "0", "1000000"):
        assert c.get(f"{path}?limit={bad}", headers=H_ADMIN).status_code == 422, (path, bad)
    assert c.get(f"{path}?limit=1", headers=H_ADMIN).status_code == 200


def test_no_redirect_is_built_from_the_host_header(rt):
    c = client(rt)
    for path in ("/v1/feedback/", "/v1/search/", "/healthz/"):
        r = c.get(path, headers=H_ADMIN | {"Host": "evil.example"})
        assert r.status_code != 307 and "evil.example" not in r.headers.get("location", ""), (path, r.headers)


def test_metrics_need_loopback_allow_list_or_admin_key(rt):
    assert client(rt).get("/metrics").status_code == 403
    assert client(rt).get("/metrics", headers=H_USER).status_code == 403
    assert client(rt).get("/metrics", headers=H_ADMIN).status_code == 200
    assert client(rt, host="127.0.0.1").get("/metrics").status_code == 200
    proxied = client(rt, host="127.0.0.1").get("/metrics", headers={"X-Forwarded-For": "203.0.113.9"})
    assert proxied.status_code == 403 and "DASAN_METRICS_ALLOW" in proxied.json()["detail"]
    allowed = client(rt, host="192.0.2.7", auth=auth_on("192.0.2.0/24")).get("/metrics")
    assert allowed.status_code == 200 and "dasan_http_requests_in_flight" in allowed.text


def test_api_description_needs_a_user_and_docs_pages_are_gone(rt):
    c = client(rt)
    assert c.get("/openapi.json").status_code == 401
    spec = c.get("/openapi.json", headers=H_USER)
    assert spec.status_code == 200 and "/v1/search" in spec.json()["paths"]
    for path in ("/docs", "/redoc", "/docs/oauth2-redirect"):
        assert c.get(path, headers=H_USER).status_code == 404, path
    assert client(rt, auth=AuthConfig()).get("/openapi.json").status_code == 200  # auth off: open like the API
