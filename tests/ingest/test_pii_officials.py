"""Officials in role and the words around them (``ingest.pii_officials``), layout cues for the tagger
(``ingest.pii_layout``) and the round-2 families of the learned masker.

Sentences written here by hand for each case, not copied from any evaluation set."""
from __future__ import annotations

import pytest

from ingest.pii import mask, mask_with
from ingest.pii_crf import _CUE_RE
from ingest.pii_layout import column_kinds, previous_line_kinds
from ingest.pii_officials import office_address, official_in_role, private_contact

KEPT = [  # (text, an official's name in role that must stay visible)
    ("하수과 방진우 팀장님께서 맨홀 뚜껑을 바로 고쳐 주셨습니다.", "방진우"),
    ("주민복지과 엄소라 과장 확인 후 회신 예정.", "엄소라"),
    ("종합민원실 구태경 팀장님이 서류를 다시 봐 주셨어요.", "구태경"),
    ("특수교사 노하영 선생님께 감사 인사 전해 주세요.", "노하영"),
    ("신분증 대조 완료 / 접수자 금보람", "금보람"),
    ("오전 10시 통화, 내일 재연락 요청함. 메모 탁윤성", "탁윤성"),
]
MASKED = [  # (text, a private person's name that must be masked whatever the title)
    ("상담원: 어진우 님, 주소 확인 부탁드려요.\n고객: 네", "어진우"),
    ("담당자 반세린 대리 02-555-0192 / serin.ban@greenfarm.co.kr 로 연락 바랍니다.", "반세린"),
    ("이웃과 김동철 과장이 다퉜습니다.", "김동철"),  # "…과" as "with": no department
]


@pytest.mark.parametrize("text,value", KEPT)
def test_official_in_role_is_kept(text, value):
    r = mask(text)
    assert value in r.masked, r.masked
    start = text.index(value)
    assert official_in_role(text, start, start + len(value)) is True


@pytest.mark.parametrize("text,value", MASKED)
def test_private_person_is_masked(text, value):
    assert value not in mask(text).masked


def test_private_mail_makes_the_landline_private():
    text = "담당자 반세린 대리 02-555-0192 / serin.ban@greenfarm.co.kr 로 연락 바랍니다."
    assert "02-555-0192" not in mask(text).masked
    assert private_contact(text, text.index("0192") + 4)
    assert not private_contact("건축과 02-555-0192 / arch@seoul.go.kr", 13)


def test_office_address_and_enquiry_line_are_kept():
    text = "신고서는 다산시 시청로 12 시청 별관 2층 교통과로 내시면 됩니다. 문의 031-770-3345"
    r = mask(text)
    assert "시청로 12" in r.masked and "031-770-3345" in r.masked, r.masked
    home = "제 주소는 다산시 시청로 12 한빛아파트 3동 201호입니다."
    assert not office_address(home, home.index("다산시"), home.index("입니다"))
    assert "3동 201호" not in mask(home).masked


def test_dated_list_heading_is_no_name_nor_birth_date():
    r = mask("참석자 목록 (2025.06.11)\n1. 왕재식 (주민, 010-3382-1190)")
    assert "목록 (2025.06.11)" in r.masked and "왕재식" not in r.masked, r.masked


def test_layout_cues():
    text = "| 번호 | 성명 | 출생일 |\n|---|---|---|\n| 1 | 모은비 | 1990.04.12 |"
    kinds = column_kinds(text, _CUE_RE)
    assert kinds[text.index("모은비")] == "NAME" and kinds[text.index("1990")] == "BIRTH"
    assert text.index("번호") not in kinds  # the header row itself is no value
    chat = "직원: 생년월일 알려 주세요\n주민: 880214"
    assert "BIRTH" in previous_line_kinds(chat, _CUE_RE)[chat.index("880214")]


