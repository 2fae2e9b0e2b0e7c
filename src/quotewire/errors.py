"""Errors raised by quotewire.

Every error quotewire raises on purpose derives from :class:`QuotewireError`, and its
``str()`` is one line that names the input it is about::

    QuotewireError
     +-- InputError            the input cannot be analysed (names the input)
     |    +-- MissingInput     path does not exist
     |    +-- EmptyInput       no text at all (empty file, whitespace only, empty record)
     |    +-- BinaryInput      looks like a binary file, not text
     |    +-- InputTooLarge    larger than the documented size limit
     |    +-- MalformedRecord  a batch record that is not valid JSON or lacks fields
     |    +-- NoArticles       a folder with no article files
     |    +-- UnsupportedLanguage  not English (written in another script)
     +-- ModelError            the NLP pipeline cannot be loaded
"""

from __future__ import annotations


class QuotewireError(Exception):
    """Base class of every error quotewire raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}" if source else message)


class InputError(QuotewireError):
    """The input cannot be analysed."""

    code = "bad_input"


class MissingInput(InputError):
    code = "missing_input"


class EmptyInput(InputError):
    code = "empty_input"


class BinaryInput(InputError):
    code = "binary_input"


class InputTooLarge(InputError):
    code = "input_too_large"


class MalformedRecord(InputError):
    code = "malformed_record"


class NoArticles(InputError):
    code = "no_articles"


class UnsupportedLanguage(InputError):
    code = "unsupported_language"


class ModelError(QuotewireError):
    """The NLP pipeline cannot be loaded."""

    code = "model_error"


__all__ = [
    "BinaryInput",
    "EmptyInput",
    "InputError",
    "InputTooLarge",
    "MalformedRecord",
    "MissingInput",
    "ModelError",
    "NoArticles",
    "QuotewireError",
    "UnsupportedLanguage",
]
