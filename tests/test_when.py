"""Event dates read from sentences against a fixed publication date: Tuesday 2025-11-18."""

import pytest

from realpolitik.errors import InputError
from realpolitik.model import EventDate
from realpolitik.when import DateResolver, is_background

PUBLISHED = "2025-11-18"  # a Tuesday


def only(text, published=PUBLISHED):
    """The single date mention of a sentence (fails if there is not exactly one)."""
    mentions = DateResolver(published).dates_in(text)
    assert len(mentions) == 1, f"{text!r}: {mentions}"
    return mentions[0]


@pytest.mark.parametrize("text, words, value, precision, kind", [
    ("Ministers met on Tuesday in Doha.", "Tuesday", "2025-11-18", "day", "relative"),
    ("The envoy arrived on Sunday.", "Sunday", "2025-11-16", "day", "relative"),
    ("Clashes broke out Wednesday.", "Wednesday", "2025-11-12", "day", "relative"),
    ("Drones struck on Monday night.", "Monday night", "2025-11-17", "day", "relative"),
    ("The two leaders will meet on Friday.", "Friday", "2025-11-21", "day", "relative"),
    ("Talks are due to resume next Friday.", "next Friday", "2025-11-21", "day", "relative"),
    ("The envoy is due in Khartoum on Friday.", "Friday", "2025-11-21", "day", "relative"),
    ("Protests took place last Tuesday.", "last Tuesday", "2025-11-11", "day", "relative"),
    ("The attack came on November 16.", "November 16", "2025-11-16", "day", "absolute"),
    ("On 16 November troops crossed the river.", "16 November", "2025-11-16", "day", "absolute"),
    ("Shelling resumed on Nov. 16 near the city.", "Nov. 16", "2025-11-16", "day", "absolute"),
    ("The deal was signed on November 16, 2025.", "November 16, 2025", "2025-11-16", "day", "absolute"),
    ("The report is dated 2025-11-16.", "2025-11-16", "2025-11-16", "day", "absolute"),
    ("The talks began on Sunday, November 16.", "Sunday, November 16", "2025-11-16", "day", "absolute"),
    ("Prices rose sharply in November.", "November", "2025-11", "month", "absolute"),
    ("The summit is set to take place in December.", "December", "2025-12", "month", "absolute"),
    ("The war in Donbas began in 2014.", "2014", "2014", "year", "absolute"),
    ("Officials said yesterday that the border was closed.", "yesterday", "2025-11-17", "day", "relative"),
    ("The ministry confirmed the deaths today.", "today", "2025-11-18", "day", "relative"),
    ("Envoys met last week in Geneva.", "last week", "2025-11-10", "week", "relative"),
    ("Envoys meet this week in Geneva.", "this week", "2025-11-17", "week", "relative"),
    ("Envoys will meet next week in Geneva.", "next week", "2025-11-24", "week", "relative"),
    ("China would impose tariffs on imports from the United States from November 20.", "November 20", "2025-11-20",
     "day", "absolute"),  # a proper name ending in -ed is no verb in the past
    ("Drills around the island start on Thursday.", "Thursday", "2025-11-13", "day", "relative"),
    ("China announced drills around the island starting on Thursday.", "Thursday", "2025-11-20", "day",
     "relative"),
    ("Inflation rose last month.", "last month", "2025-10", "month", "relative"),
    ("Inflation rose this month.", "this month", "2025-11", "month", "relative"),
    ("Exports fell last year.", "last year", "2024", "year", "relative"),
    ("Exports fell this year.", "this year", "2025", "year", "relative"),
    ("The convoy was hit two days ago.", "two days ago", "2025-11-16", "day", "relative"),
    ("Earlier this month, rebels seized the town.", "Earlier this month", "2025-11", "month", "relative"),
    ("Fighting flared over the weekend.", "the weekend", "2025-11-15", "approximate", "relative"),
    ("The ministry recently expanded the list.", "recently", "2025-11-18", "approximate", "relative"),
    ("Dozens were arrested in recent days.", "in recent days", "2025-11-18", "approximate", "relative"),
])
def test_date_forms(text, words, value, precision, kind):
    mention = only(text)
    assert (mention.text, mention.date.value, mention.date.precision, mention.kind) == (words, value, precision, kind)
    assert text[mention.start:mention.end] == words
    assert mention.date.basis == ("text" if kind == "absolute" else "text-relative")


@pytest.mark.parametrize("text", [
    "The band returned after a 13-year hiatus.",
    "The region has been contested for over a decade.",
    "The parties agreed a three-month ceasefire.",
    "A 24-hour truce was announced.",
    "He was detained for two years.",
    "The blockade lasted more than a decade.",
    "Theresa May may march on Whitehall.",
    "The 2000 troops arrived at the base.",
])
def test_durations_and_lookalikes_are_not_dates(text):
    assert DateResolver(PUBLISHED).dates_in(text) == []


