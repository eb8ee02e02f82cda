"""The abstention decision from several signals (rag/abstain.py) and the evaluation's bookkeeping
(eval/abstain.py): pure functions, no index."""
from __future__ import annotations

import json

from eval.abstain import acrc_off, calibrate, rates
from rag.abstain import Evidence, Policy, content_words, rephrase_hint


def test_named_reference_found_answers_whatever_the_cosine():
    assert Policy().decide(Evidence(dense=0.5, coverage=0.0, known=0.0, agreement=0.0, named=True)) == (True, "named")


def test_words_the_index_has_never_seen_withhold_the_answer():
    ev = Evidence(dense=0.87, coverage=0.2, known=0.2, wcover=0.1, wknown=0.1, cover_best=0.1, agreement=0.1)
    assert not Policy().decide(ev)[0]
    assert Policy(known_floor=0.3).decide(ev) == (False, "unknown_words")


def test_high_dense_alone_does_not_answer_a_long_off_topic_question():
    # long questions push the cosine up whatever they are about
    ev = Evidence(dense=0.875, coverage=0.3, known=0.55, wcover=0.2, wknown=0.4, cover_best=0.15, agreement=0.0)
    assert not Policy().decide(ev)[0]


def test_covered_question_answers_despite_a_lower_cosine():
    ev = Evidence(dense=0.855, coverage=1.0, known=1.0, wcover=1.0, wknown=1.0, cover_best=0.9, agreement=0.8)
    assert Policy().decide(ev)[0]


def test_preamble_words_are_not_content():
    words = content_words("신규 직원인데 민원서류에 빠진 게 있으면 어떻게 처리해야 하나요?")
    assert "신규" not in words and "직원" not in words and "민원" in words


def test_hint_names_unknown_words():
    hint = rephrase_hint(Evidence(unknown=["양도소득세", "비과세"]))
    assert "양도소득세" in hint and "다시 물어보세요" in hint


def test_rates_and_calibration_meet_targets_on_separable_rows():
    def row(on, dense, cov, half):
        return {"on_topic": on, "hits": True, "resolved": False, "half": half, "law": "", "first_title": "",
                "first_parent": "", "ev": {"dense": dense, "coverage": cov, "known": cov, "agreement": 0.5,
                                           "wcover": cov, "wknown": cov, "cover_best": cov,
                                           "named": False, "words": [], "missing": [], "unknown": []}}
    rows = [row(True, 0.88, 0.9, h) for h in "AB" * 10] + [row(False, 0.86, 0.2, h) for h in "AB" * 10]
    policy = calibrate({"s": rows})
    r = rates(rows, lambda x: x["hits"] and policy.decide(Evidence(**x["ev"]))[0])
    assert r["false_abstain"] == 0 and r["false_answer"] == 0


def test_acrc_off_domain_rule(tmp_path):
    p = tmp_path / "qa.jsonl"
    rows = [{"id": "1", "organization": "국세청", "title": "양도세", "question": "양도소득세 비과세 요건은?"},
            {"id": "2", "organization": "국세청", "title": "정보공개", "question": "정보공개 청구는 어떻게?"},
            {"id": "3", "organization": "경찰청", "title": "범칙금", "question": "범칙금 납부"},
            {"id": "4", "organization": "대구광역시교육청", "title": "전학", "question": "전학 절차"}]
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    assert [r["id"] for r in acrc_off(p)] == ["acrc-1", "acrc-4"]
