"""Amendment notices: word-level diffs inside the changed 항·호, particles by 받침, one notice per change,
date order (issue 13, item 4)."""
from __future__ import annotations

from datetime import date

import pytest

from rag.notices import clause_changes, notices_for
from rag.particles import josa
from tests.conftest import HALL

OLD = ("제5조(처리기간) ① 시장은 다음 각 호의 기간 안에 민원을 처리하여야 한다.\n"
       "1. 질의민원: 접수한 날부터 5일 이내\n2. 건의민원: 접수한 날부터 10일 이내\n"
       "② 제1항의 처리기간을 계산할 때 공휴일은 산입하지 아니한다.")
NEW = ("제5조(처리기간) ① 시장은 다음 각 호의 기간 안에 민원을 처리하여야 한다.\n"
       "1. 질의민원: 접수한 날부터 3일 이내 <개정 2026.10.15>\n2. 건의민원: 접수한 날부터 10일 이내\n"
       "3. 고충민원: 접수한 날부터 14일 이내 <신설 2026.10.15>\n"
       "② 제1항의 처리기간을 계산할 때 공휴일과 토요일은 산입하지 아니한다. <개정 2026.10.15>")


@pytest.mark.parametrize("word,particle,expected", [
    ("제4조", "은", "제4조는"), ("제4조", "이", "제4조가"), ("제4조", "을", "제4조를"),
    ("제2항", "은", "제2항은"), ("제2항", "가", "제2항이"), ("제2항", "를", "제2항을"),
    ("별표 3", "은", "별표 3은"), ("별표 2", "은", "별표 2는"), ("2.3.1", "이", "2.3.1이"),
    ("KGS FU432", "를", "KGS FU432를"), ("제1호", "은", "제1호는"), ("「민원 처리 조례」", "이", "「민원 처리 조례」가"),
])
def test_particle_follows_the_final_sound(word, particle, expected):
    assert josa(word, particle) == expected


def test_unknown_final_sound_keeps_both_forms():
    assert josa("※", "은") == "※은(는)"


def test_changes_are_words_within_the_changed_clause_never_cut_inside_a_word_or_tag():
    changes = clause_changes(OLD, NEW)
    first = changes[0]
    assert first.startswith("제1항제1호: ")
    assert "「…질의민원: 접수한 날부터 5일 이내」 → 「…질의민원: 접수한 날부터 3일 이내」" in first
    assert first.endswith("<개정 2026.10.15>")  # the tag whole, after the change
    assert any(c.startswith("제1항제3호 신설: ") and "고충민원" in c for c in changes)
    assert any(c.startswith("제2항: ") and "공휴일과 토요일은" in c for c in changes)
    old_words, new_words = set(OLD.split()), set(NEW.split())
    for c in changes:  # every word shown is a whole word of one of the versions
        for w in c.replace("「", " ").replace("」", " ").replace("…", " ").split():
            if w in ("→", "신설:", "삭제:") or w.startswith("제") and ("항" in w or "호" in w):
                continue  # the clause label
            assert w in old_words or w in new_words or w.startswith("<") or w.endswith(">"), w


def test_unchanged_text_has_no_change():
    assert clause_changes(OLD, OLD) == []


def test_sample_pending_amendment_notice_reads_correctly(sample_rt):
    hits = sample_rt.retriever.search("주민공유공간 사용료는 1시간당 얼마인가요?", top_k=5,
                                      as_of=date(2026, 11, 23)).hits
    fee = [h for h in hits if h.document.title == HALL and h.unit == "제4조"]
    assert fee
    out = notices_for(fee + fee, sample_rt.registry, sample_rt.index, date(2026, 11, 23), date(2026, 11, 23))
    pending = [n for n in out if n["type"] == "pending_amendment"]
    assert len(pending) == 1  # the same unit cited twice: one notice per change
    n = pending[0]
    assert "제4조는 2027-01-01부터" in n["message"] and "은(는)" not in n["message"]
    assert n["change"].startswith("제1항: ") and "5천원의" in n["change"] and "1만원의" in n["change"]
    assert "<개정 2026.10.15>" in n["change"]


def test_notices_come_in_date_order(sample_rt):
    as_of = date(2027, 2, 1)
    hits = sample_rt.retriever.search("주민공유공간 사용료", top_k=8, as_of=as_of).hits
    out = notices_for(hits, sample_rt.registry, sample_rt.index, as_of, date(2027, 3, 1))
    assert out[0]["type"] == "as_of"
    dates = [n["date"] for n in out[1:]]
    assert dates == sorted(dates) and any(n["type"] == "recent_amendment" for n in out)
    keys = [(n["type"], n["message"]) for n in out]
    assert len(keys) == len(set(keys))
