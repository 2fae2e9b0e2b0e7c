"""The web UI in a real headless Chromium (Debian's, driven by Playwright), against the running
``quotewire serve``. Skipped with a reason where Chromium is not installed (CI installs it)."""

from __future__ import annotations

import re
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
    assert colours == {"rgb(107, 107, 107)"}  # grey, and dark enough to read (WCAG AA)


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
    charts = tab.locator("svg.chart")
    assert charts.count() >= 1
    for n in range(charts.count()):
        chart = charts.nth(n)
        units = {
            t.split(": ")[-1].split(" ", 1)[1]
            for t in chart.locator("circle title").all_text_contents()
        }
        assert len(units) == 1, f"one unit per chart, not {units}"
        ticks = chart.locator("text.tick").all_text_contents()
        dates = [t for t in ticks if re.fullmatch(r"\d{4}(-\d{2})?", t)]
        assert dates and len({len(t) for t in dates}) == 1, f"one granularity: {dates}"
        assert len(dates) <= 8, f"as many date labels as fit side by side: {dates}"
        assert len(ticks) - len(dates) >= 3, "the value axis has labelled ticks"
        legend = chart.locator("xpath=following-sibling::ul[1]/li")
        assert legend.count() == chart.locator("polyline").count() >= 1
    percent = tab.locator("section.unit", has=tab.locator("h2", has_text="percent"))
    assert percent.locator("circle").count() >= 4
    assert "Maria Kowalska" in percent.locator("ul.legend").inner_text()
    assert tab.locator("#claim-rows tr.claim").count() >= 4
    flags = tab.locator("#claim-rows .flag")
    kinds = [f.get_attribute("class") for f in flags.all()]
    assert kinds.count("flag contradiction") >= 2 and kinds.count("flag change") >= 1
    earlier = tab.locator("#claim-rows .flag.contradiction a").first
    target = earlier.get_attribute("href")
    earlier.click()
    assert tab.locator(f"#text [id='{target.split('#')[1]}']").count() == 1


def test_claims_carry_their_flags_in_the_api_as_the_cli_flags_them(api: str) -> None:
    import httpx

    rows = httpx.get(f"{api}/api/claims", params={"measure": "deficit"}).json()["items"]
    hers = [r for r in rows if r["claimant_id"] == "person:maria-kowalska" and r["period"]]
    flagged = [(r["text"], [f["kind"] for f in r["flags"]]) for r in hers if r["flags"]]
    # as `quotewire claims tests/data/corpus --speaker "Maria Kowalska" --measure deficit`
    assert flagged == [
        ("3.6%", ["contradiction"]),
        ("2.9%", ["change"]),
        ("3.0%", ["contradiction"]),
    ]
    first = next(r for r in hers if r["text"] == "3.6%")["flags"][0]
    assert first["earlier_text"] == "below 3.2%" and first["earlier_published"] < "2025-06"
    assert all(f["earlier_claim_id"] for r in rows for f in r["flags"])
    speaker = httpx.get(f"{api}/api/speakers/person:maria-kowalska").json()
    assert sum(len(c["flags"]) for c in speaker["claims"]) >= 3


def test_speaker_page_shows_the_flags_of_the_claims(tab: Any, api: str) -> None:
    tab.goto(f"{api}/speakers/person:maria-kowalska")
    assert tab.locator("#claims .flag.contradiction").count() >= 2
    assert "3.6 percent" in tab.locator("#claims").inner_text()


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


# ---- browsing: every page reachable, lists in pages, phones, accessibility ----------------------
SAMPLES = Path(__file__).parent.parent / "samples" / "articles"
PHONE = {"width": 390, "height": 844}


def _pages(api: str) -> list[str]:
    """One address of every kind of page, on the corpus store."""
    return [
        f"{api}/",
        f"{api}/?q=inflation&limit=5",
        f"{api}/articles",
        f"{api}/articles/1",
        f"{api}/speakers",
        f"{api}/speakers/person:maria-kowalska",
        f"{api}/claims?measure=deficit",
        f"{api}/articles/999999",
    ]


def test_every_section_is_reachable_from_the_header(tab: Any, api: str) -> None:
    tab.goto(f"{api}/articles/1")
    for name, heading in (
        ("Articles", "Articles"),
        ("Speakers", "Speakers"),
        ("Claims", "Claims"),
        ("Search", "Search quotes"),
    ):
        tab.locator("header nav a", has_text=name).click()
        assert tab.locator("h1").inner_text() == heading
        assert tab.locator("header nav a[aria-current=page]").inner_text() == name


