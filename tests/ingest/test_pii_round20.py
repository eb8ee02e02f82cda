"""Masker round 14 (``ingest.pii_spoken``, ``ingest.pii_round14``), rules alone, on sentences written here in forms
no set holds: numbers read aloud in digit words, Chinese numerals or with spoken separators; e-mail addresses spelt
aloud; a table column's values under a personal field's header; a person's zodiac year and a form's …년생 item;
international, exchange-form and bracketed local phones. Kept: everyday words made of numeral syllables, counts
read in Hangul, a decimal read aloud, the zodiac of a year itself, cohort rules, a staff table, an amount after a
plus sign, an office's number in brackets."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import rules_only, uncovered


def _digit_like(c: str) -> bool:
    return not c.isspace() and c not in ",.-()년생"


def test_spoken_unit_needs_a_floor_or_room():
    from ingest.pii_round14 import spoken_unit_end
    text = "세종대로 110 이동 경로"
    assert spoken_unit_end(text, text.index(" 이동")) == text.index(" 이동")
    text = "세종대로 110 이동 삼층에서"
    assert spoken_unit_end(text, text.index(" 이동")) == text.index("에서")


MASKED = [  # (case, text, value, type)
    ("mobile_digit_words_ui", "고객: 영일영의 구사칠이 의 오오팔삼입니다.", "영일영의 구사칠이 의 오오팔삼", "phone"),
    ("mobile_bbang_hago", "기사님 번호는 빵일공 하고 삼이칠칠 하고 구구공일이래요.", "빵일공 하고 삼이칠칠 하고 구구공일", "phone"),
    ("mobile_chinese_spaced", "連絡處 〇一〇 五五三二 八八〇四 로 주시오.", "〇一〇 五五三二 八八〇四", "phone"),
    ("mobile_chinese_ling", "휴대폰 零一零-七七一二-三零四五", "零一零-七七一二-三零四五", "phone"),
    ("landline_spoken_with_word", "집 전화는 공삼일 다시 팔구사 다시 이이공칠이고요.", "공삼일 다시 팔구사 다시 이이공칠", "phone"),
    ("mobile_spoken_hyphen", "번호는 공일공 하이픈 칠칠팔일 빼기 삼삼공이 입니다", "공일공 하이픈 칠칠팔일 빼기 삼삼공이", "phone"),
    ("mobile_bullet_separator", "연락처 010•3382•7719 (문자 가능)", "010•3382•7719", "phone"),
    ("licence_spoken_spaced", "상담원: 면허번호요?\n민원인: 이삼 공사 일일칠팔구공 삼오요.", "이삼 공사 일일칠팔구공 삼오", "driver_license"),
    ("rrn_spoken", "주민번호는 칠일공삼일오 다시 일이삼사오육칠 입니다.", "칠일공삼일오 다시 일이삼사오육칠", "rrn"),
    ("email_letters", "메일은 제이, 케이, 엘, 이, 이, 칠, 칠, 골뱅이, 지메일 닷컴으로 주세요.",
     "제이, 케이, 엘, 이, 이, 칠, 칠, 골뱅이, 지메일 닷컴", "email"),
    ("email_words", "이메일: 하늘 언더바 별 골뱅이 네이트 쩜 컴", "하늘 언더바 별 골뱅이 네이트 쩜 컴", "email"),
    ("email_latin_spoken_at", "제 주소는 minji 앳 naver 닷컴이에요.", "minji 앳 naver 닷컴", "email"),
    ("table_space_aligned_year", "반 명단\n이름     태어난해     비고\n가나다   1987         회장\n라마바   1990         총무",
     "1990", "birth_date"),
    ("table_pipe_year_column", "| 회원 | 출생년도 | 전화 |\n|---|---|---|\n| 갑 | 1952 | 없음 |\n| 을 | 1949 | 없음 |", "1949",
     "birth_date"),
    ("table_single_space_header", "번호 이름 생년 연락처\n1 가나다 1955 010-1234-5678\n2 라마바 1960 없음", "1960", "birth_date"),
    ("table_latin_birth_year", "No.|Name|Birth year|Tel\n1|Kim|1955|none", "1955", "birth_date"),
    ("table_tab_phone_column", "순번\t호실\t연락처\n1\t201\t031 7788 2201\n2\t202\t031 7788 4412", "031 7788 4412", "phone"),
    ("table_space_aligned_phone", "No   주민     연락처\n1    갑       054 221 9087\n2    을       054 221 3310",
     "054 221 3310", "phone"),
    ("zodiac_year_after", "남편은 52년 용띠인데 아직 일을 합니다.", "52년", "birth_date"),
    ("zodiac_year_before", "저는 범띠 62년생이고 혼자 삽니다.", "62년", "birth_date"),
    ("zodiac_hangul_year", "어머니는 오십사년 말띠세요.", "오십사년", "birth_date"),
    ("zodiac_in_brackets", "쥐띠(48년) 할머니 한 분이 오셨어요.", "48년", "birth_date"),
    ("form_item_year", "신청인 | 최가온 | 01년생 | 남", "01년", "birth_date"),
    ("intl_phone_uk", "영국 거주 중이라 +44 7700 900123 으로 연락 바랍니다.", "+44 7700 900123", "phone"),
    ("intl_phone_dashes", "Contact me at +1-604-555-0182 anytime.", "+1-604-555-0182", "phone"),
    ("exchange_form", "우리 집 전화 3342국에 1189번으로 해 주시오.", "3342국에 1189번", "phone"),
    ("bracket_local_after_name", "옆집 문순자 씨(712-3348)가 신고해 주었습니다.", "712-3348", "phone"),
    ("address_unit_read_aloud", "집은 대전 서구 둔산로 100 한빛아파트 에이동 삼백이호요.", "에이동 삼백이호", "address"),
    ("address_floor_read_aloud", "주소는 광주 북구 우치로 77 이층이에요.", "이층", "address"),
    ("intl_phone_many_groups", "현지 번호 +33 7 55 21 09 84 입니다.", "+33 7 55 21 09 84", "phone"),
    ("amex_card", "결제 카드 아멕스 3782 822463 10005 로 두 번 청구됐습니다.", "3782 822463 10005", "card"),
    ("passport_spaced", "여권번호: K 73 0 4 5 1 8 9 로 적었습니다.", "K 73 0 4 5 1 8 9", "passport"),
]

KEPT = [  # (case, text, what must stay readable)
    ("samsam_oo", "사람들이 삼삼오오 모여서 일이 있어서 일일이 설명했습니다.", "삼삼오오"),
    ("counts_in_hangul", "민원 건수는 이백삼십일 건이고 오일 교체 비용은 칠만 원입니다.", "이백삼십일"),
    ("oil_word", "보일러 오일 일이 리터가 샜어요.", "오일 일이"),
    ("decimal_read_aloud", "수치는 삼 점 오 에서 사 점 이 사이로 나왔습니다.", "삼 점 오"),
    ("spoken_count_list", "일, 이, 삼, 사, 오, 육, 칠 순서대로 번호를 매겼습니다.", "일, 이, 삼, 사, 오, 육, 칠"),
    ("zodiac_of_year", "2024년 용띠 해를 맞아 행사를 합니다.", "2024년"),
    ("zodiac_cohort", "72년 쥐띠부터 신청할 수 있나요?", "72년"),
    ("cohort_form_word", "1960년생부터 해당되나요?", "1960년"),
    ("staff_table", "부서     담당자     전화\n민원과   김주무     031 228 4401", "031 228 4401"),
    ("amount_plus", "기본료 3 +1000 원 추가, 총 4,000원", "1000"),
    ("plus_count", "참석 인원 +12 명 증가", "12"),
    ("golbaengi_food", "골뱅이 다음에 파전을 시켰습니다.", "골뱅이"),
    ("bracket_number_after_word", "공고 제2024-112호(712-3348)에 따라 시행합니다.", "712-3348"),
    ("exchange_word_no_number", "중국 국적 1명, 2207번 버스", "2207"),
    ("plus_unknown_country", "점수 +3 1234 5678 이상", "1234 5678"),
    ("case_number_after_name", "이웃 김철수(2023-1234)가 신고", "2023-1234"),
    ("amex_shape_bad_luhn", "주문번호 3782 822463 10004 확인", "3782 822463 10004"),
    ("prose_line_before_numbers", "이름 생년 연락처 주소를 적어 주세요\n1 2 1955 4", "1955"),
    ("address_then_movement", "서울 중구 세종대로 110 이동 경로를 알려 주세요.", "이동 경로"),
    ("statistic_header", "연도   출생연도별   인원\n2021   1987   12", "1987"),
]


@pytest.mark.parametrize("case,text,value,type_", MASKED, ids=[c[0] for c in MASKED])
def test_round14_masked(case, text, value, type_):
    result = rules_only(text)
    assert not uncovered(result, text, value, type_, _digit_like), [(s.type, text[s.start:s.end]) for s in result.spans]


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_round14_kept(case, text, value):
    result = rules_only(text)
    start = text.index(value)
    assert not any(s.start < start + len(value) and start < s.end for s in result.spans), \
        [(s.type, text[s.start:s.end]) for s in result.spans]


@pytest.mark.parametrize("written,digits", [
    ("빵일빵에 칠칠팔일, 삼삼빵이요", "01077813302"),
    ("〇一〇-四八二九-一一七三", "01048291173"),
    ("공일공 팔백이 삼사오육", "0108023456"),
    ("공일공 하이픈 이이 하이픈 삼", "010223"),
])
def test_spoken_reader_digits(written, digits):
    from ingest.pii_spoken import _RUN, _group_digits, _groups
    run = _RUN.search(written).group()
    assert "".join(_group_digits(run[s:e]) for s, e in _groups(run)) == digits
