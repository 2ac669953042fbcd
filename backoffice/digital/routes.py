from typing import Annotated

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from backoffice.auth import require_service_token
from backoffice.clock import Clock, get_clock
from backoffice.db import get_session
from backoffice.digital import service
from backoffice.digital.rules import Signal
from backoffice.digital.schemas import AssessmentRead, AssessmentRequest, ChoiceRequest, CourseRead, CoursesRead
from backoffice.jobseekers.schemas import DigitalChoiceRead
from backoffice.types import DbIdPath

router = APIRouter(tags=["digital"], dependencies=[Depends(require_service_token)])

SessionDep = Annotated[Session, Depends(get_session)]
ClockDep = Annotated[Clock, Depends(get_clock)]


@router.post("/digital/assessments", response_model=AssessmentRead)
def assess(body: AssessmentRequest, session: SessionDep, clock: ClockDep) -> AssessmentRead:
    """Scores the conversation's signals; for a known jobseeker with the dossier's evidence, and stored."""
    result, previous = service.assess(
        session=session,
        jobseeker_id=body.jobseeker_id,
        channel=body.channel,
        signals=[Signal(signal.code, signal.detail) for signal in body.signals],
        clock=clock,
    )
    session.commit()
    return AssessmentRead(level=result.level, score=result.score, evidence=result.evidence, previous_level=previous)


@router.post("/jobseekers/{jobseeker_id}/digital-choice", response_model=DigitalChoiceRead)
def record_choice(
    jobseeker_id: DbIdPath, body: ChoiceRequest, session: SessionDep, clock: ClockDep
) -> DigitalChoiceRead:
    """Stores in the dossier what the jobseeker chose: an appointment, a call back or a course."""
    jobseeker = service.record_choice(
        session=session, jobseeker_id=jobseeker_id, choice=body.choice, channel=body.channel, clock=clock
    )
    session.commit()
    return DigitalChoiceRead(
        choice=jobseeker.digital_choice, channel=jobseeker.digital_choice_channel, chosen_at=jobseeker.digital_choice_at
    )


@router.get("/digital/courses", response_model=CoursesRead)
def nearby_courses(
    session: SessionDep,
    clock: ClockDep,
    municipality: Annotated[str | None, Query(min_length=1, max_length=80, description="Name or postcode")] = None,
    jobseeker_id: Annotated[
        int | None, Query(gt=0, le=2**31 - 1, description="Used when no municipality is given")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 3,
) -> CoursesRead:
    """Courses in digital skills that start after today, nearest first; without a place, earliest first."""
    home, found = service.nearest_courses(
        session=session, municipality=municipality, jobseeker_id=jobseeker_id, limit=limit, clock=clock
    )
    courses = [
        CourseRead(
            id=course.id,
            name=course.name,
            organiser=course.organiser,
            place=course.municipality,
            address=course.address,
            starts_on=course.starts_on,
            weekday=service.WEEKDAYS[course.starts_on.weekday()],
            schedule=course.schedule,
            sessions=course.sessions,
            cost=course.cost,
            distance_km=round(distance, 1) if distance is not None else None,
            is_demo=course.is_demo,
        )
        for course, distance in found
    ]
    demo = any(course.is_demo for course in courses)
    return CoursesRead(
        municipality=home.name if home else None,
        courses=courses,
        notice=service.DEMO_COURSES_NOTICE if demo else None,
    )
