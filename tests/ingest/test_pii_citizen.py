"""The masker on citizens' own free text: the forms its first rules missed (written here by hand, not taken
from any evaluation set), the officials' names it must keep, and the words it must not take for names."""
from __future__ import annotations

import json

import pytest

from eval.pii_eval import load_set, score
from ingest.pii import mask

MASKED = [  # (failure class, text, type, the value that must disappear)
    ("card_no_luhn", "체크카드 4518-4412-3345-6788 로 두 번 결제됐어요", "card", "4518-4412-3345-6788"),
    ("card_domestic", "국민카드(9410 2233 4455 6677) 분실", "card", "9410 2233 4455 6677"),
    ("landline_plain_053", "집전화 05327454362 로 주세요", "phone", "05327454362"),
    ("landline_plain_02", "사무실 0212345678", "phone", "0212345678"),
    ("landline_plain_061", "가게 번호는 0615321478 입니다", "phone", "0615321478"),
    ("phone_paren_dash", "핸드폰 010)-9912-3048 입니다", "phone", "010)-9912-3048"),
    ("phone_jamo_dash", "제 번호 010ㅡ5544ㅡ3322", "phone", "010ㅡ5544ㅡ3322"),
    ("phone_hangul", "연락처 공일공-일이삼사-오륙칠팔 로", "phone", "공일공-일이삼사-오륙칠팔"),
    ("phone_spaced_digits", "번호 010 8 7 6 5 4 3 2 1 이요", "phone", "010 8 7 6 5 4 3 2 1"),
    ("name_age_sex", "어머니 박순례(75, 여)가 보이스피싱을 당했어요", "name", "박순례"),
    ("name_age_sex_no_role", "김칠성(82세) 기초연금 신청", "name", "김칠성"),
    ("name_age_in_brackets", "저(이영희, 43세, 여)는 보일러 점검을 원합니다", "name", "이영희"),
    ("name_before_data", "통장 주인은 석미자, 주민번호 570910-2345678 입니다", "name", "석미자"),
    ("name_self_copula_space", "안녕하세요 제 이름은 정대호 입니다.", "name", "정대호"),
    ("name_kogo", "안녕하세요 최수정이고요, 문의드립니다.", "name", "최수정"),
    ("name_taxpayer", "납세자 오승철 입니다. 환급금 문의", "name", "오승철"),
    ("name_lives", "대구 사는 배영자 입니다. 집으로 전화주세요.", "name", "배영자"),
    ("name_spaced", "성명: 권 나 래 / 휴대폰 없음", "name", "권 나 래"),
    ("name_signature", "가로등이 꺼져 있어요. 고쳐 주세요.\n천승우", "name", "천승우"),
    ("name_latin", "배우자 TRAN THI MAI 의 체류 연장", "name", "TRAN THI MAI"),
    ("name_child", "딸 하늘이가 다니는 학교입니다", "name", "하늘"),
    ("birth_label", "생년월일: 1990-02-21 / 분실 장소 공항", "birth_date", "1990-02-21"),
    ("birth_suffix", "62년 4월 9일생이고요", "birth_date", "62년 4월 9일생"),
    ("birth_after_name", "자녀 류하린(2015.05.20) 전학 문의", "birth_date", "2015.05.20"),
    ("birth_compact", "심은경(920714) 여성입니다", "birth_date", "920714"),
    ("rrn_split_spaces", "남편 주민번호 830707 1 234567.", "rrn", "830707 1 234567"),
    ("rrn_split_words", "주민번호 앞자리 900101 뒷자리 1234568", "rrn", "900101 뒷자리 1234568"),
    ("arn_labelled_spaced", "등록번호 910823 6012345, 국적 중국", "arn", "910823 6012345"),
    ("arn_head_only", "외국인등록번호는 950217-6 로 시작하는데", "arn", "950217-6"),
    ("rrn_hangul", "주민번호는 팔오공삼공이 다시 일이삼사오육칠 이에요", "rrn", "팔오공삼공이 다시 일이삼사오육칠"),
    ("email_at_brackets", "자료는 hong.gido [at] gmail.com 으로", "email", "hong.gido [at] gmail.com"),
    ("email_golbaengi", "kmlim77골뱅이daum.net 으로 답변", "email", "kmlim77골뱅이daum.net"),
    ("email_at_dot", "이메일 : sy.lee (at) daum (dot) net", "email", "sy.lee (at) daum (dot) net"),
    ("address_floor_room", "서울특별시 강남구 테헤란로 123 4층 401호", "address", "서울특별시 강남구 테헤란로 123 4층 401호"),
    ("address_letter_dong", "부산광역시 해운대구 센텀중앙로 97, 에이동 2302호", "address",
     "부산광역시 해운대구 센텀중앙로 97, 에이동 2302호"),
    ("address_room_alone", "저는 같은 빌라 3층 302호 삽니다", "address", "3층 302호"),
    ("brn_fullwidth_label", "등록번호 ２１４－８６－１２３４５ / 상호 한결식당", "brn", "２１４－８６－１２３４５"),
    ("passport_spaced", "여권번호: M 3456 7890 / 분실", "passport", "M 3456 7890"),
    ("passport_old", "구여권 번호가 JR1234567 이었고", "passport", "JR1234567"),
    ("plate_motorcycle", "번호판 서울 강남 가 1234 오토바이", "plate", "서울 강남 가 1234"),
    ("phone_middle_dot", "번호 010ㆍ4422ㆍ6688 입니다", "phone", "010ㆍ4422ㆍ6688"),
    ("phone_slashes", "번호 010/2255/7799 도 있어요", "phone", "010/2255/7799"),
    ("phone_letter_o", "폰 O1O-2345-6789 로", "phone", "O1O-2345-6789"),
    ("ipv6", "접속 기록 fe80::1ff:fe23:4567:890a 입니다", "ip", "fe80::1ff:fe23:4567:890a"),
    ("address_postcode_floor", "주소 (06236) 서울특별시 강남구 테헤란로 152, 12층", "address",
     "(06236) 서울특별시 강남구 테헤란로 152, 12층"),
    ("birth_year_first", "생년월일 1950년생 5월 3일", "birth_date", "1950년생 5월 3일"),
    ("name_apartment_manager", "관리소장 임대호 소장님께 말씀드렸는데", "name", "임대호"),
    ("name_before_address", "정정 신청합니다. 노창수, 충남 공주시 웅진로 12", "name", "노창수"),
]

