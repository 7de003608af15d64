"""Who says so: attribution patterns and the certainty scale, coded by the real pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.coder import code_articles
from realpolitik.evaluate import evaluate, read_gold
from realpolitik.events.attribution import ASSERTED_CERTAINTIES, CERTAINTIES, certainty_of
from realpolitik.model import Article, Attribution

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "article.txt"
DEV = SHARED / "eval" / "dev.jsonl"

#: Our own example sentences, one per attribution pattern or certainty value.
EXAMPLES = {
    "narrated": "Turkish Foreign Minister Hakan Fidan met Egyptian President Abdel Fattah al-Sisi in Cairo on Monday.",
    "said": "Egypt said Israeli forces struck a Hamas position in Gaza on Monday.",
    "claimed": "Hamas claimed that Israel had bombed a school in Rafah.",
    "told": "Iraqi Prime Minister Mohammed Shia al-Sudani told Reuters that Iran had sent weapons to Syria.",
    "according": "According to Qatari officials, Israel and Hamas agreed to a ceasefire on Sunday.",
    "citing": "Reuters reported, citing two diplomats, that Turkey had sent troops to Syria.",
    "back-reference": "Russia and Ukraine held talks in Istanbul. The meeting, according to Turkish officials, "
                      "lasted two hours.",
    "broke": "The Kremlin refused to confirm reports of a meeting between Russia and Saudi Arabia in Riyadh. "
             "Al Jazeera broke the news on Sunday, citing unnamed sources.",
    "own-account": "Russian officials said Ukraine attacked a Russian oil refinery.",
    "denied": "Iran on Sunday denied that it had supplied Russia with drones, calling the reports baseless.",
    "hypothetical": "Officials in Ankara said Turkey could send troops to Gaza, but no decision has been made.",
    "planned": "Russian President Vladimir Putin will visit India next month.",
    "negated": "China did not send troops to Myanmar.",
}


@pytest.fixture(scope="module")
def coded():
    articles = [Article.create(text, published="2025-11-18", source="Wire", origin=key)
                for key, text in EXAMPLES.items()]
    articles.append(Article.create(SEED.read_text(encoding="utf-8"), published="2025-11-18", origin="seed"))
    return {c.article.origin: c for c in code_articles(articles)}


def only(coded, key, root=None):
    events = [e for e in coded[key].events if root is None or e.root == root]
    assert events, f"{key}: no event coded"
    return events


# -- attribution patterns -------------------------------------------------------------------------------------

def test_narrated_event_is_asserted_with_the_article_outlet(coded):
    for e in only(coded, "narrated"):
        assert e.certainty == "asserted" and e.asserted
        assert e.attribution.speaker is None and e.attribution.outlet == "Wire"


def test_said_attributes_to_the_subject_and_third_party_reports_are_reported(coded):
    e = only(coded, "said", "19")[0]
    assert (e.attribution.speaker, e.attribution.speaker_code, e.attribution.cue) == ("Egypt", "EGY", "say")
    assert e.certainty == "reported" and e.asserted


def test_claimed_by_the_side_attacked_is_an_allegation(coded):
    e = only(coded, "claimed", "19")[0]  # a state that bombs uses aerial weapons (195)
    assert e.attribution.speaker == "Hamas" and e.attribution.cue == "claim"
    assert e.certainty == "reported"


def test_told_an_outlet_gives_speaker_and_outlet(coded):
    e = only(coded, "told", "07")[0]
    assert e.attribution.speaker_code == "IRQGOV" and e.attribution.outlet == "Reuters"
    assert not e.attribution.anonymous


def test_according_to(coded):
    for e in only(coded, "according", "08"):
        assert e.attribution.speaker == "Qatari officials" and e.attribution.cue == "according to"
        assert e.certainty == "reported"


def test_citing_anonymous_diplomats_is_unconfirmed_and_not_asserted(coded):
    e = only(coded, "citing", "15")[0]
    a = e.attribution
    assert (a.speaker, a.outlet, a.anonymous, a.cue) == ("two diplomats", "Reuters", True, "citing")
    assert e.certainty == "unconfirmed" and not e.asserted


def test_back_reference_attributes_the_earlier_event_without_lowering_it(coded):
    for e in only(coded, "back-reference", "04"):
        assert e.attribution.speaker == "Turkish officials"
        assert e.certainty == "asserted"  # narrated as fact; the officials speak to the details


def test_report_in_one_sentence_takes_the_outlet_of_the_next(coded):
    events = only(coded, "broke", "04")
    for e in events:
        a = e.attribution
        assert (a.outlet, a.speaker, a.anonymous) == ("Al Jazeera", "unnamed sources", True)
        assert e.certainty == "unconfirmed" and not e.asserted


def test_one_side_speaking_of_the_others_attack_is_reported_not_first_hand(coded):
    e = only(coded, "own-account", "19")[0]
    assert e.source.country == "UKR" and e.attribution.speaker_code == "RUSGOV"
    assert e.certainty == "reported" and e.asserted


# -- certainty values -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("key,root,value", [("denied", "07", "denied"), ("hypothetical", "15", "hypothetical"),
                                            ("planned", "04", "planned"), ("negated", "15", "negated")])
def test_modal_certainties_are_not_asserted(coded, key, root, value):
    for e in only(coded, key, root):
        assert e.certainty == value and not e.asserted


def test_certainty_of_covers_the_scale():
    anonymous = Attribution(speaker="unnamed sources", anonymous=True, cue="citing")
    named = Attribution(speaker="Egypt", speaker_code="EGY", cue="say")
    assert certainty_of("asserted", None) == "asserted"
    assert certainty_of("asserted", Attribution(outlet="Wire")) == "asserted"
    assert certainty_of("asserted", named) == "reported"
    assert certainty_of("asserted", named, parties={"EGY"}) == "asserted"
    assert certainty_of("asserted", named, sources=2) == "confirmed"
    assert certainty_of("asserted", anonymous, sources=2) == "unconfirmed"
    for modal in ("denied", "hypothetical", "planned", "negated", "unconfirmed"):
        assert certainty_of(modal, named) == modal
    assert set(CERTAINTIES) >= ASSERTED_CERTAINTIES | {"denied", "hypothetical", "planned", "negated",
                                                       "unconfirmed"}


# -- the seed article (expected.md) -----------------------------------------------------------------------------

def test_seed_row5_trilateral_meeting_is_unconfirmed_from_al_arabiya_citing_unnamed_sources(coded):
    meeting = [e for e in coded["seed"].events if e.root == "04" and {e.source.country, e.target and
                                                                       e.target.country} <= {"RUS", "USA", "TUR"}]
    assert len(meeting) >= 3
    for e in meeting:
        a = e.attribution
        assert (a.outlet, a.speaker, a.anonymous) == ("Al Arabiya TV channel", "unnamed sources", True)
        assert e.certainty == "unconfirmed" and not e.asserted


def test_seed_row3_phone_call_is_asserted_and_its_topics_attributed_to_kremlin_officials(coded):
    calls = [e for e in coded["seed"].events if e.code == "041"]
    assert calls
    for e in calls:
        assert e.certainty == "asserted" and e.asserted  # the "citing" of the main clause does not reach it
        assert e.attribution.speaker == "Kremlin officials" and e.attribution.cue == "according to"


def test_seed_row8_accusation_attributed_to_russian_officials(coded):
    accusations = [e for e in coded["seed"].events if e.root == "11" and e.target and e.target.country == "UKR"]
    assert accusations and accusations[0].attribution.speaker == "Russian officials"
    assert accusations[0].certainty == "asserted"  # their own accusation: first-hand (the claim is disputed)


def test_seed_nothing_confirmed_from_one_anonymous_source(coded):
    for e in coded["seed"].events:
        if e.attribution is not None and e.attribution.anonymous:
            assert e.certainty != "confirmed"
    assert all(e.certainty != "confirmed" for e in coded["seed"].events)


def test_json_output_carries_certainty_and_attribution(coded):
    d = only(coded, "citing", "15")[0].to_dict()
    assert d["certainty"] == "unconfirmed" and d["attribution"]["outlet"] == "Reuters"


# -- dev set: events the text does not assert ---------------------------------------------------------------------

def test_dev_unasserted_items_are_found_and_marked_not_asserted():
    items = [i for i in read_gold(DEV) if any(g.get("asserted") is False for g in i["events"])]
    assert items
    result = evaluate(items)
    missed = [m for m in result["misses"] if m["gold"].get("asserted") is False]
    assert missed == []
    assert result["forbidden"] == 0
