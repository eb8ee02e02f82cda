"""Tests for the legalize-kr Markdown parser: real shared files plus small inline edge cases."""
from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from ingest.parsers.base import ParseError
from ingest.parsers.legalize_md import addenda_header, parse, parse_text, statute_kind
from rag.model import (
    KIND_ADMRULE, KIND_DECREE, KIND_LAW, KIND_ORDINANCE, KIND_RULE, STATUS_CURRENT, STATUS_PENDING,
    UNIT_ADDENDA, UNIT_ARTICLE, UNIT_PARAGRAPH,
)

CORPORA = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora"
AS_OF = date(2026, 11, 23)


def _shared(rel: str) -> Path:
    path = CORPORA / rel
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path


def _doc(rel: str):
    docs = parse(_shared(rel))
    assert len(docs) == 1
    return docs[0]


def _manifest_rows() -> list[dict]:
    manifest = CORPORA / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with open(manifest, encoding="utf-8") as f:
        return [r for r in csv.DictReader(f, delimiter="\t") if r["local_path"].endswith(".md")]


# ------------------------------------------------------------------ real files

def test_gyeongbeomjoe_law():
    doc = _doc("legalize-kr/kr/경범죄처벌법/법률.md")
    assert doc.title == "경범죄 처벌법"
    assert doc.kind == KIND_LAW
    assert doc.law_id == "001674" and doc.mst == "290135"
    assert doc.effective_from == date(2026, 10, 2)
    assert doc.promulgated_on == date(2026, 9, 29) and doc.promulgation_no == "22014"
    assert doc.ministry == "경찰청"
    art3 = [u for u in doc.units if u.article_no == "3"]
    assert art3 and all(u.title == "경범죄의 종류" for u in art3)
    assert all(u.path == ["제2장 경범죄의 종류와 처벌"] for u in art3)
    # 제3조 is long, so article_units splits it by 항
    assert [u.label for u in art3] == ["제3조제1항", "제3조제2항", "제3조제3항"]
    assert all(u.kind == UNIT_PARAGRAPH for u in art3)
    assert "41. (지속적 괴롭힘)" in art3[0].text and "4. 삭제<2013.5.22>" in art3[0].text
    assert "2017-07-26" in art3[0].amended
    articles = {u.article_no for u in doc.units if u.kind in (UNIT_ARTICLE, UNIT_PARAGRAPH)}
    assert articles == {"1", "2", "3", "4", "5", "6", "7", "8", "8의2", "9"}
    first = next(u for u in doc.units if u.label == "제1조")
    assert first.path == ["제1장 총칙"] and first.text.startswith("제1조(목적) 이 법은")
    addenda = [u for u in doc.units if u.kind == UNIT_ADDENDA]
    assert len(addenda) == 7
    assert addenda[0].label == "부칙 <제11401호,2012.3.21>"
    assert addenda[2].title == "정부조직법" and addenda[2].extra["promulgated_on"] == "2014-11-19"
    assert addenda[-1].text.endswith("이 법은 2026년 10월 2일부터 시행한다.")


def test_paragraphs_and_items_on_own_lines_without_markdown():
    doc = _doc("legalize-kr/kr/경범죄처벌법/법률.md")
    art6 = next(u for u in doc.units if u.label == "제6조")
    lines = art6.text.split("\n")
    assert lines[0].startswith("제6조(정의) ① 이 장에서")
    assert "② 이 장에서 \"범칙자\"란 범칙행위를 한 사람으로서 다음 각 호의 어느 하나에 해당하지 아니하는 사람을 말한다." in lines
    assert "1. 범칙행위를 상습적으로 하는 사람" in lines
    assert lines[-1].startswith("③")


def test_personal_information_act_is_pending_despite_status_label():
    doc = _doc("legalize-kr/kr/개인정보보호법/법률.md")
    assert doc.title == "개인정보 보호법"
    assert doc.extra["source_status"] == "시행"  # the file says 시행 …
    assert doc.effective_from == date(2027, 3, 9)
    assert doc.status(AS_OF) == STATUS_PENDING  # … but the dates decide
    assert doc.status(date(2027, 3, 9)) == STATUS_CURRENT
    assert doc.law_id == "011357"
    deleted = next(u for u in doc.units if u.label == "제8조")
    assert deleted.text == "제8조 삭제 <2020.2.4>" and deleted.extra["deleted"] is True
    art2 = next(u for u in doc.units if u.label == "제2조")
    assert "\n가. 성명, 주민등록번호 및 영상 등을 통하여 개인을 알아볼 수 있는 정보" in art2.text
    assert "\n1의2. \"가명처리\"란" in art2.text
    pseudo = next(u for u in doc.units if u.label == "제28조의2")
    assert pseudo.path == ["제3장 개인정보의 처리", "제3절 가명정보의 처리에 관한 특례"]
    paths = {p for u in doc.units for p in u.path}
    assert "제9장 보칙" in paths and not any("<" in p for p in paths)  # "<개정 2020.2.4>" stripped
    assert len([u for u in doc.units if u.kind == UNIT_ADDENDA]) == 14


