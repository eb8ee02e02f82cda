"""Round 8 of the masker: address, birth-date, 사업자등록번호, 주민등록번호, phone, e-mail, card and plate
families, each written in sentences of our own (not copied from any evaluation set)."""
import pytest

from ingest.pii import mask


def _covered(text: str, value: str, type_: str | None = None) -> bool:
    s = text.index(value)
    cov = {i for sp in mask(text).spans if type_ is None or sp.type == type_ for i in range(sp.start, sp.end)}
    return set(range(s, s + len(value))) <= cov


def _untouched(text: str, value: str) -> bool:
    s = text.index(value)
    return not any(sp.start < s + len(value) and s < sp.end for sp in mask(text).spans)


@pytest.mark.parametrize("text,value", [
    ("저는 ○○시 ○○구 ○○로 12 에 삽니다.", "○○시 ○○구 ○○로 12"),                          # hidden place names
    ("○○동 한빛아파트 3동 202호에 사는 사람인데요", "○○동 한빛아파트 3동 202호"),
    ("OO동 현대빌라 201호 입니다", "OO동 현대빌라 201호"),
    ("주소 ××구 ××동 123-4 로 보내 주세요", "××구 ××동 123-4"),
    ("바로 옆 ○○길 12-4 에 사는 사람입니다.", "○○길 12-4"),                               # road, then living there
    ("저희 집 ○○로 55번길 3 앞에 쓰레기가 쌓였어요", "○○로 55번길 3"),                    # 번길 + building number
    ("강원도 원주시 단구로 170번길 12-3 입니다", "강원도 원주시 단구로 170번길 12-3"),
    ("앞집 양지동 123-4에 거주하는 분이 개를 풀어 놓습니다", "양지동 123-4"),
    ("(우편번호 04524) 서울 중구 세종대로 110 으로 발송", "(우편번호 04524) 서울 중구 세종대로 110"),
    ("우)06236 서울 강남구 역삼로 152", "우)06236 서울 강남구 역삼로 152"),                # labelled postcode first
    ("서울 서초구 반포대로 58, 201동 1403호(서초동, 아크로비스타)", "서울 서초구 반포대로 58, 201동 1403호(서초동, 아크로비스타)"),
    ("저희 집 주소가 분당구 정자일로 95, 102-1503 입니다", "분당구 정자일로 95, 102-1503"),   # 동-호 without words
    ("충북 청주시 상당구 가덕면 상야리 12 에 땅이 있어요", "충북 청주시 상당구 가덕면 상야리 12"),  # 구 and 면
])
def test_address_round8(text, value):
    assert _covered(text, value, "address")


@pytest.mark.parametrize("text,value", [
    ("○○로 24번길 입구에 전봇대가 기울어져 있습니다.", "○○로 24번길"),                      # no building number
    ("어제 온 문자 발신번호가 010-9876-****로 가려져 있었어요.", "로 가려져"),               # ****로: a particle
    ("**로 표시된 부분은 비공개입니다.", "**로 표시된"),
    ("테헤란로 123 앞 교차로에서 사고가 났어요.", "교차로에서"),
])
def test_address_round8_keeps(text, value):
    assert _untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("신청인 나예진 (1988.7.14.) 연락처 없음", "1988.7.14."),                               # profile, trailing dot
    ("신청인 나예진(1988. 7. 14.)", "1988. 7. 14."),
    ("민원인 채수빈 님 (여, 1979.10.3)", "1979.10.3"),                                        # sex, then date
    ("민원인 채수빈(여/79.10.03)", "79.10.03"),
    ("보호자 공명호 (만 52세, 1972.2.9.)", "1972.2.9."),                                      # age, then date
    ("생년월일(6자리) 720209", "720209"),                                                   # a note after the label
    ("생년월일(양력): 1972년 2월 9일", "1972년 2월 9일"),
])
def test_birth_date_round8(text, value):
    assert _covered(text, value, "birth_date")


def test_birth_date_profile_keeps_a_visit_date_of_today_style():
    text = "방문자 채수빈(2024.05.03 방문) 건입니다."
    assert _untouched(text, "2024.05.03")


