"""Odd inputs never break the pipeline: every span still points into the text, nothing raises."""

from __future__ import annotations

import random

import pytest

import quotewire

PIECES = [
    *'"“”„«»‘’,.:;—()',
    *["''", "``", "[sic]", "\n", "\n\n", " ", "\t", "\r\n"],
    *["said", "told reporters", "according to", "he", "she", "they", "the minister"],
    *["Anna Berg", "Berg", "President Ola Dahl", "the ministry", "Reuters", "(AP) -"],
    *["10:52, 26 September", "Share on Facebook", "Photo: TASS", "$4.5 billion", "40%"],
    *["Ünïcödé", "日本語", "🙂"],
]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) + rng.choice(["", " "]) for _ in range(rng.randint(1, 120)))


@pytest.mark.parametrize("seed", range(40))
def test_random_text_never_breaks_the_pipeline(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(5):
        text = _random_text(rng)
        if not text.strip():
            with pytest.raises(quotewire.EmptyInput):
                quotewire.extract(text)
            continue
        result = quotewire.extract(text)
        assert result.article.text == text
        spans = [s for q in result.quotes for s in (*q.content, *q.insertions)]
        spans += [q.cue for q in result.quotes if q.cue]
        spans += [q.speaker.mention for q in result.quotes if q.speaker and q.speaker.mention]
        spans += [m for e in result.entities for m in e.mentions]
        spans += list(result.article.debris)
        for span in spans:
            assert 0 <= span.start <= span.end <= len(text)
            assert text[span.start : span.end] == span.text
        for quote in result.quotes:
            assert quote.content and 0.0 <= quote.confidence <= 1.0


def test_broken_html_is_read() -> None:
    html = '<html><body><div><p>"We will stay," Mayor Ana Lind said.<p><b>Unclosed <i>tags</div>'
    result = quotewire.extract(html=html)
    assert any(q.speaker and q.speaker.name == "Ana Lind" for q in result.quotes)


def test_text_in_another_script_is_refused_with_the_script_named() -> None:
    text = "Ο πρόεδρος δήλωσε ότι το εμπόριο ξεπερνά τα 50 δισεκατομμύρια δολάρια. " * 3
    with pytest.raises(quotewire.UnsupportedLanguage, match="Greek"):
        quotewire.extract(text)


def test_latin_text_that_is_not_english_gets_a_warning() -> None:
    text = "Der Minister sagte, dass die Regierung die Steuern nicht erhöhen werde. " * 6
    result = quotewire.extract(text)
    assert any("may not be English" in w for w in result.warnings)
    english = quotewire.extract('"We will win," Mayor Ana Lind said on Tuesday. ' * 6)
    assert not any("English" in w for w in english.warnings)
