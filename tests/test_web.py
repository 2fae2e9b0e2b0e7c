"""The web UI in a real headless Chromium (Debian's, driven by Playwright), against the running
``quotewire serve``. Skipped with a reason where Chromium is not installed (CI installs it)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no chromium on this machine (.ci/run installs Debian's chromium)"
)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def tab(browser: Any, api: str) -> Iterator[Any]:
    """A page that fails the test on any request that leaves the server (no outside assets),
    and on any error in the browser's console (a Content-Security-Policy violation is one)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    errors: list[str] = []
    local = (api, "blob:", "data:")  # (blob: and data: never leave the browser)
    page.on("request", lambda r: None if r.url.startswith(local) else outside.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    context.close()
    assert outside == [], f"the page asked for outside resources: {outside}"
    assert errors == [], f"the browser reported errors: {errors}"


def test_search_then_the_article_with_its_quotes_marked(tab: Any, api: str, tmp_path: Path) -> None:
    tab.goto(f"{api}/")
    tab.fill("#q", "inflation")
    tab.fill("#speaker", "Henrik Lund")
    tab.click("button[type=submit]")
    rows = tab.locator("tr.hit")
    assert rows.count() >= 3
    assert "Henrik Lund" in rows.first.inner_text()
    rows.first.locator("td a").last.click()
    tab.wait_for_selector("#text")
    # the colours come from /style.css: under load the text can be there before the sheet
    tab.wait_for_load_state("load")
    quotes = tab.locator("#text span.q")
    assert quotes.count() >= 3
    background = quotes.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background not in ("", "rgba(0, 0, 0, 0)"), "a quote is highlighted in a colour"
    assert tab.locator("#text span.cue").count() >= 1
    assert tab.locator("#text span.who").count() >= 1
    listed = tab.locator("#quotes li").count()
    assert listed == len({quotes.nth(i).get_attribute("data-quote") for i in range(quotes.count())})
    assert tab.locator("#claims li.claim").count() >= 1
    shot = tmp_path / "article.png"
    tab.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_debris_is_greyed_in_an_article(tab: Any, api: str) -> None:
    import httpx

    items = httpx.get(f"{api}/api/articles", params={"limit": 200}).json()["items"]
    seen = 0
    colours = set()
    for item in items:
        tab.goto(f"{api}/articles/{item['id']}")
        debris = tab.locator("#text span.debris")
        seen += debris.count()
        if debris.count():
            colours.add(debris.first.evaluate("e => getComputedStyle(e).color"))
    assert seen >= 9, "each article's opening dateline ('WARSAW, March 12 -') is debris"
    assert colours == {"rgb(153, 153, 153)"}


def test_speaker_page_with_roles_timeline_and_claims(tab: Any, api: str) -> None:
    tab.goto(f"{api}/speakers/person:maria-kowalska")
    assert tab.locator("h1").inner_text() == "Maria Kowalska"
    assert "Finance Minister" in tab.content()
    assert tab.locator("svg#timeline rect.quotes[height]").count() >= 3
    claim_bars = tab.locator("svg#timeline rect.claims")
    heights = [
        float(claim_bars.nth(i).get_attribute("height") or 0) for i in range(claim_bars.count())
    ]
    assert sum(1 for h in heights if h > 0) >= 3, "her claims are charted in three months or more"
    assert tab.locator("#claims tr").count() >= 4
    assert "initial" in tab.content() or "role" in tab.content()


def test_claims_page_plots_a_measure_by_claimant(tab: Any, api: str) -> None:
    tab.goto(f"{api}/claims")
    tab.fill("#measure", "deficit")
    tab.click("button[type=submit]")
    assert tab.locator("svg#chart circle").count() >= 4
    assert tab.locator("svg#chart polyline").count() >= 1
    assert "Maria Kowalska" in tab.locator("svg#chart").inner_html()
    assert tab.locator("#claim-rows tr").count() >= 4


def test_swagger_ui_renders_from_this_server_under_its_policy(tab: Any, api: str) -> None:
    """/docs loads Swagger UI's script and style from the server (no CDN) and starts it from a
    served script, so its Content-Security-Policy (no inline script) holds: the fixture fails
    the test on any outside request or console error."""
    response = tab.goto(f"{api}/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    tab.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=30_000)
    paths = tab.locator(".opblock-summary-path").all_inner_texts()
    assert {"/api/quotes", "/api/ingest"} <= {p.strip() for p in paths}
    tab.locator(".opblock-summary-path", has_text="/api/articles").first.click()
    tab.wait_for_selector(".opblock-body", timeout=10_000)


def test_redoc_renders_from_this_server_under_its_policy(tab: Any, api: str) -> None:
    response = tab.goto(f"{api}/redoc")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    tab.get_by_text("/api/quotes").first.wait_for(timeout=30_000)
    assert "quotewire" in tab.content()


def test_an_error_on_a_page_is_a_page(browser: Any, api: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(f"{api}/articles/999999")
    assert response.status == 404
    assert "no article 999999" in page.locator("#error").inner_text()
    assert page.locator("header a").count() >= 2, "with the site's header to go on from"
    response = page.goto(f"{api}/?q=tax%00es")
    assert response.status == 422
    assert "control character (U+0000)" in page.locator("#error").inner_text()
    context.close()
