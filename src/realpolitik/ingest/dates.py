"""Publication dates: many spellings in, one ISO date (YYYY-MM-DD) out, or a clear error naming the field."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from ..errors import InputError

_FIX = "expected an ISO date such as 2025-11-18"
#: Spelled-out dates seen in news metadata; tried in order after ISO and RFC 2822.
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value, origin: str) -> str | None:
    """Read a publication date as an ISO date string.

    A datetime with a time zone keeps the calendar date its publisher wrote (the local date), because
    relative phrases in the text ("yesterday") count from that date.

    Args:
        value: None, a ``date``/``datetime``, or a string: ISO date or datetime (``Z`` or offset allowed),
            RFC 2822 (``Tue, 18 Nov 2025 10:00:00 GMT``) or spelled out (``18 November 2025``).
        origin: where the value was read, for the error message.

    Returns:
        ``YYYY-MM-DD``, or None when the value is missing or blank.

    Raises:
        InputError: the value is not a date in any accepted form.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise InputError(origin, f"field 'published' is {value!r}", _FIX)
    text = " ".join(value.split())
    if not text:
        return None
    found = _parse_text(text)
    if found is None:
        raise InputError(origin, f"field 'published' is {value!r}", _FIX)
    return found.isoformat()


def _parse_text(text: str) -> date | None:
    """Try ISO, then RFC 2822, then the spelled-out formats; None when nothing fits."""
    if _ISO_DATE.match(text):
        try:
            return datetime.fromisoformat(text).date() if len(text) > 10 else date.fromisoformat(text)
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None
