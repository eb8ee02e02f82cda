"""Every command while ``dasan serve`` holds the data folder (issue 14): a real server subprocess over the
sample corpus (deterministic hash embedder), the CLI in this process going through its API.

Also: the change report of a changed ordinance, prune and remove (audited, gone from search and from
시행예정 notices), the server file's life and the exit codes."""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from dasan.cli import main
from ingest.sample import write_sample
from tests.conftest import CCTV, HALL

ROOT = Path(__file__).resolve().parents[2]
HALL_DIR = f"다산시_가상예시/조례/{HALL}"
NAMED_Q = f"{HALL} 제4조 사용료는 1시간당 얼마인가요?"  # names its article: answered even with the hash embedder


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DASAN_")}
    return env | {"DASAN_EMBEDDER": "hash", "DASAN_HOME": str(home), "DASAN_TODAY": "2026-11-23",
                  "DASAN_LOCAL_ADMIN": "1", "DASAN_AUTH": "off"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    base = tmp_path_factory.mktemp("serving")
    home, corpus = base / "home", base / "corpus"
    write_sample(corpus)
    port = _free_port()
    log = open(base / "server.log", "w")
    proc = subprocess.Popen([sys.executable, "-m", "dasan.cli", "serve", "--port", str(port), "--ingest", str(corpus)],
                            cwd=ROOT, env=_env(home), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        state = {}
        for _ in range(600):
            if proc.poll() is not None:
                pytest.fail((base / "server.log").read_text()[-3000:])
            try:
                state = httpx.get(f"{url}/v1/ingest", timeout=2).json()
                if state.get("status") not in (None, "running", "idle"):
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        assert state.get("status") == "done", state
        yield {"home": home, "corpus": corpus, "url": url, "proc": proc, "port": port, "log": base / "server.log"}
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        log.close()


@pytest.fixture
def cli(server, monkeypatch):
    for k in [k for k in os.environ if k.startswith("DASAN_")]:
        monkeypatch.delenv(k)
    for k, v in _env(server["home"]).items():
        if k.startswith("DASAN_"):
            monkeypatch.setenv(k, v)
    return server


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_the_server_advertises_itself_and_holds_the_folder(cli):
    info = json.loads((cli["home"] / "server.json").read_text())
    assert info["pid"] == cli["proc"].pid and info["port"] == cli["port"] and info["url"] == cli["url"]
    # the folder really is held: opening the embedded index here fails, so commands must go through the API
    from ingest.runtime import Runtime
    from rag.index.edge import IndexBusy

    with pytest.raises(IndexBusy):
        Runtime().index  # noqa: B018


def test_search_ask_show_through_the_server(cli, capsys):
    rc, out, err = run(capsys, "search", "주민공유공간 사용료는 1시간당 얼마인가요?", "--top-k", "3")
    assert rc == 0, err
    assert out.splitlines()[0].startswith(f"[1] 「{HALL}」 제4조") and "5천원" in out
    rc, out, _ = run(capsys, "search", "주민공유공간 사용료", "--json", "--as-of", "2027-02-01")
    body = json.loads(out)
    assert rc == 0 and set(body) == {"question", "hits", "warnings", "expanded", "similar_cases", "missing"}
    assert body["hits"][0]["document"]["effective_from"] == "2027-01-01"
    rc, _, err = run(capsys, "search", "사용료", "--as-of", "2026-13-40")
    assert rc == 2 and err.strip()  # the server's 422, as a local bad date

    rc, out, err = run(capsys, "ask", NAMED_Q)
    assert rc == 0, err
    assert "근거:" in out and f"「{HALL}」 제4조" in out and "시행예정" in out  # the 2027 amendment is announced

    rc, out, _ = run(capsys, "show", HALL, "제4조")
    assert rc == 0 and out.splitlines()[0] == f"「{HALL}」 (2026-11-23 기준, 시행 2024-01-01, 현행)"
    rc, out, _ = run(capsys, "show", HALL, "제4조", "--as-of", "2023-06-01")
    assert rc == 1 and "시행 중인 판이 없습니다" in out and "2027-01-01" in out
    rc, _, err = run(capsys, "show", "존재하지 않는 법률", "제1조")
    assert rc == 1 and "찾지 못했습니다" in err


def test_units_and_show_endpoints(cli):
    show = httpx.get(f"{cli['url']}/v1/show", params={"title": HALL, "unit": "제4조", "as_of": "2027-02-01"}).json()
    unit = show["units"][0]
    assert show["title"] == HALL and unit["unit"] == "제4조" and "1만원" in unit["text"]
    one = httpx.get(f"{cli['url']}/v1/units/{unit['id']}", params={"as_of": "2026-11-23"}).json()
    assert one["id"] == unit["id"] and one["document"]["status"] == "시행예정" and one["text"] == unit["text"]
    assert httpx.get(f"{cli['url']}/v1/units/00000000-0000-0000-0000-000000000000").status_code == 404
    assert httpx.get(f"{cli['url']}/v1/units/not-an-id").status_code == 404
    assert httpx.get(f"{cli['url']}/v1/show", params={"title": "없는 법", "unit": "제1조"}).status_code == 404


def test_ingest_reports_what_changed_and_runs_lists_it(cli, capsys):
    status = lambda: httpx.get(f"{cli['url']}/v1/ingest").json()  # noqa: E731
    rc, out, err = run(capsys, "ingest", str(cli["corpus"]))
    assert rc == 0, err
    unchanged = status()
    assert unchanged["counts"]["unchanged"] == 4 and unchanged["changed"] == []
    assert out.count(": 변경 없음(단위") == 4

    f = cli["corpus"] / HALL_DIR / "본문_시행20240101.md"
    f.write_text(f.read_text(encoding="utf-8").replace("5천원", "6천원"), encoding="utf-8")
    (cli["corpus"] / "broken.pdf").write_bytes(b"%PDF-1.7\ngarbage")
    try:
        rc, out, err = run(capsys, "ingest", str(cli["corpus"]))
    finally:
        (cli["corpus"] / "broken.pdf").unlink()
    assert rc == 1, err  # a file failed: exit 1, as without a server
    line = next(ln for ln in out.splitlines() if "본문_시행20240101.md" in ln)
    assert line.startswith(" + ") and f"「{HALL}」 같은 판 내용 변경(시행 2024-01-01): 조문 변경 제4조" in line
    assert any(ln.startswith(" ! ") and "broken.pdf: 오류 — " in ln for ln in out.splitlines())
    changed = status()
    assert changed != unchanged and changed["counts"]["updated"] == 1 and changed["counts"]["error"] == 1
    assert any(c["changes"] and c["changes"][0]["changed"] == ["제4조"] for c in changed["changed"])

    run_id = changed["run_id"]
    stored = httpx.get(f"{cli['url']}/v1/ingest/runs/{run_id}").json()
    assert {f["status"] for f in stored["files"]} == {"ok", "unchanged", "error"}
    rc, out, _ = run(capsys, "runs")
    head, first = out.splitlines()[:2]
    assert rc == 0 and head.split()[:4] == ["번호", "시작(UTC)", "상태", "새"] and first.startswith(f"#{run_id}")
    assert "일부 오류" in first and "{" not in out
    rc, out, _ = run(capsys, "runs", str(run_id))
    assert rc == 0 and "조문 변경 제4조" in out and "broken.pdf: 오류" in out
    rc, _, err = run(capsys, "runs", "99999")
    assert rc == 1 and "없습니다" in err


def test_prune_retires_a_file_gone_from_the_folder(cli, capsys):
    later = cli["corpus"] / HALL_DIR / "본문_시행20270101.md"
    saved = later.read_text(encoding="utf-8")
    later.unlink()
    try:
        rc, out, _ = run(capsys, "ingest", str(cli["corpus"]))
        assert rc == 0 and " x " not in out  # without --prune nothing is retired
        rc, out, err = run(capsys, "ingest", str(cli["corpus"]), "--prune")
        assert rc == 0, err
        assert any(ln.startswith(" x ") and "본문_시행20270101.md" in ln and "색인에서 뺌(시행 2027-01-01)" in ln
                   for ln in out.splitlines()), out
        rc, out, _ = run(capsys, "search", "주민공유공간 사용료", "--json", "--as-of", "2027-02-01")
        assert all(h["document"]["effective_from"] != "2027-01-01" for h in json.loads(out)["hits"])
        rc, out, _ = run(capsys, "ask", NAMED_Q)
        assert rc == 0 and f"「{HALL}」 제4조" in out and "시행예정" not in out  # retired: no longer announced
        rc, out, _ = run(capsys, "show", HALL, "제4조", "--as-of", "2027-02-01")
        assert rc == 0 and "시행 2024-01-01, 현행" in out.splitlines()[0]  # the 2024 version is open again
        audit = httpx.get(f"{cli['url']}/v1/audit").json()["audit"]
        pruned = [a for a in audit if a["route"] == "prune"]
        assert len(pruned) == 1 and pruned[0]["sources"][0]["title"] == HALL and pruned[0]["user"] == "local-admin"
    finally:
        later.write_text(saved, encoding="utf-8")
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]))
    assert rc == 0 and f"「{HALL}」 새 판(시행 2027-01-01)" in out


