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
     |    +-- AnalysisFailed   the pipeline failed on this input (a bug, reported per article)
     +-- NotFound              no such article, speaker or registry entity
     +-- ModelError            the NLP pipeline cannot be loaded
"""

from __future__ import annotations


def shown(name: object) -> str:
    """How an input is named in messages and records: a path's bytes that are not UTF-8 (which
    Python keeps as surrogate escapes, and which no terminal, JSON or store can take) are shown
    as ``\\xNN``."""
    text = str(name)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that stands for no byte
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return text


class QuotewireError(Exception):
    """Base class of every error quotewire raises on purpose."""

    code = "error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        source = shown(source) if source is not None else None
        message = shown(message)
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


class AnalysisFailed(InputError):
    """The pipeline raised an unexpected exception on this input. A batch reports it as that
    article's error and goes on; the message names the exception, for a bug report."""

    code = "analysis_failed"


class NotFound(QuotewireError):
    """What was asked for (a stored article, a registry entity) is not there."""

    code = "not_found"


class ModelError(QuotewireError):
    """The NLP pipeline cannot be loaded."""

    code = "model_error"


__all__ = [
    "AnalysisFailed",
    "BinaryInput",
    "EmptyInput",
    "InputError",
    "InputTooLarge",
    "MalformedRecord",
    "MissingInput",
    "ModelError",
    "NoArticles",
    "NotFound",
    "QuotewireError",
    "UnsupportedLanguage",
]
