"""Masker round 3 (issue 10 item 9): general shapes of identifiers rather than one more format each.

Every sentence here is our own (none is copied from an evaluation set); each group tests one general rule in
several written forms, then what must stay visible near it."""
import pytest

from ingest.pii import mask


def _covered(text: str, value: str, type_: str | None = None) -> bool:
    s = text.index(value)
    cov = {i for sp in mask(text).spans if type_ is None or sp.type == type_ for i in range(sp.start, sp.end)}
    return set(range(s, s + len(value))) <= cov


def _digits_covered(text: str, value: str) -> bool:
    s = text.index(value)
    cov = {i for sp in mask(text).spans for i in range(sp.start, sp.end)}
    return all(i in cov for i in range(s, s + len(value)) if text[i].isdigit())


def _untouched(text: str, value: str) -> bool:
    s = text.index(value)
    r = mask(text)
    return not any(sp.start < s + len(value) and s < sp.end for sp in r.spans)


# ---- a contact label, then a number of any shape ---------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("연락처 10-4418-2063 으로 주세요", "10-4418-2063"),                 # the leading 0 dropped
    ("핸드폰: O1O-7781-22O4 입니다", "O1O-7781-22O4"),                   # letter O for zero
    ("H.P 010 _ 5512 _ 7730", "010 _ 5512 _ 7730"),                     # odd separators
    ("Tel. 010ㆍ3317ㆍ2048", "010ㆍ3317ㆍ2048"),
    ("전화번호는 공일공에 팔팔이일의 삼삼공사", "공일공에 팔팔이일의 삼삼공사"),  # read out with 에/의
    ("안심번호 0504-2215-7781 로 연락 주세요", "0504-2215-7781"),
])
def test_labelled_phone_any_shape(text, value):
    assert _covered(text, value, "phone")


def test_labelled_landline_keeps_its_role():
    # an office line after 전화 is kept by the officials' policy, a citizen's own line is not
    assert _untouched("구청 교통과 전화 031 204 5517 로 문의했어요", "031 204 5517")
    assert _covered("담당 주무관님, 제 사무실 번호는 031-204-5517 입니다.", "031-204-5517", "phone")


# ---- a long number with no label ---------------------------------------------------------------------
@pytest.mark.parametrize("text,value,type_", [
    ("환불은 3333-27-5540182 (카뱅) 로 부탁해요", "3333-27-5540182", "account"),
    ("보내실 곳 1002-771-204418", "1002-771-204418", "account"),
    ("거래처는 다온수산(457-11-20983)입니다", "457-11-20983", "brn"),       # a business before, check digit or not
    ("제가 쓰는 번호 050-7712-4409 로 주문했어요", "050-7712-4409", "phone"),
    ("저녁엔 0631234567 로 주세요", "0631234567", "phone"),
])
def test_unlabelled_long_number(text, value, type_):
    assert _covered(text, value)


@pytest.mark.parametrize("text,value", [
    ("접수번호 2024-0917-3381 건 답변 부탁드립니다", "2024-0917-3381"),      # a year starts it
    ("운송장 번호 4471-2290-1187 조회가 안 됩니다", "4471-2290-1187"),       # a parcel's label
    ("주문번호 5530-2217-8841 로 결제했는데요", "5530-2217-8841"),
    ("법인등록번호 134511-0071234 인 회사입니다", "134511-0071234"),         # a company's number, no 주민번호
    ("ISBN 979-11-5521-883-0 책을 샀어요", "979-11-5521-883-0"),
    ("윈도 버전 10.0.22631.2861 에서 오류", "10.0.22631.2861"),
    ("기간 2025.03.02-2025.04.30 동안", "2025.03.02-2025.04.30"),
    ("번호 318-27-55104 확인 부탁드립니다.", "318-27-55104"),                # 3-2-5, wrong check digit, no business
    ("환급금 1,287,400원이 들어왔어요", "1,287,400원"),
    ("법률 제19552호 제12조제3항에 따라", "제19552호"),
])
def test_unlabelled_numbers_that_stay(text, value):
    assert _untouched(text, value)


# ---- a phone read out in pieces ----------------------------------------------------------------------
@pytest.mark.parametrize("text,values", [
    ("제 번호 010-6627… 아 뒤는 5571이에요", ["010-6627", "5571"]),
    ("앞번호 010-9921 뒷번호 4406 입니다", ["010-9921", "4406"]),
    ("연락처는 010 4471 까지 맞고 마지막 자리는 2290", ["010 4471", "2290"]),
])
def test_phone_in_pieces(text, values):
    assert all(_covered(text, v, "phone") for v in values)


