"""Synthetic news articles for benchmarks and smoke tests: varied, realistic in length, free of copied text.

Each article is composed from sentence templates written for this module (visits, talks, phone calls,
agreements, sanctions, air strikes, clashes, protests, arrests, aid, threats, denials, accusations, appeals,
expulsions, stated intentions ...) and filled with actors from the shipped knowledge files: countries with their
demonyms and capitals, office-holders with the title they held on the article's date, international bodies and
armed groups. Dates are relative ("on Tuesday", "last week") to the publication date, as news phrases them, and
background paragraphs bring each article to about 600 words, so parse cost per article matches real news.

Generation is deterministic: article ``i`` of seed ``s`` depends only on ``(s, i)``, so a corpus of 1,000 is
the first 1,000 articles of a corpus of 10,000. Nothing is held in memory beyond the knowledge tables.
"""

from __future__ import annotations

import functools
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .knowledge.tables import read_table, shipped_path

#: Fictional outlets on the reserved ``.example`` domain, so no generated url points at a real site.
OUTLETS = ("The Meridian Post", "Continental Wire", "Harbor Times", "Global Ledger", "The Daily Dispatch",
           "Northern Courier", "Eastern Standard Review", "World Affairs Bulletin", "The Capital Observer",
           "Pacific Chronicle", "The Atlas Report", "Crossroads News")
#: Publication dates fall in this window (inclusive), where the shipped office-holder tables are complete.
FIRST_DAY, LAST_DAY = date(2025, 3, 1), date(2025, 10, 31)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: Organisation names that take no article in running text.
_BARE_NAMES = frozenset({"Amnesty International", "Doctors Without Borders", "Human Rights Watch", "Oxfam",
                         "Interpol", "Hamas", "Hezbollah", "Fatah", "M23", "Fano", "JNIM", "Al-Shabaab", "Al-Qaeda",
                         "Boko Haram", "Hayat Tahrir al-Sham", "Jaish al-Adl", "Kataib Hezbollah", "Viv Ansanm",
                         "Al-Qaeda in the Arabian Peninsula", "Tehrik-e-Taliban Pakistan", "Islamic State Khorasan",
                         "Islamic State West Africa Province", "Palestinian Islamic Jihad"})
#: Single-word names that take "the" all the same.
_THE_NAMES = frozenset({"Houthis", "Taliban"})

TOPICS = ("energy cooperation", "the ceasefire", "border security", "trade and investment", "hostages",
          "grain exports", "a new gas pipeline", "regional security", "the nuclear programme", "water sharing",
          "the return of refugees", "counter-terrorism cooperation", "reconstruction funding", "maritime security",
          "a prisoner exchange", "visa rules", "debt relief", "arms control")
REASONS = ("its missile programme", "human rights abuses", "the crackdown on the opposition", "election fraud",
           "its support for armed groups", "cyber attacks on government networks", "the detention of journalists",
           "violations of the arms embargo")
GRIEVANCES = ("rising fuel prices", "corruption", "the new labour law", "cuts to public spending",
              "the cost of living", "a disputed election result", "the arrest of an opposition leader")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "20", "24", "30",
           "40", "dozens of", "hundreds of")


