"""The ``quotewire`` command: one sub-command per verb, mirroring the Python API.

Exit codes: 0 success; 1 some records of a batch failed (the rest were written); 2 the input or
the command line is unusable (one line on stderr says why, naming the input).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TextIO

from quotewire import __version__
from quotewire.claims.track import MIN_CHECKWORTHY
from quotewire.errors import (
    EmptyInput,
    InputError,
    MissingInput,
    QuotewireError,
    shown,
)
from quotewire.ingest.document import Document
from quotewire.ingest.files import decode_bytes, is_html, iter_article_files, read_text
from quotewire.ingest.options import run_options
from quotewire.ingest.sources import jsonl_documents
from quotewire.lang import CODES
from quotewire.model import Result, corpus_json_schema, json_schema
from quotewire.terminal import Column, plural, table

EXIT_OK, EXIT_PARTIAL, EXIT_BAD_INPUT = 0, 1, 2


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _number(kind: type[int] | type[float], low: float, high: float) -> Callable[[str], Any]:
    """An argument type: a number of ``kind`` (whole or not) from ``low`` to ``high``."""

    def parse(value: str) -> int | float:
        try:
            number = kind(value)
        except ValueError:
            what = "a whole number" if kind is int else "a number"
            raise argparse.ArgumentTypeError(f"not {what}: {value!r}") from None
        if not low <= number <= high:  # (NaN is between nothing)
            raise argparse.ArgumentTypeError(f"{value} is not between {low:,} and {high:,}")
        return number

    return parse


def _whole(low: int, high: int) -> Callable[[str], int]:
    """An argument type: a whole number from ``low`` to ``high``."""
    return _number(int, low, high)


_SECONDS = _number(float, 0.01, 86_400)
_LIMIT = _whole(1, 1_000_000)
_BIG = 2**31 - 1
_CORPUS_HELP = "a PolNeAR-format JSONL corpus (required)"
_DB_HELP = "the store: a SQLite file or a postgresql:// URL (default: quotewire.db)"
_LANGUAGE_HELP = (
    "the language the articles are written in: en or ru (default: told from each text, by its "
    "script and common words)"
)
_REFERENCE_HELP = (
    "the date that supplies the year of a dateline without one (default: the article's own "
    "date, else today)"
)


class _Parser(argparse.ArgumentParser):
    """argparse, with a command line it cannot use answered in one line (and exit 2), as any
    other unusable input is; the usage is one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_BAD_INPUT,
            f"quotewire: error: {shown(message)} (see {self.prog} --help)\n",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="quotewire",
        description="Who said what, with which numbers, and when: attributed statements in news.",
    )
    parser.add_argument("--version", action="version", version=f"quotewire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract attributed statements from articles",
        description="Extract attributed statements from a file (.txt, .html, or .jsonl batch), "
        "a folder of articles, or - for standard input.",
    )
    ex.add_argument("path", help="file, folder, or - for standard input")
    ex.add_argument(
        "--format",
        choices=("json", "jsonl", "table"),
        default=None,
        help="output format (default: json for one article, jsonl for several)",
    )
    ex.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help=_REFERENCE_HELP,
    )
    ex.add_argument("--language", choices=CODES, default=None, help=_LANGUAGE_HELP)
    ex.add_argument("--html", action="store_true", help="treat standard input as HTML")

    cl = sub.add_parser(
        "claims",
        help="claim timelines across articles: who claimed which figures, and what changed",
        description="Read articles, link their speakers across articles, and print each "
        "claimant's figures per measure as a timeline with changes and contradictions flagged.",
    )
    cl.add_argument("paths", nargs="+", metavar="PATH", help="files, folders or .jsonl batches")
    cl.add_argument(
        "--speaker",
        help="only claims by this person or organization, by name or id (default: everyone)",
    )
    cl.add_argument(
        "--measure", help="only measures containing these words (default: every measure)"
    )
    cl.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )
    cl.add_argument(
        "--min-checkworthy",
        type=float,
        default=MIN_CHECKWORTHY,
        metavar="SCORE",
        help="leave out claims scoring under this (ages, durations; 0 keeps all; default: 0.3)",
    )
    cl.add_argument(
        "--reference-date",
        type=_date,
        metavar="YYYY-MM-DD",
        help=_REFERENCE_HELP,
    )
    cl.add_argument("--language", choices=CODES, default=None, help=_LANGUAGE_HELP)

    ing = sub.add_parser(
        "ingest",
        help="extract from articles and keep the results in a store",
        description="Run the pipeline over files, folders and .jsonl batches and store each new "
        "article (an article already stored is skipped, so a second run adds nothing).",
    )
    ing.add_argument(
        "paths",
        nargs="+",
        metavar="PATH|URL",
        help="files, folders, .jsonl batches, RSS/Atom feeds (.rss, .atom, .xml or a URL), "
        ".warc / .warc.gz files",
    )
    ing.add_argument("--db", default=None, help=_DB_HELP)
    ing.add_argument(
        "--jobs", type=_whole(1, 256), default=1, help="parse in this many processes (default: 1)"
    )
    ing.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help=_REFERENCE_HELP)
    ing.add_argument("--language", choices=CODES, default=None, help=_LANGUAGE_HELP)
    ing.add_argument(
        "--rebuild-registry",
        action="store_true",
        help="then build the registry again from every stored article at once, so that it does "
        "not depend on the order they were stored in (as spark and claims build it; reads every "
        "stored result; default: join each article as it is stored)",
    )

    spk = sub.add_parser(
        "spark",
        help="run the pipeline over many files on Apache Spark, into Parquet datasets",
        description="Read WARC (.warc, .warc.gz), JSONL batch (.jsonl) and Parquet inputs on "
        "Apache Spark, run the pipeline on every article (one spaCy pipeline per executor) and "
        "write Parquet datasets under --out: articles/, quotes/ and claims/ (by month), "
        "entities/, errors/ (every record that failed, with its reason) and summary.json.",
    )
    spk.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="paths or globs any Hadoop file system reads (local, hdfs://, s3a://)",
    )
    spk.add_argument("--out", required=True, metavar="DIR", help="the output folder (required)")
    spk.add_argument(
        "--master",
        default=None,
        help="Spark master: local[N], spark://HOST:PORT, yarn (default: the one spark-submit "
        "sets, else local[*])",
    )
    spk.add_argument(
        "--partitions",
        type=_whole(1, 100_000),
        default=None,
        help="partitions the articles are analysed in, each a little smaller than the one "
        "before (default: four per core)",
    )
    spk.add_argument(
        "--manifest",
        default=None,
        metavar="FILE",
        help="a file of input paths, one per line (default: only the INPUTs given)",
    )
    spk.add_argument(
        "--append",
        action="store_true",
        help="add only the articles not already in --out (default: replace its datasets)",
    )
    spk.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD", help=_REFERENCE_HELP)
    spk.add_argument("--language", choices=CODES, default=None, help=_LANGUAGE_HELP)

    lo = sub.add_parser(
        "load",
        help="load the output of quotewire spark into a store",
        description="Add every article of a `quotewire spark` output folder to a store (SQLite "
        "or PostgreSQL), with its statements, figures and entities joined to the registry, as "
        "ingest stores them; articles already stored are skipped.",
    )
    lo.add_argument("folder", metavar="DIR", help="the --out folder of quotewire spark")
    lo.add_argument(
        "--db",
        default=None,
        help=_DB_HELP,
    )
    lo.add_argument(
        "--rebuild-registry",
        action="store_true",
        help="then build the registry again from every stored article at once, so that it does "
        "not depend on the order they were stored in (as spark and claims build it; reads every "
        "stored result; default: join each article as it is stored)",
    )

    se = sub.add_parser("search", help="search the stored quotes")
    se.add_argument("query", nargs="?", default="", help="words the quote, speaker or title hold")
    se.add_argument("--db", default=None, help=_DB_HELP)
    se.add_argument(
        "--speaker",
        help="a speaker's name, part of it, or registry id (default: every speaker)",
    )
    se.add_argument(
        "--since",
        type=_date,
        metavar="YYYY-MM-DD",
        help="only quotes published on or after this day (default: no limit)",
    )
    se.add_argument(
        "--until",
        type=_date,
        metavar="YYYY-MM-DD",
        help="only quotes published on or before this day (default: no limit)",
    )
    se.add_argument(
        "--type",
        choices=("direct", "indirect", "mixed", "headline"),
        help="only quotes of this type (default: every type)",
    )
    se.add_argument("--limit", type=_LIMIT, default=50, help="at most this many (default: 50)")
    se.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default: table)",
    )

    sp = sub.add_parser("speakers", help="the speakers in the store, most quoted first")
    sp.add_argument("--db", default=None, help=_DB_HELP)
    sp.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )

    exp = sub.add_parser("export", help="export the stored results")
    exp.add_argument("--db", default=None, help=_DB_HELP)
    exp.add_argument(
        "--format",
        choices=("jsonl", "csv", "parquet"),
        default="jsonl",
        help="jsonl: one result per article; csv and parquet: one row per quote (default: jsonl)",
    )
    exp.add_argument(
        "--out",
        default=None,
        metavar="FILE",
        help="the file to write (default: standard output; parquet needs a file)",
    )

    srv = sub.add_parser(
        "serve",
        help="serve the REST API and the web pages over a store",
        description="Serve the REST API and the web pages over a store. Open to others, run it "
        "behind a reverse proxy that terminates TLS, with --host 127.0.0.1 (docs/serving.md).",
    )
    srv.add_argument(
        "--db",
        default=None,
        help="the store: a SQLite file or a postgresql:// URL (default: quotewire.db); keep a "
        "PostgreSQL password out of the URL (PGPASSWORD or ~/.pgpass)",
    )
    srv.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    srv.add_argument(
        "--port", type=_whole(0, 65535), default=8000, help="port to listen on (default: 8000)"
    )
    token = srv.add_mutually_exclusive_group()
    token.add_argument(
        "--ingest-token",
        default=None,
        help="turn on POST /api/ingest for requests bearing 'Authorization: Bearer TOKEN'. "
        "Visible to anyone who can list processes: prefer the environment variable "
        "QUOTEWIRE_INGEST_TOKEN or --ingest-token-file (default: ingest off)",
    )
    token.add_argument(
        "--ingest-token-file",
        type=Path,
        default=None,
        metavar="PATH",
        help="read the ingest token from the first line of this file (kept out of the process "
        "list; default: none)",
    )
    srv.add_argument(
        "--header-timeout",
        type=_SECONDS,
        default=10.0,
        metavar="SECONDS",
        help="close a connection whose request headers are not complete this long after it "
        "opened or after its previous response (default: 10)",
    )
    srv.add_argument(
        "--timeout-keep-alive",
        type=_whole(1, 86_400),
        default=5,
        metavar="SECONDS",
        help="close an idle keep-alive connection after this long (default: 5)",
    )
    srv.add_argument(
        "--body-timeout",
        type=_SECONDS,
        default=60.0,
        metavar="SECONDS",
        help="answer 408 to an ingest request whose body has not all arrived this long after "
        "its headers (default: 60)",
    )
    srv.add_argument(
        "--limit-concurrency",
        type=_whole(1, 1_000_000),
        default=256,
        metavar="N",
        help="at most N connections open at once; one more is answered 503 and closed "
        "(default: 256)",
    )

    sch = sub.add_parser("schema", help="print the JSON Schema of the output")
    sch.add_argument(
        "--corpus",
        action="store_true",
        help="the schema of `quotewire claims --format json` (registry and claim timelines)",
    )

    bench = sub.add_parser("bench", help="measure accuracy and speed on an annotated corpus")
    bsub = bench.add_subparsers(dest="bench_command", required=True, metavar="BENCH")
    acc = bsub.add_parser("accuracy", help="precision, recall and F1 on a PolNeAR-format corpus")
    acc.add_argument("--corpus", required=True, type=Path, help=_CORPUS_HELP)
    acc.add_argument(
        "--peers",
        default="",
        help="comma-separated peers to run beside quotewire: textacy (default: none)",
    )
    acc.add_argument("--errors", action="store_true", help="list misses and false positives")
    acc.add_argument(
        "--tokens",
        action="store_true",
        help="also score words tagged content, cue and source, and sentences detected",
    )
    acc.add_argument(
        "--limit",
        type=_whole(1, _BIG),
        default=None,
        help="first N articles only (default: all)",
    )
    acc.add_argument("--json", action="store_true", help="print the report as JSON")
    dig = bsub.add_parser(
        "digest",
        help="a fingerprint (SHA-1) of every article's result, written or checked against a "
        "recording: a change that must not change any output says so",
    )
    dig.add_argument("--corpus", required=True, type=Path, help=_CORPUS_HELP)
    dig.add_argument(
        "--limit",
        type=_whole(1, _BIG),
        default=None,
        help="first N articles only (default: all)",
    )
    dig.add_argument(
        "--out", type=Path, default=None, help="write the digests to this file (default: none)"
    )
    dig.add_argument(
        "--check",
        type=Path,
        default=None,
        help="a recorded digest file to compare with; exit 1 when an article differs "
        "(default: none)",
    )
    lnk = bsub.add_parser(
        "linking",
        help="cross-article linking (B-cubed) of a PolNeAR-format split ingested into a fresh "
        "store, with the worst merges and splits",
    )
    lnk.add_argument(
        "--corpus",
        type=Path,
        default=Path("../shared/benchmarks/polnear/dev.jsonl"),
        help="the split (default: ../shared/benchmarks/polnear/dev.jsonl)",
    )
    lnk.add_argument(
        "--db",
        default=None,
        help="an empty store to ingest into (default: a temporary SQLite file, removed after)",
    )
    lnk.add_argument(
        "--worst",
        type=_whole(0, _BIG),
        default=10,
        metavar="N",
        help="list the N worst merges and splits (default: 10)",
    )
    lnk.add_argument("--json", action="store_true", help="print the report as JSON")
    scl = bsub.add_parser(
        "scale",
        help="the registry step at growing sizes, and quotewire spark on local[1] and local[2]",
    )
    scl.add_argument(
        "--registry-sizes",
        default="10000,100000,1000000",
        help="synthetic sightings for the registry step, comma-separated (default: "
        "10000,100000,1000000)",
    )
    scl.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a PolNeAR-format JSONL corpus for the Spark runs (default: none, registry only)",
    )
    scl.add_argument(
        "--articles",
        type=_whole(1, _BIG),
        default=800,
        help="articles of --corpus to run (default: 800)",
    )
    scl.add_argument(
        "--rounds",
        type=_whole(1, 20),
        default=1,
        help="times to run every measurement (each registry size; the Spark and ingest "
        "runs), every other time in reverse order, so that a host whose speed drifts "
        "weighs on them alike; each figure is the mean (default: 1)",
    )
    scl.add_argument("--json", action="store_true", help="print the report as JSON")
    lng = bsub.add_parser(
        "languages",
        help="articles/s of the whole pipeline on Russian articles against English ones of "
        "the same lengths",
    )
    lng.add_argument(
        "--corpus", required=True, type=Path, help="the Russian articles (PolNeAR-format JSONL)"
    )
    lng.add_argument(
        "--against",
        required=True,
        type=Path,
        help="English articles (PolNeAR-format JSONL), each cut at the paragraph break nearest "
        "its Russian article's length",
    )
    lng.add_argument(
        "--limit",
        type=_whole(1, _BIG),
        default=None,
        help="first N Russian articles only (default: all)",
    )
    lng.add_argument(
        "--rounds",
        type=_whole(1, 20),
        default=3,
        help="rounds, alternating which language goes first; the best time of each is kept "
        "(default: 3)",
    )
    spd = bsub.add_parser("speed", help="articles/s of the pipeline against the spaCy parse alone")
    spd.add_argument("--corpus", required=True, type=Path, help=_CORPUS_HELP)
    spd.add_argument(
        "--limit",
        type=_whole(1, _BIG),
        default=None,
        help="first N articles only (default: all)",
    )
    spd.add_argument(
        "--repeat",
        type=_whole(1, 1000),
        default=3,
        help="rounds (parse alone, then the pipeline); the best time of each is kept (default: 3)",
    )
    amt = bsub.add_parser(
        "amounts", help="detection F1 and value/unit accuracy of the amount finder"
    )
    amt.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="annotated sentences (JSONL); repeat for several (default: the test sets shipped "
        "in tests/data/amounts)",
    )
    amt.add_argument("--errors", action="store_true", help="list misses, extras and wrong values")
    amt.add_argument("--json", action="store_true", help="print the report as JSON")
    clm = bsub.add_parser(
        "claims",
        help="figure detection, value/unit/comparator and claimant accuracy on annotated "
        "PolNeAR figures",
    )
    clm.add_argument(
        "--corpus",
        type=Path,
        action="append",
        help="annotated figures (a .jsonl file or a folder of them); repeat for several "
        "(default: tests/data/claimants)",
    )
    clm.add_argument(
        "--split",
        choices=("dev", "train", "all"),
        default="all",
        help="which PolNeAR split's figures to score (default: all, each reported apart)",
    )
    clm.add_argument(
        "--polnear",
        type=Path,
        default=Path("../shared/benchmarks/polnear"),
        help="the PolNeAR folder holding dev.jsonl and train.jsonl (default: "
        "../shared/benchmarks/polnear)",
    )
    clm.add_argument(
        "--errors",
        action="store_true",
        help="list every missed and spurious figure, wrong claimant and wrong value, unit or "
        "comparator, with its sentence",
    )
    clm.add_argument("--json", action="store_true", help="print the report as JSON")
    wst = bsub.add_parser(
        "worst",
        help="time and memory of extraction on pathological inputs at two sizes (growth ratio)",
    )
    wst.add_argument(
        "--sizes",
        default="50000,100000",
        help="the two sizes in characters, comma-separated (default: 50000,100000)",
    )
    wst.add_argument(
        "--families", default="", help="comma-separated families (default: all; see --list)"
    )
    wst.add_argument("--list", action="store_true", help="list the families and exit")
    wst.add_argument(
        "--threshold",
        type=float,
        default=2.5,
        help="flag a family whose time grows by more than this per doubling (default: 2.5)",
    )
    wst.add_argument(
        "--timeout", type=float, default=600.0, help="seconds allowed per case (default: 600)"
    )
    wst.add_argument("--json", action="store_true", help="print the results as JSON")
    bst = bsub.add_parser(
        "store", help="build a store of synthetic quotes; ingest rate and search latency"
    )
    bst.add_argument(
        "--quotes",
        type=_whole(1, 100_000_000),
        default=1_000_000,
        help="how many (default: 1,000,000)",
    )
    bst.add_argument(
        "--queries", type=_whole(1, 1_000_000), default=300, help="searches timed (default: 300)"
    )
    bst.add_argument(
        "--db",
        default="bench-store.db",
        help="the SQLite file to build, replaced if present (default: bench-store.db)",
    )
    train = sub.add_parser("train", help="learn the shipped models from an annotated corpus")
    tsub = train.add_subparsers(dest="train_command", required=True, metavar="MODEL")
    cues = tsub.add_parser("cues", help="the cue lexicon, from a PolNeAR-format corpus")
    cues.add_argument("--corpus", required=True, type=Path, help=_CORPUS_HELP)
    cues.add_argument(
        "--out",
        type=Path,
        default=None,
        help="where to write the lexicon (default: the package's data file)",
    )
    return parser


