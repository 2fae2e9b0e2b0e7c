"""Pathological inputs: the work of extraction grows linearly with the input, memory stays
bounded, and huge paragraphs are parsed (in pieces) with exact offsets.

No test here times anything: work is counted (calls into quotewire's own code, calls of a
helper), memory is bounded by a limit put on a subprocess, and timeouts are only safety nets.
"""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import quotewire
from quotewire.bench.worst import FAMILIES, make_text
from quotewire.nlp.english import load_english, parse_paragraphs
from quotewire.pipeline import Document, run_one
from quotewire.quotes import assemble as assembly
from quotewire.quotes.frame import Found, MentionRef

SAFETY_TIMEOUT = 900  # seconds; a net against hangs, not a measure


def _spans_hold(result: quotewire.Result) -> None:
    text = result.article.text
    spans = [s for q in result.quotes for s in (*q.content, *q.insertions)]
    spans += [q.cue for q in result.quotes if q.cue]
    spans += [q.speaker.mention for q in result.quotes if q.speaker and q.speaker.mention]
    spans += [m for e in result.entities for m in e.mentions]
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


# --- huge paragraphs ------------------------------------------------------------------------


def test_a_paragraph_over_a_million_characters_is_extracted_with_exact_offsets() -> None:
    """spaCy refuses a text over a million characters (E088); the paragraph is parsed in
    pieces, and what is found in its first and last words points into the article."""
    filler = ("abcdefghij" * 5 + " ") * 21_600  # 1,101,600 characters, no punctuation
    text = '"We will win the vote," Mayor Ana Lind said. ' + filler + '"We lost," Ola Dahl said.'
    assert "\n" not in text and len(text) > 1_100_000
    result = quotewire.extract(text)
    said = {q.text: q.speaker.name if q.speaker else None for q in result.quotes}
    assert said.get("We will win the vote") == "Ana Lind"
    assert said.get("We lost") == "Ola Dahl"
    _spans_hold(result)


_MEMORY_CHILD = """
import resource, sys
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from quotewire.bench.worst import make_text
from quotewire.pipeline import Document, run_one
text = make_text("no-punct", 1_000_000)
assert "\\n" not in text
result = run_one(Document(text=text))
assert result.article.text == text
print("done", len(result.quotes))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux's")
def test_a_megabyte_paragraph_without_punctuation_fits_in_a_bounded_address_space() -> None:
    """One paragraph of 1 MB with no punctuation took 2.4 GB; under a 1.5 GB address-space
    limit (model, libraries and all) it must be extracted."""
    limit = 1536 * 1024 * 1024
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(limit)],
        capture_output=True,
        text=True,
        timeout=SAFETY_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("done")


class _Spy:
    """An English pipeline that records the texts it is given to parse."""

    def __init__(self, nlp: Any) -> None:
        self._nlp = nlp
        self.texts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._nlp, name)

    def pipe(self, texts: Any, **kwargs: Any) -> Any:
        texts = list(texts)  # texts, or documents already tokenized
        self.texts += [getattr(t, "text", t) for t in texts]
        return self._nlp.pipe(texts, **kwargs)


def test_long_runs_of_punctuation_are_broken_up_before_the_tokenizer() -> None:
    """spaCy's tokenizer peels a run of quotation marks one mark at a time, copying the rest
    of the run each time: the parser never gets such a run longer than ``MAX_RUN``, and the
    article's offsets hold."""
    from quotewire.nlp.english import MAX_PIECE, MAX_RUN

    run = "".join(random.Random(1).choice('"“”)#') for _ in range(5_000))
    text = f'"We will stay," Mayor Ana Lind said. She wrote {run} in reply.'
    spy = _Spy(load_english())
    parsed = parse_paragraphs(text, [(0, 0, len(text))], nlp=spy)
    longest = max(len(m.group()) for t in spy.texts for m in re.finditer(r"[^\w\s]+", t))
    assert longest <= MAX_RUN
    for pp in parsed:  # one character for one: the offsets of every token hold
        assert len(pp.doc.text) <= MAX_PIECE
        piece = text[pp.offset : pp.offset + len(pp.doc.text)]
        assert all(a == b or b == " " for a, b in zip(piece, pp.doc.text, strict=True))
    result = run_one(Document(text=text), nlp=spy)
    assert result.article.text == text
    assert [q.text for q in result.quotes][:1] == ["We will stay"]
    _spans_hold(result)


def test_a_long_paragraph_is_cut_after_sentence_ends_into_bounded_pieces() -> None:
    from quotewire.nlp.english import MAX_PIECE, pieces

    sentence = "The council met again and the mayor said the plan would work. "
    text = sentence * 400
    end = len(text.rstrip())
    cut = pieces(text, 0, end)
    assert len(cut) > 1
    assert all(0 < e - s <= MAX_PIECE for s, e in cut)
    assert cut[0][0] == 0 and cut[-1][1] == end
    for (_, stop), (start, _) in pairwise(cut):
        assert text[stop - 1] == "." and not text[stop:start].strip()
    assert pieces(text, 0, 3_000) == [(0, 3_000)]
    words = "x" * 12_000  # no space at all: cut at the limit
    assert pieces(words, 0, len(words)) == [(0, 5_000), (5_000, 10_000), (10_000, 12_000)]


# --- work grows linearly --------------------------------------------------------------------


