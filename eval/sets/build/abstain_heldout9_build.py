#!/usr/bin/env python3
"""Build abstain_heldout9.jsonl (held-out set 9, half "G") for the abstention decision.

Questions are tuples (corpus, on_topic, law, article, style, question).  `article` is the
answering article (on-topic) or the reason the item is off-topic; it is not written to the
jsonl.  Run:  python3 build_abstain_heldout9.py [--key]
"""
import collections, csv, json, random, re, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = Path("/work/shared/corpora/MANIFEST.tsv")
SAMPLE = HERE / "sample-corpus"
STYLES = ("official", "citizen", "colloquial", "preamble", "typo", "short", "long")
SEED = 9009

S, P = "statutes", "sample"
PIPA = "개인정보 보호법"; PIPA_R = "개인정보 보호법 시행령"
PC_MIN = "개인정보보호위원회 민원처리규정"; PC_INFO = "개인정보보호위원회 정보공개 운영규정"
SAFE = "개인정보의 안전성 확보조치 기준"; STD = "표준 개인정보 보호지침"
MINOR = "경범죄 처벌법"; MINOR_R = "경범죄 처벌법 시행령"
REC = "공공기록물 관리에 관한 법률 시행규칙"; DISC_R = "공무원 징계령 시행규칙"
GRV = "공무원고충처리규정"; CODE = "공직자 행동강령 운영지침"
ACRC_G = "국민권익위원회 고충민원 처리지침"; ACRC_M = "국민권익위원회 일반민원 처리지침"
NBLS = "국민기초생활 보장법"; ROAD = "도로법 시행규칙"; WIN = "민원창구공무원의범위등에관한규정"
YC_PI = "연천군 개인정보 보호 조례"; YC_OMB = "연천군 고충처리위원회 구성 및 운영에 관한 조례"
YC_MON = "연천군 민원모니터 운영 조례 시행규칙"; YC_INFO = "연천군 정보공개 조례"
YC_INFO_R = "연천군 정보공개 조례 시행규칙"; LDISC = "지방공무원 징계 및 소청 규정"
PJ_PI = "파주시 개인정보 보호 조례"; ADJ_R = "행정심판법 시행령"
D_MIN = "다산시 민원 처리 예시 조례"; D_CCTV = "다산시 영상정보처리기기 영상 열람 예시 조례"
D_HALL = "다산시 주민공유공간 대관 예시 조례"

