"""The officials' web page: served locally with no external references (TestClient), and driven end to end
in a real headless Chromium (Playwright) against uvicorn over the sample corpus: ask, stream, open [1]'s
citation panel, feedback when /v1/feedback is missing, and error display.

The browser test needs the ``playwright`` Python package (no ``playwright install``: it drives the
system Chromium, Debian packages ``chromium`` and ``chromium-driver``); it is skipped, with the reason,
only when either is missing. Set DASAN_CHROMIUM to use another Chromium binary and DASAN_SCREENSHOT to
also keep a copy of the screenshot."""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.routes import web
from api.routes.web import WEB_DIR
from rag.llm import ModelRegistry
from tests.conftest import HALL

FEE_Q = "주민공유공간 대관 사용료는 1시간에 얼마인가요?"
CHROMIUM = os.environ.get("DASAN_CHROMIUM") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--no-proxy-server"]


def make_app(runtime):
    """create_app(runtime) with the web router (included here until api/app.py wires it in)."""
    app = create_app(runtime)
    if not any(getattr(r, "path", None) == "/static/{name:path}" for r in app.routes):
        app.include_router(web.router)
    return app


@pytest.fixture
def web_runtime(sample_runtimes):
    """The edge sample runtime answering extractively (no LLM), as in tests/api/test_ask_api.py."""
    rt = sample_runtimes["edge"]
    rt.__dict__["models"] = ModelRegistry({})
    rt.__dict__.pop("answerer", None)
    rt.answerer.abstain_below = 0.0  # the fake embedder's cosines are not calibrated
    yield rt
    rt.__dict__.pop("answerer", None)
    rt.__dict__.pop("models", None)


@pytest.fixture
def client(web_runtime):
    return TestClient(make_app(web_runtime))


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.lang: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        for name in ("src", "href", "action", "formaction", "poster", "data"):
            if a.get(name) is not None:
                self.refs.append(a[name])


def _same_origin(ref: str) -> bool:
    parts = urlsplit(ref)
    return not parts.scheme and not parts.netloc and not ref.startswith("//")


# ---------------------------------------------------------------- served files (no browser)

def test_page_is_korean_and_references_only_its_own_origin(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    refs = _Refs()
    refs.feed(html)
    assert refs.lang == "ko"
    assert refs.refs, "the page should load its own script and stylesheet"
    assert all(_same_origin(ref) for ref in refs.refs), refs.refs
    assert {"/static/app.js", "/static/style.css"} <= set(refs.refs)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp
    for f in ("index.html", "app.js", "style.css"):
        text = (WEB_DIR / f).read_text(encoding="utf-8")
        assert not re.search(r"https?:|://|(?<![\w:])//[\w.-]+\.[a-z]{2,}", text), f"{f} names another host"
        assert "@import" not in text
    css = (WEB_DIR / "style.css").read_text(encoding="utf-8")
    assert all(_same_origin(u.strip("'\" ")) for u in re.findall(r"url\(([^)]*)\)", css))


def test_static_files_have_their_content_types_and_stay_inside_the_web_folder(client):
    js = client.get("/static/app.js")
    assert js.status_code == 200
    assert js.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript")
    assert "/v1/ask" in js.text and "getReader" in js.text
    assert js.headers["x-content-type-options"] == "nosniff"
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    for bad in ("/static/../routes/web.py", "/static/%2e%2e/routes/web.py", "/static/missing.js", "/static/"):
        r = client.get(bad)
        assert r.status_code == 404, bad
    assert client.head("/").status_code == 200


def test_page_has_labelled_controls_and_accessible_regions(client):
    html = client.get("/").text
    for input_id in ("question", "as-of", "fb-correction", "fb-comment"):
        assert f'for="{input_id}"' in html, input_id
    kinds = re.findall(r'name="kind" value="([^"]+)"', html)
    assert kinds == ["법률", "대통령령", "총리령·부령", "행정규칙", "자치법규", "별표", "기술기준", "guideline,manual"]
    assert re.search(r'id="answer"[^>]*aria-live="polite"', html)
    assert re.search(r'id="alert"[^>]*role="alert"', html)


# ---------------------------------------------------------------- a real browser

def _playwright():
    try:
        from playwright.sync_api import expect, sync_playwright
    except ImportError:
        pytest.skip("playwright Python package not installed (pip install playwright)")
    expect.set_options(timeout=10_000)
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium chromium-driver)")
    return sync_playwright


