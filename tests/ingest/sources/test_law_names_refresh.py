"""`dasan law-names`: the table of law titles and 약칭 refreshed from law.go.kr's list API
(lawSearch.do target=law) against the loopback fake DRF server of tests/fakes/lawgokr_drf.py."""
from __future__ import annotations

import pytest

from ingest.sources.law_names import fetch, refresh
from ingest.sources.lawgokr import LawGoKrError
from rag import law_names
from rag.references import ReferenceResolver
from tests.fakes.lawgokr_drf import CREDIT, EFT, OC, REFERER, FakeDRF
from tests.fakes.lawgokr_drf import real_sample as _sample
from tests.ingest.sources.test_lawgokr_source import client, eft_versions


@pytest.fixture
def drf():
    server = FakeDRF()
    yield server
    server.close()


def _laws(drf: FakeDRF) -> None:
    eft_versions(drf, _sample(EFT))  # 연혁, 현행 and 시행예정 versions of one law
    drf.add_law(_sample(CREDIT), title=CREDIT, id="001540", mst="260101", eff="20260101", anc="20250701",
                rev="일부개정", abbr="신용정보법")


def test_fetch_reads_titles_kinds_and_official_short_names(drf):
    _laws(drf)
    with client(drf) as c:
        names = fetch(c)
    assert sorted(names.titles.values()) == sorted([EFT, CREDIT])  # each law once, in-force versions only
    assert names.kinds[law_names.normalize_title(CREDIT)] == "법률"
    assert names.abbreviations == {"신용정보법": CREDIT}
    search = [p for e, p, _ in drf.hits if e == "lawSearch.do"]
    assert search and all(p["target"] == "law" and p["OC"] == OC for p in search)


def test_refresh_writes_the_home_table_read_with_the_shipped_one(drf, tmp_path):
    _laws(drf)
    with client(drf) as c:
        path, n = refresh(c, tmp_path)
    assert path == tmp_path / "law_names.tsv" and n == 2
    names = law_names.load(tmp_path)
    assert EFT in names and CREDIT in names
    assert names.abbreviations["액법"] == "액화석유가스의 안전관리 및 사업법"  # the shipped officials' names stay
    r = ReferenceResolver([], known=names).resolve("신용정보법 제32조 동의")
    assert r.laws == [CREDIT] and r.refs[0].written == "신용정보법 제32조"
    assert law_names.parse(path.read_text(encoding="utf-8")).abbreviations == {"신용정보법": CREDIT}


def test_failed_refresh_keeps_the_previous_table(drf, tmp_path):
    _laws(drf)
    with client(drf) as c:
        path, _ = refresh(c, tmp_path)
    before = path.read_text(encoding="utf-8")
    with client(drf, oc="bad-oc") as c, pytest.raises(LawGoKrError):
        refresh(c, tmp_path)
    empty = FakeDRF()
    try:
        with client(empty) as c, pytest.raises(LawGoKrError, match="비어 있습니다"):
            refresh(c, tmp_path)
    finally:
        empty.close()
    assert path.read_text(encoding="utf-8") == before and not list(tmp_path.glob("*.tmp"))


def test_cli_law_names(drf, tmp_path, capsys, monkeypatch):
    from dasan import cli

    _laws(drf)
    cfg = tmp_path / "sources.toml"
    cfg.write_text(f'[lawgokr]\noc = "{OC}"\nbase_url = "{drf.url}"\nreferer = "{REFERER}"\nrate_per_s = 0\n',
                   encoding="utf-8")
    home = tmp_path / "home"
    assert cli.main(["--data-dir", str(home), "law-names", "--config", str(cfg)]) == 0
    assert "법령 2개" in capsys.readouterr().out and CREDIT in (home / "law_names.tsv").read_text(encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[lawgokr]\noc = ""\n', encoding="utf-8")
    assert cli.main(["--data-dir", str(home), "law-names", "--config", str(bad)]) == 2
    assert "OC" in capsys.readouterr().err


def test_bad_table_line_names_file_and_line():
    with pytest.raises(law_names.LawNamesError, match="x.tsv:2"):
        law_names.parse("# c\n\t법률\t약칭\n", "x.tsv")