Q = [
    # ---------------- statutes, on-topic (80) ----------------
    (S, True, PIPA, "제22조의2①", "citizen", "초등학생 아들이 게임 앱에 가입하겠다고 하는데 부모 동의가 꼭 있어야 하나요? 몇 살부터 혼자 가입할 수 있는지도 궁금합니다."),
    (S, True, PIPA, "제25조②", "colloquial", "찜질방 탈의실 안쪽까지 보이게 cctv 달아도 되는 거야? 도난 때문에 달았다고 하던데"),
    (S, True, PIPA, "제25조⑤", "preamble", "상가 관리사무소에 새로 들어왔는데요, 소장님이 주차장 CCTV 녹음 기능도 켜 두라고 하시네요. 이거 켜도 괜찮은 건가요?"),
    (S, True, PIPA, "제24조의2③", "typo", "쇼핑몰 홈페이지 회원가입할때 주민번호 안넣고도 가입되게 만들어야되나요?"),
    (S, True, PIPA, "제34조①", "official", "개인정보가 유출된 사실을 정보주체에게 알릴 때 통지에 포함해야 하는 사항은 무엇입니까?"),
    (S, True, PIPA_R, "제18조2", "short", "범죄경력자료도 민감정보에 들어가나요?"),
    (S, True, PIPA_R, "제40조①1", "preamble", "작은 온라인 쇼핑몰 전산 담당입니다. 해킹으로 회원 1,500명 정보가 빠져나간 것 같은데 위원회 신고는 몇 시간 안에 해야 하나요?"),
    (S, True, PIPA_R, "제24조②2", "official", "산불감시용 고정형 영상정보처리기기는 안내판 설치 대신 인터넷 홈페이지 게재로 갈음할 수 있습니까?"),
    (S, True, PC_MIN, "제7조②", "citizen", "개인정보보호위원회에 넣은 민원 처리기간이 연장됐다고만 들었어요. 연장하면 민원인한테 따로 알려줘야 하는 게 있지 않나요?"),
    (S, True, PC_MIN, "제9조", "typo", "개인정보위 민원 답변을 받았는데 담당자 이름이랑 연락처가 없엇어요 원래 안알려주나요"),
    (S, True, PC_MIN, "제12조", "short", "개인정보위 민원상담센터는 어느 부서 소속이야?"),
    (S, True, PC_INFO, "제5조②", "preamble", "개인정보보호위원회 운영지원과에 발령받은 신규입니다. 정보공개 청구 한 건이 세 부서 자료에 걸쳐 있는데, 어느 부서가 맡아서 처리하나요?"),
    (S, True, PC_INFO, "제9조②", "short", "개인정보위 정보공개심의회 위원 몇 명?"),
    (S, True, PC_INFO, "제5조①·제7조①", "colloquial", "개인정보위에 정보공개 청구하면 접수는 누가 받아? 자료 갖고 있는 부서가 바로 받나?"),
    (S, True, SAFE, "제9조①1", "typo", "사무실 pc 백신 업데이트는 하루에 몇번 해야되요? 자동업데이트 켜두면 되는건지"),
    (S, True, SAFE, "제11조", "official", "재해ㆍ재난에 대비한 위기대응 매뉴얼과 백업ㆍ복구 계획을 마련해야 하는 개인정보처리자는 어떤 경우입니까?"),
    (S, True, SAFE, "제6조⑤", "preamble", "보험대리점에 들어온 지 한 달 된 직원입니다. 고객 정보를 회사에서 준 휴대폰으로 보는데 잃어버릴까 봐 걱정이에요. 업무용 폰에 꼭 해 둬야 하는 조치가 있나요?"),
    (S, True, MINOR, "제3조①35", "colloquial", "해수욕장에서 파라솔 자리 잡아준다고 돈 받는 사람들 있던데 그거 처벌 안 돼?"),
    (S, True, MINOR, "제3조②4", "typo", "콘서트 표 웃돈받고 되팔면 경범죄로 벌금 얼마에여?"),
    (S, True, MINOR, "제3조①25", "citizen", "옆집에서 사람을 무는 버릇이 있는 개를 자꾸 풀어놓고 키웁니다. 이런 걸 처벌하는 규정이 있나요?"),
    (S, True, MINOR, "제3조③1", "long", "어제 주민센터에 서류를 떼러 갔는데 술에 취한 아저씨가 한 시간 넘게 고함을 지르고 직원들한테 욕을 하더라고요. 저는 너무 무서워서 그냥 나왔습니다. 나중에 경찰이 와서 데려갔다고 들었어요. 이런 경우 어떤 처벌을 받게 되는지, 벌금은 얼마까지 나올 수 있는지 궁금합니다."),
    (S, True, MINOR, "제6조②4", "colloquial", "고딩이 길에서 침 뱉다 걸리면 범칙금 통고 받아? 아직 18살 안 됐는데"),
    (S, True, MINOR_R, "제4조②", "short", "범칙금 나눠서 내도 돼요?"),
    (S, True, MINOR_R, "제4조①", "typo", "범칙금 우체국에서도 낼수있나요 은행만 되는지 궁금해요"),
    (S, True, MINOR_R, "제3조③", "official", "관할구역 밖에 사는 범칙자가 납부기간만료일이 지나도록 범칙금을 내지 않은 경우 경찰서장은 어떻게 처리합니까?"),
    (S, True, REC, "제42조의5③", "preamble", "시청 기록관에서 근무합니다. 이사하다가 기록물관리 전문요원 자격증을 잃어버렸는데 재발급은 어디에 신청하나요?"),
    (S, True, REC, "제29조", "official", "기록물관리기관 서고의 출입과 기록물 입ㆍ출고는 누가 통제하도록 되어 있습니까?"),
    (S, True, REC, "제36조②", "citizen", "공공기관이 낸 책자인데 발간등록이 안 된 게 나중에 발견되면 어떻게 되나요? 누가 대신 등록할 수 있나요?"),
    (S, True, DISC_R, "제4조①3", "colloquial", "예전에 모범공무원 뽑혔던 적 있으면 징계 좀 깎아 주나?"),
    (S, True, DISC_R, "제4조②7", "preamble", "부처 감사담당관실에 온 지 얼마 안 됐습니다. 소극행정으로 징계 요구된 직원이 예전에 받은 훈장을 들어 감경해 달라고 하는데, 소극행정도 감경이 되나요?"),
    (S, True, DISC_R, "제3조②1", "typo", "부하직원 비위를 제가 먼저 발견해서 보고햇는데 감독자인 저도 징계받나요?"),
    (S, True, GRV, "제5조②", "citizen", "고충심사 청구서를 보완하라는 연락을 받았는데, 정해준 기한을 넘기면 어떻게 되나요?"),
    (S, True, GRV, "제8조④", "preamble", "세무서에서 일하는 9급입니다. 고충심사위원회에서 심사일에 출석하라는 통지가 왔는데 그날 제 휴가를 써야 하나요, 아니면 공가로 처리되나요?"),
    (S, True, GRV, "제15조⑥", "long", "같은 팀 선배에게 성희롱을 당해서 인사혁신처에 신고했습니다. 지금 조사가 진행 중인데 매일 그 선배와 같은 사무실에서 마주쳐야 해서 너무 힘듭니다. 조사 기간 동안만이라도 근무 장소를 옮길 수 있는 방법이 있을까요? 제가 먼저 요청해야 하는 건지도 알고 싶어요."),
    (S, True, CODE, "제10조①", "official", "공직자가 직무관련자와 사적 이해관계가 있음을 알게 된 경우 며칠 이내에 신고하여야 합니까?"),
    (S, True, CODE, "제19조③3", "preamble", "구청 감사실 신규입니다. 민원인이 두고 간 과일 상자를 인도받아 보관 중인데 벌써 상하기 시작했어요. 돌려주기도 보관하기도 어려운데 어떻게 처리하나요?"),
    (S, True, CODE, "제19조①", "colloquial", "업체가 우리 와이프한테 상품권을 보냈다는 걸 나중에 알았어. 이것도 내가 신고해야 돼?"),
    (S, True, ACRC_G, "제13조", "short", "같은 내용 고충민원 두 건 합쳐서 처리 가능?"),
    (S, True, ACRC_G, "제20조①", "typo", "권익위 조사관이 출석하라고 전화로만 연락햇는데 원래 문서로 와야되는거 아닌가요?"),
    (S, True, ACRC_G, "제34조④", "citizen", "권익위가 재심의를 할지 말지 정하는 데에도 기간 제한이 있나요?"),
    (S, True, ACRC_M, "제11조①", "preamble", "권익위 민원 처리부서에 온 지 일주일 됐어요. 주민 열댓 명이 대표자도 안 정하고 같은 민원을 연명으로 냈는데, 대표자를 정해 달라고 할 수 있나요? 몇 명까지요?"),
    (S, True, ACRC_M, "제21조②", "colloquial", "권익위에 세 가지 물어봤는데 답변엔 하나만 적혀 있네. 원래 이래도 돼?"),
    (S, True, ACRC_M, "제21조③", "official", "다른 기관에서 이첩된 일반민원의 처리결과를 회신할 때 추가로 밝혀야 하는 내용은 무엇입니까?"),
    (S, True, NBLS, "제35조②", "colloquial", "생계급여 들어오는 통장도 압류당할 수 있어? 카드빚 때문에 걱정돼서"),
    (S, True, NBLS, "제13조①", "short", "수급자 출산하면 해산급여 나와요?"),
    (S, True, NBLS, "제8조의2②1", "long", "어머니가 혼자 사시는데 기초생활수급 신청을 하려고 합니다. 부양의무자가 저 하나뿐인데 제가 올해 군대에 입대했어요. 병사 월급으로는 어머니를 도와드릴 형편도 안 됩니다. 이런 경우에도 제가 어머니를 부양할 수 있는 사람으로 보나요? 신청했다가 불리할까 봐 걱정입니다."),
    (S, True, NBLS, "제10조①", "typo", "생계급여는 꼭 집에서 받아야되나요 시설 들어가서 받고싶은데 가능한지"),
    (S, True, ROAD, "제40조②", "preamble", "중장비 운송회사 사무직으로 들어왔습니다. 제한차량 운행허가 신청할 때 신청서 말고 같이 내야 하는 서류가 뭔가요?"),
    (S, True, ROAD, "제37조②", "long", "가게 앞 인도에 내놓은 화분이랑 입간판을 어제 구청에서 다 가져갔습니다. 연락도 없이 가져가서 어디 있는지도 모르겠어요. 제 잘못인 건 알지만 찾아오고 싶습니다. 치워 간 물건을 어디 보관하는지 공고를 하나요, 한다면 며칠 동안 하나요?"),
    (S, True, ROAD, "제23조①", "short", "도로원표 위치는 어디로 정해?"),
    (S, True, WIN, "제3조③3", "typo", "동 주민센터 민원창구에는 몇급이상 공무원 배치하나요"),
    (S, True, WIN, "제3조②", "official", "민원창구에 배치하는 공무원의 수는 어떤 기준으로 정합니까?"),
    (S, True, YC_PI, "제10조①", "preamble", "연천군청 복지 부서 신규입니다. 주민등록번호가 들어간 명단을 출력할 일이 많은데, 출력할 때 지켜야 할 게 있나요?"),
    (S, True, YC_PI, "제12조", "citizen", "연천군은 개인정보 유출 사고에 대비해서 보험 같은 데 가입하나요?"),
    (S, True, YC_PI, "제7조②", "typo", "연천군 부서에서 개인정보파일 파기했으면 위원회 등록사항도 지워야돼요? 누가 요청하는지"),
    (S, True, YC_OMB, "제3조④", "short", "연천군 옴부즈만 임기 몇 년?"),
    (S, True, YC_OMB, "제17조①4", "colloquial", "옆집이랑 담장 땅 경계 때문에 싸우는 중인데 연천군 옴부즈만한테 고충민원 넣으면 해결해 줘?"),
    (S, True, YC_OMB, "제3조⑥", "citizen", "연천군 옴부즈만은 월급 받는 자리인가요? 상근직인지도 궁금합니다."),
    (S, True, YC_MON, "제6조②", "typo", "민원모니터 신분증 사진 예전꺼 내도 되나요 몇개월 이내 사진이여야 하는지"),
    (S, True, YC_MON, "제9조", "colloquial", "연천 민원모니터 열심히 하면 상 같은 거 줘?"),
    (S, True, YC_MON, "제7조②", "preamble", "이번에 연천군 명예민원실장으로 하루 나가기로 했습니다. 근무시간은 어떻게 되나요?"),
    (S, True, YC_INFO, "제3조1", "official", "다른 법령에 따라 등ㆍ초본 발급 대상이 되는 정보에도 연천군 정보공개 조례가 적용됩니까?"),
    (S, True, YC_INFO, "제10조③", "preamble", "연천군 행정담당관실에 새로 온 주무관입니다. 정보공개심의회를 꼭 모여서 열어야 하나요, 서면으로 해도 되나요?"),
    (S, True, YC_INFO, "제13조", "short", "연천 정보공개심의회 외부위원 수당 주나?"),
    (S, True, YC_INFO_R, "제5조", "citizen", "연천군 정보공개책임관은 누가 맡게 되어 있나요?"),
    (S, True, YC_INFO_R, "제4조②", "typo", "연천군 정보공개심의회 당연직 위원은 누구누구에요?"),
    (S, True, LDISC, "제3조①", "colloquial", "징계위원회는 요구서 받고 언제까지 결론 내야 돼? 마냥 미뤄도 돼?"),
    (S, True, LDISC, "제14조의2②", "preamble", "군청 인사팀 신규입니다. 퇴직 희망자 징계사유 확인을 경찰청에 요청했는데, 회신은 며칠 안에 오게 되어 있나요?"),
    (S, True, LDISC, "제11조2", "citizen", "지방공무원 징계위원회에 어떤 위원들이 들어왔는지 명단을 공개해 달라고 할 수 있나요?"),
    (S, True, PJ_PI, "제11조⑤", "official", "파주시에서 1천 명 이상의 개인정보가 유출된 경우 인터넷 홈페이지에 며칠 이상 게재하여야 합니까?"),
    (S, True, PJ_PI, "제7조⑥", "colloquial", "파주시 개인정보 관리 실태 시의회에 보고는 하는 거야?"),
    (S, True, PJ_PI, "제11조④", "typo", "파주시에서 개인정보 유출 크게 터지면 대응팀 같은거 꾸리나요"),
    (S, True, STD, "제39조①4", "preamble", "아파트 관리사무소 직원인데 CCTV 관리를 외부 업체에 맡겼어요. CCTV 안내판에 그 업체 이름이랑 연락처도 적어야 하나요?"),
    (S, True, STD, "제27조②", "citizen", "회원 연락처를 몰라서 유출 통지를 못 하는 경우에는 홈페이지에 며칠이나 올려 둬야 하나요?"),
    (S, True, STD, "제44조⑤", "official", "개인영상정보 열람등 요구에 따른 조치를 할 때 기록ㆍ관리하여야 하는 사항은 무엇입니까?"),
    (S, True, STD, "제16조", "long", "작은 학원을 하고 있는데 학부모 안내 문자 발송을 외부 업체에 맡기려고 합니다. 후보 업체가 여러 곳인데 가격만 보고 골라도 될지 고민이에요. 학부모 전화번호를 넘기는 거라 신경이 쓰입니다. 업체를 고를 때 따져 봐야 하는 기준이 정해져 있나요?"),
    (S, True, ADJ_R, "제26조", "short", "행정심판 심리기일 며칠 전에 알려줘요?"),
    (S, True, ADJ_R, "제16조의3", "colloquial", "행정심판 국선대리인으로 노무사도 붙을 수 있어? 변호사만 되는 줄 알았는데"),
    (S, True, ADJ_R, "제20조", "typo", "행정심판 청구서낼때 증거서류도 같이 첨부해도되나요?"),
    (S, True, ADJ_R, "제41조", "citizen", "행정심판위원회에 냈던 증거서류 원본을 돌려받으면 위원회에는 아무것도 안 남는 건가요?"),
    # ---------------- statutes, off-topic (30) ----------------
    (S, False, "", "주택임대차보호법 (임차권등기명령) — not indexed", "citizen", "전세 계약이 끝났는데 집주인이 보증금을 안 돌려줍니다. 임차권등기명령은 어떻게 신청하나요?"),
    (S, False, "", "확정일자 (주택임대차보호법) — not indexed", "colloquial", "확정일자 받으려면 주민센터 가면 돼? 돈 들어?"),
    (S, False, "", "교통사고처리 특례법 12대 중과실 — not indexed", "citizen", "교통사고가 나도 12대 중과실만 아니면 형사처벌을 안 받는다는 게 맞나요?"),
    (S, False, "", "도로교통법 음주운전 면허취소 기준 — not indexed", "short", "혈중알코올농도 면허취소 기준?"),
    (S, False, "", "소득세법 1세대 1주택 양도세 비과세 — not indexed", "typo", "1세대1주택 양도세 비과세 받을라면 몇년 살아야되요"),
    (S, False, "", "부가가치세법 간이과세자 기준 — not indexed (기초생활법 mentions 부가가치세법 사업자 only)", "official", "「부가가치세법」상 간이과세자 기준 금액은 얼마입니까?"),
    (S, False, "", "국민연금법 조기노령연금 감액 — not indexed", "colloquial", "국민연금 일찍 당겨 받으면 얼마나 깎여?"),
    (S, False, "", "국민건강보험법 피부양자 소득요건 — not indexed", "preamble", "회사 인사팀 신입인데요, 직원 배우자를 건강보험 피부양자로 올리려면 소득 기준이 어떻게 되나요?"),
    (S, False, "", "고용보험법 구직급여 자발적 이직 — not indexed", "typo", "실업급여 자발적으로 퇴사해도 받을수있나요"),
    (S, False, "", "병역법 사회복무요원 소집 연기 — not indexed", "citizen", "사회복무요원 소집 연기는 몇 번까지 할 수 있나요?"),
    (S, False, "", "초ㆍ중등교육법 시행령 전학 — not indexed", "short", "고등학교 전학 절차?"),
    (S, False, "", "정보통신망법/형법 명예훼손 — not indexed", "colloquial", "인터넷에 나 욕하는 댓글 단 사람 명예훼손으로 고소할 수 있어?"),
    (S, False, "", "공익신고자 보호법 보상금 — not indexed (고충민원 지침 mentions 공익신고 only as a classification)", "preamble", "시청 감사팀에 새로 왔습니다. 공익신고자 보호법에 따른 공익신고 보상금은 최대 얼마까지 지급되나요?"),
    (S, False, "", "국가공무원 복무규정 연가 일수 — not indexed (고충처리규정 has 공가 only)", "short", "공무원 연가 며칠 나와요?"),
    (S, False, "", "지방공무원법 징계 시효 — not indexed (no 시효 in the 징계 documents)", "citizen", "지방공무원 징계 시효가 몇 년인가요? 3년 전 일로도 징계를 받을 수 있는지 궁금합니다."),
    (S, False, "", "유료도로법 통행료 감면 — not indexed (beside 도로법 시행규칙)", "typo", "고속도로 통행료 장애인 할인 받을라면 뭐가 필요해요"),
    (S, False, "", "가족관계등록법 증명서 수수료 — not indexed", "colloquial", "가족관계증명서 인터넷으로 떼면 공짜야?"),
    (S, False, "", "주민등록법 주민등록증 재발급 — not indexed", "citizen", "주민등록증을 잃어버렸는데 재발급은 어디서 하고 며칠 걸리나요?"),
    (S, False, "", "자동차관리법 이전등록 — not indexed", "long", "작년에 중고차를 샀는데 전 주인이 명의이전을 안 해 줘서 아직 그 사람 이름으로 되어 있습니다. 연락도 잘 안 되고요. 제 쪽에서 혼자 명의이전을 할 방법이 있는지, 기한을 넘기면 과태료가 있는지 알고 싶습니다."),
    (S, False, "", "건축법 이행강제금 — not indexed", "official", "「건축법」상 위반건축물에 대한 이행강제금은 1년에 몇 회까지 부과할 수 있습니까?"),
    (S, False, "", "농지법 농지전용 용도변경 — not indexed (beside the 연천 조례)", "preamble", "연천군 농업 부서 신규입니다. 농지전용허가를 받은 땅을 다른 용도로 바꾸려면 다시 허가를 받아야 하나요?"),
    (S, False, "", "동물보호법 동물등록 과태료 — not indexed (beside 경범죄 제3조①25)", "colloquial", "반려견 동물등록 안 하면 과태료 얼마야?"),
    (S, False, "", "국민건강증진법 금연구역 흡연 과태료 — not indexed (경범죄 covers 담배꽁초 투기 only)", "typo", "버스정류장에서 담배피면 과태료 얼만가요"),
    (S, False, "", "정보통신망법 제50조 야간 광고성 정보 전송 — not indexed (beside 개인정보 보호법)", "citizen", "밤 9시 넘어서 광고 문자를 보내려면 따로 동의를 받아야 하나요?"),
    (S, False, "", "헌법재판소법 헌법소원 청구기간 — not indexed (beside 행정심판법 시행령)", "short", "헌법소원 청구기간은?"),
    (S, False, "", "채무자회생법 개인회생 — not indexed", "long", "제가 하던 식당이 코로나 이후로 빚이 많이 쌓였습니다. 지금은 월급 받는 일자리를 구했는데 이 빚을 다 갚기는 어려울 것 같아요. 개인회생을 신청하려면 빚이 얼마 이상이어야 하고 어떤 서류가 필요한지 궁금합니다. 법원에 바로 가면 되나요?"),
    (S, False, "", "도로교통법 시행규칙 어린이보호구역 벌점 — not indexed", "typo", "어린이보호구역에서 과속하면 벌점 몇점이에여"),
    (S, False, "", "상가건물 임대차보호법 권리금 — not indexed", "colloquial", "상가 권리금 건물주가 못 받게 막으면 손해배상 청구 돼?"),
    (S, False, "", "민법 상속분·상속포기 — not indexed", "long", "아버지가 돌아가시고 형제들끼리 상속 문제로 의견이 안 맞습니다. 아버지 명의 아파트 하나와 예금이 조금 있고 유언장은 없어요. 법대로 나누면 어머니와 자녀 셋이 각각 얼마씩 받게 되는지, 상속 포기는 언제까지 해야 하는지 알려주세요."),
    (S, False, "", "청년 월세 지원 (국토부 사업) — not indexed (beside 파주 조례)", "preamble", "파주시청 청년 업무 맡은 신규예요. 청년 월세 특별지원은 부모님 소득도 같이 보나요?"),
    # ---------------- sample, on-topic (12) ----------------
    (P, True, D_MIN, "제4조③", "citizen", "다산시청에 민원 서류를 냈는데 서류에 빠진 게 있다고 창구에서 아예 안 받아 주네요. 원래 이렇게 돌려보내도 되나요?"),
    (P, True, D_MIN, "제5조③", "preamble", "다산시 건축 부서에 새로 왔는데요, 민원 하나가 우리 과랑 도로과 둘 다 봐야 하는 건이에요. 처리기간은 어떻게 잡아야 하나요?"),
    (P, True, D_MIN, "제9조②", "typo", "다산시에 이웃들이 똑같은 민원을 각자 넣으면 한번에 모아서 처리하나여?"),
    (P, True, D_MIN, "제8조①", "short", "다산시 질의민원 답 문자로도 줘요?"),
    (P, True, D_CCTV, "제3조③", "colloquial", "다산시 CCTV 영상 한 달 넘은 것도 볼 수 있어? 5주 전 일인데"),
    (P, True, D_CCTV, "제5조3", "citizen", "다산시에 같은 CCTV 영상을 여러 번 열람 신청하면 거절당할 수도 있나요?"),
    (P, True, D_CCTV, "제7조", "preamble", "다산시청 정보통신 부서 주무관입니다. CCTV 영상 열람 기록은 몇 년 동안 보관해야 하나요?"),
    (P, True, D_CCTV, "제6조①2", "long", "어머니가 다산시 공원 산책로에서 넘어지셨는데 어떻게 넘어지셨는지 보험 청구용으로 확인하고 싶습니다. 영상에 다른 사람들이 많이 나와서 모자이크를 해야 한다고 들었어요. 영상은 20분 정도 될 것 같습니다. 모자이크 처리 비용이 따로 드는지, 든다면 얼마인지 알고 싶어요."),
    (P, True, D_HALL, "제7조", "colloquial", "다산시 주민센터 회의실 빌렸다가 의자 하나 부러뜨렸어. 물어내야 돼?"),
    (P, True, D_HALL, "제2조3", "short", "다산시청 주민 소통방도 빌릴 수 있어요?"),
    (P, True, D_HALL, "제5조2", "typo", "기초수급자 모임으로 다산시 다목적실 빌리면 사용료 할인되나요 얼마나되요"),
    (P, True, D_HALL, "제3조②2", "citizen", "다산시 행정복지센터 회의실에서 화장품 판매 설명회를 열려고 하는데 허가가 나올까요?"),
    # ---------------- sample, off-topic (10) ----------------
    (P, False, "", "민원실 운영시간 — none of the three sample documents sets hours", "official", "다산시 민원실의 평일 운영시간은 어떻게 규정되어 있습니까?"),
    (P, False, "", "종량제 봉투 가격 — not in the sample", "citizen", "다산시에서 쓰는 종량제 봉투 20리터짜리 가격이 얼마인가요?"),
    (P, False, "", "공영주차장 정기권 — not in the sample", "citizen", "다산시 공영주차장 한 달 정기권 요금이 궁금합니다."),
    (P, False, "", "경로당 운영비 — not in the sample", "colloquial", "다산시 경로당 운영비 지원 얼마나 나와?"),
    (P, False, "", "CCTV 설치 대수 — the CCTV 조례 governs 열람 only", "colloquial", "다산시 방범용 cctv는 몇 대나 설치돼 있어?"),
    (P, False, "", "독감 예방접종 무료 대상 — not in the sample", "preamble", "다산시 보건소에 새로 온 간호직입니다. 독감 예방접종 무료 대상 연령이 어떻게 되나요?"),
    (P, False, "", "출산축하금 — not in the sample", "typo", "다산시 출산축하금 둘째부터 얼마나오나요"),
    (P, False, "", "도서관 연체 대출정지 — not in the sample", "typo", "다산시 도서관 책 연체하면 몇일 대출정지에요?"),
    (P, False, "", "청년 월세 지원 — not in the sample", "short", "다산시 청년 월세 지원 신청?"),
    (P, False, "", "자동차 주소변경 과태료 (자동차관리법) — not in the sample", "long", "다산시로 이사 온 지 석 달 됐습니다. 전입신고는 했는데 자동차 주소 변경을 아직 못 했어요. 회사 일이 바빠 계속 미뤘는데 과태료가 나온다는 얘기를 들었습니다. 다산시에서는 며칠 안에 해야 하고 과태료는 얼마인가요?"),
]


