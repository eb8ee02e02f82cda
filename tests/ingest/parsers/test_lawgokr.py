"""Tests for the law.go.kr Open API parser: real JSON samples plus inline JSON/XML edge cases."""
from __future__ import annotations

import json
import time
from datetime import date
from pathlib import Path

import pytest

from ingest.parsers.base import ParseError
from ingest.parsers.lawgokr import annex_label, parse, parse_bytes, unglue
from rag.model import (
    KIND_ADMRULE, KIND_DECREE, KIND_LAW, KIND_RULE, UNIT_ADDENDA, UNIT_ANNEX, UNIT_ARTICLE, UNIT_PARAGRAPH,
)

SAMPLES = Path(__file__).resolve().parents[3] / ".." / "shared" / "corpora" / "lawgokr-api-samples"


def _doc(name: str):
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared sample not available: {path}")
    docs = parse(path)
    assert len(docs) == 1
    return docs[0]


def _unit(doc, label):
    return next(u for u in doc.units if u.label == label)


# ------------------------------------------------------------------ real JSON samples

def test_electronic_financial_transactions_act():
    doc = _doc("전자금융거래법.json")
    assert doc.title == "전자금융거래법" and doc.kind == KIND_LAW
    assert doc.law_id == "010199" and doc.mst == "0101992023091419734"
    assert doc.effective_from == date(2024, 9, 15)
    assert doc.promulgated_on == date(2023, 9, 14) and doc.promulgation_no == "19734"
    assert doc.ministry == "금융위원회" and doc.revision_type == "일부개정"
    assert doc.extra["format"] == "json"
    art2 = _unit(doc, "제2조")
    assert art2.title == "정의" and art2.path == ["제1장 총칙"]
    assert art2.effective_from == date(2024, 9, 15) and art2.extra["changed"] is True
    lines = art2.text.split("\n")
    assert lines[0] == ("제2조(정의) 이 법에서 사용하는 용어의 정의는 다음과 같다. "
                        "<개정 2007.4.27, 2008.2.29, 2012.3.21, 2012.6.1, 2013.5.22, 2020.6.9, 2023.9.14>")
    assert lines[1].startswith('1. "전자금융거래"라 함은')
    assert "가. 「금융위원회의 설치 등에 관한 법률」 제38조제1호부터 제5호까지, 제7호 및 제8호에 해당하는 기관" in lines
    assert "라. 이용자의 생체정보" in lines
    assert "2023-09-14" in art2.amended
    art3 = _unit(doc, "제3조")
    assert art3.extra["changed"] is False
    assert art3.text.split("\n")[1].startswith("② 제5장의 규정은")  # "②제5장" gets a space
    articles = [u for u in doc.units if u.kind in (UNIT_ARTICLE, UNIT_PARAGRAPH)]
    assert len({u.article_no for u in articles}) == 66
    assert {"제1장 총칙", "제2장 전자금융거래 당사자의 권리와 의무"} <= {p for u in articles for p in u.path}
    assert ["제2장 전자금융거래 당사자의 권리와 의무", "제2절 전자지급거래 등"] in [u.path for u in articles]
    addenda = [u for u in doc.units if u.kind == UNIT_ADDENDA]
    assert len(addenda) == 18
    assert addenda[0].label == "부칙 <제7929호,2006.4.28>"
    assert addenda[-1].label == "부칙 <제19734호,2023.9.14>"
    assert addenda[0].text.startswith("부칙 <제7929호,2006.4.28>\n제1조 (시행일)")


