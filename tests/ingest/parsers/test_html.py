"""ingest.parsers.html on pages written here: charsets (UTF-8, EUC-KR), chrome stripped, tables, lists, URLs."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.parsers import detect, parse_file
from ingest.parsers import html as html_parser
from ingest.parsers.base import ParseError
from rag.model import KIND_GUIDELINE, KIND_MANUAL, UNIT_SECTION

PAGE = """<!DOCTYPE html>
<html lang="ko"><head>{meta}<title>{title}</title>
<link rel="canonical" href="https://www.example.go.kr/board/view.do?id=3">
<script>var secret = "스크립트 내용";</script><style>.x {{ color: red }}</style></head>
<body>
<header><div class="gnb">사이트 머리말</div></header>
<nav><ul><li>메뉴 하나</li><li>메뉴 둘</li></ul></nav>
<div id="skip" role="navigation">본문 바로가기</div>
<h1>가스 사용시설 점검</h1>
<p>점검은   <strong>연 1회</strong> 실시한다.<br>다만, 예외가 있다.</p>
<!-- 주석은 빼야 함 -->
<h2>1. 점검 주기</h2>
<table><caption>점검 주기표</caption>
<thead><tr><th>구분</th><th>주기</th></tr></thead>
<tbody><tr><td>충전소</td><td>월 1회</td></tr><tr><td>판매소</td><td>분기 1회</td></tr></tbody></table>
<h3>가. 준비물</h3>
<ol><li>점검표<ul><li>서식 1</li><li>서식 2</li></ul></li><li>측정기</li></ol>
<h2>2. 문의</h2><p>담당 부서로 문의한다.</p>
<aside>관련 사이트 배너</aside>
<footer>저작권 (c) 다산시</footer>
<script>console.log("끝")</script>
</body></html>
"""


def write(path: Path, encoding: str, meta: str, title: str = "가스 점검 업무 매뉴얼") -> Path:
    path.write_bytes(PAGE.format(meta=meta, title=title).encode(encoding))
    return path


def check_page(doc) -> None:
    text = "\n".join(u.text for u in doc.units)
    for gone in ("스크립트", "사이트 머리말", "메뉴 하나", "본문 바로가기", "배너", "저작권", "주석", "color", "console"):
        assert gone not in text, gone
    by_label = {u.label: u for u in doc.units}
    assert list(by_label) == ["가스 사용시설 점검", "가스 사용시설 점검 > 1. 점검 주기",
                              "가스 사용시설 점검 > 1. 점검 주기 > 가. 준비물", "가스 사용시설 점검 > 2. 문의"]
    assert by_label["가스 사용시설 점검"].text == "점검은 연 1회 실시한다.\n다만, 예외가 있다."
    table = by_label["가스 사용시설 점검 > 1. 점검 주기"]
    assert table.text.splitlines() == ["점검 주기표", "구분 | 주기", "충전소 | 월 1회", "판매소 | 분기 1회"]
    assert table.kind == UNIT_SECTION and table.path == ["가스 사용시설 점검", "1. 점검 주기"]
    lists = by_label["가스 사용시설 점검 > 1. 점검 주기 > 가. 준비물"].text
    assert lists.splitlines() == ["1. 점검표", "  - 서식 1", "  - 서식 2", "2. 측정기"]
    assert doc.extra["url"] == "https://www.example.go.kr/board/view.do?id=3"


def test_utf8_page(tmp_path):
    path = write(tmp_path / "page.html", "utf-8", '<meta charset="utf-8">')
    assert detect(path) == "html"
    name, docs = parse_file(path)
    assert name == "html"
    doc = docs[0]
    assert doc.title == "가스 점검 업무 매뉴얼" and doc.kind == KIND_MANUAL and doc.extra["encoding"] == "utf-8"
    check_page(doc)


@pytest.mark.parametrize("meta", ['<meta charset="euc-kr">',
                                  '<meta http-equiv="Content-Type" content="text/html; charset=EUC-KR">',
                                  ""])  # undeclared: falls back to CP949 after UTF-8 fails
def test_euc_kr_page(tmp_path, meta):
    path = write(tmp_path / "page.html", "cp949", meta, title="민원 처리 안내")
    doc = html_parser.parse(path)[0]
    assert doc.title == "민원 처리 안내" and doc.kind == KIND_GUIDELINE
    assert doc.extra["encoding"] == "cp949"
    check_page(doc)


def test_header_charset_and_wrong_declaration():
    body = PAGE.format(meta='<meta charset="euc-kr">', title="제목").encode("utf-8")  # declared EUC-KR, really UTF-8
    doc = html_parser.parse_html(body, "https://www.example.go.kr/a/b.do", "text/html")[0]
    assert doc.extra["encoding"] == "utf-8"
    check_page(doc)
    cp = PAGE.format(meta="", title="제목").encode("cp949")
    text, enc = html_parser.decode_html(cp, "text/html; charset=ks_c_5601-1987")
    assert enc == "cp949" and "가스 사용시설 점검" in text
    text, enc = html_parser.decode_html(b"\xef\xbb\xbf<p>\xea\xb0\x80</p>", "text/html; charset=iso-8859-1")
    assert text.endswith("<p>가</p>")


def test_crawler_entry_point_and_og_url():
    data = ('<html><head><meta property="og:url" content="https://a.go.kr/x"></head>'
            "<body><h1>공지</h1><p>본문 한 줄</p></body></html>").encode()
    doc = html_parser.parse_html(data, "https://a.go.kr/notice/list.do", "text/html; charset=utf-8")[0]
    assert doc.source == "https://a.go.kr/notice/list.do" and doc.extra["url"] == "https://a.go.kr/x"
    assert doc.title == "공지" and doc.units[0].label == "공지"
    plain = html_parser.parse_html(b"<html><body><p>\xeb\xb3\xb8\xeb\xac\xb8</p></body></html>",
                                   "https://a.go.kr/page.html", None)[0]
    assert plain.extra["url"] == "https://a.go.kr/page.html" and plain.title == "page"


def test_long_page_and_layout_table():
    rows = "".join(f"<tr><td>항목 {i}</td><td>{'설명 ' * 30}</td></tr>" for i in range(60))
    layout = "<table><tr><td><h2>레이아웃 안 제목</h2><p>레이아웃 본문</p></td></tr></table>"
    data = f"<html><body><h1>긴 표</h1><table>{rows}</table>{layout}</body></html>".encode()
    doc = html_parser.parse_html(data, "long.html", None)[0]
    big = [u for u in doc.units if u.label == "긴 표"]
    assert len(big) >= 3 and all(len(u.text) <= 2000 for u in doc.units)
    assert all(line.startswith("항목 ") for u in big for line in u.text.splitlines())  # rows never cut
    assert doc.units[-1].label == "긴 표 > 레이아웃 안 제목" and doc.units[-1].text == "레이아웃 본문"


def test_empty_page_is_an_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>render()</script></head><body><nav>메뉴</nav></body></html>")
    with pytest.raises(ParseError) as info:
        html_parser.parse(path)
    assert "본문 텍스트가 없습니다" in info.value.reason


def test_article_header_is_content():
    data = ("<html><body><header>사이트 로고</header><article><header><h2>공지 제목</h2></header>"
            "<p>공지 본문</p><footer>작성일 2024. 1. 2.</footer></article><footer>주소</footer></body></html>").encode()
    units = html_parser.parse_html(data, "x.html", None)[0].units
    assert [(u.label, u.text) for u in units] == [("공지 제목", "공지 본문\n작성일 2024. 1. 2.")]
