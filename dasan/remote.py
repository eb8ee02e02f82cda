"""Commands through a running ``dasan serve``: the server says where it listens, the CLI asks its API.

``dasan serve`` writes ``server.json`` (pid, address, port) in the data folder when it starts and
removes it when it stops. While the file names a live process, ``dasan search/ask/show/ingest/sync/
runs/remove`` send their work to that server (the embedded index is single-process) and print the
same output with the same exit codes. Admin commands authenticate with ``DASAN_ADMIN_KEY``, else an
admin key from ``DASAN_API_KEYS`` / ``DASAN_API_KEYS_FILE``, else as a loopback admin
(``DASAN_LOCAL_ADMIN=1`` on the server, as ``make run`` sets).
"""
from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

from dasan.failures import BUSY, INTERNAL, PARTIAL, UNAVAILABLE, USAGE, CliError

SERVER_FILE = "server.json"
CONNECT_WAIT_S = 5.0
JOB_POLL_S = 0.2


def server_file(home: Path) -> Path:
    return Path(home) / SERVER_FILE


def _local_host(host: str) -> str:
    if host in ("", "0.0.0.0"):
        return "127.0.0.1"
    if host == "::":
        return "[::1]"
    return f"[{host}]" if ":" in host else host


def advertise(home: Path, host: str, port: int) -> Path:
    """Write the server file (owner-only) and return its path."""
    path = server_file(home)
    info = {"pid": os.getpid(), "host": host, "port": port, "url": f"http://{_local_host(host)}:{port}",
            "started_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        json.dump(info, fh)
    os.replace(tmp, path)
    return path


def withdraw(home: Path) -> None:
    """Remove the server file if it is this process's."""
    path = server_file(home)
    with contextlib.suppress(OSError, ValueError):
        if json.loads(path.read_text()).get("pid") == os.getpid():
            path.unlink()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_server(home: Path) -> dict | None:
    """The server file's content when it names a live process other than this one; None otherwise."""
    try:
        info = json.loads(server_file(home).read_text())
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return info if pid != os.getpid() and _alive(pid) and info.get("url") else None


def admin_key(env=os.environ) -> str | None:
    """The key admin commands send: DASAN_ADMIN_KEY, else the first admin key the server is configured with."""
    explicit = env.get("DASAN_ADMIN_KEY", "").strip()
    if explicit:
        return explicit
    pairs = [p for p in env.get("DASAN_API_KEYS", "").split(",") if p.strip()]
    key_file = env.get("DASAN_API_KEYS_FILE", "").strip()
    if key_file:
        with contextlib.suppress(OSError):
            pairs += [ln for ln in Path(key_file).read_text(encoding="utf-8").splitlines()
                      if ln.strip() and not ln.lstrip().startswith("#")]
    for pair in pairs:
        parts = [x.strip() for x in pair.split(":")]
        if len(parts) >= 2 and parts[1] == "admin" and parts[0]:
            return parts[0]
    return None


def exit_code(status: int) -> int:
    """The CLI's exit code for an HTTP status from the server (dasan.failures)."""
    if status == 404:
        return PARTIAL  # nothing found, as locally
    if status == 409:
        return BUSY
    if status in (400, 401, 403, 413, 422):
        return USAGE
    if status in (502, 503, 504):
        return UNAVAILABLE
    return INTERNAL


class Remote:
    """A running server's API, with the CLI's exit codes for its errors."""

    def __init__(self, info: dict) -> None:
        import httpx

        self.info = info
        headers = {"User-Agent": "dasan-cli"}
        key = admin_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self.http = httpx.Client(base_url=info["url"], headers=headers, timeout=httpx.Timeout(600.0, connect=2.0),
                                 trust_env=False)

    def close(self) -> None:
        self.http.close()

    def reachable(self) -> bool:
        """Whether the server answers (it may still be starting: wait a little)."""
        import httpx

        deadline = time.monotonic() + CONNECT_WAIT_S
        while True:
            try:
                self.http.get("/healthz", timeout=2.0)
                return True
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    return False
                time.sleep(0.2)

    def call(self, method: str, path: str, **kwargs) -> dict:
        import httpx

        try:
            r = self.http.request(method, path, **kwargs)
        except httpx.TransportError as e:
            raise CliError(UNAVAILABLE, f"실행 중인 서버({self.info['url']})에 연결할 수 없습니다({type(e).__name__}). "
                                        "서버 상태를 확인하세요.") from None
        if r.status_code >= 400:
            try:
                detail = r.json().get("detail")
            except ValueError:
                detail = None
            if not isinstance(detail, str):
                detail = f"서버가 오류로 답했습니다(HTTP {r.status_code})."
            raise CliError(exit_code(r.status_code), detail)
        return r.json()

    def wait_job(self, job: int) -> dict:
        """Poll GET /v1/ingest until job ``job`` has ended; its final state."""
        while True:
            state = self.call("GET", "/v1/ingest")
            if state.get("job") == job and state.get("status") != "running":
                return state
            if state.get("job") not in (None, job):
                raise CliError(BUSY, "서버에서 다른 색인 작업이 시작되어 이 작업의 결과를 확인할 수 없습니다. dasan runs로 확인하세요.")
            time.sleep(JOB_POLL_S)
