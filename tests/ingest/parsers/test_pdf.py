"""Tests for the generic PDF parser (공문, 착안사항, manuals, scanned answer collections) and its helpers."""
from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfWriter

from ingest.parsers import pdf, pdf_outline, pdf_pages
from ingest.parsers.base import ParseError, SkipFile
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
CORPUS = SHARED / "corpora" / "kgs-lpg"
LETTER = CORPUS / "기타" / (
    "17. 기술지도처-940호(08.3.12., 소형저장탱크용 고압호스(금속플렉시블호스) 적용 검사 처리기준 알림)_공문.pdf")
ATTACHMENT = CORPUS / "기타" / (
    "30. 검사지원처-2108호(20.6.17., 액법 시행규칙 개정에 따른 LPG사용시설 검사업무 착안사항 알림(소형저장탱크 이격거리))_붙임.pdf")
SPACELESS = CORPUS / "기타" / "21. 검사지원처-3327호(16.9.21., LPG사용시설 검사업무 착안사항 알림)_붙임.pdf"
FEES = CORPUS / "수수료" / "LPG 검사수수료.pdf"
WEB_PAGE = CORPUS / "체적거래제" / "체적거래제 관련정보.pdf"
SCANNED_ONE_PAGE = CORPUS / "기타" / "1-답변.pdf"
SCANNED_LONG = CORPUS / "기타" / "~2004년.pdf"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared corpus file not available: {path}")
    return path


@pytest.fixture(scope="module")
def attachment():
    return pdf.parse(_need(ATTACHMENT))[0]


def test_letter_number_and_date():
    doc = pdf.parse(_need(LETTER))[0]
    assert doc.kind == KIND_GUIDELINE
    assert doc.promulgation_no == "기술지도처-940호" == doc.extra["doc_no"]
    assert doc.promulgated_on == date(2008, 3, 12)
    assert doc.extra["issued_on"] == "2008-03-12"
    assert doc.title == "소형저장탱크용 고압호스(금속플렉시블호스) 적용 검사 처리기준 알림"
    assert len(doc.units) == 1 and doc.units[0].label == "전문" and doc.units[0].page == 1
    assert "성능인증제품으로 교체 사용가능" in doc.units[0].text.replace("\n", "")


def test_attachment_sections(attachment):
    assert attachment.kind == KIND_GUIDELINE
    assert attachment.promulgation_no == "검사지원처-2108호"
    assert attachment.promulgated_on == date(2020, 6, 17)
    assert attachment.extra["letter_part"] == "붙임"
    labels = [u.label for u in attachment.units]
    assert labels[:3] == ["Ⅰ.", "Ⅱ.", "Ⅲ."]
    first = attachment.units[0]
    assert first.title == "배경" and first.kind == UNIT_SECTION and first.page == 1
    nested = [u for u in attachment.units if u.path == ["Ⅲ. 착안사항"]]
    assert any(u.title == "적용시점" for u in nested)
    assert all(len(u.text) <= pdf.MAX_UNIT_CHARS for u in attachment.units)
    assert all(1 <= u.page <= 14 for u in attachment.units)


def test_page_number_footers_dropped(attachment):
    for unit in attachment.units:
        assert not any(line.strip() in ("-1-", "- 1 -", "-2-") for line in unit.text.splitlines())


def test_spaceless_text_layer_is_reread_with_spaces():
    doc = pdf.parse(_need(SPACELESS))[0]
    text = "\n".join(u.text for u in doc.units)
    assert "검사업무 적용 기준이 모호하거나" in text
    assert [u.title for u in doc.units if u.label == "□"][:2] == ["푸드트럭 특례기준 주요 개정사항(‘16.9.7시행)", "역화방지장치 설치"]


def test_manuals_and_page_fallback():
    fees = pdf.parse(_need(FEES))[0]
    assert fees.kind == KIND_MANUAL and fees.title == "LPG 검사수수료" and fees.promulgated_on is None
    web = pdf.parse(_need(WEB_PAGE))[0]
    assert web.kind == KIND_MANUAL
    assert [u.label for u in web.units][0].startswith("p.1")
    assert all(len(u.text) <= pdf.MAX_UNIT_CHARS for u in web.units)
    assert "체적거래" in web.units[0].text


def test_scanned_pdf_without_ocr_is_skipped(monkeypatch):
    monkeypatch.setattr(pdf_pages, "ocr_available", lambda: False)
    with pytest.raises(SkipFile) as err:
        pdf.parse(_need(SCANNED_LONG))
    assert err.value.reason == pdf_pages.NO_OCR_REASON


def test_ocr_of_one_scanned_page():
    path = _need(SCANNED_ONE_PAGE)
    if not pdf_pages.ocr_available():
        pytest.skip("tesseract-ocr, tesseract-ocr-kor and poppler-utils are not installed")
    doc = pdf.parse(path)[0]
    assert doc.extra["ocr_pages"] == [1]
    assert doc.extra["ocr_seconds"] > 0
    text = "\n".join(u.text for u in doc.units)
    assert "캠핑" in text and "액화석유가스" in text


