"""ingest.sources.crawl against real loopback HTTP servers: scope, robots, attachments, re-crawl, errors."""
from __future__ import annotations

import io
import threading
import zipfile
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pypdf import PdfWriter

from ingest.parsers import html as html_parser
from ingest.sources.crawl import crawl, disposition_filename, header_safe, normalize, safe_name

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)


def tiny_pdf() -> bytes:
    w = PdfWriter()
    w.add_blank_page(width=200, height=200)
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def tiny_hwpx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in (("mimetype", "application/hwp+zip"), ("Contents/section0.xml", "<sec/>")):
            z.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), data)  # same bytes every call
    return buf.getvalue()


def page(body: str, charset: str = "utf-8") -> bytes:
    return (f'<!doctype html><html><head><meta charset="{charset}"><title>시험</title></head>'
            f"<body>{body}</body></html>").encode(charset)


class Site:
    """A loopback site; ``log`` holds (path, headers) of every request it received."""

    def __init__(self, routes: dict):
        self.routes, self.log = routes, []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                site.log.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                answer = route(self) if callable(route) else route
                if answer is None:  # drop the connection without a response
                    self.close_connection = True
                    return
                status, headers, body = answer
                self.send_response(status)
                for k, v in headers.items():
                    if not k.startswith("_"):
                        self.send_header(k, v)
                if "Content-Length" not in headers and status != 304 and not headers.get("_stream"):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()

    def paths(self) -> list[str]:
        return [p for p, _ in self.log]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def conditional(body: bytes, ctype: str, etag: str | None = None, extra: dict | None = None):
    """A route answering 304 to a matching If-None-Match / If-Modified-Since."""

    def route(handler):
        h = {"Content-Type": ctype, **(extra or {})}
        if etag:
            h["ETag"] = etag
        else:
            h["Last-Modified"] = LAST_MODIFIED
        if (etag and handler.headers.get("If-None-Match") == etag) or \
                (not etag and handler.headers.get("If-Modified-Since") == LAST_MODIFIED):
            return 304, h, b""
        return 200, h, body

    return route


@pytest.fixture
def sites():
    other = Site({"/": (200, {"Content-Type": "text/html"}, page("다른 사이트"))})
    main = Site({})
    html = {"Content-Type": "text/html; charset=utf-8"}
    main.routes.update({
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/": conditional(page(
            '<h1>민원 안내</h1><a href="/sub.html">하위</a> <a href="sub.html#top">같은 하위</a>'
            f'<a href="{other.url}/">외부</a> <a href="/private/secret.html">비공개</a>'
            '<a href="/files/guide.pdf">지침 PDF</a> <a href="/download.do?id=7">별표</a>'
            '<a href="/broken.html">고장</a> <a href="/reset.html">끊김</a>'
            '<a href="/old.html">옮김</a> <a href="/away.html">외부로 옮김</a>'
            '<a href="mailto:a@b.kr">메일</a> <a href="/logo.png">로고</a>'),
            "text/html; charset=utf-8", etag='"idx-1"'),
        "/sub.html": (200, html, page('<p>하위 페이지</p><a href="/deep.html">더 깊이</a>'
                                      '<a href="/files/..%2F..%2Fevil.pdf">위험한 이름</a>'
                                      '<a href="/files/big.pdf">큰 파일</a>')),
        "/deep.html": (200, html, page("<p>깊은 페이지</p>")),
        "/private/secret.html": (200, html, page("<p>비밀</p>")),
        "/files/guide.pdf": conditional(tiny_pdf(), "application/pdf", etag='"pdf-1"'),
        "/download.do?id=7": conditional(tiny_hwpx(), "application/octet-stream", extra={
            "Content-Disposition": "attachment; filename*=UTF-8''%EB%B3%84%ED%91%9C.hwpx"}),
        "/files/..%2F..%2Fevil.pdf": (200, {"Content-Type": "application/pdf"}, tiny_pdf()),
        "/files/big.pdf": (200, {"Content-Type": "application/pdf", "_stream": "1"}, b"%PDF-1.4\n" + b"0" * 20_000),
        "/broken.html": (500, html, b"oops"),
        "/reset.html": lambda handler: None,
        "/old.html": (301, {"Location": "/new.html"}, b""),
        "/new.html": (200, html, page("<p>옮긴 페이지</p>")),
        "/away.html": (302, {"Location": f"{other.url}/"}, b""),
    })
    yield main, other
    main.close()
    other.close()


def by_url(items, base) -> dict[str, object]:
    return {i.url.replace(base, ""): i for i in items}


