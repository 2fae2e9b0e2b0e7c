"""The web UI: pages rendered on the server from the store, with no script and nothing from
elsewhere (the style sheet is served at ``/style.css``, charts are inline SVG), under a
Content-Security-Policy that allows no script and no inline style.

- ``/``: search quotes by words, speaker, type and dates;
- ``/articles/{id}``: the text with each quote highlighted in its speaker's colour, cues and
  speaker mentions underlined, debris greyed, and the quotes and claims listed beside it;
- ``/speakers/{id}``: roles, the articles that joined the entity and why, a chart of quotes
  per month, and the speaker's claims;
- ``/claims?measure=``: a measure's values over time, one colour per claimant;
- ``/docs`` and ``/redoc``: the API's documentation (Swagger UI and ReDoc, whose scripts are
  served from the ``fastapi-offline`` package: :data:`DOCS_ASSETS`, :data:`REDOC_SCRIPT`);
- an error on any of these is a page saying what was wrong (:func:`error_page`).

Every page renders in time linear in its size (no per-item search over all items).
"""

from __future__ import annotations

import html
from collections import defaultdict
from itertools import pairwise
from typing import Any

from quotewire.model import Result

PALETTE = (
    "#fde68a",
    "#bfdbfe",
    "#bbf7d0",
    "#fecaca",
    "#ddd6fe",
    "#fbcfe8",
    "#a5f3fc",
    "#fed7aa",
)
LINES = ("#b45309", "#1d4ed8", "#15803d", "#b91c1c", "#6d28d9", "#be185d", "#0e7490", "#c2410c")

STYLE = """
body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fafafa}
header{background:#1f2937;color:#fff;padding:.6rem 1rem}header a{color:#fff;margin-right:1rem}
main{display:flex;gap:1.5rem;padding:1rem;max-width:1200px}
.text{white-space:pre-wrap;line-height:1.6;flex:3;background:#fff;padding:1rem;
border:1px solid #ddd}
aside{flex:2;font-size:.9rem}aside li{margin-bottom:.5rem}
.q{border-radius:3px;padding:1px 0}.cue{text-decoration:underline 2px}
.who{text-decoration:underline dotted 2px}.debris{color:#999}
form input,form select{margin:.2rem;padding:.3rem}table{border-collapse:collapse}
td,th{padding:.3rem .6rem;border-bottom:1px solid #eee;text-align:left;vertical-align:top}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem}
.error{color:#b91c1c}
"""
NO_COLOUR = "#eee"
DOCS_ASSETS = "/static/docs"  # the files of fastapi-offline's static folder
REDOC_SCRIPT = "/static/redoc.js"  # its ReDoc script, made to fetch nothing from elsewhere


def stylesheet() -> str:
    """The pages' style sheet: :data:`STYLE` and one class per speaker colour (``c0``...)."""
    colours = "".join(f".c{n}{{background:{colour}}}\n" for n, colour in enumerate(PALETTE))
    return f"{STYLE.lstrip()}{colours}.c-none{{background:{NO_COLOUR}}}\n"


def page(title: str, body: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(title)} · quotewire</title><link rel='icon' href='data:,'>"
        "<link rel='stylesheet' href='/style.css'>"
        "</head><body>"
        "<header><a href='/'><b>quotewire</b></a><a href='/'>Search</a>"
        "<a href='/claims'>Claims</a></header>"
        f"{body}</body></html>"
    )


