"""Acceptance: the shared seed article yields every "must" row of expected.md and none of its "must NOT"s.

The article is read from ../shared (CI has it beside the clone); it is not copied into the project.
"""

from __future__ import annotations

import pytest

from realpolitik.coder import code_article
from realpolitik.ingest import load_article


@pytest.fixture(scope="module")
def events(shared, settings):
    article = load_article(shared / "seed" / "article.txt", published="2025-11-18")
    return code_article(article, settings=settings).events


def find(events, source, root, target=None, codes=None):
    return [e for e in events if e.source.code.startswith(source) and e.root == root
            and (target is None or (e.target is not None and e.target.code.startswith(target)))
            and (codes is None or e.code in codes)]


def test_row1_deputy_defence_minister_visits_damascus(events):
    [visit] = find(events, "RUSMIL", "04", "SYR", codes={"042"})
    assert visit.asserted
    assert (visit.date.value, visit.date.precision) == ("2025-11-17", "week")
    assert visit.place.name == "Damascus" and visit.place.country == "SYR"
    assert visit.source.name == "Yunus-Bek Yevkurov"


def test_row2_syrian_defence_side_hosts_or_consults(events):
    rows = find(events, "SYRMIL", "04", "RUSMIL", codes={"043", "040", "046"})
    assert rows and all(e.asserted and e.date.precision == "week" for e in rows)
    assert all(e.place and e.place.country == "SYR" for e in rows)


def test_row3_putin_netanyahu_call_the_previous_day(events):
    [call] = find(events, "RUSGOV", "04", "ISRGOV", codes={"041"})
    assert call.asserted and call.date.value == "2025-11-15" and call.date.precision == "day"
    assert call.source.name == "Vladimir Putin" and call.target.name == "Benjamin Netanyahu"


def test_row4_turkey_names_ambassador(events):
    [move] = find(events, "TUR", "05", "SYR")
    assert move.asserted and move.date.precision == "approximate"
    assert move.date.value < "2025-11-17"


def test_row5_trilateral_meeting_is_not_a_fact(events):
    meeting = [e for e in events if e.root == "04" and e.source.country in ("RUS", "USA", "TUR")
               and e.target is not None and e.target.country in ("RUS", "USA", "TUR")]
    pairs = {(e.source.country, e.target.country) for e in meeting}
    assert pairs == {(a, b) for a in ("RUS", "USA", "TUR") for b in ("RUS", "USA", "TUR") if a != b}
    for e in meeting:
        assert not e.asserted and e.certainty in ("unconfirmed", "hypothetical")
        assert e.place is not None and e.place.name == "Damascus"
        assert e.attribution.outlet == "Al Arabiya TV channel" and e.attribution.anonymous


def test_should_rows(events):
    assert find(events, "RUSGOV", "01")  # row 6: declines to comment
    assert find(events, "RUS", "03", "SYR") and find(events, "SYR", "03", "RUS")  # row 7
    [accuse] = find(events, "RUSGOV", "11", "UKR")  # row 8
    assert accuse.attribution and "Russian officials" in accuse.attribution.speaker


def test_must_not(events):
    assert not [e for e in events if e.asserted and e.root in ("18", "19", "20")]
    assert not [e for e in events if e.root == "14" and (e.date.value or "").startswith("2025")]
    assert not [e for e in events if e.certainty == "confirmed"]
    assert all(e.date.value is None or e.date.value.startswith("2025") for e in events)
