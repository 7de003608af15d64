"""Dictionary matching over a Doc, and resolution of a noun phrase's head token to an Actor."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.symbols import pobj as POBJ
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..knowledge.actors import ActorDictionary, ActorEntry, holds_on
from ..knowledge.gazetteer import COMPASS_WORDS, Gazetteer
from ..model import Actor, unique_actors
from ..nlp import (ACCUSING_VERBS, BIDDING_NOUNS, entity_at, hyphen_agent, in_phrases_of_place, is_glued_name,
                   sentence_of, sentence_text, sentence_tokens, sentence_words)

#: Pronouns that stand for an actor named elsewhere; the events stage resolves them.
PRONOUNS = frozenset({"it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we", "i", "us"})
#: Dependencies that stay inside one actor's noun phrase. Conjuncts are separate actors; clauses are not
#: part of the name.
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "case", "det", "nummod", "npadvmod",
                          "punct", "prep", "pobj", "quantmod", "advmod", "flat", "nn"})
#: Prepositions whose object still describes the actor ("officials in Ankara", "head of the ministry").
_PHRASE_PREPS = frozenset({"of", "in", "from", "at"})
#: Words of a state's national organs, which speak for a state wherever the story is told ("a foreign ministry
#: spokesman"), unlike local officials or police.
_NATIONAL_ORGANS = frozenset({"ministry", "spokesman", "spokeswoman", "spokesperson", "government"})
#: Organs of a town, named after it: "Rotterdam police", "the Kharkiv mayor".
_LOCAL_ORGANS = frozenset({"police", "mayor", "governor", "prosecutor", "municipality", "council"})
#: Offices that act only at home, inside the country where a story happens.
_HOME_OFFICES = frozenset({"interior", "home", "health", "internal", "emergency", "emergencies"})
#: People who serve the one their to-phrase names: "a military adviser to the supreme leader" (an envoy "to the
#: UN" serves the sender, not the UN).
_AIDE_NOUNS = frozenset({"adviser", "advisor", "aide", "assistant", "counsellor", "counselor"})
#: Verbs by which a visitor meets the office holders of the country visited.
_MEETING_VERBS = frozenset({"meet", "visit", "see", "receive", "greet", "hold", "talk", "confer"})
#: A state's outposts abroad, which later role words of the story ("the de facto government") do not mean.
MISSIONS = frozenset({"embassy", "consulate", "mission", "legation", "chancery"})
#: A state's envoys abroad, who stand for "the envoy" later, never for an organ at home ("the Treasury").
_ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "consul", "attache", "chargé", "charge"})
#: Prepositions whose object says where a sentence happens.
_WHERE_PREPS = frozenset({"in", "at", "across", "throughout", "inside", "outside"})
#: "The North" and "the South" of a story about the Koreas.
_HALVES = {"North": "PRK", "South": "KOR"}
#: Words before a country's name, inside one place name, that still name the country ("Mainland China").
_COUNTRY_QUALIFIERS = COMPASS_WORDS | {"greater", "mainland", "upper", "lower", "inner", "outer", "continental"}
#: Days and months the tagger sometimes glues to a country's name: "On Monday Germany and France expelled ...".
_CALENDAR_WORDS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.month_name) if name)
#: Lower-case words a name may start with: "the", and the article of Arabic names ("al-Shabaab").
_NAME_PARTICLES = frozenset({"the", "al", "el", "ad", "as", "an", "ar", "-"})
#: People who act for the body their of/from-phrase names ("investigators from the United Nations").
_MEMBER_NOUNS = frozenset({"investigator", "inspector", "expert", "monitor", "observer", "team", "mission",
                           "delegation", "staff", "representative", "spokesperson", "spokesman", "spokeswoman"})
#: People named after whom they follow ("supporters of Bolsonaro"): not the one they follow.
_FOLLOWER_NOUNS = frozenset({"supporter", "follower", "loyalist", "sympathiser", "sympathizer", "partisan", "fan",
                             "devotee", "admirer"})
#: Nouns for the people around someone, who act for them: "Bazoum's camp", "the president's office".
_CAMP_NOUNS = frozenset({"camp", "entourage", "office", "aide", "lawyer"})
#: Nouns that describe an actor by its relation to another ("Russia, Assad's main ally"): the other is not it.
_RELATION_NOUNS = frozenset({"ally", "partner", "neighbour", "neighbor", "rival", "enemy", "foe", "backer", "patron",
                             "sponsor", "adversary", "friend", "protector", "creditor", "supplier", "client"})
#: Nouns for the means and agents of force, whose country modifier names the side that uses it.
_FORCE_WORDS = frozenset({"strike", "airstrike", "attack", "raid", "shelling", "bombardment", "missile", "drone",
                          "rocket", "fire", "force", "troop", "soldier", "jet", "warplane", "artillery", "army",
                          "military", "offensive", "bombing", "gunfire"})
#: Weapons, which stand for whoever fired them, never for the place they struck.
_WEAPONS = frozenset({"drone", "missile", "rocket", "shell", "bomb", "warplane", "jet", "artillery", "mortar"})
#: Sites named after their place: the word before is a place name.
_SITE_NOUNS = frozenset({"plant", "camp", "airport", "base", "port", "dam", "border", "crossing", "refinery",
                         "hospital", "prison", "facility", "region", "province", "district", "oblast"})
#: Things named after the place they were agreed or held in: "the Doha agreement" is no party of Qatar's.
_NAMED_AFTER_PLACES = frozenset({"agreement", "accord", "deal", "treaty", "pact", "protocol", "format", "process",
                                 "declaration", "memorandum", "summit", "conference", "talks", "framework", "plan",
                                 "group"})  # ("the Minsk Group")
#: Heads that stand for whoever leads them ("a delegation led by X").
_GROUP_NOUNS = frozenset({"delegation", "team", "side", "group", "panel", "mission", "contingent", "party",
                          "camp", "coalition", "bloc", "faction", "alliance", "force",
                          "power", "nation", "country", "state", "government", "administration"})
_LEADING = frozenset({"lead", "head", "chair"})
#: Texts that speak for whoever issued them ("the statement, read by the government spokesman").
_AUTHORED = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "message"})
_AUTHORING = frozenset({"read", "issue", "release", "publish", "sign", "send", "post", "deliver"})
#: Heads that count people named in their of-phrase: "hundreds of demonstrators", "members of the guard".
_QUANTITY_HEADS = frozenset({"hundred", "thousand", "dozen", "million", "member", "crowd", "group", "number",
                             "scores", "score", "tens", "some", "many", "several", "most", "all", "each",
                             # offices named by what they head: "the head of the armed forces" is military
                             "head", "chief", "boss", "director"})
_COUNTRY_KINDS = frozenset({"country_name", "demonym", "capital", "government"})


@dataclass(frozen=True)
class Hit:
    """A dictionary phrase found in the text: tokens [start, end) and the entries it may stand for."""

    start: int
    end: int
    entries: tuple[ActorEntry, ...]

    @property
    def kind(self) -> str:
        return self.entries[0].kind


class ActorRecognizer:
    """Built once per process from the actor dictionary; ``annotate`` is then called per document."""

    def __init__(self, vocab, dictionary: ActorDictionary, gazetteer: Gazetteer):
        self.dictionary = dictionary
        self.gazetteer = gazetteer
        self._entries = dictionary.by_phrase()
        self._titled = self._titled_people(dictionary)
        self._cased = PhraseMatcher(vocab, attr="ORTH")
        self._uncased = PhraseMatcher(vocab, attr="LOWER")
        from spacy.lang.en import English

        tokenizer = English().tokenizer
        for phrase, entries in self._entries.items():
            originals = {e.phrase for e in entries}
            for original in originals:
                # Acronyms and short capitalised names are matched as written: "US" is not "us".
                cased = original.isupper() and len(original) <= 6
                matcher = self._cased if cased else self._uncased
                matcher.add(phrase, [tokenizer(original)])

    @staticmethod
    def _titled_people(dictionary: ActorDictionary) -> dict[str, list[tuple[str, ActorEntry]]]:
        """country -> (lowercased title, padded with a space each side for a whole-word test, entry) for every
        office holder, longest title first."""
        index: dict[str, list[tuple[str, ActorEntry]]] = {}
        seen = set()
        for e in dictionary.entries:
            if e.kind != "person" or not e.country or (e.name, e.office, e.start) in seen:
                continue
            seen.add((e.name, e.office, e.start))
            for title in e.titles:
                index.setdefault(e.country, []).append((f" {title.lower()} ", e))
        for entries in index.values():
            entries.sort(key=lambda te: -len(te[0]))
        return index

    def office_holder(self, country: str, words: str, date: str | None) -> ActorEntry | None:
        """Who held the office a title names ("the Russian president") in that country on that date."""
        padded = f" {words} "  # (padded once: a country has up to 200 titles, tried in turn)
        for title, entry in self._titled.get(country, ()):
            if title in padded and holds_on(entry, date):
                return entry
        return None

    def annotate(self, doc: Doc, default_date: str | None = None) -> "DocActors":
        return DocActors(doc, self._hits(doc), self, default_date)

    def _hits(self, doc: Doc) -> dict[int, Hit]:
        spans = []
        for matcher in (self._cased, self._uncased):
            for match_id, start, end in matcher(doc):
                key = doc.vocab.strings[match_id]
                entries = tuple(self._entries[key])
                if not self._plausible(doc[start:end], entries) or self._inside_other_place(doc, start, end, entries) \
                        or _first_of_longer_name(doc, start, end, entries) or _birthplace(doc, end) \
                        or _compass_of_longer_name(doc, end):
                    continue
                spans.append(Span(doc, start, end, label=key))
        by_token: dict[int, Hit] = {}
        for span in filter_spans(spans):
            hit = Hit(span.start, span.end, tuple(self._entries[span.label_]))
            for i in range(span.start, span.end):
                by_token[i] = hit
        return by_token

    def _inside_other_place(self, doc: Doc, start: int, end: int, entries: tuple[ActorEntry, ...]) -> bool:
        """"the South China Sea", "Northern Ireland", "Puerto Jordan": a country's name inside a longer place
        name that lies elsewhere, or spans several countries, names that place, not the country. Directions and
        words like "Greater" or "Mainland" only qualify the country."""
        if entries[0].kind not in _COUNTRY_KINDS:
            return False
        ent = entity_at(doc).get(start)
        if ent is None or ent.label_ not in ("GPE", "LOC", "FAC") or (ent.start, ent.end) == (start, end) or \
                ent.end < end:
            return False
        place = self.gazetteer.lookup(ent.text)
        if place is not None:
            return place.country != entries[0].country
        before = doc[start - 1]  # a town the gazetteer lacks: "Puerto Jordan" lies in Colombia
        return start > ent.start and before.pos_ == "PROPN" and before.is_title and \
            before.lower_ not in _COUNTRY_QUALIFIERS and before.lower_ not in _CALENDAR_WORDS  # ("Monday Germany")

    @staticmethod
    def _plausible(span: Span, entries: tuple[ActorEntry, ...]) -> bool:
        """Names must look like names: a lowercase 'turkey' or 'china' in running text is not a country."""
        if entries[0].kind in ("role_word", "government"):  # "the pope": metonyms of a government are safe
            return True
        first = next((t for t in span if t.lower_ not in _NAME_PARTICLES), span[0])  # ("al-Shabaab")
        return first.is_title or first.is_upper or not first.is_alpha


class DocActors:
    """The actors of one article: dictionary hits plus an article memory of the people named in full."""

    def __init__(self, doc: Doc, hits: dict[int, Hit], recognizer: ActorRecognizer, default_date: str | None):
        self.doc = doc
        self.hits = hits
        self.recognizer = recognizer
        self.default_date = default_date
        self.surnames: dict[str, Actor] = {}
        self.given_names: dict[str, Actor] = {}  # "Eritrean President Isaias Afwerki ... Isaias": given name only
        self.titles: dict[str, Actor] = {}  # "crown prince" -> the last crown prince named, for "the crown prince"
        self._roles_named: dict[str, dict[int, Actor]] = {}  # role -> token -> the party named there with a country
        self.last_place_country: str | None = None
        self._located: dict[int, list[Token]] = {}  # sentence start -> its place phrases
        self._phrases: dict[tuple[int, bool], tuple[Token, ...]] = {}  # (head, with_preps) -> phrase_tokens
        self._countries: dict[int, str | None] = {}  # token -> the country it signals (_token_country)
        # resolve() results by (head, date, sentence): the coder asks for the same phrase many times while it codes
        # a sentence, and a phrase stands for one actor throughout it, whatever the sentence teaches the memory
        # (names, titles, roles, the last place) meanwhile; the next sentence asks afresh
        self._sentence = 0
        self._resolved: dict[tuple[int, str | None, int], tuple[Actor, str] | None] = {}
        self._subject_countries: dict[int, str] = {}  # sentence start -> country of its main subject
        self._resolving: set[int] = set()  # heads being resolved now, to break cycles
        self._koreas: bool | None = None  # whether the article names either Korea

    # -- public -----------------------------------------------------------------------------------------
    def begin_sentence(self) -> None:
        """Start a sentence: phrases are resolved afresh, with all that the sentences before taught."""
        self._sentence += 1

    def resolve(self, head: Token, date: str | None = None) -> tuple[Actor, str] | None:
        """The actor a noun phrase headed by ``head`` names, and the rule that resolved it."""
        date = date or self.default_date
        key = (head.i, date, self._sentence)
        if head.i in self._resolving:
            return None  # a phrase whose resolution asks for itself ("protesters angry at the country's collapse
            # stormed ...": "the country" is the protesters' own, whom it would resolve through)
        if key not in self._resolved:
            self._resolving.add(head.i)
            try:
                found = self._resolve(head, date)
            finally:
                self._resolving.discard(head.i)
            self._resolved[key] = found
            if found is not None and found[0].country and head.dep_ == "nsubj":
                # (read only for later sentences, which are resolved after this one: no need to drop cached results)
                # the main clause's subject first: "Italy summoned France's ambassador after Macron accused Rome" is
                # about Italy
                if head.head.dep_ == "ROOT":
                    self._subject_countries[sentence_of(head).start] = found[0].country
                else:
                    self._subject_countries.setdefault(sentence_of(head).start, found[0].country)
        return self._resolved[key]

    def _resolve(self, head: Token, date: str | None) -> tuple[Actor, str] | None:
        tokens = self.phrase_tokens(head)
        for by_relation in (self._leader, self._followers, self._camp, self._loyal_forces):
            found = by_relation(head, date)  # (phrases that name someone through another: "supporters of X")
            if found is not None:
                return found
        core = self.phrase_tokens(head, with_preps=False)
        found = self._from_people(tokens, date)
        if found is not None:
            return found
        found = self._from_organization(core, date)
        if found is None and (head.lemma_.lower() in _QUANTITY_HEADS | _MEMBER_NOUNS or
                              self._role(self._role_tokens(head, core))) \
                and not self.countries_in(core):
            found = self._from_organization(tokens, date)  # "the prosecutor of the ICC", "the head of the IAEA"
        if found is not None and found[0].kind == "group" and head.lemma_.lower() in _BRANCH_NOUNS:
            # "the Islamic State's Afghan affiliate": a group's national branch belongs to its country
            country = next(iter(self.countries_in([c for c in head.children if c.dep_ in ("amod", "compound")])),
                           None)
            if country is not None and country != found[0].country:
                found = Actor.of(country, found[0].role, name=_span_text(core), kind="group"), "actor:group-branch"
        if found is not None and found[0].kind == "igo" and head.lemma_.lower() in _ENVOY_NOUNS and \
                self.countries_in(core):
            found = self._compose(head, tokens, date)  # "Iran's U.N. mission", "Russia's UN ambassador": the state's
            if found is not None:
                return found
        if found is not None and found[0].country == TRANSNATIONAL:
            # "Islamic State targets in the Libyan city of Derna": a transnational group where it fights is of
            # that country (as its national branches are), like any other armed group there
            where = [c for c in self.countries_in(t for t in tokens if t.i not in self.hits) if c != TRANSNATIONAL] \
                or self._context_countries(head)
            if where:
                found = Actor.of(where[0], found[0].role, name=found[0].name, kind="group"), "actor:group-where"
        if found is not None:
            self._note_role(head, found[0])  # "the ELN ... The guerrillas"
            return found
        return self._compose(head, tokens, date)

    def countries_in(self, tokens: Iterable[Token]) -> list[str]:
        """Country codes signalled by the given tokens (names, demonyms, capitals, places), in text order."""
        found: list[str] = []
        for tok in tokens:
            code = self._token_country(tok)
            if code and code not in found:
                found.append(code)
        return found

    def phrase_tokens(self, head: Token, with_preps: bool = True) -> tuple[Token, ...]:
        """The tokens of the noun phrase headed by ``head``: modifiers, appositions and, unless
        ``with_preps`` is false, its of/in/from/at phrases ("officials in Ankara"). Kept per article: the
        coder asks for the same phrases many times."""
        key = (head.i, with_preps)
        if key not in self._phrases:
            self._phrases[key] = self._phrase_tokens(head, with_preps)
        return self._phrases[key]

    @staticmethod
    def _phrase_tokens(head: Token, with_preps: bool) -> tuple[Token, ...]:
        out, stack = [], [head]
        while stack:
            tok = stack.pop()
            out.append(tok)
            for child in tok.children:
                if child.dep_ not in _PHRASE_DEPS:
                    continue
                if _agent_glued(child) and tok is head:
                    continue  # "UN-backed government forces": the backer is another party (but "a US-led
                    # coalition" is the leader's side)
                if is_glued_name(child):  # "Donald Trump and Vladimir Putin" parsed as one name: Trump is another
                    # actor; but in "U.S. and British warplanes" the second modifier describes the head
                    stack.extend(c for c in child.children if c.dep_ == "conj" and c.pos_ == "ADJ")
                    continue
                if child.dep_ == "prep" and (not with_preps or child.lower_ not in _PHRASE_PREPS and not (
                        child.lower_ == "for" and tok.lemma_.lower() in _MEMBER_NOUNS) and not (  # "a spokesman for X"
                        child.lower_ == "to" and tok.lemma_.lower() in _AIDE_NOUNS)):  # "an adviser to the leader"
                    continue
                if child.dep_ == "appos" and child.lemma_.lower() in _RELATION_NOUNS and any(
                        c.dep_ == "poss" for c in child.children):
                    continue  # "Russia, President Assad's main ally": Russia, not Assad
                if child.dep_ == "appos" and any(p.dep_ == "prep" and p.lower_ not in _PHRASE_PREPS and
                                                 tok.i < p.i < child.i for p in tok.children):
                    continue  # "the Saudi adviser, alongside China's top diplomat, Wang Yi": the diplomat's name
                stack.append(child)
        return tuple(sorted(out, key=lambda t: t.i))

    def phrase_text(self, head: Token) -> str:
        return _span_text([t for t in self.phrase_tokens(head, with_preps=False) if t.dep_ != "det"])

    def is_actor_token(self, tok: Token) -> bool:
        hit = self.hits.get(tok.i)
        return hit is not None or tok.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")

    def role_of(self, head: Token) -> str | None:
        """The role code a phrase's own words name ("the junta" -> MIL), whatever its country."""
        return self._role(self._role_tokens(head, self.phrase_tokens(head, with_preps=False)))

    def unknown_organization(self, tok: Token) -> bool:
        """A word of an organisation's name that no dictionary knows (the parser's ORG, no match of ours)."""
        return tok.ent_type_ == "ORG" and tok.i not in self.hits

    def names_party(self, tok: Token) -> bool:
        """Whether a word names a party itself (a country, body or person), not only a role ("military") or the
        place a deal was named after ("the Minsk agreements")."""
        if tok.dep_ in ("compound", "nmod") and tok.head.lemma_.lower() in _NAMED_AFTER_PLACES and \
                self._is_place_word(tok):
            return False
        return self.is_actor_token(tok) and not (tok.i in self.hits and self.hits[tok.i].kind == "role_word")

    # -- the resolution steps, most specific first --------------------------------------------------------
    def _leader(self, head: Token, date: str | None) -> tuple[Actor, str] | None:
        """'a Syrian delegation led by X' stands for X's side, and "the statement, read by government spokesman X"
        for its author's; a body led by a former official ("a UN mission led by former Indonesian attorney-general
        Darusman") does not stand for his country."""
        lemma = head.lemma_.lower()
        if lemma not in _GROUP_NOUNS and lemma not in _AUTHORED:
            return None
        verbs, how = (_LEADING, "led-by") if lemma in _GROUP_NOUNS else (_AUTHORING, "written-by")
        for child in head.children:
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in verbs:
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj" and not any(t.lower_ in ("former", "ex") for t in pobj.subtree):
                                found = self.resolve(pobj, date)
                                if found:
                                    return found[0], f"actor:{how}+{found[1]}"
        return None

    def _loyal_forces(self, head: Token, date: str | None) -> tuple[Actor, str] | None:
        """"troops loyal to First Vice-President Riek Machar": a faction of its country, armed against whoever it
        fights there (REB), unless the one it is loyal to holds the state's office ("forces loyal to the president"
        are its military)."""
        if "loyal" not in sentence_words(sentence_of(head)):
            return None  # (a word test first: actors are resolved on the hot path, and few sentences say it)
        loyal = next((c for c in head.children if c.dep_ in ("amod", "acl") and c.lower_ == "loyal"), None)
        if loyal is None or self._role(self.phrase_tokens(head, with_preps=False)) != "MIL":
            return None
        chief = next((p for c in loyal.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                      if p.dep_ == "pobj"), None)
        if chief is None:
            return None
        found = self.resolve(chief, date)
        country = found[0].country if found is not None else next(iter(self._context_countries(head)), None)
        if country is None:
            return None
        role = "MIL" if found is not None and found[0].role in ("GOV", "MIL") else "REB"
        return Actor.of(country, role, name=_span_text(self.phrase_tokens(head)), kind="sector"), "actor:loyal-to"

    def _followers(self, head: Token, date: str | None) -> tuple[Actor, str] | None:
        """"supporters of former President Bolsonaro", "thousands of Bolsonaro's supporters": his followers,
        people of his country, not he."""
        if head.lemma_.lower() not in _FOLLOWER_NOUNS:
            if head.lemma_.lower() not in _QUANTITY_HEADS:  # (asked of every phrase resolved: the cheap test first)
                return None
            inner = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" and p.lemma_.lower() in _FOLLOWER_NOUNS]
            return self._followers(inner[0], date) if inner else None
        for prep in [head, *(c for c in head.children if c.dep_ == "prep" and c.lower_ == "of")]:
            for pobj in prep.children:
                found = self.resolve(pobj, date) if pobj.dep_ in ("pobj", "poss") else None
                if found is None and pobj.dep_ == "poss" and pobj.lower_ in POSSESSIVES:  # "his supporters"
                    owner = self.possessor(pobj, date)
                    found = (owner, "actor:possessor") if owner is not None else None
                if found is not None and found[0].country:
                    role = "OPP" if found[0].role == "OPP" else "CVL"
                    return Actor.of(found[0].country, role, name=_span_text(self.phrase_tokens(head)),
                                    kind="sector"), "actor:followers-of+" + found[1]
        return None

    def _camp(self, head: Token, date: str | None) -> tuple[Actor, str] | None:
        """"Bazoum's camp accused the junta", "the president's office said": the people around someone speak and act
        for them; a person of their own named beside them ("Putin's aide Yuri Ushakov") is not the one they serve."""
        if head.lemma_.lower() not in _CAMP_NOUNS:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None or any(t.ent_type_ == "PERSON" and t.i not in {o.i for o in owner.subtree}
                                for t in self.phrase_tokens(head, with_preps=False)):
            return None  # ("Putin's aide Yuri Ushakov": a person of his own, named)
        if owner.lower_ in POSSESSIVES:
            found = self.possessor(owner, date)
            return (found, "actor:camp-of+possessor") if found is not None else None
        found = self.resolve(owner, date)
        return (found[0], "actor:camp-of+" + found[1]) if found is not None else None

    def _leader_in_sentence(self, head: Token, date: str | None) -> str | None:
        """The country of a state's person who is a subject in the same sentence, before the phrase."""
        for tok in sentence_tokens(sentence_of(head)):
            if tok.i >= head.left_edge.i:
                break
            if tok.ent_type_ == "PERSON" and tok.dep_ == "nsubj":
                found = self.resolve(tok, date)
                if found is not None and found[0].kind == "person" and found[0].country and found[0].role == "GOV":
                    return found[0].country
        return None

    def _from_people(self, tokens: list[Token], date: str | None) -> tuple[Actor, str] | None:
        for hit in self._hits_in(tokens):
            if hit.kind != "person":
                continue
            entry = self._holder(self._titled(hit, tokens), date)
            actor = Actor(code=entry.code or _join(entry.country, entry.role), name=entry.name,
                          country=entry.country, role=entry.role, kind="person")
            self._remember(entry.name, actor, tokens)
            written = self.doc[hit.start:hit.end].text
            if entry.name in written and written != entry.name:  # the dictionary matched "Crown Prince X"
                self.titles[written.replace(entry.name, "").strip().lower()] = actor
            return actor, f"actor:{entry.id}"
        person = [t for t in tokens if t.ent_type_ == "PERSON" and t.i not in self.hits]
        bare = [t for t in tokens if t.pos_ == "PROPN" and t.i not in self.hits]
        words = [t for t in tokens if t.dep_ != "case" and not t.is_punct]  # ("Traoré's camp": the possessor alone)
        if not person and len(bare) == 1 and len(words) == 1 and self._was_a_person(bare[0]):
            person = bare  # "Rajapaksa had agreed to resign", tagged an organisation: the man named in full before
        if person:
            remembered = self.surnames.get(person[-1].lower_)
            if remembered is None and len(person) == 1:  # "Abiy", "Isaias": some are called by their given name
                remembered = self.given_names.get(person[0].lower_)
            if remembered is None:
                remembered = self._named_before(person[-1], date)
            if remembered is None:
                remembered = self._introduced_before(person[-1], date)
            if remembered is not None:
                return remembered, "actor:same-person-earlier"
        return None

    def _was_a_person(self, word: Token) -> bool:
        """Whether a name stands for a person named earlier in the text (remembered, or tagged a person there)."""
        return word.lower_ in self.surnames or self._spelled_before(word) is not None

    def _spelled_before(self, word: Token, *, inside_name: bool = False) -> Token | None:
        """The last word of an earlier sentence spelled like ``word`` and tagged a person (with ``inside_name``,
        not the first word of its name: a surname)."""
        return next((t for t in reversed(self.doc[:sentence_of(word).start]) if t.lower_ == word.lower_ and
                     t.ent_type_ == "PERSON" and not (inside_name and t.ent_iob_ == "B")), None)

    def _introduced_before(self, surname: Token, date: str | None) -> Actor | None:
        """"the dismissed army chief, General Juan Jose Zuniga, ... Zuniga was arrested": a person the text
        introduced in full in an earlier sentence, though nothing resolved that phrase then, is who that
        phrase makes him."""
        earlier = self._spelled_before(surname, inside_name=True)
        found = self.resolve(earlier, date) if earlier is not None else None
        return found[0] if found is not None and found[0].country else None

    def _named_before(self, surname: Token, date: str | None) -> Actor | None:
        """"President Omar al-Bashir attended ... Bashir urged ...": a person the dictionary found earlier in the
        text, though nothing resolved that phrase then."""
        word = surname.lower_
        for hit in sorted(self.hits.values(), key=lambda h: -h.start):
            if hit.kind != "person" or hit.end > surname.i:
                continue
            entry = self._holder(hit.entries, date)
            last = entry.name.lower().split()[-1]
            if last == word or last.endswith("-" + word):
                return Actor(code=entry.code or _join(entry.country, entry.role), name=entry.name,
                             country=entry.country, role=entry.role, kind="person")
        return None

    def _titled(self, hit: Hit, tokens: list[Token]) -> tuple[ActorEntry, ...]:
        """The offices of a person that the phrase's own title points to: "NATO Secretary-General Mark Rutte"
        is NATO's, whatever office the date alone would pick."""
        rest = [t for t in tokens if not hit.start <= t.i < hit.end]
        named = set(self.countries_in(rest)) | {h.entries[0].code for h in self._hits_in(rest)
                                                 if h.kind in ("organization", "group")}
        titled = tuple(e for e in hit.entries if e.country in named or (e.code or "")[:3] in named)
        return titled or hit.entries

    def _from_organization(self, tokens: list[Token], date: str | None = None) -> tuple[Actor, str] | None:
        for hit in self._hits_in(tokens):
            if hit.kind in ("organization", "group"):
                # the entry that holds on the event's date: the Taliban are Afghanistan's rulers from 2021-08-15
                entry = next((e for e in hit.entries if holds_on(e, date or self.default_date)), hit.entries[0])
                role = self._role(tokens) if entry.kind == "organization" else None
                code = entry.code + role if role and len(entry.code) == 3 and entry.country is None else entry.code
                # a state's own agency or company (the Pentagon, Gazprom) is an organ of that state, not a body above
                kind = "group" if entry.kind == "group" else "igo" if entry.country is None else "sector"
                return Actor(code=code, name=entry.name, country=entry.country or entry.code[:3], role=entry.role,
                             kind=kind), f"actor:{entry.id}"
        return None

    def _compose(self, head: Token, tokens: list[Token], date: str | None) -> tuple[Actor, str] | None:
        # "Iranian-backed militias in Syria", "Turkish-backed Syrian fighters": a sponsor is not the party's state
        # (the word's own relation is tested first: reading its head builds a token)
        sponsors = {t.i for t in tokens if t.dep_ in ("npadvmod", "compound", "nmod", "amod") and
                    t.head.tag_ == "VBN" and t.head.lemma_.lower() in _SPONSORING and head.i not in (t.i, t.head.i)}
        # (but the sponsor named on its own is itself: "US-sponsored talks", asked who sponsored them)
        named_after = head.lemma_.lower() in _NAMED_AFTER_PLACES  # "the Doha agreement", "the Minsk format"
        countries = self.countries_in([t for t in tokens if t.i not in sponsors and not (
            named_after and t.dep_ in ("compound", "nmod") and self._is_place_word(t))])
        if not countries:  # "a team flown in from Riyadh", "fighters sent from Syria": where they came from
            countries = self.countries_in(t for c in head.children if c.dep_ == "acl" and c.tag_ in ("VBN", "VBD")
                                          for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                                          for o in p.children if o.dep_ == "pobj" for t in self.phrase_tokens(o))
        role = self._role(self._role_tokens(head, tokens))
        if role != "IGO" and any(c.dep_ == "amod" and c.lower_ in _SUPRANATIONAL for c in head.children):
            return None  # "an international tribunal in The Hague", "a multinational force": no place's own
        if role is None and _is_crowd_count(head):  # "thousands marched", "killing dozens": people, civilians
            role = "CVL"
        government = any(h.kind == "government" for h in self._hits_in(tokens))
        if government and role is None:
            role = "GOV"
        names = [t for t in tokens if t.ent_type_ == "PERSON"]
        rule = "actor:compose"
        if not countries and not names and head.lemma_.lower() in _AIDE_NOUNS:
            served = next((self.resolve(p, date) for c in head.children if c.dep_ == "prep" and c.lower_ == "to"
                           for p in c.children if p.dep_ == "pobj"), None)
            if served is not None:  # "a military adviser to the supreme leader": on the leader's side
                return Actor.of(served[0].country, served[0].role, name=_span_text(tokens)), "actor:aide"
        if not countries and head.lemma_.lower() in _WEAPONS and any(
                c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in head.children):
            owner = self._possessor(head, tokens, date)
            if owner is not None and owner.country:  # "Israel said its jets destroyed ...": Israel's forces
                return Actor.of(owner.country, "MIL", name=_span_text(tokens), kind="sector"), "actor:weapon+possessor"
        if not countries and role is None and _the_place(head, tokens):
            # "laid a wreath in Hiroshima, the first president to visit the city": the place last named
            place = self._place_named_before(head) or self.last_place_country
            if place:
                return Actor.of(place, name=_span_text(tokens)), "actor:the-place-before"
        if not countries and role is None and head.lemma_.lower() in ("country", "nation") and \
                [t.lower_ for t in tokens] == ["the", head.lower_] and head.dep_ == "pobj" and \
                head.head.lower_ in ("on", "against", "in", "into"):
            named = self._country_named_before(head) if head.head.lower_ in ("on", "against") or \
                self.last_place_country is None else self.last_place_country  # ("crossed into the country":
            # where the story has been, not who it has been about)
            if named:  # "Trump ordered tariffs on the country": the country named last, not Trump's own (nor
                # are "Russian troops began arriving in the country" in Russia)
                return Actor.of(named, name=_span_text(tokens)), "actor:the-country-before"
        if not countries and role is None:
            owner = self._possessor(head, tokens, date) if head.lemma_.lower() in _HOMELAND_NOUNS else None
            if owner is not None:  # "his country would never recognise ...": the possessor's state
                return Actor.of(owner.country, name=_span_text(tokens)), "actor:country+possessor"
            body = self._body_before(head) if any(t.lower_ == "the" for t in tokens) else None
            return (body, "actor:same-body-earlier") if body is not None else None  # "after the group fired"
        if role is not None and any(c.dep_ == "poss" and c.lower_ in POSSESSIVES for c in head.children):
            owner = self._possessor(head, tokens, date)
            if owner is not None and owner.country:  # "its consulate in Damascus": the owner's, not the place's
                countries = [owner.country] + [c for c in countries if c != owner.country]
        if not countries and role == "MIL" and self._named_armed_group(head, tokens):
            # "the Oromo Liberation Army", "the Arakan Army": a named force that is no state's army is a rebel
            # group, of the country the sentence names, not of where its leaders happen to meet
            role, countries, rule = "REB", self._context_countries(head, skip_located=True), "actor:named-armed-group"
        if not countries and head.lemma_.lower() in _WEAPONS:
            return None  # "drones struck Moscow": a weapon is not of the place it hit; who sent it is not named
        if not countries and role is not None:
            owner = self._possessor(head, tokens, date)
            if owner is not None:  # "Iran admitted that its military had ...": Iran's military
                countries, rule = [owner.country], "actor:role+possessor"
            elif names and head.dep_ != "nsubjpass" and (named_here := self._named_beside(head)):
                # "Trade Minister Simon Birmingham called the duties unjustified and said Canberra would ...": the
                # country the sentence names beside him, before the side last named in his role
                countries, rule = named_here[:1], "actor:titled-person+sentence-country"
            elif names and (side := self._role_before(role, head)) is not None:
                # "Shoigu ordered his troops ... General Sergei Surovikin told him": a titled person the story
                # does not place is of the side last named in that role, not of the place the sentence names
                countries, rule = [side.country], "actor:titled-person+role-before"
            elif not names and any(t.lower_ == "the" for t in tokens):
                host = self._host(head, tokens, date)
                if host is not None:  # "Ban Ki-moon flew into Kabul and met the president": Afghanistan's
                    return host, "actor:host-office"
                earlier = self.titles.get(self._title(tokens)) or self._body_before(head) or \
                    self._role_before(role, head)
                if earlier is not None:  # "Saudi Crown Prince Mohammed bin Salman ... The crown prince"
                    return earlier, "actor:same-title-earlier"  # "Tigrayan rebels ... The rebels"
        if not countries and role in ("MIL", "COP") and not names and any(t.lower_ == "the" for t in tokens):
            leader = self._leader_in_sentence(head, date)
            if leader is not None:  # "As Netanyahu declared war, the army called up reservists": his army
                countries, rule = [leader], "actor:role+leader-in-sentence"
        if not countries and any(c.dep_ == "amod" and c.lower_ in ("foreign", "international")
                                 for c in head.children) and role not in ("GOV", "MIL", "IGO"):
            return None  # "foreign aid agencies", "foreign journalists": of no country the story names
        if not countries and role == "IGO":  # "the international community", "donors": no one country's
            return Actor(code="IGO", name=_span_text(tokens), country="IGO", role="IGO", kind="igo"), "actor:igo"
        if not countries:
            home = role in _DOMESTIC_ROLES
            countries = self._context_countries(head, victims=role == "CVL", organ=not home, home=home) or \
                self.countries_in([t for t in tokens if t.i in sponsors])
            rule = "actor:role+sentence-country"
            if not countries:
                return None
        country = countries[0]
        code = _join(country, role)
        name = _span_text(names) if names else _span_text([t for t in tokens if t.dep_ != "det"])
        if names:
            if rule != "actor:compose" and self._holder_is_another(country, tokens, names, date):
                return None  # "urged Prime Minister Manasseh Sogavare", said by Australia: not Australia's
            actor = Actor(code=code, name=name, country=country, role=role, kind="person")
            self._remember(name, actor, tokens)
            if rule == "actor:compose":  # "North Korea's ambassador Kang Chol ... the envoy"
                self._note_role(head, actor)
            return actor, rule
        holder = self._office_holder(country, tokens, date) if role else None
        if holder is not None:
            return holder, "actor:office-holder"
        kind = "country" if role is None else "sector"
        actor = Actor(code=code, name=name, country=country, role=role, kind=kind)
        if rule in ("actor:compose", "actor:named-armed-group"):
            self._note_role(head, actor)
        return actor, rule

    # -- helpers --------------------------------------------------------------------------------------------
    def _hits_in(self, tokens: list[Token]) -> list[Hit]:
        seen, out = set(), []
        for tok in tokens:
            hit = self.hits.get(tok.i)
            if hit is not None and (hit.start, hit.end) not in seen:
                seen.add((hit.start, hit.end))
                out.append(hit)
        return out

    def _is_place_word(self, tok: Token) -> bool:
        """A capital or other place name, not a country's own name or demonym."""
        hit = self.hits.get(tok.i)
        return hit.kind == "capital" if hit is not None else tok.ent_type_ in ("GPE", "LOC", "FAC")

    def _role(self, tokens: list[Token]) -> str | None:
        roles = [h for h in self._hits_in(tokens) if h.kind == "role_word"]
        if not roles:
            return None
        longest = max(roles, key=lambda h: (h.end - h.start, h.start))
        return longest.entries[0].role

    def _token_country(self, tok: Token) -> str | None:
        """The country one word signals, kept per word: it depends on the parse and the dictionary hits alone,
        and phrases that share words ask for it again and again."""
        if tok.i not in self._countries:
            self._countries[tok.i] = self._read_token_country(tok)
        return self._countries[tok.i]

    def _read_token_country(self, tok: Token) -> str | None:
        if tok.text in _HALVES and tok.i and tok.doc[tok.i - 1].lower_ == "the" and self._korean_story():
            return _HALVES[tok.text]  # "the North fired ...", "Seoul urged the North": in a story of the Koreas
        hit = self.hits.get(tok.i)
        if hit is not None:
            if hit.kind in _COUNTRY_KINDS:
                return hit.entries[0].country
            if hit.kind in ("group", "person") and hit.entries[0].country:
                return hit.entries[0].country
            return None
        if tok.ent_type_ in ("GPE", "LOC", "FAC") or (tok.ent_type_ == "ORG" and _in_place_slot(tok, _MOTION_PREPS)):
            # the whole name, from any of its words ("in Gaza City"); a place the entity recogniser took for an
            # organisation where only a place can stand ("peacekeepers deployed to Nagorno-Karabakh")
            ent = entity_at(tok.doc).get(tok.i)
            if ent is not None:
                longer = _with_particles(ent)
                return self._country_containing(ent) or (longer != ent.text and self._place_country(longer, tok)) \
                    or self._place_country(ent.text, tok)
        if tok.ent_iob_ != "I" and tok.ent_type_ not in ("DATE", "TIME") and (
                tok.pos_ == "PROPN" and _in_place_slot(tok) or tok.dep_ == "compound" and tok.text[:1].isupper()
                and tok.head.lemma_.lower() in _LOCAL_ORGANS):
            # a place the entity recogniser missed or took for a person, where only a place can stand: "the city
            # of Goma", "in Rafah", "Rotterdam police" (but "in March" is a month, not the English town)
            words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
            return self._place_country(" ".join(t.text for t in words), tok)
        return None

    def _place_country(self, name: str, tok: Token) -> str | None:
        """The country of a place name; where places of that name lie in several, one of a country its sentence
        names wins: "Spain offered to take in the ship at Valencia" (not Venezuela's Valencia)."""
        sent = sentence_of(tok)
        named = [h.entries[0].country for i, h in self.hits.items() if sent.start <= i < sent.end and
                 i != tok.i and h.kind in _COUNTRY_KINDS and h.entries[0].country]
        return self.recognizer.gazetteer.country_among(name, named)

    def _country_containing(self, place: Span) -> str | None:
        """The country a place is said to be in ("Solhan in Burkina Faso's Yagha province"): it wins over a
        namesake elsewhere that the gazetteer knows (a Solhan in Turkey). Only the "in" phrase's own name counts,
        not what hangs on it ("Odesa in talks with Moscow")."""
        for prep in in_phrases_of_place(place.root):
            heads = [p for p in prep.children if p.dep_ == "pobj"]
            names = heads + [c for h in heads for c in h.children if c.dep_ in ("poss", "compound", "amod")]
            for tok in names + [c for n in names for c in n.children if c.dep_ == "compound"]:
                hit = self.hits.get(tok.i)
                if hit is not None and hit.kind in _COUNTRY_KINDS:
                    return hit.entries[0].country
        return None

    def _korean_story(self) -> bool:
        if self._koreas is None:
            self._koreas = any(h.entries[0].country in ("PRK", "KOR") for h in self.hits.values())
        return self._koreas

    def _role_tokens(self, head: Token, tokens: list[Token]) -> list[Token]:
        """Where a role word may stand to describe this phrase: on its head ("the army", "defence ministry"),
        anywhere for a named person ("Defense Minister Yevkurov", "X, head of the ministry"), or in the
        of-phrase of a quantity ("hundreds of demonstrators"); not as a modifier of a thing ("military aid")."""
        if head.ent_type_ == "PERSON" or head.i in self.hits and self.hits[head.i].kind == "role_word":
            return tokens
        if head.lemma_.lower() in _QUANTITY_HEADS:
            return tokens
        hit = self.hits.get(head.i)
        return tokens if hit is not None else [head]

    def _possessor(self, head: Token, tokens: list[Token], date: str | None) -> Actor | None:
        pron = next((t for t in tokens if t.dep_ == "poss" and (t.lower_ in POSSESSIVES or _the_country(t))), None)
        return self.possessor(pron, date) if pron is not None else None

    def possessor(self, pron: Token, date: str | None = None, object_first: bool = False) -> Actor | None:
        """Whom a possessive pronoun stands for: the subject of the nearest clause above its phrase ("Qatar
        said its air defences ...", "Israel will expand its offensive"); with ``object_first``, the party
        that clause's verb names as its object before the pronoun ("criticised Israel for its offensive")."""
        owners = self.possessors(pron, date, object_first)
        return owners[0] if owners else None

    def possessors(self, pron: Token, date: str | None = None, object_first: bool = False) -> list[Actor]:
        """Like ``possessor``, with every conjoined party: "Ethiopia and Eritrea ... when their leaders signed"."""
        date = date or self.default_date
        inside = {t.i for t in pron.head.subtree}
        personal = pron.lower_ in ("his", "her")
        node = pron.head
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ in ("advcl", "ccomp") and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                object_first = False  # "asked Russia for help after 49 of its soldiers were killed": not Russia's
            node = node.head
            if node.pos_ not in ("VERB", "AUX"):
                continue
            named = [c for c in node.children if c.i not in inside and c.lower_ not in PRONOUNS]
            if personal:  # "protesters stormed the building, demanding his resignation"
                named = [c for c in named if c.tag_ not in ("NNS", "NNPS")]
            objects = [c for c in named if c.dep_ == "dobj" and c.i < pron.i and self._names_party(c)]
            subjects = [node.head if node.dep_ == "relcl" and _same_kind(c, pron) else c
                        for c in named if c.dep_ in ("nsubj", "nsubjpass")]  # ("New Delhi, which says its jets")
            if not subjects and pron.head.dep_ == "nsubj" and pron.head.head.i == node.i:
                # "Sudan's army agreed to ..., its commander said": the owner is the reported clause's subject
                subjects = [s for c in node.children if c.dep_ == "ccomp" and c.i < node.i
                            for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and s.lower_ not in PRONOUNS]
            if personal and pron.head.lemma_.lower() in _ASKED_OF_ANOTHER:
                # "Israel's UN ambassador demanded his resignation": not his own, another man's
                return self._person_before(pron, date, besides={c.i for s in subjects for c in s.subtree})
            for heads in ((objects, subjects) if object_first else (subjects,)):
                found = self.resolve(heads[0], date) if heads else None
                if found and found[0].country and not (personal and found[0].kind == "country"):
                    # with those conjoined to it, as names ("U.S. and China ... their talks", also when parsed
                    # as one name) or as demonyms ("Indian and Chinese officials ... their talks")
                    glued = [c for c in heads[0].children if is_glued_name(c)]
                    # ("the military governments of Mali, Burkina Faso and Niger ... their countries": each)
                    members = [m for p in heads[0].children if p.dep_ == "prep" and p.lower_ == "of" and
                               heads[0].tag_ == "NNS" for o in p.children if o.dep_ == "pobj"
                               for m in o.conjuncts] if pron.lower_ == "their" else []
                    others = [self.resolve(c, date) for c in (*glued, *heads[0].conjuncts, *members)
                              if c.i not in inside]  # ("Assad and his family": not the pronoun's own phrase)
                    shared = [Actor.of(c, found[0].role, kind="sector") for c in self.countries_in(
                        [j for m in heads[0].children if m.dep_ == "amod" for j in m.conjuncts])]
                    return unique_actors([found[0]] + [o[0] for o in others if o and o[0].country] + shared)
            if subjects and not personal:
                return []
            if subjects:
                break
        return self._person_before(pron, date) if personal else []

    def _person_before(self, pron: Token, date: str | None, besides: frozenset[int] | set[int] = frozenset()
                       ) -> list[Actor]:
        """"China imposed sanctions on Nancy Pelosi over her visit": "his" or "her" is a person, not a state; the
        nearest person named before it in the sentence (other than the words ``besides``), else in the sentence
        before."""
        start = sentence_of(pron).start
        if not any(t.ent_type_ == "PERSON" and t.i not in besides for t in pron.doc[start:pron.i]) and start > 0:
            start = sentence_of(pron.doc[start - 1]).start  # "Imran Khan was arrested ... His supporters stormed ...":
            # the person of the sentence before, when this one has none before the pronoun
        for tok in reversed(pron.doc[start:pron.i]):
            if tok.ent_type_ == "PERSON" and tok.i not in besides:
                found = self.resolve(tok.head if tok.dep_ == "compound" else tok, date)
                if found and found[0].kind == "person":
                    return [found[0]]
        return []

    def _names_party(self, head: Token) -> bool:
        """Whether a phrase names a party itself (a country, body or person), not only a role ("drones")."""
        return any(self.names_party(t) for t in self.phrase_tokens(head, with_preps=False))

    def _names_country(self, tok: Token) -> bool:
        hit = self.hits.get(tok.i)
        return hit is not None and hit.kind == "country_name"

    def _named_armed_group(self, head: Token, tokens: list[Token]) -> bool:
        """A proper name of several words whose head is the force word: "Oromo Liberation Army"."""
        return head.pos_ == "PROPN" and head.ent_type_ != "PERSON" and any(  # ("General Sergei Surovikin")
            t.pos_ == "PROPN" and t.i != head.i for t in tokens)

    def _named_beside(self, head: Token, located: list[Token] | None = None,
                      acted_on: set[int] | None = None) -> list[str]:
        """Countries its sentence names outside the phrase, its places and what its verb acts on."""
        located = self.sentence_places(sentence_of(head)) if located is None else located
        acted_on = _acted_on_tokens(head) if acted_on is None else acted_on
        skip = {t.i for t in located} | acted_on | _other_subjects_clauses(head)
        left = head.left_edge.i
        named = [t for t in sentence_tokens(sentence_of(head)) if t.i not in skip and not left <= t.i <= head.i and (
            t.i in self.hits or t.ent_type_ in ("GPE", "LOC", "FAC", "ORG"))]  # (only these can name a country)
        return self.countries_in(sorted(named, key=lambda t: abs(t.i - head.i)))

    def _context_countries(self, head: Token, skip_located: bool = False, victims: bool = False,
                           organ: bool = False, home: bool = False) -> list[str]:
        """A role with no country ("soldiers", "police") takes the country where its sentence happens: a
        place after in/at first ("protesters stormed the Saudi embassy in Tehran" -> Iran), then any country
        the sentence names nearest to the phrase, then the last place named earlier in the article. With
        ``skip_located`` (and for a person) a country named outside the sentence's places comes first."""
        sent = sentence_of(head)
        located = self.sentence_places(sent)
        # not from what the subject acts on: "the ministry accused Washington" is not American
        acted_on = _acted_on_tokens(head, organ)
        if home:  # "Yoon accused the opposition of sympathising with North Korea": his country's opposition
            found = self.countries_in(head.doc[i] for i in sorted(_acting_on_tokens(head))) or \
                self._acting_person_countries(head)
            if found:
                return found[:1]
        # "Foreign Minister X handed ... in Brussels": not the host's minister; but one who "was arrested in
        # Minsk" was there, whatever other country the sentence names
        if (head.ent_type_ == "PERSON" and head.dep_ != "nsubjpass") or skip_located:
            found = self._named_beside(head, located, acted_on)
            if found:
                return found[:1]
            people = [c for t in sentence_tokens(sent) if t.i in acted_on and t.ent_type_ == "PERSON" for c in (
                self.hits[t.i].entries[0].country if t.i in self.hits and self.hits[t.i].kind == "person" else
                getattr(self.surnames.get(t.lower_), "country", None),) if c]
            if people:  # "Army commander Williams Kaliman urged Morales to step down": a compatriot's
                return people[:1]
            earlier = [c for start, c in self._subject_countries.items() if start < sent.start]
            if earlier and head.ent_type_ == "PERSON" and not self.countries_in(located):
                # "Poland closed a crossing ... Interior Minister Jan Kowalczyk accused Minsk": of the side the
                # story is about
                return earlier[-1:]
        overthrown = self._leader_overthrown(head)
        if overthrown:  # "the soldiers who overthrew Niger's president", whatever town the summit met in
            return overthrown[:1]
        found = self.countries_in(t for p in sorted(located, key=lambda t: abs(t.i - head.i))
                                  for t in self.place_words(p))
        if not found and head.dep_ == "nsubj" and head.head.dep_ == "conj":
            # "China's vice foreign minister summoned the U.S. ambassador, and the military announced drills":
            # the side of the clause it is joined to
            found = self.countries_in(t for c in head.head.head.children if c.dep_ == "nsubj"
                                      for t in self.phrase_tokens(c, with_preps=False))
        phrase = self.phrase_tokens(head, with_preps=False)
        if not found and self.last_place_country and self._role(phrase) == "COP":
            return [self.last_place_country]  # "Police have arrested 15 Colombians": the police where the story is
        if not found:
            if victims:
                # "civilians were killed in Russian strikes on Kharkiv": not the attackers' people; nor those of
                # whoever acts or speaks in the sentence ("Netanyahu acknowledged that Israeli forces had struck
                # innocent people")
                acted_on |= {t.i for t in sentence_tokens(sent) if t.dep_ in ("amod", "compound", "poss") and
                             t.head.lemma_.lower() in _FORCE_WORDS}
                acted_on |= {t.i for s in sentence_tokens(sent) if s.dep_ in ("nsubj", "nsubjpass", "agent") and
                             s.i != head.i and head.i not in {x.i for x in s.subtree} for t in s.subtree}
                # (nor of whom they act on: "the French president was urged by crowds")
            acted_on |= _charge_content(sent, head)
            found = self.countries_in(sorted((t for t in sentence_tokens(sent) if t.i not in acted_on),
                                             key=lambda t: abs(t.i - head.i)))
        if not found and any(t.lemma_.lower() in _NATIONAL_ORGANS for t in phrase) and not (
                self.last_place_country and any(t.lower_ in _HOME_OFFICES for t in phrase)):
            # "EU ministers agreed in Brussels to ban Iranian oil ... Iran responded ... A foreign ministry
            # spokesman called the sanctions unfair": a state's organ speaks for the side the story is about, not
            # for the place last named (but "regional officials" are the place's)
            # (an interior or health ministry is of where the story happens: "Russian paratroopers began
            # arriving in Kazakhstan ... The interior ministry said 26 had been killed")
            found = [c for start, c in self._subject_countries.items() if start < sent.start][-1:]
        if not found and self.last_place_country:
            found = [self.last_place_country]
        if not found:  # "Malian soldiers killed 300 civilians", "Khamenei backed a rise in petrol prices ... Protesters
            # torched banks": a story that has named one country so far happens there (but "the ministry accused
            # Washington" names only what the ministry acts on)
            told = self.countries_in(t for t in head.doc[:sent.end] if victims or t.i not in acted_on)
            found = told if len(told) == 1 else []
        if not found and head.dep_ == "nsubj" and self._role(phrase) in ("MIL", "COP"):  # "mutinous soldiers detained Mali's president", with no other country in view:
            found = self.countries_in(t for o in head.head.children if o.dep_ == "dobj" and any(  # a coup at home
                t.ent_type_ == "PERSON" for t in o.subtree) for t in o.subtree)
        return found[:1]

    def _leader_overthrown(self, head: Token) -> list[str]:
        """The country of the leader that soldiers or police named by ``head`` overthrew or detained: their own."""
        if self._role(self.phrase_tokens(head, with_preps=False)) not in ("MIL", "COP"):
            return []
        verbs = ([head.head] if head.dep_ == "nsubj" else []) + [c for c in head.children if c.dep_ == "relcl" and any(
            s.dep_ == "nsubj" and s.lower_ in ("who", "that") for s in c.children)]
        return self.countries_in(t for v in verbs if v.lemma_.lower() in _OVERTHROWING for o in v.children
                                 if o.dep_ == "dobj" and any(t.ent_type_ == "PERSON" for t in o.subtree)
                                 for t in o.subtree)

    def _acting_person_countries(self, head: Token) -> list[str]:
        """"she accused the opposition of ...": the country of the person "he" or "she" stands for, whose
        country's opposition it is (not a country named later in the charge)."""
        pron = next((s for s in _acting_subjects(head) if s.lower_ in ("he", "she")), None)
        return [a.country for a in self._person_before(pron, self.default_date) if a.country] if pron else []

    def _country_named_before(self, head: Token) -> str | None:
        """The last country the text names before a phrase, other than that of its clause's subject; one named
        as a subject first ("Russia invaded Ukraine. The EU imposed sanctions on the country": Russia)."""
        verb = head
        while (verb.pos_ not in ("VERB", "AUX") or (verb.dep_ in ("xcomp", "advcl", "conj") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))) and verb.head.i != verb.i:
            verb = verb.head  # ("Biden threatened to reimpose sanctions on the country": Biden's is not it)
        subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        described = {t.i for i in subject if self.doc[i].dep_ == "relcl" for t in self.doc[i].subtree}
        # (not whom its relative clause names: "Russian troops, part of a force that Tokayev requested")
        own = {self._token_country(self.doc[i]) for i in subject - described} - {None}
        before = [h for h in sorted(self.hits.values(), key=lambda h: -h.start) if h.end <= head.i and h.kind in
                  _COUNTRY_KINDS and h.entries[0].country not in own and h.start not in subject]
        topics = [h for h in before if any(t.dep_ in ("nsubj", "nsubjpass") for t in (
            self.doc[h.end - 1], self.doc[h.end - 1].head))]
        return next((h.entries[0].country for h in topics or before), None)

    def _place_named_before(self, head: Token) -> str | None:
        """The country of the place its sentence names before a phrase: where it happens first ("in Hiroshima"),
        else any place named ("the governor of the Chernihiv region said Russian forces shelled the city")."""
        before = sorted((t for t in self.sentence_places(sentence_of(head)) if t.i < head.i), key=lambda t: -t.i)
        located = self.countries_in(t for p in before for t in self.place_words(p))
        if located:
            return located[0]
        named = [t for t in reversed(head.doc[sentence_of(head).start:head.i]) if (
            t.ent_type_ in ("GPE", "LOC") or _in_place_slot(t)) and (
            t.i not in self.hits or self.hits[t.i].kind == "capital") and not self._names_country(t)]
        return next(iter(self.countries_in(named)), None)

    def sentence_places(self, sent) -> list[Token]:
        """The words of a sentence that say where it happens ("in Nara", "in the city of Nara"), computed once
        per sentence: many phrases of a sentence may ask."""
        located = self._located.get(sent.start)
        if located is None:
            located = self._located[sent.start] = [t for t in sentence_tokens(sent)
                                                   if t.dep == POBJ and self._says_where(t)]
        return located

    def place_words(self, pobj: Token) -> tuple[Token, ...]:
        """The words of a place phrase that may name its country: "in a Conakry stadium", but not "killed in a
        Russian missile attack" (who struck, not where)."""
        if pobj.lemma_.lower() in _FORCE_WORDS:
            return (pobj,)
        if pobj.lemma_.lower() in MISSIONS or any(c.dep_ == "prep" and c.lower_ == "in" for c in pobj.children):
            # "outside the U.S. embassy in Cairo", "at a US base in Syria": where its own "in" phrase says (or, for
            # a mission, in its host country), not its owner's
            return ()
        return self.phrase_tokens(pobj, with_preps=False)

    def _says_where(self, pobj: Token) -> bool:
        # (asked of every prepositional object of every sentence: the preposition is read once, the word it hangs
        # on only where a test needs it, as spaCy builds a new Token on every read)
        head = pobj.head
        prep = head.lower_
        if pobj.lemma_.lower() in BIDDING_NOUNS:
            return False  # "at Ankara's request"
        if prep == "at" and self._names_country(pobj):
            return False  # "fired rockets at Israel": aimed at, not in
        if prep == "in":
            bearer = head.head
            if bearer.dep_ == "pobj" and bearer.head.lower_ in ("into", "to") and \
                    bearer.head.head.lemma_.lower() in _SENDING:
                return False  # "flew him into exile in Costa Rica": where he went, not where the story happens
        return prep in _WHERE_PREPS or _in_place_slot(pobj) or (  # "the city of Dnipro"
            prep == "on" and head.head.lemma_.lower() in _MARCHING)  # "marched on Dhaka"

    def note_home(self, country: str) -> None:
        """Remember a country where something happened at home, for role-only actors in later sentences."""
        self.last_place_country = country

    def note_sentence(self, sent) -> None:
        """Remember the last country where something happened, for role-only actors in later sentences."""
        found = self.countries_in(t for p in self.sentence_places(sent) for t in self.place_words(p))
        if found:
            self.last_place_country = found[-1]

    def _host(self, head: Token, tokens: list[Token], date: str | None) -> Actor | None:
        """The office holder of the country a visitor is in, for "the president" whom the visitor meets."""
        verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "with" else head.head
        if head.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in _MEETING_VERBS:
            return None
        visitor = {c for s in verb.children if s.dep_ == "nsubj" for c in self.countries_in(s.subtree)}
        where = [t for p in sentence_tokens(sentence_of(head))
                 if p.dep_ == "pobj" and p.head.lower_ in ("in", "into", "to")
                 and p.head.head.pos_ == "VERB" for t in self.place_words(p)]
        host = next((c for c in self.countries_in(where) if c not in visitor), None)
        return self._office_holder(host, tokens, date) if host else None

    def _office_holder(self, country: str, tokens: list[Token], date: str | None) -> Actor | None:
        entry = self.recognizer.office_holder(country, " ".join(t.lower_ for t in tokens), date)
        if entry is None:
            return None
        return Actor(code=entry.code or _join(entry.country, entry.role), name=entry.name,
                     country=entry.country, role=entry.role, kind="person")

    def _holder_is_another(self, country: str, tokens: list[Token], names: list[Token], date: str | None) -> bool:
        """Whether a titled name placed in a country by its context cannot be of it: the country's holder of
        exactly that title on that date is known, and is someone else."""
        title = " ".join(t.lower_ for t in tokens if t.ent_type_ != "PERSON" and t.dep_ != "det")
        entry = self.recognizer.office_holder(country, title, date)
        if entry is None or title not in (t.lower() for t in entry.titles):
            return False
        return entry.name.split()[-1].lower() not in {t.lower_ for t in names}

    def _holder(self, entries: tuple[ActorEntry, ...], date: str | None) -> ActorEntry:
        """Of several offices one person held, the one held on the date; else the most recent."""
        holding = [e for e in entries if holds_on(e, date)]
        pool = holding or list(entries)
        return max(pool, key=lambda e: e.start or "")

    def _remember(self, name: str, actor: Actor, tokens: list[Token] | None = None) -> None:
        """A person named in full, for a later surname ("Yevkurov") or title ("the deputy minister")."""
        parts = name.split()
        if len(parts) >= 2:
            self.surnames[parts[-1].lower()] = actor
            if parts[0].lower() not in self.given_names:  # the first person of that name keeps it
                self.given_names[parts[0].lower()] = actor
            if name.lower() not in self.surnames:
                self.surnames[name.lower()] = actor
        title = self._title(tokens or [])
        if title:
            self.titles[title] = actor

    def _note_role(self, head: Token, actor: Actor) -> None:
        if actor.role and head.lemma_.lower() not in MISSIONS:  # (a foreign embassy is not "the government")
            self._roles_named.setdefault(actor.role, {})[head.i] = actor

    def _role_before(self, role: str, head: Token) -> Actor | None:
        """The last party named with its country in this role before ``head``, for "the rebels"."""
        named = self._roles_named.get(role, {})
        # an envoy abroad stands for "the envoy", not for "the Treasury" of the country that expelled him
        envoy = head.lemma_.lower() in _ENVOYS
        before = max((i for i in named if i < head.i and (envoy or self.doc[i].lemma_.lower() not in _ENVOYS)),
                     default=None)
        return named[before] if before is not None else None

    def _body_before(self, head: Token) -> Actor | None:
        """"the bloc", "the group", "the group's fighters": the international body or armed group named last
        before it."""
        owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if owner is not None and head.lemma_.lower() not in _BODY_NOUNS["group"] + _BODY_NOUNS["igo"]:
            head = owner
        kinds = [k for k, nouns in _BODY_NOUNS.items() if head.lemma_.lower() in nouns]
        before = [h for h in self.hits.values() if h.end <= head.i and h.kind in ("organization", "group")
                  and (("igo" if h.entries[0].kind == "organization" else "group") in kinds or (
                      h.end - h.start >= 2 and self.doc[h.end - 1].lower_ == head.lower_))]
        # ("the Revolutionary Guards ... the Guards said": the last word of a longer name stands for it)
        if not before:
            return None
        last = max(before, key=lambda h: h.start)
        found = self._from_organization(list(self.doc[last.start:last.end]))
        return found[0] if found else None

    def _title(self, tokens: list[Token]) -> str | None:
        """The longest role words of a phrase, as written ("crown prince", "foreign minister")."""
        roles = [h for h in self._hits_in(tokens) if h.kind == "role_word"]
        if not roles:
            return None
        longest = max(roles, key=lambda h: (h.end - h.start, h.start))
        return self.doc[longest.start:longest.end].text.lower()


