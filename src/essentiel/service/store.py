"""The service's embedded store: one SQLite file that keeps every digest with its article.

Why SQLite: a newsroom tool must start with nothing to install, and SQLite's FTS5 gives
full-text search over article text and key points for free. WAL mode lets several uvicorn
workers (processes) read while one writes.

Tables: ``articles`` (the input as posted, the Digest JSON, a few columns to filter on),
``articles_fts`` (FTS5 over title, text and key points; ``rowid`` = ``articles.n``) and
``entity_names`` (one row per folded name or alias of an entity of an article, to find
articles by entity and list entities across articles).

An article's id is the digest's ``article.id`` (a hash of its clean text): posting the same
article again replaces its stored digest instead of adding a duplicate.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from essentiel.facts.names import alias_group, alias_names, fold, same_name, skeleton
from essentiel.model import Digest, MentionForm

STORE_VERSION = 1  # bump, with a migration, when a table changes

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    stored TEXT NOT NULL,
    day TEXT NOT NULL,
    url TEXT,
    title TEXT,
    lang TEXT,
    published TEXT,
    source_format TEXT NOT NULL,
    source BLOB NOT NULL,
    digest TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_day ON articles (day);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5 (
    title, text, keypoints, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS entity_names (
    article INTEGER NOT NULL REFERENCES articles (n) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    kind TEXT NOT NULL,
    canonical TEXT NOT NULL,
    folded TEXT NOT NULL,
    surname TEXT NOT NULL,
    mentions INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS entity_names_folded ON entity_names (folded);
CREATE INDEX IF NOT EXISTS entity_names_surname ON entity_names (surname);
CREATE INDEX IF NOT EXISTS entity_names_article ON entity_names (article);
"""

_QUERY_WORD = re.compile(r"[^\W_]+\*?|[^\W_]+", re.UNICODE)
_TEXT_WORD = re.compile(r"[^\W_]+", re.UNICODE)

# What a search may cost. A term is a posting list to read, a prefix term every word of the
# store that starts with it: few terms, and prefixes long enough to be selective.
MAX_QUERY_TERMS = 8
MIN_PREFIX = 2
# A search that runs longer than this is interrupted (checked every thousand steps of
# SQLite's virtual machine: work inside one FTS5 call, such as reading one term's postings,
# is not interrupted, which the limits on terms and prefixes above keep small).
SEARCH_SECONDS = 5.0
# The snippet is made by us from the first hit in the text's first characters: FTS5's own
# snippet() scores every window against every hit, quadratic in the hits of a long article
# (a 2 MB article with 30,000 hits of one word took 8 s per search).
SNIPPET_SCAN_CHARS = 50_000
SNIPPET_WORDS = 24


class StoreError(Exception):
    """The store file cannot be used (not SQLite, another program's file, newer version)."""


class QueryError(ValueError):
    """A search query over the cost limits (too many words, a prefix too short)."""


class SearchTimeout(Exception):
    """A search ran over its time budget and was interrupted."""


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]


@dataclass(frozen=True)
class ArticleSummary:
    """One row of a search: enough to list an article without loading its digest."""

    id: str
    stored: str
    url: str | None
    title: str | None
    lang: str | None
    published: str | None
    keypoints: list[str]
    snippet: Snippet | None = None


@dataclass
class EntityCount:
    name: str
    kind: str
    articles: int
    mentions: int
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StoredArticle:
    id: str
    stored: str
    source: bytes
    digest_json: str


def _surname_key(folded: str) -> str:
    """What names that may be one another share: the consonant skeleton of the last word."""
    return skeleton(folded.split()[-1]) if folded else ""


def fts_query(text: str) -> str | None:
    """A user's search words as an FTS5 query that cannot be a syntax error: every word
    quoted, all required, each once; a trailing ``*`` keeps its prefix meaning. None if no
    word. ``QueryError`` past MAX_QUERY_TERMS words or for a prefix under MIN_PREFIX letters."""
    terms: list[str] = []
    for match in _QUERY_WORD.finditer(text):
        word = match.group()
        prefix = word.endswith("*")
        word = word.rstrip("*")
        if prefix and len(_fold_word(word)) < MIN_PREFIX:
            raise QueryError(f"a prefix needs at least {MIN_PREFIX} letters before the *: {word}*")
        term = f'"{word}"' + ("*" if prefix else "")
        if term not in terms:
            terms.append(term)
    if len(terms) > MAX_QUERY_TERMS:
        raise QueryError(f"a search takes at most {MAX_QUERY_TERMS} words ({len(terms)} given)")
    return " ".join(terms) or None


