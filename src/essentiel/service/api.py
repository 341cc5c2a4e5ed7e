"""The JSON API: ``/v1/digest``, ``/v1/check``, ``/v1/articles``, ``/v1/entities``, ``/healthz``.

Digests are returned exactly as the Python API and the CLI produce them (the Digest JSON
contract, ``schema/digest.schema.json``); the list endpoints have small models of their own.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Security
from fastapi import Path as PathParam
from fastapi.responses import Response
from fastapi.security import APIKeyHeader
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from essentiel import __version__, resources
from essentiel.encoding import without_surrogates
from essentiel.model import CHECK_SCHEMA_VERSION, SCHEMA_VERSION, Digest, SummaryCheck
from essentiel.service.engine import Engine
from essentiel.service.errors import ApiError, ErrorResponse, describe
from essentiel.service.store import MAX_QUERY_TERMS, MIN_PREFIX, ArticleSummary

router = APIRouter()
# SQLite's OFFSET is a 64-bit integer; far below that, and above any store's size.
MAX_OFFSET = 1_000_000_000

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorResponse,
        "description": "The input is empty or binary, or the JSON is malformed.",
    },
    401: {
        "model": ErrorResponse,
        "description": "The server has an API key and the request did not carry it.",
    },
    413: {
        "model": ErrorResponse,
        "description": "The request body is over the size limit, or a paragraph is over the "
        "parser's 1,000,000 characters.",
    },
    415: {"model": ErrorResponse, "description": "Content-Type is not one of those listed."},
    422: {
        "model": ErrorResponse,
        "description": "A field is invalid (date, language, both text and html...), the "
        "page holds no article (`no_article`), or the article's language is not supported.",
    },
    503: {
        "model": ErrorResponse,
        "description": "The work went over the server's time budget (`timeout`, 60 s unless "
        "`--timeout` says otherwise) and was stopped, or the server is stopping "
        "(`cancelled`), or the digest process ended during the work (`worker_died`, e.g. out "
        "of memory). The same article will time out again: do not retry it as is.",
    },
}

# Our validation handler answers with ErrorResponse, not FastAPI's HTTPValidationError.
_INVALID_QUERY: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorResponse, "description": "A query or path parameter is invalid."}
}
_SEARCH_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {
        "model": ErrorResponse,
        "description": "A query parameter is invalid, or `q` is over the search limits "
        f"(`invalid_query`: at most {MAX_QUERY_TERMS} distinct words, a prefix needs "
        f"{MIN_PREFIX} letters before its `*`).",
    },
    503: {
        "model": ErrorResponse,
        "description": "The search went over the server's search budget (`search_timeout`, "
        "5 s unless `--search-timeout` says otherwise) and was stopped.",
    },
}
_NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorResponse, "description": "No stored article has this id."}
}
ArticleId = Annotated[str, PathParam(max_length=64, description="The id `POST /v1/digest` gave.")]

_api_key = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Needed by write endpoints when the server was started with an API key "
    "(`ESSENTIEL_API_KEY`). `Authorization: Bearer <key>` works too.",
)


def engine_of(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


async def require_key(
    request: Request, key: Annotated[str | None, Security(_api_key)] = None
) -> None:
    expected = engine_of(request).config.api_key
    if expected is None:
        return
    supplied = key
    auth = request.headers.get("authorization", "")
    if supplied is None and auth.lower().startswith("bearer "):
        supplied = auth[7:].strip()
    if supplied is None or not hmac.compare_digest(supplied.encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "this endpoint needs the API key (X-API-Key or Bearer)")


def check_lang(lang: str | None) -> str | None:
    if lang is not None and lang not in resources.supported_languages():
        supported = ", ".join(resources.supported_languages())
        raise ValueError(f"language {lang!r} is not supported; supported: {supported}")
    return lang


class DigestRequest(BaseModel):
    """The JSON form of a digest request: the article as ``text`` or ``html``, and what the
    page may not say about itself."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(default=None, description="The article as plain text.")
    html: str | None = Field(default=None, description="The article as an HTML page.")
    url: str | None = Field(default=None, max_length=2048, description="Where it was published.")
    published: dt.date | None = Field(
        default=None, description="Publication date (YYYY-MM-DD), used when the page has none."
    )
    lang: str | None = Field(default=None, description="fr or en; detected when omitted.")
    title: str | None = Field(
        default=None, max_length=1000, description="Headline, when a plain text has none."
    )

    # The body is read with json.loads (it may be raw text too), which lets a lone surrogate
    # through; /v1/check's body is FastAPI's, whose parser refuses one (422).
    _no_surrogates = field_validator("text", "html", "url", "title")(
        lambda value: without_surrogates(value) if isinstance(value, str) else value
    )

    @model_validator(mode="after")
    def _one_source(self) -> DigestRequest:
        if (self.text is None) == (self.html is None):
            raise ValueError("give the article as exactly one of text or html")
        check_lang(self.lang)
        return self


