"""Who claims a figure (docs/claimants.md): statements' speakers, the findings of named polls
and releases as they go on, and the narrator."""

from __future__ import annotations

from quotewire.claims.claimants import Claimants
from quotewire.model import Claim, Entity, Mention, Span, Speaker
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


def test_respondents_who_say_something_give_the_polls_findings() -> None:
    text = (
        "Harbor voters and the levy\n\n"
        "A new Harbor Research poll found 41 percent of residents back the levy.\n\n"
        "Six in 10 say the ferry is too slow, and 55 percent said so in the spring poll."
    )
    claimed = _claimants(text)
    assert claimed["Six in 10"] == "Harbor Research"


def test_an_organizations_statement_goes_on_until_the_text_tells_of_what_others_did() -> None:
    text = (
        "Port budget gap widens\n\n"
        "The Harbor Budget Office said on Monday that the port's deficit would reach "
        "$40 million this year. The gap is expected to rise to $52 million next year.\n\n"
        "Mayor Tom Reyes has pledged $3 million from the reserve fund."
    )
    claimed = _claimants(text)
    assert claimed["$40 million"] == "Harbor Budget Office"
    assert claimed["$52 million"] == "Harbor Budget Office"
    assert claimed["$3 million"] is None  # what another agent did: the narrator's


def test_a_slide_is_claimed_by_whoever_shows_it_and_so_is_the_next_one() -> None:
    text = (
        "Minister brings slides to the capital\n\n"
        "A slide from a presentation that Minister Alvaro Quintana shows to investors says a "
        "20 percent levy would add $4,000 to the price of a truck.\n\n"
        "Another slide shows that 70 percent of the mangoes eaten in the country come from "
        "the south."
    )
    claimed = _claimants(text)
    assert claimed["20 percent"] == claimed["70 percent"] == "Alvaro Quintana"


def test_a_report_and_its_researchers_are_the_organization_that_released_it() -> None:
    text = (
        "Cooks earn less\n\n"
        "The Harlow Institute released a report on kitchen wages on Monday. The report says "
        "42 percent of cooks earn less than $12 an hour. The researchers found that 3,100 "
        "kitchens closed last year. Findings show 18 percent of cooks work two jobs."
    )
    claimed = _claimants(text)
    for figure in ("42 percent", "less than $12", "3,100 kitchens", "18 percent"):
        assert claimed[figure] == "Harlow Institute", figure


def test_a_poll_an_organization_conducted_is_its_own() -> None:
    text = (
        "Renters and the levy\n\n"
        "The Bayside Civic League conducted a statewide poll of renters this month. Most back "
        "the levy: 61 percent favor it, and two candidates for mayor lead among them.\n\n"
        '"Rents are the issue," said Mara Quist, a tenant organizer who has lived in the city '
        "for 30 years."
    )
    claimed = _claimants(text)
    assert claimed["61 percent"] == claimed["two candidates"] == "Bayside Civic League"
    assert claimed["30 years"] is None  # the tag of another's statement


def test_a_release_ends_once_someone_else_has_spoken() -> None:
    text = (
        "Port budget gap widens\n\n"
        "The Harbor Budget Office said on Monday that the port's deficit would reach "
        "$40 million this year.\n\n"
        '"We saw it coming," Councilwoman Ida Marsh said on Tuesday.\n\n'
        "The port handled 2,000 ships last year."
    )
    claimed = _claimants(text)
    assert claimed["$40 million"] == "Harbor Budget Office"
    assert claimed["2,000 ships"] is None


def test_a_body_named_by_its_owner_is_the_owners_body() -> None:
    text = (
        "Lee raises more\n\n"
        "Senator Dana Lee raised $12 million in the quarter, her campaign said on Friday. "
        "The agency that audits campaigns, the Harbor Election Board, said on Monday that "
        "it had fined 14 campaigns. The agency said it collected $80,000 in fines."
    )
    claimed = _claimants(text)
    assert claimed["$12 million"] == "Lee campaign"
    assert claimed["$80,000"] == "Harbor Election Board"


