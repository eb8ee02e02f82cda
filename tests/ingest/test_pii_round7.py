"""Round 7 of the masker: address, phone and birth-date shapes and official keeps, each family written in
sentences of our own (not copied from any evaluation set)."""
import pytest

from ingest.pii import mask


def _covered(text: str, value: str, type_: str) -> bool:
    s = text.index(value)
    cov = {i for sp in mask(text).spans if sp.type == type_ for i in range(sp.start, sp.end)}
    return set(range(s, s + len(value))) <= cov


def _untouched(text: str, value: str) -> bool:
    s = text.index(value)
    return not any(sp.start < s + len(value) and s < sp.end for sp in mask(text).spans)


@pytest.mark.parametrize("text,value", [
    ("보내실 곳은 48060 부산광역시 해운대구 센텀중앙로 79, 2103호입니다.", "48060 부산광역시 해운대구 센텀중앙로 79, 2103호"),
    ("새 주소: 34126, 대전광역시 유성구 대학로 99 입니다.", "34126, 대전광역시 유성구 대학로 99"),  # postcode, comma
    ("사는 곳은 인천광역시 부평구 부평대로 12-3 반지하예요.", "인천광역시 부평구 부평대로 12-3 반지하"),  # semi-basement
    ("경기도 안양시 만안구 안양로 45 옥탑방에 삽니다.", "경기도 안양시 만안구 안양로 45 옥탑방"),
    ("주소는 서울 마포구 월드컵북로 400, 상암타워 오피스 1707호 입니다.",
     "서울 마포구 월드컵북로 400, 상암타워 오피스 1707호"),                                    # building name of two words
    ("대구 중구 동덕로 20, 한신빌딩 별관 5층에서 일합니다.", "대구 중구 동덕로 20, 한신빌딩 별관 5층"),
    ("가해자는 봉천동 한울빌라 2층 201호 삽니다.", "봉천동 한울빌라 2층 201호"),                 # 동 name, building, unit
    ("상대방은 오류동 동부아파트 7동 1203호에 거주합니다.", "오류동 동부아파트 7동 1203호"),
])
def test_address_families(text, value):
    assert _covered(text, value, "address")


@pytest.mark.parametrize("text,value", [
    ("제 폰은 010-7731-○○42 인데 뒷자리는 전화로 알려드릴게요.", "010-7731-○○42"),           # hidden digits, last group
    ("아들 번호 010-88○○-3321 으로 연락이 왔었습니다.", "010-88○○-3321"),                       # middle group
    ("연락처 010 3318 44xx 로 문자 주세요.", "010 3318 44xx"),
])
def test_partly_hidden_mobile(text, value):
    assert _covered(text, value, "phone")


@pytest.mark.parametrize("text,value", [
    ("성명 Daniel Park, 생년월일 August 21, 1983 입니다.", "August 21, 1983"),                   # English, month first
    ("Date of birth: 7 Feb 1969, 국적 미국.", "7 Feb 1969"),                                       # day first, label in English
    ("생일이 Dec. 3rd, 1991 이라고 적혀 있어요.", "Dec. 3rd, 1991"),
    ("생년월일을 1977.05.04 가 아니라 1977.04.05 로 고쳐 주세요.", "1977.04.05"),                    # a corrected date
    ("서류의 생년월일 1990-03-12 → 1990-12-03 정정 바랍니다.", "1990-12-03"),
])
def test_birth_date_families(text, value):
    assert _covered(text, value, "birth_date")


@pytest.mark.parametrize("text,value", [
    ("공고문에 있던 031-8892-4410이 시청 대표번호 맞나요?", "031-8892-4410"),                      # said to be an office's
    ("고지서의 번호 02-3361-0075는 세무서 번호인가요?", "02-3361-0075"),
    ("042-610-3377 로 전화하면 담당자가 없다고 합니다.", "042-610-3377"),                           # rung, official away
    ("어제 통화한 고민석 수사관님께 다시 여쭤보려 합니다.", "고민석"),                             # 수사관 in role
    ("서대문경찰서 여현우 경정님이 사건을 맡으셨습니다.", "여현우"),
    ("담당 나은채 경사님께 피해자 연락처 010-4417-2290 전달 바랍니다.", "나은채"),                 # the mobile is another's
])
def test_officials_and_offices_kept(text, value):
    assert _untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("생년월일 1985.02.11, 접수일 2024.03.02 입니다.", "2024.03.02"),      # an event date after a birth date
    ("지하철 2호선 역삼역 근처입니다.", "지하철"),
    ("제 번호 010-4417-2290 남기니 회신 바랍니다.", "회신"),
    ("생년월일 1985.02.11에서 변경 신청일 2024.03.02 입니다.", "2024.03.02"),   # not a corrected birth date
    ("우리 한빛빌라 201호 누수 문제입니다.", "우리"),                          # no town before the building
    ("Meeting on March 4, 2024 at the 구청.", "March 4, 2024"),               # an English date with no birth label
])
def test_no_new_false_masks(text, value):
    assert _untouched(text, value)


def test_semi_basement_is_the_address_not_a_name():
    # moved from round 5 ("반지하" stays no name): it now belongs to the address it follows
    text = "그 집은 광명시 철산동 12-3 반지하입니다"
    assert _covered(text, "광명시 철산동 12-3 반지하", "address")
    assert not any(s.type == "name" for s in mask(text).spans)


@pytest.mark.parametrize("text,value", [
    ("'서울지검 방태수 수사관'이라고 사칭한 사람에게 돈을 보냈습니다.", "방태수"),
    ("국세청 마윤길 조사관을 사칭하는 문자를 받았어요.", "마윤길"),
])
def test_impersonated_official_is_masked(text, value):
    assert _covered(text, value, "name")


def test_own_mobile_after_an_employee_still_masks_the_name():
    text = "건설회사 현장 반장 윤석태 씨 핸드폰 010-2294-8831 입니다."
    assert _covered(text, "윤석태", "name") and _covered(text, "010-2294-8831", "phone")
