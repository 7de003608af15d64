"""Reading knowledge tables: tab-separated text files that open with ``#`` comments saying where their facts
come from, then a header row, then one record per line. Every problem names the file and the line."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import KnowledgeError

#: Separator inside one cell for lists of alternatives ("Turkey|Türkiye").
ALT = "|"


@dataclass(frozen=True)
class Row:
    """One record of a knowledge table, with where it stands so errors can point at it."""

    file: str
    line: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        return self.cells.get(column, "").strip()

    def require(self, column: str) -> str:
        value = self.get(column)
        if not value:
            raise self.error(f"field '{column}' is empty; every record needs one")
        return value

    def alternatives(self, column: str) -> list[str]:
        return [v.strip() for v in self.get(column).split(ALT) if v.strip()]

    def error(self, problem: str) -> KnowledgeError:
        return KnowledgeError(self.file, self.line, problem)


def shipped_path(name: str) -> Path:
    """Path of a knowledge file shipped inside the package."""
    return Path(str(resources.files(__package__).joinpath(name)))


def read_table(path: str | Path, required: tuple[str, ...]) -> Iterator[Row]:
    """Yield the records of a knowledge table, checking the header names every ``required`` column."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(str(path), None, "file not found") from None
    except UnicodeDecodeError as exc:
        raise KnowledgeError(str(path), None, f"not UTF-8 text ({exc.reason}); save it as UTF-8") from None
    header: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = raw.split("\t")
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise KnowledgeError(str(path), number, f"header lacks column(s) {', '.join(missing)}; "
                                     f"expected tab-separated columns {', '.join(required)}")
            continue
        if len(cells) > len(header):
            raise KnowledgeError(str(path), number, f"{len(cells)} tab-separated fields, header has {len(header)}")
        yield Row(str(path), number, dict(zip(header, cells)))
    if header is None:
        raise KnowledgeError(str(path), None, "no header row; the first non-comment line names the columns")
