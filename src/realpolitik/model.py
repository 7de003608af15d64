"""The data model: frozen, typed records that every stage passes on and every surface serialises.

The spaCy ``Doc`` is only a working surface; what persists is these dataclasses. Ids are content hashes, so
coding or ingesting the same text twice yields the same ids and the store stays free of duplicates. Dates are
ISO prefixes (``2025``, ``2025-11``, ``2025-11-16``) with an explicit precision, as FollowTheMoney keeps them.
``to_dict`` gives the one JSON vocabulary shared by the CLI's ``--json``, the DuckDB columns and exports.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

#: How precise an event date is. ``week``: the date is the Monday of that ISO week.
DATE_PRECISIONS = ("day", "week", "month", "year", "approximate", "unknown")
#: Where an event date comes from: the sentence's own words, a date relative to another one in the text, the
#: story so far (a sentence without a date continues the one before), the publication date, or nowhere.
DATE_BASES = ("text", "text-relative", "context", "published", "unknown")
#: How the text presents an event (first version; "Who says so" refines it into certainty).
MODALITIES = ("asserted", "negated", "hypothetical", "planned", "denied", "unconfirmed")


def make_id(*parts: Any, prefix: str = "") -> str:
    """A short stable id from content: the same parts always give the same id."""
    digest = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return prefix + digest.hexdigest()[:16]


def _scalars(record: Any) -> dict[str, Any]:
    """The fields of a dataclass whose values are all scalars, as a dict: what ``asdict`` returns for it, without
    the deep copy that makes ``asdict`` the costliest step of storing an event."""
    return dict(vars(record))


def normalize_text(text: str) -> str:
    """Unicode NFC with unified line ends and trimmed edges: the form whose hash is an article's id."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


@dataclass(frozen=True)
class Article:
    """One news article: headline kept apart from body, because the small spaCy model glues a headline onto
    the first sentence. Character spans in events refer to ``text`` (the body)."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None when unknown
    source: str | None = None  # the outlet, e.g. "Reuters"
    origin: str | None = None  # where it was read from: "file.jsonl line 3", a path, "<stdin>"
    language: str | None = None

    @classmethod
    def create(cls, text: str, *, title: str | None = None, url: str | None = None,
               published: str | None = None, source: str | None = None, origin: str | None = None,
               language: str | None = None) -> "Article":
        """Build an article with its content-hash id (normalized title + body + url)."""
        body = normalize_text(text)
        head = normalize_text(title) if title else None
        return cls(id=make_id(head, body, url, prefix="a-"), text=body, title=head or None, url=url,
                   published=published, source=source, origin=origin, language=language)

    def to_dict(self) -> dict[str, Any]:
        return _scalars(self)


@dataclass(frozen=True)
class Actor:
    """A CAMEO-style actor: ``code`` is ISO-3166 alpha-3 (or an IGO code) plus role codes, e.g. RUSMIL."""

    code: str
    name: str
    country: str | None = None  # country-level code (first three letters), None for unknown
    role: str | None = None  # CAMEO role code such as GOV, MIL, MED
    kind: str = "country"  # country | igo | group | person | sector

    @classmethod
    def of(cls, country: str | None, role: str | None = None, *, name: str | None = None,
           kind: str = "country") -> "Actor":
        """An actor composed the CAMEO way: country code, then role code (``RUS`` + ``MIL`` -> ``RUSMIL``)."""
        code = (country or "") + (role or "")
        return cls(code=code, name=name or code, country=country, role=role, kind=kind)

    def to_dict(self) -> dict[str, Any]:
        return _scalars(self)


def unique_actors(actors: Iterable[Actor]) -> list[Actor]:
    """The actors in order, each code once (the first one named)."""
    seen: set[str] = set()
    out = []
    for actor in actors:
        if actor.code not in seen:
            seen.add(actor.code)
            out.append(actor)
    return out


@dataclass(frozen=True)
class Mention:
    """An actor found in the text, with the knowledge entry that recognised it."""

    actor: Actor
    text: str
    start: int  # character offsets into Article.text
    end: int
    sentence: int  # index of the sentence in the article body
    rule: str  # id of the knowledge entry or rule that made the match


@dataclass(frozen=True)
class Place:
    """Where an event happened, resolved offline to a country and coordinates."""

    name: str
    country: str | None  # ISO-3166 alpha-3
    lat: float | None = None
    lon: float | None = None
    feature: str = "city"  # city | country | region
    geonameid: int | None = None
    #: text: named in the event's sentence; story: the sentence names none, so the country of the place the
    #: article last gave an event; actor: none named, a state acting at home, so that state
    basis: str = "text"

    def to_dict(self) -> dict[str, Any]:
        return _scalars(self)


@dataclass(frozen=True)
class EventDate:
    """An event's own date, with how precise it is and what it rests on."""

    value: str | None  # ISO prefix; for precision "week" the Monday of that week
    precision: str = "unknown"
    basis: str = "unknown"
    text: str | None = None  # the words it was read from ("the previous day")
    historical: bool = False  # the sentence refers to the past as background, not news


