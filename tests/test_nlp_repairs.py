"""The parse repairs the pipeline ends with: a finite verb the parser hangs on an infinitive or a gerund is hung
on the verb above in its own form, where nothing between could share it; a reduced relative read as the main verb
("rockets fired from Cambodia killed ...") describes its noun again; a determined noun read as a modifier of the
next ("the government and Tigrayan forces") is the first conjunct again; a listed act the parser left as a loose
dependent ("denied any involvement, called the move hostile") is a conjunct; a listed act hung on a verb across a
nearer clause that ends at its comma is that clause's; nothing else moves."""

from __future__ import annotations

import pytest
import spacy

from realpolitik.nlp import load_pipeline, locate_model
from realpolitik.nlp.repairs import FACTORY

SUMMONED = "The Chinese foreign ministry decided to suspend the talks and summoned the Japanese ambassador."


def _token(doc, text):
    return next(t for t in doc if t.text == text)


def test_a_finite_conjunct_hangs_on_the_verb_in_its_own_form():
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert _token(stock(SUMMONED), "summoned").head.text == "suspend"  # the misparse the repair exists for
    ours = load_pipeline("en_core_web_md")
    assert ours.pipe_names[-1] == FACTORY
    doc = ours(SUMMONED)
    summoned = _token(doc, "summoned")
    assert summoned.head.text == "decided" and summoned.dep_ == "conj"
    assert _token(doc, "and").head.text == "decided"
    assert [t.text for t in _token(doc, "decided").subtree][-1] == "."  # one tree still spans the sentence


@pytest.mark.parametrize("text, word, head", [
    ("Erdogan threatened to close the border and shut the pipeline.", "shut", "close"),  # "shut" may be the
    # infinitive: its form says nothing
    ("The ministry said it would close the consulate and expel two diplomats.", "expel", "close"),
    # a verb with its own subject or auxiliary heads a clause the finite verb may share: the forces killed them
    ("Armenia said Azerbaijani forces were shelling the town and killed 49 soldiers.", "killed", "shelling"),
])
def test_what_could_be_shared_stays(text, word, head):
    assert _token(load_pipeline("en_core_web_md")(text), word).head.text == head


def test_sentences_and_labels_do_not_change():
    text = SUMMONED + " Tokyo also recalled its envoy. Beijing denied planning any drills and accused Japan of lying."
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    expected, got = stock(text), load_pipeline("en_core_web_md")(text)
    assert [s.text for s in got.sents] == [s.text for s in expected.sents]
    assert [t.dep_ for t in got] == [t.dep_ for t in expected]
    moved = [t.text for t in got if t.head.i != expected[t.i].head.i]
    assert "summoned" in moved and set(moved) <= {"summoned", "and", "accused"}


ROCKETS = "Thai jets bombed Cambodian positions on Thursday after rockets fired from Cambodia killed 11 Thai civilians."


def test_a_reduced_relative_read_as_the_main_verb_describes_its_noun():
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    misread = stock(ROCKETS)  # the misparse the repair exists for: the rockets fired, and the jets killed
    assert (_token(misread, "fired").dep_, _token(misread, "killed").dep_) == ("advcl", "conj")
    doc = load_pipeline("en_core_web_md")(ROCKETS)
    fired, killed = _token(doc, "fired"), _token(doc, "killed")
    assert (fired.dep_, fired.head.text, fired.tag_) == ("acl", "rockets", "VBN")
    assert (killed.dep_, killed.head.text) == ("advcl", "bombed")
    assert _token(doc, "rockets").head.text == "killed" and _token(doc, "after").head.text == "killed"
    assert [t.text for t in _token(doc, "bombed").subtree][-1] == "."


MISSILES = "Russia suspended the hotline on Friday, hours after missiles fired from two U.S. destroyers slammed into the air base."


def test_a_verb_the_parser_hung_on_the_participles_phrase_is_the_clauses():
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    misread = stock(MISSILES)  # the misparse: the missiles fired, and the destroyers "slammed" describes them
    assert (_token(misread, "fired").dep_, _token(misread, "slammed").head.text) == ("advcl", "destroyers")
    doc = load_pipeline("en_core_web_md")(MISSILES)
    fired, slammed = _token(doc, "fired"), _token(doc, "slammed")
    assert (fired.dep_, fired.head.text, fired.tag_) == ("acl", "missiles", "VBN")
    assert (slammed.dep_, slammed.head.text) == ("advcl", "suspended")
    assert _token(doc, "missiles").head.text == "slammed" and _token(doc, "after").head.text == "slammed"