@pytest.mark.parametrize("text,value", [
    ("임대사업자로 등록했다는데 번호가 318-27-55104 이렇게 나와요", "318-27-55104"),          # no label nearby, check fails
    ("상호 한결상회 (318-27-55104)", "318-27-55104"),
    ("318-27-55104 (사업자등록번호)", "318-27-55104"),
    ("가게 번호는 318.27.55104 입니다", "318.27.55104"),
    ("번호 318-27-55104 확인해 주세요. 폐업 신고한 가게입니다.", "318-27-55104"),          # business word after
])
def test_brn_shape(text, value):
    assert _covered(text, value, "brn")


@pytest.mark.parametrize("text,value", [
    ("접수번호 318-27-55104 으로 접수되었습니다.", "318-27-55104"),                           # another number's label
    ("ISBN 978-89-12345-67-8 책입니다.", "978-89-12345-67-8"),
    ("번호 318-27-55104 확인 부탁드립니다.", "318-27-55104"),                              # no business word near
])
def test_brn_shape_keeps(text, value):
    assert not _covered(text, value, "brn")


@pytest.mark.parametrize("text,value,type_", [
    ("주민번호 870615-2345***", "870615-2345***", "rrn"),                                    # hidden tail digits
    ("주민번호 8706**-2******", "8706**-2******", "rrn"),                                    # hidden date digits
    ("82-10-4477-3321 로 연락 주세요", "82-10-4477-3321", "phone"),                          # +82 without the plus
    ("0082 10 4477 3321 로 연락 주세요", "0082 10 4477 3321", "phone"),
    ("연락처 010_4477_3321", "010_4477_3321", "phone"),                                      # underscores
    ("메일 sun.kim77@naver 로 주세요", "sun.kim77@naver", "email"),                           # portal without TLD
    ("메일 sun.kim77@daum,net 로 주세요", "sun.kim77@daum,net", "email"),                     # comma for the dot
    ("카드번호 9411.2233.4455.6677 로 결제", "9411.2233.4455.6677", "card"),                 # dotted card
    ("차량번호: 57보-3321 입니다", "57보-3321", "plate"),                                     # hyphenated plate
])
def test_identifier_round8(text, value, type_):
    assert _covered(text, value, type_)


@pytest.mark.parametrize("text,value", [
    ("저희는 목련빌라 3층에 살아요", "목련빌라 3층"),                                       # building and floor, lived in
    ("서울 강남구 논현동 ××빌딩 7층 사무실입니다", "서울 강남구 논현동 ××빌딩 7층"),          # town chain, building, floor
    ("세종 금남면 용포리 45 에 부모님이 계십니다", "세종 금남면 용포리 45"),                   # province then 면, no city
    ("주공 3단지 301동 704호 입니다", "주공 3단지 301동 704호"),                               # 주공, 단지
    ("LH임대주택 105동 302호 거주", "LH임대주택 105동 302호"),
    ("푸르지오 2차 103동 1201호 입니다", "푸르지오 2차 103동 1201호"),                          # 2차
    ("새봄원룸 203호 세입자입니다", "새봄원룸 203호"),
    ("105동 902호(○○아파트) 에 삽니다", "105동 902호(○○아파트)"),                           # complex in brackets after
])
def test_address_round8_buildings(text, value):
    assert _covered(text, value, "address")


@pytest.mark.parametrize("text,value", [
    ("생: 1979.11.20 / 성별: 남", "1979.11.20"),                                            # "생:" as the label
    ("생년 월일: 1979.11.20", "1979.11.20"),                                                # space inside the label
    ("생 년 월 일: 1979.11.20", "1979.11.20"),                                              # a form's spaced-out label
    ("Birth: 1979-11-20", "1979-11-20"),                                                    # English label, numeric date
    ("Date of Birth 20/11/1979", "20/11/1979"),
    ("생년월일 1979 11 20", "1979 11 20"),                                                  # spaced out
    ("1979년 11월 20일 태어남", "1979년 11월 20일"),                                        # 태어남 after
    ("1979년 11월 20일에 출생하였음", "1979년 11월 20일"),
    ("표성훈 1979.11.20 010-3345-6612", "1979.11.20"),                                      # record: name, date, phone
    ("표성훈/남/1979.11.20/010-3345-6612", "1979.11.20"),
])
def test_birth_date_round8_labels(text, value):
    assert _covered(text, value, "birth_date")