def search_page(params: dict[str, str], hits: list[dict[str, Any]]) -> str:
    def field(name: str, label: str) -> str:
        return (
            f"<label>{label} <input name='{name}' id='{name}' value='{_e(params.get(name, ''))}'>"
            "</label>"
        )

    types = "".join(
        f"<option{' selected' if params.get('type') == t else ''}>{t}</option>"
        for t in ("", "direct", "indirect", "mixed", "headline")
    )
    rows = "".join(
        "<tr class='hit'>"
        f"<td>{_e((h['published'] or '')[:10])}</td>"
        f"<td>{_speaker_link(h['speaker'], h['speaker_id'])}</td><td>{_e(h['type'])}</td>"
        f"<td><a href='/articles/{h['article_id']}#{_e(h['quote_id'])}'>{_e(h['text'][:300])}"
        "</a></td></tr>"
        for h in hits
    )
    table = (
        f"<table><tr><th>date</th><th>speaker</th><th>type</th><th>quote</th></tr>{rows}</table>"
        if hits
        else "<p>No quotes found.</p>"
    )
    body = (
        "<main><div><h1>Search quotes</h1><form method='get' action='/'>"
        f"{field('q', 'words')}{field('speaker', 'speaker')}"
        f"<label>type <select name='type' id='type'>{types}</select></label>"
        f"{field('since', 'since')}{field('until', 'until')}"
        f"<button type='submit'>Search</button></form>{table}</div></main>"
    )
    return page("Search", body)


def article_page(article_id: int, result: Result, speaker_ids: dict[str, str]) -> str:
    """The article with its quotes marked; ``speaker_ids`` maps local entity ids to registry
    ids (for links and stable colours)."""
    text = result.article.text
    colours: dict[str, str] = {}  # speaker -> its colour's class
    marks: list[tuple[int, int, str, str]] = []  # start, end, class, extra attributes
    for debris in result.article.debris:
        marks.append((debris.start, debris.end, "debris", f"title='{_e(debris.kind)}'"))
    for quote in result.quotes:
        who = quote.speaker.entity if quote.speaker and quote.speaker.entity else "?"
        colour = colours.setdefault(who, f"c{len(colours) % len(PALETTE)}")
        for span in quote.content:
            name = _e(quote.speaker.name if quote.speaker else "unknown")
            marks.append(
                (span.start, span.end, f"q {colour}", f"data-quote='{_e(quote.id)}' title='{name}'")
            )
        if quote.cue:
            marks.append((quote.cue.start, quote.cue.end, "cue", ""))
        if quote.speaker and quote.speaker.mention:
            mention = quote.speaker.mention
            marks.append((mention.start, mention.end, "who", ""))
    body_text = _marked(text, marks)
    items = []
    for q in result.quotes:
        local = q.speaker.entity if q.speaker and q.speaker.entity else "?"
        link = _speaker_link(q.speaker.name if q.speaker else None, speaker_ids.get(local))
        items.append(
            f"<li id='{_e(q.id)}'><span class='swatch {colours.get(local, 'c-none')}'></span>"
            f"<b>{link}</b>"
            f" ({_e(q.type)}): {_e(q.text[:200])}</li>"
        )
    quotes = "".join(items)
    claims = "".join(
        f"<li class='claim'>{_e(c.span.text)} — {_e(c.measure or '?')}"
        f" ({_e(c.claimant.name if c.claimant else 'narrator')})</li>"
        for c in result.claims
    )
    title = result.article.title or f"Article {article_id}"
    body = (
        f"<main><div class='text' id='text'>{body_text}</div><aside><h2>{_e(title)}</h2>"
        f"<p>{_e(result.article.published or '')}</p>"
        f"<h3>Quotes ({len(result.quotes)})</h3><ol id='quotes'>{quotes}</ol>"
        f"<h3>Claims ({len(result.claims)})</h3><ul id='claims'>{claims}</ul></aside></main>"
    )
    return page(title, body)


