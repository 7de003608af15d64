"""Where: the place of an event, read from the parse around its trigger and resolved by the offline gazetteer.

The place is the object of a locative preposition on the trigger ("arrived in Damascus", "talks in Doha",
"an air strike on the southern suburbs of Beirut", "at the White House"), or on the verb that governs a noun
trigger ("held talks in Doha"), or on the trigger's direct object ("struck targets in southern Lebanon"); failing
that, a place named in the same clause that is not its subject or a possessive ("Israel's army"). A place that
is the event's actor is never its location: the caller passes the actor's token indices in ``exclude``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..knowledge.gazetteer import COMPASS_WORDS, Gazetteer
from ..model import Place
from ..nlp import entity_at, in_phrases_of_place, per_token

__all__ = ["pick_place", "LOCATIVE_PREPOSITIONS"]

#: Prepositions that introduce a place, with their priority (lower first): "arrived in Damascus from Moscow" is
#: in Damascus; "to" and "from" give the destination or origin only when nothing better is said.
LOCATIVE_PREPOSITIONS = {"in": 0, "at": 0, "inside": 0, "near": 0, "outside": 1, "on": 2, "across": 2, "into": 2,
                         "throughout": 2, "over": 3, "around": 3, "along": 3, "to": 4, "toward": 5, "towards": 5,
                         "from": 6}
#: Entity labels that name places. Other labels count only behind a locative preposition and only when the
#: gazetteer knows the name (the small model tags Rafah PERSON and Aleppo NORP).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_OTHER_LABELS = frozenset({"PERSON", "NORP", "ORG"})
_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent", "poss"})
#: People and missions a state sends abroad: a country's name on them says whose they are, not where they are.
_ENVOY_WORDS = frozenset({"ambassador", "envoy", "diplomat", "chargé", "charge", "attaché", "attache", "consul",
                          "embassy", "consulate", "mission", "delegation", "minister", "official", "citizen",
                          "national", "counterpart"})
_NOUN_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj", "oprd"})
#: Prepositions whose object is a party, a cause or an origin, never the scene, when a place is looked for
#: anywhere in the clause: "amid tensions with Kosovo", "over the supply of drones to Russia", "sanctions
#: against Iran", "returned from Moscow".
_PARTY_PREPOSITIONS = frozenset({"with", "against", "to", "toward", "towards", "for", "between", "about",
                                 "by", "from"})


def pick_place(trigger, gazetteer: Gazetteer, *, exclude: Iterable[int] = frozenset(),
               country_hint: str | None = None) -> Place | None:
    """The place where the event of ``trigger`` happened, or None when the sentence names none.

    Args:
        trigger (spacy.tokens.Token): the event's verb or noun, in a parsed Doc.
        gazetteer (Gazetteer): resolves names to places (``load_gazetteer()``).
        exclude (Iterable[int]): token indices of the event's actors; a place among them is never picked.
        country_hint (str | None): ISO alpha-3 that breaks ties between same-named places. Defaults to None.

    Returns:
        Place | None: the resolved place.
    """
    excluded = frozenset(exclude)
    entities = entity_at(trigger.doc)
    for pobj in _locative_objects(trigger):
        place = _place_in_phrase(pobj, entities, excluded, gazetteer, country_hint)
        if place is not None:
            return place
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):  # "shelled Kharkiv" (tagged ORG), "raided
        place = _place_in_phrase(obj, entities, excluded, gazetteer, country_hint)  # the Jenin refugee camp"
        if place is not None:
            return place
    return _place_in_clause(trigger, entities, excluded, gazetteer, country_hint)


def _governors(trigger) -> list:
    """The tokens whose prepositions may locate the event: the trigger, the verb governing a noun trigger, the
    first verb of a coordination ("arrived in Damascus and met Assad"), and the trigger's direct object."""
    tokens = [trigger]
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in _NOUN_DEPS:
        head = trigger.head
        for _ in range(4):  # through "for talks", "a round of talks"
            if head.head == head or not (head.dep_ == "prep" or (head.pos_ in ("NOUN", "PROPN")
                                                                   and head.dep_ in _NOUN_DEPS)):
                break
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            tokens.append(head)
    if trigger.pos_ == "VERB" and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
        tokens.append(trigger.head)
    tokens += [child for child in trigger.children if child.dep_ in ("dobj", "attr")]
    return tokens


def _locative_objects(trigger) -> Iterator:
    """Objects of locative prepositions on the governors, best preposition first, nearest governor first."""
    found = []
    for level, governor in enumerate(_governors(trigger)):
        for child in governor.children:
            rank = LOCATIVE_PREPOSITIONS.get(child.lower_)
            if child.dep_ != "prep" or rank is None:
                continue
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found.append((rank, level, abs(child.i - trigger.i), pobj))
    for *_, pobj in sorted(found, key=lambda f: f[:3]):
        yield pobj


