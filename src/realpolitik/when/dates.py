"""Reading an event's own date from a sentence, against the article's publication date.

News rarely states full dates: it says "on Tuesday", "yesterday", "last week", "the previous day". These rules
turn such phrases into ISO prefixes with a precision (see ``realpolitik.model.EventDate``). They are plain
regular expressions compiled once, because they run on every sentence of every article; dateparser is not used
here: it is slow per call, guesses dates in spans that are not dates, and fails on anchored phrases.

What counts as a date and what does not:

* Durations are not dates: "a 13-year hiatus", "for over a decade", "a three-month ceasefire", "a 24-hour
  truce", "for two years". No rule matches a bare unit ("year", "decade"), so they never yield a mention.
* A bare year needs a leading word ("in 2014", "since 2014", "the 2014 protests"), so counts such as
  "2014 people" are not read as years.
* Month names are matched case-sensitively ("May", never the verb "may"; "March", never "march").
* Weekdays and day-less months point back from publication, unless the words before them are in the future
  tense ("will meet on Friday", "is due to visit in December"), then they point forward.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..errors import InputError
from ..model import EventDate

#: A date whose period ended more than this many days before publication is background, not news.
NEWS_WINDOW_DAYS = 60

MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTH_NUMBERS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                      "sept": 9, "oct": 10, "nov": 11, "dec": 12})
WEEKDAY_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "couple of": 2}
#: Vague counts ("several days ago"): the date becomes approximate, counted as this many units.
VAGUE_COUNTS = {"several": 3, "a few": 3, "few": 3}

_FULL_MONTH = "|".join(calendar.month_name[1:])
_MONTH = (rf"(?P<month>(?:{_FULL_MONTH})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b))")
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?P<year>(?:19|20)\d{2})\b(?![-–]\d|\s*%|\s*-year)"
_WEEKDAY = "|".join(calendar.day_name)
_LEAD_WEEKDAY = rf"(?:(?:{_WEEKDAY}),?\s+)?"
_COUNT = r"\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?couple\s+of"
_VAGUE = r"several|a\s+few|few"
_MONTH_MOD = (r"(?i:last|this|next|early|late|mid-?|earlier|later|early\s+last|late\s+last|earlier\s+this|"
              r"later\s+this|early\s+next)")
#: Count nouns after a number that make it a count, not a year ("the 2000 troops").
_COUNT_NOUN = r"(?!\s+(?:people|troops|soldiers|civilians|residents|members|refugees|migrants|prisoners|"
_COUNT_NOUN += r"children|deaths|casualties|fighters|men|women|units|homes|buildings|km|miles|kilometres|metres)\b)"

#: Feast days and other names that contain a weekday but are not one.
_NOT_WEEKDAY_BEFORE = re.compile(r"(?:Black|Good|Super|Bloody|Ash|Palm|Easter|Holy|Cyber|Giving|Maundy)\s+$")
#: Words that put what follows in the future tense, and words that put it back in the past.
_FUTURE = re.compile(r"(?i)\b(?:will|won't|shall|'ll|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|slated|"
                     r"poised|going|planning|preparing)\s+to|(?:scheduled|planned|slated)\s+for|plans?\s+to|"
                     r"intends?\s+to|(?:is|are)\s+due\s+(?:in|at|back)|to\s+be\s+held|upcoming|"
                     r"would\s+(?!have\b|not\s+have\b)\w+)\b")
_PAST = re.compile(r"(?i)(?<!be )(?<!to )\b(?:said|says|told|was|were|had|did|met|held|came|went|began|"
                   r"retaliating|responding|in\s+(?:response|retaliation|reprisal)|"  # what is answered was done
                   r"(?-i:[a-z]\w*ed))\b")  # (lower case: "the United States" is no verb in the past)
#: Words that open a period to come when the weekday after them is only days ahead: "drills starting on
#: Thursday", "from Thursday to Sunday" (but "began on Thursday" is past).
_OPENING_BEFORE = re.compile(r"(?i)\b(?:starting|beginning|from|until|till|through|to)\s+(?:on\s+)?$")
_DURATION_BEFORE = re.compile(r"(?i)\bfor\s+$")
#: "by the end of November", "by March": a deadline, set from the time of the news, so the nearest such month.
_DEADLINE_BEFORE = re.compile(r"(?i)\bby\s+(?:the\s+(?:end|middle|start|beginning)\s+of\s+|(?:early|mid|late)-?\s*)?$")


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a sentence and what it resolves to.

    ``kind`` is "absolute" (names calendar units: "November 16", "in 2014"), "relative" (counts from the
    publication date: "Tuesday", "last week") or "anchored" (counts from the last date the article stated:
    "the previous day").
    """

    start: int
    end: int
    text: str
    date: EventDate
    kind: str
    #: for "a day after", "two days before": the day on the other side of the anchor, which is the date of a
    #: clause the phrase introduces ("met on Sunday, a day after fighters stormed ...": the storming was Saturday)
    mirrored: EventDate | None = None


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    kind: str
    needs: tuple[str, ...]  # the pattern cannot match a text whose case-folded form contains none of these


