"""ingest.parsers.hwpx on the real HWPX of the corpus, on HWPX files built here, and on hostile zips."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ingest.parsers import hwpx
from ingest.parsers.base import ParseError
from rag.model import KIND_ANNEX, KIND_OTHER, UNIT_SECTION

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
REAL = SHARED / "corpora" / "kgs-lpg" / "기타" / "캠핑돔즈 질의내용.hwpx"
ANNEX_NAME = "[별표 24] 허가 등의 수수료(제77조제1항 관련)(액화석유가스의 안전관리 및 사업법 시행규칙).hwpx"
NS = ('xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph"')


def para(text: str) -> str:
    """One OWPML paragraph holding ``text``."""
    return f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>"


def cell(row: int, col: int, body: str, rowspan: int = 1, colspan: int = 1) -> str:
    """One OWPML table cell (content first, address after, as Hangul writes it)."""
    return (f"<hp:tc><hp:subList>{body}</hp:subList><hp:cellAddr colAddr=\"{col}\" rowAddr=\"{row}\"/>"
            f"<hp:cellSpan colSpan=\"{colspan}\" rowSpan=\"{rowspan}\"/></hp:tc>")


def fee_section() -> str:
    """A 별표 24-like section: header lines, a fee table in a frame table, a page header, a footnote."""
    fees = "".join(
        f"<hp:tr>{cell(r, 0, para(item))}{cell(r, 1, para(fee))}</hp:tr>"
        for r, (item, fee) in enumerate([("대상", "금액"), ("1. 액화석유가스 충전사업허가", "3만원"),
                                         ("2. 액화석유가스 집단공급사업허가", "2만원")], start=1))
    frame = (f'<hp:tbl rowCnt="4" colCnt="2"><hp:tr>{cell(0, 0, para("허가 등의 수수료(제77조제1항 관련)"), colspan=2)}'
             f"</hp:tr>{fees}</hp:tbl>")
    return (f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>'
            f"<hp:p><hp:run><hp:ctrl><hp:header>{para('페이지 머리말')}</hp:header></hp:ctrl>"
            "<hp:t>■ 액화석유가스의 안전관리 및 사업법 시행규칙 [별표 24] &lt;개정 2023. 10. 10.&gt;</hp:t></hp:run></hp:p>"
            f"<hp:p><hp:run>{frame}</hp:run></hp:p>"
            "<hp:p><hp:run><hp:t>비고<hp:tab/>수수료는<hp:lineBreak/>현금으로 낸다.</hp:t>"
            f"<hp:ctrl><hp:footNote><hp:subList>{para('각주 내용')}</hp:subList></hp:footNote></hp:ctrl>"
            "</hp:run></hp:p></hs:sec>")


def write_hwpx(path: Path, sections: dict[str, str | bytes], extra: dict[str, str | bytes] | None = None) -> Path:
    """An HWPX package: stored mimetype first, then the given members."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        z.writestr("version.xml", '<?xml version="1.0"?><hv:HCFVersion xmlns:hv="urn:x"/>')
        for name, data in {**sections, **(extra or {})}.items():
            z.writestr(name, data)
    return path


def reason(path: Path) -> str:
    """The ParseError reason for a file that must not parse."""
    with pytest.raises(ParseError) as info:
        hwpx.parse(path)
    return info.value.reason


@pytest.fixture(scope="module")
def real_doc():
    """The real HWPX of the corpus, parsed once."""
    if not REAL.is_file():
        pytest.skip("shared corpus not available")
    docs = hwpx.parse(REAL)
    assert len(docs) == 1
    return docs[0]


def test_real_hwpx_is_a_generic_section(real_doc):
    assert real_doc.kind == KIND_OTHER and real_doc.title == "캠핑돔즈 질의내용"
    assert len(real_doc.units) == 1
    unit = real_doc.units[0]
    assert unit.kind == UNIT_SECTION and unit.label == "□ 질의내용"
    assert "‘플렉스 호스’" in unit.text and "배관용밸브로 설치하여도 되는지 문의드립니다." in unit.text
    assert "<첨부> 1. 미국식 캠핑카 차량하부 사진 1" in unit.text


def test_built_annex_tables_and_text(tmp_path):
    path = write_hwpx(tmp_path / ANNEX_NAME, {"Contents/section0.xml": fee_section()})
    (doc,) = hwpx.parse(path)
    assert doc.kind == KIND_ANNEX and doc.parent_title == "액화석유가스의 안전관리 및 사업법 시행규칙"
    (unit,) = doc.units
    assert unit.label == "별표 24" and unit.refs == ["제77조"] and unit.amended == ["2023-10-10"]
    lines = unit.text.split("\n")
    assert "대상 | 금액" in lines and "1. 액화석유가스 충전사업허가 | 3만원" in lines
    assert lines.index("허가 등의 수수료(제77조제1항 관련)") < lines.index("대상 | 금액")
    assert "비고 수수료는" in lines and "현금으로 낸다." in lines
    assert lines[-1] == "각주 내용" and "페이지 머리말" not in unit.text


