"""The pipeline the coder loads must annotate exactly as spaCy's own: the attribute table that replaces the
attribute ruler, and matrix products through numpy's BLAS instead of blis."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from realpolitik.nlp import keep_prefixed_words, load_pipeline, locate_model, split_abbreviation_hyphens
from realpolitik.nlp.attributes import FACTORY, AttributeTable, Unsupported, use_attribute_table
from realpolitik.nlp.repairs import FACTORY as REPAIR
from realpolitik.synthetic import generate_articles

ROOT = Path(__file__).resolve().parent.parent

#: Contractions and spacing that the ruler's two-token and whitespace patterns exist for.
_ODD_TEXTS = [
    "Ain't nobody gonna stop the talks, let's be clear; we gotta wait.",
    "They can't and won't sign.  \t The envoy isn't there \n\n yet .",
    "", "   ", "'s", "Them's the rules, ya know, y'all.",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _texts() -> list[str]:
    texts = list(_ODD_TEXTS) + [article["text"] for article in generate_articles(30, seed=11)]
    for name in ("tune.jsonl", "heldout.jsonl"):
        with open(ROOT / "gold" / name, encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
    return texts


def _stock(model: str, exclude: list[str]):
    """spaCy's own pipeline, with the tokenizer rules ours adds ("U.S.-led", "counter-offensive"), so the two read the
    same tokens."""
    stock = spacy.load(locate_model(model), exclude=exclude)
    split_abbreviation_hyphens(stock)
    keep_prefixed_words(stock)
    return stock


def test_abbreviation_hyphens_split_and_serialize():
    nlp = load_pipeline("en_core_web_md")
    assert [t.text for t in nlp.make_doc("a U.S.-brokered truce, a U.N.-backed and well-known plan")] == [
        "a", "U.S.", "-", "brokered", "truce", ",", "a", "U.N.", "-", "backed", "and", "well", "-", "known", "plan"]
    # a name after the hyphen is a second party: "joint U.S.-South Korean drills", "U.S.-China talks"
    assert [t.text for t in nlp.make_doc("U.S.-South Korean drills")] == ["U.S.", "-", "South", "Korean", "drills"]
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert [t.text for t in stock.make_doc("U.S.-led")] == ["U.S.-led"]  # what the rule is for
    stock.tokenizer.from_bytes(nlp.tokenizer.to_bytes())  # serializes, as the rule joined the tokenizer's own
    assert [t.text for t in stock.make_doc("U.S.-led")] == ["U.S.", "-", "led"]


def test_counter_words_stay_whole_and_serialize():
    nlp = load_pipeline("en_core_web_md")
    text = "Its Counter-offensive met counter-attacks and counter-measures, not a counter-offer"
    words = [t.text for t in nlp.make_doc(text)]
    assert words == ["Its", "Counter-offensive", "met", "counter-attacks", "and", "counter-measures", ",", "not", "a",
                     "counter", "-", "offer"]
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert [t.text for t in stock.make_doc("counter-offensive")] == ["counter", "-", "offensive"]  # what it is for
    stock.tokenizer.from_bytes(nlp.tokenizer.to_bytes())
    assert [t.text for t in stock.make_doc("counter-offensive")] == ["counter-offensive"]
    assert [t.text for t in nlp.make_doc("urged De-escalation and de-escalated")] == [
        "urged", "De-escalation", "and", "de-escalated"]


def _blis_use(nlp) -> set[bool]:
    """Whether each trained component multiplies with blis (thinc's default) or not."""
    return {proc.model.ops.use_blis for _, proc in nlp.pipeline if getattr(proc, "model", None) is not None}


@pytest.mark.parametrize("model", ["en_core_web_sm", "en_core_web_md"])
def test_numpy_products_find_the_same_entities(model):
    stock = _stock(model, exclude=["textcat"])
    ours = load_pipeline(model)
    assert _blis_use(stock) == {True} and _blis_use(ours) == {False}
    texts = _texts()
    entities = 0
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts), strict=True):
        assert [(e.start, e.end, e.label_) for e in got.ents] == [(e.start, e.end, e.label_) for e in expected.ents]
        entities += len(got.ents)
    assert entities > 1_000


@pytest.mark.parametrize("model", ["en_core_web_sm", "en_core_web_md"])
def test_table_annotates_as_the_ruler_does(model):
    stock = _stock(model, exclude=["textcat", "ner"])
    ours = load_pipeline(model)
    assert ours.get_pipe("attribute_ruler").__class__ is AttributeTable
    assert ours.pipe_names == [*stock.pipe_names, "ner", REPAIR]  # the same components, in the same order, and
    # the parse repairs (left out of the comparison: they change the parse, on purpose, and are tested on their own)
    texts = _texts()
    compared = 0
    for expected, got in zip(stock.pipe(texts), ours.pipe(texts, disable=["ner", REPAIR]), strict=True):
        assert _annotations(got) == _annotations(expected), got.text[:80]
        compared += len(got)
    assert compared > 20_000


def test_later_rule_wins_and_index_picks_the_token():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks"}]], {"LEMMA": "talk"})
    ruler.add([[{"LOWER": "peace"}, {"LOWER": "talks"}]], {"LEMMA": "negotiation"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^cease"}}]], {"LEMMA": "truce"})
    stock = [t.lemma_ for t in nlp("Peace talks and talks on a ceasefire.")]
    assert use_attribute_table(nlp) and nlp.pipe_names == ["attribute_ruler"]
    ours = [t.lemma_ for t in nlp("Peace talks and talks on a ceasefire.")]
    assert ours == stock == ["", "negotiation", "", "talk", "", "", "truce", ""]


def test_a_ruler_with_other_patterns_stays():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "talks", "OP": "+"}]], {"LEMMA": "talk"})
    with pytest.raises(Unsupported, match="OP"):
        AttributeTable(nlp.vocab, ruler.patterns)
    assert not use_attribute_table(nlp)
    assert nlp.get_pipe("attribute_ruler") is ruler
    assert FACTORY not in nlp.pipe_factories.values()