_DIGITS = tuple("0123456789")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _rule(name: str, kind: str, needs: tuple[str, ...], pattern: str) -> _Rule:
    return _Rule(name, re.compile(pattern), kind, needs)


# Ordered by priority: where two matches overlap, the earlier rule wins.
_RULES = (
    _rule("iso", "absolute", _DIGITS, r"\b(?P<core>(?P<y>(?:19|20)\d{2})-(?P<m>[01]\d)-(?P<d>[0-3]\d))\b"),
    _rule("month_day", "absolute", _MONTHS, rf"\b(?P<core>{_LEAD_WEEKDAY}{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)"),
    _rule("day_month", "absolute", _MONTHS, rf"\b(?P<core>{_LEAD_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?)"),
    _rule("month_year", "absolute", _MONTHS,
          rf"\b(?P<core>(?:(?P<part>(?i:early|late|mid-?|earlier|later))\s*(?:in\s+)?)?{_MONTH}\s+(?:of\s+)?{_YEAR})"),
    _rule("month", "absolute", _MONTHS,
          rf"(?:\b(?i:in|since|during|by|until|till|through|throughout|from|before|after|of|on)\s+"
          rf"(?P<core>(?:(?P<mod>{_MONTH_MOD})\s*)?(?P<month>{_FULL_MONTH}))"
          rf"|\b(?P<core2>(?P<mod2>{_MONTH_MOD})\s*(?P<month2>{_FULL_MONTH})))\b(?!\s*\d)"),
    _rule("year", "absolute", _DIGITS,
          rf"\b(?i:in|since|during|by|until|till|through|from|before|after|the|early|late|mid-?)\s+"
          rf"(?P<core>(?:(?i:early|late|mid-?)\s*)?{_YEAR}){_COUNT_NOUN}"),
    _rule("day_before_yesterday", "relative", ("yesterday",), r"(?i)\b(?P<core>the\s+day\s+before\s+yesterday)\b"),
    _rule("yesterday", "relative", ("yesterday",),
          r"(?i)\b(?P<core>(?:late\s+|early\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?)\b"),
    _rule("today", "relative", ("today", "tonight", "this"),
          r"\b(?P<core>(?i:(?:earlier|later)\s+)?(?<!Russia )(?<!USA )(?:[Tt]oday|(?i:tonight|this\s+(?:morning|"
          r"afternoon|evening))))\b"),
    _rule("tomorrow", "relative", ("tomorrow",), r"(?i)\b(?P<core>tomorrow(?:\s+(?:morning|afternoon|evening|night))?)\b"),
    _rule("anchored_day", "anchored", ("day",),
          r"(?i)\b(?P<core>the\s+(?P<prev>previous|preceding|prior)\s+day|the\s+day\s+(?P<before>before|earlier|prior)"
          r"|(?:a|one|the)\s+day\s+(?P<earlier>earlier|before|prior)|the\s+(?P<next>next|following)\s+day"
          r"|the\s+day\s+(?P<after>after|later)|(?:a|one)\s+day\s+(?P<later>later|after)"
          r"|(?P<n>two|three|four|five|six|seven|\d+)\s+days\s+(?P<dir>earlier|later|before|after)"
          r"|(?:on\s+)?(?:the|that)\s+same\s+day|that\s+day)\b"),
    _rule("days_vague", "anchored", ("days",),
          rf"(?i)\b(?P<core>(?:just\s+|only\s+|mere\s+)?(?:(?P<n>{_VAGUE})\s+)?days\s+(?P<dir>before|earlier|prior|"
          rf"later|after))\b"),
    _rule("ago", "relative", ("ago",),
          rf"(?i)\b(?P<core>(?:(?P<n>{_COUNT})|(?P<vague>{_VAGUE}))\s+(?P<unit>day|week|month|year|decade)s?\s+ago)\b"),
    _rule("weekend", "relative", ("weekend",),
          r"(?i)\b(?:over|during|at|on)\s+(?P<core>(?:the|this|last|past)\s+weekend)\b|\b(?P<core2>(?:last|this|"
          r"next)\s+weekend)\b"),
    _rule("unit", "relative", ("week", "month", "year"),
          r"(?i)\b(?P<core>(?P<mod>last|this|next|past|coming|earlier\s+this|later\s+this|earlier\s+last|late\s+last|"
          r"early\s+last|early\s+next|late\s+next|early\s+this|late\s+this|the\s+past|the\s+last)\s+"
          r"(?P<unit>week|month|year))\b(?!-)"),
    _rule("anchored_unit", "anchored", ("week", "month", "year"),
          r"(?i)\b(?P<core>the\s+(?P<mod>previous|preceding|prior|following|next)\s+(?P<unit>week|month|year))\b"),
    _rule("weekday", "relative", ("day",),
          rf"\b(?P<core>(?:(?P<mod>(?i:last|next|this|coming|past))\s+)?(?:(?i:early|late)\s+(?:on\s+)?)?"
          rf"(?P<wd>{_WEEKDAY})(?:\s+(?i:night|morning|afternoon|evening))?)\b"),
    _rule("recent", "relative", ("recent", "days"),
          r"(?i)\b(?P<core>recently|in\s+recent\s+(?:days|weeks)|(?:in|over)\s+the\s+(?:past|last)\s+(?:few|several|"
          r"couple\s+of)\s+days)\b"),
)


