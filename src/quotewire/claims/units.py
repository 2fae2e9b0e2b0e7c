"""Word lists the amount finder reads: currencies, scales, percent words, comparators, months.

Every key is lower case; multi-word entries are tuples of words. Money maps to ISO 4217 codes.
English, Russian and German forms are listed side by side: an English article quoting a Russian
ministry ("50 млрд долларов") or a German one ("3,5 Mrd. Euro") is read the same way.
"""

from __future__ import annotations

# symbols written before (sometimes after) the number
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₽": "RUB",
    "₹": "INR",
    "₩": "KRW",
    "₺": "TRY",
    "₴": "UAH",
    "₪": "ILS",
    "₦": "NGN",
    "rs": "INR",
    "rs.": "INR",
    "zł": "PLN",
}

# ISO codes written as words ("USD 5 million", "12bn DKK")
CURRENCY_CODES = frozenset(
    "USD EUR GBP JPY CNY RUB INR CHF CAD AUD NZD HKD SGD BRL BYN UAH KRW TRY PLN DKK SEK NOK "
    "CZK HUF RON ZAR MXN ILS AED SAR KZT NGN EGP IDR THB VND PKR BDT RMB".split()
)

# currency words after the number; a tuple key is a phrase ("swiss francs")
CURRENCY_WORDS: dict[tuple[str, ...], str] = {}


def _currency(code: str, *phrases: str) -> None:
    for phrase in phrases:
        CURRENCY_WORDS[tuple(phrase.split())] = code


_currency(
    "USD",
    "dollar",
    "dollars",
    "us dollars",
    "u.s. dollars",
    "american dollars",
    "долларов",
    "доллара",
    "доллар",
    "долл.",
    "долл",
    "долларов сша",
    "us-dollar",
    "dollar",
)
_currency("EUR", "euro", "euros", "евро", "de euros")
_currency("USD", "de dólares", "dólares")
_currency("GBP", "pound", "pounds", "pounds sterling", "sterling", "pfund", "фунтов", "фунта")
_currency("JPY", "yen", "japanese yen", "иен", "йен")
_currency("CNY", "yuan", "renminbi", "chinese yuan", "юаней", "юаня", "юань")
_currency(
    "RUB",
    "ruble",
    "rubles",
    "rouble",
    "roubles",
    "russian rubles",
    "russian roubles",
    "рублей",
    "рубля",
    "рубль",
    "руб.",
    "руб",
    "rubel",
)
_currency(
    "BYN",
    "belarusian rubles",
    "belarusian roubles",
    "belarusian ruble",
    "белорусских рублей",
    "белорусского рубля",
    "бел. руб.",
)
_currency("INR", "rupee", "rupees", "indian rupees")
_currency("PKR", "pakistani rupees")
_currency("CHF", "swiss francs", "swiss franc", "francs", "franken", "швейцарских франков")
_currency("CAD", "canadian dollars", "canadian dollar")
_currency("AUD", "australian dollars", "australian dollar")
_currency("NZD", "new zealand dollars")
_currency("HKD", "hong kong dollars")
_currency("SGD", "singapore dollars")
_currency("BRL", "real", "reais", "brazilian reais")
_currency("UAH", "hryvnia", "hryvnias", "hryvnia", "гривен", "гривны")
_currency("KRW", "won", "south korean won")
_currency("TRY", "lira", "liras", "turkish lira", "turkish liras")
_currency("PLN", "zloty", "zlotys", "zlotych", "złoty", "złotys", "polish zlotys")
_currency("DKK", "kroner", "danish kroner", "danish crowns", "krone")
_currency("NOK", "norwegian kroner", "norwegian crowns")
_currency("SEK", "kronor", "swedish kronor", "swedish crowns", "krona")
_currency("CZK", "koruna", "korunas", "czech crowns", "czech korunas")
_currency("HUF", "forint", "forints")
_currency("ZAR", "rand")
_currency("MXN", "mexican pesos", "pesos")
_currency("ILS", "shekel", "shekels")
_currency("AED", "dirham", "dirhams")
_currency("SAR", "riyal", "riyals")
_currency("KZT", "tenge", "тенге")
_currency("NGN", "naira")
_currency("EGP", "egyptian pounds")
_currency("IDR", "rupiah")

