"""law.go.kr DRF connector against a real loopback HTTP server speaking the DRF XML format
(tests/fakes/lawgokr_drf.py: real sample bodies converted to XML, small fictional 자치법규/법령해석례 bodies)."""
from __future__ import annotations

import socket
from datetime import date

import pytest

from ingest.sources.lawgokr import LawGoKrClient, LawGoKrError, SourcesConfig, check_body, sync_sources
from rag.index.base import QueryFilter
from rag.model import KIND_ADMRULE, KIND_DECREE, KIND_INTERPRETATION, KIND_ORDINANCE
from tests.conftest import AS_OF
from tests.fakes.lawgokr_drf import (ADM, CREDIT, EFT, EXPC_BODY, OC, ORDIN_BODY, REFERER, FakeDRF, admrule_body,
                                     law_body, real_sample)


@pytest.fixture
def drf():
    server = FakeDRF()
    yield server
    server.close()


def client(drf: FakeDRF, oc: str = OC, **kw) -> LawGoKrClient:
    kw = {"rate_per_s": 0, "backoff": 0.001, **kw}
    return LawGoKrClient(oc, base_url=drf.url, referer=REFERER, **kw)


def eft_versions(drf: FakeDRF, base: dict) -> None:
    for mst, eff, anc in (("250001", "20240915", "20230914"), ("260002", "20260301", "20250902"),
                          ("270003", "20270101", "20260610")):  # 연혁, 현행, 시행예정 (after 2026-11-23)
        drf.add_law(base, title=EFT, id="010199", mst=mst, eff=eff, anc=anc, rev="일부개정")


# ------------------------------------------------------------------ client

def test_client_sends_oc_target_type_referer_and_paginates(drf):
    base = real_sample(EFT)
    eft_versions(drf, base)
    drf.add_law(base, title=f"{EFT} 시행령", id="010200", mst="250101", eff="20240915", anc="20240910",
                rev="일부개정", kind="대통령령")
    with client(drf) as c:
        rows = c.search("eflaw", EFT, display=3, nw="1,2,3")
        body = c.fetch("eflaw", MST="260002", efYd="20260301")
    assert [r["법령일련번호"] for r in rows] == ["250001", "260002", "270003", "250101"]
    assert rows[2]["현행연혁코드"] == "시행예정" and rows[1]["_id"] == "2"
    searches = [p for e, p, _ in drf.hits if e == "lawSearch.do"]
    assert [p["page"] for p in searches] == ["1", "2"]
    for endpoint, p, headers in drf.hits:
        assert p["OC"] == OC and p["target"] == "eflaw" and p["type"] == "XML"
        assert headers["Referer"] == REFERER and headers["User-Agent"].startswith("Dasan/")
    assert searches[0]["nw"] == "1,2,3" and searches[0]["query"] == EFT
    assert drf.hits[-1][1]["MST"] == "260002" and drf.hits[-1][1]["efYd"] == "20260301"
    assert "<법령 법령키=" in body.decode()


def test_client_recognises_error_bodies(drf):
    drf.bodies[("eflaw", ("999", "20240101"))] = b"   \n"
    with client(drf, oc="bad-oc") as c, pytest.raises(LawGoKrError) as e:
        c.search("eflaw", EFT)
    assert "HTML 오류 페이지" in e.value.message and "OC" in e.value.message and "국가법령정보 오류" in e.value.message
    assert "bad-oc" not in str(e.value)  # the key never leaks into messages
    with client(drf, oc="unregistered") as c, pytest.raises(LawGoKrError, match="사용자 정보 검증에 실패"):
        c.search("admrul", "고시")
    with client(drf) as c:
        with pytest.raises(LawGoKrError, match="빈 응답"):
            c.fetch("eflaw", MST="999", efYd="20240101")
        with pytest.raises(LawGoKrError, match="일치하는 법령이 없습니다"):
            c.fetch("eflaw", MST="404", efYd="20240101")
    with pytest.raises(LawGoKrError, match="검증에 실패"):
        check_body('{"result": "사용자 정보 검증에 실패하였습니다.", "msg": "IP를 등록하세요"}'.encode())
    with pytest.raises(LawGoKrError, match="XML을 읽을 수 없습니다"):
        check_body(b"<LawSearch><law>")


def test_client_retries_5xx_429_and_network_errors(drf):
    drf.fail["lawSearch.do"] = [500, 429]
    with client(drf) as c:
        assert c.search("eflaw", EFT) == [] and c.requests == 3
    drf.fail["lawService.do"] = [503] * 10
    with client(drf, retries=3) as c, pytest.raises(LawGoKrError, match=r"HTTP 503.*4회 시도") as e:
        c.fetch("eflaw", MST="1", efYd="20240101")
    assert e.value.status == 503 and len(drf.service_hits()) == 4
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dead = LawGoKrClient(OC, base_url=f"http://127.0.0.1:{port}/DRF", rate_per_s=0, retries=1, backoff=0.001)
    with dead, pytest.raises(LawGoKrError, match="연결하지 못했습니다.*2회 시도"):
        dead.search("eflaw", EFT)


