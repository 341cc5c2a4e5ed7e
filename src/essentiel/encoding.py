"""Bytes -> text without guessing a whole file wrong, and the signs of text decoded wrong.

A file that is mostly UTF-8 stays UTF-8: a few bad bytes (a truncated copy, a corrupt
sector) become U+FFFD where they stand, instead of sending the whole file to a detector that
reads every accent of it as two wrong letters (« annoncĂŠ »). A line of such a file that is
wholly in a legacy charset (a paragraph pasted from a cp1252 document) is read as cp1252. Only
a file with no UTF-8 in it goes to its declared charset, then to charset-normalizer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import charset_normalizer

from essentiel.errors import BinaryInput
from essentiel.model import Notice

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
# A well-formed UTF-8 sequence of two to four bytes (RFC 3629, surrogates and overlongs out).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
# A file is UTF-8 when its well-formed multi-byte sequences are at least this share of its
# stray bytes. A legacy-charset French text has hundreds of stray bytes (every accent) and
# next to no accidental UTF-8 pair; a damaged UTF-8 text has the opposite.
UTF8_EVIDENCE_RATIO = 0.1
# Legacy characters that a cp1252 line of a UTF-8 file plausibly holds: letters and the
# typographic punctuation of news text. Ã and Â are out: in a UTF-8 file they are the lead
# bytes of a cut sequence, not letters; ÿ (0xFF) is the commonest garbage byte.
_LEGACY_PUNCTUATION = frozenset("«»‘’‚“”„–—…€°•")
_NOT_LEGACY_LETTERS = frozenset("ÃÂÿ")
# The labels HTML reads as windows-1252, as browsers do.
_CP1252_LABELS = {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"}


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with replacement characters for bad bytes) when the file is UTF-8, else the
    declared charset when it decodes the bytes, else charset-normalizer's best guess."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if _looks_utf8(data):
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True)).lstrip(
            "\ufeff"
        )
    return _decode_declared(data) or _decode_detected(data)


def _looks_utf8(data: bytes) -> bool:
    sequences = _UTF8_MULTIBYTE.findall(data)
    in_sequences = sum(len(s) for s in sequences)
    stray = len(_NON_ASCII.findall(data)) - in_sequences
    return bool(sequences) and len(sequences) >= UTF8_EVIDENCE_RATIO * stray


def _decode_line(line: bytes) -> str:
    """One line of a UTF-8 file: UTF-8, or cp1252 when it has no UTF-8 in it and every stray
    byte reads as a letter or news punctuation in cp1252; else UTF-8 with U+FFFD."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not _UTF8_MULTIBYTE.search(line):
        try:
            legacy = line.decode("cp1252")
        except UnicodeDecodeError:
            legacy = None
        if legacy is not None and all(_legacy_plausible(ch) for ch in legacy if ord(ch) > 127):
            return legacy
    return line.decode("utf-8", errors="replace")


def _legacy_plausible(ch: str) -> bool:
    if ch in _LEGACY_PUNCTUATION:
        return True
    return unicodedata.category(ch).startswith("L") and ch not in _NOT_LEGACY_LETTERS


def _decode_declared(data: bytes) -> str | None:
    """An HTML page's own <meta charset>, when it names a codec that decodes the bytes."""
    declared = _META_CHARSET.search(data[:4096])
    if not declared:
        return None
    label = declared.group(1).decode("ascii").lower()
    if label in _CP1252_LABELS:
        label = "cp1252"
    try:
        return data.decode(label)
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_detected(data: bytes) -> str:
    """charset-normalizer's guess, when it is sure of it. On a short French text it cannot tell
    cp1250 from cp1252 (same chaos, same coherence) and lists cp1250 first, which reads « à »
    as « ŕ »; a tie with cp1252 goes to cp1252, the web's default for undeclared Western pages
    (WHATWG Encoding), and a strictly better match (Cyrillic, Central European) keeps its own."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        raise BinaryInput("input is not text: no character encoding fits its bytes")
    best = matches[0]
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and "cp1252" in match.could_be_from_charset:
            return data.decode("cp1252")
    return str(best)


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """A lone UTF-16 surrogate (JSON « \\ud800 » with no pair) as U+FFFD: no UTF-8 encoder
    takes it, so it would fail wherever the text is written out."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# ---- signs of a text decoded wrong -----------------------------------------------------------

# Characters whose UTF-8 bytes, read in a legacy charset, make the classic mojibake pairs.
_MOJIBAKE_SOURCES = [chr(c) for c in range(0xC0, 0x180)] + list("«»‘’“”–—…€°\u00a0")
_MOJIBAKE_CHARSETS = ("cp1252", "latin-1", "iso-8859-2", "cp1250", "iso-8859-15")


@cache
def _mojibake_pattern() -> re.Pattern[str]:
    """« Ã© », « â€™ », « Â« », « ĂŠ »...: each source character's UTF-8 bytes read in each
    legacy charset, whole or their first two characters (two are enough to tell, and stay so
    when a later byte was lost); the longest match wins."""
    pairs: set[str] = set()
    for ch in _MOJIBAKE_SOURCES:
        raw = ch.encode("utf-8")
        for charset in _MOJIBAKE_CHARSETS:
            wrong = raw.decode(charset, errors="ignore")
            if len(wrong) >= 2 and wrong != ch:
                pairs.update((wrong, wrong[:2]))
    return re.compile("|".join(re.escape(p) for p in sorted(pairs, key=len, reverse=True)))


def mojibake(text: str) -> list[str]:
    """The mojibake sequences the text holds, each once, in order of first appearance."""
    return list(dict.fromkeys(_mojibake_pattern().findall(text)))


def decoding_notices(text: str) -> list[Notice]:
    """What the reader of a digest of ``text`` should know about its characters: bytes that
    were not valid in the input's encoding (U+FFFD), or text that was decoded wrong before it
    reached us (mojibake), which no later stage can tell from the author's words."""
    notices: list[Notice] = []
    replaced = text.count("\ufffd")
    if replaced:
        notices.append(
            Notice(
                code="replacement_characters",
                message=f"{replaced:,} character(s) of the input could not be decoded and show "
                "as \ufffd; words around them may be cut",
            )
        )
    found = mojibake(text)
    if found:
        shown = ", ".join(f"« {m} »" for m in found[:5])
        notices.append(
            Notice(
                code="mojibake",
                message=f"the text looks decoded in the wrong charset ({shown}); names, quotes "
                "and key points may carry the wrong letters",
            )
        )
    return notices