def test_an_organization_goes_by_the_fullest_name_the_article_gives() -> None:
    text = (
        "Two lists of the rich\n\n"
        "The Shanghai Wealth Report counts 600 billionaires in China. Shanghai Wealth said "
        "that 120 of them live in the capital.\n\n"
        "A new Associated Press-Ledger poll finds 52 percent back the plan. The AP-Ledger "
        "poll of 1,000 adults has a margin of error of 3 percentage points."
    )
    claimed = _claimants(text)
    assert claimed["120"] == "Shanghai Wealth Report"
    assert claimed["1,000 adults"] == "Associated Press-Ledger"


def test_a_verb_of_stance_outside_quotations_gives_its_clause_to_its_subject() -> None:
    text = (
        "Wage fight in the harbor\n\n"
        "Councilwoman Ida Marsh has called for the city's minimum wage, now $9.10 an hour, to "
        "be raised to $16 by 2030. The Harbor Fiscal Board expects that payrolls will grow by "
        "2.4 percent. The plan, which independent analyses have estimated to cost $310 million, "
        "goes to a vote in May."
    )
    claimed = _claimants(text)
    assert claimed["$9.10"] == claimed["$16"] == "Ida Marsh"
    assert claimed["2.4 percent"] == "Harbor Fiscal Board"
    assert claimed["$310 million"] == "independent analyses"


def test_a_figure_hung_on_a_verb_of_speech_is_not_what_it_states() -> None:
    text = (
        "Voters speak\n\n"
        "“It is all a dream, what he offers,” said Rina Gould, 83, of Sarasota.\n\n"
        "“Every time you say that,” Ida Marsh said, referring to the 1 percent excuse, “you "
        "lose the room.”"
    )
    claimed = _claimants(text)
    assert claimed["83"] is None  # an age in the tag
    assert claimed["1 percent"] is None  # what she referred to, not what she stated


def test_an_analysis_named_by_its_maker_claims_the_money_it_counts() -> None:
    text = (
        "Harbor donors\n\n"
        "A Harbor Ledger analysis of campaign filings shows that donors gave $4.2 million "
        "in August. Two families gave more than $900,000 each."
    )
    claimed = _claimants(text)
    assert claimed["$4.2 million"] == "Harbor Ledger"
    assert claimed["more than $900,000"] == "Harbor Ledger"


def test_a_polls_findings_are_not_the_results_of_past_years() -> None:
    text = (
        "Harbor race tightens\n\n"
        "A new Harbor Research poll finds Mayor Reyes ahead by 6 points in 2026.\n\n"
        "Reyes lost the district by 9 points in 2018, when turnout was low."
    )
    claimed = _claimants(text)
    assert claimed["6 points"] == "Harbor Research"
    assert claimed["9 points"] is None


def test_according_to_names_the_source_of_its_sentence() -> None:
    text = (
        "Money race\n\n"
        "Lee had a bigger cash balance at year end -- nearly $38 million, according to figures "
        "her campaign released Friday.\n\n"
        "Ben Carson and Sen. Ted Cruz raised $23 million and $20 million in the last quarter.\n\n"
        "Nearly a third of harbor workers earn less than $15 an hour, according to federal "
        "statistics."
    )
    claimed = _claimants(text)
    assert claimed["nearly $38 million"] == "Lee campaign"
    assert claimed["$23 million"] is None  # other candidates' money: the narrator's
    assert claimed["Nearly a third"] == "federal statistics"


def test_a_title_for_a_speaker_is_the_person_who_bears_it() -> None:
    text = (
        "Bridge bill\n\n"
        "Sen. Dana Lee met Mayor Tom Reyes and Ada Brook, a builder, on Monday. The senator "
        "said the bridge would cost $4 billion."
    )
    assert _claimants(text)["$4 billion"] == "Dana Lee"


def test_a_public_body_no_recognizer_named_releases_figures() -> None:
    text = (
        "Port traffic up\n\n"
        "Port traffic rose 4 percent in May, according to the state Bureau of Harbor "
        "Statistics. Container volume reached $120 million in value."
    )
    claimed = _claimants(text)
    assert claimed["4 percent"] == claimed["$120 million"] == "Bureau of Harbor Statistics"


def test_a_headline_that_names_a_poll_gives_its_figures_to_the_poll_of_the_body() -> None:
    text = (
        "Poll: Reyes leads harbor race by 6 points\n\n"
        "A new Harbor Research poll finds Mayor Reyes ahead of Ida Marsh, 48 percent to "
        "42 percent."
    )
    claimed = _claimants(text)
    assert claimed["6 points"] == "Harbor Research"
    plain = _claimants(text.replace("Poll: Reyes leads", "Reyes leads"))
    assert plain["6 points"] is None


