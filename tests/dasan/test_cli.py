"""The ``dasan`` command (dasan.cli.main) on the sample corpus, with the fake embedder."""
from __future__ import annotations

import json

import pytest

import ingest.runtime
from dasan.cli import main
from ingest.sample import write_sample
from tests.conftest import CCTV, HALL, FakeEmbedder

SAMPLE_UNITS = 37


@pytest.fixture
def cli(fast_dir, monkeypatch):
    """Environment for main(): DASAN_HOME in a fresh folder, DASAN_TODAY fixed, the fake embedder."""
    home = fast_dir / "home"
    for var in ("DASAN_DATABASE_URL", "DASAN_QDRANT_URL", "DASAN_QDRANT_API_KEY", "DASAN_EMBEDDER",
                "DASAN_EMBED_URL", "DASAN_COLLECTION"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("DASAN_HOME", str(home))
    monkeypatch.setenv("DASAN_TODAY", "2026-11-23")
    fake = FakeEmbedder()
    # Runtime.embedder calls the get_embedder name imported into ingest.runtime
    monkeypatch.setattr(ingest.runtime, "get_embedder", lambda *a, **k: fake)
    corpus = fast_dir / "corpus"
    write_sample(corpus)
    return {"home": home, "corpus": corpus, "fake": fake}


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(list(argv))
    out = capsys.readouterr()
    return rc, out.out, out.err


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def ingested(cli, capsys):
    rc, _, _ = run(capsys, "ingest", str(cli["corpus"]), "--json")
    assert rc == 0
    return cli


def test_ingest_text_and_json(cli, capsys):
    rc, out, err = run(capsys, "ingest", str(cli["corpus"]))
    assert rc == 0, err
    lines = out.splitlines()
    new = [ln for ln in lines if ln.startswith(" + ") and ": 새 문서 「" in ln]
    assert len(new) == 3 and any(f"새 문서 「{HALL}」 (시행 2024-01-01" in ln for ln in new), lines
    # the 2027 file of the same ordinance is its new version, compared unit by unit with the 2024 one
    assert any(f"「{HALL}」 새 판(시행 2027-01-01): 조문 " in ln and "변경 제4조" in ln for ln in lines), lines
    assert lines[-1].startswith("요약: 파일 4개 — 새로 색인 4(새 문서 3, 새 판 1, 내용 변경 0), 변경 없음 0, "
                                "건너뜀 0, 오류 0"), lines[-1]
    assert f"색인 점 {SAMPLE_UNITS}개" in lines[-1]
    assert (cli["home"] / "dasan.db").exists() and (cli["home"] / "index").is_dir()
    meta = json.loads((cli["home"] / "index.json").read_text())
    assert meta == {"embedder": FakeEmbedder.name, "dim": FakeEmbedder.dim}

    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]), "--json")
    summary = json.loads(out)
    assert rc == 0
    assert (summary["files"], summary["indexed"], summary["unchanged"], summary["errors"]) == (4, 0, 4, 0)
    assert summary["units"] == SAMPLE_UNITS and summary["index_points"] == SAMPLE_UNITS
    assert summary["embedded"] == 0
    assert [f["status"] for f in summary["files_detail"]] == ["unchanged"] * 4


def test_ingest_missing_path(cli, capsys):
    rc, _, err = run(capsys, "ingest", str(cli["corpus"] / "nope"))
    assert rc == 2 and "경로가 없습니다" in err


def test_ingest_reports_bad_file(cli, capsys):
    (cli["corpus"] / "broken.pdf").write_bytes(b"%PDF-1.7\ngarbage")
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]), "--json")
    summary = json.loads(out)
    assert rc == 1 and summary["errors"] == 1 and summary["indexed"] == 4  # exit 1: a file failed
    bad = [f for f in summary["files_detail"] if f["status"] == "error"]
    assert len(bad) == 1 and bad[0]["path"].endswith("broken.pdf") and bad[0]["reason"]
    rc, out, _ = run(capsys, "runs", "--json")
    runs = json_lines(out)
    assert runs[0]["status"] == "partial" and runs[0]["errors"][0]["path"].endswith("broken.pdf")


