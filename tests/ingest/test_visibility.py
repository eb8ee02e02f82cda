"""Visibility set by administrators: kind defaults, rule files, front matter, --visibility (issue item 3)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest.visibility import RULE_FILE, VisibilityError, check, glob_regex, parse_rules
from rag.index.base import QueryFilter
from tests.conftest import AS_OF
from tests.dasan.test_cli import cli, run  # noqa: F401  (fixture)

MANUAL = "# 점검 요령\n\n정압기 점검은 분기마다 한다. 점검표는 감마 양식을 쓴다.\n"
LETTER = "# 시행 알림\n\n보조금 정산은 12월까지 마친다. 정산서는 델타 양식을 쓴다.\n"


@pytest.fixture
def corpus(fast_dir, sample_dir) -> Path:
    """A statute (sample ordinance), a manual and a guidance letter in a sub-folder."""
    d = fast_dir / "corpus"
    shutil.copytree(next(sample_dir.rglob("본문_시행20240101.md")).parent, d / "조례")
    (d / "매뉴얼").mkdir()
    (d / "매뉴얼" / "점검.md").write_text(MANUAL, encoding="utf-8")
    (d / "공문").mkdir()
    (d / "공문" / "알림.md").write_text(LETTER, encoding="utf-8")
    return d


def visibility_of(rt) -> dict[str, set[str]]:
    """source id (or doc key) -> the visibility values on its points, and the registry's value."""
    out: dict[str, set[str]] = {}
    for h in rt.index.find(QueryFilter(), limit=10_000):
        out.setdefault(h.payload["doc_key"].split("/")[-1], set()).add(h.payload["visibility"])
    for v in rt.registry.all_versions():
        out.setdefault(v.doc_key.split("/")[-1], set()).add(v.visibility)
    return out


def sees(rt, allowed: list[str], question: str, phrase: str) -> bool:
    hits = rt.retriever.search(question, top_k=5, as_of=AS_OF, visibility=allowed).hits
    return any(phrase in (h.text or "") for h in hits)


def test_defaults_statutes_public_office_documents_org(make_runtime, corpus):
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    vis = visibility_of(rt)
    assert vis["점검.md"] == vis["알림.md"] == {"org"}
    laws = [v for k, v in vis.items() if k.startswith("law:")]
    assert laws and all(v == {"public"} for v in laws)
    assert not sees(rt, ["public"], "정압기 점검 주기", "감마 양식")
    assert sees(rt, ["public", "org"], "정압기 점검 주기", "감마 양식")


def test_rule_file_nearest_folder_and_last_line_win(make_runtime, corpus):
    (corpus / RULE_FILE).write_text("# 청 전체 규칙\n*.md org\n공문/** dept:기획과\n조례/* public\n", encoding="utf-8")
    (corpus / "공문" / RULE_FILE).write_text("*.md dept:감사과\n알림.md dept:회계과\n", encoding="utf-8")
    rt = make_runtime()
    report = rt.ingestor.ingest_paths([corpus])
    assert not any(Path(f.path).name == RULE_FILE for f in report.files)  # never indexed
    vis = visibility_of(rt)
    assert vis["알림.md"] == {"dept:회계과"} and vis["점검.md"] == {"org"}
    laws = [v for k, v in vis.items() if k.startswith("law:")]
    assert laws and all(v == {"public"} for v in laws)  # "조례/*" overrides "*.md"
    assert sees(rt, ["public", "org", "dept:회계과"], "보조금 정산 기한", "델타 양식")
    assert not sees(rt, ["public", "org", "dept:감사과"], "보조금 정산 기한", "델타 양식")
    # ingesting the sub-folder alone does not escape the parent folder's rules
    rt2 = make_runtime(name="sub")
    rt2.ingestor.ingest_paths([corpus / "매뉴얼"])
    assert visibility_of(rt2)["점검.md"] == {"org"}


def test_visibility_change_is_applied_without_parsing_or_embedding(make_runtime, corpus, monkeypatch):
    import ingest.pipeline as pipeline

    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    points = rt.index.count()
    calls, fake = [], rt.embedder
    real = pipeline.parse_file
    monkeypatch.setattr(pipeline, "parse_file", lambda p: calls.append(p) or real(p))
    embedded = fake.passage_texts
    (corpus / "매뉴얼" / RULE_FILE).write_text("점검.md public\n", encoding="utf-8")
    report = rt.ingestor.ingest_paths([corpus])
    assert calls == [] and fake.passage_texts == embedded and report.embedded == 0
    assert [Path(f.path).name for f in report.files if f.status == "ok"] == ["점검.md"]
    assert visibility_of(rt)["점검.md"] == {"public"} and rt.index.count() == points
    assert sees(rt, ["public"], "정압기 점검 주기", "감마 양식")
    # the rule removed: back to the kind's default, again without parsing
    (corpus / "매뉴얼" / RULE_FILE).unlink()
    assert rt.ingestor.ingest_paths([corpus]).count("ok") == 1 and calls == []
    assert visibility_of(rt)["점검.md"] == {"org"}
    assert rt.ingestor.ingest_paths([corpus]).count("unchanged") == len(report.files)


