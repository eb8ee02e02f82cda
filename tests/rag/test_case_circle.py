"""rag.case_circle alone: the wider circle of similar cases votes; units among the candidates gain."""
from __future__ import annotations

from rag import case_circle
from rag.case_circle import boost, circle_of, votes
from rag.cases import CaseLink
from rag.index.base import IndexHit

LAW = "액화석유가스의안전관리및사업법"
RULE = LAW + "시행규칙"


def link(key: str, article: str = "", annex: str = "", title_norm: str = LAW, weight: float = 1.0,
         resolved: bool = True, code: str = "", clause: str = "") -> CaseLink:
    return CaseLink(case_key=key, ref="r", title_norm=title_norm, article=article, annex=annex, code=code,
                    clause=clause, resolved=resolved, weight=weight)


def unit(id_: str, title_norm: str, article: str = "", annex: str = "", score: float = 0.0) -> IndexHit:
    return IndexHit(id_, score, {"title_norm": title_norm, "article": article, "annex": annex,
                                 "label": article or annex})


def test_votes_are_similarity_shares_of_the_circle_and_need_two_cases():
    circle = [("k1", 0.5), ("k2", 0.3), ("k3", 0.2)]
    links = {"k1": [link("k1", "제44조"), link("k1", "제44조"), link("k1", "제5조")],
             "k2": [link("k2", "제44조"), link("k2", annex="별표 20", title_norm=RULE)],
             "k3": [link("k3", annex="별표 20", title_norm=RULE), link("k3", "제9조", resolved=False),
                    link("k3", "제5조", weight=-1.0), link("k3", code="KGS FU432")]}
    v = {(t[1] or t[2]): s for t, s in votes(circle, links).items()}
    assert set(v) == {"제44조", "별표 20"}  # 제5조: one positive case only; unresolved, negative, whole code: none
    assert abs(v["제44조"] - 0.8) < 1e-9  # k1 (double citation counts once) + k2 over the circle's 1.0
    assert abs(v["별표 20"] - 0.5) < 1e-9
    assert set(votes(circle, links, min_cases=1)) >= {(LAW, "제5조", "", "", "")}
    assert votes([], links) == {} and votes([("k1", 0.0)], links) == {}


def test_boost_reorders_candidates_only_and_never_another_documents_article():
    ranked = [unit("a", LAW, "제1조", score=1.0), unit("b", RULE, "제44조", score=0.8),
              unit("c", LAW, "제44조", score=0.7)]
    out = boost(ranked, {(LAW, "제44조", "", "", ""): 1.0}, share=0.5)
    assert [h.id for h in out] == ["c", "a", "b"]  # 0.7 + 0.5 × 1.0 × 1.0 overtakes 1.0
    assert abs(out[0].score - 1.2) < 1e-9
    assert {h.id: h.score for h in out}["b"] == 0.8  # same number in the 시행규칙 gains nothing
    assert len(out) == 3  # nothing joins
    assert boost(ranked, {(LAW, "제44조", "", "", ""): 1.0}, share=0) == ranked


def test_circle_skips_excluded_and_unknown_cases_and_caps_its_size():
    hits = [(IndexHit(f"p{i}", 0.0, {}), 1.0 - i / 10) for i in range(6)]
    ids = {f"p{i}": (f"key{i}", f"민원 {i}") for i in range(5)}  # p5 never seen: no identity
    got = circle_of(hits, ids.get, exclude={"민원 1", "key2"}, n=2)
    assert got == [("key0", 1.0), ("key3", 0.7)]
    assert [k for k, _ in circle_of(hits, ids.get, n=10)] == ["key0", "key1", "key2", "key3", "key4"]
    assert circle_of(hits, ids.get, n=10, min_similarity=0.75) == [("key0", 1.0), ("key1", 0.9), ("key2", 0.8)]
    assert case_circle.SHARE >= 0
