"""Word lists the amount finder reads: currencies, scales, percent words, comparators, months,
read from the English profile (``quotewire/data/lang/en.toml``, ``[words.claims]`` and
``[maps.claims.*]``).

Every key is lower case; multi-word entries are tuples of words. Money maps to ISO 4217 codes.
English, Russian and German forms are listed side by side: an English article quoting a Russian
ministry ("50 млрд долларов") or a German one ("3,5 Mrd. Euro") is read the same way.
"""

from __future__ import annotations

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

# symbols written before (sometimes after) the number
CURRENCY_SYMBOLS: dict[str, str] = _EN.word_map("currency_symbols")

# ISO codes written as words ("USD 5 million", "12bn DKK")
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RUB INR CHF CAD AUD NZD HKD SGD BRL BYN UAH KRW TRY PLN DKK SEK NOK "
    "CZK HUF RON ZAR MXN ILS AED SAR KZT NGN EGP IDR THB VND PKR BDT RMB".split()
)

# currency words after the number; a tuple key is a phrase ("swiss francs")
CURRENCY_WORDS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): code for phrase, code in _EN.word_map("currency_words").items()
}

CURRENCY_WORD_LONGEST = max(len(k) for k in CURRENCY_WORDS)

# scale words after the number; "billion" is the short scale (10**9), as in English news
SCALES: dict[str, int] = _EN.number_map("scales")

# scale letters glued to the number ("$4.5bn", "£120m", "5k") are read only in these forms
GLUED_SCALES = _EN.words("glued_scales")

PERCENT_WORDS: tuple[tuple[str, ...], ...] = _EN.phrase_list("percent_words")
POINT_WORDS: tuple[tuple[str, ...], ...] = _EN.phrase_list("point_words")
BASIS_POINTS: tuple[tuple[str, ...], ...] = _EN.phrase_list("basis_points")

# comparator words before the number, longest first when matched
COMPARATORS_BEFORE: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): sign for phrase, sign in _EN.word_map("comparators_before").items()
}
COMPARATOR_LONGEST = max(len(k) for k in COMPARATORS_BEFORE)
#: Comparator words that, after a determiner, name a group instead of comparing: "the top 1
#: percent" of earners is that 1 percent ("sales top $5 million" is more than it).
GROUP_WHEN_DETERMINED = _EN.phrases("group_when_determined")
#: Words that deny the comparator word after them ("will not exceed 1.7%": at most 1.7%)
COMPARATOR_NEGATIONS = _EN.words("comparator_negations")
#: A denied comparator's sign: "not more than" is "at most"
NEGATED_COMPARATORS = {">": "<=", ">=": "<", "<": ">=", "<=": ">"}

# after the number: "500 or more", "$1m or so", "300-plus"
COMPARATORS_AFTER: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): sign for phrase, sign in _EN.word_map("comparators_after").items()
}

MONTHS = _EN.words("month_words")
# month names that are also ordinary words: a date only with a capital letter
AMBIGUOUS_MONTHS = _EN.words("ambiguous_months")

# words that end a name rather than start an amount: "Boeing 737", "Article 5", "Room 204"
# (a capitalised word right before a number is read as a name unless it is one of these)
FUNCTION_WORDS = _EN.words("figure_function_words")

# a number right before one of these (within a few capitalised words) is an address
STREET_WORDS = _EN.words("street_words")

# plural nouns not ending in "s", and words ending in "s" that are not plural nouns
IRREGULAR_PLURALS = _EN.words("irregular_plurals")
SINGULAR_TO_PLURAL = _EN.word_map("singular_to_plural")
NOT_PLURAL_NOUNS = _EN.words("not_plural_nouns")
#: Adjectives that "one" may stand before with its singular noun after them ("one older
#: brother"): never the counted noun themselves.
ONE_ADJECTIVES = _EN.words("one_adjectives")

#: Words between a number and the noun it counts that tell a change of the count, not a kind of
#: thing ("25 million more people", "5,000 fewer jobs"): the noun after them is counted, and
#: the word is the trend.
COUNT_CHANGES = _EN.word_map("count_changes")

# words between a number and its counted noun that are not adjectives of it
NOT_ADJECTIVES = _EN.words("not_adjectives")

# "of" after a fraction or a percentage: "a third of voters", "40% of the electricity"; and
# fractions written in German and Russian ("die Hälfte", "ein Drittel", "треть", "две трети")
FRACTIONS: dict[str, float] = {
    word: 1 / denominator for word, denominator in _EN.number_map("fractions").items()
}
# words that stand for "one" before a fraction
FRACTION_ONES = _EN.words("fraction_ones")
# fraction words read as "one of them" without an article ("треть жителей")
BARE_FRACTIONS = _EN.words("bare_fractions")
# German number words (number-parser has no German): the common ones as written alone
GERMAN_NUMBERS: dict[str, int] = _EN.number_map("german_numbers")

# measures that have a unit name ("500 km", "3 GW") become counts of that unit
UNIT_ABBREVIATIONS: dict[str, str] = _EN.word_map("unit_abbreviations")

WEEKDAYS = _EN.words("weekdays")
# verbs that follow a number as its predicate, never as an adjective of a counted noun
COMMON_VERBS = _EN.words("common_verbs")
