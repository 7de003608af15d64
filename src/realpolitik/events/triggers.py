"""Finding event triggers: words of the lexicon, matched on lemma and checked against their context."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
from spacy.tokens import Span, Token

from ..knowledge.lexicon import Lexicon, Pattern
from ..nlp import hyphen_agent, sentence_tokens

#: Prepositions that turn a noun into a time reference ("after the talks", "ahead of the summit"): such a
#: noun dates another event and is not news of its own.
TEMPORAL_PREPS = frozenset({"before", "after", "since", "following", "until", "till", "during", "prior",
                            "ahead", "amid", "throughout"})
#: "under the agreement", "in line with the plan": the frame of an act, never its object ("came under fire" is).
_FRAME_PREPS = frozenset({"under", "despite", "per", "via", "within"})
_FRAMES = frozenset({"agreement", "deal", "accord", "treaty", "pact", "plan", "law", "term", "resolution", "rule",
                     "framework", "mandate", "auspice", "arrangement", "ceasefire", "truce"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "acomp", "ccomp", "xcomp", "nsubjpass", "dative", "prt", "prep"})


@dataclass(frozen=True)
class Trigger:
    """A word that reports an event, with the lexicon pattern it matched and the tokens that matched."""

    token: Token
    pattern: Pattern
    first: int  # first token index of the matched words (a noun's modifiers come before it)
    consumed: tuple[int, ...] = ()  # other tokens this match used up (its object words)
    fallback: "Trigger | None" = None  # the next matching entry, tried when a ``targeted`` one finds no target


#: Nouns whose "for" phrase names what they are for: "shelved plans for a summit" shelves the summit.
_PLAN_NOUNS = frozenset({"plan", "preparation", "arrangement"})


def gapped_passive(verb: Token) -> bool:
    """"Three soldiers were killed and dozens wounded", "was taken off the plane and arrested": a participle
    conjoined to a passive, with no auxiliary of its own, shares its "was" (the parser takes "dozens" for a
    doer)."""
    return verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.tag_ == "VBN" and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and not any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)


def zero_relative_object(verb: Token) -> Token | None:
    """The antecedent a relative clause with no relative pronoun acts on: "the Egyptian soldiers it had captured",
    "the sanctions Washington imposed"."""
    if verb.dep_ != "relcl" or verb.pos_ != "VERB" or any(
            c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "prt") for c in verb.children):
        return None
    has_subject = any(c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that") for c in verb.children)
    return verb.head if has_subject else None


#: Participles that make whom they describe captives ("hostages held in Gaza", "sailors captured last year").
_CAPTIVITY = frozenset({"hold", "detain", "capture", "abduct", "kidnap", "imprison", "jail", "seize"})


def object_words(tok: Token) -> dict[str, Token]:
    """Lemmas that count as the object of a trigger, mapped to the token that carries each.

    The direct object and its modifiers, an of-phrase inside it ("a batch of tanks"), a complement
    ("found her guilty", "refused to comment"), a prepositional object ("called for talks") and, for a
    passive, the subject ("sanctions were imposed").
    """
    words: dict[str, Token] = {}
    children = tuple(tok.children)  # walked several times below; spaCy builds new tokens on every walk

    def add(t: Token, depth: int = 0) -> None:
        words.setdefault(t.lemma_.lower(), t)
        words.setdefault(t.lower_, t)
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod") and depth < 2:
                # a participle keeps its form: "the rebel-held town" holds no "hold"
                words.setdefault(c.lower_ if c.tag_ == "VBN" else c.lemma_.lower(), t)
                words.setdefault(f"{c.lemma_.lower()} {t.lemma_.lower()}", t)
                for m in c.children:  # "lifted martial law hours after": the parser's compound of a compound
                    if m.dep_ in ("compound", "amod"):
                        words.setdefault(f"{m.lemma_.lower()} {c.lemma_.lower()}", c)
                    elif m.dep_ == "conj":  # "a search-and-rescue unit"
                        words.setdefault(m.lemma_.lower(), t)
            elif c.dep_ == "prep" and (c.lower_ in ("of", "with", "in", "on", "as") or c.lower_ == "for" and t.lemma_.lower(
                    ) in _PLAN_NOUNS) and depth < 2:  # "set X on fire"; "shelved plans for a summit": the summit
                for p in c.children:  # ("described the decision as regrettable", hung on the object)
                    if p.dep_ == "pobj" or (c.lower_ == "as" and p.dep_ in ("amod", "acomp")):
                        add(p, depth + 1)
                        if c.lower_ == "of":  # "a state of siege" is not a siege
                            words.setdefault(f"{t.lemma_.lower()} of {p.lemma_.lower()}", t)
            elif c.dep_ in ("conj", "appos") and depth < 2:  # "designated X an undesirable organisation"
                add(c, depth + 1)
            elif c.dep_ == "prt" and t.pos_ == "VERB":  # "urged Delhi to hand her over": a phrasal complement
                words.setdefault(f"{t.lemma_.lower()} {c.lower_}", t)
            elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _CAPTIVITY:  # "women held in Gaza
                words.setdefault(c.lemma_.lower(), t)  # were handed over": captives, not suspects
            elif c.dep_ == "acl" and depth < 2:  # "called the decision to send a ship a provocation": the
                objects = [d for d in c.children if d.dep_ == "dobj"]  # parser hangs the verdict on the
                if len(objects) >= 2:  # infinitive, as its second object
                    add(objects[-1], depth + 1)

    for obj in (c for c in children if c.dep_ == "dobj"):  # "send aircraft carrying water": the load
        for load in (d for c in obj.children if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING
                     for d in c.children if d.dep_ == "dobj"):
            for t in (load, *load.conjuncts):
                words.setdefault(t.lemma_.lower(), t)
    if tok.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in ("who", "whom", "which", "that")
                                   for c in children):  # "Morocco's ambassador, X, who was recalled by Rabat",
        # "the bans, which the three countries imposed on Friday": the antecedent is the object
        add(tok.head)
        if tok.head.dep_ == "appos":
            add(tok.head.head)
    elif zero_relative_object(tok) is not None:
        add(tok.head)  # "Egyptian soldiers it had captured"
    if gapped_passive(tok) and not any(c.dep_ == "nsubj" for c in children):
        for shared in (c for c in tok.head.children if c.dep_ == "nsubjpass"):  # "the tariffs would be held in
            add(shared)  # reserve and not signed": the passive's subject is the object of both
    if tok.dep_ == "acl" and tok.tag_ == "VBN" or hyphen_agent(tok):  # "the sanctions imposed by the US",
        add(tok.head)  # "US-brokered talks": the noun is the object
        if tok.head.dep_ == "pobj" and tok.head.head.head.pos_ == "NOUN":  # "a price cap on Russian oil imposed
            add(tok.head.head.head)  # by the EU", the participle hung on the nearer noun
    if not any(c.dep_ in ("dobj", "nsubjpass") for c in children):
        _add_subject_words(tok, words)
    _add_purpose_words(children, words)
    words.setdefault(f"as:{tok.dep_}", tok)  # the trigger's own construction ("!as:acl": not "a militia backed by")
    for child in children:
        if child.dep_ == "advcl" and child.lemma_.lower() in _HELPING and any(
                c.dep_ == "dobj" for c in children) and any(a.dep_ == "aux" and a.lower_ == "to"
                                                               for a in child.children):
            words.setdefault("help", child)  # "sent 3,000 troops to help fight the epidemic": what they are for
        words.setdefault(f"dep:{child.dep_}", child)  # lets an entry exclude a construction ("!dep:oprd")
        if child.dep_ == "advmod" and child.lower_ in ("back", "forward", "ahead"):  # "move forward with the
            words.setdefault(child.lower_, child)  # transfer" is no troop movement; "push Tehran back to talks":
            for p in child.children:  # whither, too
                if p.dep_ == "prep":
                    words.setdefault(p.lower_, p)
                    if p.lower_ == "as":  # "dragged them back into the forest as hostages": in what role
                        for q in (q for q in p.children if q.dep_ == "pobj"):
                            add(q)
        if child.dep_ == "npadvmod" and child.lemma_.lower() == "test":  # "test-fired a missile": a test
            words.setdefault("test", child)
        if child.dep_ in ("dobj", "nsubjpass") and child.ent_type_:  # "welcomed Zelensky", "Zelensky was
            words.setdefault(f"ent:{child.ent_type_.lower()}", child)  # welcomed": a person, received
        if child.dep_ in ("dobj", "nsubjpass"):  # the object itself, not a word of its phrases: "held the
            words.setdefault(f"dobj:{child.lower_}", child)  # critic", not "held talks with the critic"
            words.setdefault(f"dobj:{child.lemma_.lower()}", child)
        if child.dep_ in _OBJECT_DEPS:
            if child.dep_ in ("prep", "dative"):
                if child.lower_ in TEMPORAL_PREPS:  # "ended the dispute after talks": a time, not the object
                    words.setdefault(child.lower_, child)  # (but "gave Hamas until Saturday" sets a deadline)
                    continue
                if child.lower_ in _FRAME_PREPS and any(p.lemma_.lower() in _FRAMES for p in child.children):
                    continue  # "withdrew from Tigray under the peace agreement": its frame, not its object
                if child.lower_ == "without":
                    continue  # "talks ended without agreement": what did not come of it
                for p in child.children:
                    if p.dep_ in ("pobj", "pcomp") or (child.lower_ == "as" and p.dep_ in ("amod", "acomp")):
                        add(p)  # (the parser hangs "described it as illegal" as a modifier of "as")
                    elif p.dep_ == "prep" and child.lower_ in ("out", "away"):  # "pulled out of the deal"
                        for q in p.children:
                            if q.dep_ == "pobj":
                                add(q)
                words.setdefault(child.lower_, child)
            else:
                add(child)
                for grand in child.children:  # "refused to confirm or deny": both are the complement
                    if grand.dep_ == "conj" and child.dep_ == "xcomp":
                        add(grand)
                    elif grand.dep_ == "nsubj" and child.dep_ in ("ccomp", "xcomp") and child.tag_ == "VB":
                        add(grand)  # "allowed inspectors to return": whom the verb lets act is its object
    return words


#: Purposes that make a deployment help: "sent troops to assist the police".
_HELPING = frozenset({"help", "assist", "support", "aid"})

#: Verbs by which a plane, ship or convoy carries its load ("planes carrying medics").
_CARRYING = frozenset({"carry", "bring", "transport", "ferry", "deliver", "load"})


def _add_purpose_words(children: Iterable[Token], words: dict[str, Token]) -> None:
    """What the time a verb (of these ``children``) gives is for, as "to:" words: "gave the ambassador 48 hours to
    leave" (the parser hangs the infinitive on the verb or on the time)."""
    for child in children:
        nouns = [child, *(a for a in child.children if a.dep_ == "appos")] if child.dep_ in (
            "dobj", "npadvmod", "dative") else []  # ("gave the spokesman, Olivier Salgado, 72 hours to leave")
        nouns += [a for n in nouns[1:] for a in n.children if a.dep_ == "appos"]
        held = [child] if child.dep_ in ("advcl", "xcomp") else [
            g for n in nouns for g in n.children if g.dep_ in ("relcl", "acl")]
        for clause in held:
            if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                words.setdefault(f"to:{clause.lemma_.lower()}", clause)