# ---- event sentences, by kind ---------------------------------------------------------------------------------
# Slots: {A} {B} {C} country names; {A_dem} adjective; {A_cap} capital; {A_lead} full title and name of a leader,
# {A_short} the same person later on; {A_fm} the foreign minister; {O} an international body; {G} an armed group;
# {day} a relative date; {city} a capital of A or B; {topic} {reason} {grievance} {num} {num2} {year}.
EVENTS: dict[str, tuple[str, ...]] = {
    "visit": (
        "{A_lead} arrived in {B_cap} {day} for a two-day visit aimed at strengthening ties with {B}.",
        "{A_lead} visited {B} {day}, the first such trip by a leader from {A_cap} in {num2} years.",
        "{B_lead} hosted {A_short} in {B_cap} {day} for talks on {topic}.",
        "{A_fm} travelled to {B_cap} {day} to meet senior officials.",
    ),
    "meet": (
        "{A_fm} met {B_fm} in {city} {day} to discuss {topic}.",
        "{A_lead} met {B_lead} on the sidelines of a summit in {C_cap} {day}.",
        "{A} and {B} held talks in {city} {day} on {topic}.",
        "Officials from {A} and {B} gathered in {C_cap} {day} for a new round of consultations on {topic}.",
    ),
    "phone": (
        "{A_lead} spoke by phone with {B_lead} {day} about {topic}.",
        "{A_short} and {B_short} discussed {topic} in a telephone call {day}, according to a statement from "
        "{A_cap}.",
        "In a phone call {day}, {A_fm} told {B_fm} that {A} remained committed to dialogue.",
    ),
    "negotiate": (
        "Negotiators from {A} and {B} negotiated for several hours in {C_cap} {day} over {topic}.",
        "{A} and {B} resumed negotiations on {topic} {day} after a pause of {num2} months.",
        "{C} agreed to mediate between {A} and {B} in the dispute over {topic}.",
    ),
    "agree": (
        "{A} and {B} signed an agreement on {topic} in {city} {day}.",
        "{A_lead} and {B_lead} signed a memorandum on {topic} {day}.",
        "{A} agreed {day} to extend the ceasefire with {G} by another {num2} weeks.",
        "{A} and {B} agreed to expand military cooperation, officials said {day}.",
    ),
    "praise": (
        "{A_short} praised {B} for its role in brokering the deal on {topic}.",
        "{A_fm} thanked {B} for its support during the crisis.",
        "{O} welcomed the decision by {A} to release {num} political prisoners.",
    ),
    "aid": (
        "{A} sent {num} tonnes of humanitarian aid to {B} {day}, the {A_dem} foreign ministry said.",
        "{O} delivered emergency food aid to {B} {day} after weeks of heavy flooding.",
        "{A} pledged {num2} million dollars in reconstruction aid to {B} {day}.",
        "{A} will provide {B} with air defence systems, {A_fm} said {day}.",
    ),
    "intent": (
        "{A} plans to reopen its embassy in {B_cap} before the end of the year, {A_fm} said.",
        "{A_short} said {A} was ready to meet {B_short} to end the dispute.",
        "{A} will send a delegation to {B_cap} next week to prepare a visit by {A_short}.",
        "{A} promised to support {B} in its bid to join {O}.",
    ),
    "appeal": (
        "{O} called on {A} and {B} to show restraint and return to talks.",
        "{A_fm} urged {B} to release the detained {A_dem} citizens {day}.",
        "{A} asked {C} to help secure the release of {num} hostages held by {G}.",
        "{A_lead} appealed for international help after deadly floods in the north of the country.",
    ),
    "demand": (
        "{A} demanded that {B} withdraw its troops from the border area.",
        "{A_fm} demanded an explanation from {B} over the incident {day}.",
        "{O} demanded that {G} release all hostages immediately.",
    ),
    "accuse": (
        "{A} accused {B} of violating the ceasefire {day}.",
        "{A_fm} accused {B} of interfering in the internal affairs of {A}.",
        "{A_dem} officials accused {G} of shelling civilian areas near {A_cap} {day}.",
    ),
    "condemn": (
        "{A} condemned the attack on its embassy in {B_cap} {day}.",
        "{A_lead} criticised {B} for the decision to close its airspace.",
        "{O} condemned the killing of {num} aid workers in {B} {day}.",
    ),
    "reject": (
        "{B} rejected the proposal from {A} {day}, calling it unacceptable.",
        "{A_fm} rejected calls from {B} for an international inquiry.",
        "{A} refused to extradite the {B_dem} businessman, {A_dem} state media reported {day}.",
    ),
    "deny": (
        "{A} denied that its forces had attacked {B_dem} ships in the Red Sea.",
        "{A_fm} denied reports that {A} had supplied weapons to {G}.",
        "The {A_dem} defence ministry denied {day} that its aircraft had violated {B_dem} airspace.",
    ),
    "threaten": (
        "{A_short} threatened to impose new tariffs on {B} if talks on {topic} failed.",
        "{A} warned {B} {day} that it would respond to any attack on its territory.",
        "{G} threatened to attack {A_dem} shipping in the Gulf.",
        "{A_lead} threatened {B} with military action over {topic}.",
    ),
    "protest": (
        "Thousands of people protested in {A_cap} {day} against {grievance}.",
        "Demonstrators rallied outside the {B_dem} embassy in {A_cap} {day} to protest against {reason_short}.",
        "Hundreds of students marched through {A_cap} {day}, demanding the resignation of the government.",
        "Workers in {A} went on strike {day} over {grievance}.",
    ),
    "reduce": (
        "{A} recalled its ambassador from {B} {day} in protest at {reason_short}.",
        "{A} expelled {num} {B_dem} diplomats {day}, accusing them of spying.",
        "{A} suspended trade with {B} {day} and closed its border crossings.",
        "{A} cut diplomatic ties with {B} {day}.",
    ),
    "sanction": (
        "{A} imposed new sanctions on {B} {day} over {reason}.",
        "{O} imposed sanctions on {num} {B_dem} officials {day}.",
        "{A} froze the assets of {num} {B_dem} companies {day}.",
        "{A} banned imports of {B_dem} steel {day}.",
    ),
    "arrest": (
        "{A_dem} police arrested {num} people in {A_cap} {day} after clashes with protesters.",
        "Security forces in {A} detained a {B_dem} journalist {day}.",
        "{A_dem} authorities arrested {num} suspected members of {G} {day}.",
        "A court in {A_cap} sentenced {num} opposition activists to prison {day}.",
    ),
    "military": (
        "{A} deployed additional troops to its border with {B} {day}.",
        "{A} held naval drills near the coast of {B} {day}.",
        "{A_dem} forces seized an oil tanker in the Strait of Hormuz {day}.",
        "{A} mobilised reserve units {day} amid rising tension with {B}.",
    ),
    "strike": (
        "{A_dem} warplanes struck targets in {B} {day}, killing at least {num} people, officials said.",
        "{A} launched air strikes on {G} positions {day}.",
        "A drone attack by {G} hit a fuel depot near {A_cap} {day}.",
        "{A_dem} artillery shelled villages near the border with {B} {day}.",
        "{G} fighters attacked an army checkpoint in {A} {day}, killing {num} soldiers.",
    ),
    "clash": (
        "{A_dem} and {B_dem} troops clashed along the border {day}.",
        "Fighting between the {A_dem} army and {G} killed {num} people {day}.",
        "{A_dem} forces exchanged fire with {G} near the border with {B} {day}.",
    ),
    "release": (
        "{A} released {num} {B_dem} prisoners {day} as part of an exchange.",
        "{G} freed {num} hostages {day} after mediation by {C}.",
        "{A} returned the bodies of {num} {B_dem} soldiers to {B} {day}.",
    ),
    "investigate": (
        "{O} opened an investigation into the deaths of civilians in {B} {day}.",
        "Prosecutors in {A} began investigating the bombing in {A_cap} {day}.",
    ),
    "statement": (
        "{A_fm} said {day} that {A} would not accept any conditions set by {B}.",
        "{A_short} told reporters in {A_cap} {day} that relations with {B} had improved.",
        "{A} announced {day} that it would hold early elections.",
    ),
}
#: Headlines by event kind: the title follows the lead paragraph.
HEADLINES: dict[str, tuple[str, ...]] = {
    "visit": ("{A_short} visits {B_cap} for talks", "{A_dem} leader in {B} on rare visit"),
    "meet": ("{A} and {B} hold talks on {topic}", "{A_dem} and {B_dem} ministers meet in {city}"),
    "phone": ("{A_short} and {B_short} speak by phone", "{A} and {B} leaders discuss {topic}"),
    "negotiate": ("{A} and {B} resume talks", "New round of {A}-{B} negotiations"),
    "agree": ("{A} and {B} sign deal on {topic}", "{A}, {B} agree to deepen ties"),
    "praise": ("{A} praises {B}", "{A_short} hails deal"),
    "aid": ("{A} sends aid to {B}", "Aid reaches {B}"),
    "intent": ("{A} plans new push on {topic}", "{A} to reopen embassy in {B_cap}"),
    "appeal": ("Calls for restraint as tension rises between {A} and {B}", "{A} appeals for help"),
    "demand": ("{A} demands answers from {B}", "{A} presses {B} to withdraw"),
    "accuse": ("{A} accuses {B} of ceasefire violations", "{A} blames {B}"),
    "condemn": ("{A} condemns attack", "{A} criticises {B}"),
    "reject": ("{B} rejects {A_dem} proposal", "{A} rejects calls for inquiry"),
    "deny": ("{A} denies attacking {B_dem} ships", "{A} denies arming {G}"),
    "threaten": ("{A} warns {B}", "{A_short} threatens tariffs on {B}"),
    "protest": ("Thousands protest in {A_cap}", "Protesters rally in {A_cap}"),
    "reduce": ("{A} recalls ambassador from {B}", "{A} expels {B_dem} diplomats"),
    "sanction": ("{A} imposes new sanctions on {B}", "New sanctions target {B}"),
    "arrest": ("Arrests in {A_cap} after clashes", "{A} detains {B_dem} journalist"),
    "military": ("{A} sends troops to {B} border", "{A} holds drills near {B}"),
    "strike": ("{A_dem} air strikes hit {B}", "Deadly attack near {A_cap}"),
    "clash": ("{A_dem} and {B_dem} troops clash", "Border fighting kills {num}"),
    "release": ("{A} frees {B_dem} prisoners", "Hostages freed"),
    "investigate": ("Inquiry opened into deaths in {B}", "{A} investigates bombing"),
    "statement": ("{A} sets out position on {B}", "{A} to hold early elections"),
}

