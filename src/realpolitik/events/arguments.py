"""Who acts and who is acted upon: the source and target phrases of a trigger, read off the parse."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import PLACE_NOUNS
from ..knowledge.lexicon import Pattern
from ..nlp import BIDDING_NOUNS, is_glued_name, per_token, sentence_of, sentence_words
from .attribution import parenthetical_speech
from .modality import PREVENTING_VERBS, past_after_modal
from .triggers import GATHERINGS, QUANTITIES, SPANS, forceful, gapped_passive, zero_relative_object

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
#: Verbs whose "of/for"-clause names what their object allegedly did.
ACCUSING = frozenset({"accuse", "charge", "suspect", "blame", "convict", "indict", "sanction", "condemn",
                      "criticize", "criticise", "denounce", "blacklist", "punish", "penalize", "penalise", "fine",
                      "arrest", "detain", "jail", "sentence", "expel", "rebuke", "reprimand", "slam", "censure",
                      "fault", "praise", "thank", "commend", "congratulate"})
#: Prepositions that name what someone is accused, punished or praised for: "of spying", "for leaking", "over
#: the killing", "charged with treason".
CHARGE_PREPOSITIONS = frozenset({"of", "for", "over", "with"})
#: Verbs whose object does what their infinitive says: "urged Iran to stop", "called on Russia to withdraw",
#: "appealed to Congress to send", "ordered the army to attack". The preposition names where the object is.
OBJECT_CONTROL = {"urge": "dobj", "ask": "dobj", "press": "dobj", "pressure": "dobj", "push": "dobj",
                  "tell": "dobj", "order": "dobj", "force": "dobj", "compel": "dobj", "oblige": "dobj",
                  "invite": "dobj", "encourage": "dobj", "persuade": "dobj", "convince": "dobj", "allow": "dobj",
                  "permit": "dobj", "authorize": "dobj", "authorise": "dobj", "instruct": "dobj", "direct": "dobj",
                  "require": "dobj", "implore": "dobj", "beg": "dobj", "help": "dobj", "enable": "dobj",
                  "advise": "dobj", "lobby": "dobj", "challenge": "dobj", "warn": "dobj", "call": "on|upon",
                  "prompt": "dobj", "lead": "dobj", "cause": "dobj", "spur": "dobj", "drive": "dobj",
                  "provoke": "dobj", "inspire": "dobj", "get": "dobj", "appeal": "to", "plead": "with"}
#: "the line that divides ...": a relative pronoun is no doer; the clause it opens is climbed past.
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom", "whose"})
#: Relations through which a verb without a subject of its own borrows its governor's subject.
_INHERIT = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "dobj", "pobj", "ccomp", "acl", "acomp"})
DEFAULT_VERB_SLOTS = ("dobj", "to", "with", "on", "against")
DEFAULT_NOUN_SLOTS = ("with", "on", "against", "between", "involving", "to")


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive: read once per word of a document (the rules ask it again for the same verbs,
    four times each on average)."""
    return per_token(verb, "passive", _read_passive)


def _read_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.tag_ == "VBN" and (
        verb.dep_ == "acl" or any(c.dep_ == "agent" for c in verb.children))  # "..., hosted by Turkey"
        and (not any(c.dep_ == "nsubj" for c in verb.children) or reduced_relative(verb))) or (
        # ("reports that Russia had moved ..." is active)
        verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_.lower() in ("remain", "stay")) or (
        # ("Whelan, who remains jailed in Russia")
        gapped_passive(verb))


def reduced_relative(verb: Token) -> bool:
    """"after talks mediated by Qatar": a participle with an agent and no auxiliary that the parser read as a
    clause whose subject is the noun it modifies."""
    return verb.dep_ == "advcl" and any(c.dep_ == "agent" for c in verb.children) and \
        not any(c.dep_ == "aux" for c in verb.children) and \
        any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children)


_TIME_NOUNS = frozenset({"minute", "hour", "day", "week", "month", "year", "time", "moment", "night", "morning"})


def _is_time(tok: Token) -> bool:
    """A time phrase the parser may take for a subject ("Hours later ...")."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in _TIME_NOUNS


def with_conjuncts(tok: Token) -> list[Token]:
    """A head and the heads conjoined with it: "Angola, Namibia and Congo" -> three heads. A name the parser
    hung on the next one as a modifier ("Donald Trump and Vladimir Putin" parsed as a compound of Putin, with
    its own "and") counts as a conjunct too."""
    glued = [c for c in tok.children if is_glued_name(c)]
    conjoined = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")
                 and not _speaker_misread(c)]
    if not conjoined:  # "Iran's top official, Ali Shamkhani, and the Saudi adviser": the parser hangs the second on
        conjoined = [c for a in tok.children if a.dep_ == "appos" for c in a.conjuncts  # the first's apposition
                     if c.i > a.i and c.pos_ in ("NOUN", "PROPN")]
    return [*glued, tok, *conjoined]


def _speaker_misread(conj: Token) -> bool:
    """"killed 300 men in Moura, Human Rights Watch said": the parser may join the speaker to the object, its
    speech verb to the clause."""
    after = conj.right_edge.i + 1
    if after >= len(conj.doc):
        return False
    verb = conj.doc[after]
    return verb.dep_ == "conj" and verb.lemma_.lower() in _TELLING and not any(
        c.dep_ == "cc" for c in conj.head.children if c.i < conj.i)


def fronted_clause(verb: Token) -> Token | None:
    """"Hunt called the seizure unacceptable, demanded its release and warned ...": the parser makes the first
    verb, with the subject, a complement of the second, which then has none. Returns that first clause: it is
    the main clause, said by no one, and its subject acts in the verbs after it."""
    if verb.pos_ != "VERB" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBD"
                 and any(s.dep_ == "nsubj" for s in c.children)
                 and not any(m.dep_ == "mark" for m in c.children)), None)


def semicolon_clause(tok: Token) -> bool:
    """"Warsaw accused Minsk of ...; Minsk did not comment": the parser may hang a clause on the one after its
    semicolon, as that one's complement. It is a sentence of its own: the negation after the semicolon is not
    its negation."""
    return tok.dep_ == "ccomp" and tok.i < tok.head.i and any(
        t.lower_ == ";" and t.head.i == tok.head.i for t in tok.doc[tok.right_edge.i + 1:tok.head.i])


def absolute_clause(tok: Token) -> bool:
    """"Rome recalled its envoy and cut aid, the two moves signalling a rift": the parser may make the closing
    participle, with its own subject after a comma, the root and the main clause its complement. The main clause
    is then no one's speech or intent: the participle only adds to it."""
    root = tok.head
    return tok.dep_ == "ccomp" and tok.i < root.i and root.dep_ == "ROOT" and root.tag_ == "VBG" and any(
        c.dep_ in SUBJECT_DEPS for c in root.children) and any(c.dep_ in SUBJECT_DEPS for c in tok.children) and \
        not any(c.dep_ == "mark" for c in tok.children) and any(
            t.text == "," and t.head.i == root.i for t in tok.doc[tok.right_edge.i + 1:root.i])


