"""Tests for the 국가법령정보센터 statute-PDF parser: the four shared PDFs plus small text-level cases."""
from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path

import pypdf
import pytest

from ingest.parsers import law_pdf
from ingest.parsers.base import ParseError, SkipFile
from ingest.parsers.law_pdf import is_statute_pdf, join_lines, parse, split_units, strip_page_furniture
from rag.model import KIND_DECREE, KIND_LAW, KIND_RULE, UNIT_ADDENDA, UNIT_ARTICLE, UNIT_PARAGRAPH

LAWS = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "kgs-lpg" / "법령"
FILES = {
    "act": "액화석유가스의 안전관리 및 사업법(법률)(제18818호)(20220203).pdf",
    "decree": "액화석유가스의 안전관리 및 사업법 시행령(대통령령)(제34258호)(20240227).pdf",
    "rule": "액화석유가스의 안전관리 및 사업법 시행규칙(산업통상자원부령)(제00533호)(20231212).pdf",
    "gas": "고압가스 안전관리법(법률)(제18269호)(20211216).pdf",
}


@pytest.fixture(scope="module")
def docs():
    """The four shared statute PDFs, parsed once."""
    if not all((LAWS / name).exists() for name in FILES.values()):
        pytest.skip(f"shared statute PDFs not available under {LAWS}")
    out = {}
    for key, name in FILES.items():
        parsed = parse(LAWS / name)
        assert len(parsed) == 1
        out[key] = parsed[0]
    return out


def _units(doc) -> dict:
    return {u.label: u for u in doc.units}


def _articles(doc) -> list[str]:
    """Distinct article numbers in order ("33", "33의2")."""
    return list(dict.fromkeys(u.article_no for u in doc.units if u.kind in (UNIT_ARTICLE, UNIT_PARAGRAPH)))


# ------------------------------------------------------------------ real files

@pytest.mark.parametrize("key, title, kind, number, effective, promulgated, revision", [
    ("act", "액화석유가스의 안전관리 및 사업법", KIND_LAW, "18818", date(2022, 2, 3), date(2022, 2, 3), "일부개정"),
    ("decree", "액화석유가스의 안전관리 및 사업법 시행령", KIND_DECREE, "34258", date(2024, 2, 27), date(2024, 2, 27),
     "타법개정"),
    ("rule", "액화석유가스의 안전관리 및 사업법 시행규칙", KIND_RULE, "533", date(2023, 12, 12), date(2023, 12, 12),
     "타법개정"),
    ("gas", "고압가스 안전관리법", KIND_LAW, "18269", date(2021, 12, 16), date(2021, 6, 15), "일부개정"),
])
def test_document_metadata(docs, key, title, kind, number, effective, promulgated, revision):
    doc = docs[key]
    assert (doc.title, doc.kind, doc.promulgation_no) == (title, kind, number)
    assert (doc.effective_from, doc.promulgated_on, doc.revision_type) == (effective, promulgated, revision)
    assert doc.ministry == "산업통상자원부"
    assert doc.source.endswith(FILES[key])


@pytest.mark.parametrize("key, count, first, last, addenda", [
    ("act", 88, "1", "73", ["부칙"]),
    ("decree", 41, "1", "34", ["부칙"]),
    ("rule", 106, "1", "82", []),  # this export prints no 부칙
    ("gas", 78, "1", "46", []),
])
def test_article_counts(docs, key, count, first, last, addenda):
    doc = docs[key]
    numbers = _articles(doc)
    assert len(numbers) == count
    assert (numbers[0], numbers[-1]) == (first, last)
    assert [u.label for u in doc.units if u.kind == UNIT_ADDENDA] == addenda