def test_respondents_according_to_a_named_pollster_open_its_findings() -> None:
    text = (
        "Harbor voters and the port\n\n"
        "More than 6 in 10 harbor voters said the port hurts the town, according to early exit "
        "polling reported by Harbor Radio. Reyes won by almost 20 points among the 35 percent "
        "of voters who said it helps."
    )
    claimed = _claimants(text)
    assert claimed["almost 20 points"] == claimed["35 percent"] == "Harbor Radio"


def test_a_form_is_claimed_by_its_possessor_and_an_estimate_by_who_estimates() -> None:
    text = (
        "Lee files\n\n"
        "Candidate Dana Lee filed her financial statement on Tuesday.\n\n"
        "Lee’s new FDS form stated that her income rose from $3 million in 2014 to $5 million "
        "in 2015.\n\n"
        "Lee estimates that she spent between $4 million and $6 million on the race."
    )
    claimed = _claimants(text)
    assert claimed["$3 million"] == claimed["$5 million"] == "Dana Lee"
    assert claimed["between $4 million and $6 million"] == "Dana Lee"


def test_according_to_a_named_average_is_that_average_not_the_source_before() -> None:
    text = (
        "Reyes is within 150 votes of the 2,383 he needs, according to the Harbor Wire. Next "
        "month Reyes holds a 10-point lead in the north, according to the RealClearHarbor "
        "average of polls, and Marsh leads in the south."
    )
    who = Claimants(text, [], [])
    second = text.index("Next")
    found = who.of_according(second, len(text), text.index("10-point"))
    assert found is not None and found.name == "RealClearHarbor"  # not the Harbor Wire


def test_what_a_named_report_says_is_its_own_whoever_acts_in_it() -> None:
    text = (
        "Loss\n\n"
        "Lee is seizing upon a Harbor Ledger report that Reyes had a net loss of more than "
        "$915 million in 1995."
    )
    assert _claimants(text)["more than $915 million"] == "Harbor Ledger"


def test_a_month_before_a_report_is_no_name() -> None:
    text = (
        "Tax shares\n\n"
        "The Harbor Budget Office said on Monday that the port's deficit would reach $40 "
        "million. The middle fifth paid 8.9 percent, the agency said in a June report, and the "
        "bottom fifth paid 0.8 percent."
    )
    claimed = _claimants(text)
    assert claimed["8.9 percent"] == claimed["0.8 percent"] == "Harbor Budget Office"


def _dated_claimants(text: str, published: str) -> dict[str, str | None]:
    claims = run_one(Document(id="t", text=text, published=published)).claims
    return {c.span.text: (c.claimant.name if c.claimant else None) for c in claims}


def test_what_those_a_release_is_about_report_is_the_releases() -> None:
    text = (
        "Harbor hospitals see fewer patients\n\n"
        "Admissions at the county's nine remaining hospitals fell 4 percent in the first half "
        "of the year, according to the state Office of Health Statistics.\n\n"
        "Three hospitals — Mercy, Bayview and St. Clare — reported declines.\n\n"
        "Overall, the remaining hospitals reported 12,400 admissions in June, about 300 fewer "
        "than a year ago. Admissions rose 6.1 percent at Mercy and 2.5 percent at Bayview."
    )
    claimed = _dated_claimants(text, "2019-07-12")
    for figure in ("4 percent", "12,400 admissions", "about 300", "6.1 percent", "2.5 percent"):
        assert claimed[figure] == "Office of Health Statistics", figure


def test_a_releases_findings_do_not_reach_the_history_after_them() -> None:
    text = (
        "Harbor hospitals see fewer patients\n\n"
        "Admissions at the county's hospitals fell 4 percent in the first half of the year, "
        "according to the state Office of Health Statistics. June admissions reached 12,400, "
        "up from 11,900 in June 2018.\n\n"
        "Last year, the hospitals admitted 30,000 patients, the most since 2009."
    )
    claimed = _dated_claimants(text, "2019-07-12")
    assert claimed["11,900"] == "Office of Health Statistics"  # compared with: the release's
    assert claimed["30,000 patients"] is None  # last year's total, no comparison: history