def misread_gerund(verb: Token) -> Token | None:
    """"accused Armenian forces of shelling Azerbaijani towns": the parser may take the gerund for a modifier of
    the noun after it. Returns the preposition the gerund really follows, if so."""
    if verb.dep_ != "amod" or verb.tag_ != "VBG" or verb.head.dep_ != "pobj":
        return None
    prep = verb.head.head
    return prep if prep.lower_ in ("of", "for") and verb.i == prep.i + 1 else None


#: People a participle can describe as the doers of what it governs ("students trying to march").
_PEOPLE_NOUNS = frozenset({"student", "protester", "demonstrator", "people", "crowd", "worker", "activist",
                           "supporter", "resident", "villager", "civilian", "refugee", "migrant", "farmer", "youth",
                           "man", "woman", "marcher", "rioter", "mourner", "opponent", "member"})


def _subject_read_as_time_object(verb: Token) -> Token | None:
    """"..., a day after Mali, Niger and Burkina Faso withdrew their envoys": the parser made the subject the object
    of "after" in "a day after" and left the verb without one; the phrase ends right before the verb."""
    for span in (c for c in verb.children if c.dep_ == "npadvmod" and c.i < verb.i):
        for prep in (c for c in span.children if c.dep_ == "prep" and c.lower_ in ("after", "before", "since")):
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            if objects and objects[0].right_edge.i + 1 == verb.i and objects[0].pos_ in ("PROPN", "NOUN"):
                return objects[0]
    return None


