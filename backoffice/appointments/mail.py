"""Sending one e-mail over SMTP; a failure is reported, never raised.

Sent after the booking committed: a mail server that is down must not cost anyone their slot.
Logs name the appointment, never the address or the text.
"""

import logging
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

from backoffice.config import Settings

logger = logging.getLogger(__name__)


def send(*, settings: Settings, to: str, subject: str, body: str, log_ref: str) -> str:
    """Sends a plain-text mail; returns the e-mail status: sent, failed or disabled."""
    if not settings.smtp_host:
        return "disabled"
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=settings.smtp_from.rpartition("@")[2].strip("> ") or None)
    message.set_content(body)
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout_seconds) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password)
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("E-mail for %s not sent: %s", log_ref, type(error).__name__)
        return "failed"
    return "sent"
