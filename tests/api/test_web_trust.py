"""The web page shows what the question named but cannot be cited above the answer, and a source's
status on both dates (issue 13 items 1 and 3), in real headless Chromium over the sample corpus
(skipped like tests/api/test_web_page.py when Playwright or Chromium is missing)."""
from __future__ import annotations

from tests.api.test_web_page import browser_page, live_server, web_runtime  # noqa: F401 (fixtures)
from tests.conftest import HALL


def test_browser_shows_missing_above_the_answer_and_both_statuses(browser_page):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    page.fill("#question", "정보공개법 제9조 비공개 대상 정보는 무엇인가요?")
    page.click("#submit")
    box = page.locator("#missing")
    expect(box).to_be_visible()
    expect(box).to_contain_text("「공공기관의 정보공개에 관한 법률」은 색인되어 있지 않습니다 — dasan sync로 추가할 수 있습니다.")
    m, a = box.bounding_box(), page.locator("#answer").bounding_box()
    assert m["y"] + m["height"] <= a["y"] + 1, "the missing notice sits above the answer"
    assert "색인되어 있지 않습니다" not in page.inner_text("#answer")  # said once, in the box
    assert "제9조" not in page.inner_text("#source-list")  # no other document's 제9조 in its place

    page.fill("#question", "주민공유공간 대관 사용료는 1시간에 얼마인가요?")
    page.fill("#as-of", "2027-02-01")
    page.click("#submit")
    page.locator('#answer button.marker[data-n="1"]').first.wait_for(state="visible")
    assert page.locator("#missing").is_hidden()
    expect(page.locator("#source-list")).to_contain_text("기준일(2027-02-01) 기준 현행 · 오늘은 시행 전(시행예정)")
    page.locator('#answer button.marker[data-n="1"]').first.click()
    expect(page.locator("#cite-dates")).to_contain_text("오늘은 시행 전(시행예정)")
    assert HALL in page.inner_text("#cite-title")
    assert not foreign and not errors, (foreign, errors)
