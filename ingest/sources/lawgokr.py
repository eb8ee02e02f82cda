"""law.go.kr Open API (DRF) connector behind `dasan sync`: a polite client and an incremental sync.

``LawGoKrClient`` calls ``lawSearch.do`` (lists) and ``lawService.do`` (bodies) with ``OC``, ``target`` and
``type=XML``, sends a ``Referer``, spaces requests (``rate_per_s``) and retries network errors, 5xx and 429
with exponential backoff. law.go.kr answers many failures with HTTP 200 (an HTML page, an empty body, a
``<result>사용자 정보 검증에 실패…</result>`` envelope, ``<Law>일치하는 법령이 없습니다…</Law>``): all of them
raise ``LawGoKrError`` with a Korean message and are never treated as documents.

``sync_sources`` lists every version of each configured text (eflaw: 연혁, 현행 and 시행예정 versions, each
with 법령ID, MST and 시행일자), fetches only versions the registry does not hold yet (so unchanged versions
are neither downloaded nor parsed again), writes them through the Ingestor, closes version dates, and marks
texts repealed when a 폐지 version is listed or when a text vanishes from the results.
"""
from __future__ import annotations

import json
import os
import re
import threading
import time
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import defusedxml.ElementTree as SafeET
import httpx
from defusedxml import DefusedXmlException

from ingest.links import link_annexes
from ingest.parsers.base import ParseError, sniff
from ingest.parsers.lawgokr import load_tree, parse_bytes
from ingest.parsers.legalize_md import clean_line
from ingest.registry import VersionRow
from rag.index.base import OPEN_END, date_int
from rag.model import KIND_INTERPRETATION, KIND_ORDINANCE, UNIT_SECTION, Document, Unit, normalize_title, parse_date

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


# ---------------------------------------------------------------- configuration (corpora/sources.toml)

@dataclass
class SourcesConfig:
    """What `dasan sync` keeps up to date (see corpora/sources.example.toml)."""

    oc: str = ""
    referer: str = DEFAULT_REFERER
    base_url: str = DEFAULT_BASE
    rate_per_s: float = 2.0
    laws: list[dict] = field(default_factory=list)  # [{"name": …} | {"id": …}]
    include_decrees: bool = True
    since: date | None = None  # skip versions that ended before this day
    admin_rules: dict = field(default_factory=dict)  # {"ministries": [...], "names": [...]}
    ordinances: dict = field(default_factory=dict)  # {"org": "경기도 연천군" | code, "names": [...]}
    interpretations: dict = field(default_factory=dict)  # {"query": …, "max": 100}
    legalize_path: str = ""
    legalize_repos: list[str] = field(default_factory=list)
    legalize_history: int = 0

    @classmethod
    def load(cls, path: Path | str) -> SourcesConfig:
        try:
            with open(path, "rb") as fh:
                doc = tomllib.load(fh)
        except OSError as e:
            raise ValueError(f"출처 설정 파일을 읽을 수 없습니다: {path} ({e})") from e
        except tomllib.TOMLDecodeError as e:
            raise ValueError(f"출처 설정 파일의 TOML 문법 오류: {path} ({e})") from e
        lg, lz = doc.get("lawgokr", {}), doc.get("legalize", {})
        for key in ("admin_rules", "ordinances", "interpretations"):
            if not isinstance(lg.get(key, {}), dict):
                raise ValueError(f"[lawgokr].{key} 는 {{…}} 표여야 합니다: {lg[key]!r}")
        laws = []
        for item in lg.get("laws", []):
            if isinstance(item, str) and item.strip():
                laws.append({"name": item.strip()})
            elif isinstance(item, dict) and (item.get("id") or item.get("name")):
                laws.append({k: str(v).strip() for k, v in item.items() if k in ("id", "name")})
            else:
                raise ValueError(f'[lawgokr].laws 항목은 법령명 문자열이나 {{id = "…"}} 표여야 합니다: {item!r}')
        since = lg.get("since")
        return cls(oc=str(lg.get("oc", "")), referer=lg.get("referer", DEFAULT_REFERER),
                   base_url=lg.get("base_url", DEFAULT_BASE), rate_per_s=float(lg.get("rate_per_s", 2.0)),
                   laws=laws, include_decrees=bool(lg.get("include_decrees", True)),
                   since=parse_date(since) if since else None, admin_rules=dict(lg.get("admin_rules", {})),
                   ordinances=dict(lg.get("ordinances", {})), interpretations=dict(lg.get("interpretations", {})),
                   legalize_path=str(lz.get("path", "")), legalize_repos=list(lz.get("repos", [])),
                   legalize_history=int(lz.get("history", 0)))

    def resolved_oc(self) -> str:
        """The OC key; ``env:NAME`` reads the environment variable NAME."""
        if self.oc.startswith("env:"):
            name = self.oc[4:].strip()
            value = os.environ.get(name, "").strip()
            if not value:
                raise LawGoKrError(f"환경변수 {name}에 law.go.kr OC(인증키)가 없습니다")
            return value
        return self.oc.strip()

    def client(self, **kwargs) -> LawGoKrClient:
        return LawGoKrClient(self.resolved_oc(), base_url=self.base_url, referer=self.referer,
                             rate_per_s=self.rate_per_s, **kwargs)

    def legalize_paths(self) -> list[Path]:
        root = Path(self.legalize_path) if self.legalize_path else None
        if root is None:
            return []
        return [root / r for r in self.legalize_repos] if self.legalize_repos else [root]


