"""The web page: paste an article and read its digest with the evidence; browse the library.

Server-rendered Jinja2 templates, autoescaped; the one script is a static file (the
Content-Security-Policy forbids inline scripts, so injected markup could not run even if it
slipped through escaping).
"""

from __future__ import annotations

import datetime as dt
import hmac
from importlib import resources as package_files
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException

from essentiel import __version__, resources
from essentiel.errors import EssentielError
from essentiel.model import SCHEMA_VERSION
from essentiel.service.api import engine_of
from essentiel.service.errors import status_of
from essentiel.service.store import Snippet, digest_of
from essentiel.service.view import article_view

router = APIRouter(include_in_schema=False)

_env = Environment(
    loader=PackageLoader("essentiel.service", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.globals.update(version=__version__, schema_version=SCHEMA_VERSION)

PAGE_SIZE = 20
# Past this the offset would not fit SQLite's 64-bit integers (and no library is that big).
MAX_PAGE = 1_000_000


def render(name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_env.get_template(name).render(**context), status_code=status_code)


def error_page(status: int, title: str, message: str) -> HTMLResponse:
    return render("error.html", status, status=status, title=title, message=message)


def _form_page(request: Request, status: int = 200, error: str | None = None, **form: str) -> Any:
    engine = engine_of(request)
    _, recent = engine.store.search(limit=5)
    values = {"text": "", "published": "", "lang": "", "url": ""} | form
    return render(
        "index.html",
        status,
        form=values,
        error=error,
        recent=recent,
        languages=resources.supported_languages(),
        needs_key=engine.config.api_key is not None,
    )


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> Response:
    response: Response = await engine_of(request).store_call(_form_page, request)
    return response


@router.post("/digest", response_class=HTMLResponse)
async def digest_form(request: Request) -> Response:
    """The page's form. Parsed here rather than by FastAPI's Form() parameters: Starlette caps
    a text field at 1 MiB by default, and a pasted article may be as large as the service's
    body limit (--max-bytes, 2 MB by default); a form that cannot be read comes back as the
    page with its error, not as JSON."""
    engine = engine_of(request)
    try:
        fields = await request.form(
            max_files=1, max_fields=8, max_part_size=engine.config.max_bytes
        )
    except (MultiPartException, HTTPException) as exc:
        detail = getattr(exc, "message", None) or getattr(exc, "detail", None) or str(exc)
        response: Response = _form_page(request, 400, f"The form could not be read: {detail}")
        return response
    text, published, lang, url, api_key = (
        _field(fields, name) for name in ("text", "published", "lang", "url", "api_key")
    )
    upload = fields.get("file")
    file = upload if isinstance(upload, UploadFile) else None
    form = {"text": text, "published": published, "lang": lang, "url": url}

    def again(status: int, message: str) -> Response:
        # The page comes back with everything the user typed: nothing is lost on an error.
        response: Response = _form_page(request, status, message, **form)
        return response

    expected = engine.config.api_key
    if expected is not None and not hmac.compare_digest(api_key.encode(), expected.encode()):
        return again(401, "This server needs its API key to digest an article.")
    source: str | bytes = text
    if file is not None and file.filename:
        source = await file.read()
    if not (source.strip() if isinstance(source, str) else source):
        return again(400, "Paste an article or choose a file first.")
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        return again(422, f"The publication date {published!r} is not a date like 2025-07-04.")
    if lang and lang not in resources.supported_languages():
        return again(422, f"The language {lang!r} is not supported.")
    try:
        digest = await engine.digest(source, published=day, lang=lang or None, url=url or None)
    except EssentielError as exc:
        return again(status_of(exc), str(exc))
    raw = source.encode("utf-8") if isinstance(source, str) else source
    article_id = await engine.store_call(engine.store.put, digest, raw)
    return RedirectResponse(f"/articles/{article_id}", status_code=303)


def _field(fields: FormData, name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article_page(request: Request, article_id: str) -> Response:
    engine = engine_of(request)
    stored = await engine.store_call(engine.store.get, article_id)
    if stored is None:
        return error_page(404, "Not found", f"No stored article has the id {article_id!r}.")
    return render("article.html", **article_view(digest_of(stored)))


def snippet_parts(snippet: Snippet) -> list[tuple[str, bool]]:
    parts: list[tuple[str, bool]] = []
    at = 0
    for start, end in snippet.highlights:
        parts += [(snippet.text[at:start], False), (snippet.text[start:end], True)]
        at = end
    parts.append((snippet.text[at:], False))
    return [p for p in parts if p[0]]


@router.get("/library", response_class=HTMLResponse)
async def library(
    request: Request, q: str = "", entity: str = "", since: str = "", page: int = 1
) -> Response:
    engine = engine_of(request)
    page = min(max(page, 1), MAX_PAGE)
    error = None
    try:
        since_day = dt.date.fromisoformat(since) if since else None
    except ValueError:
        since_day, error = None, f"{since!r} is not a date like 2025-07-04; ignored."
    total, rows = await engine.store_call(
        engine.store.search,
        q[:500] or None,
        entity=entity[:200] or None,
        since=since_day,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    entities = await engine.store_call(engine.store.entities, limit=40)
    query = {"q": q, "entity": entity, "since": since}

    def page_url(n: int) -> str:
        return "/library?" + urlencode({k: v for k, v in {**query, "page": n}.items() if v})

    return render(
        "library.html",
        q=q,
        entity=entity,
        since=since,
        error=error,
        total=total,
        articles=rows,
        entities=entities,
        snippet_parts=snippet_parts,
        entity_url=lambda name: "/library?" + urlencode({"entity": name}),
        prev_url=page_url(page - 1) if page > 1 else None,
        next_url=page_url(page + 1) if page * PAGE_SIZE < total else None,
    )


@router.get("/examples/{name}", response_class=PlainTextResponse)
async def example(name: str) -> Response:
    """The bundled example articles, for the page's « Load the French example » button."""
    examples = package_files.files("essentiel") / "examples"
    names = {p.name for p in examples.iterdir() if p.name.endswith(".txt")}
    if name not in names:
        return PlainTextResponse("no such example", status_code=404)
    return PlainTextResponse((examples / name).read_text("utf-8"))
