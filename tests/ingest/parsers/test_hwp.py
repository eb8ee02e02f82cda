"""ingest.parsers.hwp on the real 별표/고시 .hwp files of the KGS LPG corpus, and on broken files."""
from __future__ import annotations

import random
import shutil
import zipfile
from datetime import date
from pathlib import Path

import olefile
import pytest

from ingest.parsers import hwp
from ingest.parsers.base import ParseError
from rag.model import KIND_ADMRULE, KIND_ANNEX, UNIT_ADDENDA, UNIT_ANNEX

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"
CORPUS = SHARED / "corpora" / "kgs-lpg" / "법령"
PARENT = "액화석유가스의 안전관리 및 사업법 시행규칙"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def corpus_file(prefix: str) -> Path:
    """The one corpus file whose name starts with ``prefix`` (skip when the corpus is absent)."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    hits = sorted(p for p in CORPUS.glob("*.hwp") if p.name.startswith(prefix))
    assert len(hits) == 1, (prefix, hits)
    return hits[0]


@pytest.fixture(scope="module")
def parsed() -> dict[str, list]:
    """Every .hwp of the corpus parsed once: {file name: documents}."""
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    return {p.name: hwp.parse(p) for p in sorted(CORPUS.glob("*.hwp"))}


def doc_for(parsed: dict, prefix: str):
    """The single document parsed from the file whose name starts with ``prefix``."""
    docs = [d for name, ds in parsed.items() if name.startswith(prefix) for d in ds]
    assert len(docs) == 1, prefix
    return docs[0]


def test_every_real_file_parses(parsed):
    assert len(parsed) >= 20
    for name, docs in parsed.items():
        assert len(docs) == 1, name
        assert docs[0].units and all(u.text.strip() for u in docs[0].units), name
        if name.startswith("[별표"):
            assert docs[0].kind == KIND_ANNEX, name


def test_annex20_metadata(parsed):
    doc = doc_for(parsed, "[별표 20]")
    assert doc.kind == KIND_ANNEX
    assert doc.parent_title == PARENT
    assert doc.title == f"{PARENT} 별표 20"
    assert doc.extra["annex_title"] == "액화석유가스 사용시설의 시설ㆍ기술ㆍ검사기준"
    for unit in doc.units:
        assert unit.label == "별표 20" and unit.kind == UNIT_ANNEX
        assert unit.title == "액화석유가스 사용시설의 시설ㆍ기술ㆍ검사기준"
        assert unit.refs == ["제49조의6", "제69조", "제71조", "제71조의2"]
        assert unit.extra["related"] == "제49조의6제2호, 제69조, 제71조제10항 및 제71조의2제2항제3호 관련"
        assert "2023-10-10" in unit.amended


def test_annex20_is_split_by_its_own_numbering(parsed):
    units = doc_for(parsed, "[별표 20]").units
    assert len(units) > 5
    parts = [u.extra["part"] for u in units]
    assert len(set(parts)) == len(parts)
    assert parts[0].startswith("1. 가.")
    assert any(p.startswith("2.") for p in parts) and any(p.startswith("3.") for p in parts)
    assert all(len(u.text) <= 2700 for u in units)
    assert sum(500 <= len(u.text) <= 2700 for u in units) >= len(units) - 1
    # the first unit carries the annex header; the others say which annex and part they are
    assert "[별표 20] <개정 2023. 10. 10.>" in units[0].text
    for unit in units[1:]:
        first_line = unit.text.split("\n", 1)[0]
        assert first_line.startswith("별표 20 액화석유가스 사용시설의 시설ㆍ기술ㆍ검사기준 <개정 2023. 10. 10.> — ")
        assert unit.path and first_line.endswith(unit.path[-1])


def test_annex20_table_rows_stay_with_their_heading(parsed):
    units = doc_for(parsed, "[별표 20]").units
    hits = [u.text for u in units if "\n1톤 이상 3톤 미만 | 5m\n" in u.text]
    assert len(hits) == 1
    text = hits[0]
    assert "\n저장능력 | 화기와의 우회거리\n" in text
    assert text.index("가) 저장설비·감압설비") < text.index("저장능력 | 화기와의 우회거리")
    assert any("2,000 이상 | 5.5 이상 | 0.5 이상 | 3.5 이상" in u.text for u in units)


def test_annex24_fee_table_rows(parsed):
    doc = doc_for(parsed, "[별표 24]")
    assert len(doc.units) == 1
    unit = doc.units[0]
    assert unit.label == "별표 24" and unit.title == "허가 등의 수수료"
    assert unit.refs == ["제77조"] and unit.extra["related"] == "제77조제1항 관련"
    lines = unit.text.split("\n")
    assert "대상 | 금액" in lines
    assert "1. 액화석유가스 충전사업허가 | 3만원" in lines
    assert "12. 등록증 재발급 | 1만5천원" in lines


def test_annex_names_variants(parsed):
    sub = doc_for(parsed, "[별표 10의2]")
    assert {u.label for u in sub.units} == {"별표 10의2"} and sub.units[0].refs == ["제33조의2"]
    no_related = doc_for(parsed, "[별표 11]")
    assert no_related.units[0].refs == ["제29조"]
    decree = doc_for(parsed, "[별표 1] 안전관리자")
    assert decree.parent_title == "액화석유가스의 안전관리 및 사업법 시행령"
    assert decree.title != doc_for(parsed, "[별표 1] 보호시설").title
    unnumbered = doc_for(parsed, "[별표] 캠핑용자동차")
    assert unnumbered.parent_title == "캠핑용자동차 내 액화석유가스 사용시설에 대한 안전기준"
    assert {u.label for u in unnumbered.units} == {"별표"}
    assert unnumbered.units[0].refs == [] and len(unnumbered.units) > 1


def test_same_titled_annexes_stay_distinct(parsed):
    nine, ten = doc_for(parsed, "[별표 9]"), doc_for(parsed, "[별표 10]")
    assert nine.extra["annex_title"] == ten.extra["annex_title"]
    assert nine.doc_key != ten.doc_key


def test_notice_as_hwpml(parsed):
    doc = doc_for(parsed, "이동용 음식판매 화물자동차 내 액화석유가스 사용시설에 대한 특례기준(")
    assert doc.kind == KIND_ADMRULE
    assert doc.title == "이동용 음식판매 화물자동차 내 액화석유가스 사용시설에 대한 특례기준"
    assert doc.promulgation_no == "2024-61"
    assert doc.effective_from == date(2024, 4, 3) and doc.promulgated_on == date(2024, 4, 3)
    assert doc.ministry == "산업통상자원부" and doc.revision_type == "일부개정"
    labels = [u.label for u in doc.units]
    assert labels[:7] == [f"제{n}조" for n in range(1, 8)]
    assert "부칙" in labels
    by_label = {u.label: u for u in doc.units}
    assert by_label["제3조"].title == "액화석유가스 특정사용자 등"
    assert "② 제1항에 따른" in by_label["제3조"].text
    assert by_label["제5조"].extra.get("deleted") is True
    assert by_label["부칙"].kind == UNIT_ADDENDA and "2024. 4. 3." in by_label["부칙"].text


def test_second_notice_number(parsed):
    doc = doc_for(parsed, "캠핑용자동차 내 액화석유가스 사용시설에 대한 안전기준(")
    assert doc.promulgation_no == "2024-62" and doc.kind == KIND_ADMRULE


def test_annex_recognised_from_text_when_renamed(tmp_path):
    path = writable_copy(corpus_file("[별표 24]"), tmp_path / "fees.hwp")
    (doc,) = hwp.parse(path)
    assert doc.kind == KIND_ANNEX and doc.title == f"{PARENT} 별표 24"
    assert doc.units[0].refs == ["제77조"] and doc.units[0].title == "허가 등의 수수료"


# --- broken files -------------------------------------------------------------------------


def reason(path: Path) -> str:
    """The ParseError reason for a file that must not parse."""
    with pytest.raises(ParseError) as info:
        hwp.parse(path)
    return info.value.reason


def writable_copy(src: Path, dst: Path) -> Path:
    """A writable copy of a (read-only) corpus file."""
    shutil.copyfile(src, dst)
    dst.chmod(0o644)
    return dst


def test_random_bytes_with_ole_magic(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "corrupt.hwp"
    path.write_bytes(OLE_MAGIC + bytes(rng.getrandbits(8) for _ in range(8184)))
    assert "OLE" in reason(path)


def test_truncated_hwp(tmp_path):
    data = corpus_file("[별표 24]").read_bytes()
    for fraction in (0.1, 0.5, 0.9):
        path = tmp_path / f"truncated{fraction}.hwp"
        path.write_bytes(data[: int(len(data) * fraction)])
        assert "잘" in reason(path)


def test_zip_renamed_hwp(tmp_path):
    path = tmp_path / "renamed.hwp"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/section0.xml", "<sec/>")
    assert "ZIP" in reason(path)


def test_other_files_renamed_hwp(tmp_path):
    pdf = tmp_path / "a.hwp"
    pdf.write_bytes(b"%PDF-1.7\n...")
    assert "PDF" in reason(pdf)
    empty = tmp_path / "empty.hwp"
    empty.write_bytes(b"")
    assert "빈 파일" in reason(empty)


def test_password_protected_hwp(tmp_path):
    path = writable_copy(corpus_file("[별표 24]"), tmp_path / "locked.hwp")
    ole = olefile.OleFileIO(str(path), write_mode=True)
    header = bytearray(ole.openstream("FileHeader").read())
    header[36] |= 0x02  # FileHeader property bit 1: password
    ole.write_stream("FileHeader", bytes(header))
    ole.close()
    assert "암호" in reason(path)


def test_garbled_and_cut_body_stream(tmp_path):
    path = writable_copy(corpus_file("[별표 24]"), tmp_path / "garbled.hwp")
    ole = olefile.OleFileIO(str(path), write_mode=True)
    body = ole.openstream("BodyText/Section0").read()
    ole.write_stream("BodyText/Section0", bytes(random.Random(3).getrandbits(8) for _ in body))
    ole.close()
    assert "압축 해제 실패" in reason(path)
    ole = olefile.OleFileIO(str(path), write_mode=True)
    ole.write_stream("BodyText/Section0", body[: len(body) // 2] + bytes(len(body) - len(body) // 2))
    ole.close()
    assert "끊겼" in reason(path)


def test_hwpml_entity_bomb_and_broken_xml(tmp_path):
    bomb = tmp_path / "bomb.hwp"
    bomb.write_bytes(b'<?xml version="1.0"?><!DOCTYPE HWPML [<!ENTITY a "aaaaaaaaaa">'
                     b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><HWPML><BODY><SECTION><P><TEXT>'
                     b"<CHAR>&b;</CHAR></TEXT></P></SECTION></BODY></HWPML>")
    assert "HWPML" in reason(bomb)
    cut = tmp_path / "cut.hwp"
    cut.write_bytes(b'<?xml version="1.0"?><HWPML><BODY><SECTION><P><TEXT><CHAR>abc')
    assert "HWPML" in reason(cut)
