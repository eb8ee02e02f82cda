"""Tests for the KGS technical-code PDF parser: real codes from the shared corpus plus synthetic edge cases."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from ingest.parsers import kgs_code
from ingest.parsers.base import ParseError
from rag.model import KIND_CODE, UNIT_CLAUSE

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
CODES = SHARED / "corpora" / "kgs-lpg" / "법령"
FU432 = CODES / "FU432_231107.pdf"
GC202 = CODES / "GC202_231005.pdf"
LETTER = SHARED / "corpora" / "kgs-lpg" / "기타" / (
    "17. 기술지도처-940호(08.3.12., 소형저장탱크용 고압호스(금속플렉시블호스) 적용 검사 처리기준 알림)_공문.pdf")
LABEL = re.compile(r"^(?:\d+(?:\.\d+)*|[A-Z]\d+(?:\.\d+)*|부록 [A-Z])$")


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared corpus file not available: {path}")
    return path


@pytest.fixture(scope="module")
def fu432():
    return kgs_code.parse(_need(FU432))[0]


def _unit(doc, label):
    units = [u for u in doc.units if u.label == label]
    assert units, f"no unit labelled {label}"
    return units


def test_document_metadata(fu432):
    assert fu432.kind == KIND_CODE
    assert fu432.title.startswith("KGS FU432 소형저장탱크에 의한 액화석유가스 사용시설의")
    assert fu432.title.endswith("검사 기준")
    assert fu432.extra["code"] == "KGS FU432"
    assert fu432.promulgated_on == fu432.effective_from == date(2023, 11, 7)
    assert fu432.extra["date_source"] == "text"
    assert fu432.extra["decided_on"] == "2023-10-20"
    assert fu432.promulgation_no == "산업통상자원부 공고 제2023-807호"


def test_known_clause_has_title_path_page(fu432):
    parts = _unit(fu432, "2.3.3.4")
    first = parts[0]
    assert first.kind == UNIT_CLAUSE
    assert first.title == "설치방법"
    assert first.path == ["2 시설기준", "2.3 저장설비기준", "2.3.3 저장설비 설치"]
    assert first.page == 26  # PDF page (printed page 15)
    text = "\n".join(u.text for u in parts)
    assert first.text.startswith("2.3.3.4 설치방법")
    assert "지면보다 0.05m 이상 높게 설치된 일체형 콘크리트 기초" in text
    if len(parts) > 1:
        assert [u.extra["part"] for u in parts] == list(range(1, len(parts) + 1))


def test_transitional_clause_and_appendix(fu432):
    unit = _unit(fu432, "1.5.15")[0]
    assert unit.title == "소형저장탱크 설치방법 등에 관한 경과조치"
    assert unit.path == ["1 일반사항", "1.5 경과조치"]
    assert any(u.label == "부록 C" or (u.path and u.path[0].startswith("부록 C")) for u in fu432.units)


def test_no_table_of_contents_units(fu432):
    assert fu432.extra["toc_pages"] == [7, 8, 9, 10, 11]
    for unit in fu432.units:
        assert unit.page > 11
        assert not re.search(r"·{5,}\s*\d+", unit.text), unit.label


def test_repeated_page_headers_dropped(fu432):
    for unit in fu432.units:
        assert not any(line.strip() == "KGS FU432 2023" for line in unit.text.splitlines()), unit.label


def test_unit_sizes(fu432):
    sizes = [len(u.text) for u in fu432.units]
    assert max(sizes) <= kgs_code.MAX_UNIT_CHARS
    assert sum(1 for s in sizes if s >= kgs_code.MIN_UNIT_CHARS) >= 0.9 * len(sizes)
    assert 100 <= len(sizes) <= 250


def test_labels_are_printed_clause_numbers_in_order(fu432):
    body = []
    for unit in fu432.units:
        assert LABEL.match(unit.label), unit.label
        if unit.label[0].isdigit():
            body.append(tuple(int(x) for x in unit.label.split(".")))
    # numbers inside the text ("0.05 m", "1.5 MPa", table rows "1.10 327") never become clauses:
    # the main-body labels follow document order
    assert body == sorted(body)


def test_gold_references_resolve(fu432):
    gold_file = _need(SHARED / "eval" / "kgs_dev.jsonl")
    prefixes = set()
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        for ref in json.loads(line).get("gold", []):
            if ref["doc"] == "KGS FU432" and ref["unit"]:
                prefixes.add(ref["unit"])
    assert prefixes
    for prefix in prefixes:
        assert any(u.label == prefix or u.label.startswith(prefix + ".") for u in fu432.units), prefix


def test_small_code_gc202():
    doc = kgs_code.parse(_need(GC202))[0]
    assert doc.extra["code"] == "KGS GC202"
    assert doc.title == "KGS GC202 가스시설 전기방식 기준"
    assert doc.promulgated_on == date(2023, 10, 5)
    assert all(len(u.text) <= kgs_code.MAX_UNIT_CHARS for u in doc.units)
    assert any(u.label.startswith("2.2") for u in doc.units)


def test_is_kgs_code():
    assert kgs_code.is_kgs_code(_need(FU432))
    cover = "가스시설 전기방식 기준\nKGS GC202 2023\n가스기술기준위원회 심의·의결 : 2023년 9월 15일"
    assert kgs_code.is_kgs_code("x.pdf", cover)
    assert not kgs_code.is_kgs_code("x.pdf", "한국가스안전공사\n제 목 소형저장탱크용 고압호스 적용 검사")
    citing = "누출검사 실시(KGS FP331~334 4.2.2.4.2)\n(2014.6.24,가스기술기준위원회사무국-60)"
    assert not kgs_code.is_kgs_code("x.pdf", citing)
    if LETTER.exists():
        assert not kgs_code.is_kgs_code(LETTER)


def test_date_falls_back_to_file_name():
    info = kgs_code.cover_info(Path("FU999_231107.pdf"), "어떤 기준\nKGS FU999 2023\n")
    assert info["approved_on"] == date(2023, 11, 7)
    assert info["date_source"] == "filename"
    assert info["code"] == "KGS FU999" and info["name"] == "어떤 기준"


def test_clause_sequence_rules():
    assert kgs_code.follows((2, 3, 3, 4), (2, 3, 3, 5))
    assert kgs_code.follows((2, 3, 3, 4), (2, 3, 3, 4, 1))
    assert kgs_code.follows((2, 3, 3, 4), (2, 4))
    assert kgs_code.follows((1, 8, 3), (2, 1))  # chapter heading missed: still a plausible next clause
    assert not kgs_code.follows((2, 5, 7), (1, 5))  # "1.5 MPa" inside chapter 2
    assert not kgs_code.follows((2, 5, 7), (2, 5, 7, 6))  # children start at 1


def test_build_clauses_ignores_numbers_in_text():
    lines = [(1, s) for s in [
        "1. 일반사항", "1.1 적용범위", "이 기준은 소형저장탱크에 적용한다.",
        "2. 시설기준", "2.1 설치기준", "2.1.1 기초", "소형저장탱크는 지면보다 다음 높이로 설치한다.",
        "0.05 m 이상", "1.5 MPa 이상의 압력으로 시험한다.", "2.1.2 방호벽", "3. 인터폰",
        "2.1.3 ~ 2.1.5 <삭 제>", "2.1.6 경계표지",
    ]]
    root = kgs_code.build_clauses(lines)
    labels = []

    def walk(sec):
        for child in sec.children:
            labels.append(child.label)
            walk(child)

    walk(root)
    assert labels == ["1", "1.1", "2", "2.1", "2.1.1", "2.1.2", "2.1.3", "2.1.6"]
    clause = root.children[1].children[0].children[0]
    assert clause.title == "기초"
    assert any("1.5 MPa" in t for _, t in clause.lines)


def test_toc_page_detection():
    toc = ["목    차", "1. 일반사항······················1", "  1.1 적용범위···················1"]
    assert kgs_code.is_toc_page(toc)
    assert kgs_code.is_toc_page(["2.4 가스설비 기준··········18", "2.5 배관설비기준·········21", "2.6 정압기······46"])
    assert not kgs_code.is_toc_page(["2.3.3.4 설치방법", "소형저장탱크는 …"])


def test_malformed_pdf_raises(tmp_path):
    bad = tmp_path / "FU000_240101.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n")
    with pytest.raises(ParseError):
        kgs_code.parse(bad)