def _fold_word(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer with remove_diacritics compares it."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def make_snippet(text: str, query: str) -> Snippet:
    """About SNIPPET_WORDS words of ``text`` around the first word the query matches (the
    start of the text when none is found in its first SNIPPET_SCAN_CHARS characters), with
    the matched words' offsets. Linear in what it scans, whatever the article's length."""
    exact: set[str] = set()
    prefixes: list[str] = []
    for match in _QUERY_WORD.finditer(query):
        word = match.group()
        if word.endswith("*"):
            prefixes.append(_fold_word(word.rstrip("*")))
        else:
            exact.add(_fold_word(word))
    folded: dict[str, bool] = {}

    def hits(word: str) -> bool:
        if word not in folded:
            f = _fold_word(word)
            folded[word] = f in exact or any(f.startswith(p) for p in prefixes)
        return folded[word]

    head = text[:SNIPPET_SCAN_CHARS]
    words = [(m.start(), m.end()) for m in _TEXT_WORD.finditer(head)]
    first = next((i for i, (a, b) in enumerate(words) if hits(head[a:b])), None)
    start_word = 0 if first is None else max(0, first - SNIPPET_WORDS // 4)
    window = words[start_word : start_word + SNIPPET_WORDS]
    if not window:
        return Snippet(" ".join(head[:200].split("\n")), [])
    begin, end = window[0][0], window[-1][1]
    prefix = "…" if start_word > 0 else ""
    suffix = "…" if end < len(text.rstrip()) else ""
    body = " ".join(text[begin:end].split("\n"))
    highlights = [
        (len(prefix) + a - begin, len(prefix) + b - begin) for a, b in window if hits(text[a:b])
    ]
    return Snippet(prefix + body + suffix, highlights)


class Store:
    """Thread-safe access to one store file. Writes share one connection and a lock (SQLite
    serialises writers anyway); reads use a connection per thread (WAL lets them run beside
    a write), so a slow search never holds ``count`` or ``get`` on another thread. Every read
    is bounded: past its time budget SQLite interrupts it. ``:memory:`` has one connection
    for everything."""

    def __init__(self, path: str | Path, search_seconds: float = SEARCH_SECONDS) -> None:
        self.path = str(path)
        self.search_seconds = search_seconds
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._closing = False
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            self._db.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._db.execute("PRAGMA journal_mode = WAL")
                self._db.execute("PRAGMA synchronous = NORMAL")
            with self._db:
                self._db.executescript(_SCHEMA)
                self._db.execute(
                    "INSERT OR IGNORE INTO meta VALUES ('store_version', ?)", (str(STORE_VERSION),)
                )
            (version,) = self._db.execute(
                "SELECT value FROM meta WHERE key = 'store_version'"
            ).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} cannot be used as an essentiel store: {exc}") from None
        if int(version) > STORE_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer essentiel (store version {version})"
            )

    @contextmanager
    def _cursor(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    @contextmanager
    def _reading(self, seconds: float | None = None) -> Iterator[sqlite3.Connection]:
        """A connection to read with, interrupted after ``seconds`` (SearchTimeout) or when
        the store is closing."""
        memory = self.path == ":memory:"
        with self._lock if memory else contextlib.nullcontext():
            db = self._db if memory else self._reader()
            deadline = None if seconds is None else time.monotonic() + seconds

            def over() -> bool:
                return self._closing or (deadline is not None and time.monotonic() > deadline)

            db.set_progress_handler(over, 1_000)
            try:
                yield db
            except sqlite3.OperationalError as exc:
                if "interrupted" not in str(exc):
                    raise
                raise SearchTimeout(
                    f"the search took over {seconds or 0:g} s and was stopped; "
                    "use fewer or longer words"
                ) from None
            finally:
                db.set_progress_handler(None, 0)

    def _reader(self) -> sqlite3.Connection:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            db.execute("PRAGMA query_only = ON")
            self._local.db = db
            with self._lock:
                self._readers.append(db)
        return db

    def interrupt(self) -> None:
        """Stop every read in progress (the server is stopping)."""
        self._closing = True

    def close(self) -> None:
        self._closing = True
        with self._lock:
            for reader in self._readers:
                reader.close()
            self._db.close()

    def put(self, digest: Digest, source: bytes, digest_json: str | None = None) -> str:
        """Store a digest and the input it came from; replaces an earlier digest of the same
        article. Returns the article id. ``digest_json``: the digest already serialised (the
        API sends the same bytes back), so it is not serialised twice."""
        article = digest.article
        now = dt.datetime.now(dt.UTC)
        published = article.published.isoformat() if article.published else None
        day = (published or now.date().isoformat())[:10]
        keypoints = "\n".join(k.text for k in digest.keypoints)
        with self._cursor() as db, db:
            old = db.execute("SELECT n FROM articles WHERE id = ?", (article.id,)).fetchone()
            if old:
                db.execute("DELETE FROM articles_fts WHERE rowid = ?", old)
                db.execute("DELETE FROM entity_names WHERE article = ?", old)
                db.execute("DELETE FROM articles WHERE n = ?", old)
            cur = db.execute(
                "INSERT INTO articles (id, stored, day, url, title, lang, published,"
                " source_format, source, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    now.isoformat(timespec="seconds"),
                    day,
                    article.url,
                    article.title,
                    article.lang,
                    published,
                    article.source_format,
                    source,
                    digest_json if digest_json is not None else digest.model_dump_json(),
                ),
            )
            n = cur.lastrowid
            db.execute(
                "INSERT INTO articles_fts (rowid, title, text, keypoints) VALUES (?, ?, ?, ?)",
                (n, article.title or "", article.text, keypoints),
            )
            rows = []
            for index, entity in enumerate(digest.entities):
                names = {entity.name, *entity.aliases} - {
                    m.span.text for m in entity.mentions if m.form is MentionForm.ROLE
                }
                for folded in {fold(name) for name in names} - {""}:
                    rows.append(
                        (
                            n,
                            index,
                            entity.kind.value,
                            entity.name,
                            folded,
                            _surname_key(folded),
                            len(entity.mentions),
                        )
                    )
            db.executemany("INSERT INTO entity_names VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        return article.id

    def get(self, article_id: str) -> StoredArticle | None:
        with self._reading() as db:
            row = db.execute(
                "SELECT id, stored, source, digest FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return StoredArticle(row[0], row[1], bytes(row[2]), row[3]) if row else None

    def count(self) -> int:
        with self._reading() as db:
            (n,) = db.execute("SELECT count(*) FROM articles").fetchone()
        return int(n)

    def _spellings(self, name: str) -> list[str]:
        """The stored folded names that are ``name`` spelled some way: same last-word key
        (Zelensky, Zelenskyy, Зеленський), or the same exonym group (Kiev, Kyiv), then
        :func:`same_name` on each candidate."""
        folded = fold(name)
        if not folded:
            return []
        keys = {_surname_key(folded)}
        group = alias_group(folded)
        if group is not None:
            keys |= {_surname_key(fold(alias)) for alias in alias_names(group)}
        with self._reading(self.search_seconds) as db:
            candidates = db.execute(
                "SELECT DISTINCT folded FROM entity_names WHERE surname IN"
                f" ({', '.join('?' * len(keys))})",
                sorted(keys),
            ).fetchall()
        return sorted(c for (c,) in candidates if c == folded or same_name(folded, c))

    def search(
        self,
        q: str | None = None,
        *,
        entity: str | None = None,
        since: dt.date | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> tuple[int, list[ArticleSummary]]:
        """Articles matching every filter given, best match first for ``q`` (BM25), newest
        first otherwise. Returns the total number of matches and one page of them."""
        where: list[str] = []
        params: list[object] = []
        match = fts_query(q) if q else None
        if q and match is None:
            return 0, []
        if match:
            where.append("articles_fts MATCH ?")
            params.append(match)
        if entity:
            names = self._spellings(entity)
            if not names:
                return 0, []
            where.append(
                "a.n IN (SELECT article FROM entity_names WHERE folded IN"
                f" ({', '.join('?' * len(names))}))"
            )
            params.extend(names)
        if since:
            where.append("a.day >= ?")
            params.append(since.isoformat())
        joined = " AND ".join(where) or "1"
        source = "articles a JOIN articles_fts ON articles_fts.rowid = a.n"
        order = "bm25(articles_fts, 5.0, 1.0, 3.0)" if match else "a.day DESC, a.n DESC"
        head = f"substr(articles_fts.text, 1, {SNIPPET_SCAN_CHARS})" if match else "NULL"
        with self._reading(self.search_seconds) as db:
            (total,) = db.execute(
                f"SELECT count(*) FROM {source} WHERE {joined}", params
            ).fetchone()
            rows = db.execute(
                f"SELECT a.id, a.stored, a.url, a.title, a.lang, a.published,"
                f" articles_fts.keypoints, {head} FROM {source} WHERE {joined}"
                f" ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, limit, offset],
            ).fetchall()
        return int(total), [
            ArticleSummary(
                id=r[0],
                stored=r[1],
                url=r[2],
                title=r[3] or None,
                lang=r[4],
                published=r[5],
                keypoints=[k for k in r[6].split("\n") if k],
                snippet=make_snippet(r[7], q) if r[7] is not None and q else None,
            )
            for r in rows
        ]

    def entities(
        self, q: str | None = None, *, kind: str | None = None, limit: int = 50
    ) -> list[EntityCount]:
        """Entities across stored articles with the number of articles that name them, most
        cited first. One article's merge (Zelensky = Zelenskyy) is kept; across articles,
        entities of one kind whose canonical names are the same name are merged too, and a
        one-word name into a person's full name that it matches."""
        where, params = ["1"], []
        if q:
            where.append(
                "(e.article, e.entity) IN (SELECT article, entity FROM entity_names"
                " WHERE folded LIKE ? ESCAPE '\\')"
            )
            params.append("%" + re.sub(r"([%_\\])", r"\\\1", fold(q)) + "%")
        with self._reading(self.search_seconds) as db:
            # One row per (kind, canonical name): SQLite does the counting, Python only folds
            # and merges the distinct names.
            rows = db.execute(
                "SELECT kind, canonical, group_concat(article), sum(mentions) FROM"
                " (SELECT DISTINCT e.article, e.entity, e.kind, e.canonical, e.mentions"
                f" FROM entity_names e WHERE {' AND '.join(where)})"
                " GROUP BY kind, canonical",
                params,
            ).fetchall()
        # Group by kind and folded name, then merge groups that are one name spelled two
        # ways (the longer canonical name wins: « Volodymyr Zelensky » over « Zelensky »).
        groups: dict[tuple[str, str], EntityCount] = {}
        members: dict[tuple[str, str], set[str]] = {}
        for kind_value, canonical, articles, mentions in rows:
            key = (kind_value, fold(canonical))
            group = groups.setdefault(key, EntityCount(canonical, kind_value, 0, 0))
            if len(canonical) > len(group.name):
                group.name = canonical
            group.mentions += mentions
            members.setdefault(key, set()).update(articles.split(","))
        # Only names that share a last-word key or an exonym group can be one name: compare
        # within those buckets, not every pair.
        buckets: dict[tuple[str, object], list[tuple[str, str]]] = {}
        for key in sorted(groups, key=lambda k: (-len(k[1]), k)):
            group_id = alias_group(key[1])
            bucket = ("alias", group_id) if group_id is not None else ("key", _surname_key(key[1]))
            buckets.setdefault(bucket, []).append(key)
        merged: dict[tuple[str, str], tuple[str, str]] = {}
        for keys in buckets.values():
            for i, key in enumerate(keys):
                for target in keys[:i]:
                    target = merged.get(target, target)
                    # A lone surname's kind is the tagger's guess (« Zelenskyy » tagged as an
                    # organisation); a person's full name that it matches settles it.
                    kinds_agree = target[0] == key[0] or (
                        target[0] == "person" and " " not in key[1] and " " in target[1]
                    )
                    if kinds_agree and same_name(key[1], target[1]):
                        merged[key] = target
                        break
        for key, target in merged.items():
            group, into = groups.pop(key), groups[target]
            into.mentions += group.mentions
            into.aliases.append(group.name)
            members[target] |= members.pop(key)
        for key, group in groups.items():
            group.articles = len(members[key])
            group.aliases = sorted(set(group.aliases) - {group.name})
        # The kind filter comes after the merge, which may settle a kind.
        kept = [g for g in groups.values() if kind is None or g.kind == kind]
        ranked = sorted(kept, key=lambda g: (-g.articles, -g.mentions, g.name))
        return ranked[:limit]


def digest_of(stored: StoredArticle) -> Digest:
    return Digest.model_validate(json.loads(stored.digest_json))
