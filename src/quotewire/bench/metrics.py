"""The PolNeAR scoring metric, as pure functions (``shared/benchmarks/polnear/README.md``).

Summary of the metric implemented here:

* **Character sets.** For a list of spans, the set of positions whose character is a letter or a
  digit (``str.isalnum``). Gold content is the union of its spans; a prediction's likewise.
* **Overlap ratio** of gold G and prediction P: ``|G ∩ P| / max(|G|, |P|)`` (0 when both are empty).
* **Matching.** Per article, one-to-one, greedily by descending ratio against *all* gold
  attributions (categories are applied only when counting); ties are broken by gold index, then
  prediction index. A pair counts at threshold ``t`` when its ratio ``>= t``. Because the greedy
  order is by descending ratio, the matching at ``t`` is exactly the prefix (ratio >= t) of the
  full greedy matching, so it does not matter whether one matches once and filters or matches
  once per threshold; :func:`match` does the latter.
* **Categories** of gold: *direct* (``quote_kind`` direct or mixed: the content contains a
  quotation mark), *speech* (``speech_cue``), *all*.
* **Recall** = matched gold in the category / gold in the category. **Precision** = matched
  predictions / (matched + unmatched predictions), where a prediction matched to gold outside the
  category counts neither way, and for *direct* only predictions containing a quotation mark
  (:func:`has_quotation_mark`) can be unmatched ones.
* **Speaker accuracy** over matched pairs (at ``t = 0.5``) whose gold has a source: correct when
  the predicted mention overlaps a gold source span, or the predicted name equals the gold
  ``source_name`` or shares its last token (titles and possessives dropped; pronouns never match
  by name).
* **Cue accuracy** over matched pairs (at ``t = 0.5``) whose gold has a cue: correct when the
  predicted cue overlaps a gold cue span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from quotewire.bench.polnear import GoldArticle, GoldAttribution, Offsets

Category = Literal["direct", "speech", "all"]
CATEGORIES: tuple[Category, ...] = ("direct", "speech", "all")
DEFAULT_THRESHOLDS: tuple[float, ...] = (0.3, 0.5, 0.8)
HEADLINE_THRESHOLD = 0.5

# --------------------------------------------------------------------------- quotation marks

#: Characters that are quotation marks wherever they occur.
DOUBLE_QUOTES = frozenset('"“”„‟«»‹›〝〞＂')
#: Single quotes: ``‘`` is always taken as a quotation mark (it is never an apostrophe in
#: practice); ``'`` and ``’`` only in an *opening* position (see :data:`_OPENING_SINGLE`),
#: because as apostrophes (``don't``, ``Clinton’s``, ``voters’``) they are far more common.
_OPENING_SINGLE = re.compile(r"(?:^|(?<=[\s(\[{—–-]))['’](?=[^\s\d])")


def has_quotation_mark(text: str) -> bool:
    """Whether ``text`` contains a quotation mark.

    Counted: any of ``" “ ” „ ‟ « » ‹ › 〝 〞 ＂``; ``‘``; the doubled ASCII forms ``''`` and ``````
    (the New York Times' typesetting in PolNeAR); and a ``'`` or ``’`` that opens a quotation
    (at the start of the text, or after whitespace, an opening bracket or a dash, and followed by
    something other than a space or a digit, so ``'90s`` does not count). Apostrophes inside or
    at the end of words (``don't``, ``Clinton’s``, ``voters’``) are not quotation marks.

    On the PolNeAR dev and train splits this agrees with the gold ``quote_kind`` (direct/mixed vs
    indirect) for all but a handful of attributions.
    """
    if any(ch in DOUBLE_QUOTES for ch in text):
        return True
    if "‘" in text or "''" in text or "``" in text:
        return True
    return _OPENING_SINGLE.search(text) is not None


def _bordered_by_quotes(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is immediately enclosed in quotation marks (trimmed quote)."""
    if start <= 0 or end >= len(text) or end <= start:
        return False
    before, after = text[start - 1], text[end]
    opening = (
        before in DOUBLE_QUOTES
        or before == "‘"
        or (before in "'’" and (start < 2 or not text[start - 2].isalnum()))
    )
    closing = after in DOUBLE_QUOTES or after in "'’"
    return opening and closing


def content_has_quotation_mark(text: str, spans: Iterable[Offsets]) -> bool:
    """Whether a prediction's content contains a quotation mark.

    True when the spanned text does (:func:`has_quotation_mark`), and also when a span is
    immediately enclosed in quotation marks in ``text``: a system that trims the marks off a
    direct quote must not escape the *direct* precision rule that way.
    """
    spans = list(spans)
    joined = " … ".join(text[s:e] for s, e in spans)
    if has_quotation_mark(joined):
        return True
    return any(_bordered_by_quotes(text, s, e) for s, e in spans)


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class Prediction:
    """One predicted attribution, as offsets into the article text.

    ``has_quote_mark`` says whether the content contains a quotation mark (it decides whether an
    unmatched prediction counts against *direct* precision). Leave it ``None`` to have the scorer
    compute it from the article text with :func:`content_has_quotation_mark`;
    :meth:`Prediction.of` computes it up front.
    """

    content: tuple[Offsets, ...]
    cue: Offsets | None = None
    speaker_mention: Offsets | None = None
    speaker_name: str | None = None
    has_quote_mark: bool | None = None

    @classmethod
    def of(
        cls,
        text: str,
        content: Iterable[Offsets],
        *,
        cue: Offsets | None = None,
        speaker_mention: Offsets | None = None,
        speaker_name: str | None = None,
    ) -> Prediction:
        """A prediction over ``text`` with ``has_quote_mark`` computed from the text."""
        spans = tuple(sorted((int(s), int(e)) for s, e in content))
        return cls(
            content=spans,
            cue=cue,
            speaker_mention=speaker_mention,
            speaker_name=speaker_name,
            has_quote_mark=content_has_quotation_mark(text, spans),
        )

    def quote_mark(self, text: str) -> bool:
        """``has_quote_mark``, computed from ``text`` when it was left ``None``."""
        if self.has_quote_mark is not None:
            return self.has_quote_mark
        return content_has_quotation_mark(text, self.content)


def gold_as_predictions(article: GoldArticle) -> list[Prediction]:
    """The gold attributions of ``article`` as predictions (an oracle system, for checks)."""
    out: list[Prediction] = []
    for g in article.attributions:
        out.append(
            Prediction.of(
                article.text,
                g.content,
                cue=_cover(g.cue),
                speaker_mention=_cover(g.sources),
                speaker_name=g.source_name,
            )
        )
    return out


def _cover(spans: Sequence[Offsets]) -> Offsets | None:
    if not spans:
        return None
    return (min(s for s, _ in spans), max(e for _, e in spans))


# --------------------------------------------------------------------------- overlap


def charset(text: str, spans: Iterable[Offsets]) -> frozenset[int]:
    """Positions covered by ``spans`` whose character is a letter or a digit."""
    out: set[int] = set()
    for start, end in spans:
        lo, hi = max(0, start), min(len(text), end)
        out.update(i for i in range(lo, hi) if text[i].isalnum())
    return frozenset(out)


def overlap_ratio(gold: frozenset[int], pred: frozenset[int]) -> float:
    """``|G ∩ P| / max(|G|, |P|)``; 0.0 when both are empty."""
    denom = max(len(gold), len(pred))
    if denom == 0:
        return 0.0
    return len(gold & pred) / denom


def spans_overlap(a: Offsets, b: Offsets) -> bool:
    """Whether two ``[start, end)`` character ranges share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


# --------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class Pair:
    """A matched gold attribution and prediction (indices into their article's lists)."""

    gold: int
    pred: int
    ratio: float


class OneToOne:
    """What a one-to-one matching of ``n_gold`` gold items and ``n_pred`` predictions left
    unmatched (for matchings whose ``pairs`` have ``gold`` and ``pred`` indices)."""

    n_gold: int
    n_pred: int
    pairs: tuple[Any, ...]

    def unmatched_gold(self) -> list[int]:
        taken = {p.gold for p in self.pairs}
        return [i for i in range(self.n_gold) if i not in taken]

    def unmatched_pred(self) -> list[int]:
        taken = {p.pred for p in self.pairs}
        return [j for j in range(self.n_pred) if j not in taken]


@dataclass(frozen=True)
class Matching(OneToOne):
    """The one-to-one matching of an article's gold attributions and predictions at a threshold."""

    threshold: float
    n_gold: int
    n_pred: int
    pairs: tuple[Pair, ...]  # in the order they were taken (descending ratio)

    def gold_to_pred(self) -> dict[int, Pair]:
        return {p.gold: p for p in self.pairs}

    def pred_to_gold(self) -> dict[int, Pair]:
        return {p.pred: p for p in self.pairs}


def candidate_pairs(
    gold_sets: Sequence[frozenset[int]], pred_sets: Sequence[frozenset[int]]
) -> list[Pair]:
    """Every (gold, prediction) pair with a positive ratio, in greedy order.

    The order is descending ratio, ties broken by gold index then prediction index.
    """
    # index gold positions so that only overlapping pairs are scored
    owner: dict[int, list[int]] = {}
    for gi, gset in enumerate(gold_sets):
        for pos in gset:
            owner.setdefault(pos, []).append(gi)
    pairs: list[Pair] = []
    for pj, pset in enumerate(pred_sets):
        touched: set[int] = set()
        for pos in pset:
            touched.update(owner.get(pos, ()))
        for gi in touched:
            ratio = overlap_ratio(gold_sets[gi], pset)
            if ratio > 0.0:
                pairs.append(Pair(gi, pj, ratio))
    pairs.sort(key=lambda p: (-p.ratio, p.gold, p.pred))
    return pairs


def greedy_match(
    candidates: Sequence[Pair], n_gold: int, n_pred: int, threshold: float
) -> Matching:
    """Greedy one-to-one matching over ``candidates`` (already in greedy order) at ``threshold``."""
    if not threshold > 0.0:
        raise ValueError(f"threshold must be > 0, got {threshold}")
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    taken: list[Pair] = []
    for pair in candidates:
        if pair.ratio < threshold:
            break
        if pair.gold in used_gold or pair.pred in used_pred:
            continue
        used_gold.add(pair.gold)
        used_pred.add(pair.pred)
        taken.append(pair)
    return Matching(threshold=threshold, n_gold=n_gold, n_pred=n_pred, pairs=tuple(taken))


def match(
    gold_sets: Sequence[frozenset[int]], pred_sets: Sequence[frozenset[int]], threshold: float
) -> Matching:
    """The greedy one-to-one matching of gold and predicted character sets at ``threshold``."""
    return greedy_match(
        candidate_pairs(gold_sets, pred_sets), len(gold_sets), len(pred_sets), threshold
    )


def match_article(
    article: GoldArticle, predictions: Sequence[Prediction], threshold: float
) -> Matching:
    """:func:`match` on an article's gold attributions (all of them) and ``predictions``."""
    text = article.text
    return match(
        [charset(text, g.content) for g in article.attributions],
        [charset(text, p.content) for p in predictions],
        threshold,
    )


# --------------------------------------------------------------------------- speakers


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Titles and honorifics dropped from names before comparing last tokens (lower case, no dot).
TITLES = _wordset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend fr father msgr
    president vice vp sen senator gov governor rep representative congressman congresswoman
    sec secretary gen general lt col maj capt cpt sgt adm cmdr adj
    mayor judge justice speaker chairman chairwoman chair chief ambassador amb attorney
    commissioner councilman councilwoman minister premier chancellor prince princess king queen
    pope rabbi imam st hon honorable former candidate nominee the
    """
)
#: Name suffixes dropped from the end of names.
SUFFIXES = _wordset("jr sr ii iii iv esq phd md")

#: Pronouns (and pronoun-like words) that never match by name.
PRONOUNS = _wordset(
    """
    i me my mine myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    one who whom whose this that these those someone somebody everyone everybody
    """
)

_POSSESSIVE = re.compile(r"(?:['’]s|['’])$", re.IGNORECASE)
_EDGE_PUNCT = ".,;:!?\"“”‘’'()[]{}«»—–-"


def name_tokens(name: str) -> list[str]:
    """Lower-cased tokens of a name, with edge punctuation, possessives and titles dropped.

    Titles are dropped from the front (``Sen. Elizabeth Warren``) and suffixes from the end
    (``Donald Trump Jr.``), but the last word always stays: a title-like word after the first
    plain word, or alone, is taken as a name (``Steve King``, ``King``). So ``President`` alone
    is compared as ``president`` and does not match ``President Obama``.
    """
    out: list[str] = []
    for raw in name.split():
        tok = _POSSESSIVE.sub("", raw.strip(_EDGE_PUNCT)).strip(_EDGE_PUNCT).casefold()
        tok = tok.replace("’", "'")  # one apostrophe: "O’Neill" is "O'Neill"
        if tok:
            out.append(tok)
    while len(out) > 1 and out[0] in TITLES:
        out.pop(0)
    while len(out) > 1 and out[-1] in SUFFIXES:
        out.pop()
    return out


def is_pronoun(name: str) -> bool:
    """Whether ``name`` is a pronoun (``he``, ``She``, ``they``, ``his``...)."""
    tokens = [_POSSESSIVE.sub("", t.strip(_EDGE_PUNCT)).casefold() for t in name.split()]
    tokens = [t for t in tokens if t]
    return len(tokens) == 1 and tokens[0] in PRONOUNS


def _normal(name: str) -> str:
    return " ".join(name.split()).casefold().replace("’", "'")


def name_matches(predicted: str | None, gold: str | None) -> bool:
    """The README's name rule: equal, or the same last token once titles and possessives go.

    A pronoun never matches (on either side), and nothing matches a missing name.
    """
    if not predicted or not gold:
        return False
    if is_pronoun(predicted) or is_pronoun(gold):
        return False
    if _normal(predicted) == _normal(gold):
        return True
    pred_tokens, gold_tokens = name_tokens(predicted), name_tokens(gold)
    if not pred_tokens or not gold_tokens:
        return False
    if pred_tokens[-1] in PRONOUNS:
        return False
    return pred_tokens[-1] == gold_tokens[-1]


def speaker_correct(gold: GoldAttribution, pred: Prediction) -> bool:
    """Whether ``pred`` names the speaker of ``gold`` (mention overlap or name rule)."""
    if pred.speaker_mention is not None and any(
        spans_overlap(pred.speaker_mention, src) for src in gold.sources
    ):
        return True
    return name_matches(pred.speaker_name, gold.source_name)


def same_person(predicted: str | None, gold: str | None) -> bool:
    """The README's strict name rule (canonical speaker accuracy, claimants, linking): the same
    last token once titles and possessives go, and, when both names have two or more tokens,
    the first token of one among the tokens of the other. "Heidi Cruz" is not "Ted Cruz",
    "Hillary Clinton Drops" is not "Hillary Clinton", "Secretary Hillary Clinton" is; a
    pronoun is never a name, nor is a missing one."""
    if not predicted or not gold or is_pronoun(predicted) or is_pronoun(gold):
        return False
    pred_tokens, gold_tokens = name_tokens(predicted), name_tokens(gold)
    if not pred_tokens or not gold_tokens or pred_tokens[-1] in PRONOUNS:
        return False
    if pred_tokens[-1] != gold_tokens[-1]:
        return False
    if len(pred_tokens) >= 2 and len(gold_tokens) >= 2:
        return pred_tokens[0] in gold_tokens or gold_tokens[0] in pred_tokens
    return True


def canonical_speaker_correct(gold: GoldAttribution, pred: Prediction) -> bool:
    """Whether ``pred`` names the person of ``gold`` by name (:func:`same_person` with the
    gold ``source_name``); where gold has no name, whether the mentions overlap."""
    if gold.source_name:
        return same_person(pred.speaker_name, gold.source_name)
    return pred.speaker_mention is not None and any(
        spans_overlap(pred.speaker_mention, src) for src in gold.sources
    )


def cue_correct(gold: GoldAttribution, pred: Prediction) -> bool:
    """Whether the predicted cue overlaps a gold cue span."""
    return pred.cue is not None and any(spans_overlap(pred.cue, c) for c in gold.cue)


# --------------------------------------------------------------------------- counting


def gold_categories(gold: GoldAttribution) -> tuple[Category, ...]:
    """The categories a gold attribution belongs to."""
    cats: list[Category] = []
    if gold.is_direct:
        cats.append("direct")
    if gold.speech_cue:
        cats.append("speech")
    cats.append("all")
    return tuple(cats)


@dataclass
class PRF:
    """Counts behind precision, recall and F1 of one category at one threshold."""

    gold: int = 0  # gold attributions in the category
    matched: int = 0  # of them matched (= predictions matched to gold in the category)
    unmatched_pred: int = 0  # predictions matched to nothing that count against the category

    @property
    def precision(self) -> float:
        denom = self.matched + self.unmatched_pred
        return self.matched / denom if denom else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.gold += other.gold
        self.matched += other.matched
        self.unmatched_pred += other.unmatched_pred

    def to_dict(self) -> dict[str, float | int]:
        return {
            "gold": self.gold,
            "matched": self.matched,
            "unmatched_pred": self.unmatched_pred,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass
class Ratio:
    """``correct`` out of ``total``; ``value`` is ``None`` when there is nothing to count."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, float | int | None]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


def count_prf(
    article: GoldArticle,
    predictions: Sequence[Prediction],
    matching: Matching,
) -> dict[Category, PRF]:
    """Per-category P/R/F1 counts of one article for one matching."""
    counts: dict[Category, PRF] = {c: PRF() for c in CATEGORIES}
    cats = [gold_categories(g) for g in article.attributions]
    for gcats in cats:
        for c in gcats:
            counts[c].gold += 1
    for pair in matching.pairs:
        for c in cats[pair.gold]:
            counts[c].matched += 1
    for pj in matching.unmatched_pred():
        counts["all"].unmatched_pred += 1
        counts["speech"].unmatched_pred += 1
        if predictions[pj].quote_mark(article.text):
            counts["direct"].unmatched_pred += 1
    return counts


#: The kinds of gold source a speaker accuracy is broken down by (PolNeAR's ``source_kind``;
#: ``other`` where it has none).
SOURCE_KINDS = ("name", "nominal", "pronoun", "other")


def _ratios() -> dict[Category, Ratio]:
    return {c: Ratio() for c in CATEGORIES}


@dataclass
class AttributionCounts:
    """Speaker and cue accuracy counts over matched pairs: the lenient speaker measure, the
    canonical one (:func:`canonical_speaker_correct`), both per gold source kind, and cues."""

    speaker: dict[Category, Ratio] = field(default_factory=_ratios)
    canonical: dict[Category, Ratio] = field(default_factory=_ratios)
    speaker_by_kind: dict[str, dict[Category, Ratio]] = field(
        default_factory=lambda: {k: _ratios() for k in SOURCE_KINDS}
    )
    canonical_by_kind: dict[str, dict[Category, Ratio]] = field(
        default_factory=lambda: {k: _ratios() for k in SOURCE_KINDS}
    )
    cue: dict[Category, Ratio] = field(default_factory=_ratios)

    def add(self, other: AttributionCounts) -> None:
        for mine, theirs in (
            (self.speaker, other.speaker),
            (self.canonical, other.canonical),
            (self.cue, other.cue),
            *((self.speaker_by_kind[k], other.speaker_by_kind[k]) for k in SOURCE_KINDS),
            *((self.canonical_by_kind[k], other.canonical_by_kind[k]) for k in SOURCE_KINDS),
        ):
            for c in CATEGORIES:
                mine[c].add(theirs[c])


def _count(ratios: dict[Category, Ratio], cats: Sequence[Category], ok: bool) -> None:
    for c in cats:
        ratios[c].total += 1
        ratios[c].correct += ok


def count_attribution(
    article: GoldArticle,
    predictions: Sequence[Prediction],
    matching: Matching,
) -> AttributionCounts:
    """Per-category speaker and cue accuracy counts of one article over ``matching``'s pairs."""
    counts = AttributionCounts()
    for pair in matching.pairs:
        gold, pred = article.attributions[pair.gold], predictions[pair.pred]
        cats = gold_categories(gold)
        if gold.sources:
            kind = gold.source_kind or "other"
            lenient = speaker_correct(gold, pred)
            strict = canonical_speaker_correct(gold, pred)
            _count(counts.speaker, cats, lenient)
            _count(counts.speaker_by_kind[kind], cats, lenient)
            _count(counts.canonical, cats, strict)
            _count(counts.canonical_by_kind[kind], cats, strict)
        if gold.cue:
            _count(counts.cue, cats, cue_correct(gold, pred))
    return counts


@dataclass
class ArticleScore:
    """Everything counted on one article."""

    article_id: str
    publisher: str
    n_gold: int
    n_pred: int
    prf: dict[float, dict[Category, PRF]]
    attribution: AttributionCounts
    matchings: dict[float, Matching] = field(repr=False)
    predictions: tuple[Prediction, ...] = field(default=(), repr=False)

    @property
    def speaker(self) -> dict[Category, Ratio]:
        return self.attribution.speaker

    @property
    def cue(self) -> dict[Category, Ratio]:
        return self.attribution.cue


def score_article(
    article: GoldArticle,
    predictions: Sequence[Prediction],
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS,
    *,
    attribution_threshold: float = HEADLINE_THRESHOLD,
) -> ArticleScore:
    """Score one article's predictions: one matching per threshold, then the counts.

    Speaker and cue accuracy are counted over the matching at ``attribution_threshold``.
    """
    text = article.text
    gold_sets = [charset(text, g.content) for g in article.attributions]
    pred_sets = [charset(text, p.content) for p in predictions]
    candidates = candidate_pairs(gold_sets, pred_sets)
    wanted = sorted(set(thresholds) | {attribution_threshold})
    matchings = {t: greedy_match(candidates, len(gold_sets), len(pred_sets), t) for t in wanted}
    prf = {t: count_prf(article, predictions, matchings[t]) for t in thresholds}
    attribution = count_attribution(article, predictions, matchings[attribution_threshold])
    return ArticleScore(
        article_id=article.id,
        publisher=article.publisher,
        n_gold=len(gold_sets),
        n_pred=len(pred_sets),
        prf=prf,
        attribution=attribution,
        matchings=matchings,
        predictions=tuple(predictions),
    )


def sum_prf(parts: Iterable[Mapping[Category, PRF]]) -> dict[Category, PRF]:
    """Micro-average: the summed counts of several articles."""
    total: dict[Category, PRF] = {c: PRF() for c in CATEGORIES}
    for part in parts:
        for c in CATEGORIES:
            total[c].add(part[c])
    return total


def sum_ratio(parts: Iterable[Mapping[Category, Ratio]]) -> dict[Category, Ratio]:
    """The summed accuracy counts of several articles."""
    total: dict[Category, Ratio] = {c: Ratio() for c in CATEGORIES}
    for part in parts:
        for c in CATEGORIES:
            total[c].add(part[c])
    return total


__all__ = [
    "CATEGORIES",
    "DEFAULT_THRESHOLDS",
    "DOUBLE_QUOTES",
    "HEADLINE_THRESHOLD",
    "PRF",
    "PRONOUNS",
    "SOURCE_KINDS",
    "SUFFIXES",
    "TITLES",
    "ArticleScore",
    "AttributionCounts",
    "Category",
    "Matching",
    "OneToOne",
    "Pair",
    "Prediction",
    "Ratio",
    "candidate_pairs",
    "canonical_speaker_correct",
    "charset",
    "content_has_quotation_mark",
    "count_attribution",
    "count_prf",
    "cue_correct",
    "gold_as_predictions",
    "gold_categories",
    "greedy_match",
    "has_quotation_mark",
    "is_pronoun",
    "match",
    "match_article",
    "name_matches",
    "name_tokens",
    "overlap_ratio",
    "same_person",
    "score_article",
    "spans_overlap",
    "speaker_correct",
    "sum_prf",
    "sum_ratio",
]
