"""The README's example outputs are what the commands print: every fenced block of README.md
that starts with ``$ quotewire ...`` is run from the repository's root and its output compared
line by line. A line ``...`` in the README stands for one or more lines left out; every other
line must be printed as written (trailing spaces aside)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
GAP = "..."


def examples(markdown: str) -> list[tuple[str, list[str]]]:
    """The (command, expected output lines) of each fenced block that starts with ``$ ``."""
    found = []
    for block in re.findall(r"^```[^\n]*\n(.*?)^```", markdown, flags=re.S | re.M):
        first, *rest = block.rstrip("\n").split("\n")
        if first.startswith("$ quotewire "):
            found.append((first[2:], rest))
    return found


def matches(expected: list[str], printed: list[str]) -> bool:
    """Whether ``printed`` is ``expected`` with each :data:`GAP` line standing for one or more
    lines."""
    if not expected:
        return not printed
    head, *rest = expected
    if head.rstrip() == GAP:
        return any(matches(rest, printed[n:]) for n in range(1, len(printed) + 1))
    return bool(printed) and printed[0].rstrip() == head.rstrip() and matches(rest, printed[1:])


def test_the_gap_rule() -> None:
    assert matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert not matches(["a", "...", "d"], ["a", "d"])  # a gap leaves out at least one line
    assert not matches(["a", "b"], ["a", "b", "c"])  # nothing printed beyond the example
    assert matches(["a", "..."], ["a", "b"]) and not matches(["a", "x"], ["a", "b"])
    blocks = examples("```\n$ quotewire x --y\nout\n```\ntext\n```\nnot a command\n```\n")
    assert blocks == [("quotewire x --y", ["out"])]


CASES = examples(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples_to_check() -> None:
    assert len(CASES) >= 2


@pytest.mark.parametrize(("command", "expected"), CASES, ids=[c for c, _ in CASES])
def test_readme_example_is_what_the_command_prints(command: str, expected: list[str]) -> None:
    argv = shlex.split(command)
    run = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *argv[1:]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    printed = run.stdout.rstrip("\n").split("\n")
    assert matches(expected, printed), "README.md shows:\n{}\n\nthe command prints:\n{}".format(
        "\n".join(expected), "\n".join(printed)
    )