def test_tail_cue_without_a_phone_is_no_phone():
    assert _untouched("공사가 끝나고 뒤에 2025년 계획을 세웠어요", "2025")


# ---- birth dates --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("저는 만 41세(85.10.02)이고 무직입니다", "85.10.02"),                  # after an age that fits
    ("접촉자 탁은결 M/52 1974-01-19 직장: 제빵공장", "1974-01-19"),
    ("어머니 곽순례 여사님(1948년생, 3월 9일)이 혼자 사십니다", "1948년생, 3월 9일"),  # after a name and an honorific
    ("양력으로는 1957.11.04 이고 호적은 다릅니다", "1957.11.04"),
    ("생일은 오십이년 음력 팔월 열사흘", "오십이년 음력 팔월 열사흘"),         # Hangul numerals, a native day
    ("둘째 고하람 2016. 4. 21, 셋째 고하늘 2019. 9. 3 입니다.", "2016. 4. 21"),  # a name then a date
])
def test_birth_date_general(text, value):
    assert _covered(text, value, "birth_date")


@pytest.mark.parametrize("text,value", [
    ("만 41세(2024.03.02 사망)", "2024.03.02"),                             # the age does not fit a birth
    ("민원인 석지환 2025.02.19 방문 상담", "2025.02.19"),                    # a recent record's date
    ("계약 만료일은 2027. 2. 28. 입니다", "2027. 2. 28."),
    ("음력 8월 15일 추석에", "8월 15일"),                                   # no year: a holiday
])
def test_dates_that_are_no_birth_dates(text, value):
    assert _untouched(text, value)


# ---- layout: asked fields, table columns -----------------------------------------------------------------
def test_answer_to_an_asked_field():
    text = ("상담원: 생신이 언제세요? 생년월일 말씀해 주세요.\n민원인: 육십사년 삼월 이일이요.\n"
            "상담원: 사시는 주소는요?\n민원인: 강릉시 교동 142-7, 솔빛빌라 2층이요.\n"
            "상담원: 연락처 불러 주시겠어요?\n민원인: 공일공 구구삼일 이이사팔이요.")
    assert _covered(text, "육십사년 삼월 이일", "birth_date")
    assert _covered(text, "강릉시 교동 142-7, 솔빛빌라 2층", "address")
    assert _covered(text, "공일공 구구삼일 이이사팔", "phone")


def test_statement_is_no_question():
    text = "집 전화 031-880-2214로 연락 주세요.\n제품 일련번호 SN 2023-0412-7781을 확인했습니다."
    assert _untouched(text, "2023-0412-7781")


def test_table_columns():
    text = ("| 성명 | 생년월일 | 주소 |\n|---|---|---|\n| 반석규 | 1951.06.30 | 영월군 주천면 신일리 77 |\n"
            "| 반다온 | 2014.12.01 | 영월군 주천면 신일리 77 |")
    assert _covered(text, "1951.06.30", "birth_date") and _covered(text, "2014.12.01", "birth_date")
    assert _covered(text, "영월군 주천면 신일리 77")


def test_staff_table_phone_stays_kept():
    text = "담당\t성명\t직급\t전화\n인허가\t모윤재\t주무관\t033-738-5512"
    assert _untouched(text, "033-738-5512")


# ---- addresses -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,value", [
    ("주택: 전남 보성군 벌교읍 회정리 218번지의 3 (도로명 회정길 5-2)", "전남 보성군 벌교읍 회정리 218번지의 3"),
    ("주택: 전남 보성군 벌교읍 회정리 218번지의 3 (도로명 회정길 5-2)", "회정길 5-2"),          # after 도로명
    ("주소는 대구 북구 칠곡중앙대로 88, 한마음 그린타운 3차 105동 902호이고 전화는 없어요",
     "대구 북구 칠곡중앙대로 88, 한마음 그린타운 3차 105동 902호"),                                 # the complex then units
    ("주   소 : 충 청 남 도 공 주 시 웅 진 로 4 5", "충 청 남 도 공 주 시 웅 진 로 4 5"),            # letter-spaced form field
    ("받는 사람\n    강원특별자치도 속초시\n    중앙로 77, \n    3동 401호\n", "강원특별자치도 속초시\n    중앙로 77, \n    3동 401호"),
    ("저희 집은 동교로21길 9, 3층이고 밤마다 소음이 납니다", "동교로21길 9, 3층"),
])
def test_address_general(text, value):
    assert _covered(text, value, "address")


