"""The DuckDB store: ``Store`` writes and reads, ``EventFilter`` says which events."""

from .filters import ORDERS, EventFilter, parse_bound
from .schema import SCHEMA_VERSION
from .store import Store, WriteStats

__all__ = ["Store", "WriteStats", "EventFilter", "ORDERS", "parse_bound", "SCHEMA_VERSION"]