UNKNOWN_DATE = EventDate(None)


@dataclass(frozen=True)
class Evidence:
    """The sentence an event was read from, and the character span of its trigger in the article body."""

    article_id: str
    sentence: str
    sentence_start: int
    start: int  # trigger span, offsets into Article.text
    end: int
    trigger: str


@dataclass(frozen=True)
class Attribution:
    """Who reports an event: a speaker (actor or description) and an outlet, named or anonymous."""

    speaker: str | None = None
    speaker_code: str | None = None
    outlet: str | None = None
    anonymous: bool = False
    cue: str | None = None  # the words that attribute ("according to", "citing", "said")

    def to_dict(self) -> dict[str, Any]:
        return _scalars(self)


@dataclass(frozen=True)
class Event:
    """One coded event: who did what to whom, when, where, how sure, and why it was coded."""

    id: str
    article_id: str
    source: Actor | None
    target: Actor | None
    code: str  # CAMEO event code, e.g. "042"
    root: str  # two-digit root, e.g. "04"
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str
    label: str  # the CAMEO name of the code
    date: EventDate
    place: Place | None
    modality: str  # one of MODALITIES
    evidence: Evidence
    rule: str  # lexicon entry id or rule name that coded it
    attribution: Attribution | None = None
    certainty: str | None = None

    @property
    def asserted(self) -> bool:
        return self.modality == "asserted"

    @property
    def historical(self) -> bool:
        return self.date.historical

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON schema (README, "Output fields")."""
        return {
            "id": self.id,
            "article_id": self.article_id,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "code": self.code,
            "root": self.root,
            "label": self.label,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "date": self.date.value,
            "date_precision": self.date.precision,
            "date_basis": self.date.basis,
            "date_text": self.date.text,
            "historical": self.date.historical,
            "place": self.place.to_dict() if self.place else None,
            "asserted": self.asserted,
            "modality": self.modality,
            "certainty": self.certainty or self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "evidence": _scalars(self.evidence),
            "rule": self.rule,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Event":
        """Inverse of ``to_dict``: used by the store and the batch loader."""
        def actor(x):
            return Actor(**x) if x else None

        place = Place(**d["place"]) if d.get("place") else None
        attribution = Attribution(**d["attribution"]) if d.get("attribution") else None
        return cls(
            id=d["id"], article_id=d["article_id"], source=actor(d.get("source")), target=actor(d.get("target")),
            code=d["code"], root=d["root"], quad_class=int(d["quad_class"]), goldstein=float(d["goldstein"]),
            plover=d["plover"], label=d.get("label") or "",
            date=EventDate(d.get("date"), d.get("date_precision") or "unknown", d.get("date_basis") or "unknown",
                           d.get("date_text"), bool(d.get("historical"))),
            place=place, modality=d["modality"], evidence=Evidence(**d["evidence"]), rule=d["rule"],
            attribution=attribution, certainty=d.get("certainty"),
        )


#: How a claim stands toward the event or claim it is about.
STANCES = ("supports", "disputes", "neutral")


@dataclass(frozen=True)
class Claim:
    """A statement attributed to a speaker: what was said, about whom, and how it stands toward an event or
    another claim ("This narrative has been met with skepticism by Western analysts" disputes the narrative)."""

    id: str
    article_id: str
    speaker: str | None  # the words naming the speaker ("Russian officials", "unnamed sources")
    speaker_code: str | None  # the speaker's actor code where known
    text: str  # the claim's own words
    start: int  # character span of the claim text in Article.text
    end: int
    about: tuple[str, ...] = ()  # actor codes the claim is about
    stance: str = "neutral"
    target_claim_id: str | None = None  # the claim this one supports or disputes
    event_id: str | None = None  # the event this claim reports, supports or disputes
    anonymous: bool = False
    cue: str | None = None  # the attributing words ("emphasized", "according to", "met with skepticism")

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["about"] = list(self.about)
        return d


@dataclass(frozen=True)
class CodedArticle:
    """An article with the events and claims coded from it."""

    article: Article
    events: tuple[Event, ...]
    claims: tuple[Claim, ...] = ()
    error: str | None = None  # set when coding this article failed (a bug): the batch goes on without it


def dataclass_fields(cls) -> list[str]:
    """Field names of a model dataclass, in order (used by the store's schema checks)."""
    return [f.name for f in fields(cls) if f.init]
