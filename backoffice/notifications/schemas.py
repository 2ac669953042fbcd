from datetime import datetime

from pydantic import BaseModel, ConfigDict


class NotificationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    jobseeker_id: int
    kind: str
    title: str
    body: str
    created_at: datetime
    read_at: datetime | None
