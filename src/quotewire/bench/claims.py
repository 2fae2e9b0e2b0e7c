"""``quotewire bench claims``: figures and who claims them, against hand-annotated PolNeAR figures.

The gold figures (``tests/data/claimants/*.jsonl``, conventions in ``docs/claimants.md``) are
character offsets into PolNeAR articles, which are read from ``../shared/benchmarks/polnear``
at run time: no article text is kept in the repository. One record per figure::

    {"article": "politico_2016-...", "split": "dev", "span": [250, 260],
     "value": 46, "high": null, "unit": "percent", "comparator": "=",
     "claimant_kind": "organization", "claimant": "Washington Post-ABC News",
     "claimant_span": [169, 193], "claimant_alternatives": ["Washington Post", "ABC News"]}

How a prediction is read: a :class:`~quotewire.model.Claim` gives its ``span``, ``value``,
``high``, ``unit`` and ``comparator``; its claimant is ``Claim.claimant`` (a ``Speaker``:
``name`` is the canonical name, or the mention's text when unresolved; ``mention`` the words
that name it), and a claim without one is the narrator's. ``Claim.according_to`` (a source the
speaker relays) is not the claimant: by the guidelines the outer speaker is.

Scoring (pure functions over :class:`GoldFigure` and :class:`PredictedFigure`):

* **Detection.** Per article, predicted claims and gold figures are matched one to one by the
  number of characters their spans share, largest overlap first (ties: earlier gold, then
  earlier prediction); any shared character makes a candidate pair. Precision, recall, F1.
* **Value, unit, comparator**, over matched figures: the value (and ``high``) within a relative
  0.1%; the unit case aside, two counts agreeing when their counted nouns share the last word
  ("swing states" and "states"); the comparator exactly.
* **Claimant**, over matched figures, by the gold kind: *person* and *organization* when
  :func:`~quotewire.bench.metrics.same_person` holds between the predicted name and the gold
  name or one of its ``claimant_alternatives`` (the partners of a joint poll); *unnamed* when
  the predicted mention overlaps the gold ``claimant_span`` or the predicted name holds the
  head word (last word) of the gold phrase; *narrator* when the prediction has no claimant.
  Reported per kind, over all matched figures, and over *attributed* figures (every kind but
  the narrator).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from quotewire.bench.metrics import PRF, OneToOne, Ratio, same_person, spans_overlap
from quotewire.bench.polnear import Offsets
from quotewire.claims.numbers import NUMBER_WORDS
from quotewire.claims.units import FRACTIONS
from quotewire.errors import InputError, MissingInput

if TYPE_CHECKING:
    from quotewire.model import Claim

ClaimantKind = Literal["person", "organization", "unnamed", "narrator"]
CLAIMANT_KINDS: tuple[ClaimantKind, ...] = ("person", "organization", "unnamed", "narrator")
#: The kinds whose figures someone other than the narrator states.
ATTRIBUTED: frozenset[ClaimantKind] = frozenset({"person", "organization", "unnamed"})
Split = Literal["dev", "train"]
SPLITS: tuple[Split, ...] = ("dev", "train")
#: As in :data:`quotewire.model.Comparator`.
COMPARATORS = frozenset({"=", ">", ">=", "<", "<=", "~", "range"})
#: Units that are not counted nouns (money is an ISO 4217 code: three capitals).
MEASURE_UNITS = frozenset({"percent", "percentage_points", "basis_points", "dimensionless"})
#: Words besides number words and fractions that state a number ("twice", "a dozen").
MULTIPLE_WORDS = frozenset({"twice", "thrice", "dozen", "dozens", "zero"})
_TOLERANCE = 1e-3
_FIELDS = frozenset(
    {
        "article",
        "split",
        "span",
        "value",
        "high",
        "unit",
        "comparator",
        "claimant_kind",
        "claimant",
        "claimant_span",
        "claimant_alternatives",
    }
)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class GoldFigure:
    """One annotated figure: where it is, what it says, and who claims it."""

    article: str
    split: Split
    span: Offsets
    value: float
    high: float | None
    unit: str
    comparator: str
    claimant_kind: ClaimantKind
    claimant: str | None
    claimant_span: Offsets | None = None
    claimant_alternatives: tuple[str, ...] = ()
    where: str = field(default="", compare=False)  # "file:line", for messages

    @property
    def attributed(self) -> bool:
        return self.claimant_kind in ATTRIBUTED


@dataclass(frozen=True, slots=True)
class PredictedFigure:
    """One predicted figure, read off a :class:`~quotewire.model.Claim`."""

    span: Offsets
    value: float
    high: float | None
    unit: str
    comparator: str
    claimant_name: str | None = None  # None: the narrator's
    claimant_mention: Offsets | None = None

    @classmethod
    def of(cls, claim: Claim) -> PredictedFigure:
        speaker = claim.claimant
        mention = speaker.mention if speaker is not None else None
        return cls(
            span=(claim.span.start, claim.span.end),
            value=claim.value,
            high=claim.high if claim.high is not None else claim.against,  # "80-19": 80, 19
            unit=claim.unit,
            comparator=claim.comparator,
            claimant_name=speaker.name if speaker is not None else None,
            claimant_mention=(mention.start, mention.end) if mention is not None else None,
        )


@dataclass(frozen=True, slots=True)
class FigurePair:
    """A gold figure and the prediction matched to it (indices into their lists)."""

    gold: int
    pred: int
    overlap: int  # characters the two spans share


@dataclass(frozen=True)
class FigureMatching(OneToOne):
    """The one-to-one matching of one article's gold figures and predictions."""

    n_gold: int
    n_pred: int
    pairs: tuple[FigurePair, ...]