CURRENCY_WORD_LONGEST = max(len(k) for k in CURRENCY_WORDS)

# scale words after the number; "billion" is the short scale (10**9), as in English news
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "mil": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "bln": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
    "tr": 10**12,
    "lakh": 10**5,
    "lakhs": 10**5,
    "crore": 10**7,
    "crores": 10**7,
    # Russian
    "тыс": 10**3,
    "тыс.": 10**3,
    "тысяч": 10**3,
    "тысячи": 10**3,
    "тысяча": 10**3,
    "млн": 10**6,
    "млн.": 10**6,
    "миллион": 10**6,
    "миллиона": 10**6,
    "миллионов": 10**6,
    "млрд": 10**9,
    "млрд.": 10**9,
    "миллиард": 10**9,
    "миллиарда": 10**9,
    "миллиардов": 10**9,
    "трлн": 10**12,
    "трлн.": 10**12,
    "триллион": 10**12,
    "триллиона": 10**12,
    "триллионов": 10**12,
    # German (Billion is 10**12 there)
    "tsd": 10**3,
    "tsd.": 10**3,
    "tausend": 10**3,
    "mio": 10**6,
    "mio.": 10**6,
    "millionen": 10**6,
    "mrd": 10**9,
    "mrd.": 10**9,
    "milliarde": 10**9,
    "milliarden": 10**9,
    "billionen": 10**12,
    # Spanish, as quoted in English copy
    "millones": 10**6,
    "millón": 10**6,
}

# scale letters glued to the number ("$4.5bn", "£120m", "5k") are read only in these forms
GLUED_SCALES = frozenset(
    {"k", "m", "mn", "mln", "bn", "b", "bln", "tn", "trn", "million", "billion", "trillion"}
)

PERCENT_WORDS: tuple[tuple[str, ...], ...] = (
    ("per", "cent"),
    ("percent",),
    ("pct",),
    ("процентов",),
    ("процента",),
    ("процент",),
    ("проц.",),
    ("prozent",),
)
POINT_WORDS: tuple[tuple[str, ...], ...] = (
    ("percentage", "points"),
    ("percentage", "point"),
    ("percent", "points"),
    ("pp",),
    ("п.п.",),
    ("процентных", "пункта"),
    ("процентных", "пунктов"),
    ("процентного", "пункта"),
    ("prozentpunkte",),
    ("prozentpunkten",),
    ("prozentpunkt",),
)
BASIS_POINTS: tuple[tuple[str, ...], ...] = (("basis", "points"), ("basis", "point"), ("bps",))

# comparator words before the number, longest first when matched
COMPARATORS_BEFORE: dict[tuple[str, ...], str] = {}


def _cmp(sign: str, *phrases: str) -> None:
    for phrase in phrases:
        COMPARATORS_BEFORE[tuple(phrase.split())] = sign


