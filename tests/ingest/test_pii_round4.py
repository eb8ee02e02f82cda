"""Round 4 of the masker: identifier writings and name mentions that escaped it (my own sentences)."""
import pytest

from ingest.pii import mask


def _types(text):
    r = mask(text)
    return [(s.type, text[s.start:s.end]) for s in r.spans]


@pytest.mark.parametrize("text, typ, value", [
    ("외국인등록증 번호 930412 6123457 입니다", "arn", "930412 6123457"),        # 등록증 label, space-separated
    ("외국인등록번호 980512-7234567 맞나요", "arn", "980512-7234567"),           # century digit mistyped
    ("주민등록증 번호는 020304-0123456", "rrn", "020304-0123456"),              # 0: not a citizen digit, labelled
    ("1962년 음력 9월 9일생 입니다", "birth_date", "1962년 음력 9월 9일"),
    ("생일은 12/25/1990 이에요", "birth_date", "12/25/1990"),
    ("사업자번호 214-**-56789 로 조회", "brn", "214-**-56789"),
    ("사업자번호 123.45.67890 입니다", "brn", "123.45.67890"),
    ("카드번호 뒤 4자리는 9876 입니다", "card", "9876"),
    ("승인 내역 9123-****-****-4321 건", "card", "9123-****-****-4321"),
    ("환불은 신한 110 234 567890 으로 부탁드려요", "account", "110 234 567890"),
    ("3333 01 2345678 카카오뱅크로 보내주세요", "account", "3333 01 2345678"),
    ("주소는 세종시 한누리대로 2130 (보람동) 우편번호 30151 입니다", "address", "세종시 한누리대로 2130 (보람동) 우편번호 30151"),
    ("배송지는 서울 도봉구 도봉로 12 창동주공 3단지 301동 1203호입니다", "address", "서울 도봉구 도봉로 12 창동주공 3단지 301동 1203호"),
    ("저희 가게는 먹자골목길 12-3 에 있어요", "address", "먹자골목길 12-3"),
])
def test_identifier_writings(text, typ, value):
    # the span may take a fused 생 along ("9월 9일생"), never much more
    assert any(t == typ and value in v and len(v) <= len(value) + 1 for t, v in _types(text)), _types(text)


def test_rrn_read_out_in_halves():
    t = "불러드린 번호는 앞자리 651203 뒷자리 2345678 입니다"
    got = _types(t)
    assert ("rrn", "651203") in got and ("rrn", "2345678") in got


def test_rrn_front_half_labelled():
    assert ("rrn", "900101") in _types("주민등록번호 앞 6자리 900101 만 알려드립니다")


def test_spelt_phone_without_spacing():
    t = "연락처는공일공 일이삼사 오육칠팔 이고요"
    assert ("phone", "공일공 일이삼사 오육칠팔") in _types(t)


def test_department_mailbox_kept():
    t = "민원여권과 공용 메일 passport@jongno.go.kr 로 서류를 냈습니다"
    assert mask(t).masked == t


@pytest.mark.parametrize("text", ["이 방법으로 3개를 샀다", "집이 넓어서 좋아요 2층", "사건번호 2023-12345 문의",
                                  "카드 결제 후 3일 뒤 1234원이 빠졌다"])
def test_ordinary_numbers_stay(text):
    assert [s for s in mask(text).spans if s.type in ("address", "card", "rrn", "account")] == []


def _names(text):
    return [text[s.start:s.end] for s in mask(text).spans if s.type == "name"]


@pytest.mark.parametrize("text, name", [
    ("안녕하세요 저는 네팔 사람 바하두르 타망 입니다. 월급을 못 받았어요", "바하두르 타망"),   # Hangul foreign name
    ("제 이름 소피아 페레이라 외국인등록증 있어요", "소피아 페레이라"),                     # swallows a Korean-looking piece
    ("여권 영문 이름이 PARK JIHOON으로 나왔어요", "PARK JIHOON"),
    ("Hi, I'm Peter Novak, 원어민 강사입니다", "Peter Novak"),
    ("화면에 '남궁다솜'이라는 이름으로 전화가 와요", "남궁다솜"),
    ("- 301호: 문하겸\n- 302호: 공실", "문하겸"),
    ("아이 이름 조 윤, 생년월일은 나중에 드릴게요", "조 윤"),
    ("우리 현수이가 휴가를 나왔는디 예비군이", "현수"),
    ("같은 동 사는 장민석과 권하람 부부가 소음을 냅니다", "권하람"),
    ("그날 변지란과 함태호가 같이 왔어요", "변지란"),
    ("피해자 두영철 씨가 다쳤어요", "두영철"),
])
def test_name_mentions(text, name):
    assert name in _names(text), _names(text)


def test_name_found_once_is_masked_everywhere():
    t = "우리 딸 서윤이는 초등학생인데 서윤한테 같은 반 아이가 돈을 달래요. 서윤의 담임께 말씀드렸어요"
    assert _names(t).count("서윤") == 3, _names(t)


@pytest.mark.parametrize("text", [
    "양식의 성명 칸 예시로 홍길동이라고 적혀 있어요",                 # a form's example
    "혼자 사시는 여든셋 어르신이 계십니다",                           # native numeral
    "이 두가지입니다. 답변 부탁드립니다",
    "면사무소 허문길 주사한테 물어보니 된다고 했어요",                  # official by title, whatever found it
    "한빛초등학교 나은결 교사가 상담을 해 주셨어요",
    "예약이 안돼요 010-1234-5678 로 연락 주세요",
])
def test_not_private_names(text):
    got = [v for v in _names(text) if v not in ("",)]
    assert not any(w in got for w in ("홍길동", "여든셋", "두가지", "허문길", "나은결", "안돼요")), got
