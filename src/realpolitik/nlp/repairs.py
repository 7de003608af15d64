"""Repairs of six systematic misparses, made on the parsed document so that every later stage reads the same
tree.

A finite verb coordinated with a bare infinitive or gerund cannot share its clause: in "the ministry denied
shelling the camp and accused Kyiv of blowing it up", "accused" is the ministry's second act, but the parser
hangs it on "shelling", inside what is denied. It is hung instead on the nearest verb above in its own form
("denied"), whose subject, tense and framing it shares. A verb between with a subject or auxiliary of its own
could share it too ("troops were trying to encircle the city and seized two villages"): then nothing moves.

A past verb read as a modifier of its object, with no verb left in the sentence: "Niger's military seized power on
Wednesday" parsed as a noun phrase ("military seized power"), "The European Union on Monday imposed sanctions on
China" as a name followed by "on ... imposed sanctions". The doer before the verb is its subject, the noun after it
its object, and the verb the sentence's root.

A reduced relative clause read as the main verb: in "rockets fired from Cambodia killed 11 civilians" the parser
takes "fired" for what the rockets did and hangs "killed", with no subject, below it. A past form with a noun
subject and no object, whose prepositional phrases are followed straight away by a past form with an object or a
phrase of its own and no subject ("mortar rounds fired from Syria landed in two towns"), is the participle that
describes its subject, and the second verb is the clause's; so is a verb the parser hung on the last noun of a
projectile's phrase ("missiles fired from two U.S. destroyers slammed into the air base").

A whole noun phrase read as a premodifier of the next: in "Ethiopia's federal government and Tigrayan forces
agreed to a truce" the parser makes "government and Tigrayan" modifiers of "forces", and the government drops out
of the subject. A noun with a determiner or possessor of its own, coordinated with an adjective right before the
head noun, cannot be a modifier ("the government rebels" is not what was written): it is the first conjunct, the
head noun the second, and the adjective modifies the head again; so is a noun with a people's adjective ("the
Colombian government and FARC rebels"). Two nouns ("land, sea and air links") or two adjectives ("Russian and
Ukrainian officials") are left as they are.

A listed act read as a loose dependent: in "Moscow denied any involvement, called the Czech move hostile, and
expelled 20 staff", the parser may hang "called" on "denied" with no relation it can name, and the subject it
shares is lost. A past or present form set off by a comma after a verb in the same form, with no subject of its
own, is that verb's conjunct.

A listed act hung on a verb across a nearer clause: in "Ukraine's parliament voted ..., a day after Russian vessels
fired on three boats, rammed a tugboat and seized them", the parser coordinates "rammed" with "voted". A finite verb
with no subject of its own whose comma closes a relative or adverbial clause with a subject, in its own form, is
that clause verb's conjunct (and the rest of the list follows it).
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Token

FACTORY = "realpolitik_finite_conjuncts"
_FINITE = frozenset({"VBD", "VBZ"})
_NON_FINITE = frozenset({"VB", "VBG"})
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "advcl", "pcomp", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: Entity types of the names that make a noun phrase a party of its own ("the Colombian government").
_PEOPLES = frozenset({"NORP", "GPE"})
#: What is fired from somewhere: "missiles fired from two destroyers slammed into the base" describes missiles.
_PROJECTILES = frozenset({"missile", "rocket", "shell", "drone", "bomb", "mortar", "round", "projectile", "grenade",
                          "torpedo"})


@Language.component(FACTORY)
def rehang_finite_conjuncts(doc: Doc) -> Doc:
    conj = doc.vocab.strings["conj"]
    for i in numpy.flatnonzero(doc.to_array("DEP") == conj):  # (conjuncts only: a Token object per word costs)
        tok = doc[int(i)]
        governor = _true_governor(tok) or _nearer_clause(tok)
        if governor is not None:
            _rehang(tok, governor)
    for sent in doc.sents:
        verb = _verb_read_as_modifier(sent.root)
        if verb is not None:
            _make_clause(sent.root, verb)
    for i in numpy.flatnonzero(doc.to_array("TAG") == doc.vocab.strings["VBD"]):
        participle = doc[int(i)]
        verb = _clause_verb_after(participle) or _clause_verb_on_its_phrase(participle)
        if verb is not None:
            _make_relative(participle, verb)
    for i in numpy.flatnonzero(doc.to_array("DEP") == doc.vocab.strings["dep"]):
        listed = doc[int(i)]
        if _listed_act(listed):
            listed.dep_ = "conj"
    for i in numpy.flatnonzero(doc.to_array("DEP") == doc.vocab.strings["nmod"]):
        first = doc[int(i)]
        if _modifier_read_as_conjunct(first):
            _uncoordinate_modifiers(first)
    return doc


def _verb_read_as_modifier(root: Token) -> Token | None:
    """The past verb in "Niger's military seized power", "The European Union on Monday imposed sanctions on China":
    the sentence's only verb, read as a modifier of the noun right after it, with its doer before it."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    verbs = [t for t in root.sent if t.pos_ in ("VERB", "AUX")]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    if verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod" or verb.head.i != verb.i + 1 or \
            any(c.dep_ != "npadvmod" for c in verb.children):
        return None
    doer = _doer_before(root, verb)
    if doer is None or doer.pos_ not in ("NOUN", "PROPN") and doer.lower_ != "military":
        return None
    return verb


