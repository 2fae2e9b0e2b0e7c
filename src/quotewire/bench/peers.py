"""Peer systems to compare quotewire with on PolNeAR.

* :func:`textacy_predict`: textacy's ``direct_quotations`` on a spaCy parse, retried paragraph
  by paragraph when textacy refuses the whole document (it bails out on an odd number of
  quotation marks).
* :func:`regex_baseline_predict`: quotation marks plus the nearest PERSON entity.

Both take a loaded spaCy ``Language`` and return a predict function for
:func:`quotewire.bench.accuracy.evaluate`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from quotewire.bench.accuracy import PredictFn
from quotewire.bench.metrics import Prediction
from quotewire.bench.polnear import GoldArticle, Offsets
from quotewire.errors import QuotewireError
from quotewire.text.paragraphs import split_paragraphs

TEXTACY_MISSING = "textacy is not installed; pip install 'quotewire[peers]'"


def paragraphs(text: str) -> list[Offsets]:
    """``[start, end)`` of each non-blank line of ``text``, surrounding whitespace trimmed."""
    return [(p.start, p.end) for p in split_paragraphs(text)]


def _load_direct_quotations() -> Callable[[Any], Iterable[Any]]:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise QuotewireError(TEXTACY_MISSING) from exc
    fn: Callable[[Any], Iterable[Any]] = direct_quotations
    return fn


def _token_cover(tokens: Sequence[Any], offset: int) -> Offsets | None:
    if not tokens:
        return None
    start = min(int(t.idx) for t in tokens)
    end = max(int(t.idx) + len(t.text) for t in tokens)
    return (start + offset, end + offset)


def triple_to_prediction(text: str, triple: Any, offset: int = 0) -> Prediction:
    """A textacy ``DQTriple`` (speaker tokens, cue tokens, content span) as a prediction.

    ``offset`` is where the parsed text starts in ``text`` (non-zero for a paragraph).
    """
    content = triple.content
    speaker = sorted(triple.speaker, key=lambda t: t.i)
    cue = sorted(triple.cue, key=lambda t: t.i)
    return Prediction.of(
        text,
        [(int(content.start_char) + offset, int(content.end_char) + offset)],
        cue=_token_cover(cue, offset),
        speaker_mention=_token_cover(speaker, offset),
        speaker_name=" ".join(t.text for t in speaker) or None,
    )


def textacy_predict(nlp: Any) -> PredictFn:
    """A predict function running textacy ``direct_quotations`` on ``nlp``'s parse.

    When textacy raises on the whole article, each paragraph (non-blank line) is parsed and
    tried on its own; paragraphs that still fail are skipped. Raises
    :class:`~quotewire.errors.QuotewireError` when textacy is not installed.
    """
    direct_quotations = _load_direct_quotations()

    def predict(article: GoldArticle) -> list[Prediction]:
        text = article.text
        doc = nlp(text)
        try:
            return [triple_to_prediction(text, t) for t in direct_quotations(doc)]
        except Exception:
            pass
        out: list[Prediction] = []
        paras = paragraphs(text)
        for (start, _end), pdoc in zip(paras, nlp.pipe(text[s:e] for s, e in paras), strict=True):
            try:
                triples = list(direct_quotations(pdoc))
            except Exception:
                continue
            out.extend(triple_to_prediction(text, t, start) for t in triples)
        return out

    return predict


# --------------------------------------------------------------------------- regex baseline

_QUOTED = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"|''[^'\n]+(?:'[^'\n]+)*''|«[^«»\n]+»")
_MIN_WORDS = 3
_MAX_GAP = 80  # characters between the halves of a split quote ("A," he said, "B.")

SPEECH_VERBS = frozenset(
    str.split(
        """
    say tell state add note claim argue announce write ask insist explain warn declare report
    reply respond answer remark comment suggest acknowledge admit confirm deny assert maintain
    contend predict promise vow pledge threaten urge call describe recall recount repeat reiterate
    stress emphasize emphasise observe mention complain charge accuse allege tweet post testify
    concede conclude reveal disclose joke quip boast brag retort counter continue speak talk shout
    yell whisper scream lament criticize criticise praise question caution advise recommend
    propose demand inform assure reassure proclaim affirm swear clarify elaborate echo blast slam
    denounce condemn decline
    """
    )
)


def quoted_spans(text: str) -> list[list[Offsets]]:
    """Stretches in quotation marks, the halves of ``"A," he said, "B."`` kept together."""
    found = [
        (m.start(), m.end()) for m in _QUOTED.finditer(text) if len(m.group().split()) >= _MIN_WORDS
    ]
    groups: list[list[Offsets]] = []
    for start, end in found:
        if groups:
            prev_start, prev_end = groups[-1][-1]
            gap = text[prev_end:start]
            inner_tail = text[prev_start:prev_end].rstrip("”\"'» ")
            if (
                len(gap) <= _MAX_GAP
                and "\n" not in gap
                and inner_tail.endswith(",")
                and not re.search(r"[.!?]", gap)
            ):
                groups[-1].append((start, end))
                continue
        groups.append([(start, end)])
    return groups


def _surname(name: str) -> str:
    parts = name.split()
    return parts[-1].casefold() if parts else ""


def regex_baseline_predict(nlp: Any) -> PredictFn:
    """Quotation marks plus the nearest PERSON entity (and nearest speech verb as cue).

    The speaker's name is the fullest PERSON entity in the article with the same last word.
    """

    def predict(article: GoldArticle) -> list[Prediction]:
        text = article.text
        doc = nlp(text)
        persons = [(e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ == "PERSON"]
        fullest: dict[str, str] = {}
        for _, _, name in persons:
            key = _surname(name)
            if len(name) > len(fullest.get(key, "")):
                fullest[key] = name
        verbs = [
            (t.idx, t.idx + len(t.text))
            for t in doc
            if t.pos_ == "VERB" and t.lemma_.casefold() in SPEECH_VERBS
        ]
        paras = paragraphs(text)
        out: list[Prediction] = []
        for group in quoted_spans(text):
            lo = group[0][0]
            para = next(((s, e) for s, e in paras if s <= lo < e), (0, len(text)))
            person = _nearest(group, [(s, e) for s, e, _ in persons if para[0] <= s < para[1]])
            cue = _nearest(group, [v for v in verbs if para[0] <= v[0] < para[1]])
            name = None
            if person is not None:
                name = text[person[0] : person[1]]
                name = fullest.get(_surname(name), name)
            out.append(
                Prediction.of(text, group, cue=cue, speaker_mention=person, speaker_name=name)
            )
        return out

    return predict


def _nearest(group: Sequence[Offsets], spans: Iterable[Offsets]) -> Offsets | None:
    """The span nearest to the quote ``group`` that is not inside it (gaps between its parts
    count as distance 0: the speaker of ``"A," he said, "B."`` sits there)."""
    lo, hi = group[0][0], group[-1][1]
    gaps = list(itertools.pairwise(group))
    best: Offsets | None = None
    best_d = 0
    for span in spans:
        in_gap = any(span[0] >= a[1] and span[1] <= b[0] for a, b in gaps)
        if not (in_gap or span[1] <= lo or span[0] >= hi):
            continue
        d = 0 if in_gap else max(lo - span[1], span[0] - hi, 0)
        if best is None or d < best_d:
            best, best_d = span, d
    return best


__all__ = [
    "SPEECH_VERBS",
    "TEXTACY_MISSING",
    "paragraphs",
    "quoted_spans",
    "regex_baseline_predict",
    "textacy_predict",
    "triple_to_prediction",
]
