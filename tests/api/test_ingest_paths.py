"""POST /v1/ingest reads only under the ingest roots, never secrets or source code (ingest/paths.py).

Each path here was accepted before the roots existed: /etc/passwd, ``corpus/../keys/api-keys`` and
``""`` (the server's working directory) were indexed as public and searchable by anyone."""
from __future__ import annotations

import os
import time

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import AuthConfig, parse_key

ADMIN_KEY, USER_KEY = "admin-key-0123456789", "user-key-0123456789"
H_ADMIN = {"Authorization": f"Bearer {ADMIN_KEY}"}
H_USER = {"Authorization": f"Bearer {USER_KEY}"}
MARKER = "비밀표식QZ9"


@pytest.fixture
def tree(fast_dir):
    """corpus/ (the allowed root) with one good file and bad neighbours; keys/ and outside/ beside it."""
    corpus, keys, outside = fast_dir / "corpus", fast_dir / "keys", fast_dir / "outside"
    for d in (corpus, keys, outside):
        d.mkdir()
    (corpus / "manual.md").write_text("# 대관 업무 안내\n\n주민공유공간 열쇠는 당직실에서 받습니다.\n", encoding="utf-8")
    secret = f"password = {MARKER}\n"
    (keys / "api-keys").write_text(f"{MARKER}-0123456789abcdef:admin\n", encoding="utf-8")
    (outside / "notes.md").write_text(f"# 외부 메모\n\n{secret}", encoding="utf-8")
    (corpus / "tool.py").write_text(f"TOKEN = '{MARKER}'\n", encoding="utf-8")
    (corpus / ".env").write_text(secret, encoding="utf-8")
    (corpus / "server.pem").write_text(secret, encoding="utf-8")
    (corpus / "id_rsa").write_text(secret, encoding="utf-8")
    (corpus / "settings.yaml").write_text(secret, encoding="utf-8")
    (corpus / "link.md").symlink_to(outside / "notes.md")
    (corpus / "linked-dir").symlink_to(outside, target_is_directory=True)
    return {"corpus": corpus, "keys": keys, "outside": outside}


def client_for(make_runtime, monkeypatch, roots: str | None, auth: AuthConfig | None = None,
               host: str = "192.0.2.7") -> TestClient:
    if roots is None:
        monkeypatch.delenv("DASAN_INGEST_ROOTS", raising=False)
    else:
        monkeypatch.setenv("DASAN_INGEST_ROOTS", roots)
    app = create_app(make_runtime())
    app.state.auth = auth or AuthConfig(enabled=True, api_keys=[parse_key(f"{ADMIN_KEY}:admin:kim"),
                                                                 parse_key(f"{USER_KEY}:user:lee")])
    return TestClient(app, client=(host, 40000))


def wait_done(c: TestClient) -> dict:
    for _ in range(200):
        state = c.get("/v1/ingest", headers=H_ADMIN).json()
        if state["status"] != "running":
            return state
        time.sleep(0.05)
    raise AssertionError(f"ingest still running: {state}")


def test_paths_outside_roots_secrets_and_code_are_refused_before_any_work(make_runtime, monkeypatch, tree):
    c = client_for(make_runtime, monkeypatch, str(tree["corpus"]))
    corpus = tree["corpus"]
    for bad in ("/etc/passwd", f"{corpus}/../keys/api-keys", "", ".", str(corpus / "link.md"),
                str(corpus / "linked-dir"), str(corpus / ".env"), str(corpus / "tool.py"),
                str(corpus / "server.pem"), str(corpus / "id_rsa"), str(corpus / "settings.yaml")):
        r = c.post("/v1/ingest", json={"paths": [str(corpus / "manual.md"), bad]}, headers=H_ADMIN)
        assert r.status_code == 422, (bad, r.status_code, r.text)
        detail = r.json()["detail"]
        assert (bad in detail) if bad else ("빈 경로" in detail), (bad, detail)
        assert "DASAN_INGEST_ROOTS" in detail and str(corpus) in detail, detail
    assert c.get("/v1/ingest", headers=H_ADMIN).json() == {"status": "idle"}
    assert c.get("/v1/ingest/runs", headers=H_ADMIN).json()["runs"] == []


