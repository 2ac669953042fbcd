from pydantic import BaseModel, Field

from backoffice.types import DbId


class ResolveIdentityRequest(BaseModel):
    channel: str = Field(min_length=1, max_length=40)
    identity_token: str = Field(min_length=1, max_length=2000)


class ResolvedIdentity(BaseModel):
    jobseeker_id: int
    first_name: str


class DemoLoginRequest(BaseModel):
    jobseeker_id: DbId


class DemoLoginResponse(BaseModel):
    identity_token: str
    jobseeker_id: int
    first_name: str