def test_credit_information_act_nested_items_notes_and_annex():
    doc = _doc("신용정보의 이용 및 보호에 관한 법률.json")
    art2 = _unit(doc, "제2조")
    assert "\n1) 성명, 주소, 전화번호 및 그 밖에 이와 유사한 정보로서 대통령령으로 정하는 정보" in art2.text
    deleted = _unit(doc, "제16조")
    assert deleted.text == "제16조 삭제 <2020.2.4>" and deleted.extra["deleted"]
    moved = _unit(doc, "제38조의3")
    assert moved.text.endswith("[본조신설 2015.3.11]") and "2015-03-11" in moved.amended
    assert ["제5장 신용정보 관련 산업", "제1절 신용정보업"] in [u.path for u in doc.units]
    [annex] = [u for u in doc.units if u.kind == UNIT_ANNEX]
    assert annex.label == "별표" and annex.title == "신용정보회사에 대한 처분 사유(제14조제2항제9호 관련)"
    assert "1. 제9조제3항에 따른 명령을 위반하여" in annex.text
    assert len([u for u in doc.units if u.kind == UNIT_ADDENDA]) == 23


def test_decree_annexes_and_sub_chapters():
    doc = _doc("정보통신망 이용촉진 및 정보보호 등에 관한 법률 시행령.json")
    assert doc.kind == KIND_DECREE and doc.ministry == "방송통신위원회"
    annexes = {u.label: u for u in doc.units if u.kind == UNIT_ANNEX}
    assert len(annexes) == 12 and "별표 1의2" in annexes and "별표 4의2" in annexes
    assert annexes["별표 1의2"].effective_from == date(2025, 5, 20)  # 별표시행일자문자열
    assert annexes["별표 1"].effective_from is None
    assert annexes["별표 8"].title == "삭제 <2020. 8. 4.>"
    assert ["제6장의2 통신과금서비스"] in [u.path for u in doc.units]
    labels = [u.label for u in doc.units]
    assert len(labels) == len(set(labels))
    assert _unit(doc, "제50조").text.startswith("제50조 [제47조로 이동")


def test_admrule_service_response():
    doc = _doc("정보보호 및 개인정보보호 관리체계 인증 등에 관한 고시.json")
    assert doc.kind == KIND_ADMRULE and doc.law_id == "23559" and doc.mst == "2100000244750"
    assert doc.promulgation_no == "2024-8" and doc.effective_from == date(2024, 7, 24)
    articles = [u for u in doc.units if u.kind in (UNIT_ARTICLE, UNIT_PARAGRAPH)]
    assert len({u.article_no for u in articles}) == 40 and "18의2" in {u.article_no for u in articles}
    art2 = _unit(doc, "제2조")
    assert "\n8의2. \"심사팀장\"이란" in art2.text and "\n11. \"갱신심사\"란" in art2.text
    assert "\n② 협의회는" in _unit(doc, "제5조").text
    addenda = [u for u in doc.units if u.kind == UNIT_ADDENDA]
    assert addenda[0].label == "부칙 <제2013-4호,2013.1.17>" and len(addenda) == 10
    assert "\n제2조(인증심사원에 관한 경과조치)" in addenda[0].text
    annex_labels = [u.label for u in doc.units if u.kind == UNIT_ANNEX]
    assert "별표 7의3" in annex_labels and "별지 제15호서식" in annex_labels


# ------------------------------------------------------------------ inline JSON and XML

def _law_json(article: dict, **info) -> bytes:
    base = {"법령명_한글": "시험법", "법령ID": "009999", "법종구분": {"content": "법률", "법종구분코드": "A0002"},
            "공포일자": "20260101", "공포번호": "21000", "시행일자": "20260701"}
    base.update(info)
    body = {"법령": {"법령키": "0099992026010121000", "기본정보": base, "조문": {"조문단위": article}}}
    return json.dumps(body, ensure_ascii=False).encode()


def test_single_object_paragraph_and_branch_number():
    data = _law_json({"조문번호": "7", "조문가지번호": "2", "조문여부": "조문", "조문제목": "신고",
                      "조문내용": "제7조의2(신고)", "조문시행일자": "20270101",
                      "항": {"항번호": "①", "항내용": "①누구든지 신고할 수 있다."}},
                     법령명약칭="시험약칭", 법령일련번호="555")
    [doc] = parse_bytes(data, "single.json")
    [unit] = doc.units
    assert unit.label == "제7조의2" and unit.article_no == "7의2" and unit.title == "신고"
    assert unit.text == "제7조의2(신고) ① 누구든지 신고할 수 있다."
    assert unit.effective_from == date(2027, 1, 1)
    assert doc.abbreviations == ["시험약칭"] and doc.mst == "555"


