"""Document identity: official ids for official texts, the source for everything else (issue item 1)."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from ingest.migrate import _config
from ingest.pipeline import collect_sources
from ingest.registry import Registry
from rag.index.base import QueryFilter
from rag.model import KIND_CODE, KIND_LAW, KIND_MANUAL, Document, normalize_title
from tests.conftest import AS_OF
from tests.ingest.test_registry import pg_url  # noqa: F401  (fixture)

GUIDE_A = "# 민원 응대\n\n가스 누출 민원은 즉시 현장 점검반을 보낸다. 점검반은 알파 절차를 따른다.\n"
GUIDE_B = "# 민원 응대\n\n보일러 소음 민원은 다음 날 방문 상담을 잡는다. 상담은 베타 절차를 따른다.\n"


def law_md(title: str, eff: str, body: str, law_id: str = "") -> str:
    ident = f"법령ID: '{law_id}'\n" if law_id else ""
    return (f"---\n제목: {title}\n법령구분: 법률\n{ident}시행일자: '{eff}'\n공포일자: '{eff}'\n---\n"
            f"# {title}\n\n##### 제1조 (목적)\n{body}\n")


@pytest.fixture
def two_guides(fast_dir) -> tuple[Path, Path]:
    big, big2 = fast_dir / "big", fast_dir / "big2"
    for d, body in ((big, GUIDE_A), (big2, GUIDE_B)):
        d.mkdir()
        (d / "지침_00.md").write_text(body, encoding="utf-8")
    return big, big2


def texts(rt) -> list[str]:
    return [h.payload["text"] for h in rt.index.find(QueryFilter(), limit=10_000)]


def found(rt, question: str, phrase: str) -> bool:
    hits = rt.retriever.search(question, top_k=5, as_of=AS_OF).hits
    return any(phrase in (h.text or "") for h in hits)


def test_same_file_name_in_two_folders_stays_two_documents(make_runtime, two_guides):
    rt = make_runtime()
    big, big2 = two_guides
    assert rt.ingestor.ingest_paths([big]).count("ok") == 1
    assert rt.ingestor.ingest_paths([big2]).count("ok") == 1
    again = rt.ingestor.ingest_paths([big])
    assert again.count("unchanged") == 1 and again.embedded == 0
    keys = sorted(v.doc_key for v in rt.registry.all_versions())
    assert keys == ["src:big/지침_00.md", "src:big2/지침_00.md"]
    assert sum("알파 절차" in t for t in texts(rt)) == 1 and sum("베타 절차" in t for t in texts(rt)) == 1
    assert found(rt, "가스 누출 민원 점검반", "알파 절차") and found(rt, "보일러 소음 민원 방문 상담", "베타 절차")
    # both folders in one run, and each file named alone: the same two documents, nothing rewritten
    both = rt.ingestor.ingest_paths([big, big2, big2 / "지침_00.md"])
    assert both.count("unchanged") == 3 and len(rt.registry.all_versions()) == 2


def test_source_id_is_the_path_under_the_root_folder(two_guides):
    big, _ = two_guides
    (big / "하위").mkdir()
    (big / "하위" / "a.txt").write_text("본문", encoding="utf-8")
    (big / "공개범위.txt").write_text("*.txt org\n", encoding="utf-8")  # a rule file is never a document
    assert collect_sources([big]) == [(big / "지침_00.md", "big/지침_00.md"), (big / "하위" / "a.txt", "big/하위/a.txt")]
    assert collect_sources([big / "지침_00.md"]) == [(big / "지침_00.md", "big/지침_00.md")]


def test_versions_of_one_law_from_two_folders_stay_one_document(make_runtime, fast_dir):
    """A statute known only by its official title (no 법령ID) keeps kind + title: two files, two versions."""
    rt = make_runtime()
    for folder, eff, fee in (("2024판", "2024-01-01", "5천원"), ("2027판", "2027-01-01", "1만원")):
        (fast_dir / folder).mkdir()
        (fast_dir / folder / "법.md").write_text(law_md("가스 예시법", eff, f"사용료는 1시간 {fee}으로 한다."),
                                                encoding="utf-8")
    rt.ingestor.ingest_paths([fast_dir / "2024판"])
    rt.ingestor.ingest_paths([fast_dir / "2027판"])
    versions = rt.registry.all_versions()
    assert {v.doc_key for v in versions} == {f"{KIND_LAW}:/{normalize_title('가스 예시법')}"}
    assert sorted(v.effective_from for v in versions) == [date(2024, 1, 1), date(2027, 1, 1)]
    first = min(versions, key=lambda v: v.effective_from)
    assert rt.registry.version(first.version_key).effective_to == date(2027, 1, 1)


def test_identity_comes_from_what_a_document_is():
    law = Document("가스 예시법", KIND_LAW, "/a/x.md", law_id="001234", source_id="a/x.md")
    assert law.doc_key == "law:001234"
    old = Document("KGS FU551 가스시설 기준", KIND_CODE, "/a/1.pdf", extra={"code": "KGS FU551"})
    new = Document("KGS FU551 가스시설 기준(개정)", KIND_CODE, "/b/2.pdf", extra={"code": "KGS FU551"})
    assert old.doc_key == new.doc_key == "code:KGS FU551"
    stem_only = Document("기준서", KIND_CODE, "/a/기준서.pdf", source_id="a/기준서.pdf", extra={"code": "기준서"})
    assert stem_only.doc_key == "src:a/기준서.pdf"  # a file name is no official code
    page = Document("안내", KIND_MANUAL, "/crawl/p1.html", source_id="crawl/p1.html",
                    extra={"url": "https://www.example.go.kr/guide/1"})
    assert page.doc_key == "src:https://www.example.go.kr/guide/1"
    a = Document("지침_00", KIND_MANUAL, "big/지침_00.md", source_id="big/지침_00.md")
    b = Document("지침_00", KIND_MANUAL, "big2/지침_00.md", source_id="big2/지침_00.md")
    assert a.doc_key != b.doc_key


def _legacy_doc_key(self) -> str:
    """Document.doc_key as it was before revision 0004 (kind + title for everything without 법령ID)."""
    if self.law_id:
        return f"law:{self.law_id}"
    return f"{self.kind}:{normalize_title(self.parent_title)}/{normalize_title(self.title)}"


def test_registry_built_by_the_old_identity_is_rekeyed_by_the_next_ingest(make_runtime, two_guides, monkeypatch):
    """Revision 0004 on a registry + index written with title identity: no text lost, no duplicate point."""
    big, big2 = two_guides
    rt = make_runtime()
    with monkeypatch.context() as m:
        m.setattr(Document, "doc_key", property(_legacy_doc_key))
        rt.ingestor.ingest_paths([big])
        rt.ingestor.ingest_paths([big2])  # the bug: big2's text replaced big's under "manual:/지침_00"
    assert [v.doc_key for v in rt.registry.all_versions()] == ["manual:/지침_00"]
    url = rt.settings.db_url
    with create_engine(url).begin() as conn:  # back to the schema the old code had
        command.downgrade(_config(conn), "0003")
    Registry(url).engine.dispose()  # opening the registry upgrades it (0004)
    points = rt.index.count()
    assert found(rt, "보일러 소음 민원 방문 상담", "베타 절차")  # still searchable before re-ingest
    fake = rt.embedder
    before = fake.passage_texts
    rt.ingestor.ingest_paths([big2])
    rt.ingestor.ingest_paths([big])
    assert sorted(v.doc_key for v in rt.registry.all_versions()) == ["src:big/지침_00.md", "src:big2/지침_00.md"]
    assert rt.index.count() == points + 1  # big's text is back; the old "manual:/지침_00" points are gone
    assert {h.payload["doc_key"] for h in rt.index.find(QueryFilter(), limit=100)} == {
        "src:big/지침_00.md", "src:big2/지침_00.md"}
    assert fake.passage_texts == before  # both texts come from the embedding cache, even the one the bug hid
    assert found(rt, "가스 누출 민원 점검반", "알파 절차") and found(rt, "보일러 소음 민원 방문 상담", "베타 절차")


def _at_0003(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(_config(conn), "0003")
        row = ("INSERT INTO versions (version_key, doc_key, title, title_norm, parent_title, kind, source, law_id, "
               "mst, promulgation_no, repealed, content_hash, unit_count, abbreviations, ingested_at) VALUES "
               "(:vk, :dk, 't', 't', '', :kind, 's', '', '', '', false, 'h', 1, '[]', '2024-01-01T00:00:00+00:00')")
        for vk, dk, kind in (("manual:/지침@-#", "manual:/지침", "manual"), ("law:1@-#", "law:1", "법률"),
                             ("complaint:/민원@-#", "complaint:/민원", "complaint"),
                             ("법률:/가스법@-#", "법률:/가스법", "법률")):
            conn.execute(text(row), {"vk": vk, "dk": dk, "kind": kind})
        files = ("INSERT INTO source_files (path, sha256, size, parser, version_keys, units, seen_at) VALUES "
                 "(:p, 'abc', 1, 'text', :vks, 1, '2024-01-01T00:00:00+00:00')")
        for p, vks in (("/c/지침.md", '["manual:/지침@-#"]'), ("/c/법.md", '["law:1@-#", "법률:/가스법@-#"]'),
                       ("/c/민원.csv", '["complaint:/민원@-#"]')):
            conn.execute(text(files), {"p": p, "vks": vks})
    engine.dispose()


@pytest.mark.parametrize("db", ["sqlite", "postgresql"])
def test_migration_0004_marks_files_whose_documents_change_identity(db, fast_dir, request):
    url = f"sqlite:///{fast_dir / 'r.db'}" if db == "sqlite" else request.getfixturevalue("pg_url")
    _at_0003(url)
    reg = Registry(url)
    try:
        assert reg.source_file("/c/지침.md").sha256 == "" and reg.source_file("/c/민원.csv").sha256 == ""
        assert reg.source_file("/c/법.md").sha256 == "abc"  # official ids and statute titles keep their identity
        assert reg.source_file("/c/법.md").declared == {} and reg.source_file("/c/법.md").visibility_override is None
        vis = {v.version_key: v.visibility for v in reg.all_versions()}
        assert vis == {"manual:/지침@-#": "public", "law:1@-#": "public", "complaint:/민원@-#": "org",
                       "법률:/가스법@-#": "public"}  # what the old code wrote into the index payloads
    finally:
        reg.engine.dispose()
