"""Settings, declared once as (name, type, default, help) and layered: defaults < settings file (TOML) <
environment (``REALPOLITIK_<NAME>``) < explicit overrides (CLI flags). Unknown keys and wrong types stop
start-up with a message naming the key, the expected type and the value received."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

#: (name, type, default, help). The one place a setting is declared.
SETTINGS: tuple[tuple[str, type, Any, str], ...] = (
    ("model", str, "en_core_web_md", "spaCy pipeline: a package name, a path, or 'en_core_web_md' / "
     "'en_core_web_sm' (resolved to the PyPI packages this project installs)"),
    ("batch_size", int, 32, "articles per nlp.pipe batch"),
    ("processes", int, 1, "worker processes that code in parallel in ingest; each loads the model once"),
    ("max_chars", int, 200_000, "articles longer than this are rejected as oversized"),
    ("min_chars", int, 20, "articles shorter than this (after cleaning) are rejected as empty"),
    ("actor_files", list, [], "extra actor dictionary files layered on top of the shipped ones"),
    ("verb_files", list, [], "extra verb/noun pattern lexicon files layered on top of the shipped one"),
    ("emit_historical", bool, False, "emit background events (flagged historical) instead of dropping them"),
    ("emit_statements", bool, False, ("also emit bare statements about another party (CAMEO 010) when a speech "
                                      "verb reports no event; statements that blame, judge, threaten or demand "
                                      "are coded whatever this says")),
)

_TYPES = {name: typ for name, typ, _, _ in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """Resolved settings. Frozen and picklable, so they ship to Dask workers as they are."""

    model: str = "en_core_web_md"
    batch_size: int = 32
    processes: int = 1
    max_chars: int = 200_000
    min_chars: int = 20
    actor_files: tuple[str, ...] = field(default_factory=tuple)
    verb_files: tuple[str, ...] = field(default_factory=tuple)
    emit_historical: bool = False
    emit_statements: bool = False

    def with_overrides(self, **overrides: Any) -> "Settings":
        """Apply explicit overrides (None means "not given"), validated like every other layer."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **_validate(given, "override"))


def _coerce(name: str, value: Any, origin: str) -> Any:
    expected = _TYPES[name]
    if expected is bool and isinstance(value, str):
        low = value.strip().lower()
        if low in ("1", "true", "yes", "on"):
            return True
        if low in ("0", "false", "no", "off"):
            return False
    elif expected is int and isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            pass
    elif expected is list and isinstance(value, str):
        return tuple(p for p in value.split(os.pathsep) if p)
    elif expected is list and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    elif isinstance(value, expected) and not (expected is int and isinstance(value, bool)):
        return value
    raise SettingsError(f"{origin}: setting '{name}' expects {expected.__name__}, got {value!r}")


def _validate(values: dict[str, Any], origin: str) -> dict[str, Any]:
    unknown = sorted(set(values) - set(_TYPES))
    if unknown:
        raise SettingsError(f"{origin}: unknown setting(s) {', '.join(unknown)}; known: {', '.join(_TYPES)}")
    return {k: _coerce(k, v, origin) for k, v in values.items()}


def load_settings(path: str | Path | None = None, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
    """Resolve settings from the layers. ``path`` is a TOML file with a ``[realpolitik]`` table or top-level keys."""
    values: dict[str, Any] = {}
    if path is not None:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"{p}: settings file not found") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"{p}: not valid TOML ({exc})") from None
        values.update(_validate(data.get("realpolitik", data), str(p)))
    env = os.environ if env is None else env
    from_env = {name: env[f"REALPOLITIK_{name.upper()}"] for name in _TYPES if f"REALPOLITIK_{name.upper()}" in env}
    values.update(_validate(from_env, "environment"))
    return Settings(**values).with_overrides(**overrides)
