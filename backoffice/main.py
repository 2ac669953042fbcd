"""FastAPI application factory: `uvicorn backoffice.main:create_app --factory`."""

import logging
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy.orm import sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from backoffice.appointments.routes import router as appointments_router
from backoffice.assignments.routes import router as assignments_router
from backoffice.complaints.routes import router as complaints_router
from backoffice.config import get_settings
from backoffice.db import make_engine
from backoffice.digital.routes import router as digital_router
from backoffice.errors import DomainError, domain_error_handler
from backoffice.handoffs.routes import router as handoffs_router
from backoffice.handoffs.worker import HandoffJobs
from backoffice.health.routes import router as health_router
from backoffice.identity.routes import router as identity_router
from backoffice.inbox.api import router as inbox_api_router
from backoffice.inbox.complaints import router as inbox_complaints_router
from backoffice.inbox.deps import LoginRequiredError, login_url
from backoffice.inbox.events import router as inbox_events_router
from backoffice.inbox.routes import INBOX_DIR
from backoffice.inbox.routes import router as inbox_router
from backoffice.inbox.routes import templates as inbox_templates
from backoffice.inbox.security import InboxSecurityHeaders
from backoffice.jobseekers.routes import router as jobseekers_router
from backoffice.notifications.routes import router as notifications_router
from backoffice.offices.routes import router as offices_router
from backoffice.vacancies.routes import router as vacancies_router
from backoffice.widget.routes import router as widget_router

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "widget" / "static"


def _api_v1() -> APIRouter:
    api = APIRouter(prefix="/api/v1")
    routers = (
        health_router,
        identity_router,
        jobseekers_router,
        assignments_router,
        offices_router,
        vacancies_router,
        handoffs_router,
        digital_router,
        appointments_router,
        notifications_router,
        complaints_router,
    )
    for router in routers:
        api.include_router(router)
    return api


async def _validation_error(_: Request, error: RequestValidationError) -> JSONResponse:
    # Echo where the input was wrong, never the input itself: it may hold personal data.
    problems = [{"loc": list(item.get("loc", ())), "msg": item.get("msg", "")} for item in error.errors()]
    return JSONResponse({"detail": "Invalid request", "problems": problems}, status_code=422)


async def _login_required(_: Request, error: LoginRequiredError) -> RedirectResponse:
    return RedirectResponse(login_url(error.path), status_code=303)


async def _http_error(request: Request, error: StarletteHTTPException) -> Response:
    # Inbox pages answer in Dutch HTML; the JSON API, the streams and every other route as before.
    path = request.url.path
    if path.startswith("/inbox/") and not path.startswith(("/inbox/api/", "/inbox/events/", "/inbox/static/")):
        if error.status_code in (403, 404):
            message = "Je hebt geen toegang tot deze pagina." if error.status_code == 403 else "Niet gevonden."
            return inbox_templates.TemplateResponse(
                request=request,
                name="error.html",
                context={"user": None, "csrf_token": "", "message": message},
                status_code=error.status_code,
            )
    return await http_exception_handler(request, error)


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    # The settings as the routes see them (tests override them), read at startup so that an
    # invalid value (SERVICELIJN_HOURS, say) stops the app with a clear error right away.
    settings = app.dependency_overrides.get(get_settings, get_settings)()
    async with AsyncExitStack() as stack:
        if settings.background_jobs_enabled:
            engine = make_engine(settings.database_url)
            stack.callback(engine.dispose)
            jobs = HandoffJobs(settings=settings, session_factory=sessionmaker(bind=engine, expire_on_commit=False))
            await stack.enter_async_context(jobs.running())
        yield


def create_app() -> FastAPI:
    app = FastAPI(
        title="Wegwijs backoffice",
        version="1.0.0",
        description="Dossiers, assignments, werkwinkels and the chat widget of the Wegwijs assistant.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(DomainError, domain_error_handler)
    app.include_router(_api_v1())
    app.add_exception_handler(LoginRequiredError, _login_required)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.include_router(widget_router)
    app.include_router(inbox_complaints_router)
    app.include_router(inbox_router)
    app.include_router(inbox_events_router)
    app.include_router(inbox_api_router)
    app.mount("/inbox/static", StaticFiles(directory=INBOX_DIR / "static"), name="inbox-static")
    app.add_middleware(InboxSecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
