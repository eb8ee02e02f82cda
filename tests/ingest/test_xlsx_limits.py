"""XLSX complaint exports under hostile input: zip bombs are refused from the zip directory before
openpyxl reads a row, rows stream and stop at the cap, and a refused file leaves the stored corpus intact."""
from __future__ import annotations

import csv
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl.worksheet import _reader

from ingest.parsers import complaints, hwpx, parse_file
from ingest.parsers.base import ParseError
from rag.index.base import QueryFilter

_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARTS = {
    "[Content_Types].xml":
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels":
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml":
        f'<workbook {_MAIN} xmlns:r="{_REL}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>'
        '</workbook>',
    "xl/_rels/workbook.xml.rels":
        f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" Type="{_REL}/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
}


def text_row(i: int, *values: str) -> str:
    cells = "".join(f'<c r="{chr(65 + j)}{i}" t="inlineStr"><is><t>{v}</t></is></c>' for j, v in enumerate(values))
    return f'<row r="{i}">{cells}</row>'


def write_xlsx(path: Path, rows, dimension: str = "") -> Path:
    """A minimal workbook whose only sheet is streamed from ``rows`` (XML strings), never built whole."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, xml in _PARTS.items():
            z.writestr(name, xml)
        with z.open("xl/worksheets/sheet1.xml", "w") as f:
            f.write(f"<worksheet {_MAIN}>{dimension}<sheetData>".encode())
            batch: list[str] = []
            for row in rows:
                batch.append(row)
                if len(batch) >= 5000:
                    f.write("".join(batch).encode())
                    batch = []
            f.write("".join(batch).encode() + b"</sheetData></worksheet>")
    return path


def bomb(path: Path, rows: int = 100_000) -> Path:
    """Identical rows: a few dozen KB on disk that expand to tens of MB (the issue's file did 0.99 -> 291 MB)."""
    body = text_row(2, "가스 시설 문의", "같은 문장이 끝없이 반복됩니다 " * 4, "답변").replace(' r="A2"', "") \
        .replace(' r="B2"', "").replace(' r="C2"', "").replace(' r="2"', "")
    return write_xlsx(path, [text_row(1, "제목", "질문", "답변")] + [body] * rows)


@pytest.fixture
def parsed_rows(monkeypatch) -> list[int]:
    """Counts the sheet rows openpyxl actually parses (one entry per parsed row)."""
    seen: list[int] = []
    real = _reader.WorkSheetParser.parse_row

    def counting(self, element):
        seen.append(1)
        return real(self, element)

    monkeypatch.setattr(_reader.WorkSheetParser, "parse_row", counting)
    return seen


def test_xlsx_bomb_is_refused_before_any_row_is_read(tmp_path, parsed_rows):
    f = bomb(tmp_path / "민원_폭탄.xlsx")
    info = zipfile.ZipFile(f).getinfo("xl/worksheets/sheet1.xml")
    assert f.stat().st_size < 1_000_000 and info.file_size > 100 * f.stat().st_size
    tracemalloc.start()
    try:
        with pytest.raises(ParseError) as e:
            parse_file(f)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "압축 폭탄" in e.value.reason and "xl/worksheets/sheet1.xml" in e.value.reason
    assert e.value.path == str(f)
    assert parsed_rows == []  # openpyxl never parsed a row of the bomb
    assert peak < 8 * 2**20  # the expanded sheet (tens of MB) was never held


def test_xlsx_over_the_total_size_limit_is_refused(tmp_path, monkeypatch, parsed_rows):
    # ordinary rows (ratio well under 100:1) whose total would pass only a looser limit
    f = write_xlsx(tmp_path / "cases.xlsx", [text_row(1, "질문", "답변")] +
                   [text_row(i, f"질문 {i * 7919 % 100003}", f"답변 {i}") for i in range(2, 20_000)])
    monkeypatch.setattr(hwpx, "MAX_TOTAL_BYTES", 2**20)
    with pytest.raises(ParseError) as e:
        parse_file(f)
    assert "한도(1 MB)" in e.value.reason and "압축을 풀면" in e.value.reason
    assert parsed_rows == []


def test_renamed_xlsx_bomb_goes_through_the_guard_too(tmp_path, parsed_rows):
    f = bomb(tmp_path / "cases.csv", rows=20_000)
    with pytest.raises(ParseError) as e:
        parse_file(f)
    assert "압축 폭탄" in e.value.reason and parsed_rows == []


def test_rows_stop_at_the_cap_and_the_file_is_refused(tmp_path, parsed_rows):
    cap = complaints.MAX_ROWS
    rows = (text_row(1, "질문", "답변") if i == 1 else f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'
            for i in range(1, cap + 2 + 30_000 + 1))  # header, cap + 1 rows, then 30 000 never to be read
    f = write_xlsx(tmp_path / "cases.xlsx", rows)
    with pytest.raises(ParseError) as e:
        parse_file(f)
    # header (twice: once for the column names, once skipped) + the cap + the one row that proves the excess
    assert len(parsed_rows) <= cap + 3
    assert f"{cap:,}행 초과" in e.value.reason and "나누어" in e.value.reason


def test_forged_dimension_neither_pads_nor_cuts_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(complaints, "MAX_ROWS", 50)
    rows = [text_row(1, "질문", "답변")] + [text_row(i, f"질문 {i}", f"답변 {i}") for i in range(2, 6)]
    small = write_xlsx(tmp_path / "small.xlsx", rows, dimension='<dimension ref="A1:XFD1048576"/>')
    units = parse_file(small)[1][0].units
    assert len(units) == 4 and len(complaints.read_rows(small)) == 4  # no padding to 1 048 576 rows
    cut = write_xlsx(tmp_path / "cut.xlsx", rows, dimension='<dimension ref="A1:B2"/>')
    assert [u.text.split("질문: ")[1].split("\n")[0] for u in parse_file(cut)[1][0].units] == \
        ["질문 2", "질문 3", "질문 4", "질문 5"]


def test_row_number_far_past_the_cap_is_refused_lazily(tmp_path, monkeypatch):
    monkeypatch.setattr(complaints, "MAX_ROWS", 1000)
    f = write_xlsx(tmp_path / "gap.xlsx", [text_row(1, "질문", "답변"), text_row(10**12, "질문", "답변")])
    with pytest.raises(ParseError) as e:
        parse_file(f)
    assert "1,000행 초과" in e.value.reason


def test_bomb_among_good_files_keeps_the_stored_corpus(make_runtime, tmp_path):
    folder = tmp_path / "민원"
    folder.mkdir()
    good = write_xlsx(folder / "2023.xlsx", [text_row(1, "제목", "질문", "답변")] +
                      [text_row(i, "문의", f"가스 배관 점검 주기 질문 {i}", f"연 1회 점검합니다 {i}") for i in range(2, 7)])
    rt = make_runtime()
    first = rt.ingestor.ingest_paths([folder])
    assert first.count("ok") == 1
    before = sorted((h.id, h.payload.get("text")) for h in rt.index.find(QueryFilter(), limit=1000))
    versions = sorted(v.version_key for v in rt.registry.all_versions())
    assert len(before) == 5

    bomb(folder / "2023.xlsx")  # the stored file is replaced by a bomb ...
    bomb(folder / "2024_폭탄.xlsx")  # ... and a new one arrives with a good CSV
    with (folder / "2025.csv").open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["질문", "답변"])
        w.writerow(["보일러 설치 신고는 어디에 하나요?", "관할 시청 건축과에 신고합니다."])
    report = rt.ingestor.ingest_paths([folder])

    by_name = {Path(fr.path).name: fr for fr in report.files}
    for name in ("2023.xlsx", "2024_폭탄.xlsx"):
        assert by_name[name].status == "error" and "압축 폭탄" in by_name[name].reason
    assert by_name["2025.csv"].status == "ok"
    after = sorted((h.id, h.payload.get("text")) for h in rt.index.find(QueryFilter(), limit=1000))
    assert set(before) <= set(after) and len(after) == len(before) + 1
    assert set(versions) < {v.version_key for v in rt.registry.all_versions()}
    run = rt.registry.runs(1)[0]
    assert run["status"] == "partial" and run["counts"]["error"] == 2
