"""Polite same-site crawler behind `dasan crawl URL --depth N`: saves pages and attachments for ingest.

Only the start URL's scheme and host are visited; robots.txt is honoured (fetched with the same client;
Crawl-delay raises the delay; 401/403/5xx or unreachable means nothing is fetched, 404 means all is
allowed); one request at a time with ``delay`` seconds between them. Pages up to
``depth`` links away are saved as .html; attachments (.pdf .hwp .hwpx .docx, also recognised by
Content-Type or Content-Disposition, RFC 5987 ``filename*=`` included) linked from any visited page are
saved under safe names. ``out_dir/.crawl-state.json`` remembers ETag, Last-Modified, file and sha256 per
URL so a re-crawl sends conditional requests; a 304 (or identical bytes) counts as unchanged. Every
failure is reported per URL and never stops the crawl.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from email.utils import formatdate
from pathlib import Path
from urllib.parse import quote, unquote, unquote_to_bytes, urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
from bs4 import BeautifulSoup

from ingest.parsers.html import CRAWL_STATE, decode_html

ATTACH_EXT = (".pdf", ".hwp", ".hwpx", ".docx")
ATTACH_TYPES = {"application/pdf": ".pdf", "application/x-hwp": ".hwp", "application/haansofthwp": ".hwp",
                "application/vnd.hancom.hwp": ".hwp", "application/hwp+zip": ".hwpx",
                "application/vnd.hancom.hwpx": ".hwpx", "application/haansofthwpx": ".hwpx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
HTML_TYPES = ("text/html", "application/xhtml+xml")
IGNORE_EXT = {".jpg", ".jpeg", ".png", ".gif", ".bmp", ".svg", ".ico", ".webp", ".css", ".js", ".mp3", ".mp4",
              ".avi", ".wmv", ".zip", ".xls", ".xlsx", ".ppt", ".pptx", ".doc", ".txt", ".exe"}
DOWNLOADISH = re.compile(r"down|file|atch|attach", re.I)  # download.do?atchFileId=… beyond the depth
MAX_BYTES = 100 * 1024 * 1024
MAX_REDIRECTS = 5
_SAFE_HEADER = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "%")


def _size(n: float) -> str:
    return f"{n / 2**20:.1f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


@dataclass
class CrawlItem:
    """One URL's outcome."""

    url: str
    reason: str = ""
    path: Path | None = None
    depth: int = 0


@dataclass
class CrawlReport:
    """What a crawl fetched, found unchanged, skipped and failed on, with reasons and saved files."""

    start_url: str
    fetched: list[CrawlItem] = field(default_factory=list)
    unchanged: list[CrawlItem] = field(default_factory=list)
    skipped: list[CrawlItem] = field(default_factory=list)
    errors: list[CrawlItem] = field(default_factory=list)
    requests: int = 0
    seconds: float = 0.0

    @property
    def files(self) -> list[Path]:
        """Saved files (new and unchanged) to hand to the ingestor."""
        return [i.path for i in self.fetched + self.unchanged if i.path]

    def to_dict(self) -> dict:
        item = lambda i: {"url": i.url, "reason": i.reason, "path": str(i.path) if i.path else None}  # noqa: E731
        return {"start_url": self.start_url, "requests": self.requests, "seconds": round(self.seconds, 2),
                **{k: [item(i) for i in getattr(self, k)] for k in ("fetched", "unchanged", "skipped", "errors")}}

    def summary(self) -> str:
        """Korean one-line totals plus one line per error, for the CLI."""
        head = (f"수집 {len(self.fetched)}건, 변경 없음 {len(self.unchanged)}건, 건너뜀 {len(self.skipped)}건, "
                f"오류 {len(self.errors)}건 ({self.requests}회 요청, {self.seconds:.1f}초)")
        return "\n".join([head] + [f"  오류 {e.url}: {e.reason}" for e in self.errors])


class _Outcome(Exception):
    """Ends one URL's visit with a status ("skipped" or "errors") and a reason."""

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def normalize(url: str) -> str | None:
    """http(s) URL without fragment, host lower-cased, default port dropped; None for other schemes."""
    try:
        p = urlsplit(url.strip())
        port = p.port
    except ValueError:
        return None
    if p.scheme.lower() not in ("http", "https") or not p.hostname:
        return None
    scheme = p.scheme.lower()
    netloc = p.hostname.lower() + (f":{port}" if port and port != {"http": 80, "https": 443}[scheme] else "")
    return urlunsplit((scheme, netloc, p.path or "/", p.query, ""))


def header_safe(value: str) -> str:
    """Non-ASCII characters percent-encoded so the value can be sent as an HTTP header."""
    return value if value.isascii() else quote(value, safe=_SAFE_HEADER)