def _work(text: str, nlp: Any) -> int:
    """Calls into quotewire's own functions (comprehensions included) while extracting."""
    calls = 0

    def count(frame: Any, event: str, arg: Any) -> None:
        nonlocal calls
        if event == "call" and "quotewire" in frame.f_code.co_filename:
            calls += 1

    sys.setprofile(count)
    try:
        run_one(Document(text=text), nlp=nlp)
    finally:
        sys.setprofile(None)
    return calls


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_work_grows_linearly_on_every_pathological_family(family: str) -> None:
    """Doubling the input at most about doubles the calls made in quotewire's own code (4x for
    the pairwise comparisons and per-quotation rescans this guards against)."""
    nlp = load_english()
    run_one(Document(text=make_text(family, 500)), nlp=nlp)  # lazy imports, caches
    small, large = (_work(make_text(family, n), nlp) for n in (6_000, 12_000))
    assert large <= 2.5 * small, f"{family}: {small} -> {large} calls"


def _statements(n: int) -> list[Found]:
    """``n`` statements side by side, each with its own cue and speaker."""
    out = []
    for i in range(n):
        start = 100 * i
        out.append(
            Found(
                type="direct" if i % 2 else "indirect",
                content=[(start, start + 60)],
                cue=(start + 70, start + 74),
                speaker=MentionRef(start + 80, start + 90, "name", f"p{i}"),
                confidence=0.9,
                paragraph=i,
                weak=i % 3 == 0,
            )
        )
    return out


def test_assembly_relates_statements_without_comparing_every_pair(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    for name in ("_size", "_encloses"):
        helper = getattr(assembly, name)

        def counted(*args: Any, _helper: Any = helper) -> Any:
            nonlocal calls
            calls += 1
            return _helper(*args)

        monkeypatch.setattr(assembly, name, counted)
    n = 1_500
    out = assembly.assemble(_statements(n), credited=None, text=" " * (100 * n))
    assert len(out) == n
    assert calls <= 10 * n, calls


# --- the indexes ----------------------------------------------------------------------------


def _triples(rng: random.Random) -> Iterator[tuple[int, int, int]]:
    for n in range(rng.randint(0, 40)):
        s = rng.randint(0, 100)
        yield s, s + rng.randint(-5, 30), n


@pytest.mark.parametrize("seed", range(30))
def test_interval_index_answers_as_a_scan_would(seed: int) -> None:
    from quotewire.quotes.intervals import IntervalIndex

    rng = random.Random(seed)
    triples = list(_triples(rng))
    index = IntervalIndex(triples)
    for _ in range(50):
        lo = rng.randint(-5, 130)
        hi = lo + rng.randint(-3, 20)
        found = sorted(t for t in index.overlapping(lo, hi))
        assert found == sorted(t for t in triples if t[0] < hi and t[1] > lo)
        pos = rng.randint(-5, 130)
        assert sorted(index.containing(pos)) == sorted(n for s, e, n in triples if s <= pos < e)


@pytest.mark.parametrize("seed", range(10))
def test_live_points_skip_struck_points(seed: int) -> None:
    from quotewire.quotes.intervals import LivePoints

    rng = random.Random(seed)
    points = [(rng.randint(0, 50), n) for n in range(40)]
    live = LivePoints(points)
    struck: set[int] = set()
    for _ in range(60):
        key = rng.randrange(40)
        live.strike(key)
        struck.add(key)
        lo = rng.randint(0, 50)
        hi = lo + rng.randint(0, 20)
        expected = [k for p, k in sorted(points) if lo <= p < hi and k not in struck]
        assert live.between(lo, hi) == expected


# --- the bench command ----------------------------------------------------------------------


def _quotewire(*args: str) -> subprocess.CompletedProcess[str]:
    script = shutil.which("quotewire", path=str(Path(sys.executable).parent))
    command = [script] if script else [sys.executable, "-m", "quotewire.cli"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=SAFETY_TIMEOUT, check=False
    )


def test_bench_worst_prints_each_family_at_two_sizes_with_its_growth_ratio() -> None:
    # at these sizes timings are noise: the threshold is set out of reach, the format is tested
    done = _quotewire(
        "bench", "worst", "--sizes", "2000,4000", "--families", "per-line,openers",
        "--threshold", "1000",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split() for line in done.stdout.splitlines() if line.strip()}
    assert {"per-line", "openers"} <= rows.keys()
    for family in ("per-line", "openers"):
        row = rows[family]
        assert row[1] == "2,000" and row[4] == "4,000"  # chars, s, MB at each size
        assert float(row[7]) > 0  # the ratio
    assert "no family flagged" in done.stdout


def test_bench_worst_reports_json_and_refuses_bad_sizes() -> None:
    done = _quotewire(
        "bench", "worst", "--sizes", "1000,2000", "--families", "long-word", "--json"
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    (row,) = report["families"]
    assert row["family"] == "long-word" and row["flagged"] is False
    assert row["small"]["chars"] == 1000 and row["large"]["chars"] == 2000
    bad = _quotewire("bench", "worst", "--sizes", "5000")
    assert bad.returncode != 0 and "--sizes" in bad.stderr
    unknown = _quotewire("bench", "worst", "--families", "nonsense")
    assert unknown.returncode != 0 and "nonsense" in unknown.stderr
