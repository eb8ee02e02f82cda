"""Masker round 10 (issue 10 item 9), rules alone, on sentences written here: birth dates framed by the person they
describe (after a name and a comma, day first, after a kin or record word and a name, a member list's row, after an
identity document's number, after a birth label with a particle, a label's mistyped date), driver's licences with a
region word before all four groups or spaced after a label, a masked road, a complex's name before its 동·호, an
address read out in a one-line call transcript. Kept: event dates, issue dates, a site of an incident, a building's
동 alone."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import every, rules_only, uncovered


MASKED = [  # (case, text, value whose digits must all be masked)
    ("date_after_name_comma", "신청인 성명 모은결, 1974년 10월 3일. 첨부서류 확인 부탁드립니다.", "1974년 10월 3일"),
    ("day_first_after_latin_name", "보호자 Maria Santos (23.08.1981, 필리핀) 동의서 첨부", "23.08.1981"),
    ("kin_word_name_date_parens", "셋째 도해람(2018-06-14)이 어린이집 대기 중입니다.", "2018-06-14"),
    ("kin_word_numbered_name_date", "가족관계\n자녀2 연하준 2015. 9. 7.\n배우자 없음", "2015. 9. 7"),
    ("kin_word_colon_name_slash_date", "돌봄 신청\n아동: 육서진 / 2016년 11월 2일\n보호자 연락 문자로", "2016년 11월 2일"),
    ("member_row_name_date_phone", "동호회 명단\n채명숙 1946.03.22 010-5521-0983\n길순례 1950.12.01 031-442-1187", "1946.03.22"),
    ("date_after_passport_in_row", "입국자 명단\nNGUYEN THI MAI 여권 C4418207 1988.10.05\n숙소 배정 완료", "1988.10.05"),
    ("english_date_after_birthday_particle", "남편 생일은 3 JUN 1979 이고 서류에 그렇게 써 주세요.", "3 JUN 1979"),
    ("birthday_month_day", "어머니 생신이 4월 27일이라 그 전에 처리되면 좋겠어요.", "4월 27일"),
    ("mistyped_date_after_label", "신청서에 생년월일을 1983.04.31 로 적어 반려됐어요.", "1983.04.31"),
    ("licence_region_four_groups", "양도인 면허 충남 07-15-308826-44, 연락은 문자로", "07-15-308826-44"),
    ("licence_spaced_after_label", "운전면허번호 2310 558214 07 맞는지 확인 부탁드립니다.", "2310 558214 07"),
]

MASKED_ADDRESS = [  # (case, text, value whose characters must be masked as an address)
    ("masked_road_with_unit", "- 추천 대상: 염복순 △△로 9길 14, 203호 010-2218-0091", "△△로 9길 14"),
    ("complex_name_before_unit", "저는 금호리버뷰 3단지 108동 702호에 살고 있습니다.", "금호리버뷰 3단지 108동 702호"),
    ("address_read_out_one_line", "상담원: 성함은요? / 민원인: 모용석. / 상담원: 주소는요? / 민원인: 진주시 상대동 삼백사 다시 이. 빨리 와 주세요.",
     "진주시 상대동 삼백사 다시 이"),
]

SPOKEN = [  # (case, type, transcript, value read out in Hangul that must be masked)
    ("birth_date_read_out_after_question", "birth_date",
     "상담사: 환자분 생년월일 불러 주세요.\n보호자: 어머니는 사일 공칠 이팔이요.\n상담사: 네 확인됐습니다.", "사일 공칠 이팔"),
    ("birth_date_read_out_inline_turn", "birth_date", "직원: 생일 확인할게요. / 고객: 팔팔 공일 삼십 아니 팔팔 공일 삼공.", "팔팔 공일 삼공"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("event_date_after_name_comma", "담당 주무관 말고 민원인 도해람, 2023.05.02 방문했습니다.", "2023.05.02"),
    ("passport_issue_date", "여권 M44182076 발급 2019.03.02, 만료 2029.03.01", "2019.03.02"),
    ("application_date_after_word", "신청인 접수 2024.02.11, 처리 예정", "2024.02.11"),
    ("kin_word_then_common_word_date", "아이 입학식 2024.03.04 이후로 통학버스가 없어요.", "2024.03.04"),
    ("site_of_incident_masked_road", "불법 주차 신고, 위치 ○○로 41 앞 횡단보도", "41"),
    ("building_dong_alone", "한솔아파트 105동 옆 공터에 쓰레기가 쌓여 있어요.", "105동"),
    ("law_number_after_label", "운전면허 관련 도로교통법 제80조제2항 문의", "제80조제2항"),
    ("spoken_digits_no_birth_question", "상담원: 연락처는요?\n민원인: 공일공 이삼사오 육칠팔구. 오늘 육공 일일 이오 번 버스", "육공 일일 이오"),
]


@pytest.mark.parametrize("case,text,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, chars=str.isdigit), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", MASKED_ADDRESS, ids=[c[0] for c in MASKED_ADDRESS])
def test_masked_address(case, text, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, "address", every), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in rules_only(text).masked


@pytest.mark.parametrize("case,type_,text,value", SPOKEN, ids=[c[0] for c in SPOKEN])
def test_read_out(case, type_, text, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, type_, every), (r.masked, r.spans)


def test_birth_dates_typed():
    """The dates a person word frames are masked as birth dates, not as another type."""
    text = "가족관계\n자녀2 연하준 2015. 9. 7.\n배우자 없음"
    r = rules_only(text)
    assert any(s.type == "birth_date" and text[s.start:s.end].startswith("2015") for s in r.spans), r.spans


def test_member_row_name_masked_too():
    """A member list's row: the name opening the line is masked with its date."""
    text = "동호회 명단\n채명숙 1946.03.22 010-5521-0983"
    r = rules_only(text)
    assert "채명숙" not in r.masked, r.masked