def _add_subject_words(verb: Token, words: dict[str, Token]) -> None:
    """An intransitive verb's subject, as "subj:" words, for entries whose condition is on who acted:
    "peacekeepers deployed to Karabakh" is peacekeeping, "rescue teams arrived in Turkey" is aid; so is "a
    brigade of Cuban doctors and nurses" or "police officers of a multinational security mission", and what
    the subject carries: "planes carrying medics and equipment"."""
    holder = verb.head.head.head if verb.dep_ == "relcl" and verb.head.dep_ == "pobj" and \
        verb.head.head.lower_ == "among" else verb.head  # "were among the first to arrive"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] or (
        [c for c in holder.children if c.dep_ == "nsubj"] if verb.dep_ == "xcomp" or holder.i != verb.head.i
        else [])  # "began arriving"
    for subj in subjects:
        parts = [subj, *subj.conjuncts, *(p for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                                          for p in c.children if p.dep_ == "pobj")]
        parts += [o for part in parts for c in part.children if c.dep_ == "acl" and c.lemma_.lower() in _CARRYING
                  for d in c.children if d.dep_ == "dobj" for o in (d, *d.conjuncts)]
        for part in parts:
            modifiers = [m for c in part.children if c.dep_ in ("compound", "amod", "nmod")
                         for m in (c, *c.conjuncts)]  # ("a search and rescue team")
            for t in (part, *modifiers):
                words.setdefault(f"subj:{t.lemma_.lower()}", subj)
                words.setdefault(f"subj:{t.lower_}", subj)
            for mod in modifiers:
                words.setdefault(f"subj:{mod.lemma_.lower()} {part.lemma_.lower()}", subj)