def test_basic_livelihood_act_effective_2027():
    doc = _doc("legalize-kr/kr/국민기초생활보장법/법률.md")
    assert doc.effective_from == date(2027, 3, 16)
    assert doc.status(AS_OF) == STATUS_PENDING
    assert not any("<img" in u.text for u in doc.units)


@pytest.mark.parametrize("rel, kind", [
    ("legalize-kr/kr/경범죄처벌법/시행령.md", KIND_DECREE),
    ("legalize-kr/kr/공무원고충처리규정/대통령령.md", KIND_DECREE),
    ("legalize-kr/kr/공공기록물관리에관한법률/시행규칙.md", KIND_RULE),
    ("admrule-kr/국무총리/개인정보보호위원회/고시/개인정보의 안전성 확보조치 기준/본문.md", KIND_ADMRULE),
    ("ordinance-kr/경기도/연천군/규칙/연천군 민원모니터 운영 조례 시행규칙/본문.md", KIND_ORDINANCE),
    ("ordinance-kr/경기도/파주시/조례/파주시 개인정보 보호 조례/본문.md", KIND_ORDINANCE),
])
def test_kinds(rel, kind):
    assert _doc(rel).kind == kind


def test_rule_promulgation_number_unpadded_and_attachments_kept():
    doc = _doc("legalize-kr/kr/공공기록물관리에관한법률/시행규칙.md")
    assert doc.promulgation_no == "642"
    titles = [a["title"] for a in doc.extra["attachments"]]
    assert "삭제 <2026. 9. 11.>" in titles  # &lt;…&gt; unescaped


def test_admrule_front_matter():
    doc = _doc("admrule-kr/국무총리/개인정보보호위원회/고시/개인정보의 안전성 확보조치 기준/본문.md")
    assert doc.title == "개인정보의 안전성 확보조치 기준"
    assert doc.law_id == "73493" and doc.mst == "2100000265956"
    assert doc.promulgated_on == date(2025, 10, 31) and doc.promulgation_no == "2025-9"
    assert doc.ministry == "개인정보보호위원회" and doc.revision_type == "일부개정"
    assert doc.extra["category"] == "고시"
    assert [u.label for u in doc.units][:3] == ["제1조", "제2조", "제3조"]
    assert doc.units[0].path == ["제1장 총칙"]


def test_ordinance_addenda_and_angle_bracket_notes():
    doc = _doc("ordinance-kr/경기도/연천군/규칙/연천군 민원모니터 운영 조례 시행규칙/본문.md")
    assert doc.ministry == "경기도 연천군" and doc.law_id == "2092636"
    assert doc.effective_from == date(2018, 10, 30)
    art1 = doc.units[0]
    assert art1.amended == ["2018-10-30"]  # from 〈개정 2018. 10. 30〉
    addenda = [u for u in doc.units if u.kind == UNIT_ADDENDA]
    assert [u.label for u in addenda] == [
        "부칙 <제1009호,2001.11.13>", "부칙 <제1279호,2014.5.23>",
        "부칙 <제1343호,2016.3.15>", "부칙 <제1421호,2018.10.30>"]
    assert "제2조(서식 개정에 관한 경과조치)" in addenda[1].text
    single = _doc("ordinance-kr/경기도/파주시/조례/파주시 개인정보 보호 조례/본문.md")
    assert [u.label for u in single.units if u.kind == UNIT_ADDENDA] == ["부칙"]


@pytest.mark.parametrize("row", _manifest_rows(), ids=lambda r: r["title"])
def test_every_shared_file_matches_manifest(row):
    doc = _doc(row["local_path"])
    assert doc.title == row["title"]
    assert doc.promulgated_on == date.fromisoformat(row["공포일자/발령일자"])
    assert doc.effective_from == date.fromisoformat(row["시행일자"])
    labels = [u.label for u in doc.units]
    assert len(labels) == len(set(labels)), Counter(labels).most_common(3)
    assert any(u.kind in (UNIT_ARTICLE, UNIT_PARAGRAPH) for u in doc.units)
    for u in doc.units:
        assert u.text.strip()
        assert "**" not in u.text and "\\." not in u.text and "\\" not in u.text


# ------------------------------------------------------------------ inline edge cases