@pytest.mark.parametrize("phrase, value", [
    ("The previous day", "2025-11-15"), ("The day before", "2025-11-15"), ("A day earlier", "2025-11-15"),
    ("The next day", "2025-11-17"), ("A day later", "2025-11-17"), ("Two days later", "2025-11-18"),
    ("The same day", "2025-11-16"),
])
def test_anchored_on_last_explicit_date(phrase, value):
    resolver = DateResolver(PUBLISHED)
    resolver.dates_in("Rockets hit the port on November 16.")
    mention = resolver.dates_in(f"{phrase}, the army had moved in.")[0]
    assert (mention.date.value, mention.date.precision, mention.kind) == (value, "day", "anchored")


def test_a_day_after_also_offers_the_day_before_for_the_clause_it_introduces():
    resolver = DateResolver(PUBLISHED)
    mentions = resolver.dates_in("Iran met on Sunday, two days after the strike began.")
    later, = [m for m in mentions if m.kind == "anchored"]
    assert (later.date.value, later.mirrored.value) == ("2025-11-18", "2025-11-14")
    assert resolver.dates_in("They met again a day later.")[0].mirrored is None  # it introduces nothing


def test_anchored_without_explicit_date_uses_publication():
    mention = DateResolver(PUBLISHED).dates_in("The previous day, talks collapsed.")[0]
    assert mention.date.value == "2025-11-17"


def test_vague_days_before_are_approximate_and_anchored():
    resolver = DateResolver(PUBLISHED)
    resolver.dates_in("Voting took place on November 9.")
    mention = resolver.dates_in("Just days before the vote, the opposition leader was arrested.")[0]
    assert (mention.text, mention.date.precision, mention.kind) == ("Just days before", "approximate", "anchored")
    assert mention.date.value < "2025-11-09"
    assert resolver.dates_in("Days earlier he had fled.")[0].date.precision == "approximate"


def test_offsets_are_shifted_into_the_article():
    mention = DateResolver(PUBLISHED).dates_in("Talks ended on Monday.", offset=100)[0]
    assert (mention.start, mention.end) == (115, 121)


def test_future_tense_points_forward_but_reporting_verb_does_not():
    resolver = DateResolver(PUBLISHED)
    assert resolver.dates_in("Putin will travel to Ankara on Thursday.")[0].date.value == "2025-11-20"
    said = resolver.dates_in("Putin will travel to Ankara, officials said on Thursday.")[0]
    assert said.date.value == "2025-11-13"
    assert resolver.dates_in("The vote will be held on November 30.")[0].date.value == "2025-11-30"
    assert resolver.dates_in("The vote was held on November 30.")[0].date.value == "2024-11-30"


def test_a_deadline_month_is_the_nearest_one_whatever_the_tense():
    """"warned the relief would be reversed if Caracas did not move by the end of November": the deadline is set
    from the time of the news, so the nearest November (here the one ahead), never one already old news."""
    resolver = DateResolver("2023-10-19")
    found = resolver.dates_in("It warned the relief would be reversed if Caracas did not move by the end of November.")
    assert found[0].date.value == "2023-11" and not found[0].date.historical
    assert resolver.dates_in("The rebels had agreed to disarm by March.")[0].date.value == "2024-03"
    assert resolver.dates_in("The rebels were told to leave by early September.")[0].date.value == "2023-09"
    assert resolver.dates_in("The rebels did not leave in November.")[0].date.value == "2022-11"


def test_historical_flags_dates_before_the_news_window():
    resolver = DateResolver(PUBLISHED)
    assert resolver.dates_in("Russia annexed Crimea in 2014.")[0].date.historical
    assert resolver.dates_in("The treaty lapsed last year.")[0].date.historical
    assert not resolver.dates_in("The treaty lapsed last month.")[0].date.historical
    assert not resolver.dates_in("The envoy arrived on Sunday.")[0].date.historical


def test_default_is_publication_date_approximate():
    assert DateResolver(PUBLISHED).default() == EventDate("2025-11-18", "approximate", "published")
    assert DateResolver(None).default() == EventDate(None, "unknown", "unknown")


def test_without_publication_only_dated_years_resolve():
    resolver = DateResolver(None)
    assert resolver.dates_in("The attack came on Tuesday.") == []
    assert resolver.dates_in("The deal was signed on November 16, 2025.")[0].date.value == "2025-11-16"


def test_bad_publication_date_names_the_fix():
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        DateResolver("yesterday")


def test_timestamp_publication_is_accepted():
    assert DateResolver("2025-11-18T09:30:00Z").dates_in("It rained yesterday.")[0].date.value == "2025-11-17"


@pytest.mark.parametrize("text", [
    "Tensions have simmered since the 2014 Maidan protests.",
    "Syria has been a focal point of international conflict for over a decade.",
    "In 2011, protests spread across the country.",
    "The two countries have been at odds for years.",
    "Historically, the port has changed hands many times.",
    "The dispute dates back to the 1990s.",
])
def test_background_sentences(text):
    assert is_background(text, PUBLISHED)


@pytest.mark.parametrize("text", [
    "Russian forces shelled Kharkiv on Tuesday.",
    "Once again, the rebels attacked the convoy.",
    "The parties extended the truce for two years.",
    "On Monday the minister recalled the protests of 2014.",
    "Israel struck targets in Lebanon.",
])
def test_news_sentences_are_not_background(text):
    assert not is_background(text, PUBLISHED)
