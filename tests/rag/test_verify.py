"""Answer verification: [n] markers, quotations, legal references (law-aware), inline marking, real dev answers."""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

import pytest

from rag.verify import Source, find_references, verify

LPG = "액화석유가스의 안전관리 및 사업법"
RULE = f"{LPG} 시행규칙"
DECREE = f"{LPG} 시행령"
HP = "고압가스 안전관리법"
A33 = ("제33조(시설의 개선과 안전 유지) ② 가스공급자와 사전 협의 없이는 누구든지 가스공급자 소유의 설비를 임의로 "
       "철거하거나 변경하여서는 아니 된다.\n③ 가스공급자는 수요자가 다음 각 호의 요청을 하는 경우 정당한 사유가 "
       "없으면 2일 이내에 그 요청에 따라야 한다.")
A73 = "제73조(과태료) ④ 다음 각 호의 어느 하나에 해당하는 자에게는 200만원 이하의 과태료를 부과한다."
R70 = ("제70조(액화석유가스 특정사용자 등) ① 법 제44조제2항에서 “산업통상자원부령으로 정하는 자”란 다음 각 호의 "
       "어느 하나에 해당하는 자를 말한다.")
ANNEX20 = "1. 용기에 의한 액화석유가스 사용시설 가. 시설기준 2) 다) 용기는 환기가 양호한 옥외에 둘 것."
CLAUSE = "2.3.3.4 설치방법 (3) 소형저장탱크는 지면보다 0.05 m 이상 높게 설치된 일체형 콘크리트 기초에 설치한다."


def sources() -> list[Source]:
    return [Source(1, LPG, label="제33조", text=A33), Source(2, LPG, label="제73조", text=A73),
            Source(3, "액화석유가스 사용시설의 시설ㆍ기술ㆍ검사기준", RULE, "별표 20", ANNEX20, "annex"),
            Source(4, "KGS FU432 소형저장탱크에 의한 액화석유가스 사용시설의 시설ㆍ기술ㆍ검사 기준", label="2.3.3.4",
                   text=CLAUSE, kind="clause"),
            Source(5, RULE, label="제70조제1항", text=R70)]


def kinds(v) -> list[str]:
    return [i["type"] for i in v.issues]


# (a) markers


@pytest.mark.parametrize("marker, cited", [("[1]", [1]), ("[1,2]", [1, 2]), ("[1, 2]", [1, 2]),
                                           ("[1][2]", [1, 2]), ("[1-3]", [1, 2, 3]), ("[2–3]", [2, 3])])
def test_valid_marker_forms(marker, cited):
    v = verify(f"액법 제33조제2항에 따라 임의로 철거할 수 없습니다{marker}.", sources())
    assert v.ok, v.issues
    assert v.cited == cited


@pytest.mark.parametrize("marker, marked", [("[7]", "[7⚠]"), ("[1, 7]", "[1, 7⚠]"), ("[1-7]", "[1-7⚠]"),
                                            ("[1][9]", "[1][9⚠]"), ("[0]", "[0⚠]")])
def test_invalid_marker_flagged_and_marked(marker, marked):
    answer = f"액법 제33조제2항에 따라 임의로 철거할 수 없습니다{marker}."
    v = verify(answer, sources())
    assert kinds(v) == ["invalid_marker"]
    s, e = v.issues[0]["span"]
    assert answer[s:e].endswith(marker[-3:]) and marked in v.text and not v.ok
    assert v.cited == {"[1-7]": [1, 2, 3, 4, 5]}.get(marker, [1] if marker.startswith("[1") else [])


# (c) references


def test_article_matched_at_article_level():
    v = verify("액법 제33조제3항제2호[1] 및 제73조제4항[2], 액법 시행규칙 제70조[5]를 보십시오.", sources())
    assert v.ok, v.issues
    assert v.checked["references"] == 3


def test_unsupported_article_flagged_inline_right_after_it():
    answer = "액법 제34조제1항[1]에 따라 선임하여야 합니다."
    v = verify(answer, sources())
    assert kinds(v) == ["unsupported_reference"]
    s, e = v.issues[0]["span"]
    assert answer[s:e] == "제34조제1항"
    assert v.text == "액법 제34조제1항⚠(근거 없음)[1]에 따라 선임하여야 합니다."
    assert "제34조" in v.issues[0]["detail"]


def test_branch_article_is_a_different_article():
    assert kinds(verify("액법 제33조의2[1]에 따라", sources())) == ["unsupported_reference"]


