"""``quotewire bench scale``: the registry step on synthetic sightings, and Spark against
``ingest --jobs 2`` (a tiny run here: the figures themselves come from the command, in
docs/scale.md, never from a timed test)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.bench.scale import synthetic_sightings
from quotewire.speakers.registry import block_key, build_registry


def test_synthetic_sightings_are_repeatable_and_hold_shared_surnames() -> None:
    first, again = synthetic_sightings(2000), synthetic_sightings(2000)
    assert [(s.article, s.entity.name) for s in first] == [
        (s.article, s.entity.name) for s in again
    ]
    blocks: dict[str, int] = {}
    for sighting in first:
        blocks[block_key(sighting)] = blocks.get(block_key(sighting), 0) + 1
    assert max(blocks.values()) > 5 * (len(first) / len(blocks))  # a heavy surname
    registry = build_registry(first)
    # people named by surname alone where several share it stay apart: more entities than
    # surnames, fewer than sightings
    assert len(blocks) < len(registry) < len(first)
    assert all(m.evidence for e in registry for m in e.members)


def test_bench_scale_reports_registry_growth_and_spark(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (make test installs it)")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs default-jre-headless)")
    corpus = tmp_path / "tiny.jsonl"
    texts = [
        "The mill will close in March, owner Greta Lind said on Tuesday.",
        'Mayor Jonas Holm said the bridge would reopen next week. "It is safe," he said.',
        "Engineer Ola Berg said the dam holds 12 million cubic meters.",
    ]
    corpus.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"t{n}",
                    "text": t,
                    "publisher": None,
                    "published": None,
                    "title": None,
                    "attributions": [],
                }
            )
            + "\n"
            for n, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "bench",
            "scale",
            "--registry-sizes",
            "500,5000",
            "--corpus",
            str(corpus),
            "--articles",
            "3",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    sizes = [t["sightings"] for t in report["registry"]]
    assert sizes == [500, 5000]
    assert all(0 < t["entities"] < t["sightings"] and t["seconds"] > 0 for t in report["registry"])
    assert len(report["registry_growth"]) == 1 and report["registry_growth"][0] > 0
    spark = report["spark"]
    assert spark["articles"] == 3
    assert min(spark["local1_seconds"], spark["local2_seconds"], spark["ingest2_seconds"]) > 0
    assert spark["speedup"] == pytest.approx(spark["local1_seconds"] / spark["local2_seconds"])
