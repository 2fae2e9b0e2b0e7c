"""Token-level figures of attribution: each word tagged content, cue or source, and each
sentence as holding an attribution or not (``quotewire bench accuracy --tokens``).

This is how sets of hand-tagged sentences are scored (the Russian set quotewire is judged on
tags each token source, cue or content): a word is one run of letters or digits; a gold word
has a role when any gold attribution's span of that role covers it, a predicted word when any
predicted statement's span does (its content pieces, its cue, its speaker's mention in the
text). Precision, recall and F1 per role count words over the whole corpus. A sentence (cut at
a stop, "?", "!" or "…" before a space, and at line breaks) is detected when it holds a word of
a statement's content or cue, in gold and in the prediction alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from quotewire.bench.metrics import PRF, Prediction
from quotewire.bench.polnear import GoldArticle, Offsets

ROLES = ("content", "cue", "source")
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\"”)]*\s+|\n+")


def _add(counts: PRF, gold: set[int], predicted: set[int]) -> None:
    """Count words (or sentences): the gold ones, those also predicted, the others predicted."""
    counts.gold += len(gold)
    counts.matched += len(gold & predicted)
    counts.unmatched_pred += len(predicted - gold)


@dataclass(slots=True)
class TokenReport:
    roles: dict[str, PRF] = field(default_factory=lambda: {r: PRF() for r in ROLES})
    sentences: PRF = field(default_factory=PRF)


def _words_in(words: Sequence[tuple[int, int]], spans: Iterable[Offsets]) -> set[int]:
    found: set[int] = set()
    for start, end in spans:
        found.update(n for n, (s, e) in enumerate(words) if s >= start and e <= end)
    return found


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for cut in _SENTENCE_END.finditer(text):
        bounds.append((start, cut.start()))
        start = cut.end()
    bounds.append((start, len(text)))
    return [(s, e) for s, e in bounds if text[s:e].strip()]


def score_tokens(
    articles: Iterable[GoldArticle], predictions: Mapping[str, Sequence[Prediction]]
) -> TokenReport:
    """The token and sentence figures of ``predictions`` (by article id) on ``articles``."""
    report = TokenReport()
    for article in articles:
        words = [m.span() for m in _WORD.finditer(article.text)]
        predicted = predictions.get(article.id, ())
        gold_spans = {
            "content": [s for a in article.attributions for s in a.content],
            "cue": [s for a in article.attributions for s in a.cue],
            "source": [s for a in article.attributions for s in a.sources],
        }
        mine = {
            "content": [s for p in predicted for s in p.content],
            "cue": [p.cue for p in predicted if p.cue is not None],
            "source": [p.speaker_mention for p in predicted if p.speaker_mention is not None],
        }
        tagged = {}
        for role in ROLES:
            gold, found = _words_in(words, gold_spans[role]), _words_in(words, mine[role])
            _add(report.roles[role], gold, found)
            tagged[role] = (gold, found)
        said_gold = {words[n][0] for n in tagged["content"][0] | tagged["cue"][0]}
        said_mine = {words[n][0] for n in tagged["content"][1] | tagged["cue"][1]}
        sentences = _sentences(article.text)
        _add(
            report.sentences,
            {i for i, (s, e) in enumerate(sentences) if any(s <= w < e for w in said_gold)},
            {i for i, (s, e) in enumerate(sentences) if any(s <= w < e for w in said_mine)},
        )
    return report


def format_tokens(report: TokenReport) -> str:
    lines = ["token-level (words tagged content / cue / source; sentences with a statement)", ""]
    for name, counts in [*report.roles.items(), ("sentences", report.sentences)]:
        lines.append(
            f"{name:<10} P/R/F1 {100 * counts.precision:5.1f}/{100 * counts.recall:5.1f}/"
            f"{100 * counts.f1:5.1f}  (gold {counts.gold:,}, "
            f"predicted {counts.matched + counts.unmatched_pred:,})"
        )
    return "\n".join(lines)
