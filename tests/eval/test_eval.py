"""Gold-citation matching (eval/gold.py) and the metrics of eval/run.py on small handmade rows."""
from __future__ import annotations

import json

import pytest

from eval.gold import KIND_ANNEX, KIND_ARTICLE, KIND_CODE, KIND_DOC, doc_matches, gold_kind, matches, unit_matches
from eval.run import first_ranks, load_set, metrics
from rag.hits import Hit, HitDocument

LPG = "액화석유가스의 안전관리 및 사업법"


def hit(title, unit, parent="", rank=1):
    return Hit(id=f"{title} {unit}", rank=rank, unit=unit, document=HitDocument(title=title, parent_title=parent))


@pytest.mark.parametrize("g, kind", [
    ({"doc": LPG, "unit": "제33조"}, KIND_ARTICLE),
    ({"doc": LPG, "unit": "제33조의2"}, KIND_ARTICLE),
    ({"doc": LPG + " 시행규칙", "unit": "별표 20"}, KIND_ANNEX),
    ({"doc": "KGS FU432", "unit": "2.3.3"}, KIND_CODE),
    ({"doc": LPG, "unit": ""}, KIND_DOC),
    ({"doc": LPG}, KIND_DOC),
])
def test_gold_kind(g, kind):
    assert gold_kind(g) == kind


def test_article_matching():
    g = {"doc": LPG, "unit": "제33조"}
    assert matches(g, hit(LPG, "제33조"))
    assert matches(g, hit(LPG, "제33조제2항"))  # a 항 unit of the article
    assert matches(g, hit("액화석유가스의 안전관리및사업법", "제33조"))  # title spacing ignored
    assert not matches(g, hit(LPG, "제33조의2"))  # a different article
    assert not matches(g, hit(LPG, "제3조"))
    assert not matches(g, hit(LPG + " 시행령", "제33조"))  # another document
    assert matches({"doc": LPG, "unit": "제33조의2"}, hit(LPG, "제33조의2제1항"))
    assert matches({"doc": LPG, "unit": "제 33 조"}, hit(LPG, "제33조"))


def test_annex_matches_through_its_parent_law():
    rule = LPG + " 시행규칙"
    g = {"doc": rule, "unit": "별표 20"}
    annex = hit("[별표 20] 액화석유가스 사용시설의 시설기준", "별표 20", parent=rule)
    assert matches(g, annex)
    assert matches({"doc": rule, "unit": "별표20"}, annex)
    assert not matches(g, hit("[별표 2] 다른 기준", "별표 2", parent=rule))
    assert not matches(g, hit("[별표 20의2] 다른 기준", "별표 20의2", parent=rule))
    assert not matches(g, hit("[별표 20] 같은 번호", "별표 20", parent=LPG + " 시행령"))  # other parent
    assert not matches(g, hit(rule, "제20조"))


def test_code_clause_prefix():
    g = {"doc": "KGS FU432", "unit": "2.3.3"}
    title = "KGS FU432 액화석유가스 사용시설의 시설·기술·검사 기준"
    assert matches(g, hit(title, "2.3.3"))
    assert matches(g, hit(title, "2.3.3.4"))  # a sub-clause
    assert not matches(g, hit(title, "2.3.31"))  # not a sub-clause, only a string prefix
    assert not matches(g, hit(title, "2.3"))  # the parent clause is broader than the gold
    assert not matches(g, hit("KGS FU431 다른 기준", "2.3.3"))
    assert doc_matches("kgs fu432", hit(title, "1"))


def test_empty_unit_matches_any_unit_of_the_document():
    g = {"doc": LPG, "unit": ""}
    assert matches(g, hit(LPG, "제1조")) and matches(g, hit(LPG, "별표 3")) and matches(g, hit(LPG, None))
    assert not matches(g, hit("고압가스 안전관리법", "제1조"))
    assert unit_matches("", hit(LPG, "anything"))


