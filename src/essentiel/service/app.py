"""The ASGI application of ``essentiel serve``: the JSON API, the web page and their guards.

Guards, outermost first: the request-size limit (413 before the body is read when
Content-Length says so, and while reading when it does not), security headers on every
response (a strict Content-Security-Policy on our pages: scripts only from /static), CORS only
for the origins given.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources as package_files
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from essentiel import __version__
from essentiel.errors import EssentielError
from essentiel.service import api, pages
from essentiel.service.config import ServiceConfig
from essentiel.service.engine import Engine
from essentiel.service.errors import (
    ApiError,
    error_response,
    on_api_error,
    on_http_error,
    on_pipeline_error,
    on_validation_error,
)
from essentiel.service.store import MAX_QUERY_TERMS, MIN_PREFIX, QueryError, SearchTimeout
from essentiel.worker import Template

log = logging.getLogger("essentiel.service")

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# Swagger UI and ReDoc start with an inline script of FastAPI's; their assets come from the
# fastapi-offline package, so 'self' is still the only origin.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
_DOCS_PATHS = ("/docs", "/redoc")


class BodyTooLarge(Exception):
    pass


class Guards:
    """Size limit, security headers and the last-resort error, as plain ASGI (a
    BaseHTTPMiddleware would buffer streaming bodies before the limit could act).

    Every response leaves through here with the security headers, errors included: a body
    over the limit is a 413 even when the endpoint's own body parser turned our interruption
    into a 400 of its own, and an exception nothing else handled is the documented JSON 500
    (Starlette's would be plain text, sent outside this middleware, without the headers).
    HEAD is answered as GET without the body."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        head = scope["method"] == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
        csp = DOCS_CSP if path.startswith(_DOCS_PATHS) else PAGE_CSP
        started = False

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                extra = [
                    (b"content-security-policy", csp.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, secured_send, int(declared))
            return

        received = 0
        over = False

        async def limited_receive() -> Message:
            nonlocal received, over
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    over = True
                    raise BodyTooLarge
            return message

        async def app_send(message: Message) -> None:
            if not over:  # once over the limit, the app's own answer gives way to the 413
                await secured_send(message)

        try:
            await self.app(scope, limited_receive, app_send)
        except BodyTooLarge:
            over = True
        except asyncio.CancelledError:
            # The server is stopping and its graceful-shutdown time is over: the work was
            # stopped (the engine killed its digest process); say so rather than a bare 500.
            if not started:
                await error_response(
                    503,
                    "cancelled",
                    "the server is stopping; the request was stopped: send it again",
                    headers={"Retry-After": "5"},
                )(scope, receive, secured_send)
            raise
        except Exception:
            log.exception("unhandled error on %s %s", scope["method"], path)
            if not started:
                await error_response(
                    500, "internal_error", "internal error; the server log has the details"
                )(scope, receive, secured_send)
            return
        if over and not started:
            await self._too_large(scope, receive, secured_send, None)

    async def _too_large(
        self, scope: Scope, receive: Receive, send: Send, size: int | None
    ) -> None:
        said = f"{size:,} bytes" if size is not None else "over the limit"
        message = f"the request body is {said}; the limit is {self.max_bytes:,} bytes"
        if scope["path"].startswith("/v1/"):
            response: Any = error_response(413, "input_too_large", message)
        else:
            response = pages.error_page(413, "Too large", message[0].upper() + message[1:] + ".")
        await response(scope, receive, send)


async def on_search_error(request: Request, exc: Exception) -> Response:
    """A search over its limits (422) or its time budget (503): the JSON error on the API,
    the error page on the library page."""
    status, code = (
        (422, "invalid_query") if isinstance(exc, QueryError) else (503, "search_timeout")
    )
    if request.url.path.startswith("/v1/"):
        return error_response(status, code, str(exc))
    response: Response = pages.error_page(status, "Search stopped", str(exc))
    return response


def create_app(config: ServiceConfig | None = None, *, template: Template | None = None) -> FastAPI:
    """The service's ASGI app. ``template``: a started ``essentiel.worker.Template`` whose
    loaded models the digest processes are forked from (see ``Engine``; the tests share one
    among their apps); by default the app starts its own."""
    config = config or ServiceConfig()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = Engine(config, template=template)
        app.state.engine = engine
        await engine.start()
        log.info("essentiel %s ready: store %s", __version__, config.db)
        try:
            yield
        finally:
            engine.close()

    app = FastAPIOffline(
        title="essentiel",
        version=__version__,
        summary="Faithful key points and the facts behind them, from raw news articles.",
        description="Every key point, entity, quote, figure and date points to character "
        "offsets in the article's clean text, and every key point is checked against its "
        "sources before it is shown. Errors are JSON: "
        '`{"error": {"status", "code", "message"}}`.\n\n'
        "Limits: a digest or check may take the server's time budget (`essentiel serve "
        "--timeout`, 60 s by default); past it the work is stopped and the answer is 503 "
        "`timeout` (the same article would time out again: do not retry it as is). A client "
        "that disconnects stops its digest. A search takes at most "
        f"{MAX_QUERY_TERMS} distinct words and a prefix needs {MIN_PREFIX} letters before "
        "its `*` (422 `invalid_query`), and may run for `--search-timeout` seconds (5 by "
        "default; 503 `search_timeout`); it never holds the other reads. Reads (`GET`) need "
        "no API key, by design: only writes do.",
        lifespan=lifespan,
        static_url="/static/docs",
    )
    app.add_exception_handler(ApiError, on_api_error)
    app.add_exception_handler(EssentielError, on_pipeline_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(QueryError, on_search_error)
    app.add_exception_handler(SearchTimeout, on_search_error)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount(
        "/static",
        StaticFiles(directory=str(package_files.files("essentiel.service") / "static")),
        name="static",
    )
    if config.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(config.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-API-Key", "Authorization"],
            expose_headers=["Location"],
        )
    app.add_middleware(Guards, max_bytes=config.max_bytes)
    return app


def app_from_env() -> FastAPI:
    """The factory uvicorn calls in each worker process (``essentiel serve``)."""
    return create_app(ServiceConfig.from_env())
