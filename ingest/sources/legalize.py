"""Incremental sync from local git clones of the legalize-kr mirrors (legalize-kr, admrule-kr, ordinance-kr).

The mirrors keep one Markdown file per text (``kr/<법령명>/<법률|시행령|시행규칙>.md``) and one commit per
promulgation, so the git history is the version history. ``sync_legalize`` remembers the last synced commit
per repository in a small JSON state file (under DASAN_HOME) and then reads only
``git diff --name-status <last> HEAD``: added and modified files are parsed and written, deleted files mark
their text repealed (from the date of the deleting commit). The first run ingests every file. With
``history=N`` the N previous versions of each changed file (``git log -- <file>``) are ingested too.
The clone is never fetched or changed here: update it with ``git pull --ff-only`` before syncing.
"""
from __future__ import annotations

import json
import subprocess
import time
from datetime import date, datetime, timezone
from pathlib import Path

from ingest.links import link_annexes
from ingest.parsers.base import ParseError
from ingest.parsers.legalize_md import document_from_meta, parse_text, split_front_matter
from ingest.sources.reports import SyncReport, mark_repealed
from rag.model import parse_date

_SKIP_NAMES = ("README", "CONTRIBUTING", "LICENSE", "CHANGELOG", "CODE_OF_CONDUCT", "SECURITY")


class LegalizeError(Exception):
    """git is missing, the folder is no git clone, or a git command failed (Korean message)."""


def git(repo: Path, *args: str) -> bytes:
    """stdout of ``git -C repo args`` (paths unquoted, so Korean names come through as UTF-8)."""
    try:
        out = subprocess.run(["git", "-C", str(repo), "-c", "core.quotepath=off", *args],
                             capture_output=True, check=False, timeout=300)
    except FileNotFoundError as e:
        raise LegalizeError("git 명령을 찾을 수 없습니다: git을 설치하세요") from e
    except subprocess.TimeoutExpired as e:
        raise LegalizeError(f"git {args[0]} 명령이 시간 안에 끝나지 않았습니다") from e
    if out.returncode != 0:
        msg = out.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LegalizeError(f"git {args[0]} 실패 ({repo}): {msg[-1] if msg else out.returncode}")
    return out.stdout


def is_text_file(path: str) -> bool:
    """A statute Markdown file of the mirror (not README.md and the like, nothing hidden)."""
    parts = path.split("/")
    return (path.endswith(".md") and len(parts) > 1 and not any(p.startswith(".") for p in parts)
            and not parts[-1].upper().startswith(_SKIP_NAMES))


def _z(data: bytes) -> list[str]:
    return [x for x in data.decode("utf-8", "surrogateescape").split("\0") if x]


def changed_files(repo: Path, last: str | None) -> tuple[list[str], list[str], bool]:
    """(added or modified files, deleted files, full) since ``last``; every file when ``last`` is
    None or no longer exists (history rewritten), then ``full`` is True."""
    if last:
        try:
            git(repo, "cat-file", "-e", f"{last}^{{commit}}")
        except LegalizeError:
            last = None
    if not last:
        return [p for p in _z(git(repo, "ls-tree", "-r", "-z", "--name-only", "HEAD")) if is_text_file(p)], [], True
    fields = _z(git(repo, "diff", "--name-status", "--no-renames", "-z", last, "HEAD"))
    changed, deleted = [], []
    for status, path in zip(fields[::2], fields[1::2]):
        if is_text_file(path):
            (deleted if status.startswith("D") else changed).append(path)
    return changed, deleted, False


def load_state(path: Path) -> dict:
    try:
        state = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"repos": {}}
    except (OSError, json.JSONDecodeError) as e:
        raise LegalizeError(f"동기화 상태 파일을 읽을 수 없습니다: {path} ({e})") from e
    state.setdefault("repos", {})
    return state


def save_state(path: Path, state: dict) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def _doc_key_at(repo: Path, commit: str, path: str) -> str | None:
    """doc_key of a file as it was at ``commit`` (front matter only), None if unreadable."""
    try:
        meta, _ = split_front_matter(git(repo, "show", f"{commit}:{path}").decode("utf-8"), path)
    except (LegalizeError, ParseError, UnicodeDecodeError):
        return None
    return document_from_meta(meta, path).doc_key


def _deleted_on(repo: Path, last: str, path: str) -> date | None:
    """Date of the commit that deleted ``path`` after ``last``."""
    out = git(repo, "log", "-1", "--format=%cI", "--diff-filter=D", f"{last}..HEAD", "--", path)
    return parse_date(out.decode().strip()[:10])


