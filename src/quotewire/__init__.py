"""quotewire: who said what, with which numbers, and when.

The public surface is what ``__all__`` lists (checked by a test)::

    import quotewire
    result = quotewire.extract(text)          # or extract(html=..., url=...)
    result.to_dict()                          # the documented JSON output
    corpus = quotewire.Corpus([result, ...])  # speakers and claim timelines across articles
"""

from quotewire.claims.amounts import Amount, find_amounts
from quotewire.claims.track import ClaimGroup
from quotewire.corpus import Corpus
from quotewire.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    MalformedRecord,
    MissingInput,
    ModelError,
    NoArticles,
    QuotewireError,
    UnsupportedLanguage,
)
from quotewire.model import (
    Article,
    Claim,
    ClaimTime,
    Debris,
    Entity,
    Mention,
    NamedSpan,
    Quote,
    Result,
    Source,
    Span,
    Speaker,
    json_schema,
)
from quotewire.pipeline import Document, Options, extract, run_many, run_one
from quotewire.speakers.registry import Registry, RegistryEntity

__version__ = "0.1.0"

__all__ = [
    "Amount",
    "Article",
    "BinaryInput",
    "Claim",
    "ClaimGroup",
    "ClaimTime",
    "Corpus",
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
    "Options",
    "Quote",
    "QuotewireError",
    "Registry",
    "RegistryEntity",
    "Result",
    "Source",
    "Span",
    "Speaker",
    "UnsupportedLanguage",
    "__version__",
    "extract",
    "find_amounts",
    "json_schema",
    "run_many",
    "run_one",
]
