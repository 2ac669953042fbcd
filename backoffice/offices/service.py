from sqlalchemy import select
from sqlalchemy.orm import Session

from backoffice.errors import InvalidInputError, NotFoundError
from backoffice.offices.models import Office
from backoffice.vacancies import places


def list_offices(*, session: Session, province: str | None = None) -> list[Office]:
    query = select(Office).order_by(Office.province, Office.name)
    if province:
        query = query.where(Office.province == province)
    return list(session.scalars(query))


def get_office(*, session: Session, office_id: int) -> Office | None:
    return session.get(Office, office_id)


def nearest_werkwinkel(*, session: Session, municipality_nis: str, province: str) -> Office | None:
    """The werkwinkel of the province nearest to the municipality (its own one first)."""
    offices = list(session.scalars(select(Office).where(Office.kind == "werkwinkel", Office.province == province)))
    home = places.by_nis(municipality_nis)
    if home is None:
        return min(offices, key=lambda office: office.name, default=None)

    def distance(office: Office) -> tuple[float, str]:
        point = places.by_nis(office.municipality_nis)
        if point is None:
            return (float("inf"), office.name)
        return (places.distance_km(home.latitude, home.longitude, point.latitude, point.longitude), office.name)

    return min(offices, key=distance, default=None)


def werkwinkel_for_place(*, session: Session, place: str) -> Office:
    """The werkwinkel for a municipality name or a postcode, for people without a dossier."""
    location = places.resolve_location(place)
    if location is None:
        raise NotFoundError("Municipality not found")
    if location.municipality is None:
        raise InvalidInputError("Give a municipality or a postcode, not a province")
    office = nearest_werkwinkel(
        session=session, municipality_nis=location.municipality.nis, province=location.municipality.province
    )
    if office is None:
        raise NotFoundError("No werkwinkel in this province")
    return office
