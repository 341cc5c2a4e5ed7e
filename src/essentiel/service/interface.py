"""The language of the web page's interface (not of the article): French or English, chosen
from the browser's Accept-Language, switchable by the reader and remembered in a cookie.

Every fixed string of the page lives in ``resources/<code>/interface.toml``; a language with
that file is an interface language. The templates read them as ``t.section.key`` (a missing
key fails the render under StrictUndefined, so a forgotten translation cannot pass unseen).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from essentiel import resources

# The query parameter that switches the interface and the cookie that remembers the choice.
UI_PARAM = "ui"
UI_COOKIE = "essentiel_ui"
COOKIE_MAX_AGE = 365 * 24 * 3600
# No Accept-Language at all (curl, a script): the project's first language.
DEFAULT_UI = "fr"
# A browser that names only languages we lack (de, es…) reads English more often than French.
FOREIGN_FALLBACK_UI = "en"


@cache
def interface_languages() -> tuple[str, ...]:
    """The languages with an interface file, the default first."""
    found = []
    for code in resources.supported_languages():
        try:
            resources.language_data(code, "interface")
        except FileNotFoundError:
            continue
        found.append(code)
    return tuple(sorted(found, key=lambda c: (c != DEFAULT_UI, c)))


@cache
def strings(ui: str) -> dict[str, Any]:
    """The interface strings of one language, as nested tables."""
    return resources.language_data(ui, "interface")


def _accepted(header: str) -> list[tuple[float, int, str]]:
    """Accept-Language as (quality, position, primary subtag), best first (RFC 9110 §12.5.4)."""
    ranked = []
    for position, item in enumerate(header.split(",")):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip().lower()
        if not tag:
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            ranked.append((-quality, position, tag.split("-")[0]))
    ranked.sort()
    return [(-q, p, tag) for q, p, tag in ranked]


def from_accept_language(header: str | None) -> str:
    """The interface language a browser asks for: the best-ranked one we have."""
    if not header or not header.strip():
        return DEFAULT_UI
    ranked = _accepted(header)
    for _, _, tag in ranked:
        if tag in interface_languages():
            return tag
    if all(tag == "*" for _, _, tag in ranked):
        return DEFAULT_UI
    return FOREIGN_FALLBACK_UI if FOREIGN_FALLBACK_UI in interface_languages() else DEFAULT_UI


def valid(code: str | None) -> str | None:
    code = (code or "").strip().lower()
    return code if code in interface_languages() else None


def choose(*, asked: str | None, cookie: str | None, accept_language: str | None) -> str:
    """What the reader asked for now (the switch), else what they chose before (the cookie),
    else what their browser prefers."""
    return valid(asked) or valid(cookie) or from_accept_language(accept_language)
