"""Identity tokens the widget page hands to the bot, signed so they cannot be forged."""

from itsdangerous import BadSignature, URLSafeTimedSerializer

_SALT = "wegwijs.widget-identity.v1"


class InvalidIdentityTokenError(Exception):
    pass


def _serializer(secret: str) -> URLSafeTimedSerializer:
    if not secret:
        raise RuntimeError("WIDGET_SIGNING_KEY is not configured")
    return URLSafeTimedSerializer(secret, salt=_SALT)


def sign_identity(*, secret: str, jobseeker_id: int) -> str:
    return _serializer(secret).dumps({"jid": jobseeker_id})


def read_identity(*, secret: str, token: str, max_age_seconds: int) -> int:
    """Returns the jobseeker id; raises InvalidIdentityTokenError when forged, expired or malformed."""
    try:
        payload = _serializer(secret).loads(token, max_age=max_age_seconds)
    except BadSignature as error:  # SignatureExpired is a subclass
        raise InvalidIdentityTokenError(str(error)) from error
    jobseeker_id = payload.get("jid") if isinstance(payload, dict) else None
    if not isinstance(jobseeker_id, int):
        raise InvalidIdentityTokenError("token carries no jobseeker id")
    return jobseeker_id
