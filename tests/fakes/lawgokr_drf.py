"""A fake law.go.kr DRF Open API on loopback (lawSearch.do / lawService.do speaking the DRF XML format).

Statute and 행정규칙 bodies are the shared real JSON samples converted to XML with the same element names
(조문키/부칙키/별표키/법령키 as attributes, as law.go.kr's XML has them), trimmed to a few articles so the
tests stay fast; versions are the same 법령ID with a new MST and a later 시행일자. 자치법규 and 법령해석례
bodies are small fictional fixtures in the documented DRF shape (no real sample is stored for them).
"""
from __future__ import annotations

import copy
import json
import threading
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from rag.model import normalize_title

SAMPLES = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "lawgokr-api-samples"
OC, REFERER = "test-oc", "https://dasan.test/"
EFT = "전자금융거래법"
CREDIT = "신용정보의 이용 및 보호에 관한 법률"
ADM = "정보보호 및 개인정보보호 관리체계 인증 등에 관한 고시"
ATTRS = {"조문키", "부칙키", "별표키", "법령키"}


def real_sample(name: str) -> dict:
    """A real DRF JSON sample from ../shared (the test is skipped when it is absent)."""
    path = SAMPLES / f"{name}.json"
    if not path.exists():
        pytest.skip(f"shared sample not available: {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def to_xml(tag: str, value) -> ET.Element:
    """JSON sample value -> DRF XML element (lists of dicts repeat, nested line lists become text)."""
    el = ET.Element(tag)
    if not isinstance(value, dict):
        flat = value if not isinstance(value, list) else [x for v in value for x in (v if isinstance(v, list) else [v])]
        el.text = "\n".join(flat) if isinstance(flat, list) else str(value)
        return el
    for k, v in value.items():
        if k == "content":
            el.text = str(v)
        elif isinstance(v, str) and (k in ATTRS or "content" in value):
            el.set(k, v)
        elif isinstance(v, list) and v and not isinstance(v[0], list):
            for item in v:
                el.append(to_xml(k, item))
        else:
            el.append(to_xml(k, v))
    return el


def xml_bytes(el: ET.Element) -> bytes:
    return ET.tostring(el, encoding="utf-8", xml_declaration=True)


def law_body(base: dict, v: dict) -> bytes:
    """One version of a statute: the sample with this version's name, ID, dates and a changed article."""
    law = copy.deepcopy(base["법령"])
    law.pop("개정문", None)
    units = law["조문"]["조문단위"]  # the first heading and three short articles keep tokenizing fast
    law["조문"]["조문단위"] = units[:1] + [u for u in units if u["조문여부"] == "조문" and len(json.dumps(u)) < 1500][:3]
    law["부칙"]["부칙단위"] = law["부칙"]["부칙단위"][-1:]
    law.pop("별표", None)
    info = law["기본정보"]
    info.update(법령명_한글=v["title"], 법령ID=v["id"], 시행일자=v["eff"], 공포일자=v["anc"], 제개정구분=v["rev"])
    info["법종구분"]["content"] = v.get("kind", "법률")
    law["법령키"] = f"{v['id']}{v['anc']}{v['mst']}"
    art = next(u for u in law["조문"]["조문단위"] if u["조문여부"] == "조문")
    art["조문내용"] += f" <개정 {v['anc'][:4]}.{int(v['anc'][4:6])}.{int(v['anc'][6:])}>"
    return xml_bytes(to_xml("법령", law))


def admrule_body(base: dict) -> bytes:
    rule = copy.deepcopy(base["AdmRulService"])
    rule["조문내용"] = rule["조문내용"][:6]
    rule["부칙"] = {k: v[-2:] for k, v in rule["부칙"].items()}
    rule["별표"]["별표단위"] = rule["별표"]["별표단위"][:1]
    rule.pop("첨부파일", None)
    return xml_bytes(to_xml("AdmRulService", rule))


ORDIN_BODY = """<?xml version="1.0" encoding="UTF-8"?><LawService><자치법규기본정보>
<자치법규ID>2000001</자치법규ID><자치법규일련번호>1500001</자치법규일련번호><공포일자>20250102</공포일자>
<공포번호>101</공포번호><자치법규명><![CDATA[다산시 가스시설 안전점검 예시 조례]]></자치법규명><시행일자>20250102</시행일자>
<자치법규종류>조례</자치법규종류><지자체기관명>다산시</지자체기관명><제개정정보>제정</제개정정보></자치법규기본정보>
<조문><조 조문번호="000100"><조문번호>000100</조문번호><조문여부>N</조문여부><조내용><![CDATA[제1장 총칙]]></조내용></조>
<조 조문번호="000100"><조문번호>000100</조문번호><조문여부>Y</조문여부><조제목><![CDATA[목적]]></조제목>
<조내용><![CDATA[제1조(목적) 이 조례는 다산시 가스시설의 안전점검에 필요한 사항을 정함을 목적으로 한다.]]></조내용></조>
<조 조문번호="000200"><조문번호>000200</조문번호><조문여부>Y</조문여부><조제목><![CDATA[점검]]></조제목>
<조내용><![CDATA[제2조(점검) ① 시장은 매년 가스시설을 점검한다.
② 점검 결과는 공개한다.]]></조내용></조></조문>
<부칙><부칙공포일자>20250102</부칙공포일자><부칙공포번호>101</부칙공포번호>
<부칙내용><![CDATA[부칙 <제101호,2025.1.2>
이 조례는 공포한 날부터 시행한다.]]></부칙내용></부칙></LawService>"""
EXPC_BODY = """<?xml version="1.0" encoding="UTF-8"?><ExpcService><법령해석례일련번호>330001</법령해석례일련번호>
<안건명><![CDATA[다산시 예시 안건(가스시설 점검 주기)]]></안건명><안건번호>25-0001</안건번호><해석일자>20250310</해석일자>
<해석기관명>법제처</해석기관명><질의기관명>다산시</질의기관명><질의요지><![CDATA[예시 질의요지입니다.]]></질의요지>
<회답><![CDATA[예시 회답입니다.]]></회답><이유><![CDATA[예시 이유 첫 줄입니다.<br/>둘째 줄입니다.]]></이유></ExpcService>"""
HTML_ERROR = "<!DOCTYPE html><html><head><title>국가법령정보 오류</title></head><body>error</body></html>".encode()


class FakeDRF:
    """lawSearch.do / lawService.do on 127.0.0.1 with a hit log, failure queues and mutable data."""

    def __init__(self) -> None:
        self.laws: list[dict] = []  # eflaw versions
        self.bodies: dict[tuple, bytes] = {}  # (target, key) -> body
        self.rows: dict[str, list[dict]] = {"admrul": [], "ordin": [], "expc": []}
        self.fail: dict[str, list[int]] = {}  # endpoint -> statuses to answer first
        self.hits: list[tuple[str, dict, dict]] = []
        drf = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlsplit(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                endpoint = url.path.rsplit("/", 1)[-1]
                drf.hits.append((endpoint, params, dict(self.headers)))
                status, body, ctype = drf.answer(endpoint, params)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/DRF"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def add_law(self, base: dict, **v) -> None:
        self.laws.append(v)
        self.bodies[("eflaw", (v["mst"], v["eff"]))] = law_body(base, v)

    def service_hits(self) -> list[dict]:
        return [p for e, p, _ in self.hits if e == "lawService.do"]

    def answer(self, endpoint: str, p: dict) -> tuple[int, bytes, str]:
        if self.fail.get(endpoint):
            return self.fail[endpoint].pop(0), b"Service Unavailable", "text/plain"
        if p.get("OC") == "bad-oc":
            return 200, HTML_ERROR, "text/html;charset=UTF-8"
        if p.get("OC") == "unregistered":
            return 200, ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><result>사용자 정보 검증에 실패하였습니다."
                         "</result><msg>OPEN API 호출 시 사용자 검증을 위하여 정확한 서버장비의 IP주소 및 도메인주소를 "
                         "등록해 주세요.</msg></Response>").encode(), "application/xml"
        if endpoint == "lawSearch.do":
            return 200, self.search(p), "application/xml;charset=UTF-8"
        key = (p.get("MST"), p.get("efYd")) if p["target"] == "eflaw" else p.get("MST") or p.get("ID")
        body = self.bodies.get((p["target"], key))
        if body is None:
            body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Law>일치하는 법령이 없습니다. 법령명을 확인하여 주십시오.</Law>"
            body = body.encode()
        return 200, body, "application/xml;charset=UTF-8"

    def search(self, p: dict) -> bytes:
        target, query = p["target"], normalize_title(p.get("query", ""))
        if target in ("eflaw", "law"):  # law: the laws in force only (the list `dasan law-names` reads)
            current = {i: max((v["eff"] for v in self.laws if v["id"] == i and v["eff"] <= "20261123"), default="")
                       for i in {v["id"] for v in self.laws}}  # per law
            rows = [{"법령일련번호": v["mst"], "현행연혁코드": "시행예정" if v["eff"] > "20261123" else
                     ("현행" if v["eff"] == current[v["id"]] else "연혁"), "법령명한글": v["title"],
                     "법령약칭명": v.get("abbr", ""),
                     "법령ID": v["id"], "공포일자": v["anc"], "공포번호": v["anc"][-4:], "제개정구분명": v["rev"],
                     "소관부처코드": "1160100", "소관부처명": "금융위원회", "법령구분명": v.get("kind", "법률"),
                     "공동부령정보": "", "시행일자": v["eff"], "자법타법여부": "",
                     "법령상세링크": f"/DRF/lawService.do?OC={p['OC']}&target=eflaw&MST={v['mst']}&type=HTML&efYd={v['eff']}"}
                    for v in self.laws if (not p.get("LID") or v["id"] == p["LID"])]
            rows = [r for r in rows if query in normalize_title(r["법령명한글"])
                    and (target == "eflaw" or r["현행연혁코드"] == "현행")]
            root_tag, item, name = "LawSearch", "law", "법령명한글"
        else:
            root_tag, item, name = {"admrul": ("AdmRulSearch", "admrul", "행정규칙명"),
                                    "ordin": ("OrdinSearch", "law", "자치법규명"), "expc": ("Expc", "expc", "안건명")}[target]
            rows = [r for r in self.rows[target] if query in normalize_title(r[name])]
        display, page = int(p.get("display", 20)), int(p.get("page", 1))
        root = ET.Element(root_tag)
        for k, v in (("target", target), ("키워드", p.get("query", "")), ("totalCnt", str(len(rows))),
                     ("page", str(page)), ("resultCode", "00"), ("resultMsg", "success")):
            ET.SubElement(root, k).text = v
        for i, row in enumerate(rows[(page - 1) * display: page * display], start=(page - 1) * display + 1):
            el = ET.SubElement(root, item, id=str(i))
            for k, v in row.items():
                ET.SubElement(el, k).text = v
        return xml_bytes(root)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
