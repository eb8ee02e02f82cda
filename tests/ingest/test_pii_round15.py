"""Masker round 9 (issue 10 item 9), rules alone, on sentences written here: a 주민등록번호 a citizen mistyped (a
digit lost or added, with or without a hyphen) near a label or in apposition to a person; a date after a name closed
by a sentence's period; a child's recent birth date after the child's name; a date read off an ID card or checked
for minority; a lot in a village the writer masked. Kept: other digit runs of the same lengths without a cue."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import every, rules_only, uncovered


MASKED = [  # (case, text, value whose digits must all be masked)
    ("rrn_digit_lost_in_parens", "보험금 청구인 윤다경 (870214-2563) 명의로 접수했어요.", "870214-2563"),
    ("rrn_digit_lost_after_comma", "대리인은 조카, 030911-41275, 연락은 문자로 주세요.", "030911-41275"),
    ("rrn_typo_whole_number_masked", "주민번호 적는 칸에 761103-15520947 이렇게 썼는데 반려됐어요.", "761103-15520947"),
    ("rrn_run_digit_lost_labelled", "주민등록번호가 68052917734 로 잘못 입력되어 있습니다.", "68052917734"),
    ("rrn_run_digit_extra_labelled", "외국인등록번호 란에 91120862018834 라고 적혀 있어요.", "91120862018834"),
    ("date_after_name_period", "보험 가입자는 장모님 탁영순 '52.03.18. 서류는 제가 냅니다.", "52.03.18"),
    ("child_recent_date_after_name", "육아휴직 급여 문의요. 둘째 마서윤 2025.07.21, 출산휴가 끝나고", "2025.07.21"),
    ("date_read_off_id_card", "손님 김상호 신분증 확인(68.09.30) 후 판매함", "68.09.30"),
    ("date_checked_for_minority", "가입자 연령 확인: 2008.05.14 (법정대리인 동의 필요)", "2008.05.14"),
]

MASKED_ADDRESS = [  # (case, text, value whose characters must be masked as an address)
    ("masked_village_lot", "동의자 명단\n구봉남 △△리 87-1 (인)\n석윤희 △△리 90 (인)", "△△리 87-1"),
    ("masked_dong_lot_comma", "저희 집은 XX동 412, 골목 끝 집이에요.", "XX동 412"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("order_number_hyphen_in_sentence", "주문번호 950627-12849 배송이 늦어요 언제 오나요", "950627-12849"),
    ("phone_run_is_not_rrn", "주민등록번호 말고 연락처 01041235678 로 연락 주세요", "주민등록번호"),
    ("recent_date_after_adult_name_record", "점검자 표성훈 2025.11.20 방문 확인", "2025.11.20"),
    ("masked_village_alone", "○○리 이장님께 여쭤보니 괜찮다고 합니다.", "리 이장님께"),
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


def test_unlabelled_run_not_taken_for_rrn():
    """An 11-digit run that starts like a birth date is no 주민등록번호 without a label near (here an account)."""
    r = rules_only("입금 계좌 68052917734 (농협) 확인 바랍니다.")
    assert not any(s.type == "rrn" for s in r.spans), r.spans


def test_phone_run_not_taken_for_rrn():
    """"010…" reads as a valid date (2001-04-…): the unhyphenated run rule leaves numbers starting 010 to phones."""
    r = rules_only("주민등록번호 말고 연락처 01041235678 로 연락 주세요")
    assert not any(s.type == "rrn" for s in r.spans), r.spans


SPOKEN = [  # (case, transcript, type, value read out in Hangul that must be masked)
    ("rrn_front_read_out", "상담원: 주민번호 앞자리 불러 주세요\n고객: 칠이일공공삼\n상담원: 확인됐습니다.", "rrn", "칠이일공공삼"),
    ("address_numbers_read_out", "상담원: 주소는요?\n고객: 마포구 독막로 삼십이 다시 오\n상담원: 네", "address", "마포구 독막로 삼십이 다시 오"),
]


@pytest.mark.parametrize("case,text,type_,value", SPOKEN, ids=[c[0] for c in SPOKEN])
def test_read_out(case, text, type_, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, type_, every), (r.masked, r.spans)


def test_read_out_front_must_be_a_date():
    """Six digit syllables that are no birth date ("일이삼사오육": month 34) are not taken for an RRN's front."""
    r = rules_only("상담원: 주민번호 앞자리 불러 주세요\n고객: 일이삼사오육\n상담원: 다시요?")
    assert not any(s.type == "rrn" for s in r.spans), r.spans


LATIN = [  # (case, text, Latin address that must be masked whole)
    ("building_with_dong_ho_before_road", "Please send it to Hanbit Villa 203-1102, 15 Jungang-ro, Gimpo-si. Thanks",
     "Hanbit Villa 203-1102, 15 Jungang-ro, Gimpo-si"),
    ("us_unit_after_street", "우리 주소는 518 Birch St, Unit 12, Palisades Park, NJ 07650 입니다",
     "518 Birch St, Unit 12, Palisades Park, NJ 07650"),
]


@pytest.mark.parametrize("case,text,value", LATIN, ids=[c[0] for c in LATIN])
def test_latin_address(case, text, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, "address", every), (r.masked, r.spans)


def test_asked_address_district_not_a_name():
    """An asked address read out with its numbers in Hangul starts with a district a name rule could take."""
    text = "상담원: 주소는요?\n고객: 용산구 청파로 삼십\n상담원: 네"
    r = rules_only(text)
    assert not uncovered(r, text, "용산구 청파로 삼십", "address", every), (r.masked, r.spans)


def test_read_out_front_with_copula():
    """"…이요" after a front half read out: the copula's 이 is not a seventh digit."""
    text = "상담원: 주민번호 앞자리요?\n고객: 팔이공구일삼이요\n상담원: 네"
    r = rules_only(text)
    assert not uncovered(r, text, "팔이공구일삼", "rrn", every), (r.masked, r.spans)
