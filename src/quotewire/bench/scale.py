"""``quotewire bench scale``: how the scale-out parts grow.

- The registry step (:func:`~quotewire.speakers.registry.build_registry`, what ``quotewire
  spark`` runs per block) on synthetic person and organization sightings of growing size: its
  time per ``n log n`` should stay flat, and the growth exponent between two sizes
  (``log(t2/t1) / log(n2/n1)``) near 1.
- ``quotewire spark`` with ``local[1]`` and ``local[2]`` on the same articles, and ``ingest
  --jobs 1`` and ``--jobs 2`` on them, back to back in one command: the ``local[2]`` /
  ``local[1]`` throughput ratio, Spark's overhead against ``ingest --jobs 2``, and what the
  host's second core gives a plain process pool (``ingest --jobs 2`` / ``--jobs 1``), the
  ceiling of the first ratio on that host at that time.

With several rounds every measurement runs that many times, every other round in reverse
order, and each figure is the mean of its rounds: a host whose speed drifts steadily weighs on
every figure alike.
"""

from __future__ import annotations

import gc
import itertools
import json
import math
import random
import statistics
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quotewire.model import Entity, Mention
from quotewire.speakers.registry import Sighting, build_registry

if TYPE_CHECKING:
    from quotewire.ingest.document import Document

_GIVEN = (
    "Anna Maria Jan Piotr Ola Nils Kari Henrik Greta Jonas Lars Eva Ivan Olga Tomas Lena Marek "
    "Sara Emil Nina Ada Leon Iris Omar Rosa Teo Vera Yusuf Zofia Hugo".split()
)
_ROLES = ("finance minister", "senator", "governor", "spokeswoman", "mayor", "chief executive")
_ORG_WORDS = ("Bank", "Party", "Commission", "Ministry", "Council", "Agency", "Union", "Institute")


