#!/usr/bin/env python3
"""Build abstain_heldout8.jsonl (held-out set 8, half "F") from hand-written tuples.

Each tuple: (corpus, on_topic, law, article, style, question).  The article is kept here
(and in abstain_heldout8.md) but is not a field of the jsonl line (set 7's line format).
Run: python3 build_abstain_heldout8.py  (writes abstain_heldout8.jsonl next to this file)
"""
import collections, csv, glob, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
MANIFEST = "/work/shared/corpora/MANIFEST.tsv"
SAMPLE_DIR = os.path.join(HERE, "sample-corpus")
SEED = 8008
STYLES = {"official", "citizen", "colloquial", "preamble", "typo", "short", "long"}

P = "개인정보 보호법"; PR = "개인정보 보호법 시행령"; PM = "개인정보보호위원회 민원처리규정"
PI = "개인정보보호위원회 정보공개 운영규정"; SAFE = "개인정보의 안전성 확보조치 기준"
STD = "표준 개인정보 보호지침"; MC = "경범죄 처벌법"; MCR = "경범죄 처벌법 시행령"
REC = "공공기록물 관리에 관한 법률 시행규칙"; DISC = "공무원 징계령 시행규칙"
GRV = "공무원고충처리규정"; CODE = "공직자 행동강령 운영지침"
AG = "국민권익위원회 고충민원 처리지침"; AGEN = "국민권익위원회 일반민원 처리지침"
BLS = "국민기초생활 보장법"; ROAD = "도로법 시행규칙"; WIN = "민원창구공무원의범위등에관한규정"
YP = "연천군 개인정보 보호 조례"; YO = "연천군 고충처리위원회 구성 및 운영에 관한 조례"
YM = "연천군 민원모니터 운영 조례 시행규칙"; YI = "연천군 정보공개 조례"
YIR = "연천군 정보공개 조례 시행규칙"; LD = "지방공무원 징계 및 소청 규정"
PJ = "파주시 개인정보 보호 조례"; AA = "행정심판법 시행령"
SM = "다산시 민원 처리 예시 조례"; SC = "다산시 영상정보처리기기 영상 열람 예시 조례"
SR = "다산시 주민공유공간 대관 예시 조례"

