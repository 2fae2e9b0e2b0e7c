"""The agency or outlet a story is credited to."""

from __future__ import annotations

import pytest

from quotewire.model import NamedSpan
from quotewire.text.credit import FIRST_PARAGRAPH_CHARS, KNOWN_AGENCIES, find_credited_source

HEADLINE = "Harbour cranes return to Port Ellery\n"


def _assert_named(text: str, credit: NamedSpan | None, name: str) -> None:
    assert credit is not None and credit.span is not None
    assert credit.name == name
    assert text[credit.span.start : credit.span.end] == credit.span.text == name


def test_seed_article(seed_text: str) -> None:
    credit = find_credited_source(seed_text)
    _assert_named(seed_text, credit, "BelTA")
    assert credit is not None and credit.span is not None
    assert seed_text[credit.span.start :].startswith("BelTA reports")


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("The talks ended late on Friday, BelTA reports.", "BelTA"),
        ("The cranes were repaired, Xinhua reported.", "Xinhua"),
        ("The talks ended late on Friday, reports BelTA.", "BelTA"),
        ("Oil output fell in August, according to TASS.", "TASS"),
        ("MINSK, Sept 26 (BelTA) - The talks lasted three hours.", "BelTA"),
        ("(Moscow, Reuters) - Oil prices fell on Friday.", "Reuters"),
        ("WASHINGTON (AP) — The Senate passed the bill.", "AP"),
        ("KUWAIT (KUNA) -- The emir received the envoy.", "KUNA"),
        ("The port reopened on Monday. (AFP)", "AFP"),
        ("The port reopened on Monday.\n— AP", "AP"),
        (
            "The port reopened.\nThe Associated Press contributed to this report.",
            "Associated Press",
        ),
        ("The port reopened on Monday.\nSource: Interfax", "Interfax"),
        ("The emir received the envoy on Sunday, KUNA reports.", "KUNA"),
        ("The harbour reopened, the Associated Press reported.", "Associated Press"),
    ],
)
def test_credit_forms(body: str, name: str) -> None:
    text = HEADLINE + body + "\nThe rest of the story follows.\n"
    _assert_named(text, find_credited_source(text), name)


def test_earliest_credit_wins() -> None:
    text = HEADLINE + "LONDON (Reuters) - Shares fell.\nAFP contributed to this report.\n"
    _assert_named(text, find_credited_source(text), "Reuters")


@pytest.mark.parametrize(
    "body",
    [
        "The mayor spoke on Friday, Lukashenko reports.",  # not acronym-like, not an agency
        "The harbour master said the cranes were repaired.",
        "Prices rose, officials said, according to the ministry.",
        "The photo agency Getty Images took the pictures.",
    ],
)
def test_uncredited_texts(body: str) -> None:
    assert find_credited_source(HEADLINE + body + "\n") is None


def test_running_text_credits_only_count_near_the_top() -> None:
    filler = "The harbour master described the repairs in detail to the council. " * 30
    assert len(filler) > FIRST_PARAGRAPH_CHARS
    quoted = HEADLINE + filler + "\nBloomberg reported the figures last week, KUNA reports.\n"
    assert find_credited_source(quoted) is None
    signed = HEADLINE + filler + "\nReuters contributed to this report.\n"
    _assert_named(signed, find_credited_source(signed), "Reuters")


def test_known_agencies_cover_the_common_wires() -> None:
    for name in ("Reuters", "AP", "AFP", "TASS", "Interfax", "BelTA", "Xinhua", "dpa"):
        assert name in KNOWN_AGENCIES
