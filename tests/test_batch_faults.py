"""Faults inside a batch: one article's failure is that article's error, never the end of the
run, and never a traceback; workers never outlive the ingest that started them; odd bytes in
file names, arguments and records get one line."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import quotewire
import quotewire.pipeline
from quotewire.cli import main
from quotewire.errors import AnalysisFailed, BinaryInput, InputError
from quotewire.pipeline import Document, run_many
from quotewire.runners.ingest import ingest
from quotewire.store import open_store

STORIES = [
    f'"The harbour will reopen in week {n}," port director Lena Holm said on Monday.\n\n'
    f"The port handled {n + 2} million tonnes of cargo last year.\n"
    for n in range(1, 9)
]
POISON = "POISON-PILL"  # the text a patched stage fails on


def _cli(*args: str | bytes, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        errors="backslashreplace",
    )


def _one_line(run: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in run.stderr, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    return lines[0]


@pytest.fixture
def failing_stage(monkeypatch: pytest.MonkeyPatch) -> None:
    """The claims stage raises an unexpected exception on any article holding POISON (as a
    bug in one stage would), and works as usual on the rest."""
    real = quotewire.pipeline.find_claims

    def find_claims(text: str, *args: Any, **kwargs: Any) -> Any:
        if POISON in text:
            raise ValueError("a stage broke on this article")
        return real(text, *args, **kwargs)

    monkeypatch.setattr(quotewire.pipeline, "find_claims", find_claims)


def test_an_exception_in_one_article_is_its_error_and_the_batch_goes_on(
    failing_stage: None,
) -> None:
    documents = [
        Document(text=STORIES[0], source="one.txt"),
        Document(text=STORIES[1] + POISON, source="two.txt"),
        Document(text=STORIES[2], source="three.txt"),
    ]
    outcomes = list(run_many(documents))
    assert isinstance(outcomes[0], quotewire.Result) and isinstance(outcomes[2], quotewire.Result)
    failed = outcomes[1]
    assert isinstance(failed, AnalysisFailed) and isinstance(failed, InputError)
    assert str(failed).startswith("two.txt: analysis failed (ValueError: a stage broke")
    assert "\n" not in str(failed)


def test_extract_over_a_folder_reports_the_failing_article_and_writes_the_rest(
    failing_stage: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for n, story in enumerate(STORIES[:3]):
        (tmp_path / f"story{n}.txt").write_text(
            story + (POISON if n == 1 else ""), encoding="utf-8"
        )
    code = main(["extract", str(tmp_path), "--format", "jsonl"])
    captured = capsys.readouterr()
    assert code == 1
    assert len(captured.out.strip().splitlines()) == 2
    assert f"skipped {tmp_path / 'story1.txt'}: analysis failed (ValueError" in captured.err
    assert "Traceback" not in captured.err


def test_ingest_stores_every_article_but_the_failing_one(
    failing_stage: None, tmp_path: Path
) -> None:
    documents = [Document(text=s + (POISON if n == 2 else ""), source=f"s{n}") for n, s in
                 enumerate(STORIES[:4])]
    with open_store(tmp_path / "q.db") as store:
        summary = ingest(documents, store)
        assert summary.added == 3 and len(summary.failed) == 1
        assert summary.failed[0].startswith("s2: analysis failed")
        assert store.count("articles") == 3


def test_a_worker_killed_mid_article_fails_that_article_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A worker process that dies (as under the out-of-memory killer) breaks the process
    pool; the article it was on is reported and every other article is still stored."""
    real = quotewire.pipeline.run_one

    def run_one(document: Document, *args: Any, **kwargs: Any) -> Any:
        if POISON in (document.text or ""):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(document, *args, **kwargs)

    monkeypatch.setattr(quotewire.pipeline, "run_one", run_one)  # forked workers inherit it
    documents = [
        Document(text=s + (POISON if n == 3 else ""), source=f"s{n}")
        for n, s in enumerate(STORIES)
    ]
    with open_store(tmp_path / "q.db") as store:
        summary = ingest(documents, store, jobs=2)
        assert summary.failed == [
            "s3: the worker process analysing it died (killed, or out of memory)"
        ]
        assert summary.added == len(STORIES) - 1
        assert store.count("articles") == len(STORIES) - 1


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_workers_die_with_an_ingest_killed_by_sigkill(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(60):
        (folder / f"{n:03}.txt").write_text(STORIES[n % len(STORIES)] + f"Item {n}.\n")
    ingest_run = subprocess.Popen(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(folder), "--jobs", "2",
         "--db", str(tmp_path / "q.db")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.time() + 120
    while time.time() < deadline and len(workers) < 2:
        workers = _children(ingest_run.pid)
        time.sleep(0.2)
    assert len(workers) >= 2, "the ingest did not start its workers"
    ingest_run.send_signal(signal.SIGKILL)
    ingest_run.wait(timeout=30)
    deadline = time.time() + 30
    while time.time() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"worker processes {left} outlived the ingest"


def _warc(path: Path, records: list[tuple[str | None, bytes]]) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=BytesIO(body), http_headers=headers
                )
            )


def _page(n: int) -> bytes:
    return f"<html><body><article><p>{STORIES[n]}</p></article></body></html>".encode()