S, X = "statutes", "sample"
ITEMS = [
# ---------------- statutes, on-topic (80) ----------------
(S, True, P, "제39조의2①", "citizen", "쇼핑몰에서 제 정보가 털렸다는 문자를 받았어요. 실제로 얼마나 손해를 봤는지 증명하기 어려우면, 얼마까지는 배상해 달라고 할 수 있나요?"),
(S, True, P, "제37조①", "colloquial", "예전에 통신사 이벤트 하면서 개인정보 동의해 줬는데 이제 와서 취소해도 돼? 그 회사가 내 정보 그만 쓰게 할 수 있어?"),
(S, True, P, "제23조①1", "preamble", "병원 예약 앱 만드는 회사에 신입 기획자로 들어왔습니다. 회원가입 때 지병이 있는지도 받으려고 하는데, 일반 약관 동의 하나로 같이 받아도 되나요?"),
(S, True, P, "제59조2", "typo", "콜센터 알바하는데 고객 전화번호를 친구한테 알려주면 걸리나여? 일하다가 본거라도 안되는거죠"),
(S, True, PR, "제48조의7①", "official", "개인정보 손해배상책임의 이행을 위하여 보험 또는 공제에 가입하여야 하는 사업자의 매출액 및 정보주체 수 기준은 무엇입니까?"),
(S, True, PR, "제19조3", "short", "운전면허번호도 고유식별정보야?"),
(S, True, PR, "제42조②", "long", "다니던 헬스장에 제 출입기록이랑 상담기록을 보여 달라고 했는데 계속 미루기만 하네요. 처음엔 담당자가 없다고 하고, 그다음엔 본사에 물어봐야 한다고 하고요. 이렇게 보여주는 걸 미루거나 아예 안 보여주려면 원래 언제까지 저한테 이유를 알려줘야 하는 건가요? 제가 이의를 어떻게 제기하는지도 알려줘야 하나요?"),
(S, True, PM, "제6조①1·2", "preamble", "개인정보위 민원 담당으로 새로 왔습니다. 법 조항 해석을 묻는 질의는 며칠 안에 답해야 하고, 절차만 묻는 질의는 며칠인가요?"),
(S, True, PM, "제4조2", "citizen", "개인정보위에 우편으로 민원을 보냈는데 그쪽 소관이 아니라서 다른 기관으로 넘긴다고 하더라고요. 넘겼다는 사실은 저한테 따로 알려주나요?"),
(S, True, PM, "제6조②", "typo", "개인정보위에 고충민원 넣엇는데 처리기간 몇일이에요? 일주일이면 되나"),
(S, True, PI, "제4조", "short", "개인정보위 정보공개책임관 누구?"),
(S, True, PI, "제8조①②", "colloquial", "개인정보위에 자료 공개해 달라고 했는데 결정 언제 나와? 늦어지면 얼마나 더 걸릴 수 있어?"),
(S, True, PI, "제13조②", "official", "개인정보보호위원회에 공개 청구된 정보의 양이 과다하여 정상적인 업무수행에 현저한 지장이 우려되는 경우 사본은 어떻게 교부할 수 있습니까?"),
(S, True, SAFE, "제5조④", "official", "고객관리 프로그램의 접속 계정 하나를 직원 여러 명이 함께 사용하는 것이 허용됩니까?"),
(S, True, SAFE, "제7조①", "typo", "회원 비번을 db에 저장할때 나중에 풀수있게 암호화해도 되나요? 아님 복호화 안되게 해야하나"),
(S, True, SAFE, "제8조①2", "preamble", "지역 병원 전산실 막내입니다. 환자 진료정보가 들어 있는 시스템에 누가 언제 들어왔는지 남는 기록, 몇 년 보관해야 하나요?"),
(S, True, STD, "제10조①", "citizen", "경품 이벤트가 끝나서 응모자 명단이 더는 필요 없게 됐어요. 며칠 안에 없애야 하나요?"),
(S, True, STD, "제12조⑦", "colloquial", "고등학교 동창회 총무 맡았는데 회원 연락처랑 회비 낸 거 정리하려면 한 명 한 명 동의서 받아야 돼?"),
(S, True, STD, "제32조①", "typo", "어떤 사이트에 제 주소 틀린거 고쳐달라고 했는데 몇일안에 고쳐줘야되는거에요?"),
(S, True, STD, "제12조⑥", "preamble", "보험 텔레마케팅 회사에 입사했습니다. 전화로 개인정보 동의를 받으면서 통화를 녹음하는데, 고객한테 녹음한다고 꼭 말해야 하나요?"),
(S, True, MC, "제3조①39", "colloquial", "택시 타고 내릴 때 돈 없다고 그냥 내려 버리면 처벌받아?"),
(S, True, MC, "제3조①36", "short", "매표소 줄 새치기 처벌돼?"),
(S, True, MC, "제3조①15", "typo", "등산가서 바위에 이름 새기면 벌금잇나요"),
(S, True, MC, "제3조①9", "citizen", "남의 가게 셔터에 전단지를 잔뜩 붙이고 가는 사람이 있는데, 이것도 처벌 대상인가요?"),
(S, True, MC, "제8조②", "preamble", "지구대에서 범칙금 통고서를 받았는데 기한 안에 못 냈습니다. 이제 얼마를 더 붙여서 언제까지 내야 하나요?"),
(S, True, MCR, "제3조①", "official", "경범죄 범칙금 납부통고서에 적어야 하는 사항은 무엇입니까?"),
(S, True, MCR, "제6조②", "long", "작년에 길에서 소란을 피웠다고 범칙금 통고를 받았는데 바쁘다는 핑계로 내야 할 기간을 두 번 다 놓쳤어요. 그러면 즉결심판 받으러 나오라는 통지가 온다던데, 그 통지는 언제까지 오는 건가요? 그걸 받은 다음에라도 돈을 내면 재판에 안 가도 되는지, 그때는 얼마를 내야 하는지 궁금합니다."),
(S, True, MCR, "제6조④", "citizen", "범칙금을 안 내서 즉결심판 출석일이 잡힌다는데요, 출석일이 한없이 늦게 잡힐 수도 있나요? 최대 언제까지인가요?"),
(S, True, REC, "제42조의2③", "colloquial", "기록물관리 전문요원 시험 몇 점 받아야 붙어?"),
(S, True, REC, "제32조①②", "preamble", "시청 기록관에 신규로 들어왔습니다. 보존기간이 30년인 문서를 다른 부서 회의에 가져가려는데, 서고 밖으로 들고 나가도 되나요?"),
(S, True, REC, "제33조", "official", "보존기간이 30년 이상인 비전자기록물의 원본을 열람하게 하는 경우 지켜야 할 사항은 무엇입니까?"),
(S, True, DISC, "제3조②3", "preamble", "부처 감사팀에 막 발령받았습니다. 부하 직원 비위 때문에 감독자도 징계 대상에 올랐는데, 평소에 철저히 감독한 게 증명되면 징계를 안 할 수도 있나요?"),
(S, True, DISC, "제5조②", "typo", "정직 먹은 뒤에 또 걸리면 징계 더 세게 나오나여? 몇개월동안 그런거에요"),
(S, True, DISC, "제4조②5", "short", "음주운전 징계도 표창 있으면 깎아줘?"),
(S, True, GRV, "제13조", "short", "고충심사 결과 불복 재심 기한?"),
(S, True, GRV, "제7조①", "official", "고충심사위원회는 고충심사 청구서를 접수한 날부터 언제까지 결정하여야 하며, 그 기한을 연기할 수 있습니까?"),
(S, True, GRV, "제6조②", "citizen", "고충심사위원 중에 저한테 불리한 처분을 한 과장이랑 아주 가까운 사람이 있어요. 그 위원을 빼 달라고 할 수 있나요?"),
(S, True, CODE, "제18조①", "typo", "외부 강의하고 사례금 받았는데 기준보다 많이 받은거같아요 언제까지 신고해야되요?"),
(S, True, CODE, "제17조⑤", "official", "공공기관의 장이 대가를 받고 수행하는 외부강의등의 횟수 상한을 정할 때 그 한도는 얼마입니까?"),
(S, True, CODE, "제13조", "preamble", "구청 도시계획과 주무관인데요, 지역 정치인이 특정 업체 사정을 봐 달라고 계속 압박합니다. 어디에 어떻게 알려야 하나요?"),
(S, True, AG, "제11조②", "citizen", "권익위에 넣었던 고충민원을 취하했는데, 제가 냈던 서류 원본은 돌려받을 수 있나요?"),
(S, True, AG, "제12조2", "long", "저희 아파트 단지 옆으로 큰 도로가 뚫리면서 소음 때문에 여러 집이 권익위에 민원을 넣으려고 합니다. 각자 따로 넣는 것보다 여러 세대가 이름을 같이 적어서 내면 먼저 처리해 준다는 얘기를 들었는데 사실인가요? 그렇다면 몇 세대, 몇 명 이상이 같이 내야 하나요?"),
(S, True, AG, "제23조②", "colloquial", "권익위가 조사하는 중에 구청이 내 요구를 그냥 들어줬으면, 그걸로 합의된 걸로 쳐?"),
(S, True, AGEN, "제17조①", "typo", "권익위에 낸 일반민원 전화로 취하하면 안되나요? 서면 꼭 내야되요?"),
(S, True, AGEN, "제18조①②", "preamble", "권익위 민원 처리부서에 배치된 신입입니다. 같은 분이 똑같은 내용 민원을 계속 보내시는데, 몇 번째부터 종결 처리할 수 있나요?"),
(S, True, AGEN, "제20조①", "citizen", "국민신문고로 권익위에 민원을 냈는데, 답변을 종이 문서로도 받고 싶어요. 그렇게 해 주나요?"),
(S, True, AGEN, "제16조①", "short", "권익위 민원 보완요구 문서로 받을 수 있어?"),
(S, True, BLS, "제21조①", "colloquial", "혼자 사는 삼촌이 거동이 불편하신데, 조카인 내가 대신 기초수급 신청해도 돼?"),
(S, True, BLS, "제5조의2", "preamble", "주민센터 맞춤형복지팀 신입입니다. 한국인 남편과 결혼해서 아이를 키우는 베트남 국적 주민도 기초생활 수급자가 될 수 있나요?"),
(S, True, BLS, "제38조①", "typo", "수급자 탈락 통보받앗는데 이의신청 언제까지 해야되요? 어디다 하는거에요"),
(S, True, BLS, "제47조①", "long", "어머니가 생계급여를 받으시다가 제가 취직하면서 급여가 줄었는데, 그사이 몇 달 치가 더 들어왔다고 돌려내라는 연락이 왔어요. 어머니는 그 돈을 이미 병원비로 다 쓰셨거든요. 이런 경우에도 전부 갚아야 하나요, 아니면 면제받을 길이 있나요?"),
(S, True, ROAD, "제22조의2①", "citizen", "우리 마을 앞 국도에서 사고가 자주 나는데, 주민들이 요청하면 마을 보호구간 같은 걸로 지정해 줄 수 있나요?"),
(S, True, ROAD, "제49조①2", "short", "도로점용허가 신청 수수료 얼마?"),
(S, True, ROAD, "제18조7·8", "colloquial", "우리 밭이 도로 옆 접도구역에 걸려 있는데 비닐하우스 짓거나 채소 파는 좌판 놔도 돼?"),
(S, True, WIN, "제4조", "preamble", "구청 민원실 창구로 발령이 났는데요, 창구에서 일하면 수당이나 인사상 혜택 같은 게 있나요?"),
(S, True, WIN, "제2조②", "official", "시ㆍ도지사가 민원창구공무원의 범위를 바꾸어 시행하려는 경우 거쳐야 하는 절차는 무엇입니까?"),
(S, True, YP, "제5조①②", "official", "연천군의 개인정보 보호책임자는 누가 맡으며, 그 업무를 보조하는 전담 담당자는 몇 명 이상 지정하여야 합니까?"),
(S, True, YP, "제3조2", "citizen", "연천군이 세운 시설관리공단도 연천군 개인정보 보호 조례를 지켜야 하나요?"),
(S, True, YP, "제8조③", "typo", "연천군청에서 개인정보 유출사고 나면 대응팀같은거 꾸리나요? cert라던가"),
(S, True, YO, "제13조①", "colloquial", "연천에 사는 외국인 노동자도 군청 옴부즈만한테 고충 신청할 수 있어?"),
(S, True, YO, "제13조②", "long", "연천에 사시는 일흔 넘은 어머니가 군청 일로 억울한 게 있어서 옴부즈만한테 고충민원을 내고 싶어 하세요. 그런데 글을 잘 못 쓰셔서 신청서 쓰는 게 어렵다고 하시네요. 꼭 글로 써서 내야 하나요, 아니면 찾아가서 말로 설명해도 받아 주나요? 신청할 때 어떤 내용이 들어가야 하는지도 알고 싶어요."),
(S, True, YO, "제5조3", "preamble", "연천군에서 위탁받아 노인복지관을 운영하는 법인 직원입니다. 저희 복지관 일로도 군 옴부즈만이 민원을 조사할 수 있나요?"),
(S, True, YM, "제3조1", "colloquial", "연천군 민원모니터 됐는데 제보 한 건도 안 하면 잘려?"),
(S, True, YM, "제7조①③", "citizen", "연천군 명예민원실장으로 일해 보고 싶은데, 1년에 며칠이나 할 수 있고 보수는 받나요?"),
(S, True, YM, "제4조③", "official", "연천군 민원모니터가 제보한 사항 중 군에서 직접 처리할 수 없는 사항은 어떻게 처리합니까?"),
(S, True, YI, "제3조2", "colloquial", "연천군 도서관에 있는 책 보는 것도 정보공개 청구해야 돼?"),
(S, True, YI, "제9조①", "short", "연천군 정보공개 총괄부서 어디?"),
(S, True, YI, "제7조①", "citizen", "연천군청에 자료 공개를 청구했는데, 직접 가지 않고 우편이나 팩스, 인터넷으로 받아볼 수 있나요?"),
(S, True, YIR, "제2조", "preamble", "연천군청 홍보팀 신규입니다. 사전정보공표목록은 얼마나 자주, 어디에 올려야 하나요?"),
(S, True, YIR, "제4조①", "typo", "연천군 정보공개심의회 위원장 누가하는거에요? 위원은 몇명이구요"),
(S, True, LD, "제5조의2", "long", "군청에서 일하는 동생이 상사한테 오래 괴롭힘을 당했고, 그 상사에 대해 중징계 요구가 됐다고 합니다. 동생은 징계위원회에 직접 나가서 그동안 당한 일을 말하고 싶어 하는데, 피해자도 위원회에서 말할 기회를 받을 수 있나요? 혹시 안 받아들여지는 경우도 있나요?"),
(S, True, LD, "제13조①1", "colloquial", "징계위 들어갈 때 폰으로 몰래 녹음해도 돼?"),
(S, True, LD, "제5조의3③", "preamble", "시청 인사팀에서 징계 업무를 맡게 됐습니다. 혐의 받는 직원 본인이 잘못을 다 인정하면서 빨리 끝내 달라고 하는데, 본인이 우선심사를 신청할 수 있나요?"),
(S, True, PJ, "제15조①", "official", "파주시에 대한 개인정보 열람 요구가 거절된 경우 정보주체는 언제까지 이의신청을 할 수 있습니까?"),
(S, True, PJ, "제16조②", "short", "파주시 개인정보 교육 1년에 몇 번?"),
(S, True, PJ, "제9조①", "preamble", "파주시청 복지과 신규입니다. 새로 만든 지원대상자 명단 파일을 쓰기 시작했는데, 개인정보위에 언제까지 등록해야 하나요?"),
(S, True, AA, "제27조", "typo", "행정심판 구술심리 신청은 언제까지 해야되요? 말로 해도 되나"),
(S, True, AA, "제30조②③", "colloquial", "행정심판 낸 거 취하하고 싶은데 상대 기관이 동의해 줘야 돼?"),
(S, True, AA, "제16조①", "citizen", "행정심판을 청구했는데 제가 몸이 안 좋아서 회사 동료에게 대신 맡기고 싶어요. 허가를 받으려면 뭘 내야 하나요?"),
(S, True, AA, "제16조의5①", "short", "행정심판 국선대리인 보수 한도?"),
# ---------------- statutes, off-topic (30) ----------------
(S, False, "", "", "citizen", "사고가 난 것도 아닌데 도로에 파인 구멍 때문에 타이어가 터졌어요. 수리비를 시청에 청구할 수 있나요?"),
(S, False, "", "", "colloquial", "전동킥보드 헬멧 안 쓰면 범칙금 얼마야?"),
(S, False, "", "", "typo", "보이스피싱 당햇는데 은행에 지급정지 어떻게 신청하나여"),
(S, False, "", "", "short", "신용점수 조회하면 점수 떨어져?"),
(S, False, "", "", "official", "정보보호 관리체계(ISMS) 인증을 의무적으로 받아야 하는 사업자의 매출액 기준은 무엇입니까?"),
(S, False, "", "", "preamble", "공단 전산팀 신입인데요, 휴대폰 본인확인기관으로 지정받으려면 어떤 요건을 갖춰야 하나요?"),
(S, False, "", "", "citizen", "우리 집 도로명주소의 건물번호를 바꾸고 싶은데, 변경 신청은 어디에 하나요?"),
(S, False, "", "", "colloquial", "공원 벤치에서 맥주 한 캔 마시는 것도 과태료 나와?"),
(S, False, "", "", "typo", "긴급복지 생계지원금 한달에 얼마 나오나요 몇번까지 받을수잇어요"),
(S, False, "", "", "citizen", "근로장려금은 언제 신청하고, 맞벌이면 소득 기준이 얼마인가요?"),
(S, False, "", "", "long", "아버지가 청와대에서 근무하실 때 만든 문서가 대통령기록관에 있다고 해서 열람하고 싶어요. 보호기간이 걸려 있으면 언제 풀리는지, 유족도 열람을 신청할 수 있는지 궁금합니다."),
(S, False, "", "", "official", "국세 부과처분에 대하여 조세심판원에 심판청구를 할 수 있는 기간은 며칠입니까?"),
(S, False, "", "", "preamble", "시청 7급 공무원인데요, 공무원 노동조합에 가입할 수 있는 직급 제한이 있나요?"),
(S, False, "", "", "colloquial", "연천군 대학생 장학금 신청 자격이 어떻게 돼?"),
(S, False, "", "", "citizen", "파주 민통선 안쪽에 있는 농지에 농사지으러 들어가려면 출입 신청을 어디에 해야 하나요?"),
(S, False, "", "", "short", "공무원 명예퇴직수당 계산법?"),
(S, False, "", "", "typo", "9급 공무원 8급 승진하려면 최소 몇년 근무해야되요"),
(S, False, "", "", "colloquial", "공무원인데 선거 때 후보 SNS 글에 좋아요 눌러도 선거법 위반이야?"),
(S, False, "", "", "preamble", "세무사 사무실 신입입니다. 프리랜서 고객의 종합소득세 신고 기한이 언제까지인가요?"),
(S, False, "", "", "typo", "예비군 훈련 연기하려면 어떻게 해야되나여 회사 출장이랑 겹쳐서"),
(S, False, "", "", "citizen", "아이를 초등학교에 1년 늦게 보내고 싶은데, 입학 유예 신청은 어떻게 하나요?"),
(S, False, "", "", "long", "전세 계약이 끝났는데 집주인이 보증금을 못 돌려준다고 하고, 알고 보니 집이 경매에 넘어갔대요. 전세사기 피해자로 인정받으면 어떤 지원을 받을 수 있고, 어디에 신청해야 하나요?"),
(S, False, "", "", "colloquial", "주휴수당은 일주일에 몇 시간 이상 일해야 받아?"),
(S, False, "", "", "short", "가스보일러 배기통 점검 주기?"),
(S, False, "", "", "citizen", "베란다에 LPG 통을 두고 쓰는데, 실내에 보관하면 안 된다는 게 사실인가요?"),
(S, False, "", "", "typo", "자동차 정기검사 기간 놓쳤는데 과태료 얼마에요"),
(S, False, "", "", "preamble", "중소기업 인사팀 신입입니다. 직원이 육아휴직을 쓰면 고용보험에서 나오는 급여 상한액이 얼마인가요?"),
(S, False, "", "", "colloquial", "불법주차 과태료 사전통지서 받았는데 의견 제출은 며칠 안에 해야 돼?"),
(S, False, "", "", "short", "학폭위 처분 불복 방법?"),
(S, False, "", "", "long", "군대 간 아들이 정기휴가를 며칠 받는지, 포상휴가는 따로 더 받는 건지 궁금해요. 입대한 지 석 달 됐는데 아직 한 번도 못 나왔다고 해서요."),
# ---------------- sample, on-topic (12) ----------------
(X, True, SM, "제4조②2", "colloquial", "다산시청에 전화로 물어보고 그 자리에서 답 들었는데, 접수증 같은 건 안 줘도 되는 거야?"),
(X, True, SM, "제7조②", "citizen", "다산시에서 서류를 보완하라고 해서 일주일 걸려 냈는데, 그 일주일도 처리기간에 들어가나요?"),
(X, True, SM, "제8조②", "typo", "다산시에 낸 민원이 거부됐는데 이유도 안알려주고 끝이에요 원래 이래도되나여"),
(X, True, SM, "제10조", "preamble", "다산시 민원실 창구에서 일하는 주무관입니다. 민원인 폭언이 잦아서 힘든데, 시에서 해 줄 수 있는 보호 조치가 있나요?"),
(X, True, SC, "제2조①2", "citizen", "열 살 아들이 놀이터에서 다쳤는데, 다산시 CCTV 영상을 부모인 제가 대신 청구할 수 있나요?"),
(X, True, SC, "제4조③", "colloquial", "다산시 CCTV 영상 볼 때 내 폰으로 화면 찍어 가도 돼?"),
(X, True, SC, "제6조②2", "long", "지난주 다산시 시장 골목에서 자전거를 도둑맞았어요. 골목 CCTV에 범인이 찍혔는지 확인하고 싶은데 돈을 내야 한다고 들었습니다. 제가 피해자인데도 수수료를 내야 하나요? 영상을 USB에 받아 가는 것까지 하면 얼마나 드는지도 궁금합니다."),
(X, True, SC, "제3조①", "short", "다산시 CCTV 열람 청구서에 뭐 적어?"),
(X, True, SR, "제3조①", "typo", "다산시 주민공유공간 빌릴려면 몇일전까지 신청해야되요?"),
(X, True, SR, "제6조2", "colloquial", "다산시 회의실 대관 잡아놨는데 이틀 전에 취소하면 돈 얼마나 돌려받아?"),
(X, True, SR, "제5조1", "preamble", "다산시 ○○동 통장인데요, 통 주민회의를 행정복지센터 회의실에서 하려고 합니다. 사용료를 내야 하나요?"),
(X, True, SR, "제3조②3", "citizen", "다산시청 1층 주민 소통방을 빌려서 아이들 물감놀이 행사를 하려는데, 시설이 상할까 봐 거절당할 수도 있나요?"),
# ---------------- sample, off-topic (10) ----------------
(X, False, "", "", "official", "다산시 주민자치회 위원의 자격 요건과 선정 방법은 무엇입니까?"),
(X, False, "", "", "citizen", "다산시청 1층 주민 소통방에 빔프로젝터나 마이크 같은 장비가 갖춰져 있나요?"),
(X, False, "", "", "citizen", "다산시 공영 전기차 충전소 충전 요금은 kWh당 얼마인가요?"),
(X, False, "", "", "colloquial", "다산시 반려견 놀이터 몇 시까지 열어?"),
(X, False, "", "", "colloquial", "다산시 민원실에 외국어 통역해 주는 사람 있어? 엄마가 한국말을 잘 못하셔서"),
(X, False, "", "", "preamble", "다산시로 이사 온 결혼이민자입니다. 시에서 운영하는 한국어 교실이 있나요?"),
(X, False, "", "", "typo", "다산시 재산세 납부기한 언제에요 7월이랑 9월 둘다 내야되나"),
(X, False, "", "", "typo", "다산시 공공자전거 1시간 타면 얼마에요"),
(X, False, "", "", "short", "다산시 CCTV 설치 위치 지도?"),
(X, False, "", "", "long", "중학생 아들이 방학 동안 다산시 청소년수련관 캠프에 가고 싶어 하는데요, 신청은 언제부터 받는지, 비용은 얼마인지, 저소득층 감면이 있는지 궁금합니다."),
]