class CheckRequest(BaseModel):
    """A summary to check against its article."""

    model_config = ConfigDict(extra="forbid")

    article: str = Field(min_length=1, description="The article: plain text or an HTML page.")
    summary: str = Field(min_length=1, description="The summary to check, any number of sentences.")
    published: dt.date | None = Field(default=None, description="Publication date (YYYY-MM-DD).")
    lang: str | None = Field(default=None, description="fr or en; detected when omitted.")

    @model_validator(mode="after")
    def _lang(self) -> CheckRequest:
        check_lang(self.lang)
        return self


class SnippetModel(BaseModel):
    text: str = Field(description="A passage of the article around the search words.")
    highlights: list[tuple[int, int]] = Field(
        description="[start, end) character offsets of the matched words in `text`."
    )


class ArticleItem(BaseModel):
    id: str
    title: str | None
    url: str | None
    lang: str | None
    published: str | None
    stored: str = Field(description="When the digest was stored (UTC, ISO 8601).")
    keypoints: list[str]
    snippet: SnippetModel | None = Field(description="Only when searching with q.")


class ArticleList(BaseModel):
    total: int = Field(description="Articles matching every filter, all pages together.")
    limit: int
    offset: int
    articles: list[ArticleItem]


class EntityItem(BaseModel):
    name: str = Field(description="The fullest spelling seen.")
    kind: str
    aliases: list[str] = Field(description="Other spellings merged into this entity.")
    articles: int = Field(description="Stored articles that name it.")
    mentions: int = Field(description="Mentions across those articles (names and roles).")


class EntityList(BaseModel):
    entities: list[EntityItem]


class Health(BaseModel):
    status: str = Field(description="ok, or starting while the models load.")
    version: str
    schema_version: str
    check_schema_version: str
    languages: list[str]
    articles: int = Field(description="Articles in the store.")


def _json(model_json: str, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(model_json, status_code=status, media_type="application/json", headers=headers)


_DIGEST_BODY = {
    "requestBody": {
        "required": True,
        "description": "The article: a raw text or HTML body (options in the query), or JSON.",
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/DigestRequest"}},
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
        },
    }
}


def _media_type(request: Request) -> tuple[str, str | None]:
    header = request.headers.get("content-type", "")
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.strip().partition("=")
        if name.lower() == "charset" and value:
            charset = value.strip('"')
    return media.strip().lower(), charset


