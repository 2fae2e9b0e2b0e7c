"""The analysis stage's partitions of equal work (quotewire.scale.balance)."""

from __future__ import annotations

import itertools
import random

import pytest

from quotewire.scale.balance import balanced_plan, bucket_count, bucket_of, decreasing_shares


def _sizes(seed: int, n: int = 800, buckets: int = 1024) -> dict[int, int]:
    rng = random.Random(seed)
    sizes: dict[int, int] = {}
    for i in range(n):  # article lengths with a long tail, as news has
        bucket = bucket_of(f"{i:064x}", buckets)
        sizes[bucket] = sizes.get(bucket, 0) + int(rng.paretovariate(1.5) * 2000)
    return sizes


@pytest.mark.parametrize("partitions", [1, 2, 4, 7])
def test_every_partition_holds_about_the_same_work(partitions: int) -> None:
    buckets = bucket_count(partitions)
    sizes = _sizes(1, buckets=buckets)
    plan = balanced_plan(sizes, partitions, buckets)
    loads = plan.loads(sizes, partitions)
    assert sum(loads) == sum(sizes.values())
    # longest-first dealing leaves partitions apart by at most the largest bucket
    assert max(loads) - min(loads) <= max(sizes.values())
    # while hashing keys straight to partitions (what Spark does by default) does not
    hashed = [0] * partitions
    for bucket, size in sizes.items():
        hashed[bucket % partitions] += size
    assert max(loads) <= max(hashed)


def test_the_plan_does_not_depend_on_the_order_sizes_arrive_in() -> None:
    sizes = _sizes(2)
    shuffled = list(sizes.items())
    random.Random(3).shuffle(shuffled)
    assert balanced_plan(sizes, 4, 1024) == balanced_plan(dict(shuffled), 4, 1024)


def test_a_key_goes_to_its_bucket_s_partition_and_unseen_buckets_round_robin() -> None:
    plan = balanced_plan({bucket_of("abc", 1024): 500}, 3, 1024)
    assert plan("abc") == 0  # the only sized bucket goes to the first partition
    assert {plan(f"k{i}") for i in range(200)} == {0, 1, 2}
    assert all(0 <= plan(f"k{i}") < 3 for i in range(200))
    with pytest.raises(ValueError):
        balanced_plan({}, 0, 1024)


@pytest.mark.parametrize(("partitions", "cores"), [(8, 2), (16, 4), (3, 1)])
def test_partitions_get_their_decreasing_shares_of_the_work(partitions: int, cores: int) -> None:
    """The analysis's partitions, started in order, are each a little smaller than the one
    before, so the stage ends on small ones: every partition holds its share of the work
    within one bucket, and the last holds a small part of it."""
    shares = decreasing_shares(partitions, cores)
    assert abs(sum(shares) - 1) < 1e-9
    assert all(a > b for a, b in itertools.pairwise(shares))
    buckets = bucket_count(partitions)
    sizes = _sizes(4, n=4000, buckets=buckets)
    loads = balanced_plan(sizes, partitions, buckets, shares).loads(sizes, partitions)
    total = sum(loads)
    assert total == sum(sizes.values())
    largest = max(sizes.values())
    assert all(
        abs(load - share * total) <= largest for load, share in zip(loads, shares, strict=True)
    )
    assert loads[-1] < total / partitions  # the last partition is smaller than an equal one
    with pytest.raises(ValueError):
        balanced_plan(sizes, partitions, buckets, shares[:-1])
