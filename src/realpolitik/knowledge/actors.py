"""The actor dictionary: every phrase that names an actor, with its CAMEO-style code.

It is built from five shipped tables (``countries.tsv``, ``organizations.tsv``, ``roles.tsv``, ``people.tsv`` and,
for validation, the codes they share) and any number of user files layered on top. Everything is validated on
load, so a coder can trust each code it gets; a problem raises ``KnowledgeError`` naming the file, line and field.

Codes. A CAMEO-style actor code is a three-letter prefix (an ISO-3166 alpha-3 country code from countries.tsv,
an international body's code from organizations.tsv such as UNO or NAT, or one of the generic international codes
IGO, NGO, IMG, MNC) followed by zero or more three-letter role codes from roles.tsv: ``RUS``, ``RUSMIL``,
``LBNREB``, ``IMGINS``. A body inside an international one follows its prefix with its own code, as CAMEO writes
the UN's agencies (IGOUNOKID): ``UNOKID`` is UNICEF, ``UNOIAE`` the IAEA.

Dates. People (and a few groups) hold a code only for a while. ``start``/``end`` are ISO dates or ISO prefixes
(``2024``, ``2024-12``, ``2024-12-21``); ``end`` is inclusive and empty while the entry still holds. Resolve them
against the event's date, not the article's publication date.

User files. A user file is a tab-separated text file in the same style as ours: ``#`` comment lines first (say
where the facts come from), then a header row, then one record per line. Columns::

    phrase   code     name              start       end
    Shoigu   RUSGOV   Sergei Shoigu     2024-05-12

``phrase`` (the words as written in news) and ``code`` are required; ``name`` (canonical name, defaults to the
phrase), ``start`` and ``end`` may be left empty or left out. Optional extra columns: ``kind`` (one of
ACTOR_KINDS; default ``country_name`` for a bare country code, ``organization`` otherwise, ``person`` when an
``office`` is given), ``office`` (one of OFFICES) and ``titles`` ('|'-separated). User entries come first in
``by_phrase`` lists, later files before earlier ones, so a user file can override a shipped reading.
``check_actor_file(path)`` validates one such file (``realpolitik knowledge check FILE``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .tables import Row, read_table, shipped_path

ACTOR_KINDS = ("country_name", "demonym", "capital", "government", "organization", "group", "role_word", "person")
OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "other")
#: Organization kinds in organizations.tsv; "group" rows become entries of kind group, the rest organization.
ORGANIZATION_KINDS = ("igo", "ngo", "agency", "group", "party", "media", "company")
#: CAMEO's generic international prefixes: unnamed IGOs and NGOs, international militarized groups, multinationals.
GENERIC_INTERNATIONAL = {"IGO": "Intergovernmental organization", "NGO": "Non-governmental organization",
                         "IMG": "International militarized group", "MNC": "Multinational corporation"}

COUNTRY_COLUMNS = ("code", "name", "aliases", "demonyms", "capitals", "government")
ORGANIZATION_COLUMNS = ("code", "name", "aliases", "kind", "country", "role")
ROLE_COLUMNS = ("role", "name", "words")
PEOPLE_COLUMNS = ("name", "aliases", "country", "role", "office", "titles", "start", "end")
USER_COLUMNS = ("phrase", "code")

_CODE = re.compile(r"^(?:[A-Z]{3})+$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class ActorEntry:
    """One phrase that names an actor, with what it stands for.

    ``id`` is built from content (file kind, code or name, phrase), so it stays the same when rows move.
    """

    id: str
    phrase: str
    kind: str
    code: str | None
    country: str | None
    role: str | None
    name: str
    start: str | None = None
    end: str | None = None
    office: str | None = None
    titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class CountryInfo:
    """What countries.tsv knows about one country."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    government: tuple[str, ...] = ()


def split_code(code: str) -> tuple[str, str | None]:
    """Split a CAMEO-style code into its three-letter prefix and its first role ("RUSMIL" -> ("RUS", "MIL")).

    Raises:
        ValueError: when the code is not upper-case letters in groups of three.
    """
    roles = code_roles(code)
    return code[:3], roles[0] if roles else None


def code_roles(code: str) -> tuple[str, ...]:
    """All role codes after the prefix ("USAGOVMIL" -> ("GOV", "MIL"))."""
    if not _CODE.match(code or ""):
        raise ValueError(f"actor code {code!r} is not three-letter groups of capitals such as RUS or RUSMIL")
    return tuple(code[i:i + 3] for i in range(3, len(code), 3))


