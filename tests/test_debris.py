"""Page debris lines in plain text, and the photo credit read off them."""

from __future__ import annotations

import pytest

import quotewire
from quotewire.model import Debris
from quotewire.text.debris import classify_line, find_debris, photo_credit

PAGE_TEXT = """Home | World | Politics
Skip to content
Harbour cranes return to Port Ellery
By Maria Okafor and Tom Reyes, Coastal News Service
Photo: Harbour Authority
The port authority said on Monday that both cranes would be back in service by Friday.
- Share on Facebook
- Share on Twitter
Advertisement
"We lost six days of loading, and we will not get them back," the harbour master said.
Read more: Storm closes the northern pier
Subscribe to our newsletter

Related stories
Ferry timetable changes from April
Dock workers vote on new contract
The port expects traffic to return to normal within a fortnight, a spokesman said on Monday evening.
"""


def _assert_spans(text: str, debris: list[Debris]) -> None:
    for item in debris:
        assert text[item.start : item.end] == item.text
        assert "\n" not in item.text and "\r" not in item.text


def _kinds(text: str) -> dict[str, str]:
    return {item.text.strip(): item.kind for item in find_debris(text)}


def test_seed_article(seed_text: str) -> None:
    debris = find_debris(seed_text)
    _assert_spans(seed_text, debris)
    assert [(item.text, item.kind) for item in debris] == [
        ("Photo: BELTA", "photo_credit"),
        ("- Share on Facebook", "share"),
        ("- Share on VK", "share"),
        ("- Share on Twitter", "share"),
    ]
    credit = photo_credit(debris)
    assert credit is not None and credit.span is not None
    assert credit.name == "BELTA"
    assert seed_text[credit.span.start : credit.span.end] == credit.span.text == "BELTA"


def test_each_debris_kind_in_a_page() -> None:
    debris = find_debris(PAGE_TEXT)
    _assert_spans(PAGE_TEXT, debris)
    kinds = _kinds(PAGE_TEXT)
    assert kinds == {
        "Home | World | Politics": "navigation",
        "Skip to content": "navigation",
        "By Maria Okafor and Tom Reyes, Coastal News Service": "byline",
        "Photo: Harbour Authority": "photo_credit",
        "- Share on Facebook": "share",
        "- Share on Twitter": "share",
        "Advertisement": "advert",
        "Read more: Storm closes the northern pier": "read_more",
        "Subscribe to our newsletter": "subscribe",
        "Related stories": "related",
        "Ferry timetable changes from April": "related",
        "Dock workers vote on new contract": "related",
    }
    story_lines = [line for line in PAGE_TEXT.splitlines() if line.startswith(("The port", '"We'))]
    assert all(line not in kinds for line in story_lines)


def test_debris_is_in_text_order() -> None:
    starts = [item.start for item in find_debris(PAGE_TEXT)]
    assert starts == sorted(starts)


def test_crlf_lines_exclude_the_line_break() -> None:
    text = PAGE_TEXT.replace("\n", "\r\n")
    debris = find_debris(text)
    _assert_spans(text, debris)
    assert len(debris) == len(find_debris(PAGE_TEXT))


