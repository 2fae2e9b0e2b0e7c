"""Transcripts and question-and-answer interviews: turns credited to their labelled speaker.

A transcript gives each turn its speaker's label before a colon at the start of a paragraph
(``WALLACE: If I may, sir, ...`` / ``PENCE: Gennifer Flowers will not ...``; ``Chris Matthews:
...``; ``Q: ...`` / ``A: ...``), with stage directions between turns (``(CROSSTALK)``, ``VIDEO:
...``) and paragraphs that go on with the turn before them. Some publishers open every
paragraph of a transcript with a quotation mark that is never closed; that mark belongs to the
layout, not to a quotation.

A labelled paragraph is a turn only inside a transcript: a run of labelled paragraphs in which
a speaker takes the floor more than once (a dialogue, not a list of "Candidate: goal" lines), or
one announced by the paragraph before it ("Partial transcript as follows:", "Here is the edited
transcript of the interview."). The title, datelines and "Photo: ..." lines are never turns.

Each turn of a named speaker and each answer is a statement: its content is the turn's words
and the paragraphs that go on with it, its cue the colon, its speaker the label (resolved to
the person the article names: "PENCE" is Gov. Mike Pence; an answer goes to the interviewee).
Questions labelled only "Q" are no one's statement. The words this reads (labels, stage
directions, announcing words) are data: ``quotewire/data/transcripts.toml``.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from quotewire.lang import profile
from quotewire.quotes.frame import Found, MentionRef
from quotewire.speakers.given_names import gender_of
from quotewire.speakers.names import fold
from quotewire.speakers.titles import PERSON_TITLES
from quotewire.text.paragraphs import Paragraph

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

TRANSCRIPTS_FILE = _EN.file("transcripts")
#: Paragraphs (not labelled, not stage directions) that may stand between two turns of one
#: transcript: an answer goes on over a few paragraphs.
MAX_GAP = 5
#: How many paragraphs before a transcript's first turn may announce it.
INTRO_REACH = 2

Role = Literal["named", "question", "answer", "stage", "letter"]


@dataclass(frozen=True, slots=True)
class TranscriptWords:
    """The words the finder reads (see ``transcripts.toml``)."""

    questions: frozenset[str]
    answers: frozenset[str]
    not_speakers: frozenset[str]
    role_words: frozenset[str]
    name_titles: frozenset[str]
    stage: frozenset[str]
    intro: frozenset[str]
    trailers: frozenset[str]
    trailer_words: int
    evidence: frozenset[str]
    letter_page: tuple[str, ...]
    letter_paragraphs: int


@cache
def transcript_words() -> TranscriptWords:
    """The shipped tables (read once per process)."""
    path = resources.files("quotewire.data").joinpath(TRANSCRIPTS_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return TranscriptWords(
        questions=frozenset(data["labels"]["questions"].split()),
        answers=frozenset(data["labels"]["answers"].split()),
        not_speakers=frozenset(data["labels"]["not_speakers"].split()),
        role_words=frozenset(data["labels"]["role_words"].split()),
        name_titles=frozenset(data["labels"]["name_titles"].split()),
        stage=frozenset(data["stage"]["words"].split()),
        intro=frozenset(data["intro"]["words"].split()),
        trailers=frozenset(data["trailers"]["words"].split()),
        trailer_words=int(data["trailers"]["max_words"]),
        evidence=frozenset(data["documents"]["evidence"].split()),
        letter_page=tuple(p.strip() for p in data["letters"]["page"].split("|") if p.strip()),
        letter_paragraphs=int(data["letters"]["max_paragraphs"]),
    )


@dataclass(frozen=True, slots=True)
class Label:
    """A labelled paragraph: where the label and its cue are (the colon after the label; the
    label itself where the colon was lost), what kind of label it is, where the words after it
    start, and whether the paragraph opened with a quotation mark."""

    paragraph: Paragraph
    label: tuple[int, int]
    cue: tuple[int, int]
    rest: int
    role: Role
    key: str  # who takes the floor: the label's last word, folded ("matthews"), or the role
    quoted: bool
    explicit: bool = False  # a quotation after a name and a colon: a turn even on its own


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: the label, its cue, and the content (the words after the label and
    the paragraphs that go on with them, one span each)."""

    label: tuple[int, int]
    cue: tuple[int, int]
    role: Role
    key: str
    content: tuple[tuple[int, int], ...]
    paragraph: int

    @property
    def statement(self) -> bool:
        """Whether the turn is someone's statement: a named speaker's turn, an answer, a
        letter."""
        return self.role in ("named", "answer", "letter") and bool(self.content)


