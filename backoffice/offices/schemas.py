from pydantic import BaseModel, ConfigDict


class OfficeRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    kind: str
    municipality: str
    postcode: str
    province: str
    address: str
    is_demo: bool