# ---- background sentences (context, numbers, history, quotes): realistic bulk, few or no events ------------
BACKGROUND: tuple[str, ...] = (
    "Relations between {A} and {B} have been strained for much of the past decade.",
    "Trade between the two countries reached about {num2} billion dollars last year, according to official "
    "figures.",
    "{A_cap} and {B_cap} are roughly {dist} kilometres apart.",
    "The two governments established diplomatic relations in {year}.",
    "Analysts in {C_cap} said the move reflected growing concern about {topic}.",
    "The region has seen repeated outbreaks of violence since {year}.",
    "Economists expect growth in {A} to slow to about {small} percent this year as inflation remains high.",
    "The {A_dem} currency has lost nearly a third of its value against the dollar since January.",
    "Diplomats said the meeting had been planned for several months.",
    "Neither side gave details of the timetable.",
    "The decision is likely to be debated by lawmakers in {A_cap} in the coming weeks.",
    "Officials in {B_cap} did not respond to a request for comment.",
    "The issue of {topic} has dominated the agenda of regional meetings this year.",
    "More than {num2} thousand people have been displaced by the fighting, according to aid groups.",
    "Talks on {topic} collapsed in {year} amid mutual recriminations.",
    "The port of {city} handles much of the region's grain and fuel shipments.",
    "Opinion polls suggest that most voters in {A} support closer ties with {C}.",
    "The government in {A_cap} has faced mounting criticism over its handling of the economy.",
    "Both countries are members of {O}.",
    "A spokesperson for the foreign ministry declined to say whether further meetings were planned.",
    "Satellite images published by researchers showed new construction near the frontier.",
    "Prices of bread and fuel have risen sharply in {A} since the spring.",
    "Local media reported long queues at petrol stations in {A_cap}.",
    "The dispute dates back to a border agreement signed in {year}.",
    "Observers said the coming weeks would test whether the truce could hold.",
    "Most shops in the centre of {A_cap} reopened after a day of disruption.",
    "Businesses in {B} have complained about delays at customs posts.",
    "Experts cautioned that any agreement on {topic} would take years to implement.",
    "The ministry published a short statement on its website but took no questions.",
    "Schools in parts of {A} remained closed for a third day because of the security situation.",
    "Energy exports account for roughly half of the government's revenue in {B}.",
    "The central bank in {A_cap} raised its main interest rate by half a point last month.",
    "Foreign investment in {B} has fallen for three years in a row, according to a recent survey.",
    "The next general election in {A} is due in {elect}.",
    "A new highway linking {A_cap} with the coast is expected to open next spring.",
    "Tourism, once a major source of income for {B}, has yet to recover fully.",
    "The two sides have held more than {num2} rounds of talks on {topic} over the years.",
    "Officials said technical teams would meet again before the end of the month.",
    "Several airlines have suspended flights to {B_cap} in recent weeks.",
    "The opposition in {A} has called for a parliamentary debate on the issue.",
    "Unemployment among young people in {A} stands at more than {num2} percent.",
    "The foreign ministry in {B_cap} summoned a senior diplomat to ask for clarification.",
    "Weather forecasters expect heavy rain across the region later in the week.",
    "Hospitals in the border region have reported shortages of medicine and fuel.",
    "A report published by a research institute in {C_cap} described the situation as fragile.",
    "Both leaders face domestic pressure ahead of local elections.",
    "The governments have not published the full text of the documents.",
    "Shipping insurance costs in the area have more than doubled since the start of the year.",
    "Farmers in the north of {A} say the drought has cut their harvest by a third.",
    "The story was first reported by local television on the morning of the talks.",
    "Some commentators in {B} questioned whether the agreement would survive a change of government.",
    "Earlier efforts at mediation by {C} produced no lasting results.",
    "Security was tight in central {A_cap}, with police checkpoints on the main roads.",
    "Officials gave no figure for the cost of the programme.",
    "The national football team of {A} is due to play in {B_cap} next month, a fixture now in doubt.",
)
QUOTES: tuple[str, ...] = (
    '"We will not accept pressure from anyone," {A_short} told reporters after the meeting.',
    '"This is a first step, but a great deal of work remains," a senior {B_dem} official said.',
    '"The situation on the ground remains very difficult," said a spokesperson for {O}.',
    '"Our position has not changed," {A_fm} said in a televised interview.',
    '"People are tired and want this to end," said a resident of {city}, who asked not to be named.',
    '"We hope the other side will respond in good faith," a member of the {A_dem} delegation said.',
    '"Dialogue is the only way forward," {B_short} said at a news conference in {B_cap}.',
    '"We have been waiting for this for a long time," said a shopkeeper in {A_cap}.',
    '"The coming days will be decisive," a Western diplomat in {city} said.',
    '"We are ready to do our part," {C_short} said in a statement.',
    '"Nobody wants another war in this region," a retired general told local radio.',
    '"The numbers speak for themselves," an economist in {A_cap} said.',
    '"There is no military solution to this conflict," said an analyst at a think tank in {C_cap}.',
    '"We will study the proposal carefully," an aide to {B_short} said.',
)


