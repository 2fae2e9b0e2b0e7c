"""Main text and metadata from an HTML page.

:func:`html_to_text` uses trafilatura to find the article body (navigation, share buttons,
comments and related-story boxes are left out) and its metadata. Paragraphs come out one per
line, separated by ``"\\n"``; quotation marks and other characters are kept as they are.

Broken or unusual HTML never raises: when trafilatura fails or finds nothing, the page is
reduced to text by plain tag stripping (with the standard library's lenient HTML parser), and
the result carries a warning saying so. Only a page with no text at all raises
:class:`~quotewire.errors.EmptyInput`.

trafilatura and its helpers log warnings for pages they discard; those loggers are silenced
for the duration of each call (and restored afterwards), so extraction is quiet on stderr
without configuring logging globally.
"""

from __future__ import annotations

import html as html_lib
import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from quotewire.errors import EmptyInput

if TYPE_CHECKING:
    from trafilatura.settings import Document

_NOISY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
_quiet_lock = threading.Lock()
_quiet_depth = 0
_saved_levels: dict[str, int] = {}

_SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "aside", "footer", "form", "button"}
)
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table",
        "article", "section", "header", "main", "blockquote", "figure", "figcaption", "pre",
        "dd", "dt", "dl", "hr", "title", "body",
    }
)  # fmt: skip
_TITLE_META = ("og:title", "twitter:title")
_SPACES = re.compile(r"[ \t\f\v\u00a0]+")
_TAG = re.compile(r"<[^>]*>?")


@dataclass(frozen=True)
class HtmlExtract:
    """The main text of an HTML page and the metadata found on it."""

    text: str
    title: str | None
    published: str | None
    author: str | None
    sitename: str | None
    url: str | None
    warnings: tuple[str, ...]


def html_to_text(html: str, *, url: str | None = None, source: str = "<html>") -> HtmlExtract:
    """The main text of the page ``html`` and its metadata (title, date, author, site, URL).

    ``url`` is the page's address when known (it helps metadata extraction and is returned when
    the page declares none); ``source`` names the input in warnings and errors. Raises
    :class:`~quotewire.errors.EmptyInput` when the page has no text at all.
    """
    if not html.strip():
        raise EmptyInput("empty HTML page", source=source)
    warnings: list[str] = []
    document = _trafilatura_extract(html, url, source, warnings)
    text = (document.text if document is not None else None) or ""
    if not text.strip():
        text = _strip_tags(html)
        warnings.append(f"{source}: no main text found by trafilatura; fell back to tag stripping")
    if not text.strip():
        raise EmptyInput("no text found in HTML page", source=source)
    found = _PageFacts.read(html)
    sitename = _document_field(document, "sitename")
    title = _document_field(document, "title") or found.title
    return HtmlExtract(
        text=text,
        title=without_site_suffix(title, sitename) if title else None,
        published=_document_field(document, "date"),
        author=_document_field(document, "author"),
        sitename=sitename,
        url=_document_field(document, "url") or url,
        warnings=tuple(warnings),
    )


_TITLE_PARTS = re.compile(r"\s+(?:\||–|—|-|::|·|•)\s+")
_PAGE_DATE = re.compile(
    r"^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})$"
)
_MAX_SUFFIX_WORDS = 4


def without_site_suffix(title: str, sitename: str | None = None) -> str:
    """A page title without what the site appends to every page: "Rail spending to double |
    DW | 19.01.2020" -> "Rail spending to double". Trailing parts are cut while each is the
    site's name, a date, or (after a "|") a short name, and the headline keeps three words or
    more; a headline's own dash ("Paris - a city of ...") stays."""
    parts = _TITLE_PARTS.split(title)
    separators = _TITLE_PARTS.findall(title)
    site = (sitename or "").casefold()
    while len(parts) > 1:
        last, separator = parts[-1].strip(), separators[-1].strip()
        words = last.split()
        short_name = separator == "|" and len(words) <= _MAX_SUFFIX_WORDS
        if not (last.casefold() == site or _PAGE_DATE.match(last) or short_name):
            break
        if len(" ".join(parts[:-1]).split()) < 3:
            break
        parts.pop()
        separators.pop()
    kept = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        kept += separator + part
    return kept.strip()