def test_remove_a_document_and_a_path(cli, capsys):
    rc, out, err = run(capsys, "remove", CCTV)
    assert rc == 0, err
    assert f"「{CCTV}」 색인에서 뺌" in out and "원본 파일 1개" in out
    rc, out, _ = run(capsys, "search", "영상 열람", "--json")
    assert all(h["document"]["title"] != CCTV for h in json.loads(out)["hits"])
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]))  # the file is unchanged: it stays out
    assert rc == 0 and "변경 없음(단위 0개) — dasan remove로 뺀 문서" in out
    rc, _, err = run(capsys, "remove", CCTV)
    assert rc == 1 and "찾지 못했습니다" in err
    rc, out, _ = run(capsys, "remove", str(cli["corpus"] / HALL_DIR), "--json")
    body = json.loads(out)
    assert rc == 0 and sorted(c["effective_from"] for c in body["removed"]) == ["2024-01-01", "2027-01-01"]
    audit = httpx.get(f"{cli['url']}/v1/audit").json()["audit"]
    removed = [a for a in audit if a["route"] == "remove"]
    assert len(removed) == 2 and removed[1]["question"] == CCTV and len(removed[0]["sources"]) == 2
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]), "--force")  # --force brings everything back
    assert rc == 0 and f"새 문서 「{CCTV}」" in out


