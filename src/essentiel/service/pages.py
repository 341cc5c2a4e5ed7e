"""The web page: paste an article and read its digest with the evidence; browse the library.

Server-rendered Jinja2 templates, autoescaped; the one script is a static file (the
Content-Security-Policy forbids inline scripts, so injected markup could not run even if it
slipped through escaping). The interface speaks French or English (``interface.py``): every
fixed string comes from ``resources/<ui>/interface.toml``.
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
from essentiel.service import interface
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


def render(
    name: str,
    status_code: int = 200,
    *,
    ui: str = interface.DEFAULT_UI,
    switch: list[dict[str, str]] | None = None,
    switch_form: bool = False,
    **context: Any,
) -> HTMLResponse:
    """A page in the interface language ``ui``; ``switch`` lists the other languages with
    the address that shows this page in them (``switch_form``: buttons of the digest form,
    which post what the reader typed instead of losing it)."""
    html = _env.get_template(name).render(
        ui=ui,
        t=interface.strings(ui),
        switch=switch or [],
        switch_form=switch_form,
        **context,
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers["content-language"] = ui
    # The same address answers in the language the browser or the cookie asks for.
    response.headers["vary"] = "Accept-Language, Cookie"
    return response


def ui_of(request: Request, asked: str | None = None) -> str:
    return interface.choose(
        asked=asked or request.query_params.get(interface.UI_PARAM),
        cookie=request.cookies.get(interface.UI_COOKIE),
        accept_language=request.headers.get("accept-language"),
    )


def remember(response: Response, ui: str) -> Response:
    """The reader's choice, kept for their next pages (no tracking: only the language)."""
    response.set_cookie(
        interface.UI_COOKIE,
        ui,
        max_age=interface.COOKIE_MAX_AGE,
        path="/",
        samesite="lax",
        httponly=True,
    )
    return response


def _switch_links(request: Request, ui: str) -> list[dict[str, str]]:
    links = []
    for code in interface.interface_languages():
        if code == ui:
            continue
        query = [(k, v) for k, v in request.query_params.multi_items() if k != interface.UI_PARAM]
        href = request.url.path + "?" + urlencode([*query, (interface.UI_PARAM, code)])
        links.append({"code": code, "name": interface.strings(code)["meta"]["name"], "href": href})
    return links


def show_page(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    """A GET page in the reader's language; asked for by the switch (``?ui=en``), the choice
    is remembered."""
    ui = ui_of(request)
    response = render(name, status_code, ui=ui, switch=_switch_links(request, ui), **context)
    if interface.valid(request.query_params.get(interface.UI_PARAM)):
        remember(response, ui)
    return response


def error_page(
    status: int,
    title: str,
    message: str,
    ui: str = "en",
    switch: list[dict[str, str]] | None = None,
) -> HTMLResponse:
    """An error page. Without a language the interface is English, the language of the
    message a caller outside the pages (the body-size guard) writes."""
    return render(
        "error.html", status, ui=ui, switch=switch, status=status, title=title, message=message
    )


def _form_page(
    request: Request, ui: str, status: int = 200, error: str | None = None, **form: str
) -> Any:
    engine = engine_of(request)
    _, recent = engine.store.search(limit=5)
    values = {"text": "", "published": "", "lang": "", "url": ""} | form
    switch = [
        {"code": code, "name": interface.strings(code)["meta"]["name"], "href": f"/?ui={code}"}
        for code in interface.interface_languages()
        if code != ui
    ]
    return render(
        "index.html",
        status,
        ui=ui,
        switch=switch,
        switch_form=True,
        form=values,
        error=error,
        recent=recent,
        languages=resources.supported_languages(),
        needs_key=engine.config.api_key is not None,
    )


@router.get("/", response_class=HTMLResponse)
async def index(request: Request) -> Response:
    ui = ui_of(request)
    response: Response = await engine_of(request).store_call(_form_page, request, ui)
    if interface.valid(request.query_params.get(interface.UI_PARAM)):
        remember(response, ui)
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
            max_files=1, max_fields=10, max_part_size=engine.config.max_bytes
        )
    except (MultiPartException, HTTPException) as exc:
        detail = getattr(exc, "message", None) or getattr(exc, "detail", None) or str(exc)
        ui = ui_of(request)
        message = interface.strings(ui)["form"]["errors"]["unreadable"].format(detail=detail)
        response: Response = _form_page(request, ui, 400, message)
        return response
    text, published, lang, url, api_key = (
        _field(fields, name) for name in ("text", "published", "lang", "url", "api_key")
    )
    # The language switch of the form page posts the form, so that nothing typed is lost.
    switched = interface.valid(_field(fields, "switch_ui"))
    ui = ui_of(request, switched or _field(fields, interface.UI_PARAM))
    errors = interface.strings(ui)["form"]["errors"]
    upload = fields.get("file")
    file = upload if isinstance(upload, UploadFile) and upload.filename else None
    form = {"text": text, "published": published, "lang": lang, "url": url}

    def again(status: int, message: str | None) -> Response:
        # The page comes back with everything the user typed: nothing is lost on an error.
        response: Response = _form_page(request, ui, status, message, **form)
        return remember(response, ui) if switched else response

    if switched:
        if not any(form.values()):
            return remember(RedirectResponse(f"/?ui={ui}", status_code=303), ui)
        return again(200, None)
    expected = engine.config.api_key
    if expected is not None and not hmac.compare_digest(api_key.encode(), expected.encode()):
        return again(401, errors["api_key"])
    if file is not None and text.strip():
        # Two articles given: refuse rather than pick one behind the reader's back.
        return again(400, errors["both"])
    source: str | bytes = text
    if file is not None:
        source = await file.read()
        if not source.strip():
            return again(400, errors["empty_file"].format(name=repr(file.filename)))
    if not (source.strip() if isinstance(source, str) else source):
        return again(400, errors["nothing"])
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        return again(422, errors["bad_date"].format(value=repr(published)))
    if lang and lang not in resources.supported_languages():
        return again(422, errors["bad_language"].format(value=repr(lang)))
    try:
        digest = await engine.digest(source, published=day, lang=lang or None, url=url or None)
    except EssentielError as exc:
        messages = interface.strings(ui)["form"]["engine_errors"]
        template = messages.get(exc.code, messages["error"])
        return again(status_of(exc), template.format(detail=str(exc)))
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
        ui = ui_of(request)
        t = interface.strings(ui)["error"]
        return error_page(
            404,
            t["not_found"],
            t["no_article"].format(id=repr(article_id)),
            ui=ui,
            switch=_switch_links(request, ui),
        )
    return show_page(request, "article.html", **article_view(digest_of(stored)))


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
        bad_since = interface.strings(ui_of(request))["library"]["bad_since"]
        since_day, error = None, bad_since.format(value=repr(since))
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

    return show_page(
        request,
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
