"""Hand-written texts c8-061 .. c8-120 (see pii_heldout8_build.py for the marker syntax)."""

TEXTS = [
# 061 정보공개 청구서
r"""
정보공개 청구서
청구인 성명: ⟦name:사공미란⟧   생년월일: ⟦birth_date:1975.11.02⟧
주소: ⟦address:(우)28644 충청북도 청주시 서원구 사직대로 137, 201동 504호⟧
전화: ⟦phone:043-274-1186⟧   휴대: ⟦phone:010-4410-7739⟧
청구 내용: ⟪date:2024년⟫ ⟪org:청주시⟫ 가로수 정비 용역 계약서 및 준공검사 조서 일체
공개 방법: 전자우편 (⟦email:mrsagong@kakao.com⟧)
""",
# 062 위임장
r"""
위 임 장
위임하는 사람: ⟦name:황보순기⟧ (⟦rrn:520304-1023815⟧)
주소: ⟦address:경상남도 밀양시 삼랑진읍 송지리 산 12번지⟧
위임받는 사람: ⟦name:황보경태⟧ (관계: 아들, 연락처 ⟦phone:055-352-7781⟧)
위임 내용: 농지취득자격증명 발급 신청 및 수령
⟪date:2025년 3월 17일⟫ 위임인 ⟦name:황보순기⟧ (인)
""",
# 063 영상정보 열람 청구
r"""
CCTV 열람 청구합니다. 촬영일시 ⟪date:2025.05.03⟫ 21:40경, 장소 ⟪place:다산시청 앞 버스정류장⟫. 제 자전거를 가져간 사람을 찾으려 합니다. 청구인 ⟦name:엄태식⟧, ⟦phone:010-9940-1283⟧, 경찰 사건 접수번호 ⟪case_no:2025-002981⟫.
""",
# 064 no PII, 사업안내
r"""
⟪org:국민건강보험공단⟫(⟪hotline:1577-1000⟫) 말고 시청에서도 건강보험료 감면 상담이 되나요? ⟪org:국민연금공단⟫ ⟪hotline:1355⟫도 같이 안내 부탁드립니다.
""",
# 065 Excel TSV copy with tabs
"""
순번\t성명\t연락처\t주소
1\t⟦name:나경희⟧\t⟦phone:010-3391-2207⟧\t⟦address:세종특별자치시 한누리대로 2130, 1503동 802호⟧
2\t⟦name:우지훈⟧\t⟦phone:044-862-0941⟧\t⟦address:세종시 조치원읍 신흥리 55-3⟧
3\t⟦name:계민서⟧\t⟦phone:010-7788-0315⟧\t⟦address:세종시 아름동 범지기마을 10단지 1007-1901⟧
""",
# 066 elderly, dialect, no spaces
r"""
면장님보이소 내는⟦address:경북청도군각북면남산리412⟧사는⟦name:박분이⟧인데예 마을회관지붕이새가꼬 비만오믄 물이뚝뚝 떨어집니더 이장⟦name:김팔용⟧이한테 말해도 안되니더 ⟦phone:054-372-4419⟧로 연락주이소
""",
# 067 email signature
r"""
검토 부탁드립니다.

--
⟦name:Sophie Kim⟧ (⟦name:김소피아⟧)
Project Manager | ⟪business:Lumen Design Studio⟫
M. ⟦phone:+82-10-2291-7738⟧
E. ⟦email:sophie.kim@lumendesign.co.kr⟧
""",
# 068 no PII, 조례 question
r"""
⟪law:파주시 개인정보 보호 조례⟫ ⟪article:제14조⟫에 수수료 규정이 있던데 열람 청구하면 수수료를 내야 하나요? ⟪place:운정신도시⟫ 주민입니다.
""",
# 069 SMS scam report with 080 keep and personal
r"""
[Web발신]
(광고) 저금리 대환대출! 수신거부 ⟪hotline:080-855-1234⟫
위 문자에 나온 상담 번호 ⟦phone:010-5827-3304⟧로 전화했더니 제 카드번호 ⟦card:9410-3372-8810-5564⟧를 물어봤습니다. 보이스피싱 같아요. 신고자 ⟦name:남윤정⟧.
""",
# 070 building permit
r"""
건축허가 관련 민원
대지위치: ⟦address:경기도 양평군 서종면 문호리 713-2⟧
건축주: ⟦name:어진혁⟧
설계자: ⟪business:(주)한울건축사사무소⟫ 건축사 ⟦name:고은비⟧ (⟦phone:031-774-2093⟧)
대지면적 ⟪measure:661㎡⟫, 연면적 ⟪measure:198.4㎡⟫
""",
# 071 school violence, parent, two-syllable name
r"""
우리 애 ⟦name:하늘⟧이가 같은 반 ⟦name:정우⟧한테 계속 괴롭힘을 당했어요. 담임 ⟪official:오세린⟫ 선생님은 별일 아니라고만 하시네요. 학교폭력 신고 절차 알려주세요. 엄마 ⟦name:문채원⟧.
""",
# 072 no PII, pure statistics
r"""
⟪date:2024년⟫ 우리 구 민원 처리 건수와 평균 처리 기간을 공개해 주세요. ⟪org:행정안전부⟫ 통계와 비교하고 싶습니다.
""",
# 073 fishing village, 읍면리, landline 061
r"""
어촌계장 ⟦name:선영철⟧입니다. ⟦address:전남 완도군 금일읍 동백리 88⟧ 앞 방파제가 태풍에 무너졌어요. 사무실 ⟦phone:061-553-2870⟧, 휴대 ⟦phone:010-3115-9042⟧.
""",
# 074 gas safety, meter no keep, 1544 hotline
r"""
도시가스 누설 점검 요청. 계량기 번호 ⟪keep_id:GM-20451187⟫, 사용자 ⟦name:편영란⟧, 주소 ⟦address:대구 수성구 들안로 55길 17-3 (수성동2가)⟧, 연락처 ⟦phone:053)764-2281⟧. 가스회사 ⟪hotline:1544-4500⟫은 통화량이 많다고만 나옵니다.
""",
# 075 handwritten form OCR with odd chars
r"""
성 명 ⟦name:제갈 현 수⟧
연 락 처 ⟦phone:O1O-2847-5512⟧
생 년 월 일 ⟦birth_date:1990 . 06 . 17⟧
""",
# 076 business registration with corporate number
r"""
법인 사업자 ⟪business:(주)푸른들농산⟫ (사업자등록번호 ⟦brn:134-81-55207⟧) 대표이사 ⟦name:권태민⟧. 농산물 직거래 장터 참가 신청서 제출합니다. 담당자 ⟦name:유가은⟧ 과장 ⟦phone:031-8041-3372⟧ / ⟦email:gaeun.yu@purundeul.kr⟧
""",
# 077 no PII, 지명 with name-like syllables
r"""
⟪place:박달동⟫에서 ⟪place:안양역⟫ 가는 마을버스 ⟪route:5-1번⟫ 배차 간격이 너무 깁니다. ⟪place:김유정역⟫ 쪽 노선처럼 늘려 주세요.
""",
# 078 phone memo, callback with shorthand
r"""
콜백요청) ⟦name:채성훈⟧ 님 ⟦phone:010 2034 8871⟧ — 주차권 환불, 오후 2시 이후 통화 원함. 메모 ⟪official:신지아⟫
""",
# 079 ARN no hyphen, foreign spouse
r"""
결혼이민자 ⟦name:Tran Thi Hoa⟧(⟦name:쩐 티 호아⟧), 외국인등록번호 ⟦arn:9304126123457⟧, 남편 ⟦name:석동민⟧(⟦phone:010-4021-5563⟧). 한국어 교실 등록 희망.
""",
# 080 stray dog, no PII
r"""
⟪place:황산공원⟫ 산책로에 목줄 없는 대형견 두 마리가 돌아다닙니다. 아이들이 무서워해요. ⟪date:어제 오후 5시⟫쯤에도 봤습니다. 신고자 연락처 ⟦phone:055 - 381 - 4402⟧
""",
# 081 name with 님 in the middle of list, 4-syllable
r"""
자원봉사 확인서 발급 대상: ⟦name:남궁성호⟧ 님, ⟦name:김나래⟧ 님, ⟦name:진보람⟧ 님 (각 ⟪measure:12시간⟫)
""",
# 082 visit record with 본인확인, driver license as ID
r"""
[본인확인 기록] 신분증: 운전면허증 ⟦driver_license:26-17-048823-90⟧ / 성명 ⟦name:지민호⟧ / 주민번호 뒷자리 확인 완료 / 확인자 ⟪official:백현정⟫
""",
# 083 card with dots and label
r"""
결제하신 카드: 신한 ⟦card:4518.7702.1139.6620⟧ 유효기간 08/27 — 과오납 환급은 카드 취소로 처리됩니다.
""",
# 084 address with comma and parenthetical, across lines
r"""
주소지 변경 신고합니다.
구 주소: ⟦address:서울시 은평구 통일로 684,
1동 203호(녹번동)⟧
신 주소: ⟦address:경기 고양시 덕양구 화정로 65, 702동 1105호⟧
신고인 ⟦name:여태경⟧
""",
# 085 no PII, parking fine inquiry using plate-like numbers that are not plates
r"""
과태료 고지서 번호 ⟪case_no:2025-0314-0021⟫ 건은 납부 기한이 ⟪date:2025.04.30⟫까지인데 ⟪amount:32,000원⟫ 감경이 되나요? 의견진술 기한을 놓쳤습니다.
""",
# 086 police, missing person, elderly father
r"""
아버지 ⟦name:모상철⟧(⟦birth_date:1941년 4월 8일⟧생, 치매)이 오늘 아침 ⟦address:경기 남양주시 진접읍 장현로 120번길 34⟧ 집을 나가서 안 돌아오십니다. 인상착의는 회색 점퍼. 딸 ⟦name:모은주⟧ ⟦phone:010-6611-2039⟧.
""",
# 087 environment complaint, factory and official
r"""
⟪place:반월공단⟫ ⟪business:대성화학⟫ 공장에서 밤마다 악취가 납니다. 환경과 ⟪official:최성민⟫ 팀장님 현장 점검 부탁드립니다. 주민 ⟦name:곽지영⟧(⟦address:안산시 단원구 원곡동 893-11, 301호⟧).
""",
# 088 landline 033/041/063 and 1600
r"""
강릉시청(⟪office_phone:033-640-4114⟫)이랑 천안시청(⟪office_phone:041-521-2114⟫) 중 어디에 이관 신청을 해야 하나요? 서류에 적힌 부모님 댁 번호 ⟦phone:063-852-4417⟧로는 연락 주지 마시고 제 휴대폰 ⟦phone:010-3920-5518⟧로 주세요.
""",
# 089 birth date with day-of-week and lunar
r"""
출생신고 늦게 해서 과태료 문의. 아기 이름 ⟦name:강다온⟧, 출생일 ⟦birth_date:2025년 1월 27일⟧(월). 아빠 ⟦name:강준혁⟧ 엄마 ⟦name:이서연⟧.
""",
# 090 apartment manager, bare dong-ho
r"""
⟦address:103동 1501호⟧ 베란다에서 담배꽁초가 떨어집니다. 관리사무소 소장님도 어쩔 수 없다고 하시네요.
""",
# 091 English with Korean address
r"""
Hello, I am ⟦name:Ahmed Rahman⟧, a student at ⟪org:Chungnam National University⟫. I live at ⟦address:99 Daehak-ro, Yuseong-gu, Daejeon 34134⟧. My ARC number is ⟦arn:000512-7******⟧. Can I get the COVID-19 vaccination record in English? Tel. ⟦phone:010.8832.4019⟧
""",
# 092 no PII, 지하주차장 + 제2 keeps
r"""
⟪place:제2종합운동장⟫ ⟪place:지하주차장⟫ 조명이 절반 넘게 꺼져 있습니다. 여성 이용자들이 무섭다고 합니다. - 이용자 ⟦name:선우미나⟧
""",
# 093 RRN full with spaces around hyphen, in parentheses, name with 씨
r"""
사망신고 관련: 고인 ⟦name:인순옥⟧ 씨 (⟦rrn:370519 - 2******⟧), 신고인 장남 ⟦name:유재성⟧ (⟦rrn:650822-1847216⟧)
""",
# 094 kakao open chat, IP and nickname
r"""
단톡방에서 제 번호 ⟦phone:010-2290-6618⟧을 퍼뜨린 사람 신고합니다. 닉네임은 '달빛고양이'이고 운영자 말로는 접속 IP가 ⟦ip:175.223.19.4⟧이랍니다.
""",
# 095 farm subsidy, account with 축협 and 새마을금고
r"""
농업직불금 지급 계좌 변경 신청
농업인 ⟦name:방춘식⟧ / 기존 ⟦account:301-0128-4471-21⟧(⟪bank:농협⟫) → 변경 ⟦account:9002-1887-4410-3⟧(⟪bank:새마을금고⟫)
경작지: ⟦address:전북 김제시 백구면 영상리 512-1⟧ 외 2필지
""",
# 096 no PII, reading article
r"""
⟪law:공무원 징계령 시행규칙⟫ 별표에 음주운전 징계기준이 있다던데 처음 적발되면 어느 정도 징계인가요? 신문 기사 보고 궁금해서요.
""",
# 097 phone given in Hangul words with 다시
r"""
번호 불러드릴게요 ⟦phone:공일공 다시 삼칠이일 다시 구팔공사⟧. 이름은 ⟦name:전민재⟧.
""",
# 098 school meal complaint with teacher keep and child names
r"""
⟪org:한빛중학교⟫ 급식에서 이물질이 나왔습니다. 저희 아이 ⟦name:임서진⟧(2학년 3반)이 사진 찍어 왔어요. 영양교사 ⟪official:나은경⟫ 선생님께 전달 부탁드립니다. 아빠 ⟦name:임태성⟧ ⟦phone:010-9014-3372⟧
""",
# 099 passport Philippines + US
r"""
Passport No.: ⟦passport:P4481207A⟧ (Philippines) / US passport ⟦passport:548192037⟧ of my husband ⟦name:John Carter⟧
""",
# 100 no PII, 민원 process question
r"""
⟪org:국민권익위원회⟫ 고충민원으로 넣었는데 ⟪period:60일⟫ 넘게 답이 없습니다. 처리기간 연장 통지도 못 받았어요. 신청인 ⟦name:독고민⟧, 접수번호 ⟪case_no:2CA-2502-0004417⟫.
""",
# 101 semi-public roles, 부녀회장, 공인중개사
r"""
부녀회장 ⟦name:권순애⟧ 씨가 관리비 통장을 개인적으로 쓴다는 소문이 있습니다. 공인중개사 ⟦name:한동석⟧ 대표(⟪business:행복공인중개사사무소⟫ ⟦phone:02-3409-7781⟧)도 알고 있어요.
""",
# 102 OCR with broken line in phone and address
r"""
신청인 ⟦name:육 선 희⟧
주소 ⟦address:경기도 의정부시 시민로 80 번길
23-5 (의정부동)⟧
전화 ⟦phone:010 - 6627 - 1390⟧
""",
# 103 tax e-mail, with brn without hyphens
r"""
안녕하세요, 세무사 ⟦name:표지원⟧입니다. 고객 ⟦name:송현우⟧ 님(사업자번호 ⟦brn:2150817734⟧)의 지방소득세 경정청구 건 문의드립니다. 회신은 사무실 ⟦phone:02-558-3301⟧ 또는 ⟦email:jw.pyo@taxpyo.co.kr⟧ 로 부탁드립니다.
""",
# 104 no PII, official only + office address
r"""
주민공유공간 대관은 ⟪office_address:다산시 중앙로 100 시청 본관 2층⟫ 자치행정과에서 접수합니다. 담당 ⟪official:송하늘⟫ 주무관 ⟪office_phone:031-990-2231⟫.
""",
# 105 name in question as a joke/historical, keep
r"""
⟪place:세종대로⟫ ⟪historical:이순신⟫ 장군 동상 앞 분수대가 고장 났어요. 제 딸 ⟦name:윤하⟧가 발을 다쳤습니다. 연락처 ⟦phone:010-5003-2281⟧.
""",
# 106 phone with + and parentheses, emigrant
r"""
해외 체류 중이라 전화는 ⟦phone:+1 (647) 555-0193⟧ 로 주시거나 카톡 주세요. 국내 대리인 동생 ⟦name:설미경⟧ ⟦phone:010-4490-2715⟧.
""",
# 107 accident witness statement
r"""
목격자 진술: ⟪date:2025.06.11⟫ 18:25 ⟪place:김해시 내외동 사거리⟫에서 ⟦plate:부산 70 바 3456⟧ 버스와 ⟦plate:59도 0421⟧ 승용차 충돌. 저는 목격자 ⟦name:기현석⟧, 연락처 ⟦phone:055-331-9902⟧.
""",
# 108 no PII, multiple keeps law & article
r"""
⟪law:행정심판법 시행령⟫ ⟪article:제16조의2⟫ 국선대리인 신청하려면 소득 기준이 있나요? 청구 기한은 ⟪period:처분을 안 날부터 90일⟫이라고 알고 있습니다.
""",
# 109 chat between siblings transcribed, names given-only
r"""
[문자 내용]
언니: ⟦name:지현⟧아 엄마 수술 동의서 네가 서명했어?
나: 응 ⟦name:재석⟧ 오빠가 못 와서
언니: 병원에서 보호자 주민번호 달래서 내꺼 ⟦rrn:870224-2******⟧ 적어줬어
""",
# 110 electric plate and 충전카드
r"""
공영충전소 결제에 쓴 신용카드 분실. 카드번호 ⟦card:9430 0218 3374 9951⟧, 차량 ⟦plate:123더4567⟧(개인 전기차). 소유자 ⟦name:빈다혜⟧
""",
# 111 complaint about official (official name still keep) by citizen with name
r"""
민원실 ⟪official:김철수⟫ 팀장님이 불친절하다는 게 아니라 오히려 친절하셨다는 칭찬 글입니다. 제 이름은 ⟦name:방소윤⟧이에요.
""",
# 112 postcode on separate line, bracket form
r"""
[수령인]
⟦name:주영호⟧ 귀하
⟦address:[63309] 제주특별자치도 제주시 연삼로 473,
2층 204호⟧
""",
# 113 no PII, mixed English
r"""
Is the ⟪org:Seoul Global Center⟫ open on Saturdays? I need help with a ⟪doc:residence certificate⟫ for my visa extension. My number is ⟦phone:010 3381 9027⟧.
— ⟦name:Priya Nair⟧
""",
# 114 rural, no spaces in address with dong-ri and phone 043
r"""
⟪org:괴산군청⟫ 농정과에 전화했더니 여기로 하라고 해서요. 저는 ⟦address:괴산군 칠성면 사은리 310-2⟧ ⟦name:어대식⟧이고 집전화 ⟦phone:043 832 1170⟧입니다. 멧돼지 피해 보상 신청하려고요.
""",
# 115 birth date in form 'D.O.B'
r"""
Name: ⟦name:Bakhyt Serikov⟧ / D.O.B: ⟦birth_date:14 MAR 1989⟧ / Nationality: KAZ / Passport: ⟦passport:N12773406⟧
""",
# 116 student loan, account 카카오뱅크 with starred part
r"""
환불계좌 카카오뱅크 ⟦account:3333-12-*****88⟧ (예금주 ⟦name:석하린⟧) — 앞에 몇 자리는 가렸어요. 전체 번호는 통화로 드릴게요.
""",
# 117 no PII, fee for hall rental
r"""
⟪place:주민자치센터⟫ 다목적실 대관료가 ⟪amount:1시간에 1만원⟫으로 올랐다는데 ⟪date:2027년 1월 1일⟫부터인가요? 봉사단체는 감면된다고 들었습니다.
""",
# 118 memo with multiple persons and roles, 통장
r"""
[현장 방문] ⟪date:2025.07.22⟫ ⟪place:정자1동⟫ 경로당
- 참석: 통장 ⟦name:민경자⟧, 노인회장 ⟦name:길용태⟧, 주민 ⟦name:국순임⟧ 할머니
- 요청: 에어컨 교체 (견적 ⟪amount:2,150,000원⟫)
- 동 담당 ⟪official:한재원⟫ 주무관 동행
""",
# 119 SMS with phone in brackets and email with hyphen user
r"""
[발신: ⟦phone:010-9288-0417⟧]
주무관님, 서류 스캔본은 ⟦email:yoon-ha.seo@outlook.com⟧으로 보냈습니다. ⟦name:서윤하⟧ 올림.
""",
# 120 no PII, 112-like numbers but not PII
r"""
⟪date:2025. 8. 15.⟫ 광복절 행사로 ⟪place:중앙로⟫ 차량 통제가 있나요? 교통정보센터 ⟪hotline:1644-5000⟫ 안내가 잘 안 돼서 문의합니다.
""",
]
