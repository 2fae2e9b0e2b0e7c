"""The REST API, driven over real HTTP against ``quotewire serve`` running in its own process."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote as url_quote

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def _error_shape(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code
    return dict(body["error"])


def test_articles_and_one_article_with_its_spans(api: str) -> None:
    listing = httpx.get(f"{api}/api/articles", params={"limit": 5}).json()
    assert len(listing["items"]) == 5 and listing["limit"] == 5
    newest = listing["items"][0]
    assert newest["published"].startswith("2026-02-12")
    article = httpx.get(f"{api}/api/articles/{newest['id']}").json()
    text = article["article"]["text"]
    for quote in article["quotes"]:
        for span in quote["content"]:
            assert text[span["start"] : span["end"]] == span["text"]
    for claim in article["claims"]:
        assert text[claim["span"]["start"] : claim["span"]["end"]] == claim["span"]["text"]


def test_quotes_filtered_and_paginated(api: str) -> None:
    first = httpx.get(
        f"{api}/api/quotes", params={"q": "inflation", "speaker": "Henrik Lund", "limit": 2}
    ).json()
    second = httpx.get(
        f"{api}/api/quotes",
        params={"q": "inflation", "speaker": "Henrik Lund", "limit": 2, "offset": 2},
    ).json()
    assert len(first["items"]) == 2 and second["items"]
    assert {h["speaker_id"] for h in first["items"] + second["items"]} == {"person:henrik-lund"}
    assert not {h["quote_id"] + str(h["article_id"]) for h in first["items"]} & {
        h["quote_id"] + str(h["article_id"]) for h in second["items"]
    }
    dated = httpx.get(
        f"{api}/api/quotes", params={"speaker": "Kowalska", "since": "2025-10-01", "type": "direct"}
    ).json()["items"]
    assert dated and all(h["published"] >= "2025-10-01" and h["type"] == "direct" for h in dated)


def test_speakers_speaker_page_and_claims(api: str) -> None:
    speakers = httpx.get(f"{api}/api/speakers").json()["items"]
    assert speakers[0]["id"] == "person:henrik-lund" and speakers[0]["quotes"] > 10
    maria = httpx.get(f"{api}/api/speakers/person:maria-kowalska").json()
    assert maria["roles"][0]["role"] == "Finance Minister"
    assert len(maria["members"]) == 4 and maria["timeline"]
    assert {c["value"] for c in maria["claims"]} >= {3.2, 3.6, 2.9, 3.0}
    deficit = httpx.get(f"{api}/api/claims", params={"measure": "deficit", "speaker": "Maria"})
    assert {c["value"] for c in deficit.json()["items"]} >= {3.2, 3.6}


def test_errors_have_one_shape(api: str) -> None:
    missing = httpx.get(f"{api}/api/articles/999999")
    assert missing.status_code == 404 and _error_shape(missing)["code"] == "not_found"
    assert _error_shape(httpx.get(f"{api}/api/speakers/person:nobody"))["code"] == "not_found"
    bad = httpx.get(f"{api}/api/quotes", params={"limit": 0})
    assert bad.status_code == 422 and "limit" in _error_shape(bad)["message"]
    assert httpx.get(f"{api}/api/quotes", params={"type": "rumour"}).status_code == 422
    assert httpx.get(f"{api}/api/quotes", params={"since": "yesterday"}).status_code == 422
    assert _error_shape(httpx.get(f"{api}/nowhere"))["status"] == 404
    assert _error_shape(httpx.delete(f"{api}/api/articles/1"))["status"] == 405


def test_ingest_needs_the_token_and_has_a_size_limit(api: str, ingest_token: str) -> None:
    story = (
        "Harbour fees rise\n\nThe port will raise fees by 4% next year, harbour director "
        "Kari Berg said on Monday."
    )
    refused = httpx.post(f"{api}/api/ingest", json={"text": story})
    assert refused.status_code == 401 and _error_shape(refused)["code"] == "unauthorized"
    headers = {"Authorization": f"Bearer {ingest_token}"}
    added = httpx.post(f"{api}/api/ingest", json={"text": story, "id": "fees"}, headers=headers)
    assert added.status_code == 201 and added.json()["added"] is True
    again = httpx.post(f"{api}/api/ingest", json={"text": story}, headers=headers)
    assert again.json()["added"] is False
    found = httpx.get(f"{api}/api/quotes", params={"q": "fees", "speaker": "Kari Berg"})
    assert found.json()["items"], "an article ingested over HTTP is searchable at once"
    huge = httpx.post(
        f"{api}/api/ingest", json={"text": "x" * 3_000_000}, headers=headers, timeout=60
    )
    assert huge.status_code == 413 and _error_shape(huge)["code"] == "too_large"
    empty = httpx.post(f"{api}/api/ingest", json={"text": "   "}, headers=headers)
    assert empty.status_code == 422 and _error_shape(empty)


def test_openapi_is_published(api: str) -> None:
    spec = httpx.get(f"{api}/openapi.json").json()
    assert {"/api/articles", "/api/quotes", "/api/speakers", "/api/claims", "/api/ingest"} <= set(
        spec["paths"]
    )


_TEXT = st.text(max_size=40)
_CONTROL = st.builds(
    lambda a, c, b: a + c + b, _TEXT, st.characters(max_codepoint=31), _TEXT
)  # a control character somewhere
_ANY = st.one_of(_TEXT, _CONTROL, st.integers(min_value=-(2**70), max_value=2**70).map(str))


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    path=st.sampled_from(
        [
            "/api/quotes",
            "/api/articles",
            "/api/claims",
            "/api/speakers",
            "/api/articles/{x}",
            "/api/speakers/{x}",
            "/",
            "/claims",
            "/articles/{x}",
            "/speakers/{x}",
        ]
    ),
    x=_ANY,
    params=st.dictionaries(
        st.sampled_from(["q", "speaker", "type", "since", "until", "limit", "offset", "measure"]),
        _ANY,
        max_size=5,
    ),
)
def test_no_request_gets_a_5xx(api: str, path: str, x: str, params: dict[str, str]) -> None:
    url = api + path.replace("{x}", url_quote(x, safe="") or "0")
    response = httpx.get(url, params=params, timeout=30)
    assert response.status_code < 500, (url, params, response.text[:300])
    if response.status_code >= 400 and path.startswith("/api/"):
        _error_shape(response)
    elif response.status_code >= 400:  # a page says what was wrong, as a page
        assert response.headers["content-type"].startswith("text/html")
        assert "id='error'" in response.text


def test_lists_carry_their_totals_and_filters(api: str) -> None:
    quotes = httpx.get(f"{api}/api/quotes", params={"q": "inflation", "limit": 2}).json()
    every = httpx.get(f"{api}/api/quotes", params={"q": "inflation", "limit": 200}).json()
    assert len(quotes["items"]) == 2 and quotes["total"] == len(every["items"]) > 2
    articles = httpx.get(f"{api}/api/articles", params={"limit": 2}).json()
    stored = httpx.get(f"{api}/api/articles", params={"limit": 200}).json()["items"]
    assert articles["total"] == len(stored) >= 9 and len(articles["items"]) == 2
    assert {"quotes", "claims", "outlet"} <= set(articles["items"][0])
    december = httpx.get(
        f"{api}/api/articles", params={"since": "2025-12-01", "until": "2025-12-31"}
    ).json()
    assert december["total"] == len(december["items"]) >= 2
    assert all(a["published"].startswith("2025-12") for a in december["items"])
    nobody = httpx.get(f"{api}/api/articles", params={"outlet": "No Such Outlet"}).json()
    assert nobody["total"] == 0 and nobody["items"] == []
    speakers = httpx.get(f"{api}/api/speakers", params={"q": "LUND"}).json()
    assert speakers["total"] == len(speakers["items"]) >= 1
    assert all("Lund" in s["name"] for s in speakers["items"])
    bad = httpx.get(f"{api}/api/articles", params={"since": "soon"})
    assert bad.status_code == 422 and _error_shape(bad)["code"] == "invalid_request"


def test_a_search_downloads_whole_as_csv_or_json(api: str) -> None:
    import csv
    import io

    wanted = {"q": "inflation"}
    total = httpx.get(f"{api}/api/quotes", params=wanted).json()["total"]
    as_csv = httpx.get(f"{api}/api/quotes/download", params={**wanted, "format": "csv"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert as_csv.headers["content-disposition"] == "attachment; filename=quotes.csv"
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert len(rows) == total and {"quote_id", "speaker_id", "text", "title"} <= set(rows[0])
    as_json = httpx.get(f"{api}/api/quotes/download", params={**wanted, "format": "json"})
    assert [r["quote_id"] for r in as_json.json()] == [r["quote_id"] for r in rows]
    wrong = httpx.get(f"{api}/api/quotes/download", params={**wanted, "format": "xml"})
    assert wrong.status_code == 422
