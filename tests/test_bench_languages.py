"""``quotewire bench languages``: Russian articles against English ones of the same lengths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.bench.languages import measure, paired, same_length

ROOT = Path(__file__).resolve().parents[1]


def test_an_english_text_is_cut_at_the_paragraph_break_nearest_the_length() -> None:
    text = "First paragraph here.\n\nSecond one, a bit longer.\n\nThird."
    assert same_length(text, 20) == "First paragraph here."
    assert same_length(text, 45) == "First paragraph here.\n\nSecond one, a bit longer."
    assert same_length(text, 500) == text
    assert paired(["a" * 20, "b" * 45, "c" * 20], [text, "Short."]) == [
        "First paragraph here.",
        "Short.",
        "First paragraph here.",
    ]


def test_rounds_alternate_which_language_goes_first_and_keep_the_best() -> None:
    order: list[str] = []
    report = measure(["ru1", "ru2"], ["en1"], order.append, rounds=3)
    # a warm-up text of each, then ru, en | en, ru | ru, en
    assert order == ["ru1", "en1", "ru1", "ru2", "en1", "en1", "ru1", "ru2", "ru1", "ru2", "en1"]
    assert (report.russian.articles, report.english.articles) == (2, 1)
    assert report.russian.chars == 6 and report.rounds == 3
    with pytest.raises(ValueError, match="rounds"):
        measure(["ru"], ["en"], order.append, rounds=0)


def test_the_command_times_both_languages(shared: Path) -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "bench",
            "languages",
            "--corpus",
            str(ROOT / "benchmarks" / "ru" / "dev.jsonl"),
            "--against",
            str(shared / "benchmarks" / "polnear" / "dev.jsonl"),
            "--limit",
            "2",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    russian = next(line.split() for line in lines if line.startswith("Russian "))
    english = next(line.split() for line in lines if line.startswith("English "))
    assert russian[1] == "2" and english[3] == "2"  # ("English (same lengths) 2 ...")
    assert float(russian[-2]) > 0 and float(english[-2]) > 0  # articles/s
    assert "Russian / English articles per second:" in run.stdout
