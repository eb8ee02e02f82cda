# c18-029 .. c18-056
WRONG_OK = ['c18-052']  # 052: the mother's wrong (mistyped) RRN of her son, corrected
TEXTS = [
# 029 RRN split into front/back on two lines (form)
"""[전입신고 온라인 오류 문의]
주민등록번호 앞자리: ⟦r:920603⟧
뒷자리: ⟦r:2118401⟧
성명: ⟦n:어수빈⟧
새 주소: ⟦a:세종시 한누리대로 2150, 1102동 901호⟧
'본인확인 불가'라고만 나와요. ⟪office_phone:044-300-1234⟫은 계속 통화중입니다.""",
# 030 elderly, age with date
"""우리 어머니 ⟦n:인금례⟧ 여사(⟦b:1936.3.2⟧, 만 90세) 장기요양 등급 재판정 결과가 아직입니다. 신청은 ⟪date:10월 14일⟫에 했습니다. 모시고 사는 주소는 ⟦a:광주 북구 우치로 77번길 9⟧, 제 번호 ⟦p:062-513-0948⟧. 어머니 주민번호는 ⟦r:360302-2⟧ 뒤는 서류로 드릴게요. 어머니 생신이 ⟪date:다음 주⟫라 그 전에 결과 알고 싶습니다.""",
# 031 no PII, 접수번호 and amounts
"""접수번호 ⟪case_no:2BC-2511-4471902⟫ 건 처리기간이 ⟪duration:7일⟫이라더니 ⟪duration:3주⟫가 지났습니다. 수수료 ⟪amount:1,200원⟫ 은 이미 냈고요.""",
# 032 English + Korean mixed email from overseas Korean
"""Dear 담당자님,
I'm ⟦n:Daniel Kwon⟧ (⟦n:권대현⟧), living in ⟦a:4521 Kingsway, Burnaby, BC V5H 2A9, Canada⟧. 재외국민 주민등록 하려고 하는데 여권 ⟦pp:M30419K82⟧ 으로 가능한가요? DOB ⟦b:Feb 3, 1978⟧. Please reply to ⟦e:dkwon78@shaw.ca⟧. Thanks! 한국 주소는 부모님 댁 ⟦a:서울 송파구 올림픽로 35길 104, 장미아파트 12동 804호⟧ 로 하려고요.""",
# 033 call transcript, phone with landline 053, account
"""[녹취 요약] 민원인 ⟦n:설동훈⟧(대구) 요청: 긴급생계비 입금계좌를 대구은행에서 농협 ⟦ac:352-0991-4471-83⟧ 로 변경. 주소 ⟦a:대구 달서구 월배로 31길 14-7⟧. 회신 ⟦p:053-634-7712⟧ (집), ⟦p:010-9017-2245⟧. 상담 ⟪official:권미래⟫.""",
# 034 no PII
"""⟪place:시민공원⟫ 분수대 물 튀어서 보도가 미끄럽습니다. ⟪time:아침 8시⟫ 출근길에 두 명이 넘어지는 걸 봤어요.""",
# 035 driver licence hyphen with region code, birth in 출생
"""저는 ⟦b:1990년 5월⟧ 출생으로 ⟪program:청년 운전면허 취득 지원⟫ 대상인지 궁금합니다. 예전에 2종 딴 적 있는데 면허번호는 ⟦dl:12-09-338201-47⟧ 이었고 취소됐습니다. ⟦n:도민혁⟧ 지금 사는 곳은 ⟦a:대전 유성구 대학로 99번길 21-7 원룸 305호⟧입니다.""",
# 036 SMS with dots in phone and address building name
"""[관리사무소] ⟦a:푸른숲마을 5단지 507동 1304호⟧ ⟦n:임채은⟧님 앞으로 등기가 와 있습니다. 수령 시 신분증 지참. 문의 ⟪office_phone:031.8036.5500⟫""",
# 037 card masked partly, and full card
"""체크카드 ⟦c:5365-****-****-4180⟧ 로 공영주차 요금이 두 번 결제됐어요. 다른 카드 ⟦c:4000 1234 5678 9017⟧ 로는 정상이었고요. 이름 ⟦n:빈서영⟧, 차량 ⟦pl:27오 5581⟧.""",
# 038 no PII
"""⟪law:건축법 제61조⟫ 일조 기준 관련해서 질의합니다. 정북방향 인접대지 경계로부터 띄어야 하는 거리가 높이 9미터 이하이면 ⟪amount:1.5미터⟫ 맞나요?""",
# 039 Vietnamese worker in broken Korean, ARN no hyphen
"""사장님이 월급 안줘요 3달. 내 이름 ⟦n:Tran Van Hieu⟧ 외국인번호 ⟦arn:9708235476211⟧ 회사 ⟦a:충남 아산시 둔포면 석곡리 622⟧ 사장 이름 ⟦n:편상욱⟧ 전화 ⟦p:041-544-8130⟧ 도와주세요. 제 폰 ⟦p:010 9942 1107⟧""",
# 040 lots of keeps, official name, no PII
"""⟪official:유재민⟫ 주무관님께서 안내해주신 대로 ⟪law:지방세법 제125조⟫ 감면 신청했습니다. 다만 ⟪date:2025년 12월 31일⟫까지인 기한이 맞는지 확인 부탁드립니다.""",
# 041 IPv4 + email typos
"""제 계정에 모르는 로그인 기록이 있어요. 접속IP ⟦ip:121.160.8.45⟧, 시간 ⟪time:새벽 3시 12분⟫. 계정 메일 ⟦e:gyuri_98@nate.com⟧ 인데 비번 바꿨습니다. ⟦n:나규리⟧""",
# 042 family list with lunar/solar, in a 장례 context
"""故 ⟦n:배상철⟧ 님 사망신고 및 상속 안심서비스 신청
신청인: 장남 ⟦n:배준영⟧ ⟦b:1967년 8월 19일⟧생, ⟦p:010-4471-2290⟧
망인 생년월일 ⟦b:1939. 2. 28⟧ (음 1월 11일)
망인 주소: ⟦a:전북 익산시 함열읍 와리길 23-4⟧
사망일: ⟪date:2026. 11. 29⟫""",
# 043 no PII
"""⟪place:버스정류장 12-104⟫ 도착정보 안내기가 시간이 계속 '곧 도착'으로만 떠요. 몇 주째인데 고쳐주세요. 매일 이용하는 ⟦n:공태경⟧입니다, ⟦e:taekyung.gong@daum.net⟧ 로 답변 부탁.""",
# 044 passport of Japanese + hotel address
"""観光で来ました。I lost my passport near ⟪place:경복궁⟫. Name ⟦n:Sato Haruka⟧, passport no. ⟦pp:TK3381920⟧, born ⟦b:1996/08/11⟧. Hotel: ⟪place:Hotel Sejong, 145 Toegye-ro, Jung-gu⟫... Phone ⟦p:+81-80-3321-0457⟧. Emergency contact in Japan: my mother ⟦n:Sato Keiko⟧ ⟦p:+81 3-5521-7780⟧.""",
# 045 BRN with spaces and account after number
"""폐업한 식당 부가세 환급금 계좌 등록합니다. 사업자번호 ⟦brn:301 22 44107⟧, 대표 ⟦n:오명숙⟧, 환급계좌 ⟦ac:1002-552-871203⟧ 우리은행. 전화 ⟦p:043-857-2261⟧""",
# 046 chat between neighbours with plate
"""A: 지하 2층에 ⟦pl:서울 57 거 3302⟧ 또 두 자리 차지했어요
B: 그 차 ⟦a:102동 1501호⟧ 거래요
A: 관리실 ⟪office_phone:02-2686-9100⟫ 신고할게요""",
# 047 birth date in 주민번호 context but written as date + age
"""아이 ⟦n:심도현⟧ (⟦b:2019.10.05⟧생, 만 7세) 초등 입학 유예 신청 절차 알려주세요. 부 ⟦n:심재현⟧ ⟦p:010/4412/7780⟧ 아이 주민번호는 ⟦r:191005-4******⟧ 입니다.""",
# 048 email with 골뱅이
"""서류 회신 메일주소: ⟦e:mugunghwa61(골뱅이)hanmail.net⟧ 
보낸이 ⟦n:기정란⟧ 올림. 양식 ⟪keep_id:별지 제3호⟫로 보내주세요.""",
# 049 no PII
"""⟪program:희망리본 프로젝트⟫ 상담 신청자 수가 작년 ⟪count:412명⟫에서 올해 ⟪count:388명⟫으로 줄었다던데 예산이 그대로인지 궁금합니다.""",
# 050 memo internal, multiple people
"""[현장점검 결과보고] 작성: ⟪official:맹성준⟫
- 신고인 ⟦n:선우혜린⟧(⟦p:010-5561-3304⟧)
- 피신고인 ⟦n:옥재석⟧, 주소 ⟦a:수원시 권선구 세류로 54-1⟧, 차량 ⟦pl:48서 2093⟧, 면허 ⟦dl:28 15 071193 44⟧(조회)
- 조치: 계고 ⟪date:12.3.⟫ 발송""",
# 051 account with 신협, phone 033
"""산불감시원 근무수당 입금 계좌가 틀렸다고 반송됐습니다. 맞는 계좌 신협 ⟦ac:132-088-442210⟧, 이름 ⟦n:연광식⟧, 주소 ⟦a:강원 정선군 남면 무릉리 411-3⟧, 전화 ⟦p:033-591-7740⟧. 생년월일은 ⟦b:1961년 11월 11일⟧이고 주민번호 뒷자리는 ⟦r:1104383⟧ 입니다.""",
# 052 RRN with the writer's wrong digit note
"""어제 보낸 신청서에 아들 주민번호를 ⟦r:1506143187215⟧ 로 잘못 적었어요. 맞는 번호는 ⟦r:150614-3187227⟧ 입니다. 엄마 ⟦n:노은비⟧.""",
# 053 no PII
"""⟪place:제2공영주차장⟫ 출차 정산기가 카드만 받습니다. 어르신들 현금 쓰시는 분 많은데 한 대는 현금 되게 해주세요.""",
# 054 070 phone, online seller
"""중고거래로 냉장고 샀는데 안 켜집니다. 판매자 ⟦n:류성진⟧ 연락처 ⟦p:070-4817-3326⟧, 입금한 계좌 케이뱅크 ⟦ac:100-178-442381⟧. 받은 금액 ⟪amount:35만원⟫. 판매자가 알려준 주소 ⟦a:경기 부천시 원미구 길주로 17번길 38⟧ 에 가보니 빈 상가였어요.""",
# 055 Latin address of Korean writer
"""Please send the certificate to my address: ⟦a:101-1203, 55 Jangmi-ro, Bundang-gu, Seongnam-si, Gyeonggi-do 13496⟧. Name ⟦n:Park Minseo⟧, DOB ⟦b:2001-12-09⟧. Phone ⟦p:+82-31-8017-4452⟧.""",
# 056 no PII
"""'김장 나눔' 행사 장소가 ⟪place:구청 광장⟫에서 ⟪place:복지관 주차장⟫으로 바뀐 걸 공지를 안 하셔서 헛걸음했습니다.""",
]
