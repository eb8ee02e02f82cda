"""Complaint exports: every case becomes a masked unit, and no identifier from the labelled set
survives anywhere in the index or the database after ingest."""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from eval.pii_eval import make_examples
from ingest.parsers import detect, parse_file
from rag.model import default_visibility

STRUCTURED = {"rrn", "arn", "passport", "driver_license", "phone", "email", "account", "card", "brn", "plate",
              "address", "ip"}


def write_cases(path: Path, texts: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["민원번호", "제목", "민원내용", "답변내용", "처리부서", "등록일"])
        for i, t in enumerate(texts):
            w.writerow([f"2024-{i:05d}", "가스 시설 문의", t, "액법 제33조제2항에 따라 답변드립니다.", "가스안전과",
                        "2024-03-05"])


def secrets(examples) -> list[str]:
    """Gold identifiers that must not survive (officials' kept contacts are not secrets)."""
    out = []
    for ex in examples:
        for typ, start, end in ex.spans:
            if typ in STRUCTURED or typ == "name":
                value = ex.text[start:end]
                if len(value) >= 3:
                    out.append(value)
    return out


@pytest.fixture(scope="module")
def examples():
    return make_examples(120, seed=7)


def test_csv_is_detected_and_cases_are_units(tmp_path, examples):
    f = tmp_path / "민원.csv"
    write_cases(f, [e.text for e in examples[:5]])
    assert detect(f) == "complaints"
    _, docs = parse_file(f)
    # the file declares nothing: complaints are office-only by their kind's default (rules may narrow it)
    assert docs[0].kind == "complaint" and docs[0].visibility == "" and default_visibility(docs[0].kind) == "org"
    assert [u.label for u in docs[0].units][:2] == ["민원 2024-00000", "민원 2024-00001"]
    assert "제33조제2항" in docs[0].units[0].text


def test_jsonl_and_xlsx_exports(tmp_path, examples):
    j = tmp_path / "cases.jsonl"
    j.write_text("".join(json.dumps({"question": e.text, "answer": "답변", "title": "문의"}, ensure_ascii=False) + "\n"
                         for e in examples[:3]), encoding="utf-8")
    assert detect(j) == "complaints" and len(parse_file(j)[1][0].units) == 3
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["제목", "질문", "답변"])
    for e in examples[:4]:
        ws.append(["문의", e.text, "답변"])
    x = tmp_path / "cases.xlsx"
    wb.save(x)
    assert detect(x) == "complaints" and len(parse_file(x)[1][0].units) == 4


def test_missing_columns_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.jsonl"
    f.write_text('{"question": "q", "answer": "a"}\n{broken\n', encoding="utf-8")
    with pytest.raises(Exception) as e:
        parse_file(f)
    assert "2번째 줄" in str(e.value)


def test_no_identifier_reaches_index_or_database(make_runtime, tmp_path, examples):
    f = tmp_path / "민원.csv"
    write_cases(f, [e.text for e in examples])
    rt = make_runtime()
    report = rt.ingestor.ingest_paths([f])
    assert report.count("ok") == 1 and report.units == len(examples)
    values = secrets(examples)
    assert len(values) > 150
    home = Path(rt.settings.home)
    rt.close()
    # Qdrant preallocates its files with zeros: squeeze those runs so the scan below reads only stored bytes
    blobs = [re.sub(rb"\x00{64,}", b"\x00", p.read_bytes()) for p in home.rglob("*") if p.is_file()]
    # the scan can see stored text at all (payloads and rows are not compressed away)
    assert any("답변드립니다".encode("utf-8") in b for b in blobs)
    leaked = [v for v in values if any(v.encode("utf-8") in b for b in blobs)]
    assert leaked == []