def test_a_relative_clause_that_tells_of_an_event_is_not_the_sources() -> None:
    poll = (
        "Ferry riders sour on the levy\n\n"
        "A new Harbor Research poll found 41 percent of residents back the levy. "
        "Thirty percent of residents in the poll blamed the storm that killed four people for "
        "the delays."
    )
    claimed = _claimants(poll)
    assert claimed["Thirty percent"] == "Harbor Research"
    assert claimed["four people"] is None  # the storm's toll, not a finding
    cash = (
        "Lee keeps cash for the fall\n\n"
        "Mayor Dana Lee, who spent $2 million on her race, had $800,000 left in June, according "
        "to figures her campaign released Monday."
    )
    claimed = _claimants(cash)
    assert claimed["$800,000"] == "Lee campaign"
    assert claimed["$2 million"] is None  # what Lee did, told by the narrator


def test_a_name_read_as_a_place_is_its_publications_organization_not_any_longer_name() -> None:
    text = "The Marrow Report ranks towns. Marrow said rents rose. Dalby said the Dalby Bank grew."

    def entity(id_: str, name: str, kind: str) -> Entity:
        at = text.index(name)
        mention = Mention(start=at, end=at + len(name), text=name)
        return Entity(id=id_, name=name, type=kind, mentions=[mention])

    entities = [
        entity("e1", "Marrow Report", "ORG"),
        entity("e2", "Dalby Bank", "ORG"),
        Entity(id="e3", name="Marrow", type="GPE"),
        Entity(id="e4", name="Dalby", type="GPE"),
    ]
    who = Claimants(text, [], entities)

    def fullest(id_: str, name: str) -> str:
        at = text.index(name + " said")
        mention = Span(start=at, end=at + len(name), text=name)
        return who._fullest(Speaker(entity=id_, name=name, mention=mention)).name

    assert fullest("e3", "Marrow") == "Marrow Report"  # its publication's name
    assert fullest("e4", "Dalby") == "Dalby"  # a bank named after a place is not the place


def test_a_study_named_by_its_kind_is_the_makers_the_article_names_once() -> None:
    text = (
        "Port firms hide their profits\n\n"
        "A long study released on Monday by a team of economists shows how shipping firms move "
        "their profits abroad. The study says that 19 firms moved their offices.\n\n"
        "The authors of the long and careful report on the shipping trade and its many tax "
        "advisers, which include Citizens for Fair Ports, went through the filings of 300 firms "
        "and found that 64 percent kept subsidiaries in tax havens.\n\n"
        "The weather was mild and the ferries ran on time all week.\n\n"
        "The researchers reported that Coastline Freight holds $2.3 billion abroad. The report "
        "says that 41 firms paid no tax at all.\n\n"
        "One study found that 12 ports lose money."
    )
    claimed = _claimants(text)
    for figure in ("19 firms", "64 percent", "$2.3 billion", "41 firms"):
        assert claimed[figure] == "Citizens for Fair Ports", figure
    assert claimed["12 ports"] == "One study"  # one more study, unnamed: not "One", not theirs


def test_an_analysis_released_by_a_named_body_gives_it_all_its_figures() -> None:
    text = (
        "Bridges age faster than repairs\n\n"
        "A 60-page inspection analysis released by the Harbor Transit Authority last week "
        "reveals how fast the county's bridges are wearing out.\n\n"
        "A bridge is rated unsafe every 9 days, and repair crews fall further behind. Repair "
        "costs ran $4.2 million over budget, up by a fifth from the year before."
    )
    claimed = _dated_claimants(text, "2019-05-02")
    assert claimed["60-page"] is None  # the narrator describes the analysis
    for figure in ("9 days", "$4.2 million", "a fifth"):  # a report's figures: any unit
        assert claimed[figure] == "Harbor Transit Authority", figure


def test_a_figure_that_describes_who_speaks_is_the_narrators() -> None:
    text = (
        "Ferry plan draws doubts\n\n"
        "Mayor Dana Lee said the ferry would cost $3 million a year, and when asked about the "
        "fares, the 47-year-old mother of two replied that riders would pay more."
    )
    claimed = _claimants(text)
    assert claimed["$3 million"] == "Dana Lee"
    assert claimed["47-year-old"] is None  # her age, told by the narrator


