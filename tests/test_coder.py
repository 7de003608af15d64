"""The coder end to end on the real pipeline: CAMEO conventions on our own sentences, the event schema,
evidence spans and stable ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.coder import code_article, code_articles
from realpolitik.model import Article, Event
from realpolitik.nlp import split_dateline

CASES = [json.loads(line) for line in (Path(__file__).parent / "fixtures/coder/conventions.jsonl").open()]


def _matches(event: Event, want: dict) -> bool:
    code = want["source"]
    if not event.source or not event.source.code.startswith(code):
        return False
    target = want.get("target")
    if target is not None and (not event.target or not event.target.code.startswith(target)):
        return False
    if event.root != want["root"] or ("code" in want and event.code != want["code"]):
        return False
    return event.asserted == want["asserted"]


def test_convention_ids_are_unique():
    """Cases are keyed by id when coded: a repeated id would silently test one case's events against another."""
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.fixture(scope="module")
def coded(settings):
    articles = [Article.create(c["text"], published=c["published"], origin=c["id"]) for c in CASES]
    return {c.article.origin: c.events for c in code_articles(articles, settings=settings)}


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_convention(case, coded):
    events = coded[case["id"]]
    described = [f"{e.source.code}->{e.target.code if e.target else '-'} {e.code} {e.modality}" for e in events]
    for want in case["events"]:
        found = [e for e in events if _matches(e, want)]
        assert found, f"{case['id']}: no event like {want}; got {described}"
        event = found[0]
        if "modality" in want:
            assert event.modality == want["modality"]
        if "date" in want:
            assert event.date.value == want["date"] and event.date.precision == want.get("precision", "day")
        if "place" in want:
            assert event.place is not None and event.place.country == want["place"]
    for forbidden in case.get("not", []):
        assert not [e for e in events if e.asserted and _matches(e, {**forbidden, "asserted": True})], described
    if "count" in case:  # no event coded twice ("met to discuss" is one meeting)
        assert len(events) == case["count"], described


def test_event_explains_itself(coded):
    article_text = next(c["text"] for c in CASES if c["id"] == "nominal-strike")
    for event in coded["nominal-strike"]:
        ev = event.evidence
        assert article_text[ev.start:ev.end] == ev.trigger
        assert ev.sentence in article_text and ev.sentence_start == article_text.index(ev.sentence)
        assert event.rule and event.label and event.plover
        assert event.quad_class == 4 and event.goldstein < 0


def test_json_schema_is_stable(coded):
    event = coded["passive-host"][0].to_dict()
    assert set(event) >= {"id", "article_id", "source", "target", "code", "root", "quad_class", "goldstein",
                          "plover", "date", "date_precision", "date_basis", "place", "asserted", "modality",
                          "certainty", "attribution", "evidence", "rule"}
    assert set(event["source"]) == {"code", "name", "country", "role", "kind"}
    assert set(event["evidence"]) == {"article_id", "sentence", "sentence_start", "start", "end", "trigger"}
    assert json.loads(json.dumps(event)) == event
    assert Event.from_dict(event).to_dict() == event


def test_ids_are_content_hashes(settings):
    text = "Norway hosted peace talks between Colombia and the ELN rebels in Oslo on Monday."
    first = code_article(Article.create(text, published="2025-05-20"), settings=settings)
    again = code_article(Article.create(text, published="2025-05-20"), settings=settings)
    assert first.article.id == again.article.id
    assert [e.id for e in first.events] == [e.id for e in again.events]
    assert len({e.id for e in first.events}) == len(first.events)


def test_background_is_not_news(coded):
    events = coded["background"]
    assert all(e.date.value is None or e.date.value >= "2025" for e in events), events


def test_title_is_not_coded(settings):
    article = Article.create("Officials met reporters in the capital on Monday.",
                             title="Germany Attacks France, Declares War", published="2025-05-20")
    coded = code_article(article, settings=settings)
    assert not [e for e in coded.events if e.root in ("18", "19", "20")]


@pytest.mark.parametrize("text, place", [
    ("SEOUL - North Korea fired a missile.", "Seoul"),
    ("KUALA LUMPUR, Feb 16 (Reuters) - Police arrested a woman.", "Kuala Lumpur"),
    ("PANAMA CITY \u2014 \"We will not yield,\" he said.", "Panama City"),
    ("US - China talks resumed on Monday.", None),  # a hyphenated pair, not a place in capitals
    ("Russia - the largest country - said no.", None),
])
def test_dateline_is_blanked_but_kept_as_the_place(text, place):
    masked, found = split_dateline(text)
    assert found == place and len(masked) == len(text)  # offsets into the article still hold
    assert (masked.lstrip() != text) == (place is not None) and masked.strip() in text


def test_dateline_evidence_points_into_the_article(settings):
    article = Article.create("SEOUL - North Korea fired a ballistic missile toward the sea on Thursday.",
                             published="2022-11-04")
    event = next(e for e in code_article(article, settings=settings).events if e.root == "15")
    assert event.source.country == "PRK"  # not "SEOUL - North Korea" read as one name
    evidence = event.evidence
    assert article.text[evidence.start:evidence.end] == evidence.trigger == "fired"
    assert "North Korea fired" in evidence.sentence


def test_no_published_date_says_so(settings):
    article = Article.create("Chile and Peru signed a fisheries agreement in Lima.")
    events = code_article(article, settings=settings).events
    assert events and all(e.date.value is None and e.date.basis == "unknown" for e in events)


@pytest.mark.parametrize("text, code, country, basis", [
    ("French police detained 400 protesters in Lyon on Saturday.", "173", "FRA", "text"),
    ("Iran hanged a protester on Thursday.", "180", "IRN", "actor"),
    ("Israeli jets pounded Hezbollah positions overnight.", "190", "LBN", "target"),
    ("Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday. The two leaders signed an agreement on grain "
     "exports.", "057", "RUS", "story"),
])
def test_place_says_whether_it_was_read_or_inferred(settings, text, code, country, basis):
    """A sentence that names no place still gets one at country level, and says what it rests on."""
    events = code_article(Article.create(text, published="2024-03-26"), settings=settings).events
    placed = [e for e in events if e.code == code]
    assert placed, [(e.code, e.place) for e in events]
    assert placed[-1].place.country == country and placed[-1].place.basis == basis
    if basis != "text":
        assert placed[-1].place.feature == "country"
