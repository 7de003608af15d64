"""One error hierarchy. Every message names the input, says what is wrong and, where it can, the fix."""

from __future__ import annotations


class RealpolitikError(Exception):
    """Root of every error realpolitik raises on purpose."""


class InputError(RealpolitikError):
    """An article, file or record that cannot be read as news text."""

    def __init__(self, origin: str, problem: str, fix: str | None = None):
        self.origin = origin
        self.problem = problem
        self.fix = fix
        message = f"{origin}: {problem}"
        if fix:
            message += f"; {fix}"
        super().__init__(message)

    def __reduce__(self):  # crosses process boundaries (worker pools, Dask) intact
        return type(self), (self.origin, self.problem, self.fix)


class KnowledgeError(RealpolitikError):
    """A knowledge file (actors, verbs, CAMEO) that does not validate."""

    def __init__(self, file: str, line: int | None, problem: str):
        self.file = file
        self.line = line
        self.problem = problem
        where = f"{file} line {line}" if line else file
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        return type(self), (self.file, self.line, self.problem)


class SettingsError(RealpolitikError):
    """An unknown setting or a value of the wrong type."""


class StoreError(RealpolitikError):
    """The DuckDB store cannot be opened, read or written."""