async def read_digest_request(
    request: Request,
    published: dt.date | None,
    lang: str | None,
    url: str | None,
    title: str | None,
) -> tuple[DigestRequest, bytes]:
    """The request as a DigestRequest, and the article's bytes as they came (to store)."""
    media, charset = _media_type(request)
    body = await request.body()
    if media == "application/json":
        try:
            data = json.loads(body)
        except RecursionError:
            raise ApiError(400, "bad_json", "the JSON body is nested too deeply") from None
        except ValueError as exc:
            # JSONDecodeError, UnicodeDecodeError, and an integer over Python's 4,300 digits.
            raise ApiError(400, "bad_json", f"the body is not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ApiError(400, "bad_json", "the JSON body must be an object")
        # Query parameters fill what the JSON body leaves out; the body wins.
        if published is not None:
            data.setdefault("published", published.isoformat())
        for name, value in (("lang", lang), ("url", url)):
            if value is not None:
                data.setdefault(name, value)
        try:
            parsed = DigestRequest.model_validate(data)
        except ValidationError as exc:
            message, details = describe(exc.errors())
            raise ApiError(422, "invalid_fields", message, details) from None
        raw = (parsed.text if parsed.text is not None else parsed.html or "").encode("utf-8")
        return parsed, raw
    if media in ("text/plain", "text/html"):
        field = "text" if media == "text/plain" else "html"
        text: str | None = None
        if charset:
            try:
                text = body.decode(charset)
            except (LookupError, UnicodeDecodeError):
                text = None  # the ingest stage's own detection takes over
        try:
            parsed = DigestRequest.model_validate(
                {field: "", "published": published, "lang": lang, "url": url, "title": title}
            )
        except ValidationError as exc:
            message, details = describe(exc.errors())
            raise ApiError(422, "invalid_fields", message, details) from None
        return parsed.model_copy(update={field: text}), body
    raise ApiError(
        415,
        "unsupported_media_type",
        f"Content-Type {media or '(none)'!r} is not accepted: send text/plain, text/html or "
        "application/json",
    )


@router.post(
    "/v1/digest",
    status_code=201,
    response_model=Digest,
    responses={**_ERRORS, 201: {"description": "The digest, stored; `Location` is its URL."}},
    openapi_extra=_DIGEST_BODY,
    dependencies=[Depends(require_key)],
    tags=["digest"],
    summary="Digest an article",
)
async def post_digest(
    request: Request,
    published: Annotated[
        dt.date | None, Query(description="Publication date, for a raw body.")
    ] = None,
    lang: Annotated[str | None, Query(description="fr or en, for a raw body.")] = None,
    url: Annotated[str | None, Query(max_length=2048, description="For a raw body.")] = None,
    title: Annotated[str | None, Query(max_length=1000, description="For a raw body.")] = None,
    store: Annotated[bool, Query(description="Keep the digest in the store.")] = True,
) -> Response:
    """Digest one article: its clean text, verified key points, entities, quotes, figures and
    dates, every item with character offsets. The body is the article itself (`text/plain`,
    `text/html`; the options then go in the query) or JSON (`DigestRequest`). Posting the same
    article again replaces its stored digest: the id is a hash of the clean text."""
    engine = engine_of(request)
    parsed, raw = await read_digest_request(request, published, lang, url, title)
    source: str | bytes
    if parsed.text is not None or parsed.html is not None:
        source = parsed.text if parsed.text is not None else parsed.html or ""
    else:
        source = raw
    digest = await engine.digest(
        source,
        published=parsed.published,
        lang=parsed.lang,
        url=parsed.url,
        title=parsed.title,
        request=request,
    )
    body = digest.model_dump_json()
    if not store:
        return _json(body, 200)
    article_id = await engine.store_call(engine.store.put, digest, raw, body)
    return _json(body, 201, {"Location": f"/v1/articles/{article_id}"})


@router.post(
    "/v1/check",
    response_model=SummaryCheck,
    responses=_ERRORS,
    dependencies=[Depends(require_key)],
    tags=["check"],
    summary="Check a summary against its article",
)
async def post_check(request: Request, body: CheckRequest) -> Response:
    """A verdict per summary sentence (supported, unsupported, cannot_tell) with each problem
    named (a name, number, date, quote, speaker or attribution the article does not support,
    a flipped negation) and the article spans that come closest. Nothing is stored."""
    result = await engine_of(request).check(
        body.article, body.summary, published=body.published, lang=body.lang, request=request
    )
    return _json(result.model_dump_json())


@router.get(
    "/v1/articles/{article_id}",
    response_model=Digest,
    responses={**_NOT_FOUND, **_INVALID_QUERY},
    tags=["articles"],
    summary="A stored digest",
)
async def get_article(request: Request, article_id: ArticleId) -> Response:
    """The Digest JSON stored for this article, exactly as `POST /v1/digest` returned it."""
    engine = engine_of(request)
    stored = await engine.store_call(engine.store.get, article_id)
    if stored is None:
        raise ApiError(404, "not_found", f"no stored article has the id {article_id!r}")
    return _json(stored.digest_json)


@router.get(
    "/v1/articles/{article_id}/source",
    response_class=Response,
    responses={
        200: {"description": "The input exactly as it was posted.", "content": {"text/plain": {}}},
        **_NOT_FOUND,
        **_INVALID_QUERY,
    },
    tags=["articles"],
    summary="The article as it was posted",
)
async def get_article_source(request: Request, article_id: ArticleId) -> Response:
    """The bytes that were posted. Never served as HTML: a stored page is untrusted content."""
    engine = engine_of(request)
    stored = await engine.store_call(engine.store.get, article_id)
    if stored is None:
        raise ApiError(404, "not_found", f"no stored article has the id {article_id!r}")
    try:
        stored.source.decode("utf-8")
        media = "text/plain; charset=utf-8"
    except UnicodeDecodeError:
        media = "application/octet-stream"
    return Response(stored.source, media_type=media)


def item(summary: ArticleSummary) -> ArticleItem:
    snippet = summary.snippet
    return ArticleItem(
        id=summary.id,
        title=summary.title,
        url=summary.url,
        lang=summary.lang,
        published=summary.published,
        stored=summary.stored,
        keypoints=summary.keypoints,
        snippet=SnippetModel(text=snippet.text, highlights=snippet.highlights) if snippet else None,
    )


@router.get(
    "/v1/articles",
    response_model=ArticleList,
    responses=_SEARCH_ERRORS,
    tags=["articles"],
    summary="Search",
)
async def list_articles(
    request: Request,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Words to find in the title, text or key points "
            "(all of them; accents and case ignored; `word*` for a prefix).",
        ),
    ] = None,
    entity: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Only articles naming this entity (any spelling the "
            "article merged: Zelensky finds Zelenskyy).",
        ),
    ] = None,
    since: Annotated[
        dt.date | None,
        Query(
            description="Only articles published on or after this day (the day they were "
            "stored, for articles with no date)."
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100, description="Articles per page.")] = 20,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Articles to skip (paging).")
    ] = 0,
) -> ArticleList:
    """Stored articles matching every filter given: best match first when searching with `q`,
    newest first otherwise."""
    engine = engine_of(request)
    total, rows = await engine.search_call(
        engine.store.search, q, entity=entity, since=since, limit=limit, offset=offset
    )
    return ArticleList(total=total, limit=limit, offset=offset, articles=[item(r) for r in rows])


