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

import datetime as dt
import json
import re
import sqlite3
import threading
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

# Markers FTS5's snippet() puts around matched terms: private-use characters that cannot occur
# in clean text, turned into offsets so that no caller ever has to trust markup.
_OPEN, _CLOSE = "\ue000", "\ue001"
_QUERY_WORD = re.compile(r"[^\W_]+\*?|[^\W_]+", re.UNICODE)


class StoreError(Exception):
    """The store file cannot be used (not SQLite, another program's file, newer version)."""


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
    quoted, all required; a trailing ``*`` keeps its prefix meaning. None if no word."""
    terms = []
    for match in _QUERY_WORD.finditer(text):
        word = match.group()
        prefix = word.endswith("*")
        word = word.rstrip("*")
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def _snippet(marked: str) -> Snippet:
    out: list[str] = []
    highlights: list[tuple[int, int]] = []
    start = 0
    length = 0
    for part in re.split(f"([{_OPEN}{_CLOSE}])", marked):
        if part == _OPEN:
            start = length
        elif part == _CLOSE:
            highlights.append((start, length))
        else:
            out.append(part)
            length += len(part)
    return Snippet(" ".join("".join(out).split("\n")), highlights)


class Store:
    """Thread-safe access to one store file (one connection, one lock: SQLite serialises
    writers anyway, and reads here take microseconds next to a digest)."""

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
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

    def close(self) -> None:
        with self._lock:
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
        with self._cursor() as db:
            row = db.execute(
                "SELECT id, stored, source, digest FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
        return StoredArticle(row[0], row[1], bytes(row[2]), row[3]) if row else None

    def count(self) -> int:
        with self._cursor() as db:
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
        with self._cursor() as db:
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
        snippet = f"snippet(articles_fts, 1, '{_OPEN}', '{_CLOSE}', '…', 24)" if match else "NULL"
        with self._cursor() as db:
            (total,) = db.execute(
                f"SELECT count(*) FROM {source} WHERE {joined}", params
            ).fetchone()
            rows = db.execute(
                f"SELECT a.id, a.stored, a.url, a.title, a.lang, a.published,"
                f" articles_fts.keypoints, {snippet} FROM {source} WHERE {joined}"
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
                snippet=_snippet(r[7]) if r[7] is not None else None,
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
        with self._cursor() as db:
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
