"""The abstention decision from several signals (rag/abstain.py) and the evaluation's bookkeeping
(eval/abstain.py): pure functions, no index."""
from __future__ import annotations

import json

from eval.abstain import acrc_off, calibrate, decide_after, halves, rates, select
from rag.abstain import Evidence, Policy, content_words, rephrase_hint


def test_named_reference_found_answers_whatever_the_cosine():
    assert Policy().decide(Evidence(dense=0.5, coverage=0.0, known=0.0, agreement=0.0, named=True)) == (True, "named")


def test_below_the_dense_floor_abstains_whatever_else():
    ev = Evidence(dense=0.79, agreement=1.0, ntitle=1.0)
    assert Policy().decide(ev) == (False, "dense")


def test_nouns_foreign_to_the_indexed_titles_withhold_the_answer():
    # the same cosine and agreement: a question about a subject the titles name answers, one whose
    # nouns no indexed title uses (양도소득세, 입영) does not
    on = Evidence(dense=0.875, agreement=0.2, ntitle=0.5)
    off = Evidence(dense=0.875, agreement=0.2, ntitle=0.0)
    assert Policy().decide(on) == (True, "score")
    assert Policy().decide(off) == (False, "score")


def test_high_dense_alone_does_not_answer_a_long_off_topic_question():
    # long questions push the cosine up whatever they are about
    ev = Evidence(dense=0.88, agreement=0.0, ntitle=0.05)
    assert not Policy().decide(ev)[0]


def test_agreeing_rankings_answer_despite_a_lower_cosine():
    ev = Evidence(dense=0.85, agreement=0.5, ntitle=0.25)
    assert Policy().decide(ev)[0]
    assert not Policy().decide(Evidence(dense=0.85, agreement=0.0, ntitle=0.25))[0]


def test_policy_score_is_bias_plus_weighted_features():
    p = Policy(weights={"dense": 2.0, "ntitle": 1.0}, bias=-1.0, threshold=0.0)
    assert abs(p.score(Evidence(dense=0.9, ntitle=0.5)) - (2.0 * 0.9 + 0.5 - 1.0)) < 1e-9


def test_nouns_are_marked_and_verbs_are_not():
    assert content_words("길에 담배꽁초 버리면 벌금 얼마에요?", tags=True) == \
        [("담배꽁초", True), ("버리다", False), ("벌금", True)]


def test_preamble_words_are_not_content():
    words = content_words("신규 직원인데 민원서류에 빠진 게 있으면 어떻게 처리해야 하나요?")
    assert "신규" not in words and "직원" not in words and "민원" in words


def test_hint_names_unknown_words():
    hint = rephrase_hint(Evidence(unknown=["양도소득세", "비과세"]))
    assert "양도소득세" in hint and "다시 물어보세요" in hint


def _row(on, dense, title, half, agreement=0.3):
    return {"on_topic": on, "hits": True, "resolved": False, "half": half, "law": "", "first_title": "",
            "first_parent": "", "ev": {"dense": dense, "agreement": agreement, "ntitle": title, "named": False,
                                       "words": [], "missing": [], "unknown": []}}


def test_rates_and_calibration_meet_targets_on_separable_rows():
    rows = [_row(True, 0.88 + i / 1000, 0.6, h) for i, h in enumerate("AB" * 10)] + \
        [_row(False, 0.86 + i / 1000, 0.1, h) for i, h in enumerate("AB" * 10)]
    policy = calibrate({"s": rows})
    assert set(policy.weights) == {"dense", "agreement", "ntitle"} and policy.weights["ntitle"] > 0
    r = rates(rows, lambda x: decide_after(x, policy))
    assert r["false_abstain"] == 0 and r["false_answer"] == 0


def test_calibration_never_sees_half_b_or_a_held_out_half_c():
    # half B and C rows that contradict half A change nothing
    a = [_row(True, 0.88 + i / 1000, 0.6, "A") for i in range(10)] + \
        [_row(False, 0.86 + i / 1000, 0.1, "A") for i in range(10)]
    noise = [_row(True, 0.84, 0.0, h) for h in "BC" * 5] + [_row(False, 0.95, 1.0, h) for h in "BC" * 5]
    assert calibrate({"s": a}) == calibrate({"s": a + noise})
    parts = halves(a + noise)
    assert (len(parts["A"]), len(parts["B"]), len(parts["C"])) == (20, 10, 10)


def test_acrc_off_domain_rule(tmp_path):
    p = tmp_path / "qa.jsonl"
    rows = [{"id": "1", "organization": "국세청", "title": "양도세", "question": "양도소득세 비과세 요건은?"},
            {"id": "2", "organization": "국세청", "title": "정보공개", "question": "정보공개 청구는 어떻게?"},
            {"id": "3", "organization": "경찰청", "title": "범칙금", "question": "범칙금 납부"},
            {"id": "4", "organization": "대구광역시교육청", "title": "전학", "question": "전학 절차"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [r["id"] for r in acrc_off(p)] == ["acrc-1", "acrc-4"]


def test_feature_selection_prefers_the_feature_that_separates():
    # dense overlaps between on- and off-topic rows; only ntitle separates them
    rows = [_row(True, 0.86 + (i % 5) / 100, 0.6, h) for i, h in enumerate("AB" * 20)] + \
        [_row(False, 0.86 + (i % 5) / 100, 0.1, h) for i, h in enumerate("AB" * 20)]
    ranked = select({"s": rows}, pool=("dense", "ntitle", "agreement"))
    worst, _, feats = ranked[0]
    assert "ntitle" in feats and worst == 0.0
    assert all(w > 0 for w, _, f in ranked if "ntitle" not in f)