# ---------------------------------------------------------------- reports and repeal

@dataclass
class SourceReport:
    """Counts for one configured source (a law, a rule list, a mirror repository)."""

    new: int = 0  # versions written
    unchanged: int = 0  # versions already in the registry: not fetched, not parsed
    repealed: int = 0
    fetched: int = 0  # bodies downloaded or files parsed
    errors: list[str] = field(default_factory=list)


@dataclass
class SyncReport:
    sources: dict[str, SourceReport] = field(default_factory=dict)
    seconds: float = 0.0
    run_id: int = 0

    def source(self, name: str) -> SourceReport:
        return self.sources.setdefault(name, SourceReport())

    def total(self, attr: str) -> int:
        return sum(len(s.errors) if attr == "errors" else getattr(s, attr) for s in self.sources.values())

    def to_dict(self) -> dict:
        return {"seconds": round(self.seconds, 2), "run_id": self.run_id,
                "sources": {k: vars(v) for k, v in self.sources.items()}}


def mark_repealed(ingestor, doc_key: str, on: date | None) -> bool:
    """Mark the latest version of ``doc_key`` repealed, in force until ``on``; False if nothing changed.

    Index payload first, registry second (as close_versions does), so an interrupted call is redone.
    """
    versions = ingestor.registry.versions_of(doc_key)
    if not versions:
        return False
    last = versions[-1]
    until = on if on is not None else last.effective_to
    if last.repealed and last.effective_to == until:
        return False
    ids = list(ingestor.registry.unit_hashes(last.version_key))
    ingestor.index.set_payload(ids, {"repealed": True, "eff_to": date_int(until, OPEN_END),
                                     "effective_to": until.isoformat() if until else None})
    with ingestor.registry.session() as s, s.begin():
        row = s.get(VersionRow, last.version_key)
        row.repealed, row.effective_to = True, until
    return True



# ---------------------------------------------------------------- bodies the statute parser does not read

def _plain(value, sep: str = "\n") -> str:
    """Text of a scalar, {"content": …} or list value from ``load_tree``, cleaned line by line."""
    if isinstance(value, dict):
        return _plain(value.get("content"), sep)
    if isinstance(value, list):
        return sep.join(t for t in (_plain(v, sep) for v in value) if t)
    text = re.sub(r"<br\s*/?>", "\n", str(value or ""), flags=re.I)
    return sep.join(s for s in (clean_line(x) for x in text.splitlines()) if s)