def manifest_titles():
    with open(MANIFEST, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["title"] for r in rows if r["local_path"].endswith(".md")}


def sample_titles():
    titles = set()
    for p in glob.glob(os.path.join(SAMPLE_DIR, "**", "*.md"), recursive=True):
        m = re.search(r"(?m)^제목:\s*(.+)$", open(p, encoding="utf-8").read())
        if m:
            titles.add(m.group(1).strip())
    return titles


def main():
    mt, st = manifest_titles(), sample_titles()
    assert len(mt) == 25, len(mt)
    assert len(st) == 3, st
    qs = set()
    for c, on, law, art, style, q in ITEMS:
        assert c in (S, X)
        assert style in STYLES, style
        assert q not in qs, q
        qs.add(q)
        if on:
            assert law in (mt if c == S else st), (c, law)
            assert art
        else:
            assert law == "" and art == ""
    covered = {law for c, on, law, *_ in ITEMS if on and c == S}
    assert covered == mt, mt - covered
    per = collections.Counter(law for c, on, law, *_ in ITEMS if on)
    assert all(2 <= per[t] <= 5 for t in mt), per
    assert all(per[t] == 4 for t in st), per

    order = list(range(len(ITEMS)))
    random.Random(SEED).shuffle(order)
    lines, key = [], []
    for n, i in enumerate(order):
        c, on, law, art, style, q = ITEMS[i]
        rid = f"abh8-{n:03d}"
        lines.append({"id": rid, "half": "F", "corpus": c, "on_topic": on, "law": law,
                      "style": style, "question": q})
        key.append((rid, c, on, law, art, style))
    ids = [l["id"] for l in lines]
    assert len(set(ids)) == len(ids)
    out = os.path.join(HERE, "abstain_heldout8.jsonl")
    with open(out, "w", encoding="utf-8") as f:
        for l in lines:
            f.write(json.dumps(l, ensure_ascii=False) + "\n")

    # counts
    print(f"wrote {out}: {len(lines)} lines")
    sty = ["official", "citizen", "colloquial", "preamble", "typo", "short", "long"]
    cnt = collections.Counter((c, on, s) for c, on, _, _, s, _ in ITEMS)
    print("| corpus | on_topic | " + " | ".join(sty) + " | total |")
    for c in (S, X):
        for on in (True, False):
            row = [cnt[(c, on, s)] for s in sty]
            print(f"| {c} | {str(on).lower()} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    tot = [sum(cnt[(c, on, s)] for c in (S, X) for on in (True, False)) for s in sty]
    print("| **all** | | " + " | ".join(map(str, tot)) + f" | **{sum(tot)}** |")
    if "--key" in sys.argv:
        by = collections.defaultdict(list)
        for rid, c, on, law, art, style in key:
            if on:
                by[(c, law)].append(f"{rid} ({art})")
        for (c, law) in sorted(by):
            v = sorted(by[(c, law)])
            print(f"| {c} | {law} | {len(v)} | " + "; ".join(v) + " |")
        print("off-topic ids:")
        for rid, c, on, law, art, style in sorted(key):
            if not on:
                q = ITEMS[order[int(rid[5:])]][5]
                print(f"{rid}\t{c}\t{style}\t{q}")


if __name__ == "__main__":
    main()
