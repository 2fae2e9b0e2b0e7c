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
    assert (content_counts.both, content_counts.gold, content_counts.predicted) == (2, 3, 2)
    assert content_counts.precision == 1.0 and round(content_counts.recall, 3) == 0.667
    cue = report.roles["cue"]
    assert (cue.both, cue.gold, cue.predicted) == (0, 1, 1) and cue.f1 == 0.0
    source = report.roles["source"]
    assert (source.both, source.gold, source.predicted) == (2, 2, 3)
    # two sentences; the first holds the statement in both
    assert (report.sentences.both, report.sentences.gold, report.sentences.predicted) == (1, 1, 1)
    assert "source" in format_tokens(report) and "sentences" in format_tokens(report)


def test_nothing_predicted_scores_zero_not_an_error() -> None:
    report = score_tokens([GOLD], {})
    assert report.roles["content"].f1 == 0.0 and report.sentences.recall == 0.0