def test_act_articles(docs):
    units = _units(docs["act"])
    for label in ("제3조의2", "제33조", "제44조", "제49조의6", "제72조"):
        assert label in units
    u = units["제33조"]
    assert u.title == "시설의 개선과 안전 유지"
    assert u.path == ["제5장 안전관리"]
    assert u.page == 11
    assert "\n② 가스공급자와 사전 협의 없이는 누구든지 가스공급자 소유의 설비를 임의로 철거하거나 변경하여서는 아니 된다.\n" in u.text
    assert units["제44조"].title == "액화석유가스 사용시설의 설치와 검사 등"
    assert units["제1조"].text == (
        "제1조(목적) 이 법은 액화석유가스의 수출입ㆍ충전ㆍ저장ㆍ판매ㆍ사용 및 가스용품의 안전 관리에 관한 사항을 정하여 "
        "공공의 안전을 확보하고 액화석유가스사업을 합리적으로 조정하여 액화석유가스를 적정히 공급ㆍ사용하게 함을 목적으로 한다.")
    assert units["제1조"].path == ["제1장 총칙"]
    assert units["제73조제1항"].path == ["제9장 벌칙"]


def test_act_items_paragraphs_and_notes(docs):
    units = _units(docs["act"])
    definitions = units["제2조"].text
    assert definitions.startswith("제2조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다. <개정 2019. 8. 20.>\n1. “액화석유가스”란")
    assert "\n6의2. “액화석유가스 배관망공급사업”이란" in definitions
    assert "\n17. “정밀안전진단”이란" in definitions  # continues across the page break
    criteria = units["제6조"].text
    assert "\n가. 산업통상자원부령으로 정하는 공급시설(이하 “공급시설”이라 한다)을 소유할 것\n나. 임차 계약" in criteria
    assert "<개정 2019. 8. 20.>" in criteria  # a note whose date was wrapped ("2019. 8.\n20.>")
    assert units["제3조의2"].text.endswith("\n[본조신설 2017. 10. 31.]")
    assert units["제3조의2"].amended == ["2017-10-31"]
    assert "2022-02-03" in units["제5조"].amended


def test_act_deleted_and_split_articles(docs):
    units = _units(docs["act"])
    assert units["제28조"].text == "제28조 삭제 <2019. 3. 26.>"
    assert units["제28조"].extra["deleted"] is True and units["제28조"].title == ""
    fines = [u for u in docs["act"].units if u.article_no == "73"]
    assert [u.label for u in fines] == [f"제73조제{n}항" for n in range(1, 7)]
    assert all(u.kind == UNIT_PARAGRAPH and u.title == "과태료" for u in fines)


def test_act_addenda(docs):
    addenda = [u for u in docs["act"].units if u.kind == UNIT_ADDENDA]
    assert len(addenda) == 1
    text = addenda[0].text
    assert text.startswith("부칙 <제18818호,2022. 2. 3.>\n제1조(시행일) 이 법은 공포한 날부터 시행한다.\n제2조(")
    assert addenda[0].extra["promulgation_no"] == "18818"
    # the 부칙's own 제1조… are not articles of the act
    assert [u.label for u in docs["act"].units].count("제1조") == 1


def test_decree_paths_and_addenda(docs):
    units = _units(docs["decree"])
    assert units["제1조의2"].title == "액화석유가스 배관망공급사업의 범위"
    assert units["제20조"].path == ["제4장 공급 및 안전관리"]  # heading printed with "<개정 2020. 2. 18.>"
    assert units["제34조"].path == ["제7장 보칙"]
    assert units["부칙"].text.endswith("\n이 영은 공포한 날부터 시행한다.")


def test_rule_long_article_split_by_paragraph(docs):
    units = _units(docs["rule"])
    assert "제2조" not in units and "제2조제1항" in units
    definitions = units["제2조제1항"].text
    assert "\n가. “가스공급시설”이란 액화석유가스를 제조하거나 공급하기 위한 시설로서 다음의 시설을 말한다.\n1) 가스제조시설:" in definitions
    assert "\n2) 가스배관시설:" in definitions
    assert units["제2조제2항"].text.startswith("제2조(정의) ② ")
    assert units["제33조"].text.count("\n") == 2  # ① … ② … ③ after a chapter heading at a page top
    assert units["제82조"].title == "주택에 설치된 액화석유가스 사용시설의 배관 교체 기한"


