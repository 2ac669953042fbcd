"""Job suggestions for a jobseeker, each with a reason in plain Dutch.

Three sources, merged: vacancies a consultant or an employer pushed (first: someone chose them
for this person), then the profile-based and the collaborative ones taken in turns.

- profile: the dossier's desired occupations, within PROFILE_RADIUS_KM of the jobseeker's
  municipality, only with driving licences the jobseeker holds, in the preferred schedule when
  the dossier has one; nearest and freshest first (the search's near and fresh terms).
- similar: item-item co-occurrence over view/save/apply events. Each person is a vector of
  weights over vacancies (apply 3, save 2, view 1; the strongest event per vacancy counts); two
  vacancies are similar by the cosine of their columns, sim(i, j) = sum_u w_u(i) w_u(j) /
  sqrt(sum_u w_u(i)^2 * sum_u w_u(j)^2); a vacancy scores sum over the jobseeker's own
  vacancies i of w_me(i) * sim(i, j). Someone without events yet gets what people with a
  similar profile (a desired occupation in common, same province) did, weighted alike.
  Only within SIMILAR_RADIUS_KM: a vacancy far away is no help, however popular.

Never an expired vacancy, one already applied for or saved, or one twice.
"""

import math
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.assignments.rules import held_licences
from backoffice.clock import Clock
from backoffice.jobseekers.models import Jobseeker
from backoffice.vacancies import places
from backoffice.vacancies.models import PushedSuggestion, SavedVacancy, Vacancy, VacancyEvent
from backoffice.vacancies.schemas import Suggestion
from backoffice.vacancies.search.base import (
    FRESH_HALF_DAYS,
    KM_PER_DEGREE_LAT,
    KM_PER_DEGREE_LON_AT_EQUATOR,
    NEAR_HALF_KM,
)
from backoffice.vacancies.service import applied_vacancy_ids, is_open, point_of, to_card, vacancies_by_id

PROFILE_RADIUS_KM = 30.0
SIMILAR_RADIUS_KM = 50.0
EVENT_WEIGHTS = {"apply": 3.0, "save": 2.0, "view": 1.0}
MAX_NEIGHBOURS = 500  # the most recent people, enough for a signal, bounded for speed
VERBS = {"apply": "solliciteerden voor", "save": "bewaarden", "view": "bekeken"}


@dataclass(frozen=True)
class Candidate:
    vacancy_id: int
    source: str
    reason: str


def _near_fresh(vacancy: Vacancy, distance: float, clock: Clock) -> float:
    age = max(0, (clock.today - vacancy.posted_on).days)
    return 1 / (1 + (distance / NEAR_HALF_KM) ** 2) + 0.6 / (1 + age / FRESH_HALF_DAYS)


def _box(origin: tuple[float, float], radius_km: float) -> list:
    lat, lon = origin
    lon_km = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(lat))
    return [
        Vacancy.latitude.between(lat - radius_km / KM_PER_DEGREE_LAT, lat + radius_km / KM_PER_DEGREE_LAT),
        Vacancy.longitude.between(lon - radius_km / lon_km, lon + radius_km / lon_km),
    ]


def _open_filter(clock: Clock) -> list:
    return [Vacancy.posted_on <= clock.today, (Vacancy.closing_on.is_(None)) | (Vacancy.closing_on >= clock.today)]


def pushed(*, session: Session, jobseeker: Jobseeker, clock: Clock) -> list[Candidate]:
    query = (
        select(PushedSuggestion)
        .join(Vacancy, Vacancy.id == PushedSuggestion.vacancy_id)
        .where(PushedSuggestion.jobseeker_id == jobseeker.id, *_open_filter(clock))
        .order_by(PushedSuggestion.created_at.desc(), PushedSuggestion.id.desc())
    )
    result = []
    for push in session.scalars(query):
        reason = (
            "Je bemiddelaar raadt deze vacature aan."
            if push.source == "consultant"
            else "Een werkgever denkt dat deze vacature bij je past."
        )
        if push.note:
            reason = f"{reason} {push.note}"
        result.append(Candidate(push.vacancy_id, push.source, reason))
    return result


def profile_based(*, session: Session, jobseeker: Jobseeker, clock: Clock, limit: int) -> list[Candidate]:
    origin = point_of(jobseeker)
    occupations = list(jobseeker.desired_occupations or [])
    if origin is None or not occupations:
        return []
    query = select(Vacancy).where(
        Vacancy.occupation.in_(occupations), *_open_filter(clock), *_box(origin, PROFILE_RADIUS_KM)
    )
    if jobseeker.work_schedule:
        query = query.where(Vacancy.work_schedule == jobseeker.work_schedule)
    licences = held_licences(jobseeker.driving_licences or [])
    scored = []
    for vacancy in session.scalars(query):
        distance = places.distance_km(origin[0], origin[1], vacancy.latitude, vacancy.longitude)
        if distance > PROFILE_RADIUS_KM or not set(vacancy.driving_licences or []) <= licences:
            continue
        scored.append((-_near_fresh(vacancy, distance, clock), vacancy.id, vacancy))
    scored.sort(key=lambda item: item[:2])
    result = []
    for _, _, vacancy in scored[:limit]:
        if vacancy.municipality_nis == jobseeker.municipality_nis:
            reason = f"Je zoekt werk als {vacancy.occupation} in {jobseeker.municipality}."
        else:
            reason = f"Je zoekt werk als {vacancy.occupation} in de buurt van {jobseeker.municipality}."
        result.append(Candidate(vacancy.id, "profile", reason))
    return result