KEPT = [  # officials' names the README says are kept, and words that merely look like names
    "담당 주무관 박영희 님께서 안내해 주셨습니다.",
    "담당 주무관 박영희에게 전화했습니다.",
    "담당 김철수 팀장님(043-750-1312)께 통화했는데",
    "강남구청 박영희 주무관님께서 안내해주신대로",
    "담임 오미경 선생님께는 말씀드렸고요. 저는 하준이 아빠 정민호 010-4455-6677",
    "관리사무소 번호 02-2607-3344 로 전화해도 안받아요.",
    "시청 제2공영주차장 출입구에 불법주차",
    "단지 내 지하주차장 배수구가 막혔습니다",
    "노인정 어르신들이 거기서 쉬십니다",
    "교육지원청 서지현 장학사님께 전달 부탁드립니다",
    "지구대 박성호 경위님이 출동하셨습니다",
    "회의는 10:30:45에 시작합니다",
    # officials' answers: verb stems before 여야/입니다, spaced syllables, numbered items, a place after 저는
    "이격거리를 유지하여야 합니다. 조정기보다 안정적입니다. 낮추도록 하 는 것이며,",
    "( 1)  소형저장탱크 주위 ( 2)  가스설비실",
    "저는 강원도 태백에서 식당을 합니다",
    "이름은 모르고 차만 봤어요",
    "지문인식이 계속 안돼요.",
    "딸 아이가 다쳤어요. 아들 녀석이 말을 안 들어요. 친구 집에 갔어요.",
    "저는 주부입니다. 저는 정말 억울합니다. 고양이 사체가 도로에 있습니다.",
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[m[0] for m in MASKED])
def test_masked(case, text, type_, value):
    r = mask(text)
    got = [(s.type, text[s.start:s.end]) for s in r.spans]
    assert (type_, value) in got, got
    assert value not in r.masked


def test_official_and_parent():
    r = mask(KEPT[4])
    assert "오미경" in r.masked  # the teacher: an official, kept
    assert "정민호" not in r.masked and "4455" not in r.masked  # the parent and their mobile: masked


@pytest.mark.parametrize("text", KEPT[:4] + KEPT[5:])
def test_kept(text):
    r = mask(text)
    assert r.masked == text, [(s.type, text[s.start:s.end]) for s in r.spans]


def test_birth_date_tag_and_type_policy():
    from ingest.pii import MaskPolicy

    # the dot after the day belongs to the date in the Korean way of writing it ("1985. 3. 2.")
    assert mask("생년월일 1985. 3. 2.").masked == "생년월일 [생년월일]"
    assert mask("생년월일 1985. 3. 2.", MaskPolicy(types=frozenset({"phone"}))).masked == "생년월일 1985. 3. 2."


def test_hand_written_set_scoring(tmp_path):
    """``--set`` scoring: per type recall/precision and keep items masked as "ordinary words masked"."""
    path = tmp_path / "set.jsonl"
    text = "민원인 홍길동 010-1234-5678, 지하주차장 문의"
    row = {"id": "a", "text": text, "spans": [{"type": "name", "start": 4, "end": 7},
                                              {"type": "phone", "start": 8, "end": 21}],
           "keep": [{"what": "name_like_word", "start": 23, "end": 28}]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    items = load_set(path)
    report = score(items, lambda t: [("name", 4, 7), ("name", 23, 26)])
    assert report["per_type"]["name"]["recall"] == 1.0 and report["per_type"]["name"]["precision"] == 0.5
    assert report["per_type"]["phone"]["recall"] == 0.0
    assert report["ordinary_words_masked"]["masked"] == 1
    assert report["overall"]["structured_recall"] == 0.0


def test_core_recall_counts_a_masked_number_whose_bank_word_was_left(tmp_path):
    """An account annotated with its bank counts as core recalled when its digits are masked, not when
    a digit is left; the strict recall stays unmet either way."""
    path = tmp_path / "set.jsonl"
    text = "환급 계좌는 농협 351-1047-2290-83 입니다"
    s, e = text.index("농협"), text.index(" 입니다")
    row = {"id": "a", "text": text, "spans": [{"type": "account", "start": s, "end": e}], "keep": []}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    items = load_set(path)
    number = text.index("351")
    full = score(items, lambda t: [("account", number, e)])
    short = score(items, lambda t: [("account", number, e - 1)])
    assert full["overall"]["structured_recall"] == 0.0 and full["overall"]["structured_core_recall"] == 1.0
    assert short["overall"]["structured_core_recall"] == 0.0
