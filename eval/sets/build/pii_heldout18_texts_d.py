# c18-085 .. c18-110
WRONG_OK = ['c18-085', 'c18-096']  # writers' own wrong ARN (085) / BRN (096), corrected in the same text
TEXTS = [
# 085 Filipino caregiver, birth in DD/MM/YYYY
"""Good day po. I'm ⟦n:Maricel Bautista⟧, caregiver for ⟦n:함영자⟧ halmeoni. Her 장기요양 card address is ⟦a:서울 노원구 상계로 1길 34, 2층⟧. My ARC ⟦arn:870521-6903126⟧ wait no ⟦arn:870521-6903121⟧. My birthday ⟦b:21/05/1987⟧. Call ⟦p:010 4418 2093⟧ po.""",
# 086 no PII
"""⟪place:보건소⟫ 독감 예방접종 예약이 ⟪date:11월 20일⟫에 마감됐다는데 아직 물량이 남았다는 얘기가 있어요. 추가 접수하는지요?""",
# 087 spaced hyphen phone, birth in 년월일 with 생 after, address with 호 only
"""⟦n:석주원⟧ ⟦b:1979년 12월 1일⟧ 생 입니다. 연락처 ⟦p:010 - 4471 - 8829⟧. 집은 ⟦a:인천 미추홀구 주안로 84, 3층 302호⟧. 주민세 납부했는데 체납으로 나와요. 영수증번호 ⟪keep_id:R-2511-88214⟫""",
# 088 memo, driver licence in table
"""[면허 행정처분 이의 검토]
| 성명 | ⟦n:제갈윤호⟧ |
| 면허번호 | ⟦dl:대구 08-004517-33⟧ |
| 주소 | ⟦a:대구 수성구 동대구로 116, 1207호⟧ |
| 생년월일 | ⟦b:1971. 3. 9.⟧ |
| 처분 | ⟪duration:면허정지 40일⟫ |
검토자 ⟪official:양은서⟫""",
# 089 no PII
"""⟪program:어르신 무료 급식⟫ 메뉴표 글씨가 너무 작아요. ⟪place:복지관 1층 식당⟫ 앞 게시판에 크게 붙여주세요.""",
# 090 Korean with typo 'naver.con' and phone without separators
"""회신 메일 ⟦e:ssoyeon0412@naver.con⟧ 아 오타 ⟦e:ssoyeon0412@naver.com⟧ 이요. 폰 ⟦p:01038452210⟧. 이름 ⟦n:명소연⟧""",
# 091 elderly father's RRN with spaces + card welfare
"""아버지 ⟦n:탁상수⟧ 주민번호 ⟦r:440 315 1022 310⟧ 로 복지카드 ⟦c:9410-3304-1178-2267⟧ 재발급 대리 신청하려 합니다. 대리인 ⟦n:탁은영⟧ ⟦p:031-8012-5549⟧""",
# 092 no PII with amounts and law
"""⟪law:주차장법 시행규칙 제6조⟫ 기준으로 장애인 전용구역 폭이 ⟪amount:3.3미터⟫ 이상이어야 하는데 ⟪place:시립 수영장⟫ 주차장은 좁아 보입니다.""",
# 093 WhatsApp-like English chat with Korean address
"""[Chat] Hi, this is ⟦n:Chloe Bennett⟧ from ⟦a:203호⟧. The landlord Mr. ⟦n:Gu⟧ said trash pickup day changed? Our address ⟦a:12-7, Hannam-daero 20-gil, Yongsan-gu⟧. Email me ⟦e:chloe.bennett.kr@outlook.com⟧""",
# 094 call centre, account read in Hangul, name spelled
"""상담원: 입금받으실 계좌 불러주세요.
고객: 농협이고요 ⟦ac:삼오이 공일이삼 사오육칠 팔구⟧요.
상담원: 예금주는요?
고객: ⟦n:진보람⟧이요. 생년월일은 ⟦b:구공공팔이육⟧.
상담원: 네 ⟪duration:3영업일⟫ 내 입금됩니다.""",
# 095 no PII
"""⟪place:구립 어린이집⟫ 앞 과속방지턱 도색이 다 벗겨졌어요. 밤엔 안 보입니다.""",
# 096 business owner, landline 055, BRN, card terminal
"""⟦a:경남 통영시 중앙로 118⟧ 횟집 ⟦n:서봉구⟧입니다. 사업자 ⟦brn:6080154412⟧ 아니 ⟦brn:608-01-54419⟧ 맞습니다. ⟪program:착한가격업소⟫ 지정 신청합니다. ⟦p:055-645-3318⟧""",
# 097 family register with ages and dates
"""가족관계: 부 ⟦n:엄태문⟧(⟦b:1955.7.7⟧, 71세), 모 ⟦n:신복희⟧(⟦b:1958.2.14⟧), 본인 ⟦n:엄지나⟧(⟦b:1984.10.30⟧). 부모님 모두 ⟦a:경북 안동시 풍산읍 하리 33⟧ 거주. 부 연락처 ⟦p:054-858-2274⟧, 제 연락처 ⟦p:010-4420-1187⟧.""",
# 098 no PII official praise
"""⟪official:차윤희⟫ 주무관님 덕분에 ⟪program:주거급여⟫ 서류를 한 번에 냈습니다. ⟪office_phone:054-840-6114⟫로 감사 전화도 드렸어요.""",
# 099 plates variety and driver
"""불법주정차 신고합니다. ⟦pl:123가 4567⟧ 그리고 ⟦pl:경기70바1234⟧ 두 대가 ⟪place:소방차 전용구역⟫에 ⟪time:오후 6시부터⟫ 서 있었어요. 신고인 ⟦n:남궁혜진⟧""",
# 100 RRN in a paragraph no hyphen; child of 2000s
"""딸 ⟦n:표가은⟧ 주민번호 ⟦r:1203054408917⟧ 로 아동수당 신청이 안 된다고 나와요. 저는 ⟦n:표성훈⟧, 주소 ⟦a:충남 천안시 동남구 신부동 462-11 그린빌 B01호⟧. 제 주민번호는 ⟦r:800914 1223451⟧, 전화 ⟦p:041-557-9023⟧.""",
# 101 no PII
"""⟪event:전국체전⟫ 기간 동안 ⟪place:종합운동장⟫ 주변 임시 주차장 위치를 알려주세요. ⟪date:10월 17일⟫부터요.""",
# 102 abbreviated 시도, Jeju address, phone 064
"""제주 ⟦a:제주시 노형동 925 한화꿈에그린 209동 1701호⟧ ⟦n:부현정⟧. 집전화 ⟦p:064)742-5581⟧. 감귤 택배 지원 신청 결과가 궁금합니다. 택배 받을 곳은 어머니 댁 ⟦a:제주 서귀포시 대정읍 하모리 1043-2⟧ 입니다.""",
# 103 youth chat with emoji style, birth 생일
"""ㅎㅇ 저 ⟦n:변하람⟧인데요 청소년증 생일이 ⟦b:0607⟧로 잘못 나옴;; 원래 ⟦b:2009년 6월 17일⟧ 이에요 ㅠ 번호 ⟦p:010.7742.0091⟧""",
# 104 landlord dispute with two addresses
"""임대인 ⟦n:하태영⟧ 씨가 보증금 ⟪amount:2천만원⟫을 안 줍니다. 임대인 주소 ⟦a:서울시 강서구 화곡로 302, 5층⟧, 제 전 주소 ⟦a:서울 강서구 까치산로 7길 13-4 지층⟧. 저 ⟦n:구민영⟧ ⟦p:02-2604-3318⟧""",
# 105 no PII
"""⟪place:도서관 주차장⟫ 출입 차단기 높이가 낮아서 승합차가 못 들어가요. 2미터 넘는 차도 쓸 수 있게 해주세요. 제 캠핑카 ⟦pl:경기 83 허 5102⟧ 도 못 들어갑니다.""",
# 106 international phone +82 with 0 kept, wife's passport
"""Hello, my wife ⟦n:Nguyen Thi Lan⟧ renewing visa. Her passport ⟦pp:C7204418⟧, she was born ⟦b:1995年 3月 18日⟧. Our home ⟦a:전남 영암군 삼호읍 용앙리 1721-5⟧. Me ⟦n:곽성민⟧, phone ⟦p:+82 (0)10-4417-9921⟧ Her ARC ⟦arn:950318-6327155⟧.""",
# 107 internal memo of 동주민센터 about a lonely elderly, keeps and PII
"""[안부확인 메모] ⟪date:12/4⟫ 방문. ⟦n:황보말숙⟧ 어르신(⟦b:37년⟧생) ⟦a:여수시 돌산읍 평사리 52⟧ 자택. 조카 ⟦n:황보진⟧ ⟦p:061-644-2217⟧ 연락됨. 담당 ⟪official:윤채원⟫, 다음 방문 ⟪date:12/18⟫. 어르신 생신 음력 ⟦b:9월 9일⟧에 이웃들이 떡 돌리기로 함.""",
# 108 no PII
"""⟪law:민법 제750조⟫ 손해배상 관련해 구청에서 상담해주는 곳이 있나요? ⟪program:마을변호사⟫ 제도가 있다던데요.""",
# 109 card number in a payment dispute without spaces and account
"""사우나 회원권 환불. 결제카드 ⟦c:5310887412025532⟧ 취소가 안 된다면 부산은행 ⟦ac:101-2045-8812-07⟧ 으로. ⟦n:도화순⟧ 회원번호 ⟪keep_id:SA-00417⟫, 주소 ⟦a:부산 동래구 온천장로 107번길 22, 402호⟧""",
# 110 tables of volunteers, mixed
"""자원봉사 명단
⟦n:윤서아⟧ | ⟦p:010-2281-0047⟧ | ⟦e:seoa.yoon@icloud.com⟧
⟦n:김도하⟧ | ⟦p:010-2281-0074⟧ | 이메일 없음
⟦n:나건우⟧ | ⟦p:032-561-7780⟧ | ⟦e:gunwoo_na@hanmail.net⟧
집결: ⟪place:송도 센트럴파크 정문⟫ ⟪time:09:00⟫""",
]
