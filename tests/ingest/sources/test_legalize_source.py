"""legalize-kr git mirror sync: a real git repository in tmp_path with one commit per change."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

import ingest.sources.legalize as legalize
from ingest.sources.legalize import LegalizeError, is_text_file, sync_legalize
from rag.index.base import QueryFilter
from tests.conftest import AS_OF

CORPORA = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "legalize-kr"
LAW, DECREE = "kr/경범죄처벌법/법률.md", "kr/경범죄처벌법/시행령.md"
LAW_KEY, LAW_V1 = "law:001674", "law:001674@2026-10-02#290135"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run_git(repo: Path, *args: str, when: str = "2026-10-01T09:00:00+09:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "dasan", "GIT_AUTHOR_EMAIL": "dasan@example.invalid",
           "GIT_COMMITTER_NAME": "dasan", "GIT_COMMITTER_EMAIL": "dasan@example.invalid",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_CONFIG_NOSYSTEM": "1",
           "GIT_CONFIG_GLOBAL": os.devnull}
    out = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, check=True)
    return out.stdout.decode().strip()


def rel(repo: Path, source: str) -> str:
    return Path(source).relative_to(repo).as_posix()


def commit(repo: Path, message: str, when: str) -> str:
    run_git(repo, "add", "-A", when=when)
    run_git(repo, "commit", "-q", "-m", message, when=when)
    return run_git(repo, "rev-parse", "HEAD")


@pytest.fixture
def mirror(tmp_path) -> Path:
    """A legalize-kr clone with 경범죄 처벌법 and its 시행령 committed once (plus a README)."""
    repo = tmp_path / "legalize-kr"
    for rel in (LAW, DECREE):
        src = CORPORA / rel
        if not src.exists():
            pytest.skip(f"shared corpus not available: {src}")
        (repo / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, repo / rel)
    (repo / "README.md").write_text("# legalize-kr\n", encoding="utf-8")
    run_git(repo, "init", "-q", "-b", "main")
    commit(repo, "경범죄 처벌법 일부개정 (법률 제22014호)", "2026-09-29T09:00:00+09:00")
    return repo


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Sources handed to the Markdown parser, in order."""
    calls: list[str] = []
    real = legalize.parse_text
    monkeypatch.setattr(legalize, "parse_text", lambda text, source: calls.append(source) or real(text, source))
    return calls


def amend(repo: Path) -> None:
    """A new version of the law: new MST, 시행일자 and article text."""
    p = repo / LAW
    text = p.read_text(encoding="utf-8")
    text = text.replace("법령MST: 290135", "법령MST: 300001").replace("시행일자: 2026-10-02", "시행일자: 2027-03-01")
    text = text.replace("10만원 이하의 벌금", "20만원 이하의 벌금", 1)
    p.write_text(text, encoding="utf-8")


def test_incremental_sync_versions_and_repeal(mirror, make_runtime, tmp_path, parsed):
    rt = make_runtime()
    state = tmp_path / "home" / "legalize-state.json"
    rep = sync_legalize(mirror, rt.ingestor, state, today=AS_OF)
    src = rep.sources["legalize legalize-kr"]
    assert sorted(Path(p).relative_to(mirror).as_posix() for p in parsed) == [LAW, DECREE]  # not README.md
    assert (src.new, src.fetched, src.errors) == (2, 2, [])
    head = run_git(mirror, "rev-parse", "HEAD")
    saved = json.loads(state.read_text(encoding="utf-8"))["repos"][str(mirror.resolve())]
    assert saved["commit"] == head and saved["docs"][LAW] == LAW_KEY
    decree_key = saved["docs"][DECREE]

    # nothing committed: nothing parsed
    rep = sync_legalize(mirror, rt.ingestor, state, today=AS_OF)
    assert len(parsed) == 2 and rep.total("new") == rep.total("fetched") == 0

    # a new version of one file: only that file is parsed; the old version is closed
    amend(mirror)
    commit(mirror, "경범죄 처벌법 일부개정 (법률 제23000호)", "2026-11-20T09:00:00+09:00")
    rep = sync_legalize(mirror, rt.ingestor, state, today=AS_OF)
    assert [Path(p).relative_to(mirror).as_posix() for p in parsed[2:]] == [LAW]
    assert rep.total("new") == 1
    versions = rt.registry.versions_of(LAW_KEY)
    assert [(v.mst, v.effective_from, v.effective_to) for v in versions] == [
        ("290135", date(2026, 10, 2), date(2027, 3, 1)), ("300001", date(2027, 3, 1), None)]

    # a deleted file: nothing parsed, the text is repealed from the deleting commit's date
    (mirror / DECREE).unlink()
    commit(mirror, "경범죄 처벌법 시행령 폐지", "2026-11-22T09:00:00+09:00")
    rep = sync_legalize(mirror, rt.ingestor, state, today=AS_OF)
    assert len(parsed) == 3 and rep.total("repealed") == 1 and rep.total("new") == 0
    decree = rt.registry.versions_of(decree_key)[-1]
    assert decree.repealed and decree.effective_to == date(2026, 11, 22)
    pts = [h.payload for h in rt.index.find(QueryFilter(version_keys=[decree.version_key]), limit=1000)]
    assert pts and all(p["repealed"] and p["eff_to"] == 20261122 for p in pts)
    assert rt.registry.versions_of(LAW_KEY)[-1].repealed is False
    assert rt.registry.runs(1)[0]["counts"] == {"new": 0, "unchanged": 0, "repealed": 1, "fetched": 0}


