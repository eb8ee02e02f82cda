"""Masker round 11 (issue 10 item 9), rules alone, on sentences written here: officials named in their role in the
records an office keeps (a role word before the name closing its item, a department in brackets, a team's
signature, a record table's staff column, a staff member's self-introduction, a case handed between officials) and
their office lines, while the citizen in the same record stays masked; a number on file read back by staff; birth
dates after 生, closed by their label, with a kin word, with their calendar, as four digits, by month, in English
after "born in … on", in a numbered member list; romanised Korean addresses, basement and floor tails, a Latin
address's postcode and country, a village in an asked address field."""
from __future__ import annotations

import pytest

from tests.ingest.pii_checks import every, rules_only, uncovered

KEPT_OFFICIAL = [  # (case, text, official's name that must stay readable, citizen's name that must be masked or None)
    ("handled_by_at_record_end", "[방문 접수]\n민원인 도가람 010-3321-8810 / 등본 발급\n수수료 면제 대상 확인. 처리 탁윤서", "탁윤서", "도가람"),
    ("answered_after_clock", "[전화 메모] 10:42 / 응대 모하진\n신고인 석다온 010-2287-4410, 가로등 고장", "모하진", "석다온"),
    ("record_label_list", "현장 확인 결과\n대상자 용태수 거주 확인\n조사자 편도윤, 계수아", "계수아", "용태수"),
    ("received_with_post", "> 대상자: 변말례 010-8812-3307\n> 접수: 통합사례관리사 여하람", "여하람", "변말례"),
    ("department_in_brackets", "- 미처리 민원 3건 → 사유서 제출 (회계과 도민결)", "도민결", None),
    ("team_signature", "안녕하세요 공나래님, 신청이 접수되었습니다.\n시립도서관 독서진흥팀 하서율 드림", "하서율", "공나래"),
    ("name_bar_department", "신청해 주셔서 감사합니다.\n\n석윤아 | 문화체육과 생활체육팀\nT 031-770-4412", "석윤아", None),
    ("staff_column_of_record_table", "No | 신청인 | 연락처 | 담당\n1 | 우서진 | 010-5512-8804 | 기태오", "기태오", "우서진"),
    ("staff_self_introduction", "상담사: 더 궁금하신 점 없으세요? 상담사 봉예린이었습니다.", "봉예린", None),
    ("record_entry_signed_after_dash", "[처리 기록] 소음 민원\n신청인 표가온 301호\n11. 28. 재측정 예정 — 반도영", "반도영", "표가온"),
    ("case_passed_to_department_official", "[통화 메모]\n신고인 금다솜 010-7712-3390, 보도블록 파손\n도로관리과로 이관(여채운).", "여채운", "금다솜"),
    ("case_handed_between_officials", "[내부 메모] 이관: 도한결 주무관 → 채슬아 팀장\n민원인 마윤호 010-7731-2204", "채슬아", "마윤호"),
]

OFFICE_LINE_KEPT = [  # (case, text, office line that must stay readable)
    ("line_under_team_signature", "시립도서관 독서진흥팀 하서율 드림\n☎ 043-850-2231", "043-850-2231"),
    ("line_under_name_bar_department", "석윤아 | 문화체육과 생활체육팀\nT 031-770-4412  E sport@city.go.kr", "031-770-4412"),
    ("line_busy_when_rung", "안내문에 적힌 055-221-8830은 하루 종일 통화중입니다. 어디로 연락하나요?", "055-221-8830"),
]

MASKED = [  # (case, text, value whose digits must all be masked)
    ("number_on_file_read_back", "상담원: 본인 확인됐습니다. 등록된 연락처가 02 3391 4471 맞으세요?\n고객: 네.", "02 3391 4471"),
    ("birth_after_sheng", "위임인: 부 모정식 生 1948.02.17, 모 현복례 生 1951.10.30", "1951.10.30"),
    ("birth_label_after_in_brackets", "성명 석하윤\n1979. 5. 12. (생년월일)\n주소 추후 제출", "1979. 5. 12"),
    ("birth_kin_apposition", "| 보호자 | 석기훈 (장남, 1972.11.03) |", "1972.11.03"),
    ("birthday_with_calendar", "할머니 생신 음력 3월 14일에 맞춰 방문 부탁드려요.", "3월 14일"),
    ("birthday_four_digits", "학생증에 생일이 1124로 잘못 찍혀 있어요.", "1124"),
    ("birth_year_month", "저는 1995년 8월 출생인데 청년 월세 지원 대상인가요?", "1995년 8월"),
    ("birth_english_born_in_on", "My son was born in Manila on March 3, 2011 and needs a school record.", "March 3, 2011"),
    ("member_row_kin_date", "세대원\n1. 곽도윤 본인 1958.02.11\n2. 곽나린 딸 1999년 12월 3일 (직장인)", "1999년 12월 3일"),
]

