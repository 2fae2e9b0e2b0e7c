"""Who claims a figure (docs/claimants.md): statements' speakers, the findings of named polls
and releases as they go on, and the narrator."""

from __future__ import annotations

from quotewire.model import Claim
from quotewire.pipeline import Document, run_one


def _claimants(text: str) -> dict[str, str | None]:
    claims: list[Claim] = run_one(Document(id="t", text=text)).claims
    return {c.span.text: (c.claimant.name if c.claimant else None) for c in claims}


def test_a_named_polls_findings_go_on_in_the_sentences_after_it() -> None:
    text = (
        "Levy splits the harbor town\n\n"
        "A new Harbor Research poll found 41 percent of residents back the levy. "
        "Thirty-seven percent oppose it.\n\n"
        "Among renters, support reaches 55 percent, and the survey of 900 adults has a margin "
        "of error of 3.5 percentage points.\n\n"
        '"We will keep listening," Mayor Tom Reyes said of the 12 town meetings he has held.'
    )
    claimed = _claimants(text)
    for figure in ("41 percent", "Thirty-seven percent", "55 percent", "900 adults"):
        assert claimed[figure] == "Harbor Research", figure
    assert claimed["12 town meetings"] is None  # in the tag, not the statement: the narrator's


def test_a_poll_named_in_a_phrase_is_a_source_without_a_verb() -> None:
    text = (
        "Voters and the bridge\n\n"
        "In a new Coastal Ledger/Marin College Poll, likely voters split on the bridge toll. "
        "Some 48 percent favor it and 44 percent oppose it."
    )
    claimed = _claimants(text)
    assert claimed["Some 48 percent"] == claimed["44 percent"] == "Coastal Ledger/Marin College"


def test_an_acronym_is_the_organization_it_stands_for() -> None:
    text = (
        "Survey on housing\n\n"
        "The Northern Policy Institute of Oregon (NPIO) released a survey on Monday. "
        "The NPIO survey found that 62 percent of renters expect higher rents."
    )
    assert _claimants(text)["62 percent"] == "Northern Policy Institute of Oregon"


def test_figures_far_from_any_source_are_the_narrators() -> None:
    text = (
        "Levy splits the harbor town\n\n"
        "A new Harbor Research poll found 41 percent of residents back the levy.\n\n"
        + "The harbor was dredged in the spring and the ferry ran on time all summer. " * 30
        + "\n\nThe town's tax rate rose 2 percent in 2011."
    )
    claimed = _claimants(text)
    assert claimed["41 percent"] == "Harbor Research"
    assert claimed["2 percent"] is None


def test_an_organization_that_values_a_figure_claims_it() -> None:
    text = (
        "Ranking the harbor's richest\n\n"
        "Harbor Ledger estimates the shipping family's fortune at about $4 billion, while "
        "Coastline Wealth puts it at $3.2 billion."
    )
    claimed = _claimants(text)
    assert claimed["about $4 billion"] == "Harbor Ledger"
    assert claimed["$3.2 billion"] == "Coastline Wealth"
