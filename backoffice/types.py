"""Shared field types of the API schemas."""

from typing import Annotated

from fastapi import Path
from pydantic import Field

MAX_DB_ID = 2**31 - 1  # fits an INTEGER column in SQLite and PostgreSQL

DbId = Annotated[int, Field(gt=0, le=MAX_DB_ID)]
DbIdPath = Annotated[int, Path(gt=0, le=MAX_DB_ID)]