def noun_object_words(tok: Token) -> dict[str, Token]:
    """The object of an event noun is its of-phrase: "deliveries of artillery shells", also where the parser hung
    it on a name before it ("the sale to Taiwan of 108 tanks"); what an appeal asks for is its for-phrase ("an
    appeal for international assistance")."""
    words: dict[str, Token] = {}
    names = [p for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    for prep in (c for h in (tok, *names) for c in h.children if c.dep_ == "prep" and c.lower_ in ("of", "for")):
        for obj in (p for p in prep.children if p.dep_ == "pobj"):
            if obj.lemma_.lower() in QUANTITIES:  # "the expulsion of dozens of Russian diplomats"
                obj = next((q for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                            for q in c.children if q.dep_ == "pobj"), obj)
            for t in (obj, *obj.conjuncts, *(c for c in obj.children if c.dep_ in ("compound", "amod"))):
                words.setdefault(t.lemma_.lower(), t)
                words.setdefault(t.lower_, t)
    return words


#: Words that count what follows them: "dozens of diplomats" is about diplomats.
QUANTITIES = frozenset({"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "score", "scores",
                        "number", "group", "batch", "couple", "handful", "series", "wave", "part"})


def _form_matches(tok: Token, form: tuple[str, ...], pos: str, context: dict[str, Token]) -> list[int] | None:
    """Token indices the form uses beyond the head, or None when it does not match."""
    if len(form) == 1:
        return []
    doc = tok.doc
    if pos == "noun":
        mods = form[:-1]
        before = [t for t in reversed(doc[max(0, tok.i - 2 * len(mods)):tok.i]) if t.text != "-"][:len(mods)]
        before.reverse()  # the words just before the noun, hyphens skipped ("counter-measures")
        if len(before) == len(mods) and all(m in (b.lemma_.lower(), b.lower_) for m, b in zip(mods, before)):
            return list(range(before[0].i, tok.i))
        if "".join(form) == doc[tok.i].lower_:  # "airstrike" written as one word
            return []
        # modifiers not next to the noun: "joint naval exercises"
        children = {c.lemma_.lower(): c.i for c in tok.children if c.dep_ in ("compound", "amod", "nmod")}
        if len(mods) == 1 and mods[0] in children:
            return [children[mods[0]]]
        return None
    rest = form[1:]
    used = []
    for n, word in enumerate(rest):
        hit = context.get(word)
        if hit is None or not _particle(tok, hit):
            hit = next((c for c in tok.children if (c.lower_ == word or c.lemma_.lower() == word)
                        and (_particle(tok, c) or _idiom_preposition(c, rest[n + 1:]))), None)
        if hit is None:
            return None
        used.append(hit.i)
    return used


def _idiom_preposition(prep: Token, after: tuple[str, ...]) -> bool:
    """A preposition of an idiom whose noun the form names next, wherever the object sits: "put the tariffs
    on hold", "kept the measures in reserve"."""
    return prep.dep_ == "prep" and bool(after) and any(
        p.dep_ == "pobj" and p.lemma_.lower() == after[0] for p in prep.children)


def _particle(verb: Token, word: Token) -> bool:
    """Whether a word can complete a phrasal verb: a preposition only right after the verb ("pressed on with
    the offensive", not "pressed Israel on Monday")."""
    return word.dep_ != "prep" or word.i == verb.i + 1 or (  # "pulled its troops out of Gaza"
        word.lower_ in ("out", "away", "back") and any(c.dep_ == "prep" for c in word.children))


#: Mediation (CAMEO 045), whose object talks are the parties' own event.
MEDIATION = "045"


#: Part-of-speech ids (an int comparison is what a scan over every token of an article can afford).
VERBAL_POS = frozenset({VERB, AUX})
_NOMINAL = frozenset({NOUN, PROPN})
#: Dependencies only a noun can have.
_NOUN_SLOTS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass"})


def find_triggers(sent: Span, lexicon: Lexicon) -> list[Trigger]:
    """Every word of the sentence that matches a lexicon pattern, with the most specific pattern chosen."""
    found: list[Trigger] = []
    for tok in sentence_tokens(sent):
        if tok.pos in VERBAL_POS:
            pos = "verb"
        elif tok.pos in _NOMINAL or (tok.pos == ADJ and tok.dep_ in _NOUN_SLOTS):  # ("launched a counter-offensive":
            # tagged an adjective for its ending, but the parser makes it the object)
            if tok.dep_ == "compound" or tok.ent_type_ in ("DATE", "TIME"):  # "truce proposal": the proposal is
                continue  # the thing; "in March" is a month, no march
            pos = "noun"
        else:
            continue
        bases = _base_forms(tok)
        key = next(((pos, form) for form in bases if (pos, form) in lexicon.by_head), None)
        candidates = lexicon.by_head[key] if key is not None else None
        if not candidates:
            continue
        context = {} if key in lexicon.plain_heads else object_words(tok) if pos == "verb" else noun_object_words(tok)
        matches = [m for m in (_match(tok, p, pos, context, bases) for p in candidates) if m is not None]
        chosen = None
        for match in reversed(matches):  # a targeted entry keeps the next one to fall back on
            chosen = replace(match, fallback=chosen) if match.pattern.targeted else match
        if chosen is not None and chosen.pattern.targeted and any(p.light for p in patterns_of(chosen.fallback)):
            chosen = replace(chosen, consumed=())  # "began joint exercises": if no target, the noun is the event
        elif chosen is not None and chosen.pattern.light and chosen.consumed:  # "called off strikes": the noun
            # a support verb asks for is the event; only its particle is the verb's
            chosen = replace(chosen, consumed=tuple(i for i in chosen.consumed if tok.doc[i].pos not in _NOMINAL))
        if chosen is not None:
            found.append(chosen)
    consumed = {i for t in found for i in t.consumed}
    at = {t.token.i: t for t in found}
    return [t for t in found if t.token.i not in consumed and not is_time_reference(t.token)
            and not _restates(t, _governing_trigger(t.token, at), at) and not _toll(t, at)
            and not (t.token.dep_ == "relcl" and is_time_reference(t.token.head) and not (
                t.token.head.pos_ == "PROPN" and t.token.head.dep_ in ("pobj", "conj")))
            # ("after clashes that killed 30"; but "following Saudi Arabia, which ordered ..." names who acted)
            and not _is_motive(t.token) and not _is_aim(t.token) and not _helped_to(t.token)
            and not _is_breached(t.token) and not _legal_state(t.token) and not _lie_of_land(t.token)
            and not _heads_free_relative(t.token) and not _lasting_state(t.token) and not _names_people(t.token)
            and not _standing_description(t.token) and not _tally(t) and not _called_needed(t.token)
            and not _describes_anyone(t.token)
            and not _sent_to_attack(t, at) and not _stance(t) and not _record_clause(t.token)
            and not (t.pattern.pos == "noun" and _framing(t.token)) and not _posted(t.token)
            and not _standing_accord(t) and not _killed_in(t, at) and not _into_exile(t)
            and not _speech_venue(t, at) and not _terms_of_deal(t.token) and not _describes_weapon(t, at)]


#: Nouns that, after "in" or "as", give the motive of the act they hang on, not an event of their own.
_MOTIVES = frozenset({"retaliation", "reprisal", "revenge", "retribution", "response", "reciprocity", "protest"})


def _is_motive(tok: Token) -> bool:
    """"expelled 23 diplomats in retaliation for ...", "recalled its envoy in protest": the act is the event, the
    retaliation or protest its why."""
    return tok.lemma_.lower() in _MOTIVES and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as")


def _is_breached(tok: Token) -> bool:
    """"shipping oil in breach of EU sanctions", "in violation of the truce": the rule an act broke, not news."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in (
        "breach", "violation", "defiance", "contravention", "circumvention", "evasion")


def _legal_state(tok: Token) -> bool:
    """"declared a state of siege": the name of a legal regime, not a siege."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() == "state"


#: Places a participle can describe the lie of: "six zones encircling Taiwan", "the waters surrounding the island".
_AREAS = frozenset({"zone", "area", "region", "water", "waters", "line", "ring", "arc", "sea", "airspace"})


def _lie_of_land(tok: Token) -> bool:
    """"drills in six zones encircling Taiwan": where the zones lie, not a blockade."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _AREAS


def _heads_free_relative(tok: Token) -> bool:
    """"condemned what he called an assault on democracy", "hit what Tehran called bases": the clause names a
    thing for the sentence's own act, it is no act of its own."""
    return tok.pos in VERBAL_POS and any(c.dep_ == "dobj" and c.lower_ in ("what", "whatever") and c.i < tok.i
                                         for c in tok.children)


def _sent_to_attack(trigger: Trigger, at: dict[int, Trigger]) -> bool:
    """"sent F-16 jets to strike Cambodian targets": forces sent to strike are the strike's means; the strike is
    the event, not a show of force besides it."""
    if not any((code or "").startswith("15") for code in _codes(trigger)):
        return False
    return any(c.dep_ in ("xcomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               and c.i in at and (at[c.i].pattern.code or "")[:2] in ("18", "19", "20")
               for c in trigger.token.children)


def _names_people(tok: Token) -> bool:
    """"took the most badly wounded to Ankara", "the injured": a participle with an article names the people
    something happened to, in a sentence about something else."""
    return tok.tag_ == "VBN" and any(c.dep_ == "det" for c in tok.children)


#: Words that name whoever might do something, not anyone who did: "sanctions against anyone obstructing aid".
_ANYONE = frozenset({"anyone", "anybody", "whoever", "whomever", "those", "any", "all"})


def _describes_anyone(tok: Token) -> bool:
    """"would use sanctions against anyone obstructing aid", "those who attack civilians will be punished": an act
    that only describes whoever might do it (a participle or relative clause on "anyone", "those") is no event."""
    return tok.dep_ in ("acl", "relcl") and tok.head.lower_ in _ANYONE and tok.head.pos_ in ("PRON", "DET")


def _lasting_state(tok: Token) -> bool:
    """"reciprocal visits, suspended since 2011": a participle that says how long a state has lasted describes
    the thing it modifies; the act that began the state is old news."""
    return tok.dep_ in ("acl", "advcl") and tok.tag_ == "VBN" and any(
        c.dep_ == "prep" and (c.lower_ == "since" or (c.lower_ == "for" and any(  # "suspended for a decade"
            p.lemma_.lower() in _LONG_SPANS for p in c.children))) for c in tok.children) and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def _standing_description(tok: Token) -> bool:
    """"the Polisario Front, which is backed by Algiers": a relative clause in the present passive says what its
    noun is, a standing state, not news of an act (but "which is being shelled" goes on now)."""
    return tok.dep_ == "relcl" and tok.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children) and not any(
        c.dep_ == "auxpass" and c.tag_ == "VBG" or c.ent_type_ in ("DATE", "TIME") for c in tok.subtree)


#: What a needed act is called: "the withdrawal of Eritrean forces was an essential first step".
_NEEDS = frozenset({"step", "priority", "condition", "precondition", "prerequisite", "requirement", "necessity",
                    "must", "goal", "aim", "objective", "imperative"})


def _called_needed(tok: Token) -> bool:
    """"said the withdrawal of Eritrean forces was an essential first step": an act named as what is needed is
    wanted, not reported as done."""
    return tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be" and any(
        c.dep_ == "attr" and c.lemma_.lower() in _NEEDS for c in tok.head.children)