def test_folder_walk_skips_secrets_code_and_links_out_and_reports_them(make_runtime, monkeypatch, tree):
    c = client_for(make_runtime, monkeypatch, str(tree["corpus"]))
    assert c.post("/v1/ingest", json={"paths": [str(tree["corpus"])]}, headers=H_ADMIN).status_code == 202
    state = wait_done(c)
    assert state["status"] == "done" and state["units"] == 1, state
    run = c.get("/v1/ingest/runs", headers=H_ADMIN).json()["runs"][0]
    skipped = {os.path.basename(e["path"]): e["reason"] for e in run["errors"] if e["status"] == "skipped"}
    assert {"tool.py", "server.pem", "id_rsa", "settings.yaml", "link.md"} <= set(skipped), run["errors"]
    assert "DASAN_INGEST_ROOTS" in skipped["link.md"]
    hits = c.post("/v1/search", json={"question": f"password {MARKER} 열쇠 당직실", "top_k": 20},
                  headers=H_USER).json()["hits"]
    assert hits and all(MARKER not in h["text"] for h in hits)
    assert {h["document"]["title"] for h in hits} == {"manual"}


def test_sync_config_must_lie_under_a_root(make_runtime, monkeypatch, tree):
    c = client_for(make_runtime, monkeypatch, str(tree["corpus"]))
    (tree["outside"] / "sources.toml").write_text("[lawgokr]\n", encoding="utf-8")
    r = c.post("/v1/ingest", json={"sync_config": str(tree["outside"] / "sources.toml")}, headers=H_ADMIN)
    assert r.status_code == 422 and "sources.toml" in r.json()["detail"]


def test_auth_off_loopback_is_not_admin_without_opt_in(make_runtime, monkeypatch, tree):
    """A local user posted a mode-600 file and read it back anonymously: loopback alone is not admin."""
    monkeypatch.delenv("DASAN_LOCAL_ADMIN", raising=False)
    c = client_for(make_runtime, monkeypatch, str(tree["corpus"]), auth=AuthConfig.from_env({}), host="127.0.0.1")
    r = c.post("/v1/ingest", json={"paths": [str(tree["corpus"] / "manual.md")]})
    assert r.status_code == 403 and "DASAN_LOCAL_ADMIN" in r.json()["detail"]
    opted = client_for(make_runtime, monkeypatch, str(tree["corpus"]),
                       auth=AuthConfig.from_env({"DASAN_LOCAL_ADMIN": "1"}), host="127.0.0.1")
    assert opted.post("/v1/ingest", json={"paths": ["/etc/passwd"]}).status_code == 422
    assert opted.post("/v1/ingest", json={"paths": [str(tree["corpus"] / "manual.md")]}).status_code == 202


def test_default_roots_are_the_serve_folder_and_the_inbox(fast_dir, tree):
    from ingest.paths import IngestRoots, PathRefused

    home = fast_dir / "home"
    roots = IngestRoots.from_env(home, env={})
    assert roots.roots == ((home / "inbox").resolve(),) and (home / "inbox").is_dir()
    roots = IngestRoots.from_env(home, started_with=[str(tree["corpus"])], env={})
    assert roots.check_request(str(tree["corpus"] / "manual.md")) == tree["corpus"] / "manual.md"
    with pytest.raises(PathRefused):
        roots.check_request(str(tree["outside"] / "notes.md"))
    only = IngestRoots.from_env(home, started_with=[str(tree["corpus"])],
                                env={"DASAN_INGEST_ROOTS": f"{tree['outside']},{tree['keys']}"})
    assert only.roots == (tree["outside"].resolve(), tree["keys"].resolve())
    with pytest.raises(ValueError, match="DASAN_INGEST_ROOTS"):
        IngestRoots.from_env(home, env={"DASAN_INGEST_ROOTS": str(fast_dir / "missing")})


@pytest.mark.parametrize("name", ["a.py", "run.sh", "x.js", "k.pem", "k.key", "id_ed25519.pub", ".netrc",
                                  "prod.env", "api-keys.txt", "passwd", "shadow", "app.toml", "db.ini",
                                  "c.cfg", "c.yml", "dasan.db", "Makefile"])
def test_denylist(name):
    from ingest.paths import denied_reason

    assert denied_reason(name)


@pytest.mark.parametrize("name", ["법령.md", "조례.hwp", "규칙.hwpx", "고시.pdf", "민원.json", "사례.jsonl",
                                  "본문.txt", "law.xml", "안내.html", "목록.csv"])
def test_corpus_formats_are_allowed(name):
    from ingest.paths import denied_reason

    assert denied_reason(name) is None