def test_client_rate_limit_spaces_requests(drf):
    waits: list[float] = []
    with client(drf, rate_per_s=10, sleep=waits.append) as c:
        for _ in range(3):
            c.search("expc", "가스")
    assert len(waits) == 2 and sum(waits) >= 0.15  # 0.1 s apart; the fake sleep does not advance time


# ------------------------------------------------------------------ sync

def counting(monkeypatch, ingestor) -> list[str]:
    written: list[str] = []
    real = ingestor.write_document
    monkeypatch.setattr(ingestor, "write_document", lambda doc: written.append(doc.version_key) or real(doc))
    return written


def test_sync_versions_incremental_and_repeals(drf, make_runtime, tmp_path, monkeypatch):
    eft, credit = real_sample(EFT), real_sample(CREDIT)
    eft_versions(drf, eft)
    drf.add_law(eft, title=f"{EFT} 시행령", id="010200", mst="250101", eff="20240915", anc="20240910",
                rev="일부개정", kind="대통령령")
    drf.add_law(credit, title=CREDIT, id="001540", mst="240001", eff="20240814", anc="20240213", rev="일부개정")
    rt = make_runtime()
    written = counting(monkeypatch, rt.ingestor)
    cfg = SourcesConfig(laws=[{"name": EFT}, {"id": "001540"}], include_decrees=True)
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path / "cache", today=AS_OF)
    assert {k: (v.new, v.fetched, v.errors) for k, v in rep.sources.items()} == {
        f"법령 {EFT}": (4, 4, []), "법령 ID 001540": (1, 1, [])}
    assert len(drf.service_hits()) == 5 and len(written) == 5
    versions = rt.registry.versions_of("law:010199")
    assert [(v.mst, v.effective_from, v.effective_to) for v in versions] == [
        ("250001", date(2024, 9, 15), date(2026, 3, 1)), ("260002", date(2026, 3, 1), date(2027, 1, 1)),
        ("270003", date(2027, 1, 1), None)]  # MST from the listing, not the body's 법령키
    assert rt.registry.versions_of("law:010200")[0].kind == KIND_DECREE
    assert "OC=" not in versions[0].source and "MST=250001" in versions[0].source
    assert (tmp_path / "cache" / "eflaw" / "010199_250001_2024-09-15.xml").exists()

    # unchanged server: lists are read, no body is fetched, nothing is written
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path / "cache", today=AS_OF)
    assert len(drf.service_hits()) == 5 and len(written) == 5
    assert rep.total("new") == 0 and rep.total("unchanged") == 5 and rep.total("fetched") == 0

    # a new version, a 폐지 listing and a decree gone from the results
    drf.add_law(eft, title=EFT, id="010199", mst="280004", eff="20280101", anc="20270701", rev="일부개정")
    drf.laws.append({"title": CREDIT, "id": "001540", "mst": "250002", "eff": "20270601", "anc": "20261201",
                     "rev": "폐지"})
    drf.laws = [v for v in drf.laws if v["id"] != "010200"]
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path / "cache", today=AS_OF)
    assert drf.service_hits()[-1]["MST"] == "280004" and len(drf.service_hits()) == 6
    assert written[5:] == ["law:010199@2028-01-01#280004"]
    assert rt.registry.versions_of("law:010199")[2].effective_to == date(2028, 1, 1)
    assert rep.sources[f"법령 {EFT}"].repealed == 1 and rep.sources["법령 ID 001540"].repealed == 1
    credit_row = rt.registry.versions_of("law:001540")[-1]
    assert credit_row.repealed and credit_row.effective_to == date(2027, 6, 1)
    decree = rt.registry.versions_of("law:010200")[-1]
    assert decree.repealed and decree.effective_to == AS_OF  # vanished: repealed as of the sync day
    pts = [h.payload for h in rt.index.find(QueryFilter(version_keys=[credit_row.version_key]), limit=1000)]
    assert pts and all(p["repealed"] and p["eff_to"] == 20270601 for p in pts)
    assert rt.registry.runs(1)[0]["counts"]["new"] == 1

    # repeated: nothing new, nothing repealed twice
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path / "cache", today=date(2026, 12, 1))
    assert rep.total("new") == rep.total("repealed") == 0 and len(drf.service_hits()) == 6
    assert rt.registry.versions_of("law:010200")[-1].effective_to == AS_OF