def test_gas_act_pending_article_version(docs):
    doc = docs["gas"]
    assert all(u.path == [] for u in doc.units)  # this act has no chapters
    versions = [u for u in doc.units if u.label == "제3조의3"]
    assert len(versions) == 2
    current, pending = versions
    assert current.effective_from is None and current.extra["replaced_on"] == "2026-02-01"
    assert pending.effective_from == date(2026, 2, 1) and pending.extra["pending"] is True
    assert "<개정 2016. 3. 22., 2025. 1. 31.>" in pending.text
    assert pending.text.endswith("[시행일: 2026. 2. 1.] 제3조의3")
    assert _units(doc)["제46조"].text == "제46조 삭제 <1999. 2. 8.>"


@pytest.mark.parametrize("key", list(FILES))
def test_no_page_furniture_left(docs, key):
    doc = docs[key]
    for u in doc.units:
        assert "국가법령정보센터" not in u.text and "법제처" not in u.text, u.label
        assert doc.title not in u.text.split("\n"), u.label
        assert not re.search(r"^\s*\d+\s*$", u.text, re.M), u.label
        assert u.page and u.text.strip()


def test_is_statute_pdf_routes_only_law_exports(docs):
    for name in FILES.values():
        assert is_statute_pdf(LAWS / name, "")
        first = pypdf.PdfReader(LAWS / name).pages[0].extract_text()
        assert is_statute_pdf(Path("renamed.pdf"), first)
    code = LAWS / "FU431_231107.pdf"  # a KGS technical code: routed elsewhere
    if code.exists():
        assert not is_statute_pdf(code, pypdf.PdfReader(code).pages[0].extract_text())


# ------------------------------------------------------------------ text-level cases

HEADER = "법제처                      {n}                      국가법령정보센터\n테스트법\n"
PAGES = [
    HEADER.format(n=1) + " \n테스트법 ( 약칭: 시험법 )\n[시행 2024. 1. 1.] [법률 제1호, 2023. 12. 1., 일부개정]\n"
    "행정안전부 (시험과) 044-000-0000\n       제1장 총칙\n \n"
    "제1조(목적) 이 법은 시험에 필요한 사항을 정함을 목\n적으로 한다.\n \n"
    "제2조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다. <개정 2020. 1.\n1.>\n"
    "1. “시험”이란 무엇을 말한\n다. 다만, 검사는 제외한다.\n2. “검사”란 다음 각 목의 것을 말한다.\n가. 첫째\n나. 둘째",
    HEADER.format(n=2) + "제3조(적용) ① 이 법은 모든 시험에 적용한다.\n② 제1항에도 불구하고 다음 각 호의 경우에는\n"
    "제33조제2항에 따라 처리한다.<개정 2008.\n2. 29.>\n \n       제2장 절차\n \n       제1절 신청\n \n"
    "제4조 삭제 <2020. 1. 1.>\n \n제5조(신청) 신청하려는 자는 「형법」 제172조 및\n"
    "제174조(제164조제1항의 미수범은 제외한다)를 위반하지 아니하여야 한다.",
    HEADER.format(n=3) + "제5조의2(특례) 특례는 없다.\n[본조신설 2021. 1. 1.]\n \n부칙 <제1호,2023. 12. 1.>\n"
    "제1조(시행일) 이 법은 2024년 1월 1일부터 시행한다.",
]


def _parse_pages(monkeypatch, name: str, pages=PAGES):
    monkeypatch.setattr(law_pdf, "read_pages", lambda path: pages)
    return parse(Path(name))[0]


