"""quotewire: who said what, with which numbers, and when.

The public surface is what ``__all__`` lists (checked by a test)::

    import quotewire
    result = quotewire.extract(text)          # or extract(html=..., url=...)
    result.to_dict()                          # the documented JSON output
"""

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

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BinaryInput",
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
    "Result",
    "Source",
    "Span",
    "Speaker",
    "UnsupportedLanguage",
    "__version__",
    "extract",
    "json_schema",
    "run_many",
    "run_one",
]