def subject_heads(verb: Token) -> list[Token]:
    """Heads of the doer of a verb: its subject, the agent of a passive, or a governor's subject."""
    prep = misread_gerund(verb)
    if prep is not None:  # as a gerund after "of": the one accused of it, else its governor's subject
        host = prep.head
        if host.dep_ == "dobj" and host.head.lemma_.lower() in ACCUSING:
            return with_conjuncts(host)
        if host.pos_ == "VERB" and host.lemma_.lower() in ACCUSING:
            return direct_objects(host)
        return subject_heads(host) if host.pos_ == "VERB" else []
    if verb.dep_ == "csubj" and verb.tag_ == "VBG" and verb.i > 0 and verb.doc[verb.i - 1].text == "," and \
            any(c.dep_ == "nsubj" for c in verb.head.children) and verb.head.head.i != verb.head.i:
        # "Ethiopia and Eritrea declared ..., signing a declaration in Asmara a day after Abiy arrived": a
        # participle of the clause above, which the parser took for a second subject of "arrived"
        return subject_heads(verb.head.head)
    if is_passive(verb):
        for child in verb.children:
            if child.dep_ == "agent":
                return [p for c in child.children if c.dep_ == "pobj" for p in with_conjuncts(_body_behind(c))]
        # "Ukraine was promised air defence systems by Germany", "sanctions were imposed on 20 officials by the
        # EU": the parser hung the agent on the object, or on the object of a preposition
        hung = [h for host in object_heads(verb, skip=("by",)) for h in prep_objects(host, "by")]
        # "was shot dead while speaking at an exhibition by a police officer": or on the clause in between
        return hung or [h for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not is_passive(c)
                        and any(m.dep_ == "mark" for m in c.children)
                        for h in prep_objects(c, "by") if h.pos_ in ("NOUN", "PROPN")]
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "among":
        members = [c for c in verb.head.head.head.children if c.dep_ == "nsubj"]
        if members:  # "Spain and France were among the countries that recognised Guaido": they did
            return with_conjuncts(members[0])
    if verb.dep_ == "relcl" and verb.head.dep_ == "attr" and to_infinitive(verb):
        return subject_heads(verb.head.head)  # "Obama became the first U.S. president to visit Hiroshima": Obama
    if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and verb.head.head.lower_ == "among" and \
            to_infinitive(verb) and verb.head.head.head.pos_ in ("AUX", "VERB"):
        return subject_heads(verb.head.head.head)  # "rescue teams from Azerbaijan were among the first to arrive"
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS
                and c.i < verb.i and not _is_time(c)]
    if not subjects:
        stranded = _subject_read_as_time_object(verb)
        if stranded is not None:  # "a day after Mali, Niger and Burkina Faso withdrew their envoys"
            return with_conjuncts(stranded)
        described = _subject_read_as_clause(verb)
        if described is not None:  # "after protesters enraged by a jump in fuel prices stormed the office"
            return with_conjuncts(described)
    if len(subjects) >= 2 and subjects[-1].ent_type_ == "PERSON" and any(
            c.dep_ == "mark" and subjects[-2].i < c.i < subjects[-1].i for c in verb.children):
        return with_conjuncts(subjects[-1])  # "..., its biggest expulsion in decades, as May told parliament": May
    if len(subjects) >= 2 and subjects[-2].right_edge.i + 1 < len(verb.doc) and \
            verb.doc[subjects[-2].right_edge.i + 1].text == "," and any(
            t.tag_ == "VBG" for t in subjects[-2].subtree):  # "Visiting Helsinki, President Zelensky denied ...":
        return with_conjuncts(subjects[-1])  # a fronted participle the parser took for a second subject
    if len(subjects) >= 2 and any(c.dep_ == "prep" and c.lower_ == "among" for c in subjects[-1].children):
        return with_conjuncts(subjects[-1])  # "20 countries, among them Germany and France, expelled ...": those named
    for child in sorted(verb.children, key=_is_time):  # "Hours later Bogota backed down": two "subjects"
        if child.dep_ in SUBJECT_DEPS and child.lower_ not in RELATIVE_PRONOUNS:
            named = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > child.i and
                          c.pos_ == "PROPN" and c.left_edge.i == child.i + 1), None)
            return with_conjuncts(named if named is not None else child)  # "Rival factions Hamas and Fatah"
        if child.dep_ in SUBJECT_DEPS and verb.dep_ == "relcl" and (_named(verb.head) or child.lower_ == "who" or
                                                                    _named_owner(verb.head)):
            # "northern Israel, which responded with air strikes", "the envoy, who met ...", "a Security Council
            # resolution that demanded a ceasefire": the named antecedent acts, not the main clause's subject
            return with_conjuncts(_set_off_antecedent(verb))  # (all of "Germany, France and Poland, which
            # expelled ...")
        if child.dep_ in SUBJECT_DEPS and verb.dep_ == "relcl" and verb.head.dep_ == "pobj":
            return []  # "summoned the envoy over a shooting that killed two": the shooting's doer is not named
    antecedent = _relative_through_speech(verb)
    if antecedent is not None:  # (a place does nothing: "strikes in the provinces of Khost and Kunar that
        # officials said killed 47", where the parser hung the relative clause on the place)
        return [] if _part_of_country(antecedent) else with_conjuncts(antecedent)
    front = fronted_clause(verb)
    if front is not None:  # "Hunt called the seizure unacceptable, demanded its release": Hunt demanded
        return subject_heads(front)
    if verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB" and \
            verb.head.dep_ in ("xcomp", "advcl") and verb.head.head.pos_ == "VERB":
        # "ordered French troops to leave and revoked the agreements": a past tense cannot be coordinated with
        # the infinitive the parser hung it on; it shares the subject of the verb above
        return subject_heads(verb.head.head)
    if verb.dep_ == "conj" and verb.head.lower_ == "persona" and verb.head.head.pos_ == "VERB":
        # "declared the ambassador persona non grata and gave him 72 hours to leave": the parser's verb "persona"
        # is the declaration's complement; the one who declared gave
        return subject_heads(verb.head.head)
    if past_after_modal(verb):
        # "said an interim government would be formed and urged the protesters to stop": a past tense cannot
        # share the "would" of the reported clause; it is the speaker's second act
        return subject_heads(verb.head.head)
    node = verb
    for _ in range(8):
        if node.dep_ not in _INHERIT | {"relcl"} or node.head.i == node.i:
            return []
        prev, node = node, node.head
        if prev.dep_ == "advcl" and node.dep_ == "parataxis" and \
                getattr(parenthetical_speech(node.head), "i", None) == node.i:
            node = node.head  # "fired water cannon at the boat, Manila said, injuring four": the firing injured
        if prev.dep_ == "conj" and node.lower_ == "persona" and node.head.pos_ == "VERB":
            node = node.head  # ("declared him persona non grata and gave him 72 hours to leave, accusing ...")
        if prev.dep_ == "prep" and prev.lower_ in ("after", "before", "while", "upon") and node.dep_ in (
                "xcomp", "ccomp") and node.head.pos_ == "VERB" and to_infinitive(node):
            node = node.head  # "ordered 23 diplomats to leave after telling MPs ...": the parser hangs the telling on
            # what was ordered; the one who ordered told
        if node.pos_ == "NOUN" and prev.dep_ == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in prev.children):
            owners = [c for c in node.children if c.dep_ == "poss" or (c.dep_ == "compound" and _named(c))]
            if owners:  # "the government's decision to suspend the talks", "the US decision to reimpose": theirs
                return with_conjuncts(owners[0])
        if node.pos_ == "NOUN" and prev.dep_ == "acl" and prev.tag_ == "VBG" and (
                _named_owner(node) or (prev.i != verb.i and node.lemma_.lower() in _PEOPLE_NOUNS)):
            # "a UN Security Council resolution demanding a ceasefire": the body that passed it; "fired tear gas
            # at students trying to march": the students march
            return [node]
        controller = _controlling_object(node, prev)
        if controller:
            return controller
        if node.lemma_.lower() in ACCUSING and (prev.dep_ == "dobj" or prev.dep_ == "prep" and prev.lower_ in
                                                 CHARGE_PREPOSITIONS) and node.pos_ == "VERB":
            # "accused the troops of blowing it up", "the troops were accused of ...": the troops did it (but
            # "sentenced him after convicting him": the court, the sentence's doer, convicted)
            return direct_objects(node) or [c for c in node.children if c.dep_ == "nsubjpass"]
        if node.pos_ in ("VERB", "AUX", "ADJ"):
            own = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
            if own:
                return with_conjuncts(own[0])
            if node.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that")
                                            for c in node.children) and _named(node.head):
                # "the Syrian army, which denies ever using chemical weapons": what the antecedent denies using
                return with_conjuncts(_set_off_antecedent(node))
            described = _subject_read_as_clause(node)
            if described is not None:
                return with_conjuncts(described)
            front = fronted_clause(node)
            if front is not None:
                return subject_heads(front)
            if node.pos_ == "VERB" and is_passive(node) and prev.dep_ == "xcomp":
                raised = [c for c in node.children if c.dep_ == "nsubjpass" and c.lower_ not in RELATIVE_PRONOUNS]
                if raised:  # "Seoul and Tokyo are expected to sign": the ones expected do the signing
                    return with_conjuncts(raised[0])
            if node.pos_ == "VERB" and is_passive(node):
                surface = [c for c in node.children if c.dep_ == "nsubjpass" and c.lower_ not in RELATIVE_PRONOUNS]
                if surface and prev.i == verb.i and verb.dep_ == "conj" and not is_passive(verb) and \
                        not gapped_passive(verb):  # "he was shocked by the conduct and ordered an inquiry": he did
                    return with_conjuncts(surface[0])
                return subject_heads(node)
    return []


def _participle_read_as_clause(verb: Token) -> Token | None:
    """"after protesters enraged by a jump in prices stormed the office", "after protesters angry at a rise in
    fares set fire to stations": the parser may read the noun and the participle (or adjective) that describes
    it as a clause of their own ("protesters enraged", with the "after"), leaving the verb with no subject.
    Returns that participle."""
    for clause in (c for c in verb.children if c.dep_ == "advcl" and c.i < verb.i and (c.tag_ in ("VBN", "JJ") or (
            c.tag_ == "VBD" and any(p.dep_ in ("prep", "agent") and p.lower_ == "by" for p in c.children)))):
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i == clause.i - 1), None)
        if subject is not None and not any(c.dep_ in ("aux", "auxpass") for c in clause.children) and \
                clause.right_edge.i + 1 == verb.i:
            return clause
    return None


def _subject_read_as_clause(verb: Token) -> Token | None:
    """The verb's subject the parser gave a describing participle instead (see ``_participle_read_as_clause``):
    the noun just before the participle."""
    clause = _participle_read_as_clause(verb)
    return next(c for c in clause.children if c.dep_ == "nsubj") if clause is not None else None


def mark_read_as_participles(verb: Token) -> Token | None:
    """The clause mark ("after") the parser hung on a participle it read as the verb's clause (see
    ``_participle_read_as_clause``): the verb's own, which makes it a clause of time, not a complement."""
    clause = _participle_read_as_clause(verb)
    return next((c for c in clause.children if c.dep_ == "mark"), None) if clause is not None else None