def test_annex_and_code_clause():
    ok = ("액법 시행규칙 별표 20[3] 및 KGS FU432 2.3.3.4(3)[4], 같은 코드 2. 3. 3. 4[4]와 "
          "「액화석유가스의 안전관리 및 사업법 시행규칙」 별표 20[3]을 보십시오.")
    assert verify(ok, sources()).ok
    bad = verify("액법 시행규칙 별표 21[3] 및 KGS FU433 2.3.3.4[4], KGS FU432 2.8.2.2[4]", sources())
    assert [i["detail"].split("은(는)")[0] for i in bad.issues] == [
        f"{RULE} 별표 21", "KGS FU433 2.3.3.4", "KGS FU432 2.8.2.2"]


def test_swapped_law_flagged_with_the_law_that_has_the_number():
    v = verify("고압가스법 제33조제2항[1]에 따라 철거할 수 없습니다.", sources())
    assert kinds(v) == ["unsupported_reference"]
    assert "고압가스 안전관리법 제33조" in v.issues[0]["detail"] and LPG in v.issues[0]["detail"]
    assert kinds(verify("「도시가스사업법」 제73조[2]", sources())) == ["unsupported_reference"]
    assert kinds(verify("「건축법」 제22조에 따라 사용승인을 받아야 합니다[1].", sources())) == ["unsupported_reference"]


def test_enforcement_rule_is_not_the_act():
    assert kinds(verify("액법 시행규칙 제33조[1]에 따라", sources())) == ["unsupported_reference"]
    assert kinds(verify("액법 시행령 별표 20[3]에 따라", sources())) == ["unsupported_reference"]
    assert kinds(verify("액법 제70조[5]에 따라", sources())) == ["unsupported_reference"]


def test_same_law_and_rule_follow_the_law_in_context():
    v = verify("「고압가스 안전관리법」 제17조에 따라 합니다. 같은 법 제33조[1]에 따라 합니다.", sources())
    assert [i["detail"].split("은(는)")[0] for i in v.issues] == [f"{HP} 제17조", f"{HP} 제33조"]
    v = verify("액법 제33조[1]에 따라 합니다. 같은 법 제73조[2], 동법 시행규칙 제70조[5], 시행규칙 별표 20[3], "
               "법 시행규칙 별표 20[3] 및 동법 제33조[1]을 보십시오.", sources())
    assert v.ok, v.issues


def test_abbreviation_defined_in_the_answer():
    answer = ("「액화석유가스의 안전관리 및 사업법(이하 “액법”이라 한다) 시행규칙」 별표 20[3]과 "
              "액법 제33조[1]에 따라 합니다.")
    refs = find_references(answer, sources())
    assert [(r.text, r.law[1]) for r in refs] == [("별표 20", "시행규칙"), ("제33조", "")]
    assert verify(answer, sources()).ok


def test_other_kinds_of_laws():
    hall = "다산시 주민공유공간 대관 예시 조례"
    srcs = [Source(1, hall, label="제5조", text="제5조(사용료)"), Source(2, "공공기관의 정보공개에 관한 법률", label="제9조")]
    assert verify(f"「{hall}」 제5조[1]와 같은 조례 제5조[1], 공공기관의 정보공개에 관한 법률 제9조[2]", srcs).ok
    v = verify(f"{hall} 제6조[1]와 개인정보 보호에 관한 법률 제9조[2]", srcs)
    assert [i["detail"].split("은(는)")[0] for i in v.issues] == [f"{hall} 제6조", "개인정보 보호에 관한 법률 제9조"]


def test_listed_articles_inherit_the_law_and_paragraph_references_stay_in_the_article():
    for answer in ("고압가스법 제17조 및 제33조[1]에 따라", "고압가스법 제17조[1], 제33조[1]에 따라"):
        v = verify(answer, sources())
        assert len(v.issues) == 2 and all(i["type"] == "unsupported_reference" for i in v.issues)
    v = verify("액법 제33조제3항[1]에서는 수요자가 제2항에 따른 협의가 이루어지지 않은 경우를 규정합니다.", sources())
    assert v.ok and v.checked["references"] == 1


def test_reference_without_law_needs_only_the_label():
    assert verify("제33조제2항[1]에 따르면 임의로 철거할 수 없습니다.", sources()).ok
    assert kinds(verify("제35조[1]에 따르면", sources())) == ["unsupported_reference"]


def test_reference_without_citation_is_uncited_claim():
    answer = "액법 제73조에 따라 과태료가 부과됩니다. 다른 문장입니다."
    v = verify(answer, sources())
    assert kinds(v) == ["uncited_claim"] and v.issues[0]["source"] == 2
    assert v.text.startswith("액법 제73조⚠(출처 표시 없음)에 따라")