def test_a_name_read_as_a_place_that_values_a_figure_is_its_publication() -> None:
    from quotewire.nlp.english import load_english

    text = "The Marrow Report ranks the rich. While Marrow lists her wealth at $3 billion, I doubt."

    def entity(id_: str, name: str, kind: str, at: int) -> Entity:
        return Entity(
            id=id_,
            name=name,
            type=kind,
            mentions=[Mention(start=at, end=at + len(name), text=name)],
        )

    entities = [
        entity("e1", "Marrow Report", "ORG", text.index("Marrow Report")),
        entity("e2", "Marrow", "GPE", text.index("Marrow lists")),
    ]
    who = Claimants(text, [], entities)
    doc = load_english()(text)
    (billion,) = [t for t in doc if t.text == "billion"]
    found = who.of_clause(billion, 0)
    assert found is not None and found.name == "Marrow Report"


def test_a_study_named_by_its_owner_is_the_owners() -> None:
    text = (
        "Lee keeps a narrow lead\n\n"
        "Averages of the polls give Lee the edge. HARBORWIRE’s Coastal Towns average shows Lee "
        "ahead by 2.5 percentage points, using the six latest polls in 9 towns."
    )
    claimed = _claimants(text)
    assert claimed["2.5 percentage points"] == "HARBORWIRE"  # not "HARBORWIRE’s Coastal Towns"


def test_the_data_after_a_bodys_release_goes_on_as_its_release() -> None:
    text = (
        "Harbor admits more families\n\n"
        "The Harbor Resettlement Office said that 64 percent of the new arrivals are families. "
        "According to the data, children make up more than half of the arrivals. So far, 120 "
        "teachers and 45 nurses were admitted as well as 30 others who gave no trade.\n\n"
        "The Harbor Resettlement Office said the port handled 9,000 containers. It is worth "
        "noting that the port's $3 million fine levied by the Coastal Commission was paid."
    )
    claimed = _claimants(text)
    for figure in ("more than half", "120 teachers", "45 nurses", "30 others"):
        assert claimed[figure] == "Harbor Resettlement Office", figure  # counts of any unit
    assert claimed["$3 million"] is None  # what another body did, not the release


def test_one_study_is_a_source_not_respondents_and_claims_no_clause_before_it() -> None:
    text = (
        "Levy and jobs\n\n"
        "Though the levy would raise more than $40 million in fees, one study found the town "
        "would lose 300 jobs."
    )
    claimed = _claimants(text)
    assert claimed["300 jobs"] == "one study"
    assert claimed["more than $40 million"] is None  # the "though" clause is the narrator's


def test_data_made_by_unnamed_regulators_are_the_body_named_right_after() -> None:
    lead = (
        "Ferry traffic climbs\n\n"
        "Ferry crossings rose 6.2 percent in the first half of the year, according to figures "
        "released Monday by state transit regulators."
    )
    assert _claimants(lead)["6.2 percent"] == "state transit regulators"  # an unnamed source
    named = lead + "\n\nCrossings fell 2 percent in June, according to the state Bureau of Ferry "
    named += "Operations."
    assert _claimants(named)["6.2 percent"] == "Bureau of Ferry Operations"  # its people


def test_two_entities_sharing_a_mention_span_do_not_break_the_claimants() -> None:
    text = "The Harbor Council Executive Director Ana Ruiz said rents rose 12 percent."
    span = Mention(start=0, end=45, text=text[:45], kind="name")
    entities = [
        Entity(id="e1", name="Ana Ruiz", type="PERSON", mentions=[span]),
        Entity(id="e2", name="Harbor Council", type="ORG", mentions=[span]),
    ]
    who = Claimants(text, [], entities)
    assert [a.entity.id for a in who.agents] in (["e1", "e2"], ["e2", "e1"])


def test_an_organization_whose_data_show_a_figure_claims_it_and_a_person_does_not() -> None:
    text = (
        "Race tightens\n\n"
        "Polling averages show Lopez with a narrow lead, with Harbor Polls showing her ahead 3 "
        "points.\n\n"
        "Maria Lopez, showing a 5-point lead in the suburbs, campaigned in Dover on Friday."
    )
    claimed = _claimants(text)
    assert claimed["3 points"] == "Harbor Polls"
    assert claimed["5-point"] != "Maria Lopez"


