"""Reference extraction from past answers, on lines taken from the real exports in ../shared
(kgs-lpg/민원사례/kgs_qa_dev.jsonl: KGS answers with PDF-broken spacing; complaints-acrc/acrc_qa.jsonl)."""
from __future__ import annotations

from ingest.case_refs import answer_part, extract_refs

LPG = "액화석유가스의 안전관리 및 사업법"


def refs(text: str) -> list[tuple[str, str]]:
    return [(r.title or r.code, r.article or r.annex or r.clause) for r in extract_refs(text)]


def test_definition_abbreviation_and_same_law_rule():
    # kgs-000 / kgs-068
    a = ("ㅇ 「액화석유가스의 안전관리 및 사업법( 이하 “ 액법” 이라 한다) 」제33조제2항에서 가스공급 자와 사전 협의 없이는 "
         "… -  액법 제71조제6호에서는 액법 제33조제3항을 위반하여 … ㅇ 질의 1, 2 의 답변) 동법 시행규칙 제70조제4호에 따라 "
         "건축법 제22조에 따라 건축물에 대한 사용승인을")
    assert refs(a) == [(LPG, "제33조"), (LPG, "제71조"), (f"{LPG} 시행규칙", "제70조"), ("건축법", "제22조")]
    first = extract_refs(a)[0]
    assert first.via == "bracket" and first.span.startswith("「액화석유가스의 안전관리") and first.span.endswith("제33조")


def test_definition_inside_the_bracket_before_the_rule_suffix_and_broken_spacing():
    # kgs-131 / kgs-006: "…사업법( 이하 “ 액법” 이라 한다)  시행규칙」", "액법 시 행규칙"
    a = ("「액화석유가스 안전관리 및 사업법( 이하 “ 액법” 이라 한다)  시행규칙」 별표 4 제1호가목1) 다) 의 비고에서 … "
         "「액화석유가스의 안전관리 및 사업법( 이하 “ 액법” 이라 한다) 」 제32조제1항 및 액법 시 행규칙 제12조제1항제3호에 따라")
    assert refs(a) == [("액화석유가스 안전관리 및 사업법 시행규칙", "별표 4"), (LPG, "제32조"),
                       ("액화석유가스의 안전관리 및 사업법 시행규칙", "제12조")]


def test_unbracketed_rule_title_annex_and_same_law_annex():
    # kgs-036 ("시행규칙 별표20" with no 「」), kgs-048 (동법 시행규칙 별표 20)
    assert refs("[ 질의 1] ㅇ 액화석유가스의 안전관리 및 사업법 시행규칙 별표20 제1호가목4) 라) 에서 배관은") == [
        (f"{LPG} 시행규칙", "별표 20")]
    a = (f"ㅇ {LPG} 제44조제1항에는 … 사용시설의 시설기준과 기술기준은 동법 시행규칙 별표 20에 규정하고 있습니다.")
    assert refs(a) == [(LPG, "제44조"), (f"{LPG} 시행규칙", "별표 20")]


def test_decree_after_the_bracket_and_bare_law_word():
    # kgs-014, kgs-084 ("「…시행규칙」제71조제2항 법 제44조": the bare 법 is the statute, not the rule)
    assert refs(f"ㅇ 「{LPG}」( 이하 “ 액법” 이라 한다)  시행령 별표 1에 따라 액 화석유가스") == [(f"{LPG} 시행령", "별표 1")]
    a = f"「{LPG} 시행규칙」제71조제2항 법 제44조 제2항에 따른 액화석유가스 특정사용시설의"
    assert refs(a) == [(f"{LPG} 시행규칙", "제71조"), (LPG, "제44조")]


def test_code_clauses_same_code_and_code_without_clause():
    # kgs-003, kgs-017, kgs-150
    a = ("ㅇ KGS FU432 2. 3. 3. 4( 3) 따라 소형저장탱크는 지면보다 0. 05m 이상 높게 설치된 … -  다만,  같은 코드 "
         "1. 5. 15. 2에서는")
    assert refs(a) == [("KGS FU432", "2.3.3.4"), ("KGS FU432", "1.5.15.2")]  # 0. 05m is a measurement
    assert refs("KGS FU432( 소형저장탱크에 의한 액화 석유가스 사용시설의 시설 기술 검사 기준)  2. 3. 3. 1 ( 3) 에 따라") == [
        ("KGS FU432", "2.3.3.1")]
    assert refs("KGS Code FU431의 2.1.2에 따라") == [("KGS FU431", "2.1.2")]
    assert refs("별표 20 제3호 및 관련 상세기준인 KGS FU433에서는 액화석유가스 저장탱크와") == [("KGS FU433", "")]


