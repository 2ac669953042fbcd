from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.db import get_session
from backoffice.offices import service
from backoffice.offices.schemas import OfficeRead
from backoffice.types import DbIdPath

router = APIRouter(prefix="/offices", tags=["offices"], dependencies=[Depends(require_service_token)])


@router.get("", response_model=list[OfficeRead])
def list_offices(
    session: Annotated[Session, Depends(get_session)],
    province: Annotated[str | None, Query(max_length=40)] = None,
) -> list[OfficeRead]:
    return service.list_offices(session=session, province=province)


# Before "/{office_id}": that path would otherwise take "for-municipality" as an id.
@router.get("/for-municipality", response_model=OfficeRead)
def office_for_municipality(
    session: Annotated[Session, Depends(get_session)],
    municipality: Annotated[str, Query(min_length=1, max_length=80, description="Name or postcode")],
) -> OfficeRead:
    """The werkwinkel nearest to a municipality in its own province."""
    return service.werkwinkel_for_place(session=session, place=municipality)


@router.get("/{office_id}", response_model=OfficeRead)
def get_office(office_id: DbIdPath, session: Annotated[Session, Depends(get_session)]) -> OfficeRead:
    office = service.get_office(session=session, office_id=office_id)
    if office is None:
        raise HTTPException(status_code=404, detail="Office not found")
    return office
