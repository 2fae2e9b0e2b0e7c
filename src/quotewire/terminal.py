"""What the command line prints for people: counts in words, cells cut with an ellipsis,
tables with a header row. Pure functions over strings; the commands do the printing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

ELLIPSIS = "…"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word`` agreeing: "1 statement", "2 statements", "0 entities"
    (``many`` for a plural that is not ``word`` + "s"; a word ending in a consonant and
    "y" takes "ies")."""
    if count == 1:
        return f"{count:,} {word}"
    if many is None:
        many = (
            word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"
        )
    return f"{count:,} {many}"


def clip(text: str, width: int) -> str:
    """``text`` on one line (runs of white space as one space), at most ``width`` characters:
    cut text ends in an ellipsis, so a reader sees that something is missing."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    return flat[: max(width - 1, 0)] + ELLIPSIS


@dataclass(frozen=True, slots=True)
class Column:
    """A column of :func:`table`: the key of its cells, its header, and its widest cell."""

    key: str
    header: str
    width: int


def table(rows: Sequence[Mapping[str, object]], columns: Sequence[Column]) -> str:
    """``rows`` as a text table: a header row, then one line per row, each cell clipped to its
    column's width (:func:`clip`) and padded to the widest cell of its column; the last column
    is not padded. Empty cells stay empty (None prints as nothing)."""
    cells = [
        [clip("" if row.get(c.key) is None else str(row.get(c.key)), c.width) for c in columns]
        for row in rows
    ]
    headers = [c.header for c in columns]
    widths = [max([len(h), *(len(line[n]) for line in cells)]) for n, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        padded = [v.ljust(w) for v, w in zip(values[:-1], widths[:-1], strict=True)]
        return "  ".join([*padded, values[-1]]).rstrip()

    return "\n".join([line(headers), *(line(values) for values in cells)]) + "\n"