def _tally(trigger: Trigger) -> bool:
    """"the insurgency, which has killed more than 3,000 people since 2017": violence counted up over years is
    the toll of a long-running conflict, not one act (but "have killed 200 since mid-September" is the news)."""
    tok = trigger.token
    return any(code is not None and code[:2] in ("18", "20") for code in _codes(trigger)) and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in tok.children) and any(
        c.dep_ == "prep" and c.lower_ == "since" and any(p.dep_ == "pobj" and p.shape_ == "dddd" for p in c.children)
        for c in tok.children)


_LONG_SPANS = frozenset({"decade", "year", "month"})
_POSTED = frozenset({"station", "base", "post", "garrison", "deploy", "keep"})


def _posted(tok: Token) -> bool:
    """"supplies for marines stationed at the shoal": a participle that says where forces are describes them;
    it tells of a deployment only with a day or a doer ("troops deployed on Monday by Moscow")."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in _POSTED and not any(
        c.dep_ == "agent" or c.ent_type_ in ("DATE", "TIME") for c in tok.subtree if c.i != tok.i)


def _standing_accord(trigger: Trigger) -> bool:
    """"the two countries' 1951 mutual defence treaty", "its agreement with Doha": an accord named by its year or
    its owners is one already in force, not news of its signing."""
    tok = trigger.token
    if trigger.pattern.pos != "noun" or not (trigger.pattern.code or "").startswith("057"):
        return False
    return any(c.ent_type_ == "DATE" or (c.dep_ == "poss" and (c.pos_ == "PRON" or c.tag_ == "NNS"))
               for c in tok.children)


def _framing(tok: Token) -> bool:
    """"asked Moscow for help under their defence treaty", "despite the ceasefire": an accord named as the
    frame of another act is not news of its own making (but "called off the advance under a deal brokered by
    Lukashenko" tells of the deal)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("under", "despite", "within") and tok.head.head.pos_ in (
        "VERB", "AUX", "NOUN") and not any(c.lower_ in ("a", "an") or c.dep_ in ("acl", "relcl") for c in tok.children)


