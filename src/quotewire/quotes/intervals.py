"""Stabbing and overlap queries over character ranges, without comparing every pair.

:class:`IntervalIndex` holds ``(start, end, value)`` triples and answers "which of them have
``start < hi`` and ``end > lo``" (the ranges that overlap ``[lo, hi)``; with ``hi = pos + 1`` and
``lo = pos``, those that contain ``pos``) in ``O((k + 1) log n)`` for ``k`` answers: the triples
sorted by start, and a segment tree of the largest end under each node, so that only subtrees
holding an answer are visited. Nothing requires ``start <= end``, so the same index answers any
two-sided dominance query ("starts at or before ``a`` and ends at or after ``b``").

:class:`LivePoints` holds positions (cue offsets) some of which are struck out as the caller goes,
and lists the live ones in a range, skipping the struck ones in amortised constant time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


#: Up to how many candidates (ranges starting before the query's end) are read one by one.
_SCAN = 16


class IntervalIndex(Generic[T]):
    """Static ``(start, end, value)`` triples, queried by :meth:`overlapping`."""

    __slots__ = ("_ends", "_size", "_starts", "_tree", "_values")

    def __init__(self, triples: Iterable[tuple[int, int, T]]) -> None:
        ordered = sorted(triples, key=lambda t: t[0])
        self._starts = [t[0] for t in ordered]
        self._ends = [t[1] for t in ordered]
        self._values = [t[2] for t in ordered]
        size = 1
        while size < len(ordered):
            size *= 2
        self._size = size
        floor = min(self._ends, default=0) - 1
        tree = [floor] * (2 * size)
        tree[size : size + len(ordered)] = self._ends
        for node in range(size - 1, 0, -1):
            tree[node] = max(tree[2 * node], tree[2 * node + 1])
        self._tree = tree

    def __len__(self) -> int:
        return len(self._starts)

    def overlapping(self, lo: int, hi: int) -> Iterator[tuple[int, int, T]]:
        """Every triple with ``start < hi`` and ``end > lo``, in order of start."""
        cut = bisect_left(self._starts, hi)
        if not cut:
            return
        if cut <= _SCAN:  # a few candidates: reading them costs less than the tree walk
            ends = self._ends
            for n in range(cut):
                if ends[n] > lo:
                    yield self._starts[n], ends[n], self._values[n]
            return
        tree, size = self._tree, self._size
        stack = [(1, 0, size)]  # node, and the leaves [first, last) under it
        while stack:
            node, first, last = stack.pop()
            if first >= cut or tree[node] <= lo:
                continue
            if node >= size:
                n = node - size
                yield self._starts[n], self._ends[n], self._values[n]
                continue
            middle = (first + last) // 2
            stack.append((2 * node + 1, middle, last))
            stack.append((2 * node, first, middle))

    def containing(self, pos: int) -> Iterator[T]:
        """The values of the ranges ``[start, end)`` that contain ``pos``."""
        return (value for _, _, value in self.overlapping(pos, pos + 1))


class LivePoints:
    """Positions, each with a distinct integer key, in order; :meth:`strike` removes a key's
    position, :meth:`between` lists the keys whose positions are live in a range."""

    __slots__ = ("_keys", "_next", "_positions", "_slot")

    def __init__(self, points: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(points, key=lambda p: p[0])
        self._positions = [p[0] for p in ordered]
        self._keys = [p[1] for p in ordered]
        self._slot = {key: n for n, key in enumerate(self._keys)}
        self._next = list(range(len(ordered) + 1))  # union-find: the next live slot at or after

    def _live(self, slot: int) -> int:
        root = slot
        while self._next[root] != root:
            root = self._next[root]
        while self._next[slot] != root:
            self._next[slot], slot = root, self._next[slot]
        return root

    def between(self, lo: int, hi: int) -> list[int]:
        """The keys whose live positions lie in ``[lo, hi)``, in order of position."""
        out = []
        slot = self._live(bisect_left(self._positions, lo))
        while slot < len(self._positions) and self._positions[slot] < hi:
            out.append(self._keys[slot])
            slot = self._live(slot + 1)
        return out

    def strike(self, key: int) -> None:
        """Remove ``key``'s position (a key without one is ignored)."""
        slot = self._slot.get(key)
        if slot is not None:
            self._next[slot] = slot + 1


__all__ = ["IntervalIndex", "LivePoints"]