def _ordinance(body: dict, source: str) -> list[Document]:
    """자치법규 (ordin LawService: 자치법규기본정보, 조문/조) mapped onto the statute shape and parsed."""
    info = body.get("자치법규기본정보") or {}
    t = lambda k: _plain(info.get(k), " ")  # noqa: E731
    units = body.get("조문", {}).get("조") if isinstance(body.get("조문"), dict) else None
    articles = [{"조문여부": {"Y": "조문", "N": "전문"}.get(_plain(u.get("조문여부")), _plain(u.get("조문여부"))),
                 "조문내용": u.get("조내용", ""), "조문제목": u.get("조제목", "")}
                for u in (units if isinstance(units, list) else [units]) if isinstance(u, dict)]
    law = {"기본정보": {"법령명_한글": t("자치법규명"), "법령ID": t("자치법규ID"), "법령일련번호": t("자치법규일련번호"),
                    "공포일자": t("공포일자"), "공포번호": t("공포번호"), "시행일자": t("시행일자"),
                    "법종구분": t("자치법규종류"), "제개정구분": t("제개정정보") or t("제개정구분명"),
                    "소관부처": t("지자체기관명")},
           "조문": {"조문단위": articles}, "부칙": body.get("부칙"), "별표": body.get("별표")}
    docs = parse_bytes(json.dumps({"법령": law}, ensure_ascii=False).encode(), source)
    for d in docs:
        d.kind, d.extra["format"] = KIND_ORDINANCE, "xml"
    return docs


def _interpretation(body: dict, source: str) -> list[Document]:
    """법령해석례 (expc ExpcService) as one document with 질의요지 / 회답 / 이유 units."""
    units = [Unit(label=k, text=_plain(body.get(k)), kind=UNIT_SECTION, title=k)
             for k in ("질의요지", "회답", "이유") if _plain(body.get(k))]
    if not units:
        raise ParseError(source, "법령해석례에 질의요지·회답·이유가 없습니다")
    seq = _plain(body.get("법령해석례일련번호"), " ")
    return [Document(title=_plain(body.get("안건명"), " "), kind=KIND_INTERPRETATION, source=source, units=units,
                     law_id=f"expc-{seq}" if seq else "", mst=seq, promulgation_no=_plain(body.get("안건번호"), " "),
                     effective_from=parse_date(_plain(body.get("해석일자"), " ")),
                     ministry=_plain(body.get("해석기관명"), " "),
                     extra={"format": "xml", "case_no": _plain(body.get("안건번호"), " "),
                            "asked_by": _plain(body.get("질의기관명"), " ")})]


def parse_body(target: str, data: bytes, source: str) -> list[Document]:
    """Documents from a lawService.do body: statutes and 행정규칙 by the lawgokr parser, 자치법규 and
    법령해석례 (which it does not read yet) by the mappings above."""
    if target in ("ordin", "expc"):
        tree, _ = load_tree(data, source)
        if isinstance(tree.get("ExpcService"), dict):
            return _interpretation(tree["ExpcService"], source)
        if isinstance(tree.get("LawService"), dict) and "자치법규기본정보" in tree["LawService"]:
            return _ordinance(tree["LawService"], source)
    return parse_bytes(data, source)


# ---------------------------------------------------------------- sync

_FIELDS = {  # target: (stable id, per-version serial, title, effective date, 제개정구분)
    "eflaw": ("법령ID", "법령일련번호", "법령명한글", "시행일자", "제개정구분명"),
    "admrul": ("행정규칙ID", "행정규칙일련번호", "행정규칙명", "시행일자", "제개정구분명"),
    "ordin": ("자치법규ID", "자치법규일련번호", "자치법규명", "시행일자", "제개정구분명"),
    "expc": ("", "법령해석례일련번호", "안건명", "회신일자", ""),
}


@dataclass
class _Version:
    """One listed version of one text, with what fetches it."""

    target: str
    law_id: str
    mst: str
    title: str
    eff: date | None
    revision: str
    ids: dict

    @property
    def doc_key(self) -> str:
        return f"law:{self.law_id}"

    @property
    def version_key(self) -> str:
        return f"{self.doc_key}@{self.eff.isoformat() if self.eff else '-'}#{self.mst}"

    @property
    def state_key(self) -> str:
        return f"{self.target}:{self.mst}:{self.eff or '-'}"


def _version(target: str, row: dict) -> _Version | None:
    id_key, serial_key, title_key, eff_key, rev_key = _FIELDS[target]
    mst, eff = row.get(serial_key, ""), parse_date(row.get(eff_key))
    if not mst:
        return None
    law_id = row.get(id_key, "") if id_key else f"expc-{mst}"
    ids = {"eflaw": {"MST": mst, "efYd": eff.strftime("%Y%m%d") if eff else ""},
           "ordin": {"MST": mst}}.get(target, {"ID": mst})
    return _Version(target, law_id or mst, mst, row.get(title_key, ""), eff, row.get(rev_key, ""), ids)


