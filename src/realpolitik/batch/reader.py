"""Read one partition's records as Articles or Rejects, with ingest's own record parsing and messages.

A bad line or row becomes a ``Reject`` naming it ("corpus.jsonl line 12", "corpus.parquet row 7") and the
partition goes on; a file that cannot be read at all becomes one reject. Memory holds one line at a time,
and a line longer than ``max_chars * HTML_BYTES_PER_CHAR`` bytes is skipped unread as oversized.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any, BinaryIO

import pyarrow.parquet as pq
from fsspec.core import url_to_fs

from ..errors import InputError
from ..ingest import Reject, parse_published
from ..ingest.decode import SNIFF_BYTES, choose_encoding
from ..ingest.reader import HTML_BYTES_PER_CHAR
from ..ingest.records import TEXT_FIELDS, parse_json_lines, record_article
from ..model import Article
from ..settings import Settings
from .partitions import RECORD_FIELDS, BatchOptions, Partition

_CHUNK = 1 << 16
#: Rows decoded at a time from a Parquet row group.
_PARQUET_BATCH = 256
_UTF8_FIX = "re-save the file as UTF-8 (JSON Lines is UTF-8)"


def read_partition(partition: Partition, settings: Settings, options: BatchOptions
                   ) -> Iterator[Article | Reject]:
    """Stream a partition's articles, one Reject per bad record (or one for an unreadable file)."""
    published = parse_published(options.published, "--published")
    if partition.format == "parquet":
        records = _parquet_records(partition)
    else:
        records = _line_records(partition, settings)
    try:
        for where, record in records:
            if isinstance(record, InputError):
                yield Reject.from_error(record)
                continue
            try:
                yield record_article(record, where, settings, published=published, source=options.source)
            except InputError as exc:
                yield Reject.from_error(exc)
    except InputError as exc:
        yield Reject.from_error(exc)


def count_newlines(url: str, start: int, stop: int) -> int:
    """Newlines in bytes ``[start, stop)`` of a file: the planner adds them up into line numbers."""
    fs, path = url_to_fs(url)
    count = 0
    with fs.open(path, "rb") as stream:
        stream.seek(start)
        left = stop - start
        while left > 0:
            chunk = stream.read(min(_CHUNK, left))
            if not chunk:
                break
            count += chunk.count(b"\n")
            left -= len(chunk)
    return count


# -- JSON Lines -------------------------------------------------------------------------------------------------

def _line_records(partition: Partition, settings: Settings) -> Iterator[tuple[str, Any]]:
    """Parsed records of the lines that start inside the partition's byte range."""
    fs, path = url_to_fs(partition.url)
    with fs.open(path, "rb") as stream:
        lines = _own_lines(stream, partition, settings.max_chars * HTML_BYTES_PER_CHAR)
        for where, record in parse_json_lines(lines, partition.url):
            if where == partition.url and not partition.whole_file:
                continue  # "empty file" means empty range here, unless the range is the whole file
            yield where, record


def _own_lines(stream: BinaryIO, partition: Partition, limit: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text or InputError) for each line starting in ``[start, stop)``."""
    origin = partition.url
    if partition.start == 0:
        head = stream.read(SNIFF_BYTES)
        codec = choose_encoding(head, origin, None)  # empty, binary, compressed: one reject for the file
        if not codec.startswith("utf-8"):
            raise InputError(origin, f"JSON Lines encoded as {codec}", _UTF8_FIX)
        stream.seek(0)
        pos, number = 0, 0
    else:
        stream.seek(partition.start - 1)
        skipped, ended = _skip_line(stream)  # the end of a line owned by the partition before
        if not ended:  # the range lies inside the file's last line, which started earlier
            return
        pos = partition.start - 1 + skipped
        number = (partition.records_before or 0) + (0 if skipped == 1 else 1)
    while pos < partition.stop:
        length, line = _read_line(stream, limit)
        if not length:
            return
        pos += length
        number += 1
        yield number, _decode(line, origin, number, limit, pos - length)


def _skip_line(stream: BinaryIO) -> tuple[int, bool]:
    """Skip to just past the next newline; return the bytes skipped and whether a newline was found."""
    length = 0
    while True:
        chunk = stream.readline(_CHUNK)
        length += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return length, bool(chunk)


def _read_line(stream: BinaryIO, limit: int) -> tuple[int, bytes | None]:
    """Read one line; return its length in bytes and its bytes, or None past ``limit`` (the rest is skipped)."""
    line = stream.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return len(line), line
    skipped, _ = _skip_line(stream)
    return len(line) + skipped, None


def _decode(line: bytes | None, origin: str, number: int, limit: int, offset: int) -> str | InputError:
    where = f"{origin} line {number}"
    if line is None:
        return InputError(where, f"oversized record: more than {limit:,} bytes",
                          "split the article or raise the max_chars setting")
    if number == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = line[exc.start:exc.start + 1].hex().upper()
        return InputError(where, f"not valid UTF-8: byte 0x{byte} at offset {offset + exc.start}", _UTF8_FIX)


# -- Parquet ----------------------------------------------------------------------------------------------------

def _parquet_records(partition: Partition) -> Iterator[tuple[str, Any]]:
    """Rows ``[start, stop)`` of one row group as dicts of the record fields, dates as ISO strings."""
    fs, path = url_to_fs(partition.url)
    origin = partition.url
    with fs.open(path, "rb") as stream:
        try:
            reader = pq.ParquetFile(stream)
        except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
            raise InputError(origin, f"not a readable Parquet file ({exc})",
                             "check the file, or give JSON Lines") from None
        names = reader.schema_arrow.names
        columns = [n for n in names if n.strip().lower() in RECORD_FIELDS]
        if partition.group < 0 or not any(n.strip().lower() in TEXT_FIELDS for n in columns):
            raise InputError(origin, f"Parquet file has no text column (found {', '.join(names[:8]) or 'none'})",
                             "name the article text column 'text', 'body' or 'content'")
        row = 0
        first = (partition.records_before or 0) - partition.start + 1
        for batch in reader.iter_batches(batch_size=_PARQUET_BATCH, row_groups=[partition.group], columns=columns):
            low, high = max(partition.start - row, 0), min(partition.stop - row, batch.num_rows)
            if high > low:
                for i, record in enumerate(batch.slice(low, high - low).to_pylist(), row + low):
                    yield f"{origin} row {first + i}", {k: _plain(v) for k, v in record.items()}
            row += batch.num_rows
            if row >= partition.stop:
                return


def _plain(value: Any) -> Any:
    """Dates and timestamps as ISO strings, the form JSON records carry."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value
