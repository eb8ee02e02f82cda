"""The point payload record: one builder, one table of indexed fields, used by both engines."""
from __future__ import annotations

import typing
from datetime import date

from qdrant_client import models

from rag.case_memory import case_payload
from rag.index.base import OPEN_END, QueryFilter
from rag.index.edge import EdgeIndex
from rag.index.server import server_filter
from rag.model import KIND_COMPLAINT, KIND_LAW, UNIT_ANNEX, UNIT_ARTICLE, UNIT_CASE, Document, Unit
from rag.payload import INDEXED_FIELDS, INTEGER, KEYWORD, UnitPayload, unit_payload

KEYS = set(typing.get_type_hints(UnitPayload))


def law() -> Document:
    return Document(title="가스 안전관리법", kind=KIND_LAW, source="x.xml", law_id="001", mst="9",
                    effective_from=date(2024, 1, 2),
                    units=[Unit(label="제3조 제2항", text="본문", kind=UNIT_ARTICLE, article_no="3"),
                           Unit(label="별표20", text="표", kind=UNIT_ANNEX)])


def test_builder_writes_exactly_the_record_keys():
    doc = law()
    art, annex = (unit_payload(doc, u) for u in doc.units)
    assert set(art) == KEYS - {"case_terms", "answer_terms", "answer_vec", "link_hash"}  # past cases only; set later by the annex links
    assert (art["article"], art["annex"], art["title_norm"]) == ("제3조", "", "가스안전관리법")
    assert (art["eff_from"], art["eff_to"]) == (20240102, OPEN_END)
    assert (annex["article"], annex["annex"]) == ("", "별표 20")


def test_case_terms_only_on_past_cases():
    doc = law()
    assert not {"case_terms", "answer_terms"} & set(case_payload(doc, doc.units[0], unit_payload(doc, doc.units[0])))
    case = Document(title="민원 사례", kind=KIND_COMPLAINT, source="c.txt",
                    units=[Unit(label="사례 1", text="제목: 가스 누출\n질문: 가스 냄새가 납니다\n답변: 배관을 점검합니다",
                                kind=UNIT_CASE)])
    p = case_payload(case, case.units[0], unit_payload(case, case.units[0]))
    assert set(p) == KEYS - {"link_hash", "answer_vec"} and "가스" in p["case_terms"]
    assert "배관" in p["answer_terms"] and "냄새" not in p["answer_terms"]  # the answer's words only


def test_indexed_fields_are_record_keys_and_cover_every_filter():
    assert set(INDEXED_FIELDS) <= KEYS and set(INDEXED_FIELDS.values()) == {KEYWORD, INTEGER}
    full = QueryFilter(as_of=date(2025, 1, 1), kinds=["a"], visibility=["b"], title_norms=["c"], articles=["d"],
                       annexes=["e"], version_keys=["f"], codes=["g"], exclude_kinds=["h"])
    keys, todo = set(), [server_filter(full)]
    while todo:
        f = todo.pop()
        for c in (f.must or []) + (f.should or []) + (f.must_not or []):
            todo.append(c) if isinstance(c, models.Filter) else keys.add(c.key)
    assert keys and keys <= set(INDEXED_FIELDS)  # nothing is filtered on an unindexed field


def test_embedded_engine_indexes_the_table(tmp_path):
    ix = EdgeIndex(tmp_path / "ix", 4)
    try:
        schema = ix._shard.info().payload_schema
    finally:
        ix.close()
    assert {k: str(v.data_type).rsplit(".", 1)[-1].lower() for k, v in schema.items()} == INDEXED_FIELDS
