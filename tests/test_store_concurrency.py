"""Several writers into one store at once give what one writer gives, on SQLite and PostgreSQL.

Every writer here is a real process: ``quotewire ingest`` runs, and ``quotewire serve`` taking
POST /api/ingest. The articles are written for these tests: 24 short reports, each quoting two
of eight people by their full names, so that every person is in many articles written by
different writers.

What one writer and several writers give is compared on what does not depend on the order in
which the articles arrive: article ids are numbers given in arrival order, and a registry member's
evidence ("first seen", "same name") says which article came first, so articles are named by their
content hash and members by (article, local entity, name). The registry ids themselves do not
depend on the order for these articles (every person is named in full before any surname alone):
the reference is ingested twice, forwards and backwards, and must give the same to show it.

Then, exactly: the registry several writers made is the one a single writer makes when given the
same articles in the order they were stored (entity order, names, every member with its
evidence), as a writer holding the registry in memory has it.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.store import content_hash, open_store

_PEOPLE = (
    ("Ingrid Halvorsen", "Trade Minister"),
    ("Tomas Reinholt", "chief economist at Fjordbank"),
    ("Marta Quesada", "Energy Minister"),
    ("Olek Brzezinski", "port director"),
    ("Sigrun Aasland", "central bank Governor"),
    ("Pieter Vandamme", "union leader"),
    ("Lucia Ferrante", "Finance Minister"),
    ("Jonas Eklund", "Transport Minister"),
)
_TOPICS = (
    ("salmon exports", "rose", "4.1%"),
    ("freight volumes", "fell", "2.7%"),
    ("diesel prices", "climbed", "6.3%"),
    ("hotel bookings", "slipped", "1.8%"),
    ("grain shipments", "jumped", "9.5%"),
    ("ferry traffic", "eased", "3.2%"),
)
_CITIES = ("OSLO", "BERGEN", "TROMSO", "STAVANGER")
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def article(n: int) -> str:
    """The n-th test article: two people quoted on one month's figure."""
    first = _PEOPLE[n % len(_PEOPLE)]
    second = _PEOPLE[(n * 3 + 1) % len(_PEOPLE)]
    if second == first:
        second = _PEOPLE[(n + 1) % len(_PEOPLE)]
    topic, verb, figure = _TOPICS[n % len(_TOPICS)]
    month, city = _MONTHS[n % 12], _CITIES[n % len(_CITIES)]
    return (
        f"{topic.capitalize()} {verb} in {month}, officials say\n\n"
        f"{city}, {month} {1 + n % 27}, 2025 – {first[0]}, the {first[1]}, said on Tuesday that "
        f"{topic} {verb} {figure} in {month} from a year earlier.\n\n"
        f'"We did not expect the change to come this quickly, and we will watch the next '
        f'figures closely," {first[0].split()[-1]} told reporters in {city.title()}.\n\n'
        f"{second[0]}, the {second[1]}, said the figures were weaker than many had hoped. "
        f'"Nobody should read too much into a single month," {second[0].split()[-1]} said.\n'
    )


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("articles")
    paths = []
    for n in range(24):
        path = folder / f"a{n:02d}.txt"
        path.write_text(article(n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def second_url(store_url: str, tmp_path: Path) -> str:
    """Another empty store of the same kind as ``store_url``, for the one-writer reference."""
    if not store_url.startswith("postgresql://"):
        return str(tmp_path / "reference.db")
    import psycopg

    server, name = store_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}_reference"')
    return f"{server}/{name}_reference"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotewire.cli", *args]


def _ingest(url: str, paths: list[Path]) -> None:
    run = subprocess.run(
        _cli("ingest", *map(str, paths), "--db", url), capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr


def _together(commands: list[list[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run the commands at the same time; their results once all have finished."""
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for c in commands
    ]
    done = []
    for command, process in zip(commands, processes, strict=True):
        out, err = process.communicate(timeout=300)
        done.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return done


@dataclass(frozen=True)
class Snapshot:
    """What a store holds, named so that the order the articles arrived in does not matter."""

    articles: int
    registry: dict[str, list[tuple[str, str, str]]]  # id -> sorted (article key, local id, name)
    names: dict[str, str]  # id -> name
    quotes: list[tuple[str, str, str | None, str | None]]  # (article key, id, speaker, its id)
    claims: list[tuple[str, str, str | None]]  # (article key, claim id, claimant id)
    exported: list[tuple[str, str, str]]  # export --format csv: (article key, quote id, speaker id)


def snapshot(url: str) -> Snapshot:
    with open_store(url) as store:
        keys = {
            str(article_id): content_hash(result.article.text, result.article.url)
            for article_id, result in store.results()
        }
        registry = {
            entity.id: sorted((keys[m.article], m.entity, m.name) for m in entity.members)
            for entity in store.registry()
        }
        names = {entity.id: entity.name for entity in store.registry()}
        quotes = sorted(
            (keys[str(hit.article_id)], hit.quote_id, hit.speaker, hit.speaker_id)
            for hit in store.search("", limit=100_000)
        )
        claims = sorted(
            (keys[str(c["article_id"])], c["claim_id"], c["claimant_id"])
            for c in store.claims(limit=100_000)
        )
        count = store.count()
    export = subprocess.run(
        _cli("export", "--db", url, "--format", "csv"), capture_output=True, text=True, timeout=120
    )
    assert export.returncode == 0, export.stderr
    exported = sorted(
        (keys[row["article_id"]], row["quote_id"], row["speaker_id"])
        for row in csv.DictReader(io.StringIO(export.stdout))
    )
    return Snapshot(count, registry, names, quotes, claims, exported)


@pytest.fixture
def reference(articles: list[Path], second_url: str, tmp_path: Path) -> Snapshot:
    """The articles ingested by one writer, one after another; checked to be the same when
    they arrive in the opposite order (the comparison does not depend on the order)."""
    _ingest(second_url, articles)
    forwards = snapshot(second_url)
    backwards_url = str(tmp_path / "backwards.db")
    _ingest(backwards_url, articles[::-1])
    assert snapshot(backwards_url) == forwards
    assert forwards.articles == 24 and len(forwards.registry) >= 8
    assert sum(1 for q in forwards.quotes if q[3]) >= 24 * 4
    return forwards


def _same(found: Snapshot, expected: Snapshot) -> None:
    """Compared field by field; a failure names the field and a few of its differences."""
    for field in ("articles", "registry", "names", "quotes", "claims", "exported"):
        mine, theirs = getattr(found, field), getattr(expected, field)
        if mine == theirs:
            continue
        if isinstance(mine, int):
            raise AssertionError(f"{field}: {mine} instead of {theirs}")
        if isinstance(mine, dict):  # (id, name) or (id, its members)
            mine_items = {(k, str(v)) for k, v in mine.items()}
            theirs_items = {(k, str(v)) for k, v in theirs.items()}
        else:
            mine_items, theirs_items = set(mine), set(theirs)
        missing = sorted(theirs_items - mine_items, key=str)[:5]
        extra = sorted(mine_items - theirs_items, key=str)[:5]
        raise AssertionError(f"{field} differ: missing {missing}, extra {extra}")


def _registry_dump(store: Any) -> list[dict[str, Any]]:
    """The whole registry, in order, members named by their article's content hash."""
    keys = {
        str(article_id): content_hash(result.article.text, result.article.url)
        for article_id, result in store.results()
    }
    dump = [entity.model_dump() for entity in store.registry()]
    for entity in dump:
        for member in entity["members"]:
            member["article"] = keys[member["article"]]
    return dump


def _same_as_one_writer_in_their_order(url: str, tmp_path: Path) -> None:
    """The registry the writers made together is exactly (order, names, members and their
    evidence) what one writer makes from the same articles in the order they were stored."""
    with open_store(url) as together, open_store(tmp_path / "replayed.db") as alone:
        for _, result in together.results():
            assert alone.add(result, key=content_hash(result.article.text)) is not None
        assert _registry_dump(together) == _registry_dump(alone)


def test_three_ingests_at_once_give_what_one_gives(
    store_url: str, articles: list[Path], reference: Snapshot, tmp_path: Path
) -> None:
    thirds = [articles[n::3] for n in range(3)]
    runs = _together([_cli("ingest", *map(str, part), "--db", store_url) for part in thirds])
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "8 read, 8 added, 0 already stored, 0 failed" in run.stderr
    _same(snapshot(store_url), reference)
    _same_as_one_writer_in_their_order(store_url, tmp_path)


def test_ingests_of_the_same_files_at_once_both_finish(
    store_url: str, articles: list[Path], reference: Snapshot
) -> None:
    runs = _together([_cli("ingest", *map(str, articles), "--db", store_url)] * 3)
    added = 0
    for run in runs:
        assert run.returncode == 0, run.stderr
        assert "Traceback" not in run.stderr and "24 read" in run.stderr
        added += int(run.stderr.split(" read, ")[1].split(" added")[0])
    assert added == 24
    _same(snapshot(store_url), reference)


def test_registry_follows_another_writer(store_url: str) -> None:
    """A store object that wrote, then another wrote: its registry holds both, and its next
    article joins the people the other writer registered."""
    texts = [article(n) for n in (0, 8, 16)]  # the same two people in each
    with open_store(store_url) as mine, open_store(store_url) as other:
        mine.add(quotewire.extract(texts[0]), key=content_hash(texts[0]))
        other.add(quotewire.extract(texts[1]), key=content_hash(texts[1]))
        mine.add(quotewire.extract(texts[2]), key=content_hash(texts[2]))
        halvorsen = mine.registry().get("person:ingrid-halvorsen")
        assert sorted(m.article for m in halvorsen.members) == ["1", "2", "3"]
    with open_store(store_url) as again:
        stored = again.registry().get("person:ingrid-halvorsen")
        assert sorted(m.article for m in stored.members) == ["1", "2", "3"]


@pytest.fixture
def served(store_url: str, serve: Callable[[str], AbstractContextManager[str]]) -> Iterator[str]:
    """``quotewire serve`` over ``store_url`` with ingest on; its base URL."""
    with serve(store_url) as base:
        yield base


def test_ingest_through_the_api_while_the_command_ingests(
    store_url: str,
    served: str,
    ingest_token: str,
    articles: list[Path],
    reference: Snapshot,
    tmp_path: Path,
) -> None:
    by_api, by_command = articles[::2], articles[1::2]
    client = httpx.Client(base_url=served, timeout=120)

    def post(path: Path) -> None:
        response = client.post(
            "/api/ingest",
            json={"text": path.read_text(encoding="utf-8"), "id": path.name},
            headers={"Authorization": f"Bearer {ingest_token}"},
        )
        assert response.status_code == 201 and response.json()["added"], response.text

    post(by_api[0])  # the server's pipeline is loaded before the command starts
    command = subprocess.Popen(
        _cli("ingest", *map(str, by_command), "--db", store_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.time() + 120  # the rest is posted once the command has started storing
    while time.time() < deadline and command.poll() is None:
        if client.get("/api/articles").json()["items"][1:]:
            break
        time.sleep(0.05)
    for path in by_api[1:]:
        post(path)
    _, err = command.communicate(timeout=300)
    assert command.returncode == 0, err
    assert "12 read, 12 added" in err
    _same(snapshot(store_url), reference)
    _same_as_one_writer_in_their_order(store_url, tmp_path)
    # the server's own connections see every article's speakers
    speakers = client.get("/api/speakers").json()["items"]
    counted = {s["id"]: s["quotes"] for s in speakers}
    expected: dict[str, int] = {}
    for _, _, _, speaker_id in reference.quotes:
        if speaker_id:
            expected[speaker_id] = expected.get(speaker_id, 0) + 1
    assert counted == expected
    client.close()


def test_a_failed_article_leaves_the_registry_as_stored(store_url: str) -> None:
    """An article whose rows cannot be written rolls back whole, and the store object's
    registry does not keep the people it had started to register."""
    text = article(5)
    result = quotewire.extract(text)
    broken = result.model_copy(deep=True)
    broken.quotes[0].id = broken.quotes[1].id  # two quotes under one id: refused by the store
    with open_store(store_url) as store:
        with pytest.raises(QuotewireError):
            store.add(broken, key=content_hash(text))
        assert store.count() == 0 and len(store.registry()) == 0
        article_id = store.add(result, key=content_hash(text))
        assert article_id is not None and store.count() == 1
        members = [m for e in store.registry() for m in e.members]
        assert members and {m.article for m in members} == {str(article_id)}
        assert len(members) == len({(m.article, m.entity) for m in members})