@pytest.mark.parametrize("text, word, head", [
    ("Rebels fired from the hills and killed two soldiers.", "killed", "fired"),  # two acts of the rebels
    ("Troops fired on protesters, killing three.", "killing", "fired"),
    ("The army fired two missiles at the town.", "fired", "fired"),
    ("Rebels fired from positions located near the town.", "fired", "fired"),
])
def test_a_finite_verb_with_its_own_act_stays(text, word, head):
    assert _token(load_pipeline("en_core_web_md")(text), word).head.text == head


def test_a_verb_read_as_a_modifier_of_its_object_heads_the_sentence():
    text = "Niger's military seized power on Wednesday."
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert _token(stock(text), "seized").dep_ == "amod"  # the misparse: "military seized power", a noun phrase
    doc = load_pipeline("en_core_web_md")(text)
    seized = _token(doc, "seized")
    assert (seized.dep_, seized.head.i) == ("ROOT", seized.i)
    assert (_token(doc, "military").dep_, _token(doc, "power").dep_) == ("nsubj", "dobj")
    assert _token(doc, "Niger").head.text == "military" and _token(doc, "Wednesday").head.head.text == "seized"


def test_a_verb_read_as_a_modifier_after_a_time_phrase_heads_the_sentence():
    text = "The European Union on Monday imposed sanctions on China."
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert _token(stock(text), "imposed").dep_ == "amod"  # the misparse: "on Monday imposed sanctions"
    doc = load_pipeline("en_core_web_md")(text)
    imposed = _token(doc, "imposed")
    assert (imposed.dep_, _token(doc, "Union").dep_, _token(doc, "sanctions").dep_) == ("ROOT", "nsubj", "dobj")
    assert _token(doc, "Monday").head.text == "on" and _token(doc, "on").head.text == "imposed"
    assert _token(doc, "China").head.head.text == "sanctions"


@pytest.mark.parametrize("text", [
    "The Ethiopian government and Tigrayan rebels signed a peace deal on Wednesday.",
    "Ethiopia's government and Tigrayan forces agreed on Wednesday to a permanent cessation of hostilities.",
    "The Syrian government and Kurdish-led forces reached a deal on Sunday.",
])
def test_a_determined_noun_read_as_a_modifier_is_the_first_conjunct(text):
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert _token(stock(text), "government").dep_ == "nmod"  # the misparse: "government and ..." modify the forces
    doc = load_pipeline("en_core_web_md")(text)
    government, verb = _token(doc, "government"), next(t for t in doc if t.pos_ == "VERB" and t.dep_ == "ROOT")
    second = next(t for t in doc if t.lemma_ in ("rebel", "force"))
    assert (government.dep_, government.head.i) == ("nsubj", verb.i)
    assert (second.dep_, second.head.i) == ("conj", government.i)
    assert all(t.head.i == second.i for t in doc[second.i - 1:second.i] if t.pos_ != "PUNCT")  # "Tigrayan rebels"
    assert [t.text for t in verb.subtree][0] == doc[0].text  # one tree still spans the sentence


@pytest.mark.parametrize("text, modifier, noun, dep", [
    ("The state and federal governments agreed on a plan.", "state", "governments", "nsubj"),  # one noun's two
    ("Russia cut land, sea and air links with its neighbour.", "land", "links", "dobj"),  # or three modifiers
])
def test_modifiers_of_one_noun_stay(text, modifier, noun, dep):
    doc = load_pipeline("en_core_web_md")(text)
    assert _token(doc, noun).dep_ == dep and _token(doc, modifier).head.text == noun


LISTED = ("Moscow denied any involvement, called the Czech move hostile and unprecedented, and on Sunday expelled 20 "
          "staff of the Czech embassy in retaliation.")


def test_a_listed_act_left_as_a_loose_dependent_is_a_conjunct():
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    called = _token(stock(LISTED), "called")
    assert (called.dep_, called.head.text) == ("dep", "denied")  # the misparse the repair exists for
    doc = load_pipeline("en_core_web_md")(LISTED)
    called = _token(doc, "called")
    assert (called.dep_, called.head.text) == ("conj", "denied")
    assert [c.text for c in called.children if c.dep_ == "nsubj"] == []  # the subject stays shared, not copied


NEARER = ("Lithuania closed its border crossing on Sunday, a day after Belarusian guards fired on two Lithuanian "
          "patrol boats, rammed a barge and seized its cargo.")


def test_a_listed_act_after_a_nearer_clause_is_that_clauses():
    stock = spacy.load(locate_model("en_core_web_md"), exclude=["textcat"])
    assert _token(stock(NEARER), "rammed").head.text == "closed"  # the misparse the repair exists for
    doc = load_pipeline("en_core_web_md")(NEARER)
    rammed, seized = _token(doc, "rammed"), _token(doc, "seized")
    assert (rammed.dep_, rammed.head.text) == ("conj", "fired")
    assert seized.head.text == "rammed"  # the rest of the list follows
    assert [t.text for t in _token(doc, "closed").subtree][-1] == "."  # one tree still spans the sentence