def _speech_venue(trigger: Trigger, at: dict[int, Trigger]) -> bool:
    """"called the judges crooks at a rally in Nairobi": a rally where something was said is a venue, not a
    protest."""
    tok = trigger.token
    if not (trigger.pattern.code or "").startswith("14") or tok.dep_ != "pobj" or tok.head.lower_ != "at":
        return False
    governor = at.get(tok.head.head.i)
    return governor is not None and (governor.pattern.wrapper == "speech" or (governor.pattern.code or "")[:2] in (
        "01", "02", "03", "10", "11", "12", "13"))


#: Accords, whose participles say what they provide: "a peace treaty formally ending their hostilities".
_ACCORDS = frozenset({"deal", "agreement", "accord", "pact", "treaty"})


def _terms_of_deal(tok: Token) -> bool:
    """"pulled out of talks on a peace treaty formally ending their hostilities": a participle of an accord says what
    the accord provides, not what was done. (A resolution's or a declaration's participle is the body's own act: "a
    resolution demanding a ceasefire".)"""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _ACCORDS


def _record_clause(tok: Token) -> bool:
    """"..., the first time in half a century that a NATO member has downed a Russian warplane": a clause on
    "the first (last, only) time" restates the act as a record; it is not a second event."""
    return tok.dep_ in ("relcl", "acl") and tok.head.lemma_.lower() == "time" and any(
        c.lower_ in ("first", "last", "only") for c in tok.head.children)