def test_file_name_descriptions():
    info = pdf.describe(Path("19. 검사지원처-2116호(14.7.2., LPG 허가·사용시설 검사업무 착안사항 알림)_붙임.pdf"), "")
    assert (info["doc_no"], info["date"], info["kind"]) == ("검사지원처-2116호", date(2014, 7, 2), KIND_GUIDELINE)
    assert info["title"] == "LPG 허가·사용시설 검사업무 착안사항 알림 (붙임)"
    info = pdf.describe(Path("해외수입 캠핑카 완성검사 방법 착안사항(23.12.7).pdf"), "")
    assert (info["kind"], info["date"], info["title"]) == (KIND_GUIDELINE, date(2023, 12, 7), "해외수입 캠핑카 완성검사 방법 착안사항")
    assert pdf.describe(Path("2005~2011년.pdf"), "■ 유권해석 사례")["kind"] == KIND_MANUAL


def test_outline_levels():
    lines = [["문서 제목", "Ⅰ 배 경", "본문 한 줄", "Ⅱ 착안사항", "1. 첫째 항목", "가. 세부", "내용",
              "2. 둘째 항목", "□ 상자 제목", "ㅇ 짧은 요점", "긴 설명이 이어집니다."]]
    root = pdf_outline.build_outline(lines)
    assert [c.label for c in root.children] == ["Ⅰ.", "Ⅱ."]
    assert root.children[0].title == "배경"
    second = root.children[1]
    assert [c.label for c in second.children] == ["1.", "2."]
    assert second.children[0].children[0].label == "가."
    assert second.children[1].children[0].label == "□"
    assert root.lines == [(1, "문서 제목")]


def test_overprint_and_furniture_helpers():
    assert pdf_pages.dedupe_overprint("LPG 허가․사용시설 검사업무 착안사항LPG 허가․사용시설 검사업무 착안사항") == \
        "LPG 허가․사용시설 검사업무 착안사항"
    assert pdf_pages.dedupe_overprint("검사지원처 검사지원처 검사지원처 연료가스부연료가스부연료가스부") == "검사지원처 연료가스부"
    assert pdf_pages.dedupe_overprint("0.5 이상 0.3 이상 0.5 이상") == "0.5 이상 0.3 이상 0.5 이상"
    bodies = ["가스 배관", "저장 탱크", "조정기 설치", "방호벽", "경계 표지"]
    pages = [f"KGS FU432 2023\n{n}\n{body}\n- {n} -" for n, body in enumerate(bodies, 1)]
    assert pdf_pages.strip_furniture(pages) == [[body] for body in bodies]


def test_packing_bounds():
    big = pdf_outline.Section(label="1.", title="큰 절", page=1, lines=[(1, "1. 큰 절")] + [(1, "가" * 90)] * 40)
    small = pdf_outline.Section(label="2.", title="작은 절", page=2, lines=[(2, "2. 작은 절"), (2, "짧은 내용")])
    root = pdf_outline.Section(label="", heading_lines=0, children=[big, small])
    pieces = pdf_outline.pack_sections(root, 200, 2000)
    assert [p.section.label for p in pieces] == ["1.", "1.", "2."]
    assert [p.part for p in pieces[:2]] == [1, 2]
    assert all(len(p.text) <= 2000 for p in pieces)


def _pdf_bytes(encrypt: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if encrypt is not None:
        writer.encrypt(user_password=encrypt, owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def test_malformed_pdf(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\ngarbage that is not a PDF body\n")
    with pytest.raises(ParseError) as err:
        pdf.parse(bad)
    assert not isinstance(err.value, SkipFile)
    assert "손상된 PDF" in err.value.reason


def test_not_a_pdf(tmp_path):
    fake = tmp_path / "note.pdf"
    fake.write_text("그냥 텍스트", encoding="utf-8")
    with pytest.raises(ParseError) as err:
        pdf.parse(fake)
    assert "PDF 형식이 아닙니다" in err.value.reason


def test_encrypted_pdf(tmp_path):
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_pdf_bytes(encrypt="secret"))
    with pytest.raises(ParseError) as err:
        pdf.parse(locked)
    assert not isinstance(err.value, SkipFile)
    assert err.value.reason.startswith("암호화된 PDF")


def test_blank_pdf_is_skipped(tmp_path):
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_pdf_bytes())
    with pytest.raises(SkipFile):
        pdf.parse(blank)
    owner_only = tmp_path / "owner_only.pdf"  # empty user password: opens, then is just as empty
    owner_only.write_bytes(_pdf_bytes(encrypt=""))
    with pytest.raises(SkipFile):
        pdf.parse(owner_only)
