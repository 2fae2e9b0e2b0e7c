"""The settings of a run, kept apart from the pipeline so that a command reads them without
loading the NLP stack (``quotewire spark``'s driver never analyses an article)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from quotewire.ingest.files import MAX_BYTES


@dataclass(frozen=True, slots=True)
class Options:
    """Settings for a run (picklable, so a process pool runs exactly what the CLI runs).

    ``reference_date`` supplies the year of a dateline that has none; ``max_chars`` is the size
    limit of one article (longer inputs are refused); ``language`` forces the language the
    articles are read in (a code of :data:`quotewire.lang.CODES`; None: told from each text).
    """

    reference_date: date | None = None
    max_chars: int = MAX_BYTES
    language: str | None = None


def run_options(args: Any) -> Options:
    """The :class:`Options` a command's parsed arguments ask for (``--reference-date``,
    ``--language``): one reading for ``extract``, ``claims``, ``ingest`` and ``spark``."""
    return Options(
        reference_date=getattr(args, "reference_date", None),
        language=getattr(args, "language", None),
    )