MASKED_ADDRESS = [  # (case, text, value whose characters must be masked as an address)
    ("romanised_korean_units", "I live in Gwangju, Buk-gu, Yongbong-dong 1102-4, Room 305 with my wife.",
     "Gwangju, Buk-gu, Yongbong-dong 1102-4, Room 305"),
    ("basement_tail", "이사 전 주소: 부산 사하구 낙동대로 201-3, 지층 입니다.", "부산 사하구 낙동대로 201-3, 지층"),
    ("floor_tail", "현재 주소 대구 중구 동성로 12, 3F 로 바뀌었습니다.", "대구 중구 동성로 12, 3F"),
    ("canada_country_tail", "I'm living at 2210 Main St, Vancouver, BC V5T 3C1, Canada now.", "2210 Main St, Vancouver, BC V5T 3C1, Canada"),
    ("asked_village", "상담원: 주소는요?\n고객: 주소는 영천시 화북면 자천리 정미소 옆이에요.", "영천시 화북면 자천리"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("hospital_address", "입원했던 병원 주소 대전 서구 둔산로 88, 5층 으로 서류를 보내면 되나요?", "둔산로 88"),
    ("year_month_not_birth", "이 제도는 2024년 3월 시행되었고 대상이 확대됐어요.", "2024년 3월"),
    ("birthday_event_number", "생일 1004 이벤트 쿠폰이 안 들어와요.", "1004"),
    ("identity_check_not_role", "본인 확인 후 서류 발급", "확인"),
    ("script_label_word", "성명(한글) 칸에 이름을 적으세요.", "칸에"),
]


@pytest.mark.parametrize("case,text,official,citizen", KEPT_OFFICIAL, ids=[c[0] for c in KEPT_OFFICIAL])
def test_official_kept(case, text, official, citizen):
    r = rules_only(text)
    assert official in r.masked, (r.masked, r.spans)
    if citizen is not None:
        assert citizen not in r.masked, r.masked


@pytest.mark.parametrize("case,text,value", OFFICE_LINE_KEPT, ids=[c[0] for c in OFFICE_LINE_KEPT])
def test_office_line_kept(case, text, value):
    assert value in rules_only(text).masked


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


def test_private_contact_after_role_word_masked():
    """A role word does not keep a name a mobile follows: a company's contact person is private."""
    text = "회사 전산팀 담당 공우진 010-4471-2290 으로 연락 주세요."
    assert "공우진" not in rules_only(text).masked


def test_letter_signed_after_dash_masked():
    """A dash before a name signs a citizen's letter where no office record is headed."""
    assert "석지한" not in rules_only("불편을 꼭 해결해 주세요. 감사합니다 — 석지한\n").masked


def test_birth_dates_typed():
    """The dates round 11 frames are masked as birth dates."""
    text = "위임인: 부 모정식 生 1948.02.17"
    r = rules_only(text)
    assert any(s.type == "birth_date" and text[s.start:s.end] == "1948.02.17" for s in r.spans), r.spans


def test_model_guards():
    """What the model's spans may not take: a neighbourhood the writer lives in as a name, a case's number as an
    address's tail."""
    from ingest.pii_round11 import place_lived, record_number_in
    text = "저는 반포동 사는 주민이고 접수번호는 성북구 보문로 77 2025-3318 접수 건입니다."
    s = text.index("반포동")
    assert place_lived(text, s, s + 3)
    assert not place_lived("민원인 홍길동 사는 곳", 4, 7)
    e = text.index("77") + 2
    assert record_number_in(text, e, e + len(" 2025-3318"))
    assert not record_number_in("성북구 보문로 77 3층 2호", 10, 16)