def test_articles_are_listed_newest_first_by_title_in_pages(tab: Any, api: str) -> None:
    import httpx

    n = httpx.get(f"{api}/api/articles").json()["total"]  # (9, and those other tests add)
    assert 9 <= n <= 12
    tab.goto(f"{api}/articles?limit=4")
    rows = tab.locator("tr.article")
    assert rows.count() == 4
    dates = [rows.nth(i).locator("td").first.inner_text() for i in range(4)]
    assert dates == sorted(dates, reverse=True) and all(dates)  # (undated ones come last)
    assert tab.locator("#total").first.inner_text() == f"1–4 of {n} articles"
    first = rows.first.locator("a")
    title = first.inner_text()
    assert title and not title.startswith("Article ")  # named by its title
    assert re.search(r"\d+ quotes?, \d+ claims?", rows.first.inner_text())
    for first in range(5, n + 1, 4):
        tab.locator("a[rel=next]").first.click()
        shown = f"{first}–{min(first + 3, n)} of {n} articles"
        assert tab.locator("#total").first.inner_text() == shown
    assert tab.locator("a[rel=next]").count() == 0
    tab.goto(f"{api}/articles?since=2025-12-01&until=2025-12-31")
    december = [r.locator("td").first.inner_text() for r in tab.locator("tr.article").all()]
    assert december and all(d.startswith("2025-12") for d in december)


def test_search_shows_its_total_and_pages_through_every_hit(tab: Any, api: str) -> None:
    import httpx

    total = httpx.get(f"{api}/api/quotes", params={"q": "inflation"}).json()["total"]
    assert total > 5
    tab.goto(f"{api}/?q=inflation&limit=5")
    assert tab.locator("#total").first.inner_text() == f"1–5 of {total} quotes"
    seen = []
    while True:
        seen += [a.get_attribute("href") for a in tab.locator("tr.hit td:last-child a").all()]
        following = tab.locator("a[rel=next]")
        if not following.count():
            break
        following.first.click()
    assert len(seen) == total and len(set(seen)) == total  # every hit once, none left out
    # hits are named by their canonical speaker, also where the article wrote "H. Lund"
    tab.goto(f"{api}/?q=inflation&speaker=person:henrik-lund&limit=200")
    names = {r.locator("td").nth(1).inner_text() for r in tab.locator("tr.hit").all()}
    assert names == {"Henrik Lund"}