def test_mok_beside_ho_in_json_joins_the_announcing_ho():
    data = _law_json([{"조문번호": "2", "조문여부": "조문", "조문제목": "정의",
                       "조문내용": "제2조(정의) 뜻은 다음과 같다.",
                       "항": {"호": [{"호번호": "1.", "호내용": "1. \"기기\"란 다음 각 목의 것을 말한다."},
                                    {"호번호": "2.", "호내용": "2. \"자\"란 사람을 말한다."}],
                              "목": [{"목번호": "가.", "목내용": "가. 보일러"},
                                    {"목번호": "나.", "목내용": [["나. 용기", "  1) 소형 용기"]]}]}}])
    [doc] = parse_bytes(data, "mok.json")
    assert doc.units[0].text.split("\n") == [
        "제2조(정의) 뜻은 다음과 같다.", "1. \"기기\"란 다음 각 목의 것을 말한다.",
        "가. 보일러", "나. 용기", "1) 소형 용기", "2. \"자\"란 사람을 말한다."]


def test_units_without_kind_or_number_fall_back_to_the_text():
    data = {"법령": {"기본정보": {"법령명_한글": "시험법 시행규칙", "법종구분": "행정안전부령"},
                    "조문": {"조문단위": [{"조문내용": "제1장 총칙"}, {"조문내용": "제4조의2(목적) 목적이다."}]}}}
    [doc] = parse_bytes(json.dumps(data, ensure_ascii=False).encode(), "bare.json")
    assert doc.kind == KIND_RULE
    assert [(u.label, u.path, u.text) for u in doc.units] == [("제4조의2", ["제1장 총칙"], "제4조의2(목적) 목적이다.")]


