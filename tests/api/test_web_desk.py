"""The 민원 분석 tab of the web page: markup served without a browser, and one run in a real Chromium
(skipped, with the reason, when Playwright or Chromium is missing — see tests/api/test_web_page.py)."""
from __future__ import annotations

import os
import re
from pathlib import Path

from tests.api.test_web_page import _Refs, _same_origin, browser_page, client, live_server, web_runtime  # noqa: F401
from tests.conftest import CCTV
from tests.rag.desk.test_analyze import CCTV_REQ, PHONE


def test_desk_tab_markup_and_script_are_local(client):  # noqa: F811
    html = client.get("/").text
    refs = _Refs()
    refs.feed(html)
    assert "/static/desk.js" in refs.refs and all(_same_origin(r) for r in refs.refs)
    for input_id in ("desk-text", "desk-received", "desk-department"):
        assert f'for="{input_id}"' in html, input_id
    assert re.search(r'id="panel-desk"[^>]*hidden', html) and re.search(r'id="desk-alert"[^>]*role="alert"', html)
    js = client.get("/static/desk.js")
    assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
    assert "innerHTML" not in js.text and "eval(" not in js.text  # CSP-safe, text only


def test_browser_desk_tab(browser_page, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    page.click("#tab-desk")
    assert page.is_hidden("#panel-ask") and page.is_visible("#desk-text")
    page.click("#desk-submit")
    expect(page.locator("#desk-alert")).to_contain_text("민원 내용을 입력하세요")
    page.fill("#desk-text", CCTV_REQ)
    page.fill("#desk-received", "2026-11-20T10:00")
    with page.expect_request("**/v1/complaints/analyze"):
        page.click("#desk-submit")
    expect(page.locator("#desk-type")).to_contain_text("개인정보·영상정보 열람 청구")
    expect(page.locator("#desk-deadline")).to_contain_text("2026-12-03")
    expect(page.locator("#desk-decision")).to_contain_text("열람 허용")
    assert f"「{CCTV}」 제4조" in page.inner_text("#desk-reply")
    assert PHONE not in page.inner_text("#desk-results")
    expect(page.locator("#desk-reply-check")).to_contain_text("서식 초안")
    assert page.is_hidden("#desk-warnings")  # no model, no warnings: the box stays out of the way
    tab, title = page.locator("#tab-ask").bounding_box(), page.locator(".site-header h1").bounding_box()
    assert abs(tab["x"] - title["x"]) < 2, (tab, title)  # the tabs line up with the page, not the window edge
    shot = Path(os.environ.get("DASAN_SCREENSHOT_DIR") or tmp_path) / "desk.png"
    page.screenshot(path=str(shot), full_page=True)
    page.fill("#desk-received", "2030-01-01T10:00")
    page.click("#desk-submit")
    expect(page.locator("#desk-alert")).to_contain_text("미래")
    assert not foreign and not errors, (foreign, errors)
