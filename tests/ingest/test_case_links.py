"""Case links through ingest: resolution across versions, never to another document's article, late
resolution after the law comes in, and real export shapes (organization, lists of lines, numeric ids)."""
from __future__ import annotations

import json
from datetime import date

import ingest.case_links as case_links
from ingest.parsers import parse_file
from rag.cases import case_key
from rag.index.base import QueryFilter
from rag.model import KIND_ANNEX, KIND_CODE, KIND_LAW, UNIT_ANNEX, UNIT_CLAUSE, Document, Unit, normalize_title

GAS = "가스예시 안전관리법"
GAS_RULE = "가스예시 안전관리법 시행규칙"
ANSWERS = [
    {"id": 6837003, "title": "탱크 문의", "question": ["소형탱크를", "옮겨도 되나요?"],
     "answer": ["「가스예시 안전관리법( 이하 “ 예시법” 이라 한다) 」 제45조제1항에 따라 신고해야 하며,",
                "동법 시행규칙 별표 20 및 KGS FU432 2. 3. 3. 4( 3)에 따라 설치하고, 「건축법」 제33조도 보십시오."],
     "organization": "한국가스안전공사", "date": "2021-05-03"},
    {"id": 6837004, "title": "공급 문의", "question": "공급자가 설비를 철거하지 않습니다",
     "answer": "ㅇ 가스예시안전관리법 제33조제2항에서 규정하고 있습니다.", "organization": "한국가스안전공사"},
]


def law(eff: date, articles: dict[int, str], mst: str) -> Document:
    return Document(title=GAS, kind=KIND_LAW, source=f"/law/{mst}.md", law_id="GX1", mst=mst, effective_from=eff,
                    units=[Unit(label=f"제{n}조", article_no=str(n), text=f"제{n}조 {t}") for n, t in articles.items()])


def rule_annex() -> Document:
    return Document(title="가스예시 사용시설의 시설기준", kind=KIND_ANNEX, source="/law/annex20.hwp",
                    parent_title=GAS_RULE, effective_from=date(2020, 1, 1),
                    units=[Unit(label="별표 20", kind=UNIT_ANNEX, text="별표 20 사용시설의 시설기준 소형저장탱크")])


def code() -> Document:
    return Document(title="KGS FU432 소형저장탱크 사용시설 기준", kind=KIND_CODE, source="/kgs/FU432.pdf",
                    extra={"code": "KGS FU432"}, effective_from=date(2023, 11, 7),
                    units=[Unit(label=lb, kind=UNIT_CLAUSE, text=f"{lb} 기초 설치") for lb in ("2.3.3", "2.3.4")])


def write_cases(folder, rows=ANSWERS):
    folder.mkdir(exist_ok=True)
    f = folder / "kgs_cases.jsonl"
    f.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return f


def links_of(rt, label):
    doc_key = next(v.doc_key for v in rt.registry.all_versions() if v.kind == "complaint")
    return rt.registry.case_links([case_key(doc_key, label)]).get(case_key(doc_key, label), [])


def test_real_export_shapes(tmp_path):
    f = write_cases(tmp_path / "cases")
    _, (doc,) = parse_file(f)
    first = doc.units[0]
    assert first.label == "민원 6837003" and doc.units[1].label == "민원 6837004"  # numeric ids kept
    assert first.extra["department"] == "한국가스안전공사" and first.extra["date"] == "2021-05-03"
    assert "질문: 소형탱크를\n옮겨도 되나요?" in first.text  # lists of lines joined by newlines
    assert "신고해야 하며,\n동법 시행규칙 별표 20" in first.text and "['" not in first.text


