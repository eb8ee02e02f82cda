"""One ingest at a time: a lock around every run, and stale 'running' records closed as interrupted.

SQLite/embedded deployments lock a file in the data directory; PostgreSQL deployments (several
hosts may run the CronJob) take a session advisory lock, so two runs never overlap anywhere.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path

from sqlalchemy import select, text

from ingest.registry import Registry, RunRow, now

_PG_LOCK_ID = 0x0DA5A1  # advisory lock key shared by every Dasan ingest


class IngestBusy(RuntimeError):
    """Another run holds the lock."""


@contextlib.contextmanager
def ingest_lock(home: Path, registry: Registry):
    """Hold the ingest lock for the duration of a run; raise IngestBusy (Korean) if it is taken."""
    home.mkdir(parents=True, exist_ok=True)
    path = home / "ingest.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    pg = None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise IngestBusy("다른 색인 작업이 실행 중입니다. 끝난 뒤 다시 실행하세요.") from None
        if registry.engine.dialect.name == "postgresql":
            pg = registry.engine.connect()
            if not pg.execute(text("select pg_try_advisory_lock(:k)"), {"k": _PG_LOCK_ID}).scalar():
                raise IngestBusy("다른 서버에서 색인 작업이 실행 중입니다(PostgreSQL 잠금).")
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        close_interrupted(registry)
        yield
    finally:
        if pg is not None:
            with contextlib.suppress(Exception):
                pg.execute(text("select pg_advisory_unlock(:k)"), {"k": _PG_LOCK_ID})
            pg.close()
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def close_interrupted(registry: Registry) -> int:
    """Runs still marked 'running' while we hold the lock were killed: record them as interrupted."""
    with registry.session() as s, s.begin():
        rows = s.scalars(select(RunRow).where(RunRow.status == "running")).all()
        for r in rows:
            r.status, r.finished_at = "interrupted", now()
            r.errors = list(r.errors or []) + [{"path": "", "status": "error",
                                                "reason": "실행이 중간에 중단되었습니다; 다음 실행이 이어서 처리했습니다"}]
        return len(rows)