def _doer_before(root: Token, verb: Token) -> Token | None:
    """Who did what the misread verb says: the word right before it, when the parser made it a modifier of the
    verb's object ("military seized power"), else the sentence's root ("The European Union on Monday imposed")."""
    before = verb.doc[verb.i - 1]
    if before.head.i == verb.head.i and before.dep_ in ("amod", "compound", "nmod"):
        return before
    return root if root.i != verb.head.i else None


def _make_clause(root: Token, verb: Token) -> None:
    """The verb the root, its doer its subject, the noun after it its object; a phrase the parser hung the object
    in ("on Monday imposed sanctions" read as "on ... sanctions") gets the verb's time word back."""
    noun, doer = verb.head, _doer_before(root, verb)
    stranded = noun.head if noun.dep_ == "pobj" else None
    verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
    for child in list(root.children):
        if child.i > verb.i or (child.i > doer.i and doer.i == root.i):  # "on Monday", ".": the clause's
            child.head = verb
        elif child.i < doer.i and doer.i != root.i:  # "Niger's", "The"
            child.head = doer
    doer.head, doer.dep_, doer.pos_ = verb, "nsubj", "NOUN"
    noun.head, noun.dep_ = verb, "dobj"
    if stranded is not None and stranded.dep_ == "prep":
        time = next((c for c in verb.children if c.dep_ == "npadvmod" and stranded.i < c.i < verb.i), None)
        if time is not None:  # "on Monday"
            time.head, time.dep_ = stranded, "pobj"


def _clause_verb_after(participle: Token) -> Token | None:
    """The real verb after a past form the parser read as the main verb ("rockets fired from Cambodia killed")."""
    if not _describing_participle(participle):
        return None
    end = participle.i
    for prep in (c for c in participle.children if c.dep_ == "prep" and c.i == end + 1):
        end = prep.right_edge.i
    if end == participle.i or end + 1 >= len(participle.doc):
        return None
    verb = participle.doc[end + 1]
    owner = verb.head
    if verb.tag_ != "VBD" or verb.dep_ not in ("advcl", "conj", "dep", "ccomp") or owner.i not in (
            participle.i, participle.head.i) or any(c.dep_ in _SUBJECTS or c.dep_ == "cc" for c in verb.children):
        return None
    if not any(c.dep_ in ("dobj", "prep") for c in verb.children):
        return None  # ("killed 11 civilians", "landed in two border towns": a clause of its own)
    return verb


