"""Reading article files and raw bytes into text, exactly as stored.

The text is never normalised: newlines (``\\r\\n`` included), spacing and quotation marks stay as
they are, so every character offset computed later points into the bytes the user supplied. The
one change is that a leading byte order mark is dropped (it is an encoding marker, not text).

Inputs are checked before they are decoded: a missing path, a file larger than
:data:`MAX_BYTES`, an empty or whitespace-only file and a binary file each raise the matching
:mod:`quotewire.errors` class, with a one-line message that names the input.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

from quotewire.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    MissingInput,
    NoArticles,
)

MAX_BYTES = 5_000_000
"""The documented size limit of one article, in bytes (5 MB)."""

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm"})
"""File name suffixes :func:`iter_article_files` collects (compared case-insensitively)."""

HTML_SUFFIXES = frozenset({".html", ".htm"})

_SNIFF_BYTES = 8192
_HTML_SNIFF_CHARS = 2048

_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "executable"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
)

# Byte order marks of the UTF-16/32 encodings; checked longest first (UTF-32 LE starts like
# UTF-16 LE). Text in these encodings contains NUL bytes, so it is recognised before the
# binary check.
_WIDE_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control bytes that plain text does contain: tab, newline, vertical tab, form feed, return,
# escape.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1b")
_MAX_CONTROL_SHARE = 0.10

# Single-byte code pages for Latin-script languages (codecs.lookup names).
_LATIN_FAMILY = frozenset(
    {
        "iso8859-1", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-9", "iso8859-10",
        "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16", "cp1250", "cp1252", "cp1254",
        "cp1257", "cp1258", "mac-roman", "mac-latin2", "mac-iceland", "mac-turkish", "cp437",
        "cp850", "cp852", "cp858", "hp-roman8",
    }
)  # fmt: skip
_LATIN_EXTENDED_END = 0x024F
_PUNCTUATION_BLOCK = (0x2000, 0x20CF)

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_BODY_TAG = re.compile(r"<(?:body|head)\b[^>]*>", re.IGNORECASE)
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|span|h[1-6]|article|section|ul|ol|li|a|meta|title)\b[^>]*>", re.IGNORECASE
)
_MIN_BLOCK_TAGS = 3


@dataclass(frozen=True)
class Loaded:
    """Text read from a file or from bytes, with how it was decoded."""

    text: str
    encoding: str
    warnings: tuple[str, ...]
    source: str


def read_text(path: Path | str, *, max_bytes: int = MAX_BYTES) -> Loaded:
    """Read the file at ``path`` as text, unchanged apart from a leading byte order mark.

    Raises :class:`~quotewire.errors.MissingInput` when the path does not exist,
    :class:`~quotewire.errors.InputTooLarge` when the file is larger than ``max_bytes`` (checked
    before reading), and whatever :func:`decode_bytes` raises for its content.
    """
    file = Path(path)
    source = str(path)
    if not file.exists():
        raise MissingInput("no such file", source=source)
    if file.is_dir():
        raise InputError("is a folder, not a file", source=source)
    size = file.stat().st_size
    if size > max_bytes:
        raise InputTooLarge(_too_large_message(size, max_bytes), source=source)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror or exc})", source=source) from exc
    return decode_bytes(data, source=source, max_bytes=max_bytes)


def decode_bytes(data: bytes, *, source: str, max_bytes: int = MAX_BYTES) -> Loaded:
    """Decode ``data`` (a file's content, stdin, a batch record) to text, unchanged.

    UTF-8, with or without a byte order mark, is decoded as is; UTF-16/32 is recognised by its
    byte order mark; anything else is decoded with charset_normalizer's best guess (falling back
    to cp1252, then latin-1) and the result carries a warning naming the encoding used.

    Raises :class:`~quotewire.errors.InputTooLarge`, :class:`~quotewire.errors.EmptyInput`
    (no bytes, or only whitespace) and :class:`~quotewire.errors.BinaryInput` (binary magic
    numbers, a NUL byte anywhere, or mostly control bytes at the start).
    """
    if len(data) > max_bytes:
        raise InputTooLarge(_too_large_message(len(data), max_bytes), source=source)
    if not data:
        raise EmptyInput("empty input (0 bytes)", source=source)
    text, encoding, warnings = _decode(data, source)
    if not text.strip():
        raise EmptyInput("input contains only whitespace", source=source)
    return Loaded(text=text, encoding=encoding, warnings=warnings, source=source)


def iter_article_files(folder: Path) -> list[Path]:
    """The article files under ``folder``, recursively, sorted by path.

    Article files end in one of :data:`ARTICLE_SUFFIXES`; hidden files and files inside hidden
    folders (names starting with ``.``) are skipped. Raises
    :class:`~quotewire.errors.MissingInput` when the folder does not exist and
    :class:`~quotewire.errors.NoArticles` when it holds no article file.
    """
    root = Path(folder)
    if not root.exists():
        raise MissingInput("no such folder", source=str(folder))
    if not root.is_dir():
        raise NoArticles("is a file, not a folder", source=str(folder))
    found = sorted(path for path in root.rglob("*") if _is_article_file(root, path))
    if not found:
        suffixes = ", ".join(sorted(ARTICLE_SUFFIXES))
        raise NoArticles(f"no article files ({suffixes}) in folder", source=str(folder))
    return found


def is_html(path_or_text: Path | str) -> bool:
    """Whether a file (given as a :class:`~pathlib.Path`) or a text (given as ``str``) is HTML.

    A path is HTML when its suffix is ``.html``/``.htm``, or when the start of the file sniffs as
    HTML. A text is HTML when it starts (after whitespace, an XML declaration or comments) with
    ``<!doctype html`` or ``<html``, or when its first 2 KB hold a ``<body>``/``<head>`` tag or
    several block tags such as ``<p>``.
    """
    if isinstance(path_or_text, Path):
        if path_or_text.suffix.lower() in HTML_SUFFIXES:
            return True
        return _sniff_file(path_or_text)
    return _sniff_html(path_or_text[:_HTML_SNIFF_CHARS])


def _is_article_file(root: Path, path: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts):
        return False
    return path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()


def _sniff_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(_HTML_SNIFF_CHARS)
    except OSError:
        return False
    return _sniff_html(head.decode("utf-8", errors="replace"))


def _sniff_html(head: str) -> bool:
    if _HTML_START.match(head) or _HTML_BODY_TAG.search(head):
        return True
    return len(_HTML_BLOCK_TAG.findall(head)) >= _MIN_BLOCK_TAGS


def _too_large_message(size: int, max_bytes: int) -> str:
    return f"input is {size:,} bytes, larger than the limit of {max_bytes:,} bytes"


def _decode(data: bytes, source: str) -> tuple[str, str, tuple[str, ...]]:
    """The text, the encoding used and any warnings; raises BinaryInput for binary data."""
    wide = _decode_wide(data)
    if wide is not None:
        return wide
    _check_not_binary(data, source)
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig", ()
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8"), "utf-8", ()
        except UnicodeDecodeError:
            pass
    text, encoding = _decode_guess(data)
    return text, encoding, (f"decoded as {encoding}, not UTF-8",)


def _decode_wide(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(_codec_for(bom, encoding))
            except UnicodeDecodeError:
                return None
            return text, encoding, (f"decoded as {encoding}, not UTF-8",)
    return None


def _codec_for(bom: bytes, encoding: str) -> str:
    little = bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF32_LE)
    return f"{encoding}-{'le' if little else 'be'}"


def _check_not_binary(data: bytes, source: str) -> None:
    for magic, kind in _BINARY_MAGIC:
        if data.startswith(magic):
            raise BinaryInput(f"looks like a binary file ({kind}), not text", source=source)
    nul = data.find(b"\x00")  # anywhere: a store cannot keep text with NULs in it
    if nul >= 0:
        raise BinaryInput(
            f"looks like a binary file (a NUL byte at offset {nul:,}), not text", source=source
        )
    head = data[:_SNIFF_BYTES]
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls > _MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(
            "looks like a binary file (mostly control bytes), not text", source=source
        )


def _decode_guess(data: bytes) -> tuple[str, str]:
    """Decode non-UTF-8 bytes: charset_normalizer's guess, cp1252, or latin-1 as a last resort.

    Short texts in a Western encoding are often guessed as some other Latin code page (e.g.
    iso8859_14, turning "«" into "ḋ"); between such a guess and cp1252 the decoding with fewer
    odd characters wins, cp1252 on a tie. Guesses outside the Latin family (cp1251, Shift-JIS,
    ...) are trusted.
    """
    guess = _charset_guess(data)
    fallback = _decode_cp1252(data)
    if guess is not None and (fallback is None or not _latin_family(guess[1])):
        return guess
    if fallback is not None:
        candidates = [(fallback, "cp1252")] + ([guess] if guess is not None else [])
        return min(candidates, key=lambda candidate: _oddity(candidate[0]))
    return data.decode("latin-1"), "latin-1"


def _charset_guess(data: bytes) -> tuple[str, str] | None:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (LookupError, UnicodeDecodeError):
        return None


def _latin_family(encoding: str) -> bool:
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name in _LATIN_FAMILY


def _oddity(text: str) -> tuple[int, int]:
    """(characters unlikely in text, letters outside the common Latin blocks) of ``text``."""
    unlikely = 0
    rare = 0
    for char in text:
        if char.isascii():
            continue
        category = unicodedata.category(char)
        if category[0] not in "LP" and category not in ("Zs", "Sc"):
            unlikely += 1
        elif (
            ord(char) > _LATIN_EXTENDED_END
            and not _PUNCTUATION_BLOCK[0] <= ord(char) <= _PUNCTUATION_BLOCK[1]
        ):
            rare += 1
    return unlikely, rare


def _decode_cp1252(data: bytes) -> str | None:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


__all__ = [
    "ARTICLE_SUFFIXES",
    "HTML_SUFFIXES",
    "MAX_BYTES",
    "Loaded",
    "decode_bytes",
    "is_html",
    "iter_article_files",
    "read_text",
]
