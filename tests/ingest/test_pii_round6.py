"""Round 6 of the masker: address, 주민등록번호, phone and birth-date shapes and official keeps, each family
written in sentences of our own (not copied from any evaluation set)."""
import pytest

from ingest.pii import mask


def _covered(text: str, value: str, type_: str) -> bool:
    s = text.index(value)
    cov = {i for sp in mask(text).spans if sp.type == type_ for i in range(sp.start, sp.end)}
    return set(range(s, s + len(value))) <= cov


@pytest.mark.parametrize("text,value", [
    ("힐스테이트광교 103동 704호에 사는 주민입니다.", "힐스테이트광교 103동 704호"),           # brand first
    ("자이더빌리지 3단지 205동 1101호 주민입니다.", "자이더빌리지 3단지 205동 1101호"),
    ("역삼동 푸르지오 105동 302호 사는 사람입니다.", "역삼동 푸르지오 105동 302호"),           # 동 name before
    ("A동 302호, D동 1104호 두 세대가 소음을 냅니다.", "A동 302호"),                           # lettered 동
    ("저희 집은 101-1203호입니다.", "101-1203호"),                                            # 동·호 words left out
    ("가게는 중앙시장 상가 지하 B12호입니다.", "상가 지하 B12호"),                              # 상가 호수
    ("[04524] 서울 중구 세종대로 110, 3층", "[04524] 서울 중구 세종대로 110, 3층"),              # postcode in []
    ("우편번호: 31122\n", "31122"),                                                          # its own field
    ("CCTV를 보니 235-12 집 사는 사람 같습니다.", "235-12"),                                    # lot before 집
])
def test_address_shapes(text, value):
    assert _covered(text, value, "address")


def test_postcode_outside_a_field_and_vacant_room_stay():
    assert mask("우편번호 06236 지역 도로명주소 안내판이 잘못 붙어 있습니다.").spans == []
    assert mask("201호 공실").spans == []


@pytest.mark.parametrize("text,value", [
    ("아버지 박영철 (5203151234567) 께서", "5203151234567"),       # 13 digits after a name, no hyphen
    ("아내 9508192****** 입니다", "9508192******"),               # hidden back half, no hyphen
    ("생년월일 및 성별: 861203-2\n", "861203-2"),                 # front half and gender digit
])
def test_rrn_shapes(text, value):
    assert _covered(text, value, "rrn")


def test_thirteen_digits_after_a_label_are_not_a_person():
    assert mask("주문번호 9001011234567 입니다").spans == []


@pytest.mark.parametrize("text,value", [
    ("연락처는 +1-213-555-0188 입니다", "+1-213-555-0188"),
    ("문자가 +63 917 555 2841 번호로 왔습니다", "+63 917 555 2841"),
    ("연락처 +44 20 7946 0958", "+44 20 7946 0958"),
])
def test_international_phones(text, value):
    assert _covered(text, value, "phone")


def test_birth_date_before_saeng():
    assert _covered("어머니 임옥자 1959.1.1생이시고 혼자 사십니다", "1959.1.1", "birth_date")


@pytest.mark.parametrize("text,name", [
    ("담임이신 송은정 선생님께서 반성문을 쓰게 하셨습니다.", "송은정"),
    ("교장 정미란 선생님께 면담 요청드렸지만 답이 없습니다.", "정미란"),
    ("부대 간부 김민재 중위님과 통화했는데 처리가 안 됩니다.", "김민재"),
    ("학생부장 한승우 선생님이 미루고 있습니다.", "한승우"),
])
def test_school_and_military_officials_stay(text, name):
    assert name in mask(text).masked


def test_agency_mail_stays_and_given_name_with_ege_is_masked():
    assert "hjyoon@goe.go.kr" in mask("지난번 회신 메일(hjyoon@goe.go.kr)로 보내주신 자료 잘 받았습니다.").masked
    out = mask("같은 반 하준이에게만 반성문을 쓰게 했습니다. 저는 김하준 엄마입니다.").masked
    assert "하준" not in out


@pytest.mark.parametrize("text,name", [
    ("세대원은\n1. 본인 탁순애 560304-2******\n2. 딸", "탁순애"),          # before an RRN in a household list
    ("아랫방 조만석 주민번호 앞자리 700101", "조만석"),                    # before the RRN's label
    ("7번방 Tran Van Minh 01088812234", "Tran Van Minh"),               # Latin name before a phone
    ("안채 Kim Sergei (고려인) 외국인번호 800101-5123456", "Kim Sergei"),
    ("저는 대만 국적 천지아하오(陳家豪)입니다.", "천지아하오"),                # nationality + Chinese characters
    ("저는 대만 국적 천지아하오(陳家豪)입니다.", "陳家豪"),
    ("같은 반 우진이랑 하늘이가 괴롭혔습니다.", "하늘"),         # classmates by given name
    ("나 문복순이오. 전화는 딸이 받소.", "문복순"),                          # old-fashioned copula
])
def test_name_families(text, name):
    assert name not in mask(text).masked


def test_building_name_and_person_nouns_stay():
    assert "한울빌라" in mask("빌라 이름은 한울빌라 (대림동)입니다.").masked
    assert "학생이랑" in mask("같은 반 학생이랑 다퉜습니다.").masked
    assert mask("대표번호 1588-1234 또는 연락처 02-123-4567").masked.count("연락처") == 1
