"""quotewire: who said what, with which numbers, and when.

The public surface is what ``__all__`` lists (checked by a test)::

    import quotewire
    result = quotewire.extract(text)          # or extract(html=..., url=...)
    result.to_dict()                          # the documented JSON output
    corpus = quotewire.Corpus([result, ...])  # speakers and claim timelines across articles
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quotewire.claims.amounts import Amount, find_amounts
    from quotewire.corpus import Corpus
    from quotewire.errors import (
        AnalysisFailed,
        BinaryInput,
        EmptyInput,
        InputError,
        InputTooLarge,
        MalformedRecord,
        MissingInput,
        ModelError,
        NoArticles,
        NotFound,
        QuotewireError,
        UnsupportedLanguage,
    )
    from quotewire.model import (
        Article,
        Claim,
        ClaimFlag,
        ClaimGroup,
        ClaimTime,
        CorpusReport,
        Debris,
        Entity,
        Mention,
        NamedSpan,
        Quote,
        RegistryEntity,
        Result,
        Source,
        Span,
        Speaker,
        TimelineEntry,
        corpus_json_schema,
        json_schema,
    )
    from quotewire.pipeline import Document, Options, extract, run_many, run_one
    from quotewire.speakers.registry import Registry

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "AnalysisFailed",
    "Article",
    "BinaryInput",
    "Claim",
    "ClaimFlag",
    "ClaimGroup",
    "ClaimTime",
    "Corpus",
    "CorpusReport",
    "Debris",
    "Document",
    "EmptyInput",
    "Entity",
    "InputError",
    "InputTooLarge",
    "MalformedRecord",
    "Mention",
    "MissingInput",
    "ModelError",
    "NamedSpan",
    "NoArticles",
    "NotFound",
    "Options",
    "Quote",
    "QuotewireError",
    "Registry",
    "RegistryEntity",
    "Result",
    "Source",
    "Span",
    "Speaker",
    "TimelineEntry",
    "UnsupportedLanguage",
    "__version__",
    "corpus_json_schema",
    "extract",
    "find_amounts",
    "json_schema",
    "run_many",
    "run_one",
]

#: where each public name lives: imported at first use, so that ``import quotewire`` (and any
#: submodule, which imports this package first) does not load the NLP stack it may not need
_HOME = {
    "Amount": "quotewire.claims.amounts",
    "AnalysisFailed": "quotewire.errors",
    "Article": "quotewire.model",
    "BinaryInput": "quotewire.errors",
    "Claim": "quotewire.model",
    "ClaimFlag": "quotewire.model",
    "ClaimGroup": "quotewire.model",
    "ClaimTime": "quotewire.model",
    "Corpus": "quotewire.corpus",
    "CorpusReport": "quotewire.model",
    "Debris": "quotewire.model",
    "Document": "quotewire.ingest.document",
    "EmptyInput": "quotewire.errors",
    "Entity": "quotewire.model",
    "InputError": "quotewire.errors",
    "InputTooLarge": "quotewire.errors",
    "MalformedRecord": "quotewire.errors",
    "Mention": "quotewire.model",
    "MissingInput": "quotewire.errors",
    "ModelError": "quotewire.errors",
    "NamedSpan": "quotewire.model",
    "NoArticles": "quotewire.errors",
    "NotFound": "quotewire.errors",
    "Options": "quotewire.pipeline",
    "Quote": "quotewire.model",
    "QuotewireError": "quotewire.errors",
    "Registry": "quotewire.speakers.registry",
    "RegistryEntity": "quotewire.model",
    "Result": "quotewire.model",
    "Source": "quotewire.model",
    "Span": "quotewire.model",
    "Speaker": "quotewire.model",
    "TimelineEntry": "quotewire.model",
    "UnsupportedLanguage": "quotewire.errors",
    "corpus_json_schema": "quotewire.model",
    "extract": "quotewire.pipeline",
    "find_amounts": "quotewire.claims.amounts",
    "json_schema": "quotewire.model",
    "run_many": "quotewire.pipeline",
    "run_one": "quotewire.pipeline",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'quotewire' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_HOME))
