"""`dasan deadline` and GET /v1/deadline: the JSON contract the evaluations use, and Korean errors."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from dasan.cli import main
from tests.conftest import build_runtime

CONTRACT = {"received", "period", "due", "basis", "counted", "skipped"}


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("DASAN_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("DASAN_TODAY", "2026-11-23")
    for var in ("DASAN_HOLIDAYS", "DASAN_DEADLINE_RULES", "DASAN_DATABASE_URL", "DASAN_QDRANT_URL"):
        monkeypatch.delenv(var, raising=False)
    return tmp_path


def run(capsys, *argv):
    capsys.readouterr()
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def test_cli_json_contract(env, capsys):
    rc, out, err = run(capsys, "deadline", "--received", "2026-03-02T10:00", "--period", "3일", "--json")
    assert rc == 0, err
    body = json.loads(out)
    assert CONTRACT <= set(body)
    assert body["received"] == "2026-03-02T10:00" and body["period"] == "3일" and body["due"] == "2026-03-05T18:00"
    assert body["skipped"] == [{"date": "2026-03-02", "reason": "삼일절 대체 휴일"}]


def test_cli_extend_pause_and_text(env, capsys):
    rc, out, _ = run(capsys, "deadline", "--received", "2025-09-29", "--period", "10일", "--extend", "10일", "--json")
    assert rc == 0 and json.loads(out)["due"] == "2025-10-31"
    rc, out, _ = run(capsys, "deadline", "--received", "2026-10-05", "--period", "10일",
                     "--pause", "2026-10-07..2026-10-08")
    assert rc == 0 and out.startswith("처리기한: 2026-10-22") and "보완 기간" in out and "근거:" in out


def test_cli_kind_from_the_rule_table(env, capsys):
    rc, out, _ = run(capsys, "deadline", "--received", "2025-09-29", "--kind", "정보공개 청구", "--extend", "표", "--json")
    body = json.loads(out)
    assert rc == 0 and body["due"] == "2025-10-31" and body["received"] == "2025-09-29"
    assert "정보공개에 관한 법률」 제11조" in body["basis"]


@pytest.mark.parametrize("argv,fragment", [
    (["--received", "2026-12-01", "--period", "7일"], "미래입니다"),
    (["--received", "1940-01-01", "--period", "7일"], "1948년 이전"),
    (["--received", "2026-03-02", "--period", "일주일"], "알 수 없는 기간"),
    (["--received", "2024-12-20", "--period", "7일"], "2024년 공휴일 자료가 없어"),
    (["--received", "2026-03-02"], "중 하나만"),
    (["--received", "2026-03-02", "--kind", "고충민원", "--extend", "7일"], "'표'"),
])
def test_cli_bad_input(env, capsys, argv, fragment):
    rc, out, err = run(capsys, "deadline", *argv)
    assert rc == 2 and out == "" and fragment in err and err.startswith("dasan: ")


def test_cli_reads_the_office_holiday_file(env, capsys, monkeypatch):
    f = env / "h.tsv"
    f.write_text("2026-10-02\t임시공휴일\n", encoding="utf-8")
    monkeypatch.setenv("DASAN_HOLIDAYS", str(f))
    rc, out, _ = run(capsys, "deadline", "--received", "2026-10-01", "--period", "2일", "--json")
    assert rc == 0 and json.loads(out)["due"] == "2026-10-06T18:00"
    f.write_text("2026-10-02\n", encoding="utf-8")
    rc, _, err = run(capsys, "deadline", "--received", "2026-10-01", "--period", "2일")
    assert rc == 2 and f"{f} 1번째 줄" in err


def test_data_dir_holiday_file_without_touching_the_environment(env, capsys):
    """`--data-dir` is passed as settings, not written into os.environ; the office's holidays.tsv is read
    from that folder."""
    import os

    other = env / "office-home"
    other.mkdir()
    (other / "holidays.tsv").write_text("2026-10-02\t임시공휴일\n", encoding="utf-8")
    before = os.environ["DASAN_HOME"]
    rc, out, err = run(capsys, "--data-dir", str(other), "deadline", "--received", "2026-10-01", "--period", "2일",
                       "--json")
    assert rc == 0, err
    body = json.loads(out)
    assert body["due"] == "2026-10-06T18:00" and {"date": "2026-10-02", "reason": "임시공휴일"} in body["skipped"]
    assert os.environ["DASAN_HOME"] == before
    rc, out, _ = run(capsys, "deadline", "--received", "2026-10-01", "--period", "2일", "--json")
    assert rc == 0 and json.loads(out)["due"] == "2026-10-02T18:00"  # DASAN_HOME's folder has no such file


@pytest.fixture
def client(env):
    rt = build_runtime(env / "home", today="2026-11-23")
    with TestClient(create_app(rt)) as c:
        yield c
    rt.close()


def test_api_contract(client):
    r = client.get("/v1/deadline", params={"received": "2025-05-30T16:00", "period": "3일"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert CONTRACT <= set(body) and body["due"] == "2025-06-05T16:00"
    assert {"date": "2025-06-03", "reason": "대통령 선거일"} in body["skipped"]
    assert "extend" not in body and body["method"] == "hours"


def test_api_extend_pauses_and_kind(client):
    r = client.get("/v1/deadline", params=[("received", "2026-03-16"), ("period", "1개월"),
                                           ("pause", "2026-03-20..2026-03-23")])
    assert r.status_code == 200 and r.json()["due"] == "2026-04-20"
    r = client.get("/v1/deadline", params={"received": "2025-09-29", "kind": "정보공개 청구", "extend": "표"})
    assert r.status_code == 200 and r.json()["due"] == "2025-10-31" and r.json()["kind"] == "정보공개 청구"


@pytest.mark.parametrize("params,fragment", [
    ({"received": "2026-12-01", "period": "7일"}, "미래입니다"),
    ({"received": "2026-03-02", "period": "7달"}, "알 수 없는 기간"),
    ({"received": "2024-06-03", "period": "7일"}, "2024년 공휴일 자료가 없어"),
    ({"received": "2026-03-02"}, "중 하나만"),
])
def test_api_bad_input(client, params, fragment):
    r = client.get("/v1/deadline", params=params)
    assert r.status_code == 422 and fragment in r.json()["detail"] and r.json()["request_id"]


def test_api_no_retention_does_not_echo_input(client, monkeypatch):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    r = client.get("/v1/deadline", params={"received": "2026-03-02", "period": "7달"})
    assert r.status_code == 422 and "7달" not in r.json()["detail"] and "알 수 없는 기간" in r.json()["detail"]


def test_openapi_documents_the_deadline_route(client):
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/v1/deadline"]["get"]
    assert op["summary"] == "민원 처리기한 계산"
    assert {p["name"] for p in op["parameters"]} >= {"received", "period", "kind", "extend", "pause"}
