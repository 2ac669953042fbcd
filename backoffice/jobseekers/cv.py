"""Checks an uploaded CV: a PDF, DOCX, ODT or TXT file of at most 5 MB whose bytes match its type.

The declared content type is not trusted on its own: the first bytes (and, for the zip-based
office formats, the names inside the archive) must agree with it.
"""

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from backoffice.errors import InvalidInputError, PayloadTooLargeError, UnsupportedMediaTypeError

MAX_CV_BYTES = 5 * 1024 * 1024
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TXT = "text/plain"
EXTENSIONS = {".pdf": PDF, ".docx": DOCX, ".odt": ODT, ".txt": TXT}
# Sent by clients that do not know the type; the extension and the bytes decide then.
GENERIC_TYPES = {"", "application/octet-stream", "binary/octet-stream"}
_CONTROL_ALLOWED = {"\t", "\n", "\r", "\f"}


@dataclass(frozen=True)
class CheckedCv:
    content_type: str
    filename: str


def _sniff_zip(content: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.getinfo("mimetype").file_size < 100:
                if archive.read("mimetype").strip() == ODT.encode():
                    return ODT
            if "word/document.xml" in names:
                return DOCX
    except (zipfile.BadZipFile, OSError, KeyError):
        return None
    return None


def _looks_like_text(content: bytes) -> bool:
    sample = content[:65536]
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = sample.decode("cp1252")  # Windows editors still write this
        except UnicodeDecodeError:
            return False
    controls = sum(1 for char in text if ord(char) < 32 and char not in _CONTROL_ALLOWED)
    return controls <= len(text) // 100


def sniff(content: bytes) -> str | None:
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"PK\x03\x04"):
        return _sniff_zip(content)
    return TXT if _looks_like_text(content) else None


def safe_filename(filename: str | None, content_type: str) -> str:
    """The file's own name without folders or control characters; never logged."""
    name = PurePosixPath((filename or "").replace("\\", "/")).name
    name = "".join(char for char in name if ord(char) >= 32 and char != "\x7f").strip()[:200]
    if not name:
        extension = next(ext for ext, kind in EXTENSIONS.items() if kind == content_type)
        name = f"cv{extension}"
    return name


def check_cv(*, content: bytes, declared_type: str | None, filename: str | None) -> CheckedCv:
    content_type = (declared_type or "").split(";")[0].strip().lower()
    if content_type in GENERIC_TYPES:
        content_type = EXTENSIONS.get(PurePosixPath((filename or "").lower()).suffix, "")
    if content_type not in EXTENSIONS.values():
        raise UnsupportedMediaTypeError("A CV must be a PDF, DOCX, ODT or TXT file")
    if len(content) > MAX_CV_BYTES:
        raise PayloadTooLargeError("A CV may be at most 5 MB")
    if not content:
        raise InvalidInputError("The file is empty")
    if sniff(content) != content_type:
        raise InvalidInputError("The file's content does not match its type")
    return CheckedCv(content_type=content_type, filename=safe_filename(filename, content_type))
