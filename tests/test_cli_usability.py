"""The command line as a person meets it: help that states every default, tables with header
rows and cut cells marked, counts in words, files written where --out says, read commands that
create nothing, and a progress bar on a terminal.

The commands run as real processes over a real SQLite store; the terminal is a real
pseudo-terminal.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.cli import build_parser
from quotewire.terminal import Column, clip, plural, table

CORPUS = Path(__file__).parent / "data" / "corpus"
COMMAND = [sys.executable, "-m", "quotewire.cli"]


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *map(str, args)], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of three articles of the cross-article corpus, stored by the ingest command
    (standard error a pipe, not a terminal)."""
    db = tmp_path_factory.mktemp("usability") / "q.db"
    files = [CORPUS / n for n in ("01-kowalska-march.txt", "02-lund-march.txt", "04-lund-july.txt")]
    run = _run("ingest", *files, "--db", db)
    assert run.returncode == 0, run.stderr
    # off a terminal: no progress bar, one summary line
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("quotewire: 3 read, 3 added, 0 already stored, 0 failed (")
    assert "\r" not in run.stderr and "\x1b" not in run.stderr
    return db


def _options(
    parser: argparse.ArgumentParser, command: str = ""
) -> list[tuple[str, argparse.Action]]:
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _options(sub, f"{command} {name}".strip())
        elif action.option_strings and not isinstance(
            action, argparse._HelpAction | argparse._VersionAction
        ):
            found.append((command, action))
    return found


def test_every_option_has_help_that_states_its_default() -> None:
    options = _options(build_parser())
    assert len(options) > 40  # (every subcommand's options were reached)
    missing = []
    for command, action in options:
        text = action.help or ""
        switch = action.nargs == 0  # --json, --append ...: on or off, off unless given
        if not text or not (switch or action.required or "default: " in text):
            missing.append(f"{command} {action.option_strings[0]}: {text!r}")
    assert missing == []


def test_counts_read_as_words_and_cut_cells_end_in_an_ellipsis() -> None:
    assert plural(1, "statement") == "1 statement"
    assert plural(0, "statement") == "0 statements"
    assert plural(2, "entity") == "2 entities" and plural(2, "day") == "2 days"
    assert plural(1_200, "quote") == "1,200 quotes"
    assert plural(3, "person", "people") == "3 people"
    assert clip("short", 10) == "short"
    assert clip("a  line\nbroken", 20) == "a line broken"
    assert clip("exactly ten", 11) == "exactly ten"
    assert clip("one word too many", 10) == "one word …"
    assert len(clip("x" * 50, 10)) == 10
    shown = table(
        [{"n": 1, "text": "a statement far too long for its column"}, {"n": 22, "text": None}],
        [Column("n", "N", 5), Column("text", "QUOTE", 12)],
    )
    assert shown.splitlines() == ["N   QUOTE", "1   a statement…", "22"]


def test_search_and_speakers_print_tables_with_a_header_row(store: Path) -> None:
    search = _run("search", "inflation", "--db", store)
    assert search.returncode == 0, search.stderr
    lines = search.stdout.splitlines()
    assert lines[0].split() == ["PUBLISHED", "SPEAKER", "TYPE", "QUOTE"]
    assert len(lines) > 1 and all(len(line) <= 10 + 28 + 8 + 90 + 6 for line in lines)
    assert any(line.endswith("…") for line in lines[1:])  # long quotes are marked as cut
    speakers = _run("speakers", "--db", store)
    assert speakers.returncode == 0, speakers.stderr
    head, *rows = speakers.stdout.splitlines()
    assert head.split() == ["QUOTES", "NAME", "ID", "ROLES"]
    assert any("Henrik Lund" in row and "person:henrik-lund" in row for row in rows)
    nothing = _run("search", "zzzznotaword", "--db", store, "--format", "csv")
    assert nothing.returncode == 0
    assert nothing.stdout.splitlines() == ["published,speaker,type,text"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_writes_the_file_out_names_for_every_format(
    store: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"export.{fmt}"
    run = _run("export", "--db", store, "--format", fmt, "--out", out)
    assert run.returncode == 0, run.stderr
    assert run.stdout == ""  # the file, not standard output, has the export
    assert out.is_file() and not list(tmp_path.glob(".*partial"))
    printed = _run("export", "--db", store, "--format", "csv").stdout
    quotes = len(list(csv.DictReader(io.StringIO(printed))))
    if fmt == "jsonl":
        results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert len(results) == 3 and all(r["quotes"] for r in results)
        assert run.stderr == f"quotewire: 3 articles -> {out}\n"
    elif fmt == "csv":
        assert out.read_text(encoding="utf-8") == printed
        assert run.stderr == f"quotewire: {quotes} quotes -> {out}\n"
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).num_rows == quotes
        assert run.stderr == f"quotewire: {quotes} quotes -> {out}\n"


def test_export_to_a_place_it_cannot_write_is_one_line(store: Path, tmp_path: Path) -> None:
    for out, reason in (
        (tmp_path / "no" / "such" / "folder.csv", "no folder"),
        (tmp_path, "is a folder"),
    ):
        run = _run("export", "--db", store, "--format", "csv", "--out", out)
        assert run.returncode == 2 and reason in run.stderr and str(out) in run.stderr
        assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    "command",
    [["search", "inflation"], ["speakers"], ["export"], ["export", "--format", "csv"], ["serve"]],
)
def test_read_commands_on_a_missing_store_exit_2_and_create_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "missing.db"
    run = _run(*command, "--db", db)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "missing.db" in run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert list(tmp_path.iterdir()) == []


def test_ingest_shows_a_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    files = sorted(CORPUS.glob("*.txt"))[:4]
    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        [*COMMAND, "ingest", *map(str, files), "--db", str(db)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=follower,
        env=env,
    )
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 300)
        if not ready:
            process.kill()
            pytest.fail("ingest wrote nothing to its terminal for 300 s")
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=60) == 0
    os.close(leader)
    shown = b"".join(chunks).decode("utf-8", errors="replace")
    assert "4/4" in shown  # count of the total
    assert "articles/s" in shown and "0 failed" in shown
    assert "0:00:00" in shown  # the time left, at the end
    assert "quotewire: 4 read, 4 added, 0 already stored, 0 failed" in shown