def test_a_clause_about_the_survey_named_before_gives_it_its_methodology() -> None:
    # another source comes between: "the survey" points back past it to the poll it names
    text = (
        "Bridge toll\n\n"
        "A Harbor Research poll shows that 52 percent of residents back the toll.\n\n"
        "Two years ago, 40 percent backed it, according to the Coastal Institute.\n\n"
        "The survey was conducted May 2-5, using a panel of 600 respondents. It has a margin "
        "of error of 4 percentage points."
    )
    claimed = _claimants(text)
    assert claimed["52 percent"] == "Harbor Research"
    assert claimed["40 percent"] == "Coastal Institute"
    assert claimed["600 respondents"] == claimed["4 percentage points"] == "Harbor Research"


def test_a_reports_list_goes_on_past_a_semicolon_whoever_the_items_name() -> None:
    text = (
        "Shipping firms and the levy\n\n"
        "The Harbor Freight Council released a report on port fees on Monday. "
        "The council reported that Marlow Lines paid $4.2 million in fees last year; "
        "Osprey Shipping paid $1.9 million; Tern Cargo paid $800,000.\n\n"
        "Osprey Shipping later hired 40 new drivers."
    )
    claimed = _claimants(text)
    for figure in ("$4.2 million", "$1.9 million", "$800,000"):
        assert claimed[figure] == "Harbor Freight Council", figure
    assert claimed["40 new drivers"] is None  # a new sentence of what the firm did


def test_a_figure_past_a_relayed_claim_is_the_relayers() -> None:
    text = (
        "The mayor's accounts\n\n"
        "The Harbor Ledger on Sunday wrote that Mayor Tom Reyes had claimed a loss of "
        "$3 million in 2009, which could have let him avoid paying city taxes for the next "
        "nine years."
    )
    claimed = _claimants(text)
    assert claimed["$3 million"] == "Harbor Ledger"
    assert claimed["nine years"] == "Harbor Ledger"


def test_a_poll_named_after_the_figure_in_its_sentence_claims_it() -> None:
    text = (
        "The mayor's standing\n\n"
        "Mayor Tom Reyes remains popular, with 61 percent viewing him favorably in a Harbor "
        "Ledger/Coastal College poll this month.\n\n"
        "His approval is up 4 points from a Harbor Ledger/Coastal College poll last spring, "
        "and the city spent $2 million on the harbor in a year."
    )
    claimed = _claimants(text)
    assert claimed["61 percent"] == "Harbor Ledger/Coastal College"
    assert claimed["$2 million"] is None


def test_a_joint_poll_is_claimed_by_both_pollsters_without_its_place() -> None:
    text = (
        "Harbor race\n\n"
        "In a Harbor Ledger/Coastal Radio poll released Sunday, 44 percent backed the levy.\n\n"
        "Mayor Tom Reyes had 38 percent in a Harbor Ledger/Marist South Carolina poll "
        "released Monday. A New Hampshire Journal June poll put him at 30 percent.\n"
    )
    claimed = _claimants(text)
    assert claimed["44 percent"] == "Harbor Ledger/Coastal Radio"
    assert claimed["38 percent"] == "Harbor Ledger/Marist"
    assert claimed["30 percent"] == "New Hampshire Journal"


def test_what_a_body_does_is_no_release_of_figures() -> None:
    """An organization's figures go on after it reports them, not after a cue of what it does
    ("a super PAC that intends to hammer the mayor")."""
    text = (
        "Harbor race heats up\n\n"
        "Lindqvist is joining forces with developer Paul Moreau to fund Harbor Forward, a super "
        "PAC that intends to hammer Mayor Tom Reyes with negative ads. Its first ad buy is worth "
        "$1 million."
    )
    assert _claimants(text)["$1 million"] is None


def test_an_analysis_is_left_behind_once_the_text_tells_what_people_did() -> None:
    """After a sentence tells of what someone did ("Anna Lindqvist has pledged $5 million"),
    the figures that follow are no longer the analysis's; "the Moreau family" is an agent."""
    text = (
        "Donors pour money into the harbor race\n\n"
        "Donations to the harbor campaigns hit $41 million through August, a Coastal Ledger "
        "analysis of new filings shows. Nearly half the money came from 12 donors.\n\n"
        "More is coming. Developer Anna Lindqvist has pledged $5 million, and the Moreau family "
        "will give $2 million. Another $3 million in Lindqvist money is headed to a council race."
    )
    claimed = _claimants(text)
    assert claimed["$41 million"] == claimed["Nearly half"] == "Coastal Ledger"  # the full name
    assert claimed["$5 million"] is claimed["$2 million"] is claimed["$3 million"] is None


