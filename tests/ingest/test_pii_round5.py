"""Round 5: whole families of writings (spaced digits, spelt e-mail, partly hidden groups, buildings with
units, romanised addresses, names beside their other writing, given names alone). Sentences are our own."""
import pytest

from ingest.pii import mask


def _masked(text: str, value: str, type_: str | None = None) -> bool:
    start = text.index(value)
    return any(s.start <= start and start + len(value) <= s.end and (type_ is None or s.type == type_)
               for s in mask(text).spans)


@pytest.mark.parametrize("text,value,type_", [
    # e-mail: any spelt @ and dot
    ("회신은 kim.sy 골뱅이 daum 쩜 net 으로 주세요", "kim.sy 골뱅이 daum 쩜 net", "email"),
    ("새 주소는 lee_hj 에이티 naver.com 입니다", "lee_hj 에이티 naver.com", "email"),
    ("old address jh_kim[at]hanmail[dot]co[dot]kr please", "jh_kim[at]hanmail[dot]co[dot]kr", "email"),
    ("write to ivan.k77 at yandex dot ru today", "ivan.k77 at yandex dot ru", "email"),
    # passport: groups split by spaces, foreign formats, after the label
    ("딸 여권번호는 S 123 45 678 입니다", "S 123 45 678", "passport"),
    ("여권: M12 345 678 로 발급", "M12 345 678", "passport"),
    ("남편 여권번호 612345789 (미국)", "612345789", "passport"),
    ("여권번호는 N 01 23 456 입니다(캄보디아)", "N 01 23 456", "passport"),
    ("- 여권: P1234567A (필리핀)", "P1234567A", "passport"),
    ("여권번호: M-123-45678 입니다", "M-123-45678", "passport"),
    ("여권번호 m12345678 (소문자로 적음)", "m12345678", "passport"),
    ("주민번호 901301-1234567 (오타)", "901301-1234567", "rrn"),
    ("국민은행 123456.01.234567 으로", "123456.01.234567", "account"),
    # RRN/ARN: digits spaced out, spaces around separators, partly hidden with a space
    ("주민번호 9 1 0 2 1 5 - 1 0 2 3 4 5 6 입니다", "9 1 0 2 1 5 - 1 0 2 3 4 5 6", "rrn"),
    ("신청인 정하나 910215 - 2 - 123456 으로 접수", "910215 - 2 - 123456", "rrn"),
    ("저는 최정순, 470302 2234567 이고 혼자 삽니다", "470302 2234567", "rrn"),
    ("외국인등록번호: 900101 - 6 ******", "900101 - 6 ******", "arn"),
    ("주민번호 780203-1O23456 로 왔어요", "780203-1O23456", "rrn"),
    # accounts: any 10-16 digits after a bank or account word, however grouped
    ("카뱅 3333-12-3456789 으로 보냈어요", "3333-12-3456789", "account"),
    ("급여계좌 IBK기업은행 123-123456-01-0123 입니다", "123-123456-01-0123", "account"),
    ("계좌가 농협 3 5 1 - 1 2 3 4 - 5 6 7 8 - 9 3 이에요", "3 5 1 - 1 2 3 4 - 5 6 7 8 - 9 3", "account"),
    # phones: parenthesised exchange, partly hidden group, look-alike letters
    ("집 전화는 02-(765)-1234 입니다", "02-(765)-1234", "phone"),
    ("휴대폰 010-98**-1234 이 보였어요", "010-98**-1234", "phone"),
    ("번호는 010-4l23-5O67 로 찍혀", "010-4l23-5O67", "phone"),
    # BRN and IP spaced out, hidden card, hidden plates
    ("사업자번호 2 1 4 - 8 6 - 1 2 3 4 5 입니다", "2 1 4 - 8 6 - 1 2 3 4 5", "brn"),
    ("접속 IP 211 . 36 . 102 . 7 에서", "211 . 36 . 102 . 7", "ip"),
    ("카드번호 ****-****-****-5521 건입니다", "****-****-****-5521", "card"),
    ("번호판은 부산 해운대 가 **** 까지만", "부산 해운대 가 ****", "plate"),
    ("차량은 12가 34** 로 보였습니다", "12가 34**", "plate"),
    # birth dates after a label: trailing dot, apostrophe year
    ("생년월일: 1990. 7. 3.\n주소:", "1990. 7. 3.", "birth_date"),
    ("딸은 '05년 3월 2일생입니다", "'05년 3월 2일", "birth_date"),
    # addresses: building + unit without a road, town + complex + unit, road + building name, 가 lots,
    # a postcode in parentheses, romanised
    ("제 가게는 햇살상가 1층 103호입니다", "햇살상가 1층 103호", "address"),
    ("저는 푸른마을 2단지 204동 903호에 삽니다", "푸른마을 2단지 204동 903호", "address"),
    ("주소(수원시 영통구 매탄동 주공마을 4단지 402동 1101호)로", "수원시 영통구 매탄동 주공마을 4단지 402동 1101호", "address"),
    ("부산 사하구 낙동대로 220 해변아파트 주민 올림", "부산 사하구 낙동대로 220 해변아파트", "address"),
    ("그 사람은 대구시 중구 동성로2가 88-3에 삽니다", "대구시 중구 동성로2가 88-3", "address"),
    ("서울특별시 마포구 월드컵로 12, 101동 202호 (우편번호 03900)로 보내", "서울특별시 마포구 월드컵로 12, 101동 202호 (우편번호 03900)", "address"),
    ("My address: Room 301, 25 Jungang-ro 12beon-gil, Jung-gu, Daejeon. Thanks", "Room 301, 25 Jungang-ro 12beon-gil, Jung-gu, Daejeon", "address"),
])
def test_identifier_families(text, value, type_):
    assert _masked(text, value, type_), [(s.type, text[s.start:s.end]) for s in mask(text).spans]


