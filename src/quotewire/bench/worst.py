"""``quotewire bench worst``: extraction time and memory on pathological inputs, at two sizes.

Each *family* is a generator of one kind of hostile input (runs of quotation marks, one quote per
line, thousands of names, unbalanced openers, invisible characters, a paragraph with no
punctuation, long legal text, ...) that makes a text of about ``n`` characters, deterministically.
Every family is run at two sizes, ``n`` and usually ``2n``; the figure that matters is the growth
ratio ``time(large) / time(small)`` scaled to a doubling: about 2 when the time grows linearly, 4
when it grows quadratically. A ratio above the threshold (default 2.5) is flagged.

Every case runs in a subprocess of its own, so that its memory figure is its own: the child loads
the English pipeline, warms up on a small text of the same family (model, caches, lazy imports),
notes its resident-memory high-water mark (``ru_maxrss``), then times one ``run_one`` on the
generated text and reports by how much the high-water mark grew. RSS, unlike ``tracemalloc``,
sees spaCy's and numpy's native allocations, which are most of the memory on large inputs, and
it slows nothing down.

``quotewire bench worst`` exits with 1 when a family is flagged (a ratio above the threshold, or
a case that failed or ran out of time), so that it can gate a change; 0 otherwise. The 5 MB case
of the issue is ``quotewire bench worst --sizes 2500000,5000000 --families legal``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import count

DEFAULT_SIZES = (50_000, 100_000)
DEFAULT_THRESHOLD = 2.5
DEFAULT_TIMEOUT = 600.0
WARMUP_CHARS = 2_000


@dataclass(frozen=True, slots=True)
class Family:
    """One kind of pathological input: ``make(n, rng)`` writes a text of about ``n`` chars."""

    name: str
    description: str
    make: Callable[[int, random.Random], str]


def _fill(pieces: Iterator[str], n: int) -> str:
    """Pieces joined until the text reaches ``n`` characters (cut to ``n`` exactly)."""
    out: list[str] = []
    size = 0
    for piece in pieces:
        out.append(piece)
        size += len(piece)
        if size >= n:
            break
    return "".join(out)[:n]


_FIRST = (
    "Anna Mara Lena Ola Jonas Petra Ivan Sofia Tomas Elena Karin Nils Hugo Vera Rosa Felix "
    "Dana Omar Lucia Pavel Irene Marek Ines Bruno Alma Viktor Greta Emil Nadia Oskar"
).split()
_SYLLABLES = "ber lin dahl vik son hal mar tor kess lund ov ren gal sten berg ström ak ull".split()
_WORDS = (
    "the minister said plan would work and officials told reporters that council members "
    "believe budget needs more time while critics argued tax cuts help nobody but voters "
    "want change soon according to people familiar with talks government will announce "
    "new rules next week"
).split()
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067"


def _surname(i: int) -> str:
    k = len(_SYLLABLES)
    return (_SYLLABLES[i % k] + _SYLLABLES[(i // k) % k] + _SYLLABLES[(i // k // k) % k]).title()


def _name(i: int) -> str:
    return f"{_FIRST[i % len(_FIRST)]} {_surname(i)}"


def _mark_run(n: int, rng: random.Random) -> str:
    head, tail = "The spokesman wrote ", " in reply."
    return (
        head + "".join(rng.choice('"“”') for _ in range(max(1, n - len(head) - len(tail)))) + tail
    )


def _marks(n: int, rng: random.Random) -> str:
    def pieces() -> Iterator[str]:
        for i in count():
            run = "".join(rng.choice('"“”„«»‘’') for _ in range(rng.randint(1, 40)))
            yield f"Line {i} {run} said Ana {run[:3]} "
            if i % 5 == 4:
                yield "\n"

    return _fill(pieces(), n)


def _per_line(n: int, rng: random.Random) -> str:
    return _fill((f'"We will keep promise number {i}," Jane Doe said.\n' for i in count()), n)


def _a_repeated(n: int, rng: random.Random) -> str:
    return _fill(iter(lambda: '"a" ', None), n)


def _paragraphs(n: int, rng: random.Random) -> str:
    kinds = ("It rained on day {i}.", '"Yes," he said.', "Anna Berg agreed.", "No.", "{i}")
    return _fill((kinds[i % len(kinds)].format(i=i) + "\n\n" for i in count()), n)


def _names(n: int, rng: random.Random) -> str:
    def pieces() -> Iterator[str]:
        for i in count():
            a, b, c = _name(3 * i), _name(3 * i + 1), _name(3 * i + 2)
            yield (
                f'"We need the bridge," said {a}, the mayor of {_surname(i + 7)}. '
                f"{b} and {c} met {_surname(3 * i)} on Monday. "
                f"{c.split()[1]} told reporters that {b.split()[1]} was wrong. "
            )
            if i % 3 == 2:
                yield "\n"

    return _fill(pieces(), n)


def _openers(n: int, rng: random.Random) -> str:
    return _fill(
        (f"\u201cUnclosed thought number {i} keeps going \u201cand going\n" for i in count()), n
    )


def _singles(n: int, rng: random.Random) -> str:
    return _fill(iter(lambda: "He wrote \u2018an opener and never a closer ", None), n)


def _invisible(n: int, rng: random.Random) -> str:
    def pieces() -> Iterator[str]:
        for i in count():
            junk = "".join(rng.choice(_INVISIBLE) for _ in range(rng.randint(1, 30)))
            z = rng.choice(_INVISIBLE)
            yield f'"{z}We{z} will{junk} win {i}," {z}said{z} Jane{z} Doe{junk}. {junk}'
            if i % 4 == 3:
                yield "\n"

    return _fill(pieces(), n)


def _no_punct(n: int, rng: random.Random) -> str:
    return _fill((rng.choice(_WORDS) + " " for _ in count()), n).strip() or "word"


def _long_word(n: int, rng: random.Random) -> str:
    head = "The code was "
    return head + "".join(rng.choice("abcdefghij") for _ in range(max(1, n - len(head))))


def _typewriter(n: int, rng: random.Random) -> str:
    return _fill(iter(lambda: "''Yes,'' he said. ``No'' '' `` ", None), n)


def _titles(n: int, rng: random.Random) -> str:
    return _fill(
        (
            f"{_name(i % 7)}, the minister of finance, said the minister would resign. "
            f"The minister agreed, and the {'prime ' if i % 2 else ''}minister said so.\n"
            for i in count()
        ),
        n,
    )


def _debris(n: int, rng: random.Random) -> str:
    lines = (
        "LONDON (Reuters) - The council met on day {i} and said it would vote.",
        "Share on Facebook",
        "Photo: Jane Doe/Reuters",
        "Advertisement",
        "Home | News | World",
        '"We are ready," Mayor Ana Lind said on day {i}.',
    )
    return _fill((lines[i % len(lines)].format(i=i) + "\n" for i in count()), n)


def _legal(n: int, rng: random.Random) -> str:
    def pieces() -> Iterator[str]:
        for i in count(1):
            party, other = _name(i), _name(i + 11)
            amount = f"${rng.randint(1, 900)}.{rng.randint(0, 9)} million"
            yield (
                f"Section {i}.{rng.randint(1, 9)}({'abcdef'[i % 6]})(iii). Subject to the terms "
                f"of this Agreement (the \u201cAgreement\u201d), including without limitation "
                f"Sections {i}.2 and {i}.4, {party} (the \u201cLicensee\u201d) shall pay to "
                f"{other} an amount equal to {amount}, plus interest at 4.{i % 10}% per annum, "
                f"on or before March {i % 28 + 1}, 2019; provided, however, that the Court said "
                f"the payment \u201cshall not be deemed a waiver\u201d of any right, and "
                f"{other.split()[1]} argued that the clause was void.\n\n"
            )

    return _fill(pieces(), n)


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family("mark-run", "one paragraph holding one unbroken run of quotation marks", _mark_run),
        Family("marks", "runs of mixed quotation marks between words", _marks),
        Family("per-line", "one quote per line, each with its cue and speaker", _per_line),
        Family(
            "a-repeated",
            '`"a" ` repeated: thousands of tiny quotations in one paragraph',
            _a_repeated,
        ),
        Family("paragraphs", "many short paragraphs", _paragraphs),
        Family("names", "thousands of distinct names, quoted and mentioned", _names),
        Family(
            "openers", "unbalanced opening marks: one quotation reopened on every line", _openers
        ),
        Family("singles", "single opening marks that never close", _singles),
        Family(
            "invisible", "zero-width and right-to-left characters around every word", _invisible
        ),
        Family("no-punct", "one paragraph of words without any punctuation", _no_punct),
        Family("long-word", "one word of letters with no space in it", _long_word),
        Family(
            "typewriter", "typewriter quotation marks ('' and ``), paired and stray", _typewriter
        ),
        Family("titles", "a few people named again and again by their title", _titles),
        Family("debris", "wire datelines, share buttons, photo credits, navigation lines", _debris),
        Family("legal", "legal-style text: sections, defined terms, amounts, dates", _legal),
    )
}


def make_text(family: str, n: int) -> str:
    """The text of ``family`` at about ``n`` characters (the same text every time)."""
    return FAMILIES[family].make(n, random.Random(f"{family}/{n}"))


@dataclass(frozen=True, slots=True)
class Case:
    """One family at one size, as measured (``error`` set when it failed or timed out)."""

    family: str
    size: int
    chars: int = 0
    seconds: float = 0.0
    peak_growth_mb: float = 0.0
    peak_rss_mb: float = 0.0
    quotes: int = 0
    helper_peak_mb: float = 0.0  # peak resident memory of a helper that shared the parse
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Growth:
    """A family's two cases and how its time grew between them."""

    family: str
    small: Case
    large: Case
    ratio: float | None  # time ratio scaled to a doubling of the input; None when one failed
    flagged: bool