SMALL = """---
제목: 시험법
법령MST: 1234
법령ID: '000123'
법령구분: 법률
소관부처:
- 법무부
- 행정안전부
공포일자: 2025-01-02
공포번호: '20001'
시행일자: 2025-07-01
상태: 폐지
출처: https://www.law.go.kr/법령/시험법
---

# 시험법

## 제1장 총칙 <개정 2020.1.1>

##### 제1조 (목적)

이 법은 시험을 목적으로 한다. <개정 2020.1.1>

### 제1절 세부

##### 제2조의3 (수수(授受) 금지)

**①** 누구든지 다음 각 호의 행위를 하여서는 아니 된다. <신설 2021.3.4>

  1\\. 첫째 행위
    가\\. 세부 행위
  2\\. 삭제<2022.5.6>

**②** 제1항은 예외가 없다.

## 제2장 벌칙

##### 제5조

삭제 <2023.1.1>

## 부칙

부칙 <제100호,2000.1.1>

이 법은 공포한 날부터 시행한다.

부칙(정부조직법) <제200호,2010.2.3>

제1조(시행일) 이 법은 공포한 날부터 시행한다. 부칙 제2조의 개정규정은 예외로 한다.
부칙 제2조에 따른 사항은 생략

부칙 <제200호,2010.2.3>

중복 번호의 부칙
"""


def test_small_document_structure():
    [doc] = parse_text(SMALL, "small.md")
    assert doc.ministry == "법무부, 행정안전부"
    assert doc.repealed is False and doc.extra["source_status"] == "폐지"
    labels = [u.label for u in doc.units]
    assert labels == ["제1조", "제2조의3", "제5조", "부칙 <제100호,2000.1.1>",
                      "부칙 <제200호,2010.2.3>", "부칙 <제200호,2010.2.3> (2)"]
    a1, a2, a5 = doc.units[:3]
    assert a1.path == ["제1장 총칙"] and a1.amended == ["2020-01-01"]
    assert a2.title == "수수(授受) 금지" and a2.article_no == "2의3"
    assert a2.path == ["제1장 총칙", "제1절 세부"]
    assert a2.text.split("\n") == [
        "제2조의3(수수(授受) 금지) ① 누구든지 다음 각 호의 행위를 하여서는 아니 된다. <신설 2021.3.4>",
        "1. 첫째 행위", "가. 세부 행위", "2. 삭제<2022.5.6>", "② 제1항은 예외가 없다."]
    assert a5.path == ["제2장 벌칙"] and a5.text == "제5조 삭제 <2023.1.1>" and a5.extra["deleted"]
    second = doc.units[4]
    assert second.title == "정부조직법"
    assert "부칙 제2조에 따른 사항은 생략" in second.text  # a line starting with 부칙 is not a new block


def test_single_addenda_block_is_plain_label():
    text = SMALL.split("## 부칙")[0] + "## 부칙\n\n부칙 <제100호,2000.1.1>\n\n시행한다.\n"
    [doc] = parse_text(text, "one.md")
    assert [u.label for u in doc.units if u.kind == UNIT_ADDENDA] == ["부칙"]
    assert doc.units[-1].extra["promulgation_no"] == "100"


def test_addenda_header_variants():
    h = addenda_header("부     칙 〈2001. 11. 13 규칙 제1009호〉 이 규칙은 공포한 날부터 시행한다.")
    assert h["date"] == date(2001, 11, 13) and h["no"] == "1009" and h["rest"].startswith("이 규칙은")
    h = addenda_header("부칙 (2023. 4. 10. 조례 제1903호) 이 조례는 공포한 날부터 시행한다.")
    assert h["date"] == date(2023, 4, 10) and h["no"] == "1903"
    h = addenda_header("부칙(「공소청법」 및 「중대범죄수사청법」 시행에 따른 법률(일부)) <제22014호,2026.9.29>")
    assert h["no"] == "22014" and h["name"].startswith("「공소청법」")
    assert addenda_header("부칙 제2조의 개정규정은 예외로 한다.") is None


@pytest.mark.parametrize("category, kind", [
    ("법률", KIND_LAW), ("대통령령", KIND_DECREE), ("총리령", KIND_RULE), ("행정안전부령", KIND_RULE),
    ("고시", KIND_ADMRULE), ("훈령", KIND_ADMRULE), ("예규", KIND_ADMRULE), ("조례", KIND_ORDINANCE),
])
def test_statute_kind(category, kind):
    assert statute_kind(category) == kind


@pytest.mark.parametrize("text, reason", [
    ("# 제목만\n\n##### 제1조 (목적)\n\n본문\n", "front matter"),
    ("---\n제목: [깨진\n---\n", "YAML"),
    ("---\n제목: 빈 문서\n법령구분: 법률\n---\n\n# 빈 문서\n", "조문"),
])
def test_parse_errors_name_the_file(text, reason):
    with pytest.raises(ParseError) as e:
        parse_text(text, "bad/file.md")
    assert "bad/file.md" in str(e.value) and reason in str(e.value)


def test_parse_reads_file(tmp_path):
    p = tmp_path / "법률.md"
    p.write_text(SMALL, encoding="utf-8")
    [doc] = parse(p)
    assert doc.source == str(p) and doc.law_id == "000123" and doc.mst == "1234"
    p.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ParseError):
        parse(p)
