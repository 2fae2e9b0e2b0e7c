"""Shared fixtures: the shared folder beside the project, and one spaCy pipeline per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present (the shared seed and benchmarks live there)")
    return SHARED


@pytest.fixture
def seed_text(shared: Path) -> str:
    """The sample article quotewire was specified from (read from ../shared/seed)."""
    return (shared / "seed" / "article.txt").read_text(encoding="utf-8")
