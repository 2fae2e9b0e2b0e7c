"""The public Python API: what ``quotewire`` exports, what it returns, and its error tree."""

from __future__ import annotations

import importlib
import inspect
import json
import re
import subprocess
import sys

import pytest

import quotewire
import quotewire.errors

EXPECTED_ALL = {
    "Amount",
    "Article",
    "AnalysisFailed",
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
}

TEXT = (
    '"We will reopen the bridge in May," Mayor Ellen Novak said on Tuesday. '
    "She said the repairs had cost less than expected.\n"
)

HTML = """<!doctype html>
<html><head><title>Bridge to reopen in May</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/city">City</a></nav>
<article>
<h1>Bridge to reopen in May</h1>
<p>The Lakeside bridge will reopen next month after a winter of repairs.</p>
<p>"We will reopen the bridge in May," Mayor Ellen Novak said on Tuesday.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
"""


def _error_classes() -> dict[str, type[BaseException]]:
    return {
        name: cls
        for name, cls in inspect.getmembers(quotewire.errors, inspect.isclass)
        if issubclass(cls, BaseException) and cls.__module__ == quotewire.errors.__name__
    }


def test_all_is_exactly_the_public_surface() -> None:
    assert len(quotewire.__all__) == len(set(quotewire.__all__)), "duplicates in __all__"
    assert set(quotewire.__all__) == EXPECTED_ALL


@pytest.mark.parametrize("name", sorted(EXPECTED_ALL))
def test_every_public_name_is_importable(name: str) -> None:
    module = importlib.import_module("quotewire")
    assert getattr(module, name) is not None
    namespace: dict[str, object] = {}
    exec(f"from quotewire import {name}", namespace)
    assert namespace[name] is getattr(quotewire, name)


@pytest.mark.parametrize(
    ("modules", "absent"),
    [
        # the package itself loads its public names at first use
        (["quotewire"], ["spacy", "quotewire.pipeline", "pydantic"]),
        # what the read stage of quotewire spark runs in its Python workers
        (["quotewire.scale.read", "quotewire.scale.balance"], ["spacy", "pydantic"]),
        # what the registry and timeline steps run in theirs
        (["quotewire.scale.across", "quotewire.scale.rows"], ["spacy", "quotewire.pipeline"]),
        # the command line, and the driver of quotewire spark (which analyses no article)
        (["quotewire.cli", "quotewire.scale.spark"], ["spacy", "quotewire.pipeline"]),
    ],
)
def test_light_modules_do_not_load_the_nlp_stack(modules: list[str], absent: list[str]) -> None:
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"print([m for m in {absent!r} if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_version_is_a_version_string() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", quotewire.__version__)


def test_extract_text_returns_a_result_with_the_speaker() -> None:
    result = quotewire.extract(TEXT)
    assert isinstance(result, quotewire.Result)
    assert result.article.text == TEXT
    direct = [q for q in result.quotes if q.type == "direct"]
    assert [q.text for q in direct] == ["We will reopen the bridge in May"]
    assert direct[0].speaker is not None and direct[0].speaker.name == "Ellen Novak"
    for quote in result.quotes:
        assert isinstance(quote, quotewire.Quote)
        for span in quote.content:
            assert TEXT[span.start : span.end] == span.text


def test_extract_html_reads_the_main_text() -> None:
    result = quotewire.extract(html=HTML, url="https://news.example/bridge")
    assert isinstance(result, quotewire.Result)
    assert result.article.url == "https://news.example/bridge"
    assert "<p>" not in result.article.text
    assert "We will reopen the bridge in May" in result.article.text
    assert any(
        q.text == "We will reopen the bridge in May"
        and q.speaker is not None
        and q.speaker.name == "Ellen Novak"
        for q in result.quotes
    )


def test_to_dict_is_json_serialisable_and_round_trips() -> None:
    result = quotewire.extract(TEXT)
    data = result.to_dict()
    encoded = json.dumps(data)
    assert json.loads(encoded) == data
    assert data["quotes"][0]["content"][0]["text"] == "We will reopen the bridge in May"
    assert quotewire.Result.model_validate(data) == result


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_extract_of_no_text_raises_empty_input(text: str) -> None:
    with pytest.raises(quotewire.EmptyInput) as caught:
        quotewire.extract(text)
    assert isinstance(caught.value, quotewire.InputError)
    assert "\n" not in str(caught.value), "error messages are one line"


def test_every_error_class_derives_from_quotewire_error() -> None:
    classes = _error_classes()
    assert len(classes) >= 9
    for name, cls in classes.items():
        assert issubclass(cls, quotewire.QuotewireError), name
        assert getattr(quotewire, name) is cls, f"{name} is not exported by quotewire"
        assert isinstance(cls.code, str) and cls.code, f"{name} has no error code"
    codes = [cls.code for cls in classes.values()]
    assert len(codes) == len(set(codes)), "error codes are unique"


def _docstring_tree() -> dict[str, str | None]:
    """Each class drawn in the errors module docstring, mapped to its parent in the drawing."""
    doc = quotewire.errors.__doc__ or ""
    tree: dict[str, str | None] = {}
    stack: list[str] = []
    root_column = 0
    for line in doc.splitlines():
        root = re.fullmatch(r"(\s*)(QuotewireError)\s*", line)
        branch = re.match(r"(.*?)\+-- (\w+)", line)
        if root:
            root_column = len(root.group(1))
            stack = [root.group(2)]
            tree[root.group(2)] = None
        elif branch and stack:
            # "+--" sits one column right of its parent's name; each level is 5 columns wide
            depth = (len(branch.group(1)) - root_column - 1) // 5 + 1
            del stack[depth:]
            tree[branch.group(2)] = stack[-1]
            stack.append(branch.group(2))
    return tree


def test_error_tree_in_the_docstring_lists_every_error_class() -> None:
    tree = _docstring_tree()
    classes = _error_classes()
    assert set(tree) == set(classes), "errors.py docstring tree is out of date"
    for name, parent in tree.items():
        cls = classes[name]
        if parent is None:
            assert cls.__bases__ == (Exception,)
        else:
            assert cls.__bases__ == (classes[parent],), f"{name} is drawn under {parent}"