# --------------------------------------------------------------------------- matching


def shared_characters(a: Offsets, b: Offsets) -> int:
    """How many characters two ``[start, end)`` ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_figures(
    gold: Sequence[GoldFigure], predicted: Sequence[PredictedFigure]
) -> FigureMatching:
    """Gold figures and predictions matched one to one, the largest overlap first."""
    candidates = [
        FigurePair(gi, pj, n)
        for gi, g in enumerate(gold)
        for pj, p in enumerate(predicted)
        if (n := shared_characters(g.span, p.span)) > 0
    ]
    candidates.sort(key=lambda c: (-c.overlap, gold[c.gold].span, predicted[c.pred].span))
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[FigurePair] = []
    for pair in candidates:
        if pair.gold in used_gold or pair.pred in used_pred:
            continue
        used_gold.add(pair.gold)
        used_pred.add(pair.pred)
        pairs.append(pair)
    pairs.sort(key=lambda p: p.gold)
    return FigureMatching(n_gold=len(gold), n_pred=len(predicted), pairs=tuple(pairs))


# --------------------------------------------------------------------------- correctness


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return abs(a - b) <= _TOLERANCE * max(abs(a), abs(b), 1e-9)


def value_correct(gold: GoldFigure, pred: PredictedFigure) -> bool:
    """The value and the top of a range (or the second side of a tally) within 0.1%."""
    return _close(gold.value, pred.value) and _close(gold.high, pred.high)


def is_count_unit(unit: str) -> bool:
    """Whether ``unit`` is a counted noun (not money, percent, points or a bare number)."""
    return unit.casefold() not in MEASURE_UNITS and re.fullmatch(r"[A-Z]{3}", unit) is None


def _head(unit: str) -> str:
    words = re.split(r"[\s_]+", unit.strip().casefold())
    return words[-1] if words else ""


def unit_correct(gold: GoldFigure, pred: PredictedFigure) -> bool:
    """The same unit, case aside; two counts agree when their nouns share the last word."""
    if gold.unit.casefold() == pred.unit.casefold():
        return True
    return (
        is_count_unit(gold.unit)
        and is_count_unit(pred.unit)
        and (_head(gold.unit) == _head(pred.unit))
    )


def comparator_correct(gold: GoldFigure, pred: PredictedFigure) -> bool:
    return gold.comparator == pred.comparator


def _words(name: str) -> set[str]:
    return {w for w in re.split(r"[^\w]+", name.casefold()) if w}


def head_word(phrase: str) -> str:
    """The head of an unnamed source's phrase: its last word ("federal and state officials")."""
    words = [w for w in re.split(r"[^\w]+", phrase.casefold()) if w]
    return words[-1] if words else ""