def test_front_matter_beats_rules_and_a_changed_value_is_not_reembedded(make_runtime, corpus):
    (corpus / RULE_FILE).write_text("*.md public\n", encoding="utf-8")
    manual = corpus / "매뉴얼" / "점검.md"
    manual.write_text("---\n공개범위: dept:안전과\n---\n" + MANUAL, encoding="utf-8")
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus])
    assert visibility_of(rt)["점검.md"] == {"dept:안전과"}
    assert all("공개범위" not in h.payload["text"] for h in rt.index.find(QueryFilter(), limit=1000))
    manual.write_text("---\n공개범위: org\n---\n" + MANUAL, encoding="utf-8")
    report = rt.ingestor.ingest_paths([corpus])
    assert report.embedded == 0 and report.count("ok") == 1
    assert visibility_of(rt)["점검.md"] == {"org"}


def test_cli_visibility_is_kept_for_the_file_until_auto(make_runtime, corpus):
    rt = make_runtime()
    rt.ingestor.ingest_paths([corpus / "공문"], visibility="dept:감사과")
    assert visibility_of(rt)["알림.md"] == {"dept:감사과"}
    rt.ingestor.ingest_paths([corpus])  # the nightly run without the option does not widen it
    assert visibility_of(rt)["알림.md"] == {"dept:감사과"} and visibility_of(rt)["점검.md"] == {"org"}
    report = rt.ingestor.ingest_paths([corpus / "공문"], visibility="auto")
    assert report.embedded == 0 and visibility_of(rt)["알림.md"] == {"org"}
    with pytest.raises(VisibilityError, match="--visibility"):
        rt.ingestor.ingest_paths([corpus], visibility="everyone")


def test_invalid_values_name_the_file_and_line(make_runtime, corpus):
    (corpus / "공문" / RULE_FILE).write_text("# 규칙\n*.md dept:감사 과\n", encoding="utf-8")
    (corpus / "매뉴얼" / "점검.md").write_text("---\n작성: 안전과\n공개범위: 비공개\n---\n" + MANUAL, encoding="utf-8")
    rt = make_runtime()
    report = {Path(f.path).name: f for f in rt.ingestor.ingest_paths([corpus]).files}
    letter, manual = report["알림.md"], report["점검.md"]
    assert letter.status == "error" and str(corpus / "공문" / RULE_FILE) in letter.reason and "2번째 줄" in letter.reason
    assert manual.status == "error" and "3번째 줄" in manual.reason and "비공개" in manual.reason
    assert "알림.md" not in visibility_of(rt)  # nothing indexed wider than meant
    assert all(f.status == "ok" for name, f in report.items() if name not in ("알림.md", "점검.md"))


def test_values_and_globs():
    assert check(" Public ", "x") == "public" and check("dept:기획조정실", "x") == "dept:기획조정실"
    for bad in ("", "private", "dept:", "dept:a b", "dept:" + "가" * 65):
        with pytest.raises(VisibilityError, match="x: 공개범위 값"):
            check(bad, "x")
    assert glob_regex("*.hwp").match("가/나/다.hwp") and not glob_regex("가/*.hwp").match("가/나/다.hwp")
    assert glob_regex("가/**").match("가/나/다.hwp") and glob_regex("민원/").match("민원/a/b.csv")
    rules = parse_rules("2024년 업무 지침.hwp   dept:감사과\n", "규칙")
    assert rules[0].value == "dept:감사과" and rules[0].regex.match("2024년 업무 지침.hwp")
    with pytest.raises(VisibilityError, match="규칙 1번째 줄"):
        parse_rules("org\n", "규칙")


def test_dasan_ingest_visibility_option(cli, capsys):
    from ingest.registry import Registry

    rc, _, err = run(capsys, "ingest", str(cli["corpus"]), "--visibility", "비밀")
    assert rc == 2 and "--visibility: 공개범위 값 '비밀'" in err and "dept:부서명" in err
    rc, _, err = run(capsys, "ingest", str(cli["corpus"]), "--visibility", "dept:감사과", "--json")
    assert rc == 0, err
    reg = Registry(f"sqlite:///{cli['home'] / 'dasan.db'}")
    assert {v.visibility for v in reg.all_versions()} == {"dept:감사과"}
    reg.engine.dispose()