#: The distinct word lists the rules need, and each rule with the place of its own list: several rules need the same
#: words (the months, the digits), which a sentence is searched for once.
_NEEDS = tuple(dict.fromkeys(rule.needs for rule in _RULES))
_RULES_BY_NEEDS = tuple((rule, _NEEDS.index(rule.needs)) for rule in _RULES)


def _parse_published(published: str | None) -> date | None:
    """The publication day from an ISO date or timestamp ("2025-11-18", "2025-11-18T09:30:00Z")."""
    if published is None or not str(published).strip():
        return None
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        raise InputError("published", f"'{published}' is not an ISO date",
                         "give the publication date as YYYY-MM-DD, e.g. 2025-11-18") from None


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _shift_unit(day: date, unit: str, step: int) -> tuple[date, str]:
    """The week, month or year ``step`` units from the one holding ``day``, with its precision."""
    if unit == "week":
        return day + timedelta(weeks=step), "week"
    if unit == "month":
        return _add_months(day.replace(day=1), step), "month"
    return date(day.year + step, 1, 1), "year"


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _period_end(value: str, precision: str) -> date:
    """The last day a dated period covers: the test for 'before the news window'."""
    if precision == "year":
        return date(int(value), 12, 31)
    if precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        return date(year, month, calendar.monthrange(year, month)[1])
    if precision == "week":
        return date.fromisoformat(value) + timedelta(days=6)
    return date.fromisoformat(value)


def _iso(day: date, precision: str) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "week":
        return _monday(day).isoformat()
    return day.isoformat()


def _is_future(prefix: str) -> bool:
    """Whether the clause before a date phrase is in the future tense ("will meet on ...").

    The later of the last future marker and the last past-tense verb wins, so "X will visit Y, officials said on
    Monday" reads Monday as past. Past-looking words inside a future marker ("is expected to") don't count.
    """
    future_spans = [m.span() for m in _FUTURE.finditer(prefix)]
    if not future_spans:
        return False
    last_future = future_spans[-1][1]
    last_past = max((m.end() for m in _PAST.finditer(prefix)
                     if not any(a <= m.start() < b for a, b in future_spans)), default=-1)
    return last_future > last_past


def _count(word: str | None) -> int:
    if not word:
        return 1
    word = re.sub(r"\s+", " ", word.lower())
    return int(word) if word.isdigit() else COUNT_WORDS.get(word, VAGUE_COUNTS.get(word, 1))


