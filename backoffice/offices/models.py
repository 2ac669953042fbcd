from sqlalchemy import Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from backoffice.db import Base


class Office(Base):
    """A werkwinkel, or a desk in a Flemish administrative centre (kind 'vac')."""

    __tablename__ = "offices"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="werkwinkel")
    municipality_nis: Mapped[str] = mapped_column(String(5), index=True)
    municipality: Mapped[str] = mapped_column(String(80))
    postcode: Mapped[str] = mapped_column(String(4))
    province: Mapped[str] = mapped_column(String(40), index=True)
    address: Mapped[str] = mapped_column(String(200))
    is_demo: Mapped[bool] = mapped_column(Boolean, default=True)
