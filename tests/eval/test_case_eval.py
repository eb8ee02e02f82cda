"""The case-memory evaluation tools: folds of kgs_dev (eval/case_folds.py) and the with/without case
memory search timing that ``make bench`` runs (eval/cases.py ``bench``)."""
from __future__ import annotations

import pytest

from eval import case_folds
from eval.cases import bench, dense_rounds
from rag import case_memory
from tests.conftest import AS_OF, HALL

ITEMS = [
    {"id": "kgs-001", "question": "주민공유공간 사용료는 1시간당 얼마인가요?", "gold": [{"doc": HALL, "unit": "제4조"}]},
    {"id": "kgs-002", "question": "주민공유공간 대관 신청은 어떻게 하나요?", "gold": [{"doc": HALL, "unit": "제3조"}]},
    {"id": "kgs-003", "question": "건축 허가 절차", "gold": [{"doc": "건축법", "unit": "제11조"}]},
]


def test_folds_split_by_the_number_of_the_id():
    assert [case_folds.fold_of(i) for i in ITEMS] == ["odd", "even", "odd"]
    assert case_folds.fold_of({"id": "q"}) == "even"


def test_parse_setting_and_unknown_keys():
    assert case_folds.parse_setting("share=0.5, lend_cases=5") == {"share": 0.5, "lend_cases": 5.0}
    assert case_folds.parse_setting("off") == {"off": True}
    with pytest.raises(SystemExit, match="알 수 없는 설정"):
        case_folds.parse_setting("sharre=0.5")


def test_run_setting_reports_both_folds_and_restores_the_retriever(sample_rt):
    share, lend_cases = sample_rt.retriever.case_share, case_memory.LEND_CASES
    out = case_folds.run_setting(sample_rt, ITEMS, {"share": 0.9, "lend_cases": 7}, as_of=AS_OF)
    assert sample_rt.retriever.case_share == share and case_memory.LEND_CASES == lend_cases
    assert out["odd"]["overall"]["q"] == 2 and out["even"]["overall"]["q"] == 1 and out["all"]["overall"]["q"] == 3
    assert out["even"]["overall"]["any@10"] == 1.0 and out["odd"]["overall"]["any@10"] == 0.5
    text = case_folds.table({"x": out})
    assert text.count("\nx ") == 3


def test_expansion_settings_apply_inside_and_restore_after(sample_rt):
    from rag import case_expansion

    r = sample_rt.retriever
    saved = (r.prf_share, r.prf_similarity, case_expansion.CASES, case_expansion.KINDS,
             case_expansion.DROP_QUESTION, case_expansion.FROM_FUSED)
    setting = case_folds.parse_setting("prf_share=0.9,prf_similarity=0.3,prf_cases=5,prf_all_kinds=1,"
                                       "prf_keep_question=1,prf_from_fused=1")
    with case_folds.applied(r, setting):
        assert (r.prf_share, r.prf_similarity, case_expansion.CASES) == (0.9, 0.3, 5)
        assert case_expansion.KINDS == () and case_expansion.DROP_QUESTION is False
        assert case_expansion.FROM_FUSED is True
    assert (r.prf_share, r.prf_similarity, case_expansion.CASES, case_expansion.KINDS,
            case_expansion.DROP_QUESTION, case_expansion.FROM_FUSED) == saved


def test_bench_times_search_with_and_without_case_memory(sample_rt):
    calls = []
    search = sample_rt.retriever.search

    def spy(q, **kw):
        calls.append(kw.get("memory", True))
        return search(q, **kw)

    sample_rt.retriever.search = spy
    try:
        out = bench(sample_rt.retriever, [i["question"] for i in ITEMS], n=2)
    finally:
        del sample_rt.retriever.search
    assert out["questions"] == 2 and calls.count(False) == 2  # each question once without memory
    assert calls[-4:] == [True, False, False, True]  # interleaved, the order alternating
    for name in ("with_memory", "without_memory"):
        assert 0 < out[name]["p50_ms"] <= out[name]["p95_ms"]
    assert out["added_p95_ms"] == round(out["with_memory"]["p95_ms"] - out["without_memory"]["p95_ms"], 2)


def test_dense_rounds_alternate_the_answer_vectors_off_and_on_and_restore_the_setting(sample_rt):
    r = sample_rt.retriever
    seen, search = [], r.search

    def spy(q, **kw):
        seen.append(r.dense_share)
        return search(q, **kw)

    r.dense_share, r.search = 0.6, spy
    try:
        out = dense_rounds(r, [i["question"] for i in ITEMS], n=2, rounds=2)
    finally:
        del r.search
    assert [(o["round"], o["dense"]) for o in out] == [(1, False), (1, True), (2, False), (2, True)]
    assert set(seen) == {0.0, 0.6} and r.dense_share == 0.6 and all("added_p95_ms" in o for o in out)


def test_make_bench_reports_case_memory_search_on_its_own_home(sample_rt, tmp_path):
    from eval.bench import SHORT_QUESTIONS, bench_case_memory

    out = bench_case_memory(sample_rt, str(tmp_path / "absent.jsonl"), 3)
    assert out["set"] == "short questions" and out["questions"] == 3 and out["cases"] == 0
    path = tmp_path / "set.jsonl"
    path.write_text("".join(f'{{"question": "{q}"}}\n' for q in SHORT_QUESTIONS[:2]), encoding="utf-8")
    assert bench_case_memory(sample_rt, str(path), 5)["questions"] == 2


def test_rounds_can_toggle_the_circle_instead(sample_rt):
    r = sample_rt.retriever
    share = r.circle_share
    out = dense_rounds(r, [i["question"] for i in ITEMS], n=2, rounds=1, attr="circle_share")
    assert [(o["round"], o["circle"]) for o in out] == [(1, False), (1, True)] and r.circle_share == share
