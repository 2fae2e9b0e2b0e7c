"""Turn annotation drafts written as snippets into PolNeAR-format records with offsets.

    python benchmarks/ru/build.py DRAFT.json [DRAFT.json ...] --out dev.jsonl

A draft file is a JSON list of articles, each ``{"id", "publisher", "published", "title",
"text", "attributions": [...]}``; an attribution gives its spans as the text they cover:

    {"content": ["piece one", "piece two"],   exact substrings of the text, in order
     "cue": "заявил" or ["По", "словам"] or "",  one or more pieces, "" for none
     "source": "Иван Петров" or "",          a mention, "" for none
     "source_name": "Иван Петров" or null,   the canonical name, nominative
     "source_kind": "name" | "pronoun" | "nominal" | null,
     "quote_kind": "direct" | "mixed" | "indirect",
     "speech_cue": true | false,
     "at": 0}                                which occurrence of the first content piece,
                                             required when it occurs more than once

Content pieces are found in order, each after the one before. A cue or source piece is the
whole-word occurrence nearest the content (within 400 characters), one outside the content
before one inside it; one that is not there, or
only as part of a word, is an error naming the article and the attribution. The rules of what
to mark are in docs/annotation-ru.md.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

NEAR = 400


class DraftError(ValueError):
    pass


def _whole_words(text: str, piece: str) -> list[int]:
    pattern = re.compile(rf"(?<!\w){re.escape(piece)}(?!\w)")
    return [m.start() for m in pattern.finditer(text)]


def _distance(start: int, end: int, low: int, high: int) -> int:
    if end <= low:
        return low - end
    return start - high if start >= high else 0


def _nearest(text: str, pieces: list[str], content: list[list[int]], what: str) -> list[list[int]]:
    """Each piece's whole-word occurrence nearest the content, one outside every content
    span first."""
    low, high = content[0][0], content[-1][1]
    spans = []
    for piece in pieces:
        found = _whole_words(text, piece)
        if not found:
            raise DraftError(f"{what} {piece!r} is not a whole word or phrase of the text")

        def rank(i: int, piece: str = piece) -> tuple[bool, int]:
            inside = any(s < i + len(piece) and i < e for s, e in content)
            return inside, _distance(i, i + len(piece), low, high)

        best = min(found, key=rank)
        if _distance(best, best + len(piece), low, high) > NEAR:
            raise DraftError(f"{what} {piece!r} is more than {NEAR} characters from its content")
        spans.append([best, best + len(piece)])
    return sorted(spans)


def _pieces(value: Any) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def build_attribution(text: str, draft: dict[str, Any], ident: str) -> dict[str, Any]:
    pieces = _pieces(draft["content"])
    first = [m.start() for m in re.finditer(re.escape(pieces[0]), text)]
    if not first:
        raise DraftError(f"content {pieces[0][:60]!r} is not in the text")
    if len(first) > 1 and "at" not in draft:
        raise DraftError(f'content {pieces[0][:60]!r} occurs {len(first)} times: give "at"')
    position = first[draft.get("at", 0)]
    content = []
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:
            raise DraftError(f"content piece {piece[:60]!r} is not after the piece before it")
        content.append([start, start + len(piece)])
        position = start + len(piece)
    cue = _nearest(text, _pieces(draft.get("cue")), content, "cue")
    sources = _nearest(text, _pieces(draft.get("source")), content, "source")
    kind, source_kind = draft["quote_kind"], draft.get("source_kind")
    if kind not in ("direct", "mixed", "indirect"):
        raise DraftError(f"quote_kind {kind!r}")
    if source_kind not in ("name", "pronoun", "nominal", None):
        raise DraftError(f"source_kind {source_kind!r}")
    if sources and source_kind is None:
        raise DraftError("a source needs a source_kind")
    if not isinstance(draft["speech_cue"], bool):
        raise DraftError("speech_cue must be true or false")

    def joined(spans: list[list[int]]) -> str:
        return " … ".join(text[s:e] for s, e in spans)

    return {
        "id": ident,
        "content": content,
        "cue": cue,
        "sources": sources,
        "content_text": joined(content),
        "cue_text": joined(cue),
        "source_text": joined(sources),
        "source_kind": source_kind,
        "source_name": draft.get("source_name"),
        "quote_kind": kind,
        "speech_cue": draft["speech_cue"],
    }


def build_article(draft: dict[str, Any]) -> dict[str, Any]:
    text = draft["text"]
    attributions = []
    for n, item in enumerate(draft["attributions"]):
        try:
            attributions.append(build_attribution(text, item, f"{draft['id']}:{n}"))
        except DraftError as error:
            raise DraftError(f"{draft['id']}: attribution {n}: {error}") from None
    return {
        "id": draft["id"],
        "split": "dev",
        "language": "ru",
        "publisher": draft["publisher"],
        "published": draft["published"],
        "title": draft["title"],
        "text": text,
        "attributions": attributions,
    }


def main(argv: list[str]) -> int:
    if "--out" not in argv:
        print(__doc__, file=sys.stderr)
        return 2
    out = argv[argv.index("--out") + 1]
    drafts = [a for a in argv if a not in ("--out", out)]
    articles = []
    for path in drafts:
        with open(path, encoding="utf-8") as handle:
            articles += json.load(handle)
    try:
        built = [build_article(a) for a in articles]
    except DraftError as error:
        print(f"build.py: {error}", file=sys.stderr)
        return 1
    with open(out, "w", encoding="utf-8") as handle:
        for record in built:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    total = sum(len(r["attributions"]) for r in built)
    print(f"{len(built)} articles, {total} attributions -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
