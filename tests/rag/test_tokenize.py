"""Kiwi terms, BM25 sparse vectors and the Hangul check (rag/tokenize.py)."""
from __future__ import annotations

from rag import tokenize
from rag.tokenize import K1, has_korean, passage_vector, query_vector, term_id, terms


def test_compound_nouns_are_indexed_with_their_parts():
    ts = terms("소형저장탱크 설치 기준")
    for t in ("소형", "저장", "탱크", "소형저장", "저장탱크", "설치", "기준"):
        assert t in ts, (t, ts)
    # compounds join only adjacent nouns: "탱크 설치" has a space between, so no "탱크설치"
    assert "탱크설치" not in ts


def test_stopwords_and_particles_are_dropped_and_verbs_get_da():
    ts = terms("사업자는 시설을 설치하여야 한다")
    assert "는" not in ts and "을" not in ts and "수" not in ts
    assert "설치" in ts and "사업자" in ts
    assert "하다" not in ts  # 하 is a stop word
    assert "내다" in terms("수수료를 내야 한다")  # VV stems are stored as "<stem>다"


def test_empty_and_blank_text_have_no_terms():
    assert terms("") == [] and terms("   \n ") == [] and terms(None) == []
    assert not passage_vector("") and not query_vector("  ")


def test_query_vector_counts_repeats():
    once = query_vector("소형저장탱크 기준")
    twice = query_vector("소형저장탱크 소형저장탱크 기준")
    w1 = dict(zip(once.indices, once.values))
    w2 = dict(zip(twice.indices, twice.values))
    for t in ("소형저장", "저장탱크", "탱크"):
        assert w1[term_id(t)] == 1.0
        assert w2[term_id(t)] == 2.0
    assert w2[term_id("기준")] == 1.0
    assert twice.indices == sorted(twice.indices)


def test_passage_vector_is_deterministic_and_saturated():
    text = "제4조(사용료) 사용 허가를 받은 사람은 1시간당 5천원의 사용료를 미리 내야 한다. 사용료 사용료"
    a, b = passage_vector(text), passage_vector(text)
    assert a.indices == b.indices and a.values == b.values
    assert a.indices == sorted(a.indices) and len(set(a.indices)) == len(a.indices)
    assert all(0 < v < K1 + 1 for v in a.values)  # BM25 TF saturation bound
    w = dict(zip(a.indices, a.values))
    assert w[term_id("사용료")] > w[term_id("허가")]  # 3 occurrences weigh more than 1, but saturate


def test_longer_passages_weigh_a_term_less():
    short = passage_vector("사용료 규정")
    long = passage_vector("사용료 규정 " + " ".join(f"항목{i}" for i in range(300)))
    tid = term_id("사용료")
    assert dict(zip(short.indices, short.values))[tid] > dict(zip(long.indices, long.values))[tid]


def test_term_ids_are_stable_31_bit():
    assert term_id("저장탱크") == term_id("저장탱크")
    assert 0 <= term_id("저장탱크") < 2**31
    assert term_id("저장탱크") != term_id("소형저장")


def test_very_long_text_is_cut_not_rejected():
    ts = terms("가스 " * 20000)  # 100 000 characters
    assert ts and len(ts) <= tokenize._MAX_CHARS


def test_has_korean():
    assert has_korean("KGS FU432 배관")
    assert has_korean("액법")
    assert not has_korean("KGS FU432 2.3.3.4")
    assert not has_korean("")
    assert not has_korean(None)
    assert not has_korean("ㅋㅋ")  # jamo only: no complete syllable
