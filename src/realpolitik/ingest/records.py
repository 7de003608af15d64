"""Structured records (JSON objects, JSON Lines, CSV/TSV rows): one field vocabulary, one article each.

Fields: ``text`` (required; ``body`` and ``content`` are accepted too), ``title``, ``url``, ``published``
(or ``date``) and ``source``. A record's own date and source win over the ones given for the whole batch.
Unknown fields are ignored, so exports from other tools load as they are.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .dates import parse_published
from .html import html_article, looks_like_html
from .text import build_article, clean_text

TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date")
_STRING_FIELDS = ("title", "url", "source")


def record_article(record: Any, origin: str, settings: Settings, *, published: str | None = None,
                   source: str | None = None) -> Article:
    """An Article from one record (a dict).

    Args:
        record: the parsed record; anything but a dict is refused.
        origin: where it was read ("file.jsonl line 3").
        settings: size limits.
        published: ISO date used when the record has none.
        source: outlet used when the record has none.

    Raises:
        InputError: not an object, no text field, a field of the wrong type, or a bad date.
    """
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object with a 'text' field, got {_json_kind(record)}",
                         "write one object per record")
    fields = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    text_key = next((k for k in TEXT_FIELDS if k in fields), None)
    if text_key is None:
        raise InputError(origin, "record has no 'text' field (also accepted: 'body', 'content')",
                         "add the article text under 'text'")
    text = fields[text_key]
    if not isinstance(text, str):
        raise InputError(origin, f"field '{text_key}' is {_json_kind(text)}, not a string", "give the text as a string")
    values = {name: _string_field(fields, name, origin) for name in _STRING_FIELDS}
    date_key = next((k for k in DATE_FIELDS if fields.get(k) not in (None, "")), "published")
    own_date = _published(fields.get(date_key), date_key, origin)
    if looks_like_html(text):
        article = html_article(text, origin, settings, published=published, source=source,
                               url=values["url"], title=values["title"])
        return replace(article, published=own_date or article.published,
                       source=values["source"] or article.source)
    return build_article(clean_text(text), origin, settings, title=clean_text(values["title"] or "") or None,
                         url=values["url"], published=own_date or published, source=values["source"] or source)


def _published(value: Any, key: str, origin: str) -> str | None:
    """Parse a record's date, naming the field the user actually wrote."""
    try:
        return parse_published(value, origin)
    except InputError as exc:
        raise InputError(origin, exc.problem.replace("'published'", f"'{key}'", 1), exc.fix) from None


def _string_field(fields: dict[str, Any], name: str, origin: str) -> str | None:
    """An optional string field; numbers are tolerated as text, other types refused."""
    value = fields.get(name)
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise InputError(origin, f"field '{name}' is {_json_kind(value)}, not a string", f"give '{name}' as a string")
    return value.strip() or None


def _json_kind(value: Any) -> str:
    """How a JSON value reads in an error message."""
    kinds = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return kinds.get(type(value), "a number")


def _json_problem(exc: json.JSONDecodeError) -> str:
    return f"malformed JSON ({exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno})"


def parse_json_document(text: str, origin: str) -> Iterator[tuple[str, Any]]:
    """The records of a .json file: one object, or an array of objects (origins "file.json item N")."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(origin, _json_problem(exc), "fix the JSON, or use .jsonl for one object per line") from None
    if isinstance(data, list):
        if not data:
            raise InputError(origin, "JSON array is empty", "add article objects to it")
        for i, item in enumerate(data, 1):
            yield f"{origin} item {i}", item
    else:
        yield origin, data


def parse_json_lines(lines: Iterable[tuple[int, str | InputError]], origin: str
                     ) -> Iterator[tuple[str, Any | InputError]]:
    """Records from JSON Lines; a malformed line comes out as an InputError and the rest go on."""
    seen = False
    for number, line in lines:
        where = f"{origin} line {number}"
        if isinstance(line, InputError):
            yield where, InputError(where, line.problem, line.fix)
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, InputError(where, f"malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})",
                                    "each line must be one complete JSON object")
    if not seen:
        yield origin, InputError(origin, "empty file (no JSON lines)", "remove it or add one JSON object per line")


def parse_csv(lines: Iterable[tuple[int, str | InputError]], origin: str, delimiter: str
              ) -> Iterator[tuple[str, Any | InputError]]:
    """Records from CSV/TSV with a header row; a malformed file stops at the bad row with an InputError."""
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(_raise_bad_lines(lines), delimiter=delimiter, strict=True)
    try:
        header = [name.strip().lower() for name in next(reader, [])]
        if not any(name in TEXT_FIELDS for name in header):
            found = ", ".join(repr(n) for n in header[:8] if n) or "none"
            yield origin, InputError(origin, f"header row has no text column (found {found})",
                                     "name the article text column 'text', 'body' or 'content'")
            return
        start, seen = reader.line_num + 1, False
        for row in reader:
            where = f"{origin} line {start}"
            start = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                yield where, InputError(where, f"row has {len(row)} fields but the header has {len(header)}",
                                        "quote fields that contain the delimiter")
                continue
            seen = True
            yield where, {name: cell for name, cell in zip(header, row) if name}
        if not seen:
            yield origin, InputError(origin, "CSV has a header row but no records", "add one row per article")
    except csv.Error as exc:
        where = f"{origin} line {reader.line_num}"
        yield where, InputError(where, f"malformed CSV ({exc})", "check the quoting of that row")
    except InputError as exc:
        yield exc.origin, exc


def _raise_bad_lines(lines: Iterable[tuple[int, str | InputError]]) -> Iterator[str]:
    """Feed csv.reader plain lines; an undecodable line stops the file (its quoting state is unknown)."""
    for _, line in lines:
        if isinstance(line, InputError):
            raise line
        yield line