class DateResolver:
    """Resolves the dates of one article's sentences, fed in reading order.

    It remembers the last explicit day-precise date (absolute or relative, not anchored ones), which is the
    anchor for "the previous day", "a day later", "the same day"; before any such date the anchor is the
    publication date.

    Args:
        published (str | None): the article's publication date (ISO date or timestamp), or None if unknown.
            Without it only dates that state their year resolve.
    """

    def __init__(self, published: str | None):
        self.published = _parse_published(published)
        self._anchor: date | None = None

    def default(self) -> EventDate:
        """The date for a sentence that states none: the publication date.

        Its precision is "approximate", not "day": news reports events of the day before as often as of the
        day itself, so the publication date bounds the event rather than dates it.
        """
        if self.published is None:
            return EventDate(None, "unknown", "unknown")
        return EventDate(self.published.isoformat(), "approximate", "published")

    def dates_in(self, text: str, offset: int = 0) -> list[DateMention]:
        """Find and resolve the date phrases of one sentence, in text order.

        Args:
            text (str): the sentence.
            offset (int): added to the character offsets, so spans refer to the article body. Defaults to 0.

        Returns:
            list[DateMention]: one per date phrase that resolves; durations and unresolvable phrases are left out.
        """
        found: list[tuple[int, int, _Rule, re.Match[str]]] = []
        taken: list[tuple[int, int]] = []
        folded = text.casefold()
        present = [any(word in folded for word in needs) for needs in _NEEDS]
        for rule, needs in _RULES_BY_NEEDS:
            if not present[needs]:
                continue
            for match in rule.pattern.finditer(text):
                group = "core" if match.group("core") is not None else "core2"
                start, end = match.span(group)
                if any(start < b and a < end for a, b in taken):
                    continue
                taken.append((start, end))
                found.append((start, end, rule, match))
        mentions = []
        for start, end, rule, match in sorted(found, key=lambda f: f[0]):
            resolved = self._resolve(rule, match, text[:start])
            if resolved is None:
                continue
            value, precision, kind = resolved
            iso = _iso(value, precision)
            historical = self._historical(iso, precision)
            basis = "text" if kind == "absolute" else "text-relative"
            words = text[start:end]
            event_date = EventDate(iso, precision, basis, words, historical)
            mirrored = self._mirrored(value, precision, words) if kind == "anchored" else None
            if precision == "day" and kind != "anchored" and text[end:end + 2] not in ("'s", "\u2019s"):
                self._anchor = value  # (not "Saturday's run-off": the day of a thing named, not of the telling)
            mentions.append(DateMention(start + offset, end + offset, words, event_date, kind, mirrored))
        return mentions

    def _mirrored(self, value: date, precision: str, words: str) -> EventDate | None:
        """"a day after": the anchor minus the shift, for the clause the phrase introduces."""
        anchor = self._anchor_day()
        if anchor is None or precision not in ("day", "approximate") or \
                not re.search(r"(?i)\b(?:after|before)$", words):
            return None
        iso = _iso(anchor - (value - anchor), precision)
        return EventDate(iso, precision, "text-relative", words, self._historical(iso, precision))

    def _historical(self, iso: str, precision: str) -> bool:
        """Whether a dated period ended before the news window of the publication date."""
        return self.published is not None and \
            _period_end(iso, precision) < self.published - timedelta(days=NEWS_WINDOW_DAYS)

    # -- resolution -------------------------------------------------------------------------------------------

    def _resolve(self, rule: _Rule, match: re.Match[str], prefix: str) -> tuple[date, str, str] | None:
        """(a representative day, precision, kind) for one match, or None when it does not resolve."""
        if rule.name in ("unit", "recent") and _DURATION_BEFORE.search(prefix):
            return None  # "for the past week" is a duration
        handler: Callable[[re.Match[str], str], tuple[date, str] | None] = getattr(self, f"_r_{rule.name}")
        result = handler(match, prefix)
        if result is None:
            return None
        day, precision = result
        return day, precision, rule.kind

    def _r_iso(self, m, prefix):
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])), "day"
        except ValueError:
            return None

    def _month_day(self, m, prefix):
        month = MONTH_NUMBERS[m["month"].rstrip(".").lower()]
        day = int(m["day"])
        if m["year"]:
            try:
                return date(int(m["year"]), month, day), "day"
            except ValueError:
                return None
        if self.published is None:
            return None
        future = _is_future(prefix)
        for year in ((self.published.year, self.published.year + 1) if future
                     else (self.published.year, self.published.year - 1)):
            try:
                candidate = date(year, month, day)
            except ValueError:
                continue
            if (future and candidate >= self.published - timedelta(days=1)) or (
                    not future and candidate <= self.published + timedelta(days=1)):
                return candidate, "day"
        return None

    _r_month_day = _month_day
    _r_day_month = _month_day

    def _r_month_year(self, m, prefix):
        return date(int(m["year"]), MONTH_NUMBERS[m["month"].rstrip(".").lower()], 1), "month"

    def _r_month(self, m, prefix):
        if self.published is None:
            return None
        month = MONTH_NUMBERS[(m["month"] or m["month2"]).lower()]
        mod = re.sub(r"\s+", " ", (m["mod"] or m["mod2"] or "").lower())
        pub = self.published
        if mod.endswith("last"):
            year = pub.year if month < pub.month else pub.year - 1
        elif mod.endswith("next"):
            year = pub.year if month > pub.month else pub.year + 1
        elif mod.endswith("this"):
            year = pub.year
        elif _DEADLINE_BEFORE.search(prefix):  # ("would be reversed if Venezuela did not move by the end of
            # November", told in October: this November)
            year = min((pub.year - 1, pub.year, pub.year + 1), key=lambda y: abs((date(y, month, 15) - pub).days))
        elif _is_future(prefix):
            year = pub.year if month >= pub.month else pub.year + 1
        else:
            year = pub.year if month <= pub.month else pub.year - 1
        return date(year, month, 1), "month"

    def _r_year(self, m, prefix):
        return date(int(m["year"]), 1, 1), "year"

    def _relative(self, days: int) -> tuple[date, str] | None:
        return (self.published + timedelta(days=days), "day") if self.published else None

    def _r_day_before_yesterday(self, m, prefix):
        return self._relative(-2)

    def _r_yesterday(self, m, prefix):
        return self._relative(-1)

    def _r_today(self, m, prefix):
        return self._relative(0)

    def _r_tomorrow(self, m, prefix):
        return self._relative(1)

    def _anchor_day(self) -> date | None:
        return self._anchor or self.published

    def _r_days_vague(self, m, prefix):
        anchor = self._anchor_day()
        if anchor is None:
            return None
        sign = -1 if m["dir"].lower() in ("before", "earlier", "prior") else 1
        return anchor + timedelta(days=sign * VAGUE_COUNTS["several"]), "approximate"

    def _r_anchored_day(self, m, prefix):
        anchor = self._anchor_day()
        if anchor is None:
            return None
        if m["prev"] or m["before"] or m["earlier"]:
            shift = -1
        elif m["next"] or m["after"] or m["later"]:
            shift = 1
        elif m["n"]:
            shift = _count(m["n"]) * (-1 if m["dir"].lower() in ("earlier", "before") else 1)
        else:
            shift = 0  # "the same day", "that day"
        return anchor + timedelta(days=shift), "day"

    def _r_ago(self, m, prefix):
        if self.published is None:
            return None
        n = _count(m["n"] or m["vague"])
        unit = m["unit"].lower()
        approximate = m["vague"] is not None
        if unit == "day":
            return self.published - timedelta(days=n), "approximate" if approximate else "day"
        if unit == "week":
            return self.published - timedelta(weeks=n), "approximate" if approximate else "week"
        if unit == "month":
            return _add_months(self.published, -n), "approximate" if approximate else "month"
        years = n * (10 if unit == "decade" else 1)
        return date(self.published.year - years, 1, 1), "year"

    def _r_weekend(self, m, prefix):
        """The Saturday of the weekend meant, precision approximate (a weekend is two days)."""
        if self.published is None:
            return None
        words = (m["core"] or m["core2"]).lower()
        pub = self.published
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # the most recent Saturday, on or before
        if words.startswith("next"):
            saturday = pub + timedelta(days=(5 - pub.weekday()) % 7 or 7)
        elif words.startswith("this") and pub.weekday() < 5:
            saturday = pub + timedelta(days=5 - pub.weekday())
        return saturday, "approximate"

    def _r_unit(self, m, prefix):
        if self.published is None:
            return None
        mod = re.sub(r"\s+", " ", m["mod"].lower())
        unit = m["unit"].lower()
        step = -1 if mod.endswith(("last", "past")) else 1 if mod.endswith(("next", "coming")) else 0
        return _shift_unit(self.published, unit, step)

    def _r_anchored_unit(self, m, prefix):
        anchor = self._anchor_day()
        if anchor is None:
            return None
        step = -1 if m["mod"].lower() in ("previous", "preceding", "prior") else 1
        return _shift_unit(anchor, m["unit"].lower(), step)

    def _r_weekday(self, m, prefix):
        if self.published is None or _NOT_WEEKDAY_BEFORE.search(prefix):
            return None
        target = WEEKDAY_NUMBERS[m["wd"].lower()]
        mod = (m["mod"] or "").lower()
        pub = self.published
        back = (pub.weekday() - target) % 7  # days back to the most recent such weekday, 0 = publication day
        ahead = (target - pub.weekday()) % 7
        if mod == "last" or mod == "past":
            return pub - timedelta(days=back or 7), "day"
        if mod in ("next", "coming"):
            return pub + timedelta(days=ahead or 7), "day"
        if _is_future(prefix):
            return pub + timedelta(days=ahead), "day"
        if 0 < ahead <= 3 and _OPENING_BEFORE.search(prefix):
            return pub + timedelta(days=ahead), "day"  # "exercises starting on Thursday", in Wednesday's paper
        return pub - timedelta(days=back), "day"

    def _r_recent(self, m, prefix):
        return (self.published, "approximate") if self.published else None