def _trafilatura_extract(
    html: str, url: str | None, source: str, warnings: list[str]
) -> Document | None:
    try:
        with _quiet_loggers():
            import trafilatura
            from trafilatura.settings import set_date_params

            result = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                # the date from the page's own markup and metadata only: an extensive search
                # would take one from a related story's link or a date in the text
                date_extraction_params=set_date_params(extensive=False),
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
            )
    except Exception as exc:  # trafilatura/lxml errors on malformed pages: fall back, never raise
        warnings.append(f"{source}: trafilatura failed ({type(exc).__name__}); using tag stripping")
        return None
    if result is None or isinstance(result, dict):
        return None
    return result


def _document_field(document: Document | None, name: str) -> str | None:
    if document is None:
        return None
    value = getattr(document, name, None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


@contextmanager
def _quiet_loggers() -> Iterator[None]:
    """Silence the extraction libraries' loggers while the block runs; restore them after."""
    global _quiet_depth
    with _quiet_lock:
        if _quiet_depth == 0:
            for name in _NOISY_LOGGERS:
                logger = logging.getLogger(name)
                _saved_levels[name] = logger.level
                logger.setLevel(logging.CRITICAL + 1)
        _quiet_depth += 1
    try:
        yield
    finally:
        with _quiet_lock:
            _quiet_depth -= 1
            if _quiet_depth == 0:
                for name, level in _saved_levels.items():
                    logging.getLogger(name).setLevel(level)
                _saved_levels.clear()


def _strip_tags(html: str) -> str:
    """Plain text of ``html``: one line per block element, navigation and scripts left out."""
    parser = _TextCollector()
    try:
        parser.feed(html)
        parser.close()
        raw = "".join(parser.parts)
    except Exception:  # the lenient parser should not fail; a regex is the last resort
        raw = ""
    if not raw.strip():  # e.g. everything after an unclosed <nav>: strip every tag instead
        raw = html_lib.unescape(_TAG.sub("\n", html))
    lines = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    """Collects text, skipping scripts and page furniture, with a newline per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS and self._skip_depth:
            self._skip_depth -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data.replace("\n", " ").replace("\r", " "))


@dataclass
class _PageFacts:
    """The title candidates of a page: og:title/twitter:title, the first <h1>, <title>."""

    meta_title: str | None = None
    h1: str | None = None
    head_title: str | None = None

    @property
    def title(self) -> str | None:
        return self.meta_title or self.h1 or self.head_title

    @classmethod
    def read(cls, html: str) -> _PageFacts:
        parser = _TitleFinder()
        try:
            parser.feed(html)
            parser.close()
        except Exception:  # a title is optional: give up quietly on unparseable input
            pass
        return parser.facts


class _TitleFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.facts = _PageFacts()
        self._inside: str | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag in ("title", "h1") and self._inside is None:
            self._inside = tag
            self._buffer = []

    def handle_endtag(self, tag: str) -> None:
        if tag != self._inside:
            return
        value = _SPACES.sub(" ", " ".join("".join(self._buffer).split())).strip() or None
        if tag == "title" and self.facts.head_title is None:
            self.facts.head_title = value
        elif tag == "h1" and self.facts.h1 is None:
            self.facts.h1 = value
        self._inside = None

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._buffer.append(data)

    def _meta(self, attrs: dict[str, str | None]) -> None:
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        content = (attrs.get("content") or "").strip()
        if key in _TITLE_META and content and self.facts.meta_title is None:
            self.facts.meta_title = content


__all__ = ["HtmlExtract", "html_to_text", "without_site_suffix"]
