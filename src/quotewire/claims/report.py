"""``quotewire claims PATH...``: claim timelines across articles, as a table or as JSON."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from quotewire.claims.track import shown_value
from quotewire.corpus import Corpus
from quotewire.errors import InputError, QuotewireError
from quotewire.model import ClaimGroup
from quotewire.pipeline import Document, run_many, run_options
from quotewire.terminal import Column, plural, table

Reader = Callable[..., tuple[list[Document | InputError], bool]]


def run_claims(args: argparse.Namespace, read: Reader) -> int:
    """Read every path, build a :class:`Corpus`, print its claim groups; exit 1 when some
    inputs failed (each named on stderr), 2 when none could be read."""
    documents: list[Document | InputError] = []
    for path in args.paths:
        try:
            found, _ = read(path)
        except InputError as error:  # one unreadable path does not stop the others
            found = [error]
        documents += found
    options = run_options(args)
    corpus = Corpus()
    failed = 0
    results = []
    for document, outcome in zip(documents, run_many(documents, options), strict=True):
        if isinstance(outcome, InputError):
            if len(documents) == 1:
                raise outcome  # one input: one line naming it, exit 2
            print(f"quotewire: skipped {outcome}", file=sys.stderr)
            failed += 1
            continue
        key = document.source if isinstance(document, Document) else "<input>"
        results.append((outcome.article.published or "", key, outcome))
    if not results:
        raise QuotewireError("no article could be read")
    # in date order, so the registry's ids and first-seen dates do not depend on argument order
    for _, key, result in sorted(results, key=lambda r: (r[0], r[1])):
        corpus.add(result, key=key)
    if args.speaker and not corpus.registry.find(args.speaker):
        corpus.entity(args.speaker)  # raises: no speaker matches
    groups = corpus.claims(
        speaker=args.speaker, measure=args.measure, min_checkworthy=args.min_checkworthy
    )
    if args.format == "json":
        print(corpus.report(groups).model_dump_json(indent=2))
    else:
        print(format_groups(groups, len(corpus)))
    if failed:
        print(f"quotewire: {failed} of {len(documents)} inputs failed", file=sys.stderr)
        return 1
    return 0


TIMELINE_COLUMNS = (
    Column("published", "PUBLISHED", 10),
    Column("period", "PERIOD", 10),
    Column("value", "VALUE", 18),
    Column("figure", "FIGURE", 40),
    Column("article", "ARTICLE", 48),
    Column("flag", "FLAG", 200),
)


def format_groups(groups: list[ClaimGroup], articles: int) -> str:
    """A terminal view: one block per claimant and measure, one line per claim in time order,
    flags beside the claims they concern."""
    flagged = sum(len(g.flags) for g in groups)
    counts = [
        plural(articles, "article"),
        plural(len(groups), "claim group"),
        plural(flagged, "flag"),
    ]
    lines = [" · ".join(counts), ""]
    for group in groups:
        lines.append(f"{group.claimant_name} · {group.measure} · {group.unit}")
        marks = {f.entry: f for f in group.flags}
        rows = []
        for n, entry in enumerate(group.entries):
            claim = entry.claim
            sign = "" if claim.comparator in ("=", "range") else claim.comparator
            flag = marks.get(n)
            rows.append(
                {
                    "published": (entry.published or "")[:10],
                    "period": claim.time.period if claim.time and claim.time.period else "-",
                    "value": f"{sign}{shown_value(claim)}",
                    "figure": claim.span.text,
                    "article": entry.article,
                    "flag": f"{flag.kind.upper()}: {flag.note}" if flag else "",
                }
            )
        lines += [f"  {line}" for line in table(rows, TIMELINE_COLUMNS).splitlines()]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
