"""``oit serve``: the self-check web page and its JSON API (FastAPI, Jinja2 templates).

Pages: ``/`` (the form), ``/checks/{id}`` (the progress while the check runs, then its results), the report files
under ``/checks/{id}/``, the unit's score chart ``/units/{id}/trend.svg``. API: ``POST /api/checks``, ``GET
/api/checks/{id}``, ``GET /api/checks/{id}/report.json``, ``POST /api/checks/{id}/resume``; ``/openapi.json``
describes it. Every check goes through :class:`oit.web.checks.CheckRunner`; the report files are the library's
(:mod:`reports`).
"""

from __future__ import annotations

import logging
import secrets
import tempfile
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from fastapi import FastAPI, Form, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from checklist.catalog import CatalogError
from checklist.catalog_years import bundled_schemes, default_fiscal_year
from crawler.urls import ensure_scheme
from oit.web.checks import UNIT_TYPES, CheckRunner, WebSettings
from oit.web.i18n import ERRORS, pick, translator
from oit.web.security import (
    CSRF_COOKIE,
    FILE_POLICY,
    RateLimits,
    SecurityHeaders,
    client_of,
    csrf_ok,
    csrf_token,
    hardened,
    new_csrf_cookie,
    refusal,
)
from oitbase.model import Report
from reports.answer_sheet import render_answer_sheet_csv, write_answer_sheet_xlsx
from reports.charts import trend_svg
from reports.html import context as report_context
from reports.output import render
from reports.safety import display_url, safe_href
from reports.unit_history import trend_points
from storage.web_checks import ACTIVE, CheckBook