def test_parse_synthetic_export(monkeypatch):
    doc = _parse_pages(monkeypatch, "테스트법(법률)(제00001호)(20240101).pdf")
    assert (doc.title, doc.abbreviations, doc.kind, doc.promulgation_no) == ("테스트법", ["시험법"], KIND_LAW, "1")
    assert (doc.effective_from, doc.promulgated_on, doc.ministry) == (date(2024, 1, 1), date(2023, 12, 1), "행정안전부")
    units = _units(doc)
    assert list(units) == ["제1조", "제2조", "제3조", "제4조", "제5조", "제5조의2", "부칙"]
    assert units["제1조"].text == "제1조(목적) 이 법은 시험에 필요한 사항을 정함을 목적으로 한다."
    assert units["제2조"].text.split("\n") == [
        "제2조(정의) 이 법에서 사용하는 용어의 뜻은 다음과 같다. <개정 2020. 1. 1.>",
        "1. “시험”이란 무엇을 말한다. 다만, 검사는 제외한다.",  # "다. 다만" is no 목
        "2. “검사”란 다음 각 목의 것을 말한다.", "가. 첫째", "나. 둘째"]
    assert units["제2조"].amended == ["2020-01-01"]
    assert units["제3조"].text.split("\n")[1] == "② 제1항에도 불구하고 다음 각 호의 경우에는 제33조제2항에 따라 처리한다.<개정 2008. 2. 29.>"
    assert units["제3조"].amended == ["2008-02-29"] and units["제3조"].page == 2
    assert units["제4조"].path == ["제2장 절차", "제1절 신청"] and units["제4조"].extra["deleted"]
    assert "제174조(제164조제1항의 미수범은 제외한다)를" in units["제5조"].text
    assert units["제5조의2"].text.endswith("\n[본조신설 2021. 1. 1.]")
    assert units["부칙"].kind == UNIT_ADDENDA and "제1조(시행일)" in units["부칙"].text
    assert all("테스트법" not in u.text and "법제처" not in u.text for u in doc.units)


def test_metadata_from_text_when_file_was_renamed(monkeypatch):
    doc = _parse_pages(monkeypatch, "download.pdf")
    assert (doc.title, doc.kind, doc.promulgation_no, doc.effective_from) == ("테스트법", KIND_LAW, "1", date(2024, 1, 1))


def test_strip_page_furniture_is_generic():
    words = ["가스", "용기", "배관", "검사"]
    pages = [f"사내 보고서 2024\n" + "\n".join(f"{w} 본문 {i}째 줄" for i in range(8)) + f"\n- {n} -\n"
             for n, w in enumerate(words, start=1)]
    kept = strip_page_furniture(pages)
    assert not any("사내 보고서" in line or line.startswith("- ") for _, line in kept)
    assert [line for page, line in kept if page == 2 and line] == [f"용기 본문 {i}째 줄" for i in range(8)]


def test_strip_page_furniture_keeps_lines_inside_the_page():
    words = ["가스", "용기", "배관"]
    pages = [f"머리말\n{w} 본문 1\n{w} 본문 2\n머리말\n{w} 본문 3\n{w} 본문 4\n{w} 끝\n꼬리말 {n}"
             for n, w in enumerate(words, start=1)]
    pages[1] = pages[1].replace("꼬리말 2", "")  # one page without its footer: 2 of 3 pages still repeat it
    kept = [line for _, line in strip_page_furniture(pages) if line]
    assert not any(line.startswith("꼬리말") for line in kept)
    assert kept.count("머리말") == 3  # the header text inside a page body stays
    assert kept.count("용기 본문 1") == 1 and kept.count("배관 끝") == 1


def test_join_lines_sub_items_and_false_starts():
    raw = ["제7조(기준) ① 다음 각 호의 기준에 맞아야 한다.", "1. 공급시설을 갖출 것. 이 경우 “시설”(이하 “시설”이라 한",
           "다)를 포함한다.", "가. 첫째 시설", "1) 세부 기준", "2) 다른 기준", "나. 둘째 시설", "② 그 밖의 기준은",
           "제33조제2항에 따른다."]
    lines = [text for _, text in join_lines([(1, line) for line in raw])]
    assert lines[1].endswith("(이하 “시설”이라 한다)를 포함한다.")
    assert lines[2:] == ["가. 첫째 시설", "1) 세부 기준", "2) 다른 기준", "나. 둘째 시설", "② 그 밖의 기준은 제33조제2항에 따른다."]


