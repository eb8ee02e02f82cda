"""Everyday-word glossary on the lexical side, and delegation from implementing articles to the
statute article they implement (real index, both engines, fake dense embedder)."""
from __future__ import annotations

import pytest

from rag import glossary
from rag.delegation import implemented_articles, parent_norm, propagate
from rag.index.base import IndexHit
from tests.conftest import AS_OF, ENGINES

LAW = """---
제목: 시험가스의 안전관리법
법령구분: 법률
공포일자: 2024-01-02
공포번호: '30001'
시행일자: 2024-07-01
상태: 시행
---

# 시험가스의 안전관리법

##### 제1조 (목적)

이 법은 시험가스로 인한 위해를 방지하고 공공의 안전을 확보함을 목적으로 한다.

##### 제10조 (사용시설의 설치와 검사)

**①** 시험가스를 사용하려는 자는 산업통상자원부령으로 정하는 시설기준과 기술기준에 맞도록 사용시설을 갖추어야 한다.

**②** 제1항에 따른 사용시설을 설치한 자는 산업통상자원부령으로 정하는 바에 따라 시장·군수·구청장의 확인을 받아야 한다.

##### 제11조 (판매 방법)

판매사업자는 산업통상자원부령으로 정하는 방법에 따라 시험가스를 판매하여야 한다.

##### 제30조 (벌칙)

제10조제1항을 위반하여 사용시설을 갖추지 아니한 자는 1년 이하의 징역 또는 1천만원 이하의 벌금에 처한다.
"""

RULE = """---
제목: 시험가스의 안전관리법 시행규칙
법령구분: 산업통상자원부령
공포일자: 2024-03-02
공포번호: '501'
시행일자: 2024-07-01
상태: 시행
---

# 시험가스의 안전관리법 시행규칙

##### 제1조 (목적)

이 규칙은 「시험가스의 안전관리법」에서 위임된 사항과 그 시행에 필요한 사항을 규정함을 목적으로 한다.

##### 제20조 (사용시설의 시설기준)

법 제10조제1항에 따른 사용시설의 시설기준은 다음 각 호와 같다.

  1\\. 용기는 마당이나 창고가 아닌 전용 용기보관실에 저장할 것

  2\\. 용기보관실은 화기와 8미터 이상의 거리를 둘 것

##### 제21조 (판매 기록)

판매사업자는 판매 장부를 3년간 보존하여야 한다.

##### 제22조 (수수료)

검사 수수료는 별표 3과 같다.
"""


@pytest.fixture(params=ENGINES)
def rt(request, make_runtime, tmp_path):
    (tmp_path / "law.md").write_text(LAW, encoding="utf-8")
    (tmp_path / "rule.md").write_text(RULE, encoding="utf-8")
    rt = make_runtime(request.param)
    rt.ingestor.ingest_paths([tmp_path])
    rt.retriever.refresh_titles()
    return rt


def _labels(res):
    return [(h.document.title.endswith("시행규칙"), h.unit) for h in res.hits]


# --- glossary ---------------------------------------------------------------------------------

def test_shipped_glossary_maps_everyday_words_to_statute_terms():
    entries = glossary.load("")
    assert len(entries) >= 20
    exp = glossary.expansions("마당에 가스통을 보관해도 처벌 안 받나요? l pg 20kg", entries)
    joined = " ".join(exp)
    for term in ("용기", "저장", "벌칙", "과태료", "액화석유가스"):
        assert term in joined
    assert glossary.expansions("제33조의 시행일은 언제인가요", entries) == []


@pytest.mark.parametrize("question, term", [
    ("회원정보를 파쇄기로 갈아서 버려도 되나요?", "파기"),
    ("가게 넘기면 고객정보는 어떻게 되나요?", "영업양도"),
    ("탈의실에 카메라 달아도 되나요?", "설치ㆍ운영 제한"),
    ("출력물을 책상에 두고 퇴근했어요", "출력ㆍ복사"),
    ("퇴직한 선배가 밥을 사겠대요", "퇴직자"),
    ("통장에 돈이 언제 들어오나요?", "급여의 지급방법"),
    ("음주운전으로 걸린 공무원은 어떻게 되나요?", "음주운전"),
    ("길에서 시비를 걸고 따라와요", "불안감조성"),
])
def test_round_two_everyday_phrasings_reach_the_documents_terms(question, term):
    assert term in " ".join(glossary.expansions(question, glossary.load("")))


@pytest.mark.parametrize("question", [
    "메일로 받은 video 파일",      # Latin letters inside words are not AI/ID/DB
    "유용한 자료가 있나요",         # 유용 (useful) is not embezzlement
    "부조리 신고는 어디에",         # 부조리 is not 부조 (a gift)
    "블로그에 글 쓰는 법",          # 로그 inside 블로그
    "차에 태워 주세요",
])
def test_round_two_entries_do_not_fire_on_look_alike_words(question):
    text = " ".join(glossary.expansions(question, glossary.load("")))
    for term in ("인공지능기술", "접근 권한의 관리", "징계부가금", "금품등", "접속기록", "파기"):
        assert term not in text