def _place_in_phrase(token, entities, excluded, gazetteer, hint, depth: int = 0) -> Place | None:
    """A place named by a prepositional object or inside it ("the southern suburbs of Beirut" -> Beirut)."""
    place = _resolve_token(token, entities, excluded, gazetteer, hint, strict=False)
    if place is not None:
        container = _container(token, entities, gazetteer, hint, depth)
        # "Solhan in Burkina Faso's Yagha province": the place the text puts it in, not a namesake elsewhere
        return container if container is not None and container.country != place.country else place
    if depth > 3:
        return None
    for child in token.children:
        if child.dep_ == "poss" and token.lemma_.lower() in _ENVOY_WORDS:
            continue  # "summoned Russia's ambassador", "stormed France's embassy": whose envoy, not where
        if child.dep_ in ("poss", "compound", "appos", "conj") and child.i not in excluded:
            place = _resolve_token(child, entities, excluded, gazetteer, hint, strict=False)
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "near", "outside", "on", "at"):
            place = next((p for g in child.children if g.dep_ == "pobj"
                          for p in [_place_in_phrase(g, entities, excluded, gazetteer, hint, depth + 1)] if p), None)
        else:
            continue
        if place is not None:
            return place
    return None


def _container(token, entities, gazetteer, hint, depth: int) -> Place | None:
    """The place an "in" phrase on a place name puts it in ("Solhan in Burkina Faso" -> Burkina Faso), an
    actor's name included ("in Burkina Faso's Yagha province" names Burkina Faso's people too)."""
    return next((p for c in in_phrases_of_place(token) if depth <= 3 for g in c.children if g.dep_ == "pobj"
                 for p in [_place_in_phrase(g, entities, frozenset(), gazetteer, hint, depth + 1)] if p), None)


def _resolve_token(token, entities, excluded, gazetteer, hint, *, strict: bool) -> Place | None:
    """The place a token's entity (or proper-noun run) names; ``strict`` accepts place labels only."""
    ent = entities.get(token.i)
    if ent is not None:
        if any(t.i in excluded for t in ent):
            return None
        if ent.label_ not in PLACE_LABELS and (strict or ent.label_ not in _OTHER_LABELS):
            return None
        # ("Burkina" and "Faso" tagged as two places: the name is both)
        return _lookup_span(ent, gazetteer, hint) or (
            _lookup_span(_compound_span(token), gazetteer, hint) if len(_compound_run(token)) > 1 else None)
    if strict or token.pos_ != "PROPN" or token.i in excluded:
        return None
    return _lookup_span(_compound_span(token), gazetteer, hint)


def _compound_run(token) -> list:
    return [token, *[c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]]


def _compound_span(token):
    """The proper name a token ends, with the proper nouns compounded before it ("Burkina Faso")."""
    return token.doc[min(t.i for t in _compound_run(token)): token.i + 1]


def _lookup_span(span, gazetteer: Gazetteer, hint) -> Place | None:
    """Look a span up, first with a direction word just before it ("southern Lebanon" is a region)."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in COMPASS_WORDS:
        place = gazetteer.lookup(doc[span.start - 1: span.end].text, hint)
        if place is not None:
            return place
    return gazetteer.lookup(span.text, hint)


def _place_in_clause(trigger, entities, excluded, gazetteer, hint) -> Place | None:
    """A place entity in the trigger's clause that is not the clause's subject or a possessive, nearest first."""
    clause = trigger
    while clause.pos_ not in ("VERB", "AUX") and clause.head != clause:
        clause = clause.head
    candidates = []
    for token in per_token(clause, "place_entities", _place_entities):
        if token.dep_ in _ACTOR_DEPS or (token.dep_ == "compound" and token.head.dep_ in _ACTOR_DEPS):
            continue
        if _inside_other_clause(token, clause) or _named_as_party(token, clause):
            continue
        candidates.append((abs(token.i - trigger.i), token))
    for _, token in sorted(candidates, key=lambda c: c[0]):
        place = _resolve_token(token, entities, excluded, gazetteer, hint, strict=True)
        if place is not None:
            return place
    return None


def _place_entities(clause) -> tuple:
    """The words of a clause (its subtree, in order) that head a place entity: read once per clause and document,
    as every event of the clause asks (walking a subtree builds a new token for each of its words)."""
    entities = entity_at(clause.doc)
    return tuple(token for token in clause.subtree if (ent := entities.get(token.i)) is not None
                 and token.i == ent.root.i and ent.label_ in PLACE_LABELS)


def _named_as_party(token, clause) -> bool:
    """Whether the preposition nearest above a name, below ``clause``, makes it a party or a cause."""
    node = token
    while node != clause and node.head != node:
        if node.dep_ == "prep":
            return node.lower_ in _PARTY_PREPOSITIONS
        node = node.head
    return False


def _inside_other_clause(token, clause) -> bool:
    """Whether a token belongs to a clause nested under ``clause`` (a relative or reported clause)."""
    node = token
    while node != clause and node.head != node:
        if node.dep_ in ("relcl", "ccomp", "advcl", "acl", "xcomp") and node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False
