from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import JSONResponse
from pydantic import StringConstraints
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.config import Settings, get_settings
from backoffice.db import get_session
from backoffice.errors import InvalidInputError
from backoffice.handoffs import delivery, service
from backoffice.handoffs.models import STATES
from backoffice.handoffs.rasa_client import RasaClient
from backoffice.handoffs.schemas import (
    Availability,
    ClaimRequest,
    ClosedError,
    CloseRequest,
    HandBackRequest,
    HandoffCreate,
    HandoffDetail,
    HandoffRead,
    MessageCreate,
    MessageRead,
    RedirectRequest,
)
from backoffice.types import MAX_DB_ID, DbIdPath

router = APIRouter(prefix="/handoffs", tags=["handoffs"], dependencies=[Depends(require_service_token)])


def get_rasa_client(settings: Annotated[Settings, Depends(get_settings)]) -> Iterator[RasaClient]:
    """FastAPI dependency; tests override it with a client on a fake transport."""
    client = RasaClient.from_settings(settings)
    try:
        yield client
    finally:
        client.close()


SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
RasaDep = Annotated[RasaClient, Depends(get_rasa_client)]
ConversationId = Annotated[str, StringConstraints(min_length=1, max_length=255)]


def _deliver(*, session: Session, rasa: RasaClient, handoff_id: int, clock: Clock) -> None:
    # After the commit: what is pushed is stored, whatever Rasa answers.
    delivery.deliver_handoff(session=session, client=rasa, handoff_id=handoff_id, clock=clock)


@router.get("/availability", response_model=Availability)
def availability(settings: SettingsDep, clock: ClockDep) -> Availability:
    """Whether live chat with a consultant is open now (Servicelijn hours, Brussels time)."""
    return service.availability(settings=settings, clock=clock)


@router.post(
    "",
    response_model=HandoffRead,
    status_code=201,
    responses={
        200: {"model": HandoffRead, "description": "The conversation's open handoff (a retry)"},
        409: {"model": ClosedError, "description": "A live handoff outside office hours; offer a call back"},
    },
)
def create_handoff(
    body: HandoffCreate, response: Response, session: SessionDep, settings: SettingsDep, clock: ClockDep
) -> HandoffRead | JSONResponse:
    try:
        handoff, created = service.create_handoff(session=session, request=body, settings=settings, clock=clock)
    except service.OfficeClosedError as closed:
        return JSONResponse(
            ClosedError(detail="closed", **closed.availability.model_dump(exclude={"open"})).model_dump(mode="json"),
            status_code=409,
        )
    session.commit()
    if not created:
        response.status_code = 200
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.get("", response_model=list[HandoffRead])
def list_handoffs(
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    province: Annotated[str | None, Query(max_length=40)] = None,
    office_id: Annotated[int | None, Query(gt=0, le=MAX_DB_ID)] = None,
    state: Annotated[str, Query(max_length=100, description="Comma-separated states")] = "waiting,accepted",
) -> list[HandoffRead]:
    """Most urgent first (priority), then the longest waiting."""
    states = [part.strip() for part in state.split(",") if part.strip()]
    if not states or any(part not in STATES for part in states):
        raise InvalidInputError(f"state must be a comma-separated list of {', '.join(STATES)}")
    handoffs = service.list_handoffs(session=session, states=states, province=province, office_id=office_id)
    return service.to_reads(session=session, handoffs=handoffs, settings=settings, clock=clock)


@router.get("/by-conversation/{conversation_id:path}", response_model=HandoffRead)
def by_conversation(
    conversation_id: ConversationId,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    latest: Annotated[bool, Query(description="The newest handoff whatever its state (the bot's recap)")] = False,
) -> HandoffRead:
    """The conversation's open handoff with a fresh queue position and expected wait."""
    if latest:
        handoff = service.latest_handoff(session=session, conversation_id=conversation_id)
    else:
        handoff = service.open_handoff(session=session, conversation_id=conversation_id)
    if handoff is None:
        raise service.NotFoundError(
            "No open handoff for this conversation" if not latest else "No handoff for this conversation"
        )
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.get("/{handoff_id}", response_model=HandoffDetail)
def get_handoff(handoff_id: DbIdPath, session: SessionDep, settings: SettingsDep, clock: ClockDep) -> HandoffDetail:
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    return service.to_detail(session=session, handoff=handoff, settings=settings, clock=clock)