@dataclass(frozen=True, slots=True)
class Transcript:
    """The turns of one transcript, in order, and the stretch of text they cover (from the
    first label to the end of the last turn)."""

    turns: tuple[Turn, ...]
    start: int
    end: int
    paragraphs: frozenset[int]  # the indices of the paragraphs it holds


_WORD = r"[A-Z][\w.'’-]*"
#: The lower-case words inside a name ("von der Leyen", "St. John").
_PARTICLE = "(?:" + "|".join(map(re.escape, _EN.word_list("transcript_name_particles"))) + ")"
_SPACE = r"[^\S\n]"  # any space but a line break (a no-break space too)
_BOLD = r"(?:\*{1,2}|__?)?"
_LABEL = re.compile(
    rf"(?P<lead>[\"“”]?{_SPACE}*{_BOLD}{_SPACE}*)"
    rf"(?P<label>{_WORD}(?:{_SPACE}+(?:{_WORD}|{_PARTICLE})){{0,3}})"
    # a role after the name: "TOM BRANDT (HOST):"
    rf"(?:{_SPACE}*\([^()\n]{{1,40}}\))?"
    rf"{_SPACE}*{_BOLD}{_SPACE}*(?P<colon>:){_SPACE}*{_BOLD}(?:{_SPACE}+|(?=[\"“]))(?P<rest>\S)"
)
#: A person's words quoted after their description and a colon: 'Former secretary of state
#: Hillary Rodham Clinton: "We learned that from the State Department ..."'. The label ends
#: with the name (capitalised words); what stands before it is a role.
_QUOTED_TURN = re.compile(
    rf"(?P<lead>{_BOLD}{_SPACE}*)(?P<role>[A-Z][\w'’-]*(?:{_SPACE}+[\w.'’-]+){{0,6}}?{_SPACE}+)?"
    rf"(?P<label>{_WORD}(?:{_SPACE}+(?:{_WORD}|{_PARTICLE})){{1,3}})"
    rf"(?:{_SPACE}*\([^()\n]{{1,40}}\))?{_SPACE}*{_BOLD}(?P<colon>:){_BOLD}{_SPACE}*"
    rf"(?P<rest>[\"“].*[\"”])\W*"
)
#: A one-letter label (only the question and answer labels count) with a full stop instead of
#: the colon ("Q. And the budget?"), or run into the capitalised word after it where its bold
#: type and colon were lost in the copy ("QWhat would have happened?").
_LETTER = re.compile(
    rf"(?P<lead>[\"“”]?{_SPACE}*{_BOLD})(?P<label>[A-Z])"
    rf"(?:{_BOLD}\.{_BOLD}{_SPACE}+|(?=[A-Z][a-z'’]))(?P<rest>\S)"
)
_BRACKETED = re.compile(r"^[\"“”]?\s*[(\[](?P<inside>[^)\]]*)[)\]]\W*$")
_DOTS = re.compile(r"^[\"“”]?[\s.…·*_-]*$")
_QUOTE_MARKS = '"“”'


