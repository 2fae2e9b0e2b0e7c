"""Speed of a pipeline compared with the spaCy parse alone, measured in the same process.

The parse alone is the floor any spaCy-based extractor pays, so the useful figure is the ratio
``pipeline rate / parse rate`` (1.0 = the pipeline costs nothing beyond the parse), which holds
across machines better than articles per second do.
"""

from __future__ import annotations

import resource
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

WARMUP_TEXTS = 3


@dataclass(frozen=True)
class SpeedReport:
    """Timings of one :func:`measure_speed` run; seconds are the best of ``repeat`` runs."""

    n_texts: int
    n_chars: int
    repeat: int
    pipeline_seconds: float
    parse_seconds: float
    pipeline_cpu_seconds: float
    parse_cpu_seconds: float
    peak_rss_mb: float  # peak resident memory of the process (ru_maxrss) at the end
    warm_rss_mb: float  # the same, after the warm-up

    @property
    def pipeline_articles_per_s(self) -> float:
        return _rate(self.n_texts, self.pipeline_seconds)

    @property
    def pipeline_chars_per_s(self) -> float:
        return _rate(self.n_chars, self.pipeline_seconds)

    @property
    def parse_articles_per_s(self) -> float:
        return _rate(self.n_texts, self.parse_seconds)

    @property
    def parse_chars_per_s(self) -> float:
        return _rate(self.n_chars, self.parse_seconds)

    @property
    def ratio(self) -> float:
        """Pipeline rate / parse rate (= parse time / pipeline time); 1.0 means no overhead."""
        return self.parse_seconds / self.pipeline_seconds if self.pipeline_seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            pipeline_articles_per_s=self.pipeline_articles_per_s,
            pipeline_chars_per_s=self.pipeline_chars_per_s,
            parse_articles_per_s=self.parse_articles_per_s,
            parse_chars_per_s=self.parse_chars_per_s,
            ratio=self.ratio,
        )
        return data


def _rate(amount: int, seconds: float) -> float:
    return amount / seconds if seconds > 0 else 0.0


def peak_rss_mb(*, children: bool = False) -> float:
    """Peak resident set size of this process so far, in MiB (``ru_maxrss``); with
    ``children``, that of the largest of its ended child processes (0 when there were none)."""
    peak = resource.getrusage(
        resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    ).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_speed(
    texts: list[str],
    pipeline_fn: Callable[[str], object],
    parse_fn: Callable[[list[str]], object],
    *,
    repeat: int = 1,
    warmup: int = WARMUP_TEXTS,
) -> SpeedReport:
    """Time ``pipeline_fn`` over every text and ``parse_fn`` over the list, in this process.

    ``pipeline_fn`` analyses one text the way users would call it; ``parse_fn`` is the spaCy
    parse alone, e.g. ``lambda ts: list(nlp.pipe(ts))``. Both run on the first ``warmup`` texts
    first, outside the timing (model loading, lazy initialisation, caches). Each of the
    ``repeat`` rounds times the parse, then the pipeline; the best (lowest) time of each is kept.
    Memory is the process's peak resident size, which includes the parse and the pipeline.
    """
    if not texts:
        raise ValueError("no texts to time")
    if repeat < 1:
        raise ValueError(f"repeat must be >= 1, got {repeat}")
    head = texts[: max(0, warmup)]
    if head:
        parse_fn(list(head))
        for text in head:
            pipeline_fn(text)
    warm_rss = peak_rss_mb()

    def run_pipeline() -> None:
        for text in texts:
            pipeline_fn(text)

    def run_parse() -> None:
        parse_fn(list(texts))

    parse_best = pipe_best = (float("inf"), float("inf"))
    for _ in range(repeat):
        parse_best = min(parse_best, _timed(run_parse))
        pipe_best = min(pipe_best, _timed(run_pipeline))
    return SpeedReport(
        n_texts=len(texts),
        n_chars=sum(len(t) for t in texts),
        repeat=repeat,
        pipeline_seconds=pipe_best[0],
        parse_seconds=parse_best[0],
        pipeline_cpu_seconds=pipe_best[1],
        parse_cpu_seconds=parse_best[1],
        peak_rss_mb=peak_rss_mb(),
        warm_rss_mb=warm_rss,
    )


def format_speed(report: SpeedReport) -> str:
    """A small fixed-width table of a :class:`SpeedReport`."""
    rows = [
        ("", "articles/s", "chars/s", "wall s", "cpu s"),
        (
            "pipeline",
            f"{report.pipeline_articles_per_s:.2f}",
            f"{report.pipeline_chars_per_s:,.0f}",
            f"{report.pipeline_seconds:.2f}",
            f"{report.pipeline_cpu_seconds:.2f}",
        ),
        (
            "spaCy parse alone",
            f"{report.parse_articles_per_s:.2f}",
            f"{report.parse_chars_per_s:,.0f}",
            f"{report.parse_seconds:.2f}",
            f"{report.parse_cpu_seconds:.2f}",
        ),
    ]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [
        f"Speed over {report.n_texts} texts ({report.n_chars:,} chars), best of {report.repeat}",
        "",
    ]
    for r in rows:
        lines.append(
            "  ".join(
                [r[0].ljust(widths[0])]
                + [c.rjust(w) for c, w in zip(r[1:], widths[1:], strict=True)]
            )
        )
    lines += [
        "",
        f"pipeline rate / parse rate: {report.ratio:.2f}",
        f"peak memory (ru_maxrss): {report.peak_rss_mb:.0f} MiB"
        f" (after warm-up: {report.warm_rss_mb:.0f} MiB)",
    ]
    return "\n".join(lines) + "\n"


__all__ = ["SpeedReport", "format_speed", "measure_speed", "peak_rss_mb"]