_cmp(
    ">",
    "more than",
    "over",
    "exceeds",
    "exceeded",
    "exceeding",
    "exceed",
    "above",
    "upwards of",
    "in excess of",
    "topped",
    "tops",
    "top",
    "surpassed",
    "surpasses",
    "greater than",
    "higher than",
    "just over",
    "well over",
    "well above",
    "beyond",
    "более",
    "свыше",
    "больше",
    "превысил",
    "превысила",
    "превысило",
    "превышает",
    "превысят",
    "mehr als",
    "über",
    "gut",
)
_cmp(
    ">=",
    "at least",
    "no less than",
    "not less than",
    "a minimum of",
    "no fewer than",
    "не менее",
    "не меньше",
    "mindestens",
)
_cmp(
    "<",
    "less than",
    "under",
    "below",
    "fewer than",
    "lower than",
    "just below",
    "менее",
    "меньше",
    "weniger als",
    "unter",
)
_cmp(
    "<=",
    "up to",
    "within",
    "at most",
    "no more than",
    "not more than",
    "a maximum of",
    "as many as",
    "as much as",
    "до",
    "не более",
    "не больше",
    "не выше",
    "не превысит",
    "не превысят",
    "не превышает",
    "не превышают",
    "bis zu",
    "höchstens",
)
_cmp(
    "~",
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "close to",
    "just under",
    "just shy of",
    "circa",
    "ca.",
    "approx.",
    "an approximate",
    "the best part of",
    "около",
    "почти",
    "примерно",
    "приблизительно",
    "порядка",
    "около",
    "rund",
    "etwa",
    "knapp",
    "fast",
    "ungefähr",
    "zirka",
)
COMPARATOR_LONGEST = max(len(k) for k in COMPARATORS_BEFORE)
#: Comparator words that, after a determiner, name a group instead of comparing: "the top 1
#: percent" of earners is that 1 percent ("sales top $5 million" is more than it).
GROUP_WHEN_DETERMINED = frozenset({("top",)})

# after the number: "500 or more", "$1m or so", "300-plus"
COMPARATORS_AFTER: dict[tuple[str, ...], str] = {
    ("or", "more"): ">=",
    ("or", "so"): "~",
    ("plus",): ">",
    ("or", "less"): "<=",
    ("or", "fewer"): "<=",
}

MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct oct. "
    "nov nov. dec dec. "
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "januar februar märz mai juni juli oktober dezember".split()
)
# month names that are also ordinary words: a date only with a capital letter
AMBIGUOUS_MONTHS = frozenset({"may", "mar", "march", "jan", "sep", "oct", "nov", "dec", "aug"})

# words that end a name rather than start an amount: "Boeing 737", "Article 5", "Room 204"
# (a capitalised word right before a number is read as a name unless it is one of these)
FUNCTION_WORDS = frozenset(
    """a an the this that these those its his her their our my your some any all each every no
    about around approximately roughly nearly almost over under above below more less fewer
    than just only up down to from by at in on of for with and or but as between among since
    until after before during last next another other both either neither
    some estimated exceeds exceeded topped reached hit rose fell grew dropped jumped totalled
    totaled stood was were is are be been will would could should may might can must
    while when where if though although because so yet also even still already just
    he she it we they i you who which what there here then now today yesterday
    минус около почти более свыше менее до от примерно порядка в на за с по и из
    rund etwa knapp fast mehr weniger über unter bis mindestens von auf im in mit und um ca
    minus plus per altogether overall exactly precisely further meanwhile besides
    additionally instead""".split()
)

# a number right before one of these (within a few capitalised words) is an address
STREET_WORDS = frozenset(
    "street st st. avenue ave ave. road rd rd. lane boulevard blvd square place drive way "
    "embankment prospekt улица ул. проспект straße strasse platz weg allee gade havnegade"
    .split()
)

# plural nouns not ending in "s", and words ending in "s" that are not plural nouns
IRREGULAR_PLURALS = frozenset(
    "people children men women police staff personnel cattle livestock sheep fish deer aircraft "
    "troops militia clergy offspring crew crews feet teeth mice geese data media criteria "
    "personnel".split()
)
SINGULAR_TO_PLURAL = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "tooth": "teeth",
    "mouse": "mice",
    "goose": "geese",
}
NOT_PLURAL_NOUNS = frozenset(
    """is was has does its his hers ours yours theirs this thus plus minus across always
    whereas perhaps as us less unless nevertheless regardless afterwards towards besides
    sometimes series news gas bus lens bias status analysis crisis basis thesis process
    congress press business access success progress mass class glass pass boss loss
    cross kiss campus virus census consensus bonus plus""".split()
)
#: Adjectives that "one" may stand before with its singular noun after them ("one older
#: brother"): never the counted noun themselves.
ONE_ADJECTIVES = frozenset(
    "older younger elder bigger larger smaller greater lesser former newer other".split()
)

