"""Masker round 13 (values read by their numerals, their label and their repeats), rules alone, on sentences
written here in forms no set holds: a birth date in letters that look like digits, in Chinese or Hangul numerals,
with an era or a zodiac year, closed by 생; a value after its label whatever its length (a number cut short, a
wrong one the writer corrects, an RRN's back half answered on the next turn); a masked value written again in
other numerals or one digit off. Kept: a number after a birth label that is an event's, a count of digits, a
cohort, a hotline, an unrelated date."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import rules_only


def _left(result, text: str, value: str, type_: str, last: bool) -> list[int]:
    """Digit-like characters of ``value`` (first or last occurrence) that no span of ``type_`` covers."""
    start = text.rindex(value) if last else text.index(value)
    covered = {i for s in result.spans if s.type == type_ for i in range(s.start, s.end)}
    return [i for i in range(start, start + len(value)) if not text[i].isspace() and text[i] not in ".-()년월일生"
            and i not in covered]


MASKED = [  # (case, text, value, type, its last occurrence)
    ("letter_o_in_birthday", "신청인 생일: 7O.11.23 (음력) 입니다.", "7O.11.23", "birth_date", False),
    ("letter_l_in_birth_date", "보호자 생년월일 l96l-O4-18, 주소 동일", "l96l-O4-18", "birth_date", False),
    ("chinese_numerals_born", "어머님은 一九四二年 十月 三日생이십니다.", "一九四二年 十月 三日", "birth_date", False),
    ("era_after_label", "生年月日 平成 3年 8月 21日 / 국적 일본", "平成 3年 8月 21日", "birth_date", False),
    ("zodiac_year_born", "저는 1950년 경인년 9월생이라 올해 일흔다섯입니다.", "1950년 경인년 9월", "birth_date", False),
    ("hangul_year_month_born", "아버님은 삼십팔년 오월생이시고 혼자 지내십니다.", "삼십팔년 오월", "birth_date", False),
    ("bare_year_after_label", "보호자 생년 1961. 주소는 위와 같습니다.", "1961", "birth_date", False),
    ("birthday_as_pin", "통장 비밀번호를 엄마 생일 0815로 해 놨어요.", "0815", "birth_date", False),
    ("birth_date_answered_next_turn", "상담원: 생년월일이 어떻게 되세요?\n어르신: 음… 사십일년 칠월 십오일.", "사십일년 칠월 십오일",
     "birth_date", False),
    ("rrn_back_half_next_turn", "직원: 주민등록번호 뒷번호 부탁드립니다.\n신청인: 이팔공구일사육이요.", "이팔공구일사육", "rrn", False),
    ("rrn_back_half_label", "주민번호 앞 6자리는 같고 뒷자리는 1O48823 입니다.", "1O48823", "rrn", False),
    ("brn_wrong_then_right", "사업자번호 214869031 로 잘못 적었는데 214-86-90317 입니다.", "214869031", "brn", False),
    ("brn_one_digit_off", "사업자번호 214869031 로 잘못 적었는데 214-86-90317 입니다.", "214-86-90317", "brn", True),
    ("phone_cut_short", "신청서 전화번호 010-4417-2 까지만 적혀 있어서 연락을 못 드렸습니다.", "010-4417-2", "phone", False),
    ("birth_date_repeated_in_hangul", "생년월일 1966년 3월 9일, 다시 말해 천구백육십육년 삼월 구일입니다.", "천구백육십육년 삼월 구일",
     "birth_date", True),
    ("birth_year_repeated", "생년월일: 1958년 (나머지는 모름) → 서류에는 1958년으로 씀", "1958", "birth_date", True),
    ("address_field_indented", "신 청 인   도 재 만\n주    소   대전광역시 서구 갈마로\n             77-14 (갈마동) 3층\n전    화   없음",
     "77-14", "address", False),
    ("address_field_glued", "이사전주소 광주광역시남구봉선로12번길5-3 이사후주소는 아직 미정", "봉선로12번길5-3", "address", False),
    ("address_field_cjk", "本籍 全羅南道 順天市 東外洞 百二十三番地\n戶主 朴", "全羅南道 順天市 東外洞 百二十三番地", "address", False),
    ("address_field_continued_indented", "주    소   광주광역시 북구\n              설죽로 518-12\n              (일곡동) 2층\n전    화   없음",
     "(일곡동) 2층", "address", False),
    ("address_field_broken_number", "주 소  전라남도 여수시 학동 1\n2-5, 3층\n전화 없음", "2-5, 3층", "address", False),
    ("address_field_latin", "Home address: Flat 3B, 41 Itaewon-ro 20-gil, Yongsan-gu. Thanks", "41 Itaewon-ro 20-gil", "address", False),
]

KEPT = [  # (case, text, what must stay readable)
    ("birthday_event_code", "생일 1225 케이크 주문 건으로 문의드립니다.", "1225"),
    ("count_of_digits", "생년월일 8자리를 입력하라고 나옵니다.", "8"),
    ("cohort_month_born", "1990년 3월생부터 해당된다고 들었습니다.", "1990년 3월"),
    ("product_made", "2024년 5월 1일 생산된 제품입니다.", "2024년 5월 1일"),
    ("era_date_no_birth", "檀紀 四二九一年 三月 一日 창립 기념식", "四二九一"),
    ("hotline_after_phone_label", "전화번호 1588-2100으로 문의하세요.", "1588-2100"),
    ("back_half_count", "주민번호 뒷자리 7자리는 보내지 마세요.", "7"),
    ("other_date_not_repeat", "생년월일 1970.05.06 / 신청일 2026. 5. 6. 접수", "2026. 5. 6"),
    ("amount_after_phone_label", "전화번호 변경 수수료는 3000원입니다.", "3000"),
    ("address_word_in_prose", "주소지 관할 주민센터 2층 민원실에 제출하시면 됩니다.", "2층"),
    ("address_condition", "등본상 주소지가 세종시인 경우 1인당 10만원을 지원합니다.", "10만원"),
]


@pytest.mark.parametrize("case,text,value,type_,last", MASKED, ids=[c[0] for c in MASKED])
def test_value_masked(case, text, value, type_, last):
    result = rules_only(text)
    assert not _left(result, text, value, type_, last), [(s.type, text[s.start:s.end]) for s in result.spans]


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_value_kept(case, text, value):
    result = rules_only(text)
    start = text.index(value)
    assert not any(s.start < start + len(value) and start < s.end for s in result.spans), \
        [(s.type, text[s.start:s.end]) for s in result.spans]


@pytest.mark.parametrize("written,key", [
    ("칠십구년 이월 이십팔일", ("79", "2", "28")),
    ("79년 2월 28일", ("79", "2", "28")),
    ("一九三九年 四月 九日", ("1939", "4", "9")),
    ("檀紀四二五九年 參月 拾五日", ("4259", "3", "15")),
    ("3O. 5. 14.", ("30", "5", "14")),
    ("천구백칠십년", ("1970",)),
])
def test_value_key_reads_any_numerals(written, key):
    from ingest.pii_round13 import value_key
    assert value_key(written) == key