@pytest.mark.parametrize("line, fragment", [
    ("가스통 용기", "형식"),          # no tab
    ("(가스통\t용기", "정규식"),      # broken regular expression
    ("가스통\t  ", "형식"),           # no legal terms
])
def test_a_bad_glossary_line_names_file_and_line(tmp_path, line, fragment):
    p = tmp_path / "mine.tsv"
    p.write_text(f"# 우리 구청 용어\n소방차\t소방자동차\n{line}\n", encoding="utf-8")
    with pytest.raises(glossary.GlossaryError) as e:
        glossary.load(str(p))
    assert f"{p}:3" in str(e.value) and fragment in str(e.value)


def test_missing_glossary_file_is_named(tmp_path):
    with pytest.raises(glossary.GlossaryError, match="DASAN_GLOSSARY"):
        glossary.load(str(tmp_path / "none.tsv"))


def test_an_administrators_glossary_extends_the_shipped_one(tmp_path):
    p = tmp_path / "mine.tsv"
    p.write_text("민방위\t민방위대 비상소집\n", encoding="utf-8")
    entries = glossary.load(str(p))
    assert len(entries) == len(glossary.load("")) + 1
    assert glossary.expansions("민방위 훈련 빠지면?", entries)[-1] == "민방위대 비상소집"


def test_everyday_words_reach_the_article_in_statute_terms(rt):
    q = "가스통을 쌓아 두고 있는데 괜찮은가요?"
    res = rt.retriever.search(q, top_k=3, as_of=AS_OF)
    assert "용기" in " ".join(res.expanded) and "저장" in " ".join(res.expanded)
    assert _labels(res)[0] == (True, "제20조")
    rt.retriever.expand = False
    plain = rt.retriever.search(q, top_k=3, as_of=AS_OF)
    assert plain.expanded == []
    assert _labels(plain)[0] != (True, "제20조")


# --- delegation -------------------------------------------------------------------------------

def test_parent_and_implemented_articles():
    assert parent_norm("액화석유가스의안전관리및사업법시행규칙") == "액화석유가스의안전관리및사업법"
    assert parent_norm("액화석유가스의안전관리및사업법시행령") == "액화석유가스의안전관리및사업법"
    assert parent_norm("액화석유가스의안전관리및사업법") == ""
    text = "법 제44조제1항에 따른 시설기준은 별표 20과 같다. 법 제33조의 2에 따라, 고압가스법 제5조 및 영 제16조"
    assert implemented_articles(text) == ["제44조", "제33조의2"]


def _hit(i, score, title, article, text=""):
    return IndexHit(i, score, {"title_norm": title, "article": article, "text": text})


def test_propagate_lends_a_share_to_the_parent_article_and_adds_missing_ones():
    ranked = [_hit("r20", 1.0, "가법시행규칙", "제20조", "법 제10조제1항에 따른 기준"),
              _hit("r21", 0.8, "가법시행규칙", "제21조", "법 제11조 및 법 제10조"),
              _hit("l30", 0.5, "가법", "제30조")]
    parents = {"l10": _hit("l10", 0.0, "가법", "제10조"), "l11": _hit("l11", 0.0, "가법", "제11조"),
               "annex": IndexHit("annex", 0.0, {"title_norm": "가법시행규칙", "parent_norm": "가법",
                                                "article": "제10조"})}
    asked = []

    def fetch(parent, arts):
        asked.append((parent, arts))
        return list(parents.values())

    out = propagate(ranked, fetch, share=0.4)
    assert asked == [("가법", ["제10조", "제11조"])]
    scores = {h.id: round(h.score, 6) for h in out}
    assert scores == {"r20": 1.0, "r21": 0.8, "l30": 0.5, "l10": 0.4, "l11": 0.32}
    assert [h.id for h in out] == ["r20", "r21", "l30", "l10", "l11"]
    assert propagate(ranked, fetch, share=0) is ranked


def test_the_statute_article_behind_a_matching_rule_is_found(rt):
    q = "용기보관실과 화기 사이에 8미터 거리를 두어야 하나요"
    res = rt.retriever.search(q, top_k=4, as_of=AS_OF)
    labels = _labels(res)
    assert labels[0] == (True, "제20조")
    assert (False, "제10조") in labels
    with_share = next(h.score for h in res.hits if h.unit == "제10조" and not h.document.title.endswith("규칙"))
    rt.retriever.delegation_share = 0
    plain = rt.retriever.search(q, top_k=10, as_of=AS_OF)
    without = next((h.score for h in plain.hits if h.unit == "제10조"
                    and not h.document.title.endswith("규칙")), 0.0)
    assert with_share > without



def test_an_annex_lends_nothing():
    annex = IndexHit("a20", 1.0, {"title_norm": "가법시행규칙", "parent_norm": "가법시행규칙", "annex": "별표 20",
                                  "refs": ["제69조"], "text": "법 제44조에 따른 기준 (an annex's text is not read)"})

    def fetch(parent, arts):
        raise AssertionError("nothing to fetch")

    assert [(h.id, h.score) for h in propagate([annex], fetch, share=0.5)] == [("a20", 1.0)]
