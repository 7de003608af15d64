"""Plan a corpus into partitions of a bounded size, reading only file heads and Parquet footers.

A JSON Lines file is cut into byte ranges sized from the average line length in its first MiB, so a partition
holds about ``partition_size`` records and never more than ``MAX_PARTITION_BYTES`` (plus one line): a worker's
memory stays bounded whatever the corpus size. A range owns the lines that *start* inside it. A Parquet file is
cut into windows of ``partition_size`` rows inside each row group.

A partition's id hashes the file (url, size, version), the range and the coding fingerprint (everything that
changes the output), so the same corpus coded with the same settings always plans the same ids: that is what
makes a run resumable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import fsspec
import pyarrow.parquet as pq
from fsspec.core import url_to_fs

from .. import __version__
from ..errors import InputError
from ..ingest.decode import SNIFF_BYTES, choose_encoding
from ..ingest.records import DATE_FIELDS, TEXT_FIELDS
from ..model import make_id
from ..settings import Settings

LINE_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
BATCH_SUFFIXES = LINE_SUFFIXES + PARQUET_SUFFIXES
#: Bytes of each JSON Lines file read to estimate its record size.
SAMPLE_BYTES = 1 << 20
#: Upper bound of a JSON Lines partition, whatever the records' size.
MAX_PARTITION_BYTES = 64 << 20
MIN_PARTITION_BYTES = 4096
#: Columns of an input record that coding reads; other Parquet columns are never loaded.
RECORD_FIELDS = TEXT_FIELDS + DATE_FIELDS + ("title", "url", "source")
#: Settings that change how fast coding runs, not what it outputs.
SPEED_ONLY_SETTINGS = ("batch_size", "processes")
#: Keys of file metadata that change when a file's content does, by file system, best first.
_VERSION_KEYS = ("ETag", "etag", "md5Hash", "generation", "mtime", "LastModified", "last_modified", "updated",
                 "created")


@dataclass(frozen=True)
class BatchOptions:
    """What a batch run does besides the settings.

    Args:
        partition_size: records per partition (about, for JSON Lines; exactly, for Parquet).
        published: ISO date for records that carry none.
        source: outlet for records that carry none.
    """

    partition_size: int = 200
    published: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Partition:
    """A slice of one input file that one task codes.

    ``start``/``stop`` are byte offsets for JSON Lines and row offsets inside row group ``group`` for Parquet.
    ``group`` is -1 for a Parquet file that cannot be read (the task turns it into one reject).
    ``records_before`` counts lines (JSON Lines) or rows (Parquet) before the partition, for origins such as
    "corpus.jsonl line 1234"; it is not part of the id, and for JSON Lines it is filled in just before coding.
    """

    id: str
    url: str
    format: str  # "jsonl" | "parquet"
    size: int
    start: int
    stop: int
    group: int = 0
    records_before: int | None = None

    @property
    def whole_file(self) -> bool:
        return self.start == 0 and self.stop >= self.size

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "url": self.url, "format": self.format, "size": self.size, "start": self.start,
                "stop": self.stop, "group": self.group}


@dataclass(frozen=True)
class SourceFile:
    """An input file as planned: its url, size, and a version string that changes with its content."""

    url: str
    path: str = field(repr=False)
    fs: Any = field(repr=False, compare=False)
    size: int = 0
    version: str = ""


def coding_fingerprint(settings: Settings, options: BatchOptions) -> dict[str, Any]:
    """Everything that changes what a partition's output is: a run with a different fingerprint is another run.

    Every setting counts except those that only change speed (settings added later count by default). Extra
    actor and verb files count by content, so editing a lexicon recodes the corpus.
    """
    values = {k: v for k, v in asdict(settings).items() if k not in SPEED_ONLY_SETTINGS}
    values["actor_files"] = [_file_digest(p) for p in settings.actor_files]
    values["verb_files"] = [_file_digest(p) for p in settings.verb_files]
    return {"realpolitik": __version__, **values, "published": options.published, "source": options.source,
            "partition_size": options.partition_size}


def fingerprint_id(fingerprint: dict[str, Any]) -> str:
    return hashlib.sha1(json.dumps(fingerprint, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def _file_digest(path: str) -> list[str]:
    try:
        return [Path(path).name, hashlib.sha1(Path(path).read_bytes()).hexdigest()[:16]]
    except OSError:
        return [str(path), "unreadable"]  # loading the knowledge reports it properly


def list_inputs(inputs: Iterable[str], exclude: str | None = None) -> list[SourceFile]:
    """The input files: each input is a file, a folder (searched for .jsonl .ndjson .parquet .pq) or a glob,
    as a local path or any fsspec URL (s3://, gs://, https:// ...). Hidden files and folders (``.`` or ``_``)
    are skipped, and so is ``exclude`` (the output folder, whose Parquet parts must never be read as input).

    Raises:
        InputError: an input that does not exist, or a folder or glob without input files.
    """
    found: dict[str, SourceFile] = {}
    for item in inputs:
        fs, root = url_to_fs(str(item))
        if fsspec.core.has_magic(root):
            paths = [p for p in sorted(fs.glob(root)) if fs.isfile(p)]
            if not paths:
                raise InputError(str(item), "matches no files", "check the pattern")
        elif fs.isdir(root):
            paths = [p for p in sorted(fs.find(root)) if _is_input(root, p) and not _under(fs, p, exclude)]
            if not paths:
                raise InputError(str(item), f"folder holds no {' '.join(BATCH_SUFFIXES)} files",
                                 "batch reads JSON Lines and Parquet; convert other formats or use `ingest`")
        elif fs.isfile(root):
            paths = [root]
        else:
            raise InputError(str(item), "no such file or folder", "check the path or URL")
        for path in paths:
            info = fs.info(path)
            url = path if _is_local(fs) else fs.unstrip_protocol(path)
            version = next((str(info[k]) for k in _VERSION_KEYS if info.get(k) not in (None, "")), "")
            found.setdefault(url, SourceFile(url, path, fs, int(info.get("size") or 0), version))
    return list(found.values())


def _under(fs: Any, path: str, folder: str | None) -> bool:
    if folder is None:
        return False
    other, root = url_to_fs(folder)
    return type(other) is type(fs) and (path == root or path.startswith(root.rstrip("/") + "/"))


def _is_local(fs: Any) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return "file" in protocols or "local" in protocols


def _is_input(root: str, path: str) -> bool:
    relative = path[len(root):].strip("/").split("/")
    return path.lower().endswith(BATCH_SUFFIXES) and not any(part.startswith((".", "_")) for part in relative)


def plan_partitions(inputs: Iterable[str], *, settings: Settings, options: BatchOptions,
                    exclude: str | None = None) -> list[Partition]:
    """The partitions of a corpus, in input order, reading only file heads and Parquet footers.

    Args:
        inputs: files, folders or globs; local paths or fsspec URLs.
        settings: the coding settings (part of every partition id).
        options: partition size and the record defaults.
        exclude: a folder never to read from (the output folder).

    Raises:
        InputError: an input is missing or holds no input files.
    """
    run = fingerprint_id(coding_fingerprint(settings, options))
    partitions: list[Partition] = []
    for source in list_inputs(inputs, exclude):
        if _is_parquet(source):
            partitions.extend(_parquet_partitions(source, options.partition_size, run))
        else:
            partitions.extend(_line_partitions(source, options.partition_size, run))
    return partitions


def _is_parquet(source: SourceFile) -> bool:
    if source.url.lower().endswith(PARQUET_SUFFIXES):
        return True
    if source.url.lower().endswith(LINE_SUFFIXES) or source.size < 8:
        return False
    return source.fs.cat_file(source.path, start=0, end=4) == b"PAR1"


def _partition(source: SourceFile, fmt: str, start: int, stop: int, group: int, run: str,
               records_before: int | None = None) -> Partition:
    pid = make_id(source.url, source.size, source.version, fmt, group, start, stop, run, prefix="p-")
    return Partition(pid, source.url, fmt, source.size, start, stop, group, records_before)


def _line_partitions(source: SourceFile, size: int, run: str) -> Iterator[Partition]:
    """Byte ranges of about ``size`` lines each; one range for a file that will be rejected whole."""
    head = source.fs.cat_file(source.path, start=0, end=min(source.size, SAMPLE_BYTES)) if source.size else b""
    try:
        codec = choose_encoding(head[:SNIFF_BYTES], source.url, None)
    except InputError:
        codec = None
    lines = head.count(b"\n")
    if codec is None or not codec.startswith("utf-8") or source.size <= len(head) and lines <= size:
        yield _partition(source, "jsonl", 0, source.size, 0, run, 0)
        return
    per_line = len(head) / lines if lines else source.size
    block = int(min(MAX_PARTITION_BYTES, max(MIN_PARTITION_BYTES, per_line * size)))
    for start in range(0, source.size, block):
        yield _partition(source, "jsonl", start, min(start + block, source.size), 0, run,
                         0 if start == 0 else None)


def _parquet_partitions(source: SourceFile, size: int, run: str) -> Iterator[Partition]:
    """Windows of ``size`` rows in each row group; one unreadable partition (group -1) for a bad file."""
    try:
        with source.fs.open(source.path, "rb") as stream:
            meta = pq.ParquetFile(stream).metadata
            names = [n.strip().lower() for n in meta.schema.to_arrow_schema().names]
    except Exception:  # any reader failure: the task reports it as the file's reject
        yield _partition(source, "parquet", 0, 0, -1, run, 0)
        return
    if not any(name in TEXT_FIELDS for name in names):
        yield _partition(source, "parquet", 0, 0, -1, run, 0)
        return
    before = 0
    for group in range(meta.num_row_groups):
        rows = meta.row_group(group).num_rows
        for start in range(0, rows, size):
            yield _partition(source, "parquet", start, min(start + size, rows), group, run, before + start)
        before += rows


def number_lines(todo: list[Partition], plan: list[Partition], count: Callable[[list[Partition]], list[int]]
                 ) -> list[Partition]:
    """Fill in ``records_before`` of the JSON Lines partitions to do, so rejects name their line as ``ingest``
    does: the newlines of all earlier ranges of the same file, added up.

    Args:
        todo: partitions about to be coded.
        plan: every partition of the run, in file order.
        count: newlines in each given partition's byte range (``reader.count_newlines``, run where the data is).
    """
    urls = {p.url for p in todo if p.records_before is None}
    ranges = [p for p in plan if p.url in urls and p.format == "jsonl"]
    before: dict[str, int] = {}
    running: dict[str, int] = {}
    for part, newlines in zip(ranges, count(ranges) if ranges else []):
        before[part.id] = running.get(part.url, 0)
        running[part.url] = before[part.id] + newlines
    return [replace(p, records_before=before[p.id]) if p.id in before else p for p in todo]
