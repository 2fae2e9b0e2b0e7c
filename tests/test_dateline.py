"""Datelines: where the story's date is given, and its ISO value (with inferred years)."""

from __future__ import annotations

from datetime import date

import pytest

from quotewire.pipeline import Document, Options, read_article
from quotewire.text.dateline import (
    DatelineInfo,
    find_dateline,
    is_date_line,
    latest_year,
    match_wire_dateline,
)

HEADLINE = "Harbour cranes return to Port Ellery"
BODY = "The port authority said on Monday that both cranes were back in service."


def _assert_span(text: str, info: DatelineInfo) -> None:
    assert info.span is not None
    assert text[info.span.start : info.span.end] == info.span.text


def test_seed_article(seed_text: str) -> None:
    info = find_dateline(seed_text)
    _assert_span(seed_text, info)
    assert info.span is not None
    assert info.span.text == "10:52, 26 September"
    assert info.span.start == seed_text.index("10:52, 26 September")
    assert info.published == "2025-09-26T10:52:00"
    assert info.inferred is True


def test_seed_article_with_reference_date(seed_text: str) -> None:
    info = find_dateline(seed_text, reference_date=date(2025, 10, 2))
    assert info.published == "2025-09-26T10:52:00"
    assert info.inferred is True


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("26 September 2025, 10:52", "2025-09-26T10:52:00"),
        ("Sept. 26, 2025", "2025-09-26"),
        ("September 26, 2025 10:52 AM", "2025-09-26T10:52:00"),
        ("September 26, 2025 at 3:15 p.m.", "2025-09-26T15:15:00"),
        ("2025-09-26", "2025-09-26"),
        ("Friday, 26 September 2025", "2025-09-26"),
        ("26.09.2025 14:05", "2025-09-26T14:05:00"),
    ],
)
def test_stamp_lines_with_a_year(stamp: str, published: str) -> None:
    text = f"{HEADLINE}\n{stamp}\n{BODY}\n"
    info = find_dateline(text)
    _assert_span(text, info)
    assert info.span is not None and info.span.text == stamp
    assert info.published == published
    assert info.inferred is False


def test_labelled_stamp_span_covers_the_date_only() -> None:
    text = f"{HEADLINE}\nUpdated: 3 March 2024, 18:40\n{BODY}\n"
    info = find_dateline(text)
    _assert_span(text, info)
    assert info.span is not None and info.span.text == "3 March 2024, 18:40"
    assert info.published == "2024-03-03T18:40:00"


@pytest.mark.parametrize(
    ("reference", "published"),
    [
        (date(2024, 10, 1), "2024-09-26T10:52:00"),  # a few days before the reference
        (date(2024, 8, 15), "2024-09-26T10:52:00"),  # within the two-month leeway
        (date(2024, 6, 1), "2023-09-26T10:52:00"),  # far in the future: the previous year
    ],
)
def test_reference_date_supplies_the_year(reference: date, published: str) -> None:
    text = f"{HEADLINE}\n10:52, 26 September\n{BODY}\n"
    info = find_dateline(text, reference_date=reference)
    assert info.published == published
    assert info.inferred is True


def test_year_inferred_from_the_latest_year_in_the_body() -> None:
    text = (
        f"{HEADLINE}\n4 March\nExports grew in 2021 and again in 2023, and the plan "
        "runs to 2030. The ministry expects the target to be met by 2029.\n"
    )
    info = find_dateline(text)
    assert info.published == "2023-03-04"
    assert info.inferred is True


def test_no_year_anywhere_keeps_the_span() -> None:
    text = f"{HEADLINE}\n10:52, 26 September\n{BODY}\n"
    info = find_dateline(text)
    _assert_span(text, info)
    assert info.span is not None and info.span.text == "10:52, 26 September"
    assert info.published is None
    assert info.inferred is False