def test_ingest_folder_walk_skips_code_and_secrets_but_a_named_file_is_read(cli, capsys):
    """A shell admin may name any file; a folder walk leaves source code and key files alone."""
    (cli["corpus"] / "deploy.sh").write_text("echo 주민공유공간 대관 사용료\n", encoding="utf-8")
    (cli["corpus"] / "api-keys.txt").write_text("주민공유공간 대관 사용료 key\n", encoding="utf-8")
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"]), "--json")
    summary = json.loads(out)
    skipped = {f["path"].rsplit("/", 1)[-1]: f["reason"] for f in summary["files_detail"] if f["status"] == "skipped"}
    assert rc == 0 and summary["indexed"] == 4 and set(skipped) == {"deploy.sh", "api-keys.txt"}, summary
    rc, out, _ = run(capsys, "ingest", str(cli["corpus"] / "deploy.sh"), "--json")
    assert rc == 0 and json.loads(out)["indexed"] == 1


def test_serve_refuses_a_missing_ingest_root_before_listening(cli, capsys, monkeypatch, fast_dir):
    monkeypatch.setenv("DASAN_INGEST_ROOTS", str(fast_dir / "missing"))
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: pytest.fail("served despite a bad DASAN_INGEST_ROOTS"))
    rc, _, err = run(capsys, "serve", "--port", "1")
    assert rc == 2 and "DASAN_INGEST_ROOTS" in err and "missing" in err


def test_serve_ingest_needs_no_admin_opt_in_and_its_folder_becomes_a_root(cli, capsys, monkeypatch):
    import time

    monkeypatch.delenv("DASAN_INGEST_ROOTS", raising=False)
    monkeypatch.delenv("DASAN_LOCAL_ADMIN", raising=False)
    (cli["corpus"] / "helper.py").write_text("print('주민공유공간')\n", encoding="utf-8")
    seen = {}

    def fake_run(app, **kwargs):  # stands in for uvicorn: wait for the background ingest, then return
        for _ in range(200):
            if (getattr(app.state, "ingest", None) or {}).get("status") not in (None, "running"):
                break
            time.sleep(0.05)
        seen["state"], seen["roots"] = app.state.ingest, app.state.ingest_roots.roots

    monkeypatch.setattr("uvicorn.run", fake_run)
    rc, _, _ = run(capsys, "serve", "--port", "1", "--ingest", str(cli["corpus"]))
    assert rc == 0 and seen["state"]["status"] == "done", seen
    assert seen["state"]["units"] == SAMPLE_UNITS and seen["state"]["skipped"] == 1  # helper.py
    assert cli["corpus"].resolve() in seen["roots"] and (cli["home"] / "inbox").resolve() in seen["roots"]


def test_search_json_shape(ingested, capsys):
    rc, out, _ = run(capsys, "search", "주민공유공간 사용료는 1시간당 얼마인가요?", "--json", "--top-k", "3")
    assert rc == 0
    body = json.loads(out)
    assert set(body) == {"question", "hits", "warnings", "expanded", "similar_cases", "missing"} and body["warnings"] == []
    assert body["missing"] == []  # nothing named
    assert body["expanded"] == []  # no everyday word the glossary knows
    assert body["similar_cases"] == []  # no past cases ingested
    assert [h["rank"] for h in body["hits"]] == [1, 2, 3]
    top = body["hits"][0]
    assert {"rank", "score", "document", "unit", "text"} <= set(top)
    assert {"title", "kind", "source", "effective_from", "effective_to", "status"} <= set(top["document"])
    assert top["document"]["title"] == HALL and top["unit"] == "제4조" and "5천원" in top["text"]
    assert top["document"]["status"] == "현행"  # as of DASAN_TODAY 2026-11-23


def test_search_text_as_of(ingested, capsys):
    rc, out, _ = run(capsys, "search", "주민공유공간 사용료는 1시간당 얼마인가요?", "--as-of", "2027-02-01",
                     "--top-k", "2")
    assert rc == 0
    first = out.splitlines()[0]
    # 2027-01-01 is in force on the 기준일 but not yet today (DASAN_TODAY 2026-11-23): the line says both
    assert first.startswith(f"[1] 「{HALL}」 제4조 사용료 (시행 2027-01-01, 기준일(2027-02-01) 기준 현행 · "
                            "오늘은 시행 전(시행예정))")
    assert "1만원" in out.splitlines()[1]


