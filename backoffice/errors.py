"""Domain errors that services raise and one handler turns into clear 4xx answers.

Their details are fixed English sentences: they never carry the input, which may hold
personal data.
"""

from fastapi import Request
from fastapi.responses import JSONResponse


class DomainError(Exception):
    status_code = 400

    def __init__(self, detail: str, *, extra: dict[str, object] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        # More fields of the answer beside "detail" (e.g. other free slots); never the input.
        self.extra = extra or {}


class NotFoundError(DomainError):
    status_code = 404


class ConflictError(DomainError):
    status_code = 409


class InvalidInputError(DomainError):
    status_code = 422


class PayloadTooLargeError(DomainError):
    status_code = 413


class UnsupportedMediaTypeError(DomainError):
    status_code = 415


async def domain_error_handler(_: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, DomainError)
    return JSONResponse({**error.extra, "detail": error.detail}, status_code=error.status_code)