class _Sync:
    """State of one sync_sources run."""

    def __init__(self, client, cfg: SourcesConfig, ingestor, cache_dir: Path, today: date) -> None:
        self.client, self.cfg, self.ingestor, self.today = client, cfg, ingestor, today
        self.cache_dir = Path(cache_dir)
        self.state_file = self.cache_dir / "lawgokr-state.json"
        self.state = {"fetched": {}, "specs": {}}
        try:
            self.state.update(json.loads(self.state_file.read_text(encoding="utf-8")))
        except FileNotFoundError:
            pass
        except (OSError, ValueError):  # unreadable: start afresh; the registry still prevents re-fetching
            self.state_file.replace(self.state_file.with_suffix(".broken"))
        self.report = SyncReport()

    def save_state(self) -> None:
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = self.state_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self.state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.state_file)

    def held(self, v: _Version) -> bool:
        reg = self.ingestor.registry
        known = self.state["fetched"].get(v.state_key)
        return reg.version(v.version_key) is not None or bool(known and reg.version(known) is not None)

    def write(self, name: str, v: _Version) -> None:
        rep = self.report.source(name)
        source = self.client.public_url("lawService.do", {"target": v.target, "type": "XML", **v.ids})
        try:
            data = self.client.fetch(v.target, **v.ids)
            rep.fetched += 1
            raw = self.cache_dir / v.target / f"{v.law_id}_{v.mst}_{v.eff or '-'}.xml"
            raw.parent.mkdir(parents=True, exist_ok=True)
            raw.write_bytes(data)
            docs = parse_body(v.target, data, source)
        except (LawGoKrError, ParseError) as e:
            reason = e.message if isinstance(e, LawGoKrError) else e.reason
            rep.errors.append(f"{v.title} {v.eff or ''} (일련번호 {v.mst}): {reason}")
            return
        except Exception as e:  # a parser bug must not stop the other sources
            rep.errors.append(f"{v.title} {v.eff or ''} (일련번호 {v.mst}): 본문을 해석하지 못했습니다 "
                              f"({type(e).__name__}: {e})")
            return
        for doc in docs:
            doc.mst, doc.law_id = v.mst, doc.law_id or v.law_id
            if v.eff and (v.target in ("eflaw", "expc") or not doc.effective_from):
                doc.effective_from = v.eff  # eflaw: the version is (MST, efYd) as requested
            written = self.ingestor.write_document(doc)
            rep.new, rep.unchanged = rep.new + written, rep.unchanged + (not written)
            self.state["fetched"][v.state_key] = doc.version_key

    def versions(self, name: str, target: str, rows: list[dict], vanish: bool = True) -> None:
        """Sync the listed versions of one configured source, then repeal what vanished from it."""
        rep, groups = self.report.source(name), {}
        for row in rows:
            v = _version(target, row)
            if v is not None:
                groups.setdefault(v.doc_key, {})[v.state_key] = v
        for doc_key, found in groups.items():
            vs = sorted(found.values(), key=lambda x: (x.eff or date.min, x.mst))
            live = [v for v in vs if v.revision != "폐지"]
            since = self.cfg.since
            for v, nxt in zip(live, live[1:] + [None]):
                if since and nxt is not None and nxt.eff and nxt.eff <= since:
                    continue  # ended before the configured history start
                if self.held(v):
                    rep.unchanged += 1
                else:
                    self.write(name, v)
            if self.ingestor.registry.versions_of(doc_key):
                self.ingestor.close_versions(doc_key)
            repeal = [v for v in vs if v.revision == "폐지"]
            if repeal and mark_repealed(self.ingestor, doc_key, repeal[-1].eff or self.today):
                rep.repealed += 1
        if vanish:
            for doc_key in sorted(set(self.state["specs"].get(name, [])) - set(groups)):
                rep.repealed += mark_repealed(self.ingestor, doc_key, self.today)  # vanished from the list
            self.state["specs"][name] = sorted(groups)
        self.save_state()

    def run(self, name: str, searches) -> None:
        """Run ``searches(known doc_keys)`` -> (target, rows) and sync them; a failed search is an error,
        never a repeal."""
        try:
            target, rows = searches(self.state["specs"].get(name, []))
        except LawGoKrError as e:
            self.report.source(name).errors.append(f"목록 조회 실패: {e.message}")
            return
        self.versions(name, target, rows, vanish=target != "expc")


