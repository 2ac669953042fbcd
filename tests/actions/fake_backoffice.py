"""A local stand-in for the backoffice API on a loopback port, recording what it was asked."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from aiohttp import web
from aiohttp.test_utils import TestServer

TOKEN = "actions-test-token"  # noqa: S105
KNOWN_TOKENS = {"token-for-lotte": {"jobseeker_id": 7, "first_name": "Lotte"}}


@dataclass
class FakeBackoffice:
    url: str = ""
    requests: list[tuple[str, str]] = field(default_factory=list)
    fail_with: int | None = None


@asynccontextmanager
async def running_fake_backoffice() -> AsyncIterator[FakeBackoffice]:
    fake = FakeBackoffice()

    def authorised(request: web.Request) -> bool:
        return request.headers.get("Authorization") == f"Bearer {TOKEN}"

    async def resolve(request: web.Request) -> web.Response:
        fake.requests.append((request.method, request.path))
        if fake.fail_with:
            return web.json_response({"detail": "boom"}, status=fake.fail_with)
        if not authorised(request):
            return web.json_response({"detail": "Missing or invalid bearer token"}, status=401)
        body = await request.json()
        identity = KNOWN_TOKENS.get(body.get("identity_token"))
        if identity is None:
            return web.json_response({"detail": "No jobseeker for this identity"}, status=404)
        return web.json_response(identity)

    async def dossier(request: web.Request) -> web.Response:
        fake.requests.append((request.method, request.path))
        if not authorised(request):
            return web.json_response({"detail": "Missing or invalid bearer token"}, status=401)
        if request.match_info["jobseeker_id"] != "7":
            return web.json_response({"detail": "Jobseeker not found"}, status=404)
        return web.json_response(
            {"id": 7, "first_name": "Lotte", "municipality": "Genk", "province": "Limburg",
             "has_email": False, "office_id": 3}
        )  # fmt: skip

    app = web.Application()
    app.router.add_post("/api/v1/identity/resolve", resolve)
    app.router.add_get("/api/v1/jobseekers/{jobseeker_id}", dossier)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    fake.url = str(server.make_url("")).rstrip("/")
    try:
        yield fake
    finally:
        await server.close()