def test_a_document_on_a_candidates_campaign_site_is_the_campaigns() -> None:
    text = (
        "Reyes's leave plan\n\n"
        "A document on the Reyes campaign's website states that parents would receive six weeks "
        "of paid leave under the policy."
    )
    assert _claimants(text)["six weeks"] == "Reyes campaign"


def test_the_article_is_the_publication_that_wrote_it() -> None:
    """ "the article read" points back to "a Ledger article": the Ledger's figures."""
    text = (
        "Reyes, then and now\n\n"
        "Twenty years ago, a Harbor Ledger article hailed Tom Reyes as the comeback mayor. "
        "\u201cWith four years left in his term, Mr. Reyes has cut the town's debt,\u201d the "
        "article read."
    )
    assert _claimants(text)["four years"] == "Harbor Ledger"


def test_the_slides_a_minister_shows_go_on_in_the_sentences_after() -> None:
    """Data whose owner the text names ("A slide from a presentation that Minister Anna
    Lindqvist carries shows ...") go on as a release does; "one number shows her ahead" is
    not hers."""
    text = (
        "The harbor trade\n\n"
        "A slide from a presentation that Minister Anna Lindqvist carries to every meeting shows "
        "that 8 of 10 oysters sold in the capital come from the harbor. Another slide says 6,000 "
        "jobs depend on the trade. The capital buys nearly $250 million worth of fish from the "
        "harbor."
    )
    claimed = _claimants(text)
    assert claimed["nearly $250 million"] == "Anna Lindqvist", claimed
    polled = (
        "The race\n\n"
        "Anna Lindqvist has slipped in recent weeks. One number that caught the eyes of analysts "
        "shows her ahead by just two points, 50 to 48 percent. Her lead has dropped from 31 "
        "points."
    )
    assert _claimants(polled)["31 points"] is None


def test_a_source_relayed_by_a_speaker_leaves_the_figure_with_the_speaker() -> None:
    text = (
        "Reuters reports that the governor has either won or tied among the group of voters "
        "making $80,000 or more, according to the Harlow Center for Opinion Research."
    )
    result = run_one(Document(id="t", text=text))
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.name == "Reuters"
    assert quote.content[0].text.startswith("that the governor")  # the report's words
    assert [s.name for s in quote.according_to] == ["the Harlow Center for Opinion Research"]
    assert _claimants(text)["$80,000 or more"] == "Reuters"


def test_how_a_source_got_its_figures_is_the_sources_claim() -> None:
    text = (
        "The mayor’s own count shows Reyes likewise ahead by 3 points, using an average of the "
        "five most recent polls in 11 districts."
    )
    (quote,) = run_one(Document(id="t", text=text)).quotes
    assert quote.content[0].text == "Reyes likewise ahead by 3 points"  # not "3 points" alone
    claimed = _claimants(text)
    assert claimed["3 points"] == claimed["five most recent polls"] == claimed["11 districts"]
    assert claimed["3 points"] == "The mayor’s own count"  # not Reyes, whom the count shows


def test_documents_an_organization_published_that_show_a_figure_are_its_findings() -> None:
    claimed = _claimants(
        "On Monday, Reuters published pages of the mayor’s 2019 tax filings that showed her "
        "company lost nearly $2 million in a single year."
    )
    assert claimed["nearly $2 million"] == "Reuters"


def test_a_repeated_organization_first_named_with_its_article_claims_its_documents() -> None:
    # "the Lakeside Gazette" is read as an organization with its article the first time; the
    # later bare repeat must still be that organization, which published what the filings show.
    claimed = _claimants(
        "The mayor spoke to the Lakeside Gazette about her taxes on Friday.\n\n"
        "On Sunday, the Lakeside Gazette published pages of the mayor’s 2019 tax filings that "
        "showed her company lost nearly $2 million in a single year."
    )
    assert claimed["nearly $2 million"] == "Lakeside Gazette"