def speaker_page(entity: dict[str, Any]) -> str:
    roles = "".join(
        f"<li>{_e(r['role'])} (seen {_e(r['first_seen'] or '?')} to {_e(r['last_seen'] or '?')})"
        "</li>"
        for r in entity["roles"]
    )
    members = "".join(
        f"<tr><td><a href='/articles/{_e(m['article'])}'>article {_e(m['article'])}</a></td>"
        f"<td>{_e(m['name'])}</td><td>{_e(m['evidence'])}</td></tr>"
        for m in entity["members"]
    )
    claims = "".join(
        f"<tr><td>{_e(c['period'] or '')}</td><td>{_e(c['text'])}</td>"
        f"<td>{_e(c['measure'] or '')}</td></tr>"
        for c in entity["claims"]
    )
    claimed: dict[str, int] = defaultdict(int)
    for c in entity["claims"]:
        claimed[(c.get("published") or "?")[:7]] += 1
    months = sorted({r["month"] or "?" for r in entity["timeline"]} | set(claimed))
    quoted = {r["month"] or "?": int(r["quotes"]) for r in entity["timeline"]}
    chart = bar_chart([(m, quoted.get(m, 0), claimed.get(m, 0)) for m in months])
    body = (
        f"<main><div><h1>{_e(entity['name'])}</h1><p>{_e(entity['type'])} · {_e(entity['id'])}"
        f"</p><h3>Roles</h3><ul>{roles}</ul><h3>Quotes and claims per month</h3>{chart}"
        f"<h3>Claims</h3><table id='claims'>{claims}</table>"
        f"<h3>Where it was seen</h3><table>{members}</table></div></main>"
    )
    return page(entity["name"], body)


def claims_page(measure: str, rows: list[dict[str, Any]]) -> str:
    series: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for row in rows:
        when = row["period"] or (row["published"] or "")[:10]
        series[row["claimant_name"] or "narrator"].append((when, float(row["value"])))
    listing = "".join(
        f"<tr><td>{_e(r['period'] or (r['published'] or '')[:10])}</td>"
        f"<td>{_e(r['claimant_name'] or 'narrator')}</td><td>{_e(r['text'])}</td>"
        f"<td>{_e(r['measure'] or '')}</td></tr>"
        for r in rows
    )
    body = (
        "<main><div><h1>Claims</h1><form method='get' action='/claims'>"
        f"<label>measure <input name='measure' id='measure' value='{_e(measure)}'></label>"
        "<button type='submit'>Show</button></form>"
        f"{line_chart(series) if rows else '<p>No claims found.</p>'}"
        f"<table id='claim-rows'>{listing}</table></div></main>"
    )
    return page("Claims", body)


def bar_chart(bars: list[tuple[str, int, int]], width: int = 640, height: int = 170) -> str:
    """Quotes (blue) and claims (orange) per month, side by side."""
    if not bars:
        return "<p>No quotes.</p>"
    top = max(max(q, c) for _, q, c in bars) or 1
    step = width / len(bars)
    scale = (height - 45) / top
    parts = [
        "<text x='4' y='12' font-size='11' fill='#3b82f6'>quotes</text>"
        "<text x='54' y='12' font-size='11' fill='#f59e0b'>claims</text>"
    ]
    for i, (label, quotes, claims) in enumerate(bars):
        x = i * step
        half = max(step / 2 - 3, 1)
        for n, (count, colour, kind) in enumerate(
            ((quotes, "#3b82f6", "quotes"), (claims, "#f59e0b", "claims"))
        ):
            parts.append(
                f"<rect class='{kind}' x='{x + 2 + n * half:.1f}' "
                f"y='{height - 20 - count * scale:.1f}' width='{half:.1f}' "
                f"height='{count * scale:.1f}' fill='{colour}'>"
                f"<title>{_e(label)}: {count} {kind}</title></rect>"
            )
        parts.append(
            f"<text x='{x + step / 2:.1f}' y='{height - 5}' font-size='10' "
            f"text-anchor='middle'>{_e(label)}</text>"
        )
    return f"<svg id='timeline' width='{width}' height='{height}' role='img'>{''.join(parts)}</svg>"