_BACKGROUND_CUES = re.compile(
    r"(?i)\b(?:for\s+(?:years|decades|centuries|generations)\b"
    r"|over\s+the\s+(?:past|last)\s+(?:(?:\w+|\d+)\s+)?(?:years|decades|decade|centuries)"
    r"|historically|has\s+long|have\s+long|had\s+long|long\s+been|long-?standing|decades-(?:old|long)"
    r"|years-long|centuries-old|dat(?:ing|es|ed)\s+back|in\s+the\s+(?:19|20)\d0s|years\s+ago|decades\s+ago"
    r"|in\s+the\s+past(?=\s*[,.;]|\s*$)|used\s+to\s+be|(?:earlier|previous|past|prior)\s+rounds?)\b")
#: "for over a decade", "for two years": background only with a perfect tense ("has been ... for two years");
#: "extended the truce for two years" is news.
_LONG_DURATION = re.compile(
    r"(?i)\bfor\s+(?:well\s+)?(?:(?:over|more\s+than|nearly|almost|about|at\s+least|some|the\s+past|the\s+last)\s+)?"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d+)\s+(?:years?|decades?)\b")
_PERFECT = re.compile(r"(?i)\b(?:has|have|had|'ve)\s+(?:long\s+|been\s+|not\s+)?\w+")
#: "since 2014" starts a period: background in a perfect-tense sentence ("has occupied Crimea since 2014"),
#: but "freed a Frenchman held since 2022" and "named its first envoy since 2012" are news of today.
_SINCE = re.compile(r"(?i)\bsince\s+(?:the\s+)?$")
_SINCE_YEAR = re.compile(r"(?i)\bsince\s+(?:the\s+)?(?:(?:early|late|mid-?)\s*)?(?:19|20)\d{2}")


