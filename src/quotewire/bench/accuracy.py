"""Accuracy on PolNeAR: run a system over gold articles, score it, print and explain the result."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quotewire.bench.metrics import (
    CATEGORIES,
    DEFAULT_THRESHOLDS,
    HEADLINE_THRESHOLD,
    PRF,
    SOURCE_KINDS,
    ArticleScore,
    AttributionCounts,
    Category,
    Matching,
    Prediction,
    Ratio,
    canonical_speaker_correct,
    charset,
    gold_categories,
    overlap_ratio,
    score_article,
    speaker_correct,
    sum_prf,
)
from quotewire.bench.polnear import GoldArticle, GoldAttribution, Offsets

if TYPE_CHECKING:
    from quotewire.model import Quote

PredictFn = Callable[[GoldArticle], list[Prediction]]


@dataclass
class AccuracyReport:
    """A system's scores on a set of gold articles (micro-averaged over articles)."""

    n_articles: int
    n_gold: int
    n_pred: int
    thresholds: tuple[float, ...]
    attribution_threshold: float
    prf: dict[float, dict[Category, PRF]]  # threshold -> category -> counts
    attribution: AttributionCounts  # speakers (lenient, canonical, per kind) and cues
    by_publisher: dict[str, dict[Category, PRF]]  # at attribution_threshold
    seconds: float = 0.0  # wall time spent in the predict function
    articles: list[ArticleScore] = field(default_factory=list, repr=False)

    def f1(self, category: Category, threshold: float = HEADLINE_THRESHOLD) -> float:
        return self.prf[threshold][category].f1

    @property
    def speaker(self) -> dict[Category, Ratio]:
        """Lenient speaker accuracy (a mention overlapping the gold source counts)."""
        return self.attribution.speaker

    @property
    def canonical(self) -> dict[Category, Ratio]:
        """Canonical speaker accuracy (the right person by name)."""
        return self.attribution.canonical

    @property
    def cue(self) -> dict[Category, Ratio]:
        return self.attribution.cue

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (thresholds become strings such as ``"0.5"``)."""
        return {
            "n_articles": self.n_articles,
            "n_gold": self.n_gold,
            "n_pred": self.n_pred,
            "thresholds": list(self.thresholds),
            "attribution_threshold": self.attribution_threshold,
            "prf": {
                str(t): {c: counts.to_dict() for c, counts in by_cat.items()}
                for t, by_cat in self.prf.items()
            },
            "speaker_accuracy": {c: r.to_dict() for c, r in self.speaker.items()},
            "canonical_speaker_accuracy": {c: r.to_dict() for c, r in self.canonical.items()},
            "speaker_accuracy_by_kind": _by_kind(self.attribution.speaker_by_kind),
            "canonical_speaker_accuracy_by_kind": _by_kind(self.attribution.canonical_by_kind),
            "cue_accuracy": {c: r.to_dict() for c, r in self.cue.items()},
            "by_publisher": {
                pub: {c: counts.to_dict() for c, counts in by_cat.items()}
                for pub, by_cat in sorted(self.by_publisher.items())
            },
            "seconds": self.seconds,
        }


def aggregate(
    scores: Sequence[ArticleScore],
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    *,
    attribution_threshold: float = HEADLINE_THRESHOLD,
    seconds: float = 0.0,
) -> AccuracyReport:
    """Sum per-article scores into one report."""
    pubs: dict[str, list[ArticleScore]] = {}
    for s in scores:
        pubs.setdefault(s.publisher, []).append(s)
    headline = attribution_threshold if attribution_threshold in thresholds else thresholds[0]
    return AccuracyReport(
        n_articles=len(scores),
        n_gold=sum(s.n_gold for s in scores),
        n_pred=sum(s.n_pred for s in scores),
        thresholds=tuple(thresholds),
        attribution_threshold=attribution_threshold,
        prf={t: sum_prf(s.prf[t] for s in scores) for t in thresholds},
        attribution=_sum_attribution(s.attribution for s in scores),
        by_publisher={
            pub: sum_prf(s.prf[headline] for s in group) for pub, group in sorted(pubs.items())
        },
        seconds=seconds,
        articles=list(scores),
    )


def _sum_attribution(parts: Iterable[AttributionCounts]) -> AttributionCounts:
    total = AttributionCounts()
    for part in parts:
        total.add(part)
    return total


def _by_kind(ratios: dict[str, dict[Category, Ratio]]) -> dict[str, Any]:
    return {kind: {c: r.to_dict() for c, r in by_cat.items()} for kind, by_cat in ratios.items()}


def evaluate(
    articles: Iterable[GoldArticle],
    predict: PredictFn,
    *,
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    attribution_threshold: float = HEADLINE_THRESHOLD,
) -> AccuracyReport:
    """Run ``predict`` on every article and score it against the gold attributions.

    Matching is done once per article and threshold against all gold attributions; the
    categories only decide what is counted (see :mod:`quotewire.bench.metrics`). Speaker and
    cue accuracy and the per-publisher breakdown use ``attribution_threshold`` (0.5).
    """
    thresholds = tuple(thresholds)
    if not thresholds:
        raise ValueError("at least one threshold is needed")
    scores: list[ArticleScore] = []
    seconds = 0.0
    for article in articles:
        start = time.perf_counter()
        predictions = list(predict(article))
        seconds += time.perf_counter() - start
        scores.append(
            score_article(
                article, predictions, thresholds, attribution_threshold=attribution_threshold
            )
        )
    return aggregate(
        scores, thresholds, attribution_threshold=attribution_threshold, seconds=seconds
    )


def predictions_from_quotes(quotes: Iterable[Quote]) -> list[Prediction]:
    """quotewire's quotes as predictions (``has_quote_mark`` is left for the scorer to compute)."""
    out: list[Prediction] = []
    for q in quotes:
        speaker = q.speaker
        mention = speaker.mention if speaker is not None else None
        out.append(
            Prediction(
                content=tuple(sorted((s.start, s.end) for s in q.content)),
                cue=(q.cue.start, q.cue.end) if q.cue is not None else None,
                speaker_mention=(mention.start, mention.end) if mention is not None else None,
                speaker_name=speaker.name if speaker is not None else None,
            )
        )
    return out