def test_crawl_scope_attachments_and_recrawl(sites, tmp_path):
    main, other = sites
    out = tmp_path / "out"
    report = crawl(main.url + "/", depth=1, out_dir=out, delay=0, max_bytes=10_000)

    fetched = by_url(report.fetched, main.url)
    assert set(fetched) == {"/", "/sub.html", "/files/guide.pdf", "/download.do?id=7", "/files/..%2F..%2Fevil.pdf",
                            "/old.html"}
    assert fetched["/old.html"].path.name == "old.html"  # saved under the URL that was linked
    assert "/deep.html" not in main.paths()  # depth 2
    assert "/private/secret.html" not in main.paths()  # robots.txt
    assert "/logo.png" not in main.paths()
    assert other.log == []  # off-site never contacted
    assert main.paths().count("/sub.html") == 1  # fragment variants collapse
    assert main.log[0][1]["User-Agent"].startswith("Dasan/0.1")

    skipped = by_url(report.skipped, main.url)
    assert "robots" in skipped["/private/secret.html"].reason
    assert "다른 사이트" in skipped[f"{other.url}/".replace(main.url, "")].reason
    assert "깊이" in skipped["/deep.html"].reason
    assert "리다이렉트" in skipped["/away.html"].reason
    errors = by_url(report.errors, main.url)
    assert "HTTP 500" in errors["/broken.html"].reason
    assert "한도" in errors["/files/big.pdf"].reason
    assert "네트워크 오류" in errors["/reset.html"].reason

    names = sorted(p.name for p in out.iterdir())
    assert {"index.html", "sub.html", "guide.pdf", "별표.hwpx", "evil.pdf"} <= set(names)
    assert not any(n.endswith(".part") for n in names)
    assert all(p.resolve().parent == out.resolve() for p in report.files)
    assert (out / "별표.hwpx").read_bytes() == tiny_hwpx()
    assert sorted(report.files) == sorted(i.path for i in report.fetched)

    # a saved page parses with its URL taken from the crawl state
    doc = html_parser.parse(out / "index.html")[0]
    assert doc.extra["url"] == main.url + "/"

    # second crawl: conditional requests, nothing fetched again
    main.log.clear()
    again = crawl(main.url + "/", depth=1, out_dir=out, delay=0, max_bytes=10_000)
    sent = {p: h for p, h in main.log}
    assert sent["/files/guide.pdf"].get("If-None-Match") == '"pdf-1"'
    assert sent["/download.do?id=7"].get("If-Modified-Since") == LAST_MODIFIED
    assert sent["/"].get("If-None-Match") == '"idx-1"'
    assert again.fetched == []
    unchanged = by_url(again.unchanged, main.url)
    assert unchanged["/files/guide.pdf"].reason == "HTTP 304"
    assert unchanged["/download.do?id=7"].reason == "HTTP 304"
    assert "sha256" in unchanged["/sub.html"].reason  # no validators: identical bytes
    assert "/sub.html" in main.paths()  # links of a 304 page are still followed
    assert sorted(again.files) == sorted(report.files)
    assert again.summary().startswith("수집 0건, 변경 없음 6건") and "HTTP 500" in again.summary()
    assert len(again.to_dict()["unchanged"]) == 6
    assert set(by_url(again.errors, main.url)) == {"/broken.html", "/files/big.pdf", "/reset.html"}


def test_depth_zero_and_max_pages(sites, tmp_path):
    main, _ = sites
    report = crawl(main.url + "/", depth=0, out_dir=tmp_path / "a", delay=0)
    assert "/sub.html" not in main.paths()
    assert {"/", "/files/guide.pdf", "/download.do?id=7"} <= set(by_url(report.fetched, main.url))

    limited = crawl(main.url + "/", depth=1, out_dir=tmp_path / "b", delay=0, max_pages=2)
    assert len(limited.fetched) + len(limited.errors) == 2
    assert any("최대" in s.reason for s in limited.skipped)


def test_network_error_is_reported(tmp_path):
    site = Site({})
    url = site.url
    site.close()  # nothing listens any more
    report = crawl(url + "/", depth=1, out_dir=tmp_path, delay=0, timeout=2)
    assert report.fetched == []
    assert report.skipped and "robots.txt" in report.skipped[0].reason


def test_helpers():
    assert disposition_filename(b"attachment; filename*=UTF-8''%EB%B3%84%ED%91%9C.hwpx") == "별표.hwpx"
    assert disposition_filename('attachment; filename="별표 1.hwp"'.encode("cp949")) == "별표 1.hwp"
    assert disposition_filename(b'attachment; filename="%EC%A7%80%EC%B9%A8.pdf"') == "지침.pdf"
    assert disposition_filename('inline; filename="안내.pdf"'.encode()) == "안내.pdf"
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name('..\\..\\a<b>:c?.PDF') == "a_b_c.pdf"
    assert safe_name(".hidden") == "hidden"
    assert safe_name("가" * 300 + ".hwpx") == "가" * 120 + ".hwpx"
    assert normalize("HTTP://Example.GO.kr:80/a#frag") == "http://example.go.kr/a"
    assert normalize("javascript:void(0)") is None
    assert header_safe("Dasan/0.1 (+행정)").isascii()



def test_crawled_folder_is_ingestible(sites, tmp_path):
    """What `dasan crawl` hands to the ingestor: the state file and partial downloads are not collected."""
    from ingest.parsers import parse_file
    from ingest.pipeline import collect

    main, _ = sites
    out = tmp_path / "crawl"
    report = crawl(main.url + "/", depth=1, out_dir=out, delay=0, max_bytes=10_000)
    assert (out / ".crawl-state.json").is_file()
    assert sorted(collect([out])) == sorted(report.files)
    name, docs = parse_file(out / "sub.html")
    assert name == "html" and docs[0].extra["url"] == main.url + "/sub.html"
    assert "하위 페이지" in docs[0].units[0].text
