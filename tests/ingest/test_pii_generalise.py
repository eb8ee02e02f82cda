"""Classes of citizens' phrasing that a second, independently written set exposed (sentences written here
by hand for each class, not copied from any evaluation set): where a name stands (lists, signatures, the end
of a self-introduction), which words cue it, rare surnames, numbers broken by a line, and the ordinary words
and officials that must stay."""
from __future__ import annotations

import pytest

from ingest.pii import mask

MASKED = [  # (class, text, type, value that must disappear)
    ("list_after_label", "회의 참석자: 오세린, 탁민우 (이상 2명)", "name", "탁민우"),
    ("list_joined_wa", "신청인 김도경과 이수아가 함께 방문했습니다", "name", "이수아"),
    ("list_joined_rang", "같은 반 윤서아랑 배도현이 다쳤어요", "name", "배도현"),
    ("rare_surname_bin", "세입자 빈재석 씨가 이사했습니다", "name", "빈재석"),
    ("rare_surname_gye", "보수 부탁드립니다. 계미란 010-3344-5566", "name", "계미란"),
    ("rare_surname_pi", "입금은 제 계좌로 했습니다.\n피상철", "name", "피상철"),
    ("spouse_word", "저희 영감 추만석 이가 많이 아파요", "name", "추만석"),
    ("deal_party", "양수인 남궁혁, 양도인 윤기철", "name", "윤기철"),
    ("generic_label_ja", "회의 발언자 주해림, 안건 3건", "name", "주해림"),
    ("sole_trader", "개인사업자 편수영 / 사업자등록번호 214-86-03917", "name", "편수영"),
    ("honorific_cue", "대표님 봉재훈께 전해 주세요", "name", "봉재훈"),
    ("particle_raneun", "윗집 도경수라는 사람이 밤마다 시끄러워요", "name", "도경수"),
    ("particle_kkeseoneun", "민원인 문채린께서는 불만이 많으십니다", "name", "문채린"),
    ("archaic_copula", "소생은 퇴직 교원 우태식이옵니다", "name", "우태식"),
    ("self_intro_far", "저는 같은 동 5층 501호 남윤호.", "name", "남윤호"),
    ("self_intro_dialect", "나는 읍내 장터 옆에 사는 김순례라요", "name", "김순례"),
    ("stopword_shape_at_end", "판매자 번호는 받았고, 저는 이상은", "name", "이상은"),
    ("spaced_given_eun", "정 은 서 입니다 연락 부탁드려요", "name", "정 은 서"),
    ("child_then_parent", "한 지 호 어머니입니다. 셔틀 문의요", "name", "한 지 호"),
    ("name_then_birth", "문의드려요. 하옥분 1939년 2월 3일 생", "name", "하옥분"),
    ("name_then_unit", "택배 보관 부탁드립니다. 노은솔, 103동 702호.", "name", "노은솔"),
    ("student_gun", "최태오 군(중3)의 전학 서류입니다", "name", "최태오"),
    ("latin_copula", "저 필리핀 사람 MARIA DELA CRUZ 예요", "name", "MARIA DELA CRUZ"),
    ("latin_upper_an", "영문성명: NGUYEN VAN AN", "name", "NGUYEN VAN AN"),
    ("latin_i_am", "I am exchange student Hana Sato. 주소 변경", "name", "Hana Sato"),
    ("foreign_hangul", "배우자 응우옌 반 안 씨와 함께 신청합니다", "name", "응우옌 반 안"),
    ("company_staff", "시공 회사 번호 말고요, 담당 권도윤 대리 031-555-7788", "name", "권도윤"),
    ("company_line", "시공 회사 번호 말고요, 담당 권도윤 대리 031-555-7788", "phone", "031-555-7788"),
    ("rrn_line_break", "주민번호 850302-\n1234567 입니다", "rrn", "850302-\n1234567"),
    ("rrn_stray_dot", "주민등록번호 720911-2.345678 (오타)", "rrn", "720911-2.345678"),
    ("phone_line_break", "연락처 010-7788-\n9900", "phone", "010-7788-\n9900"),
    ("birth_compact_saeng", "880405생 남자입니다", "birth_date", "880405"),
    ("birth_trailing_dot", "아버지는 1941. 7. 9. 생이십니다", "birth_date", "1941. 7. 9."),
    ("birth_in_record", "하지원 / 010-2345-6789 / 1987.12.03", "birth_date", "1987.12.03"),
    ("account_check_digit", "환급 계좌: 9003-2233-4455-1 (새마을금고)", "account", "9003-2233-4455-1"),
    ("address_shop_unit", "청구인 주소 부산광역시 중구 중앙대로 10, 상가 B105호", "address", "상가 B105호"),
    ("address_named_building", "저희 집은 창원시 의창구 원이대로 88, 한울그린빌 102동 303호 입니다", "address",
     "한울그린빌 102동 303호"),
    ("passport_english", "Passport No. TK1234567 입니다", "passport", "TK1234567"),
]

KEPT = [  # (class, text, what must stay visible)
    ("public_body_title", "국민건강보험공단 서울본부 한정우 과장이 안내했습니다", "한정우"),
    ("teacher_in_role", "담임 교사 김수진 선생님께서 연락 주셨어요", "김수진"),
    ("gateway_ip", "공유기 게이트웨이 192.168.0.1 로 설정했어요", "192.168.0.1"),
    ("org_office", "조합 사무실 번호는 02-555-1234 입니다", "02-555-1234"),
    ("rare_surname_word", "옆집 옹벽이 무너졌어요", "옹벽"),
    ("derived_verb", "보호자가 포함된 경우에만 신청할 수 있습니다", "포함된"),
    ("prefix_noun", "설치 위치가 최전방이라는 점을 고려하여", "최전방"),
    ("date_word", "시행일(2015. 10. 2.) 이후 접수분부터", "2015. 10. 2."),
    ("place_lived", "저는 도곡동 사는 주민인데요", "도곡동"),
    ("brand_at_end", "선물은 하나로마트 정관장", "정관장"),
    ("title_not_foreign_name", "업체 대표 최철 사장님과 통화했습니다", "사장님"),
    ("list_no_verb", "신청인 김도경과 상담한 결과입니다", "상담한"),
]


@pytest.mark.parametrize("case,text,type_,value", MASKED, ids=[c[0] for c in MASKED])
def test_masked(case, text, type_, value):
    r = mask(text)
    start = text.index(value)
    covered = {i for s in r.spans if s.type == type_ for i in range(s.start, s.end)}
    assert set(range(start, start + len(value))) <= covered, (r.masked, r.spans)


@pytest.mark.parametrize("case,text,value", KEPT, ids=[c[0] for c in KEPT])
def test_kept(case, text, value):
    assert value in mask(text).masked