# --------------------------------------------------------------------------- formatting


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}"


def _prf_cell(c: PRF) -> str:
    return f"{_pct(c.precision)}/{_pct(c.recall)}/{_pct(c.f1)}"


def _ratio_cell(r: Ratio) -> str:
    return f"{_pct(r.value)} ({r.correct}/{r.total})"


def _kind_cell(report: AccuracyReport, kind: str) -> str:
    lenient = report.attribution.speaker_by_kind[kind]
    strict = report.attribution.canonical_by_kind[kind]
    return "; ".join(
        f"{_pct(lenient[c].value)} / {_pct(strict[c].value)} (n={strict[c].total})"
        for c in ("direct", "speech")
    )


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [cell.rjust(widths[i + 1]) for i, cell in enumerate(cells[1:])]
        return "  ".join([first, *rest]).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(row) if row[1:] else row[0] for row in rows)
    return out


def format_report(reports: dict[str, AccuracyReport]) -> str:
    """Systems side by side in a fixed-width table, then the per-publisher breakdown."""
    if not reports:
        return "(no systems)"
    names = list(reports)
    first = reports[names[0]]
    thresholds = sorted({t for r in reports.values() for t in r.thresholds})
    att = first.attribution_threshold
    rows: list[list[str]] = []
    blank = ["" for _ in names]
    for t in thresholds:
        for c in CATEGORIES:
            rows.append(
                [f"{c} P/R/F1 @{t:g}"]
                + [_prf_cell(r.prf[t][c]) if t in r.prf else "" for r in reports.values()]
            )
    rows.append(["", *blank])
    for c in ("direct", "speech", "all"):
        rows.append(
            [f"speaker acc {c} @{att:g}"] + [_ratio_cell(r.speaker[c]) for r in reports.values()]
        )
    for c in ("direct", "speech", "all"):
        rows.append(
            [f"canonical speaker acc {c} @{att:g}"]
            + [_ratio_cell(r.canonical[c]) for r in reports.values()]
        )
    for kind in SOURCE_KINDS:
        rows.append(
            [f"  by {kind} source, lenient / canonical (direct; speech)"]
            + [_kind_cell(r, kind) for r in reports.values()]
        )
    for c in ("direct", "speech", "all"):
        rows.append([f"cue acc {c} @{att:g}"] + [_ratio_cell(r.cue[c]) for r in reports.values()])
    rows.append(["", *blank])
    rows.append(["articles"] + [str(r.n_articles) for r in reports.values()])
    rows.append(["gold / predicted"] + [f"{r.n_gold} / {r.n_pred}" for r in reports.values()])
    rows.append(
        ["predict articles/s"]
        + [f"{r.n_articles / r.seconds:.2f}" if r.seconds > 0 else "—" for r in reports.values()]
    )
    lines = ["PolNeAR accuracy (P/R/F1 in %)", ""]
    lines += _table(["metric", *names], rows)

    pubs = sorted({p for r in reports.values() for p in r.by_publisher})
    if pubs:
        prow: list[list[str]] = []
        for pub in pubs:
            cells = []
            for r in reports.values():
                counts = r.by_publisher.get(pub)
                if counts is None:
                    cells.append("")
                else:
                    d, s, a = counts["direct"], counts["speech"], counts["all"]
                    cells.append(f"{_pct(d.f1)} / {_pct(s.f1)} / {_pct(a.f1)}")
            prow.append([pub, *cells])
        lines += ["", f"per publisher @{att:g}: F1 direct / speech / all", ""]
        lines += _table(["publisher", *names], prow)
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- error listing

