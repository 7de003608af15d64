"""Event filters: one declared set of criteria, turned into a parameterised SQL WHERE clause.

The CLI's ``events`` and ``export`` commands, the analysis functions and the API all filter through
``EventFilter``, so a criterion means the same thing everywhere. Codes match as prefixes ("04" matches 040 to
0499; "RUS" matches RUSGOV), because CAMEO codes are hierarchical.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from ..errors import InputError

#: ``order`` values and the ORDER BY each stands for.
ORDERS = {
    "date": "e.date_start DESC NULLS LAST, e.id",
    "oldest": "e.date_start ASC NULLS LAST, e.id",
    "goldstein": "e.goldstein ASC, e.date_start DESC NULLS LAST, e.id",
    "mentions": "c.num_mentions DESC NULLS LAST, e.date_start DESC NULLS LAST, e.id",
    "ingested": "e.ingested_at DESC, e.id",
}


def parse_bound(value: str | date | None, *, end: bool = False, name: str = "date") -> date | None:
    """Read an ISO prefix as a date bound: ``2025-11`` is the 1st as a start, the 30th as an end.

    Raises:
        InputError: naming the option and an example of a valid value.
    """
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 4:
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            return date(year, month, calendar.monthrange(year, month)[1] if end else 1)
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(name, f"'{value}' is not a date", "use an ISO date such as 2025-11-18, 2025-11 or 2025") \
            from None


@dataclass(frozen=True)
class EventFilter:
    """Which events to return. ``None`` means "any" for every criterion.

    Args:
        actor: actor code or prefix on either side (``RUS``, ``RUSGOV``).
        source: code or prefix of the acting side only.
        target: code or prefix of the side acted upon only.
        country: country-level code (ISO alpha-3) of either side.
        role: role code (GOV, MIL, ...) of either side.
        code: CAMEO code prefix: "04" matches 040..0499.
        root: two-digit CAMEO root; "4" is read as "04".
        quad_class: 1 verbal cooperation .. 4 material conflict.
        since: first day (ISO prefix or date) of the event date, inclusive.
        until: last day of the event date, inclusive; "2025-11" means through Nov 30.
        certainty: exact certainty value.
        modality: exact modality value.
        asserted: True for asserted events only, False for the others.
        place: place name (case-insensitive) or the place's country code.
        outlet: the article's source outlet (case-insensitive).
        historical: False leaves out background (historical) events; True keeps them.
        cluster_id: only the mentions of one deduplicated event.
        article_id: only the events of one article.
        limit: most rows to return; None for all.
        order: one of ``ORDERS``: date (newest first), oldest, goldstein, mentions, ingested.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None
    root: str | None = None
    quad_class: int | None = None
    since: str | date | None = None
    until: str | date | None = None
    certainty: str | None = None
    modality: str | None = None
    asserted: bool | None = None
    place: str | None = None
    outlet: str | None = None
    historical: bool = True
    cluster_id: str | None = None
    article_id: str | None = None
    limit: int | None = 100
    order: str = "date"

    def __post_init__(self) -> None:
        if self.order not in ORDERS:
            raise InputError("order", f"unknown order '{self.order}'", f"use one of {', '.join(ORDERS)}")
        if self.quad_class is not None and int(self.quad_class) not in (1, 2, 3, 4):
            raise InputError("quad_class", f"'{self.quad_class}' is not a QuadClass", "use 1, 2, 3 or 4")
        if self.limit is not None and int(self.limit) < 0:
            raise InputError("limit", f"'{self.limit}' is negative", "use 0 or more, or None for all")
        # Parse now, so a bad date fails before any query runs.
        parse_bound(self.since, name="since")
        parse_bound(self.until, end=True, name="until")

    @classmethod
    def from_kwargs(cls, **kwargs: Any) -> "EventFilter":
        """Build from keyword arguments, ignoring those that are not filter fields (CLI convenience)."""
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in kwargs.items() if k in names and v is not None})

    def where(self, alias: str = "e", article: str = "a") -> tuple[str, list[Any]]:
        """The WHERE clause (without the keyword) and its parameters, over events ``alias`` and articles
        ``article`` (the caller joins articles when ``outlet`` is set)."""
        e = alias
        clauses: list[str] = []
        params: list[Any] = []

        def add(sql: str, *values: Any) -> None:
            clauses.append(sql)
            params.extend(values)

        if self.actor:
            code = self.actor.upper()
            add(f"(starts_with({e}.source_code, ?) OR starts_with({e}.target_code, ?))", code, code)
        if self.source:
            add(f"starts_with({e}.source_code, ?)", self.source.upper())
        if self.target:
            add(f"starts_with({e}.target_code, ?)", self.target.upper())
        if self.country:
            add(f"({e}.source_country = ? OR {e}.target_country = ?)", self.country.upper(), self.country.upper())
        if self.role:
            add(f"({e}.source_role = ? OR {e}.target_role = ?)", self.role.upper(), self.role.upper())
        if self.code:
            add(f"starts_with({e}.code, ?)", self.code)
        if self.root:
            add(f"{e}.root = ?", self.root.zfill(2))
        if self.quad_class is not None:
            add(f"{e}.quad_class = ?", int(self.quad_class))
        since = parse_bound(self.since, name="since")
        until = parse_bound(self.until, end=True, name="until")
        if since:
            add(f"{e}.date_start >= ?", since)
        if until:
            add(f"{e}.date_start <= ?", until)
        if self.certainty:
            add(f"{e}.certainty = ?", self.certainty)
        if self.modality:
            add(f"{e}.modality = ?", self.modality)
        if self.asserted is not None:
            add(f"{e}.asserted = ?", bool(self.asserted))
        if self.place:
            add(f"(lower({e}.place_name) = lower(?) OR {e}.place_country = upper(?))", self.place, self.place)
        if self.outlet:
            add(f"lower({article}.source) = lower(?)", self.outlet)
        if not self.historical:
            add(f"NOT coalesce({e}.historical, false)")
        if self.cluster_id:
            add(f"{e}.cluster_id = ?", self.cluster_id)
        if self.article_id:
            add(f"{e}.article_id = ?", self.article_id)
        return (" AND ".join(clauses) or "true"), params