XML = """<?xml version="1.0" encoding="UTF-8"?>
<법령 법령키="0099992026010121000">
  <기본정보>
    <법령ID>009999</법령ID><공포일자>20260101</공포일자><공포번호>21000</공포번호>
    <법종구분 법종구분코드="A0007">대통령령</법종구분>
    <법령명_한글><![CDATA[시험법 시행령]]></법령명_한글>
    <법령명약칭><![CDATA[시험령]]></법령명약칭>
    <소관부처 소관부처코드="1270000">법무부</소관부처>
    <제개정구분>일부개정</제개정구분><시행일자>20260701</시행일자>
  </기본정보>
  <조문>
    <조문단위 조문키="0001000"><조문번호>1</조문번호><조문여부>전문</조문여부>
      <조문내용><![CDATA[      제1장 총칙 <개정 2020.1.1>]]></조문내용></조문단위>
    <조문단위 조문키="0002001">
      <조문번호>2</조문번호><조문여부>조문</조문여부><조문제목>정의</조문제목>
      <조문시행일자>20260701</조문시행일자><조문변경여부>Y</조문변경여부>
      <조문내용><![CDATA[제2조(정의) 뜻은 다음과 같다.]]></조문내용>
      <항>
        <호><호번호>1.</호번호><호내용><![CDATA[  1. "기기"란 다음 각 목의 것을 말한다.]]></호내용></호>
        <목><목번호>가.</목번호><목내용><![CDATA[    가. 보일러]]></목내용></목>
        <목><목번호>나.</목번호><목내용><![CDATA[    나. 용기
      1) 소형 용기]]></목내용></목>
        <호><호번호>2.</호번호><호내용><![CDATA[  2. "자"란 사람을 말한다.]]></호내용></호>
      </항>
    </조문단위>
    <조문단위 조문키="0002021">
      <조문번호>2</조문번호><조문가지번호>2</조문가지번호><조문여부>조문</조문여부>
      <조문제목>적용 범위</조문제목><조문시행일자>20270101</조문시행일자><조문변경여부>N</조문변경여부>
      <조문내용><![CDATA[제2조의2(적용 범위)]]></조문내용>
      <항><항번호>①</항번호><항내용><![CDATA[①이 영은 모든 자에게 적용한다. <신설 2026.1.1>]]></항내용></항>
      <항><항번호>②</항번호><항내용><![CDATA[②다음 각 호는 제외한다.]]></항내용>
        <호><호번호>1.</호번호><호내용><![CDATA[1. 국가]]></호내용></호></항>
    </조문단위>
    <조문단위 조문키="0003001"><조문번호>3</조문번호><조문여부>조문</조문여부>
      <조문내용>제3조 삭제 &lt;2025.1.1&gt;</조문내용></조문단위>
  </조문>
  <부칙>
    <부칙단위 부칙키="2026010121000"><부칙공포일자>20260101</부칙공포일자><부칙공포번호>21000</부칙공포번호>
      <부칙내용><![CDATA[부칙 <제21000호,2026.1.1>
제1조(시행일) 이 영은 2026년 7월 1일부터 시행한다.]]></부칙내용></부칙단위>
    <부칙단위 부칙키="2020010120000"><부칙공포일자>20200101</부칙공포일자><부칙공포번호>02000</부칙공포번호>
      <부칙내용><![CDATA[부칙(정부조직법) <제2000호,2020.1.1>
이 영은 공포한 날부터 시행한다.]]></부칙내용></부칙단위>
  </부칙>
  <별표>
    <별표단위 별표키="001002E"><별표번호>0010</별표번호><별표가지번호>02</별표가지번호>
      <별표구분>별표</별표구분><별표제목><![CDATA[과태료의 부과기준(제9조 관련)]]></별표제목>
      <별표내용><![CDATA[1. 일반기준
        가. 위반행위의 횟수]]></별표내용></별표단위>
  </별표>
</법령>
"""


def test_xml_statute():
    [doc] = parse_bytes(XML.encode(), "law.xml")
    assert doc.title == "시험법 시행령" and doc.kind == KIND_DECREE and doc.extra["format"] == "xml"
    assert doc.law_id == "009999" and doc.mst == "0099992026010121000"
    assert doc.ministry == "법무부" and doc.abbreviations == ["시험령"]
    assert doc.effective_from == date(2026, 7, 1) and doc.promulgation_no == "21000"
    assert [u.label for u in doc.units] == [
        "제2조", "제2조의2", "제3조", "부칙 <제21000호,2026.1.1>", "부칙 <제2000호,2020.1.1>", "별표 10의2"]
    art2, art2_2, art3, add1, add2, annex = doc.units
    assert art2.path == ["제1장 총칙"] and art2.extra == {"changed": True, "key": "0002001"}
    assert art2.text.split("\n") == [
        "제2조(정의) 뜻은 다음과 같다.", "1. \"기기\"란 다음 각 목의 것을 말한다.",
        "가. 보일러", "나. 용기", "1) 소형 용기", "2. \"자\"란 사람을 말한다."]
    assert art2_2.text.split("\n") == ["제2조의2(적용 범위) ① 이 영은 모든 자에게 적용한다. <신설 2026.1.1>",
                                       "② 다음 각 호는 제외한다.", "1. 국가"]
    assert art2_2.effective_from == date(2027, 1, 1) and art2_2.amended == ["2026-01-01"]
    assert art3.text == "제3조 삭제 <2025.1.1>" and art3.title == "" and art3.extra["deleted"]
    assert add1.kind == UNIT_ADDENDA and add1.extra["promulgated_on"] == "2026-01-01"
    assert add2.title == "정부조직법" and add2.extra["promulgation_no"] == "2000"
    assert annex.kind == UNIT_ANNEX and annex.title == "과태료의 부과기준(제9조 관련)"
    assert annex.text.split("\n") == ["별표 10의2 과태료의 부과기준(제9조 관련)", "1. 일반기준", "가. 위반행위의 횟수"]


