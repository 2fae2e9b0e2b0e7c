"""The files the Spark job's tasks write themselves (``quotewire.scale.parts``): real Parquet
files in a real folder, read back with pyarrow and by ``quotewire load``'s reader."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quotewire.ingest.document import Document
from quotewire.pipeline import run_one
from quotewire.scale import parts
from quotewire.scale.load import results_in
from quotewire.scale.parts import DATASETS, PartFiles, Target, read_dataset
from quotewire.scale.read import ErrorRow
from quotewire.scale.rows import ArticleRow, result_rows

TEXT = (
    "The council will spend 4 million euros on the harbour, mayor Anne Voss said on Monday. "
    '"We start in May," Voss said.'
)


def _rows() -> list[object]:
    document = Document(text=TEXT, source="harbour.txt", published="2025-02-03")
    rows = result_rows(document, run_one(document))
    return [rows.article, *rows.quotes, *rows.claims, *rows.entities]


def _target(folder: Path) -> Target:
    for name in DATASETS:
        (folder / name).mkdir(parents=True)
    return Target(uri=folder.as_uri(), run="test")


def _visible(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith((".", "_"))
    )


def test_a_task_writes_each_dataset_by_month_and_hides_files_until_closed(tmp_path: Path) -> None:
    target = _target(tmp_path / "out")
    files = PartFiles(target, "part-00003-test")
    rows = _rows()
    for row in rows:
        files.add(row)
    files.add(ErrorRow(input="a.jsonl", record="a.jsonl:2", reason="not UTF-8 text"))
    assert _visible(tmp_path / "out") == []  # nothing a reader sees before the task ends
    counts = files.close()
    assert counts["articles"] == 1 and counts["errors"] == 1 and counts["quotes"] >= 1
    assert _visible(tmp_path / "out") == [
        "articles/part-00003-test.parquet",
        "claims/month=2025-02/part-00003-test.parquet",
        "entities/part-00003-test.parquet",
        "errors/part-00003-test.parquet",
        "quotes/month=2025-02/part-00003-test.parquet",
    ]
    hidden = [p for p in (tmp_path / "out").rglob(".*") if p.is_file()]
    assert hidden == []
    quotes = read_dataset(str(tmp_path / "out"), "quotes").to_pylist()
    assert [q["record"] for q in quotes] == [
        r.record for r in rows if type(r).__name__ == "QuoteRow"
    ]
    assert {q["month"] for q in quotes} == {"2025-02"}


def test_a_failed_task_leaves_no_file_a_reader_sees(tmp_path: Path) -> None:
    target = _target(tmp_path / "out")
    files = PartFiles(target, "part-00000-test")
    for row in _rows():
        files.add(row)
    files.files[("articles", None)].rows.append(None)  # a row the writer cannot convert
    with pytest.raises(AttributeError):
        files.close()
    files.abort()
    assert _visible(tmp_path / "out") == []
    assert [p for p in (tmp_path / "out").rglob(".*") if p.is_file()] == []


def test_large_partitions_are_written_in_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr(parts, "ROW_GROUP", 2)
    target = _target(tmp_path / "out")
    files = PartFiles(target, "part-00000-test")
    errors = [ErrorRow(input=f"{n}.jsonl", record=None, reason="empty") for n in range(5)]
    for row in errors:
        files.add(row)
    assert len(files.files[("errors", None)].rows) == 1  # two groups of 2 already written
    files.close()
    written = pq.ParquetFile(tmp_path / "out" / "errors" / "part-00000-test.parquet")
    assert written.metadata.num_row_groups == 3
    assert [r["input"] for r in written.read().to_pylist()] == [e.input for e in errors]


def test_load_reads_an_output_whose_datasets_hold_no_rows(tmp_path: Path) -> None:
    target = _target(tmp_path / "out")
    files = PartFiles(target, "part-00000-test")
    document = Document(text="The weather was fine all week.", source="calm.txt")
    rows = result_rows(document, run_one(document))
    assert not rows.quotes and not rows.claims
    files.add(rows.article)
    files.close()
    # no file at all under quotes/, claims/, entities/ and errors/: each reads as no rows
    assert read_dataset(str(tmp_path / "out"), "claims").num_rows == 0
    loaded = list(results_in(tmp_path / "out"))
    assert len(loaded) == 1
    assert not isinstance(loaded[0], Exception)
    assert loaded[0].result.article.text == document.text
    assert loaded[0].result.quotes == [] and loaded[0].result.claims == []


def test_the_steps_across_articles_read_each_tasks_files_as_whole_articles(
    tmp_path: Path,
) -> None:
    """The registry and the timelines read back one analysis task's files together
    (``task_files``): an article's entities and claims meet its date there, without a join;
    a task still writing, or an article whose ``articles/`` file is missing, gives nothing."""
    from quotewire.scale.across import DATED, READS, SIGHTING, across_items

    target = _target(tmp_path / "out")
    rows = _rows()
    for part in ("part-00000-test", "part-00001-test"):
        files = PartFiles(target, part)
        for row in rows if part.endswith("0-test") else rows[1:]:  # the second: no article row
            files.add(row)
        files.close()
    unfinished = PartFiles(target, "part-00002-test")
    for row in rows:
        unfinished.add(row)
    unfinished._flush("entities", unfinished.files[("entities", None)])  # written, still hidden

    groups = parts.task_files(target, list(READS))
    assert [[(f.dataset, Path(f.path).name) for f in g] for g in groups] == [
        [(name, "part-00000-test.parquet") for name in ("articles", "claims", "entities")],
        [(name, "part-00001-test.parquet") for name in ("claims", "entities")],
    ]
    system, _ = target.open()
    reads = []
    for group in groups:
        read: dict[str, list[dict[str, Any]]] = {name: [] for name in READS}
        for file in group:
            read[file.dataset] += parts.read_part(system, file, READS[file.dataset])
        reads.append(read)
    whole, without_article = (
        list(across_items(r["articles"], r["entities"], r["claims"], 0.0)) for r in reads
    )
    read = reads[0]
    assert without_article == []
    sightings = [value for tag, value in whole if tag == SIGHTING]
    dated = [value for tag, value in whole if tag == DATED]
    article = rows[0]
    assert isinstance(article, ArticleRow)
    assert sightings and all(
        member[:3] == (article.article_id, "2025-02-03", article.text_hash)
        for _, member in sightings
    )
    blocks = [getattr(r, "block", None) for r in rows if type(r).__name__ == "EntityRow"]
    assert sorted(block for block, _ in sightings) == sorted(b for b in blocks if b)
    assert any("voss" in block for block, _ in sightings)
    assert [c.claimant for c in dated] == ["Anne Voss"]
    assert dated[0].published == "2025-02-03" and dated[0].article == article.article_id
    # an untracked entity (no block) is no sighting
    untracked = [{"article_id": article.article_id, "block": None, "record": "{}"}]
    assert list(across_items(read["articles"], untracked, [], 0.0)) == []
    # the check-worthiness floor leaves the claim out
    assert [t for t, _ in across_items(read["articles"], [], read["claims"], 0.0)] == [DATED]
    assert [t for t, _ in across_items(read["articles"], [], read["claims"], 2.0)] == []