def test_search_kind_filter_and_no_hits_message(ingested, capsys):
    rc, out, _ = run(capsys, "search", "사용료", "--kind", "법률")
    assert rc == 0 and "근거를 찾지 못했습니다." in out


def test_search_warning_without_korean(ingested, capsys):
    rc, out, _ = run(capsys, "search", "CCTV masking")
    assert rc == 0 and out.startswith("※ ") and "한글" in out.splitlines()[0]


def test_search_queries_file(ingested, capsys, fast_dir):
    qfile = fast_dir / "queries.jsonl"
    items = [{"id": "q1", "question": "영상 열람 수수료"}, {"id": "q2", "question": ""},
             {"id": "q3", "question": f"{HALL} 제4조"}]
    qfile.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n\n", encoding="utf-8")
    rc, out, _ = run(capsys, "search", "--queries", str(qfile), "--top-k", "2")
    assert rc == 0
    lines = json_lines(out)
    assert [ln["id"] for ln in lines] == ["q1", "q2", "q3"]
    assert lines[0]["hits"][0]["document"]["title"] == CCTV and len(lines[0]["hits"]) == 2
    assert lines[1]["hits"] == [] and "비어 있습니다" in lines[1]["error"]
    assert lines[2]["hits"][0]["unit"] == "제4조" and "5천원" in lines[2]["hits"][0]["text"]


def test_search_needs_a_question(ingested, capsys):
    rc, _, err = run(capsys, "search")
    assert rc == 2 and "--queries" in err
    rc, _, err = run(capsys, "search", "  ")
    assert rc == 2 and "비어 있습니다" in err


@pytest.mark.parametrize("value, message", [
    ("2026/11/23", "형식이 잘못되었습니다"),
    ("2026-02-30", "형식이 잘못되었습니다"),
    ("1900-01-01", "1948-07-17 이전"),
])
def test_bad_as_of(cli, capsys, value, message):
    rc, _, err = run(capsys, "search", "사용료", "--as-of", value)
    assert rc == 2 and message in err and value in err and len(err.strip().splitlines()) == 1
    rc, _, err = run(capsys, "show", HALL, "제4조", "--as-of", value)
    assert rc == 2 and message in err


def test_show_article_as_of(ingested, capsys):
    rc, out, _ = run(capsys, "show", HALL, "제4조")
    assert rc == 0
    assert out.splitlines()[0] == f"「{HALL}」 (2026-11-23 기준, 시행 2024-01-01, 현행)"
    assert "1시간당 5천원" in out and "1만원" not in out

    rc, out, _ = run(capsys, "show", HALL, "제4조", "--as-of", "2027-02-01")
    assert rc == 0 and "1시간당 1만원" in out and "5천원" not in out

    rc, out, _ = run(capsys, "show", "다산시 주민공유공간대관 예시조례", "제 4 조", "--as-of", "2027-02-01", "--json")
    body = json.loads(out)
    assert rc == 0 and body["title"] == HALL and body["as_of"] == "2027-02-01"
    assert [u["unit"] for u in body["units"]] == ["제4조"] and "1만원" in body["units"][0]["text"]


def test_show_before_the_first_version(ingested, capsys):
    rc, out, _ = run(capsys, "show", HALL, "제4조", "--as-of", "2023-06-01")
    assert rc == 1
    assert "기준일(2023-06-01)에 시행 중인 판이 없습니다" in out and "2024-01-01" in out and "2027-01-01" in out


def test_show_unknown_title(ingested, capsys):
    rc, _, err = run(capsys, "show", "존재하지 않는 법률", "제1조")
    assert rc == 1 and "찾지 못했습니다" in err


def test_data_dir_option(cli, capsys, fast_dir):
    other = fast_dir / "other-home"
    rc, out, _ = run(capsys, "--data-dir", str(other), "ingest", str(cli["corpus"]), "--json")
    assert rc == 0 and json.loads(out)["index_points"] == SAMPLE_UNITS
    assert (other / "dasan.db").exists() and not (cli["home"] / "dasan.db").exists()


def test_sample_command(cli, capsys, fast_dir):
    rc, out, _ = run(capsys, "sample", str(fast_dir / "s"))
    assert rc == 0 and "4개" in out and "실제 법령이 아닙니다" in out
    assert len(list((fast_dir / "s").rglob("*.md"))) == 4