def test_related_block_stops_at_a_sentence_and_at_a_blank_line() -> None:
    text = (
        "See also:\n"
        "Minister resigns over budget row\n"
        "The minister, who had served for six years, told parliament on Tuesday that she "
        "would stay on until a successor was chosen.\n"
        "\n"
        "Most read\n"
        "\n"
        "Five things to know about the vote\n"
        "Why the pier closed\n"
        "\n"
        "Markets rose on Wednesday.\n"
    )
    debris = find_debris(text)
    _assert_spans(text, debris)
    related = [item.text for item in debris if item.kind == "related"]
    assert related == [
        "See also:",
        "Minister resigns over budget row",
        "Most read",
        "Five things to know about the vote",
        "Why the pier closed",
    ]


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Share this article", "share"),
        ("Tweet", "share"),
        ("Email", "share"),
        ("Print", "share"),
        ("• Share on WhatsApp", "share"),
        ("Facebook Twitter LinkedIn", "share"),
        ("Photo by Anna Lee/Getty Images", "photo_credit"),
        ("(Photo: Reuters)", "photo_credit"),
        ("Getty Images", "photo_credit"),
        ("Image credit: City Archive", "photo_credit"),
        ("Read the rest here", "read_more"),
        ("Continue reading", "read_more"),
        ("Sign up for our daily briefing", "subscribe"),
        ("By John Smith", "byline"),
        ("BY JOHN SMITH", "byline"),
        ("By John Smith and Jane Doe, Reuters", "byline"),
        ("Reporting by Ann Cole; Editing by Tom Bell", "credits"),
        ("Home › News › Europe", "navigation"),
        ("Menu", "navigation"),
        ("Advertisement", "advert"),
        ("Story continues below advertisement", "advert"),
        ("ABSTRACT.", "other"),
        ("FULL TEXT.", "other"),
        ("CORRECTION APPENDED.", "other"),
    ],
)
def test_classify_line(line: str, kind: str) -> None:
    assert classify_line(line) == kind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # a wire story's closing credits and standards, at any length
        (
            "(Reporting by Ines Marlow in Lisbon; additional reporting by Tomas Ruiz in Madrid "
            "and Claire Dunn in Brussels; Editing by Peter Hale and Ruth Amos)",
            "credits",
        ),
        ("(Writing by Ines Marlow; Editing by Peter Hale.)", "credits"),
        ("Our Standards: The Thomson Reuters Trust Principles.", "credits"),
        # a copyright line is not a photo credit
        ("© 2025 Coastal News Service. All rights reserved.", "copyright"),
        ("© Coastal News Service 2025", "copyright"),
        ("Copyright 2024 Harbour Media Group", "copyright"),
        ("© Harbour Authority", "photo_credit"),
        ("Getty/Instagram.", "photo_credit"),
        ("Handout/Reuters", "photo_credit"),
        # an author's bio
        (
            "Ines Marlow is a senior correspondent for the Coastal News Service covering "
            "energy. Follow her on Twitter @imarlow.",
            "bio",
        ),
        ("Tom Reyes is a columnist at the Harbour Gazette. He tweets @treyes.", "bio"),
        ("Follow him on Bluesky.", "bio"),
        # editor's notes, updates, corrections, where the piece first ran, letters
        ("Editor's note: This piece is part of a series on the region's ports.", "note"),
        ("EDITOR’S NOTE: Names have been changed at the sources' request.", "note"),
        ("This article originally appeared on Harbour Weekly.", "note"),
        ("A version of this story first appeared in the Coastal Review.", "note"),
        ("This article is republished from The Harbour Review under a free licence.", "note"),
        ("Submit your letter to the editor here.", "note"),
        ("Have an opinion on this story? Send us a letter to the editor.", "note"),
        ("Update, June 3, 4:10 p.m.: The council has since confirmed the vote.", "note"),
        ("UPDATE: The port reopened on Tuesday.", "note"),
        ("Correction: An earlier version of this story misstated the crane's height.", "note"),
        ("This story has been updated with comment from the port authority.", "note"),
        ("Updated at 14:05 GMT, 3 June 2025", "note"),
        # embedded social posts: their signature lines, not what they say
        ("— Harbour Authority (@harbourauth) June 3, 2025", "social"),
        ("pic.twitter.com/Xy12Ab34", "social"),
        ("A post shared by Ines Marlow (@imarlow) on Jun 3, 2025 at 9:12am PDT", "social"),
        ("View this post on Instagram", "social"),
        # citations of papers
        ("Nature 574, 16-17 (2019)", "citation"),
        ("Science 361, eaat4312 (2018).", "citation"),
        ("doi: 10.1038/d41586-019-02711-4", "citation"),
        ("https://doi.org/10.1126/science.aat4312", "citation"),
    ],
)
def test_closing_credits_bios_notes_posts_and_citations(line: str, kind: str) -> None:
    assert classify_line(line) == kind
    assert [d.kind for d in find_debris(f"The port reopened.\n{line}\n")] == [kind]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the BBC showed that the ministry had known since March.",
        "Smith is a senator from Ohio and a frequent critic of the plan.",
        "Jones, who is a columnist at the Times, said he would follow her on Twitter.",
        "Update the law, the minister said, or lose the vote.",
        "The correction: prices fell 3% in a week, the agency said.",
        "Letters from voters poured in after the speech, the mayor said.",
        "He said the article was first published in 2019 and never corrected.",
        "Nature lovers, 200 of them, marched on Sunday (2019 saw 50).",
        "The update, she said, would come on Friday: the port must wait.",
    ],
)
def test_story_lines_that_sound_like_notes_are_not_debris(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the ministry said exports had fallen.",
        "By 2030 the plant will supply a third of the region's power.",
        "By Tuesday, the ministry had published the figures.",
        "By John Smith, who was present at the meeting",
        "The photo showed the minister shaking hands with his counterpart at the border post.",
        "Picture by picture, the town was rebuilt.",
        "Sign up rates fell by five percent in March.",
        "Print media lost readers, the report found.",
        "Home is where the heart is, she said.",
        "Putin: The situation is very good",
        "The abstract of the study was published in March.",
        "Correction appended to the bill, the clerk said.",
        "",
    ],
)
def test_story_lines_are_not_debris(line: str) -> None:
    assert classify_line(line) is None
    assert find_debris(f"{line}\nNext line of the story.\n") == []


