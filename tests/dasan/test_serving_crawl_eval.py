"""``dasan crawl --ingest`` and ``dasan eval`` while ``dasan serve`` holds the data folder (issue 14): the crawl
hands its files to the server's ingest API; the evaluation, which reads the index itself, stops with one
Korean line (exit 3) saying to stop the server or to evaluate a copy of the data folder — and a copy works."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from dasan.failures import BUSY, USAGE
from tests.dasan.test_serving import ROOT, _env, cli, run, server  # noqa: F401 (fixtures)
from tests.ingest.sources.test_crawl import Site, page

WORD = "가로등점검주기안내"  # a word only the crawled page holds


@pytest.fixture
def site():
    html = {"Content-Type": "text/html; charset=utf-8"}
    s = Site({"/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\n"),
              "/": (200, html, page(f'<h1>{WORD}</h1><p>{WORD}: 가로등은 매월 한 번 점검합니다.</p>'
                                    '<a href="/more.html">더 보기</a>')),
              "/more.html": (200, html, page("<p>고장 신고는 민원실로 하십시오.</p>"))})
    yield s
    s.close()


def test_crawl_ingest_goes_through_the_server(cli, site, capsys):
    out_dir = cli["home"] / "inbox" / "guides"  # inside the server's allowed folders (home/inbox)
    rc, out, err = run(capsys, "crawl", site.url + "/", "--depth", "1", "--out", str(out_dir), "--delay", "0",
                       "--ingest")
    assert rc == 0, err
    assert "색인: 새로 2, 변경 없음 0, 오류 0" in out
    rc, out, err = run(capsys, "runs", "--json")  # the server recorded the run, one file each
    assert rc == 0, err
    last = json.loads(out.splitlines()[0])
    rc, out, err = run(capsys, "runs", str(last["id"]), "--json")
    files = json.loads(out)["files"]
    assert rc == 0 and len(files) == 2 and all(f["status"] == "ok" and f["path"].startswith(str(out_dir)) for f in files)
    assert {p.name for p in out_dir.iterdir() if not p.name.startswith(".")} == {"index.html", "more.html"}
    # the same crawl again: the server finds the files unchanged
    rc, out, err = run(capsys, "crawl", site.url + "/", "--depth", "1", "--out", str(out_dir), "--delay", "0",
                       "--ingest")
    assert rc == 0 and "색인: 새로 0, 변경 없음 2, 오류 0" in out, err


def test_crawl_ingest_outside_the_servers_folders_is_refused_by_it(cli, site, capsys, tmp_path):
    rc, out, err = run(capsys, "crawl", site.url + "/", "--depth", "0", "--out", str(tmp_path / "elsewhere"),
                       "--delay", "0", "--ingest")
    assert rc == USAGE and "색인:" not in out
    assert len(err.strip().splitlines()) == 1 and "허용" in err  # the server's own reason, in Korean


def test_eval_says_to_stop_the_server_or_use_a_copy(cli, capsys, tmp_path):
    gold = tmp_path / "set.jsonl"
    gold.write_text(json.dumps({"id": "q1", "question": "주민공유공간 사용료는 1시간당 얼마인가요?",
                                "gold": [{"doc": "다산시 주민공유공간 대관 예시 조례", "unit": "제4조"}]},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    rc, out, err = run(capsys, "eval", "--set", str(gold), "--no-cases")
    assert rc == BUSY and out == ""
    line = err.strip()
    assert len(line.splitlines()) == 1 and cli["url"] in line
    assert "서버를 멈춘 뒤" in line and "사본" in line and "--data-dir" in line
    # the advice works: a copy of the data folder is evaluated while the server keeps running
    copy = tmp_path / "copy"
    shutil.copytree(cli["home"], copy)
    done = subprocess.run([sys.executable, "-m", "dasan.cli", "--data-dir", str(copy), "eval", "--set", str(gold),
                           "--no-cases"], cwd=ROOT, env=_env(cli["home"]), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("system") and "dasan" in done.stdout
    assert cli["proc"].poll() is None  # the server was never disturbed
