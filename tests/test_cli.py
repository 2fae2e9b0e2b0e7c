"""The ``quotewire`` console script, driven as a subprocess on real files.

Each spaCy-loading run costs about a second, so every run below is shared by as many assertions
as it can carry: eight runs load the model, the error runs and ``schema``/``--version`` do not.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from quotewire.ingest.files import MAX_BYTES

# A wire story whose dateline has no year; the only year in the text is 2019, so without a
# reference date the year is inferred as 2019.
ARTICLE = (
    "Lakeside bridge to reopen after winter repairs\n"
    "\n"
    "LAKESIDE, April 12 (Reuters) - The main river crossing in Lakeside will carry traffic "
    "again next month, the city said on Tuesday.\n"
    "\n"
    '"We will reopen the bridge in May," Mayor Ellen Novak said. '
    '"Crews have replaced every cable and most of the deck."\n'
    "\n"
    "The bridge, which opened in 2019, has been closed since a barge struck one of its piers.\n"
    "\n"
    "Transport director Omar Haddad said the work had cost about 12 million dollars.\n"
    "\n"
    '"The delays were caused by the cold weather, not by the contractor," Haddad told reporters.\n'
)

SECOND_ARTICLE = (
    "Library extends opening hours\n"
    "\n"
    "The central library will stay open until 9 p.m. on weekdays from next week.\n"
    "\n"
    '"Students asked us for quiet evenings, and we listened," head librarian '
    "Priya Raman said.\n"
)

STDIN_ARTICLE = '"Rain is coming for the whole weekend," forecaster Ida Moss said on Friday.\n'

BROKEN_HTML = (
    "<html><head><title>Buses and budgets</title></head><body>\n"
    '<p>"We need more buses on the night routes," Councillor Ada Ruiz said.\n'
    "<div><p>Unclosed <b>tags run through this <i>page\n"
    '<p>"The budget is tight this year," Treasurer Paul Imre said.</span></td>\n'
)

LATIN1_ARTICLE = (
    "Caf\u00e9s count the cost of the cold\n"
    "\n"
    '"Business is slow this winter, but we will not close," said Ren\u00e9e Blanc, '
    "who runs the Caf\u00e9 du Port.\n"
)


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


def _command() -> list[str]:
    script = shutil.which("quotewire", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "quotewire.cli"]


def quotewire(*args: str | Path, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
    done = subprocess.run(
        [*_command(), *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        cwd=cwd,
        timeout=120,
        check=False,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8"),
        done.stderr.decode("utf-8", errors="replace"),
    )


def spans(node: Any) -> Iterator[dict[str, Any]]:
    """Every span record (a dict with start, end and text) anywhere in a result."""
    if isinstance(node, dict):
        if {"start", "end", "text"} <= node.keys():
            yield node
        for value in node.values():
            yield from spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from spans(value)


def assert_spans_exact(result: dict[str, Any]) -> None:
    text = result["article"]["text"]
    found = list(spans(result))
    assert found, "a result with quotes has spans"
    for span in found:
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"] : span["end"]] == span["text"], span


def speakers_by_quote(result: dict[str, Any]) -> dict[str, str | None]:
    return {q["text"]: (q["speaker"]["name"] if q["speaker"] else None) for q in result["quotes"]}


@pytest.fixture(scope="module")
def article_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("article")
    (folder / "bridge.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def json_run(article_dir: Path) -> Run:
    return quotewire("extract", article_dir / "bridge.txt")


# --- one article ---------------------------------------------------------------------------


def test_extract_json_has_quotes_speakers_and_exact_spans(json_run: Run) -> None:
    assert json_run.returncode == 0, json_run.stderr
    assert "Traceback" not in json_run.stderr
    result = json.loads(json_run.stdout)
    assert isinstance(result, dict), "one article gives one JSON object, not a list"
    assert result["id"] == "bridge.txt"
    assert result["article"]["text"] == ARTICLE, "the text analysed is the file, unchanged"
    by_quote = speakers_by_quote(result)
    # the second quotation continues the first in its paragraph: one quote, two spans
    assert (
        by_quote[
            "We will reopen the bridge in May … "
            "Crews have replaced every cable and most of the deck."
        ]
        == "Ellen Novak"
    )
    assert (
        by_quote["The delays were caused by the cold weather, not by the contractor"]
        == "Omar Haddad"
    )
    assert {q["type"] for q in result["quotes"]} >= {"direct", "indirect"}
    assert result["article"]["credited_source"]["name"] == "Reuters"
    assert_spans_exact(result)


def test_extract_table_shows_speaker_type_quote_and_cue(article_dir: Path) -> None:
    run = quotewire("extract", article_dir / "bridge.txt", "--format", "table")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "== bridge.txt", "a result is headed by its id, the file name"
    header = next(line for line in lines if "SPEAKER" in line)
    assert header.split() == ["SPEAKER", "TYPE", "QUOTE", "CUE"]
    row = next(line for line in lines if "We will reopen the bridge in May" in line)
    assert row.split()[:3] == ["Ellen", "Novak", "direct"]
    assert row.rstrip().endswith("[said]")
    haddad = next(line for line in lines if "cold weather" in line)
    assert "Omar Haddad" in haddad and "direct" in haddad and haddad.rstrip().endswith("[told]")
    with pytest.raises(json.JSONDecodeError):
        json.loads(run.stdout)


def test_extract_table_lists_the_figures_with_unit_measure_and_claimant(tmp_path: Path) -> None:
    (tmp_path / "budget.txt").write_text(
        "Council sets budget\n"
        "The council approved a budget of $12 million, Mayor Ellen Novak said on Monday.\n",
        encoding="utf-8",
    )
    run = quotewire("extract", tmp_path / "budget.txt", "--format", "table")
    assert run.returncode == 0, run.stderr
    assert "1 figure" in run.stdout.splitlines()[1] and "figures" not in run.stdout.splitlines()[1]
    lines = run.stdout.splitlines()
    figures = lines[next(n for n, line in enumerate(lines) if "FIGURE" in line) + 1 :]
    assert figures[0].split() == ["$12", "million", "USD", "budget", "Ellen", "Novak"]


def test_extract_jsonl_and_reference_date_sets_the_year(article_dir: Path, json_run: Run) -> None:
    default = json.loads(json_run.stdout)["article"]
    assert default["published"] == "2019-04-12", "without a reference date: latest year in text"
    assert default["published_inferred"] is True

    run = quotewire(
        "extract", article_dir / "bridge.txt", "--format", "jsonl", "--reference-date", "2024-05-01"
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 1, "jsonl: one line per article"
    result = json.loads(lines[0])
    assert result["article"]["published"] == "2024-04-12"
    assert result["article"]["published_inferred"] is True
    assert result["article"]["dateline"]["text"].startswith("LAKESIDE, April 12")
    assert speakers_by_quote(result) == speakers_by_quote(json.loads(json_run.stdout))


def test_extract_from_stdin(tmp_path: Path) -> None:
    run = quotewire("extract", "-", stdin=STDIN_ARTICLE.encode("utf-8"), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["article"]["text"] == STDIN_ARTICLE
    assert speakers_by_quote(result) == {"Rain is coming for the whole weekend": "Ida Moss"}
    assert_spans_exact(result)


# --- several articles ----------------------------------------------------------------------


def test_folder_writes_good_articles_and_skips_the_empty_one(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_bridge.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b_library.txt").write_text(SECOND_ARTICLE, encoding="utf-8")
    empty = folder / "c_empty.txt"
    empty.write_bytes(b"")
    (folder / "notes.csv").write_text("not,an,article\n", encoding="utf-8")

    run = quotewire("extract", folder)
    assert run.returncode == 1, "some inputs failed, the rest were written"
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in results] == ["a_bridge.txt", "b_library.txt"]
    library = speakers_by_quote(results[1])
    assert library == {"Students asked us for quiet evenings, and we listened": "Priya Raman"}
    for result in results:
        assert_spans_exact(result)
    skipped = [line for line in run.stderr_lines if "skipped" in line]
    assert len(skipped) == 1
    assert str(empty) in skipped[0]
    assert "Traceback" not in run.stderr


def test_jsonl_batch_reports_bad_lines_and_keeps_ids(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Night trains</title></head><body><article>"
        '<p>"Trains will run late on Saturday," rail chief Tom Berg said.</p>'
        "</article></body></html>"
    )
    lines = [
        json.dumps({"id": "r1", "text": '"Fares will stay the same," Councillor Ada Ruiz said.'}),
        json.dumps({"id": "r2", "html": page, "url": "https://news.example/night-trains"}),
        '{"id": "r3", "text": ',
        json.dumps({"id": "r4", "title": "a record without any text"}),
        json.dumps({"id": "r5", "text": '"We are ready," coach Lena Ortiz said.'}),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")

    run = quotewire("extract", batch)
    assert run.returncode == 1
    results = [json.loads(line) for line in run.stdout.splitlines()]
    assert [r["id"] for r in results] == ["r1", "r2", "r5"]
    assert results[1]["article"]["url"] == "https://news.example/night-trains"
    assert "<p>" not in results[1]["article"]["text"], "html records are reduced to text"
    assert speakers_by_quote(results[1]) == {"Trains will run late on Saturday": "Tom Berg"}
    assert speakers_by_quote(results[2]) == {"We are ready": "Lena Ortiz"}
    for result in results:
        assert_spans_exact(result)
    skipped = [line for line in run.stderr_lines if "skipped" in line]
    assert len(skipped) == 2
    assert f"{batch}:3" in skipped[0]
    assert f"{batch}:4" in skipped[1]
    assert "Traceback" not in run.stderr


# --- inputs that are read despite flaws ------------------------------------------------------


def test_latin1_file_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(LATIN1_ARTICLE.encode("latin-1"))
    run = quotewire("extract", path)
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["article"]["text"] == LATIN1_ARTICLE
    assert speakers_by_quote(result) == {
        "Business is slow this winter, but we will not close": "Renée Blanc"
    }
    warnings = [line for line in run.stderr_lines if "warning" in line]
    assert len(warnings) == 1
    assert str(path) in warnings[0] and "not UTF-8" in warnings[0]
    assert "Traceback" not in run.stderr


def test_broken_html_is_read_not_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(BROKEN_HTML, encoding="utf-8")
    run = quotewire("extract", path, "--format", "jsonl")
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    result = json.loads(run.stdout)
    assert "<p>" not in result["article"]["text"] and "<b>" not in result["article"]["text"]
    quotes = {q["text"] for q in result["quotes"]}
    assert "We need more buses on the night routes" in quotes
    assert "The budget is tight this year" in quotes
    assert_spans_exact(result)


# --- unusable inputs: one line on stderr naming the input, exit 2 ----------------------------


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "no_such_article.txt"


def _empty(tmp_path: Path) -> Path:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    return path


def _png(tmp_path: Path) -> Path:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)))
    return path


def _no_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "spreadsheets"
    folder.mkdir()
    (folder / "figures.csv").write_text("year,count\n2024,3\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text('"Hidden," she said.\n', encoding="utf-8")
    return folder


def _too_large(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    sentence = b'"We will reopen the bridge in May," Mayor Ellen Novak said.\n'
    data = sentence * (MAX_BYTES // len(sentence) + 1)
    path.write_bytes(data[: MAX_BYTES + 1])
    assert path.stat().st_size == MAX_BYTES + 1
    return path


def _empty_batch(tmp_path: Path) -> Path:
    path = tmp_path / "nothing.jsonl"
    path.write_bytes(b"\n  \n")
    return path


def _binary_batch(tmp_path: Path) -> Path:
    path = tmp_path / "picture.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n\x00\x01\n")
    return path


def _name_too_long(tmp_path: Path) -> Path:
    return tmp_path / ("a" * 300 + ".txt")


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_missing, "no such file"),
        (_empty, "empty"),
        (_png, "binary"),
        (_no_articles, "no article files"),
        (_too_large, "larger than the limit"),
        (_empty_batch, "no records"),
        (_binary_batch, "binary"),
        (_name_too_long, "too long"),
    ],
    ids=[
        "missing",
        "empty",
        "png",
        "folder-without-articles",
        "too-large",
        "empty-batch",
        "binary-batch",
        "name-too-long",
    ],
)
def test_unusable_input_is_one_line_naming_it(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    path = make(tmp_path)
    run = quotewire("extract", path)
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr_lines) == 1, run.stderr
    line = run.stderr_lines[0]
    assert line.startswith("quotewire: error: ")
    assert str(path) in line
    assert reason in line.lower()
    assert run.stdout == ""


# --- other commands --------------------------------------------------------------------------


def test_schema_command_prints_a_valid_json_schema() -> None:
    run = quotewire("schema")
    assert run.returncode == 0, run.stderr
    schema = json.loads(run.stdout)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"article", "quotes", "entities"} <= schema["properties"].keys()


def test_version() -> None:
    import quotewire as package

    run = quotewire("--version")
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == f"quotewire {package.__version__}"


def test_ingest_rebuild_registry_says_so(tmp_path: Path) -> None:
    corpus = Path(__file__).parent / "data" / "corpus"
    db = tmp_path / "q.db"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "ingest",
            str(corpus),
            "--db",
            str(db),
            "--rebuild-registry",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "registry rebuilt from every stored article: 13 entities" in run.stderr
