"""``quotewire bench store``: a store of synthetic quotes, its ingest rate and search latency.

The command writes N synthetic quotes (10 per article, spoken by 2,000 registry people, words
drawn from a 5,000-word vocabulary with a Zipf-like skew, dates over five years) straight into
the store's tables through the same triggers that keep the search index in sync, then times
searches made through :meth:`SQLiteStore.search`, the function the CLI and the API call: a text
query with a speaker filter (the issue's goal: p95 under 50 ms at 1,000,000 quotes), and a text
query alone.
"""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from quotewire.model import Member, RegistryEntity, RoleSeen
from quotewire.store.sqlite import SQLiteStore, content_hash, speaker_key

_FIRST = (
    "Anna Maria Olga Ivan Pavel Jonas Lena Omar Sofia Elena Marek Nils Kari Ines Tomas Rui Ada "
    "Hugo Lea Mila"
).split()
_LAST = (
    "Berg Novak Dahl Lund Silva Costa Meyer Kowalska Petrov Haddad Vik Saar Imboden Rakhimov "
    "Pike Munro Heino Vuori Fournier Solvang"
).split()
_ROLES = ("Finance Minister", "Central Bank Governor", "Mayor", "Senator", "Spokesperson")
_SYLLABLES = "ka lo mi ren tas vo pel dun sir ak om bet lin gar fe nu".split()


@dataclass(frozen=True, slots=True)
class StoreBench:
    quotes: int
    seconds_to_build: float
    search_ms: dict[str, tuple[float, float, float]]  # name -> (p50, p95, p99)
    queries: int
    path: str

    @property
    def rate(self) -> float:
        return self.quotes / self.seconds_to_build if self.seconds_to_build else 0.0


def build(store: SQLiteStore, quotes: int, *, seed: int = 7, batch: int = 20_000) -> float:
    """Write ``quotes`` synthetic quotes (10 per article) into ``store``; returns seconds."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng)
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(vocabulary))]
    people = _people(rng)
    started = time.perf_counter()
    db = store.db
    with store._writing():
        (generation,) = db.execute(
            "UPDATE registry_generation SET generation = generation + 1 RETURNING generation"
        ).fetchall()[0]
        for person in people:
            db.execute(
                "INSERT OR REPLACE INTO registry (id, name, type, record, generation) "
                "VALUES (?, ?, ?, ?, ?)",
                (person.id, person.name, person.type, person.model_dump_json(), generation),
            )
    articles = max(1, quotes // 10)
    done = 0
    while done < articles:
        with store._writing():
            for _ in range(min(batch // 10, articles - done)):
                n = done
                day = f"{2021 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
                title = " ".join(rng.choices(vocabulary, weights, k=7)).capitalize()
                text = f"{title}\n{day}\n\nsynthetic article {n}"
                cursor = db.execute(
                    "INSERT INTO articles (content_hash, source, title, published, text, result, "
                    "ingested_at) VALUES (?, ?, ?, ?, ?, '{}', ?)",
                    (content_hash(text), f"synthetic:{n}", title, day, text, day),
                )
                article = cursor.lastrowid
                rows = []
                for q in range(10):
                    person = people[rng.randrange(len(people))]
                    words = rng.choices(vocabulary, weights, k=rng.randint(12, 30))
                    rows.append(
                        (
                            article,
                            f"q{q + 1}",
                            rng.choice(("direct", "indirect", "mixed")),
                            " ".join(words),
                            person.name,
                            person.id,
                            speaker_key(person.id),
                            "said",
                            0,
                            10,
                            day,
                            0.9,
                        )
                    )
                db.executemany(
                    "INSERT INTO quotes (article_id, quote_id, type, text, speaker, speaker_id, "
                    'speaker_key, cue, start, "end", published, confidence) '
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                done += 1
    store.forget_registry()  # reload with the synthetic people
    return time.perf_counter() - started


def measure(store: SQLiteStore, queries: int, *, seed: int = 11) -> dict[str, tuple[float, ...]]:
    """p50, p95 and p99 search latencies in milliseconds."""
    rng = random.Random(seed)
    top = store.db.execute("SELECT max(rowid) FROM quotes").fetchone()[0] or 0
    samples: dict[str, list[float]] = {"text and speaker": [], "text only": []}
    store.search("warmup", speaker=None, limit=1)
    for _ in range(queries):
        row = store.db.execute(
            "SELECT text, speaker FROM quotes WHERE rowid = ?", (rng.randint(1, top),)
        ).fetchone()
        if row is None:
            continue
        word = rng.choice(row[0].split())
        for name, speaker in (("text and speaker", row[1]), ("text only", None)):
            started = time.perf_counter()
            hits = store.search(word, speaker=speaker, limit=20)
            samples[name].append((time.perf_counter() - started) * 1000)
            if not hits:
                raise AssertionError(f"search for {word!r} by {speaker!r} found nothing")
    return {name: _percentiles(values) for name, values in samples.items() if values}


def run(path: str | Path, quotes: int, queries: int) -> StoreBench:
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with SQLiteStore(path) as store:
        seconds = build(store, quotes)
        store.db.execute("PRAGMA optimize")
        latencies = measure(store, queries)
        count = store.count("quotes")
    return StoreBench(count, seconds, latencies, queries, str(path))  # type: ignore[arg-type]


def format_store_bench(bench: StoreBench) -> str:
    lines = [
        f"store: {bench.path}",
        f"built {bench.quotes:,} quotes in {bench.seconds_to_build:.1f} s "
        f"({bench.rate:,.0f} quotes/s, index kept by triggers)",
        f"search latency over {bench.queries} queries (ms)   p50     p95     p99",
    ]
    for name, (p50, p95, p99) in bench.search_ms.items():
        lines.append(f"  {name:<40} {p50:7.2f} {p95:7.2f} {p99:7.2f}")
    return "\n".join(lines)


def _percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return round(statistics.median(values), 2), round(cuts[94], 2), round(cuts[98], 2)


def _vocabulary(rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < 5000:
        words.add("".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))))
    return sorted(words)


def _people(rng: random.Random) -> list[RegistryEntity]:
    people = []
    for n in range(2000):
        name = f"{_FIRST[n % len(_FIRST)]} {_LAST[(n // len(_FIRST)) % len(_LAST)]} {n:04d}"
        id = f"person:synthetic-{n:04d}"
        people.append(
            RegistryEntity(
                id=id,
                name=name,
                type="PERSON",
                members=[Member(article="0", entity=f"e{n}", name=name, evidence="synthetic")],
                roles=[RoleSeen(role=rng.choice(_ROLES))],
            )
        )
    return people
