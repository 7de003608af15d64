"""Options shared by several commands, declared once as decorators."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

import click

from ..errors import RealpolitikError
from ..settings import Settings, load_settings


def db_option(default: str = "events.duckdb") -> Callable:
    return click.option("--db", "db_path", default=default, show_default=True, type=click.Path(dir_okay=False),
                        help="DuckDB file of the store.")


def settings_options(func: Callable) -> Callable:
    """``--model`` and ``--config``; the resolved Settings arrive as the ``settings`` argument."""

    @click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False),
                  help="TOML settings file (see README, Settings).")
    @click.option("--model", default=None, help="spaCy pipeline: package name or path.")
    @functools.wraps(func)
    def wrapper(*args: Any, config_path: str | None, model: str | None, **kwargs: Any):
        kwargs["settings"] = load_settings(config_path, model=model)
        return func(*args, **kwargs)

    return wrapper


def friendly_errors(func: Callable) -> Callable:
    """Turn our own errors into one-line CLI errors; a closed pipe ends quietly."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any):
        try:
            return func(*args, **kwargs)
        except RealpolitikError as exc:
            raise click.ClickException(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()

    return wrapper


def write_jsonl(rows: Iterable[dict[str, Any]], out=None) -> int:
    """Write dicts as JSON Lines; returns how many."""
    out = out or sys.stdout
    n = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


#: The event filter options: (parameter, click flags, click keyword arguments). EventFilter gives each meaning.
FILTER_OPTIONS: tuple[tuple[str, tuple[str, ...], dict[str, Any]], ...] = (
    ("actor", ("--actor",), {"help": "Actor code or prefix on either side (RUS, RUSGOV)."}),
    ("source", ("--source",), {"help": "Code or prefix of the acting side."}),
    ("target", ("--target",), {"help": "Code or prefix of the side acted upon."}),
    ("country", ("--country",), {"help": "Country code (ISO alpha-3) of either side."}),
    ("role", ("--role",), {"help": "Role code of either side (GOV, MIL ...)."}),
    ("code", ("--code",), {"help": "CAMEO code prefix: 04 matches 040..0499."}),
    ("root", ("--root",), {"help": "CAMEO root code (01..20)."}),
    ("quad_class", ("--quad-class",), {"type": click.IntRange(1, 4), "help": "QuadClass 1..4."}),
    ("since", ("--since",), {"help": "First event date, ISO (2025-11-18, 2025-11, 2025)."}),
    ("until", ("--until",), {"help": "Last event date, inclusive; 2025-11 means through Nov 30."}),
    ("certainty", ("--certainty",), {"help": "Only events of this certainty."}),
    ("modality", ("--modality",), {"help": "Only events of this modality (asserted, negated ...)."}),
    ("asserted", ("--asserted/--unasserted",), {"default": None, "help": "Only asserted, or only other, events."}),
    ("place", ("--place",), {"help": "Place name or place country code."}),
    ("outlet", ("--outlet",), {"help": "The article's outlet (source), case-insensitive."}),
    ("historical", ("--historical/--no-historical",), {"default": True, "show_default": True,
                                                        "help": "Include background (historical) events."}),
    ("limit", ("--limit",), {"type": click.IntRange(min=0), "help": "Most rows."}),
    ("order", ("--order",), {"default": "date", "show_default": True,
                             "help": "date (newest first), oldest, goldstein, mentions or ingested."}),
)


def event_filter_options(limit: int | None = 100, exclude: Iterable[str] = ()) -> Callable:
    """Add the event filter options; the command receives one ``filters`` (an EventFilter) argument.

    Args:
        limit: default of ``--limit``; None means all rows.
        exclude: parameters to leave out (e.g. ``("limit", "order")`` where they mean nothing).
    """
    chosen = [spec for spec in FILTER_OPTIONS if spec[0] not in set(exclude)]

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any):
            from ..store import EventFilter  # (here, not at import: ``ingest``, beside in its module, needs no store
            # before its workers have started)

            values = {name: kwargs.pop(name) for name, _, _ in chosen}
            try:
                kwargs["filters"] = EventFilter.from_kwargs(**{"limit": limit, **{k: v for k, v in values.items()
                                                                                  if v is not None}})
            except RealpolitikError as exc:
                raise click.BadParameter(str(exc)) from None
            return func(*args, **kwargs)

        for name, flags, extra in reversed(chosen):
            extra = dict(extra)
            if name == "limit":
                extra.update(default=limit, show_default="all" if limit is None else True)
            wrapper = click.option(*flags, name, **extra)(wrapper)
        return wrapper

    return decorate


__all__ = ["Settings", "db_option", "settings_options", "friendly_errors", "write_jsonl",
           "event_filter_options", "FILTER_OPTIONS"]