def titles():
    st = set()
    with MANIFEST.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["local_path"].endswith(".md"):
                st.add(r["title"])
    sa = set()
    for f in SAMPLE.rglob("*.md"):
        m = re.search(r"^제목:\s*(.+)$", f.read_text(encoding="utf-8"), re.M)
        if m:
            sa.add(m.group(1).strip().strip("'\""))
    return st, sa


def main():
    st, sa = titles()
    assert len(st) == 25, len(st)
    assert len(sa) == 3, sa
    qs = [q[5] for q in Q]
    dup = [q for q, n in collections.Counter(qs).items() if n > 1]
    assert not dup, dup
    cov = collections.defaultdict(list)
    for corpus, on, law, art, style, q in Q:
        assert corpus in (S, P), corpus
        assert style in STYLES, style
        assert q.strip() == q and q, q
        if on:
            assert law in (st if corpus == S else sa), (corpus, law)
            assert art, q
        else:
            assert law == "", q
    items = list(Q)
    random.Random(SEED).shuffle(items)
    rows = []
    for i, (corpus, on, law, art, style, q) in enumerate(items):
        rid = f"abh9-{i:03d}"
        rows.append({"id": rid, "half": "G", "corpus": corpus, "on_topic": on,
                     "law": law, "style": style, "question": q})
        if on:
            cov[(corpus, law)].append(f"{rid} ({art})")
    assert len({r["id"] for r in rows}) == len(rows) == 132, len(rows)
    for t in st:
        assert 2 <= len(cov[(S, t)]) <= 5, (t, len(cov[(S, t)]))
    for t in sa:
        assert 3 <= len(cov[(P, t)]) <= 5, (t, len(cov[(P, t)]))
    with (HERE / "abstain_heldout9.jsonl").open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    # counts
    tab = collections.Counter((r["corpus"], r["on_topic"], r["style"]) for r in rows)
    print("| corpus | on_topic | " + " | ".join(STYLES) + " | total |")
    print("|---|---|" + "---|" * (len(STYLES) + 1))
    for c in (S, P):
        for on in (True, False):
            n = [tab[(c, on, s)] for s in STYLES]
            print(f"| {c} | {str(on).lower()} | " + " | ".join(map(str, n)) + f" | {sum(n)} |")
    tot = [sum(tab[(c, on, s)] for c in (S, P) for on in (True, False)) for s in STYLES]
    print("| **all** | | " + " | ".join(map(str, tot)) + f" | **{sum(tot)}** |")
    if "--key" in sys.argv:
        print()
        print("| corpus | document (`law`) | n | ids (article that answers) |")
        print("|---|---|---|---|")
        for (c, law) in sorted(cov, key=lambda k: (k[0] != S, k[1])):
            v = sorted(cov[(c, law)])
            print(f"| {c} | {law} | {len(v)} | " + "; ".join(v) + " |")
        print()
        for r, it in zip(rows, items):
            if not r["on_topic"]:
                print(f"- {r['id']} ({r['corpus']}, {r['style']}): {r['question']} — {it[3]}")


if __name__ == "__main__":
    main()