def _by_id(client, law_id: str) -> list[dict]:
    """Every eflaw version of one 법령ID (LID)."""
    return [r for r in client.search("eflaw", LID=law_id, nw="1,2,3")
            if r.get("법령ID", "").lstrip("0") == law_id.lstrip("0")]


def _law_rows(client, spec: dict, decrees: bool, known: list[str]) -> tuple[str, list[dict]]:
    """eflaw rows (연혁·시행예정·현행) of one configured law and, optionally, its 시행령·시행규칙.

    A text synced before but missing from the name search is looked up by its 법령ID, so a renamed law
    (제명변경) keeps syncing instead of being taken for repealed."""
    rows, title = [], spec.get("name", "")
    if spec.get("id"):
        rows = _by_id(client, spec["id"])
        title = title or max(rows, key=lambda r: r.get("시행일자", ""), default={}).get("법령명한글", "")
    if title and (decrees or not spec.get("id")):
        wanted = {normalize_title(title + s) for s in (["", "시행령", "시행규칙"] if decrees else [""])}
        rows += [r for r in client.search("eflaw", title, nw="1,2,3")
                 if normalize_title(r.get("법령명한글", "")) in wanted]
    have = {f"law:{r.get('법령ID', '')}" for r in rows}
    for doc_key in known:
        if doc_key not in have and doc_key.startswith("law:"):
            rows += _by_id(client, doc_key[4:])
    return "eflaw", rows


def sync_sources(client: LawGoKrClient, sources: SourcesConfig, ingestor, cache_dir: Path | str,
                 today: date | None = None) -> SyncReport:
    """Bring every configured law.go.kr source up to date; see the module docstring."""
    t0 = time.perf_counter()
    s = _Sync(client, sources, ingestor, Path(cache_dir), today or date.today())
    s.report.run_id = ingestor.registry.start_run(["law.go.kr"])
    try:
        _sync_all(s, client, sources)
    except BaseException as e:
        ingestor.registry.finish_run(s.report.run_id, {}, [{"path": "law.go.kr", "status": "error",
                                                              "reason": f"{type(e).__name__}: {e}"}], "failed")
        raise
    rep = s.report
    if rep.total("new"):
        link_annexes(ingestor.index)
    errors = [{"path": k, "status": "error", "reason": e} for k, v in rep.sources.items() for e in v.errors]
    ingestor.registry.finish_run(rep.run_id, {k: rep.total(k) for k in ("new", "unchanged", "repealed", "fetched")},
                                 errors, "partial" if errors else "ok")
    rep.seconds = time.perf_counter() - t0
    return rep


def _sync_all(s: _Sync, client, sources: SourcesConfig) -> None:
    for spec in sources.laws:
        s.run(f"법령 {spec.get('name') or 'ID ' + spec['id']}",
              lambda known: _law_rows(client, spec, sources.include_decrees, known))
    adm = sources.admin_rules
    ministries = [str(m) for m in adm.get("ministries", [])]
    names_m = {normalize_title(m) for m in ministries if not m.isdigit()}
    for name in adm.get("names", []):
        s.run(f"행정규칙 {name}", lambda _: ("admrul", [
            r for r in client.search("admrul", name) if normalize_title(r.get("행정규칙명", "")) == normalize_title(name)
            and (not names_m or normalize_title(r.get("소관부처명", "")) in names_m)]))
    for code in [m for m in ministries if m.isdigit()] if not adm.get("names") else []:
        s.run(f"행정규칙 소관 {code}", lambda _: ("admrul", client.search("admrul", None, org=code)))
    org, names = str(sources.ordinances.get("org", "")).strip(), list(sources.ordinances.get("names", []))
    if org or names:
        code = org if org.isdigit() else None
        for q in names or ([org.split()[-1]] if org and not code else [None]):
            s.run(f"자치법규 {org} {q or ''}".strip(), lambda _: ("ordin", [
                r for r in client.search("ordin", q, org=code)
                if (code or not org or normalize_title(r.get("지자체기관명", "")) == normalize_title(org))
                and (not names or normalize_title(q) in normalize_title(r.get("자치법규명", "")))]))
    query, most = sources.interpretations.get("query"), int(sources.interpretations.get("max", 100))
    if query:
        s.run(f"법령해석례 {query}", lambda _: ("expc", client.search(
            "expc", query, display=min(100, most), max_pages=-(-most // 100))[:most]))