def _serve(args: argparse.Namespace) -> int:
    import os

    from quotewire.serve import create_app
    from quotewire.serve.server import Limits, ensure_open_files, run
    from quotewire.store import DEFAULT_DB, redact

    token: str | None = args.ingest_token or os.environ.get("QUOTEWIRE_INGEST_TOKEN") or None
    if args.ingest_token_file is not None:
        token = _token_from_file(args.ingest_token_file)
    limits = Limits(
        header_timeout=args.header_timeout,
        keep_alive=args.timeout_keep_alive,
        max_connections=args.limit_concurrency,
        body_timeout=args.body_timeout,
    )
    ensure_open_files(limits.max_connections)  # (before anything is said to be served)
    db = args.db or DEFAULT_DB
    app = create_app(db, ingest_token=token, body_timeout=limits.body_timeout)
    print(
        f"quotewire: serving {redact(db)} at http://{args.host}:{args.port}/ "
        f"(ingest {'on' if token else 'off'})",
        file=sys.stderr,
        flush=True,
    )
    run(app, host=args.host, port=args.port, limits=limits)
    return EXIT_OK


def _token_from_file(path: Path) -> str:
    """The first line of ``path``, stripped; an error naming the file when there is none."""
    try:
        with path.open(encoding="utf-8") as lines:
            token = lines.readline().strip()
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not readable as UTF-8 text"
        raise InputError(f"cannot read the ingest token file: {reason}", source=str(path)) from None
    if not token:
        raise InputError("the ingest token file's first line is empty", source=str(path))
    return token