def test_a_warc_record_without_a_target_uri_is_reported_and_the_rest_stored(
    tmp_path: Path,
) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, [("https://news.invalid/1", _page(1)), (None, _page(2)),
                 ("https://news.invalid/3", _page(3))])
    run = _cli("ingest", str(warc), "--db", str(tmp_path / "q.db"))
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"skipped {warc}#2: a response record without a WARC-Target-URI" in run.stderr
    assert "2 added" in run.stderr
    with open_store(tmp_path / "q.db") as store:
        urls = {r["url"] for r in store.articles()}
    assert urls == {"https://news.invalid/1", "https://news.invalid/3"}


def test_a_truncated_warc_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    _warc(whole, [(f"https://news.invalid/{n}", _page(n)) for n in range(3)])
    data = gzip.decompress(whole.read_bytes())
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: data.rindex(b"WARC/1") + 40])  # the third record's header breaks off
    run = _cli("ingest", str(cut), "--db", str(tmp_path / "q.db"))
    assert "Traceback" not in run.stderr
    assert "2 added" in run.stderr, run.stderr
    assert run.returncode == 1


def test_a_nul_byte_past_the_first_kilobytes_is_refused_the_same_way_on_both_stores(
    tmp_path: Path, store_url: str
) -> None:
    db = store_url
    folder = tmp_path / "in"
    folder.mkdir()
    late_nul = STORIES[0] * 400  # far past any sniffed head
    (folder / "a.txt").write_text(late_nul[:20_000] + "\x00" + late_nul[20_000:])
    (folder / "b.txt").write_text(STORIES[1])
    run = _cli("ingest", str(folder), "--db", db)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"skipped {folder / 'a.txt'}: looks like a binary file (a NUL byte at offset 20,000)" \
        in run.stderr
    assert "1 added" in run.stderr


def test_nul_and_lone_surrogates_in_records_are_refused_with_their_offset() -> None:
    with pytest.raises(BinaryInput, match="a NUL character at offset 4"):
        quotewire.extract('"Yes\x00," Lena Holm said.')
    with pytest.raises(BinaryInput, match="a lone surrogate at offset 4"):
        quotewire.extract('"Yes\ud800," Lena Holm said.')
    with pytest.raises(BinaryInput, match="NUL"):
        quotewire.extract(html="<p>Lena Holm said\x00 yes.</p>")


def test_file_names_that_are_not_utf8_are_shown_escaped_in_output_and_store(
    tmp_path: Path,
) -> None:
    folder = os.fsencode(tmp_path) + b"/in"
    os.mkdir(folder)
    with open(folder + b"/caf\xe9.txt", "w", encoding="utf-8") as handle:
        handle.write(STORIES[0])
    run = _cli("extract", os.fsdecode(folder), "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    assert '"id":"caf\\\\xe9.txt"' in run.stdout
    stored = _cli("ingest", os.fsdecode(folder), "--db", str(tmp_path / "q.db"))
    assert stored.returncode == 0, stored.stderr
    assert "1 added" in stored.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", b"caf\xe9"], "the query is not UTF-8 text: caf\\xe9"),
        (["search", "harbour", "--speaker", b"\xff"], "--speaker is not UTF-8 text: \\xff"),
        (["search", "harbour", "--limit", str(2**64)], "is not between 1 and 1,000,000"),
        (["search", "harbour", "--limit", "-1"], "is not between 1 and 1,000,000"),
        (["ingest", "x.txt", "--jobs", "0"], "is not between 1 and 256"),
        (["serve", "--port", "70000"], "is not between 0 and 65,535"),
    ],
    ids=["query", "speaker", "limit-huge", "limit-negative", "jobs", "port"],
)
def test_arguments_that_cannot_be_used_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str | bytes], message: str
) -> None:
    db = tmp_path / "q.db"
    run = _cli(*args, "--db", str(db))
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert message in run.stderr


def test_mixed_script_text_is_refused_naming_what_was_found() -> None:
    text = (
        "Министр заявил, что порт откроется весной. "
        "Ο υπουργός δήλωσε ότι το λιμάνι θα ανοίξει. "
        "The minister said so. "
    ) * 4
    with pytest.raises(quotewire.UnsupportedLanguage) as refused:
        quotewire.extract(text)
    message = str(refused.value)
    assert "mixed scripts (Cyrillic" in message and "Greek" in message and "Latin" in message
    assert "%" in message


def test_english_with_another_script_in_it_is_read_with_a_warning_naming_it() -> None:
    text = STORIES[0] + "Порт откроется весной, заявил министр.\n" * 2
    result = quotewire.extract(text)
    assert any(w.startswith("mixed scripts (Latin") and "Cyrillic" in w for w in result.warnings)
    assert result.quotes


def test_a_record_whose_url_no_store_can_look_up_is_that_records_error(
    tmp_path: Path, store_url: str
) -> None:
    batch = tmp_path / "batch.jsonl"
    records = [
        {"id": "a", "text": STORIES[0], "url": "https://news.invalid/a"},
        {"id": "b", "text": STORIES[1], "url": "https://news.invalid/\u0000b"},
        {"id": "c", "text": STORIES[2], "url": "https://news.invalid/c"},
    ]
    batch.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run = _cli("ingest", str(batch), "--db", store_url)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert f"skipped {batch}:2 (id b):" in run.stderr and "NUL" in run.stderr
    assert "2 added" in run.stderr