#: Verbs of a coup against a leader: soldiers who do it to a president are of his country.
_OVERTHROWING = frozenset({"overthrow", "oust", "topple", "depose", "unseat", "detain", "remove", "arrest"})
#: Participles after a country word that make it a sponsor ("Iranian-backed"), not the party's own state.
_SPONSORING = frozenset({"back", "sponsor", "support", "fund", "finance", "arm", "train", "align", "ally"})
#: What one asks of or does to another man or woman: "demanded his resignation" is never the speaker's own.
_ASKED_OF_ANOTHER = frozenset({"resignation", "removal", "ouster", "dismissal", "impeachment", "arrest",
                               "extradition", "prosecution"})
#: Possessive pronouns that stand for an actor named elsewhere in the sentence.
POSSESSIVES = frozenset({"its", "their", "his", "her"})
#: Nouns that, with a possessive, are the possessor's own state ("his country").
#: A group's part in one country: "the Islamic State's Afghan affiliate", "al-Qaeda's Yemeni branch".
#: Who speaks for a state at a body: "Iran's U.N. mission" is Iran's, not the U.N.'s.
_ENVOY_NOUNS = frozenset({"mission", "delegation", "ambassador", "envoy", "representative", "delegate"})
_BRANCH_NOUNS = frozenset({"affiliate", "branch", "wing", "offshoot", "franchise", "chapter", "cell"})
_HOMELAND_NOUNS = frozenset({"country", "nation", "state", "homeland"})


