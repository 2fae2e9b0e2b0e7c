"""Main text and metadata from HTML pages, including broken ones."""

from __future__ import annotations

import logging

import pytest

from quotewire.errors import EmptyInput
from quotewire.ingest import html as html_module
from quotewire.ingest.html import HtmlExtract, html_to_text

LEDE = (
    "The Old Mill bridge will reopen to traffic in May, Mayor Ellen Price told reporters "
    "on Thursday after a tour of the site."
)
QUOTE = (
    "“We have waited long enough, and the repairs are nearly finished,” Price said at a "
    "briefing outside city hall."
)
DETAIL = (
    "Engineers said the new deck had passed its load tests last week and that only the paint "
    "work and the lighting remained to be done before the opening."
)
CLOSING = (
    "The council had closed the bridge in October when inspectors found cracks in two of the "
    "supporting beams, forcing commuters onto a detour of several miles."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Mayor says Old Mill bridge will reopen in May | The Riverside Ledger</title>
  <meta property="og:title" content="Mayor says Old Mill bridge will reopen in May">
  <meta property="og:site_name" content="The Riverside Ledger">
  <meta name="author" content="Dana Whitfield">
  <meta property="article:published_time" content="2024-03-14T09:30:00Z">
</head>
<body>
  <header><nav class="menu"><a href="/">Home</a> | <a href="/city">City</a> |
    <a href="/sport">Sport</a> | <a href="/subscribe">Subscribe</a></nav></header>
  <main>
    <article>
      <h1>Mayor says Old Mill bridge will reopen in May</h1>
      <p class="byline">By Dana Whitfield</p>
      <p>{LEDE}</p>
      <p>{QUOTE}</p>
      <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a>
        <a href="#">Email</a></div>
      <p>{DETAIL}</p>
      <p>{CLOSING}</p>
    </article>
    <aside class="related">
      <h3>Related stories</h3>
      <ul>
        <li><a href="/a">Council approves spring road budget</a></li>
        <li><a href="/b">Ferry timetable changes from April</a></li>
      </ul>
    </aside>
  </main>
  <footer><p>© 2024 The Riverside Ledger. All rights reserved.</p></footer>
  <script>window.tracking = "Share on Facebook";</script>
</body>
</html>
"""

BROKEN_PAGE = f"""<html><head><title>Bridge to reopen</title>
<body><nav><a href="/">Home</a><a href="/city">City
<div class="story"><p>{LEDE}<p>{QUOTE}
<b>{DETAIL}</i></div></span>
<p>{CLOSING}<table><tr><td>unclosed cell
<!-- a comment that never closes
"""


def test_main_text_without_page_furniture() -> None:
    result = html_to_text(PAGE, url="https://ledger.example/city/bridge")
    assert isinstance(result, HtmlExtract)
    for paragraph in (LEDE, QUOTE, DETAIL, CLOSING):
        assert paragraph in result.text.splitlines()
    for furniture in ("Share on Facebook", "Related stories", "Council approves", "Sport"):
        assert furniture not in result.text
    assert "window.tracking" not in result.text


def test_paragraph_order_and_quotation_marks_are_kept() -> None:
    text = html_to_text(PAGE).text
    assert text.index(LEDE) < text.index(QUOTE) < text.index(DETAIL) < text.index(CLOSING)
    assert "“We have waited long enough" in text
    assert "finished,” Price said" in text


def test_metadata() -> None:
    result = html_to_text(PAGE, url="https://ledger.example/city/bridge")
    assert result.title == "Mayor says Old Mill bridge will reopen in May"
    assert result.published is not None and result.published.startswith("2024-03-14")
    assert result.author == "Dana Whitfield"
    assert result.sitename == "The Riverside Ledger"
    assert result.url == "https://ledger.example/city/bridge"
    assert result.warnings == ()


def test_broken_html_does_not_raise() -> None:
    result = html_to_text(BROKEN_PAGE, source="broken.html")
    assert LEDE in result.text
    assert CLOSING in result.text
    assert "<p>" not in result.text and "<b>" not in result.text
    assert result.title == "Bridge to reopen"


def test_fallback_when_trafilatura_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def failing(*args: object, **kwargs: object) -> None:
        raise ValueError("simulated extraction failure")

    monkeypatch.setattr(trafilatura, "bare_extraction", failing)
    result = html_to_text(PAGE, source="page.html")
    assert any("page.html" in warning and "tag stripping" in warning for warning in result.warnings)
    lines = result.text.splitlines()
    for paragraph in (LEDE, QUOTE, DETAIL, CLOSING):
        assert paragraph in lines
    assert "Related stories" not in result.text  # <aside> and <nav> are left out
    assert "window.tracking" not in result.text
    assert result.title == "Mayor says Old Mill bridge will reopen in May"  # og:title
    assert result.published is None


def test_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    page = "<html><body><h1>Short notice</h1><p>The library closes at noon today.</p></body></html>"
    result = html_to_text(page)
    assert result.text.splitlines() == ["Short notice", "The library closes at noon today."]
    assert result.title == "Short notice"  # from <h1>
    assert result.warnings


@pytest.mark.parametrize(
    "page",
    ["", "   \n ", "<html><head><title></title></head><body>  </body></html>", "<br><hr>"],
)
def test_pages_without_text(page: str) -> None:
    with pytest.raises(EmptyInput) as caught:
        html_to_text(page, source="blank.html")
    assert "blank.html" in str(caught.value)


def test_quiet_even_when_logging_is_configured(
    capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    import trafilatura

    caplog.set_level(logging.DEBUG)
    empty_tree = "<html><body></body></html>"
    trafilatura.bare_extraction(empty_tree)  # control: trafilatura does log for this page
    assert any(record.name.startswith("trafilatura") for record in caplog.records)
    caplog.clear()
    logger = logging.getLogger("trafilatura")
    before = logger.level
    with pytest.raises(EmptyInput):
        html_to_text(empty_tree, source="tiny.html")
    html_to_text(BROKEN_PAGE)
    assert not [record for record in caplog.records if record.name.startswith("trafilatura")]
    assert capfd.readouterr().err == ""
    assert logger.level == before
    assert html_module._saved_levels == {}


@pytest.mark.parametrize(
    ("title", "site", "kept"),
    [
        (
            "Ferry cuts winter sailings to the isles | HNS | 19.01.2020",
            "HNS",
            "Ferry cuts winter sailings to the isles",
        ),
        (
            "Ferry cuts winter sailings to the isles - Harbour News",
            "Harbour News",
            "Ferry cuts winter sailings to the isles",
        ),
        (
            "Ferry cuts winter sailings to the isles | Business",
            None,
            "Ferry cuts winter sailings to the isles",
        ),
        ("Ferry cuts winter sailings — 3 June 2025", None, "Ferry cuts winter sailings"),
        # a headline's own dash, and titles too short to lose a part, stay whole
        ("Oban - a port town waits for its ferry", None, "Oban - a port town waits for its ferry"),
        ("Ferries | Home", None, "Ferries | Home"),
    ],
)
def test_page_titles_lose_the_site_suffix(title: str, site: str | None, kept: str) -> None:
    assert html_module.without_site_suffix(title, site) == kept


SHORT_PAGE = """<html><head>
<title>Ferry cuts winter sailings to the isles | HNS | 19.01.2020</title>
<meta property="og:site_name" content="Harbour News Service"></head><body><article>
<p>OBAN - The ferry operator will cut winter sailings to three islands, its chief executive,
Morag Baird, said on Sunday, blaming a shortage of crew and two vessels in dry dock.</p>
<p>"We will restore the full timetable in April," Baird said.</p>
<p>Related: <a href="/2019/05/strike">Crew strike ends after two days</a> 12.05.2019</p>
</article></body></html>"""


def test_the_published_date_never_comes_from_a_related_story() -> None:
    page = html_to_text(SHORT_PAGE, url="https://news.example/ferry", source="ferry.html")
    assert page.published is None  # the page declares no date; 12.05.2019 is another story's
    assert page.title == "Ferry cuts winter sailings to the isles"
    assert page.sitename == "Harbour News Service"
    dated = SHORT_PAGE.replace(
        "</head>", '<meta property="article:published_time" content="2020-01-19T08:00:00Z"></head>'
    )
    assert html_to_text(dated, source="ferry.html").published == "2020-01-19"


def test_a_page_that_is_only_a_caption_gets_a_warning_naming_it() -> None:
    from quotewire.pipeline import Document, run_one

    caption = (
        "<html><body><article><p>The ferry leaves Oban harbour on Sunday. Photo: HNS</p>"
        "</article></body></html>"
    )
    result = run_one(Document(html=caption, source="caption.html"))
    assert any(w.startswith("caption.html: only ") and "caption" in w for w in result.warnings)
    longer = SHORT_PAGE.replace(
        "dry dock.</p>", "dry dock. " + "The islands rely on it. " * 8 + "</p>"
    )
    article = run_one(Document(html=longer, source="ferry.html"))
    assert not any("caption" in w for w in article.warnings)
    assert article.article.publisher == "Harbour News Service"