def _stance(trigger: Trigger) -> bool:
    """"protesters who oppose any use of the name", "a group that backs the junta": a relative clause in the
    simple present says what its noun is like, not what happened. (A denial is still news: "Iran, which denies
    arming the Houthis", and so is a charge: "Iran, which blames Israel for the attack".)"""
    tok = trigger.token
    return tok.dep_ == "relcl" and tok.tag_ in ("VBP", "VBZ") and trigger.pattern.wrapper is None and \
        (trigger.pattern.code or "")[:2] not in ("11", "13") and not any(
            c.dep_ in ("aux", "auxpass", "neg") for c in tok.children)


def _governing_trigger(tok: Token, at: dict[int, Trigger]) -> Trigger | None:
    """The trigger a clause or phrase hangs on: its head's (through a preposition for a phrase), or the event noun
    its head supports ("ordered a mobilisation")."""
    head = tok.head.head if tok.dep_ == "pobj" else tok.head
    if head.i in at and at[head.i].pattern.code is not None:
        return at[head.i]
    return next((at[c.i] for c in head.children if c.dep_ == "dobj" and c.i in at), None)


def _restates(trigger: Trigger, governor: Trigger | None, at: dict[int, Trigger]) -> bool:
    """A purpose clause or a participle with its governor's own code is the same event: "met in Aqaba to
    discuss the violence", "ordered a mobilisation, calling up 300,000 reservists"; a noun after "in" or "as" of
    the governor's root is too. A targeted entry counts by the entry it falls back on too: "marched to protest
    against a bill" names no one protested to."""
    tok = trigger.token
    if governor is None or governor.pattern.code is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "as") and tok.pos_ == "NOUN" and not (
            tok.head.lower_ == "in" and tok.lemma_.lower() in GATHERINGS):  # "in a phone call with X, Y discussed"
        # "launched 300 drones at Israel in its first direct attack": the same act, named again by its kind;
        # "detaining the leaders in dawn raids": how the arrest was made
        if governor.pattern.code[:2] == "17" and tok.lemma_.lower() in ("raid", "operation", "sweep", "swoop"):
            return True
        return any(code is not None and code[:2] == governor.pattern.code[:2] for code in _codes(trigger))
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _forceful_clause(governor.token, at) and any(
            code is not None and code[:2] == "18" and code != "181" for code in _codes(trigger)):
        return True  # "shelled the island, killing two marines", "fired on the crowd, killing 19": one attack
    if tok.dep_ in ("advcl", "acl") and tok.tag_ == "VB" and governor.pattern.code[:2] == "05" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # "signed agreements with Turkey to reopen Ukraine's ports": what the accord provides for
    if tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VB" and governor.pattern.code.startswith("114") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # "summoned Pakistan's envoy to demand an explanation": the summons is the complaint
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in _RETALIATING:
        return True  # "expelled 12 diplomats, retaliating for ...": the expulsion was the retaliation
    if tok.dep_ not in ("advcl", "xcomp") or governor.pattern.code not in _codes(trigger):
        return False
    return tok.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def forceful(code: str | None) -> bool:
    """Force of any kind: military (18-20), a violent protest (145) or a violent crackdown (175)."""
    return code is not None and (code[:2] in ("18", "19", "20") or code[:3] in ("145", "175"))


def _forceful_clause(governor: Token, at: dict[int, Trigger]) -> bool:
    """Whether the governing verb, or a verb it is coordinated with, tells an act of force: "rammed and boarded
    the trawler, injuring two crew" is one attack whose toll the participle gives, whichever verb it hangs on."""
    verbs = [governor, *governor.conjuncts]
    return any(v.i in at and forceful(at[v.i].pattern.code) for v in verbs)


def _listed_toll(tok: Token, at: dict[int, Trigger]) -> bool:
    """"fired on, rammed and seized three boats ..., wounding several sailors", "boarded the boats, seizing rifles
    and injuring several sailors": a participle the parser joined to the acts (or to the participle before it)
    still tells the toll of the act of force."""
    node = tok
    while node.dep_ == "conj" and node.head.tag_ == "VBG":
        node = node.head
    if node.dep_ == "advcl" and node is not tok:
        return _forceful_clause(node.head, at)
    return node.dep_ == "conj" and node.tag_ == "VBG" and node.head.pos_ == "VERB" and node.head.tag_ != "VBG" \
        and node.doc[node.i - 1].text == "," and _forceful_clause(node.head, at)