def test_xml_and_json_give_the_same_units(tmp_path):
    """The XML fixture written as the API's JSON yields identical units."""
    [from_xml] = parse_bytes(XML.encode(), "law.xml")
    p = tmp_path / "law.json"
    p.write_bytes(_law_json([
        {"조문번호": "1", "조문여부": "전문", "조문내용": "      제1장 총칙 <개정 2020.1.1>"},
        {"조문번호": "2", "조문여부": "조문", "조문제목": "정의", "조문시행일자": "20260701", "조문변경여부": "Y",
         "조문키": "0002001", "조문내용": "제2조(정의) 뜻은 다음과 같다.",
         "항": {"호": [{"호번호": "1.", "호내용": "  1. \"기기\"란 다음 각 목의 것을 말한다.",
                       "목": [{"목번호": "가.", "목내용": "    가. 보일러"},
                             {"목번호": "나.", "목내용": [["    나. 용기", "      1) 소형 용기"]]}]},
                      {"호번호": "2.", "호내용": "  2. \"자\"란 사람을 말한다."}]}},
    ]))
    [from_json] = parse(p)
    assert from_json.units[0].text == from_xml.units[0].text
    assert from_json.units[0].path == from_xml.units[0].path


def test_entity_bomb_raises_quickly():
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
            + ']><법령><기본정보><법령명_한글>&lol9;</법령명_한글></기본정보></법령>')
    start = time.monotonic()
    with pytest.raises(ParseError) as e:
        parse_bytes(bomb.encode(), "bomb.xml")
    assert time.monotonic() - start < 2
    assert "bomb.xml" in str(e.value) and "엔티티" in str(e.value)


def test_external_entity_is_refused():
    xxe = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
           '<법령><기본정보><법령명_한글>&e;</법령명_한글></기본정보></법령>')
    with pytest.raises(ParseError):
        parse_bytes(xxe.encode(), "xxe.xml")


@pytest.mark.parametrize("data, reason", [
    (b"", "빈 응답"),
    (b"  \n\t ", "빈 응답"),
    (b"<!DOCTYPE html><html><head><title>error</title></head><body>page not found</body></html>", "HTML"),
    ('<?xml version="1.0"?><법령><기본정보><법령명_한글>시험</법령명_한글></기본정보>'.encode(), "XML"),
    ('{"법령": {"기본정보": {"법령명_한글": "시험"}'.encode(), "JSON"),
    ('{"Law": "일치하는 법령이 없습니다. 법령명을 확인하여 주십시오."}'.encode(), "일치하는 법령이 없습니다"),
    (b"[1, 2, 3]", "최상위"),
    ("법령 본문이 아닌 텍스트".encode(), "JSON이나 XML이 아닙니다"),
    ('{"법령": {"기본정보": {}}}'.encode(), "법령명"),
])
def test_bad_responses_raise_parse_error_naming_the_file(data, reason):
    with pytest.raises(ParseError) as e:
        parse_bytes(data, "responses/bad.body")
    assert e.value.path == "responses/bad.body" and reason in e.value.reason


def test_missing_file_is_parse_error(tmp_path):
    with pytest.raises(ParseError):
        parse(tmp_path / "nope.json")


def test_helpers():
    assert annex_label("별표", "0010", "02") == "별표 10의2"
    assert annex_label("별표", "0000", "00") == "별표"
    assert annex_label("서식", "0003", "00") == "별지 제3호서식"
    assert unglue("다음과 같다.1. 가는 것2. 나는 것① 아님") == "다음과 같다.\n1. 가는 것\n2. 나는 것① 아님"
    assert unglue("2013.1.17. 시행") == "2013.1.17. 시행"