def find_transcripts(
    text: str, paragraphs: Sequence[Paragraph], *, skip: Iterable[tuple[int, int]] = ()
) -> list[Transcript]:
    """The transcripts among ``paragraphs`` (the article's body, in order), and the letters
    to the editor among the others (each a transcript of one turn, see :func:`find_letters`),
    leaving out the paragraphs that start in a ``skip`` range (the title, a dateline)."""
    skipped = list(skip)
    labels: list[Label | None] = []
    stages: list[bool] = []
    for paragraph in paragraphs:
        if any(s <= paragraph.start < e for s, e in skipped):
            labels.append(None)
            stages.append(False)
            continue
        label = read_label(text, paragraph)
        labels.append(label)
        stages.append((label is not None and label.role == "stage") or _stage_line(text, paragraph))
    labels = _named_labels(text, labels)
    out = []
    for first, last in _runs(labels, stages):
        out += _transcript(text, paragraphs, labels, stages, first, last)
    held = {n for t in out for n in t.paragraphs}
    kept = [p for p in paragraphs if p.index not in held]
    letters = find_letters(text, kept, skip=skipped)
    return sorted([*out, *letters], key=lambda t: t.start)


def named_elsewhere(text: str, word: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Whether ``word`` (a label's last word: "Putin", "Matthews") names someone the article
    mentions outside the ``lines`` that hold it as a label, and not as another label (before
    a colon): "Wow:", "Revealed:" or "Occupation:" name no one."""
    word = re.sub(r"['’]s$", "", word).rstrip(".")
    pattern = re.compile(
        rf"(?<![\w-]){re.escape(word)}(?![\w-])(?!{_SPACE}*(?:\([^()\n]*\))?{_SPACE}*:)"
    )
    starts = sorted(s for s, _ in lines)
    ends = sorted(e for _, e in lines)
    # a match lies in a line when more lines start at or before it than end at or before it
    return any(
        bisect_right(starts, m.start()) <= bisect_right(ends, m.start())
        for m in pattern.finditer(text)
    )


def _named_labels(text: str, labels: Sequence[Label | None]) -> list[Label | None]:
    """``labels`` without the names in title case that the article uses nowhere else (a
    field of a list, "Occupation: ..."); labels in capitals (a transcript's "PENCE:"), the
    question and answer labels and a name before a quotation stay."""
    lines: dict[str, list[tuple[int, int]]] = {}
    for label in labels:
        if label is not None and label.role == "named" and not label.explicit:
            word = text[label.label[0] : label.label[1]].split()[-1]
            if not word.isupper():
                lines.setdefault(word, []).append(label.label)
    unnamed = {
        span
        for word, spans in lines.items()
        if not named_elsewhere(text, word, spans)
        for span in spans
    }
    return [None if label is not None and label.label in unnamed else label for label in labels]


def read_label(text: str, paragraph: Paragraph) -> Label | None:
    """The speaker's label that opens ``paragraph`` ("WALLACE:", "Chris Matthews:", "Q:",
    "VIDEO:"), or None when it opens with none or with a word that labels no one ("Photo:",
    "UPDATE:", "The Latest:")."""
    line = text[paragraph.start : paragraph.end]
    vocabulary = transcript_words()
    explicit = _QUOTED_TURN.fullmatch(line)
    match = explicit or _LABEL.match(line)
    if explicit and not _names_a_person(explicit.group("role"), explicit.group("label")):
        explicit = None
        match = _LABEL.match(line)
    if match is None:
        lettered = _LETTER.match(line)
        letter = lettered.group("label").lower() if lettered else ""
        if lettered is None or letter not in vocabulary.questions | vocabulary.answers:
            return None
        match = lettered
    label = match.group("label")
    words = [w.lower().rstrip(".") for w in label.split()]
    if not re.search(r"[^\W\d_]{2}", line[match.start("rest") :]):
        return None  # "Clinton: 1,769.": a count, not words
    role: Role
    if len(words) == 1 and words[0] in vocabulary.questions:
        role = "question"
    elif len(words) == 1 and words[0] in vocabulary.answers:
        role = "answer"
    elif all(w in vocabulary.stage for w in words):
        role = "stage"
    elif len(label.replace(".", "")) < 2 or any(
        w in vocabulary.not_speakers or w in vocabulary.stage for w in words
    ):
        return None
    else:
        role = "named"
    start = paragraph.start + match.start("label")
    key = role if role in ("question", "answer") else _surname(label)
    end = start + len(label)
    if "colon" in match.groupdict():
        colon = paragraph.start + match.start("colon")
        cue = (colon, colon + 1)
    else:
        cue = (start, end)
    return Label(
        paragraph=paragraph,
        label=(start, end),
        cue=cue,
        rest=paragraph.start + match.start("rest"),
        role=role,
        key=key,
        quoted=line[:1] in _QUOTE_MARKS,
        explicit=explicit is not None,
    )


def _names_a_person(role: str | None, name: str) -> bool:
    """Whether ``role`` (or nothing) and ``name`` before a quotation describe a person: a role
    of title words ("Former secretary of state"), and a name that opens with a title or a given
    name ("Rep. Trey Gowdy", "Hillary Rodham Clinton"; not "Fox News" in "Priebus told Fox
    News:", nor "Continued Stone")."""
    vocabulary = transcript_words()
    if role is not None:
        words = role.split()
        if words[0].lower() in vocabulary.not_speakers or not all(
            w[:1].isupper() or w in vocabulary.role_words or w in PERSON_TITLES for w in words
        ):
            return False
    first = name.split()[0].lower().rstrip(".")
    return first in vocabulary.name_titles or first in PERSON_TITLES or gender_of(name) != ""


def _surname(label: str) -> str:
    """Who a label names, for telling whether a speaker takes the floor again: its last word
    ("JAKE TAPPER" and "TAPPER" are one speaker)."""
    return fold(re.sub(r"['’]s$", "", label.split()[-1]).rstrip("."))


def _stage_line(text: str, paragraph: Paragraph) -> bool:
    """A paragraph that is a stage direction or a break: "(CROSSTALK.)", "[BEGIN VIDEO
    CLIP]", "…."."""
    line = text[paragraph.start : paragraph.end]
    if _DOTS.match(line):
        return True
    match = _BRACKETED.match(line)
    if match is None:
        return False
    words = re.findall(r"[\w'’-]+", match.group("inside").lower())
    return bool(words) and any(w in transcript_words().stage for w in words)


def _trailer(text: str, paragraph: Paragraph) -> bool:
    """A short closing line of the article: "Follow Pam Key on Twitter @handle."."""
    words = text[paragraph.start : paragraph.end].lstrip(_QUOTE_MARKS).split()
    vocabulary = transcript_words()
    return (
        bool(words)
        and len(words) <= vocabulary.trailer_words
        and words[0].lower() in vocabulary.trailers
    )


def _runs(labels: Sequence[Label | None], stages: Sequence[bool]) -> list[tuple[int, int]]:
    """Stretches ``[first, last]`` of paragraph numbers from one labelled paragraph to the last
    labelled one that follows it with at most :data:`MAX_GAP` other paragraphs (stage
    directions not counted) between each two."""
    runs = []
    first = last = -1
    gap = 0
    for n, label in enumerate(labels):
        if label is not None:
            if first < 0:
                first = n
            last, gap = n, 0
        elif first >= 0 and not stages[n]:
            gap += 1
            if gap > MAX_GAP:
                runs.append((first, last))
                first = last = -1
                gap = 0
    if first >= 0:
        runs.append((first, last))
    return runs


def _transcript(
    text: str,
    paragraphs: Sequence[Paragraph],
    labels: Sequence[Label | None],
    stages: Sequence[bool],
    first: int,
    last: int,
) -> list[Transcript]:
    """The transcript over paragraphs ``first`` to ``last`` when it is one: a dialogue, or
    turns a paragraph before them announces (else only its quotations after a name)."""
    run = [label for label in labels[first : last + 1] if label is not None]
    speaking = [label for label in run if label.role != "stage"]
    if not speaking:
        return []
    floors = Counter(label.key for label in speaking)
    # a dialogue: someone takes the floor again, and more than one speaker has it (a label
    # that only repeats itself, "MOSCOW: ... MOSCOW: ...", is a dateline), unless the repeated
    # label is the answers' (an interview whose questions lost their labels)
    again = [key for key, count in floors.items() if count > 1]
    dialogue = bool(again) and (len(floors) > 1 or again == ["answer"])
    announced = _announced(text, paragraphs, first) and _labels_someone(text, run)
    if not (dialogue or announced):
        return _quoted_turns(text, labels[first : last + 1])
    quoted = sum(label.quoted for label in run) * 2 > len(run)
    turns = []
    n = first
    while n <= last:
        label = labels[n]
        n += 1
        if label is None:
            continue
        content = [_rest(text, label.rest, label.paragraph.end)]
        while n < len(paragraphs) and labels[n] is None and not stages[n]:
            paragraph = paragraphs[n]
            opens = text[paragraph.start : paragraph.start + 1] in _QUOTE_MARKS
            # a paragraph after the last turn goes on with it only where every paragraph of
            # the transcript opens with a quotation mark, as this one does
            if (quoted and not opens) or (n > last and not quoted):
                break
            if paragraph.index != paragraphs[n - 1].index + 1 or _trailer(text, paragraph):
                break  # debris or a dateline stood between, or the article's closing line
            content.append(_rest(text, paragraph.start, paragraph.end))
            n += 1
        turns.append(
            Turn(
                label=label.label,
                cue=label.cue,
                role=label.role,
                key=label.key,
                content=tuple(c for c in content if c[1] > c[0]),
                paragraph=label.paragraph.index,
            )
        )
    end = max(t.content[-1][1] if t.content else t.cue[1] for t in turns)
    held = frozenset(p.index for p in paragraphs[first:n])
    return [Transcript(tuple(turns), turns[0].label[0], end, held)]


def _labels_someone(text: str, run: Sequence[Label]) -> bool:
    """Whether the labels of a transcript without a dialogue look like a transcript's: written
    in capitals ("PENCE"), or of two words or more ("Chris Matthews"); "So:" is no one."""
    return all(
        label.role != "named"
        or text[label.label[0] : label.label[1]].isupper()
        or len(text[label.label[0] : label.label[1]].split()) > 1
        for label in run
    )


def _quoted_turns(text: str, labels: Sequence[Label | None]) -> list[Transcript]:
    """Outside a transcript, the quotations after a person's name and a colon (see
    :data:`_QUOTED_TURN`): each a transcript of one turn, its own paragraph."""
    out = []
    for label in labels:
        if label is None or not label.explicit:
            continue
        content = _rest(text, label.rest, label.paragraph.end)
        turn = Turn(
            label=label.label,
            cue=label.cue,
            role=label.role,
            key=label.key,
            content=(content,),
            paragraph=label.paragraph.index,
        )
        out.append(
            Transcript((turn,), label.label[0], content[1], frozenset({label.paragraph.index}))
        )
    return out


def _announced(text: str, paragraphs: Sequence[Paragraph], first: int) -> bool:
    """Whether one of the paragraphs just before paragraph ``first`` announces a transcript:
    it ends with a colon, or speaks of a transcript or an interview."""
    words = transcript_words().intro
    for paragraph in paragraphs[max(0, first - INTRO_REACH) : first]:
        line = text[paragraph.start : paragraph.end].rstrip()
        if line.endswith(":") and len(line.split()) <= 12:
            return True
        if any(w.strip(".,:;") in words for w in line.lower().split()):
            return True
    return False


def _rest(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and the quotation marks of the layout (a
    mark opening the paragraph, and one closing the transcript's last paragraph)."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in _QUOTE_MARKS and _marks(text, start, end) % 2:
        end -= 1
    return start, end


def _marks(text: str, start: int, end: int) -> int:
    """How many double quotation marks ``text[start:end]`` holds (an odd count: the last one
    closes the quotation the layout opened, not one of the speaker's)."""
    return sum(text.count(mark, start, end) for mark in _QUOTE_MARKS)


def turn_statements(transcripts: Sequence[Transcript]) -> list[Found]:
    """The statements of the transcripts' turns: a named speaker's turn and an answer."""
    out = []
    for transcript in transcripts:
        for turn in transcript.turns:
            if not turn.statement:
                continue
            s, e = turn.label
            answer = turn.role == "answer"
            out.append(
                Found(
                    type="direct",
                    content=list(turn.content),
                    cue=turn.cue,
                    speaker=MentionRef(s, e, "interviewee" if answer else "label", turn.key),
                    confidence=0.8,
                    paragraph=turn.paragraph,
                )
            )
    return out


def outside_turns(found: Sequence[Found], transcripts: Sequence[Transcript]) -> list[Found]:
    """``found`` without the statements that misread a transcript's layout: a content that
    takes in a label, or runs from one turn into another (a quotation opened by the layout's
    quotation marks), and a reading of a turn's own words without their label (a quotation no
    one said, or most of the turn). A statement of someone within a turn's words stays for
    assembly to weigh. Transcripts and their turns' spans come in text order and do not
    overlap: each lookup is a bisection."""
    if not transcripts:
        return list(found)
    areas = sorted((t.start, t.end) for t in transcripts)
    area_starts = [s for s, _ in areas]
    area_ends = [e for _, e in areas]
    turns = [turn for t in transcripts for turn in t.turns]
    spans = sorted((s, e, k) for k, turn in enumerate(turns) for s, e in turn.content)
    span_starts = [s for s, _, _ in spans]
    kept = []
    for item in found:
        touching = any(
            bisect_right(area_ends, cs) < bisect_left(area_starts, ce) for cs, ce in item.content
        )
        if not touching:
            kept.append(item)
            continue
        holders = set()
        for cs, ce in item.content:
            k = bisect_right(span_starts, cs) - 1
            inside = k >= 0 and spans[k][0] <= cs and ce <= spans[k][1]
            holders.add(spans[k][2] if inside else -1)
        if len(holders) == 1 and -1 not in holders and not _rereads(item, turns[holders.pop()]):
            kept.append(item)
    return kept


def _rereads(item: Found, turn: Turn) -> bool:
    """Whether ``item`` reads a turn's words again: with no speaker, or as most of them."""
    size = sum(e - s for s, e in turn.content)
    return item.speaker is None or sum(e - s for s, e in item.content) >= 0.8 * size


# --------------------------------------------------------------------------- letters

_NAME = rf"{_WORD}(?:{_SPACE}+(?:{_WORD}|{_PARTICLE})){{1,3}}"
_PLACE = rf"[A-Z][\w.'’-]*(?:,?{_SPACE}+[A-Z][\w.'’-]*){{0,4}}"
_DASH = r"(?:[—–―]|--?)"
#: A signature on a line of its own: "Jane Doe", "— Jane Doe, Springfield, Ill."
_SIGNATURE_LINE = re.compile(
    rf"(?P<dash>{_DASH})?{_SPACE}*(?P<name>{_NAME})(?:{_SPACE}*,{_SPACE}*{_PLACE})?\.?{_SPACE}*"
)
#: A signature closing the letter's last paragraph: "... better roads. — Jane Doe, Springfield"
_SIGNED_END = re.compile(
    rf"(?<=[.!?\"”'’]){_SPACE}*(?P<dash>[—–―]|--){_SPACE}*(?P<name>{_NAME})"
    rf"(?:{_SPACE}*,{_SPACE}*{_PLACE})?\.?{_SPACE}*$"
)
_PLACE_LINE = re.compile(rf"{_PLACE}\.?{_SPACE}*")
_SENTENCE_END = tuple(".!?\"”'’")


def find_letters(
    text: str, paragraphs: Sequence[Paragraph], *, skip: Iterable[tuple[int, int]] = ()
) -> list[Transcript]:
    """Letters to the editor: on a page of letters (its title, a heading or a salutation says
    so), the paragraphs of a letter are its writer's statement, credited to the signature that
    follows them ("Jane Doe, Springfield" on a line of its own, or "— Jane Doe" closing the
    last paragraph). A letter runs back from its signature to the salutation, a heading (a
    short line that ends no sentence) or the signature before it."""
    skipped = list(skip)
    if not _letters_page(text, paragraphs):
        return []
    out = []
    boundary = -1  # the number of the last paragraph that ends a letter or opens one
    n = 0
    while n < len(paragraphs):
        paragraph = paragraphs[n]
        line = text[paragraph.start : paragraph.end]
        if any(s <= paragraph.start < e for s, e in skipped) or _salutation(line):
            boundary = n
            n += 1
            continue
        signed = _SIGNATURE_LINE.fullmatch(line)
        inline = None if signed else _SIGNED_END.search(line)
        match = signed or inline
        if match is None or not _signs(match.group("name")):
            n += 1
            continue
        last = n if inline else n - 1
        body = _letter_body(text, paragraphs, boundary, last)
        end_of_letter = paragraph.start + match.start() if inline else None
        if body:
            spans = [_rest(text, p.start, p.end) for p in body]
            if end_of_letter is not None:
                spans[-1] = _rest(text, spans[-1][0], end_of_letter)
            if text[spans[-1][0] : spans[-1][1]].rstrip().endswith(_SENTENCE_END):
                out.append(_letter(text, paragraph, match, spans, body))
        # a place on the line after the signature ("Springfield, Ill.") is the signature's
        if (
            signed
            and n + 1 < len(paragraphs)
            and _PLACE_LINE.fullmatch(_line(text, paragraphs[n + 1]))
        ):
            n += 1
        boundary = n
        n += 1
    return out


def _line(text: str, paragraph: Paragraph) -> str:
    return text[paragraph.start : paragraph.end]


def _letters_page(text: str, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the title, a heading or a salutation says the page holds letters."""
    return any(_salutation(_line(text, p)) for p in paragraphs)


def _salutation(line: str) -> bool:
    """A short line that names letters or greets the editor ("To the Editor:", "Letters to
    the editor", "Dear editor,")."""
    if len(line.split()) > 12:
        return False
    lowered = line.lower()
    return any(phrase in lowered for phrase in transcript_words().letter_page)


def _signs(name: str) -> bool:
    """Whether ``name`` may sign a letter: a person's name, not a heading word ("By Jane Doe",
    "Related Stories")."""
    words = [w.lower().rstrip(".") for w in name.split()]
    vocabulary = transcript_words()
    return not any(w in vocabulary.not_speakers or w in vocabulary.stage for w in words)


def _letter_body(
    text: str, paragraphs: Sequence[Paragraph], boundary: int, last: int
) -> list[Paragraph]:
    """The paragraphs of the letter that ends with paragraph ``last``: back to the paragraph
    after ``boundary`` or after a heading, at most as many as a letter has."""
    body: list[Paragraph] = []
    n = last
    while n > boundary and len(body) < transcript_words().letter_paragraphs:
        line = _line(text, paragraphs[n])
        heading = len(line.split()) <= 12 and not line.rstrip().endswith(_SENTENCE_END)
        if heading and body:
            break
        body.append(paragraphs[n])
        n -= 1
    return body[::-1]


def _letter(
    text: str,
    paragraph: Paragraph,
    match: re.Match[str],
    spans: list[tuple[int, int]],
    body: Sequence[Paragraph],
) -> Transcript:
    """The transcript of one letter: one turn, its speaker the signature."""
    name = (paragraph.start + match.start("name"), paragraph.start + match.end("name"))
    while text[name[1] - 1] == ".":
        name = (name[0], name[1] - 1)
    dash = match.group("dash")
    cue = (
        (paragraph.start + match.start("dash"), paragraph.start + match.end("dash"))
        if dash
        else name
    )
    turn = Turn(
        label=name,
        cue=cue,
        role="letter",
        key=_surname(text[name[0] : name[1]]),
        content=tuple(spans),
        paragraph=body[0].index,
    )
    held = frozenset({*(p.index for p in body), paragraph.index})
    return Transcript((turn,), spans[0][0], name[1], held)
