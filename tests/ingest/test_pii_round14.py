"""Masker round 8 (issue 10 item 9), tested with the rules alone (``mask_with(text, None, None)``) on sentences
written here, not copied from an evaluation set: Latin names by their English frame (a kinship word, apposition to
"me", an e-mail that spells the name), an address whose lot is a development's block, a road number before a
complex and its unit, a date after a name in a " / " row; kept: a business or an institution named like a person,
the office's reply line, an office's notice and its handover, a role mailbox, a public post closing a record, an
office's signature (department, official, landline), a fire or police rank before a name, an office mailbox's sender."""
from __future__ import annotations

import pytest

from ingest.pii_round9 import trade_name
from ingest.pii_voice import in_reply, office_notice, organisation_mail
from tests.ingest.pii_checks import rules_only, uncovered


MASKED = [  # (case, text, type, value whose non-space characters must all be masked)
    ("latin_after_kin", "I cannot attend because my daughter Yerlan was sick that week.", "name", "Yerlan"),
    ("latin_after_kin_two_words", "We moved in with our landlord and my cousin Tobias Brandt last spring.", "name", "Tobias Brandt"),
    ("latin_after_kin_no_possessive", "My husband came first, and son Ji-ho Kwon joined us later.", "name", "Ji-ho Kwon"),
    ("latin_apposition_me", "If anything is missing, write to me, Helena Varga, at any time.", "name", "Helena Varga"),
    ("latin_before_spelling_mail", "The supplier contact is Rafael Moreno r.moreno@andes-trade.cl for invoices.", "name", "Rafael Moreno"),
    ("date_after_name_slash", "돌봄 신청서\n자녀: 남궁하율 / 2018년 11월 4일\n보호자: 남궁석 / 010-3381-2290", "birth_date", "2018년 11월 4일"),
    ("date_after_latin_kin", "Travelling: my son Arman Seitkali (2016-08-21) and me.", "birth_date", "2016-08-21"),
    ("address_development_block", "작업장은 평택시 포승읍 원정리 물류단지 C12블록 창고입니다.", "address", "평택시 포승읍 원정리 물류단지 C12블록"),
    ("address_block_digits_only", "택지 위치 세종특별자치시 연기면 세종리 택지지구 7-2블록 입니다", "address", "세종특별자치시 연기면 세종리 택지지구 7-2블록"),
    ("road_before_complex_unit", "밤마다 소음이 심합니다. 솔빛로 417, 솔빛마을 903동 1201호 주민 올림", "address", "솔빛로 417, 솔빛마을 903동 1201호"),
    ("private_landline_in_question", "→ 질문: 제 집 전화 031-555-0142로 연락 주세요", "phone", "031-555-0142"),
    ("free_mail_in_reply_kept_masked", "답변: 센터입니다. 상담 요청자 jiyu.moon@gmail.com 로 회신했습니다.", "email", "jiyu.moon@gmail.com"),
    ("person_with_trade_word_short", "시공은 박설비 씨가 맡았습니다.", "name", "박설비"),
    ("free_mail_sender", "보낸 사람: 은다솔 <dasol.eun@gmail.com>", "name", "은다솔"),
    ("company_team_signature", "주식회사 한빛상사 영업팀 탁서율 (02-555-3301) 에게 물건을 샀는데 환불이 안 됩니다", "name", "탁서율"),
    ("writer_group_opening", "저희는 동네 축구팀입니다. 회장 집 전화 02-555-7781 로 답 주세요", "phone", "02-555-7781"),
    ("team_with_mobile", "우리 팀 탁서율 010-5555-3301 로 연락 주세요", "phone", "010-5555-3301"),
]

KEPT = [  # (case, text, value that must stay readable)
    ("trade_name_four_syllables", "수리는 업체 정우설비 (123-45-67890)에 맡겼습니다.", "정우설비"),
    ("institution_as_holder", "지원금 통장 예금주 한빛경로당 으로 받아요", "한빛경로당"),
    ("reply_line_landline", "차량 영치 해제 문의합니다.\n→ 답: 교통과 단속반(031-777-2101)으로 문의 바랍니다.", "031-777-2101"),
    ("reply_line_mail", "강의 신청 방법?\n답변: 평생학습관입니다. 신청서는 apply@learn.example.kr로 보내주세요.", "apply@learn.example.kr"),
    ("office_notice_title", "다산시 체육진흥과입니다. 시설 대관 문의는 추하늘 주무관(031-555-7720)께 하시기 바랍니다.", "031-555-7720"),
    ("office_notice_handover", "○○중 행정실입니다. 급식 계약 담당자 변경 안내드립니다. 기존 탁지호 → 신규 맹서윤 주무관.", "탁지호"),
    ("office_notice_handover_new", "○○중 행정실입니다. 급식 계약 담당자 변경 안내드립니다. 기존 탁지호 → 신규 맹서윤 주무관.", "맹서윤"),
    ("role_mailbox", "To: support@parking.example.kr\n주차권 환불 요청드립니다.", "support@parking.example.kr"),
    ("public_post_closing_record", "상담 내용 요약: 수면 문제 호소, 2주 후 재방문.\n담당 보호관찰관 은재형", "은재형"),
    ("signature_name", "회신 요약 – 다산시 도시계획과 탁서율 (031-555-3301)", "탁서율"),
    ("signature_phone", "회신 요약 – 다산시 도시계획과 탁서율 (031-555-3301)", "031-555-3301"),
    ("signature_team", "담당: 수도사업소 요금팀 맹하준 (031-555-7719)", "맹하준"),
    ("ranked_officers", "현장 출동: 구급대원 소방장 채도윤, 소방교 편지율", "채도윤"),
    ("rank_is_no_name", "현장 출동: 구급대원 소방장 채도윤, 소방교 편지율", "소방교"),
    ("office_mailbox_sender", "> 보낸 사람: 은다솔 <dasol7@dasan.go.kr>\n> 회신드립니다.", "은다솔"),
    ("role_mailbox_sender", "> 보낸사람: 은다솔 <support@care.example.or.kr>\n> 회신드립니다.", "은다솔"),
    ("police_unit_line", "○○경찰서 형사조사계 031-555-4410 으로 연락 주세요", "031-555-4410"),
]

NOT_MASKED_AS = [  # (case, text, type, value that must not be masked as this type)
    ("latin_kin_stopword", "my friend In Seoul we met again", "name", "In Seoul"),
    ("no_block_without_region", "B3블록 공사가 지연되고 있습니다", "address", "B3블록"),
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, type_, value):
    r = rules_only(text)
    assert not uncovered(r, text, value, type_), (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in rules_only(text).masked


@pytest.mark.parametrize("case,text,type_,value", NOT_MASKED_AS, ids=[c[0] for c in NOT_MASKED_AS])
def test_not_masked_as(case, text, type_, value):
    start = text.index(value)
    assert not any(s.type == type_ and s.start < start + len(value) and start < s.end for s in rules_only(text).spans)


def test_trade_name_shape():
    assert trade_name("동산설비") and trade_name("새마을경로당")
    assert not trade_name("김설비") and not trade_name("선우미래")


def test_voice_helpers():
    text = "문의합니다\n→ 답변: 민원실입니다."
    assert in_reply(text, text.index("민원실")) and not in_reply(text, 2)
    assert office_notice("다산시 교통행정과입니다. 안내드립니다.") and not office_notice("저는 다산시 주민입니다.")
    assert not office_notice("저희는 동네 축구팀입니다.")
    assert organisation_mail("minwon@city.example.kr") and not organisation_mail("minwon@naver.com")
    assert not organisation_mail("hong.gd@city.example.kr")
