"""How many threads numpy's BLAS may run while a back-end's models read a text."""

from __future__ import annotations

from contextlib import AbstractContextManager
from functools import lru_cache
from typing import Any, cast


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


def one_blas_thread() -> AbstractContextManager[Any]:
    """While a text's models run, numpy's BLAS runs in the calling thread alone: their products
    are too small to gain from more threads, and quotewire's runners already run one analysis
    per core. For spaCy's parser the dev split parses as fast on one thread as on two, for half
    the processor time. For natasha's models (slovnet, numpy) two BLAS threads that share two
    cores with other work wait on each other: the Russian dev set took 12-24 s with them and
    2.6-3.2 s on one thread, back to back on a busy host."""
    return cast(AbstractContextManager[Any], _blas().limit(limits=1, user_api="blas"))
