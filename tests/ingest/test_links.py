"""별표 → article linking: an article retrieves on its annex's technical vocabulary."""
from __future__ import annotations

from datetime import date

from ingest.links import link_annexes
from rag.index.base import QueryFilter
from rag.model import KIND_ANNEX, KIND_RULE, UNIT_ANNEX, Document, Unit

RULE = "가상 가스 시행규칙"


def docs():
    rule = Document(title=RULE, kind=KIND_RULE, source="rule.md", effective_from=date(2024, 1, 1), units=[
        Unit(label="제69조", article_no="69", title="사용시설 검사", text="제69조(사용시설 검사) 검사는 별표 20에 따른다."),
        Unit(label="제70조", article_no="70", title="수수료", text="제70조(수수료) 수수료는 별표 24와 같다."),
    ])
    annex = Document(title=f"{RULE} 별표 20", kind=KIND_ANNEX, source="annex.hwp", parent_title=RULE, units=[
        Unit(label="별표 20", kind=UNIT_ANNEX, title="사용시설 기준", refs=["제69조"],
             text="소형저장탱크는 일체형 철근콘크리트 기초에 설치하고 기화장치와 이격거리를 둔다."),
    ])
    return rule, annex


def sparse_rank(rt, question: str) -> list[str]:
    res = rt.retriever
    res.weights = (1.0, 0.0)  # lexical only: the link acts on the sparse vector
    hits = res.search(question, top_k=5, as_of=date(2026, 11, 23)).hits
    return [f"{h.document.kind}:{h.unit}" for h in hits]


def test_article_gains_annex_vocabulary_once(make_runtime):
    rt = make_runtime()
    rule, annex = docs()
    rt.ingestor.write_document(rule)
    assert "총리령·부령:제69조" not in sparse_rank(rt, "철근콘크리트 기초 소형저장탱크 기화장치")
    rt.ingestor.write_document(annex)
    assert link_annexes(rt.index) == 1
    ranks = sparse_rank(rt, "철근콘크리트 기초 소형저장탱크 기화장치")
    assert "총리령·부령:제69조" in ranks and "총리령·부령:제70조" not in ranks
    # unchanged annex: nothing to redo
    assert link_annexes(rt.index) == 0
    art = rt.index.find(QueryFilter(articles=["제69조"]))[0].payload
    assert art["link_hash"] and art["text"].startswith("제69조")  # text shown to users is untouched


def test_ingest_run_reports_links(make_runtime, tmp_path):
    rt = make_runtime()
    rule, annex = docs()
    rt.ingestor.write_document(rule)
    rt.ingestor.write_document(annex)
    report = rt.ingestor.ingest_paths([tmp_path])  # empty folder: only the link pass runs
    assert report.linked == 1