# Families the rules alone missed in other writers' texts; the combined masker hides them.
FAMILIES = [
    ("연번\t이름\t생년월일\t비고\n1\t국상희\t1957.08.19\t독거\n2\t봉말순\t1950.01.05\t", "1950.01.05"),
    ("| 구분 | 성명 | 생일 |\n|---|---|---|\n| 자녀 | 하은결 | 2013.04.27 |", "2013.04.27"),
    ("상담사: 본인 확인차 생년월일 여섯 자리 말씀해 주세요\n고객: 790322", "790322"),
]


@pytest.mark.parametrize("text,value", FAMILIES)
def test_families_masked_by_the_combined_masker(text, value):
    assert value not in mask(text).masked


def test_rules_alone_keep_an_official_and_the_model_respects_it():
    text = "세무과 오해든 팀장 확인. 납세자 문의 응대 완료."
    assert "오해든" in mask_with(text, None, None).masked
    assert "오해든" in mask(text).masked


RULE_FAMILIES = [  # (text, value the rules now mask): spoken separators, starred accounts, 'yy dates, English dates
    ("연락처는 공일공 다시 팔팔이삼 다시 칠칠사일 입니다.", "팔팔이삼"),
    ("환불 계좌 토스뱅크 1000-**-***4417 예금주 본인", "1000-**-***4417"),
    ("하태준 / '91년 2월 14일 / 구직급여 문의", "'91년 2월 14일"),
    ("Full name: Dana Sultanova, Date of birth: 7 NOV 1994", "7 NOV 1994"),
    ("세무사 오진혁 사무장(한결세무회계 02-512-4406)이 대신 신고했어요.", "02-512-4406"),
]


@pytest.mark.parametrize("text,value", RULE_FAMILIES)
def test_rule_families(text, value):
    assert value not in mask_with(text, None, None).masked


def test_staff_directory_table_keeps_officials_and_their_lines():
    text = ("업무\t이름\t직위\t연락처\n접수\t도한결\t주무관\t02-3150-1101\n조사\t맹세영\t팀장\t02-3150-1107\n"
            "신청인\t하보람\t-\t010-5521-7734")
    r = mask(text)
    for kept in ("도한결", "맹세영", "02-3150-1107"):
        assert kept in r.masked, r.masked
    assert "하보람" not in r.masked and "010-5521-7734" not in r.masked


def test_teacher_addressed_in_a_school_letter_is_kept():
    text = "윤채린 선생님께\n\n2학년 4반 엄다온 아빠입니다. 급식 알레르기 문의드립니다. 연락은 010-7781-3306으로 주세요."
    r = mask(text)
    assert "윤채린" in r.masked and "엄다온" not in r.masked, r.masked
    tutor = "윤채린 선생님께\n\n수학 학원 상담 때문에 연락드립니다. 2학년 4반입니다."
    assert "윤채린" not in mask(tutor).masked


def test_address_broken_over_lines_is_masked_whole():
    envelope = "보내는 이\n맹순덕\n경상남도 거창군 가조면\n마상리 311-4\n50120\n"
    r = mask_with(envelope, None, None)
    assert "가조면" not in r.masked and "50120" not in r.masked and "311-4" not in r.masked, r.masked
    road = "주소: 충남 아산시 배방읍 희망로 46 번길\n9-2 (장재리)\n전화 010-2281-4470"
    r = mask_with(road, None, None)
    assert "번길" not in r.masked and "9-2" not in r.masked, r.masked
    assert "2024" in mask_with("주소: 서울 중구 세종대로 12\n2024\n접수", None, None).masked  # a year on its own line


def test_address_without_any_space():
    for text, value in (("할매는충남서천군한산면지현리218살아예", "지현리218"), ("우리집주소는양주시백석읍복지리45-2번지입니다", "복지리45-2")):
        assert value not in mask_with(text, None, None).masked
    assert "동3개" in mask_with("그렇게 하시면 동3개 드려요", None, None).masked


def test_middle_dot_list_before_a_found_name():
    r = mask_with("봉사단 명단: 단원 어경식·탁미순·하명진 (총 3명)", None, None)
    for name in ("어경식", "탁미순", "하명진"):
        assert name not in r.masked, r.masked
    assert "회의·토론" in mask_with("회의·토론·발표 순서로 진행하고 하명진 위원이 사회", None, None).masked