def safe_name(name: str, fallback: str = "download") -> str:
    """A file name with no directory part, odd characters replaced and a bounded length."""
    name = unicodedata.normalize("NFC", re.split(r"[/\\]", name)[-1])
    name = re.sub(r"_{2,}", "_", re.sub(r"[^\w.\-()\[\] ]", "_", name)).strip(" ._")
    stem, dot, ext = name.rpartition(".")
    stem, ext = (stem, dot + ext) if dot and stem and len(ext) <= 8 else (name, "")
    stem = stem[:120].strip(" ._") or fallback
    if stem.upper().split(".")[0] in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}:
        stem = "_" + stem
    return stem + ext.lower()


def disposition_filename(raw: bytes) -> str:
    """File name from a raw Content-Disposition value: filename*= (RFC 5987) first, then filename=."""
    m = re.search(rb"filename\*\s*=\s*([\w\-]*)'[^']*'([^;]+)", raw, re.I)
    if m:
        charset = m.group(1).decode("ascii") or "utf-8"
        try:
            return unquote_to_bytes(m.group(2).strip().strip(b'"')).decode(charset, "replace")
        except LookupError:
            return unquote_to_bytes(m.group(2).strip()).decode("utf-8", "replace")
    m = re.search(rb'filename\s*=\s*("[^"]*"|[^;]+)', raw, re.I)
    if not m:
        return ""
    value = m.group(1).strip().strip(b'"')
    if re.search(rb"%[0-9A-Fa-f]{2}", value):
        value = unquote_to_bytes(value)
    for enc in ("utf-8", "cp949"):  # raw UTF-8 or EUC-KR bytes are common on Korean sites
        try:
            return value.decode(enc)
        except UnicodeDecodeError:
            continue
    return value.decode("latin-1")


def page_links(data: bytes, base_url: str, content_type: str | None) -> list[str]:
    """Absolute targets of <a>/<area href> and <frame>/<iframe src>, honouring <base href>."""
    soup = BeautifulSoup(decode_html(data, content_type)[0], "html.parser")
    base = soup.find("base", href=True)
    base_url = urljoin(base_url, base["href"]) if base else base_url
    hrefs = [t["href"] for t in soup.find_all(["a", "area"], href=True)]
    hrefs += [t["src"] for t in soup.find_all(["frame", "iframe"], src=True)]
    return [urljoin(base_url, h.strip()) for h in hrefs if h.strip()]