def _train(args: argparse.Namespace) -> int:
    from quotewire.bench.polnear import load_corpus
    from quotewire.nlp.english import load_english
    from quotewire.quotes.lexicon import LEXICON_FILE, gold_examples, learn

    articles = load_corpus(args.corpus)
    lexicon = learn(gold_examples(articles, load_english()))
    out = args.out or Path(__file__).parent / "data" / LEXICON_FILE
    out.write_text(json.dumps(lexicon, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"quotewire: {len(lexicon['entries'])} entries from {len(articles)} articles -> {out}")
    return EXIT_OK


#: Arguments that name files or stores: any bytes the system allows are fine there.
_PATH_ARGUMENTS = frozenset({"path", "paths", "corpus", "db", "out", "polnear"})


def _check_text_arguments(args: argparse.Namespace) -> None:
    """Text arguments (a query, a speaker, a token) must be text: bytes that are not UTF-8
    reach Python as surrogate escapes, which no store, JSON or HTTP header can take."""
    for name, value in vars(args).items():
        if name in _PATH_ARGUMENTS:
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and shown(item) != item:
                label = "the query" if name == "query" else "--" + name.replace("_", "-")
                raise QuotewireError(f"{label} is not UTF-8 text: {shown(item)}")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        _check_text_arguments(args)
        if args.command == "schema":
            schema = corpus_json_schema() if args.corpus else json_schema()
            print(json.dumps(schema, indent=2, ensure_ascii=False))
            return EXIT_OK
        if args.command == "train":
            return _train(args)
        if args.command in ("ingest", "load", "search", "speakers", "export"):
            from quotewire.store.cli import run_store_command

            return run_store_command(args, _documents_at)
        if args.command == "serve":
            return _serve(args)
        if args.command == "claims":
            from quotewire.claims.report import run_claims

            return run_claims(args, _documents_at)
        if args.command == "spark":
            return _spark(args)
        if args.command == "bench":
            from quotewire.bench.cli import run_bench

            return run_bench(args)
        return _extract(args)
    except QuotewireError as error:
        print(f"quotewire: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("quotewire: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        # e.g. a path the operating system refuses outright (name too long, no permission)
        where = error.filename or getattr(args, "path", None) or getattr(args, "corpus", None)
        reason = error.strerror or str(error)
        print(f"quotewire: error: {where}: {reason}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _spark(args: argparse.Namespace) -> int:
    from quotewire.scale import spark

    spark.check_inputs(args.inputs, args.manifest)
    summary = spark.run(
        args.inputs,
        args.out,
        master=args.master,
        partitions=args.partitions,
        manifest=args.manifest,
        append=args.append,
        options=run_options(args),
    )
    print(f"quotewire: {summary.line()}", file=sys.stderr)
    if summary.failed:
        print(f"quotewire: the failures are in {args.out.rstrip('/')}/errors/", file=sys.stderr)
    # (as ingest: nothing stored and something failed is a bad input; a job over many files
    # that stored what it could, its failures listed in errors/, succeeded)
    if summary.failed and not summary.stored and not summary.skipped:
        return EXIT_BAD_INPUT
    return EXIT_OK


def _documents_from_jsonl(path: Path) -> Iterator[Document | InputError]:
    """Batch records ``{"id", "text"}`` or ``{"id", "html", "url"}``, one per line."""
    if not path.exists():
        raise MissingInput("no such file", source=str(path))
    with path.open("rb") as stream:
        yield from jsonl_documents(stream, str(path))


def _document_from_file(path: Path) -> Document:
    loaded = read_text(path)
    name, source = shown(path.name), shown(path)
    if is_html(path) or is_html(loaded.text):
        return Document(html=loaded.text, id=name, source=source, warnings=loaded.warnings)
    return Document(text=loaded.text, id=name, source=source, warnings=loaded.warnings)


def _documents(args: argparse.Namespace) -> tuple[list[Document | InputError], bool]:
    """The documents to process and whether the input holds several."""
    return _documents_at(args.path, html=args.html)


def _documents_at(where: str, *, html: bool = False) -> tuple[list[Document | InputError], bool]:
    """The documents at a path (file, folder, batch, or - for standard input) and whether the
    input holds several."""
    if where == "-":
        loaded = decode_bytes(sys.stdin.buffer.read(), source="<stdin>")
        html = html or is_html(loaded.text)
        doc = Document(
            text=None if html else loaded.text,
            html=loaded.text if html else None,
            source="<stdin>",
            warnings=loaded.warnings,
        )
        return [doc], False
    path = Path(where)
    if path.is_dir():
        docs: list[Document | InputError] = []
        for file in iter_article_files(path):
            try:
                docs.append(_document_from_file(file))
            except InputError as error:
                docs.append(error)
        return docs, True
    if path.suffix.lower() == ".jsonl":
        records: list[Document | InputError] = list(_documents_from_jsonl(path))
        if not records:
            raise EmptyInput("no records in batch file", source=str(path))
        return records, True
    return [_document_from_file(path)], False


def _extract(args: argparse.Namespace) -> int:
    from quotewire.pipeline import run_many

    documents, several = _documents(args)
    fmt = args.format or ("jsonl" if several else "json")
    options = run_options(args)
    failed = 0
    results: list[Result] = []
    for document, outcome in zip(documents, run_many(documents, options), strict=True):
        if isinstance(outcome, InputError):
            if not several:
                raise outcome
            print(f"quotewire: skipped {outcome}", file=sys.stderr)
            failed += 1
            continue
        source = document.source if isinstance(document, Document) else "<input>"
        for warning in outcome.warnings:
            print(f"quotewire: warning: {source}: {warning}", file=sys.stderr)
        if fmt == "json":
            results.append(outcome)
        else:
            _write(sys.stdout, outcome, fmt)
    if fmt == "json":
        if several:
            json.dump([r.to_dict() for r in results], sys.stdout, indent=2, ensure_ascii=False)
        elif results:
            _emit(sys.stdout, results[0].to_json_bytes(indent=2))
        sys.stdout.write("\n")
    if several and failed:
        print(f"quotewire: {failed} of {len(documents)} inputs failed", file=sys.stderr)
        if failed == len(documents):
            return EXIT_BAD_INPUT
        return EXIT_PARTIAL
    return EXIT_OK


def _emit(out: TextIO, data: bytes) -> None:
    """Write UTF-8 ``data`` to ``out``: to its byte stream when it has one (no decoded copy)."""
    buffer = getattr(out, "buffer", None)
    if buffer is None:
        out.write(data.decode("utf-8"))
        return
    out.flush()
    buffer.write(data)


def _write(out: TextIO, result: Result, fmt: str) -> None:
    if fmt == "jsonl":
        _emit(out, result.to_json_bytes() + b"\n")
        return
    out.write(format_table(result))
    out.flush()


def format_table(result: Result, width: int = 72) -> str:
    """A readable terminal view of one result: its statements (speaker, type, quote, cue) and
    its figures (figure, unit, measure, claimant), each a table with a header row."""
    article = result.article
    head = result.id or article.title or "(untitled)"
    lines = [f"== {head}"]
    facts = [
        f"published {article.published}"
        + (" (year inferred)" if article.published_inferred else "")
        if article.published
        else "",
        f"credited to {article.credited_source.name}" if article.credited_source else "",
        plural(len(result.quotes), "statement"),
        plural(len(result.claims), "figure") if result.claims else "",
    ]
    lines.append("   " + " · ".join(f for f in facts if f))
    if result.quotes:
        statements = [
            {
                "speaker": quote.speaker.name if quote.speaker else "?",
                "type": quote.type,
                "text": quote.text,
                "cue": f"[{quote.cue.text}]" if quote.cue else "",
            }
            for quote in result.quotes
        ]
        lines.append(_indented(table(statements, _statement_columns(width))))
    if result.claims:
        figures = [
            {
                "figure": claim.span.text,
                "unit": claim.unit,
                "measure": claim.measure or "?",
                "claimant": claim.claimant.name if claim.claimant else "narrator",
            }
            for claim in result.claims
        ]
        lines.append(_indented(table(figures, _FIGURE_COLUMNS)))
    return "\n".join(lines) + "\n\n"


def _statement_columns(width: int) -> tuple[Column, ...]:
    return (
        Column("speaker", "SPEAKER", 28),
        Column("type", "TYPE", 8),
        Column("text", "QUOTE", width),
        Column("cue", "CUE", 30),
    )


_FIGURE_COLUMNS = (
    Column("figure", "FIGURE", 30),
    Column("unit", "UNIT", 13),
    Column("measure", "MEASURE", 48),
    Column("claimant", "CLAIMANT", 30),
)


def _indented(text: str) -> str:
    return "\n".join(f"   {line}" for line in text.rstrip("\n").split("\n"))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