#: Generic nouns that, with "the", stand for the last international body or armed group named.
_BODY_NOUNS = {"igo": ("bloc", "alliance", "organisation", "organization", "union", "body", "agency", "court"),
               "group": ("group", "movement", "militants", "militia", "rebels", "organisation", "organization")}


#: Counts that, standing alone, count people: "thousands marched", "tens of thousands", "killing dozens".
_CROWD_COUNTS = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions"})


def _first_of_longer_name(doc: Doc, start: int, end: int, entries: tuple[ActorEntry, ...]) -> bool:
    """A surname alias at the start of someone else's full name: "Abbas" in "Abbas Kamel" is not Mahmoud Abbas,
    whose surname would come last."""
    if entries[0].kind != "person":
        return False
    ent = entity_at(doc).get(start)
    return ent is not None and ent.label_ == "PERSON" and ent.end > end and doc[end].pos_ == "PROPN" and \
        doc[end].is_title


def _compass_of_longer_name(doc: Doc, end: int) -> bool:
    """"the West African bloc", "the East Asian summit": a name that ends on a direction the next name word
    carries on is a region's name, not the one matched ("the West")."""
    return doc[end - 1].lower_ in COMPASS_WORDS and end < len(doc) and doc[end].is_title and doc[end].is_alpha


