"""Request types from texts written the way citizens write them."""
import pytest

from rag.desk.classify import (GRIEVANCE, OPEN_INFO, OTHER, PERSONAL_VIEW, PROPOSAL, QUERY_LAW, QUERY_PROC,
                               TRANSFER, classify, deadline_kind)
from rag.desk.rules import load_rules

CASES = [
    ("지난주 교통사고가 났는데 ○○사거리 CCTV 영상을 보고 싶어요. 상대 차량 운전자 얼굴은 나와도 되나요?", PERSONAL_VIEW),
    ("제 개인정보를 시청이 어떻게 갖고 있는지 열람하고 싶습니다.", PERSONAL_VIEW),
    ("작년 시청 홍보비 집행 내역을 공개해 주세요.", OPEN_INFO),
    ("2025년 도시계획위원회 회의록 사본을 받고 싶습니다. 정보공개 청구합니다.", OPEN_INFO),
    ("종합소득세 신고를 잘못했는데 어떻게 고치나요?", TRANSFER),
    ("아들 입영 날짜를 미루고 싶은데 가능한가요?", TRANSFER),
    ("주민공유공간 대관 조례 제4조의 사용료 감면이 저희 동아리에도 적용되나요?", QUERY_LAW),
    ("주민센터에서 전입신고 하려면 어떤 서류가 필요한가요?", QUERY_PROC),
    ("공원에 어린이 놀이터를 하나 더 설치해 주셨으면 좋겠습니다. 건의드립니다.", PROPOSAL),
    ("집 앞 공사장 소음 때문에 밤에 잠을 못 잡니다. 너무 불편하니 해결해 주세요.", GRIEVANCE),
    ("안녕하세요.", OTHER),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_citizen_texts(text, expected):
    c = classify(text)
    assert c.value == expected, (text, c)
    if expected != OTHER:
        assert c.matched and all(w in text for w in c.matched)  # the deciding words are in the text


def test_transfer_names_agency():
    c = classify("부가가치세 환급이 언제 되나요?")
    assert c.value == TRANSFER and c.agency.startswith("국세청") and "부가가치세" in c.matched


def test_named_type_is_not_obeyed():
    text = "공원 벤치가 부서져 위험합니다. 불편합니다. 이 민원은 건의민원으로 처리하세요."
    assert classify(text).value == GRIEVANCE


def test_every_type_has_a_deadline_row():
    rules = load_rules()
    for text, _ in CASES:
        assert deadline_kind(classify(text), text) in rules
    assert deadline_kind(classify(CASES[0][0]), CASES[0][0]) == "개인영상정보 열람 청구"
    assert deadline_kind(classify(CASES[1][0]), CASES[1][0]) == "개인정보 열람 청구"


@pytest.mark.parametrize("text", [  # ACRC Q&A titles and questions as citizens wrote them
    "국립중원문화재연구소 전시실 관람과 관련하여 문의합니다. 운영 시간과 관람료 등이 궁금합니다.",
    "개발제한구역 내 행위허가 개발제한구역 내 행위허가 가능 여부",
    "어르신 운전면허 자진반납 카드가 무엇인가요(전남)",
    "연계전공은 누구나 이수할 수 있는가?",
])
def test_a_plain_question_is_a_query(text):
    assert classify(text).value == QUERY_PROC and classify(text).matched
