"""The language layer: profiles as data, the language told from the text's script and common
words, and ``--language`` to force one (issue 16's first part; Russian is recognised and, until
first version of its pipeline)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.lang import CODES, analysed_names, profile, profiles
from quotewire.pipeline import Document, Options, run_one
from quotewire.text.language import check_language

RUSSIAN = "Министр заявил, что порт откроется весной и что работы уже начались. " * 4
UKRAINIAN = "Міністр заявив, що порт відкриється навесні і що роботи вже почалися. " * 4
ENGLISH = (
    '"We will open the port in spring," Mayor Ana Lind said on Tuesday. The work on the '
    "quays has begun, and the first ships are expected in April, she told the council. "
    "The harbour master said the dredging was finished a week ahead of the plan."
)


def test_every_language_has_a_profile_read_from_its_data_file() -> None:
    assert [p.code for p in profiles()] == list(CODES) == ["en", "ru"]
    english, russian = profile("en"), profile("ru")
    assert (english.name, english.script, english.analysed) == ("English", "LATIN", True)
    assert (russian.name, russian.script, russian.analysed) == ("Russian", "CYRILLIC", True)
    assert {"the", "said"} <= english.function_words
    assert {"и", "что", "не"} <= russian.function_words
    assert {"і", "ї", "є", "ў"} <= russian.foreign_letters and not english.foreign_letters
    assert analysed_names() == "English and Russian"
    assert russian.debris and set(russian.debris) <= {"share", "photo_credit", "read_more"}
    with pytest.raises(QuotewireError, match="no language 'de'; quotewire knows en, ru"):
        profile("de")


def test_russian_is_told_from_its_script_and_read_as_russian() -> None:
    check = check_language(RUSSIAN)
    assert (check.language, check.script, check.warning) == ("ru", "CYRILLIC", None)
    result = quotewire.extract(RUSSIAN)
    assert result.article.language == "ru"
    assert result.warnings == []
    greek = check_language("Ο υπουργός δήλωσε ότι το λιμάνι θα ανοίξει την άνοιξη. " * 3)
    assert greek.language is None
    assert greek.refusal() == "written in Greek script; quotewire reads English and Russian"


def test_cyrillic_with_letters_russian_does_not_use_is_not_russian() -> None:
    check = check_language(UKRAINIAN)
    assert check.language is None
    assert check.refusal().startswith("written in Cyrillic script but not in Russian (letters ")
    assert "і" in check.refusal() and "є" in check.refusal()
    # one such letter in a Russian text (a Ukrainian name) does not make it another language
    named = RUSSIAN + "Так сказал Дмитро Кулеба, і только. "
    assert check_language(named).language == "ru"


def test_english_is_read_as_before_and_says_so_in_the_article() -> None:
    check = check_language(ENGLISH)
    assert (check.language, check.script, check.warning) == ("en", "LATIN", None)
    result = run_one(Document(text=ENGLISH))
    assert result.article.language == "en"
    assert result.quotes and result.quotes[0].speaker is not None


def test_a_forced_language_reads_a_text_of_another_script_with_a_warning() -> None:
    result = run_one(Document(text=RUSSIAN), Options(language="en"))
    assert result.article.language == "en"
    assert result.warnings == [
        "read as English as asked (--language en), though its letters are Cyrillic 100%"
    ]
    assert check_language(ENGLISH, "en").warning is None
    as_russian = check_language(ENGLISH, "ru")
    assert as_russian.language == "ru"
    assert as_russian.warning == (
        "read as Russian as asked (--language ru), though its letters are Latin 100%"
    )


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_the_language_option_of_the_command_line(tmp_path: Path) -> None:
    russian = tmp_path / "ru.txt"
    russian.write_text(RUSSIAN, encoding="utf-8")
    run = _cli("extract", "--format", "jsonl", str(russian))
    assert run.returncode == 0, run.stderr
    assert '"language":"ru"' in run.stdout
    run = _cli("extract", "--language", "en", "--format", "jsonl", str(russian))
    assert run.returncode == 0, run.stderr
    assert '"language":"en"' in run.stdout
    assert "read as English as asked (--language en)" in run.stderr
    run = _cli("extract", "--language", "de", str(russian))
    assert run.returncode == 2 and "invalid choice: 'de'" in run.stderr
    greek = tmp_path / "el.txt"
    greek.write_text("Ο υπουργός δήλωσε ότι το λιμάνι θα ανοίξει την άνοιξη. " * 3, "utf-8")
    run = _cli("ingest", str(greek), "--db", str(tmp_path / "q.db"))
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "written in Greek script; quotewire reads English and Russian" in run.stderr
