"""Case links in the registry (revision 0005) on SQLite and PostgreSQL."""
from __future__ import annotations

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from ingest.migrate import _config
from ingest.registry import Registry
from rag.cases import CaseLink, case_key
from tests.ingest.test_registry import pg_url, registry, units, version  # noqa: F401  (fixtures)

DOC = "src:민원사례/kgs_qa_dev.jsonl"


def link(label: str, ref: str, **kw) -> CaseLink:
    return CaseLink(case_key=case_key(DOC, label), ref=ref, **kw)


def test_case_key_names_the_document_and_the_case():
    assert case_key(DOC, "민원 6837003") == "src:민원사례/kgs_qa_dev.jsonl#민원 6837003"


def test_case_links_round_trip(registry):
    reg = registry
    a = [link("민원 1", "액법 제33조제2항", title_norm="액화석유가스의안전관리및사업법", article="제33조", resolved=True),
         link("민원 1", "같은 법 시행규칙 별표 20", title_norm="액화석유가스의안전관리및사업법시행규칙", annex="별표 20"),
         link("민원 2", "KGS FU432 2.3.3", title_norm="", code="KGS FU432", clause="2.3.3", resolved=True)]
    reg.replace_case_links(f"{DOC}@-#", a)
    got = reg.case_links([case_key(DOC, "민원 1"), case_key(DOC, "민원 2"), case_key(DOC, "민원 9")])
    assert got[case_key(DOC, "민원 1")] == a[:2] and got[case_key(DOC, "민원 2")] == a[2:]
    assert case_key(DOC, "민원 9") not in got
    assert reg.case_links([]) == {}

    # a long span is cut to what the column holds; feedback appends a negative link
    reg.add_case_links([link("민원 2", "제" * 300, title_norm="가스법", article="제1조", weight=-1.0)], "feedback:7")
    extra = reg.case_links([case_key(DOC, "민원 2")])[case_key(DOC, "민원 2")]
    assert len(extra) == 2 and extra[1].weight == -1.0 and len(extra[1].ref) == 200

    unresolved = reg.unresolved_case_links()
    assert [lk.ref for _, lk in unresolved] == ["같은 법 시행규칙 별표 20", "제" * 200]
    (id1, _), (id2, _) = unresolved
    reg.mark_case_links_resolved([id1, id2], {id2: "가스예시법"})
    assert reg.unresolved_case_links() == []
    assert reg.case_links([case_key(DOC, "민원 2")])[case_key(DOC, "민원 2")][1].title_norm == "가스예시법"

    # re-writing the complaint version replaces its links; the feedback links stay
    reg.replace_case_links(f"{DOC}@-#", a[:1])
    got = reg.case_links([case_key(DOC, "민원 1"), case_key(DOC, "민원 2")])
    assert got[case_key(DOC, "민원 1")] == a[:1] and [lk.weight for lk in got[case_key(DOC, "민원 2")]] == [-1.0]
    assert reg.case_links_of_version(f"{DOC}@-#") == a[:1]

    # deleting the complaint version deletes its links
    reg.save_version(version(f"{DOC}@-#", None, kind="complaint", doc_key=DOC), units(f"{DOC}@-#", 1))
    reg.delete_version(f"{DOC}@-#")
    assert reg.case_links_of_version(f"{DOC}@-#") == [] and reg.case_links_of_version("feedback:7")


def _at_0004(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0004")
        row = ("INSERT INTO versions (version_key, doc_key, title, title_norm, parent_title, kind, source, law_id, "
               "mst, promulgation_no, repealed, content_hash, unit_count, abbreviations, ingested_at, visibility) "
               "VALUES (:vk, :dk, 't', 't', '', :kind, 's', '', '', '', false, 'h', 1, '[]', "
               "'2024-01-01T00:00:00+00:00', 'public')")
        for vk, dk, kind in (("law:1@-#", "law:1", "법률"), (f"{DOC}@-#", DOC, "complaint")):
            conn.execute(text(row), {"vk": vk, "dk": dk, "kind": kind})
        files = ("INSERT INTO source_files (path, sha256, size, parser, version_keys, units, seen_at, declared) "
                 "VALUES (:p, 'abc', 1, 'text', :vks, 1, '2024-01-01T00:00:00+00:00', '{}')")
        for p, vks in (("/c/법.md", '["law:1@-#"]'), ("/c/민원.jsonl", f'["{DOC}@-#"]')):
            conn.execute(text(files), {"p": p, "vks": vks})
    engine.dispose()


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_migration_0005_adds_links_and_marks_complaint_files_for_re_reading(db, fast_dir, request):
    url = f"sqlite:///{fast_dir / 'r.db'}" if db == "sqlite" else request.getfixturevalue("pg_url")
    _at_0004(url)
    reg = Registry(url)
    try:
        assert reg.unresolved_case_links() == [] and reg.case_links([case_key(DOC, "민원 1")]) == {}
        # complaint files are read again by the next ingest (their links are written then); laws are not
        assert reg.source_file("/c/민원.jsonl").sha256 == "" and reg.version(f"{DOC}@-#").content_hash == ""
        assert reg.source_file("/c/법.md").sha256 == "abc" and reg.version("law:1@-#").content_hash == "h"
        reg.replace_case_links(f"{DOC}@-#", [link("민원 1", "액법 제44조", title_norm="t", article="제44조")])
        assert len(reg.unresolved_case_links()) == 1
        with create_engine(url).begin() as conn:
            command.downgrade(_config(conn), "0004")
            command.upgrade(_config(conn), "head")
    finally:
        reg.engine.dispose()
