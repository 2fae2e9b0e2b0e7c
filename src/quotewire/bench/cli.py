"""``quotewire bench accuracy|speed|amounts|claims|linking|store|worst``: the harness behind the
command
line."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotewire.bench.accuracy import (
    AccuracyReport,
    error_listing,
    evaluate,
    format_report,
    predictions_from_quotes,
)
from quotewire.bench.metrics import Prediction
from quotewire.bench.polnear import GoldArticle, load_corpus
from quotewire.bench.speed import format_speed, measure_speed
from quotewire.errors import QuotewireError
from quotewire.nlp.english import load_english, load_stock_english
from quotewire.pipeline import Document, run_one

if TYPE_CHECKING:
    from quotewire.bench.linking import StoredQuote
    from quotewire.store import SQLStore

PEERS = ("textacy",)


def quotewire_predict(nlp: Any) -> Any:
    """A predict function running the whole quotewire pipeline on an article's text."""

    def predict(article: GoldArticle) -> list[Prediction]:
        result = run_one(Document(text=article.text, id=article.id), nlp=nlp)
        return predictions_from_quotes(result.quotes)

    return predict


def accuracy(args: argparse.Namespace) -> dict[str, AccuracyReport]:
    articles = load_corpus(args.corpus, limit=args.limit)
    nlp = load_english()
    systems = {"quotewire": quotewire_predict(nlp)}
    for peer in filter(None, (p.strip() for p in args.peers.split(","))):
        if peer not in PEERS:
            raise QuotewireError(f"unknown peer {peer!r}; choose from: {', '.join(PEERS)}")
        from quotewire.bench.peers import textacy_predict

        systems[peer] = textacy_predict(nlp)
    return {name: evaluate(articles, predict) for name, predict in systems.items()}


def amounts(args: argparse.Namespace) -> int:
    from quotewire.bench.amounts import evaluate_amounts, format_amount_report, load_sentences

    paths = args.corpus or sorted(Path("tests/data/amounts").glob("*.jsonl"))
    if not paths:
        raise QuotewireError("no corpus given and no tests/data/amounts/*.jsonl here")
    reports = {}
    for path in paths:
        report = evaluate_amounts(load_sentences(path))
        reports[str(path)] = report
        if not args.json:
            print(f"== {path}\n{format_amount_report(report)}")
            if args.errors:
                print("\n".join(report.errors))
            print()
    if args.json:
        print(json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2))
    return 0


#: The annotated figures ``bench claims`` reads unless ``--corpus`` says otherwise.
CLAIMANTS = Path("tests/data/claimants")


def claims(args: argparse.Namespace) -> int:
    """``bench claims``: exit 0 with the report; 2 (one line) when the PolNeAR articles the
    figures point into are not here, or an annotation file is missing or does not fit."""
    from quotewire.bench.claims import (
        SPLITS,
        ArticleFigures,
        ClaimsScore,
        PredictedFigure,
        SourceArticle,
        check_figures,
        error_listing,
        format_score,
        load_figures,
        score_articles,
        source_articles,
        total,
    )

    figures = load_figures(args.corpus or [CLAIMANTS])
    splits = SPLITS if args.split == "all" else (args.split,)
    figures = [f for f in figures if f.split in splits]
    if not figures:
        raise QuotewireError(f"no annotated figures for split {args.split!r}")
    wanted = {(f.split, f.article) for f in figures}
    sources: dict[tuple[str, str], SourceArticle] = {}
    for split in sorted({split for split, _ in wanted}):
        corpus = args.polnear / f"{split}.jsonl"
        if not corpus.is_file():
            print(
                f"quotewire: bench claims: skipped: {corpus} is not here (the PolNeAR articles "
                "the annotated figures point into)",
                file=sys.stderr,
            )
            return 2
        sources.update(source_articles(corpus, split, wanted))  # type: ignore[arg-type]
    check_figures(figures, {key: a.text for key, a in sources.items()})
    nlp = load_english()
    articles = []
    for split, article in sorted(wanted, key=lambda key: (SPLITS.index(key[0]), key[1])):
        source = sources[(split, article)]
        text = source.text
        document = Document(text=text, id=article, published=source.published)
        result = run_one(document, nlp=nlp)
        if result.article.text != text:
            raise QuotewireError(f"{article}: the text analysed differs from the article's")
        articles.append(
            ArticleFigures(
                article=article,
                split=split,  # type: ignore[arg-type]
                text=text,
                gold=tuple(f for f in figures if (f.split, f.article) == (split, article)),
                predicted=tuple(PredictedFigure.of(c) for c in result.claims),
            )
        )
    results = score_articles(articles)
    reports: dict[str, ClaimsScore] = {
        split: total(r.score for r in results if r.figures.split == split)
        for split in SPLITS
        if any(r.figures.split == split for r in results)
    }
    if len(reports) > 1:
        reports["all"] = total(reports.values())
    if args.json:
        print(json.dumps({name: r.to_dict() for name, r in reports.items()}, indent=2))
    else:
        print("\n\n".join(format_score(name, r) for name, r in reports.items()))
    if args.errors:
        for r in results:
            lines = error_listing(r.figures.text, r.figures.gold, r.figures.predicted, r.matching)
            print(f"\n== {r.figures.article} ({r.figures.split})")
            print("\n".join(lines) if lines else "(no errors)")
    return 0