_RETALIATING = frozenset({"retaliate", "respond", "reciprocate", "avenge"})


def _toll(trigger: Trigger, at: dict[int, Trigger]) -> bool:
    """"resigned, a day after police fired on demonstrators, killing 19": a killing participle the parser hung on
    the main verb tells the toll of the attack told just before it, not a second act."""
    tok = trigger.token
    if tok.tag_ != "VBG" or not any(code is not None and code[:2] == "18" and code != "181"
                                    for code in _codes(trigger)):
        return False
    if tok.dep_ == "conj":
        return _listed_toll(tok, at)
    return tok.dep_ == "advcl" and any(at[i].pattern.code and (at[i].pattern.code[:2] in ("18", "19", "20") or
                                       at[i].pattern.code[:3] in ("145", "175"))
               for i in range(tok.head.i + 1, tok.i) if i in at)


def _describes_weapon(trigger: Trigger, at: dict[int, Trigger]) -> bool:
    """"Rockets fired from Lebanon killed two soldiers": the participle tells where the weapons of the act of
    force came from, not an act of its own."""
    tok = trigger.token
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    act = at.get(tok.head.head.i)
    return act is not None and forceful(act.pattern.code)


def _killed_in(trigger: Trigger, at: dict[int, Trigger]) -> bool:
    """"Twenty soldiers were killed in a clash with Chinese troops": the clash is the act of force, each side's
    against the other; the deaths are its toll, not a third act."""
    tok = trigger.token
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
    if not passive or not any(code is not None and code[:2] == "18" and code != "181" for code in _codes(trigger)):
        return False
    return any(p.i in at and at[p.i].pattern.reciprocal and (at[p.i].pattern.code or "")[:2] in ("18", "19", "20")
               for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj")


#: Words of a journey away from danger, not to a host: "arrived in Moscow and was granted asylum".
_REFUGE = frozenset({"asylum", "exile", "refuge", "sanctuary"})


def _into_exile(trigger: Trigger) -> bool:
    """"Assad and his family arrived in Moscow and were granted asylum", "flew to Costa Rica into exile": a
    journey to refuge is no visit to the country that shelters the traveller (the asylum is the event)."""
    tok = trigger.token
    if trigger.pattern.pos != "verb" or not (trigger.pattern.code or "").startswith("042"):
        return False
    clause = [tok, *tok.conjuncts]
    return any(t.lemma_.lower() in _REFUGE for verb in clause for t in verb.subtree)


def patterns_of(trigger: Trigger | None) -> list[Pattern]:
    """A trigger's entry and those it falls back on, in order."""
    out = []
    while trigger is not None:
        out.append(trigger.pattern)
        trigger = trigger.fallback
    return out


def _codes(trigger: Trigger | None) -> set[str | None]:
    """The codes a trigger may code with: its entry's and those of the entries it falls back on."""
    return {p.code for p in patterns_of(trigger)}


def _base_forms(tok: Token) -> list[str]:
    """The forms to look a word up by: its lemma, the word itself, and for a third-person verb the word less
    its ending, since the lemmatizer sometimes picks a wrong base ("hopes", "hoped" -> "hop")."""
    forms = [tok.lemma_.lower(), tok.lower_]
    if tok.tag_ == "VBZ" and tok.lower_.endswith("s"):
        forms += [tok.lower_[:-1]] + ([tok.lower_[:-2]] if tok.lower_.endswith("es") else [])
    elif tok.tag_ in ("VBD", "VBN") and tok.lower_.endswith("ed"):  # "hoped" -> "hop" too
        forms += [tok.lower_[:-1], tok.lower_[:-2]]
    return forms


def _is_aim(tok: Token) -> bool:
    """"imposed sanctions on Belarus, targeting its potash exports", "strikes targeting power plants": a
    participle of aiming says at what the act it hangs on was aimed; it is not a second act."""
    return tok.lemma_.lower() == "target" and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl")


def _helped_to(tok: Token) -> bool:
    """"sent troops to help Russia fight its war": what the help is for is the aim of the sending, not news."""
    return tok.dep_ in ("ccomp", "xcomp") and tok.head.lemma_.lower() in ("help", "assist", "enable") and \
        tok.head.dep_ == "advcl"


def _match(tok: Token, pattern: Pattern, pos: str, context: dict[str, Token], bases: list[str]) -> Trigger | None:
    """The trigger ``pattern`` makes of ``tok`` (looked up by ``bases``, its ``_base_forms``), or None when its
    words or object condition are not there."""
    for head, form in pattern.headed_forms:
        if head not in bases:
            continue
        used = _form_matches(tok, form, pos, context)
        if used is None:
            continue
        consumed = tuple(used)
        # (set operations walk the trigger's few object words, not an entry's class of a hundred)
        if not pattern.excluded.isdisjoint(context):
            continue
        if pattern.objects:
            hits = [context[w] for w in pattern.objects.intersection(context)]
            if not hits:
                continue
            hit = min(hits, key=lambda t: t.i)  # the first object word in the text, whatever the set order
            if pattern.code != MEDIATION and hit.i != tok.i:  # ("sponsored talks between them": the sides still
                # talk, a second event; an "as:" construction is the trigger's own)
                consumed += (hit.i,) + tuple(c.i for c in hit.conjuncts if c.tag_ not in ("VBD", "VBZ", "VBP"))
                if hit.dep_ == "nsubj" and hit.head.i != tok.i and tok.head.i != hit.i:
                    consumed += (hit.head.i,)  # "allowed inspectors to return": one event (but "rockets fired
                    # from Lebanon killed two soldiers" tells the killing)
        first = min([tok.i, *used]) if pos == "noun" else tok.i
        return Trigger(tok, pattern, first, consumed)
    return None


#: Verbs whose object event is what they stop or avert ("signed a deal to end the fighting"), not news of it.
ENDING_VERBS = frozenset({"end", "halt", "stop", "prevent", "avert", "avoid", "resolve", "settle", "de-escalate",
                          "defuse", "curb", "contain"})


#: Intransitive verbs of ending: "the bombing would stop", "the truce expired" report an end, not the thing.
_LAPSING = frozenset({"cease", "stop", "expire", "lapse", "collapse", "unravel"})
#: Meetings: their end reported in the past, or their being the occasion of what is said ("in a call with",
#: "during a visit"), is news that they took place.
GATHERINGS = frozenset({"talk", "talks", "summit", "meeting", "negotiation", "negotiations", "visit", "conference",
                         "call", "conversation", "trip"})


def _first_mention(tok: Token) -> Token | None:
    """The phrase that names an event for the first time, through a span of time ("after four days of talks"),
    or None when "the", "their" or "these" make it one known already ("after the talks")."""
    node = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SPANS:
        node = tok.head.head
    if any(c.dep_ == "amod" and c.lower_ in ("first", "maiden", "inaugural") for c in node.children):
        return node  # "after their first face-to-face talks": a first is news, whoever's it is
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in ("a", "an", "some", "several"))
           for c in node.children):  # ("after some 16 hours of talks" is a first mention too)
        return None
    return node