logger = logging.getLogger("oit.web")
#: Fiscal years a request may name (Buddhist era); one with no list is refused by the catalog.
MIN_YEAR, MAX_YEAR = 2500, 2700
HERE = Path(__file__).parent
LANG_COOKIE = "oit_lang"
#: Report files of a check: suffix → (format, media type).
DOWNLOADS = {
    "report.html": ("html", "text/html; charset=utf-8"),
    "report.json": ("json", "application/json"),
    "report.csv": ("csv", "text/csv; charset=utf-8"),
    "report.md": ("md", "text/markdown; charset=utf-8"),
    "itas-answer-sheet.csv": ("sheet-csv", "text/csv; charset=utf-8"),
    "itas-answer-sheet.xlsx": ("sheet-xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


class Refused(Exception):
    """A request refused with a reason of :data:`oit.web.i18n.ERRORS`, and maybe a detail (the same in both
    languages: a field's name, a host)."""

    def __init__(self, status: int, code: str, detail: str = ""):
        super().__init__(code)
        self.status, self.code, self.detail = status, code, detail

    def texts(self) -> tuple[str, str]:
        th, en = ERRORS.get(self.code, ERRORS["error"])
        return (f"{th}: {self.detail}", f"{en}: {self.detail}") if self.detail else (th, en)


class CheckRequest(BaseModel):
    url: str = Field(max_length=2000, description="The unit's homepage (http or https).")
    year: int | None = Field(
        None, strict=True, description="Fiscal year assessed, Buddhist era (default: the one under way)."
    )
    unit_type: Literal["lao", "agency", "school"] = Field(
        "lao", description="lao (อปท.), agency (หน่วยงานภาครัฐ) or school (วิทยาลัยอาชีวศึกษา, OVEC's list)."
    )


class CheckState(BaseModel):
    id: str
    url: str
    year: int
    unit_type: str
    state: Literal["queued", "running", "done", "failed", "interrupted"]
    created: str
    started: str | None = None
    finished: str | None = None
    reason: str | None = Field(None, description="Why it failed or was interrupted; the crawl problem of a done one.")
    progress: dict = Field(default_factory=dict, description="pages, documents, ocr_pages, items_listed, stage.")
    score: float | None = None
    band: str | None = None
    links: dict[str, str] = Field(default_factory=dict)


class ApiError(BaseModel):
    error: dict[str, str] = Field(description="code, message_th, message_en")


def web_url(text: str) -> str:
    """The http(s) URL a user means by ``text`` (``www.example.go.th`` gets ``http://``), or Refused "url": another
    scheme (also ``file:/x`` or ``mailto:a@b``, which have no ``//``), no host, an unreadable port or bracket."""
    try:
        url = ensure_scheme(text)
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise Refused(400, "url") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise Refused(400, "url")
    return url


def years() -> list[int]:
    offered = sorted({y for ys in bundled_schemes().values() for y in ys} | {default_fiscal_year()}, reverse=True)
    return offered


def create_app(settings: WebSettings) -> FastAPI:
    """The web app for ``settings`` (its data directory, pool or broker, limits)."""
    secret = settings.secret or secrets.token_urlsafe(32)
    book = CheckBook(settings.book_path)
    limits = RateLimits(settings.check_rate, settings.request_rate)
    state: dict = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        state["runner"] = CheckRunner(settings, book)
        yield
        state["runner"].close()

    app = FastAPI(
        title="OIT self-check",
        summary="Check a Thai government unit's website against the OIT items of NACC's ITA assessment.",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    # every template escapes what it shows (select_autoescape would miss the .j2 suffix)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    templates = Jinja2Templates(env=env)
    templates.env.globals.update(href=safe_href, display_url=display_url)

    def runner() -> CheckRunner:
        return state["runner"]

    def lang_of(request: Request) -> str:
        return pick(request.query_params.get("lang") or request.cookies.get(LANG_COOKIE))

    def page(request: Request, name: str, status: int = 200, **values) -> HTMLResponse:  # noqa: ANN003
        lang = lang_of(request)
        cookie = request.cookies.get(CSRF_COOKIE) or new_csrf_cookie()
        values.update(lang=lang, t=translator(lang), csrf=csrf_token(secret, cookie))
        response = templates.TemplateResponse(request, name, values, status_code=status)
        secure = request.url.scheme == "https"
        if request.cookies.get(CSRF_COOKIE) != cookie:
            response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", secure=secure)
        if request.query_params.get("lang") in ("th", "en"):
            response.set_cookie(LANG_COOKIE, lang, samesite="lax", secure=secure, max_age=365 * 86400)
        return response

    def is_json(request: Request) -> bool:
        return request.headers.get("content-type", "").split(";")[0].strip().lower() == "application/json"

    def is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    def refused_response(request: Request, exc: Refused) -> Response:
        th, en = exc.texts()
        if is_api(request):
            body = {"error": {"code": exc.code, "message_th": th, "message_en": en}}
            return JSONResponse(body, status_code=exc.status)
        return page(request, "error.html.j2", exc.status, message=th if lang_of(request) == "th" else en)

    @app.exception_handler(Refused)
    async def on_refused(request: Request, exc: Refused) -> Response:
        return refused_response(request, exc)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        code = "not_found" if exc.status_code == 404 else "invalid"
        return refused_response(request, Refused(exc.status_code, code))

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        fields = ", ".join(".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors())
        return refused_response(request, Refused(422, "invalid", fields))

    @app.exception_handler(Exception)
    async def on_error(request: Request, exc: Exception) -> Response:
        logger.error("error on %s", request.url.path, exc_info=exc)
        # answered by Starlette's outermost middleware, outside SecurityHeaders: the headers are set here
        return hardened(refused_response(request, Refused(500, "error")))

    @app.middleware("http")
    async def rate_limited(request: Request, call_next):  # noqa: ANN001, ANN202
        if not request.url.path.startswith("/static/") and not limits.allow_request(client_of(request)):
            return refused_response(request, Refused(429, "rate"))
        if request.method == "POST" and is_api(request) and not is_json(request):
            return refused_response(request, Refused(415, "json"))  # a form of another site cannot send JSON
        return await call_next(request)

    app.add_middleware(SecurityHeaders)  # added last, so outermost: also the answers of the middleware above

    # --- starting a check --------------------------------------------------------------------------------------

    async def start_check(request: Request, url: str, year: int | None, unit_type: str) -> dict:
        """Refuse or start a check (or return the same site's check already under way)."""
        if unit_type not in UNIT_TYPES:
            raise Refused(400, "unit_type")
        if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
            raise Refused(400, "year", str(year))
        url = web_url(url)
        year = year or default_fiscal_year()
        if why := await refusal(url, settings.allow_private):
            raise Refused(400, "address", why)
        client = client_of(request)
        if same := book.same_active(url, year, unit_type):
            return same
        may_start(client)
        try:
            from oit.web.checks import plan_of

            plan_of({"url": url, "year": year, "unit_type": unit_type}, settings)
        except CatalogError as exc:
            raise Refused(400, "year", str(exc)) from exc
        except ValueError as exc:
            raise Refused(400, "url", str(exc)) from exc
        check_id = book.add(url, year, unit_type, client)
        runner().submit(check_id)
        return book.get(check_id)

    def may_start(client: str) -> None:
        """The caps on checks under way (this client's, everyone's) and the client's rate of new checks."""
        if len(book.active(client)) >= settings.max_active_per_client:
            raise Refused(429, "client_busy")
        if len(book.active()) >= settings.max_active:
            raise Refused(503, "busy")
        if not limits.allow_check(client):
            raise Refused(429, "rate")

    def resume_check(request: Request, check_id: str) -> dict:
        check = known(check_id)
        if check["state"] != "interrupted":
            raise Refused(409, "not_resumable")
        may_start(client_of(request))
        book.update(check_id, state="queued", reason="", finished=None, resumes=(check.get("resumes") or 0) + 1)
        runner().submit(check_id, resume=True)
        return book.get(check_id)

    def known(check_id: str) -> dict:
        check = book.get(check_id) if len(check_id) < 40 else None
        if check is None:
            raise Refused(404, "not_found")
        return check

    def done(check_id: str) -> tuple[dict, Report]:
        check = known(check_id)
        if check["state"] != "done":
            raise Refused(409, "not_done")
        return check, runner().report(check)

    def check_state(check: dict) -> CheckState:
        links = {"page": f"/checks/{check['id']}"}
        if check["state"] == "done":
            links["report"] = f"/api/checks/{check['id']}/report.json"
        return CheckState(**{k: check.get(k) for k in CheckState.model_fields if k in check},
                          progress=runner().progress(check), links=links)  # fmt: skip

    # --- pages -------------------------------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def home(request: Request) -> Response:
        return page(request, "index.html.j2", years=years(), default_year=default_fiscal_year(),
                    unit_types=list(UNIT_TYPES), error="", form={})  # fmt: skip

    @app.post("/checks", include_in_schema=False)
    async def form_check(
        request: Request,
        url: str = Form("", max_length=2000),
        year: int | None = Form(None),
        unit_type: str = Form("lao"),
        csrf_token_: str = Form("", alias="csrf_token"),
    ) -> Response:
        form = {"url": url, "year": year, "unit_type": unit_type}
        try:
            if not csrf_ok(request, secret, csrf_token_):
                raise Refused(403, "csrf")
            check = await start_check(request, url, year, unit_type)
        except Refused as exc:
            th, en = exc.texts()
            error = th if lang_of(request) == "th" else en
            return page(request, "index.html.j2", exc.status, years=years(), default_year=default_fiscal_year(),
                        unit_types=list(UNIT_TYPES), error=error, form=form)  # fmt: skip
        return RedirectResponse(f"/checks/{check['id']}", status_code=303)

    @app.get("/checks/{check_id}", response_class=HTMLResponse, include_in_schema=False)
    async def check_page(request: Request, check_id: str) -> Response:
        check = known(check_id)
        if check["state"] != "done":
            return page(request, "progress.html.j2", check=check, progress=runner().progress(check),
                        broker=bool(settings.broker), active=check["state"] in ACTIVE)  # fmt: skip
        report = runner().report(check)
        history = runner().history(check["unit_id"]) if check.get("unit_id") else []
        by_run = book.by_run([p.run_id for p in history])
        return page(request, "result.html.j2", check=check, **report_context(report),
                    history=[(p, by_run.get(p.run_id)) for p in reversed(history)])  # fmt: skip

    @app.post("/checks/{check_id}/resume", include_in_schema=False)
    async def form_resume(request: Request, check_id: str, csrf_token_: str = Form("", alias="csrf_token")) -> Response:
        if not csrf_ok(request, secret, csrf_token_):
            raise Refused(403, "csrf")
        resume_check(request, check_id)
        return RedirectResponse(f"/checks/{check_id}", status_code=303)

    @app.get("/checks/{check_id}/{name}", include_in_schema=False)
    async def download(check_id: str, name: str) -> Response:
        if name not in DOWNLOADS:
            raise Refused(404, "not_found")
        check, report = done(check_id)
        fmt, media = DOWNLOADS[name]
        if fmt == "sheet-xlsx":
            with tempfile.TemporaryDirectory() as tmp:
                body: bytes | str = write_answer_sheet_xlsx(report, Path(tmp) / "sheet.xlsx").read_bytes()
        elif fmt == "sheet-csv":
            body = render_answer_sheet_csv(report)
        else:
            body = render(report, fmt)
        filename = f"oit-{check['year']}-{check_id}-{name}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"', "Content-Security-Policy": FILE_POLICY}
        return Response(body, media_type=media, headers=headers)

    @app.get("/units/{unit_id}/trend.svg", include_in_schema=False)
    async def trend(unit_id: int = PathParam(ge=1, le=2**63 - 1)) -> Response:
        points = runner().history(unit_id)
        if not points:
            raise Refused(404, "not_found")
        svg = trend_svg(trend_points(points))
        return Response(str(svg), media_type="image/svg+xml", headers={"Content-Security-Policy": FILE_POLICY})

    # --- the JSON API ------------------------------------------------------------------------------------------

    errors = {400: {"model": ApiError}, 404: {"model": ApiError}, 429: {"model": ApiError}, 503: {"model": ApiError}}

    @app.post("/api/checks", status_code=202, response_model=CheckState, responses=errors, tags=["checks"])
    async def api_check(request: Request, body: CheckRequest) -> CheckState:
        """Start checking a unit's website; returns the check (its ``id``) at once. A URL whose host is inside a
        private network is refused (400) unless the server was started with ``--allow-private``."""
        return check_state(await start_check(request, body.url, body.year, body.unit_type))

    @app.get("/api/checks/{check_id}", response_model=CheckState, responses=errors, tags=["checks"])
    async def api_state(check_id: str) -> CheckState:
        """The check's state and progress."""
        return check_state(known(check_id))

    @app.get("/api/checks/{check_id}/report.json", responses=errors, tags=["checks"])
    async def api_report(check_id: str) -> Response:
        """The report of a finished check: the JSON of ``oit check --format json`` (schema: docs/report-json.md)."""
        _check, report = done(check_id)
        return Response(render(report, "json"), media_type="application/json")

    @app.post("/api/checks/{check_id}/resume", status_code=202, response_model=CheckState, responses=errors,
              tags=["checks"])  # fmt: skip
    async def api_resume(request: Request, check_id: str) -> CheckState:
        """Continue an interrupted check (the server stopped while it ran) where its crawl stopped."""
        return check_state(resume_check(request, check_id))

    return app