# ---- the actors, read once from the shipped knowledge ----------------------------------------------------------
@dataclass(frozen=True)
class _Person:
    name: str
    short: str
    title: str
    office: str
    start: str
    end: str

    def holds_office(self, day: str) -> bool:
        return self.start <= day and (not self.end or day <= self.end)


@dataclass(frozen=True)
class _Country:
    code: str
    name: str
    demonym: str
    capital: str
    people: tuple[_Person, ...]


@dataclass(frozen=True)
class _Cast:
    countries: tuple[_Country, ...]  # countries with office-holders: the usual protagonists
    others: tuple[_Country, ...]  # every other country with a demonym and a capital
    bodies: tuple[str, ...]  # international bodies and NGOs
    groups: dict[str, tuple[str, ...]]  # armed groups by country code ("" = any)


def _short_name(name: str, aliases: list[str]) -> str:
    """How a later sentence names a person: a one-word alias ("Lavrov") or else the full name."""
    single = [a for a in aliases if " " not in a and a[:1].isupper()]
    return single[0] if single else name


@functools.lru_cache(maxsize=1)
def _cast() -> _Cast:
    """Countries, office-holders, bodies and groups from the shipped tables (loaded once per process)."""
    people: dict[str, list[_Person]] = {}
    short: dict[str, str] = {}
    for row in read_table(shipped_path("people.tsv"), ("name", "country", "office", "titles", "start")):
        name = row.require("name")
        short.setdefault(name, _short_name(name, row.alternatives("aliases")))
        titles = row.alternatives("titles")
        if not row.get("role") or not titles or row.get("office") == "head_of_government" and \
                titles[0] == "President":  # presidential systems list the same person twice
            continue
        people.setdefault(row.require("country"), []).append(
            _Person(name, short[name], titles[0], row.get("office"), row.require("start"), row.get("end")))
    with_people, others = [], []
    for row in read_table(shipped_path("countries.tsv"), ("code", "name", "demonyms", "capitals")):
        demonyms, capitals = row.alternatives("demonyms"), row.alternatives("capitals")
        if not demonyms or not capitals:
            continue
        code = row.require("code")
        country = _Country(code, row.require("name"), demonyms[0], capitals[0], tuple(people.get(code, ())))
        (with_people if country.people else others).append(country)
    bodies, groups = [], {}
    for row in read_table(shipped_path("organizations.tsv"), ("code", "name", "kind")):
        kind, name = row.get("kind"), row.require("name")
        if kind in ("igo", "ngo") and name not in bodies and not name.startswith("EU "):
            bodies.append(name)
        elif kind == "group" and not row.get("end"):
            groups.setdefault(row.get("country") or row.require("code")[:3], [])
            if name not in groups[row.get("country") or row.require("code")[:3]]:
                groups[row.get("country") or row.require("code")[:3]].append(name)
    everyone = tuple(sorted({g for names in groups.values() for g in names}))
    return _Cast(tuple(with_people), tuple(others), tuple(bodies),
                 {**{k: tuple(v) for k, v in groups.items()}, "": everyone})


