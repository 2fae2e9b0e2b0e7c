"""``quotewire spark``: Spark for real, in local mode, on WARC, JSONL and Parquet inputs written
here, with a corrupt WARC record, an undecodable JSONL line and a path that matches nothing."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest

from quotewire.corpus import article_order
from quotewire.errors import InputError
from quotewire.ingest.document import article_key
from quotewire.ingest.sources import read_warc
from quotewire.model import RegistryEntity
from quotewire.pipeline import run_one
from quotewire.speakers.registry import block_key, sightings

pytest.importorskip("pyspark", reason="pyspark is not installed (make test installs it)")
if shutil.which("java") is None:
    pytest.skip("no Java runtime (.ci/run installs default-jre-headless)", allow_module_level=True)

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
PAGE = (
    "<html><head><title>{title}</title>"
    '<meta property="article:published_time" content="{date}"></head><body><article>'
    "<h1>{title}</h1>{body}</article></body></html>"
)
HARBOUR = (
    "<p>The port of Halden handled 2.4 million tonnes of cargo last year, harbour director "
    'Kari Berg said on Monday.</p><p>"We expect more than 3 million tonnes by 2027," '
    "Berg said.</p>"
)
FERRY = (
    "<p>The ferry will run 14 crossings a day from June, operator Nils Dahl said.</p>"
    "<p>Dahl added that tickets would cost about 20 euros.</p>"
)
TEXTS = [
    {
        "id": "mill",
        "text": "The mill will close in March, owner Greta Lind said on Tuesday. "
        '"We lost 40 percent of our orders," Lind said.',
    },
    {
        "id": "bridge",
        "text": 'Mayor Jonas Holm said the bridge would reopen next week. "Traffic will be '
        'back to normal by Friday," he told reporters.',
    },
]


def _warc(folder: Path) -> None:
    """``crawl.warc``: two HTML pages dated in two months, an image, and a response record
    without a target URI (that record's error); ``cut.warc.gz``: a page, then the file ends
    inside its second record (that record's error, after the page)."""

    def response(writer: WARCWriter, uri: str, kind: str, body: bytes) -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=BytesIO(body), http_headers=headers
        )
        writer.write_record(record)

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    page = PAGE.format(title="Halden port traffic grows", date="2024-03-04", body=HARBOUR)
    response(writer, "https://news.invalid/halden", "text/html; charset=utf-8", page.encode())
    response(writer, "https://news.invalid/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")
    page = PAGE.format(title="Ferry timetable", date="2024-05-20", body=FERRY)
    response(writer, "https://news.invalid/ferry", "text/html", page.encode())
    no_uri = (
        b"WARC/1.0\r\nWARC-Type: response\r\n"
        b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
        b"Content-Type: application/http; msgtype=response\r\nContent-Length: 19\r\n\r\n"
        b"HTTP/1.1 200 OK\r\n\r\n\r\n\r\n"
    )
    (folder / "crawl.warc").write_bytes(buffer.getvalue() + no_uri)

    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    page = PAGE.format(title="Mill closes", date="2024-03-11", body=TEXTS[0]["text"])
    response(writer, "https://news.invalid/mill", "text/html", page.encode())
    response(writer, "https://news.invalid/more", "text/html", b"<html>" + b"x" * 4000)
    data = buffer.getvalue()
    (folder / "cut.warc.gz").write_bytes(data[: len(data) - 200])


def _spark(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "spark", "--master", "local[2]", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = (
        ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()
    )
    return rows


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    _warc(folder)
    lines = [json.dumps(t) for t in TEXTS]
    with open(folder / "batch.jsonl", "wb") as out:
        out.write(lines[0].encode() + b"\n")
        out.write(b'{"id": "latin1", "text": "caf\xe9 \xe9t\xe9"}\n')  # not UTF-8
        out.write(lines[1].encode() + b"\n")
    table = pa.table(
        {
            "id": ["dam"],
            "text": [
                'Engineer Ola Berg said the dam holds 12 million cubic meters. "It is '
                'safe," Berg said.'
            ],
        }
    )
    pq.write_table(table, folder / "more.parquet")
    return folder


@pytest.fixture(scope="module")
def job(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark") / "out"
    run = _spark(
        str(inputs / "*.warc*"),
        str(inputs / "batch.jsonl"),
        str(inputs / "more.parquet"),
        str(inputs / "nothing-*.jsonl"),
        "--out",
        str(out),
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return out


def test_summary_counts_every_record(job: Path) -> None:
    summary = json.loads((job / "summary.json").read_text())
    # 3 pages in two WARC files, 2 of 3 JSONL lines, 1 Parquet row (the mill's text is in the
    # JSONL too, but as a page with a URL it is another input: stored under its own key)
    assert summary["stored"] == 6
    # a record without URI, a file that breaks off, a line not UTF-8, a glob matching nothing
    assert summary["failed"] == 4
    assert summary["quotes"] == len(_table(job, "quotes")) > 0
    assert summary["claims"] == len(_table(job, "claims")) > 0
    assert summary["people"] == len(_table(job, "registry")) > 0
    assert summary["timelines"] == len(_table(job, "timelines")) > 0
    assert summary["peak_worker_mb"] > 50  # a worker holds the spaCy model


def test_bad_records_and_inputs_are_error_rows(job: Path) -> None:
    errors = _table(job, "errors")
    reasons = {(Path(e["input"]).name, e["reason"].split(" (")[0]) for e in errors}
    assert ("crawl.warc", "a response record without a WARC-Target-URI") in reasons
    assert ("cut.warc.gz", "unreadable HTTP response") in reasons  # the record cut short
    assert ("batch.jsonl", "not UTF-8 text") in reasons
    assert ("nothing-*.jsonl", "no such file") in reasons
    line = next(e for e in errors if e["reason"] == "not UTF-8 text")
    assert line["record"].endswith("batch.jsonl:2")


def test_records_are_byte_identical_to_extract(job: Path, inputs: Path) -> None:
    extract = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "extract", str(inputs / "batch.jsonl")],
        capture_output=True,
        timeout=300,
    )
    assert extract.returncode == 1  # one line of three failed
    lines = extract.stdout.splitlines()
    assert len(lines) == 2
    quotes = _table(job, "quotes")
    claims = _table(job, "claims")
    for line in lines:
        result = json.loads(line)
        text = result["article"]["text"]
        key = next(a["article_id"] for a in _table(job, "articles") if a["text"] == text)
        mine = sorted(q["record"].encode() for q in quotes if q["article_id"] == key)
        assert len(mine) == len(result["quotes"]) > 0
        assert all(record in line for record in mine)
        figures = sorted(c["record"].encode() for c in claims if c["article_id"] == key)
        assert len(figures) == len(result["claims"])
        assert all(record in line for record in figures)


def test_warc_pages_match_run_one_and_are_partitioned_by_month(job: Path, inputs: Path) -> None:
    documents = [d for d in read_warc(str(inputs / "crawl.warc")) if not isinstance(d, InputError)]
    assert len(documents) == 2
    quotes = _table(job, "quotes")
    for document in documents:
        result = run_one(document)
        key = article_key(document)
        records = {q["record"] for q in quotes if q["article_id"] == key}
        assert records == {q.model_dump_json() for q in result.quotes}
        # each entity row names the registry block the single-machine registry resolves it in
        rows = [e for e in _table(job, "entities") if e["article_id"] == key]
        blocks = {e["entity_id"]: e["block"] for e in rows}
        order = article_order(result)
        seen = sightings(key, result.entities, result.article.published, order=order)
        assert blocks == {
            e.id: next((block_key(s) for s in seen if s.entity.id == e.id), None)
            for e in result.entities
        }
        assert any(blocks.values())
    months = {p.name for p in (job / "quotes").iterdir() if p.is_dir()}
    assert {"month=2024-03", "month=2024-05"} <= months
    ferry = [q for q in quotes if q["speaker"] == "Nils Dahl"]
    assert ferry and {q["month"] for q in ferry} == {"2024-05"}


def test_same_output_whatever_the_partitions_and_append_adds_only_new(
    job: Path, inputs: Path, tmp_path: Path
) -> None:
    out = tmp_path / "one"
    run = _spark(str(inputs / "batch.jsonl"), "--out", str(out), "--partitions", "1")
    assert run.returncode == 0, run.stderr
    keys = {a["article_id"] for a in _table(out, "articles")}
    first = {(q["article_id"], q["record"]) for q in _table(job, "quotes")}
    assert {(q["article_id"], q["record"]) for q in _table(out, "quotes")} <= first
    assert {a["article_id"] for a in _table(job, "articles")} >= keys
    # a run into the same folder without --append replaces every dataset (the tasks' files
    # are named by the run: none of the first run's is left) and writes the same rows
    before = {p.name for p in out.rglob("part-*")}
    rerun = _spark(str(inputs / "batch.jsonl"), "--out", str(out), "--partitions", "2")
    assert rerun.returncode == 0, rerun.stderr
    assert before and not before & {p.name for p in out.rglob("part-*")}
    assert {(q["article_id"], q["record"]) for q in _table(out, "quotes")} <= first
    assert {a["article_id"] for a in _table(out, "articles")} == keys
    # the same JSONL again, with the Parquet file and a copy of the JSONL: only the dam is new
    shutil.copy(inputs / "batch.jsonl", tmp_path / "copy.jsonl")
    again = _spark(
        str(inputs / "batch.jsonl"),
        str(tmp_path / "copy.jsonl"),
        str(inputs / "more.parquet"),
        "--out",
        str(out),
        "--append",
        "--partitions",
        "3",
    )
    assert again.returncode == 0, again.stderr
    summary = json.loads((out / "summary.json").read_text())
    # the 4 records of the two stored articles are skipped (2 of them copies of the others)
    assert summary["stored"] == 1 and summary["skipped"] == 4 and summary["failed"] == 2
    articles = _table(out, "articles")
    assert len(articles) == len({a["article_id"] for a in articles}) == 3
    keys = {a["article_id"] for a in articles}
    spark_quotes = {(q["article_id"], q["record"]) for q in _table(out, "quotes")}
    assert spark_quotes == {(key, record) for key, record in first if key in keys}


def test_no_inputs_and_no_pyspark_are_one_line_errors(tmp_path: Path) -> None:
    run = _spark("--out", str(tmp_path / "out"))
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0 and "no inputs" in run.stderr
    blocked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['pyspark'] = None; "
            "from quotewire.cli import main; sys.exit(main(['spark', 'x.jsonl', '--out', 'o']))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert blocked.returncode == 2
    assert "pyspark is not installed" in blocked.stderr and "Traceback" not in blocked.stderr
    assert not (tmp_path / "o").exists()


def test_spark_submit_runs_the_command_line_module(job: Path, inputs: Path, tmp_path: Path) -> None:
    import pyspark

    import quotewire.cli

    submit = Path(pyspark.__file__).parent / "bin" / "spark-submit"
    out = tmp_path / "submitted"
    run = subprocess.run(
        [
            str(submit),
            "--master",
            "local[1]",
            quotewire.cli.__file__,
            "spark",
            str(inputs / "batch.jsonl"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYSPARK_PYTHON": sys.executable},
    )
    assert run.returncode == 0, run.stderr[-2000:]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["master"] == "local[1]" and summary["stored"] == 2  # spark-submit's master
    keys = {a["article_id"] for a in _table(out, "articles")}
    first = {
        (q["article_id"], q["record"]) for q in _table(job, "quotes") if q["article_id"] in keys
    }
    assert first and {(q["article_id"], q["record"]) for q in _table(out, "quotes")} == first


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_load_fills_a_store_that_serve_shows(
    job: Path, inputs: Path, tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    from conftest import _new_database, serving
    from quotewire.store import open_store

    if backend == "sqlite":
        db = str(tmp_path / "loaded.db")
    else:
        db = _new_database(request.getfixturevalue("postgres_server"), f"load-{tmp_path}")
    load = [sys.executable, "-m", "quotewire.cli", "load", str(job), "--db", db]
    run = subprocess.run(load, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "6 read, 6 added, 0 already stored, 0 failed" in run.stderr
    again = subprocess.run(load, capture_output=True, text=True, timeout=300)
    assert "6 read, 0 added, 6 already stored" in again.stderr
    # each stored result is the one ingest stores from the same input
    extract = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "extract", str(inputs / "batch.jsonl")],
        capture_output=True,
        timeout=300,
    )
    with open_store(db, read_only=True) as store:
        stored = {result.article.text: result for _, result in store.results()}
        assert len(stored) == 6
        for line in extract.stdout.splitlines():
            result = json.loads(line)
            assert stored[result["article"]["text"]].to_json().encode() == line
        # loaded in the registry's order, the store's registry is the job's registry/ (its
        # members name the store's articles by their ids there, by their keys here)
        rows = store.db.execute("SELECT id, content_hash FROM articles").fetchall()
        keys = {str(id): key for id, key in rows}

        def joined(entity: RegistryEntity, key: Callable[[str], str]) -> tuple[object, ...]:
            members = sorted((key(m.article), m.entity, m.evidence) for m in entity.members)
            roles = tuple(r.model_dump_json() for r in entity.roles)
            return entity.id, entity.name, entity.type, tuple(members), roles

        loaded = {joined(e, keys.__getitem__) for e in store.registry()}
        written = [RegistryEntity.model_validate_json(r["record"]) for r in _table(job, "registry")]
        assert loaded == {joined(e, str) for e in written}
    with serving(db) as base:
        import httpx

        hits = httpx.get(f"{base}/api/quotes", params={"speaker": "Nils Dahl"}).json()["items"]
        assert hits and all(h["speaker"] == "Nils Dahl" for h in hits)
        assert {h["published"][:7] for h in hits} == {"2024-05"}


def test_registry_and_timelines_are_the_same_for_1_2_and_4_partitions_and_one_machine(
    tmp_path: Path,
) -> None:
    """The registry step is distributed by block (surname, organization name) and the
    timelines by claimant: 1, 2 and 4 partitions give the same entities, ids, joins and
    evidence, and the same claim groups and flags, as the Corpus (``quotewire claims``) builds
    from extract's results on one machine."""
    from quotewire.corpus import Corpus, article_order
    from quotewire.model import Result

    corpus = ROOT / "tests" / "data" / "corpus"
    batch = tmp_path / "corpus.jsonl"
    with open(batch, "w", encoding="utf-8") as out:
        for path in sorted(corpus.glob("*.txt")):
            out.write(json.dumps({"id": path.name, "text": path.read_text("utf-8")}) + "\n")
    registries, timelines = [], []
    for partitions in ("1", "2", "4"):
        out_dir = tmp_path / f"p{partitions}"
        run = _spark(str(batch), "--out", str(out_dir), "--partitions", partitions)
        assert run.returncode == 0, run.stderr
        rows = _table(out_dir, "registry")
        registries.append(sorted((r["id"], r["record"]) for r in rows))
        timelines.append(sorted(r["record"] for r in _table(out_dir, "timelines")))
    assert registries[0] == registries[1] == registries[2]
    assert timelines[0] == timelines[1] == timelines[2]
    ids = [id for id, _ in registries[0]]
    assert len(ids) == len(set(ids)) > 5
    extract = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "extract", str(batch)],
        capture_output=True,
        timeout=300,
    )
    one_machine = Corpus()
    for line in extract.stdout.splitlines():
        result = Result.model_validate_json(line)
        one_machine.add(result, key=article_order(result))  # the article key spark uses
    assert sorted((e.id, e.model_dump_json()) for e in one_machine.registry) == registries[0]
    # the claim timelines with their flags, as `quotewire claims` makes them
    assert sorted(g.model_dump_json() for g in one_machine.claims()) == timelines[0]
    flagged = [json.loads(r) for r in timelines[0] if json.loads(r)["flags"]]
    assert any(
        g["claimant_name"] == "Maria Kowalska" and "deficit" in g["measure"] for g in flagged
    )
    kowalska = [
        json.loads(r) for id, r in registries[0] if id.startswith("person:") and "kowalska" in id
    ]
    assert len(kowalska) == 2 and all(m["evidence"] for e in kowalska for m in e["members"])