def test_sync_errors_retries_and_renames(drf, make_runtime, tmp_path):
    eft = real_sample(EFT)
    eft_versions(drf, eft)
    drf.bodies[("eflaw", ("260002", "20260301"))] = b""
    rt = make_runtime()
    cfg = SourcesConfig(laws=[{"name": EFT}], include_decrees=False)
    with client(drf, oc="bad-oc") as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    assert rep.sources[f"법령 {EFT}"].errors[0].startswith("목록 조회 실패: law.go.kr가 법령 데이터 대신 HTML")
    assert rt.registry.all_versions() == [] and rt.registry.runs(1)[0]["status"] == "partial"
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    src = rep.sources[f"법령 {EFT}"]
    assert src.new == 2 and len(src.errors) == 1 and "빈 응답" in src.errors[0] and "260002" in src.errors[0]
    drf.bodies[("eflaw", ("260002", "20260301"))] = law_body(eft, drf.laws[1])
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    assert (rep.total("new"), rep.total("unchanged"), rep.total("errors")) == (1, 2, 0)
    assert [v.effective_to for v in rt.registry.versions_of("law:010199")] == [
        date(2026, 3, 1), date(2027, 1, 1), None]
    # renamed (제명변경): the old name finds nothing, its 법령ID still does -> synced on, not repealed
    for v in drf.laws:
        v["title"] = "전자금융거래 기본법"
    drf.add_law(eft, title="전자금융거래 기본법", id="010199", mst="290005", eff="20290101", anc="20281201",
                rev="일부개정")
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    assert (rep.total("new"), rep.total("repealed"), rep.total("errors")) == (1, 0, 0)
    last = rt.registry.versions_of("law:010199")[-1]
    assert last.title == "전자금융거래 기본법" and not last.repealed
    assert [p.get("LID") for e, p, _ in drf.hits if e == "lawSearch.do"][-1] == "010199"


def test_sync_admin_rules_ordinances_interpretations(drf, make_runtime, tmp_path):
    drf.bodies[("admrul", "2100000244750")] = admrule_body(real_sample(ADM))
    drf.rows["admrul"] = [{"행정규칙일련번호": "2100000244750", "행정규칙명": ADM, "행정규칙종류": "고시",
                           "발령일자": "20240724", "발령번호": "2024-8", "소관부처명": "개인정보보호위원회",
                           "현행연혁구분": "현행", "제개정구분명": "일부개정", "행정규칙ID": "23559", "시행일자": "20240724"},
                          {"행정규칙일련번호": "2100000999999", "행정규칙명": ADM + " 운영지침", "소관부처명": "다른부처",
                           "행정규칙ID": "99999", "시행일자": "20240724", "제개정구분명": "제정"}]
    drf.bodies[("ordin", "1500001")] = ORDIN_BODY.encode()
    drf.rows["ordin"] = [{"자치법규일련번호": "1500001", "자치법규명": "다산시 가스시설 안전점검 예시 조례",
                          "자치법규ID": "2000001", "공포일자": "20250102", "공포번호": "101", "제개정구분명": "제정",
                          "지자체기관명": "다산시", "자치법규종류": "조례", "시행일자": "20250102"},
                         {"자치법규일련번호": "1500002", "자치법규명": "다른시 가스시설 안전점검 예시 조례",
                          "자치법규ID": "2000002", "지자체기관명": "다른시", "시행일자": "20250102"}]
    drf.bodies[("expc", "330001")] = EXPC_BODY.encode()
    drf.rows["expc"] = [{"법령해석례일련번호": "330001", "안건명": "다산시 예시 안건(가스시설 점검 주기)",
                         "안건번호": "25-0001", "회신기관명": "법제처", "회신일자": "2025.03.10"}]
    rt = make_runtime()
    cfg = SourcesConfig(admin_rules={"ministries": ["개인정보보호위원회"], "names": [ADM]},
                        ordinances={"org": "다산시", "names": ["가스시설 안전점검"]},
                        interpretations={"query": "가스시설", "max": 5})
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    assert {k: (v.new, v.errors) for k, v in rep.sources.items()} == {
        f"행정규칙 {ADM}": (1, []), "자치법규 다산시 가스시설 안전점검": (1, []), "법령해석례 가스시설": (1, [])}
    assert [p.get("ID") or p.get("MST") for p in drf.service_hits()] == ["2100000244750", "1500001", "330001"]
    rows = {v.kind: v for v in rt.registry.all_versions()}
    assert rows[KIND_ADMRULE].version_key == "law:23559@2024-07-24#2100000244750"
    assert rows[KIND_ORDINANCE].title == "다산시 가스시설 안전점검 예시 조례"
    assert rows[KIND_ORDINANCE].version_key == "law:2000001@2025-01-02#1500001"
    assert rows[KIND_INTERPRETATION].version_key == "law:expc-330001@2025-03-10#330001"
    labels = {h.payload["kind"]: set() for h in rt.index.find(QueryFilter(), limit=1000)}
    for h in rt.index.find(QueryFilter(), limit=1000):
        labels[h.payload["kind"]].add(h.payload["label"])
    assert {"제1조", "제2조", "부칙"} <= labels[KIND_ORDINANCE]
    assert labels[KIND_INTERPRETATION] == {"질의요지", "회답", "이유"}
    why = next(h.payload["text"] for h in rt.index.find(QueryFilter(kinds=[KIND_INTERPRETATION]), limit=10)
               if h.payload["label"] == "이유")
    assert why == "예시 이유 첫 줄입니다.\n둘째 줄입니다."
    with client(drf) as c:
        rep = sync_sources(c, cfg, rt.ingestor, tmp_path, today=AS_OF)
    assert len(drf.service_hits()) == 3 and rep.total("unchanged") == 3 and rep.total("new") == 0