def growth_ratio(small: Case, large: Case) -> float | None:
    """``time(large) / time(small)``, scaled to a doubling of the size: ``r ** (1 / log2(k))``
    for a size factor ``k`` (``r`` itself when ``k`` is 2)."""
    if small.error or large.error or small.seconds <= 0 or small.chars <= 0:
        return None
    factor = large.chars / small.chars
    if factor <= 1:
        return None
    from math import log2

    return float((large.seconds / small.seconds) ** (1 / log2(factor)))


def measure_case(family: str, size: int, timeout: float = DEFAULT_TIMEOUT) -> Case:
    """Run one case in a child process (see the module docstring) and read its report."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "quotewire.bench.worst", family, str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Case(family, size, error=f"over {timeout:.0f} s")
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return Case(family, size, error=f"exit {done.returncode}: {last[:120]}")
    return Case(**json.loads(done.stdout.strip().splitlines()[-1]))


def _child(family: str, size: int) -> None:
    """The child side of :func:`measure_case`: prints one JSON :class:`Case`."""
    import time

    from quotewire.bench.speed import peak_rss_mb
    from quotewire.nlp.english import load_english
    from quotewire.pipeline import Document, run_one

    nlp = load_english()
    run_one(Document(text=make_text(family, WARMUP_CHARS)), nlp=nlp)
    text = make_text(family, size)
    base = peak_rss_mb()
    started = time.perf_counter()
    result = run_one(Document(text=text), nlp=nlp)
    seconds = time.perf_counter() - started
    peak = peak_rss_mb()
    helper = peak_rss_mb(children=True)
    case = Case(family, size, len(text), seconds, peak - base, peak, len(result.quotes), helper)
    print(json.dumps(asdict(case)))


def run_worst(
    families: Sequence[str],
    sizes: tuple[int, int],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    timeout: float = DEFAULT_TIMEOUT,
    progress: Callable[[Case], None] | None = None,
) -> list[Growth]:
    """Every family at both sizes, each case in a child process of its own."""
    out = []
    for family in families:
        small, large = (measure_case(family, n, timeout) for n in sizes)
        if progress is not None:
            progress(small)
            progress(large)
        ratio = growth_ratio(small, large)
        flagged = bool(small.error or large.error) or (ratio is not None and ratio > threshold)
        out.append(Growth(family, small, large, ratio, flagged))
    return out


def format_worst(rows: Sequence[Growth], threshold: float) -> str:
    """A fixed-width table: per family, chars, seconds and memory at both sizes, and the ratio."""
    header = ("family", "chars", "s", "MB", "chars", "s", "MB", "ratio", "")
    lines = [header]

    def cells(case: Case) -> tuple[str, str, str]:
        if case.error:
            return f"{case.size:,}", case.error, "-"
        memory = f"{case.peak_growth_mb:.0f}"
        if case.helper_peak_mb:
            memory += f" +{case.helper_peak_mb:.0f}h"
        return f"{case.chars:,}", f"{case.seconds:.2f}", memory

    for row in rows:
        ratio = "-" if row.ratio is None else f"{row.ratio:.2f}"
        flag = "SUPER-LINEAR" if row.flagged and row.ratio is not None else ""
        flag = flag or ("FAILED" if row.flagged else "")
        lines.append((row.family, *cells(row.small), *cells(row.large), ratio, flag))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        ).rstrip()
        for line in lines
    ]
    flagged = [r.family for r in rows if r.flagged]
    text += [
        "",
        "s: seconds of one run_one; MB: growth of peak resident memory over the warmed-up process",
        "(+Nh: peak resident memory of the forked helper that shared a large parse, most of it",
        "pages it shares with the process);",
        f"ratio: time growth per doubling of the input (2 = linear, 4 = quadratic; "
        f"flagged above {threshold}).",
        f"flagged: {', '.join(flagged)}" if flagged else "no family flagged",
    ]
    return "\n".join(text) + "\n"


def to_json(rows: Sequence[Growth], threshold: float) -> str:
    return json.dumps({"threshold": threshold, "families": [asdict(r) for r in rows]}, indent=2)


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]))

__all__ = [
    "FAMILIES",
    "Case",
    "Family",
    "Growth",
    "format_worst",
    "growth_ratio",
    "make_text",
    "measure_case",
    "run_worst",
    "to_json",
]