def test_acrc_ranges_abbreviation_definitions_and_same_law():
    a = ("1. 공공기관의 정보공개에 관한 법률(약칭: 정보공개법)에서의 공개 및 비공개 대상 정보와 … 청구인에게 통지하게 "
         "됩니다(동법 제10조부터 제16조)")
    got = refs(a)
    assert got == [("공공기관의 정보공개에 관한 법률", f"제{n}조") for n in range(10, 17)]
    assert refs("지방세법 제127조 내지 130조에 근거하여, 소유중인 자동차를") == [("지방세법", f"제{n}조") for n in range(127, 131)]
    assert refs("민원 처리에 관한 법률 시행령 제14조~제17조까지는") == [
        ("민원 처리에 관한 법률 시행령", f"제{n}조") for n in range(14, 18)]
    assert len(refs("민법 제1조부터 제100조까지")) == 2  # a long range keeps its two ends
    assert refs("「민원 처리에 관한 법률」 제10조 내지 제12조에 따라") == [
        ("민원 처리에 관한 법률", f"제{n}조") for n in range(10, 13)]
    assert refs("도로법 제5조 내지 제6조의2") == [("도로법", "제5조"), ("도로법", "제6조의2")]
    a = "건축법 제20조 및 같은 법 시행령 제15조에 따른 가설건축물을 축조하려는 경우 같은 법 시행규칙 제13조 제1항에 따라"
    assert refs(a) == [("건축법", "제20조"), ("건축법 시행령", "제15조"), ("건축법 시행규칙", "제13조")]
    assert refs("-정화조는 하수도법 제39조 및 같은법 시행규칙 제33조에 의거 연1회") == [
        ("하수도법", "제39조"), ("하수도법 시행규칙", "제33조")]
    assert refs("통상 정보공개가 거부되는 경우는 정보공개법 제9조(비공개 대상) 4항") == [("공공기관의 정보공개에 관한 법률", "제9조")]


def test_administrative_rules_ordinances_and_annex_brackets():
    assert refs("「표준 개인정보 보호지침」 제44조에 따라") == [("표준 개인정보 보호지침", "제44조")]
    assert refs("「태안군 공설 영묘전 운영 및 주변마을 지원 조례」제6조의 3(안치단의 배치 등)에 따라") == [
        ("태안군 공설 영묘전 운영 및 주변마을 지원 조례", "제6조의3")]
    assert refs("▶ 근로자 안전보건교육 시간(「산업안전보건법 시행규칙」[별표 5])") == [("산업안전보건법 시행규칙", "별표 5")]
    a = "양주시 폐기물 관리 조례 제16조제5항에 따르면 재활용가능폐기물은 별표 3에서 정한 방법에 따라"
    assert refs(a) == [("양주시 폐기물 관리 조례", "제16조"), ("양주시 폐기물 관리 조례", "별표 3")]
    # a project name in 「」 is not a law; a bare article with no law named anywhere is dropped
    assert refs("「청년 신혼부부 전세자금 대출이자 지원 사업」은 제3조에 따라") == []


def test_answer_part_reads_only_the_answer():
    text = "제목: 액법 문의\n질문: 액법 제5조가 궁금합니다\n답변: 「도시가스사업법」 제10조에 따라"
    assert refs(answer_part(text)) == [("도시가스사업법", "제10조")]


def test_hyphenated_articles_are_one_article_never_a_range():
    assert refs("「액화석유가스 안전관리 규정」 제10-2조에 따라") == [("액화석유가스 안전관리 규정", "제10-2조")]
    assert refs("같은 지침 제 8 - 33 조 및 「가스 기준」 제3조") == [("가스 기준", "제3조")]  # no law before: not cited
    assert refs("「가스 기준」 제8-33조 내지 제8-35조") == [("가스 기준", "제8-33조"), ("가스 기준", "제8-35조")]
