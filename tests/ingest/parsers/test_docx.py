"""ingest.parsers.docx on DOCX files built here with python-docx, and on hostile or broken files."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

docx = pytest.importorskip("docx")

from ingest.parsers import detect, parse_file  # noqa: E402
from ingest.parsers import docx as docx_parser  # noqa: E402
from ingest.parsers.base import ParseError  # noqa: E402
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION  # noqa: E402


def write_manual(path: Path, title: str | None = "가스시설 점검 업무 매뉴얼") -> Path:
    """Headings at two levels, a table with a merged cell, Korean body text, one very long section."""
    d = docx.Document()
    if title:
        d.add_heading(title, 0)
    d.add_heading("제1장 총칙", 1)
    d.add_paragraph("이 매뉴얼은   가스시설 점검 절차를 정한다.")
    d.add_heading("1. 점검 주기", 2)
    d.add_paragraph("점검 주기는 다음 표와 같다.")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("구분", "주기", "근거"), ("충전소", "월 1회", "제33조"), ("판매소", "분기 1회", "")]):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    t.cell(1, 2).merge(t.cell(2, 2))
    d.add_paragraph("표 뒤의 문단도 같은 절에 속한다.")
    d.add_heading("제2장 보칙", 1)
    d.add_paragraph("보고는 서면으로 한다. " * 500)
    d.save(str(path))
    return path


def reason(path: Path) -> str:
    with pytest.raises(ParseError) as info:
        docx_parser.parse(path)
    return info.value.reason


def test_headings_tables_and_units(tmp_path):
    path = write_manual(tmp_path / "manual.docx")
    assert detect(path) == "docx"
    name, docs = parse_file(path)
    assert name == "docx" and len(docs) == 1
    doc = docs[0]
    assert doc.title == "가스시설 점검 업무 매뉴얼" and doc.kind == KIND_MANUAL
    labels = [u.label for u in doc.units]
    assert labels[:2] == ["제1장 총칙", "제1장 총칙 > 1. 점검 주기"]
    first, table = doc.units[0], doc.units[1]
    assert first.text == "이 매뉴얼은 가스시설 점검 절차를 정한다." and first.kind == UNIT_SECTION
    assert table.path == ["제1장 총칙", "1. 점검 주기"] and table.title == "1. 점검 주기"
    assert table.text.splitlines() == ["점검 주기는 다음 표와 같다.", "구분 | 주기 | 근거",
                                       "충전소 | 월 1회 | 제33조", "판매소 | 분기 1회 | 제33조",
                                       "표 뒤의 문단도 같은 절에 속한다."]
    long = [u for u in doc.units if u.label == "제2장 보칙"]
    assert len(long) >= 3 and all(len(u.text) <= 2000 for u in doc.units)
    assert long[1].extra == {"part": 2}
    assert long[0].text.endswith("한다.")  # cut at a sentence end, not mid-word


def test_guideline_kind_and_fallback_title(tmp_path):
    path = write_manual(tmp_path / "LPG 점검 지침.docx", title=None)
    doc = docx_parser.parse(path)[0]
    assert doc.title == "LPG 점검 지침" and doc.kind == KIND_GUIDELINE
    d = docx.Document()
    d.core_properties.title = "민원 처리 가이드라인"
    d.add_paragraph("본문")
    d.save(str(tmp_path / "x.docx"))
    doc = docx_parser.parse(tmp_path / "x.docx")[0]
    assert doc.kind == KIND_GUIDELINE and doc.units[0].label == "민원 처리 가이드라인"


def test_korean_style_names(tmp_path):
    """Styles named "제목 1" / "개요 2" (Korean Word, Hangul exports) open sections too."""
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.styles.add_style("제목 1", WD_STYLE_TYPE.PARAGRAPH)
    d.styles.add_style("개요 2", WD_STYLE_TYPE.PARAGRAPH)
    d.add_paragraph("가. 적용 범위", style="제목 1")
    d.add_paragraph("세부 항목", style="개요 2")
    d.add_paragraph("내용입니다.")
    d.save(str(tmp_path / "k.docx"))
    unit = docx_parser.parse(tmp_path / "k.docx")[0].units[0]
    assert unit.path == ["가. 적용 범위", "세부 항목"] and unit.text == "내용입니다."


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (20 * 2**20))
    assert "압축 폭탄" in reason(path)


def test_truncated_and_corrupt(tmp_path):
    good = write_manual(tmp_path / "good.docx").read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(good[: len(good) // 2])
    assert "잘렸" in reason(cut)

    broken = tmp_path / "broken.docx"
    with zipfile.ZipFile(tmp_path / "good.docx") as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, b"<w:document><unclosed" if info.filename == "word/document.xml" else data)
    assert "손상" in reason(broken)

    no_body = tmp_path / "nobody.docx"
    with zipfile.ZipFile(no_body, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
    assert "word/document.xml" in reason(no_body)

    text = tmp_path / "fake.docx"
    text.write_text("이것은 워드 문서가 아닙니다", encoding="utf-8")
    assert "DOCX(ZIP) 문서가 아닙니다" in reason(text)


def test_empty_document(tmp_path):
    d = docx.Document()
    d.add_paragraph("   ")
    d.save(str(tmp_path / "empty.docx"))
    assert "본문 텍스트가 없습니다" in reason(tmp_path / "empty.docx")


def test_missing_core_properties(tmp_path):
    """No docProps/core.xml: the title comes from the file name, not python-docx's "Word Document"."""
    src = write_manual(tmp_path / "src.docx", title=None)
    dst = tmp_path / "민원 처리 공문.docx"
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info)
            if info.filename == "_rels/.rels":  # drop the relationship to the core properties part too
                data = re.sub(rb"<Relationship [^>]*docProps/core.xml[^>]*/>", b"", data)
            if info.filename != "docProps/core.xml":
                b.writestr(info, data)
    doc = docx_parser.parse(dst)[0]
    assert doc.title == "민원 처리 공문" and doc.kind == KIND_GUIDELINE