def _birthplace(doc: Doc, end: int) -> bool:
    """"a Russian-born billionaire", "US-born": where someone was born is no side they act for."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ == "born"


def _is_crowd_count(head: Token) -> bool:
    """A plural count with nothing counted after it but another count ("tens of thousands")."""
    if head.lower_ not in _CROWD_COUNTS:
        return False
    counted = [p for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    return all(p.lower_ in _CROWD_COUNTS for p in counted)


def _join(country: str | None, role: str | None) -> str:
    return (country or "") + (role or "")


#: Roles whose unnamed members a leader acts on at home: "accused the opposition", "dissolved parliament" (but
#: civilians a state strikes are most often another's).
_DOMESTIC_ROLES = frozenset({"OPP", "PTY", "LEG", "JUD", "COP", "EDU", "MED", "BUS", "LAB", "REF", "AGR", "REL",
                             "ELI", "HRI"})
#: Entity labels of a subject that names a party of its own (not "police" or "troops", who act at home).
_NAMED_PARTIES = frozenset({"GPE", "ORG", "PERSON", "NORP"})


def _charge_content(sent: Span, head: Token) -> set[int]:
    """The words of what someone is accused of, outside ``head``'s phrase: a country named there is talked about,
    not where the sentence's other actors belong ("Yoon accused parliament of sympathising with North Korea, and
    troops tried to force their way into the National Assembly" is no North Korean assembly)."""
    out: set[int] = set()
    for verb in sentence_tokens(sent):
        if verb.lemma_.lower() not in ACCUSING_VERBS:
            continue
        for prep in verb.children:
            if prep.dep_ in ("prep", "conj") and prep.lower_ == "of":  # ("of anti-state activities and of ...")
                words = {t.i for t in prep.subtree}
                if head.i not in words:
                    out |= words
    return out