@router.get(
    "/v1/entities",
    response_model=EntityList,
    responses={**_INVALID_QUERY, 503: _SEARCH_ERRORS[503]},
    tags=["articles"],
    summary="Entities",
)
async def list_entities(
    request: Request,
    q: Annotated[
        str | None, Query(max_length=200, description="Part of a name (accents and case ignored).")
    ] = None,
    kind: Annotated[
        str | None,
        Query(
            pattern="^(person|place|organisation|other)$",
            description="Only entities of this kind: person, place, organisation or other.",
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Entities to return.")] = 50,
) -> EntityList:
    """People, places and organisations across stored articles with how many articles name
    them, most cited first. Spellings of one name are merged (Zelensky / Zelenskyy)."""
    engine = engine_of(request)
    found = await engine.search_call(engine.store.entities, q, kind=kind, limit=limit)
    return EntityList(
        entities=[
            EntityItem(
                name=e.name,
                kind=e.kind,
                aliases=e.aliases,
                articles=e.articles,
                mentions=e.mentions,
            )
            for e in found
        ]
    )


@router.get("/healthz", response_model=Health, tags=["service"], summary="Health")
async def healthz(request: Request) -> Health:
    """Liveness and readiness: `starting` until this worker's models are loaded."""
    engine = engine_of(request)
    count = await engine.store_call(engine.store.count)
    return Health(
        status="ok" if engine.ready else "starting",
        version=__version__,
        schema_version=SCHEMA_VERSION,
        check_schema_version=CHECK_SCHEMA_VERSION,
        languages=list(resources.supported_languages()),
        articles=count,
    )