def line_chart(
    series: dict[str, list[tuple[str, float]]], width: int = 640, height: int = 240
) -> str:
    times = sorted({t for points in series.values() for t, _ in points})
    place = {t: n for n, t in enumerate(times)}
    values = [v for points in series.values() for _, v in points]
    low, high = min(values), max(values)
    span = (high - low) or 1.0

    def x(t: str) -> float:
        return 40 + (place[t] / max(len(times) - 1, 1)) * (width - 60)

    def y(v: float) -> float:
        return height - 30 - ((v - low) / span) * (height - 60)

    parts = []
    for n, (who, points) in enumerate(sorted(series.items())):
        colour = LINES[n % len(LINES)]
        ordered = sorted(points)
        path = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in ordered)
        parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        parts += [
            f"<circle cx='{x(t):.1f}' cy='{y(v):.1f}' r='4' fill='{colour}'>"
            f"<title>{_e(who)}, {_e(t)}: {v:g}</title></circle>"
            for t, v in ordered
        ]
        parts.append(
            f"<text x='{width - 150}' y='{16 + 14 * n}' font-size='12' fill='{colour}'>"
            f"{_e(who)}</text>"
        )
    parts += [
        f"<text x='{x(t):.1f}' y='{height - 8}' font-size='10' text-anchor='middle'>{_e(t)}</text>"
        for t in times
    ]
    parts += [
        f"<text x='4' y='{y(high) + 4:.1f}' font-size='10'>{high:g}</text>",
        f"<text x='4' y='{y(low) + 4:.1f}' font-size='10'>{low:g}</text>",
    ]
    return f"<svg id='chart' width='{width}' height='{height}' role='img'>{''.join(parts)}</svg>"


def error_page(status: int, message: str) -> str:
    """A page saying what went wrong (the HTML twin of the API's error shape)."""
    body = (
        f"<main><div><h1>Error {status}</h1><p class='error' id='error'>{_e(message)}</p>"
        "<p><a href='/'>Search quotes</a></p></div></main>"
    )
    return page(f"Error {status}", body)


def docs_page(title: str) -> str:
    """Swagger UI over ``/openapi.json``, started by a served script (no inline script)."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><link rel='icon' href='{DOCS_ASSETS}/favicon.png'>"
        f"<link rel='stylesheet' href='{DOCS_ASSETS}/swagger-ui.css'></head><body>"
        f"<div id='swagger-ui'></div><script src='{DOCS_ASSETS}/swagger-ui-bundle.js'></script>"
        "<script src='/static/swagger-init.js'></script></body></html>"
    )


def redoc_page(title: str) -> str:
    """ReDoc over ``/openapi.json`` (its ``<redoc>`` element starts it; no inline script)."""
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{_e(title)}</title><link rel='icon' href='{DOCS_ASSETS}/favicon.png'>"
        "</head><body><redoc spec-url='/openapi.json'></redoc>"
        f"<script src='{REDOC_SCRIPT}'></script></body></html>"
    )


def _marked(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """``text`` escaped, with each mark as a span; marks nest or split where they cross.

    The text is cut at every mark boundary; each piece is wrapped in the marks that cover it,
    the mark that starts last outermost. One sweep over the boundaries keeps the marks covering
    the current piece (those with ``start <= a < end``) in that order, so the work is the size of
    the output, not pieces times marks.
    """
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    waiting = sorted(marks, key=lambda m: (m[0], -m[1]))
    active: list[tuple[int, int, str, str]] = []  # in ``waiting`` order: innermost first
    following = 0
    out = []
    for a, b in pairwise(cuts):
        if any(m[1] <= a for m in active):
            active = [m for m in active if m[1] > a]
        while following < len(waiting) and waiting[following][0] <= a:
            if waiting[following][1] > a:
                active.append(waiting[following])
            following += 1
        opening = "".join(f"<span class='{m[2]}' {m[3]}>" for m in reversed(active))
        out.append(f"{opening}{_e(text[a:b])}{'</span>' * len(active)}")
    return "".join(out)


def _speaker_link(name: str | None, id: str | None) -> str:
    if not name:
        return "?"
    return f"<a href='/speakers/{_e(id)}'>{_e(name)}</a>" if id else _e(name)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