def is_background(text: str, published: str | None, mentions: list[DateMention] | None = None,
                  offset: int = 0) -> bool:
    """Whether a sentence tells history or background rather than news.

    Background: a date before the news window ("in 2011", "last year", "since 2014") with no date inside the
    window; or a history cue ("since the 2014 Maidan protests", "for years", "for decades", "historically",
    "has long", "decades-old", "dating back", "over the past decade"); or a long duration with a perfect tense
    ("has been a focal point ... for over a decade"). A sentence that also dates something inside the news
    window ("On Tuesday ... since 2014") is news. "Once again" is not a cue: a repeat of an old pattern is
    still a new event.

    Args:
        text (str): one sentence.
        published (str | None): the publication date, ISO; without it only cues count.
        mentions (list[DateMention] | None): the sentence's date phrases, when the caller has them already
            (and has left out those that only date a noun, "the 2019 murder"); their offsets start at ``offset``.
    """
    perfect = bool(_PERFECT.search(text))
    if mentions is None:
        mentions, offset = DateResolver(published).dates_in(text), 0
    mentions = [m for m in mentions if perfect or not opens_period(text, m.start - offset)]
    if any(not m.date.historical for m in mentions):
        return False
    if any(m.date.historical for m in mentions):
        return True
    if _BACKGROUND_CUES.search(text):
        return True
    return perfect and bool(_LONG_DURATION.search(text) or _SINCE_YEAR.search(text))


def opens_period(text: str, start: int) -> bool:
    """Whether the date phrase at ``start`` follows "since": the start of a state, not the day of an event."""
    return bool(_SINCE.search(text[max(0, start - 12):start]))


def mark_historical(event_date: EventDate) -> EventDate:
    """The same date flagged as background (for a sentence ``is_background`` found historical)."""
    return replace(event_date, historical=True)