def unrest_first_told(tok: Token) -> bool:
    """"resigned after two nights of mass protests in Tbilisi", "withdrew the reform amid street protests":
    unrest told for the first time as the setting of an act is news of its own, whatever it dates."""
    node = _first_mention(tok) if tok.lemma_.lower() in UNREST else None
    return node is not None and node.dep_ == "pobj" and node.head.lower_ in ("after", "following", "amid")


def talks_first_told_after(tok: Token) -> bool:
    """"said after talks in Asmara with Isaias": talks the text tells of for the first time, the occasion of what
    was said ("after the talks", known already, only date it)."""
    if tok.lemma_.lower() not in GATHERINGS:
        return False
    node = _first_mention(tok)  # "after four days of talks in Beijing", "after an Oval Office meeting with Trump"
    if node is None:
        return False
    if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in _ENDS and \
            node.head.head.dep_ == "pobj" and node.head.head.head.lower_ == "at":
        return True  # "agreed ..., at the end of four days of talks in Beijing"
    if node.dep_ == "nsubj" and node.head.tag_ == "VBN" and any(  # "after talks mediated by Qatar", read as a
            c.dep_ == "mark" and c.lower_ == "after" for c in node.head.children):  # clause
        return True
    return node.dep_ == "pobj" and node.head.lower_ in ("after", "following")


#: Spans of time a gathering fills: "after eight hours of talks" is after the talks.
SPANS = frozenset({"day", "night", "hour", "week", "month", "round", "year"})
#: Nouns of unrest at home, news when first told as an act's setting ("amid protests").
UNREST = frozenset({"protest", "demonstration", "unrest", "riot", "rioting", "uprising"})
_ENDS = frozenset({"end", "close", "conclusion"})


def is_time_reference(tok: Token) -> bool:
    """A noun inside "before/after/since X" dates something else: "just days before Yevkurov's arrival"; a
    noun that something ends ("to end six weeks of fighting") is not itself reported as happening."""
    if tok.pos_ not in ("NOUN", "PROPN") and not (tok.tag_ == "VBG" and tok.dep_ in ("pobj", "pcomp")):
        return False  # a gerund object counts as a noun: "to end six weeks of fighting"
    node = tok
    if node.dep_ in ("pobj", "pcomp") and node.head.lower_ == "of" and node.head.head.dep_ == "dobj":
        node = node.head.head  # "six weeks of fighting"
    if node.dep_ == "dobj" and node.head.lemma_.lower() in ENDING_VERBS:
        return True
    if node.dep_ == "nsubj" and node.head.lemma_.lower() in ENDING_VERBS | _LAPSING:
        # "the bombing would stop": news of its end, not of it; but "the summit ended without a deal": it was held
        return not (tok.lemma_.lower() in GATHERINGS and node.head.tag_ == "VBD")
    node = tok
    if tok.dep_ == "pobj" and tok.head.lower_ == "during":
        return False  # "during a visit to Moscow, Kim told Putin ...", "jets scrambled during a drone attack on
        # Odesa": what goes on at the time is news too (unlike what came before or after)
    if talks_first_told_after(tok) or unrest_first_told(tok):
        return False
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in TEMPORAL_PREPS:
            return True  # "after the talks"
        if node.dep_ == "pcomp" and node.head.lower_ == "since":
            return True  # "since taking power" (but "before flying on to Egypt" is news of its own)
        if node.dep_ in ("pobj", "compound", "conj", "appos") and node.head.i != node.i:
            node = node.head
            if node.pos_ == "ADP" and node.lower_ in TEMPORAL_PREPS:
                return True
            continue
        break
    return False
