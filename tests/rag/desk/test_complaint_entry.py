"""`dasan complaint` and POST /v1/complaints/analyze: JSON contract, SSE, Korean errors, masking."""
from __future__ import annotations

import json
import logging

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from dasan.cli import main
import ingest.runtime
from tests.conftest import CCTV, FakeEmbedder
from tests.rag.desk.test_analyze import CCTV_REQ, PHONE

KEYS = {"type", "masked_text", "similar_cases", "rules", "decision", "deadline", "steps", "draft_reply", "missing"}


@pytest.fixture(scope="module")
def cli_home(tmp_path_factory, sample_dir):
    home = tmp_path_factory.mktemp("desk-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("DASAN_HOME", str(home))
    mp.setenv("DASAN_TODAY", "2026-11-23")
    fake = FakeEmbedder()
    mp.setattr(ingest.runtime, "get_embedder", lambda *a, **k: fake)  # as tests/dasan/test_cli.py does
    for var in ("DASAN_DATABASE_URL", "DASAN_QDRANT_URL", "DASAN_DEADLINE_RULES", "DASAN_HOLIDAYS"):
        mp.delenv(var, raising=False)
    yield home, mp
    mp.undo()


def run(capsys, *argv):
    capsys.readouterr()
    rc = main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.fixture
def client(sample_runtimes):
    with TestClient(create_app(sample_runtimes["edge"])) as c:
        yield c


def test_api_json(client, caplog):
    caplog.set_level(logging.DEBUG)
    r = client.post("/v1/complaints/analyze", json={"text": CCTV_REQ, "received": "2026-11-20T10:00",
                                                   "department": "정보통신과"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert KEYS <= set(body) and body["type"]["value"] == "개인정보·영상정보 열람 청구"
    assert body["decision"]["suggestion"] == "열람 허용" and body["deadline"]["due"] == "2026-12-03"
    assert any(h["document"]["title"] == CCTV and h["unit"] == "제4조" for h in body["rules"])
    assert "담당 부서: 정보통신과" in body["draft_reply"]
    assert PHONE not in r.text and PHONE not in caplog.text


def test_api_sse_meta_then_done(client):
    with client.stream("POST", "/v1/complaints/analyze",
                       json={"text": CCTV_REQ, "received": "2026-11-20T10:00", "stream": True}) as s:
        assert s.headers["content-type"].startswith("text/event-stream")
        text = "".join(s.iter_text())
    names = [line[len("event: "):] for line in text.splitlines() if line.startswith("event: ")]
    assert names == ["meta", "done"]
    meta = json.loads(text.split("event: meta\ndata: ")[1].split("\n\n")[0])
    done = json.loads(text.split("event: done\ndata: ")[1].split("\n\n")[0])
    assert meta["type"]["value"] == done["type"]["value"] == "개인정보·영상정보 열람 청구"
    assert KEYS <= set(done) and PHONE not in text


@pytest.mark.parametrize("body,fragment", [({"text": ""}, "비어 있습니다"), ({"text": "가" * 20_001}, "너무 깁니다"),
                                           ({"text": CCTV_REQ, "received": "2026-12-01"}, "미래"),
                                           ({"text": CCTV_REQ, "received": "1947-01-01"}, "1948년 이전")])
def test_api_bad_input_is_422_in_korean(client, body, fragment):
    r = client.post("/v1/complaints/analyze", json=body)
    assert r.status_code == 422 and fragment in r.text


def test_api_no_retention_keeps_no_text(client, monkeypatch, sample_runtimes):
    monkeypatch.setenv("DASAN_NO_RETENTION", "1")
    r = client.post("/v1/complaints/analyze", json={"text": CCTV_REQ, "received": "2026-11-20"})
    assert r.status_code == 200
    from api.audit import audit_rows

    row = next(x for x in audit_rows(sample_runtimes["edge"].registry, 20) if x["route"] == "complaints")
    assert row["question"] is None


def test_openapi_documents_the_route_in_korean(client):
    spec = client.app.openapi()
    op = spec["paths"]["/v1/complaints/analyze"]["post"]
    assert "민원" in op["summary"] and "최종 판단은 담당자" in op["description"]


def test_cli_json_contract_and_text(cli_home, sample_dir, capsys, tmp_path):
    rc, _, err = run(capsys, "ingest", str(sample_dir))
    assert rc == 0, err
    rc, out, err = run(capsys, "complaint", CCTV_REQ, "--received", "2026-11-20T10:00", "--json")
    assert rc == 0, err
    body = json.loads(out)
    assert KEYS <= set(body) and body["type"]["value"] == "개인정보·영상정보 열람 청구"
    assert {"received", "period", "due", "basis", "counted", "skipped"} <= set(body["deadline"])
    assert PHONE not in out + err
    f = tmp_path / "c.txt"
    f.write_text("작년 시청 홍보비 집행 내역을 공개해 주세요.", encoding="utf-8")
    rc, out, err = run(capsys, "complaint", "--file", str(f), "--received", "2026-11-20")
    assert rc == 0, err
    assert "[민원 유형] 정보공개 청구" in out and "[색인에 없는 법령]" in out and "공공기관의 정보공개에 관한 법률" in out
    assert "[답변 초안]" in out and "[처리기한]" in out
    rc, _, err = run(capsys, "complaint", "  ")
    assert rc == 2 and "비어 있습니다" in err
    rc, _, err = run(capsys, "complaint", "--file", str(tmp_path / "없음.txt"))
    assert rc == 2 and "없음.txt" in err
