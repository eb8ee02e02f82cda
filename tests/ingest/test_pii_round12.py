"""Masker round 6 (issue 10 item 9): international formats and names by their position, each tested with the rules
alone (``mask_with(text, None, None)``) on sentences written here, not copied from an evaluation set: Latin-script
street addresses (Korean romanised roads, North American and European streets, a unit or building before them),
Japanese and Chinese addresses, E.164 numbers with a one-digit country code, passports of any shape after a label
in any language, OCR'd and partly hidden dates, an address broken onto an indented line or without its city,
an official-domain mail in a citizen's own contacts; names in a roster table, joined by 고/구 after their label,
before 올시다 or a dialect 한테, after an adoptive parent's title, and speakers of a chat."""
from __future__ import annotations

import pytest

from ingest.pii_chat import chat_speakers
from tests.ingest.pii_checks import rules_only, uncovered


MASKED = [  # (case, text, type, value whose non-space characters must all be masked)
    ("roman_road_room", "We stay at Suite 12, Namsan Guesthouse, 27-4 Sopa-ro, Jung-gu, Seoul this week.", "address",
     "Suite 12, Namsan Guesthouse, 27-4 Sopa-ro, Jung-gu, Seoul"),
    ("roman_side_street", "Ship it to 8 Yeoksam-ro 17-gil, Gangnam-gu 06246 please", "address",
     "8 Yeoksam-ro 17-gil, Gangnam-gu 06246"),
    ("us_street_zip", "my old home: 4417 Maple Avenue, Dayton, OH 45402, and I moved", "address",
     "4417 Maple Avenue, Dayton, OH 45402"),
    ("canada_unit_street", "Home is 1503-88 Bay Street, Toronto ON M5J 2S1 now.", "address", "1503-88 Bay Street, Toronto ON M5J 2S1"),
    ("uk_flat_postcode", "Flat 3, Rosewood Court, 17 King Road, Leeds LS6 2AB", "address", "Flat 3, Rosewood Court, 17 King Road, Leeds LS6 2AB"),
    ("building_then_unit", "Address: Riverside Palace, 203-1101, 45 Hangang-daero, Yongsan-gu", "address",
     "Riverside Palace, 203-1101, 45 Hangang-daero, Yongsan-gu"),
    ("hotel_room_no_street", "숙소는 Room 812, Grand Harbor Hotel Busan 이고 내일 체크아웃", "address", "Room 812, Grand Harbor Hotel Busan"),
    ("japanese_address", "住所: 大阪府大阪市北区梅田3-1-5 グランドメゾン1204 です", "address", "大阪府大阪市北区梅田3-1-5 グランドメゾン1204"),
    ("chinese_address", "地址 上海市浦东新区世纪大道100号 연락 주세요", "address", "上海市浦东新区世纪大道100号"),
    ("e164_one_digit_cc", "Казахстан номер +7 701 338-41-92 로 연락", "phone", "+7 701 338-41-92"),
    ("passport_any_shape", "passport number: X7KP20419 (Netherlands)", "passport", "X7KP20419"),
    ("passport_japanese_label", "旅券番号：MZ4402719", "passport", "MZ4402719"),
    ("passport_korean_label_long", "여권번호 NP55103276 입니다", "passport", "NP55103276"),
    ("ocr_spaced_date", "생년월일 : 1949 . O7 . 12  성별 : 남", "birth_date", "1949 . O7 . 12"),
    ("hidden_day_birth", "아동 황*민(2021.11.**생)의 예방접종", "birth_date", "2021.11.**"),
    ("hidden_birth_label", "생년월일: 1983-06-** / 주소 비공개", "birth_date", "1983-06-**"),
    ("indented_lot", "주 소 : 전남 보성군 벌교읍 장좌리\n           207-3\n전화 : 061-857-2210", "address",
     "전남 보성군 벌교읍 장좌리\n           207-3"),
    ("side_road_no_city", "문제 집은 △△로 3*번길 1*-2 이고 누수가", "address", "△△로 3*번길 1*-2"),
    ("side_road_plain", "현장은 중앙로 48번길 11 입니다", "address", "중앙로 48번길 11"),
    ("korea_kr_own_mail", "연락처 010-3318-2047, 메일 parkjy@korea.kr (회사 메일이지만 개인적으로 씀)", "email", "parkjy@korea.kr"),
    # names
    ("roster_header", "단원명\t역할\t연락처\n옥지환\t총무\t010-5521-7730\n봉하얀\t단원\t010-2290-4418", "name", "봉하얀"),
    ("roster_member_header", "회원명|직책|전화\n탁미소|회장|010-7741-2039\n", "name", "탁미소"),
    ("label_copula_gu", "이름은 채영식이구, 주소는 따로 적을게유", "name", "채영식"),
    ("label_copula_go", "제 본명 하윤슬이고 닉네임은 따로 있어요", "name", "하윤슬"),
    ("intro_copula_gu", "지는 방길수구 전화는 010-6624-1187 이유", "name", "방길수"),
    ("olsida_open", "이 편지를 쓰는 사람은 마을 끝집 모숙자올시다", "name", "모숙자"),
    ("dialect_hanti", "작은딸 윤소라헌티 물어보믄 알 것이요", "name", "윤소라"),
    ("adoptive_mother", "양부 기영만, 양모 편수정의 자녀로 입양되었습니다", "name", "편수정"),
    ("chat_latin_speaker", "Linh 언니: 오늘 모임 와요?\n투이: 네 갈게요\nLinh 언니: 좋아요\nRosa Mendez: 저도요", "name", "Rosa Mendez"),
    ("chat_hangul_speaker", "Linh 언니: 오늘 모임 와요?\n투이: 네 갈게요\nLinh 언니: 좋아요", "name", "투이"),
    ("chat_given_of_found", "반장 남궁하람이 공지 올림\n하람: 내일 3시 집합", "name", "하람"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("particle_ro_range", "회의로 3-4일 걸릴 것 같습니다", "3-4일"),
    ("office_mail_kept", "담당: 건축과 한도윤 주무관 (031-590-2210, hdy@korea.kr)", "hdy@korea.kr"),
    ("staff_directory", "성명\t직급\t부서\t전화\n남기현\t주무관\t건축과\t031-590-2211", "남기현"),
    ("form_fields_not_chat", "위치: 동백로 앞\n내용: 보도블록 파손\n위치: 정류장 옆", "동백로 앞"),
    ("qa_labels", "Q: 신청 방법은?\nA: 온라인으로 신청\nQ: 기한은?", "A:"),
    ("former_boyfriend", "전 남자친구 집 앞에서 기다렸어요", "남자친구"),
    ("not_a_name_after_label", "제 이름은 지금이고 뭐고 중요하지 않아요", "지금이고"),
    ("plus_seven_percent", "전년 대비 +7 % 증가했습니다", "+7 %"),
    ("english_sentence", "The Office of Housing, Room service and Main Street events were discussed.", "Main Street"),
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, type_, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, type_), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in rules_only(text).masked


def test_chat_needs_a_conversation():
    """A single "이름: …" line is a form field, not a chat: no speaker without a repeated label."""
    assert chat_speakers("투이: 네 갈게요\n", []) == []
    text = "투이: 네\n아잘: 응\n투이: 그래"
    assert [text[s:e] for s, e in chat_speakers(text, [])] == ["투이", "아잘", "투이"]