def test_record_date_recent_is_not_a_birth_date():
    text = "표성훈 2024.11.20 010-3345-6612 방문"
    assert not _covered(text, "2024.11.20", "birth_date")


@pytest.mark.parametrize("text,value", [
    ("번영회 대표로 제출합니다. 번영회장 제갈윤.", "제갈윤"),                                # semi-public role before the name
    ("부녀회장 탁미자 씨가 명단을 돌렸어요", "탁미자"),
    ("주민번호 710304 1234567 석만호. 발급이 안 됩니다.", "석만호"),                         # a name closing the record
    ("주소 경기 안산시 단원구 고잔로 12, 3동 201호, 변하윤", "변하윤"),
    ("둘째 시온이 입학 서류 문의입니다", "시온"),                                            # 둘째 + given name
    ("아이는 하도윤이고요 올해 일곱 살입니다", "하도윤"),                                     # child named after a topic
    ("저희 애는 다온이고 5세예요", "다온"),
    ("어머니 금옥 여사가 다녀오셨어요", "금옥"),                                             # 여사 without 님
])
def test_name_round8(text, value):
    assert _covered(text, value, "name")


@pytest.mark.parametrize("text,value", [
    ("상담기록. 상담자: 노인복지팀 한소라", "한소라"),                                        # staff label, department, name
    ("[확인] 본인 확인 완료. 처리자 가족관계팀 마동희.", "마동희"),
    ("저는 박가네 분식 사장입니다. 가게 앞 공사 때문에요.", "박가네"),                         # a shop named after a family
    ("환수금은 시청 세입계좌 국고 012345-67-890123 으로 냈습니다.", "012345-67-890123"),       # an agency's account
    ("구청에 몇 번 전화했는데 안 받으세요. 02-2147-3300 맞나요?", "02-2147-3300"),             # asked as the office's number
])
def test_keeps_round8(text, value):
    assert _untouched(text, value)


def test_bankbook_is_no_village_chief():
    assert _untouched("통장 이용시 본인 명의만 가능합니다", "이용시")                        # 통장: a bankbook here


def test_own_number_asked_about_is_masked():
    text = "제 집 번호 02-2147-3300 맞나요? 구청에 등록된 번호요"                           # the writer's own number
    assert _covered(text, "02-2147-3300", "phone")


@pytest.mark.parametrize("text,value,type_", [
    ("논 주소는 ○○면 ○○리 산 27 입니다", "○○면 ○○리 산 27", "address"),                    # 면 + 리 + lot, rest left out
    ("대산읍 화곡리 512번지에 창고가 있어요", "대산읍 화곡리 512번지", "address"),
    ("저희 집은 지하2층 B03호예요", "지하2층 B03호", "address"),                              # basement floor + unit
    ("모친 오정례, 여, 1946.5.30.", "1946.5.30.", "birth_date"),                               # comma profile, end of text
    ("조부 길만석 (1939년생, 1939.8.1)", "1939.8.1", "birth_date"),                           # birth year first
    ("연락처 +82 010-5521-7783", "+82 010-5521-7783", "phone"),                                 # +82 with the trunk 0
    ("연락처 (+82) 10-5521-7783", "(+82) 10-5521-7783", "phone"),
    ("연락처 010=5521=7783", "010=5521=7783", "phone"),                                         # odd separators
    ("연락처 010,5521,7783", "010,5521,7783", "phone"),
    ("연락처: 010-55-217-783", "010-55-217-783", "phone"),                                      # odd grouping after a label
    ("메일 minjae@gmailcom 으로 주세요", "minjae@gmailcom", "email"),                            # the dot left out
    ("이메일 : minjae 골뱅이 지메일", "minjae 골뱅이 지메일", "email"),                           # portal in Hangul
])
def test_round8_more_families(text, value, type_):
    assert _covered(text, value, type_)


def test_visit_date_after_name_at_line_end_is_kept():
    assert _untouched("민원인 허동원, 2024.03.02", "2024.03.02")


