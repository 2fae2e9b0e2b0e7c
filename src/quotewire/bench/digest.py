"""``quotewire bench digest``: a fingerprint of every article's result, to say that a change of
code changed no output.

A change meant to move code, not behaviour (the language layer of issue 16 moves English
word lists out of the finders into a profile), must give the same results on every article,
byte for byte. The digest of a result is the SHA-1 of its JSON (``Result.to_json``, the
format ``quotewire extract`` prints); a recorded file holds one per article of a corpus, and
``--check`` says which articles no longer give theirs. A digest says *that* an output changed,
not how: run ``quotewire extract`` on a named article before and after to read the change.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from quotewire.errors import InputError, QuotewireError
from quotewire.model import Result

#: What a recorded digest file says it is (its ``format`` field).
FORMAT = "quotewire-digests/1"


def digest(result: Result) -> str:
    """The SHA-1 (hex) of ``result`` as ``quotewire extract`` writes it."""
    return hashlib.sha1(result.to_json_bytes()).hexdigest()


@dataclass(slots=True)
class Digests:
    """One digest per article of ``corpus``, by article id, in corpus order."""

    corpus: str
    articles: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        data = {"format": FORMAT, "corpus": self.corpus, "articles": self.articles}
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, path: Path) -> Digests:
        """A recorded file; a file that is not one is a one-line error naming it."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as error:
            raise QuotewireError(f"{path}: cannot read ({error.strerror})") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise QuotewireError(f"{path}: not a digest file ({error})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise QuotewireError(f"{path}: not a digest file (no format {FORMAT!r})")
        articles = data.get("articles")
        if not isinstance(articles, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in articles.items()
        ):
            raise QuotewireError(f"{path}: 'articles' is not a map of article id to digest")
        return cls(corpus=str(data.get("corpus", "")), articles=dict(articles))


def digests_of(corpus: str, results: Iterable[tuple[str, Result | InputError]]) -> Digests:
    """The digests of ``(article id, result)`` pairs; an article that failed has the digest
    of its one-line error, so that a change in what fails shows too."""
    return Digests(
        corpus=corpus,
        articles={
            id: digest(result)
            if isinstance(result, Result)
            else hashlib.sha1(f"error: {result}".encode()).hexdigest()
            for id, result in results
        },
    )


@dataclass(frozen=True, slots=True)
class Comparison:
    """What a run gave against a recording: the articles whose digest changed, those the
    recording has and the run did not make, and those the run made that it has not."""

    same: int
    changed: tuple[str, ...]
    missing: tuple[str, ...]
    extra: tuple[str, ...]

    @property
    def identical(self) -> bool:
        return not (self.changed or self.missing or self.extra)


def compare(recorded: Mapping[str, str], now: Mapping[str, str], *, partial: bool) -> Comparison:
    """``now`` against ``recorded``. With ``partial`` (the run covered only the first articles
    of the corpus) the recorded articles the run did not reach are not missing."""
    changed = tuple(id for id, d in now.items() if id in recorded and recorded[id] != d)
    extra = tuple(id for id in now if id not in recorded)
    missing = () if partial else tuple(id for id in recorded if id not in now)
    same = sum(1 for id, d in now.items() if recorded.get(id) == d)
    return Comparison(same=same, changed=changed, missing=missing, extra=extra)


def format_comparison(comparison: Comparison, recording: str, *, shown: int = 20) -> str:
    """A report a person reads: the counts, then the first ``shown`` ids of each kind."""
    c = comparison
    if c.identical:
        return f"identical: all {c.same:,} articles give the digests of {recording}"
    lines = [
        f"{len(c.changed):,} changed, {len(c.missing):,} missing, {len(c.extra):,} not recorded, "
        f"{c.same:,} the same as {recording}"
    ]
    for what, ids in (("changed", c.changed), ("missing", c.missing), ("not recorded", c.extra)):
        if ids:
            more = f" (and {len(ids) - shown:,} more)" if len(ids) > shown else ""
            lines.append(f"{what}: {', '.join(ids[:shown])}{more}")
    return "\n".join(lines)