@pytest.mark.parametrize("text,value", [
    ("남편: 아브라함 다니엘 (ABRAHAM DANIEL)\n연락처 없음", "ABRAHAM DANIEL"),
    ("저는 베트남 국적 阮氏(NGUYEN THI)이고", "阮氏"),
    ("제 딸 Grace Park(박은혜, 2010년생)이", "Grace Park"),
    ("판매자 Tony(본명 문상철)가 잠적", "Tony"),
    ("피해자 구하늘(저), 맹수진, 편지호 세 명입니다", "편지호"),
    ("제 이름을 남궁선이 아니라 남궁순으로", "남궁선"),
    ("문자에는 이름이 박*영으로 되어 있었습니다", "박*영"),
    ("- 저: 표미란, 721003-2123456", "표미란"),
    ("탄원인 강석주 (유나 아빠) 올림", "유나"),
    ("My landlord Mr. Baek keeps the deposit", "Baek"),
    ("제 아들 Daniel K. Moon(문다니엘)은", "Daniel K. Moon"),
    ("국적: 캄보디아\n캄보디아에서 온 CHAN SOPHEA (한국 이름 찬소피아)", "CHAN SOPHEA"),
    ("수거책은 문태오(20대)로 검거", "문태오"),
    ("딸래미 곽서윤 학원 끝나고", "곽서윤"),
])
def test_name_families(text, value):
    assert _masked(text, value, "name"), [(s.type, text[s.start:s.end]) for s in mask(text).spans]


@pytest.mark.parametrize("text,value", [  # caught before this round too (bare-name detector): guards
    ("세입자 하은별 씨가 나갔고, 은별 씨 보증금이 남았습니다", "은별"),
    ("경리 탁미정이 돈을 빼돌렸습니다", "탁미정"),
    ("어린이집 교사 구미소 씨가 그랬고, 미소 선생님이 꽉 잡았대요", "미소"),
    ("수집상 두 명(방기철, 옥상훈)이 왔어요", "방기철"),
])
def test_name_families_guard(text, value):
    assert _masked(text, value, "name")


@pytest.mark.parametrize("text,value,type_", [(t, v, None) for t, v in [
    ("마을버스가 20분에 한 대 꼴입니다", "한 대 꼴"),
    ("교회 권사님이 오셨습니다", "권사"),
    ("보건복지부 장관님께 드립니다", "장관"),
    ("국민건강보험공단 문상호 이사장님께", "문상호"),
    ("소방서 채민규 구조대장님께 감사드립니다", "채민규"),
    ("군 농업기술센터 편동수 과장님도 말씀하셨습니다", "편동수"),
    ("환우회 사무실 전화 02-765-4410로 연락 주세요", "02-765-4410"),
]] + [("손자 국민재 +82-10-4567-8901", "82-10-4567-8901", "account")] + [(t, v, None) for t, v in [
    ("계좌번호: 5998-1609-5540 (토스뱅크) 제품 일련번호 SN 2023-0412-7781을 확인", "2023-0412-7781"),
    ("입금 후 접수번호 2025-0312-004512 로 조회", "2025-0312-004512"),
    ("송금 2,500,000원을 2025-03-14에 했습니다", "2025-03-14"),
    ("법률 제19234호에 따라 우편번호 04520 지역", "19234"),
    ("사건번호 2025가단123456 입니다", "2025가단123456"),
    ("민원여권과(031-8075-2345)로 문의", "031-8075-2345"),
]])
def test_ordinary_text_stays(text, value, type_):
    start = text.index(value)
    assert not any(s.start < start + len(value) and start < s.end and type_ in (None, s.type) for s in mask(text).spans), \
        [(s.type, text[s.start:s.end]) for s in mask(text).spans]