@pytest.mark.parametrize("text,value", [
    ("차주가 누군지 물어보니 남기철이래요", "남기철"),                                          # reported speech: 이래요
    ("가게 알바생 피수아가 다쳤습니다", "피수아"),                                              # part-timer as a cue
])
def test_name_round8_cues(text, value):
    assert _covered(text, value, "name")


def test_staff_compound_is_no_cue():
    assert _untouched("계약제교원/교육공무직원 인력풀 공지사항", "인력풀")


@pytest.mark.parametrize("text", ["2층 203호 회의실을 예약했어요", "본관 3층 305호 강의실", "4층 401호 상담실에서 뵙겠습니다"])
def test_room_of_a_public_building_is_kept(text):
    assert mask(text).spans == []


@pytest.mark.parametrize("text,value", [
    ("뒷집 엄분순 (여 81세) 할머니 댁", "엄분순"),                                              # sex then age in brackets
    ("신고자는 마기춘 67세 남성입니다", "마기춘"),                                               # age and sex after, no brackets
])
def test_name_with_age_and_sex(text, value):
    assert _covered(text, value, "name")


def test_word_before_a_bracketed_number_is_kept():
    assert _untouched("총합계(45)를 확인해 주세요", "총합계")


@pytest.mark.parametrize("text,value,type_", [
    ("번호 3128812345 (사업자번호) 로 신고했어요", "3128812345", "brn"),                        # the label after the number
    ("7712012345678 (주민등록번호)", "7712012345678", "rrn"),
    ("환불은 987654321012 (하나은행) 으로", "987654321012", "account"),
    ("환불은 98765432101 (우리) 로", "98765432101", "account"),
])
def test_label_after_number(text, value, type_):
    assert _covered(text, value, type_)


@pytest.mark.parametrize("text,value", [
    ("접수번호 1234567890 우리 동네 민원", "1234567890"),                                      # 우리: a pronoun here
    ("주문번호 1234567890 (카카오뱅크 결제)", "1234567890"),                                    # another number's label
])
def test_label_after_number_keeps(text, value):
    assert _untouched(text, value)


@pytest.mark.parametrize("text,value", [
    ("답장은 hyejin.o 앳 naver 닷컴 으로 주세요", "hyejin.o 앳 naver 닷컴"),                  # TLD read out in Hangul
    ("메일 jw_kang 골뱅이 daum 쩜 넷", "jw_kang 골뱅이 daum 쩜 넷"),
])
def test_email_hangul_tld(text, value):
    assert _covered(text, value, "email")


def test_name_word_before_a_particle_is_no_name():
    assert _untouched("딸 이름으로 된 통장으로 보내 주세요", "이름으로")                     # 이름 + 으로, not 이 + 름으


def test_birth_and_death_dates_of_the_deceased():
    text = "돌아가신 조부 변창식(1931.7.9~2023.12.1) 상속 건입니다"
    assert _covered(text, "1931.7.9", "birth_date")


def test_a_period_in_brackets_is_kept():
    assert _untouched("점검 기간(2023.3.1~2024.3.5) 동안 통제합니다", "2023.3.1")


@pytest.mark.parametrize("text,value", [
    ("제 번호 남길게요 공일공에 칠칠일이에 삼삼사오", "공일공에 칠칠일이에 삼삼사오"),        # read out with 에
    ("전화번호는 공일공, 4477, 2288", "공일공, 4477, 2288"),                                 # commas between groups
])
def test_spelt_phone_separators(text, value):
    assert _covered(text, value, "phone")


@pytest.mark.parametrize("text,value", [
    ("저희는 햇빛마을 ○○아파트 1105동 304호에 살아요", "햇빛마을 ○○아파트 1105동 304호"),      # village before the complex
    ("주소 서울 노원구 중계동 주공5단지 508동 1102호", "서울 노원구 중계동 주공5단지 508동 1102호"),  # 주공 alone as the complex
    ("주소 : 광주 광산구 첨단로 12 (월계동) 대방노블랜드 105-903", "광주 광산구 첨단로 12 (월계동) 대방노블랜드 105-903"),
])
def test_address_round8_complexes(text, value):
    assert _covered(text, value, "address")


def test_year_like_number_after_an_address_is_kept():
    assert _untouched("서울 강남구 테헤란로 123 2024-1203 접수 건", "2024-1203")