def date_bounds(value: str) -> tuple[dt.date, dt.date]:
    """First and last day an ISO date or prefix covers ("2024-12" -> 2024-12-01, 2024-12-31).

    Raises:
        ValueError: when the value is not a real ISO date or prefix.
    """
    if not _DATE.match(value):
        raise ValueError(f"{value!r} is not an ISO date such as 2025-11-18 (or a prefix 2025-11, 2025)")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    day = dt.date(*parts)
    return day, day


def holds_on(entry: ActorEntry, date: str | None) -> bool:
    """Whether an entry holds on a date; with no date, whether it still holds (no end).

    A date given as a prefix ("2024-12") holds when any day of it falls inside the entry's range.
    """
    if date is None:
        return entry.end is None
    first, last = date_bounds(date)
    if entry.start and last < date_bounds(entry.start)[0]:
        return False
    if entry.end and first > date_bounds(entry.end)[1]:
        return False
    return True


@dataclass
class ActorDictionary:
    """All actor entries, indexed by lowercased phrase, with lookups for countries and office holders."""

    entries: tuple[ActorEntry, ...]
    countries: dict[str, CountryInfo]
    role_names: dict[str, str]
    international: dict[str, str]
    _index: dict[str, list[ActorEntry]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        for entry in self.entries:
            self._index.setdefault(entry.phrase.lower(), []).append(entry)

    def by_phrase(self) -> dict[str, list[ActorEntry]]:
        """Lowercased phrase -> entries, in priority order (user files first). A fresh copy each call."""
        return {phrase: list(found) for phrase, found in self._index.items()}

    def lookup(self, phrase: str) -> list[ActorEntry]:
        """Entries for one phrase, case-insensitively; empty when unknown."""
        return list(self._index.get(phrase.lower(), ()))

    def country(self, code: str) -> CountryInfo | None:
        return self.countries.get(code)

    def people_for_office(self, country: str, office: str, on_date: str | None = None) -> list[ActorEntry]:
        """Who held an office for a country (or international body) on a date; with no date, who holds it now.

        Returns one entry per holder (the canonical-name entry), earliest start first.
        """
        if office not in OFFICES:
            raise ValueError(f"office {office!r} is not one of {', '.join(OFFICES)}")
        found = [e for e in self.entries if e.kind == "person" and e.office == office and e.phrase == e.name
                 and e.code is not None and e.code[:3] == country and holds_on(e, on_date)]
        return sorted(found, key=lambda e: e.start or "")

    holds_on = staticmethod(holds_on)

    def known_prefix(self, prefix: str) -> bool:
        return prefix in self.countries or prefix in self.international

    def code_name(self, code: str) -> str | None:
        """A readable name for a code ("RUSMIL" -> "Russia Military"); None when the prefix is unknown."""
        prefix = code[:3]
        base = self.countries[prefix].name if prefix in self.countries else self.international.get(prefix)
        if base is None:
            return None
        return " ".join([base, *(self.role_names.get(r) or self.international.get(r, r) for r in code_roles(code))])


def load_actor_dictionary(extra_files: tuple[str, ...] = ()) -> ActorDictionary:
    """Load the shipped actor knowledge plus user files, validated; cached per tuple of paths.

    Args:
        extra_files: user files in the format of this module's docstring, later ones taking priority.

    Raises:
        KnowledgeError: naming the file, line and field of the first problem.
    """
    return _load_cached(tuple(str(p) for p in extra_files))


@lru_cache(maxsize=8)
def _load_cached(extra_files: tuple[str, ...]) -> ActorDictionary:
    base = _load_shipped()
    user: list[ActorEntry] = []
    for path in reversed(extra_files):
        user.extend(_read_user_file(Path(path), base))
    if not user:
        return base
    return ActorDictionary(tuple(user) + base.entries, base.countries, base.role_names, base.international)


@lru_cache(maxsize=1)
def _load_shipped() -> ActorDictionary:
    role_names, role_entries = _read_roles(shipped_path("roles.tsv"))
    countries, country_entries = _read_countries(shipped_path("countries.tsv"))
    international = dict(GENERIC_INTERNATIONAL)
    org_entries = _read_organizations(shipped_path("organizations.tsv"), countries, role_names, international)
    probe = ActorDictionary((), countries, role_names, international)
    people_entries = _read_people(shipped_path("people.tsv"), probe)
    entries = tuple(country_entries + org_entries + people_entries + role_entries)
    return ActorDictionary(entries, countries, role_names, international)


def check_actor_file(path: str | Path) -> int:
    """Validate one user actor file against the shipped knowledge; return how many entries it defines.

    Raises:
        KnowledgeError: naming the file, line and field of the first problem.
    """
    return len(_read_user_file(Path(path), _load_shipped()))


# --- readers ---------------------------------------------------------------------------------------------------


def _read_roles(path: Path) -> tuple[dict[str, str], list[ActorEntry]]:
    names: dict[str, str] = {}
    entries: list[ActorEntry] = []
    seen_words: dict[str, str] = {}
    for row in read_table(path, ROLE_COLUMNS):
        role = row.require("role")
        if not re.match(r"^[A-Z]{3}$", role):
            raise row.error(f"field 'role' is {role!r}; expected three capitals such as GOV")
        if role in names:
            raise row.error(f"field 'role': {role} is listed twice")
        names[role] = row.require("name")
        words = row.alternatives("words")
        if not words:
            raise row.error("field 'words' is empty; list the words that signal this role, '|'-separated")
        for word in words:
            if word != word.lower():
                raise row.error(f"field 'words': {word!r} must be lowercase")
            if word in seen_words:
                raise row.error(f"field 'words': {word!r} already signals {seen_words[word]}; keep one role per word")
            seen_words[word] = role
            entries.append(ActorEntry(id=f"roles:{role}:{word}", phrase=word, kind="role_word", code=None,
                                      country=None, role=role, name=names[role]))
    return names, entries


def _read_countries(path: Path) -> tuple[dict[str, CountryInfo], list[ActorEntry]]:
    countries: dict[str, CountryInfo] = {}
    entries: list[ActorEntry] = []
    for row in read_table(path, COUNTRY_COLUMNS):
        code = row.require("code")
        if not re.match(r"^[A-Z]{3}$", code):
            raise row.error(f"field 'code' is {code!r}; expected an ISO-3166 alpha-3 code such as RUS")
        if code in countries:
            raise row.error(f"field 'code': {code} is listed twice")
        name = row.require("name")
        info = CountryInfo(code, name, *(tuple(_unique(row.alternatives(c), exclude=name))
                                         for c in ("aliases", "demonyms", "capitals", "government")))
        countries[code] = info
        phrases = [("country_name", p) for p in (name, *info.aliases)]
        phrases += [("demonym", p) for p in info.demonyms] + [("capital", p) for p in info.capitals]
        for kind, phrase in phrases:
            entries.append(ActorEntry(id=f"countries:{code}:{kind}:{phrase}", phrase=phrase, kind=kind, code=code,
                                      country=code, role=None, name=name))
        for phrase in info.government:
            entries.append(ActorEntry(id=f"countries:{code}:government:{phrase}", phrase=phrase, kind="government",
                                      code=code + "GOV", country=code, role="GOV", name=f"{name} government"))
    return countries, entries


def _read_organizations(path: Path, countries: dict[str, CountryInfo], role_names: dict[str, str],
                        international: dict[str, str]) -> list[ActorEntry]:
    rows = list(read_table(path, ORGANIZATION_COLUMNS))
    for row in rows:  # first pass: learn the international prefixes, so later rows may refer to them
        code = row.require("code")
        if not row.get("country") and _CODE.match(code) and code[:3] not in countries:
            international.setdefault(code[:3], row.require("name"))
    for row in rows:  # and the bodies inside them: UNOKID makes KID (UNICEF) a code of its own
        code = row.require("code")
        if not row.get("country") and _CODE.match(code) and code[:3] in international:
            for group in code_roles(code):
                if group not in role_names:
                    international.setdefault(group, row.require("name"))
    entries: list[ActorEntry] = []
    for row in rows:
        code = _checked_code(row, "code", countries, international, role_names)
        name = row.require("name")
        kind = row.require("kind")
        if kind not in ORGANIZATION_KINDS:
            raise row.error(f"field 'kind' is {kind!r}; expected one of {', '.join(ORGANIZATION_KINDS)}")
        country = row.get("country") or None
        if country is not None:
            if country not in countries:
                raise row.error(f"field 'country': {country} is not a code in countries.tsv")
            if code[:3] != country:
                raise row.error(f"field 'code': {code} does not start with its country {country}")
        role = row.get("role") or None
        roles = tuple(r for r in code_roles(code) if r in role_names)  # (not the body in UNOKID)
        if role is not None and role not in roles:
            raise row.error(f"field 'role': {role} is not part of the code {code}; write the code as {code[:3]}{role}")
        start, end = _checked_dates(row)
        entry_kind = "group" if kind == "group" else "organization"
        for phrase in _unique(_with_spellings([name, *row.alternatives("aliases")])):
            entries.append(ActorEntry(id=f"organizations:{code}:{name}:{start or ''}:{phrase}", phrase=phrase,
                                      kind=entry_kind, code=code, country=code[:3] if code[:3] in countries else None,
                                      role=role or (roles[0] if roles else None), name=name, start=start, end=end))
    return entries


def _read_people(path: Path, known: ActorDictionary) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    first_line: dict[tuple[str, str, str, str], int] = {}
    for row in read_table(path, PEOPLE_COLUMNS):
        name = row.require("name")
        country = row.require("country")
        if not (known.known_prefix(country) or _CODE.match(country) and all(
                known.known_prefix(group) for group in (country[:3], *code_roles(country)))):
            raise row.error(f"field 'country': {country} is neither a country in countries.tsv nor an "
                            f"international code in organizations.tsv")
        role = row.get("role") or None
        if role is not None and role not in known.role_names:
            raise row.error(f"field 'role': {role} is not a role in roles.tsv")
        office = row.require("office")
        if office not in OFFICES:
            raise row.error(f"field 'office' is {office!r}; expected one of {', '.join(OFFICES)}")
        start, end = _checked_dates(row)
        if start is None:
            raise row.error("field 'start' is empty; people need the date they took office")
        code = country + (role or "")
        key = (name, country, office, start)
        if key in first_line:
            raise row.error(f"field 'name': {name} already holds {office} for {country} from {start} "
                            f"(line {first_line[key]}); remove the repeated row")
        first_line[key] = row.line
        titles = tuple(row.alternatives("titles"))
        for phrase in _unique([name, *row.alternatives("aliases")]):
            entries.append(ActorEntry(id=f"people:{country}:{name}:{office}:{start}:{phrase}", phrase=phrase, kind="person",
                                      code=code, country=country if country in known.countries else None,
                                      role=role, name=name, start=start, end=end, office=office, titles=titles))
    return entries


def _read_user_file(path: Path, known: ActorDictionary) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    for row in read_table(path, USER_COLUMNS):
        phrase = row.require("phrase")
        code = _checked_code(row, "code", known.countries, known.international, known.role_names)
        start, end = _checked_dates(row)
        office = row.get("office") or None
        if office is not None and office not in OFFICES:
            raise row.error(f"field 'office' is {office!r}; expected one of {', '.join(OFFICES)}")
        kind = row.get("kind") or ("person" if office else "country_name" if len(code) == 3
                                   and code in known.countries else "organization")
        if kind not in ACTOR_KINDS:
            raise row.error(f"field 'kind' is {kind!r}; expected one of {', '.join(ACTOR_KINDS)}")
        roles = code_roles(code)
        entries.append(ActorEntry(id=f"{path.name}:{row.line}", phrase=phrase, kind=kind, code=code,
                                  country=code[:3] if code[:3] in known.countries else None,
                                  role=roles[0] if roles else None, name=row.get("name") or phrase,
                                  start=start, end=end, office=office, titles=tuple(row.alternatives("titles"))))
    return entries


# --- field checks ----------------------------------------------------------------------------------------------


def _checked_code(row: Row, column: str, countries: dict[str, CountryInfo], international: dict[str, str],
                  role_names: dict[str, str]) -> str:
    code = row.require(column)
    try:
        roles = code_roles(code)
    except ValueError as exc:
        raise row.error(f"field '{column}': {exc}") from None
    prefix = code[:3]
    if prefix not in countries and prefix not in international:
        raise row.error(f"field '{column}': {prefix} in {code} is neither a country in countries.tsv nor an "
                        f"international code ({', '.join(sorted(international))})")
    for role in roles:
        if role not in role_names and role not in international:
            raise row.error(f"field '{column}': role {role} in {code} is not in roles.tsv")
    return code


def _checked_dates(row: Row) -> tuple[str | None, str | None]:
    values: dict[str, str | None] = {}
    for column in ("start", "end"):
        value = row.get(column) or None
        if value is not None:
            try:
                date_bounds(value)
            except ValueError as exc:
                raise row.error(f"field '{column}': {exc}") from None
        values[column] = value
    start, end = values["start"], values["end"]
    if start and end and date_bounds(start)[0] > date_bounds(end)[1]:
        raise row.error(f"field 'end' ({end}) is before field 'start' ({start}); swap them or fix the dates")
    return start, end


#: British and American spellings of the words in bodies' names: "Collective Security Treaty Organisation".
_SPELLINGS = (("Organization", "Organisation"), ("Labor", "Labour"), ("Defense", "Defence"), ("Center", "Centre"))


def _with_spellings(names: list[str]) -> list[str]:
    """The names, each followed by its other spelling where it has a word spelled both ways."""
    out = []
    for name in names:
        out.append(name)
        for one, other in _SPELLINGS:
            for a, b in ((one, other), (other, one)):
                if re.search(rf"\b{a}\b", name):
                    out.append(re.sub(rf"\b{a}\b", b, name))
    return out


def _unique(items: Iterable[str], exclude: str | None = None) -> Iterator[str]:
    """Items in order without case-insensitive repeats (and without ``exclude``)."""
    seen = {exclude.lower()} if exclude else set()
    for item in items:
        if item.lower() not in seen:
            seen.add(item.lower())
            yield item