def test_history_and_parse_errors(mirror, make_runtime, tmp_path, parsed):
    amend(mirror)
    commit(mirror, "경범죄 처벌법 일부개정", "2026-11-20T09:00:00+09:00")
    bad = mirror / "kr/깨진법/법률.md"
    bad.parent.mkdir(parents=True)
    bad.write_text("제목 없는 파일\n", encoding="utf-8")
    commit(mirror, "깨진 파일", "2026-11-21T09:00:00+09:00")
    rt = make_runtime()
    state = tmp_path / "state.json"
    rep = sync_legalize(mirror, rt.ingestor, state, history=1, today=AS_OF)
    src = rep.sources["legalize legalize-kr"]
    assert [v.mst for v in rt.registry.versions_of(LAW_KEY)] == ["290135", "300001"]  # past version from git log
    assert rt.registry.version(LAW_V1).source.endswith("@" + run_git(mirror, "rev-parse", "HEAD~2")[:12])
    assert src.new == 3 and len(src.errors) == 1 and "kr/깨진법/법률.md" in src.errors[0]
    assert "front matter" in src.errors[0]
    n = len(parsed)
    # nothing committed: only the failed file is read again (still broken)
    rep = sync_legalize(mirror, rt.ingestor, state, history=1, today=AS_OF)
    assert [rel(mirror, p) for p in parsed[n:]] == ["kr/깨진법/법률.md"] and rep.total("errors") == 1
    # fixed: its current text is ingested; its broken past version is reported once, then left alone
    bad.write_text((mirror / DECREE).read_text(encoding="utf-8").replace("법령MST: 290303", "법령MST: 290999"),
                   encoding="utf-8")
    commit(mirror, "깨진 파일 고침", "2026-11-22T09:00:00+09:00")
    rep = sync_legalize(mirror, rt.ingestor, state, history=1, today=AS_OF)
    src = rep.sources["legalize legalize-kr"]
    assert src.new == 1 and len(src.errors) == 1 and "kr/깨진법/법률.md@" in src.errors[0]
    saved = json.loads(state.read_text(encoding="utf-8"))["repos"][str(mirror.resolve())]
    assert saved["failed"] == [] and len(saved["history"]["kr/깨진법/법률.md"]) == 1
    n = len(parsed)
    rep = sync_legalize(mirror, rt.ingestor, state, history=1, today=AS_OF)
    assert len(parsed) == n and rep.total("errors") == 0

def test_not_a_repository(tmp_path, make_runtime):
    assert is_text_file("kr/도로법/시행규칙.md") and not is_text_file("README.md")
    assert not is_text_file("kr/README.md") and not is_text_file(".github/x.md")
    with pytest.raises(LegalizeError, match="git 저장소가 아닙니다"):
        sync_legalize(tmp_path, make_runtime().ingestor, tmp_path / "s.json")