def synthetic_sightings(n: int, seed: int = 1) -> list[Sighting]:
    """``n`` sightings of people and organizations, ten per article, with realistic trouble: a
    few surnames that many people share (a Pareto tail), people named in full, by initial and
    by surname alone, roles, and organizations named in full and by short forms."""
    rng = random.Random(seed)
    surnames = max(10, n // 40)
    orgs = max(5, n // 200)
    out = []
    for i in range(n):
        article = f"a{i // 10:08d}"
        local = f"e{i % 10 + 1}"
        if rng.random() < 0.8:
            if rng.random() < 0.3:  # the common surnames
                k = min(int(rng.paretovariate(1.2)) - 1, surnames - 1)
            else:
                k = rng.randrange(surnames)
            surname = f"Surname{k}"
            form = rng.random()
            given = rng.choice(_GIVEN)
            name = (
                surname
                if form < 0.3
                else f"{given[0]}. {surname}"
                if form < 0.4
                else f"{given} {surname}"
            )
            roles = [rng.choice(_ROLES)] if rng.random() < 0.2 else []
            entity = _entity(local, name, "PERSON", roles)
        else:
            k = rng.randrange(orgs)
            full = f"Name{k} {_ORG_WORDS[k % len(_ORG_WORDS)]}"
            name = full if rng.random() < 0.7 else f"the {full.split()[-1]}"
            entity = _entity(local, name, "ORG", [])
        day = f"20{10 + (i // 10) % 15:02d}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        out.append(Sighting(article=article, day=day, entity=entity, order=article))
    return out


def _entity(id: str, name: str, type: str, roles: list[str]) -> Entity:
    return Entity(
        id=id,
        name=name,
        type=type,
        roles=roles,
        mentions=[Mention(start=0, end=len(name), text=name, kind="name")],
    )


@dataclass(frozen=True, slots=True)
class RegistryTiming:
    """One size of the registry step: its sightings, the entities they made, and the mean of
    the seconds of its ``rounds``."""

    sightings: int
    entities: int
    seconds: float
    rounds: tuple[float, ...] = ()

    @property
    def per_n_log_n_us(self) -> float:
        """Microseconds per ``n ln n``: flat when the step grows as n log n."""
        n = self.sightings
        return self.seconds / (n * math.log(n)) * 1e6 if n > 1 else 0.0


def registry_timings(sizes: Sequence[int], seed: int = 1, rounds: int = 1) -> list[RegistryTiming]:
    """The registry step timed at each of ``sizes``; with several ``rounds``, every other
    round goes through the sizes in reverse order (10k, 100k, 1M, then 1M, 100k, 10k)."""
    seconds: dict[int, list[float]] = {n: [] for n in sizes}
    entities: dict[int, int] = {}
    for r in range(max(1, rounds)):
        for n in sizes if r % 2 == 0 else sizes[::-1]:
            sightings = synthetic_sightings(n, seed)
            gc.collect()  # (what the size before left behind is not this one's to collect)
            started = time.perf_counter()
            registry = build_registry(sightings)
            seconds[n].append(time.perf_counter() - started)
            entities[n] = len(registry)
            del registry, sightings
    return [
        RegistryTiming(n, entities[n], statistics.fmean(seconds[n]), tuple(seconds[n]))
        for n in sizes
    ]


def growth(a: RegistryTiming, b: RegistryTiming) -> float:
    """The exponent k in t ~ n^k between two timings (1.0 for linear; n log n gives a little
    more, about 1.05 to 1.1 between 10^5 and 10^6)."""
    if a.seconds <= 0 or b.seconds <= 0 or a.sightings == b.sightings:
        return 0.0
    return math.log(b.seconds / a.seconds) / math.log(b.sightings / a.sightings)


@dataclass(slots=True)
class SparkTiming:
    """The wall times of the three runs, in seconds (the mean of each run's rounds), and the
    times of every round."""

    articles: int
    local1_seconds: float = 0.0
    local2_seconds: float = 0.0
    ingest1_seconds: float = 0.0
    ingest2_seconds: float = 0.0
    rounds: list[dict[str, float]] = field(default_factory=list)

    @property
    def speedup(self) -> float:
        """``local[2]`` throughput / ``local[1]`` throughput."""
        return self.local1_seconds / self.local2_seconds if self.local2_seconds else 0.0

    @property
    def overhead(self) -> float:
        """How much longer ``local[2]`` takes than ``ingest --jobs 2`` (0.1 = 10% longer)."""
        return self.local2_seconds / self.ingest2_seconds - 1 if self.ingest2_seconds else 0.0

    @property
    def ingest_speedup(self) -> float:
        """``ingest --jobs 2`` throughput / ``ingest --jobs 1`` throughput: what a second
        process gives on this host, the ceiling of :attr:`speedup` there."""
        return self.ingest1_seconds / self.ingest2_seconds if self.ingest2_seconds else 0.0


#: The runs of :func:`spark_timings`, in the order of its first round.
SPARK_RUNS = ("local[1]", "local[2]", "ingest --jobs 1", "ingest --jobs 2")


def spark_timings(corpus: Path, articles: int, rounds: int = 1) -> SparkTiming:
    """``quotewire spark`` on ``local[1]`` and ``local[2]`` and ``ingest --jobs 1`` and ``--jobs
    2``, each over the first ``articles`` texts of a PolNeAR-format JSONL corpus, wall time
    from start to the last row written (Spark's start-up included, as a user waits for it).
    With several ``rounds``, every other round runs them in reverse order (local[1], local[2],
    ingest 1, ingest 2, then ingest 2, ingest 1, local[2], local[1]), so that a host that
    slows down or speeds up steadily weighs on every mean alike; each time is the mean of its
    rounds."""
    from quotewire.bench.polnear import load_corpus
    from quotewire.pipeline import Document

    texts = load_corpus(corpus, limit=articles)
    documents = [Document(text=a.text, id=a.id) for a in texts]
    timing = SparkTiming(articles=len(texts))
    with tempfile.TemporaryDirectory(prefix="quotewire-scale-") as tmp:
        batch = Path(tmp) / "articles.jsonl"
        with open(batch, "w", encoding="utf-8") as out:
            for article in texts:
                out.write(json.dumps({"id": article.id, "text": article.text}) + "\n")
        for n in range(rounds):
            order = SPARK_RUNS if n % 2 == 0 else SPARK_RUNS[::-1]
            folder = Path(tmp) / f"round{n}"
            times = {run: _timed_run(run, batch, documents, folder) for run in order}
            timing.rounds.append({run: times[run] for run in SPARK_RUNS})
    means = [statistics.fmean(r[run] for r in timing.rounds) for run in SPARK_RUNS]
    (
        timing.local1_seconds,
        timing.local2_seconds,
        timing.ingest1_seconds,
        timing.ingest2_seconds,
    ) = means
    return timing


def _timed_run(run: str, batch: Path, documents: list[Document], folder: Path) -> float:
    """The wall time of one of :data:`SPARK_RUNS` over the articles of ``batch`` (as
    ``documents`` for ``ingest``), writing under ``folder``."""
    from quotewire.runners.ingest import ingest
    from quotewire.scale import spark
    from quotewire.store import open_store

    folder.mkdir(parents=True, exist_ok=True)
    if run.startswith("ingest --jobs "):
        jobs = int(run.rsplit(" ", 1)[1])
        started = time.perf_counter()
        with open_store(folder / f"ingest{jobs}.db") as store:
            ingest(documents, store, jobs=jobs)
        return time.perf_counter() - started
    started = time.perf_counter()
    out = folder / run.replace("[", "").replace("]", "")  # (no glob characters)
    spark.run([str(batch)], str(out), master=run)
    return time.perf_counter() - started


@dataclass(slots=True)
class ScaleReport:
    registry: list[RegistryTiming] = field(default_factory=list)
    spark: SparkTiming | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "registry": [{**asdict(t), "per_n_log_n_us": t.per_n_log_n_us} for t in self.registry],
            "registry_growth": [growth(a, b) for a, b in itertools.pairwise(self.registry)],
            "spark": None
            if self.spark is None
            else {
                **asdict(self.spark),
                "speedup": self.spark.speedup,
                "overhead": self.spark.overhead,
                "ingest_speedup": self.spark.ingest_speedup,
            },
        }


def format_scale(report: ScaleReport) -> str:
    heading = "Registry step (build_registry, synthetic sightings"
    rounds = max((len(t.rounds) for t in report.registry), default=0)
    if rounds > 1:
        heading += f"; the mean of {rounds} rounds, every other one in reverse order"
    lines = [heading + ")", ""]
    header = (
        f"{'sightings':>10}  {'entities':>9}  {'seconds':>8}  {'us/(n ln n)':>11}  {'growth':<6}"
    )
    lines.append(header + ("  rounds" if rounds > 1 else ""))
    previous = None
    for t in report.registry:
        k = f"n^{growth(previous, t):.2f}" if previous else ""
        line = (
            f"{t.sightings:>10,}  {t.entities:>9,}  {t.seconds:>8.2f}  "
            f"{t.per_n_log_n_us:>11.3f}  {k:<6}"
        )
        if rounds > 1:
            line += "  " + " / ".join(f"{sec:.2f}" for sec in t.rounds)
        lines.append(line.rstrip())
        previous = t
    if report.spark is not None:
        s = report.spark
        rows = (
            ("spark local[1]", s.local1_seconds),
            ("spark local[2]", s.local2_seconds),
            ("ingest --jobs 1", s.ingest1_seconds),
            ("ingest --jobs 2", s.ingest2_seconds),
        )
        heading = f"Spark on {s.articles} articles (wall time, start-up included"
        if len(s.rounds) > 1:
            heading += f"; the mean of {len(s.rounds)} rounds, every other one in reverse order"
        lines += ["", heading + ")", ""]
        lines += [
            f"{what:<17}{sec:8.1f} s  {s.articles / sec:6.2f} articles/s" for what, sec in rows
        ]
        if len(s.rounds) > 1:
            lines += ["", "rounds: " + ", ".join(SPARK_RUNS)]
            lines += [
                f"  {n}: " + " / ".join(f"{r[run]:.1f}" for run in SPARK_RUNS) + " s"
                for n, r in enumerate(s.rounds, start=1)
            ]
        lines += [
            "",
            f"local[2] / local[1] throughput: {s.speedup:.2f}",
            f"spark local[2] overhead against ingest --jobs 2: {s.overhead:+.1%}",
            f"ingest --jobs 2 / --jobs 1 throughput: {s.ingest_speedup:.2f}"
            " (what a second process gives on this host now)",
        ]
    return "\n".join(lines)
