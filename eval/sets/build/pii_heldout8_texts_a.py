"""Hand-written texts c8-001 .. c8-060 (see pii_heldout8_build.py for the marker syntax)."""

TEXTS = [
# 001 국민신문고 post, parking
r"""
제목: ⟪place:제2공영주차장⟫ 입구 상습 불법주차 단속 요청

⟪place:정자동 사거리⟫ 쪽 ⟪place:제2공영주차장⟫ 입구를 매일 저녁 ⟦plate:68러 4412⟧ 흰색 SUV가 막고 있습니다. 지난주에도 신고했는데(접수번호 ⟪case_no:2AA-2411-0012345⟫) 달라진 게 없네요.
민원인 ⟦name:변지혜⟧ / ⟦phone:010-3382-7145⟧
""",
# 002 phone memo, welfare
r"""
[전화상담 메모] ⟪date:2024.11.18.⟫ 14:20
- 민원인: ⟦name:최수정⟧(본인), 연락처 ⟦phone:010 9921 0483⟧
- 내용: 어머니 ⟦name:한옥분⟧ 씨(⟦birth_date:1944년 3월 2일⟧생) 기초연금 신청 가능 여부 문의. 어머니 주소는 ⟦address:충남 부여군 규암면 합송리 217⟧.
- 안내: 주소지 읍면사무소 방문 신청 안내함. 처리자 ⟪official:김도현⟫ 주무관
""",
# 003 self intro with particle
r"""
안녕하세요 저는 ⟦name:최수정⟧이고요, 지난달에 전입신고 했는데 아직 주소가 안 바뀌었다고 나와서 문의드려요. 새 주소는 ⟦address:대전 서구 둔산로 100번길 27, 302호⟧ 입니다. 연락은 ⟦phone:010-4471-8820⟧나 집 ⟦phone:042-488-1032⟧로 주세요
""",
# 004 no PII, question about law
r"""
「⟪law:개인정보 보호법⟫」 ⟪article:제25조⟫에 따라 우리 동네 놀이터에 CCTV를 더 설치해 달라는 주민 요청이 많습니다. ⟪place:이순신대로⟫ 쪽 어린이공원은 사각지대가 많아요. 설치 계획이 있는지 답변 부탁드립니다.
""",
# 005 visit record form
r"""
방문 기록
일시: ⟪date:2025-02-06⟫ 10:40
성명: ⟦name:정대호⟧
생년월일: ⟦birth_date:880302⟧
주소: ⟦address:서울특별시 노원구 동일로 1414, 105동 1102호 (상계동)⟧
연락처: ⟦phone:02-936-4471⟧ / ⟦phone:010-2287-3019⟧
용건: 주차 과태료 ⟪amount:40,000원⟫ 이의신청서 제출
응대: 교통행정과 ⟪official:박영희⟫ 주무관 (☎ ⟪office_phone:02-2116-3841⟫)
""",
# 006 kakaotalk transcription
r"""
[카카오톡 캡처 내용 옮김]
오후 3:12 ⟦name:수빈⟧ 엄마: 내일 반상회 몇시에요?
오후 3:14 나: 7시요~ 관리사무소 옆 ⟪place:지하주차장⟫ 입구 말고 경로당이요
오후 3:15 ⟦name:수빈⟧ 엄마: 아 그리고 ⟦name:명숙⟧ 언니 번호 바꼈대요 ⟦phone:010-7703-2258⟧ 이거래요
위 대화 속 소음 문제로 민원 제기합니다.
""",
# 007 elderly writing
r"""
동사무소 직원님 께 
나는 ⟦address:경북 의성군 안계면 용기리 3 5 1⟧ 사는 ⟦name:김 말 순⟧ 이요 올해 ⟪age:여든둘⟫이고 영감은 재작년에 가고 혼자 삽니다 보일라가 고장나서 겨울을 어찌 날지 걱정이라 우리 아들 ⟦name:박종구⟧ 전화는 ⟦phone:공일공 사삼일이 팔팔칠구⟧ 이니 연락 주시오
""",
# 008 form pasted key:value
r"""
성명: ⟦name:오승철⟧
주민등록번호: ⟦rrn:710914-1******⟧
주소: ⟦address:광주광역시 북구 서하로 201 (우 61213)⟧
휴대전화: ⟦phone:010.5528.3904⟧
이메일: ⟦email:seungchul.oh71@naver.com⟧
신청내용: 재산세 분할납부 신청 (고지액 ⟪amount:1,284,000원⟫)
""",
# 009 tax memo with 납세자
r"""
납세자 ⟦name:오승철⟧ 님 체납액 납부계획 상담. 환급금은 ⟦account:352-1193-4471-83⟧(⟪bank:농협⟫)으로 입금 요청. 세무과 ⟪official:이정은⟫ 팀장 확인.
""",
# 010 no PII hotline
r"""
지난번에 카드사 고객센터 ⟪hotline:1588-8100⟫으로 전화했더니 시청에 문의하라고 하네요. 지방세 카드 자동납부 신청은 어디서 하나요? ⟪hotline:120⟫ 다산콜도 연결이 안 됩니다.
""",
# 011 rare surname, four syllable
r"""
제 이름은 ⟦name:남궁은비⟧ 입니다. 동생 ⟦name:남궁현⟧이 장애인 등록 재판정을 받아야 하는데 보호자인 제가 대신 서류를 낼 수 있는지 궁금합니다. 제 번호 ⟦phone:010-6120-4437⟧.
""",
# 012 English e-mail
r"""
Dear officer,
My name is ⟦name:Nguyen Van Duc⟧ and I work at a factory in ⟪place:Gimhae⟫. My alien registration number is ⟦arn:970215-5234561⟧ and passport no. ⟦passport:C7734120⟧. My employer has not paid salary for 3 months (⟪amount:7,200,000 KRW⟫). Please call me ⟦phone:010-3948-2201⟧ or email ⟦email:ducnv97@gmail.com⟧.
Thank you.
""",
# 013 mixed ko/en SMS
r"""
[Web발신]
안녕하세요 ⟦name:제갈윤서⟧입니다. 오늘 lunch time에 민원실 방문 예정이에요. ID card 사본 필요한가요? 회신 ⟦phone:+82 10 5530 1187⟧
""",
# 014 table
r"""
| 구분 | 성명 | 관계 | 생년월일 | 연락처 |
|---|---|---|---|---|
| 신청인 | ⟦name:선우진⟧ | 본인 | ⟦birth_date:1979.05.23⟧ | ⟦phone:010-8824-1130⟧ |
| 가구원 | ⟦name:선우하람⟧ | 자녀 | ⟦birth_date:2011.09.04⟧ | - |
| 가구원 | ⟦name:장미란⟧ | 배우자 | ⟦birth_date:1981.12.30⟧ | ⟦phone:010-8824-1131⟧ |
""",
# 015 OCR-ish odd spacing
r"""
주 민 등 록 번 호 : ⟦rrn:6 5 0 4 1 2 - 2 0 3 8 5 1 7⟧
성   명 : ⟦name:탁 미 영⟧
주   소 : ⟦address:전 라 북 도 익 산 시 무 왕 로 3 2 1⟧
""",
# 016 no PII, road complaint
r"""
⟪place:김해시⟫ ⟪place:장유동⟫ 방향 ⟪place:이순신대로⟫ 하행선 포트홀이 심각합니다. ⟪date:11월 3일⟫ 오전에 타이어가 찢어졌어요. 도로 보수 언제 하나요?
""",
# 017 complaint about neighbor, names with 씨
r"""
윗집 ⟦address:1203호⟧ 사는 ⟦name:구본석⟧ 씨가 새벽마다 운동기구를 씁니다. 관리소장 ⟦name:임현철⟧ 씨한테 몇 번 말해도 소용없네요. 저는 ⟦address:1103호⟧ ⟦name:황정아⟧입니다.
""",
# 018 card + passport, foreigner refund
r"""
외국인 관광객 환급 문의입니다. 여권번호 ⟦passport:E12098745⟧, 결제카드 ⟦card:4062 1183 5520 7714⟧ (VISA). 성명 ⟦name:Liu Yang⟧ (⟦name:刘洋⟧). 숙소는 ⟦address:서울 중구 명동8길 27 명동게스트하우스 204호⟧ 입니다.
""",
# 019 driver license
r"""
운전면허 행정처분 이의 신청
성명 ⟦name:표상훈⟧ / 면허번호 ⟦driver_license:11-19-372204-61⟧ / 차량 ⟦plate:서울32다8815⟧
단속일시 ⟪date:2025.01.14⟫ 23:10, 장소 ⟪place:올림픽대로 잠실방향⟫
""",
# 020 business owner, brn
r"""
소상공인 재난지원금 누락 문의
상호: ⟪business:다온떡방앗간⟫ / 사업자등록번호 ⟦brn:607-28-41953⟧
대표자: ⟦name:어순자⟧ (휴대폰 ⟦phone:010-2219-4408⟧)
사업장: ⟦address:부산광역시 동래구 충렬대로 181번길 9, 1층⟧
""",
# 021 IP address report
r"""
시청 홈페이지 자유게시판에 제 실명과 사진을 올린 사람이 있습니다. 게시글 작성자 IP가 ⟦ip:211.36.142.87⟧로 표시돼요. 저는 ⟦name:맹수연⟧이고 게시글 삭제를 요청합니다. 연락처 ⟦email:ms.yeon0312 [at] daum.net⟧
""",
# 022 no PII, official names only
r"""
[회신] 문의하신 사항은 자원순환과 ⟪official:조민호⟫ 주무관(⟪office_phone:031-940-4582⟫)이 담당합니다. 대형폐기물 배출 신고는 ⟪org:파주시청⟫ 누리집에서 가능합니다.
""",
# 023 RRN split halves
r"""
주민번호 앞자리는 ⟦rrn:830117⟧이고 뒷자리는 ⟦rrn:2104338⟧이에요. 전화로 불러드리는 거라 적어두세요. 이름은 ⟦name:서문경희⟧예요.
""",
# 024 account with bank, 토스
r"""
장학금 환수 건 관련해서 돌려받을 계좌 알려드립니다. 토스뱅크 ⟦account:1000-4822-7106⟧ 예금주 ⟦name:방유나⟧. 금액은 ⟪amount:150만원⟫ 맞는지 확인 부탁드려요.
""",
# 025 email obfuscated 골뱅이
r"""
답변은 메일로 주세요. ⟦email:kimhs1960골뱅이hanmail.net⟧ 입니다. 전화는 잘 못 받아요. - ⟦name:김형석⟧ 드림
""",
# 026 landlines various area codes
r"""
연락 가능한 번호 적습니다. 집 ⟦phone:051-623-0847⟧, 제주 사는 딸 ⟦phone:064-752-3318⟧, 광주 아들 ⟦phone:062-361-2290⟧, 가게 ⟦phone:070-4412-0938⟧. 낮에는 가게로 주세요.
""",
# 027 1588-style keep + personal number
r"""
택배사(⟪hotline:1588-1255⟫)에서는 주소가 틀렸다고 하는데 주민센터에 등록된 제 주소가 ⟦address:인천 연수구 송도과학로 16번길 33-2, 805동 2301호⟧로 되어 있는지 확인해 주세요. 본인 ⟦name:도경민⟧, ⟦phone:010-5172-9936⟧, 집전화 ⟦phone:(032) 858-4410⟧.
""",
# 028 address across lines
r"""
보내는 사람
⟦name:홍순례⟧
⟦address:강원특별자치도 홍천군 서석면
풍암리 482-3
25151⟧
""",
# 029 no PII, legal question
r"""
⟪law:국민기초생활 보장법⟫ 개정으로 ⟪date:2027년 3월⟫부터 생계급여 기준이 바뀐다고 들었는데 ⟪org:보건복지부⟫ 발표 내용을 알기 쉽게 설명해 주실 수 있나요?
""",
# 030 police complaint, stalking, 070
r"""
모르는 번호 ⟦phone:070-8832-1904⟧에서 하루 수십 통 전화가 옵니다. 전 남자친구 ⟦name:육태준⟧(⟦birth_date:91.07.15⟧생)으로 의심됩니다. ⟪hotline:112⟫에 신고했고 사건번호 ⟪case_no:2025-004412⟫ 받았습니다.
""",
# 031 school, 군/양
r"""
⟪org:다산초등학교⟫ 4학년 ⟦name:이도윤⟧ 군과 ⟦name:하지아⟧ 양이 방과 후 통학로에서 다쳤습니다. ⟪place:정자동⟫ 육교 난간이 부서져 있어요. 학부모 ⟦name:하승범⟧ ⟦phone:010-3007-4419⟧
""",
# 032 electric car plate, apartment charging
r"""
전기차 충전구역에 일반차량 ⟦plate:152가 3381⟧이 계속 주차합니다. 제 차는 ⟦plate:138모 7204⟧(전기차)이고 ⟦address:e편한세상 112동 1504호⟧ 주민입니다.
""",
# 033 no PII, 지하주차장 flood
r"""
장마철마다 ⟪place:지하주차장⟫ 배수펌프가 멈춥니다. 작년 ⟪date:2024. 7. 10.⟫ 침수 때도 ⟪amount:3천만 원⟫ 넘게 피해가 났어요. 구청에서 점검해 주세요.
""",
# 034 passport Korean new format
r"""
여권 재발급 신청했는데 구여권 번호 ⟦passport:M70812436⟧, 신여권 ⟦passport:M012A3456⟧ 중 어느 걸 비자 신청에 써야 하나요? ⟦name:채은호⟧
""",
# 035 driving licence old style
r"""
면허증 잃어버렸습니다. 번호는 기억나는데 ⟦driver_license:경기 98-112407-53⟧ 입니다. 재발급 전에 분실신고부터 해야 하나요.
""",
# 036 migrant worker, Korean transliteration
r"""
통역 요청 메모: 캄보디아 국적 ⟦name:속 피룸⟧ 씨(외국인등록번호 ⟦arn:881022-6******⟧)가 사업장 변경 문의. 동행한 ⟦name:정혜린⟧ 활동가(⟪org:이주민센터 나무⟫) 번호 ⟦phone:010-9381-0274⟧.
""",
# 037 card with label 
r"""
자동차세 카드 결제했는데 이중 결제됐어요. 카드번호 ⟦card:5310-72**-****-8846⟧, 승인일 ⟪date:2025.01.31⟫, 금액 ⟪amount:264,780원⟫. 환불 부탁드립니다. ⟦name:국민혁⟧
""",
# 038 no PII, 서식 with blanks
r"""
성명: (          )
생년월일:     년    월    일
주소: 
연락처: ☎ 
※ 작성 예시는 민원실 1층 게시판을 참고하세요. 문의 ⟪office_phone:031-839-2114⟫
""",
# 039 mother 씨, 만 나이 with birthdate
r"""
저희 어머니 ⟦name:옥정자⟧ 씨가 ⟦birth_date:1949년 12월 7일⟧생, 만 ⟪age:75세⟫이신데 치매안심센터 등록 가능하신가요? 어머니 댁은 ⟦address:경기 김포시 사우중로 74번길 12, 3층⟧입니다.
""",
# 040 phone with odd separators
r"""
연락처 ⟦phone:010ㆍ4402ㆍ1187⟧ 또는 ⟦phone:010/8873/2204⟧ 로 부탁합니다. ⟦name:지은별⟧ 드림.
""",
# 041 report on noise, 여사
r"""
아랫집 ⟦name:윤복희⟧ 여사님이 층간소음 때문에 매일 올라오십니다. 우리집은 아이가 없고 ⟦address:403호⟧에요. 중재 요청합니다.
""",
# 042 lists of names
r"""
마을 경로당 운영위원 명단: 위원장 ⟦name:강판석⟧, 총무 ⟦name:염순덕⟧, 위원 ⟦name:석만길⟧·⟦name:봉춘자⟧·⟦name:하명수⟧. 보조금 정산서 첨부합니다.
""",
# 043 no PII about article
r"""
⟪law:경범죄 처벌법⟫ ⟪article:제3조제1항제11호⟫ 쓰레기 투기 범칙금이 얼마인지 알고 싶습니다. 우리 골목 전봇대 밑에 매일 쓰레기가 쌓여요.
""",
# 044 rrn no hyphen with spaces
r"""
본인확인: 성명 ⟦name:반서윤⟧, 주민번호 ⟦rrn:020815 4123458⟧, 보호자 ⟦name:반석진⟧
""",
# 045 accident report, dates keep
r"""
사고일: ⟪date:2025년 2월 14일⟫
사고장소: ⟪place:제3공영주차장⟫ B2
피해차량: ⟦plate:27누 9014⟧ (소유자 ⟦name:추민지⟧)
가해차량: ⟦plate:경기 82 사 3347⟧ (운전자 미상)
보험사 ⟪hotline:1566-8000⟫ 접수번호 ⟪case_no:250214-03318⟫
""",
# 046 taxi driver private
r"""
택시에 지갑을 두고 내렸습니다. 영수증에 기사님 성함이 ⟦name:용만석⟧, 차량번호 ⟦plate:서울 33 바 2871⟧로 되어있어요. 택시 회사 ⟪business:한결운수⟫에 연락해 봤지만 답이 없습니다.
""",
# 047 email with dot obfuscation
r"""
이메일: ⟦email:jhpark (at) korea (dot) ac (dot) kr⟧ — 스팸 때문에 이렇게 적었습니다. ⟦name:박정현⟧
""",
# 048 no PII, fees question
r"""
정보공개 청구 수수료가 ⟪amount:A4 1매당 250원⟫이라고 들었는데 CD로 받으면 얼마인가요? 접수일은 ⟪date:2025. 3. 4.⟫입니다. 청구인 ⟦name:여은채⟧(⟦email:eunchae.yeo@naver.com⟧)
""",
# 049 long letter with many PII
r"""
존경하는 시장님께

저는 ⟦address:다산시 동구 새터로 42-7⟧에서 40년째 철물점을 하는 ⟦name:모희철⟧입니다. 지난 ⟪date:9월 2일⟫ 도로 확장 공사로 가게 앞 인도가 파헤쳐진 뒤 손님이 끊겼습니다. 공사 감독 ⟪official:윤재혁⟫ 주무관께 두 번 말씀드렸지만 답이 없어 글을 올립니다. 사업자번호는 ⟦brn:408-07-11839⟧이고, 손실 보상 받을 계좌는 ⟦account:110-348-029114⟧(신한)입니다. 연락은 가게 ⟦phone:031) 552-0381⟧, 휴대폰 ⟦phone:010-3340-6612⟧.
""",
# 050 chat with 님
r"""
[채팅상담]
상담원: 성함 확인 부탁드립니다.
고객: ⟦name:현소라⟧요
상담원: ⟦name:현소라⟧ 님, 생년월일 6자리 말씀해 주세요.
고객: ⟦birth_date:930611⟧
상담원: 확인되었습니다. 상담원 ⟪official:임예린⟫입니다.
""",
# 051 hangul-digit rrn, read out
r"""
(녹취록 일부) "주민번호요? ⟦rrn:칠구공사일이 다시 일공팔삼이이오⟧요. 이름은 ⟦name:도 재 훈⟧, 도 씨에 재물 재, 공 훈이요."
""",
# 052 no PII, money & case
r"""
민원 접수번호 ⟪case_no:1AA-2503-0098712⟫ 처리 결과 통지서에 금액이 ⟪amount:87,400원⟫으로 나와 있는데 고지서에는 ⟪amount:78,400원⟫입니다. 어느 쪽이 맞나요?
""",
# 053 nursing home visit record
r"""
방문자 명단 (⟪date:2025.04.02⟫)
1. ⟦name:소재민⟧ (보호자, ⟦phone:010-2203-8814⟧)
2. ⟦name:소윤정⟧ (딸)
3. ⟦name:Maria Dela Cruz⟧ (요양보호사, ⟪org:○○재가센터⟫)
입소자: ⟦name:소병철⟧ 어르신 (⟦birth_date:1938. 1. 9.⟧)
""",
# 054 plate motorcycle, delivery
r"""
배달 오토바이 ⟦plate:서울강남 사 4127⟧가 인도로 질주합니다. ⟪place:역삼역 3번 출구⟫ 앞이에요. 매일 오후 6시쯤.
""",
# 055 multi-phone formats with 내선
r"""
회신 번호: ⟦phone:(02)3481-7720⟧ 내선 ⟪ext:205⟫ (회사), 급하면 ⟦phone:01047723391⟧
""",
# 056 no PII - keep org with name syllables
r"""
⟪org:김포시청⟫ 주차장 말고 ⟪place:박석고개⟫ 공영주차장에 차를 대도 되나요? ⟪place:이화동 벽화마을⟫ 가려고 합니다.
""",
# 057 lease deposit, landlord name
r"""
집주인 ⟦name:탁기영⟧ 씨가 보증금 ⟪amount:5,000만원⟫을 안 돌려줍니다. 계약한 집은 ⟦address:서울 관악구 신림동 1532-14 지하 1층⟧이고 계약일 ⟪date:2023.03.10⟫, 만기 ⟪date:2025.03.09⟫. 집주인 번호 ⟦phone:010-5513-0097⟧. 저는 ⟦name:백아름⟧.
""",
# 058 unemployment, birth in Korean format
r"""
⟦name:봉현우⟧ / ⟦birth_date:'86년 10월 21일⟧ / 실업급여 수급 중 취업 신고를 늦게 해서 부정수급이라는데 억울합니다.
""",
# 059 obfuscated phone in text
r"""
문자 주세요. ⟦phone:공일공 팔팔삼사 칠칠영구⟧요. 숫자로 쓰면 ⟦phone:010-8834-7709⟧ 입니다.
""",
# 060 welfare, four-syllable name, 독고
r"""
긴급복지 신청자 ⟦name:독고영재⟧(⟦birth_date:1967-08-30⟧), 실직 후 월세 3개월분 체납. 거주지 ⟦address:경남 창원시 마산합포구 3·15대로 210, 가동 103호⟧. 담당 ⟪official:정수빈⟫ 사회복지주무관.
""",
]
