"""The page as a service shows it (issue 14, item 4): the sample-corpus banner, the index's last update
(GET /v1/status), icons that need no emoji font, YYYY-MM-DD date fields with Korean errors on both tabs,
a favicon, and 원문 보기 (unit.html over GET /v1/units/{id}) instead of a server file path.

Browser tests drive the system Chromium through Playwright (see tests/api/test_web_page.py) and skip,
with the reason, when either is missing. DASAN_SCREENSHOT_DIR keeps the screenshots for review."""
from __future__ import annotations

import json
import os
import re
import struct
import zlib
from datetime import datetime, timezone
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.routes.status import SAMPLE_LAW_ID_PREFIX
from api.routes.web import WEB_DIR
from tests.api.test_web_page import (FEE_Q, browser_page, client, live_server, make_app,  # noqa: F401
                                     web_runtime)
from tests.conftest import HALL
from tests.rag.desk.test_analyze import CCTV_REQ

EMOJI = re.compile("[\u2600-\u27bf\U0001f000-\U0001ffff\ufe0f]")


def _shot_dir(tmp_path: Path) -> Path:
    d = Path(os.environ.get("DASAN_SCREENSHOT_DIR") or tmp_path)
    d.mkdir(parents=True, exist_ok=True)
    return d


def _last_run_date(rt) -> str:
    run = next(r for r in rt.registry.runs(50) if r["finished_at"] and r["status"] != "failed")
    t = datetime.fromisoformat(run["finished_at"])
    return (t if t.tzinfo else t.replace(tzinfo=timezone.utc)).astimezone().date().isoformat()


# ---------------------------------------------------------------- served without a browser