def _weights(rows) -> dict[int, dict[int, tuple[float, str]]]:
    """person -> vacancy -> (weight, kind) of the strongest event."""
    people: dict[int, dict[int, tuple[float, str]]] = defaultdict(dict)
    for jobseeker_id, vacancy_id, kind in rows:
        weight = EVENT_WEIGHTS.get(kind, 0.0)
        if weight > people[jobseeker_id].get(vacancy_id, (0.0, ""))[0]:
            people[jobseeker_id][vacancy_id] = (weight, kind)
    return people


def _events_of(session: Session, *conditions) -> dict[int, dict[int, tuple[float, str]]]:
    columns = (VacancyEvent.jobseeker_id, VacancyEvent.vacancy_id, VacancyEvent.kind)
    return _weights(session.execute(select(*columns).where(*conditions)).all())


def _similar_people(session: Session, jobseeker: Jobseeker) -> list[int]:
    """People with a desired occupation in common in the same province, most recently registered first."""
    wanted = set(jobseeker.desired_occupations or [])
    if not wanted:
        return []
    query = (
        select(Jobseeker.id, Jobseeker.desired_occupations)
        .where(Jobseeker.province == jobseeker.province, Jobseeker.id != jobseeker.id)
        .order_by(Jobseeker.id.desc())
    )
    return [person for person, occupations in session.execute(query) if wanted & set(occupations or [])][
        :MAX_NEIGHBOURS
    ]


def collaborative(*, session: Session, jobseeker: Jobseeker, clock: Clock, limit: int) -> list[Candidate]:
    mine = _events_of(session, VacancyEvent.jobseeker_id == jobseeker.id).get(jobseeker.id, {})
    scores: dict[int, float] = defaultdict(float)
    kinds: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    if mine:
        neighbours = select(VacancyEvent.jobseeker_id).where(
            VacancyEvent.vacancy_id.in_(list(mine)), VacancyEvent.jobseeker_id != jobseeker.id
        )
        people = _events_of(session, VacancyEvent.jobseeker_id.in_(neighbours.distinct().limit(MAX_NEIGHBOURS)))
        candidates = {item for items in people.values() for item in items} - set(mine)
        # The columns' norms need everyone's events on these vacancies, not only the neighbours'.
        columns = _events_of(session, VacancyEvent.vacancy_id.in_(list(candidates | set(mine))))
        norms: dict[int, float] = defaultdict(float)
        for items in columns.values():
            for vacancy_id, (weight, _) in items.items():
                norms[vacancy_id] += weight * weight
        for items in people.values():
            for own, (own_weight_there, _) in items.items():
                if own not in mine:
                    continue
                for vacancy_id, (weight, kind) in items.items():
                    if vacancy_id in mine:
                        continue
                    similarity = own_weight_there * weight / math.sqrt(norms[own] * norms[vacancy_id])
                    scores[vacancy_id] += mine[own][0] * similarity
                    kinds[vacancy_id][kind] += weight
    if not scores:
        people = _events_of(session, VacancyEvent.jobseeker_id.in_(_similar_people(session, jobseeker)))
        for items in people.values():
            for vacancy_id, (weight, kind) in items.items():
                scores[vacancy_id] += weight
                kinds[vacancy_id][kind] += weight
    if not scores:
        return []
    origin = point_of(jobseeker)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    found = vacancies_by_id(session=session, ids=[vacancy_id for vacancy_id, _ in ranked[: limit * 10]])
    result = []
    for vacancy_id, _ in ranked:
        vacancy = found.get(vacancy_id)
        if vacancy is None or not is_open(vacancy, clock.today):
            continue
        if origin and places.distance_km(*origin, vacancy.latitude, vacancy.longitude) > SIMILAR_RADIUS_KM:
            continue
        kind = max(kinds[vacancy_id].items(), key=lambda item: (item[1], EVENT_WEIGHTS[item[0]]))[0]
        reason = f"Mensen met een gelijkaardig profiel {VERBS[kind]} deze vacature."
        result.append(Candidate(vacancy_id, "similar", reason))
        if len(result) >= limit:
            break
    return result


def _alternate(first: list[Candidate], second: list[Candidate]) -> list[Candidate]:
    merged = []
    for index in range(max(len(first), len(second))):
        merged += [items[index] for items in (first, second) if index < len(items)]
    return merged


def suggestions(*, session: Session, jobseeker: Jobseeker, clock: Clock, limit: int) -> list[Suggestion]:
    excluded = applied_vacancy_ids(session=session, jobseeker_id=jobseeker.id)
    excluded |= set(session.scalars(select(SavedVacancy.vacancy_id).where(SavedVacancy.jobseeker_id == jobseeker.id)))
    # Ask each source for more than needed: some may be excluded or appear twice.
    wanted = limit + len(excluded) + 5
    candidates = pushed(session=session, jobseeker=jobseeker, clock=clock) + _alternate(
        profile_based(session=session, jobseeker=jobseeker, clock=clock, limit=wanted),
        collaborative(session=session, jobseeker=jobseeker, clock=clock, limit=wanted),
    )
    chosen: list[Candidate] = []
    for candidate in candidates:
        if candidate.vacancy_id in excluded:
            continue
        excluded.add(candidate.vacancy_id)
        chosen.append(candidate)
        if len(chosen) >= limit:
            break
    found = vacancies_by_id(session=session, ids=[candidate.vacancy_id for candidate in chosen])
    origin = point_of(jobseeker)
    return [
        Suggestion(
            vacancy=to_card(found[candidate.vacancy_id], origin), source=candidate.source, reason=candidate.reason
        )
        for candidate in chosen
    ]