def claimant_correct(gold: GoldFigure, pred: PredictedFigure) -> bool:
    """Whether ``pred`` names the claimant of ``gold`` (rules in the module docstring)."""
    if gold.claimant_kind == "narrator":
        return pred.claimant_name is None
    if pred.claimant_name is None or gold.claimant is None:
        return False
    if gold.claimant_kind == "unnamed":
        if (
            gold.claimant_span is not None
            and pred.claimant_mention is not None
            and spans_overlap(gold.claimant_span, pred.claimant_mention)
        ):
            return True
        return head_word(gold.claimant) in _words(pred.claimant_name)
    names = (gold.claimant, *gold.claimant_alternatives)
    return any(same_person(pred.claimant_name, name) for name in names)


# --------------------------------------------------------------------------- counting


def _kind_ratios() -> dict[ClaimantKind, Ratio]:
    return {k: Ratio() for k in CLAIMANT_KINDS}


@dataclass
class ClaimsScore:
    """Everything counted over a set of articles (sums of counts: micro-averages)."""

    articles: int = 0
    detection: PRF = field(default_factory=PRF)
    predicted: int = 0
    value: Ratio = field(default_factory=Ratio)
    unit: Ratio = field(default_factory=Ratio)
    comparator: Ratio = field(default_factory=Ratio)
    claimant: dict[ClaimantKind, Ratio] = field(default_factory=_kind_ratios)
    gold_by_kind: dict[ClaimantKind, int] = field(
        default_factory=lambda: dict.fromkeys(CLAIMANT_KINDS, 0)
    )

    @property
    def claimant_all(self) -> Ratio:
        total = Ratio()
        for ratio in self.claimant.values():
            total.add(ratio)
        return total

    @property
    def claimant_attributed(self) -> Ratio:
        total = Ratio()
        for kind in CLAIMANT_KINDS:
            if kind in ATTRIBUTED:
                total.add(self.claimant[kind])
        return total

    def add(self, other: ClaimsScore) -> None:
        self.articles += other.articles
        self.detection.add(other.detection)
        self.predicted += other.predicted
        self.value.add(other.value)
        self.unit.add(other.unit)
        self.comparator.add(other.comparator)
        for kind in CLAIMANT_KINDS:
            self.claimant[kind].add(other.claimant[kind])
            self.gold_by_kind[kind] += other.gold_by_kind[kind]

    def to_dict(self) -> dict[str, Any]:
        d = self.detection
        return {
            "articles": self.articles,
            "figures": d.gold,
            "predicted": self.predicted,
            "matched": d.matched,
            "precision": round(d.precision, 4),
            "recall": round(d.recall, 4),
            "f1": round(d.f1, 4),
            "value_accuracy": self.value.to_dict(),
            "unit_accuracy": self.unit.to_dict(),
            "comparator_accuracy": self.comparator.to_dict(),
            "claimant_accuracy": {
                "all": self.claimant_all.to_dict(),
                "attributed": self.claimant_attributed.to_dict(),
                **{kind: self.claimant[kind].to_dict() for kind in CLAIMANT_KINDS},
            },
            "figures_by_kind": dict(self.gold_by_kind),
        }


def score_figures(
    gold: Sequence[GoldFigure], predicted: Sequence[PredictedFigure]
) -> tuple[ClaimsScore, FigureMatching]:
    """The counts of one article, and the matching they were counted over."""
    matching = match_figures(gold, predicted)
    score = ClaimsScore(articles=1, predicted=len(predicted))
    score.detection = PRF(
        gold=len(gold), matched=len(matching.pairs), unmatched_pred=len(matching.unmatched_pred())
    )
    for figure in gold:
        score.gold_by_kind[figure.claimant_kind] += 1
    for pair in matching.pairs:
        g, p = gold[pair.gold], predicted[pair.pred]
        for ratio, ok in (
            (score.value, value_correct(g, p)),
            (score.unit, unit_correct(g, p)),
            (score.comparator, comparator_correct(g, p)),
            (score.claimant[g.claimant_kind], claimant_correct(g, p)),
        ):
            ratio.total += 1
            ratio.correct += ok
    return score, matching


@dataclass(frozen=True, slots=True)
class ArticleFigures:
    """One article's text, its gold figures and the figures a system predicted on it."""

    article: str
    split: Split
    text: str
    gold: tuple[GoldFigure, ...]
    predicted: tuple[PredictedFigure, ...]


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """A PolNeAR article that annotated figures point into, as the pipeline is to read it: its
    text and its date of publication ("in 2012" is before the year of an article of 2016)."""

    id: str
    text: str
    published: str | None = None