def test_favicon_is_a_32px_png_icon(client):  # noqa: F811
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/x-icon"
    ico = r.content
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 1)
    w, h, _, _, _, bpp, size, offset = struct.unpack("<BBBBHHII", ico[6:22])
    image = ico[offset:offset + size]
    assert (w, h, bpp) == (32, 32, 32) and len(image) == size and image[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", image[16:24])
    assert (width, height) == (32, 32)
    # the icon is not blank: the decoded pixels hold both the page's blue and white
    idat = image[image.index(b"IDAT") + 4:image.index(b"IEND") - 8]
    raw = zlib.decompress(idat)
    assert len(raw) == 32 * (1 + 32 * 4)
    assert b"\x0b\x4f\x9c\xff" in raw and b"\xff\xff\xff\xff" in raw
    assert client.head("/favicon.ico").status_code == 200
    assert '<link rel="icon" href="/favicon.ico"' in client.get("/").text


def test_status_says_sample_and_when_the_index_was_updated(client, web_runtime):  # noqa: F811
    r = client.get("/v1/status")
    assert r.status_code == 200
    body = r.json()
    assert body["sample"] == "only"
    assert body["index_updated"] == _last_run_date(web_runtime)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", body["index_updated"])
    assert body["index_updated_at"].startswith(body["index_updated"] + "T")
    assert body["ingesting"] is False
    # no paths, errors or counts for whoever asks
    assert set(body) == {"index_updated", "index_updated_at", "ingesting", "sample"}
    assert "/" not in r.text.replace("\\/", "")


def test_status_before_any_run_then_real_then_mixed(make_runtime, sample_dir, tmp_path):
    rt = make_runtime(name="status")
    c = TestClient(make_app(rt))
    assert c.get("/v1/status").json() == {"index_updated": None, "index_updated_at": None,
                                          "ingesting": False, "sample": None}
    real = tmp_path / "real"
    real.mkdir()
    (real / "지침.txt").write_text("민원 접수 안내 지침\n\n1. 민원은 접수한 날 처리한다.\n", encoding="utf-8")
    report = rt.ingestor.ingest_paths([real])
    assert report.count("ok") == 1
    body = c.get("/v1/status").json()
    assert body["sample"] is None and body["index_updated"] == _last_run_date(rt)
    rt.ingestor.ingest_paths([sample_dir])
    assert c.get("/v1/status").json()["sample"] == "mixed"


def test_status_needs_a_user_when_auth_is_on(web_runtime, monkeypatch):  # noqa: F811
    monkeypatch.setenv("DASAN_AUTH", "on")
    c = TestClient(make_app(web_runtime))
    r = c.get("/v1/status")
    assert r.status_code == 401 and "인증" in r.json()["detail"]


def test_every_sample_document_is_recognised_as_the_sample(sample_dir):
    texts = [f.read_text(encoding="utf-8") for f in sorted(sample_dir.rglob("*.md"))]
    ids = [re.search(r"^법령ID: (\S+)$", text, re.M).group(1) for text in texts]
    assert len(ids) == 4 and all(i.startswith(SAMPLE_LAW_ID_PREFIX) for i in ids)


def test_web_files_need_no_emoji_font_and_no_locale_date_input():
    for f in sorted(WEB_DIR.iterdir()):
        text = f.read_text(encoding="utf-8")
        assert not EMOJI.search(text), (f.name, EMOJI.findall(text))
        assert not re.search(r'type="(date|datetime-local|time|month)"', text), f.name
    assert "원문 위치" not in (WEB_DIR / "index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------- in the real browser

def test_browser_banner_index_date_icons_and_favicon(browser_page, web_runtime, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    banner = page.locator("#sample-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("가상 예시 자료")
    expect(banner).to_contain_text("실제 법령이 아니므로")
    expect(page.locator("#index-status")).to_be_visible()
    assert page.inner_text("#index-updated") == _last_run_date(web_runtime)
    assert page.get_attribute("#index-updated", "datetime").startswith(_last_run_date(web_runtime))
    assert page.is_hidden("#index-running")

    fav = page.request.get(base + page.get_attribute('link[rel="icon"]', "href"))
    assert fav.status == 200 and fav.headers["content-type"] == "image/x-icon" and len(fav.body()) > 100

    page.fill("#question", FEE_Q)
    page.click("#submit")
    expect(page.locator("#answer-actions")).to_be_visible()
    for button in ("#fb-up", "#fb-down"):
        text = page.inner_text(button)
        assert not EMOJI.search(text) and text.strip() in ("도움됨", "개선 필요"), text
        icon = page.locator(f"{button} svg.icon")
        assert icon.evaluate("e => e.namespaceURI") == "http://www.w3.org/2000/svg"
        box = icon.bounding_box()
        assert box and box["width"] >= 12 and box["height"] >= 12, box
        # the <use> resolves to the drawn symbol: real geometry, painted in the text colour
        geometry = icon.evaluate("e => { const b = e.querySelector('use').getBBox(); return [b.width, b.height]; }")
        assert geometry[0] > 10 and geometry[1] > 10, geometry
        assert icon.evaluate("e => getComputedStyle(e).fill") not in ("none", "")
    page.locator("#answer-section").screenshot(path=str(_shot_dir(tmp_path) / "page-answer-icons.png"))
    assert not foreign and not errors, (foreign, errors)


def test_browser_as_of_accepts_iso_and_rejects_locale_dates(browser_page):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    asked: list[dict] = []
    page.on("request", lambda r: asked.append(r.post_data_json) if r.url.endswith("/v1/ask") else None)
    page.fill("#question", FEE_Q)
    for bad, needle in (("01/01/2027", "연-월-일(YYYY-MM-DD) 형식"), ("2027-02-30", "달력에 없는 날짜"),
                        ("1900-01-01", "1948-07-17 이후"), ("2027.01.01", "형식으로 입력하세요")):
        page.fill("#as-of", bad)
        page.click("#submit")
        expect(page.locator("#alert")).to_contain_text(needle)
        assert "기준일은" in page.inner_text("#alert")
        assert page.get_attribute("#as-of", "aria-invalid") == "true"
        expect(page.locator("#as-of-error")).to_contain_text(needle)
    assert not asked, "an invalid date must not be sent"

    page.fill("#as-of", "2027-01-01")
    assert page.is_hidden("#as-of-error") and page.get_attribute("#as-of", "aria-invalid") is None
    with page.expect_request("**/v1/ask") as req:
        page.click("#submit")
    assert req.value.post_data_json["as_of"] == "2027-01-01"
    expect(page.locator("#as-of-label")).to_have_text("기준일 2027-01-01")
    expect(page.locator("#answer")).to_contain_text("1만원")
    assert page.inner_text("#alert") == ""

    page.fill("#as-of", "20240301")  # digits only: accepted and shown as YYYY-MM-DD
    with page.expect_request("**/v1/ask") as req:
        page.click("#submit")
    assert req.value.post_data_json["as_of"] == "2024-03-01" and page.input_value("#as-of") == "2024-03-01"
    assert not foreign and not errors, (foreign, errors)


def test_browser_desk_received_date_is_iso_with_optional_time(browser_page):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    page.click("#tab-desk")
    page.fill("#desk-text", CCTV_REQ)
    sent: list[dict] = []
    page.on("request", lambda r: sent.append(r.post_data_json) if r.url.endswith("/v1/complaints/analyze") else None)
    for bad, needle in (("11/20/2026", "연-월-일(YYYY-MM-DD) 형식"), ("2026-11-31", "달력에 없는 날짜"),
                        ("2026-11-20 25:00", "24시간")):
        page.fill("#desk-received", bad)
        page.click("#desk-submit")
        expect(page.locator("#desk-alert")).to_contain_text(needle)
        expect(page.locator("#desk-received-error")).to_contain_text(needle)
        assert page.inner_text("#desk-alert").startswith("접수 일시")
    assert not sent
    page.fill("#desk-received", "2026-11-20 10:00")
    with page.expect_request("**/v1/complaints/analyze") as req:
        page.click("#desk-submit")
    assert req.value.post_data_json["received"] == "2026-11-20T10:00"
    expect(page.locator("#desk-deadline")).to_contain_text("2026-12-03")
    assert page.is_hidden("#desk-received-error") and page.inner_text("#desk-alert") == ""
    page.fill("#desk-received", "2026-11-20")  # a date alone is enough
    with page.expect_request("**/v1/complaints/analyze") as req:
        page.click("#desk-submit")
    assert req.value.post_data_json["received"] == "2026-11-20"
    assert not foreign and not errors, (foreign, errors)


def test_browser_cite_panel_opens_the_unit_not_a_path(browser_page, web_runtime, sample_dir, tmp_path):  # noqa: F811
    from playwright.sync_api import expect

    page, base, foreign, errors = browser_page
    page.goto(base + "/")
    page.fill("#question", FEE_Q)
    page.click("#submit")
    marker = page.locator('#answer button.marker[data-n="1"]').first
    marker.wait_for(state="visible")
    marker.click()
    panel = page.locator("#cite-panel")
    panel.wait_for(state="visible")
    text = panel.inner_text()
    assert "원문 위치" not in text and str(sample_dir) not in text and ".md" not in text
    link = page.locator("#cite-open")
    expect(link).to_be_visible()
    expect(link).to_contain_text("원문 보기")
    href = link.get_attribute("href")
    m = re.fullmatch(r"/static/unit\.html\?id=([^&]+)&as_of=2026-11-23", href)
    assert m, href
    assert link.get_attribute("target") == "_blank" and "noopener" in link.get_attribute("rel")
    shot_dir = _shot_dir(tmp_path)
    page.screenshot(path=str(shot_dir / "page-service.png"), full_page=True)

    # the viewer reads GET /v1/units/{id}: here answered with the unit as /v1/search returns it
    hit = next(h for h in page.request.post(base + "/v1/search", data={"question": FEE_Q, "top_k": 10}).json()["hits"]
               if h["id"] == m.group(1))
    served: list[str] = []

    def unit_route(route):
        served.append(route.request.url)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(hit, ensure_ascii=False))

    page.context.route("**/v1/units/**", unit_route)
    with page.expect_popup() as popup_info:
        link.click()
    viewer = popup_info.value
    expect(viewer.locator("#unit-title")).to_contain_text(f"「{HALL}」 제4조")
    expect(viewer.locator("#unit-text")).to_contain_text("1시간당 5천원의 사용료를 미리 내야 한다")
    assert viewer.inner_text("#unit-state") == hit["document"]["status"]
    assert served and served[0].endswith(f"/v1/units/{m.group(1)}?as_of=2026-11-23")
    assert str(sample_dir) not in viewer.inner_text("body")
    viewer.screenshot(path=str(shot_dir / "unit-viewer.png"), full_page=True)
    viewer.close()

    # without the mock: the server's own answer — the unit, or a Korean message where it lacks the route
    page.context.unroute("**/v1/units/**")
    with page.expect_popup() as popup_info:
        link.click()
    viewer = popup_info.value
    expect(viewer.locator("#unit-progress")).not_to_have_text("원문을 불러오는 중입니다…")
    status = page.request.get(base + f"/v1/units/{m.group(1)}").status
    if status == 200:
        expect(viewer.locator("#unit-text")).to_contain_text("5천원")
    else:
        expect(viewer.locator("#unit-alert")).to_contain_text("원문 보기를 아직 지원하지 않습니다")
        assert not re.search(r"Not Found|HTTP", viewer.inner_text("#unit-alert"))
    assert not foreign and not errors, (foreign, errors)