class _RepoSync:
    """One repository's sync: parse, write, repeal, remember."""

    def __init__(self, repo: Path, ingestor, rs: dict, report: SyncReport, history: int) -> None:
        self.repo, self.ingestor, self.rs, self.history = repo, ingestor, rs, history
        self.rep = report.source(f"legalize {repo.name}")
        self.docs: dict[str, str] = rs.setdefault("docs", {})  # path -> doc_key
        self.seen: dict[str, list[str]] = rs.setdefault("history", {})  # path -> past commits ingested
        self.keys: set[str] = set()
        self.repeal: dict[str, date | None] = {}

    def ingest_text(self, text: str, source: str, path: str) -> None:
        docs = parse_text(text, source)
        self.rep.fetched += 1
        for doc in docs:
            written = self.ingestor.write_document(doc)
            self.rep.new, self.rep.unchanged = self.rep.new + written, self.rep.unchanged + (not written)
            self.keys.add(doc.doc_key)
            self.docs.setdefault(path, doc.doc_key)
            if doc.revision_type == "폐지":
                self.repeal[doc.doc_key] = doc.effective_from

    def ingest_file(self, path: str) -> bool:
        """Parse and write the current file and its past versions; False (error noted) on failure."""
        try:
            text = (self.repo / path).read_text(encoding="utf-8")
            self.docs.pop(path, None)
            self.ingest_text(text, str(self.repo / path), path)
        except (OSError, UnicodeDecodeError, ParseError) as e:
            self.rep.errors.append(f"{path}: {e.reason if isinstance(e, ParseError) else e}")
            return False
        if self.history > 0:
            try:
                shas = git(self.repo, "log", f"-n{self.history + 1}", "--format=%H", "HEAD", "--", path).split()
            except LegalizeError as e:
                self.rep.errors.append(f"{path}: 지난 판 목록을 읽지 못했습니다 ({e})")
                return True
            done = self.seen.setdefault(path, [])
            for sha in (s.decode() for s in shas[1:]):
                if sha in done:
                    continue
                try:
                    text = git(self.repo, "show", f"{sha}:{path}").decode("utf-8")
                    done.append(sha)  # a past version never changes: read it once, even if broken
                    self.ingest_text(text, f"{self.repo / path}@{sha[:12]}", path)
                except (LegalizeError, UnicodeDecodeError, ParseError) as e:
                    self.rep.errors.append(f"{path}@{sha[:12]}: {e.reason if isinstance(e, ParseError) else e}")
        return True

    def finish(self, deleted: list[str], last: str | None, today: date) -> None:
        for doc_key in sorted(self.keys):
            self.ingestor.close_versions(doc_key)
        for doc_key, on in self.repeal.items():  # a version whose 제개정구분 is 폐지
            self.rep.repealed += mark_repealed(self.ingestor, doc_key, on or today)
        for path in deleted:
            doc_key = self.docs.pop(path, None) or (_doc_key_at(self.repo, last, path) if last else None)
            self.seen.pop(path, None)
            if doc_key is None or doc_key in self.docs.values():
                continue  # moved to another file (e.g. a renamed law): not a repeal
            on = (_deleted_on(self.repo, last, path) if last else None) or today
            self.rep.repealed += mark_repealed(self.ingestor, doc_key, on)


def sync_legalize(repo_path: Path | str, ingestor, state: Path | str, history: int = 0,
                  today: date | None = None, report: SyncReport | None = None) -> SyncReport:
    """Ingest what changed in a legalize-kr clone since the last sync (everything on the first run)."""
    t0 = time.perf_counter()
    repo, state_file = Path(repo_path).resolve(), Path(state)
    report = report or SyncReport()
    if not (repo / ".git").exists() and not (repo / "HEAD").exists():
        raise LegalizeError(f"git 저장소가 아닙니다: {repo} (git clone으로 받은 legalize-kr 미러 폴더를 지정하세요)")
    head = git(repo, "rev-parse", "HEAD").decode().strip()
    st = load_state(state_file)
    rs = st["repos"].setdefault(str(repo), {})
    last, retry = rs.get("commit"), list(rs.get("failed", []))
    sync = _RepoSync(repo, ingestor, rs, report, history)
    if last == head and not retry:
        report.seconds += time.perf_counter() - t0
        return report
    changed, deleted, full = changed_files(repo, last)
    if full:  # files known from an earlier sync but gone now (history was rewritten)
        deleted = [p for p in rs.get("docs", {}) if p not in set(changed)]
    todo = list(dict.fromkeys(changed + [p for p in retry if (repo / p).is_file()]))
    run_id = ingestor.registry.start_run([f"legalize:{repo}"])
    report.run_id = report.run_id or run_id
    try:
        failed = [p for p in todo if not sync.ingest_file(p)]
        sync.finish(deleted, None if full else last, today or date.today())
    except BaseException as e:
        ingestor.registry.finish_run(run_id, {}, [{"path": str(repo), "status": "error",
                                                   "reason": f"{type(e).__name__}: {e}"}], "failed")
        raise
    if sync.rep.new:
        link_annexes(ingestor.index)
    rs.update(commit=head, failed=failed, synced_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
    save_state(state_file, st)
    errors = [{"path": str(repo), "status": "error", "reason": e} for e in sync.rep.errors]
    ingestor.registry.finish_run(run_id, {k: getattr(sync.rep, k) for k in ("new", "unchanged", "repealed", "fetched")},
                                 errors, "partial" if errors else "ok")
    report.seconds += time.perf_counter() - t0
    return report