def source_articles(
    corpus: Path, split: Split, wanted: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], SourceArticle]:
    """The articles of ``corpus`` (one PolNeAR split) whose (split, id) is ``wanted``."""
    from quotewire.bench.polnear import iter_corpus

    keys = set(wanted)
    return {
        (split, a.id): SourceArticle(id=a.id, text=a.text, published=a.published or None)
        for a in iter_corpus(corpus)
        if (split, a.id) in keys
    }


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's figures, what was counted on them, and the matching behind the counts."""

    figures: ArticleFigures
    score: ClaimsScore
    matching: FigureMatching


def score_articles(articles: Iterable[ArticleFigures]) -> list[ArticleResult]:
    out = []
    for article in articles:
        score, matching = score_figures(article.gold, article.predicted)
        out.append(ArticleResult(article, score, matching))
    return out


def total(scores: Iterable[ClaimsScore]) -> ClaimsScore:
    """The summed counts of several articles (or splits)."""
    out = ClaimsScore()
    for score in scores:
        out.add(score)
    return out


# --------------------------------------------------------------------------- errors


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+|\n+")
_REACH = 240
#: Words whose period ends no sentence ("Mr. Trump", "Sept. 19"), lower case, without the period.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr sen rep gov gen lt col sgt capt st jr sr vs no inc corp co
    jan feb mar apr aug sept sep oct nov dec u.s u.n d.c""".split()
)


def _ends_sentence(text: str, stop: re.Match[str]) -> bool:
    if stop.group().startswith("\n"):
        return True
    before = text[: stop.start()].rstrip("\"'”’)")
    if not before.endswith("."):
        return True
    word = before[:-1].rsplit(None, 1)[-1] if before[:-1].split() else ""
    word = word.lstrip("(\"'“‘").casefold()
    return not (word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()))


def sentence_around(text: str, start: int, end: int) -> Offsets:
    """The sentence (or at most ``_REACH`` characters either side) holding ``[start, end)``."""
    lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
    left = lo
    for stop in _SENTENCE_END.finditer(text, lo, start):
        if _ends_sentence(text, stop):
            left = stop.end()
    right = next(
        (
            stop.start()
            for stop in _SENTENCE_END.finditer(text, end, hi)
            if _ends_sentence(text, stop)
        ),
        hi,
    )
    return left, right


def _marked(text: str, span: Offsets) -> str:
    s, e = sentence_around(text, *span)
    line = f"{text[s : span[0]]}[[{text[span[0] : span[1]]}]]{text[span[1] : e]}"
    return " ".join(line.split())


def _amount(value: float, high: float | None, unit: str, comparator: str) -> str:
    top = f"-{high:g}" if high is not None else ""
    return f"{comparator} {value:g}{top} {unit}"


def _gold_claimant(g: GoldFigure) -> str:
    return g.claimant_kind if g.claimant is None else f"{g.claimant_kind} {g.claimant!r}"


def _pred_claimant(text: str, p: PredictedFigure) -> str:
    if p.claimant_name is None:
        return "narrator (no claimant)"
    if p.claimant_mention is None:
        return repr(p.claimant_name)
    s, e = p.claimant_mention
    return f"{p.claimant_name!r} (mention {' '.join(text[s:e].split())!r})"


def error_listing(
    text: str,
    gold: Sequence[GoldFigure],
    predicted: Sequence[PredictedFigure],
    matching: FigureMatching,
) -> list[str]:
    """Every missed and spurious figure, wrong claimant and wrong value, unit or comparator of
    one article, each with the sentence it is in (``--errors``)."""
    lines: list[str] = []
    for gi in matching.unmatched_gold():
        g = gold[gi]
        lines.append(
            f"MISSED    {_amount(g.value, g.high, g.unit, g.comparator)}; "
            f"claimant {_gold_claimant(g)}"
        )
        lines.append(f"    {_marked(text, g.span)}")
    for pj in matching.unmatched_pred():
        p = predicted[pj]
        lines.append(
            f"SPURIOUS  {_amount(p.value, p.high, p.unit, p.comparator)}; "
            f"claimant {_pred_claimant(text, p)}"
        )
        lines.append(f"    {_marked(text, p.span)}")
    for pair in matching.pairs:
        g, p = gold[pair.gold], predicted[pair.pred]
        if not claimant_correct(g, p):
            lines.append(f"CLAIMANT  gold {_gold_claimant(g)}; predicted {_pred_claimant(text, p)}")
            lines.append(f"    {_marked(text, g.span)}")
        wrong = [
            name
            for name, ok in (
                ("value", value_correct(g, p)),
                ("unit", unit_correct(g, p)),
                ("comparator", comparator_correct(g, p)),
            )
            if not ok
        ]
        if wrong:
            label = "/".join(wrong).upper()
            lines.append(
                f"{label:9} gold {_amount(g.value, g.high, g.unit, g.comparator)}; "
                f"predicted {_amount(p.value, p.high, p.unit, p.comparator)}"
            )
            lines.append(f"    {_marked(text, g.span)}")
    return lines


# --------------------------------------------------------------------------- report


def _pct(ratio: Ratio) -> str:
    value = ratio.value
    return "—" if value is None else f"{100 * value:.1f}%"


def _row(label: str, cell: str) -> str:
    return f"{label:22}{cell}"


def _ratio(ratio: Ratio) -> str:
    return f"{_pct(ratio)} ({ratio.correct}/{ratio.total})"


def format_score(name: str, score: ClaimsScore) -> str:
    """The report of one split (or of all) as text."""
    d = score.detection
    lines = [
        f"== {name}: {d.gold} figures in {score.articles} articles",
        _row("figures", f"{d.gold} annotated, {score.predicted} predicted, {d.matched} matched"),
        _row(
            "detection P/R/F1",
            f"{100 * d.precision:.1f} / {100 * d.recall:.1f} / {100 * d.f1:.1f}",
        ),
        _row("value (matched)", _ratio(score.value)),
        _row("unit (matched)", _ratio(score.unit)),
        _row("comparator (matched)", _ratio(score.comparator)),
        _row("claimant, all", _ratio(score.claimant_all)),
        _row("claimant, attributed", _ratio(score.claimant_attributed)),
    ]
    for kind in CLAIMANT_KINDS:
        lines.append(
            _row(f"  {kind}", f"{_ratio(score.claimant[kind])} of {score.gold_by_kind[kind]}")
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- reading gold


def annotation_files(paths: Sequence[Path]) -> list[Path]:
    """The ``.jsonl`` files named, a folder standing for the ones in it (sorted)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise InputError("no annotation files (*.jsonl) in this folder", source=str(path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise MissingInput("no such annotation file or folder", source=str(path))
    return files


def load_figures(paths: Sequence[Path]) -> list[GoldFigure]:
    """Every gold figure in the files (or folders) given; a record that does not fit raises
    :class:`~quotewire.errors.InputError` naming its file and line."""
    figures: list[GoldFigure] = []
    for path in annotation_files(paths):
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError:
            raise InputError("not UTF-8 text", source=str(path)) from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                figures.append(parse_figure(json.loads(line), where=where))
            except json.JSONDecodeError as error:
                raise InputError(f"not valid JSON ({error.msg})", source=where) from None
            except ValueError as error:
                raise InputError(str(error), source=where) from None
    return figures


def _pair(value: object, name: str) -> Offsets:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
        or not 0 <= value[0] < value[1]
    ):
        raise ValueError(f"{name} must be [start, end] with 0 <= start < end, got {value!r}")
    return value[0], value[1]


def _number(value: object, name: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name} must be a number, got {value!r}")
    return float(value)


def _choice(value: object, name: str, allowed: Iterable[str]) -> str:
    choices = sorted(allowed)
    if not isinstance(value, str) or value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


def parse_figure(record: object, *, where: str = "") -> GoldFigure:
    """One decoded annotation record as a :class:`GoldFigure` (``ValueError`` when it does not
    follow the format in the module docstring)."""
    if not isinstance(record, dict):
        raise ValueError("a record must be a JSON object")
    unknown = sorted(set(record) - _FIELDS)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r}")
    missing = sorted(_FIELDS - {"claimant_alternatives"} - set(record))
    if missing:
        raise ValueError(f"missing field {missing[0]!r}")
    article, unit, claimant = record["article"], record["unit"], record["claimant"]
    if not isinstance(article, str) or not article:
        raise ValueError("article must be a PolNeAR article id")
    if not isinstance(unit, str) or not unit.strip():
        raise ValueError("unit must be a non-empty string")
    kind = cast(ClaimantKind, _choice(record["claimant_kind"], "claimant_kind", CLAIMANT_KINDS))
    comparator = _choice(record["comparator"], "comparator", COMPARATORS)
    high = _number(record["high"], "high", optional=True)
    if comparator == "range" and high is None:
        raise ValueError("a range needs its top in high")
    span = record["claimant_span"]
    alternatives = record.get("claimant_alternatives", [])
    if kind == "narrator":
        if claimant is not None or span is not None or alternatives:
            raise ValueError("a narrator's figure has claimant and claimant_span null")
    elif not isinstance(claimant, str) or not claimant.strip():
        raise ValueError(f"a {kind} claimant needs its name (or phrase) in claimant")
    if not isinstance(alternatives, list) or not all(
        isinstance(a, str) and a.strip() for a in alternatives
    ):
        raise ValueError("claimant_alternatives must be a list of names")
    if alternatives and kind not in ("person", "organization"):
        raise ValueError("only a person or an organization has claimant_alternatives")
    value = _number(record["value"], "value")
    assert value is not None
    return GoldFigure(
        article=article,
        split=cast(Split, _choice(record["split"], "split", SPLITS)),
        span=_pair(record["span"], "span"),
        value=value,
        high=high,
        unit=unit,
        comparator=comparator,
        claimant_kind=kind,
        claimant=claimant,
        claimant_span=None if span is None else _pair(span, "claimant_span"),
        claimant_alternatives=tuple(alternatives),
        where=where,
    )