#: Words between a number and the noun it counts that tell a change of the count, not a kind of
#: thing ("25 million more people", "5,000 fewer jobs"): the noun after them is counted, and
#: the word is the trend.
COUNT_CHANGES = {"more": "increased", "fewer": "decreased"}

# words between a number and its counted noun that are not adjectives of it
NOT_ADJECTIVES = frozenset(
    """and or but to of in on at by for from with as than that which who were are was is
    have has had will would could should may might can must be been being not also more less
    per a an the""".split()
)

# "of" after a fraction or a percentage: "a third of voters", "40% of the electricity"
FRACTIONS: dict[str, float] = {
    "half": 1 / 2,
    "halves": 1 / 2,
    "third": 1 / 3,
    "thirds": 1 / 3,
    "quarter": 1 / 4,
    "quarters": 1 / 4,
    "fourth": 1 / 4,
    "fourths": 1 / 4,
    "fifth": 1 / 5,
    "fifths": 1 / 5,
    "sixth": 1 / 6,
    "sixths": 1 / 6,
    "seventh": 1 / 7,
    "eighth": 1 / 8,
    "eighths": 1 / 8,
    "tenth": 1 / 10,
    "tenths": 1 / 10,
}

# fractions written in German and Russian ("die Hälfte", "ein Drittel", "треть", "две трети")
FRACTIONS.update(
    {
        "hälfte": 1 / 2,
        "drittel": 1 / 3,
        "viertel": 1 / 4,
        "fünftel": 1 / 5,
        "zehntel": 1 / 10,
        "половина": 1 / 2,
        "половины": 1 / 2,
        "половину": 1 / 2,
        "треть": 1 / 3,
        "трети": 1 / 3,
        "четверть": 1 / 4,
        "четверти": 1 / 4,
    }
)
# words that stand for "one" before a fraction
FRACTION_ONES = frozenset({"a", "an", "one", "ein", "eine", "einem", "einer", "die", "der"})
# fraction words read as "one of them" without an article ("треть жителей")
BARE_FRACTIONS = frozenset(
    {"половина", "половины", "половину", "треть", "трети", "четверть", "четверти"}
)
# German number words (number-parser has no German): the common ones as written alone
GERMAN_NUMBERS: dict[str, int] = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
    "tausend": 1000,
    "dutzend": 12,
}

# measures that have a unit name ("500 km", "3 GW") become counts of that unit
UNIT_ABBREVIATIONS: dict[str, str] = {
    "km": "kilometres",
    "kms": "kilometres",
    "mi": "miles",
    "kg": "kilograms",
    "t": "tonnes",
    "mw": "megawatts",
    "gw": "gigawatts",
    "kw": "kilowatts",
    "kwh": "kilowatt-hours",
    "mwh": "megawatt-hours",
    "gwh": "gigawatt-hours",
    "twh": "terawatt-hours",
    "bcm": "cubic metres",
    "ha": "hectares",
    "sq km": "square kilometres",
    "км": "км",
    "кг": "кг",
    "т": "т",
}

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri "
    "sat sun".split()
)
# verbs that follow a number as its predicate, never as an adjective of a counted noun
COMMON_VERBS = frozenset(
    """said say says told tell took take made make went go came come got get saw see won win
    lost lose left leave fled flee ran run fell fall rose rise held hold gave give began begin
    became become kept keep met meet paid pay sent send spent spend stood stand thought think
    brought bring bought buy built build heard hear joined join backed back voted vote died die
    signed sign opposed oppose supported support agreed agree attended attend marched march
    gathered gather remain remained were are was is have has had will would could should""".split()
)
