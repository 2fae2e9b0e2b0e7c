"""Reading article files: encodings, exact text, and the input errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from quotewire.errors import (
    BinaryInput,
    EmptyInput,
    InputTooLarge,
    MissingInput,
    NoArticles,
    QuotewireError,
)
from quotewire.ingest.files import (
    MAX_BYTES,
    Loaded,
    decode_bytes,
    is_html,
    iter_article_files,
    read_text,
)

SAMPLE = (
    "Harbour cranes return to Port Ellery\n"
    "The port authority said on Monday that the two cranes would be back in service,\n"
    "a week after the storm. “We lost six days,” the harbour master said.\n"
)
LATIN_SAMPLE = "Café owners in Zürich said the façade would cost 4 000 francs – « très cher »."


def _assert_one_line_naming(error: QuotewireError, path: Path | str) -> None:
    message = str(error)
    assert "\n" not in message
    assert str(path) in message
    assert error.source == str(path)


def test_utf8_file_is_read_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(SAMPLE.encode("utf-8"))
    loaded = read_text(path)
    assert isinstance(loaded, Loaded)
    assert loaded.text == SAMPLE
    assert loaded.encoding == "utf-8"
    assert loaded.warnings == ()
    assert loaded.source == str(path)


def test_crlf_newlines_are_kept(tmp_path: Path) -> None:
    crlf = SAMPLE.replace("\n", "\r\n")
    path = tmp_path / "windows.txt"
    path.write_bytes(crlf.encode("utf-8"))
    loaded = read_text(path)
    assert loaded.text == crlf
    assert loaded.text.count("\r\n") == SAMPLE.count("\n")


def test_utf8_bom_is_the_only_change(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    loaded = read_text(path)
    assert not loaded.text.startswith("\ufeff")
    assert loaded.text == SAMPLE.replace("\n", "\r\n")
    assert loaded.encoding == "utf-8-sig"


def test_latin1_file_is_decoded_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes((LATIN_SAMPLE.replace("–", "-") + "\n").encode("latin-1"))
    loaded = read_text(path)
    assert loaded.text == LATIN_SAMPLE.replace("–", "-") + "\n"
    assert loaded.encoding != "utf-8"
    assert any("not UTF-8" in warning and loaded.encoding in warning for warning in loaded.warnings)


def test_cp1252_curly_quotes_are_decoded(tmp_path: Path) -> None:
    text = "The minister said: “We will not wait” – and left the room. Straße.\n"
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    loaded = read_text(path)
    assert loaded.text == text
    assert loaded.warnings


def test_utf16_with_bom_is_text_not_binary() -> None:
    data = codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le")
    loaded = decode_bytes(data, source="<stdin>")
    assert loaded.text == SAMPLE
    assert loaded.encoding == "utf-16"


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(MissingInput) as caught:
        read_text(path)
    _assert_one_line_naming(caught.value, path)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInput) as caught:
        read_text(path)
    _assert_one_line_naming(caught.value, path)


def test_bom_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom-only.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"\n")
    with pytest.raises(EmptyInput):
        read_text(path)


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(b"header\x00\x00\x01\x02payload" * 20)
    with pytest.raises(BinaryInput) as caught:
        read_text(path)
    _assert_one_line_naming(caught.value, path)
    assert "NUL" in str(caught.value)


def test_control_bytes_mean_binary() -> None:
    data = bytes(range(1, 9)) * 50 + b"some text"
    with pytest.raises(BinaryInput, match="control bytes"):
        decode_bytes(data, source="blob")


@pytest.mark.parametrize(
    ("magic", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"IHDR" + bytes(20), "PNG"),
        (b"%PDF-1.7\n% text-like pdf header\n", "PDF"),
        (b"PK\x03\x04" + b"archive.txt", "ZIP"),
        (b"\x1f\x8b\x08" + b"compressed", "gzip"),
    ],
)
def test_binary_magic_numbers(tmp_path: Path, magic: bytes, kind: str) -> None:
    path = tmp_path / f"file.{kind.lower()}"
    path.write_bytes(magic)
    with pytest.raises(BinaryInput) as caught:
        read_text(path)
    assert kind in str(caught.value)
    _assert_one_line_naming(caught.value, path)


def test_too_large_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 40)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read although it is too large")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(InputTooLarge) as caught:
        read_text(path, max_bytes=100)
    _assert_one_line_naming(caught.value, path)
    assert "200" in str(caught.value)


def test_size_limit_applies_to_bytes_and_defaults_to_five_megabytes() -> None:
    assert MAX_BYTES == 5_000_000
    with pytest.raises(InputTooLarge):
        decode_bytes(b"x" * 11, source="<stdin>", max_bytes=10)
    assert decode_bytes(b"x" * 10, source="<stdin>", max_bytes=10).text == "x" * 10


def test_iter_article_files(tmp_path: Path) -> None:
    wanted = [tmp_path / "a.txt", tmp_path / "c.HTML", tmp_path / "sub" / "b.md"]
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for path in [*wanted, tmp_path / ".git" / "d.txt", tmp_path / ".e.txt", tmp_path / "f.jpg"]:
        path.write_text("text", encoding="utf-8")
    assert iter_article_files(tmp_path) == sorted(wanted)


def test_iter_article_files_without_articles(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    with pytest.raises(NoArticles) as caught:
        iter_article_files(tmp_path)
    _assert_one_line_naming(caught.value, tmp_path)


def test_iter_article_files_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(MissingInput):
        iter_article_files(tmp_path / "absent")


def test_is_html_by_suffix_and_content(tmp_path: Path) -> None:
    page = tmp_path / "page.htm"
    page.write_text("no tags at all", encoding="utf-8")
    disguised = tmp_path / "page.txt"
    disguised.write_text("\n  <!DOCTYPE html><html><body><p>Hi</p></body></html>", encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(SAMPLE, encoding="utf-8")
    assert is_html(page)
    assert is_html(disguised)
    assert not is_html(plain)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<html lang='en'><head></head></html>", True),
        ("<!-- saved page -->\n<!doctype HTML>\n<html>", True),
        ("<div><p>One</p><p>Two</p></div>", True),
        ("Some text with <body> mentioned", True),
        (SAMPLE, False),
        ("The tag <p> starts a paragraph, the editor wrote.", False),
    ],
)
def test_is_html_for_text(text: str, expected: bool) -> None:
    assert is_html(text) is expected
