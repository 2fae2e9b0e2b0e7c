"""Headlines of plain-text articles."""

from __future__ import annotations

import pytest

from quotewire.text.title import MAX_TITLE_CHARS, find_title

BODY = "The port authority said on Monday that both cranes were back in service.\n"


def test_seed_article(seed_text: str) -> None:
    span = find_title(seed_text)
    assert span is not None
    assert seed_text[span.start : span.end] == span.text
    assert span.start == 0
    assert span.text == seed_text.splitlines()[0]
    assert span.text.startswith("Putin: ")


@pytest.mark.parametrize(
    "text",
    [
        "Harbour cranes return to Port Ellery\n" + BODY,
        "Harbour cranes return to Port Ellery\r\n10:52, 26 September\r\n" + BODY,
        "Will the cranes be back by Friday?\n\n" + BODY,
        "Lukashenko: We will build a second plant.\n" + BODY,
        "Senate passes the farm bill after a long night.\n\n" + BODY,
        "\n\n   Harbour cranes return to Port Ellery   \n" + BODY,
    ],
)
def test_titles(text: str) -> None:
    span = find_title(text)
    assert span is not None
    assert text[span.start : span.end] == span.text
    assert span.text == span.text.strip()
    assert span.text == text.strip().splitlines()[0].strip()


@pytest.mark.parametrize(
    "text",
    [
        "Harbour cranes return to Port Ellery",  # nothing follows
        "Harbour cranes return to Port Ellery\n\n   \n",
        BODY + BODY,  # a body paragraph ending with a period, no blank line after it
        "Officials said: The cranes were repaired.\n" + BODY,
        "Home | World | Politics\nHarbour cranes return\n" + BODY,
        "10:52, 26 September\n" + BODY,
        "WASHINGTON (AP) — The Senate passed the bill\n" + BODY,
        "Photo: BELTA\n" + BODY,
        ("Long " * 50).strip() + "\n" + BODY,
        "The council met on Tuesday, and the mayor said\nthat the port would reopen.\n",
        "",
    ],
)
def test_not_titles(text: str) -> None:
    assert find_title(text) is None


def test_long_period_line_before_blank_line_is_a_paragraph() -> None:
    first = "The council " + "voted on the harbour budget and " * 5 + "adjourned."
    assert 150 < len(first) <= MAX_TITLE_CHARS
    assert find_title(first + "\n\n" + BODY) is None
