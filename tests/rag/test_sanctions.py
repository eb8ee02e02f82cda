"""A question about consequences ("법적으로 문제가 되나요?") also finds the penalty article that names the
rule found (rag/sanctions.py): pure parts, then a real index on both engines."""
from __future__ import annotations

import pytest

from rag import sanctions
from rag.index.base import IndexHit
from tests.conftest import AS_OF, ENGINES
from tests.rag.test_glossary_delegation import RULE

LAW = """---
제목: 시험가스의 안전관리법
법령구분: 법률
공포일자: 2024-01-02
공포번호: '30001'
시행일자: 2024-07-01
상태: 시행
---

# 시험가스의 안전관리법

##### 제10조 (사용시설의 설치)

시험가스를 사용하려는 자는 산업통상자원부령으로 정하는 기준에 맞도록 용기보관실을 갖추어야 한다.

##### 제11조 (공급설비의 철거 금지)

누구든지 공급자와 협의 없이 공급자 소유의 공급설비를 임의로 철거하여서는 아니 된다.

##### 제12조 (판매 장부)

판매사업자는 판매 장부를 갖추어 두어야 한다.

##### 제30조 (벌칙)

제10조를 위반하여 용기보관실을 갖추지 아니한 자는 1년 이하의 징역 또는 1천만원 이하의 벌금에 처한다.

##### 제31조 (과태료)

제11조를 위반하여 공급설비를 철거한 자에게는 300만원 이하의 과태료를 부과한다.

##### 제32조 (과태료의 부과)

제12조에 따른 판매 장부를 갖추지 아니한 자에게는 100만원 이하의 과태료를 부과한다.
"""


def unit(id_: str, article: str, score: float, text: str = "", heading: str = "", law: str = "law") -> IndexHit:
    return IndexHit(id_, score, {"title_norm": law, "article": article, "label": article, "text": text,
                                 "unit_title": heading})


@pytest.mark.parametrize("question, asks", [
    ("공급설비를 철거하지 않는 공급자는 법적으로 문제가 되는지 알려주세요", True),
    ("덮개를 안 씌우고 사용하면 불이익이 있나요?", True),
    ("과태료는 얼마인가요", True),
    ("이웃이 불법으로 가스통을 쌓아 둡니다. 신고 방법은요?", True),
    ("용기보관실 설치 기준이 무엇인가요?", False),
    ("전입신고 방법을 알려주세요", False),  # a procedure, not reporting a violation
])
def test_asks_about_consequences(question, asks):
    assert sanctions.asks(question) is asks


def test_referenced_articles():
    assert sanctions.referenced("제10조제1항을 위반하여 …, 제11조의2 또는 같은 법 제3조에 따른") == {
        "제10조", "제11조의2", "제3조"}


def test_boost_raises_the_penalty_naming_a_top_rule_and_lets_it_join():
    ranked = [unit("a", "제11조", 1.0), unit("b", "제12조", 0.8), unit("c", "제32조", 0.3, "제12조에 따른", "과태료")]
    penalties = [unit("c", "제32조", 0.0, "제12조에 따른", "과태료"), unit("d", "제31조", 0.0, "제11조를 위반하여", "과태료"),
                 unit("e", "제30조", 0.0, "제10조를 위반하여", "벌칙")]
    out = sanctions.boost(ranked, lambda law: penalties, share=0.5)
    score = {h.id: h.score for h in out}
    assert score["d"] == 0.5 and abs(score["c"] - (0.3 + 0.4)) < 1e-9  # half of the rule each names
    assert "e" not in score  # 제10조 is not among the rules found
    assert [h.id for h in out] == ["a", "b", "c", "d"]
    assert sanctions.boost(ranked, lambda law: penalties, share=0) == ranked
    other_law = [unit("x", "제31조", 0.0, "제11조를 위반하여", "과태료", law="other")]
    assert sanctions.boost(ranked[:1], lambda law: other_law, share=0.5)[1].id == "x"  # fetched by law: trusted


@pytest.fixture(params=ENGINES)
def rt(request, make_runtime, tmp_path):
    (tmp_path / "law.md").write_text(LAW, encoding="utf-8")
    (tmp_path / "rule.md").write_text(RULE, encoding="utf-8")
    rt = make_runtime(request.param)
    rt.ingestor.ingest_paths([tmp_path])
    rt.retriever.refresh_titles()
    return rt


def _rank(res, unit_label):
    return next((h.rank for h in res.hits if h.unit == unit_label and h.document.title == "시험가스의 안전관리법"), None)


def test_consequence_question_finds_the_penalty_of_the_rule_it_breaks(rt):
    q = "공급자 소유의 공급설비를 협의 없이 철거하면 법적으로 문제가 되나요?"
    rt.retriever.sanction_share = 0.0
    plain = rt.retriever.search(q, top_k=3, as_of=AS_OF)
    rt.retriever.sanction_share = sanctions.SHARE
    res = rt.retriever.search(q, top_k=3, as_of=AS_OF)
    assert _rank(plain, "제11조") == 1 and _rank(plain, "제31조") == 2  # the rule, then its penalty by wording
    assert _rank(res, "제31조") == 1 and _rank(res, "제11조") == 2  # the penalty of the rule found rises
    assert _rank(res, "제30조") is None  # the penalty of a rule not found stays out
    why = str(next(h for h in res.hits if h.unit == "제31조").to_dict()["score_parts"])
    assert "벌칙·과태료" in why
    same = rt.retriever.search("공급자 소유의 공급설비를 협의 없이 철거해도 되는 경우가 있나요?", top_k=3, as_of=AS_OF)
    rt.retriever.sanction_share = 0.0
    assert [h.id for h in same.hits] == [h.id for h in rt.retriever.search(
        "공급자 소유의 공급설비를 협의 없이 철거해도 되는 경우가 있나요?", top_k=3, as_of=AS_OF).hits]


def test_penalty_articles_are_read_once_per_law_by_heading(rt):
    from rag.model import normalize_title

    pen = rt.retriever._penalties
    law = normalize_title("시험가스의 안전관리법")
    assert pen.labels(law) == ["제30조", "제31조", "제32조"]
    assert pen.labels(normalize_title("시험가스의 안전관리법 시행규칙")) == []
    rt.retriever.refresh_titles()
    assert pen._labels == {}
