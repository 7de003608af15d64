"""The CAMEO event ontology: every event code with its name, Goldstein weight, QuadClass and PLOVER type.

Loaded from ``cameo.tsv`` and validated whole, so that the verb dictionaries and the coder can rely on every
code they meet being a real, consistent CAMEO code. Loading the shipped file is cached; a user file is read
fresh each time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .tables import Row, read_table, shipped_path

CAMEO_FILE = "cameo.tsv"
COLUMNS = ("code", "name", "goldstein", "quad_class", "plover")

#: PLOVER's sixteen event types, plus OTHER for CAMEO codes PLOVER does not code (statements, appeals).
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "OTHER")

#: QuadClass names by number, as GDELT uses them.
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}

_CODE = re.compile(r"^\d{2,4}$")


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code. ``root`` is its two-digit cue category ("04" for "042")."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str


def quad_class_of(root: str) -> int:
    """The QuadClass a root implies: 01-05 -> 1, 06-08 -> 2, 09-13 -> 3, 14-20 -> 4."""
    number = int(root)
    if not 1 <= number <= 20:
        raise ValueError(f"CAMEO root {root!r} is outside 01..20")
    return 1 if number <= 5 else 2 if number <= 8 else 3 if number <= 13 else 4


def load_cameo(path: str | Path | None = None) -> dict[str, CameoCode]:
    """Load and validate a CAMEO table; ``None`` means the shipped one (cached).

    Args:
        path: a TSV with columns code, name, goldstein, quad_class, plover. Defaults to the shipped file.

    Returns:
        The codes by code string, in file order.

    Raises:
        KnowledgeError: naming the file, line and field of the first problem found.
    """
    if path is None:
        return _load_shipped()
    return _load(Path(path))


@lru_cache(maxsize=1)
def _load_shipped() -> dict[str, CameoCode]:
    return _load(shipped_path(CAMEO_FILE))


def _load(path: Path) -> dict[str, CameoCode]:
    codes: dict[str, CameoCode] = {}
    rows: dict[str, Row] = {}
    for row in read_table(path, COLUMNS):
        entry = _parse(row)
        if entry.code in codes:
            raise row.error(f"field 'code': {entry.code} is listed twice (first at line {rows[entry.code].line})")
        codes[entry.code] = entry
        rows[entry.code] = row
    for code, entry in codes.items():
        parent = code[:-1] if len(code) > 3 else code[:2]
        if len(code) > 2 and parent not in codes:
            what = "root" if len(code) == 3 else "3-digit parent"
            raise rows[code].error(f"field 'code': {code} has no {what} row {parent}; add it above")
    return codes


def _parse(row: Row) -> CameoCode:
    code = row.require("code")
    if not _CODE.match(code):
        raise row.error(f"field 'code' is {code!r}; expected 2 to 4 digits such as 04, 042 or 0421")
    root = code[:2]
    try:
        expected_quad = quad_class_of(root)
    except ValueError:
        raise row.error(f"field 'code': root {root} of {code} is outside 01..20") from None
    name = row.require("name")
    goldstein = _number(row, "goldstein", float)
    if not -10.0 <= goldstein <= 10.0:
        raise row.error(f"field 'goldstein' is {goldstein}; the Goldstein scale runs from -10 to 10")
    quad = _number(row, "quad_class", int)
    if quad != expected_quad:
        raise row.error(f"field 'quad_class' is {quad}; root {root} belongs to QuadClass {expected_quad}")
    plover = row.require("plover").upper()
    if plover not in PLOVER_TYPES:
        raise row.error(f"field 'plover' is {plover!r}; expected one of {', '.join(PLOVER_TYPES)}")
    return CameoCode(code=code, name=name, root=root, goldstein=goldstein, quad_class=quad, plover=plover)


def _number(row: Row, column: str, kind: type) -> float | int:
    text = row.require(column)
    try:
        return kind(text)
    except ValueError:
        expected = "a whole number" if kind is int else "a number such as -4.5"
        raise row.error(f"field '{column}' is {text!r}; expected {expected}") from None