def _part_of_country(noun: Token) -> bool:
    """"the provinces", "the western provinces of Darfur": a part of a country, which does nothing itself."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        noun = noun.head.head
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PLACE_NOUNS


def _relative_through_speech(verb: Token) -> Token | None:
    """"Chad, which the monitors say shelters the rebels", "air strikes that officials said killed 47": a relative
    pronoun subject of a clause reported inside a relative clause stands for the relative's antecedent, not for
    the one who says it."""
    said = verb.head
    if verb.dep_ != "ccomp" or said.i == verb.i or \
            said.lemma_.lower() not in _TELLING | {"believe", "allege", "suspect", "think"}:
        return None
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
    sayers = [c for c in said.children if c.dep_ in SUBJECT_DEPS and c.lower_ not in RELATIVE_PRONOUNS]
    relative = next((c for c in (*verb.children, *said.children) if (c.lower_ in ("which", "who") or (
                     c.lower_ == "that" and c.dep_ in SUBJECT_DEPS)) and c.i < said.i and c.i > 0), None)
    if relative is None or not sayers or own:
        return None
    if said.dep_ == "relcl":
        return said.head
    # (the parser may hang the relative clause's verb on the main one): the noun just before the pronoun
    before = verb.doc[relative.i - 1]
    if before.text == "," and relative.i > 1:
        before = verb.doc[relative.i - 2]
    while before.dep_ in ("compound", "flat") and before.head.i > before.i:
        before = before.head
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _controlling_object(governor: Token, clause: Token) -> list[Token]:
    """The object that does what an infinitive under an object-control verb says: "urged Iran to stop"."""
    slot = OBJECT_CONTROL.get(governor.lemma_.lower())
    if slot is None or governor.pos_ != "VERB" or not is_infinitive(clause):
        return []
    if slot == "dobj":
        return [p for c in governor.children if c.dep_ == "dobj" for p in with_conjuncts(c)]
    return [h for prep in slot.split("|") for h in prep_objects(governor, prep)]


def is_infinitive(clause: Token) -> bool:
    """A clause that says what its governor wants done: "urged Iran to stop", "pressed X ... to investigate"."""
    if any(c.dep_ == "aux" and c.lower_ == "having" for c in clause.children):
        return False  # "ordered the ambassador to leave, having warned that ...": a participle of what was done
    return clause.dep_ == "xcomp" or (clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def _set_off_antecedent(clause: Token) -> Token:
    """What a relative clause set off by a comma describes: the whole coordination it follows ("Angela Merkel and
    François Hollande, who brokered the deal" - both brokered), though the parser hangs it on the last name."""
    head = clause.head
    if clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ",":
        while head.dep_ == "conj" and head.head.i < head.i:
            head = head.head
    return head


def _named(tok: Token) -> bool:
    """A proper name or a named entity: an antecedent that can act (unlike "the line that divides ...")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")


def _named_owner(noun: Token) -> bool:
    """A common noun that a name qualifies ("UN Security Council resolution", "Hamas rockets", "Egypt's
    proposal"): the name's bearer stands behind it."""
    return noun.pos_ == "NOUN" and any(c.dep_ in ("compound", "poss") and _named(c) for c in noun.children)


def partners_of_gathering(noun: Token) -> list[Token]:
    """Whom a meeting is with: "talks with Y", and "followed talks in Banjul on Friday with the presidents of
    Guinea and Mauritania", where the parser hangs the with-phrase on the verb the talks are the object of."""
    own = prep_objects(noun, "with")
    if own or noun.dep_ != "dobj" or noun.lemma_.lower() not in GATHERINGS:
        return own
    return [p for p in prep_objects(noun.head, "with") if p.i > noun.i]


def prep_objects(tok: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions attached to ``tok`` ("penalties on X", "talks with Y", "to Gaza"), those of
    the first preposition named first."""
    out = []
    for prep in preps:
        for child, word in _prep_phrases(tok):
            if word == prep or (prep == "from" and word == "of" and child.head.lower_ == "out"):
                for p in child.children:
                    if p.dep_ == "pobj":
                        out.extend(with_conjuncts(p))
    return out


def _prep_phrases(tok: Token) -> tuple[tuple[Token, str], ...]:
    """The prepositions (and datives and agents) attached to ``tok``, each with its word, read once per word:
    the rules ask for a word's phrases slot by slot."""
    return per_token(tok, "prep_phrases", _read_prep_phrases)


def _read_prep_phrases(tok: Token) -> tuple[tuple[Token, str], ...]:
    own = list(tok.children)
    # "pulled its troops back from Kherson", "moved away from the border": the adverb carries the phrase
    particles = [c for c in own if c.dep_ in ("advmod", "prt") and c.lower_ in _DIRECTIONS or
                 c.dep_ == "prep" and c.lower_ == "out"]  # "pulled out of the deal": "out of" is "from"
    children = own + [c for host in particles for c in host.children]
    return tuple((c, c.lower_) for c in children if c.dep_ in ("prep", "dative", "agent"))


#: Nouns of the manner of an act ("with full force", "with all its might"), not parties to it.
_MANNER_NOUNS = frozenset({"strength", "force", "might", "means", "power", "determination", "resolve", "vigour",
                           "vigor", "firmness", "severity", "harshness"})
#: Adverbs of direction that the parser lets carry a verb's prepositional phrase.
_DIRECTIONS = frozenset({"back", "out", "away", "off", "down", "up", "in"})


def object_heads(verb: Token, skip: tuple[str, ...] = ()) -> list[Token]:
    """A verb's direct objects, then the objects of its prepositions (but those in ``skip``)."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        p for c in verb.children if c.dep_ == "prep" and c.lower_ not in skip for p in c.children if p.dep_ == "pobj"]


def direct_objects(verb: Token) -> list[Token]:
    """The thing acted upon: the object, the subject of a passive, or of a small clause ("found her guilty")."""
    if misread_gerund(verb) is not None:
        return [verb.head]  # "of shelling Azerbaijani towns", parsed as towns that shell
    if is_passive(verb):
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj:
            return with_conjuncts(subj[0])
        if verb.dep_ == "acl":
            return [verb.head]
        if verb.dep_ == "acomp":  # "it was concerned by ...": the parser's adjectival passive
            return [c for c in verb.head.children if c.dep_ == "nsubj"][:1]
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB":  # "Abiy arrived ... and was greeted by Isaias"
            return [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
    antecedent = zero_relative_object(verb)
    if antecedent is not None:
        return with_conjuncts(antecedent)
    for child in verb.children:
        if child.dep_ == "dobj" and child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head]  # "Al-Shabaab, which the president blamed for the carnage": al-Shabaab
        if child.dep_ == "dobj":
            return with_conjuncts(child) + fellow_objects(verb, child)
    named = [c for c in verb.children if c.dep_ in ("oprd", "attr")]
    if len(named) >= 2 and named[0].pos_ in ("PROPN", "NOUN", "PRON"):
        # "labelled Ruritania the main danger", read as two complements: the first is whom the words name
        return with_conjuncts(named[0])
    for child in verb.children:
        small = child.pos_ in ("ADJ", "NOUN") or to_infinitive(child) or child.lower_ == "persona"  # ("declared
        if child.dep_ in ("ccomp", "oprd", "xcomp") and small:  # X persona non grata")
            subj = [c for c in child.children if c.dep_ == "nsubj"]
            if subj:  # "found her guilty", "ordered the advisers to leave"
                return with_conjuncts(subj[0])
    for child in verb.children:  # "shot and wounded the prime minister": the second verb's object is both's
        if child.dep_ == "conj" and child.pos_ == "VERB" and _shares_next_object(verb, child) and not any(
                c.dep_ in SUBJECT_DEPS for c in child.children):
            if child.lemma_.lower() == "set" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in child.children):
                return prep_objects(child, "to")  # "stormed and set fire to the Saudi embassy"
            return [o for c in child.children if c.dep_ == "dobj" for o in with_conjuncts(c)]
    return []


def _described_objects(verb: Token) -> list[Token]:
    """"bombed a crowd gathered for the opening of an office", parsed as a clause whose subject is the crowd: for
    an act of force, a participle (or what the tagger took for a past tense) with no auxiliary right after its
    noun, the noun right after the verb, describes what was struck. (Not "wanted all sanctions lifted", a wish.)"""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and c.tag_ in ("VBN", "VBD", "VBG")):
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if len(subjects) == 1 and subjects[0].left_edge.i == verb.i + 1 and subjects[0].right_edge.i == clause.i - 1 \
                and not any(c.dep_ in ("aux", "auxpass") for c in clause.children):
            return subjects
    return []


def _shares_next_object(verb: Token, conj: Token) -> bool:
    """Whether only "and" and the verb's own bare particle stand between it and the next verb, whose object is
    then both's: "shot and wounded", "fired on and seized the boats" (a particle with no object of its own)."""
    between = verb.doc[verb.i + 1:conj.i]  # (or a comma, in a series: "fired on, rammed and seized the boats")
    return len(between) <= 2 and all(t.dep_ == "cc" or t.text == "," or (
        t.dep_ in ("prt", "prep") and t.head.i == verb.i and not any(True for _ in t.children)) for t in between) and \
        any(t.dep_ == "cc" or t.text == "," for t in between)


#: Deeds whose "of" names the victim: "revenge for the killing of Soleimani" is not on Soleimani's side.
_DEEDS = frozenset({"killing", "murder", "assassination", "death", "execution", "abduction", "kidnapping",
                    "arrest", "detention", "shooting", "beheading", "poisoning"})


def _named_among(verb: Token) -> list[Token]:
    """Those a group acted on is said to include: "freed 16 prisoners, among them X" (the parser hangs X on the
    verb), and "X and Y were among 16 prisoners freed by Russia" (the verb describes the group they are among)."""
    def among_them(word: Token) -> list[Token]:
        return [p for p in word.children if p.dep_ == "prep" and p.lower_ == "among" and any(
            o.lower_ in ("them", "whom") for o in p.children)]

    named = [c for c in verb.children if c.dep_ in ("npadvmod", "appos", "dobj") and among_them(c)]
    hosts = [verb] + [c for p in verb.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pcomp"]
    for host in hosts:  # (or on the verb, or a phrase of its manner, the names after it as its second object:
        for prep in among_them(host):  # "put eight convicts to death by firing squad, among them ...")
            named += [n for c in host.children if c.dep_ in ("npadvmod", "appos", "dobj") and c.i > prep.i
                      for n in (c, *(a for a in c.children if a.dep_ == "appos"))]
    group = verb.head if verb.dep_ == "acl" else None
    if group is not None and group.dep_ == "pobj" and group.head.lower_ == "among" and \
            group.head.head.lemma_ == "be":
        named += [s for c in group.head.head.children if c.dep_ == "nsubj" for s in with_conjuncts(c)]
    return named


def _answerable_for(heads: list[Token]) -> list[Token]:
    """What a "for" phrase names as the party answerable: a deed stands for its doer ("Israel's killing of ...",
    "the killing of X by Y"), or for no one when the doer is not in the phrase."""
    out = []
    for head in heads:
        if head.lemma_.lower() not in _DEEDS:
            out.append(head)
            continue
        out += [c for c in head.children if c.dep_ == "poss"] + prep_objects(head, "by")
    return out


#: Decisions a body takes: "suspended by a vote of the General Assembly" is the Assembly's act.
_DECISIONS = frozenset({"vote", "decision", "resolution", "ruling", "order", "decree", "verdict", "majority"})


def _body_behind(agent: Token) -> Token:
    """The body whose decision an agent phrase names ("by a vote of the General Assembly"), else the agent."""
    if agent.lemma_.lower() in _DECISIONS:
        return next(iter(prep_objects(agent, "of")), agent)
    return agent


def _stranded_objects(verb: Token, prep: str) -> list[Token]:
    """The object a bare preposition shares with the next verb: "fired on and seized the boats" (fired on them)."""
    if not any(c.lower_ == prep and c.dep_ in ("prt", "prep") and not any(True for _ in c.children)
               for c in verb.children):
        return []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and _shares_next_object(verb, c)):
        for later in (conj, *(v for v in conj.conjuncts if v.i > conj.i)):  # the series' first object is all of theirs
            objects = [d for d in later.children if d.dep_ == "dobj"]
            if objects:
                return with_conjuncts(objects[0])
    return []


def to_infinitive(verb: Token) -> bool:
    """"to visit", "to monitor": a bare verb with its "to"."""
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


#: Slots whose object is where the event happens as much as whom it touches ("arrived in Damascus").
LOCATIVE_SLOTS = frozenset({"in", "at", "to", "into", "on", "near", "around", "off", "dobj"})


def target_candidates(trigger: Token, pattern: Pattern,
                      support: Token | None = None) -> list[tuple[str, list[Token]]]:
    """Candidate target heads, one list per slot in the order the pattern lists its slots.

    The caller takes the first list that names an actor: "imposed sanctions on Iran on Friday" has two
    on-phrases, and only one of them is a target. A nominal event also looks at its support verb's phrases
    ("resumed talks with the US").
    """
    slots = pattern.targets or (DEFAULT_NOUN_SLOTS if pattern.pos == "noun" else DEFAULT_VERB_SLOTS)
    dobjs = [_counted(o) for o in direct_objects(trigger) or (
        _described_objects(trigger) if forceful(pattern.code) else [])] if pattern.pos == "verb" else []
    hosts = [trigger] + ([support] if support is not None else []) + [
        c for c in trigger.children if c.dep_ == "acomp"]  # "is concerned about X", "ready for talks with X"
    roles = [c for c in trigger.children if c.dep_ == "attr"] if pattern.pos == "verb" else []
    left = prep_objects(trigger, "from")  # "pulled out of negotiations with Japan": the phrase left holds the party
    hosts += roles + (_restatement(trigger) if pattern.pos == "noun" else [])  # "became the 31st member of NATO"
    # "retaliate with all its strength against any attack": the parser hangs the target phrase on the manner
    hosts += [m for m in prep_objects(trigger, "with") if m.lemma_.lower() in _MANNER_NOUNS]
    out: list[tuple[str, list[Token]]] = []
    for slot in slots:
        if slot == "dobj":  # "attacked several foreign embassies, including Rwanda's": the one named first
            out.append((slot, [p for o in [trigger, *dobjs] for p in prep_objects(o, "including")]))
            out.append((slot, _named_among(trigger)))  # "freed 16 prisoners, among them a former U.S. Marine"
            if (pattern.code or "").startswith("11"):  # "branded the revolt treason", parsed as one noun: what
                # is named is the compound, not the name
                out.append((slot, [c for o in dobjs if o.lemma_.lower() in pattern.objects for c in o.children
                                   if c.dep_ == "compound" and c.pos_ == "NOUN"]))
            out.append((slot, dobjs))
        elif slot == "iobj":  # "promised Ukraine tanks"; passive, "Ukraine was promised tanks"
            datives = [c for c in trigger.children if c.dep_ == "dative" and c.pos_ != "ADP"]
            if not datives and is_passive(trigger) and any(c.dep_ == "dobj" for c in trigger.children):
                datives = [c for c in trigger.children if c.dep_ == "nsubjpass"]
            out.append((slot, datives))
        elif slot == "poss":  # "Israel's aggression", "ratified Sweden's application"
            for owner in [trigger, *dobjs, *roles]:  # ("became NATO's 32nd member")
                out.append((slot, [c for c in owner.children if c.dep_ == "poss"] + [
                    c for c in owner.children if c.dep_ in ("amod", "compound")]))
        elif slot not in ("between", "involving"):  # those are participants, handled as pairs
            for host in hosts:
                found = prep_objects(host, slot) or _stranded_objects(host, slot)
                out.append((slot, _answerable_for(found) if slot == "for" else found))
            if slot == "with" and pattern.pos == "noun":
                out.append((slot, partners_of_gathering(trigger)))
            if slot != "from":
                out.append((slot, [p for phrase in left for p in prep_objects(phrase, slot)]))
            for obj in dobjs:  # "appointed an ambassador to Syria", "a batch of tanks from the US"
                out.append((slot, prep_objects(obj, slot)))
                for word in _misread_conjuncts(obj, trigger):
                    out.append((slot, prep_objects(word, slot)))
                for clause in (c for c in obj.children if c.dep_ in ("relcl", "acl")):
                    out.append((slot, prep_objects(clause, slot)))  # "lift the sanctions it imposed on Turkey"
                    # "an aid package that includes $61 billion for Ukraine, $26 billion for Israel": each share's
                    out.append((slot, [p for share in direct_objects(clause) for a in (share, *share.children)
                                       if a.i == share.i or a.dep_ in ("appos", "conj") for p in prep_objects(a, slot)]))
                for amount in _measured(obj):  # "pledged $500 million in aid for Ukraine"
                    out.append((slot, prep_objects(amount, slot)))
    if pattern.pos == "noun":
        # "the drone attacks that set two Saudi oil plants ablaze", "an air strike killed a commander"
        clauses = [c for c in trigger.children if c.dep_ == "relcl"]
        if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.pos_ == "VERB" and \
                trigger.head.lemma_.lower() not in _TELLING:  # (a misparse: "its biggest expulsion, as May told")
            clauses += [trigger.head, *carried_on(trigger.head)]
        for verb in clauses:
            out.append(("clause", [_counted(o) for o in direct_objects(verb)]))
        verb = occasion_verb(trigger) if trigger.head.lower_ in ("in", "during") else None
        if verb is not None:  # "told his counterpart in a phone call", "apologised to Aliyev in a phone call"
            out.append(("clause", direct_objects(verb) + prep_objects(verb, "to")))
    for slot, heads in list(out):  # "lift curbs on exports to South Korea": the trade's other end; "massed
        # troops near its border with Ukraine": the other side of the border
        out.append((slot, [p for h in heads if h.lemma_.lower() in _TRADE and slot in ("on", "against", "dobj")
                           for p in prep_objects(h, "to", "from")] +
                    [p for h in heads if h.lemma_.lower() in BORDERS for p in prep_objects(h, "with")]))
    # "went into emergency session at Ankara's request": at whose bidding, not at whom; "reopen their embassies
    # ..., in a deal brokered by China": under what, not where or with whom
    out = [(slot, [h for h in heads if not (slot == "at" and h.lemma_.lower() in BIDDING_NOUNS) and not (
        slot in ("in", "under") and h.lemma_.lower() in _DEAL_WORDS)]) for slot, heads in out]
    # "pressed on with its offensive against X": the support verb's phrase holds the event's own word, which is
    # never its own target
    out = [(slot, [h for h in heads if h.i != trigger.i]) for slot, heads in out]
    return [(slot, heads) for slot, heads in out if heads]


def _misread_conjuncts(obj: Token, verb: Token) -> list[Token]:
    """"imposed arms embargoes and travel bans on the junta": the parser may read the modifier of the second
    object as a verb ("travel"), conjoined with the object or with the verb, and hang the shared phrase on it or
    on its object ("bans")."""
    misread = [c for c in (*obj.conjuncts, *verb.conjuncts) if c.i > obj.i and c.pos_ == "VERB"
               and c.tag_ in ("VB", "VBP") and not any(d.dep_ in SUBJECT_DEPS or d.dep_ == "aux" for d in c.children)]
    return [w for c in misread for d in c.children if d.dep_ == "dobj" and d.i == c.i + 1 and d.pos_ == "NOUN"
            for w in (c, d)]


def _restatement(noun: Token) -> list[Token]:
    """"the visit was the first by a Kenyan leader to Somalia": the predicate of a copula restates its subject
    event, so its phrases, and those of its by-agent, are the event's."""
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() != "be":
        return []
    attrs = [c for c in noun.head.children if c.dep_ == "attr"]
    return attrs + prep_objects(*attrs[:1], "by") if attrs else []


#: Flows of goods whose to- or from-phrase names the other party of a measure on them.
_TRADE = frozenset({"export", "import", "shipment", "sale", "trade", "delivery", "supply"})
#: Lines between two countries, whose with-phrase names the other one.
BORDERS = frozenset({"border", "frontier", "boundary"})
#: Accords an act is done under ("in a deal brokered by China").
_DEAL_WORDS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "arrangement", "framework", "truce"})
#: Verbs of telling: whom they tell is no one's target of a deed.
_TELLING = frozenset({"say", "tell", "announce", "state", "add", "report", "claim", "write", "inform"})


#: Words for a part of what their of-phrase names: "most of the sanctions".
_PORTIONS = frozenset({"most", "some", "all", "many", "part", "half", "much", "several", "rest"})


def carried_on(verb: Token) -> list[Token]:
    """The verbs a verb hands its own subject to: "kept hitting the port", "continued to pound the city" (not
    "forced civilians to flee", whose object does the fleeing)."""
    if any(c.dep_ == "dobj" for c in verb.children):
        return []
    done = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    return done + [v for d in done for v in carried_on(d)]


def _counted(obj: Token) -> Token:
    """"most of the sanctions the bloc had imposed on Belarus", "dozens of rioters", "three of its warships": the
    sanctions, the rioters, the warships, whose phrases say who they are."""
    if obj.lemma_.lower() in _PORTIONS or obj.lemma_.lower() in QUANTITIES or obj.tag_ == "CD":
        return next((p for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj" and p.pos_ != "PRON"), obj)
    return obj


#: Parts of an occasion that an act happens at: "at the close of the summit", "on the sidelines of talks".
_PHASES = frozenset({"end", "close", "conclusion", "start", "beginning", "outset", "sideline", "sidelines",
                     "margin", "margins", "course"})


def occasion_verb(noun: Token) -> Token | None:
    """The verb a prepositional noun tells the occasion of: "told Blinken in a phone call", and through the
    nouns between, "told Blinken of the decision in a phone call"."""
    if noun.dep_ != "pobj":
        return None
    host = noun.head.head
    if noun.head.lower_ == "of" and host.dep_ == "pobj" and host.lemma_.lower() in _PHASES | SPANS:
        host = host.head.head  # "left Kabul at the end of a visit": the visit is the leaving's occasion
    while host.pos_ == "NOUN" and (host.dep_ == "dobj" or host.dep_ == "pobj" and host.head.lower_ in ("of", "about")):
        host = host.head if host.dep_ == "dobj" else host.head.head  # "told his counterpart of the decision in a
        # phone call"; but in "recalled its envoy in protest at a pact" the pact is not the recall's occasion
    if host.pos_ == "AUX" and any(t.dep_ == "prep" and t.lower_ in ("after", "following") and t.head.i == host.i
                                  for t in noun.ancestors):
        return host  # "it was ready ..., after talks with the Americans" (but not "have been in detention")
    if host.dep_ == "acl" and host.tag_ == "VBN" and host.head.dep_ == "pobj":
        return occasion_verb(host.head) or host  # "agreed ..., in a deal brokered by China after talks in Beijing":
        # the talks are the agreeing's occasion, not the brokering's
    if host.pos_ != "VERB":
        return None
    while host.dep_ == "xcomp" and host.head.pos_ == "VERB" and to_infinitive(host) and any(
            o.dep_ == "dobj" for o in host.head.children):
        host = host.head  # "urged Russia to pull its troops back during talks with Lavrov": what was urged has not
        # happened; the talks are the urging's occasion (the parser hangs them on the infinitive)
    after = noun.head if noun.head.lower_ in ("after", "following") else None
    while after is not None and host.dep_ == "ccomp" and after.head.i == host.i and after.i and \
            after.doc[after.i - 1].lower_ == "," and host.head.pos_ == "VERB":
        host = host.head  # "A and B agreed that neither would use force, after talks in St Vincent": set off after
        # the reported clause, the talks are the agreeing's occasion (the parser hangs them on the clause)
    return host


def _measured(obj: Token) -> list[Token]:
    """What an amount measures: "$500 million in aid", "a package of weapons"."""
    if obj.pos_ not in ("NUM", "NOUN"):
        return []
    return [p for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]


def participants(trigger: Token, support: Token | None = None) -> list[Token]:
    """Parties of a many-sided event: "talks between A and B", "a meeting involving A, B and C", and on the
    support verb, where the parser often hangs them: "talks were held between A and B". (All of the "between"
    phrases are in the trigger's sentence, whose words are tested first: most sentences have none.)"""
    heads = (prep_objects(trigger, "between") or (prep_objects(support, "between") if support is not None else [])
             or _span_between(trigger) or _stranded_between(trigger)) \
        if "between" in sentence_words(sentence_of(trigger)) else []
    for child in trigger.children:
        if child.dep_ == "acl" and child.lemma_.lower() in ("involve", "include", "bring"):
            for obj in child.children:
                if obj.dep_ == "dobj":
                    heads.extend(with_conjuncts(obj))
    return heads


def _span_between(noun: Token) -> list[Token]:
    """"after four hours of talks in Ankara between Erdogan and Pence": the parser hangs the parties on the span
    the event lasted; they are the event's."""
    span = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return prep_objects(span, "between") if span is not None and span.lemma_.lower() in SPANS else []


def _stranded_between(noun: Token) -> list[Token]:
    """"Fighting erupted along the line of contact in Karabakh between Azerbaijani and Armenian troops": the
    parser hangs the parties on the nearest place; they are the parties of the event that is the subject."""
    if noun.dep_ != "nsubj":
        return []
    phrases = [c for c in noun.head.children if c.dep_ == "prep"]
    while phrases:
        prep = phrases.pop()
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            if prep.lower_ == "between" and (pobj.conjuncts or any(  # ("between Indian and Pakistani troops")
                    m.conjuncts for m in pobj.children if m.dep_ in ("amod", "compound"))):
                return with_conjuncts(pobj)
            phrases.extend(c for c in pobj.children if c.dep_ == "prep")
    return []


#: Verbs by which one does or makes a thing named by a noun ("the sanctions Washington imposed"), unlike those
#: by which one speaks of it ("the attack, which Washington blamed on Assad").
_DOING_VERBS = frozenset({"impose", "launch", "carry", "conduct", "order", "stage", "introduce", "adopt", "take",
                          "sign", "mount", "make", "hold", "wage", "pass", "approve", "issue", "unveil", "enact",
                          "commit", "perpetrate", "deploy", "send", "fire", "build", "seize", "extend"})


#: Journeys one is "on": the one who is on it makes it.
_JOURNEYS = frozenset({"visit", "trip", "tour"})
#: Nouns of leaving, whose of-phrase names who leaves.
_DEPARTURES = frozenset({"withdrawal", "pullout", "pull-out", "departure", "retreat", "resignation", "exit"})


#: Nouns of judging or reporting another's act, whose owner did not do that act.
_VERDICT_NOUNS = frozenset({"condemnation", "criticism", "denunciation", "protest", "concern", "outrage", "anger",
                            "report", "investigation", "inquiry", "probe", "account", "accusation", "denial",
                            "claim", "support", "praise", "welcome", "rejection", "view", "assessment"})


def companions(verb: Token) -> list[Token]:
    """Parties that act with the subject: "froze the assets together with the European Union", "voted against
    it along with Belarus and Syria", "fought alongside the M23"."""
    person_acted_on = any(c.dep_ == "dobj" and _is_person(c) for c in verb.children)
    return [c for c in _accompanying(verb) if not (person_acted_on and _is_person(c))]  # (not fellow_objects)


def _accompanying(verb: Token) -> list[Token]:
    """Whoever an along-with, together-with or alongside phrase of the verb or its object names."""
    out = []
    manner = [c for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and not any(
        s.dep_ in SUBJECT_DEPS for s in c.children)]  # "dropped meals over Gaza, flying alongside Jordanian aircraft"
    for prep in [c for h in (verb, *manner) for c in h.children if c.dep_ in ("prep", "advmod")] + [
            c for o in verb.children if o.dep_ == "dobj" for c in o.children if c.dep_ == "prep"]:
        if prep.lower_ == "with" and any(c.lower_ == "together" for c in prep.children):
            out += [p for p in prep.children if p.dep_ == "pobj"]
        elif prep.lower_ == "along":
            out += [p for w in prep.children if w.lower_ == "with" for p in w.children if p.dep_ == "pobj"]
        elif prep.lower_ == "alongside":
            out += [p for p in prep.children if p.dep_ == "pobj"]
    return [c for p in out for c in with_conjuncts(p)]


def kept_from(verb: Token) -> Token | None:
    """The one kept from acting, for a gerund in "stopped X from V-ing"; None for any other verb."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in PREVENTING_VERBS:
        return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
    return None


def fellow_objects(verb: Token, obj: Token) -> list[Token]:
    """People who share a person's fate: "killed Soleimani along with the Iraqi militia leader al-Muhandis" (a
    companion of a person is another object, not another doer as in "voted along with Belarus")."""
    if not _is_person(obj):
        return []
    return [c for c in _accompanying(verb) if _is_person(c)]


def _is_person(tok: Token) -> bool:
    return tok.ent_type_ == "PERSON" or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children)


def is_anti(modifier: Token) -> bool:
    """"Anti-Japanese protests": the modifier names whom the event is against, not who does it."""
    doc = modifier.doc
    return modifier.lower_.startswith("anti-") or (
        modifier.i >= 2 and doc[modifier.i - 1].text == "-" and doc[modifier.i - 2].lower_ == "anti")


def noun_source_heads(noun: Token) -> list[Token]:
    """The doer of a nominal event: "Israel's strike", "an Israeli strike", "a strike by Israel", "an Iranian
    act of terrorism"."""
    heads = [c for c in noun.children if c.dep_ == "poss"]
    heads += [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN")
              and not is_anti(c)]
    heads += [m for c in noun.children if c.dep_ == "amod" for m in leaders_of(c)]
    heads += prep_objects(noun, "by")
    heads += [s for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in _DOING_VERBS and not any(
        d.dep_ == "dobj" and d.lower_ not in RELATIVE_PRONOUNS for d in c.children)  # "the sanctions (that)
        for s in c.children if s.dep_ == "nsubj" and s.lower_ not in RELATIVE_PRONOUNS]  # Washington imposed"
    if noun.lemma_.lower() in _DEPARTURES:  # "the withdrawal of Russian troops": those who leave
        heads += prep_objects(noun, "of")
    if noun.dep_ == "dobj" and not is_passive(noun.head):
        heads += prep_objects(noun.head, "by")  # the parser hangs "the drills by A and B" on the verb
    if not heads and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and \
            noun.head.head.lemma_.lower() not in _VERDICT_NOUNS:  # "Russia's wave of strikes" (but not "its
        return noun_source_heads(noun.head.head)  # condemnation of the attack": the attack is someone else's
    return heads


def leaders_of(modifier: Token) -> list[Token]:
    """The party an "X-led" modifier names: "a French-led raid" is France's, whoever else took part (the leader
    answers for a coalition's act)."""
    if modifier.lemma_.lower() != "lead" or modifier.tag_ != "VBN":
        return []
    return [c for c in modifier.children if c.dep_ in ("npadvmod", "compound", "amod", "nmod")]


def support_verb(noun: Token, supports) -> Token | None:
    """The verb a nominal event hangs from: "held talks", "engage in a phone call", "approved the sale".

    ``supports(verb)`` says whether a verb lends the noun its subject: support verbs do, and so do verbs
    that code nothing themselves; a verb that is an event of its own ("condemned the attack") does not.
    """
    node = noun
    for _ in range(3):
        head = node.head
        if node.dep_ == "pobj" and head.head.dep_ in ("dobj", "pobj") and (
                (head.lower_ == "of" and head.head.pos_ in ("NOUN", "NUM")) or
                (head.lower_ == "in" and head.head.pos_ == "NUM")):
            # "held three hours of talks", "two rounds of talks", "announced $800 million in assistance"
            node = head.head
            continue
        if node.dep_ in ("dobj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX") and supports(head):
            return head
        if node.dep_ == "nsubj" and head.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in head.children) \
                and supports(head):  # "clashes erupted between A and B", "talks resumed in Doha"
            return head
        if node.dep_ == "pobj" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX") and \
                head.lower_ not in ("against", "on", "about", "over") and supports(head.head, head.lower_) and \
                not (head.lower_ == "into" and any(c.dep_ == "dobj" for c in head.head.children)):
            return head.head  # (not "opened a probe into the shelling": the shelling is what is looked into)
        if node.dep_ == "pobj" and head.pos_ == "ADP" and head.head.dep_ == "acomp" and \
                supports(head.head.head, "acomp"):  # "open to negotiations", "ready for talks"
            return head.head.head
        if node.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_ == "be" and \
                node.lemma_.lower() in _JOURNEYS:  # "Rahmon was on a state visit to Kyrgyzstan": his visit
            return head.head
        break
    return None


def counted(heads: list[Token]) -> list[Token]:
    """The heads, with what a count or a part among them counts ("dozens of rioters": the rioters too)."""
    return heads + [c for c in map(_counted, heads) if all(c.i != h.i for h in heads)]
