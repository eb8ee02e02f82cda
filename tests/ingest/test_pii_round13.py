"""Masker round 7 (issue 10 item 9): identifiers placed by a record's structure, each tested with the rules alone
(``mask_with(text, None, None)``) on sentences written here, not copied from an evaluation set: a passport's
machine-readable zone, passports and names in the rows of a roster about travellers or foreign workers, birth
dates by their place (day first after a birth word, equal to a registration number's head on the line, after a
sex marker, a corrected date), the front half of a registration number with its gender digit, a starred mobile
without separators, a licence of any shape after an English label, an address's building part, room and side,
a vCard's and an export's name field, a guard room's line."""
from __future__ import annotations

import pytest

from ingest.pii_records import _mrz_digit, mrz_checks, roster_names
from tests.ingest.pii_checks import rules_only, uncovered


MRZ = "P<KORYANG<<MINJAE<<<<<<<<<<<<<<<<<<<<<<<<<<<\nK720134580KOR8703042M3201185<<<<<<<<<<<<<<06"

MASKED = [  # (case, text, type, value whose non-space characters must all be masked)
    ("mrz_birth_date", MRZ, "birth_date", "870304"),
    ("mrz_passport", MRZ, "passport", "K72013458"),
    ("mrz_name", MRZ, "name", "YANG<<MINJAE"),
    ("mrz_retyped_layout", "사본 글자:\nR55120937<4USA7712096F3004220<<<<<<<<<<<<<<08", "birth_date", "771209"),
    ("roster_passport_letters", "Delegation list (passport / DOB)\n1. OKAFOR CHIDI / A02291847 / 1979-03-11\n2. BELLO AMINA / A03318265 / 1984-12-02",
     "passport", "A03318265"),
    ("roster_passport_country_digits", "tour pax list\n- Lars Nygaard / NO 30219476 / DOB 1990-05-05\n- Sofie Berg / NO 30551182 / DOB 1992-09-18",
     "passport", "30551182"),
    ("roster_passport_trailing_letter", "외국인 근로자 명단\n- Arnel Bautista / P2281904C / 입국 2025.03.02\n- Joel Ramos / P7730126D / 입국 2025.03.02",
     "passport", "P7730126D"),
    ("roster_latin_name", "tour pax list\n- Lars Nygaard / NO 30219476 / DOB 1990-05-05\n- Sofie Berg / NO 30551182 / DOB 1992-09-18",
     "name", "Sofie Berg"),
    ("roster_sibling_row_name", "- Arnel Bautista / P2281904C / ARC 900101-5123456\n- Joel Ramos / 여권 갱신 중",
     "name", "Joel Ramos"),
    ("roster_hangul_first_cell", "1;진하람;2006-03-19;;FW\n2;Yaw Boateng;2005-01-02;;GK", "name", "진하람"),
    ("roster_latin_first_cell", "1;진하람;2006-03-19;;FW\n2;Yaw Boateng;2005-01-02;;GK", "name", "Yaw Boateng"),
    ("dob_cjk_characters", "본인 확인: 생년월일 1987年 3月 21日 입니다", "birth_date", "1987年 3月 21日"),
    ("chat_export_stamp", "[오후 3:02] 윤서: 서류 냈어\n[오후 3:03] 윤서: 확인 부탁해\n[오후 3:04] 윤서: 답장 줘", "name", "윤서"),
    ("latin_given_name_alone", "tour pax\n1. OKADA RENJI / TR7710234 / DOB 1991-02-03\nContact: Renji +81 90-1234-5678", "name",
     "Renji "),
    ("name_called_individual", "근저당권자가 남필준이라는 개인으로 되어 있어요", "name", "남필준"),
    ("dob_day_first", "Guest: Ingrid, DOB 03.11.1987, room 4", "birth_date", "03.11.1987"),
    ("date_equals_rrn_head", "FW;2004-06-15;040615-7******;Yaw Boateng", "birth_date", "2004-06-15"),
    ("date_after_sex_marker", "대상자 명월숙 여 1942년 3월 9일 독거", "birth_date", "1942년 3월 9일"),
    ("date_after_sex_marker_dots", "신청인 어필수 남, 1958.10.03", "birth_date", "1958.10.03"),
    ("corrected_birth_date", "생년월일을 1995.07.13로 적었는데 맞는 건 1995.01.13입니다", "birth_date", "1995.01.13"),
    ("rrn_front_gender_digit", "상대방 뒷자리는 모르고 770912-2 까지만 압니다", "rrn", "770912-2"),
    ("arn_front_gender_digit", "외국인등록번호 앞자리만 압니다: 010203-6", "arn", "010203-6"),
    ("mobile_starred_no_separators", "주문자 010****4471 (부재 시 문 앞)", "phone", "010****4471"),
    ("mobile_starred_tail_no_separators", "연락처 0107712****", "phone", "0107712****"),
    ("licence_any_shape", "My Illinois driver's license no. S530-4417-2291 expires next year", "driver_license", "S530-4417-2291"),
    ("address_room_in_dorm", "주소: 충북 음성군 대소면 삼정리 311-2 한빛기숙사 12호실\n연락처 없음", "address", "충북 음성군 대소면 삼정리 311-2 한빛기숙사 12호실"),
    ("address_building_part", "공장 주소는 화성시 향남읍 발안공단로 5, 3공장 관리동 입니다", "address", "화성시 향남읍 발안공단로 5, 3공장 관리동"),
    ("address_floor_side", "거주지 광주 북구 서하로 14번길 7, 3층 우측 입니다", "address", "광주 북구 서하로 14번길 7, 3층 우측"),
    ("address_basement_parking", "차는 수원시 팔달구 효원로 41, 지하 2층 주차장에 있어요", "address", "수원시 팔달구 효원로 41, 지하 2층 주차장"),
    ("vcard_full_name", "BEGIN:VCARD\nVERSION:3.0\nFN:길채운\nTEL:010-5512-3390\nEND:VCARD", "name", "길채운"),
    ("export_name_tag", "<row>\n  <applicant_name>모태준</applicant_name>\n</row>", "name", "모태준"),
    ("guard_room_line", "택배는 경비실 전화 031-772-4410 으로 연락 주세요", "phone", "031-772-4410"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("roster_no_travel_cue", "주문 목록\n1. 책상 / A12345678 / 2026-01-02\n2. 의자 / A22345678 / 2026-01-03", "A22345678"),
    ("cell_not_alone", "여권 사진 규격 안내 / 접수번호 2024120518 입니다 / 문의", "2024120518"),
    ("sex_marker_recent_event", "남 2026년 12월 1일 방문 예정", "2026년 12월 1일"),
    ("birth_cue_other_event", "생년월일 1990.01.01, 신청일 2025.12.01", "2025.12.01"),
    ("front_half_no_talk", "사건 접수 번호 240118-3 참고 바랍니다", "240118-3"),
    ("housing_office_line", "관리사무소 번호 02-2233-4455 로 전화해도 안 받아요", "02-2233-4455"),
    ("roster_header_not_name", "연번\t성명\t생년월일\t마을\n1\t봉순례\t1941-02-03\t하촌", "하촌"),
    ("chat_needs_the_stamp_or_colon", "[공지] 윤서 학부모님께 안내드립니다", "[공지]"),
    ("business_licence_not_driver", "business license no. 20261205-0417", "20261205-0417"),
    ("latin_part_needs_capital", "TANAKA HARUTO booked; the word haruto in lower case is left", "haruto"),
    ("called_individual_word", "전세사기라는 개인 범죄", "전세사기"),
    ("licence_word_then_number", "license fee is 35000 won", "35000"),
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, type_, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, type_), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in rules_only(text).masked


def test_mrz_check_digits():
    """ICAO 9303 weights 7-3-1 over digits, letters as 10–35 and the filler as 0."""
    assert _mrz_digit("870304") == 2 and _mrz_digit("K72013458") == 0
    line = MRZ.split("\n")[1]
    assert mrz_checks(line, 0)
    assert not mrz_checks(line.replace("8703042", "8703047"), 0)


def test_roster_header_row_is_no_name():
    text = "연번\t성명\t생년월일\t마을\n1\t봉순례\t1941-02-03\t하촌"
    assert [text[s:e] for s, e in roster_names(text, lambda v: True)] == ["봉순례"]