def worst(args: argparse.Namespace) -> int:
    """``bench worst``: exit 0 when every family grew no faster than the threshold, else 1."""
    from quotewire.bench.worst import FAMILIES, format_worst, run_worst, to_json

    if args.list:
        for family in FAMILIES.values():
            print(f"{family.name:12}  {family.description}")
        return 0
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",")]
    except ValueError:
        sizes = []
    if len(sizes) != 2 or not 0 < sizes[0] < sizes[1]:
        raise QuotewireError(f"--sizes needs two sizes, the smaller first: {args.sizes!r}")
    names = [f.strip() for f in args.families.split(",") if f.strip()] or list(FAMILIES)
    unknown = [f for f in names if f not in FAMILIES]
    if unknown:
        raise QuotewireError(f"unknown family {unknown[0]!r}; choose from: {', '.join(FAMILIES)}")

    def progress(case: Any) -> None:
        if not args.json:
            what = case.error or f"{case.seconds:.2f} s, +{case.peak_growth_mb:.0f} MB"
            print(f"  {case.family} at {case.size:,}: {what}", file=sys.stderr, flush=True)

    rows = run_worst(
        names,
        (sizes[0], sizes[1]),
        threshold=args.threshold,
        timeout=args.timeout,
        progress=progress,
    )
    print(to_json(rows, args.threshold) if args.json else format_worst(rows, args.threshold))
    return 1 if any(r.flagged for r in rows) else 0


def linking(args: argparse.Namespace) -> int:
    """``bench linking``: ingest the split into a fresh store as ``quotewire ingest`` does, read
    each article's quotes back with their speaker's registry id, and score the linking. Exit 1
    when some articles failed (named on stderr and in the report; they are scored as having no
    quotes)."""
    from quotewire.bench.linking import StoredArticle, format_linking, linking_report
    from quotewire.runners.ingest import IngestSummary, ingest

    articles = load_corpus(args.corpus)
    if not articles:
        raise QuotewireError(f"{args.corpus}: no articles in the corpus")
    documents = [
        Document(
            text=a.text,
            id=a.id,
            source=f"{args.corpus} ({a.id})",
            published=a.published or None,
            publisher=a.publisher or None,
        )
        for a in articles
    ]
    tty = sys.stderr.isatty()

    def progress(summary: IngestSummary) -> None:
        if tty:
            print(f"\rquotewire: {summary.line()}", end="", file=sys.stderr, flush=True)

    with _empty_store(args.db) as store:
        summary = ingest(documents, store, progress=progress)
        if tty:
            print(file=sys.stderr)
        stored = _stored_quotes(store)
    for failure in summary.failed:
        print(f"quotewire: skipped {failure}", file=sys.stderr)
    scored = [StoredArticle(gold=a, quotes=stored.get(a.text, ())) for a in articles]
    report = linking_report(scored, worst=args.worst, failed=summary.failed)
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_linking(report))
    return 1 if summary.failed else 0


@contextmanager
def _empty_store(db: str | None) -> Iterator[SQLStore]:
    """The store ``db``, which must hold no article, or a temporary SQLite store removed after."""
    from quotewire.store import open_store

    if db is not None:
        with open_store(db) as store:
            held = store.count("articles")
            if held or len(store.registry()):
                raise QuotewireError(
                    f"{store.where}: holds {held:,} articles; bench linking needs an empty "
                    "store (without --db it makes a temporary one)"
                )
            yield store
        return
    with (
        tempfile.TemporaryDirectory(prefix="quotewire-linking-") as folder,
        open_store(Path(folder) / "linking.db") as store,
    ):
        yield store


def _stored_quotes(store: SQLStore) -> dict[str, tuple[StoredQuote, ...]]:
    """Each stored article's quotes with their speaker's registry entity, keyed by the
    article's text (stored exactly as given, so the gold offsets point into it)."""
    from quotewire.bench.linking import StoredQuote

    results = list(store.results())
    registry = store.registry()  # read after the articles: it holds all of them
    out: dict[str, tuple[StoredQuote, ...]] = {}
    for article_id, result in results:
        quotes = []
        for quote in result.quotes:
            local = quote.speaker.entity if quote.speaker is not None else None
            entity = registry.entity_of(str(article_id), local) if local else None
            quotes.append(
                StoredQuote(
                    id=quote.id,
                    content=tuple(sorted((s.start, s.end) for s in quote.content)),
                    entity=entity.id if entity is not None else None,
                    entity_name=entity.name if entity is not None else None,
                )
            )
        out[result.article.text] = tuple(quotes)
    return out