def _acted_on_tokens(head: Token, organ: bool = False) -> set[int]:
    """The words of the other party of a clause: what a subject's verb acts on (and where the verbs joined to it
    send things: "stormed the residence ... and flew him to Costa Rica"), or, for an organ of a state, the party
    that acts on it ("the United States called on the junta"; but "Yoon accused the opposition" and "Hong Kong
    police issued warrants for activists" act at home)."""
    if organ and _is_object(head):
        return _acting_on_tokens(head)
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return set()
    shared = [c for c in head.head.conjuncts if not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
    # ("the de facto government cut the power and demanded that Brazil hand him over"; a named person "urged
    # India to ... and asked Washington to ..."; but a named person's "... and said Australia could ..." names his
    # own side, and "a gunman shot and wounded Slovakia's prime minister" is the victim's compatriot)
    joined = ("prep", "dobj", "dative") if head.ent_type_ == "PERSON" else ("prep", "ccomp")
    own_clauses = [v for r in head.children if r.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") for c in r.children) for v in (r, *r.conjuncts)]
    # ("The commerce ministry, which added 11 American companies to its list, said ...": its own deeds' objects)
    return {t.i for v in (head.head, *own_clauses) for c in v.children if _acted_on(c) for t in c.subtree} | {
        t.i for v in shared for c in v.children if (c.dep_ in joined or c.dep_ == "ccomp" and v.lemma_.lower() in
                                                    _DEMANDING) and (_acted_on(c) or c.lower_ == "into")
        for t in c.subtree}  # ("... and flew him into exile in Costa Rica"; "... and demanded that Beijing return
    # the rifles": whom a demand is made of is the other side)


#: Verbs whose that-clause names whom they ask something of: "demanded that Beijing return the rifles".
_DEMANDING = frozenset({"demand", "urge", "ask", "press"})


def _other_subjects_clauses(head: Token) -> set[int]:
    """The words of the clauses coordinated with a subject's own that have subjects of their own: "Interior Minister
    Salvini demanded an apology from Paris, and Economy Minister Tria called off a meeting with his French
    counterpart" names no country of either minister."""
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else None
    if verb is None:
        return set()
    first = verb.head if verb.dep_ == "conj" else verb
    clauses = [c for c in (first, *first.conjuncts) if c.i != verb.i and c.pos_ in ("VERB", "AUX") and any(
        d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
    own = {t.i for t in verb.subtree}  # (a clause above this one holds it: its words only)
    return {t.i for c in clauses for t in c.subtree if t.i not in own or c.i in own}


def _acting_on_tokens(head: Token) -> set[int]:
    """The words of the named party whose verb acts on this object ("condemned the bloodshed and urged the
    junta": the shared subject); empty when the phrase is no object."""
    return {t.i for c in _acting_subjects(head) if c.ent_type_ in _NAMED_PARTIES for t in c.subtree}


def _acting_subjects(head: Token) -> list[Token]:
    """The subject of the verb that acts on this object; empty when the phrase is no object."""
    if not _is_object(head):
        return []
    verb = head.head if head.dep_ != "pobj" else head.head.head
    while verb.dep_ in ("conj", "advcl", "xcomp") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # ("declared martial law, accusing the opposition ...")
    return [c for c in verb.children if c.dep_ == "nsubj"]


def _same_kind(relative: Token, pron: Token) -> bool:
    """Whether a relative pronoun may be what a possessive stands for: "which" for "its" ("New Delhi, which says
    its jets ..."), "who" for "his", "her" or "their" (not "soldiers who surrendered to its fighters")."""
    if relative.lower_ in ("which", "that"):
        return pron.lower_ in ("its", "their")
    return relative.lower_ == "who" and pron.lower_ in ("his", "her", "their")


def _is_object(head: Token) -> bool:
    return head.dep_ in ("dobj", "dative") or (head.dep_ == "pobj" and _acted_on(head.head))


def _acted_on(child: Token) -> bool:
    """A verb's object or complement ("accused Washington of ..."), as opposed to where it happened."""
    return child.dep_ in ("dobj", "dative", "attr", "oprd", "ccomp", "xcomp") or (
        child.dep_ == "prep" and child.lower_ not in ("in", "at", "through", "across", "throughout", "near",
                                                        "around", "outside", "inside", "into", "within")) or (
        child.dep_ == "prep" and child.lower_ == "at" and child.head.lemma_.lower() in _AIMING)  # "fired at a US base"


#: Verbs whose "at" phrase is what they were aimed at, not where they happened.
_AIMING = frozenset({"fire", "launch", "shoot", "aim", "hurl", "lob", "throw"})


#: Nouns of a part of a country ("the city", "the eastern provinces of Khost and Kunar"): places, never doers.
PLACE_NOUNS = frozenset({"city", "town", "village", "region", "province", "district", "capital", "port",
                          "state", "county", "oblast", "governorate", "island"})


def _the_place(head: Token, tokens: Iterable[Token]) -> bool:
    """"the city", "the capital": a place named before, with nothing of its own to name it."""
    return head.lemma_.lower() in PLACE_NOUNS and head.lemma_.lower() != "state" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children) and not any(
        t.pos_ == "PROPN" or t.dep_ == "poss" for t in tokens)


def _the_country(tok: Token) -> bool:
    """"the country's defence force": a possessor that, like "its", stands for the party the clause is about."""
    return tok.lemma_.lower() in ("country", "nation") and any(c.dep_ == "det" and c.lower_ == "the"
                                                              for c in tok.children)


#: Verbs whose on-phrase is where the crowd or army goes: "protesters marched on Dhaka".
_MARCHING = frozenset({"march", "advance", "converge", "descend"})
#: Verbs that carry someone elsewhere: "flew him into exile in Costa Rica" is not where the story happens.
_SENDING = frozenset({"fly", "send", "deport", "expel", "take", "transfer", "airlift", "bring", "evacuate",
                      "smuggle", "extradite", "force", "drive", "exile"})

#: The country code of CAMEO's international militarized groups (Islamic State, al-Qaeda): no state's own.
TRANSNATIONAL = "IMG"

#: Modifiers that make a role no one country's, wherever it sits.
_SUPRANATIONAL = frozenset({"international", "multinational"})


def _in_place_slot(tok: Token, preps: tuple[str, ...] = ("in", "near", "outside", "inside", "at")) -> bool:
    """An object of "the city of ...", "in ...", "near ...": a slot only a place fills."""
    prep = tok.head
    if tok.dep_ in ("compound", "nmod") and prep.lemma_.lower() in _SITE_NOUNS:
        return True  # "the Zaporizhzhia nuclear power plant", "the Jenin refugee camp"
    if tok.dep_ != "pobj":
        return False
    return prep.lower_ in preps or (prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS)


#: Prepositions whose object, where the entity recogniser saw an organisation, may well be a place: "deployed
#: to Nagorno-Karabakh", "advanced on Avdiivka", "withdrew from Tigray".
_MOTION_PREPS = ("in", "near", "outside", "to", "into", "on", "from", "across", "towards", "toward")


_PLACE_PARTICLES = frozenset({"de", "del", "la", "las", "los", "do", "da", "dos", "das", "di", "du", "des", "el"})


def _with_particles(ent: Span) -> str:
    """A place name with the particles and words the entity recogniser cut off: "San Antonio" + "de los Banos"."""
    end = ent.end
    doc = ent.doc
    while end + 1 < len(doc) and doc[end].lower_ in _PLACE_PARTICLES and (
            doc[end + 1].is_title or doc[end + 1].lower_ in _PLACE_PARTICLES):
        end += 2 if doc[end + 1].is_title else 1
    return doc[ent.start:end].text


def _agent_glued(mod: Token) -> bool:
    """A participle glued by a hyphen to who did it, before the noun it describes: "UN-backed", "Iran-funded"
    (not "US-led": a coalition led by the US is the US's side)."""
    return bool(hyphen_agent(mod)) and mod.lemma_.lower() != "lead"  # (the rare hyphen first)


def _span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    start, end = min(t.i for t in tokens), max(t.i for t in tokens) + 1
    return sentence_text(doc[start:end]).strip(" ,.")  # (sliced from the document's text, not joined anew)

