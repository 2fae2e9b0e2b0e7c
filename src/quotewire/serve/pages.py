"""The web UI: pages rendered on the server from the store, with no script and nothing from
elsewhere (the style sheet is served at ``/style.css``, charts are inline SVG), under a
Content-Security-Policy that allows no script and no inline style.

Every page has the same header (Search, Articles, Speakers, Claims), landmarks, labels on its
form fields and a layout that fits a phone's width:

- ``/``: search quotes by words, speaker, type and dates; the total, pages of results, and the
  search as CSV or JSON;
- ``/articles``: the stored articles, newest first, by outlet and dates, in pages;
- ``/articles/{id}``: the text with each quote highlighted in its speaker's colour (the same for
  every mention of that person, pronouns included), cues underlined, figures boxed, debris
  greyed, a legend of these marks, and the quotes and claims listed beside it;
- ``/speakers``: the people and organizations quoted, searchable, in pages;
- ``/speakers/{id}``: roles, a chart of quotes per month, the statements (in pages, each linked
  to its passage), the claims, and the articles that joined the entity and why;
- ``/claims?measure=``: a measure's values over time, one colour per claimant;
- ``/docs`` and ``/redoc``: the API's documentation (Swagger UI and ReDoc, whose scripts are
  served from the ``fastapi-offline`` package: :data:`DOCS_ASSETS`, :data:`REDOC_SCRIPT`);
- an error on any of these is a page saying what was wrong (:func:`error_page`).

Every page renders in time linear in its size (no per-item search over all items).
"""

from __future__ import annotations

import html
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import Any
from urllib.parse import urlencode

