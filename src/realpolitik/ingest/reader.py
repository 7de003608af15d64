"""The one door: files, folders, stdin, raw text, bytes and dicts in; Articles or Rejects out, streamed."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .dates import parse_published
from .decode import SNIFF_BYTES, choose_encoding, decode_document, iter_lines, read_capped
from .html import html_article, looks_like_html
from .records import parse_csv, parse_json_document, parse_json_lines, record_article
from .text import text_article

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
LINE_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = {".csv": ",", ".tsv": "\t"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + (".json",) + LINE_SUFFIXES + tuple(TABLE_SUFFIXES)
STDIN = "<stdin>"
#: Raw HTML is much larger than its text; pages above this multiple of max_chars are refused unread.
HTML_BYTES_PER_CHAR = 25
#: A .json file is parsed whole; above this multiple of max_chars, JSON Lines is the format to use.
JSON_BYTES_PER_CHAR = 200


@dataclass(frozen=True)
class Reject:
    """An input that did not become an article, with a one-line reason that says what to fix."""

    origin: str
    reason: str

    @classmethod
    def from_error(cls, exc: InputError) -> "Reject":
        return cls(exc.origin, f"{exc.problem}; {exc.fix}" if exc.fix else exc.problem)

    def to_dict(self) -> dict[str, str]:
        return {"origin": self.origin, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


def read_articles(inputs: Iterable[str | Path], *, published: str | None = None, source: str | None = None,
                  settings: Settings | None = None, encoding: str | None = None) -> Iterator[Article | Reject]:
    """Stream articles from files, folders and stdin, one Reject per bad input or record.

    Folders are walked recursively in sorted order for files ending .txt .text .md .html .htm .json .jsonl
    .ndjson .csv .tsv (hidden files and folders skipped). ``-`` reads stdin: JSON Lines when its first
    non-blank character is ``{``, HTML when it looks like HTML, plain text otherwise. JSON Lines and CSV are
    read line by line, so a corpus is never held in memory.

    Args:
        inputs: paths and/or ``-``.
        published: ISO date for records that carry none (a record's own date wins).
        source: outlet for records that carry none.
        settings: size limits; defaults to ``Settings()``.
        encoding: decode every input with this codec instead of sniffing UTF-8/UTF-16.

    Yields:
        ``Article`` for each good record, ``Reject`` for each bad input or record, in input order.

    Raises:
        InputError: ``published`` itself is not a date (a mistake in the call, not in the data).
    """
    settings = settings or Settings()
    fallback = parse_published(published, "--published")
    for item in inputs:
        if str(item) == "-":
            yield from _read_stream(_stdin_bytes(), STDIN, fallback, source, settings, encoding)
            continue
        path = Path(item)
        if path.is_dir():
            yield from _read_directory(path, fallback, source, settings, encoding)
        elif path.is_file():
            yield from _read_file(path, fallback, source, settings, encoding)
        elif path.exists():
            yield Reject(str(item), "not a regular file or directory; give a file, a folder or -")
        else:
            yield Reject(str(item), "no such file or directory; check the path")


def load_article(obj: Any, *, published: str | None = None, source: str | None = None, origin: str | None = None,
                 settings: Settings | None = None, encoding: str | None = None) -> Article:
    """Read exactly one article from a path, raw text, bytes or a dict.

    A str is taken as a path when it is one line naming an existing file, or one word ending in an article
    file extension (reported as missing); otherwise it is the article itself: HTML when it looks like HTML,
    a JSON object when it starts with ``{``, plain text otherwise.

    Args:
        obj: a ``Path``, a path string, raw text, bytes, or a dict with text/title/url/published/source.
        published: ISO date used when the input carries none.
        source: outlet used when the input carries none.
        origin: name for the input in messages; defaults to the path, ``<text>``, ``<bytes>`` or ``<record>``.
        settings: size limits; defaults to ``Settings()``.
        encoding: codec for bytes and files instead of sniffing.

    Raises:
        InputError: the input is missing, empty, binary, undecodable, malformed, not English, of the wrong
            size, or holds more than one article.
    """
    settings = settings or Settings()
    fallback = parse_published(published, "--published")
    if isinstance(obj, dict):
        return record_article(obj, origin or "<record>", settings, published=fallback, source=source)
    if isinstance(obj, str) and (_names_file(obj) or _looks_like_path(obj)):
        obj = Path(obj)
    if isinstance(obj, Path):
        if not obj.is_file():
            raise InputError(origin or str(obj), "no such file" if not obj.exists() else "not a file",
                             "check the path")
        return _only_one(_read_file(obj, fallback, source, settings, encoding, origin), origin or str(obj))
    if isinstance(obj, str):
        return _only_one(_read_text(obj, origin or "<text>", fallback, source, settings), origin or "<text>")
    if isinstance(obj, (bytes, bytearray)):
        stream = io.BytesIO(bytes(obj))
        return _only_one(_read_stream(stream, origin or "<bytes>", fallback, source, settings, encoding),
                         origin or "<bytes>")
    raise InputError(origin or "<input>", f"cannot read a {type(obj).__name__} as an article",
                     "give a path, text, bytes or a dict with a 'text' field")


def _names_file(text: str) -> bool:
    """A one-line, path-sized string naming an existing file."""
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    try:
        return Path(text).is_file()
    except OSError:  # e.g. a name too long for the file system
        return False


def _looks_like_path(text: str) -> bool:
    """One word ending in an article file extension: a mistyped path, not an article."""
    return len(text) < 4096 and not any(c.isspace() for c in text) and text.lower().endswith(ARTICLE_SUFFIXES)


def _only_one(results: Iterable[Article | Reject], origin: str) -> Article:
    """The single article of an input; the first reject becomes an error."""
    found: list[Article] = []
    for result in results:
        if isinstance(result, Reject):
            raise InputError(result.origin, result.reason)
        found.append(result)
        if len(found) > 1:
            break
    if len(found) != 1:
        raise InputError(origin, "holds more than one article" if found else "holds no article",
                         "use read_articles for files with many records")
    return found[0]


def _read_directory(folder: Path, published, source, settings, encoding) -> Iterator[Article | Reject]:
    """Read a folder's article files in sorted path order, or one Reject when it holds none."""
    found = False
    for path in _article_files(folder):
        found = True
        yield from _read_file(path, published, source, settings, encoding)
    if not found:
        yield Reject(str(folder), f"directory holds no article files ({' '.join(ARTICLE_SUFFIXES)}); "
                                  "point at a folder or files with one of these extensions")


def _article_files(folder: Path) -> Iterator[Path]:
    """Article files under a folder, depth first in name order, skipping hidden files and folders."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _article_files(Path(entry.path))
        elif entry.is_file() and entry.name.lower().endswith(ARTICLE_SUFFIXES):
            yield Path(entry.path)


def _read_file(path: Path, published, source, settings, encoding, origin: str | None = None
               ) -> Iterator[Article | Reject]:
    """Dispatch one file on its extension; unknown extensions are sniffed like stdin."""
    origin = origin or str(path)
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as stream:
            if suffix in LINE_SUFFIXES:
                lines = iter_lines(stream, origin, encoding)
                yield from _records(parse_json_lines(lines, origin), published, source, settings)
            elif suffix in TABLE_SUFFIXES:
                lines = iter_lines(stream, origin, encoding)
                yield from _records(parse_csv(lines, origin, TABLE_SUFFIXES[suffix]), published, source, settings)
            elif suffix == ".json":
                text = _read_document(stream, origin, encoding, settings.max_chars * JSON_BYTES_PER_CHAR)
                yield from _records(parse_json_document(text, origin), published, source, settings)
            elif suffix in HTML_SUFFIXES:
                html = _read_document(stream, origin, encoding, settings.max_chars * HTML_BYTES_PER_CHAR)
                yield html_article(html, origin, settings, published=published, source=source)
            elif suffix in TEXT_SUFFIXES:
                text = _read_document(stream, origin, encoding, settings.max_chars * 4)
                yield from _read_text(text, origin, published, source, settings, sniff_json=False)
            else:
                yield from _read_stream(stream, origin, published, source, settings, encoding)
    except InputError as exc:
        yield Reject.from_error(exc)
    except OSError as exc:
        yield Reject(origin, f"cannot be read ({exc.strerror or exc}); check its permissions")


def _read_document(stream: BinaryIO, origin: str, encoding: str | None, limit: int) -> str:
    """A whole single-document file, refused unread past ``limit`` bytes."""
    data, more = read_capped(stream, limit)
    if more:
        raise InputError(origin, f"oversized: more than {limit:,} bytes",
                         "split the file or raise the max_chars setting")
    return decode_document(data, origin, encoding)


def _read_text(text: str, origin: str, published, source, settings, sniff_json: bool = True
               ) -> Iterator[Article | Reject]:
    """One decoded document: JSON object(s), HTML or plain text, by its first characters."""
    try:
        if sniff_json and text.lstrip("\ufeff \t\r\n").startswith("{"):
            yield from _records(parse_json_document(text, origin), published, source, settings)
        elif looks_like_html(text):
            yield html_article(text, origin, settings, published=published, source=source)
        else:
            yield text_article(text, origin, settings, published=published, source=source)
    except InputError as exc:
        yield Reject.from_error(exc)


def _read_stream(stream: BinaryIO, origin: str, published, source, settings, encoding
                 ) -> Iterator[Article | Reject]:
    """Stdin or an unknown file: JSON Lines when the first non-blank character is '{', else one document."""
    try:
        head = stream.read(SNIFF_BYTES)
        codec = choose_encoding(head, origin, encoding)
        first = head.decode(codec, errors="ignore").lstrip("\ufeff \t\r\n")[:1]
        if first == "{":
            lines = iter_lines(stream, origin, encoding, head=head)
            yield from _records(parse_json_lines(lines, origin), published, source, settings)
            return
        rest, more = read_capped(stream, settings.max_chars * HTML_BYTES_PER_CHAR)
        if more:
            raise InputError(origin, "oversized input", "split it or raise the max_chars setting")
        text = decode_document(head + rest, origin, encoding)
        yield from _read_text(text, origin, published, source, settings, sniff_json=False)
    except InputError as exc:
        yield Reject.from_error(exc)


def _records(records: Iterable[tuple[str, Any]], published, source, settings) -> Iterator[Article | Reject]:
    """Turn parsed records into Articles, each failure into a Reject, and go on."""
    for where, record in records:
        if isinstance(record, InputError):
            yield Reject.from_error(record)
            continue
        try:
            yield record_article(record, where, settings, published=published, source=source)
        except InputError as exc:
            yield Reject.from_error(exc)


def _stdin_bytes() -> BinaryIO:
    """Standard input as bytes, so encodings are sniffed as for files."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(sys.stdin.read().encode("utf-8"))