def test_index_built_with_another_embedder_is_refused(ingested, capsys, monkeypatch):
    class Other(FakeEmbedder):
        name = "test/other-model"

    other = Other()
    monkeypatch.setattr(ingest.runtime, "get_embedder", lambda *a, **k: other)
    assert main(["search", "사용료"]) == 3
    assert "다른 임베딩 모델" in capsys.readouterr().err


def _one_korean_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    assert any("\uac00" <= ch <= "\ud7a3" for ch in lines[0]) and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("argv, needle", [
    (["search", "--top-k", "abc", "사용료"], "--top-k"),
    (["frobnicate"], "고를 수 없는 값"),
    (["show"], "필요한 인자가 빠졌습니다: 법령명, 조문"),
    (["runs", "--bogus"], "알 수 없는 인자"),
])
def test_usage_errors_are_one_korean_line_and_exit_2(cli, capsys, argv, needle):
    rc, _, err = run(capsys, *argv)
    assert rc == 2 and needle in _one_korean_line(err) and "usage:" not in err


def test_missing_or_malformed_query_file_exits_2(cli, capsys, fast_dir):
    rc, _, err = run(capsys, "search", "--queries", str(fast_dir / "nope.jsonl"))
    assert rc == 2 and "찾을 수 없습니다" in _one_korean_line(err)
    bad = fast_dir / "bad.jsonl"
    bad.write_text('{"id": 1, "question": "사용료"}\n{oops\n', encoding="utf-8")
    rc, _, err = run(capsys, "search", "--queries", str(bad))
    assert rc == 2 and "2번째 줄" in _one_korean_line(err)


def test_corrupt_data_folder_exits_4_with_one_line(ingested, capsys):
    home = ingested["home"]
    for f in (home / "index").rglob("*"):
        if f.is_file():
            f.write_bytes(b"garbage")
    rc, _, err = run(capsys, "search", "사용료")
    assert rc == 4 and "색인 폴더" in _one_korean_line(err)
    (home / "dasan.db").write_bytes(b"garbage" * 1000)
    rc, _, err = run(capsys, "runs")
    assert rc == 4 and "데이터베이스" in _one_korean_line(err) and "SQL" not in err


def test_database_down_exits_4(cli, capsys, monkeypatch):
    pytest.importorskip("psycopg")
    monkeypatch.setenv("DASAN_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/test")  # nothing listens
    rc, _, err = run(capsys, "runs")
    assert rc == 4 and "데이터베이스" in _one_korean_line(err)


def test_unexpected_error_is_one_line_with_debug_hint_and_traceback_only_on_request(cli, capsys, monkeypatch):
    import dasan.cli

    def boom(args, rt):
        raise RuntimeError("internal-detail")

    monkeypatch.setattr(dasan.cli, "cmd_runs", boom)
    rc, _, err = run(capsys, "runs")
    line = _one_korean_line(err)
    assert rc == 5 and "자세한 내용: --debug" in line and "internal-detail" not in err
    rc, _, err = run(capsys, "--debug", "runs")
    assert rc == 5 and "Traceback" in err and "internal-detail" in err
    monkeypatch.setenv("DASAN_DEBUG", "1")
    rc, _, err = run(capsys, "runs")
    assert rc == 5 and "Traceback" in err


def test_search_cases_are_hits_only_with_kind_complaint(ingested, capsys, tmp_path):
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps({"id": "6837003", "title": "사용료 문의", "question": "주민공유공간 사용료는 1시간당 얼마인가요?",
                                 "answer": "조례 제4조에 따라 1시간당 5천원입니다."}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    assert run(capsys, "ingest", str(cases))[0] == 0
    rc, out, _ = run(capsys, "search", "주민공유공간 사용료는 1시간당 얼마인가요?", "--json")
    assert rc == 0 and all(h["document"]["kind"] != "complaint" for h in json.loads(out)["hits"])
    rc, out, _ = run(capsys, "search", "주민공유공간 사용료는 1시간당 얼마인가요?", "--json", "--kind", "complaint")
    hits = json.loads(out)["hits"]
    assert rc == 0 and hits and hits[0]["unit"] == "민원 6837003" and hits[0]["document"]["kind"] == "complaint"