def test_long_lines_are_never_one_line_debris() -> None:
    line = "Share " + "this very long line " * 6
    assert len(line) > 80
    assert classify_line(line) is None


def test_photo_credit_points_at_the_name() -> None:
    text = "Storm hits coast\n(Photo: Reuters)\nWinds reached 120 km/h.\n"
    debris = find_debris(text)
    credit = photo_credit(debris)
    assert credit is not None and credit.span is not None
    assert credit.name == "Reuters"
    assert text[credit.span.start : credit.span.end] == credit.span.text == "Reuters"


def test_no_photo_credit() -> None:
    text = "Title line\n- Share on Facebook\nBody text of the story.\n"
    assert photo_credit(find_debris(text)) is None


def test_markup_tags_are_marked_in_place_and_quote_no_one() -> None:
    text = (
        "Ana Lind posted a reply within minutes.\n\n"
        '<tweet author="analind" date="May 2, 2026">The bridge opens on Monday.<tweet/>\n\n'
        '"It is safe," Lind said.'
    )
    result = quotewire.extract(text)
    tags = [d for d in result.article.debris if d.kind == "markup"]
    assert [d.text for d in tags] == ['<tweet author="analind" date="May 2, 2026">', "<tweet/>"]
    assert all(text[d.start : d.end] == d.text for d in tags)
    assert result.article.text == text  # marked, not deleted
    assert not any("analind" in q.text or "May 2" in q.text for q in result.quotes)
    said = [q for q in result.quotes if q.text == "It is safe"]
    assert said and said[0].speaker is not None and said[0].speaker.name.endswith("Lind")


def test_a_quoted_related_heading_and_headlines_a_paragraph_each() -> None:
    text = (
        "The council voted on Tuesday.\n\n"
        '"Related:"\n\n'
        "Council Members Reject The Plan To Close The Pier.\n\n"
        "Mayor Says The Harbor Will Reopen By Summer.\n\n"
        "The vote was seven to two, the clerk said.\n"
    )
    debris = find_debris(text)
    _assert_spans(text, debris)
    assert [item.text for item in debris if item.kind == "related"] == [
        '"Related:"',
        "Council Members Reject The Plan To Close The Pier.",
        "Mayor Says The Harbor Will Reopen By Summer.",
    ]


def test_a_pull_quote_said_again_in_the_story_is_marked_and_its_twin_is_not() -> None:
    body = (
        "\u201cThe reality is, if the mayor loses the port vote, that could create new and real "
        "problems for her here,\u201d said Tom Ortiz, a councilman from the harbor district."
    )
    pull = (
        '"The reality is, if the mayor loses the port vote, that could create new and real '
        'problems for her here.\nCouncilman Tom Ortiz."'
    )
    text = f"Port vote\n\nThe council meets on Monday.\n\n{pull}\n\nThe vote is close.\n\n{body}\n"
    kinds = {d.text: d.kind for d in find_debris(text)}
    first, second = pull.split("\n")
    assert kinds.get(first) == kinds.get(second) == "pull_quote"
    assert not any(t.startswith("\u201cThe reality") for t in kinds)
    result = quotewire.extract(text)
    assert [q.speaker.name if q.speaker else None for q in result.quotes][-1:] == ["Tom Ortiz"]
    assert len([q for q in result.quotes if "real problems" in q.text]) == 1
