"""``bench accuracy --tokens``: words tagged content, cue and source, and sentences detected."""

from __future__ import annotations

from quotewire.bench.metrics import Prediction
from quotewire.bench.polnear import parse_record
from quotewire.bench.tokens import format_tokens, score_tokens

TEXT = "Мэр Анна Соболева заявила, что мост откроют летом. Погода была хорошей."


def _span(part: str) -> list[int]:
    start = TEXT.index(part)
    return [start, start + len(part)]


GOLD = parse_record(
    {
        "id": "a",
        "publisher": None,
        "published": None,
        "title": None,
        "text": TEXT,
        "attributions": [
            {
                "content": [_span("мост откроют летом")],
                "cue": [_span("заявила")],
                "sources": [_span("Анна Соболева")],
                "source_kind": "name",
                "source_name": "Анна Соболева",
                "quote_kind": "indirect",
                "speech_cue": True,
            }
        ],
    }
)


def test_words_are_counted_per_role_and_sentences_by_what_they_hold() -> None:
    content = tuple(_span("откроют летом"))
    mention = tuple(_span("Мэр Анна Соболева"))
    prediction = Prediction(
        content=((content[0], content[1]),),
        cue=(mention[0], mention[0] + 3),  # the cue put on "Мэр": wrong
        speaker_mention=(mention[0], mention[1]),
    )
    report = score_tokens([GOLD], {"a": [prediction]})
    content_counts = report.roles["content"]
    assert (content_counts.matched, content_counts.gold, content_counts.unmatched_pred) == (2, 3, 0)
    assert content_counts.precision == 1.0 and round(content_counts.recall, 3) == 0.667
    cue = report.roles["cue"]
    assert (cue.matched, cue.gold, cue.unmatched_pred) == (0, 1, 1) and cue.f1 == 0.0
    source = report.roles["source"]
    assert (source.matched, source.gold, source.unmatched_pred) == (2, 2, 1)
    # two sentences; the first holds the statement in both
    sentences = report.sentences
    assert (sentences.matched, sentences.gold, sentences.unmatched_pred) == (1, 1, 0)
    assert "source" in format_tokens(report) and "sentences" in format_tokens(report)


def test_nothing_predicted_scores_zero_not_an_error() -> None:
    report = score_tokens([GOLD], {})
    assert report.roles["content"].f1 == 0.0 and report.sentences.recall == 0.0