def test_spanned_cells_and_section_order(tmp_path):
    table = ('<hp:tbl rowCnt="2" colCnt="2"><hp:tr>' + cell(0, 0, para("충전시설"), rowspan=2)
             + cell(0, 1, para("안전관리총괄자: 1명")) + "</hp:tr><hp:tr>" + cell(1, 1, para("안전관리원: 2명 이상"))
             + "</hp:tr></hp:tbl>")
    sections = {
        "Contents/section1.xml": f'<hs:sec {NS}>{para("둘째 구역")}</hs:sec>',
        "Contents/section0.xml": f'<hs:sec {NS}>{para("□ 선임 기준")}<hp:p><hp:run>{table}</hp:run></hp:p></hs:sec>',
    }
    (doc,) = hwpx.parse(write_hwpx(tmp_path / "선임.hwpx", sections))
    text = doc.units[0].text
    assert "충전시설 | 안전관리총괄자: 1명\n충전시설 | 안전관리원: 2명 이상" in text
    assert text.index("선임 기준") < text.index("충전시설") < text.index("둘째 구역")


# --- hostile and broken archives -----------------------------------------------------------


def test_zip_bomb_disguised_as_hwpx(tmp_path):
    path = tmp_path / "bomb.hwpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        with z.open("Contents/section0.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 1.4 MB on disk
                member.write(zeros)
    assert path.stat().st_size < 5 * 2**20
    assert "압축 폭탄" in reason(path)


def test_total_size_and_member_count_limits(tmp_path):
    def info(name: str, size: int, packed: int) -> zipfile.ZipInfo:
        """A directory entry with the given sizes (nothing written)."""
        zi = zipfile.ZipInfo(name)
        zi.file_size, zi.compress_size, zi.header_offset = size, packed, 0
        return zi

    big = [info(f"Contents/section{i}.xml", 90 * 2**20, 2 * 2**20) for i in range(3)]  # 45:1 each
    with pytest.raises(ParseError, match="한도"):
        hwpx.check_members(tmp_path / "x.hwpx", big, 10 * 2**20)
    many = [info(f"BinData/{i}.png", 10, 10) for i in range(10_001)]
    with pytest.raises(ParseError, match="너무 많습니다"):
        hwpx.check_members(tmp_path / "x.hwpx", many, 10**9)
    hwpx.check_members(tmp_path / "x.hwpx", many[:100], 10**9)  # within limits: no error


@pytest.mark.parametrize("name", ["../../evil.xml", "Contents/../../evil.xml", "/etc/evil.xml", "C:\\evil.xml"])
def test_path_traversal_member(tmp_path, name):
    path = write_hwpx(tmp_path / "trav.hwpx", {"Contents/section0.xml": f'<hs:sec {NS}>{para("x")}</hs:sec>'},
                      {name: "boom"})
    assert "안전하지 않습니다" in reason(path)
    assert not (tmp_path.parent / "evil.xml").exists()


def test_truncated_hwpx(tmp_path):
    source = REAL.read_bytes() if REAL.is_file() else write_hwpx(tmp_path / "s.hwpx", {
        "Contents/section0.xml": fee_section()}).read_bytes()
    for fraction in (0.3, 0.7, 0.95):
        path = tmp_path / f"cut{fraction}.hwpx"
        path.write_bytes(source[: int(len(source) * fraction)])
        assert "잘렸" in reason(path)


def test_corrupt_member_data(tmp_path):
    path = write_hwpx(tmp_path / "crc.hwpx", {"Contents/section0.xml": fee_section() * 3})
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("Contents/section0.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + 60):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))
    assert "손상" in reason(path)


def test_not_hwpx_archives(tmp_path):
    ole = tmp_path / "ole.hwpx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024))
    assert "HWP 5" in reason(ole)
    docx = tmp_path / "doc.hwpx"
    with zipfile.ZipFile(docx, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
    assert "Contents/section" in reason(docx)
    epub = tmp_path / "book.hwpx"
    with zipfile.ZipFile(epub, "w") as z:
        z.writestr("mimetype", "application/epub+zip")
    assert "mimetype" in reason(epub)
    text = tmp_path / "plain.hwpx"
    text.write_text("그냥 텍스트", encoding="utf-8")
    assert "HWPX(ZIP) 문서가 아닙니다" in reason(text)


def test_encrypted_hwpx(tmp_path):
    manifest = ('<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                '<odf:file-entry odf:full-path="Contents/section0.xml"><odf:encryption-data/></odf:file-entry>'
                "</odf:manifest>")
    path = write_hwpx(tmp_path / "locked.hwpx", {"Contents/section0.xml": b"\x00\x01binary"},
                      {"META-INF/manifest.xml": manifest})
    assert "암호" in reason(path)


def test_malformed_and_entity_section_xml(tmp_path):
    broken = write_hwpx(tmp_path / "broken.hwpx", {"Contents/section0.xml": f"<hs:sec {NS}><hp:p><hp:run>"})
    assert "XML" in reason(broken)
    laughs = ('<?xml version="1.0"?><!DOCTYPE sec [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
              f"<hs:sec {NS}>{para('&b;')}</hs:sec>")
    assert "XML" in reason(write_hwpx(tmp_path / "laughs.hwpx", {"Contents/section0.xml": laughs}))
