"""Import GDELT 2.0 event files (tab-separated, 61 columns; plain, .gz or .zip) into ``gdelt_events``.

Importing is idempotent on GLOBALEVENTID. A malformed line never stops the import: it goes to ``rejects``
with the file, the line number and what is wrong with it.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from ..errors import InputError
from ..store import Store
from ..store.schema import GDELT_COLUMNS
from ..store.store import GDELT_ARROW_SCHEMA

_TYPES = list(GDELT_COLUMNS.items())
#: Lines sent to DuckDB at a time.
CHUNK = 50_000


@dataclass(frozen=True)
class ImportStats:
    files: int
    lines: int
    added: int
    rejected: int


def _lines(path: Path) -> Iterator[tuple[str, int, str]]:
    """(origin, line number, text) for each line of a plain, gzip or zip file (every member of a zip)."""
    try:
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as archive:
                for member in archive.namelist():
                    with archive.open(member) as raw:
                        text = io.TextIOWrapper(raw, encoding="utf-8", errors="replace", newline="")
                        for number, line in enumerate(text, start=1):
                            yield f"{path}:{member}", number, line
            return
        opener = gzip.open if path.suffix.lower() == ".gz" else open
        with opener(path, "rt", encoding="utf-8", errors="replace", newline="") as text:
            for number, line in enumerate(text, start=1):
                yield str(path), number, line
    except FileNotFoundError:
        raise InputError(str(path), "file not found", "give the path of a GDELT 2.0 .export.CSV(.zip) file") from None
    except (zipfile.BadZipFile, gzip.BadGzipFile, EOFError) as exc:
        raise InputError(str(path), f"not a readable archive ({exc})", "give a plain, .gz or .zip GDELT file") \
            from None


def parse_line(line: str) -> list:
    """The 61 typed values of one GDELT line.

    Raises:
        ValueError: saying which field is wrong.
    """
    fields = line.rstrip("\r\n").split("\t")
    if len(fields) != len(_TYPES):
        hint = " (GDELT 1.0 files have 57 or 58; only 2.0 event files are supported)" if len(fields) in (57, 58) \
            else ""
        raise ValueError(f"{len(fields)} tab-separated fields; GDELT 2.0 event rows have 61{hint}")
    values = []
    for (name, typ), raw in zip(_TYPES, fields):
        raw = raw.strip()
        if not raw:
            if name in ("GLOBALEVENTID", "SQLDATE"):
                raise ValueError(f"{name} is empty")
            values.append(None)
            continue
        try:
            values.append(raw if typ == "VARCHAR" else float(raw) if typ == "DOUBLE" else int(raw))
        except ValueError:
            raise ValueError(f"{name} is '{raw[:40]}', expected {'a number' if typ == 'DOUBLE' else 'an integer'}") \
                from None
    if not 10000101 <= values[1] <= 99991231:
        raise ValueError(f"SQLDATE is '{values[1]}', expected YYYYMMDD")
    return values


def import_gdelt(store: Store, paths: Iterable[str | Path]) -> ImportStats:
    """Load GDELT event files into the store; returns counts of files, lines, rows added and lines rejected."""
    files = lines = added = rejected = 0
    seen: set[int] = set()
    batch: list[list] = []
    rejects: list[dict] = []

    def flush() -> None:
        nonlocal added, rejected
        columns = list(zip(*batch)) if batch else [[] for _ in GDELT_ARROW_SCHEMA.names]
        table = pa.table({name: pa.array(list(col), type=GDELT_ARROW_SCHEMA.field(name).type)
                          for name, col in zip(GDELT_ARROW_SCHEMA.names, columns)}, schema=GDELT_ARROW_SCHEMA)
        n_added, _ = store.write_gdelt(table, rejects)
        added += n_added
        rejected += len(rejects)
        batch.clear()
        rejects.clear()

    for path in paths:
        files += 1
        for origin, number, line in _lines(Path(path)):
            if not line.strip():
                continue
            lines += 1
            try:
                values = parse_line(line)
            except ValueError as exc:
                rejects.append({"origin": f"{origin} line {number}", "reason": str(exc)})
                continue
            if values[0] in seen:
                continue
            seen.add(values[0])
            batch.append(values + [origin])
            if len(batch) >= CHUNK:
                flush()
    flush()
    return ImportStats(files, lines, added, rejected)
