"""Common given names with the gender they usually carry, for pronoun resolution.

Only a hint: "she said" after "David Axelrod" and "Mary Kay Henry" should go to the woman. A
name missing here (or a text that says otherwise, through "Mr." or a pronoun it resolved) leaves
the gender open. The lists below are common English-language given names in US and UK news
(none that the census finds carried by both sexes alike, such as "Lee" or "Jamie", but for the
"Lindsey" of the news) and win over ``data/given_names.txt``, the 1990 US Census first names
whose sex is clear (see ``scripts/given_names_from_census.py``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

CENSUS_FILE = "given_names.txt"

FEMININE = frozenset(
    """
    abigail ada adriana aisha alexandra alexis alice alicia alison allison amanda amber amy ana
    andrea angela angelina anita ann anna anne annette april ashley audrey barbara beatrice
    becky betsy betty beverly bonnie brenda bridget brittany camila carla carly carmen carol
    caroline carolyn catherine cathy cecilia charlotte chelsea cheryl christina christine
    cindy claire clara claudia colleen connie cynthia dana danielle darlene deborah debbie
    debra denise diana diane donna doris dorothy edith eileen elaine eleanor elena elizabeth
    ellen emily emma erica erin esther eva evelyn fiona frances gabriela gail gina gloria grace
    hannah harriet heather heidi helen hillary holly ingrid irene isabel jacqueline jane janet
    janice jasmine jean jeanne jennifer jessica jill joan joanna joanne jodi josephine joyce
    judith judy julia julie june karen kate katherine kathleen kathryn kathy katie kayla kelly
    kelsey kim kimberly kirsten kristen laura lauren leah linda lisa lois loretta lori louise
    lucy lydia lynn madeleine madison margaret maria marie marilyn marion martha mary maxine
    megan melania melanie melissa meredith michelle monica nancy naomi natalie nicole nikki
    nina nora olivia pamela patricia paula pauline peggy penny rachel rebecca regina renee rita
    roberta rosa rose ruth sally samantha sandra sara sarah sharon shirley sofia sonia sophia
    stephanie susan suzanne sylvia tamara tammy teresa theresa tina tracy ursula valerie
    vanessa veronica victoria virginia wanda wendy yvonne zoe
    """.split()
)

MASCULINE = frozenset(
    """
    aaron adam adrian al alan albert alex alexander alfred andrew andy anthony antonio arthur
    barack barry ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brian
    bruce bryan carl carlos charles charlie chris christopher chuck clarence colin craig
    curtis dan daniel danny darrell dave david dennis derek dick don donald doug douglas duncan
    dwight earl ed eddie edward eric ernest eugene evan frank franklin fred frederick gary gene
    george gerald glenn gordon graham greg gregory harold harry henry herbert howard hugh ian
    isaac jack jacob jake james jason jay jeb jeff jeffrey jeremy jerry jesse jim jimmy
    joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua juan justin keith
    ken kenneth kevin kyle larry lawrence leonard leon lindsey lloyd louis luis luke marco
    marcus mario mark martin matt matthew max michael miguel mike mitch mitt nathan neil newt
    nicholas nick noah norman oliver oscar patrick paul peter phil philip rafael ralph randy
    raymond reince richard rick robert roger ron ronald ross roy rudy russell ryan sam samuel
    scott sean sergei stephen steve steven stuart ted terry thomas tim timothy todd tom tony
    travis trevor troy vernon victor vincent vladimir walter warren wayne william willie
    """.split()
)


@cache
def census_names() -> dict[str, str]:
    """Given names of the census tables and the sex ("m" or "f") that carries them."""
    text = resources.files("quotewire.data").joinpath(CENSUS_FILE).read_text(encoding="utf-8")
    names = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 2 and not line.startswith("#") and fields[1] in ("m", "f"):
            names[fields[0]] = fields[1]
    return names


def gender_of(full_name: str) -> str:
    """ "m", "f", or "" for a full name, by its first given name."""
    first = full_name.split()[0].lower().rstrip(".") if full_name.split() else ""
    if first in FEMININE:
        return "f"
    if first in MASCULINE:
        return "m"
    return census_names().get(first, "")
