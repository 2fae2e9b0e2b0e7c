"""Store URLs: which kind of store a URL names, and the URL as messages show it (no password).

A PostgreSQL store is named by a URL (``postgresql://user:password@host:port/name?...``) or by a
libpq keyword string (``host=... dbname=... password=...``); anything else is a SQLite file (a
path, or ``sqlite:///path``). Passwords can sit in the URL's user part, in its ``password`` and
``sslpassword`` parameters, or in the same keys of a keyword string: :func:`redact` masks every
one of them, and :func:`scrub` also masks them wherever else they turn up (a driver's message).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

POSTGRES_SCHEMES = ("postgresql://", "postgres://")
SQLITE_SCHEME = "sqlite:///"
MASK = "***"

# libpq's keywords (https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-PARAMKEYWORDS)
# that a keyword string is likely to start with
_KEYWORDS = (
    "host hostaddr port dbname user password passfile service options sslmode sslpassword "
    "sslcert sslkey sslrootcert application_name connect_timeout target_session_attrs"
).split()
_KEYWORD_STRING = re.compile(rf"^\s*(?:{'|'.join(_KEYWORDS)})\s*=")
_SECRET_KEYS = r"(?:ssl)?password"
# in a keyword string: password = 'quoted, with \' escapes' or a bare value
_SECRET_KEYWORD = re.compile(
    rf"(?<![\w.-])({_SECRET_KEYS}\s*=\s*)('(?:[^'\\]|\\.)*'?|\S*)", re.IGNORECASE
)
# in a URL's query: ?password=...&
_SECRET_PARAMETER = re.compile(rf"([?&]{_SECRET_KEYS}=)([^&#]*)", re.IGNORECASE)


def is_postgres(url: str) -> bool:
    """Whether ``url`` names a PostgreSQL store (a URL or a libpq keyword string)."""
    return url.startswith(POSTGRES_SCHEMES) or is_keyword_string(url)


def is_keyword_string(url: str) -> bool:
    """Whether ``url`` is a libpq keyword string (``host=db dbname=quotes``)."""
    return "://" not in url and _KEYWORD_STRING.match(url) is not None


def redact(url: str) -> str:
    """``url`` as messages show it: every password (in the user part, a ``password`` or
    ``sslpassword`` parameter or keyword) replaced by ``***``."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        return _SECRET_KEYWORD.sub(_MASKED, url)
    user, password, place, query = _parts(rest)
    shown = (
        f"{user}:{MASK}@{place}" if password is not None else (f"{user}@{place}" if user else place)
    )
    return f"{scheme}://{shown}{_SECRET_PARAMETER.sub(_MASKED, query)}"


def secrets(url: str) -> list[str]:
    """The passwords ``url`` holds, as written and as decoded."""
    found: list[str] = []
    _, separator, rest = url.partition("://")
    if separator:
        _, password, _, query = _parts(rest)
        found += [password] if password else []
        found += [m.group(2) for m in _SECRET_PARAMETER.finditer(query)]
    else:
        for match in _SECRET_KEYWORD.finditer(url):
            value = match.group(2)
            found += [value, value.strip("'").replace("\\'", "'")]
    found += [unquote(s) for s in found]
    return sorted({s for s in found if s}, key=len, reverse=True)


def scrub(text: str, url: str) -> str:
    """``text`` (a driver's message about ``url``) without any password ``url`` holds."""
    for secret in secrets(url):
        text = text.replace(secret, MASK)
    return text


_MASKED = rf"\g<1>{MASK}"


def _parts(rest: str) -> tuple[str, str | None, str, str]:
    """What follows a URL's ``scheme://``: (user, password or None, host and path, query).
    The user part ends at the last "@" before the query: a password may hold "@" or "/"."""
    ends = [rest.find(c) for c in "?#" if c in rest]
    head, query = rest[: min(ends, default=len(rest))], rest[min(ends, default=len(rest)) :]
    user, at, place = head.rpartition("@")
    if not at:
        return "", None, head, query
    name, colon, password = user.partition(":")
    return name, password if colon else None, place, query


__all__ = [
    "POSTGRES_SCHEMES",
    "SQLITE_SCHEME",
    "is_keyword_string",
    "is_postgres",
    "redact",
    "scrub",
    "secrets",
]
