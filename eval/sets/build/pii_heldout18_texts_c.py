# c18-057 .. c18-084
TEXTS = [
# 057 handwritten-style letter without spacing, elderly
"""면장님께 올립니다 나는⟦a:충북괴산군칠성면사은리 203⟧에사는 ⟦n:방갑순⟧이요 팔십여섯살이고 ⟦b:사십년 정월 스무날⟧생이오 보일러기름값지원 올해는왜안나오는지 알려주소 딸번호는 ⟦p:공일공 삼삼팔일 이공구칠⟧이요""",
# 058 no PII
"""⟪place:동네 체육공원⟫ 철봉 하나가 흔들려요. 볼트가 빠진 것 같습니다. 아이들이 매달리다 다칠까 걱정이에요.""",
# 059 form with labels after values
"""⟦n:곽지환⟧ (성명)
⟦b:1983. 1. 30.⟧ (생년월일)
⟦a:울산 남구 삼산로 274, 9층⟧ (사업장 주소)
⟦p:052-258-7731⟧ (사무실)
위 사람은 ⟪program:청년창업 임차료 지원⟫을 신청합니다.
대표자 주민등록번호 ⟦r:830130-1047211⟧ / 사업자등록번호 ⟦brn:610-23-88419⟧""",
# 060 passport of Chinese + ARN
"""我是 ⟦n:王海燕⟧（⟦n:왕하이옌⟧）。결혼이민 체류연장 서류 문의드려요. 여권 ⟦pp:EJ4410382⟧, 외국인등록번호 ⟦arn:880311-6215479⟧, 남편 ⟦n:송기범⟧ ⟦p:010-8814-3320⟧. 집 ⟦a:경기 화성시 봉담읍 동화길 48, 203호⟧.""",
# 061 card 15-digit Amex written unusual grouping
"""해외결제 수수료가 이중으로 나갔습니다. 아멕스 ⟦c:3759 876543 21004⟧ 본인 ⟦n:임준서⟧. ⟪amount:US$ 42.10⟫ 두 번.""",
# 062 driver licence with region name no spaces
"""면허증 분실신고 합니다. 면허번호 ⟦dl:부산10-553018-20⟧, 성명 ⟦n:하동진⟧, 생일 ⟦b:11월 3일⟧, 연락처 ⟦p:+82-10-2287-6153⟧ 예전 면허증엔 ⟦dl:12-10-553018-20⟧ 처럼 숫자로만 적혀 있었어요.""",
# 063 no PII, event date and figures
"""⟪date:2026년 1월 10일⟫ 열리는 ⟪event:신년 해맞이 행사⟫ 셔틀버스 시간표 좀 올려주세요. 작년엔 ⟪time:오전 5시⟫ 첫차였는데요.""",
# 064 SMS scam report with scammer number & account
"""이런 문자가 왔어요 '[국외발신] 어머니 나 폰 고장나서 이 번호로 연락해 ⟦p:010-7734-0021⟧ 급하게 국민 ⟦ac:948102-01-337415⟧ 로 ⟪amount:180만원⟫만 보내줘' 아들 이름까지 ⟦n:혁수⟧라고 썼어요. 저는 ⟦n:천미자⟧.""",
# 065 internal memo with official names and citizen
"""(협조) 가족관계 정정 건. 담당 ⟪official:정지원⟫(⟪office_phone:내선 2215⟫). 신청인 ⟦n:소병구⟧ 주민번호 ⟦r:560907 - 1482036⟧, 정정 대상 모 ⟦n:소막례⟧ 출생년월일 ⟦b:1929. 04. 08⟧ → ⟦b:1931. 04. 08⟧.""",
# 066 no PII
"""⟪place:하천 산책로⟫ 자전거 과속이 심해요. 속도제한 표지판이라도 세워주세요. 밤에는 조명도 어둡고요. 지난주 제 아들 ⟦n:여준서⟧(⟦b:2014년 4월 2일⟧생)이 부딪혀 다쳤습니다.""",
# 067 Hangul phone mixed digits
"""연락처는 ⟦p:공일공-이칠사삼-5521⟧ 아 헷갈리시죠, 숫자로 ⟦p:010-2743-5521⟧ 입니다. 이름은 ⟦n:사공민호⟧요.""",
# 068 address with 층 and building name, apartment formatted 동-호
"""저희 집 ⟦a:부산 해운대구 좌동 1393 대림아파트 106-1404⟧ 앞 도로에 포트홀이 생겼어요. 어제 제 차 ⟦pl:부산 42 나 7713⟧ 타이어가 찢어졌습니다. ⟦n:한상우⟧, ⟦p:051 704 2281⟧""",
# 069 no PII, words that look like names
"""'⟪word:이슬⟫'이라는 이름의 강아지 조형물이 ⟪place:중앙공원⟫ 입구에 있는데 꼬리가 부러졌어요. 아이들이 좋아하는 거라 수리 부탁드려요.""",
# 070 email with fullwidth at
"""자료 요청합니다. 받는 메일 ⟦e:hyunwoo.cho＠gmail.com⟧ (＠ 전각으로 씀). 성명 ⟦n:조현우⟧, 소속 없음.""",
# 071 STT transcript with RRN front half only
"""상담원: 생년월일 여섯자리 말씀해 주세요.
고객: ⟦b:육사공칠일이⟧요.
상담원: 성함은요?
고객: ⟦n:채옥순⟧이요. 주소는 ⟦a:포항시 남구 오천읍 문덕리⟧ 그 농협 뒤에.
상담원: 확인됐습니다.""",
# 072 passport Korean old + new in a form
"""여권 재발급(분실) 사유서
분실 여권번호: ⟦pp:M57013398⟧
신청 여권번호: ⟦pp:M604R2917⟧
성명: ⟦n:모지현⟧ / ⟦n:MO JIHYUN⟧
분실장소: ⟪place:인천공항 제1터미널⟫
생년월일: ⟦b:1994년 2월 5일⟧
연락처: ⟦p:010-3097-5512⟧""",
# 073 no PII
"""⟪law:민원 처리에 관한 법률 제17조⟫에 따른 처리기간이 지났는데 중간통보도 없었습니다. ⟪case_no:1AA-2510-0081127⟫ 건입니다.""",
# 074 landline 063 and plate truck, rural
"""⟦a:전북 김제시 백구면 영상리 158-2⟧ 논 옆에 ⟦pl:전북 80 아 4471⟧ 화물차가 한 달째 서 있어요. 차주가 누군지 모르겠네요. 신고자 ⟦n:은종철⟧ ⟦p:063-545-1028⟧""",
# 075 brn of a private academy & owner
"""학원비 환불 분쟁입니다. ⟪business:바른수학학원⟫ 사업자번호 ⟦brn:124-91-55304⟧, 원장 ⟦n:문혜리⟧. 환불금 ⟪amount:48만원⟫을 ⟪duration:두 달째⟫ 안 줍니다. 학부모 ⟦n:피수아⟧ ⟦p:010-8851-3364⟧""",
# 076 Mongolian worker, ARN with spaces, name order
"""Сайн байна уу. 저 몽골 ⟦n:Bat-Erdene Ganbold⟧. ARC ⟦arn:951002 5 773204⟧. 산재 신청했는데 병원 주소 ⟪place:경기 안산시 단원구 원곡로 45, 4층⟫ 맞아요? 통역 ⟦n:김솔롱고⟧ 선생님 ⟦p:010-6604-9132⟧""",
# 077 no PII
"""⟪event:어린이날 행사⟫ 때 ⟪place:시청 앞 광장⟫ 그늘막이 부족했어요. 더위에 아이들이 힘들어했습니다.""",
# 078 birth-dates that are NOT PII (event dates) vs real one
"""⟪date:1987년 6월 10일⟫ 민주항쟁 기념비 안내문에 오타가 있어요. 저는 그날 태어난 사람이라 잘 압니다, ⟦b:1987.6.10⟧생 ⟦n:신유정⟧입니다.""",
# 079 chat with obfuscated email and ip
"""[채팅상담] 고객: 계정이 잠겼어요 ⟦e:jjang_tae 앳 daum 닷 net⟧ 이에요
상담: 마지막 접속 IP ⟦ip:58.229.104.17⟧ 본인 맞으세요?
고객: 네 집 인터넷이요 (⟦n:장태민⟧)""",
# 080 no PII
"""⟪program:다자녀 공영주차장 감면⟫ 대상이 셋째부터인지 둘째부터인지 시 홈페이지와 구청 안내가 달라요. 어느 쪽이 맞습니까?""",
# 081 account with 새마을금고 and 우체국, donation ledger
"""[경로당 성금 장부]
⟦n:엄기순⟧ ⟪amount:3만원⟫
⟦n:봉희자⟧ ⟪amount:5만원⟫
⟦n:태말녀⟧ ⟪amount:2만원⟫
입금: 새마을금고 ⟦ac:9002-1887-4431-2⟧ (총무 ⟦n:엄기순⟧)""",
# 082 IPv6 in log, complaint
"""회사 메일 서버에서 구청 홈페이지 접속이 막혔어요. 저희 공인 IP가 ⟦ip:2001:e60:8843:12a0::1f⟧ 인데 차단 해제 부탁드립니다. 담당 ⟦n:우경록⟧ ⟦p:02-3141-2290⟧""",
# 083 passport of Uzbek student + dormitory address english
"""Salom! I am ⟦n:Jasur Tursunov⟧, student. Passport ⟦pp:FA3418207⟧. 기숙사 주소 ⟦a:Dorm B 512, 20 Gwanak-ro 1, Gwanak-gu⟧. 건강보험 고지서가 ⟦a:서울 동작구 상도로 55길 8, 지하 1층⟧ 옛 주소로 가요. Phone ⟦p:010-2231-8890⟧, email ⟦e:jasur.t@snu.ac.kr⟧.""",
# 084 no PII
"""⟪place:마을회관⟫ 보일러가 고장나서 ⟪count:어르신 열두 분⟫이 ⟪duration:사흘⟫째 추운데 계십니다. 빨리 고쳐주세요.""",
]
