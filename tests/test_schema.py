"""The published JSON Schema is current, and real results validate against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import quotewire
from quotewire.model import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "schema" / "result.schema.json"
STALE = "schema/result.schema.json is out of date with quotewire.model: run `make schema`"

TEXT = (
    "Ferry service resumes on the northern route\n"
    "\n"
    "PORT ALDER, June 3 (AP) - Ferries returned to the northern route on Monday.\n"
    "\n"
    '"Every boat has passed its safety check," harbour master Jonas Vik said. '
    "He added that two more vessels would join the fleet in August.\n"
)


@pytest.fixture(scope="module")
def published() -> dict[str, object]:
    assert SCHEMA_FILE.is_file(), f"{SCHEMA_FILE} is missing: run `make schema`"
    schema: dict[str, object] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def test_published_schema_matches_the_model(published: dict[str, object]) -> None:
    assert published == json_schema(), STALE


def test_published_schema_is_a_valid_draft_2020_12_schema(published: dict[str, object]) -> None:
    Draft202012Validator.check_schema(published)


def test_extract_result_validates_against_the_schema(published: dict[str, object]) -> None:
    result = quotewire.extract(TEXT, reference_date="2025-06-10").to_dict()
    assert result["quotes"], "the sample must yield quotes for the validation to mean something"
    assert result["article"]["dateline"] is not None
    validator = Draft202012Validator(published)
    errors = sorted(validator.iter_errors(result), key=lambda e: list(e.absolute_path))
    assert not errors, (
        "\n".join(f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors)
        + f"\n({STALE}?)"
    )


def test_schema_rejects_a_result_with_an_unknown_field(published: dict[str, object]) -> None:
    result = quotewire.extract(TEXT).to_dict()
    result["quotes"][0]["unexpected"] = True
    assert not Draft202012Validator(published).is_valid(result)


CORPUS_SCHEMA_FILE = SCHEMA_FILE.parent / "corpus.schema.json"


def test_published_corpus_schema_is_current_and_a_report_validates() -> None:
    """`quotewire claims --format json` prints a CorpusReport; its schema is published too."""
    published = json.loads(CORPUS_SCHEMA_FILE.read_text(encoding="utf-8"))
    assert published == quotewire.corpus_json_schema(), (
        "schema/corpus.schema.json is out of date: run `make schema`"
    )
    Draft202012Validator.check_schema(published)
    corpus = quotewire.Corpus()
    corpus.add(quotewire.extract(TEXT, reference_date="2025-06-10"), key="ferry")
    corpus.add(
        quotewire.extract(
            "Budget gap\n\n"
            "The deficit reached 4.1% of GDP last year, Finance Minister Ola Berg said."
        ),
        key="budget",
    )
    report = corpus.report().model_dump(mode="json")
    assert report["articles"] == 2 and report["registry"] and report["groups"]
    errors = list(Draft202012Validator(published).iter_errors(report))
    assert not errors, [e.message for e in errors]