_CONTEXT = 60


def _oneline(s: str) -> str:
    return " ".join(s.split())


def _snippet(text: str, spans: Sequence[Offsets], context: int = _CONTEXT) -> str:
    """``spans`` of ``text`` marked ``[[ ]]`` with ``context`` characters either side."""
    if not spans:
        return "(no span)"
    spans = sorted(spans)
    lo = max(0, spans[0][0] - context)
    hi = min(len(text), max(e for _, e in spans) + context)
    parts: list[str] = ["…" if lo > 0 else ""]
    pos = lo
    for s, e in spans:
        s, e = max(s, pos), max(e, pos)
        parts += [text[pos:s], "[[", text[s:e], "]]"]
        pos = e
    parts += [text[pos:hi], "…" if hi < len(text) else ""]
    return _oneline("".join(parts))


def _span_text(text: str, spans: Sequence[Offsets]) -> str:
    return " … ".join(_oneline(text[s:e]) for s, e in spans) if spans else "—"


def _gold_label(g: GoldAttribution) -> str:
    cats = [c for c in gold_categories(g) if c != "all"]
    return f"{g.id} {g.quote_kind}" + (f", {'+'.join(cats)}" if cats else "")


def error_listing(
    article: GoldArticle, predictions: Sequence[Prediction], matching: Matching
) -> str:
    """Misses, false positives and wrong speakers of one article, with context (``--errors``)."""
    text = article.text
    gold_sets = [charset(text, g.content) for g in article.attributions]
    pred_sets = [charset(text, p.content) for p in predictions]
    lines = [f"== {article.id} ({article.publisher}) @{matching.threshold:g}"]

    misses = matching.unmatched_gold()
    for gi in misses:
        g = article.attributions[gi]
        best = max((overlap_ratio(gold_sets[gi], ps) for ps in pred_sets), default=0.0)
        lines.append(f"MISS [{_gold_label(g)}] best ratio {best:.2f}")
        lines.append(f"    {_snippet(text, g.content)}")
        lines.append(
            f"    source: {_span_text(text, g.sources)} ({g.source_name or '—'});"
            f" cue: {_span_text(text, g.cue)}"
        )

    for pj in matching.unmatched_pred():
        p = predictions[pj]
        best = max((overlap_ratio(gs, pred_sets[pj]) for gs in gold_sets), default=0.0)
        mark = "quoted" if p.quote_mark(text) else "unquoted"
        lines.append(f"FALSE POSITIVE #{pj} ({mark}) best ratio {best:.2f}")
        lines.append(f"    {_snippet(text, p.content)}")
        lines.append(f"    speaker: {_pred_speaker(text, p)}")

    for pair in sorted(matching.pairs, key=lambda x: x.gold):
        g, p = article.attributions[pair.gold], predictions[pair.pred]
        if g.sources and not canonical_speaker_correct(g, p):
            lenient = speaker_correct(g, p)
            label = "WRONG PERSON (lenient: right)" if lenient else "WRONG SPEAKER"
            kind = g.source_kind or "other"
            lines.append(f"{label} [{_gold_label(g)}, {kind} source] ratio {pair.ratio:.2f}")
            lines.append(f"    {_snippet(text, g.content, context=20)}")
            lines.append(
                f"    gold: {_span_text(text, g.sources)} ({g.source_name or '—'});"
                f" predicted: {_pred_speaker(text, p)}"
            )
    if len(lines) == 1:
        lines.append("(no errors)")
    return "\n".join(lines) + "\n"


def _pred_speaker(text: str, p: Prediction) -> str:
    mention = (
        _oneline(text[p.speaker_mention[0] : p.speaker_mention[1]]) if p.speaker_mention else None
    )
    if p.speaker_name is None and mention is None:
        return "—"
    return f"{p.speaker_name or '—'} (mention: {mention or '—'})"


__all__ = [
    "AccuracyReport",
    "PredictFn",
    "aggregate",
    "error_listing",
    "evaluate",
    "format_report",
    "predictions_from_quotes",
]