@router.get("/{handoff_id}/messages", response_model=list[MessageRead])
def list_messages(
    handoff_id: DbIdPath, session: SessionDep, after: Annotated[int, Query(ge=0, le=MAX_DB_ID)] = 0
) -> list[MessageRead]:
    """Messages with an id above `after`, oldest first: poll with the last id seen."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    return [
        service.message_read(message)
        for message in service.messages_after(session=session, handoff=handoff, after=after)
    ]


@router.post("/{handoff_id}/cancel", response_model=HandoffRead)
def cancel(handoff_id: DbIdPath, session: SessionDep, settings: SettingsDep, clock: ClockDep) -> HandoffRead:
    """The jobseeker stops waiting; 409 once a consultant has it or it ended."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    service.cancel(session=session, handoff=handoff, clock=clock)
    session.commit()
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.post("/{handoff_id}/claim", response_model=HandoffRead)
def claim(
    handoff_id: DbIdPath, body: ClaimRequest, session: SessionDep, settings: SettingsDep, clock: ClockDep, rasa: RasaDep
) -> HandoffRead:
    """One consultant wins; the other gets 409. The jobseeker hears who took over, the bot pauses."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    service.claim(session=session, handoff=handoff, consultant_id=body.consultant_id, clock=clock)
    session.commit()
    _deliver(session=session, rasa=rasa, handoff_id=handoff.id, clock=clock)
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.post("/{handoff_id}/messages", response_model=MessageRead, status_code=201)
def post_message(
    handoff_id: DbIdPath, body: MessageCreate, session: SessionDep, clock: ClockDep, rasa: RasaDep
) -> MessageRead:
    """Stored, then pushed to the jobseeker's channel; `delivery` says whether Rasa took it."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    message = service.post_message(
        session=session, handoff=handoff, consultant_id=body.consultant_id, text=body.text, clock=clock
    )
    session.commit()
    _deliver(session=session, rasa=rasa, handoff_id=handoff.id, clock=clock)
    session.refresh(message)
    return service.message_read(message)


@router.post("/{handoff_id}/hand-back", response_model=HandoffRead)
def hand_back(
    handoff_id: DbIdPath,
    body: HandBackRequest,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    rasa: RasaDep,
) -> HandoffRead:
    """Back to the bot: resume, then EXTERNAL_handoff_closed for the recap."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    service.hand_back(session=session, handoff=handoff, consultant_id=body.consultant_id, note=body.note, clock=clock)
    session.commit()
    _deliver(session=session, rasa=rasa, handoff_id=handoff.id, clock=clock)
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.post("/{handoff_id}/close", response_model=HandoffRead)
def close(
    handoff_id: DbIdPath, body: CloseRequest, session: SessionDep, settings: SettingsDep, clock: ClockDep, rasa: RasaDep
) -> HandoffRead:
    """Done: resume, then EXTERNAL_handoff_closed for the recap."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    service.close(session=session, handoff=handoff, consultant_id=body.consultant_id, outcome=body.outcome, clock=clock)
    session.commit()
    _deliver(session=session, rasa=rasa, handoff_id=handoff.id, clock=clock)
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)


@router.post("/{handoff_id}/redirect", response_model=HandoffRead)
def redirect(
    handoff_id: DbIdPath,
    body: RedirectRequest,
    session: SessionDep,
    settings: SettingsDep,
    clock: ClockDep,
    rasa: RasaDep,
) -> HandoffRead:
    """To another werkwinkel's queue; the consultant lets go, the conversation stays paused."""
    handoff = service.require_handoff(session=session, handoff_id=handoff_id)
    service.redirect(session=session, handoff=handoff, office_id=body.office_id, clock=clock)
    session.commit()
    _deliver(session=session, rasa=rasa, handoff_id=handoff.id, clock=clock)
    return service.to_read(session=session, handoff=handoff, settings=settings, clock=clock)