@pytest.mark.parametrize("text,value", [
    ("아파트는 포항시 북구 양덕로 55, 양덕 아이파크 703호입니다. 북구청 건축과에서 봐 주세요.", "703호"),
])
def test_dwelling_is_no_office_address(text, value):
    assert _covered(text, value, "address")


def test_office_address_stays_kept():
    assert _untouched("다산시 중앙로 100 시청 본관 2층 민원실에 제출하세요", "다산시 중앙로 100")


def test_units_do_not_swallow_a_phone():
    text = "세입자 현황\n201호 남궁별 010-2281-7740\n202호 공실"
    assert _covered(text, "201호", "address") and _covered(text, "010-2281-7740", "phone")
    assert _untouched("서울 강남구 테헤란로 123 2024-1203 접수 건", "2024-1203")


# ---- partial numbers, relay numbers, e-mails -------------------------------------------------------------
def test_partial_foreign_number_fully_masked():
    assert _covered("외국인등록번호 970412-5*******", "970412-5*******", "arn")


def test_relay_number_is_never_an_office_line():
    assert _covered("택배 대리점 소속 기사 번호 0505-221-7783 으로 연락 주세요", "0505-221-7783", "phone")


def test_spelt_email_with_hangul_dot():
    assert _covered("메일 sol.bit(골뱅이)daum(닷)net 으로", "sol.bit(골뱅이)daum(닷)net", "email")


def test_digits_core_of_a_bank_account_written_with_its_bank():
    assert _digits_covered("환불 계좌 케이뱅크 100-221-884017 입니다", "케이뱅크 100-221-884017")


# ---- precision: what the new rules must leave visible ----------------------------------------------------
def test_gateway_ip_stays_host_ip_masked():
    assert _untouched("공유기 관리 화면 주소는 192.168.35.1 이에요", "192.168.35.1")
    assert _untouched("게이트웨이 10.4.0.9 로 설정", "10.4.0.9")
    assert _covered("로그인 기록에 192.168.35.27 에서 접속한 흔적이 있어요", "192.168.35.27", "ip")


def test_court_case_number_is_no_address():
    assert _untouched("결정문(서울가정법원 2025호파2231) 첨부합니다.", "2025호파2231")


def test_no_address_span_across_an_area():
    text = "토지: 전북 임실군 오수면 금암리 산 17-2 임야 1,204㎡, 금암리 88-1 답 612㎡"
    assert _untouched(text, "1,204㎡")
    assert _covered(text, "금암리 88-1")


def test_office_lines_in_staff_speech_and_after_a_bare_body():
    assert _untouched("고객: 네\n직원: 서류는 팩스 063-281-7740 으로 보내 주세요.", "063-281-7740")
    assert _untouched("공단 033-749-5512에 물어보니 모른대요", "033-749-5512")


def test_home_line_without_area_code():
    assert _covered("우리집 번호는 836-2294 이요", "836-2294", "phone")
    assert _untouched("전화 2024.1234 건", "2024.1234")
    assert _untouched("대표번호 1588-1234 로 문의", "1588-1234")


def test_lot_number_list_is_no_account():
    assert _untouched("대상 필지: 171-16 / 503-2 / 523-4 / 523-56 / 523-57", "523-56 / 523-57")


def test_long_answer_after_a_question_is_no_address():
    text = ("주소 이전 신고는 어떻게 하나요?\n전입신고는 새 거주지로 이사한 날부터 14일 이내에 하며, 세대주는 "
            "주민등록법 제16조에 따라 신고하고, 수입액은 1년간 총수입액을 개월수로 나눈 금액으로 하고 있습니다")
    assert not any(s.type == "address" for s in mask(text).spans)


def test_postcode_before_an_address():
    assert _covered("(우) 135-874 서울 강남구 역삼로 12 사는 사람입니다", "(우) 135-874 서울 강남구 역삼로 12", "address")


def test_partial_passport_after_its_label():
    assert _covered("여권번호 M481**** 로 예약", "M481****", "passport")


def test_phone_dictated_over_turns():
    text = "상담원: 휴대폰 번호 불러 주세요.\n민원인: 010이요.\n상담원: 네.\n민원인: 5528에 1903이요."
    assert all(_covered(text, v, "phone") for v in ("010", "5528", "1903"))
    receipt = "상담원: 접수번호 불러 주세요.\n민원인: 2025이요.\n민원인: 3381에 7702요."
    assert _untouched(receipt, "3381") and _untouched(receipt, "2025")


def test_front_half_of_a_resident_number():
    assert _covered("상담원: 주민번호 앞자리요?\n민원인: 680302이요", "680302", "rrn")
    assert _covered("주민번호는 680302로 시작해요", "680302", "rrn")
    assert _untouched("법인번호 680302로 시작하는 회사", "680302")


