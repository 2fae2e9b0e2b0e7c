"""A large parse shared between this process and one forked helper.

spaCy's parse holds the interpreter lock (threads gain nothing), so on a machine with a second
core the batches of a large article are split in two by tokens: a child forked once the
batches are made parses the second half from the memory it shares with its parent and sends
the parsed documents back as a ``DocBin``, while the parent parses the first half. The same
goes for the entity recognizer's batches (:func:`~quotewire.nlp.entities.recognize`). Each
batch is the same batch either way, so the results are the ones one process gives (a test
compares them attribute by attribute; a 5 MB article's output is byte-identical).

The helper is used only where forking is safe and worth it: on Linux, in a process running
one thread that is not itself a worker of another process, with a second core to use, for an
article of at least ``MIN_CHARS`` characters. It dies with its parent (``PR_SET_PDEATHSIG``);
should it fail in any way (killed, out of memory, an error), the parent parses its half itself.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from quotewire.processes import die_with_parent

#: Characters of text in an article's batches from which the parse is shared with a helper.
MIN_CHARS = 1_000_000

#: A function that parses batches of documents and returns the documents, in order.
Parse = Callable[[Sequence[list[Any]]], list[Any]]
#: A way to run a :data:`Parse` over batches: :func:`alone`, or :func:`sharing` a helper.
Runner = Callable[[Parse, Sequence[list[Any]]], list[Any]]


def can_fork() -> bool:
    """Whether a helper may be forked from this process now."""
    return (
        sys.platform.startswith("linux")
        and len(os.sched_getaffinity(0)) > 1
        and threading.active_count() == 1
        and multiprocessing.parent_process() is None
    )


def alone(parse: Parse, batches: Sequence[list[Any]]) -> list[Any]:
    """``parse(batches)`` in this process."""
    return parse(batches)


def runner(vocab: Any, chars: int) -> Runner:
    """How to parse an article of ``chars`` characters: sharing with a helper when it is large
    enough and a helper can be forked, else alone."""
    if chars >= MIN_CHARS and can_fork():
        return partial(parse_shared, vocab=vocab)
    return alone


def split(batches: Sequence[list[Any]]) -> int:
    """The index of the first batch of the second half, by tokens."""
    total = sum(len(doc) for batch in batches for doc in batch)
    seen = 0
    for n, batch in enumerate(batches):
        if seen * 2 >= total:
            return n
        seen += sum(len(doc) for doc in batch)
    return len(batches)


def parse_shared(parse: Parse, batches: Sequence[list[Any]], vocab: Any) -> list[Any]:
    """``parse(batches)``, with the second half of the batches parsed by a forked helper."""
    half = split(batches)
    if half in (0, len(batches)):
        return parse(batches)
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid == 0:  # the helper: parse, send, and leave without running the parent's exit code
        os.close(read)
        status = 1
        try:
            die_with_parent(parent)
            from spacy.tokens import DocBin

            data = DocBin(docs=parse(batches[half:]), store_user_data=False).to_bytes()
            with os.fdopen(write, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    try:
        first = parse(batches[:half])
        with os.fdopen(read, "rb") as sent:
            data = sent.read()
        _, code = os.waitpid(pid, 0)
        pid = 0
    finally:
        if pid:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
    if code == 0:
        try:
            from spacy.tokens import DocBin

            return first + list(DocBin(store_user_data=False).from_bytes(data).get_docs(vocab))
        except Exception:  # anything the helper sent that cannot be read: parse it here
            pass
    return first + parse(batches[half:])