# ---- composing one article ---------------------------------------------------------------------------------------
def _with_article(name: str) -> str:
    """A body's name as running text takes it: "the World Bank", "NATO", "Amnesty International"."""
    if name in _THE_NAMES or (" " in name and name not in _BARE_NAMES):
        return f"the {name}"
    return name


def _relative_day(rng: random.Random, published: date) -> str:
    """A date phrase as news writes it, relative to the publication date (or a month-day a few days back)."""
    back = rng.randint(1, 6)
    weekday = WEEKDAYS[(published - timedelta(days=back)).weekday()]
    earlier = published - timedelta(days=rng.randint(2, 12))
    return rng.choice((f"on {weekday}", f"on {weekday}", f"on {weekday}", "yesterday", "last week",
                       "earlier this week", f"late on {weekday}", f"on {weekday} evening", "on Sunday",
                       f"on {MONTHS[earlier.month - 1]} {earlier.day}", "two days ago", "this week"))


def _leader(rng: random.Random, country: _Country, day: str) -> _Person | None:
    sitting = [p for p in country.people if p.holds_office(day) and p.office != "other"]
    return rng.choice(sitting) if sitting else None


def _actor_slots(rng: random.Random, side: str, country: _Country, day: str) -> dict[str, str]:
    """The slots of one country: name, adjective, capital, a leader (first and later mention), its minister."""
    slots = {side: country.name, f"{side}_dem": country.demonym, f"{side}_cap": country.capital}
    person = _leader(rng, country, day)
    if person is None:
        slots[f"{side}_lead"] = f"the {country.demonym} president"
        slots[f"{side}_short"] = f"the {country.demonym} leader"
    else:
        slots[f"{side}_lead"] = f"{country.demonym} {person.title} {person.name}"
        slots[f"{side}_short"] = person.short
    ministers = [p for p in country.people if p.holds_office(day) and p.office == "foreign_minister"]
    slots[f"{side}_fm"] = (f"{country.demonym} {ministers[0].title} {ministers[0].name}" if ministers
                           else f"the {country.demonym} foreign minister")
    return slots