def test_code_context_and_numbers_that_are_not_clauses():
    answer = ("KGS FU432 2. 3. 3. 4( 3)[4]에 따라 지면보다 0. 05m 이상 높게 설치하며, 같은 코드 2.3.3.4[4]는 "
              "<개정 15. 10. 2>에 따라 2015. 10. 2. 이후 1. 6m 이상에 적용되고, 동 상세기준 2.3.3.4(4)[4]도 같습니다.")
    refs = find_references(answer, sources())
    assert [(r.key, r.law) for r in refs] == [("2.3.3.4", ("KGS", "FU432"))] * 3
    assert verify(answer, sources()).ok
    assert kinds(verify("KGS FU432 2.3.3.4[4]를 보고, 같은 코드 2.8.2.2[4]도 봅니다.", sources())) == [
        "unsupported_reference"]


def test_bracketed_text_that_is_not_a_marker():
    v = verify("[ 질의 1] [별표 20] 선택 → [ 2. 5. 7. 8. 3 천정ㆍ벽ㆍ바닥 배관] 액법 시행규칙 별표 20[3]", sources())
    assert v.ok and v.checked["markers"] == 1 and v.cited == [3]


def test_annex_of_the_decree_after_a_defined_abbreviation():
    srcs = [Source(1, "안전관리자의 자격과 선임 인원", DECREE, "별표 1", "1. 가스기능사", "annex")]
    answer = "「액화석유가스의 안전관리 및 사업법」(이하 “액법”이라 한다) 시행령 별표 1[1]에 따라 선임합니다."
    assert verify(answer, srcs).ok
    assert kinds(verify(answer.replace("시행령", "시행규칙"), srcs)) == ["unsupported_reference"]
    assert verify("액법 별표 1[1]", srcs).ok  # officials name the act for its decree's annex


# (b) quotations


def test_faithful_quote_passes_despite_spacing_and_punctuation():
    answer = "액법 제33조제3항[1]은 “가스공급자는 수요자가 다음 각 호의 요청을 하는 경우 정당한 사유가 없으면 2 일 이내에 그 요청에 따라야 한다”고 규정합니다."
    v = verify(answer, sources())
    assert v.ok, v.issues
    assert v.checked["quotes"] == 1


@pytest.mark.parametrize("changed", ["정당한 사유가 없으면 5일 이내에 그 요청에 따라야 한다",
                                     "정당한 사유가 있으면 2일 이내에 그 요청에 따라야 한다",
                                     "정당한 사유가 없으면 2일 이내에 그 요청을 거부할 수 있다",
                                     "정당한 사유가 없으면 2일 이내에 그 계약에 따라야 한다"])
def test_altered_quote_flagged_and_marked_after_the_quote(changed):
    answer = f"액법 제33조제3항[1]은 “{changed}”라고 규정합니다."
    v = verify(answer, sources())
    assert kinds(v) == ["altered_quote"] and v.issues[0]["source"] == 1
    s, e = v.issues[0]["span"]
    assert answer[s:e] == f"“{changed}”"
    assert f"{changed}”⚠(원문과 다름)" in v.text


def test_quote_checked_against_the_cited_source_or_any_when_uncited():
    q = "“가스공급자와 사전 협의 없이는 누구든지 가스공급자 소유의 설비를 임의로 철거하거나 변경하여서는 아니 된다”"
    assert verify(f"법은 {q}고 정합니다.", sources()).ok  # no marker: any source may hold it
    v = verify(f"법은 {q}고 정합니다[2].", sources())
    assert kinds(v) == ["altered_quote"] and "[1]의 원문과는 일치" in v.issues[0]["detail"]


def test_quote_with_ellipsis_matches_its_pieces():
    answer = "액법 제33조[1]은 “가스공급자는 수요자가 … 2일 이내에 그 요청에 따라야 한다”고 합니다."
    assert verify(answer, sources()).ok


def test_page_furniture_inside_the_source_passage_is_tolerated():
    text = ("2.11.2.1 부록 C3에 따라 소형저장탱크의 저장능력을 합산한 결과 저장능력 합계가 1000㎏ 이상인 긴급 연락처\n"
            "규격: (0.5×0.6)m 이상\nKGS FU432 2023\n소형저장탱크를 설치한 장소 주위에는 높이 1m 이상의 철책 또는 "
            "철망 등의 경계책을 설치하여 일반인의 출입이 통제되도록 필요한 조치를 한다.")
    srcs = [Source(1, "KGS FU432", label="2.11.2", text=text)]
    quote = ("부록 C3에 따라 소형저장탱크의 저장능력을 합산한 결과 저장능력 합계가 1, 000㎏ 이상인 소형저장탱크를 설치한 "
             "장소 주위에는 높이 1m 이상의 철책 또는 철망 등의 경계책을 설치하여 일반인의 출입이 통제되도록 필요한 조치를 한다")
    assert verify(f"KGS FU432 2.11.2.1[1]에서는 “{quote}”고 규정합니다.", srcs).ok
    v = verify(f"KGS FU432 2.11.2.1[1]에서는 “{quote.replace('1m', '2m')}”고 규정합니다.", srcs)
    assert kinds(v) == ["altered_quote"] and "‘2" in v.issues[0]["detail"]


