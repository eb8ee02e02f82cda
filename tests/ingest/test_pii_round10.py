"""Masker round 4 (issue 10 item 9): general mechanisms, each tested on sentences written here by hand (not
copied from any evaluation set): the shadow copy for numbers spelt in Hangul numerals or broken over a line,
delimited tables (CSV, semicolons, TAB) with and without a header, more birth-date labels and lunar dates in
words, scam texts' lines, 2가 districts; and the ordinary words made of numeral syllables that must stay."""
from __future__ import annotations

import pytest

from ingest.pii import mask
from ingest.pii_shadow import shadow
from tests.ingest.pii_checks import uncovered

MASKED = [  # (class, text, type, value that must disappear)
    ("hangul_mobile_spaced", "제 번호는 공일공 칠삼이일 오오팔구 입니다", "phone", "공일공 칠삼이일 오오팔구"),
    ("hangul_mobile_e", "연락처요? 공일공에 구구사삼에 이일칠륙이요", "phone", "공일공에 구구사삼에 이일칠륙"),
    ("hangul_home_no_area", "집 전화는 육삼 칠이일의 사사공팔 이에요", "phone", "육삼 칠이일의 사사공팔"),
    ("hangul_landline_area", "사무실 말고 집이 공삼일 구팔칠 이이삼사 예요", "phone", "공삼일 구팔칠 이이삼사"),
    ("hangul_account", "입금은 국민은행 구칠이 삼오 일일팔이사 육으로 해 주세요", "account", "구칠이 삼오 일일팔이사 육"),
    ("hangul_plate", "앞차 번호판이 일이삼 가 오육칠팔 이었어요", "plate", "일이삼 가 오육칠팔"),
    ("hangul_plate_long", "차 번호 삼오팔 누 이공일구 흰색 트럭", "plate", "삼오팔 누 이공일구"),
    ("hangul_rrn_dasi", "주민번호 불러 드릴게요. 구공공삼일이 다시 일사오육칠팔삼", "rrn", "구공공삼일이 다시 일사오육칠팔삼"),
    ("hangul_mixed_digits", "폰은 010에 삼칠칠일에 팔구공이 입니다", "phone", "010에 삼칠칠일에 팔구공이"),
    ("ocr_broken_mobile", "신청인 연락처 010-55\n21-7788 로 연락 바랍니다", "phone", "010-55\n21-7788"),
    ("ocr_broken_landline", "자택 02-71\n44-0921\n상기 내용", "phone", "02-71\n44-0921"),
    ("csv_header_birth", "번호,성명,생년월일,전화\n1,모은결,19890214,010-2111-3434\n2,Tom Baker,19910730,010-4545-2323",
     "birth_date", "19910730"),
    ("csv_header_name_latin", "번호,성명,생년월일,전화\n1,모은결,19890214,010-2111-3434\n2,Tom Baker,19910730,010-4545-2323",
     "name", "Tom Baker"),
    ("semicolon_header", "명단;;\n이름;생일;계좌\n채도윤;1957/09/30;412-08-339201\n반소이;1962/01/05;-",
     "birth_date", "1962/01/05"),
    ("tab_header_road_digit", "연번\t성명\t주소\n1\t방철수\t장미3길 12-7\n2\t금해랑\t새터1로 45", "address", "장미3길 12-7"),
    ("headerless_row_birth", "3;남궁수;1944-04-18;010-6161-7272\n4;구하은;1950-12-01;010-6262-7373", "birth_date", "1950-12-01"),
    ("label_saengnyeon", "문의자 서범진 생년 1981. 7. 9\n내용 상담 희망", "birth_date", "1981. 7. 9"),
    ("label_rrn_sang", "실제 생일은 다르고 (주민등록상 1955.02.11) 입니다", "birth_date", "1955.02.11"),
    ("label_born", "My father was born on 1949-06-21 in Daegu.", "birth_date", "1949-06-21"),
    ("lunar_jeongwol", "어머니 생신은 음력 1941년 정월 스무이틀 입니다", "birth_date", "1941년 정월 스무이틀"),
    ("lunar_seotdal", "생일: 47년 섣달 그믐 (음력)", "birth_date", "47년 섣달 그믐"),
    ("lunar_dongji", "아버님 생신 음력 1936년 동짓달 열엿새", "birth_date", "1936년 동짓달 열엿새"),
    ("elder_bracket", "옆집 할아버지 (1940.10.03) 혼자 사세요", "birth_date", "1940.10.03"),
    ("hangul_date_next_line", "직원: 생년월일 말씀해 주세요\n고객: 육십이년 칠월 십사일이요", "birth_date", "육십이년 칠월 십사일"),
    ("scam_070_after_inquiry", "보이스피싱 같아요. 문자 내용: 대출 승인 완료, 문의 070-5123-8890", "phone", "070-5123-8890"),
    ("scam_claimed_officer", "검찰 사칭 전화였습니다. 담당 수사관 02-6925-1180 으로 전화하라고", "phone", "02-6925-1180"),
    ("address_next_line_paren", "주  소   광주광역시 북구\n           용봉로 31\n           (용봉동, 한솔마을) 7동 204호\n전  화   062-000-1111",
     "address", "광주광역시 북구\n           용봉로 31\n           (용봉동, 한솔마을) 7동 204호"),
    ("address_field_unit", "주소: 경기 파주시 문산로 12, 그린빌 2단지 201-1103", "address", "경기 파주시 문산로 12, 그린빌 2단지 201-1103"),
    ("address_field_english", "Name: Lina Park\nAddress: Unit 7, 12 Hannuri-daero, Sejong 30151\nTel", "address",
     "Unit 7, 12 Hannuri-daero, Sejong 30151"),
    ("passport_number_is", "My passport number is K4455102 and my visa is D-2.", "passport", "K4455102"),
    ("intro_nationality_latin", "저는 우즈베크 출신 근로자 Akmal Rashidov 입니다", "name", "Akmal Rashidov"),
    ("intro_nationality_hangul", "저는 태국 사람 솜차이 분마 입니다", "name", "솜차이 분마"),
    ("intro_cyrillic_and_alias", "저는 러시아 국적의 Иван Петров (Ivan Petrov) 라고 합니다", "name", "Ivan Petrov"),
    ("intro_cjk_alias", "저는 중국 국적의 리우 메이(刘 梅)입니다", "name", "刘 梅"),
    ("kin_english", "My father Lee Dong-su lives alone in Mokpo.", "name", "Lee Dong-su"),
    ("latin_before_passport", "도주자: Juan Dela Cruz (여권 P1234567A)", "name", "Juan Dela Cruz"),
    ("bank_prefix_account", "입금 계좌 KB-123-45-678901 (국민은행)", "account", "123-45-678901"),
    ("english_address_dash_unit", "We live at 203-1501, 12 Hwaseo-ro, Suwon. Tel 010-2290-4417.", "address",
     "203-1501, 12 Hwaseo-ro, Suwon"),
    ("english_address_bldg", "Mail to Apt 1202, Bldg 3, 8 Haeundae-ro, Haeundae-gu, Busan 48095 please", "address",
     "Apt 1202, Bldg 3, 8 Haeundae-ro, Haeundae-gu, Busan 48095"),
    ("district_ga_spaced", "임차인 주소 대구 중구 동성로 3가 21-4, 2층", "address", "동성로 3가 21-4"),
]

