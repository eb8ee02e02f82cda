"""Legal references in questions: 약칭, articles and paragraphs, 별표, technical codes, fuzzy titles."""
from __future__ import annotations

import pytest

from rag.references import Reference, ReferenceResolver

LPG = "액화석유가스의 안전관리 및 사업법"
TITLES = [LPG, f"{LPG} 시행령", f"{LPG} 시행규칙", "고압가스 안전관리법", "도시가스사업법",
          "공공기관의 정보공개에 관한 법률", "다산시 민원 처리 예시 조례"]


@pytest.fixture(scope="module")
def resolver():
    return ReferenceResolver(TITLES)


def test_abbreviation_article_and_paragraph(resolver):
    r = resolver.resolve("액법 제33조제2항 위반 시 벌칙은?")
    assert r.laws == [LPG]
    assert r.refs == [Reference(title=LPG, article="제33조", paragraph=2)]
    assert r.codes == []


def test_article_with_branch_number_and_spaces(resolver):
    r = resolver.resolve("액법 제 33 조의 2 제 1 항")
    assert r.refs == [Reference(title=LPG, article="제33조의2", paragraph=1)]


def test_abbreviation_with_enforcement_rule_suffix_and_annex(resolver):
    r = resolver.resolve("액법 시행규칙 별표 20의 기준이 궁금합니다")
    assert r.laws == [f"{LPG} 시행규칙"]
    assert r.refs == [Reference(title=f"{LPG} 시행규칙", annex="별표 20")]


def test_annex_branch_number(resolver):
    r = resolver.resolve("액법 시행령 별표1의2")
    assert r.refs == [Reference(title=f"{LPG} 시행령", annex="별표 1의2")]


def test_code_and_clause(resolver):
    r = resolver.resolve("KGS FU432 2.3.3.4")
    assert r.codes == ["KGS FU432"]
    assert r.refs == [Reference(code="KGS FU432", clause="2.3.3.4")]


def test_code_lowercase_and_without_prefix(resolver):
    assert resolver.resolve("kgs fu432 2.3.3.4에서 정한 거리").refs == [Reference(code="KGS FU432", clause="2.3.3.4")]
    assert resolver.resolve("FU432 기준").codes == ["KGS FU432"]


def test_number_with_unit_after_code_is_not_a_clause(resolver):
    r = resolver.resolve("KGS FU432 1.5 m 이상 떨어져야 하나요")
    assert r.codes == ["KGS FU432"] and r.refs == []


def test_clause_followed_by_baegwan(resolver):
    r = resolver.resolve("KGS FU432 2.3.3.4 배관 설치 기준")
    assert r.refs == [Reference(code="KGS FU432", clause="2.3.3.4")]


@pytest.mark.parametrize("question", [
    f"{LPG} 제5조",
    "액화석유가스의 안전관리및 사업법 제5조",  # missing space
    "액화석유가스의 안전괸리 및 사업법 제5조",  # typo 괸
    "액화석유가스의안전관리및사업법 제5조",  # no spaces at all
])
def test_fuzzy_full_title(resolver, question):
    r = resolver.resolve(question)
    assert r.laws == [LPG]
    assert r.refs == [Reference(title=LPG, article="제5조")]


def test_fuzzy_title_with_suffix(resolver):
    r = resolver.resolve("액화석유가스의안전관리및사업법 시행령 제3조")
    assert r.refs == [Reference(title=f"{LPG} 시행령", article="제3조")]


def test_information_disclosure_act(resolver):
    r = resolver.resolve("정보공개법 제9조 비공개 대상 정보")
    assert r.laws == ["공공기관의 정보공개에 관한 법률"]
    assert r.refs == [Reference(title="공공기관의 정보공개에 관한 법률", article="제9조")]


def test_abbreviation_is_not_read_inside_beopryul(resolver):
    # "정보공개법률" must not be read as the abbreviation "정보공개법" followed by "률"
    r = resolver.resolve("정보공개법률 제9조")
    assert r.laws == []
    assert r.refs == [Reference(article="제9조")]


def test_abbreviation_is_not_matched_inside_another_law_name(resolver):
    r = resolver.resolve("수도법 제3조에 따른 급수 의무")
    assert "도시가스사업법" not in r.laws
    assert all(ref.title != "도시가스사업법" for ref in r.refs)


def test_short_indexed_title_is_recognised():
    r = ReferenceResolver(TITLES + ["건축법"]).resolve("건축법 제3조 적용 대상")
    assert r.laws == ["건축법"]
    assert r.refs == [Reference(title="건축법", article="제3조")]


def test_article_is_tied_to_the_nearest_preceding_law(resolver):
    r = resolver.resolve("고압법 제4조와 액법 제3조")
    assert r.laws == ["고압가스 안전관리법", LPG]
    assert r.refs == [Reference(title="고압가스 안전관리법", article="제4조"), Reference(title=LPG, article="제3조")]


def test_known_law_that_is_not_indexed_is_recognised_by_name(resolver):
    # 건축법 is in the table of law titles (rag/data/law_names.tsv), not in TITLES: named, not indexed
    r = resolver.resolve("건축법 제3조 적용 대상")
    assert r.laws == ["건축법"] and "건축법" not in resolver.titles
    assert r.refs == [Reference(title="건축법", article="제3조")] and r.refs[0].written == "건축법 제3조"


def test_name_that_is_no_known_law_is_not_matched(resolver):
    r = resolver.resolve("가상공간운영법 제3조 적용 대상")
    assert r.laws == []
    assert r.refs == [Reference(article="제3조")] and r.refs[0].written == "제3조"


def test_table_abbreviation_resolves_to_official_title_when_not_indexed():
    r = ReferenceResolver(["다산시 민원 처리 예시 조례"]).resolve("액법 제33조 위반 시 벌칙")
    assert r.laws == [LPG] and r.written[LPG] == "액법"
    assert r.refs == [Reference(title=LPG, article="제33조")] and r.refs[0].written == "액법 제33조"


def test_indexed_title_wins_over_a_table_title_on_a_fuzzy_tie():
    r = ReferenceResolver(["개인정보 보호법"]).resolve("개인정보보호법 제35조 열람")
    assert r.laws == ["개인정보 보호법"]


def test_ordinance_title_with_spacing_variation(resolver):
    r = resolver.resolve("다산시 민원처리 예시조례 제3조")
    assert r.laws == ["다산시 민원 처리 예시 조례"]
    assert r.refs[0].title == "다산시 민원 처리 예시 조례"


def test_empty_question(resolver):
    r = resolver.resolve("")
    assert r.laws == [] and r.refs == [] and r.codes == []
