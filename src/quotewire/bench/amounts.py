"""``quotewire bench amounts``: the amount finder scored on annotated sentences.

A corpus is JSONL, one sentence per line::

    {"id": "t001", "lang": "en", "text": "...",
     "amounts": [{"text": "more than $50 billion", "value": 50000000000, "high": null,
                  "unit": "USD", "comparator": ">"}],
     "non_claims": ["26 September"]}

A tally ("voted 19-15") also gives ``against``, the count on its other side (15).

A found amount matches a gold one when their spans overlap (one to one, in text order).
Detection precision, recall and F1 count matches; *value and unit accuracy* is the share of
matched gold amounts whose value (and ``high``, and ``against`` for a tally; relative tolerance
0.1%) and unit are both right; comparator accuracy is reported beside it. A non-claim that is
found is a false positive like any other, and is also listed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quotewire.bench.metrics import PRF
from quotewire.claims.amounts import Amount, find_amounts
from quotewire.errors import InputError


@dataclass(frozen=True, slots=True)
class GoldAmount:
    start: int
    end: int
    value: float
    high: float | None
    unit: str
    comparator: str
    against: float | None = None


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    lang: str
    text: str
    amounts: tuple[GoldAmount, ...]
    non_claims: tuple[tuple[int, int], ...]


@dataclass(slots=True)
class AmountReport:
    gold: int = 0
    found: int = 0
    matched: int = 0
    value_unit: int = 0
    comparator: int = 0
    non_claims: int = 0
    non_claims_found: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def detection(self) -> PRF:
        """Detection counts as the quote metric's record: precision, recall, F1."""
        return PRF(gold=self.gold, matched=self.matched, unmatched_pred=self.found - self.matched)

    @property
    def precision(self) -> float:
        return self.detection.precision

    @property
    def recall(self) -> float:
        return self.detection.recall

    @property
    def f1(self) -> float:
        return self.detection.f1

    @property
    def value_unit_accuracy(self) -> float:
        return self.value_unit / self.matched if self.matched else 0.0

    @property
    def comparator_accuracy(self) -> float:
        return self.comparator / self.matched if self.matched else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "found": self.found,
            "matched": self.matched,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "value_unit_accuracy": round(self.value_unit_accuracy, 4),
            "comparator_accuracy": round(self.comparator_accuracy, 4),
            "non_claims": self.non_claims,
            "non_claims_found": self.non_claims_found,
        }


def load_sentences(path: str | Path) -> list[GoldSentence]:
    """The annotated sentences of a corpus file; a line that does not fit raises InputError."""
    sentences = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                sentences.append(_sentence(json.loads(line)))
            except (ValueError, KeyError, TypeError) as error:
                raise InputError(f"line {number}: {error}", source=str(path)) from None
    return sentences


def _sentence(record: dict[str, Any]) -> GoldSentence:
    text = record["text"]
    amounts = []
    cursor: dict[str, int] = {}
    for item in record.get("amounts", []):
        at = text.find(item["text"], cursor.get(item["text"], 0))
        if at < 0:
            raise ValueError(f"{record['id']}: {item['text']!r} is not in the text")
        cursor[item["text"]] = at + 1
        amounts.append(
            GoldAmount(
                at,
                at + len(item["text"]),
                float(item["value"]),
                None if item.get("high") is None else float(item["high"]),
                item["unit"],
                item["comparator"],
                None if item.get("against") is None else float(item["against"]),
            )
        )
    non_claims = []
    for words in record.get("non_claims", []):
        at = text.find(words)
        if at < 0:
            raise ValueError(f"{record['id']}: non-claim {words!r} is not in the text")
        non_claims.append((at, at + len(words)))
    return GoldSentence(
        record["id"], record.get("lang", "en"), text, tuple(amounts), tuple(non_claims)
    )


def evaluate_amounts(sentences: list[GoldSentence]) -> AmountReport:
    report = AmountReport()
    for sentence in sentences:
        found = find_amounts(sentence.text, lang=sentence.lang)
        report.gold += len(sentence.amounts)
        report.found += len(found)
        report.non_claims += len(sentence.non_claims)
        used: set[int] = set()
        for gold in sentence.amounts:
            match = next(
                (
                    n
                    for n, a in enumerate(found)
                    if n not in used and a.start < gold.end and gold.start < a.end
                ),
                None,
            )
            if match is None:
                report.errors.append(f"{sentence.id} missed   {_quote(sentence.text, gold)}")
                continue
            used.add(match)
            report.matched += 1
            amount = found[match]
            if (
                _close(amount.value, gold.value)
                and _close(amount.high, gold.high)
                and _close(amount.against, gold.against)
                and (amount.unit == gold.unit)
            ):
                report.value_unit += 1
            else:
                report.errors.append(
                    f"{sentence.id} wrong    {_quote(sentence.text, gold)} "
                    f"{gold.value:g}/{gold.high}{_against(gold.against)} {gold.unit}: got "
                    f"{amount.value:g}/{amount.high}{_against(amount.against)} {amount.unit} "
                    f"({amount.text!r})"
                )
            if amount.comparator == gold.comparator:
                report.comparator += 1
            else:
                report.errors.append(
                    f"{sentence.id} cmp      {_quote(sentence.text, gold)} {gold.comparator}: "
                    f"got {amount.comparator} ({amount.text!r})"
                )
        for n, amount in enumerate(found):
            if n in used:
                continue
            non_claim = any(s < amount.end and amount.start < e for s, e in sentence.non_claims)
            report.non_claims_found += non_claim
            label = "nonclaim" if non_claim else "extra   "
            report.errors.append(f"{sentence.id} {label} {amount.text!r} in {sentence.text[:90]!r}")
    return report


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)


def _against(against: float | None) -> str:
    return "" if against is None else f" against {against:g}"


def _quote(text: str, gold: GoldAmount) -> str:
    return repr(text[gold.start : gold.end])


def format_amount_report(report: AmountReport) -> str:
    d = report.to_dict()
    return "\n".join(
        [
            f"amounts: {d['gold']} annotated, {d['found']} found, {d['matched']} matched",
            f"detection P/R/F1   {100 * report.precision:5.1f} / {100 * report.recall:5.1f} / "
            f"{100 * report.f1:5.1f}",
            f"value and unit     {100 * report.value_unit_accuracy:5.1f}% of matched",
            f"comparator         {100 * report.comparator_accuracy:5.1f}% of matched",
            f"non-claims found   {report.non_claims_found} of {report.non_claims}",
        ]
    )


__all__ = ["Amount", "AmountReport", "evaluate_amounts", "format_amount_report", "load_sentences"]
