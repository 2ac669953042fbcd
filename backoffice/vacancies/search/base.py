"""What both search engines share: the query, the answer, the filters and the ranking formula.

Ranking (both engines, in SQL):

    relevance = 0.60 * text + 0.25 * near + 0.15 * fresh
    text  = s / max(s)              the engine's text score s (SQLite: -bm25, PostgreSQL: ts_rank)
                                    relative to the best match of this search: 0..1; 0 without q
    near  = 1 / (1 + (d / 15)^2)    d: km from the location's point; 1 there, 0.5 at 15 km,
                                    0.2 at 30 km; 0 without a municipality to measure from
    fresh = 1 / (1 + age / 14)      age: days since posted_on; 1 today, 0.5 after two weeks

The statements are put together from fixed fragments of this package only; every value a
request brings is a bound parameter (hence the S608 exemptions below).

Ties are broken by id, the newest first, so a page never shuffles between two requests. d is
measured on a flat map scaled to the location's latitude (no square root, no trigonometry in
SQL: both engines compute it alike); within Flanders that is within half a percent of the
great-circle distance.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Protocol

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

W_TEXT, W_NEAR, W_FRESH = 0.60, 0.25, 0.15
NEAR_HALF_KM = 15.0
FRESH_HALF_DAYS = 14.0
# Without words and with more vacancies than this in the radius, rank a small circle first.
NEAREST_FIRST_FROM = 2000
MIN_CIRCLE_KM = 2.0
KM_PER_DEGREE_LAT = 110.574
KM_PER_DEGREE_LON_AT_EQUATOR = 111.320
# Never shown: posted after today or closed before it.
OPEN = ["v.posted_on <= :today", "(v.closing_on IS NULL OR v.closing_on >= :today)"]


@dataclass(frozen=True)
class Centre:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class SearchQuery:
    today: date
    text: str = ""
    occupation: str | None = None
    centre: Centre | None = None  # measure distances from here
    radius_km: float | None = None  # with centre: only vacancies this close
    municipality_nis: str | None = None  # only this municipality (radius 0)
    province: str | None = None
    contract_type: str | None = None
    work_schedule: str | None = None
    posted_since: date | None = None
    offset: int = 0
    limit: int = 10


@dataclass(frozen=True)
class SearchHits:
    total: int
    ids: list[int] = field(default_factory=list)  # best first


class SearchEngine(Protocol):
    name: str

    def index(self, session: Session, vacancy_ids: Sequence[int]) -> None:
        """Brings the index in step with these (new or changed) vacancies."""

    def rebuild(self, session: Session) -> None:
        """Indexes every vacancy anew, after a bulk load."""

    def search(self, session: Session, query: SearchQuery) -> SearchHits: ...


@dataclass
class SqlParts:
    """Pieces of one search statement; the engines fill in the text-search bits."""

    source: str = "vacancies v"  # FROM: an engine may put its text index first
    where: list[str] = field(default_factory=list)
    params: dict[str, object] = field(default_factory=dict)
    day: Callable[[date], object] = date.isoformat  # how the engine binds a date
    # Common table expressions the statement starts with (WITH RECURSIVE), e.g. the radius's points.
    ctes: list[str] = field(default_factory=list)
    points: bool = False  # the radius by the places vacancies lie at (see filter_parts)
    # COUNT(*) of every open vacancy as a difference of narrow counts (see OPEN_COUNT).
    count_open_by_difference: bool = False
    # With words: the matches in a MATERIALIZED table, MAX(s) and COUNT(*) in one pass over it
    # (SQLite; its window functions buffer the rows and pass over them once per function).
    materialize: bool = False

    def with_clause(self) -> str:
        return f"WITH RECURSIVE {', '.join(self.ctes)} " if self.ctes else ""


def filter_parts(query: SearchQuery, *, day: Callable[[date], object], points: bool = False) -> SqlParts:
    """The filters both engines apply, as SQL over `v` (vacancies). `day` binds a date as the engine wants it.

    A radius is a bounding box (for the place index) and the circle. With `points`, the box is
    instead the list of places (longitude, latitude) vacancies lie at inside the circle, found
    by skipping through the place index (see POINTS); the index then reads only the vacancies
    inside the circle, and the circle is measured once per place instead of once per vacancy.
    Only for a statement that reads `vacancies` first (no text index to drive it)."""
    parts = SqlParts(params={"today": day(query.today)}, day=day, points=points)
    parts.where += OPEN
    if query.occupation:
        parts.where.append("v.occupation = :occupation")
        parts.params["occupation"] = query.occupation
    if query.province:
        parts.where.append("v.province = :province")
        parts.params["province"] = query.province
    if query.contract_type:
        parts.where.append("v.contract_type = :contract_type")
        parts.params["contract_type"] = query.contract_type
    if query.work_schedule:
        parts.where.append("v.work_schedule = :work_schedule")
        parts.params["work_schedule"] = query.work_schedule
    if query.posted_since:
        parts.where.append("v.posted_on >= :posted_since")
        parts.params["posted_since"] = day(query.posted_since)
    if query.municipality_nis:
        parts.where.append("v.municipality_nis = :municipality_nis")
        parts.params["municipality_nis"] = query.municipality_nis
    if query.centre is not None:
        lon_km = KM_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(query.centre.latitude))
        parts.params.update(
            lat0=query.centre.latitude, lon0=query.centre.longitude, lat_km=KM_PER_DEGREE_LAT, lon_km=lon_km
        )
        if query.radius_km is not None and not query.municipality_nis:
            if points:
                parts.ctes += POINTS
                inside = f"p.lat <= :lat_max AND {distance_squared('p.lat', 'p.lon')} <= :radius_squared"
                places = f"SELECT p.lon, p.lat FROM points p WHERE {inside}"  # noqa: S608
                parts.where.append(f"(v.longitude, v.latitude) IN ({places})")
            else:
                # The bounding box lets the (longitude, latitude) index narrow the rows first.
                parts.where += [
                    "v.latitude BETWEEN :lat_min AND :lat_max",
                    "v.longitude BETWEEN :lon_min AND :lon_max",
                    f"{distance_squared()} <= :radius_squared",
                ]
            parts.params.update(
                lat_min=query.centre.latitude - query.radius_km / KM_PER_DEGREE_LAT,
                lat_max=query.centre.latitude + query.radius_km / KM_PER_DEGREE_LAT,
                lon_min=query.centre.longitude - query.radius_km / lon_km,
                lon_max=query.centre.longitude + query.radius_km / lon_km,
                radius_squared=query.radius_km**2,
            )
    return parts


# The distinct places (longitude, latitude) in the bounding box, in the order of the place index
# (ix_vacancies_geo: longitude, latitude, ...): each step is one seek to the next longitude, or
# to the next latitude at the same longitude, never a scan through the vacancies at a place.
# Vacancies lie at their municipality's point, so a box holds a few hundred places at most.
POINTS = [
    "longitudes(lon) AS ("
    "SELECT MIN(x.longitude) FROM vacancies x WHERE x.longitude BETWEEN :lon_min AND :lon_max"
    " UNION ALL SELECT (SELECT MIN(x.longitude) FROM vacancies x WHERE x.longitude > l.lon AND x.longitude <= :lon_max)"
    " FROM longitudes l WHERE l.lon IS NOT NULL)",
    "points(lon, lat) AS ("
    "SELECT l.lon, (SELECT MIN(x.latitude) FROM vacancies x WHERE x.longitude = l.lon AND x.latitude >= :lat_min)"
    " FROM longitudes l WHERE l.lon IS NOT NULL"
    " UNION ALL SELECT p.lon,"
    " (SELECT MIN(x.latitude) FROM vacancies x WHERE x.longitude = p.lon AND x.latitude > p.lat)"
    " FROM points p WHERE p.lat <= :lat_max)",
]


def distance_squared(latitude: str = "v.latitude", longitude: str = "v.longitude") -> str:
    north = f"(({latitude} - :lat0) * :lat_km)"
    east = f"(({longitude} - :lon0) * :lon_km)"
    return f"({north} * {north} + {east} * {east})"


def count_statement(parts: SqlParts) -> str:
    """The number of matches alone: for a page past the end, where no row carries the total."""
    if parts.count_open_by_difference and parts.source == "vacancies v" and parts.where == OPEN:
        return OPEN_COUNT
    where = " AND ".join(parts.where)
    return f"{parts.with_clause()}SELECT COUNT(*) FROM {parts.source} WHERE {where}"  # noqa: S608


# Every open vacancy: all of them (SQLite counts a whole table from its pages, without a row
# each), less those posted after today and those closed before it (narrow index ranges: few),
# plus those both (counted twice). Counting the open ones row by row reads 100,000 index entries.
OPEN_COUNT = (
    "SELECT (SELECT COUNT(*) FROM vacancies)"
    " - (SELECT COUNT(*) FROM vacancies WHERE posted_on > :today)"
    " - (SELECT COUNT(*) FROM vacancies WHERE closing_on < :today)"
    " + (SELECT COUNT(*) FROM vacancies WHERE posted_on > :today AND closing_on < :today)"
)


def run(
    session: Session, parts: SqlParts, *, query: SearchQuery, text_score: str | None, age_days: str, fence: str = ""
) -> SearchHits:
    if text_score is None and query.centre is None:
        return _by_freshness(session, parts, query=query)
    if text_score is None and query.radius_km is not None and not query.municipality_nis:
        return _nearest_first(session, parts, query=query, age_days=age_days, fence=fence)
    statement = ranked_statement(parts, query=query, text_score=text_score, age_days=age_days, fence=fence)
    rows = session.execute(sql(statement), {**parts.params, "limit": query.limit, "offset": query.offset}).all()
    if rows:
        return SearchHits(total=rows[0].total, ids=[row.id for row in rows])
    if not query.offset:
        return SearchHits(total=0)
    return SearchHits(total=session.execute(sql(count_statement(parts)), parts.params).scalar_one())


def reach_km(score: float) -> float:
    """How far away a vacancy can lie and still score `score` without words: fresh is at most 1."""
    near = (score - W_FRESH) / W_NEAR
    if near <= 0:
        return math.inf
    if near >= 1:
        return 0.0
    return NEAR_HALF_KM * math.sqrt(1 / near - 1)


def _nearest_first(session: Session, parts: SqlParts, *, query: SearchQuery, age_days: str, fence: str) -> SearchHits:
    """Without words the score is 0.25 near + 0.15 fresh, so a vacancy d km away scores at most
    0.25 near(d) + 0.15. With many vacancies in the radius (a 15 km circle around Brussels holds a
    quarter of them), rank a small circle first, sized to hold about 40 times the page: when its
    k-th score is out of reach for anything further away, that page is the page of the whole
    radius, found without scoring every vacancy in it. Else rank the circle that can still
    compete (then, if need be, the whole radius). The total is counted first, from the index."""
    total = session.execute(sql(count_statement(parts)), parts.params).scalar_one()
    wanted = query.offset + query.limit
    if total <= NEAREST_FIRST_FROM or wanted >= total:
        return _ranked(session, parts, query=query, age_days=age_days, fence=fence, total=total)
    radius = min(query.radius_km, max(MIN_CIRCLE_KM, query.radius_km * math.sqrt(40 * wanted / total)))
    while True:
        circle = replace(query, radius_km=radius, offset=0, limit=wanted)
        inside = filter_parts(circle, day=parts.day, points=parts.points)
        statement = ranked_statement(
            inside, query=circle, text_score=None, age_days=age_days, fence=fence, with_total=False
        )
        rows = session.execute(sql(statement), {**inside.params, "limit": wanted, "offset": 0}).all()
        if radius >= query.radius_km:
            break
        # A hair of margin: a vacancy exactly on the edge with an equal score could win on its id.
        edge = reach_km(rows[-1].relevance - 1e-9) if len(rows) >= wanted else math.inf
        if edge <= radius:
            break
        radius = min(query.radius_km, edge)
    return SearchHits(total=total, ids=[row.id for row in rows[query.offset :]])


def _ranked(
    session: Session, parts: SqlParts, *, query: SearchQuery, age_days: str, fence: str, total: int
) -> SearchHits:
    statement = ranked_statement(parts, query=query, text_score=None, age_days=age_days, fence=fence, with_total=False)
    rows = session.execute(sql(statement), {**parts.params, "limit": query.limit, "offset": query.offset}).all()
    return SearchHits(total=total, ids=[row.id for row in rows])


def _by_freshness(session: Session, parts: SqlParts, *, query: SearchQuery) -> SearchHits:
    """Without words and without a place to measure from, relevance is freshness alone, which falls
    as posted_on does: the posted_on index reads the page in order and stops, the count runs apart.
    Same order as the formula, without scoring every open vacancy."""
    where = " AND ".join(parts.where)
    order = "ORDER BY v.posted_on DESC, v.id DESC LIMIT :limit OFFSET :offset"
    page = f"{parts.with_clause()}SELECT v.id FROM {parts.source} WHERE {where} {order}"  # noqa: S608
    ids = list(session.scalars(sql(page), {**parts.params, "limit": query.limit, "offset": query.offset}))
    total = session.execute(sql(count_statement(parts)), parts.params).scalar_one()
    return SearchHits(total=total, ids=ids)


def ranked_statement(
    parts: SqlParts,
    *,
    query: SearchQuery,
    text_score: str | None,
    age_days: str,
    fence: str = "",
    with_total: bool = True,
) -> str:
    """The search as one statement: filtered rows, their relevance, the total, one page.

    `fence` ends the innermost query: PostgreSQL's " OFFSET 0" keeps it from being merged into
    the outer ones, so the text score is computed once per row, not once per use. Without words
    and `with_total=False` (the caller counted already) no window runs over the rows: the sort
    keeps only the page instead of holding every row for COUNT(*) OVER (). With words and
    `parts.materialize` (SQLite) the matches go into a MATERIALIZED table instead and MAX(s) with
    COUNT(*) take one pass over it: the same values as the windows, about a tenth faster.
    """
    near = f"1.0 / (1.0 + {distance_squared()} / {NEAR_HALF_KM**2})" if query.centre is not None else "0.0"
    fresh = f"1.0 / (1.0 + ({age_days}) / {FRESH_HALF_DAYS})"
    score = text_score if text_score is not None else "0.0"
    where = " AND ".join(parts.where)
    inner = (
        f"SELECT v.id AS id, {score} AS s, {near} AS near, {fresh} AS fresh FROM {parts.source} WHERE {where}{fence}"  # noqa: S608
    )
    # s / MAX(s): the best text match of this search scores 1, whatever the engine's own scale.
    text = "CASE WHEN MAX(s) OVER () > 0 THEN s / MAX(s) OVER () ELSE 0.0 END" if text_score else "0.0"
    if text_score and parts.materialize:
        ctes = [
            *parts.ctes,
            f"matched AS MATERIALIZED ({inner})",
            "best AS (SELECT MAX(s) AS s, COUNT(*) AS n FROM matched)",
        ]
        relevance = (
            f"{W_TEXT} * (CASE WHEN best.s > 0 THEN matched.s / best.s ELSE 0.0 END)"
            f" + {W_NEAR} * matched.near + {W_FRESH} * matched.fresh"
        )
        return (
            f"WITH RECURSIVE {', '.join(ctes)} SELECT matched.id AS id, {relevance} AS relevance, best.n AS total"  # noqa: S608
            " FROM best CROSS JOIN matched ORDER BY relevance DESC, id DESC LIMIT :limit OFFSET :offset"
        )
    total = " COUNT(*) OVER () AS total" if with_total or text_score else " NULL AS total"
    scored = (
        f"SELECT id, {W_TEXT} * ({text}) + {W_NEAR} * near + {W_FRESH} * fresh AS relevance,{total}"  # noqa: S608
        f" FROM ({inner}) AS matched"
    )
    return (
        f"{parts.with_clause()}SELECT id, relevance, total FROM ({scored}) AS ranked ORDER BY relevance DESC, id DESC"  # noqa: S608
        " LIMIT :limit OFFSET :offset"
    )