KEPT = [  # (class, text, what must stay visible)
    ("numeral_words", "이사 오일 사이 일이 구이 삼일절 일일이 챙겼어요", "이사 오일 사이 일이 구이 삼일절 일일이"),
    ("numeral_words_run", "오늘 이사 가는 날이라 사이사이 일이 많아 구구절절 설명은 못 드려요", "사이사이 일이 많아 구구절절"),
    ("counting_out_loud", "하나 둘 셋, 일 이 삼 사 오 하고 세었어요", "일 이 삼 사 오"),
    ("hangul_year_event", "이천이십사년 삼월 이일에 개업했습니다", "이천이십사년 삼월 이일"),
    ("prose_commas", "사과,배,감을 샀고 1990.01.02,2001.03.04 같은 날짜도 적었어요", "1990.01.02"),
    ("office_line_not_scam", "구청 건축과 031-720-1234 로 문의하세요", "031-720-1234"),
    ("recent_date_elder", "할머니 (2025.11.20 방문) 건강 양호", "2025.11.20"),
    ("csv_without_personal_header", "품목,수량,단가\n볼트,20,1500\n너트,35,900", "볼트,20,1500"),
    ("address_field_sentence", "주소: 서울 종로구 세종대로 209 (정부서울청사) 로 보내세요", "로 보내세요"),
    ("address_field_english_prose", "Address: same as above, thank you", "same as above"),
    ("address_field_amounts", "현 거주지: 대전 서구 둔산로 18, 302호 (보증금 500만원 / 월세 42만원)", "(보증금 500만원 / 월세 42만원)"),
    ("scam_doubt_office_after", "사기인지 모르겠어요. 안내문 번호 02-3100-4455가 구청 번호 맞나요?", "02-3100-4455"),
    ("serial_letter_prefix", "자전거 도난 신고. 자전거 등록번호 QX-2022-551083 입니다", "QX-2022-551083"),
    ("office_rep_line", "산불 신고는 면사무소 말고 군청 대표 061-350-5114 로 하세요", "061-350-5114"),
    ("english_road_prose", "The Sejong-ro area is busy and Line 2 runs to Euljiro.", "Sejong-ro"),
    ("intro_korean", "저는 한국 사람 입니다. 평범한 직장인이에요", "한국 사람"),
    ("bracket_record_date_headerless", "1;배관 점검;2024-05-06;완료", "2024-05-06"),
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, type_, value):
    r = mask(text)
    assert not uncovered(r, text, value, type_), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in mask(text).masked


def test_shadow_keeps_offsets_and_words():
    text = "이사 오일 사이 일이 그리고 공일공 일이삼사 오륙칠팔 끝"
    sh = shadow(text)
    assert sh is not None and len(sh) == len(text)
    assert sh.startswith("이사 오일 사이 일이 그리고 ")  # words with too few numerals are not rewritten
    assert "010-1234-5678" in sh
    assert shadow("이사 오일 사이 일이 구이 삼일절") is None


def test_scam_text_keeps_opt_out_line():
    text = "(광고) 불법 대출 문자 신고합니다. 수신거부 080-333-1212"
    assert "080-333-1212" in mask(text).masked


def test_a_passport_column_and_capitalised_latin_names_in_a_register():
    text = ("외국인 근로자 명부\n연번\t성명\t국적\t여권번호\t입국일\n"
            "1\tLE HOANG NAM\t베트남\tB4410972\t2024.02.19\n2\tAZIZ KARIMOV\t우즈베키스탄\tFA7730518\t2023.11.06\n")
    spans = {(s.type, text[s.start:s.end]) for s in mask(text).spans}
    assert {("passport", "B4410972"), ("passport", "FA7730518")} <= spans
    assert {("name", "LE HOANG NAM"), ("name", "AZIZ KARIMOV")} <= spans
    assert not any(v in ("2024.02.19", "2023.11.06") for _, v in spans)  # an entry date is no birth date
    # a passport column holds passports: a value of another shape in it stays
    other = "연번\t성명\t여권 발급 상태\n1\t김다솜\t재발급 신청 중\n"
    assert not any(s.type == "passport" for s in mask(other).spans)