def _pick_country(rng: random.Random, cast: _Cast, taken: set[str]) -> _Country:
    pool = cast.countries if rng.random() < 0.8 else cast.others
    while True:
        country = rng.choice(pool)
        if country.code not in taken:
            taken.add(country.code)
            return country


def _capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


def _fill(rng: random.Random, template: str, slots: dict[str, str], published: date) -> str:
    """Fill one template; the date, numbers and topic are drawn afresh for every sentence."""
    fresh = {"day": _relative_day(rng, published), "num": rng.choice(NUMBERS), "num2": str(rng.randint(2, 90)),
             "year": str(rng.randint(1948, 2019)), "dist": str(rng.randint(4, 60) * 50),
             "small": f"{rng.randint(1, 4)}.{rng.randint(0, 9)}",
             "elect": str(published.year + rng.randint(1, 4)), "topic": rng.choice(TOPICS),
             "reason": rng.choice(REASONS), "reason_short": rng.choice(REASONS).replace("its ", "the "),
             "grievance": rng.choice(GRIEVANCES), "city": rng.choice((slots["A_cap"], slots["B_cap"]))}
    return _capitalise(template.format_map({**slots, **fresh}))


class _Deck:
    """Draws without repeats until every item was used once, so one article does not say the same thing twice."""

    def __init__(self, rng: random.Random, items: tuple[str, ...]):
        self.rng, self.items, self.left = rng, items, []

    def draw(self) -> str:
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def _article(seed: int, index: int) -> dict[str, str]:
    rng = random.Random(f"realpolitik-synthetic:{seed}:{index}")
    cast = _cast()
    published = FIRST_DAY + timedelta(days=rng.randint(0, (LAST_DAY - FIRST_DAY).days))
    day = published.isoformat()
    taken: set[str] = set()
    a, b, c = (_pick_country(rng, cast, taken) for _ in range(3))
    body = rng.choice(cast.bodies)
    groups = cast.groups.get(a.code) or cast.groups.get(b.code) or cast.groups[""]
    slots = {**_actor_slots(rng, "A", a, day), **_actor_slots(rng, "B", b, day), **_actor_slots(rng, "C", c, day),
             "O": _with_article(body), "G": _with_article(rng.choice(groups))}
    lead = rng.choice(list(EVENTS))
    first = rng.choice(EVENTS[lead])
    events = _Deck(rng, tuple(t for kind in EVENTS.values() for t in kind if t != first))
    background, quotes = _Deck(rng, BACKGROUND), _Deck(rng, QUOTES)
    paragraphs = [[_fill(rng, first, slots, published),
                   _fill(rng, background.draw(), slots, published)]]
    target = rng.randint(540, 680)
    words = sum(len(s.split()) for s in paragraphs[0])
    while words < target:
        roll = rng.random()
        if roll < 0.45:
            paragraph = [_fill(rng, events.draw(), slots, published) for _ in range(rng.randint(1, 2))]
            paragraph.append(_fill(rng, background.draw(), slots, published))
        elif roll < 0.57:
            paragraph = [_fill(rng, quotes.draw(), slots, published)]
        else:
            paragraph = [_fill(rng, background.draw(), slots, published) for _ in range(rng.randint(2, 3))]
        paragraphs.append(paragraph)
        words += sum(len(s.split()) for s in paragraph)
    outlet = OUTLETS[index % len(OUTLETS)]
    title = _fill(rng, rng.choice(HEADLINES[lead]), slots, published)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    domain = re.sub(r"[^a-z]", "", outlet.lower().removeprefix("the ")) + ".example"
    return {"title": title, "text": "\n\n".join(" ".join(p) for p in paragraphs),
            "url": f"https://{domain}/{published:%Y/%m/%d}/{slug}-{seed}-{index}",
            "published": day, "source": outlet}


def generate_articles(n: int, seed: int = 0) -> Iterator[dict[str, str]]:
    """Yield ``n`` synthetic articles (dicts with text, title, url, published, source), about 600 words each.

    Args:
        n: how many articles.
        seed: corpus seed; article ``i`` depends only on ``(seed, i)``.

    Yields:
        One dict per article, in the JSON Lines vocabulary ``realpolitik ingest`` reads.
    """
    if n < 0:
        raise ValueError(f"n is {n}; expected a count of articles, 0 or more")
    for index in range(n):
        yield _article(seed, index)


def write_jsonl(path: str | Path, n: int, seed: int = 0) -> Path:
    """Write a synthetic corpus as JSON Lines, one article per line, streaming (nothing is held).

    Args:
        path: the file to write (its folder is created).
        n: how many articles.
        seed: corpus seed.

    Returns:
        The path written.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for article in generate_articles(n, seed):
            out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path