def _clause_verb_on_its_phrase(participle: Token) -> Token | None:
    """The real verb the parser hung on the last noun of the participle's phrase: "missiles fired from two U.S.
    destroyers slammed into the air base", read as destroyers that slammed."""
    if participle.dep_ not in ("ROOT", "advcl", "ccomp") or not _describing_participle(participle) or not any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _PROJECTILES for c in participle.children):
        return None  # (but "rebels fired from positions located near the town": the rebels fired)
    for prep in (c for c in participle.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            verb = next((c for c in noun.children if c.dep_ == "acl" and c.i == noun.i + 1), None)
            if verb is not None and verb.tag_ in ("VBD", "VBN") and any(
                    c.dep_ in ("prep", "dobj") for c in verb.children) and not any(
                    c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") for c in verb.children) and not any(
                    t.pos_ in ("VERB", "AUX") for t in verb.doc[verb.i + 1:verb.sent.end] if t.dep_ != "acl"):
                return verb
    return None


def _describing_participle(participle: Token) -> bool:
    """A past form with one noun subject before it and nothing that makes it a finite verb of its own (an object,
    an auxiliary, a particle, a comma)."""
    subjects = [c for c in participle.children if c.dep_ in _SUBJECTS]
    return len(subjects) == 1 and subjects[0].pos_ == "NOUN" and subjects[0].i < participle.i and not any(
        c.dep_ not in ("prep", "nsubj", "advcl", "conj", "dep", "ccomp", "punct", "mark", "npadvmod") or
        c.dep_ == "punct" and c.i < c.sent.end - 1 for c in participle.children)


def _make_relative(participle: Token, verb: Token) -> None:
    """Make ``verb`` the clause's verb in the participle's place, and the participle a modifier of its subject."""
    subject = next(c for c in participle.children if c.dep_ in _SUBJECTS)
    if participle.dep_ == "ROOT":
        verb.head, verb.dep_ = verb, "ROOT"
    else:
        verb.head, verb.dep_ = participle.head, participle.dep_
    for child in list(participle.children):
        if child.dep_ == "mark" or child.i > verb.i:  # "after rockets fired ... killed": the clause's "after"
            child.head = verb
    subject.head = verb
    participle.head, participle.dep_, participle.tag_ = subject, "acl", "VBN"


def _modifier_read_as_conjunct(first: Token) -> bool:
    """A determined noun the parser coordinated with the adjectives of the noun after it: "the government and
    Tigrayan forces", "the Syrian government and Kurdish-led forces" (there with the "and" left dangling)."""
    head = first.head
    if first.pos_ != "NOUN" or head.i <= first.i or head.pos_ not in ("NOUN", "PROPN"):
        return False
    cc = next((c for c in first.children if c.dep_ == "cc" and c.i > first.i), None)
    if cc is None or any(c.dep_ == "conj" and c.i > head.i for c in first.children):
        return False
    between = first.doc[cc.i + 1:head.i]
    if not between or not all(t.pos_ in ("ADJ", "PROPN", "VERB", "PUNCT") and (
            t.head.i in (first.i, head.i) or cc.i < t.head.i < head.i) for t in between):
        return False
    if any(c.dep_ in ("det", "poss") or c.dep_ in ("amod", "compound") and c.ent_type_ in _PEOPLES
           for c in first.children):  # "the government and allied militias", "the Colombian government and FARC
        return True  # rebels"
    # "Ethiopia's government and Tigrayan forces", the possessor hung on the last noun: a people's or a place's
    # name only (but "Ohio's state and federal courts")
    return any(c.dep_ == "poss" and c.i < first.i for c in head.children) and any(
        t.ent_type_ in _PEOPLES for t in between)


def _uncoordinate_modifiers(first: Token) -> None:
    """The determined noun takes the phrase's place, the head noun becomes its conjunct, and what stood between
    them modifies the head noun again."""
    head = first.head
    for child in list(first.children):
        if child.dep_ == "conj" and child.i < head.i:
            child.head, child.dep_ = head, "amod"
    for child in list(head.children):
        if child.i < first.i:  # ("The" of "The Ethiopian government and Kurdish forces")
            child.head = first
    first.head, first.dep_ = (first, "ROOT") if head.dep_ == "ROOT" else (head.head, head.dep_)
    head.head, head.dep_ = first, "conj"


def _listed_act(tok: Token) -> bool:
    """A finite verb after a comma, hung with no named relation on an earlier verb in its own form: "denied any
    involvement, called the move hostile"."""
    head, before = tok.head, tok.left_edge.i - 1
    return tok.tag_ in _FINITE and head.tag_ == tok.tag_ and head.i < tok.i and before > head.i and \
        tok.doc[before].text == "," and not any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass")
                                                for c in tok.children)


def _true_governor(tok: Token) -> Token | None:
    """The verb ``tok`` is really coordinated with, where the parser hung it on a non-finite complement."""
    head = tok.head
    if tok.dep_ != "conj" or tok.tag_ not in _FINITE or head.tag_ not in _NON_FINITE or head.dep_ not in _COMPLEMENTS \
            or _finite_phrase(head):
        return None
    if tok.lower_ == tok.lemma_.lower() or any(c.dep_ in _SUBJECTS for c in tok.children):
        return None  # ("threatened to close the border and shut the pipeline": "shut" may be the infinitive)
    node = head
    while node.head.i != node.i and node.dep_ in _COMPLEMENTS | {"conj", "prep", "pobj", "dobj"}:
        if node is not head and _finite_phrase(node):
            return None  # ("troops were trying to encircle the city and seized two villages": they seized them;
            # "forces had shelled the town, killing ..., and asked for help": the words cannot tell)
        node = node.head
        if node.tag_ == tok.tag_ and node.i < tok.i:
            return node
    return None


def _nearer_clause(tok: Token) -> Token | None:
    """The verb of a clause that ends right before the comma of a listed act the parser hung further up: in "voted
    ..., a day after Russian vessels fired on three boats, rammed a tugboat and seized them", the acts after "fired"
    are the vessels', not the vote's."""
    head, comma = tok.head, tok.left_edge.i - 1
    if tok.dep_ != "conj" or tok.tag_ not in _FINITE or head.i > tok.i or comma <= head.i + 1 or \
            tok.doc[comma].text != "," or _finite_phrase(tok):
        return None
    last = tok.doc[comma - 1]
    verb = next((a for a in (last, *last.ancestors) if a.i <= head.i or (
        a.tag_ == tok.tag_ and a.right_edge.i == last.i)), None)
    if verb is None or verb.i <= head.i or verb.dep_ not in ("advcl", "relcl") or not any(
            c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return verb


def _finite_phrase(verb: Token) -> bool:
    """A verb with a subject or an auxiliary of its own heads a clause a finite verb can be coordinated with:
    "forces were shelling the town and killed 49 soldiers" is one subject's two acts."""
    return any(c.dep_ in _SUBJECTS or c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children)


def _rehang(tok: Token, governor: Token) -> None:
    """Hang ``tok`` (and the "and" before it) on ``governor``."""
    for child in list(tok.head.children):
        if child.dep_ == "cc" and child.i < tok.i and not any(c.i > child.i and c.i < tok.i and c.dep_ == "conj"
                                                               for c in tok.head.children):
            child.head = governor
    tok.head = governor