def test_split_units_guards_and_versions():
    lines = [(1, text) for text in [
        "제1조(목적) 목적을 정한다.", "제174조(제164조제1항의 미수범)에 따른다.", "제70조(먼 번호) 건너뛴 번호",
        "제3조(시행) 지금의 규정", "제3조(시행) 바뀔 규정", "[시행일: 2030. 1. 1.] 제3조",
        "제6조부터 제8조까지 삭제 <2020. 1. 1.>", "제9조(끝) 마지막 조문",
        "부칙 <제10호,2020. 1. 1.>", "이 법은 공포한 날부터 시행한다.", "부칙 <제20호,2021. 2. 2.>", "제1조(시행일) 생략"]]
    units = split_units(lines)
    assert [u.label for u in units] == ["제1조", "제3조", "제3조", "제6조", "제9조",
                                        "부칙 <제10호,2020.1.1>", "부칙 <제20호,2021.2.2>"]
    assert "제174조(제164조제1항의 미수범)에 따른다.\n제70조(먼 번호) 건너뛴 번호" in units[0].text
    assert units[1].extra == {"replaced_on": "2030-01-01"} and units[1].effective_from is None
    assert units[2].effective_from == date(2030, 1, 1) and units[2].extra["pending"] is True
    assert units[3].extra == {"deleted": True, "deleted_through": "제8조"}
    assert units[6].extra["promulgation_no"] == "20" and units[6].text.endswith("제1조(시행일) 생략")


@pytest.mark.parametrize("name, text, expected", [
    ("도시가스사업법 시행규칙(산업통상자원부령)(제00100호)(20240101).pdf", "", True),
    ("캠핑용자동차 안전기준(산업통상자원부고시)(제2024-62호)(20240403).pdf", "", True),
    ("GC205_220517.pdf", "KGS Code GC205 가스시설 …", False),
    ("letter.pdf", "법제처 1 국가법령정보센터\n…\n[시행 2024. 1. 1.] [법률 제1호, 2023. 12. 1., 제정]", True),
    ("letter.pdf", "공문: [시행 2024. 1. 1.] 예정인 개정안 안내", False),
])
def test_is_statute_pdf(name, text, expected):
    assert is_statute_pdf(Path(name), text) is expected


# ------------------------------------------------------------------ broken inputs

def test_malformed_pdf_is_a_parse_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + os.urandom(4000))
    with pytest.raises(ParseError) as err:
        parse(path)
    assert not isinstance(err.value, SkipFile) and "PDF" in err.value.reason


def _blank_pdf(path: Path, password: str | None = None) -> Path:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    with open(path, "wb") as f:
        writer.write(f)
    return path


def test_encrypted_pdf_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError) as err:
        parse(_blank_pdf(tmp_path / "locked.pdf", password="secret"))
    assert not isinstance(err.value, SkipFile) and "암호" in err.value.reason


def test_pdf_without_text_layer_is_skipped(tmp_path):
    for path in (_blank_pdf(tmp_path / "scan.pdf"), _blank_pdf(tmp_path / "owner-only.pdf", password="")):
        with pytest.raises(SkipFile) as err:
            parse(path)
        assert "텍스트 층이 없는 PDF(스캔본)" in err.value.reason


def test_text_without_articles_is_a_parse_error(monkeypatch):
    with pytest.raises(ParseError) as err:
        _parse_pages(monkeypatch, "memo(법률)(제1호)(20240101).pdf", ["회의록\n" + "가나다라마바사 " * 10] * 2)
    assert "조문" in err.value.reason