def scale(args: argparse.Namespace) -> int:
    from quotewire.bench.scale import ScaleReport, format_scale, registry_timings, spark_timings

    try:
        sizes = [int(n) for n in args.registry_sizes.split(",") if n.strip()]
    except ValueError:
        raise QuotewireError(
            f"--registry-sizes takes numbers, not {args.registry_sizes!r}"
        ) from None
    if any(n < 2 for n in sizes):
        raise QuotewireError("--registry-sizes must be 2 or more each")
    report = ScaleReport(registry=registry_timings(sizes, rounds=args.rounds))
    if args.corpus is not None:
        report.spark = spark_timings(args.corpus, args.articles, args.rounds)
    print(json.dumps(report.to_dict(), indent=2) if args.json else format_scale(report))
    return 0


def digest(args: argparse.Namespace) -> int:
    """``bench digest``: every article's result fingerprinted; with ``--check``, compared with a
    recording (exit 1 when an article's result changed, or is missing or not recorded)."""
    from quotewire.bench.digest import Digests, compare, digests_of, format_comparison
    from quotewire.pipeline import run_guarded

    recorded = Digests.read(args.check) if args.check is not None else None
    articles = load_corpus(args.corpus, limit=args.limit)
    nlp = load_english()
    now = digests_of(
        args.corpus.name,
        ((a.id, run_guarded(Document(text=a.text, id=a.id), nlp=nlp)) for a in articles),
    )
    if args.out is not None:
        args.out.write_text(now.to_json(), encoding="utf-8")
        print(f"{len(now.articles):,} digests written to {args.out}")
    if recorded is None:
        return 0
    comparison = compare(recorded.articles, now.articles, partial=args.limit is not None)
    print(format_comparison(comparison, str(args.check)))
    return 0 if comparison.identical else 1


def languages(args: argparse.Namespace) -> int:
    """``bench languages``: Russian articles per second against English ones of the same
    lengths, in one process."""
    from quotewire.bench.languages import format_languages, measure, paired

    russian = [a.text for a in load_corpus(args.corpus, limit=args.limit)]
    english = paired(russian, [a.text for a in load_corpus(args.against)])
    nlp = load_english()
    report = measure(
        russian, english, lambda t: run_one(Document(text=t), nlp=nlp), rounds=args.rounds
    )
    print(format_languages(report))
    return 0


def run_bench(args: argparse.Namespace) -> int:
    if args.bench_command == "digest":
        return digest(args)
    if args.bench_command == "languages":
        return languages(args)
    if args.bench_command == "linking":
        return linking(args)
    if args.bench_command == "worst":
        return worst(args)
    if args.bench_command == "amounts":
        return amounts(args)
    if args.bench_command == "claims":
        return claims(args)
    if args.bench_command == "scale":
        return scale(args)
    if args.bench_command == "store":
        from quotewire.bench.store import format_store_bench, run

        if args.quotes < 10 or args.queries < 1:
            raise QuotewireError("--quotes must be 10 or more and --queries 1 or more")
        print(format_store_bench(run(args.db, args.quotes, args.queries)))
        return 0
    if args.bench_command == "accuracy":
        reports = accuracy(args)
        if args.json:
            print(json.dumps({k: r.to_dict() for k, r in reports.items()}, indent=2))
        else:
            print(format_report(reports))
        if args.tokens:
            from quotewire.bench.tokens import format_tokens, score_tokens

            scored = reports["quotewire"].articles
            predictions = {score.article_id: score.predictions for score in scored}
            articles = load_corpus(args.corpus, limit=args.limit)
            print("\n" + format_tokens(score_tokens(articles, predictions)))
        if args.errors:
            report = reports["quotewire"]
            by_id = {a.id: a for a in load_corpus(args.corpus, limit=args.limit)}
            for score in report.articles:
                matching = score.matchings[0.5]
                print(error_listing(by_id[score.article_id], score.predictions, matching))
        return 0
    nlp = load_english()
    stock = load_stock_english()  # the baseline: spaCy as it loads, none of quotewire's ways
    texts = [a.text for a in load_corpus(args.corpus, limit=args.limit)]
    speed = measure_speed(
        texts,
        lambda t: run_one(Document(text=t), nlp=nlp),
        lambda ts: list(stock.pipe(ts)),
        repeat=args.repeat,
    )
    print(format_speed(speed))
    return 0