@pytest.mark.parametrize(
    ("paragraph", "dateline"),
    [
        ("MINSK, Sept 26 (BelTA) - The talks lasted three hours.", "MINSK, Sept 26 (BelTA) -"),
        ("(Moscow, Reuters) - Oil prices fell on Friday.", "(Moscow, Reuters) -"),
        ("WASHINGTON (AP) — The Senate passed the bill.", "WASHINGTON (AP) —"),
        ("NEW YORK, March 3 — Shares rose sharply.", "NEW YORK, March 3 —"),
        ("WASHINGTON \u2015 This spring, the plan changed.", "WASHINGTON \u2015"),
        # TASS: the agency between slashes, no dash
        ("КАЗАНЬ, 2 декабря. /ТАСС/. В 2026 году построят школы.", "КАЗАНЬ, 2 декабря. /ТАСС/."),
        ("МОСКВА /ТАСС/. Курс рубля вырос.", "МОСКВА /ТАСС/."),
    ],
)
def test_wire_datelines(paragraph: str, dateline: str) -> None:
    text = f"{HEADLINE}\n\n{paragraph}\nMore of the story follows here.\n"
    info = find_dateline(text)
    _assert_span(text, info)
    assert info.span is not None and info.span.text == dateline
    assert info.span.start == text.index(paragraph)


def test_wire_dateline_date_uses_the_reference_year() -> None:
    text = "MINSK, Sept 26 (BelTA) - The talks lasted three hours.\n"
    info = find_dateline(text, reference_date=date(2025, 9, 27))
    assert info.published == "2025-09-26"
    assert info.inferred is True
    undated = find_dateline("WASHINGTON (AP) — The Senate passed the bill.\n")
    assert undated.span is not None and undated.published is None


def test_stamp_line_preferred_to_wire_dateline() -> None:
    text = f"{HEADLINE}\n2 May 2024\nLONDON (Reuters) - {BODY}\n"
    info = find_dateline(text)
    assert info.span is not None and info.span.text == "2 May 2024"


def test_skip_ranges_are_not_searched() -> None:
    text = f"{HEADLINE}\n2 May 2024\n{BODY}\n"
    stamp_start = text.index("2 May 2024")
    info = find_dateline(text, skip=[(stamp_start, stamp_start + 10)])
    assert info == DatelineInfo(span=None, published=None, inferred=False)


def test_only_the_top_of_the_text_is_searched() -> None:
    filler = "".join(f"Paragraph {n} of the story goes here.\n" for n in range(10))
    text = f"{HEADLINE}\n{filler}2 May 2024\n"
    assert find_dateline(text).span is None


@pytest.mark.parametrize(
    "line",
    [
        "The meeting took place on 26 September 2025 in Minsk.",
        "In 2025 the plant produced more power than ever.",
        "Putin: The situation is very good",
        "Цены /в рублях/ выросли.",
    ],
)
def test_sentences_are_not_datelines(line: str) -> None:
    assert not is_date_line(line)
    assert match_wire_dateline(line) is None
    assert find_dateline(f"{line}\n{BODY}\n").span is None


def test_latest_year_ignores_targets_and_excluded_ranges() -> None:
    text = "Built in 1998, expanded in 2015, with a plan for 2020-2035 and exports by 2040."
    assert latest_year(text) == 2020
    assert latest_year(text, exclude=(text.index("2020"), text.index("2020") + 4)) == 2015
    assert latest_year("No years here, only 12,345 tonnes.") is None


def test_metadata_given_with_the_text() -> None:
    """A document's ``published`` fills in for a dateline that has no date or only an
    inferred year, never over a full one; ``publisher`` is kept on the article."""

    def read(text: str) -> tuple[str | None, bool, str | None]:
        document = Document(text=text, published="2024-03-02", publisher="herald")
        article, _ = read_article(document, Options())
        return article.published, article.published_inferred, article.publisher

    assert read(f"{HEADLINE}\n\n{BODY}\n") == ("2024-03-02", False, "herald")
    wire = f"{HEADLINE}\n\nPORT ELLERY, June 3, 2023 (AP) - {BODY}\n"
    assert read(wire) == ("2023-06-03", False, "herald")
    no_year = f"{HEADLINE}\n\nPORT ELLERY, June 3 (AP) - {BODY}\n"
    assert read(no_year) == ("2024-03-02", False, "herald")
    bare, _ = read_article(Document(text=f"{HEADLINE}\n\n{BODY}\n"), Options())
    assert (bare.published, bare.publisher) == (None, None)