def test_web_search_says_what_was_wrong_with_its_inputs(browser: Any, api: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    for query, message in (
        ("since=12/03/2025", "since: '12/03/2025' is not a date (YYYY-MM-DD)"),
        ("until=yesterday", "until: 'yesterday' is not a date (YYYY-MM-DD)"),
        ("type=rumour", "type: 'rumour' is not one of direct, indirect, mixed, headline"),
    ):
        response = page.goto(f"{api}/?q=inflation&{query}")
        assert response.status == 400
        assert page.locator("#error").inner_text() == message
        assert page.locator("tr.hit").count() == 0
    response = page.goto(f"{api}/articles?since=soon")
    assert response.status == 400
    assert page.locator("#error").inner_text() == "since: 'soon' is not a date (YYYY-MM-DD)"
    context.close()


def test_search_downloads_as_csv_and_json(tab: Any, api: str) -> None:
    import csv
    import io

    import httpx

    tab.goto(f"{api}/?q=inflation&speaker=Henrik+Lund")
    shown = tab.locator("#total").first.inner_text()
    links = {a.inner_text(): a.get_attribute("href") for a in tab.locator("a[download]").all()}
    assert set(links) == {"CSV", "JSON"}
    as_csv = httpx.get(f"{api}{links['CSV']}")
    assert as_csv.status_code == 200 and "attachment" in as_csv.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    as_json = httpx.get(f"{api}{links['JSON']}").json()
    assert shown.endswith(f"of {len(rows)} quotes") and len(as_json) == len(rows)
    assert {r["speaker_id"] for r in rows} == {"person:henrik-lund"}
    assert [r["quote_id"] for r in rows] == [r["quote_id"] for r in as_json]


def test_speakers_are_listed_and_a_speaker_page_lists_the_statements(tab: Any, api: str) -> None:
    tab.goto(f"{api}/speakers")
    names = [r.locator("a").inner_text() for r in tab.locator("tr.speaker").all()]
    assert "Henrik Lund" in names and "Maria Kowalska" in names
    tab.fill("#q", "kowalska")
    tab.click("form[role=search] button")
    names = [r.locator("a").inner_text() for r in tab.locator("tr.speaker").all()]
    assert names and all("Kowalska" in n for n in names)
    tab.locator("tr.speaker a", has_text="Maria Kowalska").click()
    assert tab.locator("h1").inner_text() == "Maria Kowalska"
    statements = tab.locator("#statements tr.statement")
    assert statements.count() >= 4
    assert tab.locator("#total").first.inner_text().endswith("statements")
    seen_in = tab.locator("#members a").all_inner_texts()
    assert seen_in and not any(t.startswith("article ") for t in seen_in)  # by title
    link = statements.first.locator("a")
    quote = link.get_attribute("href").split("#")[1]
    link.click()
    tab.wait_for_selector("#text")
    passage = tab.locator(f"#text [id='{quote}']")
    assert passage.count() == 1 and passage.is_visible()
    top = passage.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 900, "the page opens scrolled to the passage"


def test_article_page_marks_speakers_figures_and_explains_the_marks(tab: Any, api: str) -> None:
    tab.goto(f"{api}/speakers/person:henrik-lund")
    tab.locator("#statements a").first.click()
    tab.wait_for_selector("#legend")
    assert tab.locator("#legend li").count() == 5
    assert tab.locator("#published").inner_text()
    figures = tab.locator("#text span.fig")
    assert figures.count() >= 1
    assert figures.count() == tab.locator("#claims li.claim").count()
    # every quote of one speaker shares one colour, and his mentions are underlined in it
    quotes = tab.locator("#text span.q[title='Henrik Lund']")
    shades = {
        quotes.nth(i).evaluate("e => getComputedStyle(e).backgroundColor")
        for i in range(quotes.count())
    }
    assert quotes.count() >= 2 and len(shades) == 1
    mentions = tab.locator("#text span.who[title^='Henrik Lund']")
    assert mentions.count() >= 1
    kinds = {m.get_attribute("title") for m in mentions.all()}
    lines = {m.evaluate("e => getComputedStyle(e).textDecorationColor") for m in mentions.all()}
    assert len(lines) == 1, f"one underline colour for {kinds}"


def test_an_unknown_speaker_is_a_404_page(browser: Any, api: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    response = page.goto(f"{api}/speakers/person:nobody-at-all")
    assert response.status == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "person:nobody-at-all" in page.locator("#error").inner_text()
    context.close()


def test_no_page_scrolls_sideways_on_a_phone(browser: Any, api: str) -> None:
    context = browser.new_context(viewport=PHONE, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    for address in _pages(api):
        page.goto(address)
        page.wait_for_load_state("load")
        assert page.locator("meta[name=viewport]").count() == 1, address
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{address} is {width} px wide on a 390 px phone"
    context.close()


def test_pages_pass_axe_accessibility_checks(browser: Any, api: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    for viewport in ({"width": 1280, "height": 900}, PHONE):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        for address in _pages(api):
            page.goto(address)
            page.wait_for_load_state("load")
            found = axe.run(page)
            problems = [
                f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}"
                for v in found.response["violations"]
            ]
            assert problems == [], f"{address} at {viewport['width']} px: {problems}"
            assert page.locator("main").count() == 1 and page.locator("header nav").count() == 1
        context.close()


def test_keyboard_focus_is_visible(tab: Any, api: str) -> None:
    tab.goto(f"{api}/")
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.textContent")
    assert focused == "Skip to the content"
    tab.keyboard.press("Tab")
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"


def test_articles_filter_by_outlet(
    browser: Any, serve: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    import subprocess
    import sys

    db = tmp_path_factory.mktemp("outlets") / "q.db"
    run = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(SAMPLES), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    with serve(str(db)) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{base}/articles")
        options = page.locator("#outlet option").all_inner_texts()
        assert "Reuters (1)" in options and "Orienta (1)" in options
        page.select_option("#outlet", "Reuters")
        page.click("form button")
        rows = page.locator("tr.article")
        assert rows.count() == 1 and "Reuters" in rows.first.inner_text()
        assert page.locator("#total").inner_text() == "1–1 of 1 article"
        context.close()


@pytest.fixture(scope="module")
def ru_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``quotewire serve`` over the Russian test articles, on a SQLite file."""
    from conftest import ingested, serving

    db = str(tmp_path_factory.mktemp("ru-web") / "quotewire.db")
    ingested(Path(__file__).parent / "data" / "ru", db)
    with serving(db) as base:
        yield base


def test_russian_articles_are_searched_read_and_listed_as_english_ones(
    browser: Any, ru_api: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{ru_api}/")
    page.fill("#q", "ставки")  # the text says "ставка": found by its stem
    page.click("button[type=submit]")
    rows = page.locator("tr.hit")
    assert rows.count() >= 1
    assert "ключевая ставка" in rows.first.inner_text()
    assert "Игорь Смирнов" in rows.first.inner_text()
    rows.first.locator("td a").last.click()
    page.wait_for_selector("#text")
    page.wait_for_load_state("load")
    assert "Дефицит федерального бюджета" in page.locator("#text").inner_text()
    assert page.locator("#text span.q").count() >= 4
    listed = page.locator("#quotes li").all_inner_texts()
    assert any("Анна Ковалева" in item for item in listed)
    page.goto(f"{ru_api}/speakers?q=Ковалева")
    page.locator("a", has_text="Анна Ковалева").first.click()
    page.wait_for_load_state("load")
    assert "доходы растут быстрее" in page.content()
    context.close()
    assert errors == [], f"the browser reported errors: {errors}"