def test_lot_number_typed_with_spaces():
    assert _covered("나는 전남 곡성군 옥과면 무창리 4 1 7 사는 사람이요", "전남 곡성군 옥과면 무창리 4 1 7", "address")
    assert _untouched("3동 2 3 4 5 6 번 버스", "2 3 4")


def test_business_number_in_brackets_after_a_company_with_a_tax_word():
    assert _covered("납세자 (주)한결테크(305-81-22190)의 부가세 신고", "305-81-22190", "brn")


def test_birth_date_in_brackets_after_a_name_and_copula():
    assert _covered("옆집에 사는 모해진입니다(1979-11-23). 소음 때문에", "1979-11-23", "birth_date")


def test_parcels():
    assert _covered("경작지 하송리 산 117 외 2필지는 임야입니다", "하송리 산 117", "address")
    assert _covered("오류리 52 논에 물이 찹니다", "오류리 52", "address")
    assert _untouched("이동 3 건을 처리했습니다", "이동 3")


def test_postcode_line_is_a_line_of_its_own():
    text = "주민등록번호: 540814-1030929\n해운대구 해운대로 41-21 현대아파트 104동 1437호에 있는 집"
    assert _covered(text, "해운대구 해운대로 41-21 현대아파트 104동 1437호", "address")
    assert _covered("받는 곳\n48094\n부산 해운대구 해운대로 41-21", "48094\n부산 해운대구 해운대로 41-21", "address")


@pytest.mark.parametrize("text,value", [
    ("지난달 어머님 수술비가 많이 나왔습니다", "어머님"),             # a kinship noun before 님
    ("선생님도 모르겠다고 하시더라고요.", "하시더"),                         # a verb before -더라
    ("신고인이 삭제한 글이 다시 올라왔어요", "삭제한"),                     # a verb after a role's subject
])
def test_words_that_are_no_names(text, value):
    assert _untouched(text, value)


def test_names_next_to_those_words_still_masked():
    assert _covered("민원인 김지한 씨가 왔어요", "김지한", "name")
    assert _covered("어지은님 안녕하세요", "어지은", "name")


@pytest.mark.parametrize("text,values", [
    ("선원 BUDI SANTOSO(부디 산토소) 여권 만료", ["BUDI SANTOSO", "부디 산토소"]),     # a name in two scripts
    ("결혼이민자 王丽华(왕리화)입니다", ["王丽华", "왕리화"]),
    ("재외국민 김제이슨(한국명 김재성)입니다", ["김제이슨", "김재성"]),                 # a labelled other name
    ("2학년 3반 도하율 엄마입니다", ["도하율"]),                                       # a class before
    ("옆집 개 주인은 계도훈이라는 사람입니다", ["계도훈"]),                             # "…라는 사람"
    ("My landlord Mr. Park Ji-hoon kept my deposit", ["Park Ji-hoon"]),
    ("순번 | 성명 | 서명\n1 | 편서윤 | (서명)\n2 | 탁재오 | 대리", ["편서윤", "탁재오"]),  # a 성명 column
])
def test_names_general(text, values):
    assert all(_covered(text, v, "name") for v in values)


@pytest.mark.parametrize("text,value", [
    ("Korea Gas Safety Corporation(한국가스안전공사) 점검", "한국가스안전공사"),   # words do not match one for one
    ("世宗大王(세종대왕) 동상 앞", "세종대왕"),
    ("담당\t성명\t직급\t전화\n민원\t변하린\t주무관\t041-337-2290", "변하린"),       # a staff directory
])
def test_name_frames_that_stay(text, value):
    assert _untouched(text, value)


def test_alias_label_is_not_part_of_the_name():
    text = "저는 캐나다 시민권자 Daniel Oh (한국명 오대한)이고"
    assert _covered(text, "Daniel Oh", "name") and _covered(text, "오대한", "name")
    assert not any(text[s.start:s.end].startswith("한국명 ") for s in mask(text).spans)


def test_long_foreign_name_after_a_citizen_label():
    assert _covered("통역: 신청인은 차간바트 오드후 씨이고", "차간바트 오드후", "name")
    assert _untouched("민원인은 어제 오후 씨름장에서 다쳤습니다", "어제 오후")


def test_home_router_address_is_kept_even_by_the_model():
    assert _untouched("그리고 우리 집 공유기 IP는 192.168.0.1 이에요", "192.168.0.1")
    assert _untouched("기본 게이트웨이 10.0.0.1", "10.0.0.1")