def test_titles_terms_and_names_are_not_quotations():
    answer = ("「액화석유가스의 안전관리 및 사업법」 제33조[1], 「액화석유가스시설 등의 검사수수료 및 교육비 기준」, "
              "(이하 “특정사용자”라 한다), “저장능력”이란 … , “일체형 저장탱크 조립검사 성적서”를 제출합니다.")
    v = verify(answer, sources())
    assert v.ok and v.checked["quotes"] == 0


def test_reference_inside_a_faithful_quote_is_not_checked():
    ok = "시행규칙 제70조제1항[5]은 “법 제44조제2항에서 “산업통상자원부령으로 정하는 자”란 다음 각 호의 어느 하나에 해당하는 자를 말한다”고 합니다."
    assert verify(ok, sources()).ok  # 법 제44조 is not among the sources, but the quote is the source's own text
    bad = verify(ok.replace("다음 각 호의 어느 하나", "다음 각 호의 모두"), sources())
    assert sorted(kinds(bad)) == ["altered_quote", "unsupported_reference"]


# inline marking, purity, speed


def test_inline_marks_and_spans_refer_to_the_original():
    answer = "고압가스법 제33조[1]은 “정당한 사유가 없으면 3일 이내에 따라야 한다”[1]고 합니다[9]."
    v = verify(answer, sources())
    assert kinds(v) == ["unsupported_reference", "altered_quote", "invalid_marker"]
    assert v.text == ("고압가스법 제33조⚠(근거 없음)[1]은 “정당한 사유가 없으면 3일 이내에 따라야 한다”⚠(원문과 다름)[1]고 "
                      "합니다[9⚠].")
    assert [answer[slice(*i["span"])] for i in v.issues] == ["제33조", "“정당한 사유가 없으면 3일 이내에 따라야 한다”", "[9]"]
    assert v.checked == {"markers": 3, "quotes": 1, "references": 1} and v.cited == [1]


def test_no_sources_and_empty_answer():
    assert verify("", []).ok
    v = verify("액법 제33조[1]", [])
    assert kinds(v) == ["unsupported_reference", "invalid_marker"]


def test_fast_on_a_long_answer_with_ten_sources():
    srcs = sources() + [Source(n, RULE, label=f"제{n}조", text=(A33 + R70) * 6) for n in range(6, 11)]
    part = ("ㅇ 액법 제33조제2항[1]에서 “가스공급자와 사전 협의 없이는 누구든지 가스공급자 소유의 설비를 임의로 철거하거나 "
            "변경하여서는 아니 된다”고 규정하고 있으며, 액법 시행규칙 별표 20[3] 및 KGS FU432 2.3.3.4[4]에 따라 "
            "설치하여야 하고, 같은 법 제73조[2]에 따라 과태료가 부과됩니다. ")
    answer = (part * 10)[:2000]
    verify(answer, srcs)
    times = []
    for _ in range(15):
        t = time.thread_time()
        verify(answer, srcs)
        times.append(time.thread_time() - t)
    assert statistics.median(times) < 0.005


# the evaluation builder on real dev answers

DEV = Path("/work/shared/eval/kgs_dev.jsonl")


@pytest.mark.skipif(not DEV.exists(), reason="needs /work/shared (real KGS dev answers)")
def test_eval_builder_on_real_dev_answers():
    from eval.verify_eval import build_cases, run_case, summarize

    ids = {"kgs-000", "kgs-006", "kgs-014", "kgs-019", "kgs-031", "kgs-121", "kgs-155", "kgs-161"}
    rows = [json.loads(x) for x in DEV.read_text(encoding="utf-8").splitlines() if x.strip()]
    cases = build_cases([r for r in rows if r["id"] in ids], corpus=None, seed=13)
    summary = summarize([run_case(c) for c in cases])
    assert summary["items"] == len(ids)
    assert summary["overall"]["cases"] >= 25 and summary["overall"]["rate"] >= 0.9, summary["per_type"]
    assert summary["false_alarm"]["rate"] <= 0.1, summary["false_alarm"]