def test_first_ranks():
    gold = [{"doc": LPG, "unit": "제33조"}, {"doc": LPG, "unit": "제44조"}, {"doc": "고압가스 안전관리법", "unit": ""}]
    hits = [hit(LPG, "제3조", rank=1), hit(LPG, "제33조제2항", rank=2), hit(LPG, "제33조", rank=3),
            hit("고압가스 안전관리법", "제5조", rank=4)]
    assert first_ranks(gold, hits) == [2, None, 4]


def test_metrics_on_handmade_rows():
    a = {"doc": "A", "unit": "제1조"}
    b = {"doc": "B", "unit": "별표 1"}
    c = {"doc": "C", "unit": "2.1"}
    rows = [
        {"gold": [a, b], "ranks": [1, None]},  # half found at rank 1
        {"gold": [c], "ranks": [3]},  # found at rank 3
        {"gold": [a], "ranks": [None]},  # not found
        {"gold": [b], "ranks": [7]},
    ]
    m = metrics(rows)
    assert m["questions"] == 4 and m["refs"] == 5
    assert m["recall@1"] == round((0.5 + 0 + 0 + 0) / 4, 4)
    assert m["recall@5"] == round((0.5 + 1 + 0 + 0) / 4, 4)
    assert m["recall@10"] == round((0.5 + 1 + 0 + 1) / 4, 4)
    assert m["mrr"] == round((1 + 1 / 3 + 0 + 1 / 7) / 4, 4)
    assert m["ref_recall@10"] == round(3 / 5, 4)  # per reference: a, c, b(7) of five references
    assert m["any@10"] == 0.75  # three of four questions have some reference in the top 10

    annex = metrics(rows, KIND_ANNEX)
    assert annex["questions"] == 2 and annex["refs"] == 2
    assert annex["recall@5"] == 0.0 and annex["recall@10"] == 0.5
    assert annex["mrr"] == round((0 + 1 / 7) / 2, 4)
    assert metrics(rows, KIND_CODE)["mrr"] == round(1 / 3, 4)
    assert metrics(rows, KIND_DOC) == {"questions": 0}
    assert metrics([]) == {"questions": 0}


def test_load_set_skips_items_without_gold(tmp_path):
    p = tmp_path / "set.jsonl"
    items = [{"id": "q1", "question": "가", "gold": [{"doc": "A", "unit": "제1조"}]},
             {"id": "q2", "question": "나", "gold": []}, {"id": "q3", "question": "다"}]
    p.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n\n", encoding="utf-8")
    assert [i["id"] for i in load_set(p)] == ["q1"]


def test_run_eval_on_the_sample_corpus(sample_rt, tmp_path):
    from eval.run import run_eval

    items = [
        {"id": "fee-now", "question": "주민공유공간 사용료는 1시간당 얼마인가요?",
         "gold": [{"doc": "다산시 주민공유공간 대관 예시 조례", "unit": "제4조"}]},
        {"id": "named", "question": "다산시 민원 처리 예시 조례 제7조 보완 요구",
         "gold": [{"doc": "다산시 민원 처리 예시 조례", "unit": "제7조"}]},
        {"id": "doc-only", "question": "CCTV 영상 마스킹",
         "gold": [{"doc": "다산시 영상정보처리기기 영상 열람 예시 조례", "unit": ""}]},
        {"id": "absent", "question": "건축 허가 절차", "gold": [{"doc": "건축법", "unit": "제11조"}]},
        {"id": "no-gold", "question": "무시됨"},
    ]
    set_path = tmp_path / "set.jsonl"
    set_path.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    out = tmp_path / "out" / "result.json"
    result = run_eval(sample_rt, set_path, top_k=5, out=out)
    assert result["questions"] == 4 and result["as_of"] == "2026-11-23"
    overall = result["dasan"]["overall"]
    assert overall["recall@1"] == 0.75 and overall["recall@10"] == 0.75
    assert result["dasan"][KIND_DOC]["questions"] == 1
    ranks = {r["id"]: r["ranks"] for r in result["rows"]}
    assert ranks == {"fee-now": [1], "named": [1], "doc-only": [1], "absent": [None]}
    assert "dasan" in result["table"] and "R@1" in result["table"]
    saved = json.loads(out.read_text(encoding="utf-8"))
    assert saved["dasan"]["overall"] == overall