def test_links_resolve_across_versions_and_never_to_another_documents_article(make_runtime, fast_dir):
    rt = make_runtime()
    ing = rt.ingestor
    # 제45조 exists only in the later version; 제33조 in both, worded differently
    ing.write_document(law(date(2020, 1, 1), {33: "철거 협의 옛 규정"}, "1"))
    ing.write_document(law(date(2024, 1, 1), {33: "철거 협의 새 규정", 45: "이전 신고"}, "2"))
    ing.close_versions("law:GX1")
    ing.write_document(rule_annex())
    ing.write_document(code())
    rt.ingestor.ingest_paths([write_cases(fast_dir / "cases").parent])

    got = {(lk.title_norm, lk.article or lk.annex or lk.clause): lk for lk in links_of(rt, "민원 6837003")}
    gas, rule = normalize_title(GAS), normalize_title(GAS_RULE)
    assert got[(gas, "제45조")].resolved and got[(rule, "별표 20")].resolved
    # the code clause is kept at the indexed unit that holds it (2.3.3 for 2.3.3.4)
    assert got[(normalize_title(code().title), "2.3.3")].resolved
    # 「건축법」 is not indexed: its 제33조 stays 건축법's, unresolved, although 가스예시법 has a 제33조
    assert not got[("건축법", "제33조")].resolved and got[("건축법", "제33조")].ref.startswith("「건축법」")
    (second,) = links_of(rt, "민원 6837004")
    assert (second.title_norm, second.article, second.resolved) == (gas, "제33조", True)

    # what retrieval does with a link: the version in force on the 기준일
    def text_at(day):
        hits = rt.index.find(QueryFilter(as_of=day, title_norms=[second.title_norm], articles=[second.article]))
        return [h.payload["text"] for h in hits]
    assert text_at(date(2021, 6, 1)) == ["제33조 철거 협의 옛 규정"]
    assert text_at(date(2025, 6, 1)) == ["제33조 철거 협의 새 규정"]
    assert rt.index.find(QueryFilter(as_of=date(2021, 6, 1), title_norms=[gas], articles=["제45조"])) == []


def test_a_rule_is_not_taken_for_its_statute(make_runtime, fast_dir):
    """Only the statute is indexed: 「…법 시행령」 제33조 must not resolve to the statute's 제33조."""
    rt = make_runtime()
    rt.ingestor.write_document(law(date(2024, 1, 1), {33: "규정"}, "2"))
    rows = [{"id": 1, "question": "q", "answer": f"「{GAS} 시행령」 제33조 및 「가스예시 안전관리 법」 제33조에 따라"}]
    rt.ingestor.ingest_paths([write_cases(fast_dir / "cases", rows).parent])
    got = {lk.title_norm: lk.resolved for lk in links_of(rt, "민원 1")}
    assert got == {normalize_title(GAS) + "시행령": False, normalize_title(GAS): True}


def test_late_resolution_without_reading_the_cases_again(make_runtime, fast_dir, monkeypatch):
    rt = make_runtime()
    cases = write_cases(fast_dir / "cases").parent
    rt.ingestor.ingest_paths([cases])
    before = {(lk.title_norm, lk.article or lk.annex or lk.clause): lk.resolved for lk in links_of(rt, "민원 6837003")}
    assert before[(normalize_title(GAS), "제45조")] is False and not any(before.values())
    assert len(rt.registry.unresolved_case_links()) == 5

    laws = fast_dir / "laws"
    laws.mkdir()
    (laws / "가스예시법.md").write_text(
        f"---\n제목: {GAS}\n법령구분: 법률\n법령ID: 'GX1'\n시행일자: '2024-01-01'\n공포일자: '2024-01-01'\n---\n"
        f"# {GAS}\n\n##### 제33조 (철거)\n설비를 철거하려면 협의한다.\n\n##### 제45조 (신고)\n이전하면 신고한다.\n",
        encoding="utf-8")
    read = []
    real = case_links.case_refs
    monkeypatch.setattr(case_links, "case_refs", lambda *a, **k: read.append(a) or real(*a, **k))
    report = rt.ingestor.ingest_paths([cases, laws])
    assert [f.status for f in report.files] == ["unchanged", "ok"] and read == []  # cases not parsed again
    assert report.cases_resolved == 2
    after = {(lk.title_norm, lk.article): lk.resolved for lk in links_of(rt, "민원 6837003") if lk.article}
    assert after == {(normalize_title(GAS), "제45조"): True, ("건축법", "제33조"): False}
    assert [lk.resolved for lk in links_of(rt, "민원 6837004")] == [True]


def test_rewritten_export_replaces_its_links(make_runtime, fast_dir):
    rt = make_runtime()
    f = write_cases(fast_dir / "cases")
    rt.ingestor.ingest_paths([f.parent])
    assert [lk.article for lk in links_of(rt, "민원 6837004")] == ["제33조"]
    rows = [dict(ANSWERS[1], answer="「가스예시 안전관리법」 제40조에 따릅니다.")]
    f.write_text(json.dumps(rows[0], ensure_ascii=False) + "\n", encoding="utf-8")
    rt.ingestor.ingest_paths([f.parent])
    assert [lk.article for lk in links_of(rt, "민원 6837004")] == ["제40조"] and links_of(rt, "민원 6837003") == []
