"""law.go.kr Open API (DRF) client: ``lawSearch.do`` (lists) and ``lawService.do`` (bodies).

``LawGoKrClient`` sends ``OC``, ``target`` and ``type=XML`` with a ``Referer``, spaces requests
(``rate_per_s``) and retries network errors, 5xx and 429 with exponential backoff. law.go.kr answers many
failures with HTTP 200 (an HTML page, an empty body, a ``<result>사용자 정보 검증에 실패…</result>`` envelope,
``<Law>일치하는 법령이 없습니다…</Law>``): ``check_body`` turns all of them into ``LawGoKrError`` with a Korean
message, so they are never treated as documents.
"""
from __future__ import annotations

import json
import re
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlencode

import defusedxml.ElementTree as SafeET
import httpx
from defusedxml import DefusedXmlException

from ingest.parsers.base import sniff

DEFAULT_BASE = "https://www.law.go.kr/DRF"
DEFAULT_REFERER = "https://www.law.go.kr/"
USER_AGENT = "Dasan/1.0 (legal RAG for public officials)"
# DRF error texts that arrive with HTTP 200 (XML root text, <result>/<msg>, or JSON values)
_ERROR_TEXT = re.compile(r"(검증에\s*실패|일치하는\s*\S+\s*없습니다|없는\s*(?:법령|자료)|오류가\s*발생|잘못된\s*요청)")
TARGET_NAMES = {"eflaw": "법령", "law": "법령", "admrul": "행정규칙", "ordin": "자치법규", "expc": "법령해석례"}


class LawGoKrError(Exception):
    """A failed law.go.kr call; ``message`` is Korean and never contains the OC key."""

    def __init__(self, message: str, url: str = "", status: int | None = None, retryable: bool = False):
        self.message, self.url, self.status, self.retryable = message, url, status, retryable
        super().__init__(f"{message} [{url}]" if url else message)


def _root_error(root: ET.Element) -> str | None:
    """The error text of a DRF error document, None for a real result or body."""
    kids = {c.tag: (c.text or "").strip() for c in root}
    if kids.get("resultCode", "00") not in ("00", ""):  # lawSearch.do: resultCode / resultMsg
        return f"{kids.get('resultMsg', '')} (resultCode {kids['resultCode']})".strip()
    if "result" in kids and ("msg" in kids or _ERROR_TEXT.search(kids["result"])):
        return " — ".join(x for x in (kids["result"], kids.get("msg", "")) if x)
    text = (root.text or "").strip()
    if not len(root) and text:  # <Law>일치하는 법령이 없습니다. 법령명을 확인하여 주십시오.</Law>
        return text[:300]
    return None


def check_body(data: bytes, url: str = "") -> ET.Element | dict:
    """Parsed XML root (or JSON object) of a DRF response; LawGoKrError for every kind of error body."""
    if not data or not data.strip():
        raise LawGoKrError("law.go.kr가 빈 응답을 돌려주었습니다 (요청 변수나 서버 상태를 확인하세요)", url)
    fmt = sniff(Path("response"), data[:4096])
    if fmt == "html":
        m = re.search(rb"<title[^>]*>(.*?)</title>", data[:8192], re.I | re.S)
        title = re.sub(r"\s+", " ", m.group(1).decode("utf-8", "replace")).strip() if m else ""
        raise LawGoKrError("law.go.kr가 법령 데이터 대신 HTML 오류 페이지를 돌려주었습니다 (OC 인증키, 등록된 "
                           f"서버 IP·도메인, target·ID를 확인하세요){': ' + title if title else ''}", url)
    if fmt == "json":
        try:
            obj = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as e:
            raise LawGoKrError(f"law.go.kr 응답 JSON을 읽을 수 없습니다: {e}", url) from e
        flat = [v for v in (obj.values() if isinstance(obj, dict) else []) if isinstance(v, str)]
        if isinstance(obj, dict) and flat and any(_ERROR_TEXT.search(v) for v in flat):
            raise LawGoKrError(f"law.go.kr 오류: {' — '.join(flat)[:300]}", url)
        return obj
    if fmt != "xml":
        raise LawGoKrError(f"law.go.kr 응답이 XML이 아닙니다 (감지된 형식: {fmt})", url)
    try:
        root = SafeET.fromstring(data)
    except (ET.ParseError, DefusedXmlException) as e:
        raise LawGoKrError(f"law.go.kr 응답 XML을 읽을 수 없습니다: {e}", url) from e
    error = _root_error(root)
    if error:
        raise LawGoKrError(f"law.go.kr 오류: {error}", url)
    return root