def has_number(words: str) -> bool:
    """Whether ``words`` state a number: a digit, a number word, a fraction ("a third") or a
    multiple ("twice", "threefold", "a dozen")."""
    if any(ch.isdigit() for ch in words):
        return True
    vocabulary = NUMBER_WORDS["en"]
    for word in re.split(r"[^\w]+", words.casefold()):
        stem = word.removesuffix("fold")
        if word in vocabulary or word in FRACTIONS or word in MULTIPLE_WORDS:
            return True
        if stem != word and stem in vocabulary:
            return True
    return False


def figure_problem(figure: GoldFigure, text: str | None) -> str | None:
    """What is wrong with ``figure`` against its article's text (``None`` when nothing is):
    the article is missing, an offset falls outside the text, the figure's words state no
    number, or the claimant's mention is blank."""
    if text is None:
        return f"no article {figure.article!r} in PolNeAR {figure.split}"
    spans = [("span", figure.span)]
    if figure.claimant_span is not None:
        spans.append(("claimant_span", figure.claimant_span))
    for name, (start, end) in spans:
        if end > len(text):
            return f"{name} [{start}, {end}) is outside the article (length {len(text)})"
        if not text[start:end].strip():
            return f"{name} [{start}, {end}) covers no words"
    if not has_number(text[figure.span[0] : figure.span[1]]):
        return f"span [{figure.span[0]}, {figure.span[1]}) states no number"
    return None


def check_figures(figures: Iterable[GoldFigure], texts: Mapping[tuple[str, str], str]) -> None:
    """Raise :class:`~quotewire.errors.InputError` at the first figure that does not fit its
    article (``texts`` maps ``(split, article id)`` to the article's text)."""
    for figure in figures:
        problem = figure_problem(figure, texts.get((figure.split, figure.article)))
        if problem is not None:
            raise InputError(problem, source=figure.where or figure.article)


__all__ = [
    "ATTRIBUTED",
    "CLAIMANT_KINDS",
    "COMPARATORS",
    "SPLITS",
    "ArticleFigures",
    "ArticleResult",
    "ClaimantKind",
    "ClaimsScore",
    "FigureMatching",
    "FigurePair",
    "GoldFigure",
    "PredictedFigure",
    "Split",
    "annotation_files",
    "check_figures",
    "claimant_correct",
    "comparator_correct",
    "error_listing",
    "figure_problem",
    "format_score",
    "has_number",
    "head_word",
    "is_count_unit",
    "load_figures",
    "match_figures",
    "parse_figure",
    "score_articles",
    "score_figures",
    "sentence_around",
    "shared_characters",
    "total",
    "unit_correct",
    "value_correct",
]
