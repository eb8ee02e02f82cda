"""Feedback, audit, admin endpoints, visibility enforced inside retrieval, and no-retention mode."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AuthConfig, parse_key, parse_networks
from eval.run import load_set
from rag.llm import ModelRegistry
from rag.model import KIND_ORDINANCE, Document, Unit

ADMIN_KEY, USER_KEY = "admin-key-0123456789", "user-key-0123456789"
H_ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
H_USER = {"Authorization": f"Bearer {USER_KEY}"}
FEE_Q = "주민공유공간 대관 사용료는 1시간에 얼마인가요?"


def make_client(rt, proxy_ip: str | None = None) -> TestClient:
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    rt.answerer.abstain_below = 0.0
    app = create_app(rt)
    app.state.auth = AuthConfig(enabled=True, api_keys=[parse_key(f"{ADMIN_KEY}:admin:kim"),
                                                        parse_key(f"{USER_KEY}:user:lee")],
                                trusted_proxies=parse_networks("10.0.0.5"))
    return TestClient(app, client=(proxy_ip or "192.0.2.7", 40000))


@pytest.fixture
def rt(make_runtime, sample_dir):
    rt = make_runtime()
    rt.ingestor.ingest_paths([sample_dir])
    secret = Document(title="다산시 내부 감사 지침", kind=KIND_ORDINANCE, source="internal.md",
                      effective_from=date(2024, 1, 1), visibility="dept:감사과", units=[
                          Unit(label="제1조", article_no="1", title="비공개 감사",
                               text="제1조(비공개 감사) 주민공유공간 대관 사용료 감사 기록은 감사과만 열람한다.")])
    org = Document(title="다산시 직원 업무 안내", kind=KIND_ORDINANCE, source="org.md",
                   effective_from=date(2024, 1, 1), visibility="org", units=[
                       Unit(label="제1조", article_no="1", title="직원 안내",
                            text="제1조(직원 안내) 주민공유공간 대관 사용료 수납은 회계과가 맡는다.")])
    rt.ingestor.write_document(secret)
    rt.ingestor.write_document(org)
    return rt


def titles(resp) -> set[str]:
    assert resp.status_code == 200, resp.text
    return {h["document"]["title"] for h in resp.json()["hits"]}


def test_requests_without_credentials_are_refused_and_not_audited(rt):
    c = make_client(rt)
    assert c.post("/v1/search", json={"question": FEE_Q}).status_code == 401
    assert c.post("/v1/search", json={"question": FEE_Q}, headers={"Authorization": "Bearer wrong-key-123456789"}
                  ).status_code == 401
    assert c.get("/v1/audit", headers=H_ADMIN).json()["audit"] == []


def test_visibility_is_enforced_both_ways(rt):
    user = make_client(rt)
    seen = titles(user.post("/v1/search", json={"question": FEE_Q, "top_k": 20}, headers=H_USER))
    assert "다산시 직원 업무 안내" in seen  # org documents: any signed-in official
    assert "다산시 내부 감사 지침" not in seen  # another department's document: never
    proxied = make_client(rt, proxy_ip="10.0.0.5")
    hdr = {"X-Dasan-User": "park", "X-Dasan-Department": quote("감사과")}  # proxies %-encode non-ASCII
    assert "다산시 내부 감사 지침" in titles(proxied.post("/v1/search", json={"question": FEE_Q, "top_k": 20},
                                                          headers=hdr))


def test_forged_proxy_headers_from_other_addresses_are_ignored(rt):
    c = make_client(rt, proxy_ip="192.0.2.99")
    hdr = {"X-Dasan-User": "park", "X-Dasan-Department": quote("감사과")}
    assert c.post("/v1/search", json={"question": FEE_Q}, headers=hdr).status_code == 401


def test_admin_endpoints_need_admin(rt):
    c = make_client(rt)
    for path in ("/v1/feedback", "/v1/ingest/runs", "/v1/audit", "/v1/feedback/export.jsonl"):
        assert c.get(path, headers=H_USER).status_code == 403, path
        assert c.get(path, headers=H_ADMIN).status_code == 200, path
    runs = c.get("/v1/ingest/runs", headers=H_ADMIN).json()["runs"]
    assert runs and runs[0]["counts"]["ok"] == 4


def test_audit_and_feedback_roundtrip_to_eval_items(rt, tmp_path):
    c = make_client(rt)
    out = c.post("/v1/ask", json={"question": FEE_Q}, headers=H_USER).json()
    ids = [x["id"] for x in out["citations"]]
    r = c.post("/v1/feedback", headers=H_USER, json={"rating": "up", "question": FEE_Q, "answer": out["answer"],
                                                      "citations": ids[:1], "comment": "정확합니다"})
    assert r.status_code == 201
    audit = c.get("/v1/audit", headers=H_ADMIN).json()["audit"]
    assert audit[0]["user"] == "lee" and audit[0]["route"] == "ask" and audit[0]["question"] == FEE_Q
    assert audit[0]["sources"][0]["unit"] == "제4조"
    export = c.get("/v1/feedback/export.jsonl", headers=H_ADMIN).text
    f = tmp_path / "flagged.jsonl"
    f.write_text(export, encoding="utf-8")
    items = load_set(f)
    assert items and items[0]["question"] == FEE_Q
    assert items[0]["gold"] == [{"doc": "다산시 주민공유공간 대관 예시 조례", "unit": "제4조"}]


def test_bad_feedback_is_refused_and_nothing_written(rt):
    c = make_client(rt)
    assert c.post("/v1/feedback", headers=H_USER, json={"rating": "meh"}).status_code == 422
    assert c.get("/v1/feedback", headers=H_ADMIN).json()["feedback"] == []


def test_no_retention_keeps_no_text_anywhere(rt, monkeypatch):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    marker = "표식문구XQ7Z"
    c = make_client(rt)
    q = f"{FEE_Q} {marker}"
    assert c.post("/v1/ask", json={"question": q}, headers=H_USER).status_code == 200
    assert c.post("/v1/search", json={"question": q}, headers=H_USER).status_code == 200
    assert c.post("/v1/feedback", headers=H_USER, json={"rating": "down", "question": q, "answer": marker,
                                                         "correction": marker, "comment": marker}).status_code == 201
    audit = c.get("/v1/audit", headers=H_ADMIN).json()["audit"]
    assert len(audit) == 2 and all(a["question"] is None for a in audit) and audit[0]["user"] == "lee"
    rt.index.close() if hasattr(rt.index, "close") else None
    rt.__dict__.pop("index", None)
    needle = marker.encode("utf-8")
    for f in Path(rt.settings.home).rglob("*"):
        if f.is_file():
            assert needle not in f.read_bytes(), f
    with rt.registry.engine.connect() as conn:
        from sqlalchemy import text

        for table in ("audit", "feedback", "ingest_runs"):
            for row in conn.execute(text(f"select * from {table}")):
                assert marker not in json.dumps([str(v) for v in row], ensure_ascii=False), table


def test_admin_can_start_an_ingest_in_the_server_process(rt, tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("DASAN_INGEST_ROOTS", str(tmp_path))
    doc = tmp_path / "manual.md"
    doc.write_text("# 대관 업무 안내\n\n주민공유공간 열쇠는 당직실에서 받습니다.\n", encoding="utf-8")
    c = make_client(rt)
    assert c.post("/v1/ingest", json={"paths": [str(doc)]}, headers=H_USER).status_code == 403
    assert c.post("/v1/ingest", json={}, headers=H_ADMIN).status_code == 422
    assert c.post("/v1/ingest", json={"paths": [str(doc)]}, headers=H_ADMIN).status_code == 202
    for _ in range(100):
        state = c.get("/v1/ingest", headers=H_ADMIN).json()
        if state["status"] != "running":
            break
        time.sleep(0.1)
    assert state["status"] == "done" and state["units"] == 1, state
    hits = c.post("/v1/search", json={"question": "주민공유공간 열쇠는 어디서 받나요"}, headers=H_USER).json()["hits"]
    assert any(h["document"]["title"] == "manual" for h in hits)


def test_admin_ingest_sets_visibility_and_refuses_a_bad_value(rt, tmp_path, monkeypatch):
    import time

    monkeypatch.setenv("DASAN_INGEST_ROOTS", str(tmp_path))
    doc = tmp_path / "감사지침.md"
    doc.write_text("# 감사 지침\n\n내부 감사 착수 전에 감사계획서를 결재받습니다.\n", encoding="utf-8")
    c = make_client(rt)
    bad = c.post("/v1/ingest", json={"paths": [str(doc)], "visibility": "everyone"}, headers=H_ADMIN)
    assert bad.status_code == 422 and "공개범위" in bad.json()["detail"]
    ok = c.post("/v1/ingest", json={"paths": [str(doc)], "visibility": "dept:감사과"}, headers=H_ADMIN)
    assert ok.status_code == 202
    for _ in range(100):
        state = c.get("/v1/ingest", headers=H_ADMIN).json()
        if state["status"] != "running":
            break
        time.sleep(0.1)
    assert state["status"] == "done", state
    hits = c.post("/v1/search", json={"question": "감사계획서 결재"}, headers=H_USER).json()["hits"]
    assert not any(h["document"]["title"] == "감사지침" for h in hits)  # a user outside 감사과 never sees it
    from rag.index.base import QueryFilter

    stored = [h for h in rt.index.find(QueryFilter(visibility=["dept:감사과"])) if h.payload["title"] == "감사지침"]
    assert stored, "the document is stored under its department"


def test_show_and_units_endpoints_keep_to_what_the_caller_may_read(rt):
    user = make_client(rt)
    from rag.index.base import QueryFilter
    from rag.model import normalize_title

    secret = rt.index.find(QueryFilter(title_norms=[normalize_title("다산시 내부 감사 지침")]), limit=5)
    assert secret, "the secret document is indexed"
    sid = secret[0].id
    assert user.get(f"/v1/units/{sid}", headers=H_USER).status_code == 404  # another department's unit
    assert user.get("/v1/show", params={"title": "다산시 내부 감사 지침", "unit": "제1조"},
                    headers=H_USER).status_code == 404  # not even named as "not in force"
    org = user.get("/v1/show", params={"title": "다산시 직원 업무 안내", "unit": "제1조"}, headers=H_USER).json()
    assert org["units"][0]["document"]["title"] == "다산시 직원 업무 안내"
    proxied = make_client(rt, proxy_ip="10.0.0.5")
    hdr = {"X-Dasan-User": "park", "X-Dasan-Department": quote("감사과")}
    assert proxied.get(f"/v1/units/{sid}", headers=hdr).json()["text"].startswith("제1조(비공개 감사)")
    assert user.get(f"/v1/units/{sid}").status_code == 401  # auth on: no credentials, no text


def test_remove_endpoint_is_admin_only_and_audited(rt):
    c = make_client(rt)
    assert c.post("/v1/remove", json={"target": "다산시 직원 업무 안내"}, headers=H_USER).status_code == 403
    r = c.post("/v1/remove", json={"target": "다산시 직원 업무 안내"}, headers=H_ADMIN)
    assert r.status_code == 200 and [x["title"] for x in r.json()["removed"]] == ["다산시 직원 업무 안내"]
    assert c.post("/v1/remove", json={"target": "다산시 직원 업무 안내"}, headers=H_ADMIN).status_code == 404
    assert "다산시 직원 업무 안내" not in titles(c.post("/v1/search", json={"question": FEE_Q, "top_k": 20},
                                                    headers=H_USER))
    row = next(a for a in c.get("/v1/audit", headers=H_ADMIN).json()["audit"] if a["route"] == "remove")
    assert row["route"] == "remove" and row["user"] == "kim" and row["sources"][0]["title"] == "다산시 직원 업무 안내"