class Crawler:
    """One crawl of one site; use ``crawl()``."""

    def __init__(self, start_url: str, depth: int, out_dir: Path, delay: float, max_pages: int,
                 user_agent: str, max_bytes: int, timeout: float):
        self.start = normalize(start_url) or ""
        if not self.start:
            raise ValueError(f"http(s) 주소가 아닙니다: {start_url!r}")
        self.site = urlsplit(self.start)[:2]
        self.depth, self.out, self.delay, self.max_pages = depth, Path(out_dir), delay, max_pages
        self.max_bytes, self.user_agent = max_bytes, user_agent
        self.client = httpx.Client(headers={"User-Agent": header_safe(user_agent)}, timeout=timeout)
        self.report = CrawlReport(self.start)
        self.state_path = self.out / CRAWL_STATE
        self.state = self._load_state()
        self.names = {rec.get("file"): url for url, rec in self.state.items()}
        self.last = float("-inf")
        self.robots, self.robots_reason = RobotFileParser(), "robots.txt가 금지한 경로"

    def _load_state(self) -> dict:
        """url -> record from a previous crawl; records naming a file outside out_dir are dropped."""
        try:
            urls = dict(json.loads(self.state_path.read_text(encoding="utf-8")).get("urls", {}))
        except (OSError, ValueError, AttributeError, TypeError):
            return {}
        return {u: r for u, r in urls.items() if isinstance(r, dict) and isinstance(r.get("file"), str)
                and r["file"] == safe_name(r["file"])}

    def _save_state(self) -> None:
        tmp = self.out / (CRAWL_STATE + ".tmp")
        tmp.write_text(json.dumps({"version": 1, "urls": self.state}, ensure_ascii=False, indent=1), "utf-8")
        os.replace(tmp, self.state_path)

    def _wait(self) -> None:
        gap = self.delay - (time.monotonic() - self.last)
        if gap > 0:
            time.sleep(gap)
        self.last = time.monotonic()

    def _load_robots(self) -> None:
        url = urlunsplit((*self.site, "/robots.txt", "", ""))
        try:
            self._wait()
            r = self.client.get(url, follow_redirects=True)
        except httpx.HTTPError as e:
            self.robots.disallow_all, self.robots_reason = True, f"robots.txt를 가져오지 못해 수집하지 않음({e})"
            return
        if r.status_code in (401, 403) or r.status_code >= 500:
            self.robots.disallow_all = True
            self.robots_reason = f"robots.txt 응답 HTTP {r.status_code}: 수집하지 않음"
        elif r.status_code >= 400:
            self.robots.allow_all = True
        else:
            self.robots.parse(r.text.splitlines())
            self.delay = max(self.delay, min(float(self.robots.crawl_delay(self.user_agent) or 0), 60.0))

    def run(self) -> CrawlReport:
        t0 = time.perf_counter()
        self.out.mkdir(parents=True, exist_ok=True)
        queue, seen = deque([(self.start, 0)]), {self.start}
        try:
            with self.client:
                self._load_robots()
                while queue:
                    url, d = queue.popleft()
                    try:
                        for link in self.visit(url, d):
                            if (n := normalize(link)) and n not in seen:
                                seen.add(n)
                                queue.append((n, d + 1))
                    except _Outcome as o:
                        getattr(self.report, o.status).append(CrawlItem(url, o.reason, depth=d))
                    except Exception as e:  # one URL's failure never stops the crawl
                        self.report.errors.append(CrawlItem(url, f"예상치 못한 오류: {type(e).__name__}: {e}", depth=d))
        finally:
            self._save_state()
            self.report.seconds = time.perf_counter() - t0
        return self.report

    def _check(self, url: str, d: int) -> None:
        """Raise _Outcome("skipped") for off-site, unwanted, too-deep, robots-disallowed or over-limit URLs."""
        p = urlsplit(url)
        if p[:2] != self.site:
            raise _Outcome("skipped", f"다른 사이트({p.scheme}://{p.netloc})라 수집하지 않음")
        ext = os.path.splitext(unquote(p.path))[1].lower()
        if ext in IGNORE_EXT:
            raise _Outcome("skipped", f"수집 대상이 아닌 형식({ext})")
        if d > self.depth and ext not in ATTACH_EXT and not DOWNLOADISH.search(p.path + "?" + p.query):
            raise _Outcome("skipped", f"깊이 제한({self.depth}) 밖의 페이지")
        if not self.robots.can_fetch(self.user_agent, url):
            raise _Outcome("skipped", self.robots_reason)

    def visit(self, url: str, d: int) -> list[str]:
        """Fetch one URL, save it, record the outcome; the links of a page (attachments only past depth)."""
        self._check(url, d)
        if self.report.requests >= self.max_pages:
            raise _Outcome("skipped", f"최대 요청 수({self.max_pages}) 도달")
        rec = self.state.get(url, {})
        old = self.out / rec["file"] if rec.get("file") else None
        headers = {}
        if old and old.is_file():
            headers = {k: v for k, v in (("If-None-Match", rec.get("etag")),
                                          ("If-Modified-Since", rec.get("last_modified"))) if v}
        try:
            final, resp = self._request(url, headers)
        except httpx.TimeoutException as e:
            raise _Outcome("errors", f"시간 초과: {type(e).__name__}") from e
        except (httpx.HTTPError, httpx.InvalidURL) as e:
            raise _Outcome("errors", f"네트워크 오류: {type(e).__name__}: {e}") from e
        try:
            if resp.status_code == 304 and headers:
                self.report.unchanged.append(CrawlItem(url, "HTTP 304", old, d))
                kind, ctype = rec.get("kind"), rec.get("content_type")
                data = old.read_bytes() if kind == "page" else b""
            else:
                kind, ctype, data = self._save(url, d, resp, rec)
        finally:
            resp.close()
        if kind == "page":  # links of the deepest pages still yield their attachments (see _check)
            return page_links(data, final, ctype)
        return []

    def _request(self, url: str, headers: dict) -> tuple[str, httpx.Response]:
        """A streamed GET following same-site, robots-allowed redirects only."""
        for _ in range(MAX_REDIRECTS + 1):
            self._wait()
            self.report.requests += 1
            resp = self.client.send(self.client.build_request("GET", url, headers=headers), stream=True)
            if not (resp.is_redirect and resp.headers.get("location")):
                return url, resp
            resp.close()
            nxt = normalize(urljoin(url, resp.headers["location"]))
            if nxt is None or urlsplit(nxt)[:2] != self.site:
                raise _Outcome("skipped", f"다른 사이트로 리다이렉트되어 수집하지 않음({nxt}): "
                                          "그 주소에서 시작하려면 시작 주소를 바꿔 주세요")
            if not self.robots.can_fetch(self.user_agent, nxt):
                raise _Outcome("skipped", f"리다이렉트 대상이 robots.txt로 금지됨({nxt})")
            url = nxt
        raise _Outcome("errors", f"리다이렉트가 {MAX_REDIRECTS}번을 넘습니다")

    def _classify(self, url: str, resp: httpx.Response) -> tuple[str, str]:
        """("page" | "file", file name) from Content-Disposition, Content-Type and the URL."""
        ctype = resp.headers.get("content-type", "").split(";")[0].strip().lower()
        raw = next((v for k, v in resp.headers.raw if k.lower() == b"content-disposition"), b"")
        cd_name = disposition_filename(raw)
        url_name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
        if cd_name.lower().endswith(ATTACH_EXT):
            return "file", safe_name(cd_name)
        if ctype in ATTACH_TYPES:
            name = safe_name(cd_name or url_name)
            return "file", name if name.lower().endswith(ATTACH_EXT) else name + ATTACH_TYPES[ctype]
        if url_name.lower().endswith(ATTACH_EXT) and ctype not in HTML_TYPES:
            return "file", safe_name(url_name)
        if ctype in HTML_TYPES or (not ctype and not cd_name):
            p = urlsplit(url)
            stem = "_".join(s for s in unquote(p.path).split("/") if s) or "index"
            name = safe_name(stem + (f"_{unquote(p.query)}" if p.query else ""), "index")
            return "page", name if name.lower().endswith((".html", ".htm")) else name + ".html"
        raise _Outcome("skipped", f"수집 대상이 아닌 형식(Content-Type {ctype or '없음'}, 파일명 {cd_name or url_name})")

    def _target(self, url: str, name: str) -> str:
        """The file name for ``url``: its previous one, else ``name`` made unique within out_dir."""
        if self.state.get(url, {}).get("file"):
            return self.state[url]["file"]
        if self.names.get(name, url) != url or ((self.out / name).exists() and name not in self.names):
            stem, dot, ext = name.rpartition(".")
            tag = hashlib.sha1(url.encode()).hexdigest()[:8]
            name = f"{stem}_{tag}.{ext}" if dot else f"{name}_{tag}"
        self.names[name] = url
        return name

    def _save(self, url: str, d: int, resp: httpx.Response, rec: dict) -> tuple[str, str, bytes]:
        """Stream the body to out_dir (size-capped), record fetched/unchanged; (kind, content type, page bytes)."""
        if resp.status_code >= 400:
            raise _Outcome("errors", f"HTTP {resp.status_code} {resp.reason_phrase}")
        if resp.status_code != 200:
            raise _Outcome("errors", f"예상하지 못한 응답 HTTP {resp.status_code}")
        kind, name = self._classify(url, resp)
        if kind == "page" and d > self.depth:
            raise _Outcome("skipped", f"깊이 제한({self.depth}) 밖의 페이지")
        length = resp.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise _Outcome("errors", f"파일이 너무 큽니다({_size(int(length))} > {_size(self.max_bytes)} 한도)")
        name = self._target(url, name)
        part, digest, size = self.out / f".{name}.part", hashlib.sha256(), 0
        try:
            with open(part, "wb") as f:
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise _Outcome("errors", f"내려받기 중단: {_size(self.max_bytes)} 한도를 넘습니다")
                    digest.update(chunk)
                    f.write(chunk)
            target, sha = self.out / name, digest.hexdigest()
            if rec.get("sha256") == sha and target.is_file():
                part.unlink()
                self.report.unchanged.append(CrawlItem(url, "내용 동일(sha256)", target, d))
            else:
                os.replace(part, target)
                self.report.fetched.append(CrawlItem(url, "페이지" if kind == "page" else "첨부파일", target, d))
        finally:
            part.unlink(missing_ok=True)
        ctype = resp.headers.get("content-type", "")
        self.state[url] = {"file": name, "kind": kind, "content_type": ctype, "sha256": sha, "bytes": size,
                           "etag": resp.headers.get("etag", ""), "last_modified": resp.headers.get("last-modified", ""),
                           "fetched_at": formatdate(usegmt=True)}
        return kind, ctype, target.read_bytes() if kind == "page" else b""


def crawl(start_url: str, depth: int, out_dir: Path, delay: float = 1.0, max_pages: int = 200,
          user_agent: str = "Dasan/0.1 (+행정 규정 수집)", max_bytes: int = MAX_BYTES,
          timeout: float = 30.0) -> CrawlReport:
    """Crawl one site from ``start_url`` (``depth`` links deep) into ``out_dir``; never raises per URL."""
    return Crawler(start_url, depth, Path(out_dir), delay, max_pages, user_agent, max_bytes, timeout).run()