def _record(el: ET.Element) -> dict:
    """One search result row as {tag: text}, its id attribute under "_id"."""
    out = {c.tag: (c.text or "").strip() for c in el if not len(c)}
    if "id" in el.attrib:
        out["_id"] = el.attrib["id"]
    return out


class LawGoKrClient:
    """Client of the law.go.kr DRF Open API (lawSearch.do / lawService.do)."""

    def __init__(self, oc: str, base_url: str = DEFAULT_BASE, referer: str = DEFAULT_REFERER,
                 rate_per_s: float = 2.0, retries: int = 3, timeout: float = 30, transport=None,
                 backoff: float = 1.0, sleep=time.sleep) -> None:
        if not oc:
            raise LawGoKrError("law.go.kr OC(인증키)가 없습니다: sources.toml의 oc나 환경변수를 설정하세요")
        self.oc, self.base_url, self.retries, self.backoff = oc, base_url.rstrip("/"), retries, backoff
        self.interval = 1.0 / rate_per_s if rate_per_s > 0 else 0.0
        self._sleep, self._lock, self._next = sleep, threading.Lock(), 0.0
        self.requests = 0  # HTTP requests sent, retries included
        self.http = httpx.Client(timeout=timeout, transport=transport, follow_redirects=True,
                                 headers={"Referer": referer, "User-Agent": USER_AGENT})

    def __enter__(self) -> LawGoKrClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def public_url(self, endpoint: str, params: dict) -> str:
        """The request URL without the OC key (safe for messages, logs and Document.source)."""
        return f"{self.base_url}/{endpoint}?{urlencode({k: v for k, v in params.items() if k != 'OC'})}"

    def _throttle(self) -> None:
        with self._lock:
            now = time.monotonic()
            wait = self._next - now
            self._next = max(now, self._next) + self.interval
        if wait > 0:
            self._sleep(wait)

    def get(self, endpoint: str, params: dict) -> bytes:
        """Raw body of one DRF call, with rate limit and retries (network errors, 5xx, 429)."""
        url = self.public_url(endpoint, params)
        last, retry_after = None, 0.0
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(min(max(self.backoff * 2 ** (attempt - 1), retry_after), 60.0))
            self._throttle()
            self.requests += 1
            try:
                r = self.http.get(f"{self.base_url}/{endpoint}", params={"OC": self.oc, **params})
            except httpx.TransportError as e:
                last = LawGoKrError(f"law.go.kr에 연결하지 못했습니다 ({type(e).__name__})", url, retryable=True)
                continue
            if r.status_code == 429 or r.status_code >= 500:
                ra = r.headers.get("Retry-After", "")
                retry_after = float(ra) if ra.strip().isdigit() else 0.0
                last = LawGoKrError(f"law.go.kr 서버 오류입니다 (HTTP {r.status_code})", url, r.status_code, True)
                continue
            if r.status_code >= 400:
                raise LawGoKrError(f"law.go.kr가 요청을 거부했습니다 (HTTP {r.status_code})", url, r.status_code)
            return r.content
        raise LawGoKrError(f"{last.message}: {self.retries + 1}회 시도 후 포기했습니다", url, last.status)

    def search(self, target: str, query: str | None = None, display: int = 100, max_pages: int = 100,
               **params) -> list[dict]:
        """All result rows of lawSearch.do (every page), e.g. ``search("eflaw", "건축법", nw="1,2,3")``."""
        rows: list[dict] = []
        for page in range(1, max_pages + 1):
            q = {"target": target, "type": "XML", **({"query": query} if query else {}),
                 **{k: v for k, v in params.items() if v not in (None, "")}, "display": display, "page": page}
            root = check_body(self.get("lawSearch.do", q), self.public_url("lawSearch.do", q))
            if not isinstance(root, ET.Element):
                raise LawGoKrError("lawSearch.do가 XML 목록을 돌려주지 않았습니다", self.public_url("lawSearch.do", q))
            found = [_record(c) for c in root if len(c)]
            rows += found
            total = (root.findtext("totalCnt") or "").strip()
            if not found or not total.isdigit() or len(rows) >= int(total):
                break
        return rows

    def fetch(self, target: str, fmt: str = "XML", **ids) -> bytes:
        """One body from lawService.do, e.g. ``fetch("eflaw", MST="290135", efYd="20261002")``."""
        q = {"target": target, "type": fmt, **{k: v for k, v in ids.items() if v not in (None, "")}}
        data = self.get("lawService.do", q)
        check_body(data, self.public_url("lawService.do", q))
        return data