@pytest.fixture
def live_server(web_runtime):
    """uvicorn serving create_app(runtime) on 127.0.0.1 with a free port, in a thread."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(make_app(web_runtime), host="127.0.0.1", port=port, log_level="warning",
                            lifespan="off", access_log=False)
    server = uvicorn.Server(config)
    server.install_signal_handlers = lambda: None  # not the main thread (older uvicorn)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture
def browser_page(live_server):
    sync_playwright = _playwright()
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=20_000)
        except Exception as e:  # a broken install is a failure, not a skip
            pytest.fail(f"Chromium at {CHROMIUM} did not start: {e}")
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
        page = context.new_page()
        page.set_default_timeout(10_000)
        foreign: list[str] = []

        def guard(route):
            url = route.request.url
            if url.startswith(live_server + "/") or url.startswith("data:"):
                route.fallback()
            else:
                foreign.append(url)
                route.abort()

        page.route("**/*", guard)
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        try:
            yield page, live_server, foreign, errors
        finally:
            context.close()
            browser.close()


def test_browser_ask_stream_cite_and_feedback(browser_page, tmp_path):
    from playwright.sync_api import expect  # waits below use locators: the page's CSP forbids eval

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    assert page.get_attribute("html", "lang") == "ko"
    assert page.get_attribute("#answer", "aria-live") == "polite"

    # empty question: a Korean error in the alert region, no request
    page.click("#submit")
    assert "질문을 입력하세요" in page.inner_text("#alert")

    page.fill("#question", FEE_Q)
    page.check('input[name="kind"][value="자치법규"]')
    with page.expect_request("**/v1/ask") as req_info:
        page.press("#question", "Control+Enter")  # keyboard submit
    sent = req_info.value.post_data_json
    assert sent["question"] == FEE_Q and sent["stream"] is True and sent["kinds"] == ["자치법규"]
    assert "as_of" not in sent  # empty date = today on the server

    marker = page.locator('#answer button.marker[data-n="1"]').first  # the lead sentence and the source line both cite [1]
    marker.wait_for(state="visible")
    assert page.inner_text("#alert") == ""
    assert page.inner_text("#mode-badge") == "추출식"
    assert page.get_attribute("#answer", "aria-busy") == "false"
    assert "5천원" in page.inner_text("#answer")
    assert "시행예정" in page.inner_text("#notices")

    marker.click()
    panel = page.locator("#cite-panel")
    panel.wait_for(state="visible")
    assert marker.get_attribute("aria-expanded") == "true"
    assert HALL in page.inner_text("#cite-title")
    assert "제4조" in page.inner_text("#cite-unit") and "사용료" in page.inner_text("#cite-unit")
    assert re.search(r"\d{4}-\d{2}-\d{2} ~", page.inner_text("#cite-dates"))
    assert page.inner_text("#cite-status") == "현행"
    cite_notices = page.inner_text("#cite-notices")
    assert "시행예정" in cite_notices and "2027-01-01" in cite_notices and "1만원" in cite_notices
    assert "1시간당 5천원의 사용료를 미리 내야 한다" in page.inner_text("#cite-text")

    shot = tmp_path / "page.png"
    page.screenshot(path=str(shot), full_page=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    if os.environ.get("DASAN_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["DASAN_SCREENSHOT"])
    for sel in ("#answer", "#cite-panel"):
        box = page.locator(sel).bounding_box()
        assert box and box["width"] > 50 and box["height"] > 20, (sel, box)
    a, c = page.locator("#answer").bounding_box(), panel.bounding_box()
    assert c["x"] >= a["x"] + a["width"] - 1, "the citation panel sits beside the answer"

    # Escape closes the panel and gives focus back to the marker
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert page.evaluate("document.activeElement.dataset.n") == "1"

    # copy as text: the answer plus a numbered source list
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page.click("#copy")
    expect(page.locator("#action-status")).to_contain_text("복사했습니다")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("질문: " + FEE_Q) and "[추출식 답변]" in copied
    assert f"[1] 「{HALL}」 제4조 (시행 2024-01-01)" in copied

    # feedback when /v1/feedback does not exist yet: a polite Korean error, the page keeps working
    posted: list[dict] = []

    def missing(route):
        posted.append(json.loads(route.request.post_data))
        route.fulfill(status=404, content_type="application/json", body='{"detail":"Not Found"}')

    page.route("**/v1/feedback", missing)
    page.click("#fb-down")
    assert page.get_attribute("#fb-down", "aria-pressed") == "true"
    page.fill("#fb-correction", "2027년부터는 1만원입니다.")
    page.fill("#fb-comment", "시행예정 개정도 함께 알려 주세요.")
    page.click("#fb-send")
    expect(page.locator("#alert")).to_contain_text("준비되지 않았습니다")
    fb = posted[0]
    assert fb["rating"] == "down" and fb["question"] == FEE_Q and fb["as_of"] == "2026-11-23"
    assert fb["correction"] == "2027년부터는 1만원입니다." and fb["comment"]
    assert fb["citations"] and all(isinstance(i, str) for i in fb["citations"])
    assert fb["answer"].startswith("[추출식 답변]")
    assert page.locator('#answer button.marker[data-n="1"]').first.is_visible()

    assert not foreign, f"the page tried to reach other hosts: {foreign}"
    assert not errors, errors


def test_browser_shows_http_and_stream_errors(browser_page):
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    # a 4xx with a Korean detail (the real server: a question that is too long)
    page.fill("#question", "가" * 3990)
    page.evaluate("document.getElementById('question').value += '가'.repeat(30000)")
    page.click("#submit")
    expect(page.locator("#alert")).to_contain_text("너무 깁니다")
    assert page.is_enabled("#submit")

    # a stream that ends with an `error` event keeps the partial text and shows the message
    sse = ('event: meta\ndata: {"mode": "generative", "sources": 1}\n\n'
           'event: delta\ndata: {"text": "사용료는 1시간당"}\n\n'
           'event: error\ndata: {"message": "언어모델 연결이 끊겼습니다.", "partial": "사용료는 1시간당"}\n\n')
    page.route("**/v1/ask", lambda route: route.fulfill(status=200, content_type="text/event-stream", body=sse))
    page.fill("#question", FEE_Q)
    page.click("#submit")
    expect(page.locator("#alert")).to_contain_text("언어모델 연결이 끊겼습니다")
    assert page.inner_text("#mode-badge") == "생성형"
    assert "사용료는 1시간당" in page.inner_text("#answer")
    assert "끊겼" in page.inner_text("#progress")

    # a network failure
    page.unroute("**/v1/ask")
    page.route("**/v1/ask", lambda route: route.abort("connectionrefused"))
    page.click("#submit")
    expect(page.locator("#alert")).to_contain_text("연결할 수 없습니다")
    assert not foreign and not errors, (foreign, errors)
