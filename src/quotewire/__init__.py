"""quotewire: who said what, with which numbers, and when.

The public surface is what ``__all__`` lists (checked by a test)::

    import quotewire
    result = quotewire.extract(text)          # or extract(html=..., url=...)
    result.to_dict()                          # the documented JSON output
    corpus = quotewire.Corpus([result, ...])  # speakers and claim timelines across articles
"""

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