from quotewire.claims.track import format_number
from quotewire.model import Result
from quotewire.terminal import clip, plural

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
*{box-sizing:border-box}
body{font-family:system-ui,sans-serif;margin:0;color:#111;background:#fafafa;line-height:1.45}
a{color:#1d4ed8}
header{background:#1f2937;color:#fff;padding:.6rem 1rem}
header nav{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center}
header a{color:#fff}header a[aria-current]{text-decoration:underline 3px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:#fff;color:#111;
padding:.3rem}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{
outline:3px solid #f59e0b;outline-offset:2px}
main{display:flex;flex-wrap:wrap;gap:1.5rem;padding:1rem;max-width:1200px}
main>div{flex:1 1 100%;min-width:0}
.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.6;flex:3 1 28rem;min-width:0;
background:#fff;padding:1rem;border:1px solid #ddd}
aside{flex:2 1 18rem;min-width:0;font-size:.9rem;overflow-wrap:anywhere}
aside li{margin-bottom:.5rem}
.q{border-radius:3px;padding:1px 0}.cue{text-decoration:underline 2px}
.who{text-decoration:underline dotted 2px}.debris{color:#6b6b6b}
.fig{outline:1px solid #92400e;border-radius:2px}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.85rem;padding:0;list-style:none}
form{display:flex;flex-wrap:wrap;gap:.3rem .8rem;align-items:flex-end;margin-bottom:1rem}
form label{display:flex;flex-direction:column;font-size:.85rem}
form input,form select{padding:.3rem;max-width:100%}
table{border-collapse:collapse;width:100%}
td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top;
overflow-wrap:break-word}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem}
.error{color:#b91c1c}.meta{color:#444}
.flag{font-size:.85rem}.flag.contradiction b{color:#b91c1c}.flag.change b{color:#92400e}
.pager{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.8rem 0}
svg{max-width:100%;height:auto}
@media (max-width:600px){main{padding:.5rem}
table,tbody,tr,td{display:block;width:100%}thead{position:absolute;left:-9999px}
tr{padding:.4rem 0;border-bottom:1px solid #ddd}td{border:0;padding:.1rem .3rem}}
"""
NO_COLOUR = "#eee"
DOCS_ASSETS = "/static/docs"  # the files of fastapi-offline's static folder
REDOC_SCRIPT = "/static/redoc.js"  # its ReDoc script, made to fetch nothing from elsewhere
DEFAULT_ROWS = 50  # rows on a page unless the address says otherwise
SECTIONS = (
    ("/", "Search"),
    ("/articles", "Articles"),
    ("/speakers", "Speakers"),
    ("/claims", "Claims"),
)


def stylesheet() -> str:
    """The pages' style sheet: :data:`STYLE` and one class per speaker colour (``c0``...)."""
    colours = "".join(f".c{n}{{background:{colour}}}\n" for n, colour in enumerate(PALETTE))
    underlines = "".join(
        f".w{n}{{text-decoration-color:{colour}}}\n.s{n}{{background:{colour}}}\n"
        for n, colour in enumerate(LINES)
    )
    return f"{STYLE.lstrip()}{colours}{underlines}.c-none{{background:{NO_COLOUR}}}\n"


def page(title: str, body: str, section: str = "") -> str:
    """A whole page: head (with the viewport for phones), the header's navigation (the
    current ``section`` marked), and ``body``, which holds the ``<main>`` landmark."""
    current = " aria-current='page'"
    links = "".join(
        f"<a href='{path}'{current if path == section else ''}>{name}</a>"
        for path, name in SECTIONS
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(title)} · quotewire</title><link rel='icon' href='data:,'>"
        "<link rel='stylesheet' href='/style.css'>"
        "</head><body><a class='skip' href='#main'>Skip to the content</a>"
        f"<header><nav aria-label='Sections'><a href='/'><b>quotewire</b></a>{links}</nav>"
        f"</header>{body}</body></html>"
    )


@dataclass(frozen=True, slots=True)
class Paging:
    """Where a list is: ``offset`` and ``limit`` of ``total`` rows, at ``path`` with the
    query ``params`` that found them (kept in the links to the other pages)."""

    path: str
    params: Mapping[str, str]
    offset: int
    limit: int
    total: int

    def link(self, offset: int) -> str:
        """The address of the page that starts at ``offset``."""
        query = {k: v for k, v in self.params.items() if v}
        if offset:
            query["offset"] = str(offset)
        if self.limit != DEFAULT_ROWS:
            query["limit"] = str(self.limit)
        return f"{self.path}?{urlencode(query)}" if query else self.path


def pager(paging: Paging, noun: str, *, where: str = "top") -> str:
    """The place in a list ("41-60 of 1,234 quotes") with links to the previous and next
    pages; ``where`` ("top" or "bottom" of the list) names the navigation landmark."""
    if not paging.total:
        return ""
    first = min(paging.offset + 1, paging.total)
    last = min(paging.offset + paging.limit, paging.total)
    total = " id='total'" if where == "top" else ""
    parts = [f"<span{total}>{first:,}–{last:,} of {plural(paging.total, noun)}</span>"]
    if paging.offset > 0:
        back = max(paging.offset - paging.limit, 0)
        parts.append(f"<a rel='prev' href='{_e(paging.link(back))}'>Previous</a>")
    if last < paging.total:
        parts.append(f"<a rel='next' href='{_e(paging.link(last))}'>Next</a>")
    return f"<nav class='pager' aria-label='Pages ({where})'>{''.join(parts)}</nav>"


def _field(name: str, label: str, value: str, kind: str = "text", hint: str = "") -> str:
    extra = f" placeholder='{_e(hint)}'" if hint else ""
    return (
        f"<label for='{name}'>{label}<input type='{kind}' name='{name}' id='{name}' "
        f"value='{_e(value)}'{extra}></label>"
    )


def _select(name: str, label: str, value: str, options: Sequence[tuple[str, str]]) -> str:
    shown = "".join(
        f"<option value='{_e(v)}'{' selected' if v == value else ''}>{_e(text)}</option>"
        for v, text in options
    )
    return f"<label for='{name}'>{label}<select name='{name}' id='{name}'>{shown}</select></label>"


def _error(message: str | None) -> str:
    return f"<p class='error' id='error' role='alert'>{_e(message)}</p>" if message else ""


QUOTE_TYPES = ("direct", "indirect", "mixed", "headline")


def search_page(
    params: Mapping[str, str],
    hits: list[dict[str, Any]],
    paging: Paging,
    error: str | None = None,
) -> str:
    """The search form, what was wrong with it (``error``), the hits with their total and
    pages, and links to download the whole search as CSV or JSON."""
    types = [("", "any"), *((t, t) for t in QUOTE_TYPES)]
    rows = "".join(
        "<tr class='hit'>"
        f"<td>{_e((h['published'] or '')[:10])}</td>"
        f"<td>{_speaker_link(h['speaker'], h['speaker_id'])}</td><td>{_e(h['type'])}</td>"
        f"<td><a href='/articles/{h['article_id']}#{_e(h['quote_id'])}'>{_e(clip(h['text'], 300))}"
        f"</a><div class='meta'>{_e(h.get('title') or '')}</div></td></tr>"
        for h in hits
    )
    if hits:
        query = {k: v for k, v in params.items() if v}
        downloads = " ".join(
            f"<a href='{_e('/api/quotes/download?' + urlencode({**query, 'format': f}))}' "
            f"download>{f.upper()}</a>"
            for f in ("csv", "json")
        )
        table = (
            f"{pager(paging, 'quote')}<p>Download this search: {downloads}</p>"
            "<table><caption class='skip'>Quotes found</caption><thead><tr><th scope='col'>date"
            "</th><th scope='col'>speaker</th><th scope='col'>type</th><th scope='col'>quote"
            f"</th></tr></thead><tbody>{rows}</tbody></table>"
            f"{pager(paging, 'quote', where='bottom')}"
        )
    else:
        table = "" if error else "<p id='none'>No quotes found.</p>"
    body = (
        "<main id='main'><div><h1>Search quotes</h1>"
        "<form method='get' action='/' role='search'>"
        f"{_field('q', 'words', params.get('q', ''))}"
        f"{_field('speaker', 'speaker', params.get('speaker', ''))}"
        f"{_select('type', 'type', params.get('type', ''), types)}"
        f"{_field('since', 'since', params.get('since', ''), 'date')}"
        f"{_field('until', 'until', params.get('until', ''), 'date')}"
        f"<button type='submit'>Search</button></form>{_error(error)}{table}</div></main>"
    )
    return page("Search", body, "/")


def articles_page(
    params: Mapping[str, str],
    rows: list[dict[str, Any]],
    paging: Paging,
    outlets: list[dict[str, Any]],
    error: str | None = None,
) -> str:
    """The stored articles, newest first: title (linked), outlet, date and counts."""
    choices = [
        ("", "every outlet"),
        *((o["outlet"], f"{o['outlet']} ({o['articles']:,})") for o in outlets),
    ]
    listed = "".join(
        "<tr class='article'>"
        f"<td>{_e((r['published'] or '')[:10])}</td>"
        f"<td><a href='/articles/{r['id']}'>{_e(article_name(r['id'], r['title']))}</a></td>"
        f"<td>{_e(r['outlet'] or '')}</td>"
        f"<td>{plural(int(r['quotes']), 'quote')}, {plural(int(r['claims']), 'claim')}</td></tr>"
        for r in rows
    )
    table = (
        f"{pager(paging, 'article')}<table><thead><tr><th scope='col'>published</th>"
        "<th scope='col'>title</th><th scope='col'>outlet</th><th scope='col'>statements"
        f"</th></tr></thead><tbody>{listed}</tbody></table>"
        f"{pager(paging, 'article', where='bottom')}"
        if rows
        else ("" if error else "<p id='none'>No articles found.</p>")
    )
    body = (
        "<main id='main'><div><h1>Articles</h1><form method='get' action='/articles'>"
        f"{_select('outlet', 'outlet', params.get('outlet', ''), choices)}"
        f"{_field('since', 'since', params.get('since', ''), 'date')}"
        f"{_field('until', 'until', params.get('until', ''), 'date')}"
        f"<button type='submit'>Show</button></form>{_error(error)}{table}</div></main>"
    )
    return page("Articles", body, "/articles")


def speakers_page(params: Mapping[str, str], rows: list[dict[str, Any]], paging: Paging) -> str:
    """The people and organizations quoted, most quoted first, with their roles."""
    listed = "".join(
        "<tr class='speaker'>"
        f"<td><a href='/speakers/{_e(r['id'])}'>{_e(r['name'])}</a></td>"
        f"<td>{_e('; '.join(role['role'] for role in r['roles']))}</td>"
        f"<td>{plural(int(r['quotes']), 'quote')}</td></tr>"
        for r in rows
    )
    table = (
        f"{pager(paging, 'speaker')}<table><thead><tr><th scope='col'>name</th>"
        "<th scope='col'>roles</th><th scope='col'>quoted</th></tr></thead>"
        f"<tbody>{listed}</tbody></table>{pager(paging, 'speaker', where='bottom')}"
        if rows
        else "<p id='none'>No speakers found.</p>"
    )
    body = (
        "<main id='main'><div><h1>Speakers</h1>"
        "<form method='get' action='/speakers' role='search'>"
        f"{_field('q', 'name', params.get('q', ''))}"
        f"<button type='submit'>Find</button></form>{table}</div></main>"
    )
    return page("Speakers", body, "/speakers")


def article_name(article_id: int | str, title: str | None) -> str:
    """How a page names an article: its title, else "Article 12"."""
    return title or f"Article {article_id}"


@dataclass(frozen=True, slots=True)
class Linked:
    """The registry entity an article's entity was joined to: its id and canonical name."""

    id: str
    name: str


def article_page(article_id: int, result: Result, linked: Mapping[str, Linked]) -> str:
    """The article with its quotes marked; ``linked`` maps local entity ids to the registry
    entities they were joined to (for links, and the canonical names shown). Each speaker has
    one colour: its quotes' background and the underline of every mention of it (names,
    titles, pronouns)."""
    article = result.article
    text = article.text
    colours: dict[str, int] = {}  # the speaker's entity -> its colour's number

    def colour(who: str) -> int:
        return colours.setdefault(who, len(colours) % len(PALETTE))

    def canonical(local: str | None, fallback: str | None) -> str:
        found = linked.get(local) if local else None
        return found.name if found else (fallback or "unknown")

    marks: list[tuple[int, int, str, str]] = []  # start, end, class, extra attributes
    for debris in article.debris:
        marks.append((debris.start, debris.end, "debris", f"title='{_e(debris.kind)}'"))
    for quote in result.quotes:
        local = quote.speaker.entity if quote.speaker else None
        number = colour(local or "?")
        name = _e(canonical(local, quote.speaker.name if quote.speaker else None))
        for n, span in enumerate(quote.content):
            anchor = f" id='{_e(quote.id)}'" if n == 0 else ""
            marks.append(
                (
                    span.start,
                    span.end,
                    f"q c{number}",
                    f"data-quote='{_e(quote.id)}'{anchor} title='{name}'",
                )
            )
        if quote.cue:
            marks.append((quote.cue.start, quote.cue.end, "cue", ""))
    for entity in result.entities:
        if entity.id not in colours:
            continue
        line = f"w{colours[entity.id] % len(LINES)}"
        name = _e(canonical(entity.id, entity.name))
        for mention in entity.mentions:
            marks.append(
                (mention.start, mention.end, f"who {line}", f"title='{name} ({_e(mention.kind)})'")
            )
    for claim in result.claims:
        who = _e(claim.claimant.name if claim.claimant else "narrator")
        marks.append(
            (claim.span.start, claim.span.end, "fig", f"id='{_e(claim.id)}' title='figure: {who}'")
        )
    body_text = _marked(text, marks)
    items = []
    for q in result.quotes:
        local = q.speaker.entity if q.speaker and q.speaker.entity else "?"
        found = linked.get(local)
        link = _speaker_link(
            canonical(local, q.speaker.name if q.speaker else None) if q.speaker else None,
            found.id if found else None,
        )
        shade = f"c{colours[local]}" if local in colours else "c-none"
        items.append(
            f"<li><span class='swatch {shade}'></span><b>{link}</b>"
            f" ({_e(q.type)}): <a href='#{_e(q.id)}'>{_e(clip(q.text, 200))}</a></li>"
        )
    claims = "".join(
        f"<li class='claim'><a href='#{_e(c.id)}'>{_e(c.span.text)}</a> — {_e(c.measure or '?')}"
        f" ({_e(c.claimant.name if c.claimant else 'narrator')})</li>"
        for c in result.claims
    )
    title = article_name(article_id, article.title)
    facts = [
        f"<time id='published'>{_e(article.published)}</time>" if article.published else "",
        f"by <span id='byline'>{_e(article.author)}</span>" if article.author else "",
        f"{_e(article.publisher)}" if article.publisher else "",
        f"<a id='url' href='{_e(article.url)}' rel='noreferrer'>{_e(article.url)}</a>"
        if article.url and article.url.startswith(("http://", "https://"))
        else "",
    ]
    legend = (
        "<ul class='legend' id='legend' aria-label='Marks in the text'>"
        "<li><span class='q c0'>highlight</span>: a quote, one colour per speaker</li>"
        "<li><span class='who w0'>dotted underline</span>: a mention of a speaker</li>"
        "<li><span class='cue'>underline</span>: the cue (said, noted)</li>"
        "<li><span class='fig'>box</span>: a figure</li>"
        "<li><span class='debris'>grey</span>: page debris</li></ul>"
    )
    body = (
        f"<main id='main'><div><h1>{_e(title)}</h1>"
        f"<p class='meta'>{' · '.join(f for f in facts if f)}</p>{legend}</div>"
        f"<div class='text' id='text'>{body_text}</div><aside aria-label='Quotes and claims'>"
        f"<h2>Quotes ({len(result.quotes)})</h2><ol id='quotes'>{''.join(items)}</ol>"
        f"<h2>Claims ({len(result.claims)})</h2><ul id='claims'>{claims}</ul></aside></main>"
    )
    return page(title, body, "/articles")


def speaker_page(
    entity: dict[str, Any],
    statements: list[dict[str, Any]],
    paging: Paging,
    titles: Mapping[str, str | None],
) -> str:
    """A speaker: roles, quotes and claims per month, the statements (a page of them, each
    linked to its passage), the claims (linked to theirs) and the articles it was seen in
    (named by title, ``titles``: article id -> title)."""
    roles = "".join(
        f"<li>{_e(r['role'])} (seen {_e(r['first_seen'] or '?')} to {_e(r['last_seen'] or '?')})"
        "</li>"
        for r in entity["roles"]
    )
    members = "".join(
        f"<tr><td><a href='/articles/{_e(m['article'])}'>"
        f"{_e(article_name(m['article'], titles.get(str(m['article']))))}</a></td>"
        f"<td>{_e(m['name'])}</td><td>{_e(m['evidence'])}</td></tr>"
        for m in entity["members"]
    )
    said = "".join(
        "<tr class='statement'>"
        f"<td>{_e((h['published'] or '')[:10])}</td><td>{_e(h['type'])}</td>"
        f"<td><a href='/articles/{h['article_id']}#{_e(h['quote_id'])}'>{_e(clip(h['text'], 300))}"
        f"</a><div class='meta'>{_e(h.get('title') or '')}</div></td></tr>"
        for h in statements
    )
    claimed: dict[str, int] = defaultdict(int)
    for c in entity["claims"]:
        claimed[(c.get("published") or "?")[:7]] += 1
    months = sorted({r["month"] or "?" for r in entity["timeline"]} | set(claimed))
    quoted = {r["month"] or "?": int(r["quotes"]) for r in entity["timeline"]}
    chart = bar_chart([(m, quoted.get(m, 0), claimed.get(m, 0)) for m in months])
    statements_table = (
        f"{pager(paging, 'statement')}<table id='statements'><thead><tr><th scope='col'>date"
        "</th><th scope='col'>type</th><th scope='col'>statement</th></tr></thead>"
        f"<tbody>{said}</tbody></table>{pager(paging, 'statement', where='bottom')}"
        if statements
        else "<p>No statements.</p>"
    )
    body = (
        f"<main id='main'><div><h1>{_e(entity['name'])}</h1><p>{_e(entity['type'])} · "
        f"{_e(entity['id'])}</p><h2>Roles</h2><ul>{roles}</ul>"
        f"<h2>Quotes and claims per month</h2>{chart}"
        f"<h2>Statements</h2>{statements_table}"
        f"<h2>Claims</h2>{claims_table(entity['claims'], 'claims', claimant=False)}"
        f"<h2>Where it was seen</h2><table id='members'>{members}</table></div></main>"
    )
    return page(entity["name"], body, "/speakers")


def claims_page(measure: str, rows: list[dict[str, Any]]) -> str:
    """A measure's claims: one chart per unit (dollars and percentages never share an axis),
    one line per claimant, then every claim with its flags."""
    by_unit: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_unit[row["unit"]].append(row)
    charts = "".join(
        f"<section class='unit'><h2>{_e(unit)}</h2>{unit_chart(unit, group)}</section>"
        for unit, group in sorted(by_unit.items(), key=lambda item: -len(item[1]))
    )
    body = (
        "<main id='main'><div><h1>Claims</h1><form method='get' action='/claims'>"
        f"{_field('measure', 'measure', measure)}"
        "<button type='submit'>Show</button></form>"
        f"{charts if rows else '<p>No claims found.</p>'}"
        f"{claims_table(rows, 'claim-rows', claimant=True)}</div></main>"
    )
    return page("Claims", body, "/claims")


def claims_table(rows: list[dict[str, Any]], id: str, *, claimant: bool) -> str:
    """Claims as a table: when, (who,) the words linked to their passage, the measure, and
    the flags: a change or contradiction, with the earlier claim it disagrees with (linked)."""
    if not rows:
        return ""
    head = "<th scope='col'>when</th>" + ("<th scope='col'>claimant</th>" if claimant else "")
    head += "<th scope='col'>figure</th><th scope='col'>measure</th><th scope='col'>flags</th>"
    lines = []
    for r in rows:
        who = f"<td>{_e(r['claimant_name'] or 'narrator')}</td>" if claimant else ""
        flags = "".join(
            f"<div class='flag {_e(f['kind'])}'><b>{_e(f['kind'])}</b>: {_e(f['note'])}; "
            f"earlier <a href='/articles/{f['earlier_article_id']}#{_e(f['earlier_claim_id'])}'>"
            f"{_e(f['earlier_text'])}</a> ({_e((f['earlier_published'] or '')[:10])}, "
            f"{_e(article_name(f['earlier_article_id'], f['earlier_title']))})</div>"
            for f in r.get("flags", [])
        )
        lines.append(
            f"<tr class='claim'><td>{_e(when_of(r))}</td>{who}"
            f"<td><a href='/articles/{r['article_id']}#{_e(r['claim_id'])}'>{_e(r['text'])}</a>"
            f"</td><td>{_e(r['measure'] or '')}</td><td>{flags}</td></tr>"
        )
    return f"<table id='{id}'><thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"


def when_of(row: Mapping[str, Any]) -> str:
    """The time a claim is about: its period, else its article's day."""
    return str(row["period"] or (row.get("published") or "")[:10])


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
    return (
        f"<svg id='timeline' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
        f"role='img' aria-label='Quotes and claims per month'>{''.join(parts)}</svg>"
    )


def unit_chart(unit: str, rows: list[dict[str, Any]], width: int = 640, height: int = 260) -> str:
    """The claims of one unit over time: one line per claimant, the time axis in real time with
    ticks at one granularity (years, or months within two years), the value axis with ticks
    and their values, and a legend under it as a list."""
    series: dict[str, list[tuple[date, str, float]]] = defaultdict(list)
    for row in rows:
        when = when_of(row)
        day = _day_of(when)
        if day is not None:
            series[row["claimant_name"] or "narrator"].append((day, when, float(row["value"])))
    points = [p for line in series.values() for p in line]
    if not points:
        return "<p>No dated claims to chart.</p>"
    first, last = min(p[0] for p in points), max(p[0] for p in points)
    days = max((last - first).days, 1)
    low, high = min(p[2] for p in points), max(p[2] for p in points)
    ticks = _value_ticks(low, high)
    low, high = min(low, ticks[0]), max(high, ticks[-1])
    span = (high - low) or 1.0
    left, right, top, bottom = 64, 32, 12, 36

    def x(day: date) -> float:
        return left + ((day - first).days / days) * (width - left - right)

    def y(value: float) -> float:
        return top + (1 - (value - low) / span) * (height - top - bottom)

    parts = [
        f"<line x1='{left}' y1='{height - bottom}' x2='{width - right}' y2='{height - bottom}' "
        "stroke='#555'/>"
        f"<line x1='{left}' y1='{top}' x2='{left}' y2='{height - bottom}' stroke='#555'/>"
    ]
    for value in ticks:
        parts.append(
            f"<line x1='{left - 4}' y1='{y(value):.1f}' x2='{width - right}' y2='{y(value):.1f}' "
            "stroke='#ddd'/>"
            f"<text class='tick' x='{left - 6}' y='{y(value) + 4:.1f}' font-size='11' "
            f"text-anchor='end'>{_e(format_number(value))}</text>"
        )
    for day, label in _time_ticks(first, last):
        parts.append(
            f"<line x1='{x(day):.1f}' y1='{height - bottom}' x2='{x(day):.1f}' "
            f"y2='{height - bottom + 4}' stroke='#555'/>"
            f"<text class='tick' x='{x(day):.1f}' y='{height - bottom + 17}' font-size='11' "
            f"text-anchor='middle'>{_e(label)}</text>"
        )
    legend = []
    for n, (who, line) in enumerate(sorted(series.items())):
        colour = LINES[n % len(LINES)]
        ordered = sorted(line)
        path = " ".join(f"{x(d):.1f},{y(v):.1f}" for d, _, v in ordered)
        parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='2'/>")
        parts += [
            f"<circle cx='{x(d):.1f}' cy='{y(v):.1f}' r='4' fill='{colour}'>"
            f"<title>{_e(who)}, {_e(when)}: {_e(format_number(v))} {_e(unit)}</title></circle>"
            for d, when, v in ordered
        ]
        legend.append(f"<li><span class='swatch s{n % len(LINES)}'></span>{_e(who)}</li>")
    label = f"{unit} over time, one line per claimant"
    return (
        f"<svg class='chart' width='{width}' height='{height}' viewBox='0 0 {width} {height}' "
        f"role='img' aria-label='{_e(label)}'>{''.join(parts)}</svg>"
        f"<ul class='legend' aria-label='Claimants'>{''.join(legend)}</ul>"
    )


def _day_of(when: str) -> date | None:
    """The first day of a period ("2025" -> 2025-01-01, "2025-Q3" -> 2025-07-01, "2025-H2" ->
    2025-07-01, "2025-06" -> 2025-06-01) or the day itself; None when it is none of these."""
    found = re.fullmatch(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?", when[:10])
    if not found:
        return None
    year, month, day, quarter, half = found.groups()
    if quarter:
        month = str(3 * int(quarter) - 2)
    elif half:
        month = "1" if half == "1" else "7"
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None


MAX_TIME_TICKS = 8  # labels of ten characters that fit side by side on a 640 px chart


def _time_ticks(first: date, last: date) -> list[tuple[date, str]]:
    """Ticks at one granularity: years ("2025"), or months ("2025-06") when the claims span
    less than two years; every n-th one so that at most :data:`MAX_TIME_TICKS` are labelled."""
    if (last - first).days >= 730:
        years = [y for y in range(first.year, last.year + 1) if date(y, 1, 1) >= first]
        step = -(-len(years) // MAX_TIME_TICKS)  # (ceiling division)
        ticks = [(date(y, 1, 1), str(y)) for y in years[::step]]
        return ticks or [(first, str(first.year))]
    months = []
    for n in range((last.year - first.year) * 12 + last.month - first.month + 1):
        year, month = divmod(first.month - 1 + n, 12)
        day = date(first.year + year, month + 1, 1)
        if day >= first:
            months.append((day, f"{day.year}-{day.month:02d}"))
    step = max(1, -(-len(months) // MAX_TIME_TICKS))
    return months[::step] or [(first, f"{first.year}-{first.month:02d}")]


def _value_ticks(low: float, high: float) -> list[float]:
    """Four to six round values covering ``low`` to ``high`` (1, 2 or 5 times a power of ten
    apart)."""
    if high == low:
        high, low = high + (abs(high) or 1) * 0.5, low - (abs(low) or 1) * 0.5
    raw = (high - low) / 4
    power = 10 ** math.floor(math.log10(raw))
    step = next(f * power for f in (1, 2, 5, 10) if f * power >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def error_page(status: int, message: str) -> str:
    """A page saying what went wrong (the HTML twin of the API's error shape)."""
    body = (
        f"<main id='main'><div><h1>Error {status}</h1><p class='error' id='error'>{_e(message)}</p>"
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
    opened: set[int] = set()  # marks already opened once: their id is not written again
    for a, b in pairwise(cuts):
        if any(m[1] <= a for m in active):
            active = [m for m in active if m[1] > a]
        while following < len(waiting) and waiting[following][0] <= a:
            if waiting[following][1] > a:
                active.append(waiting[following])
            following += 1
        opening = "".join(
            f"<span class='{m[2]}' {m[3] if id(m) not in opened else _without_id(m[3])}>"
            for m in reversed(active)
        )
        opened.update(id(m) for m in active)
        out.append(f"{opening}{_e(text[a:b])}{'</span>' * len(active)}")
    return "".join(out)


def _without_id(attributes: str) -> str:
    """A mark's attributes for the second and later pieces it is cut into: an id names one
    element only (the first), so that a link to it lands at its start."""
    return re.sub(r"\s*\bid='[^']*'", "", attributes)


def _speaker_link(name: str | None, id: str | None) -> str:
    if not name:
        return "?"
    return f"<a href='/speakers/{_e(id)}'>{_e(name)}</a>" if id else _e(name)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
