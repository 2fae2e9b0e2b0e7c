"""Processes that end with the process that started them.

A helper process (an ingest worker, the second half of a large parse) must never outlive its
parent, also when the parent is killed with ``kill -9``: nobody would be left to reap it, and a
helper blocked on writing its results would wait for ever.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """Make this process end when the process ``parent`` ends, even by ``kill -9``: on Linux
    the kernel sends it SIGKILL (``prctl(PR_SET_PDEATHSIG)``); elsewhere, and should that fail,
    a watchdog thread notices it has been orphaned."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
