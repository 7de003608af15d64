"""The parse repair the pipeline ends with: a finite verb the parser hangs on an infinitive or a gerund is hung
on the verb above in its own form, and nothing else moves."""

from __future__ import annotations

import pytest
import spacy

from realpolitik.nlp import load_pipeline, locate_model
from realpolitik.nlp.repairs import FACTORY

URGED = ("The Lithuanian president said Moscow was trying to intimidate the Baltic states and urged NATO to station "
         "more troops in the region.")


def _token(doc, text):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize("model", ["en_core_web_sm", "en_core_web_md"])
def test_a_finite_conjunct_hangs_on_the_verb_in_its_own_form(model):
    stock = spacy.load(locate_model(model), exclude=["textcat"])
    assert _token(stock(URGED), "urged").head.text != "said"  # the misparse the repair exists for
    ours = load_pipeline(model)
    assert ours.pipe_names[-1] == FACTORY
    doc = ours(URGED)
    urged = _token(doc, "urged")
    assert urged.head.text == "said" and urged.dep_ == "conj"
    assert _token(doc, "and").head.text == "said"
    assert [t.text for t in _token(doc, "said").subtree][-1] == "."  # one tree still spans the sentence


@pytest.mark.parametrize("text, word, head", [
    ("Erdogan threatened to close the border and shut the pipeline.", "shut", "close"),  # "shut" may be the
    # infinitive: its form says nothing
    ("The ministry said it would close the consulate and expel two diplomats.", "expel", "close"),
])
def test_an_infinitive_or_an_ambiguous_form_stays(text, word, head):
    assert _token(load_pipeline("en_core_web_md")(text), word).head.text == head


def test_sentences_and_labels_do_not_change():
    text = URGED + " Vilnius also summoned the Russian envoy. Moscow denied any plan to attack and accused the West of lying."
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    expected, got = stock(text), load_pipeline("en_core_web_md")(text)
    assert [s.text for s in got.sents] == [s.text for s in expected.sents]
    assert [t.dep_ for t in got] == [t.dep_ for t in expected]
    moved = [t.text for t in got if t.head.i != expected[t.i].head.i]
    assert "urged" in moved and set(moved) <= {"urged", "and", "accused"}