def test_sync_through_the_server(cli, capsys):
    rc, _, err = run(capsys, "sync", "--config", str(cli["corpus"] / "sources.toml"))
    assert rc == 2 and "corpora/sources.example.toml" in err
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    inbox = cli["home"] / "inbox"  # an ingest root of the server
    repo = inbox / "mirror"
    src = cli["corpus"] / HALL_DIR / "본문_시행20270101.md"
    (repo / HALL_DIR).mkdir(parents=True)
    shutil.copyfile(src, repo / HALL_DIR / src.name)
    git = ["git", "-C", str(repo), "-c", "user.name=dasan", "-c", "user.email=dasan@example.invalid"]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True, capture_output=True)
    subprocess.run([*git, "add", "-A"], check=True, capture_output=True)
    subprocess.run([*git, "commit", "-q", "-m", "예시 조례"], check=True, capture_output=True)
    config = inbox / "sources.toml"
    config.write_text(f'[legalize]\npath = "{repo}"\nrepos = []\n', encoding="utf-8")
    rc, out, err = run(capsys, "sync", "--config", str(config))
    assert rc == 0, err
    assert out.strip() == "legalize mirror: 새 판 0, 그대로 1, 폐지 0, 오류 0", out  # that version is already indexed


def test_refused_admin_commands_say_why_and_runs_reads_the_registry(cli, capsys, monkeypatch):
    from dasan import remote

    made = remote.Remote.__init__

    def proxied(self, info):  # as if through a proxy: the server's loopback admin no longer applies
        made(self, info)
        self.http.headers["X-Forwarded-For"] = "192.0.2.1"

    monkeypatch.setattr(remote.Remote, "__init__", proxied)
    rc, _, err = run(capsys, "remove", CCTV)
    assert rc == 2 and "127.0.0.1" in err  # the server's 403, in Korean
    rc, out, _ = run(capsys, "runs")  # the run records need no index: read here
    assert rc == 0 and out.startswith("번호") and "일부 오류" in out


def test_a_real_cli_process_and_the_server_file_goes_with_the_server(cli, capsys):
    server = cli
    env = _env(server["home"])
    done = subprocess.run([sys.executable, "-m", "dasan.cli", "show", "없는 법", "제1조"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and "찾지 못했습니다" in done.stderr
    server["proc"].send_signal(signal.SIGTERM)
    server["proc"].wait(timeout=30)
    assert not (server["home"] / "server.json").exists()
    # the folder is free again: the same commands run locally, with the same output
    rc, out, _ = run(capsys, "runs")
    assert rc == 0 and out.startswith("번호") and "일부 오류" in out
    rc, out, _ = run(capsys, "show", HALL, "제4조", "--as-of", "2023-06-01")
    assert rc == 1 and "시행 중인 판이 없습니다" in out


def test_admin_key_and_exit_codes_of_the_client(tmp_path):
    from dasan.remote import admin_key, exit_code

    keys = "user-key-0123456789:user,admin-key-0123456789:admin:ops"
    assert admin_key({"DASAN_API_KEYS": keys}) == "admin-key-0123456789"
    assert admin_key({"DASAN_API_KEYS": keys, "DASAN_ADMIN_KEY": "explicit-key-0123456"}) == "explicit-key-0123456"
    key_file = tmp_path / "keys"
    key_file.write_text("# 관리자\nfile-admin-key-012345:admin\n", encoding="utf-8")
    assert admin_key({"DASAN_API_KEYS_FILE": str(key_file)}) == "file-admin-key-012345"
    assert admin_key({"DASAN_API_KEYS": "user-key-0123456789:user"}) is None
    assert [exit_code(s) for s in (404, 409, 422, 403, 503, 500)] == [1, 3, 2, 2, 4, 5]
