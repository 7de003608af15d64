"""Coding one sentence: triggers -> framing -> source and target actors -> modality -> attribution.

The output is a list of ``SentenceEvent`` records that still point into the parse; the coder attaches the
date and place (later stages) and freezes them into ``model.Event``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from ..actors import MISSIONS, PRONOUNS, DocActors
from ..knowledge.lexicon import Lexicon
from ..model import Actor, Attribution, unique_actors
from ..nlp import hyphen_agent, hyphen_positions, sentence_of, sentence_tokens, sentence_words
from . import arguments as args
from .attribution import describe, sentence_attribution, speaker_attribution
from .modality import (
    JUDGING_VERBS,
    PLANNING_VERBS,
    modality_of,
    ruled_out,
    says_no_longer,
    strongest,
    tensed_conjunct,
)
from .triggers import (
    GATHERINGS,
    SPANS,
    TEMPORAL_PREPS,
    VERBAL_POS,
    Trigger,
    find_triggers,
    forceful,
    patterns_of,
    talks_first_told_after,
    unrest_first_told,
)
from .wrappers import ABSORBING, CONFLICT_ROOTS, framed_code

#: Verbs whose object, a nominal event, is the subject's own act made public: "announced an inquiry into X".
ANNOUNCING = frozenset({"announce", "unveil", "declare", "proclaim"})
#: Roots that are acts of speech: comments, appeals, demands, disapproval, threats.
SPOKEN_ROOTS = frozenset({"01", "02", "03", "10", "11", "12", "13"})
#: Roots whose events, with no named target, take the affected place as target ("an air strike in Gaza").
PLACE_TARGET_ROOTS = frozenset({"07", "14", "15", "17", "18", "19", "20"})
#: Events done around another event: mediating it, hosting it; they face each party of that event.
AROUND_EVENT_CODES = frozenset({"045", "043"})
#: Roots whose passive events with no agent are done by the authorities of the place (arrests, releases,
#: expulsions).
AUTHORITY_ROOTS = frozenset({"08", "16", "17"})
CLAIM_RESPONSIBILITY = "015"
DENY_RESPONSIBILITY = "016"
#: Violence a party says it will use is a threat (13) when that party's own side says so (troops it "could send"
#: are not). (The coder's FORCE_ROOTS, which place events, are wider.)
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
#: Acts done to an adversary against its will: coercion and force.
HOSTILE_ROOTS = frozenset({"17", "18", "19", "20"})
#: Codes that, with no target named, are done to the actor's own country.
DOMESTIC_CODES = ("170", "172", "173", "175", "083", "080", "084", "0811", "0812", "0813", "0814", "14", "017")
#: Roots that relate two parties and mean nothing without the second one ("backed by the US" backs what?;
#: "suspended talks" with whom?). An embargo (163) may face the whole world.
NEEDS_TARGET_ROOTS = frozenset({"04", "05", "06", "11", "16"})
#: Criticism, rejection and threats that name no target answer whoever acted last.
ANSWERING_ROOTS = frozenset({"11", "12", "13"})
#: Pledges, aid, concessions and cuts that name no recipient go to the party the story last acted on.
STORY_TARGET_ROOTS = frozenset({"03", "07", "08", "16"})
#: Diplomatic cooperation one side gives another (praise, verbal defence, rallying support, recognition, apology,
#: forgiveness): two doers of it are not each other's target ("Washington and Bogota backed the plot").
DIRECTED_COOPERATION = ("051", "052", "053", "054", "055", "056")
_CLIMB = frozenset({"xcomp", "ccomp", "conj", "advcl", "pcomp", "prep", "pobj", "dobj", "acl", "relcl",
                    "nsubj", "nsubjpass", "attr", "appos", "dative", "npadvmod", "oprd", "acomp"})
_CLAUSE_MARKS = frozenset({"while", "whereas", "as", "although", "though", "after", "before", "when", "since",
                           "because", "until"})


@dataclass
class SentenceEvent:
    """An event found in a sentence, before date and place are attached."""

    trigger: Token
    first: int  # first token of the trigger words
    code: str
    source: Actor
    target: Actor | None
    modality: str
    rule: str
    chain: list[Token]  # trigger, support verb, governors: where date and place are looked for
    attribution: Attribution | None = None
    needs_place_target: bool = False
    actor_tokens: set[int] = field(default_factory=set)
    place_hints: list[Token] = field(default_factory=list)  # more words to look for the place on


class SentenceCoder:
    """Codes the sentences of one article; holds the article-level memory (last subject, people named)."""

    def __init__(self, lexicon: Lexicon, actors: DocActors, emit_statements: bool = False):
        self.lexicon = lexicon
        self.actors = actors
        self.emit_statements = emit_statements
        self.last_subject: Actor | None = None
        self.last_pair: list[Actor] = []  # the two sides of the last two-sided event ("the two leaders")
        self.last_people: list[Actor] = []  # the two people of the last event between two named people
        self.last_subjects: list[Actor] = []  # the parties of the last sentence's subject, for a later "they"
        self.last_event_source: Actor | None = None  # who did the last thing reported ("condemned the move")
        self.last_target: Actor | None = None  # whom it was done to ("accuse him of ...")
        self._targets_of: dict[int, list[Actor]] = {}  # trigger token -> the targets it was given
        self.last_appellant: Actor | None = None  # who last appealed for aid without naming a donor
        self.last_speaker: Actor | None = None  # who spoke last ("They accuse him ...")
        self.last_accuser: Actor | None = None  # who last criticised or accused ("rejected the charge")
        self.last_sources: list[Actor] = []  # every doer of the last sentence that reported an event
        self.last_material: SentenceEvent | None = None  # the last act of force reported ("blamed X for it")
        self._story: list[SentenceEvent] = []  # the events of the sentences before
        self.agentless: _Act | None = None  # an act of force whose doer was not named
        self.agentless_at = -1  # the first token of its sentence
        self._trigger_at: dict[int, Trigger] = {}
        self._so_far: list[SentenceEvent] = []
        self._actor_tokens: set[int] = set()
        self._place_hints: list[Token] = []

    # -- entry point ---------------------------------------------------------------------------------------
    def code(self, sent: Span, date: str | None) -> list[SentenceEvent]:
        self.actors.begin_sentence()
        triggers = find_triggers(sent, self.lexicon)
        by_token = {t.token.i: t for t in triggers}
        self._trigger_at = by_token
        self._actor_tokens: set[int] = set()
        self._groups: dict[int, list[Actor]] = {}  # what each group phrase of the sentence stands for, once read
        self._pronouns: dict[tuple[int, str | None], Actor | None] = {}  # and each pronoun
        light_ids = frozenset(i for i, t in by_token.items() if any(p.light for p in patterns_of(t)))
        vow_ids = frozenset(i for i, t in by_token.items() if t.pattern.wrapper in ("intent", "threat"))
        motion_ids = frozenset(i for i, t in by_token.items() if t.pattern.code in ("042", "043"))

        def supports(verb: Token, via: str | None = None) -> bool:
            """Support verbs ("held talks", "approved the sale") and travel to a meeting ("arrived for talks")."""
            if via is None and (verb.lemma_.lower() in ANNOUNCING or verb.i in vow_ids):
                return True  # "announced sanctions on Russia", "vowed revenge"
            if via == "acomp":  # "is open to negotiations"
                return verb.i in vow_ids
            if via == "to" and verb.lemma_.lower() in _ANSWERING:
                return False  # "responded with strikes" is the strikes; "responded to the drills" is not the drills
            if via == "for" and verb.lemma_ == "be" and any(c.dep_ == "prep" and c.lower_ in ("in", "at")
                                                            for c in verb.children):
                return True  # "Borrell was in Moscow for talks with Lavrov": there, for them
            return verb.i in light_ids or (verb.i in motion_ids and via in ("for", "to"))
        absorbed: set[int] = set()
        framed: dict[int, list[SentenceEvent]] = {}
        out: list[SentenceEvent] = []
        self._so_far = out  # this sentence's events as they are coded: the latest doers for an answer
        contents = [t for t in triggers if not t.pattern.light and not t.pattern.wrapper]
        # nominal events carried by a verb ("an air strike killed ...") are coded once, as the noun
        carriers = self._carriers(contents, by_token)
        for trig in contents:
            if trig.token.i in carriers:
                continue
            for ev in self._code_content(trig, by_token, supports, date):
                wrapper = self._absorbing_wrapper(ev, by_token)
                if wrapper is not None:
                    framed.setdefault(wrapper.token.i, []).append(ev)
                    absorbed.add(ev.trigger.i)
                    continue
                out.append(ev)
        # the innermost framing first: "pledged not to threaten force" is a pledge of what the threat frames
        for trig in sorted((t for t in triggers if t.pattern.wrapper in ABSORBING), key=lambda t: -_depth(t.token)):
            if trig.token.i in absorbed:
                continue
            for ev in self._code_wrapper(trig, framed.get(trig.token.i, []), by_token, date):
                outer = self._absorbing_wrapper(ev, by_token) if ev.modality == "negated" else None
                if outer is not None and outer.pattern.wrapper == "intent" and ev.code[:2] in CONFLICT_ROOTS:
                    framed.setdefault(outer.token.i, []).append(ev)
                else:
                    out.append(ev)
        coded = {ev.trigger.i for ev in out} | absorbed
        for trig in triggers:
            if trig.pattern.wrapper in ("speech", "deny"):
                said = self._code_statement(trig, coded, date)
                if any(ev.code == "100" for ev in said):  # "said Israel must stop the bombing": a demand,
                    # and what it demands has not happened
                    demanded = {t.i for c in trig.token.children if c.dep_ == "ccomp" for t in c.subtree}
                    out[:] = [ev for ev in out if ev.trigger.i not in demanded]
                out.extend(said)
        _aim_at_the_accused(out)
        self._sent_to_fight(out)
        out.extend(self._followed(sent, out, date))
        out.extend(self._done_likewise(sent, out, date))
        out.extend(self._invited(out, date))
        out.extend(self._phoned(triggers, out, date))
        out.extend(self._due_to_visit(sent, out, date))
        out.extend(self._unwelcome(sent, out, date))
        out.extend(self._alleged(out))
        out.extend(self._grounds_charged(out, date))
        # an armed group's claim of an attack is news of the attack (coded from the claim, above), not of a
        # statement; a state's acknowledgement stays one ("Iran acknowledged shooting down the airliner")
        out[:] = [ev for ev in out if not (ev.code == CLAIM_RESPONSIBILITY and ev.source.role in _ARMED_GROUP_ROLES)]
        out.extend(self._denied_acts(triggers, out, date))
        out[:] = _without_force_named_again(out)
        out[:] = _one_act_at_home(out)
        out[:] = [ev for ev in out if not _travel_advice(ev)]
        out[:] = [ev for ev in out if not (ev.code[:2] == "15" and ev.target is None and ev.modality == "planned")]
        # ("Belarus and Russia would deploy a joint force": a show of force still to come, facing no one named, is no
        # event yet; one held over someone, "if it deploys the missiles", is the condition of a threat)
        out[:] = [ev for ev in out if not (ev.code[:2] == "12" and ev.target is None and any(  # "ruled out
            o.rule.endswith(">refused") and o.trigger.head.i == ev.trigger.i for o in out))]  # resigning": one refusal
        out[:] = _without_expulsion_told(out)
        for ev in out:
            if ev.code == "154" and self._answers_call_for_help(ev):  # "deploying troops ... after X asked for help"
                ev.code = "074"
            if _insistent_appeal(ev):  # "urged India to hand her over immediately": CAMEO's demand of the same kind
                ev.code = "10" + ev.code[2:]
            if ev.code == "174" and self._given_to_diplomats(ev.trigger):  # "gave the ambassador 72 hours to
                ev.code = "166"  # leave": diplomats expelled
            if ev.code == "070" and self._supports_force(ev):  # "struck targets in Yemen, with Australia and
                ev.code = "062"  # Canada providing support": a part in the operation, military cooperation
        self._remember(sent, triggers, out, date)
        for ev in out:
            ev.actor_tokens = self._actor_tokens
        return out

    def _supports_force(self, ev: SentenceEvent) -> bool:
        """Whether bare "support" given goes to a side the story shows using force: support of its operation."""
        return ev.target is not None and any(o.dep_ == "dobj" and o.lemma_.lower() == "support"
                                             for o in ev.trigger.children) and any(
            forceful(done.code) and done.modality == "asserted" and done.source.country == ev.target.country
            for done in self._reported_so_far())

    def _followed(self, sent: Span, out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"Trump recognised Guaido ... Brazil, Colombia and Canada quickly followed" (or "did the same"), "the EU
        followed with a package of sanctions": the new doers do what the last sentence with an event reported, to
        the same party, unless this sentence already says what they did."""
        found: list[SentenceEvent] = []
        if sentence_words(sent).isdisjoint(_FOLLOWING):
            return found  # (most sentences have no such verb)
        follow, do = sent.doc.vocab.strings["follow"], sent.doc.vocab.strings["do"]
        take, participate = sent.doc.vocab.strings["take"], sent.doc.vocab.strings["participate"]
        for tok in sentence_tokens(sent):
            if tok.lemma not in (follow, do, take, participate) and not _similar_measures(tok):  # (an integer test
                continue  # first)
            alike = _similar_measures(tok) and not args.prep_objects(tok, "on", "against")
            if not (_says_likewise(tok) or alike) or any(
                    ev.trigger.i in (tok.i, tok.head.i) and (ev.target is not None and not alike) for ev in out):
                continue  # (what this sentence told first is the model: "_done_likewise")
            told = [*self._story, *(ev for ev in out if _semicolon_between(ev.trigger, tok) or (
                (_takes_part(tok) or alike) and ev.trigger.i < tok.i))]  # ("Trump recognised Guaido; Canada,
            # Brazil and Colombia quickly did the same": a sentence of its own; "launched strikes, leading a
            # coalition in which warplanes from the UAE also took part": the act it joins; "imposed sanctions on
            # China, as Britain and Canada announced parallel measures": the act they match)
            done = [ev for ev in told if ev.modality == "asserted" and ev.target is not None and ev.code[:2] != "01"]
            if not done:
                continue
            done = self._led_by(tok, done, date) or done
            model = next(ev for ev in done if sentence_of(ev.trigger).start == sentence_of(done[-1].trigger).start)
            acting = {ev.source.code for ev in out}
            chain = self._chain(tok)
            modality = modality_of(self._clause(chain, self._trigger_at))
            aimless = [ev for ev in out if ev.trigger.i == tok.i and (ev.target is None or alike)]
            for ev in aimless:  # "imposed similar sanctions": on whom the model's were imposed
                ev.target = model.target
            if aimless:
                continue
            for source in self._resolve_all(self._subjects(tok), date, record=True):
                if source.code in acting or source.country == model.target.country or not _distinct(
                        source, model.source):
                    continue
                found.append(SentenceEvent(tok, tok.i, model.code, source, model.target, modality,
                                           f"v.follow>{model.rule}", chain))
        return found

    def _led_by(self, follow: Token, done: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"Ottawa followed Washington's lead" (or "followed Washington"): the followers copy what the leader
        did, not whatever the last sentence told first (the other side's answer to it)."""
        leaders = []
        for obj in (c for c in follow.children if c.dep_ == "dobj"):
            heads = [c for c in obj.children if c.dep_ == "poss"] if obj.lemma_.lower() in ("lead", "example") \
                else [obj]
            leaders += self._resolve_all(heads, date)
        countries = {a.country for a in leaders if a.country}
        return [ev for ev in done if ev.source.country in countries]

    def _done_likewise(self, sent: Span, out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"Washington recognised the opposition leader, as did Ottawa and Brasilia", "..., and so did Britain",
        "..., and the UAE quickly followed suit": the elided clause repeats the act it hangs on, by the others it
        names."""
        extra = []
        if sentence_words(sent).isdisjoint(_LIKEWISE):
            return extra  # (most sentences have no such verb)
        for tok in sentence_tokens(sent):
            if tok.dep_ not in ("advcl", "conj") or not (_says_likewise(tok) or _as_did(tok)):
                continue
            others = self._resolve_all(self._subjects(tok), date, record=True)
            for ev in [ev for ev in out if ev.trigger.i == tok.head.i]:
                for other in others:
                    if other.country != ev.source.country and (ev.target is None or
                                                               other.country != ev.target.country):
                        extra.append(replace(ev, source=other, rule=f"{ev.rule}>likewise"))
        return extra

    def _invited(self, out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"their leaders met in Putrajaya at the invitation of Malaysian Prime Minister Anwar Ibrahim": whoever
        invited them hosts each side of the meeting (043), as a host named by "hosted by" would."""
        hosted = []
        for ev in (e for e in out if e.code[:3] in _MEETING_CODES and e.target is not None):
            held = [ev.trigger] + ([ev.trigger.head] if ev.trigger.dep_ == "dobj" else [])  # ("held talks at ...")
            for host in self._resolve_all([h for verb in held for h in _inviters(verb)], date):
                for side in (ev.source, ev.target):
                    if host.country != side.country and not any(
                            h.source.code == host.code and h.target.code == side.code for h in hosted):
                        hosted.append(replace(ev, code="043", source=host, target=side, rule=f"{ev.rule}>invited"))
        return [ev for ev in hosted if ev.source.country not in {e.source.country for e in out}]

    def _due_to_visit(self, sent: Span, out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"a senior U.S. delegation was due in Honiara", "Blinken is due in Cairo on Monday": a visit planned to the
        country of the place (042, planned), unless the sentence codes one already."""
        found = []
        if "due" not in sentence_words(sent):
            return found
        for due in (t for t in sentence_tokens(sent)
                    if t.lower_ == "due" and t.dep_ == "acomp" and t.head.lemma_ == "be"):
            where = [t for p in args.prep_objects(due, "in") for t in self.actors.place_words(p)]
            hosts = self.actors.countries_in(where)
            visitors = self._resolve_all(self._subjects(due.head), date)
            for visitor in visitors:
                for host in hosts[:1]:
                    if host != visitor.country and not any(ev.code.startswith("04") and ev.source.country ==
                                                           visitor.country for ev in out):
                        found.append(SentenceEvent(due, due.i, "042", visitor, Actor.of(host), "planned",
                                                   "be.due>visit", self._chain(due.head), None))
        return found

    def _against_the_court(self, pairs: list[tuple]) -> list[tuple]:
        """"would take the case to the International Court of Justice": a court is where legal action goes, not
        whom it is against; that is the side the story opposes the plaintiff to."""
        out = []
        for source, target, code, needs in pairs:
            if code.startswith("115") and target is not None and (target.role == "JUD" or target.code in _COURTS):
                out += [(source, t, code, needs) for t in self._adversary([source])[:1]]
            else:
                out.append((source, target, code, needs))
        return out

    def _phoned(self, triggers: list[Trigger], out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"India's foreign minister told his Chinese counterpart by phone that ...": words said over the phone
        to someone are a phone call between the two (041, each way), besides what was said; "Rubio told Mulino in
        Panama City that ...": said face to face, at a place, they are a meeting (040, each way)."""
        calls = []
        for trig in (t for t in triggers if t.pattern.wrapper == "speech"):
            verb = trig.token
            listeners = args.direct_objects(verb) + [c for c in verb.children if c.dep_ == "dative"] + \
                args.prep_objects(verb, "to")
            if not listeners:
                continue  # (most speech verbs: "said"; no one heard, no call or meeting)
            code, how = ("041", "by-phone") if _over_the_phone(verb) else ("040", "in-person") \
                if self._said_at_a_place([verb, *listeners]) else (None, None)
            if code is None:
                continue
            sources = self._resolve_all(self._subjects(verb), date)
            heard = self._resolve_all(listeners, date)
            chain = self._chain(verb)
            for caller, called in ((s, h) for s in sources for h in heard if s.country != h.country and (
                    code == "041" or _counterpart(h))):  # (not "told reporters in New York", "the General Assembly")
                if any(ev.code[:2] == "04" and ev.target is not None and {ev.source.country, ev.target.country} ==
                       {caller.country, called.country} for ev in out + calls):
                    continue  # ("spoke by phone with ..." is the call already)
                calls += [SentenceEvent(verb, verb.i, code, a, b, modality_of(chain), f"{trig.pattern.id}>{how}",
                                        chain, None) for a, b in ((caller, called), (called, caller))]
        return calls

    def _said_at_a_place(self, words: list[Token]) -> bool:
        """"told Mulino in Panama City": an in-phrase of the words or of whom they were said to (where the parser
        hangs it) names a place of a country."""
        return bool(self.actors.countries_in(t for w in words for p in args.prep_objects(w, "in")
                                             for t in self.actors.place_words(p)))

    def _unwelcome(self, sent: Span, out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"said South Africa's ambassador was no longer welcome in the United States": the diplomat's formula
        for an expulsion (166; 174 for someone else), by the one who says so, else the country named."""
        found = []
        if "welcome" not in sentence_words(sent):
            return found  # (a test of the sentence's words, so most sentences are not walked token by token once more)
        for adj in (t for t in sentence_tokens(sent)
                    if t.lower_ == "welcome" and t.dep_ == "acomp" and t.head.lemma_ == "be"):
            verb = adj.head
            if not any(c.dep_ == "neg" for c in verb.children) and not says_no_longer(verb):
                # "is not welcome", "was no longer welcome"
                continue
            unwanted = [c for c in verb.children if c.dep_ == "nsubj"]
            speech = verb.head if verb.dep_ == "ccomp" else None
            said_by = self._resolve_all(self._subjects(speech), date) if speech is not None else []
            there = self.actors.countries_in(t for p in args.prep_objects(adj, "in") + args.prep_objects(verb, "in")
                                             for t in p.subtree)
            sources = said_by or [Actor.of(c) for c in there[:1]]
            diplomat = any(u.lemma_.lower() in self.lexicon.classes["diplomat"] for u in unwanted)
            for source in sources[:1]:  # (one the sentence already expels is left to _without_expulsion_told)
                for target in _other_sides(self._resolve_all(unwanted, date), [source]):
                    found.append(SentenceEvent(verb, adj.i, "166" if diplomat else "174", source, target,
                                               "asserted", "adj.unwelcome", self._chain(verb)))
            if speech is not None:  # no welcome, so no approving word
                out[:] = [ev for ev in out if not (ev.trigger.i == speech.i and ev.rule.endswith(">approving"))]
        return found

    def _given_to_diplomats(self, verb: Token) -> bool:
        """Whether those a verb gives time to ("gave France's ambassador, Joel Meyer, 72 hours") are diplomats."""
        diplomats = self.lexicon.classes["diplomat"]
        return verb.lemma_.lower() in ("give", "grant", "allow") and any(
            c.dep_ in ("dative", "dobj") and c.lemma_.lower() in diplomats for c in verb.children)

    def _last_faced(self, sources: list[Actor]) -> list[Actor]:
        """The other party of the last act the story told between these sources and another side ("apologised to
        Moscow ... said Baku was ready to pay compensation": to Moscow)."""
        countries = {s.country for s in sources}
        for ev in reversed(self._reported_so_far()):  # ("Iraq accused Turkey ... Turkey said it was ready to
            if ev.target is None or (ev.source.country in countries) == (ev.target.country in countries):
                continue  # help establish the truth": to Iraq, which dealt with it last)
            return [ev.target if ev.source.country in countries else Actor.of(ev.source.country)]
        return []

    def _answers_call_for_help(self, ev: SentenceEvent) -> bool:
        """Troops sent to a country whose side has asked them for help, or asked for it in the same sentence
        ("deploying soldiers to the Solomon Islands after its prime minister asked for help"): military assistance
        (074), not a show of force against it."""
        if ev.target is None or not ev.target.country or ev.target.country == ev.source.country:
            return False
        return any(asked.code.startswith("023") and asked.source.country == ev.target.country and (
            asked.target.country == ev.source.country if asked.target is not None else
            sentence_of(asked.trigger) == sentence_of(ev.trigger)) for asked in self._reported_so_far())

    def _fought_at_home(self, side: Actor) -> bool:
        """Whether the last fighting the story told with this side in it was inside its own country (a mutiny, a
        civil war): a halt it then calls, with no one named, is at home."""
        fought = next((ev for ev in reversed(self._reported_so_far()) if ev.code[:2] in ("18", "19", "20") and
                       ev.target is not None and side.country in (ev.source.country, ev.target.country)), None)
        return fought is not None and fought.source.country == fought.target.country

    def _reported_so_far(self) -> list[SentenceEvent]:
        """Every event of the article coded so far, this sentence's last."""
        return [*self._story, *self._so_far]

    def _doers_of_kind(self, noun: Token) -> list[Actor]:
        """"condemned the annexations": whoever the story last reported doing an act of that kind."""
        done = self._deeds_of_kind(noun)
        return [done[-1].source] if done else []

    def _told_before(self, noun: Token) -> bool:
        """"the truce", after the ceasefire was told: a definite noun for an act of a kind the story reported."""
        return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) and bool(self._deeds_of_kind(noun))

    def _deeds_of_kind(self, noun: Token) -> list[SentenceEvent]:
        """The acts of the kind a noun names that the story reported done, in order; for a word of force with
        no force told, acts of coercion ("police stormed the consulate and seized a dissident ... condemned the
        raid": a raid by police is coercion, not war)."""
        # any reading of the noun ("the expulsions" of diplomats or of migrants), whether or not it was taken for
        # a trigger itself ("called the expulsions a provocation")
        codes = {p.code[:3] for p in self.lexicon.by_head.get(("noun", noun.lemma_.lower()), ()) if p.code}
        trig = self._trigger_at.get(noun.i)
        if trig is not None and trig.pattern.code:
            codes.add(trig.pattern.code[:3])
        # "fired 59 missiles ... condemned the strikes": force is force, whichever violent root it was coded in
        # (and a mob's storming of an embassy is "the attack" too)
        of_force = any(code[:2] in VIOLENCE_ROOTS for code in codes)
        told = [ev for ev in self._reported_so_far() if ev.trigger.i != noun.i and ev.modality == "asserted"]
        done = [ev for ev in told if (forceful(ev.code) if of_force else ev.code[:3] in codes)]
        return done or [ev for ev in told if of_force and ev.code[:2] == "17"]

    def _deed_doers(self, noun: Token, sources: list[Actor], date, judged: bool = False) -> list[Actor]:
        """Who did the act a noun names: its own doer ("Israeli strikes"), else whoever last did an act of its
        kind, if another side ("IS claimed the attacks" names its own deeds, not another party). A side that
        ``judged`` a deed of force its own side last did judges what that force answered: "jets downed the
        drones ... the premier called the incursion reckless" (the drones' side, not the jets')."""
        own = self._resolve_all(self._noun_doers(noun), date)
        done = self._deeds_of_kind(noun) if not own else []
        if own or not done:
            return own
        last = done[-1]  # with all who did it: "the US, Britain and France launched missiles ... Putin condemned the
        # strikes": at each of them (but an accord's parties did it to one another: at one of them)
        deed = [ev for ev in done if ev.trigger.i == last.trigger.i or _joined(ev, last)]
        mutual = any(a.target is not None and b.target is not None and a.source.code == b.target.code and
                     a.target.code == b.source.code for a in deed for b in deed)
        doers = _other_sides([last.source] if mutual else unique_actors([ev.source for ev in deed]), sources)
        if not doers and judged and last.target is not None and forceful(last.code):
            return _other_sides([last.target], sources)
        return doers

    def _captor(self) -> list[Actor]:
        """Whoever last arrested or abducted someone: whom a call for a release addresses."""
        return [ev.source for ev in self._reported_so_far() if ev.code[:3] in ("173", "181")][-1:]

    def _remember(self, sent: Span, triggers: list[Trigger], out: list[SentenceEvent], date) -> None:
        """Update the article's story memory that later sentences refer back to."""
        self._story.extend(out)
        self._remember_subject(sent, date)
        self._remember_speaker(triggers, date)
        home = [ev.source.country for ev in out if ev.target is not None and ev.source.country and
                ev.source.country == ev.target.country]
        if home:  # "Myanmar's junta extended the emergency": "opposition groups" later are Myanmar's
            self.actors.note_home(home[0])
        self.actors.note_sentence(sent)  # (a place the sentence names wins)
        material = [ev for ev in out if ev.code[:2] >= "14" and ev.modality == "asserted"]
        if material:
            self.last_material = material[0]
            self.agentless = None
        accusing = [ev for ev in out if ev.code[:2] == "11" and ev.modality == "asserted"]
        if accusing:
            self.last_accuser = accusing[0].source
        asking = [ev for ev in out if ev.code.startswith("023") and ev.target is None]
        if asking:  # "Turkey appealed for international help ... Israel said it would send a rescue unit"
            self.last_appellant = asking[0].source
        reported = [ev for ev in out if ev.code[:2] != "01"]
        if reported:
            self.last_event_source = reported[0].source
            self.last_sources = [ev.source for ev in reported]  # "..., where X was arrested": doers after the first
            self.last_target = next((ev.target for ev in reported if ev.target is not None), self.last_target)
        pairs = [[ev.source, ev.target] for ev in out if ev.target is not None and (
                 ev.source.country != ev.target.country or _civil_war_sides(ev.source, ev.target))]
        if pairs:  # people ("the two ministers") are the people named; otherwise the main clause's sides
            people = [p for p in pairs if all(a.kind == "person" for a in p)]
            self.last_pair = (people or pairs)[0]
            if people:
                self.last_people = people[0]
        mediated = unique_actors([ev.target for ev in out if ev.code == "045" and ev.target is not None])
        if len(mediated) >= 2:  # "Qatar and Egypt mediated between Israel and Hamas ... both sides accepted"
            self.last_pair = mediated[:2]

    # -- content events --------------------------------------------------------------------------------------
    def _carriers(self, contents: list[Trigger], by_token: dict[int, Trigger]) -> set[int]:
        """Verbs whose subject is itself a nominal event: the noun carries the event."""
        nouns = {t.token.i for t in contents if t.pattern.pos == "noun"}
        out = set()
        for t in contents:  # (but "the offensive forced 100,000 people to flee" is also a mass expulsion)
            if t.pattern.pos == "verb" and (t.pattern.code or "")[:2] != "20" and not args.is_passive(t.token) \
                    and any(c.dep_ == "nsubj" and c.i in nouns for c in t.token.children):  # ("talks mediated by")
                out.add(t.token.i)
        return out

    def _code_content(self, trig: Trigger, by_token, supports, date) -> list[SentenceEvent]:
        tok, pattern = trig.token, trig.pattern
        support = args.support_verb(tok, supports) if pattern.pos == "noun" else None
        chain = self._chain(support or tok)
        if support is not None:
            chain.insert(0, tok)
        if pattern.accusation:
            return self._code_accusation(trig, chain, date)
        modality = modality_of(self._clause(chain, by_token), denied=self._denied(chain, by_token))
        if modality == "asserted" and any(c.dep_ == "det" and c.lower_ == "no" for i in trig.consumed
                                          for c in tok.doc[i].children):
            modality = "negated"  # "offered no apology": the word the entry needs is denied its object
        if _plan_given_up(chain):
            return []  # "shelved its plans to annex the valley", "agreed to suspend its plans to ...": not to be
        if pattern.id == "v.take.action" and modality == "asserted" and tok.tag_ in ("VBD", "VBN"):
            return []  # "said it had taken control measures": some act, done; a threat is of what is to come
        if pattern.pos == "verb" and tok.lemma_.lower() in ANNOUNCING and any(
                self._told_before(tok.doc[i]) for i in trig.consumed if tok.doc[i].pos_ == "NOUN"):
            return []  # "India and Pakistan agreed to a ceasefire ... Trump announced the truce": told already
        if (pattern.code or "")[:2] == "13" and (modality == "planned" or modality == "hypothetical" and any(
                self._wrapper_kind(t) in ("speech", "intent", "threat") for t in chain[1:])):
            modality = "asserted"  # "said it would take countermeasures", "Russia will take action against ...":
            # saying so is the threat
        refusing = modality == "negated" and _refusal(chain)
        pairs = [(s, t, c, p) for s, t, c, p in self._pairs(trig, support, date, one_way=refusing)
                 if not (c.startswith("166") and t is not None and t.country == s.country)]
        # ("Washington ordered non-essential staff out of its embassy": its own people, evacuated, not expelled)
        pairs = self._against_the_court(pairs)
        pairs, ordered = self._ordered_abroad(tok, pairs, date)
        kept_open = modality == "negated" and pattern.code == "120" and tok.lemma_.lower() in ("rule", "exclude")
        if kept_open:  # "did not rule out military cooperation with Pyongyang": a hedged intent (a threat, for force)
            kept = self._kept_open(tok)
            pairs = [(s, t, framed_code("intent", kept[:2] if kept else "*"), p) for s, t, _, p in pairs]
            modality = "asserted"
        if not pairs:
            if trig.fallback is not None and not trig.fallback.pattern.wrapper and not trig.fallback.pattern.light:
                return self._code_content(trig.fallback, by_token, supports, date)
            return []
        attribution = self._attribution(chain, by_token, date)
        if attribution is not None and attribution.anonymous and modality == "asserted":
            modality = "unconfirmed"
        if support is None:
            rule = pattern.id
        elif support.i in by_token:
            rule = f"{by_token[support.i].pattern.id}+{pattern.id}"
        else:
            rule = f"via:{support.lemma_.lower()}+{pattern.id}"
        if ordered:
            rule, modality = f"{rule}>ordered", "asserted" if modality in ("planned", "hypothetical") else modality
        if kept_open:
            rule = f"{rule}>not-ruled-out"
        events = []
        speakers = self._own_speakers(chain, date) if modality in ("planned", "hypothetical") else set()
        answered = self._answered_by_doer(support or tok, date)
        for source, target, code, needs_place in pairs:
            code = actor_conventions(code, source, target, tok)
            if _relates_no_one(code, source, target):
                continue
            if code == "180" and target is not None and target.role == "CVL" and _kills_thousands(tok):
                code = "202"  # "killed thousands of civilians": a mass killing
            if code.startswith("14") and target is None and source.country and source.kind != "igo":
                target = Actor.of(source.country)  # a riot with no target named is at home, like any protest
            event_modality, event_rule = modality, rule
            if source.country in answered and code[:2] != "11":  # "..., a charge Moscow denies", "..., which
                # Islamabad has not confirmed" (the charge itself is made: "rights groups accused police of ...,
                # which the government denied")
                event_modality = strongest([modality, answered[source.country]])
            if modality == "negated" and code[:2] in CEASABLE_ROOTS and says_no_longer(chain[0]):
                # "announced that it no longer recognised Taipei", "will no longer supply arms": cooperation
                # ended is relations reduced (16), as fact
                code, event_modality, event_rule = framed_code("cease", code), "asserted", f"{rule}>ceased"
            elif refusing and code[:2] in COOPERATION_ROOTS and _while_conditioned(tok):
                # "would not conclude trade deals with them while the fighting continued": a refusal held over
                # someone until they act is a threat
                code, event_modality, event_rule = "131", "asserted", f"{rule}>refused>threat"
            elif refusing and code[:2] in COOPERATION_ROOTS:
                # "would not recognise", "will not normalise": CAMEO codes the refusal, as fact
                code, event_modality, event_rule = framed_code("reject", code[:2]), "asserted", f"{rule}>refused"
            elif (code[:2] in VIOLENCE_ROOTS or code.startswith("163")) and source.country in speakers:
                # "the Houthis said they would attack any American ship", "the EU said it would impose sanctions":
                # the act is hypothetical, and saying so is an asserted threat
                threat = "1312" if code.startswith("163") else framed_code("threat", code[:2])
                events.append(SentenceEvent(tok, trig.first, threat, source,
                                            target or next(iter(self._adversary([source])), None), "asserted",
                                            f"{rule}>threat", chain, attribution))
            events.append(SentenceEvent(tok, trig.first, code, source, target, event_modality, event_rule, chain,
                                        attribution, needs_place, place_hints=list(self._place_hints)))
            if code.startswith("057") and target is not None and target.country != source.country and \
                    _signed_in_person(support or tok):  # "Abiy and Isaias signed a declaration in Asmara": they met
                events.append(SentenceEvent(tok, trig.first, "040", source, target, event_modality,
                                            f"{event_rule}>in-person", chain, attribution, needs_place,
                                            place_hints=list(self._place_hints)))
        return events

    def _sent_to_fight(self, events: list[SentenceEvent]) -> None:
        """"The UAE, Kuwait, Bahrain and Qatar sent warplanes to join the campaign": forces sent to take part in
        the use of force just told fight its target; they are no military aid to the side that leads it."""
        for ev in events:
            if ev.code[:2] not in ("07", "15") or not self._joins_force(ev.trigger):
                continue
            struck = self._struck_before([ev.source])
            if struck:
                ev.code, ev.target, ev.rule = "190", struck[0], f"{ev.rule}>joined-force"

    def _joins_force(self, verb: Token) -> bool:
        """Whether a verb's purpose is to join a use of force ("to join the campaign", "to take part in the
        strikes")."""
        for purpose in (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB"):
            if not _joins(purpose):
                continue
            for joined in args.direct_objects(purpose) + args.prep_objects(purpose, "in"):
                trig = self._trigger_at.get(joined.i)
                if joined.lemma_.lower() in _WARS or (trig is not None and forceful(trig.pattern.code)):
                    return True
        return False

    def _answered_by_doer(self, trigger: Token, date) -> dict[str, str]:
        """Countries whose answer, set off after the report of an act, says how sure the act is: "Russian troops
        shelled Kharkiv, a charge Moscow denies" (denied), "air strikes on Kabul, which Islamabad has not
        confirmed" (unconfirmed). Only the doer's own answer counts; the caller checks that."""
        found: dict[str, str] = {}
        for verb, mood in _set_off_answers(trigger):
            for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
                # "accused Minsk of luring migrants, a charge it rejects": "it" is the one charged, whoever spoke
                heads = (args.direct_objects(trigger) if trigger.lemma_.lower() in args.ACCUSING else
                         args.subject_heads(trigger)) if subject.lower_ in PRONOUNS else args.with_conjuncts(subject)
                for actor in self._resolve_all(heads, date):
                    if actor.country:
                        found[actor.country] = mood
        return found

    def _kept_open(self, verb: Token) -> str | None:
        """The code of what a verb's object names as an event ("did not rule out military action"), if any."""
        for obj in (c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")):
            for t in obj.subtree:
                trig = self._trigger_at.get(t.i)
                if trig is not None and trig.pattern.code and not trig.pattern.wrapper:
                    return trig.pattern.code
        return None

    def _ordered_abroad(self, tok: Token, pairs, date):
        """"China ordered the US to close its consulate in Chengdu": a state that orders another to act does the
        act itself where it is a cut in relations (China closes the consulate), and otherwise demands it ("the
        court ordered Israel to halt its offensive": a demand on Israel; the halt has not happened). An order to
        one's own forces leaves their act theirs. Returns the pairs and whether they are the orderer's."""
        if tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in _ORDERING or not pairs:
            return pairs, False
        orderers = self._resolve_all(self._subjects(tok.head), date)
        ordered = {source.code for source, *_ in pairs}
        if not orderers or not {c.i for c in tok.head.children if c.dep_ == "dobj"} or any(
                o.code in ordered or (o.country and o.country in {s.country for s, *_ in pairs}) for o in orderers):
            return pairs, False
        out = []
        for source, target, code, needs_place in pairs:
            measure = code if code[:2] == "16" else framed_code("demand", code[:2])
            out.extend((o, source, measure, False) for o in orderers)
        return out, True

    def _pairs(self, trig: Trigger, support: Token | None, date, one_way: bool = False):
        """(source, target, code, needs_place_target) for every direction the event has."""
        tok, pattern = trig.token, trig.pattern
        code = pattern.code or ""
        root = code[:2]
        # "talks between A and B"; "offered to mediate between A and B": the parties of the object word
        parties = args.participants(tok, support) or [p for i in trig.consumed
                                                       for p in args.participants(tok.doc[i])]
        self._place_hints = parties
        many = [a for a in self._resolve_all(parties, date) if a]
        against: list[Actor] = []
        if pattern.pos == "noun":
            heads = self._noun_doers(tok)
            # the possessor first: "its first direct military attack"
            sources = self._resolve_all([h for h in heads if h.dep_ == "poss"], date, record=True) or \
                self._resolve_all(heads, date, record=True)
            if pattern.reciprocal and self.last_pair and any(
                    c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
                sources = list(self.last_pair)  # "their next meeting": both sides named before
            if not sources and support is not None and _receives(support, tok):
                givers = self._resolve_all(args.prep_objects(support, "from") + args.prep_objects(tok, "from"),
                                           date) or self._resolve_all(_makers(tok), date)
                if givers:  # "received a bomb threat from Hamas": Hamas threatened whoever received it; "took
                    # delivery of Russia's S-400 system": Russia delivered it
                    sources, against = givers, self._resolve_all(self._subjects(support), date)
            if not sources and support is not None and support.lemma_.lower() in ANNOUNCING and \
                    self._told_before(tok):
                return []  # "India and Pakistan agreed to a ceasefire ... Trump announced the truce": the truce told
            if not sources and support is not None and len(many) < 2:  # (but "ordered a ceasefire after days of
                # fighting between his troops and forces loyal to X": those between are all of its parties)
                sources = self._resolve_all(self._subjects(support), date, record=True)
            if code.startswith("0871") and len(many) < 2 and len({s.country for s in sources}) == 1:
                fought = self._resolve_all([p for word in {tok, support or tok} for c in _clashes_after(word)
                                            for p in args.participants(c)], date)
                if len(fought) >= 2 and {s.country for s in sources} & {a.country for a in fought}:
                    # "Kiir ordered a ceasefire after days of fighting between his troops and forces loyal to
                    # Machar": a truce between those who fought, one of whom ordered it
                    many, sources = fought, []
            if not sources and not many:  # "the summit broke up without a deal": its parties made none
                many = self._resolve_all([p for m in _failed_meetings(tok) for p in args.participants(m)], date)
            if not sources and not many and pattern.reciprocal and talks_first_told_after(tok):
                # "agreed on Saturday ..., after nearly twelve hours of talks in Ohrid": talks between those who agreed
                verb = tok.head.head if tok.dep_ == "nsubj" and args.reduced_relative(tok.head) else tok
                while (verb.pos_ != "VERB" and verb.dep_ in ("pobj", "prep") or verb.dep_ == "acl" and
                       verb.tag_ == "VBN") and verb.head.i != verb.i:  # ("in a deal brokered by China after ...")
                    verb = verb.head
                agreed = self._parties_above(verb, date) if verb.pos_ == "VERB" and not (
                    args.partners_of_gathering(tok) and self._resolve_all(self._subjects(verb), date)) else []
                # (but "Trump, who announced it after a phone call with Netanyahu and bin Zayed": his call)
                if agreed:  # (the rebels and the government of one country too)
                    many = agreed
            occasion = args.occasion_verb(tok) if not sources and len(many) < 2 and (
                tok.head.lower_ == "in" or _is_occasion(tok)) and not (
                root == "14" and tok.head.lower_ == "during") else None  # ("after talks between A and B": theirs;
            # but "police broke up a tribute during the rally", "troops shot dead 58 during protests": others' protest)
            if occasion is not None:
                # "recalled its ambassador in protest at ...": the one who acts protests; "during a visit to
                # Moscow, Kim told Putin ...": the one who visits
                sources = self._resolve_all(self._subjects(occasion), date, record=True)
            if not sources and pattern.reciprocal and root in VIOLENCE_ROOTS and tok.dep_ == "pobj" and \
                    tok.head.lower_ == "in" and args.is_passive(tok.head.head):
                # "twenty Indian soldiers were killed in a clash with Chinese troops": the victims' side clashed
                sources = self._resolve_all([c for c in tok.head.head.children if c.dep_ == "nsubjpass"], date)
            if not sources and root == "14":  # "protests erupted across Iran", "spread to Chinese cities": its people
                hosts = (tok, support, tok.head if tok.dep_ == "nsubj" else None)
                where = [t for word in hosts if word is not None
                         for p in args.prep_objects(word, "in", "across", "throughout", "to")
                         for t in self.actors.phrase_tokens(p)]
                if unrest_first_told(tok):  # "after two nights of protests outside parliament in Tbilisi", else
                    # the country whose rulers act amid them ("Saied dismissed the government after protests")
                    where = where or list(tok.subtree)
                    where += [t for v in tok.ancestors if v.pos_ == "VERB" for s in self._subjects(v)
                              for t in self.actors.phrase_tokens(s)][:8]
                sources = [Actor.of(c, "CVL", kind="sector") for c in self.actors.countries_in(where)[:1]]
            if not sources and pattern.reciprocal and self.last_subject is not None and tok.lemma_.lower() in \
                    GATHERINGS and args.partners_of_gathering(tok):  # "The decision followed a telephone call with
                sources = [self.last_subject]  # Obama": the call of the one the story is about
            if not sources and code.startswith("173"):  # "two reporters have been in custody since May": held
                held = [a for a in self._resolve_all(_held_in(tok), date) if a.country]  # by their own state
                sources = [Actor.of(held[0].country, "GOV", kind="sector")] if held else []
                against = held[:1]  # (one arrest of a group: "the two ministers")
            # "anti-Japanese protests": against Japan
            against = against or self._resolve_all([m for m in tok.children if args.is_anti(m)], date)
        else:
            sources = self._resolve_all(self._subjects(tok), date, record=True)
            if not sources and root == "09" and any(h.lemma_.lower() in _INQUIRY_BODIES for h in self._subjects(tok)):
                # "Dagalo said committees would investigate": a body of inquiry no one else's is the speaker's, and
                # looks into what happened at home unless told otherwise
                sources = self._speakers(self._chain(tok), date)[:1]
                against = [Actor.of(a.country) for a in sources if a.country and a.kind != "igo"]
            if not sources and any(h.lower_ in ("each", "both") for h in self._subjects(tok)):
                sources = self._pair_told(of_one_country=True)  # "The two sides fought ..., and each accused the other of ...": both
            if pattern.reciprocal and len(sources) < 2 and self.last_pair and any(
                    h.lower_ == "they" for h in self._subjects(tok)) and not self._resolve_all(
                    args.direct_objects(tok) + args.prep_objects(tok, "with"), date):
                # "A met B ... They signed an accord": a mutual act's "they", with no other party named, is both
                sources = list(self.last_pair)
            if sources and not pattern.reciprocal:  # "froze the assets together with the European Union": both
                sources = unique_actors(sources + _other_sides(self._resolve_all(args.companions(tok), date), sources))
            if not sources and args.is_passive(tok) and (root in AUTHORITY_ROOTS or root == "15" or code in (
                    "114", "075")):  # (and "fled to Moscow, where he was granted asylum")
                sources = self._authority(tok, date)
            if not sources and code in AROUND_EVENT_CODES:  # "UN-sponsored talks": the UN mediated them
                sources = self._resolve_all(hyphen_agent(tok), date, record=True)
            if not sources and args.is_passive(tok) and code.startswith("063"):
                sources, against = self._handed_over(tok, date)
            if not sources and args.is_passive(tok) and root in ("06", "07"):
                # "the first parts of Russia's S-400 system were delivered to ...": the maker's country supplies them
                made = [t for c in tok.children if c.dep_ == "nsubjpass" for t in self.actors.phrase_tokens(c)]
                sources = [Actor.of(c) for c in self.actors.countries_in(made)[:1]]
            if not sources:  # "were killed in an Israeli air strike", "Azerbaijan's offensive forced ...": its doer
                means = [p for p in (args.prep_objects(tok, "in", "by", "during") if args.is_passive(tok) else
                                     [c for c in tok.children if c.dep_ == "nsubj"])
                         if p.i in self._trigger_at and self._trigger_at[p.i].pattern.pos == "noun"]
                sources = self._resolve_all([h for m in means for h in self._noun_doers(m)], date)
                if not sources and args.is_passive(tok):  # "soldiers were killed in a clash with Chinese troops":
                    clashes = [m for m in args.prep_objects(tok, "in", "during") if _clash(m)]  # the other side
                    sources = self._resolve_all([p for m in clashes for p in args.prep_objects(m, "with")], date)
                if not sources and args.is_passive(tok) and root in VIOLENCE_ROOTS:
                    sources = self._armed_doers_of_clause(tok, date) or self._airspace_owner(tok, date)
            if not sources and pattern.swap and args.is_passive(tok):
                # "Washington was disappointed by the takeover": the takeover's doer disappointed it
                felt = self._resolve_all([c for c in tok.children if c.dep_ == "nsubjpass"], date)
                sources = [a for h in self._subjects(tok) if self._is_event(h) or _refers_to_event(h)
                           for a in self._event_doer(h, felt, date)]
            if not sources and args.is_passive(tok) and root == "05" and pattern.reciprocal and self.last_pair:
                sources = list(self.last_pair)  # "Israel and the UAE held talks ... The accord was signed on the
                # lawn": by the two sides of the exchange just told
            if not sources and args.is_passive(tok) and self.last_event_source is not None and any(
                    c.dep_ == "advmod" and c.lower_ in ("also", "too", "likewise") for c in tok.children):
                sources = [self.last_event_source]  # "... were also set free": by whoever freed the others
            if not sources and args.is_passive(tok) and root in ("18", "19") and any(
                    self.actors.role_of(c) in _ARMED_GROUP_ROLES or c.lemma_.lower() in _ASSAILANTS | _LAWBREAKERS
                    for c in args.counted([c for c in tok.children if c.dep_ == "nsubjpass"])):
                # "the army said 12 militants were killed": the forces that report it killed them
                sources = [a for a in self._speakers(self._chain(tok), date) if a.role in ("MIL", "COP")][:1]
        targets: list[Actor] = self._judged_actor(trig, sources, date) if root == "11" else list(against)
        candidates = [(slot, heads) for slot, heads in args.target_candidates(tok, pattern, support)
                      if not (slot == "with" and heads and all(self._is_event(h) and h.lemma_.lower() not in
                                                                _WORDS_NOUNS for h in heads))]
        # ("met in Moscow with Russian mediation": how they met, not with whom; but "took issue with the remarks")
        each_other = len(sources) >= 2 and any(o.lower_ in ("other", "another") for o in args.direct_objects(tok))
        # ("blamed each other": each side toward the other, below, whatever slots the entry looks in)
        if not targets and sources and root in VIOLENCE_ROOTS and _joins(support):
            # "said they were taking part in the operation", "would not join the strikes": the act joined is one
            # already told, against its target
            targets = self._struck_before(sources)
        if not targets and sources and code in _DRILL_CODES and _joins(support):
            # "About 3,200 Chinese soldiers and a Mongolian contingent joined the drills": Russia's, told before
            targets = self._drilling_before(sources)
        if not targets and sources and root in ("01", "05", "11", "12") and _judges_what_was_told(tok):
            targets = self._deed_doer(sources)  # "Israel struck the consulate, which Iran condemned": the strike
        for slot, heads in candidates if not targets and not each_other else ():
            heads = [h for h in heads if h.i != tok.i]  # ("taking part in the operation": not its own target)
            # a target named by a locative phrase is also where the event happened
            # the noun a participle modifies ("the deal, brokered by the US") is looked into no deeper: its
            # modifier is this very trigger, whose agent is the source
            deep = not (slot == "dobj" and tok.dep_ == "acl" and heads == [tok.head]) and not (
                slot == "dobj" and code in AROUND_EVENT_CODES)  # "mediated the deal with Egypt": co-mediators
            if slot == "dobj" and code in AROUND_EVENT_CODES and all(h.lower_ in ("it", "this") for h in heads):
                targets = _other_sides(self._pair_told(), sources)  # "Annan, who brokered it": the accord just told
                break
            if heads and all(_answerable_for_deed(h) for h in heads):
                targets = self._deed_doer(sources)  # "called for those responsible to be held accountable": the
                if targets:  # doers of the deed just told
                    break
            if slot == "dobj" and root == "11" and any(h.lower_ in ("it", "this") for h in heads) and (
                    trig.consumed or any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)):
                # "Kyiv called it an act of aggression": the deed just told, not the party last named
                targets = self._deed_doer(sources)
                if targets:
                    break
            if root in ("05", "11", "12") and heads and all(h.lower_ == "it" for h in heads):
                deed = self._deed_named_before(tok)  # "Iran condemned the strike. Britain voiced support for it."
                if deed is not None:
                    targets = _other_sides(self._deed_doers(deed, sources, date, root in ("11", "12")), sources)
                    if targets:
                        break
                deed = _reference_before(tok)  # "Guterres said he was shocked by the decision, and the White House
                if deed is not None:  # condemned it": what the decision's maker did
                    targets = _other_sides(self._event_doer(deed, sources, date), sources)
                    if targets:
                        break
            if slot == "dobj" and root in ("11", "12") and any(
                    self._is_event(h) and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in h.children)
                    for h in heads):  # "condemned its annexation of four regions of Ukraine": whoever "its" is, who
                # did it, not the country it was done to
                targets = _other_sides([a for h in heads for a in self._deed_doers(h, sources, date, True)], sources)
                if targets:
                    break
            if slot == "dobj" and root == "09":  # "to investigate the killing of protesters by Israeli forces":
                targets = self._resolve_all([d for h in heads if self._is_event(h)  # into its doers
                                             for d in self._noun_doers(h)], date)
                if targets:
                    break
            heads = [p for h in heads for p in (args.prep_objects(h, "with") if h.lemma_.lower() in args.BORDERS
                                                 else ()) or [h]]  # "to its border with Belarus": at Belarus
            targets = self._resolve_all(heads, date, deep=deep, record=slot not in args.LOCATIVE_SLOTS)
            if sources and actor_conventions(code, sources[0], None)[:2] in HOSTILE_ROOTS:  # (with the code its
                targets = self._not_own_victims(tok, heads, targets, sources, date)  # doer gives it: police coerce)
                targets = self._police_at_home(heads, targets, sources)
            if slot == "dobj" and root in ("11", "12"):  # "called his removal a coup": at his own state
                targets = [a for h in heads for a in self._sufferer_home(h, date)] or targets
            if not targets and sources and root in VIOLENCE_ROOTS and slot in ("toward", "towards", "at", "on"):
                # "a missile fired towards Riyadh's airport": the country of the place aimed at
                targets = self._other_country_in([t for h in heads for t in self.actors.phrase_tokens(h, False)],
                                                 sources)
            if slot == "dobj" and targets and self._own_thing(heads, targets, {s.country for s in sources}):
                continue  # "reaffirmed Washington's defence commitments to Manila": its own, given to another
            if slot == "with" and code.startswith("062") and targets and all(
                    any(t.country == s.country for s in sources) for t in targets):
                targets = []  # "began its largest exercises with 300,000 troops": its own forces are the means, no
                continue  # partner
            if not targets and (slot != "dobj" or root in ("01", "11", "12", "16")):
                # "a complaint against China's tariffs", "rejected Canada's allegations", "cancelled a visit by
                # the German minister": whoever made them
                targets = [a for h in heads if self._is_event(h) or h.lemma_.lower() in _WORDS_NOUNS
                           for a in self._deed_doers(h, sources, date, root in ("11", "12"))]
                if not targets and (root in ("01", "11") or root == "12" and any(
                        h.lemma_.lower() in _WORDS_NOUNS for h in heads)):  # "welcomed the vote", "disappointed by
                    # the decision": whoever just did it; "rejected the report": whoever just made it
                    targets = [a for h in heads if _refers_to_event(h) or h.lemma_.lower() in _WORDS_NOUNS
                               for a in self._event_doer(h, sources, date)]
                if not targets and root == "11" and self.agentless is not None and any(
                        self._is_event(h) for h in heads):  # "Fico was shot ... EU leaders condemned the shooting":
                    # with no doer known, at the country it struck
                    targets = _other_sides([Actor.of(self.agentless.target.country)], sources)
                if not targets and slot == "dobj" and root in ("11", "12"):  # "opposed any enlargement of NATO",
                    # "rejected the demands of the protesters": the party whose thing it is (an act's "of" names
                    # whom it befell instead: "condemned the killing of civilians")
                    owners = [p for h in heads if not self._is_event(h) for p in args.prep_objects(h, "of")]
                    targets = _other_sides(self._resolve_all(owners, date), sources)
            if not targets and slot == "dobj" and root == "09":  # "to investigate the killing of civilians in ...":
                targets = self._resolve_all([p for h in heads if self._is_event(h)  # whom it befell, when no one
                                             for p in args.prep_objects(h, "of")], date)  # is said to have done it
            if not targets and slot == "dobj" and code == "051":  # "praised the release": whoever made it
                targets = [a for h in heads if _refers_to_event(h) for a in self._event_doer(h, sources, date)]
            if targets:
                break
        if not targets and sources and root in VIOLENCE_ROOTS and _intercepted(tok):
            # "air defences shot down a drone launched by the militia": it was launched at the side that downed it
            targets = [Actor.of(a.country) for a in _other_sides(
                self._resolve_all(self._subjects(tok.head.head), date), sources) if a.country][:1]
        if not targets and sources and (root == "14" or root in VIOLENCE_ROOTS and sources[0].role in _CIVIL_ROLES):
            targets = self._mission_country(tok, sources)  # "marched past the Chinese embassy": at China
        if not targets and tok.dep_ == "pcomp" and tok.head.lower_ == "for" and \
                tok.head.head.lemma_.lower() in JUDGING_VERBS:  # "thanked the Netherlands for sending F-16s",
            targets = self._resolve_all(self._subjects(tok.head.head), date)  # "rebuked Canada for sending ..."
        # a targeted reciprocal act needs no target when its doers are two sides: "Chinese and Russian warships
        # began exercises" are with one another
        needs_target = pattern.targeted and not (pattern.reciprocal and len({s.country for s in sources}) >= 2)
        if needs_target and not targets and self._names_target(trig.fallback, support, date):
            return []  # "blamed Iran" is not "blamed it on Iran" with a target guessed from the story
        struck = self._struck_by_governor(tok) if root in VIOLENCE_ROOTS else []
        if struck and not any(self.actors.countries_in(self.actors.phrase_tokens(h)) for _, heads in candidates[:1]
                              for h in heads):  # "shot down a Ukrainian jet near Tehran, killing all 176 on board"
            targets = struck  # the victims are the act's, not the place's people
        if root in VIOLENCE_ROOTS and _when_clause(tok) and all(_is_place(h) for _, heads in candidates[:1]
                                                                for h in heads):
            # "soldiers were killed when a drone struck a base in Jordan": the strike's victims are the soldiers,
            # not the people of the place it hit
            targets = self._victims_above(tok) or targets
        around = code in AROUND_EVENT_CODES and not _other_sides(targets, sources)
        if around:  # "talks in Antalya, hosted by Turkey": the host meets each side; they are not its guests (nor is
            # its own capital: "talks in Beijing brokered by China")
            targets = self._brokered_parties(tok, candidates, date)
            if not targets and code.startswith("045") and self.last_pair is not None:
                targets = _other_sides(list(self.last_pair), sources)  # "said Washington had mediated": between
                # the two sides just told
        if not targets and sources and root not in VIOLENCE_ROOTS:
            # "offered help in a phone call with Conte", "pledged support during talks with Zelensky": to the other
            occasions = [n for n in args.prep_objects(tok, "in", "during", "after") if n.lemma_.lower() in GATHERINGS]
            targets = _other_sides(self._resolve_all([p for n in occasions for p in args.prep_objects(n, "with")],
                                                     date), sources)
        if not targets and sources and candidates:
            targets = self._implicit_targets(candidates[0][1], code, sources, date)
        if not targets and sources and root == "15":  # "announced drills in six zones around the island": whom
            targets = self._other_country_where(support or tok, sources, ("in", "inside", "around", "near", "off",
                                                                          "over", "on", "into"))
        if not targets and sources and root == "15":  # "deployed missile systems to monitor the Chinese forces"
            watched = [o for c in (support or tok).children if c.dep_ in ("advcl", "xcomp") and
                       c.lemma_.lower() in _WATCHING and args.to_infinitive(c) for o in args.direct_objects(c)]
            targets = _other_sides(self._resolve_all(watched, date), sources)
        if not targets and len({s.country for s in sources}) == 1 and code[:3] == "087":
            # "agreed to pause its offensive in north-eastern Syria": toward the side fought where it stops
            acts = [support or tok] + [c for c in (support or tok).children if c.dep_ == "xcomp"]
            halted = [t for h in acts + [o for a in acts for o in args.direct_objects(a)]
                      for p in args.prep_objects(h, "in", "inside") for t in self.actors.phrase_tokens(p, False)]
            targets = self._other_country_in(halted, sources)
        if not targets and len({s.country for s in sources}) == 1 and code == "0874":
            # "bodies found in Bucha after Russian forces pulled out": a retreat is from the land its sentence names
            where = [t for p in self.actors.sentence_places(sentence_of(tok)) for t in self.actors.place_words(p)]
            targets = self._other_country_in(where, sources)
        if not targets and sources and "poss" in pattern.targets:  # "Hungary has not yet approved the bid": the
            targets = _other_sides(self._resolve_all(_owner_told_before(args.direct_objects(tok)), date), sources)
            # bid's owner, named when the bid was told before ("ratified Sweden's application")
        prompting = _prompting_act(support or tok) if not targets and sources else None
        if prompting is not None:  # "bombers flew a patrol near Japan, prompting its air force to scramble jets":
            targets = _other_sides(self._resolve_all(self._subjects(prompting), date), sources)  # at whoever did
            # what prompted it
        if not targets and sources and root in ("15", "16", "19") and _in_response(support or tok):
            # "dispatched naval, air and ground forces in response": to whoever acted last; "launched an offensive
            # in response to Armenian shelling": the phrase hangs on the support verb
            targets = self._answered_actors(support or tok, sources, date) or self._adversary(sources)
        mutual = each_other or len(sources) >= 2 and any(h.lower_ in ("other", "another") for _, heads in candidates
                                                         for h in heads)
        if not targets and sources and (root in ANSWERING_ROOTS or code == "055") and not mutual:  # (an apology
            # answers too; "each side accused the other" faces the other side, below)
            # "warned of consequences if Western troops were sent": the party the condition names; "Moscow
            # said it would take countermeasures", "Tokyo lodged a protest": whoever acted last
            targets = self._answered_actors(tok, sources, date) or self._adversary(sources)
        if not targets and sources and root == "12" and not mutual:  # "a military council took power ... the rebels
            targets = self._answered_at_home(sources)  # rejected the takeover": at home, whoever acted there last
        if not targets and sources and root == "09":  # "ordered an inquiry into her death": into whoever answers
            targets = self._answerable(tok, sources, date, own=True)  # for it, the inquirer's own side too
        if not targets and sources and code.startswith("080"):  # "Bogota backed down": to whoever pressed it
            targets = self._adversary(sources)
        if not targets and sources and code == "042":  # "signed a declaration in Asmara, a day after Abiy arrived
            # for the first visit by an Ethiopian leader": a visit is to where the sentence happens
            where = [t for p in self.actors.sentence_places(sentence_of(tok)) + _places_left_after_visit(tok)
                     for t in self.actors.place_words(p)]
            targets = self._other_country_in(where, sources)
        if not targets and sources and code[:3] == "192":  # "rebels entered the town and took control of the
            # airport": land taken is taken from the country it lies in, the doers' own in a civil war
            here = [Actor.of(c) for c in self.actors.countries_in(
                t for t in sentence_tokens(sentence_of(tok)) if t.ent_type_ in ("GPE", "LOC"))]
            story = [Actor.of(self.actors.last_place_country)] if self.actors.last_place_country else []
            targets = _other_sides(here, sources)[:1] or (here + story)[:1]
        if not targets and sources and (code == "074" or code.startswith("196")):  # "a deal ..., under which
            # peacekeepers are to deploy": between the two sides; "troops breached the truce": the other side's
            targets = _other_sides(self._pair_told(), sources)[:1]
        if not targets and sources and root == "07" and self.last_appellant is not None:
            targets = _other_sides([self.last_appellant], sources)  # aid with no recipient answers the appeal
        if not targets and sources and root == "07" and pattern.pos == "verb":
            # "the first aid flights reached Tonga, with New Zealand planes delivering water": to the country its
            # sentence names, but not to another donor ("India flew supplies to Myanmar, while China sent teams")
            donors = {ev.source.country for ev in self._reported_so_far() if ev.code[:2] == "07"}
            targets = [a for a in self._other_country_in(list(sentence_tokens(sentence_of(tok))), sources)
                       if a.country not in donors]
        if not targets and sources and code[:3] in ("073", "074") and self.actors.last_place_country:
            # "an earthquake struck southern Turkey ... Rescue teams from Spain were among the first to arrive":
            # humanitarian help goes where the story's disaster is
            targets = _other_sides([Actor.of(self.actors.last_place_country)], sources)
        if not targets and sources and tok.dep_ == "conj" and any(
                o.lower_ in ("other", "others") and not any(c.lower_ == "each" for c in o.children)
                for o in args.direct_objects(tok)):
            targets = list(self._targets_of.get(tok.head.i, []))  # "killed three soldiers and seized two others"
        guess = not pattern.targeted  # a targeted entry needs a target of its own, not one the story suggests
        if not targets and sources and (guess and root in STORY_TARGET_ROOTS or root == "17") and \
                tok.dep_ == "conj" and code != "1724":  # ("shot down two Indian jets and captured a pilot": an
            # Indian one) "suspended the treaty with Pakistan, closed the border and ...": the same party, unless
            # named; but "severed relations with Moscow, declared martial law": martial law is declared at home
            targets = _other_sides(self._targets_of.get(tok.head.i, []), sources)
        if not targets and sources and root in ("02", "10") and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp"):
            # "had written to Obama appealing for direct American help": to whom the letter went
            addressed = args.prep_objects(tok.head, "to") + args.direct_objects(tok.head)
            targets = _other_sides(self._resolve_all(addressed, date), sources)[:1]
        if not targets and sources and code == "0253":  # "called for his release": to whoever holds him
            targets = _other_sides(self._captor(), sources)
        if not targets and sources and root == "02":  # "appealed for a ceasefire in Gaza": to those fighting there
            where = [p for h in args.object_heads(tok) for p in args.prep_objects(h, "in")]
            targets = self._other_country_in(where, sources)
        if not targets and sources and code == "0256":  # "called for an immediate end to the violence": to each
            targets = self._conflict_parties(sources)  # side of the fight told last
        if not targets and sources and guess and root in STORY_TARGET_ROOTS:
            # "While visiting Kyiv, the British foreign secretary pledged further support": to the one just visited
            doers = {s.code for s in sources}  # the same actor, not another of its country ("the army ... the RSF")
            here = [ev.target for ev in self._so_far if ev.target is not None and ev.source.code in doers]
            targets = _other_sides(here[-1:], sources)
        if not targets and sources and root in VIOLENCE_ROOTS and pattern.pos == "verb" and not args.is_passive(tok):
            # "Israeli troops raided Jenin ... Israeli forces had killed three people": the same side's force went
            # on against the one it was told to strike, not its own people
            targets = self._struck_by(sources)
        if not targets and sources and guess and root == "16" and tok.dep_ != "conj":
            targets = self._adversary(sources)  # "Russia recognised ... The EU imposed sanctions": on the doer
        if not targets and sources and guess and root in STORY_TARGET_ROOTS:
            # "an EU aid package for Ukraine ... The bloc's leaders approved the package": to whom the same kind of
            # act went last
            same = [ev.target for ev in self._reported_so_far() if ev.code[:2] == root and ev.target]
            targets = _other_sides(same[-1:], sources)
        if not targets and sources and guess and root in STORY_TARGET_ROOTS and self.last_target is not None:
            # "Biden visited Kyiv ... Biden pledged $500 million": to whom he visited
            targets = _other_sides([self.last_target], sources)
        if not targets and sources and code == "018" and tok.dep_ == "advcl":
            # "visited the Chinese embassy to offer his condolences": to whom the visit went
            targets = _other_sides(self._targets_of.get(tok.head.i, []), sources)
        if not targets and sources and code == "018":
            # "Putin and Xi sent messages of condolence": to the country of the dead, or where they died
            mourning = self.actors.last_place_country or (self.agentless.target.country if self.agentless else None)
            targets = _other_sides([Actor.of(mourning)], sources) if mourning else []
        if not targets and sources and root in VIOLENCE_ROOTS and tok.tag_ == "VBG":
            # "stormed into southern Israel, killing hundreds ... and taking dozens of hostages": the same victims
            node = tok
            while node.dep_ in ("conj", "advcl") and not targets and node.head.i != node.i:
                node = node.head
                targets = _other_sides(self._targets_of.get(node.i, []), sources)
        if not targets and sources and root in HOSTILE_ROOTS and not pattern.targeted:
            # "shelled the ferry, then boarded it and seized the cargo": the party its doer just struck
            targets = _other_sides(self._coordinated_targets(tok), sources)
        if not targets and sources and root in VIOLENCE_ROOTS:
            # "bombed what New Delhi described as a training camp near Balakot in Pakistan": where it struck
            targets = self._other_country_where(_struck_clause(tok), sources, ("in", "inside", "at", "across",
                                                                               "throughout"))
        if not targets and sources and root in VIOLENCE_ROOTS and not args.prep_objects(tok, "into") and not any(
                heads for _, heads in candidates):  # (not "fired into the sea", nor "hit a rebel depot")
            targets = _other_sides(self._reporting_forces(tok, date), sources)
        at_home = self._home_struck([_struck_clause(tok), support], sources) if sources and \
            root in VIOLENCE_ROOTS and not one_way and all(t.country in {s.country for s in sources}
                                                           for t in targets) else []
        # ("Syria carried out a chemical attack in Douma": force a state uses at home, with no other side named, is
        # against its own country; kept apart from the targets below, which drop the doer's own code)
        if not targets and sources and root == "20" and not self._place_hints and not args.prep_objects(
                tok, "in", "against") and sources[0].country and sources[0].kind != "igo":
            targets = [Actor.of(sources[0].country, "CVL", kind="sector")]  # "denied committing genocide": its people
        # "Russian tanks and troops": one side, its forces (the bare country beside its role is not a second party)
        sources = [s for s in unique_actors(sources) if s.role or s.kind not in ("country", "igo") or not any(
            o.role and o.country == s.country for o in sources)]
        sent = sentence_of(tok)
        sources, many = self._without_brokers(sources, sent, date), self._without_brokers(many, sent, date)
        named = unique_actors(targets)
        targets = [t for t in named if all(_distinct(t, s) for s in sources)] or at_home
        if pattern.reciprocal:  # "Biden and Putin ..., in their first summit": the two countries named again are
            # the same two sides, not two more parties
            targets = [t for t in targets if t.role or t.country not in {s.country for s in sources}]
        if root == "07":  # "Turkey flew in medical teams" after "blamed al-Shabaab": aid goes to the country, not the
            targets = [Actor.of(t.country) if t.role in ("INS", "REB") and t.country else t for t in targets]  # group
        if root in ("07", "15"):  # "sent warships around Taiwan", "put its army on alert": its own forces are
            targets = _other_sides(targets, sources)  # the means, not the party aided or shown force
            if sources and root == "07":  # "sent troops to support the M23", "to help Russia fight its war in
                helped = [o for i in trig.consumed if tok.doc[i].dep_ == "advcl"  # Ukraine": whom they help
                          for o in args.direct_objects(tok.doc[i]) + [
                              s for c in tok.doc[i].children if c.dep_ in ("ccomp", "xcomp")
                              for s in c.children if s.dep_ == "nsubj"]]
                helped = [h for h in helped if self.actors.names_party(h)]  # (not "to support its war")
                targets = _other_sides(self._resolve_all(helped, date), sources) or targets
                named = named or targets
            if code[:3] in ("150", "151", "152") and not targets and sources:  # "South Korea's military raised its
                # alert level" after the North's nuclear test: an alert faces whoever last used or showed force, if
                # another side (a mobilisation or a deployment may stand on its own: "ordered a mobilisation")
                targets = _other_sides([ev.source for ev in reversed(self._reported_so_far())
                                        if forceful(ev.code) or ev.code[:2] == "15"], sources)[:1]
            if root == "15":
                named = targets  # a show of force stands without a target; aid to nobody does not
        if not targets and sources and pattern.id == "v.recall.envoy":  # "its ambassador, who was recalled by
            targets = named = self._adversary(sources)  # Rabat": from the country that summoned or angered it
        if not targets and sources and one_way:  # "would not hand over its citizens": a refusal to those asking
            # (but "refused to step down" is refused at home)
            targets = named = [Actor.of(sources[0].country)] if code.startswith("083") and \
                sources[0].country else self._adversary(sources)
        if not targets and sources and code.startswith("160"):  # "revoked an agreement allowing U.S. troops to
            # operate in the country": the other party its own words name
            pact = [t for o in args.direct_objects(tok) for t in o.subtree if t.i != o.i]
            targets = named = self._other_country_in(pact, sources)
        if not targets and len(sources) == 1 and code.startswith("057"):  # "signed a deal to buy 36 jets from
            # France": the party the deal deals with
            dealt = [t for o in args.direct_objects(tok) for p in o.subtree if p.dep_ == "pobj" and
                     p.head.lower_ in ("from", "with") for t in self.actors.phrase_tokens(p, False)]
            targets = named = _other_sides([Actor.of(c) for c in self.actors.countries_in(dealt)], sources)
        if code.startswith("0831") and sources and sources[0].country and sources[0].kind != "igo" and (
                targets or pattern.pos == "verb" or support is not None):
            targets = named = [Actor.of(sources[0].country)]  # a resignation is tendered at home, wherever it is
            # announced ("announced his resignation in a speech from Riyadh")
        if not targets and sources and code == "0874":  # "pulled out of the town near Kherson": the country left,
            # if another's; "Ukraine withdrew its troops from Avdiivka": its own town, yielded to the other side
            left = [t for p in _places_withdrawn_from(tok) for t in self.actors.phrase_tokens(p, with_preps=False)]
            targets = named = self._other_country_in(left, sources) or self._adversary(sources)
        if code.startswith("042") and pattern.pos == "verb" and sources and (all(
                s.role in _PRIVATE_ROLES for s in sources) or all(_counted_nationals(h) for h in self._subjects(tok))):
            return []  # "five Americans freed in Iran landed in Doha": private people travel; states visit
        if named and not targets and sources and root != "14":  # (a protest at home is one: "Israelis
            # demonstrated outside the prime minister's residence")
            return []  # "it violated Turkish airspace" read as Turkey's own act: a misread doer, not an event
        if pattern.pos == "noun" and pattern.reciprocal and not targets and not many and \
                len({s.country for s in sources}) >= 2:  # "Trump and Kim cut short their summit": between them
            many, sources = sources, []
        if pattern.pos == "noun" and support is None and not targets and not many and \
                tok.dep_ not in ("nsubj", "nsubjpass") and not _is_occasion(tok) and not unrest_first_told(tok) and \
                not (tok.dep_ == "dobj" and self._wrapper_kind(tok.head) in ABSORBING) and \
                _denier_clause(tok) is None:  # ("demanding his resignation"; "an attack that Damascus denies")
            return []  # "shield its economy from U.S. sanctions": a reference, not news of an event
        if needs_target and not targets:
            return []
        if pattern.pos == "noun" and root in VIOLENCE_ROOTS and not targets and not many and any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children) and any(
                forceful(ev.code) and ev.modality == "asserted" and ev.source.country in {s.country for s in sources}
                for ev in self._reported_so_far()):
            return []  # "Trump had ordered the strike": the attack already told, by the same side (but "Israel had
            # carried out the strike", after a strike with no doer named, tells who did it)
        self._targets_of[tok.i] = targets
        if pattern.swap:
            sources, targets = targets, sources
        pairs = []
        if len(many) >= 2 and not targets and sources and not pattern.reciprocal:
            targets = _other_sides(many, sources)  # "Oman mediated between Washington and Tehran": to each side
        if len(many) >= 2 and (not targets or not sources):  # "clashes between A and B left 49 dead"
            return [(a, b, code, False) for a, b in _dyads(unique_actors(sources + many), _among_all(tok))]
        if not sources:
            if root in ("18", "19", "20") and (pattern.pos == "noun" or args.is_passive(tok) or any(
                    c.dep_ == "nsubj" and not self.actors.names_party(c) for c in tok.children) or (
                    tok.tag_ == "VBG" and not any(c.dep_ in args.SUBJECT_DEPS for c in tok.children))):
                # (and "An air strike flattened the building, killing seven guards": nor does the participle)
                # "X was killed", "a drone struck an air base": who did it may follow; "a truck bomb blew up in
                # central Mogadishu": whom it struck is the place's
                here = self.actors.countries_in(self.actors.sentence_places(sentence_of(tok))) if not targets else []
                targets = targets or [Actor.of(country) for country in here[:1]]
                if targets:
                    self.agentless = _Act(code, targets[0], pattern.id, self._chain(tok), list(self._place_hints))
                    self.agentless_at = sentence_of(tok).start
            return []
        if not targets and len({s.country for s in sources}) >= 3 and any(
                c.dep_ == "advmod" and c.lower_ in ("also", "too") for c in tok.children):
            return []  # "the UAE, Bahrain and Egypt also signed": beside others, not with one another
        if not targets and len(sources) >= 2 and (pattern.reciprocal or _mutual_yield(code) and not (
                code.startswith("084") and args.is_passive(tok)) or (
                root == "05" and not code.startswith(DIRECTED_COOPERATION)) or each_other or any(
                h.lower_ in ("other", "another") for _, heads in candidates for h in heads) or (  # "blamed each
                pattern.pos == "verb" and any(c.lower_ == "each" for h in self._subjects(tok) for c in h.children))):
            # other", "each side denied breaking the truce"
            # "Hamas and Israel reached a ceasefire", "A and B signed": each side toward the other
            return [(a, b, code, False) for a, b in _dyads(sources, _among_all(tok) or root == "04")]
        if not targets and (pattern.reciprocal or root in NEEDS_TARGET_ROOTS) and not code.startswith(("163", "1663")):
            # (an export ban or an embargo may face the whole world: "China banned exports of ...", and aid agencies
            # expelled are of no one state)
            return []  # a meeting with one known side says nothing about relations
        if not targets and root in VIOLENCE_ROOTS and self.agentless is not None and \
                self.agentless_at == sentence_of(tok).start:  # "soldiers were wounded when troops opened fire": at them
            targets = _other_sides([self.agentless.target], sources)
        holders = _other_sides(self._resolve_all(_exchange_holders(tok), date), sources) \
            if code.startswith("084") else []
        craft = root == "17" and _craft_held(tok)  # (a ship held is no arrest at home, nor of its waters)
        for source in sources:
            if not targets and source.country and source.kind != "igo" and (
                    (code.startswith(DOMESTIC_CODES) and not (one_way and code == "080") and not craft) or (
                    code == "180" and source.role in ("GOV", "JUD", "COP")) or (  # "authorities executed a man"
                    code == "120" and source.role == "JUD") or (  # "the court annulled the run-off": at home
                    root in VIOLENCE_ROOTS and source.role == "COP") or (  # "police opened fire": at home
                    code == "087" and self._fought_at_home(source)) or (  # "called off the march on Moscow"
                    root in VIOLENCE_ROOTS and source.role in ("REB", "INS", "SEP", "CRM") and
                    not self._adversary([source]) and not self._abroad(tok, source))):
                # repression, administrative sanctions, arrests, releases, concessions to protest: at home,
                # unless named (a refusal to yield in general is to whoever asked); "M23 rebels seized the town
                # of Bunagana", with no other side in the story: against their state
                own = Actor.of(source.country)
                pairs.append((source, own, code, False))
                continue
            if not targets:
                pairs.append((source, None, code, root in PLACE_TARGET_ROOTS and not craft))
            for target in targets:
                pairs.append((source, target, code, False))
                if one_way:  # "would not normalise relations with Israel" is one side's refusal
                    continue
                if pattern.reciprocal:
                    pairs.append((target, source, code, False))
                elif pattern.inverse and not around:
                    pairs.append((target, source, pattern.inverse, False))
                elif code.startswith("084") and _in_exchange(tok) and target.country != source.country \
                        and not holders:
                    pairs.append((Actor.of(target.country), source, code, False))  # "freed two Americans in
                    # exchange for an Afghan": a release each way
            pairs += [(Actor.of(h.country), source, code, False) for h in holders]  # "in return for ten Iranians
            # jailed in Sweden and Belgium": each country that held them frees them
        return pairs

    def _struck_before(self, sources: list[Actor]) -> list[Actor]:
        """Whom the last act of force told (by another side than these) struck."""
        return _other_sides([ev.target for ev in reversed(self._reported_so_far()) if forceful(ev.code) and
                             ev.modality == "asserted" and ev.target is not None], sources)[:1]

    def _drilling_before(self, sources: list[Actor]) -> list[Actor]:
        """Who holds the exercise last told (another side than these)."""
        return _other_sides([ev.source for ev in reversed(self._reported_so_far()) if ev.code in _DRILL_CODES],
                            sources)[:1]

    def _struck_by(self, sources: list[Actor]) -> list[Actor]:
        """Whom these sources' countries last struck abroad, in any act of violence told (whatever its
        certainty); unlike ``_struck_before``, only their own side's acts count."""
        doers = {s.country for s in sources}
        return [ev.target for ev in self._reported_so_far() if ev.code[:2] in VIOLENCE_ROOTS and ev.target is not None
                and ev.source.country in doers and ev.target.country not in doers][-1:]

    def _struck_by_governor(self, tok: Token) -> list[Actor]:
        """Whom the act a participle hangs from struck: "shot down a Ukrainian jet, killing all 176 on board";
        "rammed and boarded Philippine boats, seizing rifles and injuring several sailors" (through the
        participle it is joined to, and the verb joined to the governor that names the target)."""
        node = tok
        while node.dep_ == "conj" and node.head.tag_ == "VBG" and node.head.i != node.i:
            node = node.head
        if node.dep_ != "advcl" or node.tag_ != "VBG" or tok.tag_ != "VBG":
            return []
        return next((list(self._targets_of[v.i]) for v in (node.head, *node.head.conjuncts)
                     if self._targets_of.get(v.i)), [])

    def _victims_above(self, tok: Token) -> list[Actor]:
        """Whom the act of force a clause hangs from struck ("were killed and dozens wounded when ...")."""
        node = tok.head
        while True:
            if self._targets_of.get(node.i):
                return list(self._targets_of[node.i])
            if node.dep_ != "conj" or node.head.i == node.i:
                return []
            node = node.head

    def _pair_told(self, of_one_country: bool = False) -> list[Actor]:
        """The two sides of the last exchange told: this sentence's first between two countries, else the story's;
        ``of_one_country``: two parties of one country count too ("the army and the RSF battled ..., each accusing
        the other")."""
        side = (lambda a: a.code) if of_one_country else (lambda a: a.country)
        return next(([ev.source, ev.target] for ev in self._so_far if ev.target is not None and
                     side(ev.source) != side(ev.target)), None) or list(self.last_pair or ())

    def _acts_on_itself(self, phrase: Token, group: list[Actor], date) -> bool:
        """Whether a group phrase in a clause's object or phrases would be that clause's own subjects."""
        verb = next((a for a in phrase.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or phrase.dep_ in args.SUBJECT_DEPS:
            return False
        doers = {a.country for a in self._resolve_all(self._subjects(verb), date)}
        return bool(doers) and {a.country for a in group} == doers

    def _without_brokers(self, parties: list[Actor], sent: Span, date) -> list[Actor]:
        """"The leaders of Germany, France, Russia and Ukraine agreed on a ceasefire ..., brokered by Merkel and
        Hollande": the brokers the sentence names mediate; the parties are the others."""
        if len(parties) < 3:
            return parties
        agents = [p for t in sentence_tokens(sent) if t.lemma_.lower() in _BROKERING and t.tag_ == "VBN"
                  for a in t.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        brokers = {a.country for a in self._resolve_all([h for p in agents for h in args.with_conjuncts(p)], date)}
        rest = [p for p in parties if p.country not in brokers]
        return rest if len(rest) >= 2 else parties

    def _other_country_in(self, words: list[Token], sources: list[Actor]) -> list[Actor]:
        """The first country these words name that is not a source's: the other side, where a place says it."""
        return _other_sides([Actor.of(c) for c in self.actors.countries_in(words)], sources)[:1]

    def _own_thing(self, heads: list[Token], targets: list[Actor], own: set[str]) -> bool:
        """Whether an object is a thing of the doers' own country ("its commitments", "Washington's support"),
        which names no one it is done to, rather than a party or a person of that country."""
        return all(t.country in own for t in targets) and all(
            not self.actors.is_actor_token(h) and h.i not in self.actors.hits and
            any(c.dep_ == "poss" for c in h.children) for h in heads)

    def _other_country_where(self, tok: Token, sources: list[Actor], preps: tuple[str, ...]) -> list[Actor]:
        """The other side's country where the act took place, by the places its own phrases name (not those
        of its cause or time: "retaliating for the strike on its consulate in Damascus")."""
        why = {t.i for c in tok.children if c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS | {"for", "over"}
               for t in c.subtree}
        places = [p for p in tok.subtree if p.dep_ == "pobj" and p.head.lower_ in preps and p.i not in why]
        where = [t for p in places for t in self.actors.phrase_tokens(p, with_preps=False)]
        own = {s.country for s in sources}
        in_view = next((c for p in places if _is_the_country(p) for t in reversed(p.doc[:p.i])  # ("struck targets
                        for c in self.actors.countries_in([t]) if c not in own), None)  # in the enclave": the land
        # last named that is not the doer's)
        return self._other_country_in(where, sources) or ([Actor.of(in_view)] if in_view else [])

    def _home_struck(self, words: list[Token | None], sources: list[Actor]) -> list[Actor]:
        """The doers' own country, when a state's act of force is placed in it and nowhere else (by the phrases of
        the act's words, or of the verb that carries it: "carried out a chemical attack in Douma")."""
        states = {s.country for s in sources if s.country and s.kind != "igo" and s.role in (None, "GOV", "MIL")}
        if len(states) != 1:
            return []
        places = [p for w in words if w is not None for c in w.children if c.dep_ == "prep" and
                  c.lower_ in ("in", "inside", "at", "across") for p in c.children if p.dep_ == "pobj"]
        where = self.actors.countries_in(t for p in places for t in self.actors.phrase_tokens(p, with_preps=False))
        return [Actor.of(where[0])] if where and set(where) == states else []

    def _mission_country(self, tok: Token, sources: list[Actor]) -> list[Actor]:
        """The foreign country whose embassy or consulate a crowd's act names, wherever the phrase sits ("set fire to
        barriers outside the French embassy", "tried to force their way into the building housing the Japanese
        embassy"): a protest at a mission is aimed at the state it represents."""
        clause = tok.head if tok.dep_ == "xcomp" else tok  # ("tried to storm ...": the attempt's words too)
        missions = [t for t in clause.subtree if t.lemma_.lower() in MISSIONS]
        return self._other_country_in([m for t in missions for m in self.actors.phrase_tokens(t, False)], sources)

    def _noun_doers(self, noun: Token) -> list[Token]:
        """Who did what a noun names: "military drills" name no doer, "Israeli strikes" do, and "the Minsk
        agreements" were not Belarus's."""
        denier = _denier_clause(noun)
        if denier is not None:  # "a poison gas attack in Douma that Damascus denies carrying out": Damascus's,
            return [c for c in denier.children if c.dep_ == "nsubj"]  # by the story's account, denied
        return [h for h in args.noun_source_heads(noun)
                if h.dep_ not in ("amod", "compound", "nmod") or self.actors.names_party(h)]

    def _handed_over(self, verb: Token, date) -> tuple[list[Actor], list[Actor]]:
        """"was extradited from the United States", "was flown from the US to Lima after being extradited": with
        no agent named, the state a person was sent from hands him over to the state he was sent to, else to
        his own."""
        hosts = [verb, verb.head.head] if verb.dep_ == "pcomp" else [verb]

        def country_after(prep: str) -> list[Actor]:
            words = [t for h in hosts for p in args.prep_objects(h, prep) for t in self.actors.phrase_tokens(p)]
            return [Actor.of(c) for c in self.actors.countries_in(words)[:1]]

        persons = self._resolve_all([c for h in hosts for c in h.children if c.dep_ == "nsubjpass"], date)
        return country_after("from"), country_after("to") or [Actor.of(a.country) for a in persons if a.country][:1]

    def _armed_doers_of_clause(self, verb: Token, date) -> list[Actor]:
        """"460 patients were shot dead after the RSF overran the city", "were killed when troops stormed the
        camp": the armed side whose act the passive's after- or when-clause tells did the killing."""
        for clause in (c for c in verb.children if c.dep_ == "advcl" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in ("after", "when", "as") for m in c.children)):
            doers = self._resolve_all([s for s in clause.children if s.dep_ == "nsubj"], date)
            if doers and all(a.role in _ARMED_GROUP_ROLES | {"MIL", "COP"} for a in doers):
                return doers
        return []

    def _airspace_owner(self, verb: Token, date) -> list[Actor]:
        """"his MiG-21 was shot down over Pakistani-administered Kashmir": brought down, by no one named, over
        another country's land than the aircraft's, by that country."""
        over = [t for p in args.prep_objects(verb, "over") for t in self.actors.phrase_tokens(p)]
        below = self.actors.countries_in(over)[:1]
        victims = self._resolve_all([c for c in verb.children if c.dep_ == "nsubjpass"], date)
        if not below or not victims or any(v.country in (None, below[0]) for v in victims):
            return []
        return [Actor.of(below[0])]

    def _names_target(self, trig: Trigger | None, support, date) -> bool:
        """Whether a fallback entry finds its target in its own slots (better than a guess for the first)."""
        return trig is not None and trig.pattern.code is not None and any(
            self._resolve_all(heads, date) for _, heads in args.target_candidates(trig.token, trig.pattern, support))

    def _judged_actor(self, trig: Trigger, sources: list[Actor], date) -> list[Actor]:
        """"called the hijacking an Iranian act of terrorism": the party the judging words themselves name."""
        for i in trig.consumed:
            word = trig.token.doc[i]
            phrase = [word] + ([word.head.head] if word.dep_ == "pobj" and word.head.lower_ == "of" else [])
            mods = [m for p in phrase for m in p.children if m.dep_ in ("amod", "compound", "poss", "nmod")]
            mods += [o for p in phrase for a in p.children if a.dep_ == "acl" for g in a.children  # "a terrorist
                     if g.dep_ == "agent" for o in g.children if o.dep_ == "pobj"]  # attack planned by Russia"
            found = _other_sides(self._resolve_all(mods, date), sources)
            if found:
                return found[:1]
        return []

    def _parties_above(self, verb: Token, date) -> list[Actor]:
        """The two or more parties who agreed: the subjects of ``verb`` or, where it has fewer, of the first verb
        above it that has them. "agreed to restore relations and reopen embassies, seven years after Riyadh cut
        ties, in a deal brokered by China after talks in Beijing": the parser hangs the deal and the talks on the
        nearest verb ("cut"), and those who made them agreed above it."""
        for node in (verb, *verb.ancestors):
            found = unique_actors(self._resolve_all(self._subjects(node), date)) if node.pos_ == "VERB" else []
            if len({a.code for a in found}) >= 2:
                return found
        return []

    def _brokered_parties(self, verb: Token, candidates, date) -> list[Actor]:
        """"Oman brokered a ceasefire between the US and the Houthis", "the agreement, brokered by the US":
        the mediator consults each party of what it brokered, named there or just before."""
        brokered = [h for _, heads in candidates for h in heads] + (
            [verb.head] if verb.dep_ == "acl" or hyphen_agent(verb) else [])  # ("US-brokered talks")
        if verb.dep_ == "advcl" and args.is_passive(verb):  # "held talks in Antalya, hosted by Turkey"
            brokered += args.direct_objects(verb.head)
        if args.reduced_relative(verb):  # "agreed ... after talks mediated by Qatar", read as a clause
            brokered += [c for c in verb.children if c.dep_ == "nsubj"]
        brokered = [n.head.head if n.pos_ == "PROPN" and n.dep_ == "pobj" and n.head.lower_ in ("in", "at") and
                    n.head.head.pos_ == "NOUN" else n for n in brokered]  # ("talks in Istanbul hosted by Turkey":
        # the parser hangs the host on the town)
        brokered = [n for n in brokered if n.pos_ == "NOUN"]
        for noun in brokered:
            between = args.participants(noun)
            heads = between + args.prep_objects(noun, "with")
            support = args.support_verb(noun, lambda v, via=None: v.i in self._trigger_at and
                                        self._trigger_at[v.i].pattern.light)
            held = noun  # ("agreed ..., at the end of four days of talks hosted by China": up to the verb)
            while held.dep_ == "pobj" and held.head.head.pos_ == "NOUN" and held.head.head.i != held.i:
                held = held.head.head
            if support is None and held.dep_ == "pobj" and held.head.head.pos_ == "VERB":
                support = held.head.head  # "restored relations under a deal brokered by China"
            if support is None and held.dep_ == "dobj" and held.head.pos_ == "VERB" and (
                    hyphen_agent(verb) or verb.dep_ == "advcl" and verb.head.i == held.head.i):
                support = held.head  # "Armenia and Azerbaijan signed a Russian-brokered agreement", "signed a
                # declaration at the White House, hosted by Trump": the signers
            if support is None and held.dep_ == "nsubj" and args.reduced_relative(held.head):
                support = held.head.head  # "agreed ... after talks mediated by Qatar": those who agreed
            if support is not None:
                heads += args.subject_heads(support)
            parties = self._resolve_all(heads, date)
            if len(parties) < 2 and support is not None:
                parties = self._parties_above(support, date) or parties
            if len(parties) >= 2 and self.last_pair and not between and not (
                    {p.country for p in parties} & {p.country for p in self.last_pair}):
                return list(self.last_pair)  # "Qatar, which mediated the deal with Egypt and the US": companions
            if len(parties) >= 2:
                return unique_actors(parties)
        # "hosted the signing": between the two sides just told; but "will host leaders from 40 countries" is no
        # one named
        return list(self.last_pair) if brokered and not any(self.actors.role_of(n) for n in brokered) else []

    def _authority(self, verb: Token, date) -> list[Actor]:
        """"was arrested in Minsk", "were set free in Gaza", "were expelled from Britain": with no agent named,
        an arrest, a release or an expulsion is the doing of whoever holds authority where it happened; with no
        place, of the state that reports it ("Iranian state television reported that four prisoners had been
        freed", "Warsaw said 12,000 troops had been sent to the frontier", "the minister said the site had been
        blocked"); an arrest with no place, of the detainees' own state."""
        clause = verb  # "Minsk, where the journalist was taken off the plane and arrested": the relative clause's
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl" and any(c.lower_ == "where" for c in clause.children):
            where = [clause.head] if clause.head.ent_type_ not in ("DATE", "TIME") else [  # (hung on "on Sunday")
                t for t in reversed(clause.doc[sentence_of(clause).start:clause.head.i]) if t.dep_ == "pobj"][:1]
            countries = self.actors.countries_in(where)  # "Minsk, where the journalist was arrested"
            if countries:
                return [Actor.of(countries[0], name=clause.head.text)]
        holders = {verb.i} | {c.i for s in verb.children if s.dep_ == "nsubjpass"
                              for c in s.subtree if c.dep_ in ("acl", "appos")}  # "hostages held in Gaza were freed"
        # "was detained when his flight was forced to land in Minsk": where the clause of its moment happened
        holders |= {t.i for c in verb.children if c.dep_ == "advcl" and any(
            m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark" and m.lower_ in ("after", "as")
            for m in c.children) for t in (c, *(x for x in c.children if x.dep_ == "xcomp"))}
        places = list(verb.subtree)
        trig = self._trigger_at.get(verb.i)
        if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            holders.add(verb.head.i)  # "Assad had arrived in Moscow and been granted asylum": there
            places += [t for t in verb.head.subtree if t.i < verb.i]
        for tok in places:
            if tok.dep_ == "pobj" and (tok.head.lower_ in ("in", "at", "from") and _phrase_of(tok.head.head, holders)
                                       or tok.head.lower_ == "of" and tok.head.head.lower_ == "out" and
                                       _phrase_of(tok.head.head.head, holders)):  # ("were ordered out of Germany")
                # (the whole place phrase: "at Lagos's main airport")
                owners = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss")] \
                    if tok.lemma_.lower() in ("embassy", "consulate") else []  # "given asylum at the Mexican embassy
                # in Lima": an embassy is its state's ground
                countries = self.actors.countries_in([*owners, tok, *self.actors.place_words(tok)])
                expelled = trig is not None and (trig.pattern.code or "").startswith("166")
                if countries and expelled:  # "diplomats were ordered out of the US, Canada and a dozen EU states,
                    # among them Germany": by each
                    phrase = tok.head.head if tok.head.lower_ == "of" and tok.head.head.lower_ == "out" else tok.head
                    named = [t for t in phrase.subtree if t.dep_ in ("pobj", "conj", "appos") and t.pos_ == "PROPN"]
                    return [Actor.of(c, "GOV", kind="sector") for c in self.actors.countries_in(named) or countries]
                if countries:  # the authorities there: "18 Saudis were detained in Riyadh" (SAUGOV -> SAU)
                    return [Actor.of(countries[0], "GOV", name=tok.text, kind="sector")]
        if trig is not None and (trig.pattern.code or "").startswith("173"):
            jailers = [a for a in self._speakers(self._chain(verb), date) if a.country and a.role in _JAILERS]
            if jailers:  # "Haitian police said 15 of the Colombians had been arrested": the police who say so
                return [Actor.of(jailers[0].country, jailers[0].role, kind="sector")]
            held = self._detainees_state(verb, date)
            if held:
                return held
        if trig is None or (trig.pattern.code or "")[:2] not in ("08", "15", "17"):
            return []
        speakers = self._speakers(self._chain(verb), date)
        return [Actor.of(a.country) for a in speakers if a.country and a.kind != "igo"][:1]

    def _detainees_state(self, verb: Token, date) -> list[Actor]:
        """"A Belarusian blogger was arrested on Monday": an arrest with no agent and no place is the doing of the
        detainees' own state, the one that can hold its people."""
        held = self._resolve_all([c for c in verb.children if c.dep_ == "nsubjpass"], date)
        return [Actor.of(a.country, "GOV", kind="sector") for a in held if a.country and a.kind != "igo"][:1]

    def _implicit_targets(self, heads: list[Token], code: str, sources: list[Actor], date) -> list[Actor]:
        """Targets the words imply without naming: "condemned the execution" aims at whoever carried out the
        last event reported; "hanged Mohsen Shekari", a person no dictionary knows, is one of the acting
        state's own people."""
        head = heads[0]
        if self._is_event(head):
            return self._event_doer(head, sources, date)
        root = code[:2]
        if head.ent_type_ == "PERSON" and root in ("17", "18", "20") and sources[0].country:
            name = self.actors.phrase_text(head)
            return [Actor.of(sources[0].country, name=name, kind="person")]
        return []

    def _event_doer(self, noun: Token, sources: list[Actor], date) -> list[Actor]:
        """Who did the event a noun refers to: its own doer ("the visit by the U.S. speaker", "Russia's
        annexation"), else whoever did the last thing reported ("condemned the move")."""
        own = [a for a in self._resolve_all(self._noun_doers(noun) + args.participants(noun), date)
               if all(a.code != s.code for s in sources)]  # "welcomed the agreement between A and B": A, B
        if own:
            return unique_actors(own)
        if noun.lemma_.lower() in _WORDS_NOUNS:  # "rejected the charge": whoever accused or spoke last
            return _other_sides([a for a in (self.last_accuser, self.last_speaker) if a is not None], sources)[:1]
        if noun.lemma_.lower() in _RULING_NOUNS:  # "called the verdict biased": the court that gave it
            return [ev.source for ev in reversed(self._reported_so_far()) if ev.source.role == "JUD" and
                    all(_another_party(ev.source, s) for s in sources)][:1]
        if noun.lemma_.lower() in _DEAL_NOUNS:  # "hailed the deal": the parties to the last accord reported
            accord = next((ev for ev in reversed(self._reported_so_far()) if ev.code[:2] in ("03", "04", "05", "08")
                           and ev.target is not None), None)
            if accord is not None:
                return _other_sides(unique_actors([accord.source, accord.target]), sources)
        if noun.lemma_.lower() in _UPRISINGS:  # "Putin denounced the mutiny as treason": the country risen against
            home = next((ev.source.country for ev in reversed(self._story) if ev.target is not None and
                         ev.source.country == ev.target.country and ev.source.role in _ARMED_GROUP_ROLES | {"MIL"}),
                        None)  # (told before it is judged: not "troops fighting jihadists" in the same breath)
            if home:
                return [Actor.of(home)]
            if sources and sources[0].country and sources[0].kind != "igo" and \
                    not self.actors.countries_in(noun.subtree):
                return [Actor.of(sources[0].country)]  # "Putin denounced the armed mutiny as treason": told first
                # by the ruler risen against, a rising at home
        # a judgement of the move is no move: "opened an inquiry ... Netanyahu called the decision antisemitic ...
        # the Palestinians welcomed the move": the inquiry's
        moves = [ev for ev in self._story if ev.code[:2] not in _JUDGING_ROOTS and not ev.code.startswith("051")]
        last = next((ev.source for ev in moves if sentence_of(ev.trigger) == sentence_of(moves[-1].trigger)),
                    None) if moves else self.last_event_source  # (the first move of the sentence that told the last)
        if last is not None and all(_another_party(last, s) for s in sources):
            # "condemned the move": whoever did the last thing reported; at home only another branch of the
            # state ("Trump dismissed the move" of Congress), not the speaker's own side (France, French minister)
            return self._with_partners([last])
        return []

    def _sufferer_home(self, noun: Token, date) -> list[Actor]:
        """"Morales called his removal a coup": a person's removal or arrest with no doer named was done by the
        state of the one who suffered it, not by whoever acted last."""
        if noun.lemma_.lower() not in _SUFFERED_NOUNS or args.prep_objects(noun, "of"):
            return []  # ("Russia's arrest of the journalist": the owner did it)
        owners = [c for c in noun.children
                  if c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.ent_type_ == "PERSON")]
        if owners and owners[0].lower_ in ("his", "her"):  # "Morales called his removal ...": the speaker's own
            owners = [h for h in args.subject_heads(noun.head) if h.ent_type_ == "PERSON"] \
                if noun.dep_ == "dobj" else []
        found = self._resolve_all(owners[:1], date)
        return [Actor.of(found[0].country)] if found and found[0].country else []

    def _code_accusation(self, trig: Trigger, chain: list[Token], date) -> list[SentenceEvent]:
        """A charge named in someone's words ("a threat from Ukrainian aggression"): the speaker accuses."""
        speaker = next((t for t in chain[1:] if self._wrapper_kind(t) == "speech"), None)
        if speaker is None:
            return []
        named = self._atrocity_named(trig, speaker, date)
        sources = unique_actors(self._resolve_all(self._subjects(speaker), date))
        # whoever names a deed an atrocity accuses its doer ("said the campaign looked like ethnic cleansing")
        targets = unique_actors([ev.source for ev in named]) if named else \
            unique_actors(self._resolve_all(self._noun_doers(trig.token), date))
        code, rule = ("112", f"{trig.pattern.id}>charge") if named else (trig.pattern.code, trig.pattern.id)
        return named + [SentenceEvent(trig.token, trig.first, code, s, t, modality_of(self._chain(speaker)), rule,
                                      chain, self._speaker_attribution(speaker, date))
                        for s in sources for t in targets if s.country != t.country]

    def _atrocity_named(self, trig: Trigger, speaker: Token, date) -> list[SentenceEvent]:
        """"said the army's campaign against the Rohingya seemed a textbook example of ethnic cleansing", "said the
        killings of Yazidis by the militants amounted to genocide": a deed the speaker calls a mass atrocity is
        reported as that atrocity, by the deed's doer against its victims (at home if none are named)."""
        code = next((p.code for p in self.lexicon.by_head.get(("noun", trig.token.lemma_.lower()), ())
                     if p.code and p.code[:2] == "20"), None)
        deed = _predicated_deed(trig.token)
        if code is None or deed is None or not self._is_event(deed):
            return []
        doers = unique_actors(self._resolve_all(self._noun_doers(deed), date))
        victims = unique_actors(self._resolve_all(args.prep_objects(deed, "against", "of", "on"), date))
        chain = self._chain(speaker)
        return [SentenceEvent(trig.token, trig.first, code, doer, target, modality_of(chain),
                              f"{trig.pattern.id}>named", [deed, *chain], self._speaker_attribution(speaker, date))
                for doer in doers for target in (victims or [Actor.of(doer.country)] if doer.country else [])
                if doer.kind != "igo"]

    def _adversary(self, sources: list[Actor]) -> list[Actor]:
        """Whom a threat with no named target faces: whoever did the last thing reported, else the last
        subject named, if another side."""
        # whom the same side just accused or struck ("blamed Israel and vowed to retaliate"), the last doer
        # (earlier in this sentence, then before it), else whom the story is about
        faced = [ev.target for ev in reversed(self._reported_so_far()) if ev.source.country in {
            s.country for s in sources} and ev.target is not None and ev.code[:2] in (
            "11", "12", "13", "14", "16", "17", "18", "19", "20")]  # ("rioters stormed the Thai embassy")
        # deeds of force first: "A U.S. drone strike killed Soleimani ... Khamenei warned of revenge, while Iraq's
        # prime minister called the attack a breach": the threat faces the striker, not the one who spoke
        own = {s.country for s in sources}
        codes = {s.code for s in sources}
        judged = next((ev.target for ev in reversed(self._so_far) if ev.source.code in codes and
                       ev.code[:2] in ("11", "12") and ev.target is not None), None)
        if judged is not None and judged.country in own:  # "condemned the mutiny as treason and promised severe
            return [judged]  # punishment": those just judged, at home too
        here = [ev.source for ev in reversed(self._reported_so_far()) if ev.code[:2] in ("18", "19", "20")
                and ev.modality == "asserted"] + [
            # "Seoul called the move regrettable, and Tokyo lodged a protest": with Seoul, at the move's doer
            ev.target if ev.code[:2] in ("11", "12") and ev.target is not None and ev.target.country not in own
            else ev.source for ev in reversed(self._so_far) if ev.code[:2] != "01"]
        doers = [*faced, *here, self.last_event_source, *self.last_sources, self.last_subject]
        return self._with_partners(_other_sides([a for a in doers if a is not None], sources)[:1])

    def _answered_at_home(self, sources: list[Actor]) -> list[Actor]:
        """The side a rejection at home answers: the one acted on in the last act told, when it was an act inside
        the rejecting side's own country."""
        last = next((ev for ev in reversed(self._reported_so_far()) if ev.target is not None and
                     ev.modality == "asserted" and ev.code[:2] != "01"), None)
        home = {s.country for s in sources}
        if last is None or last.source.country not in home or last.target.country not in home:
            return []
        return [a for a in (last.target, last.source) if all(_distinct(a, s) for s in sources)][:1]

    def _deed_named_before(self, tok: Token) -> Token | None:
        """The act "it" stands for when the sentence before ended on one as its object ("Iran condemned the
        strike"): the noun naming it, if the lexicon reads it only as an act."""
        sent = sentence_of(tok)
        if sent.start == 0:
            return None
        before = sentence_of(tok.doc[sent.start - 1])
        objects = [t for t in before if t.dep_ in ("dobj", "pobj") and t.pos_ == "NOUN"]
        last = objects[-1] if objects else None
        if last is None or ("noun", last.lemma_.lower()) not in self.lexicon.by_head:
            return None
        return last

    def _deed_doer(self, sources: list[Actor]) -> list[Actor]:
        """Whoever did the last deed told (not a word said), when "it" or "the move" stands for that deed."""
        return _other_sides([ev.source for ev in reversed(self._reported_so_far())  # (a deed denied is not one told)
                             if ev.code[:2] not in SPOKEN_ROOTS and ev.modality != "denied"], sources)[:1]

    def _with_partners(self, actors: list[Actor]) -> list[Actor]:
        """An actor with those who did the same act beside it: "Britain, France and Germany triggered the
        snapback ... Iran denounced the move": all three, not the last named."""
        if not actors:
            return actors
        one = actors[0]
        for ev in reversed(self._reported_so_far()):
            for side in ("source", "target"):
                if getattr(ev, side) is not None and getattr(ev, side).code == one.code:
                    alike = [e for e in self._reported_so_far() if e.trigger.i == ev.trigger.i and e.code == ev.code]
                    other = "target" if side == "source" else "source"
                    facing = {getattr(e, other).code for e in alike if getattr(e, other) is not None}
                    # (not the other party of a mutual act: "signed a pact with Solomon Islands")
                    return unique_actors([one, *(getattr(e, side) for e in alike if getattr(e, side) is not None
                                                 and getattr(e, side).code not in facing)])
        return actors

    # -- framing verbs ---------------------------------------------------------------------------------------
    def _wrapper_kind(self, tok: Token) -> str | None:
        trig = self._trigger_at.get(tok.i)
        return trig.pattern.wrapper if trig else None

    def _absorbing_wrapper(self, ev: SentenceEvent, by_token) -> Trigger | None:
        """The intent/appeal/demand/threat/refusal verb that frames this event, if any."""
        prev = ev.trigger
        if prev.dep_ == "acl" and any(c.dep_ == "agent" for c in prev.children):
            return None  # "agreed to ..., in a statement welcomed by the EU": a participle with its own doer
        if _is_occasion(prev):
            return None  # "agreed to resume contacts at their first meeting": where they agreed, not what
        if _answered_deed(prev, by_token):
            return None  # "vowed to retaliate against U.S.-South Korean drills": the drills are not vowed
        for tok in ev.chain[1:]:
            if tensed_conjunct(prev):  # "vowed to punish the attack and summoned the envoy": a deed of its own
                return None
            if prev.dep_ == "prep" and prev.lower_ in TEMPORAL_PREPS:
                return None  # "wanted to calm tensions after three months of protests": when, not what is wanted
            if prev.dep_ == "relcl" and prev.tag_ in ("VBD", "VBZ", "VBP"):
                return None  # "Washington, which froze the assets ..., warned that ...": the relative clause's own
            if prev.dep_ == "ccomp" and args.mark_read_as_participles(prev) is not None:
                return None  # "asked for help, after protesters enraged by ... stormed the office": when, not what
            if prev.dep_ == "advcl" and any(c.dep_ in args.SUBJECT_DEPS for c in prev.children) and any(
                    c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in prev.children):
                return None  # "offered to help ..., as its minister spoke with ...": a clause of its own
            trig = by_token.get(tok.i)
            if trig is not None and trig.pattern.wrapper in ABSORBING and args.fronted_clause(tok) == prev:
                return None  # "Hunt called the seizure unacceptable, demanded ...": a deed before the demand
            if trig is not None and trig.pattern.wrapper in ABSORBING:
                framing = prev.dep_ in ("ccomp", "acomp") or args.is_infinitive(prev) or (
                    prev.dep_ == "prep" and prev.lower_ == "to" and trig.pattern.wrapper == "intent") or \
                    trig.pattern.wrapper == "threat" or _asks_for(ev.trigger, prev, trig.pattern.wrapper) or \
                    prev.i in trig.consumed  # "expressed willingness to resume talks"
                return trig if framing else None
            if trig is not None and trig.pattern.wrapper == "speech":
                return None
            prev = tok
        return None

    def _abroad(self, tok: Token, source: Actor) -> bool:
        """Whether the event's own place phrase names another country than its doer's ("seized hostages in
        southern Israel"): the place then says whom it struck."""
        where = args.prep_objects(tok, "in", "at", "near", "inside", "across")
        return any(c != source.country for c in self.actors.countries_in(where))

    def _speakers(self, chain: list[Token], date) -> list[Actor]:
        """Whoever says, in the first speech verb above the event, that it happened or will."""
        speech = next((t for t in chain[1:] if self._wrapper_kind(t) == "speech"), None)
        return self._resolve_all(self._subjects(speech), date) if speech is not None else []

    def _conflict_parties(self, sources: list[Actor]) -> list[Actor]:
        """The countries of the last use of force told, each side (at home, the one country): whom an appeal for
        calm, restraint or a ceasefire that names no one addresses."""
        told = [ev for ev in reversed(self._reported_so_far()) if forceful(ev.code) and ev.modality == "asserted"]
        last = next((ev for ev in told if ev.target is not None), None) or next(iter(told), None)  # (a fight
        # with both its sides named, rather than "launched an attack" after it)
        if last is None:  # "the president was shot dead at his residence": where a deed with no doer happened
            sides = [Actor.of(self.agentless.target.country)] if self.agentless and self.agentless.target.country \
                and forceful(self.agentless.code) else []
        else:
            sides = [Actor.of(a.country) for a in (last.source, last.target) if a is not None and a.country]
        return [a for a in unique_actors(sides) if all(a.code != s.code for s in sources)]

    def _sides_in_view(self, sources: list[Actor]) -> list[Actor]:
        """Whom "all sides" or "all parties" are, to a party outside the fight: the sides of the last use of force
        told, else the country of the last act done at home ("the military seized power ... China urged all sides
        to settle their differences": Myanmar)."""
        sides = self._conflict_parties(sources)
        if not sides:
            home = next((ev.source.country for ev in reversed(self._reported_so_far()) if ev.target is not None and
                         ev.modality == "asserted" and ev.source.country == ev.target.country), None)
            sides = [Actor.of(home)] if home else []
        return _other_sides(sides, sources)

    def _reporting_forces(self, tok: Token, date) -> list[Actor]:
        """A country whose armed forces or police report an attack that names no target: the one attacked
        ("Ukraine's air force said Russia launched 40 drones overnight")."""
        return [Actor.of(a.country) for a in self._speakers(self._chain(tok), date)
                if a.country and a.role in ("MIL", "COP")][:1]

    def _own_speakers(self, chain: list[Token], date) -> set[str]:
        """Countries of whoever says, in the first speech verb above the event, what their side will do."""
        return {a.country for a in self._speakers(chain, date) if a.country}

    def _code_wrapper(self, trig: Trigger, framed: list[SentenceEvent], by_token, date) -> list[SentenceEvent]:
        """An intent, appeal, demand, threat or refusal, coded from what it frames (or, framing nothing we
        code, with its family's general code when it names whom it addresses)."""
        family = trig.pattern.wrapper
        tok = trig.token
        if family == "intent" and _states_terms(tok):
            return []
        chain = self._chain(tok)
        modality = modality_of(self._clause(chain, by_token), denied=self._denied(chain, by_token))
        attribution = self._attribution(chain, by_token, date)
        sources = unique_actors(self._resolve_all(self._subjects(tok), date, record=True))
        if not sources:
            return []
        codes = {s.code for s in sources}
        countries = {s.country for s in sources}
        addressees = [a for a in self._addressees(trig, date, countries) if a.code not in codes]
        if family == "appeal" and _everyone(tok, both=True):  # "urged both sides to cease fire": the two who fight,
            fighting = self._conflict_parties(sources)  # not the last two named ("Turkey stood by Azerbaijan")
            addressees = fighting if len(fighting) == 2 else addressees
        if not framed:
            if family == "intent" and not addressees and len(sources) >= 2 and tok.lemma_.lower() not in _OFFERING:
                # "A and B agreed to ...": to each other (but "A and B promised personnel": to a third)
                return [SentenceEvent(tok, tok.i, trig.pattern.code, s, t, modality, trig.pattern.id, chain,
                                      attribution) for s, t in _dyads(sources)]
            asked = self._asked_for(tok) if family in ("appeal", "demand") else None
            if not addressees and asked is not None and asked.pattern.code[:2] == "09":
                # "called for an investigation into the killings": of those who would answer for them
                return [SentenceEvent(tok, tok.i, framed_code(family, asked.pattern.code), s, t, modality,
                                      f"{trig.pattern.id}>{asked.pattern.id}", chain, attribution)
                        for s in sources for t in self._answerable(asked.token, sources, date)]
            if not addressees and asked is not None:  # "called for a ceasefire in Gaza": to those fighting there
                places = args.prep_objects(asked.token, "in", "on")
                there = [Actor.of(c) for c in self.actors.countries_in(places) if c not in countries]
                if there or family != "demand":
                    return [SentenceEvent(tok, tok.i, framed_code(family, asked.pattern.code), s, t, modality,
                                          f"{trig.pattern.id}>{asked.pattern.id}", chain, attribution)
                            for s in sources for t in there[:1]]
            if family in ("intent", "threat") and any(c.dep_ in ("xcomp", "ccomp") and _in_response(c)
                                                      for c in tok.children):  # ("vowed that Iran would strike back")
                # "vowed to respond at a time and place of its choosing": a threat to whoever acted
                return [SentenceEvent(tok, tok.i, "130", s, t, modality, f"{trig.pattern.id}>respond", chain,
                                      attribution) for s in sources for t in (addressees or self._adversary(sources))]
            if family == "intent" and addressees and _threatens([c for c in tok.children if c.dep_ == "ccomp"]):
                # "vowed that Hamas would pay an unprecedented price": a threat, as when it is said
                return [SentenceEvent(tok, tok.i, "130", s, t, modality, f"{trig.pattern.id}>threat", chain,
                                      attribution) for s in sources for t in addressees]
            if not addressees and family == "threat" and any(
                    _names_deed(s) for c in tok.children if c.dep_ == "ccomp" for s in c.children
                    if s.dep_ in ("nsubj", "nsubjpass")):  # "warned that it would not go unanswered"
                addressees = self._deed_doer(sources)
            if not addressees and family == "threat" and _warns_of_what_is(tok):
                return []  # "warned that big obstacles remained": a caution, not a threat to anyone
            if not addressees and family == "threat" and any(
                    _names_anyone(s) for c in tok.children if c.dep_ == "ccomp" for s in c.children
                    if s.dep_ in args.SUBJECT_DEPS):  # "warned that any country trying to interfere would face
                # consequences": a threat to no one named, not to the side last fought
                return [SentenceEvent(tok, tok.i, trig.pattern.code, s, None, modality, trig.pattern.id, chain,
                                      attribution) for s in sources]
            if not addressees and family in ("demand", "threat"):
                # "demanded a full apology": from whoever did the deed; "reserved the right to respond": to them
                addressees = self._adversary(sources)
            if not addressees and family == "appeal" and _everyone(tok):  # "urged all parties to exercise
                # restraint": to each side of the conflict in view, else to no one in particular
                return [SentenceEvent(tok, tok.i, trig.pattern.code, s, t, modality, trig.pattern.id, chain,
                                      attribution) for s in sources for t in self._sides_in_view(sources) or [None]]
            if family == "intent" and not addressees and _offers_to_act(tok):
                # "was ready to accept a U.S. proposal": to the other party the offered act names, else ("offered to
                # dismantle the reactor", "was willing to extend the grain deal") to no one named
                acts = [t for c in tok.subtree if c.dep_ == "xcomp" for t in c.subtree]
                named = self._other_country_in(acts, sources)[:1] or self._last_faced(sources)
                return [SentenceEvent(tok, tok.i, trig.pattern.code, s, t, modality, f"{trig.pattern.id}>offer",
                                      chain, attribution) for s in sources for t in named or [None]]
            if family == "reject" or not addressees:
                return []
            framed_none = [(s, t, trig.pattern.code, trig.pattern.id) for s in sources for t in addressees]
            return [SentenceEvent(tok, tok.i, code, s, t, modality, rule, chain, attribution)
                    for s, t, code, rule in framed_none]
        if family == "reject":  # "A and B declined to sign": not a refusal toward each other
            framed = [ev for ev in framed if ev.target is None or ev.target.code not in codes]
        if family in ("threat", "intent"):  # "reserved the right to retaliate": one threat, not also the act's
            framed = [ev for ev in framed if not ev.rule.endswith(">threat")] or framed
        events, seen = [], set()
        for inner in framed:
            code = framed_code(family, inner.code)
            if family == "reject" and inner.code[:2] == "12":  # already a refusal ("would not recognise")
                code = inner.code
            if family == "intent" and inner.modality == "negated":  # "promised it would not block the bid"
                code = framed_code("intent", "*")
            elif family == "intent" and tok.lemma_.lower() == "agree" and inner.code[:2] == "16":
                code = inner.code  # "EU leaders agreed to bar Belarusian airlines": a measure decided, not a threat
            mood = modality
            if _prepares_harm(trig, inner):
                code, mood = inner.code, strongest([modality, "planned"])
            if inner.target is not None and inner.source.code in codes:
                inner_side = [inner.target]
            else:  # "demanded that Lukashenko step down": the one asked to act is the addressee (at home too:
                roles = {s.role for s in sources}  # protesters "demanding his resignation")
                # (one asked for an act is asked to do it: "called for the withdrawal of Eritrean forces from
                # Tigray" addresses Eritrea)
                # (and an intent about another country's act faces that country: "agreed to forward Sweden's bid to
                # join NATO" is Turkey's to Sweden, not to NATO)
                others_act = family == "intent" and inner.source.country not in countries
                sides = (inner.source, inner.target) if family in ("appeal", "demand") or others_act else (
                    inner.target, inner.source)
                inner_side = [a for a in sides if a is not None and a.code not in codes and (
                    a.country not in countries or (a.role and a.role not in roles and not (
                        family == "intent" and len(countries) >= 2)))]  # "A and B agreed that their forces
                # should pull back": toward each other (below), not toward their own forces
            targets = addressees or inner_side[:1] or self._answered_actors(inner.trigger, sources, date)
            if not targets and code[:2] == "13":  # "vowed to retaliate": against the other side
                targets = self._adversary(sources)
            own = [s for s in sources if s.code == inner.source.code] or sources
            for s in own:
                for t in targets or [None]:
                    key = (s.code, t.code if t else None, code)
                    if key in seen or (t is not None and t.code == s.code):
                        continue
                    seen.add(key)
                    events.append(SentenceEvent(tok, tok.i, code, s, t, mood,
                                                f"{trig.pattern.id}>{inner.rule}", chain, attribution))
        if any(ev.target is not None for ev in events):  # one framing verb, one addressee where it has one
            events = [ev for ev in events if ev.target is not None]
        elif len(sources) >= 2 and not any(ev.code[:2] in CONFLICT_ROOTS for ev in events):
            # "the two sides agreed to swap prisoners": each toward the other (but allies "preparing to deploy
            # warplanes" do not prepare it against each other)
            pairs = _dyads(sources)
            events = [SentenceEvent(tok, tok.i, ev.code, ev.source, other, modality, ev.rule, chain, attribution)
                      for ev in events for source, other in pairs if source.code == ev.source.code]
        return events

    def _answerable(self, inquiry: Token, sources: list[Actor], date, *, own: bool = False) -> list[Actor]:
        """Who answers to an inquiry: the doers of the deed it names ("an investigation into the killing",
        "to investigate the killing of protesters by Israeli forces"), else the country the deed is placed in
        ("abuses in Ethiopia's war"), else the side whose force the story first told of, else the state where
        the story happens ("died in the custody of security forces in Hebron ... called for a transparent
        investigation"). A call for one never addresses the caller's own country; an inquiry a state opens
        itself (``own``) may be into its own side ("Raisi ordered an inquiry into her death")."""
        topics = args.prep_objects(inquiry, "into", "of", "over") + (
            args.direct_objects(inquiry) if inquiry.pos in VERBAL_POS else [])
        doers = [a for h in topics if self._is_event(h) for a in self._deed_doers(h, sources, date)]
        where = [Actor.of(c) for c in self.actors.countries_in(
            t for h in topics for t in h.subtree if t.i != h.i)]  # ("abuses by all sides in Ethiopia's war")
        if own:  # "to investigate torture in Venezuela", "arrived in Wuhan to investigate the origins of the virus":
            # where the inquiry or the journey it is the purpose of goes (not "voted in Geneva to set up ...")
            steps = [inquiry] + ([inquiry.head] if inquiry.dep_ == "advcl" and args.is_infinitive(inquiry) else [])
            where += [Actor.of(c) for c in self.actors.countries_in(
                t for step in steps for p in args.prep_objects(step, "in", "to") for t in self.actors.phrase_tokens(p))]
        force = [ev.source for ev in self._reported_so_far()  # (the story's lead deed, not one it recalls)
                 if forceful(ev.code) and ev.modality == "asserted" and ev.source.country]
        # (a state's own inquiry into a deed nobody is named for is into no one: "the UAE said it was investigating")
        place = [Actor.of(self.actors.last_place_country)] if self.actors.last_place_country and not own else []
        answerable = [Actor.of(a.country) for a in doers or where or force[:1] or place if a.country]
        return (answerable if own else _other_sides(answerable, sources))[:1]

    def _asked_for(self, verb: Token) -> Trigger | None:
        """The event noun an appeal or demand asks for as its object ("demanded a ceasefire"), if any."""
        for child in verb.children:
            heads = [p for p in child.children if p.dep_ == "pobj"] if child.dep_ == "prep" else \
                [child] if child.dep_ == "dobj" else []
            for head in heads:
                trig = self._trigger_at.get(head.i)
                if trig is not None and trig.pattern.code and not trig.pattern.wrapper:
                    return trig
        return None

    def _addressees(self, trig: Trigger, date, own: set[str]) -> list[Actor]:
        """Whom a framing verb addresses: its object ("urged Iran to ..."), its target phrase ("demanded an
        explanation from Moscow", "promised guarantees to Pyongyang"), the subject of its complement
        ("demanded that Washington cancel the deal") or the party a condition names ("... if the European
        signatories failed to ...")."""
        tok = trig.token
        for slot, heads in args.target_candidates(tok, trig.pattern):
            if slot == "on" and trig.pattern.wrapper == "intent" and len(own) >= 2:
                continue  # "Kurti and Vucic agreed on an EU plan": with each other, on the plan
            if slot == "dobj" and trig.pattern.wrapper == "intent" and all(
                    h.lemma_.lower() in _OFFERED for h in heads):
                continue  # "promised troops", "pledged 1,000 police officers": what is given, not to whom
            found = self._resolve_all(heads, date)
            if found and not (slot == "dobj" and self._own_thing(heads, found, own)):
                return unique_actors(found)
        said = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp")] + [
            clause for p in args.prep_objects(tok, "in") if p.lemma_.lower() in _SAYING_NOUNS
            for clause in p.children if clause.dep_ in ("acl", "relcl")]  # "warned in a statement that ..."
        # what follows the verb first: "X landed ... ; Ankara demanded that Athens send them back" (the parser may
        # hang the clause before the semicolon on the verb too)
        for comp in sorted(said, key=lambda c: c.i < tok.i):
            if trig.pattern.wrapper in ("demand", "appeal") and args.is_passive(comp) and \
                    comp.lemma_.lower() in _FREEING and not any(c.dep_ == "agent" for c in comp.children):
                # "demanded that the two soldiers be freed": of whoever holds them, not of the soldiers
                return [a for a in self._captor() if a.country not in own]
            found = self._resolve_all([s for c in comp.children if c.dep_ in args.SUBJECT_DEPS or c.dep_ == "nsubjpass"
                                       for s in args.with_conjuncts(c)], date)  # "warned that Taiwan's forces would
            # be crushed", "that Washington and London would pay a heavy price": each
            if trig.pattern.wrapper == "threat":  # "warned that Russian forces would ...": one's own side
                found = [a for a in found if a.country not in own]
            elif trig.pattern.wrapper == "intent":  # "vowed that Iran would strike back" (but "that the militants
                # would be defeated"; yet "India and China agreed that their troops should disengage": each other)
                found = [a for a in found if a.country not in own or (a.role and len(own) < 2)]
            if found:
                return unique_actors(found)
            found = [a for a in self._answered_actors(comp, [], date) if a.country not in own]
            if found:
                return found
        # "warned of consequences if Western troops were sent"; an offer answers no "as"-clause ("offered ...,
        # as its minister spoke ...")
        marks = _CONDITIONS if trig.pattern.wrapper == "intent" else _ANSWERED_CLAUSES
        found = [a for a in self._answered_actors(tok, [], date, marks) if a.country not in own]
        if not found and trig.pattern.wrapper == "intent":  # "agreed to ship uranium to Turkey", "... and hand
            # the territory to Cameroon": whom the promised act goes to
            acts = [v for c in tok.children if c.dep_ == "xcomp" for v in (c, *c.conjuncts)]
            found = [a for a in self._resolve_all([p for v in acts for p in args.prep_objects(v, "to", "with")], date)
                     if a.country not in own]
        return found

    def _answered_actors(self, verb: Token, sources: list[Actor], date,
                         marks: frozenset[str] | None = None) -> list[Actor]:
        """"... if Ukrainian troops did not withdraw", "lodged a protest after North Korean soldiers crossed the
        line": the party a condition or a cause names, other than the sources."""
        for child in verb.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in (marks or _ANSWERED_CLAUSES)
                                             for m in child.children):
                heads = self._subjects(child) or [c for c in child.children if c.dep_ == "nsubjpass"]
                found = _other_sides(self._resolve_all(heads, date), sources)
                if found:
                    return found[:1]
        # "deployed a carrier in response to warnings from Iran", "in retaliation for Russia's shelling": the party
        # what it answers names
        answered = [t for p in _in_phrases(verb, _ANSWER_NOUNS) for q in p.children
                    if q.dep_ == "prep" and q.lower_ in ("to", "for") for t in q.subtree if t.i != q.i]
        return self._other_country_in(answered, sources)

    def _code_statement(self, trig: Trigger, coded: set[int], date) -> list[SentenceEvent]:
        """A speech verb that reports no coded event is a statement (CAMEO 01) when what it says is about
        another party: the subject of what was said names it ("Putin said the American plan could serve")."""
        tok = trig.token
        complement = _what_was_said(tok)
        complicit = _complicity(complement)  # "said there were indications of an Israeli role"
        blamed = _blames(complement) or bool(complicit)  # "said Iran was behind the attack": an accusation
        threatened = _threatens(complement)  # "said Israel would pay a heavy price"
        unyielding = _not_negotiable(complement)  # "said Greenland was not for sale": a demand refused
        judged = blamed or threatened or unyielding or self._judges(complement, "disparaging")  # "said the
        # annexation was illegal"
        demanded = any(a.dep_ == "aux" and a.lower_ in ("must", "should") for c in complement for a in c.children)
        inside = {t.i for c in complement for t in c.subtree}
        if trig.pattern.code == "015" and complement:  # "Iran acknowledged that its military had shot down ..."
            return self._admission(trig, inside, date)
        if not complement or (not (judged or demanded) and inside & coded):
            return []
        sources = unique_actors(self._resolve_all(self._subjects(tok), date))
        if not sources:
            return []
        topics = [s for c in complement for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        topics += args.prep_objects(tok, "of", "about") + complicit + _misdeed_doers(complement)  # '"...," X said
        # of Y'
        target = next(iter(self._adversary(sources)), None) if unyielding else \
            self._topic_actor(topics, sources, date, judged)  # (not what is not for sale: whoever wants it)
        if target is None and (judged or demanded):  # "told NATO that it would regard ... as a threat"
            told = [c for c in tok.children if c.dep_ in ("dobj", "dative")]
            target = next(iter(_other_sides(self._resolve_all(told, date), sources)), None)
        if target is None and threatened and any(_names_deed(t) for t in topics):
            target = next(iter(self._deed_doer(sources)), None)  # "said it would not go unanswered"
        if target is None and threatened:
            target = next(iter(self._adversary(sources)), None)
        if target is None:
            return []
        chain = self._chain(tok)
        code, rule = trig.pattern.code, trig.pattern.id
        if unyielding:
            code, rule = "120", f"{rule}>not-negotiable"
        elif threatened:
            code, rule = "130", f"{rule}>threat"
        elif blamed:
            code, rule = "112", f"{rule}>blame"
        elif judged:
            code, rule = "111", f"{rule}>disparaging"
        elif demanded:
            code, rule = "100", f"{rule}>must"  # "Israel must stop the bombing": a demand on Israel
        elif self._judges(complement, "approving"):
            code, rule = "013", f"{rule}>approving"  # "said the American plan could serve as a basis"
        elif not self.emit_statements:
            return []  # a bare statement about another party (010) only when asked for
        targets = [target]
        if judged and topics and not unyielding:  # "warned that Washington and London would pay a heavy price":
            # each of them
            targets = unique_actors(targets + _other_sides(self._resolve_all(args.with_conjuncts(topics[0]), date),
                                                           sources))
        return [SentenceEvent(tok, tok.i, code, s, t, modality_of(chain), rule, chain) for s in sources
                for t in targets]

    def _admission(self, trig: Trigger, inside: set[int], date) -> list[SentenceEvent]:
        """Admitting an act of one's own side acknowledges responsibility (015) to whom it was done."""
        sources = unique_actors(self._resolve_all(self._subjects(trig.token), date))
        own = {s.country for s in sources}
        done = next((ev for ev in self._so_far if ev.trigger.i in inside and ev.source.country in own and (
            ev.needs_place_target if ev.target is None else ev.target.country not in own)), None)
        if done is None:
            return []
        chain = self._chain(trig.token)  # to whom it was done: its target, or the place it was done in
        return [SentenceEvent(trig.token, trig.token.i, "015", s, done.target, modality_of(chain),
                              f"{trig.pattern.id}>{done.rule}", chain, needs_place_target=done.needs_place_target,
                              place_hints=[done.trigger, *done.place_hints]) for s in sources]

    def _topic_actor(self, topics: list[Token], sources: list[Actor], date, judged: bool) -> Actor | None:
        """The other party a statement is about: named in the subject of what was said, or, when that
        subject is an event judged ("the measures were unjustified"), whoever did it."""
        for topic in topics:
            for t in self.actors.phrase_tokens(topic, with_preps=False):
                found = self.actors.resolve(t, date) if self.actors.is_actor_token(t) else None
                if found and _other_sides([found[0]], sources):
                    return found[0]
            if judged and self._is_event(topic):
                doers = _other_sides(self._event_doer(topic, sources, date), sources)
                if doers:
                    return doers[0]
        return None

    def _judges(self, complement: list[Token], judgement: str) -> bool:
        """Whether what was said judges its subject with a word of the class ``judgement``: disparaging ("was
        illegal", "a sham") or approving ("could serve as a basis", "was constructive")."""
        words = self.lexicon.classes.get(judgement, frozenset())
        for clause in complement:
            predicates = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")] + [
                p for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                if p.dep_ == "pobj"]  # "could serve as a basis"
            if clause.lemma_.lower() in ("make", "commit"):  # "had made a big mistake", "committed a crime"
                predicates += [c for c in clause.children if c.dep_ == "dobj"]
            for pred in predicates:
                if pred.lemma_.lower() in words or pred.lower_ in words:
                    return True
                if any(m.dep_ in ("amod", "compound") and m.lemma_.lower() in words for m in pred.children):
                    return True
                if any(_phrase_words(p) & words for m in pred.children if m.dep_ == "prep" and m.lower_ == "of"
                       for p in m.children if p.dep_ == "pobj"):  # "an act of aggression", "of ethnic cleansing"
                    return True
        return False

    # -- shared helpers ----------------------------------------------------------------------------------------
    def _is_event(self, head: Token) -> bool:
        """A noun that stands for an event: a trigger of this sentence or a word that refers back to one."""
        return _refers_to_event(head) or head.i in self._trigger_at

    def _chain(self, tok: Token) -> list[Token]:
        """The trigger and its governors up to the sentence root (framing verbs included)."""
        chain = [tok]
        node = args.misread_gerund(tok) or tok  # ("of shelling the towns": on from the "of")
        if node is not tok:
            chain.append(node)
        speech = self._misattached_speech(tok)
        if speech is not None:  # "said there was no proof ... and blamed X": the speaker's own act, not one
            chain.append(speech)  # under the reported clause's "no"
            node = speech
        while node.head.i != node.i and node.dep_ in _CLIMB and len(chain) < 12 and not args.semicolon_clause(node) \
                and not args.absolute_clause(node):
            node = node.head
            chain.append(node)
        return chain

    def _clause(self, chain: list[Token], by_token) -> list[Token]:
        """The part of the chain whose cues bear on the event: up to the first verb that frames it, and not
        past a subordinate clause of its own ("..., while the previous day saw X call Y")."""
        out = []
        for tok in chain:
            trig = by_token.get(tok.i)
            if out and trig is not None and trig.pattern.wrapper:
                break
            out.append(tok)
            if len(out) == 1 and tok.dep_ == "relcl" and (any(c.lower_ in args.RELATIVE_PRONOUNS for c in tok.children)
                                                          or tok.head.lemma_.lower() in _CHARGE_NOUNS):
                break  # "JNIM, which the minister blamed for the attack, has not commented": a statement of its own;
                # so is the answer to a charge ("accused Baku of meddling, a claim Baku rejected")
            if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS for c in tok.children):
                break
            if tok.dep_ == "advcl" and tok.tag_ == "VBG" and _set_off(tok) and any(
                    c.dep_ == "neg" for c in tok.head.children):
                break  # "would not approve ..., accusing them of ...": the accusation is made, not negated
            if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ == "for" and \
                    tok.head.head.lemma_.lower() in _GROUNDS_VERBS:
                break  # "failed to apologise for accusing Kuala Lumpur": the accusation was made
        return out

    def _denied(self, chain: list[Token], by_token) -> bool:
        """Whether a denial governs the event: the event sits in what a deny verb denies ("denied that it
        had supplied ..."), not merely beside it ("denied this and blamed ...", or "denied that its troops had
        killed civilians and called the images staged", the second act hung on the denied clause by the parser)."""
        if self._misattached_speech(chain[0]) is not None:
            return False
        if _denier_clause(chain[0]) is not None:
            return True  # "a gas attack that Damascus denies carrying out"
        for prev, tok in zip(chain, chain[1:]):
            if prev.dep_ == "conj" and any(c.dep_ in args.SUBJECT_DEPS for c in prev.children):
                return False  # "..., and Prime Minister Sharif condemned ...": a clause with its own subject
            trig = by_token.get(tok.i)
            if trig is not None and trig.pattern.wrapper == "deny":
                if prev.i == chain[0].i and _charge_set_off(prev, tok):
                    return False  # the charge was made; what it charges is what is denied
                return prev.dep_ in ("ccomp", "dobj", "xcomp", "pobj", "prep")
            if trig is not None and trig.pattern.wrapper in ABSORBING:
                return False
        return False

    def _subjects(self, verb: Token) -> list[Token]:
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and self.actors.is_actor_token(verb.head):
            # "demonstrators protesting against the decision": they do it (not "a resolution demanding ...")
            return args.with_conjuncts(verb.head)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in args.SUBJECT_DEPS
                                                                  for c in verb.children):
            objects = [o for o in args.direct_objects(verb.head) if o.i < verb.i and o.dep_ != "conj" and
                       o.right_edge.i + 1 == verb.i]  # (the gerund right after them, not "urged London to
            # begin the exit process without delay, warning that ...", which the urger warns)
            if objects and not _set_off(verb) and self.actors.names_party(objects[0]):
                return args.with_conjuncts(objects[0])  # "would not approve Sweden and Finland joining NATO"
            if _set_off(verb) and verb.head.dep_ == "xcomp" and verb.head.head.pos_ == "VERB":
                # "urged London to begin the exit process, warning that ...": the urger warns, not the urged
                return self._subjects(verb.head.head)
        kept = args.kept_from(verb)
        if kept is not None:  # "prevented a Philippine vessel from arresting fishermen": the vessel would have
            return args.with_conjuncts(kept)
        node = verb  # "... and vowed to retaliate": the infinitive's doer is the vow's
        while node.dep_ == "xcomp" and not any(c.dep_ in args.SUBJECT_DEPS for c in node.children):
            node = node.head
        speaker = self._misattached_speech(node)
        return args.subject_heads(speaker if speaker is not None else verb)

    def _misattached_speech(self, verb: Token) -> Token | None:
        """"Qatar said its air defences intercepted the missiles and condemned the attack": the parser often
        hangs a second act of speech on the reported (or denied) clause; words (criticism, demands, threats)
        belong to the speaker, not to the clause's subject. Returns the speech verb whose subject speaks."""
        trig = self._trigger_at.get(verb.i)
        if trig is None or verb.dep_ != "conj" or (trig.pattern.code or "")[:2] not in SPOKEN_ROOTS:
            return None
        if any(c.dep_ in args.SUBJECT_DEPS for c in verb.children):
            return None
        clause = verb.head
        while clause.head.i != clause.i and (clause.dep_ in _EMBEDDING or clause.dep_ == "ccomp" and not (
                clause.head.i in self._trigger_at and self._trigger_at[clause.head.i].pattern.wrapper)):
            clause = clause.head  # "said there was no sign the drones came from Iraq and ...": up to "was";
            # "said nothing showed the cable was cut by accident and ...": up to "showed"
        speech = self._trigger_at.get(clause.head.i)
        if speech is None or speech.pattern.wrapper not in ("speech", "deny"):
            return None
        if clause.dep_ != "ccomp" and not (clause.dep_ == "xcomp" and clause.tag_ == "VBG" and (
                verb.tag_ == clause.head.tag_ or verb.tag_ == "VBN" and clause.head.tag_ == "VBD")):
            return None  # ("denied bombing the building and accused X of ...": the accusation, in the deny
            # verb's own form or read as a participle, is the speaker's second act; "denied bombing and killing
            # ..." denies both)
        if clause.i != verb.head.i and verb.tag_ != clause.head.tag_:
            return None  # (deeper down, only a verb in the speech verb's own form: "said ... and blamed")
        if clause.head.i > verb.i:  # "A Russian general went to the embassy and demanded ..., a U.S. official
            return None  # said": an attribution after the clause reports all of it
        return clause.head

    def _resolve_all(self, heads: list[Token], date, deep: bool = False, record: bool = False) -> list[Actor]:
        """Actors named by the heads; ``record`` marks their words as not-a-place for this sentence."""
        out: list[Actor] = []
        for head in heads:
            members = args.prep_objects(head, "of") if head.lower_ in ("each", "all", "both") else []
            if members and members[0].tag_ == "NNS" and len(args.with_conjuncts(members[0])) > 1:
                # "to each of six countries, Burkina Faso, Zimbabwe, Mali and Eritrea": each one named
                out.extend(unique_actors(self._resolve_all(args.with_conjuncts(members[0])[1:], date)))
                continue
            if head.lower_ in ("that", "which") and head.dep_ == "nsubjpass" and head.head.dep_ == "relcl" and \
                    not self._is_event(head.head.head):  # (an act's relative is the act: "the attack, which was
                head = head.head.head  # claimed by ...") "a Russian plane that was shot down by ...": the plane
            if head.lower_ == "they" and head.dep_ in args.SUBJECT_DEPS and \
                    head.head.i == sentence_of(head).root.i and len({a.country for a in self.last_subjects}) >= 2:
                out.extend(self.last_subjects)  # "Egypt, Jordan and the PA met ... they called on Israel": all
                continue
            if head.lemma_.lower() in _ASSAILANTS and any(c.lower_ == "the" for c in head.children):
                struck = next((ev.source for ev in reversed(self._reported_so_far()) if ev.code[:2] in VIOLENCE_ROOTS
                               and ev.modality == "asserted"), None)
                if struck is not None:  # "al-Shabaab stormed the base ... the army repulsed the attackers": them
                    out.append(struck)
                    continue
            if head.lower_ == "they" and head.dep_ in args.SUBJECT_DEPS and head.head.dep_ == "ccomp":
                said_by = args.subject_heads(head.head.head)
                speakers = self._resolve_all(said_by, date)
                if len(said_by) >= 2 or len(speakers) >= 2:  # "the US and the EU said they would impose
                    out.extend(speakers)  # sanctions": each of them; "The two governments said they would ...": both
                    continue
            if head.lower_ == "them" and head.dep_ == "pobj" and head.head.lower_ in ("into", "inside", "in"):
                # "recognised two separatist regions in eastern Ukraine and ordered troops into them": places
                places = [t for t in reversed(head.doc[sentence_of(head).start:head.i]) if t.tag_ in ("NNS", "NNPS")
                          and not self.actors.role_of(t)]
                where = self.actors.countries_in(t for p in places[:1] for t in self.actors.phrase_tokens(p))
                out.extend(Actor.of(c) for c in where[:1])
                continue
            if head.lower_ == "them":
                named = self._named_together_before(head, date)
                if named:  # "would not approve Sweden and Finland joining NATO, accusing them of ...": both
                    out.extend(named)
                    continue
            count = _group_count(head)
            if count:  # "the two leaders", "both sides", "the three countries": named in this sentence, or before
                statesmen = head.lemma_.lower() not in ("side", "party")  # "both leaders": of states, not the UN
                pair_here = next(([ev.source, ev.target] for ev in reversed(self._so_far) if ev.target is not None
                                  and ev.code[:2] != "01" and not (statesmen and "igo" in (
                                      ev.source.kind, ev.target.kind)) and not _one_side(ev.source, ev.target)),
                                 None)  # "A met B, and both sides agreed" (but "Washington ordered its staff out")
                named = self.last_subjects if len({a.country for a in self.last_subjects}) == count else []
                # ("Russia and China vetoed the resolution ... accused the two countries": they, not the UN; but
                # "both sides" are the two sides of the last exchange)
                states = head.lemma_.lower() in ("country", "nation", "government", "capital")
                last_pair = self.last_pair
                if head.lemma_.lower() in _PEOPLE_PAIR_NOUNS and self.last_people and not all(
                        a.kind == "person" for a in last_pair):
                    last_pair = self.last_people  # "Abe met Xi ... Japan warned of X ... the two leaders": Abe, Xi
                if statesmen and last_pair and any(a.kind == "igo" for a in last_pair):
                    last_pair = next(([ev.source, ev.target] for ev in reversed(self._reported_so_far())
                                      if ev.target is not None and ev.source.country != ev.target.country
                                      and "igo" not in (ev.source.kind, ev.target.kind)), None)
                if head.i not in self._groups:  # ("the two sides said they opposed ... and pledged ...": the
                    # same two for both verbs, not the parties of what the first verb told)
                    earlier = (pair_here or (named if states else []) or last_pair or named) if count == 2 else \
                        named or self._doers_together(count)
                    group = self._group_before(head, date, count) or earlier or (
                        self._parties_named_in(sentence_of(head), count) if head.lemma_.lower() in _SIDES_OF_STATES
                        else [])
                    if group and self.last_pair and self._acts_on_itself(head, group, date):
                        group = list(self.last_pair)  # "Iraq and Oman had hosted talks between the rivals": the
                        # two sides told before, not the hosts
                    self._groups[head.i] = group
                out.extend(self._groups[head.i])
                continue
            owners = self.actors.possessors(head, date) if head.lower_ == "their" and head.dep_ == "poss" else []
            if len(owners) >= 2:  # "Niger, Mali and Burkina Faso announced their withdrawal": each of them
                out.extend(owners)
                continue
            if head.dep_ == "conj" and out and not self._names_own_party(head, date):
                # "13 Israeli women and children": a conjunct without a country shares the first one's
                out.append(Actor.of(out[-1].country, self._role_of(head, date), name=head.text, kind="sector"))
                continue
            group = self._group_of(head, date)
            if group:  # "the foreign ministers of Russia and Ukraine": one actor per country
                out.extend(group)
                continue
            actor = self._resolve_head(head, date, deep)
            members = _listed_members(head)
            listed = self._resolve_all(members, date, record=record) if members else []
            if listed and (actor is None or actor.country in {a.country for a in listed} or actor.kind in (
                    "group", "igo")):  # (a region's or a bloc's members named: "Latin American countries, including")
                # "twelve countries, including France, Germany and Italy": each one named (not only the first, which
                # the phrase's own words name), in the role the phrase gives ("the military chiefs of ...")
                role = actor.role if actor is not None else None
                out.extend(Actor.of(a.country, role, name=a.name, kind="sector") if role and a.country and
                           a.kind == "country" else a for a in listed)
                continue
            if actor is not None:
                out.append(actor)
                out.extend(self._conjoined_modifiers(head, actor, date))
                if record:
                    self._actor_tokens.update(t.i for t in self.actors.phrase_tokens(head, with_preps=False))
        return out

    def _names_own_party(self, head: Token, date) -> bool:
        """Whether a phrase names a country or a party itself ("Iran and European diplomats": EUR), or by
        whoever leads it ("Iran and six powers led by the United States")."""
        words = self.actors.phrase_tokens(head, with_preps=False)
        # (an organisation we do not know names no side by its name: "Venezuela's government and the opposition
        # Unitary Platform" are both Venezuelan, whatever place the sentence names)
        if self.actors.countries_in(words) or any(self.actors.names_party(t) and not self.actors.unknown_organization(t)
                                                  for t in words):
            return True
        found = self.actors.resolve(head, date)
        return found is not None and found[1].startswith("actor:led-by")

    def _named_together_before(self, pron: Token, date) -> list[Actor]:
        """The nearest parties conjoined before a plural pronoun in its sentence ("Sweden and Finland")."""
        for tok in reversed(pron.doc[sentence_of(pron).start:pron.i]):
            if tok.dep_ != "conj" and any(c.dep_ == "conj" for c in tok.children) and self.actors.names_party(tok):
                parties = unique_actors(self._resolve_all(args.with_conjuncts(tok), date))
                if len({p.country for p in parties}) >= 2:
                    return parties
        return []

    def _doers_together(self, count: int) -> list[Actor]:
        """The ``count`` countries that last did one thing together: "The United States, Britain and France launched
        strikes ... the three Western powers said"."""
        by_trigger: dict[int, list[Actor]] = {}
        for ev in self._reported_so_far():
            by_trigger.setdefault(ev.trigger.i, []).append(ev.source)
        for doers in reversed(list(by_trigger.values())):
            parties = unique_actors(doers)
            if len({a.country for a in parties}) == count:
                return parties
        return []

    def _group_before(self, head: Token, date, count: int) -> list[Actor]:
        """``count`` conjoined parties that an earlier clause of the sentence names as its subject: "Azerbaijan
        and Armenia initialled a deal ..., with Trump, who hosted the two leaders"."""
        for tok in sentence_tokens(sentence_of(head)):
            if tok.i >= head.i:
                break
            if tok.dep_ in args.SUBJECT_DEPS and tok.conjuncts:
                parties = unique_actors(self._resolve_all(args.with_conjuncts(tok), date))
                if len({p.country for p in parties}) == count:
                    return parties
        return []

    def _parties_named_in(self, sent: Span, count: int) -> list[Actor]:
        """"Ukraine said it was ready to accept a U.S. proposal, after talks between the two delegations": with no
        pair told before, the ``count`` countries the sentence names as parties (not where it happened)."""
        where = {t.i for p in self.actors.sentence_places(sent) for t in (p, *self.actors.place_words(p))}
        countries = self.actors.countries_in(t for t in sentence_tokens(sent) if t.i not in where and
                                             self.actors.names_party(t))
        return [Actor.of(c) for c in countries] if len(countries) == count else []

    def _group_of(self, head: Token, date) -> list[Actor]:
        """A head over several parties: conjoined countries ("leaders of Armenia, Azerbaijan and Russia", "their
        leaders") or a counted group told before ("the two countries' army chiefs" as a subject, "the leaders of
        the two countries")."""
        counted = [c for c in head.children if c.dep_ == "poss" and _group_count(c)] \
            if head.dep_ in args.SUBJECT_DEPS else []
        of_counted = [o for o in args.prep_objects(head, "of") if _group_count(o)]
        if of_counted and (head.lemma_.lower() in _SIGNATORIES or self.actors.role_of(head)):
            counted += of_counted
        owners = self._resolve_all(counted, date) if counted else []
        if len(owners) < 2 and head.tag_ not in ("NNS", "NNPS"):
            return []
        if len(owners) < 2:
            their = next((c for c in head.children if c.dep_ == "poss" and c.lower_ == "their"), None)
            owners = self.actors.possessors(their, date) if their is not None else []
        if len(owners) >= 2:  # "Ethiopia and Eritrea ... when their leaders signed": one actor per party
            role = self._role_of(head, date)
            return [Actor.of(o.country, role, name=f"{head.text} of {o.name}", kind="sector") for o in owners]
        for prep in head.children:
            # "officials from Egypt, Qatar and ...", "several nations, including India and Saudi Arabia"
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "including"):
                pobjs = [p for p in prep.children if p.dep_ == "pobj"]
                if pobjs and pobjs[0].conjuncts:
                    role = self._role_of(head, date)
                    return [Actor.of(country.country or country.code, role, name=f"{head.text} of {country.name}",
                                     kind="sector")
                            for country in self._resolve_all(args.with_conjuncts(pobjs[0]), date)]
        return []

    def _role_of(self, head: Token, date) -> str | None:
        """The role a phrase names, whatever its country ("children" -> CVL, "foreign ministers" -> GOV)."""
        found = self.actors.resolve(head, date)
        return found[0].role if found else None

    def _conjoined_modifiers(self, head: Token, actor: Actor, date) -> list[Actor]:
        """"Chinese and Russian warships": one actor per conjoined country modifier, with the same role."""
        out = []
        modifiers = [m for m in head.children if m.dep_ in ("amod", "compound", "nmod")]
        for mod in modifiers:
            joined = list(mod.conjuncts)
            if not joined and any(c.dep_ == "cc" for c in mod.children):  # "Kenyan and U.S. forces": the parser
                joined = [m for m in modifiers if m.i > mod.i]  # makes the second a modifier of the noun
            for conj in joined:
                countries = self.actors.countries_in([conj])
                if countries and countries[0] != actor.country:
                    out.append(Actor.of(countries[0], actor.role, name=conj.text,
                                        kind=actor.kind if actor.kind != "person" else "sector"))
        named = [(part, self.actors.countries_in(part)) for part in _hyphen_parts(head)]
        if sum(1 for _, countries in named if countries) >= 2:  # "joint U.S.-South Korean drills", "US-China talks"
            role = actor.role if actor.kind == "sector" else None  # ("Israel-Hamas ceasefire": Israel is no group)
            for part, countries in named:
                if countries and countries[0] != actor.country and countries[0] not in {a.country for a in out}:
                    out.append(Actor.of(countries[0], role, name=" ".join(t.text for t in part),
                                        kind="sector" if role else "country"))
        return out

    def _resolve_head(self, head: Token, date, deep: bool) -> Actor | None:
        if head.lower_ in PRONOUNS and head.pos_ == "PRON" or _is_the_country(head):
            key = (head.i, date)  # "Brazil's minister said the country was ready to ...": Brazil
            if key not in self._pronouns:
                self._pronouns[key] = self._pronoun(head, date)
            return self._pronouns[key]
        trig = self._trigger_at.get(head.i)
        if trig is not None and trig.pattern.pos == "noun" and not deep:
            return None  # "the meeting underscores ...": an event, not an actor
        found = self.actors.resolve(head, date)
        if found is not None:
            return found[0]
        if _is_the_people(head) and self.last_subject is not None:
            return self.last_subject  # "European Union leaders decided ... The leaders demanded ..."
        if _bare_definite_subject(head) and self.last_subject is not None and self.last_subject.country:
            role = self.actors.role_of(head)
            if role is not None:  # "Niger's military rulers ordered ... The junta also expelled ...": theirs
                return Actor.of(self.last_subject.country, role, name=head.doc[head.left_edge.i:head.i + 1].text,
                                kind="sector")
        if deep:
            for inner in _inner_heads(head):
                if inner.dep_ == "poss" and inner.lower_ in PRONOUNS:  # "shelled their positions": whose
                    return self._pronoun(inner, date)
                found = self.actors.resolve(inner, date)
                if found is not None:
                    return found[0]
        return None

    def _pronoun(self, pron: Token, date) -> Actor | None:
        """"it", "they": a subject pronoun stands for the speaker of the clause that holds it ("Iran denied
        that it had ..."), else the last subject named; an object pronoun for the nearest actor named
        before it that is not the clause's own subject ("cut ties with Qatar, accusing it of ...")."""
        if pron.dep_ in args.SUBJECT_DEPS or pron.dep_ == "nsubjpass":
            clause = pron.head
            if clause.dep_ == "relcl" and clause.head.dep_ == "dobj" and pron.lower_ in ("they", "it"):
                found = self._resolve_all(args.subject_heads(clause.head.head), date)
                if found:  # "militants freed 12 schoolgirls they had abducted": the militants
                    return found[0]
            if clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in clause.children):
                governing = [c for c in clause.head.children
                             if c.dep_ in args.SUBJECT_DEPS and c.lower_ not in PRONOUNS]
                found = self._resolve_all(governing[:1], date)
                if found:  # "Turkey will face sanctions if it deploys the missiles": Turkey
                    return found[0]
            if pron.lower_ in ("they", "it") and pron.head.lemma_.lower() in _STOPPING:
                kind = "NNS" if pron.lower_ == "they" else "NN"
                deeds = [t for t in pron.doc[sentence_of(pron).start:pron.i] if t.tag_ == kind and self._is_event(t)]
                doers = self._deed_doers(deeds[-1], [], date) if deeds else []
                if doers:  # "condemned the strikes and demanded that they stop": whoever strikes
                    return doers[0]
            node = pron.head
            for _ in range(12):
                trig = self._trigger_at.get(node.i)
                if trig is not None and trig.pattern.wrapper in ("demand", "appeal") and node.i != pron.head.i:
                    # "demanded that it leave": one asks others to act, so not the speaker
                    return self._nearest_before(pron, args.subject_heads(node), date)
                says = trig is not None and trig.pattern.wrapper in ("speech", "deny", "intent", "threat")
                if says or (node.pos_ == "VERB" and node.i != pron.head.i and trig is None and any(
                        c.dep_ == "ccomp" and pron.i in {t.i for t in c.subtree} for c in node.children)):
                    # "Saudi Arabia signalled (that) it was open to ...": whoever frames the clause
                    subj = [c for c in node.children if c.dep_ in args.SUBJECT_DEPS and c.i != pron.i]
                    if not subj and (node.dep_ == "conj" or node.dep_ in ("advcl", "xcomp") and node.tag_ == "VB"):
                        # "rejected the resolution and said it would not ...", "went on television to announce
                        # that they had seized power"
                        subj = [h for h in args.subject_heads(node) if h.i != pron.i]
                    if subj and subj[0].lower_ not in PRONOUNS:
                        found = self.actors.resolve(subj[0], date)
                        if found:
                            return found[0]
                if node.head.i == node.i:
                    break
                node = node.head
            if pron.lower_ in ("he", "she"):
                named = next((t for t in reversed(pron.doc[sentence_of(pron).start:pron.i]) if t.ent_type_ == "PERSON"
                              and t.dep_ in args.SUBJECT_DEPS), None)
                if named is not None:  # "Amini died ..., three days after she was detained": Amini, whoever
                    found = self.actors.resolve(named, date)  # she is; not the country the story named last
                    return found[0] if found else None
                acted_on = next((t for t in reversed(pron.doc[sentence_of(pron).start:pron.i]) if
                                 t.ent_type_ == "PERSON" and t.dep_ in ("dobj", "pobj")), None) \
                    if clause.dep_ == "advcl" else None
                found = self.actors.resolve(acted_on, date) if acted_on is not None else None
                if found and found[0].kind == "person":  # "moved to impeach President Yoon, hours after he lifted
                    return found[0]  # martial law": with no person as subject, the one acted on
                described = next((t for t in reversed(pron.doc[sentence_of(pron).start:pron.i]) if t.tag_ == "NN" and
                                  t.dep_ in args.SUBJECT_DEPS and t.lemma_.lower() in _ONE_PERSON), None)
                found = self.actors.resolve(described, date) if described is not None else None
                if found:  # "a Japanese boy died ..., a day after he was stabbed": the boy
                    return found[0]
            if pron.lower_ == "they":
                group = self._plural_named_before(pron, date)
                if group is not None:
                    return group
            if pron.lower_ in ("he", "she") and self.last_subject is not None and self.last_subject.kind == "person":
                return self.last_subject  # "Saakashvili accused Moscow of ... He appealed to ...": the last person
                # the story told of, though another spoke before him
            if pron.lower_ in ("they", "he", "she") and self.last_speaker is not None:
                return self.last_speaker  # "..., prosecutors said. They accuse him of ..."
            return self.last_subject
        if pron.lower_ in ("him", "her"):  # a person: one named before in the sentence ("Morales resigned after
            # the army chief urged him to step down"), else the last one the story acted on, or who acted
            verb = pron.head if pron.head.pos_ == "VERB" else pron.head.head
            skip = {t.i for h in args.subject_heads(verb) for t in h.subtree}
            here = (self.actors.resolve(t, date) for t in reversed(pron.doc[sentence_of(pron).start:pron.i])
                    if t.i not in skip and (t.dep_ in args.SUBJECT_DEPS or t.dep_ == "dobj") and (
                        t.ent_type_ == "PERSON" or t.tag_ == "NN" and self.actors.role_of(t)))
            # (a titled subject is a person too: "Taiwan's president held talks ..., and Xi welcomed him")
            said = pron.dep_ == "poss" and pron.head.lemma_.lower() in _SAYING_NOUNS  # "called her remarks rude":
            # the words of the one the story last told of, not of whom she acted on
            person = next((found[0] for found in here if found and (
                found[0].kind == "person" or found[0].role)), None) or next(
                (a for a in ((self.last_subject, self.last_target) if said else (self.last_target, self.last_subject))
                 if a is not None and a.kind == "person"), self.last_target)
            if person is not None:
                return person
        acting = {"dobj": pron.head.head, "pobj": pron.head.head.head}.get(pron.head.dep_) \
            if pron.dep_ == "poss" else None  # the verb its noun is the object of ("intruded into its waters")
        if acting is not None and (self._turns_down(acting) or self._strikes_at(acting, pron.head)):
            # "Kyiv said the Russian side had rejected its offer": no one turns down their own; "Taipei said
            # Chinese aircraft entered its air defence zone": nor intrudes on it
            return self._nearest_before(pron, args.subject_heads(acting), date, other_side=True, rivals=True)
        if pron.dep_ == "poss":
            owner = self.actors.possessor(pron, date, object_first=True)
            if owner is not None:
                return owner
        clause = pron.head
        if pron.dep_ == "dobj" and clause.dep_ in ("advcl", "conj") and \
                not any(c.dep_ in args.SUBJECT_DEPS for c in clause.children):
            # "took Israel to the court, accusing it of genocide": the main clause's object
            objects = [o for o in args.direct_objects(clause.head) if o.lower_ not in PRONOUNS]
            found = self._resolve_all(objects[:1], date)
            if found:
                return found[0]
        return self._nearest_before(
            pron, args.subject_heads(pron.head if pron.head.pos_ == "VERB" else pron.head.head), date,
            other_side=pron.dep_ == "dobj")

    def _plural_named_before(self, pron: Token, date) -> Actor | None:
        """"The general sent his troops back, hours after they had taken the airport": a plural subject pronoun
        with no framing speaker stands for the nearest plural noun before it in its sentence that names a party
        (not for whoever the story told of last); a plural subject of the clause it hangs on comes first
        ("police beat voters as they raided ...": the police), and is left to the usual reading."""
        if any(h.tag_ in ("NNS", "NNPS") for h in args.subject_heads(pron.head.head)):
            return None
        for tok in reversed(pron.doc[sentence_of(pron).start:pron.i]):
            if tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ("nsubj", "dobj", "nsubjpass"):
                found = self.actors.resolve(tok, date)
                if found:
                    return found[0]
        return None

    def _turns_down(self, verb: Token) -> bool:
        """Whether a verb rejects, disapproves of or intrudes on its object ("rejected", "condemned", "entered
        its waters"): what it acts on is someone else's."""
        trig = self._trigger_at.get(verb.i)
        return trig is not None and trig.pattern.code is not None and (
            trig.pattern.code[:2] in ("11", "12") or trig.pattern.id in _INTRUDING)

    def _coordinated_targets(self, verb: Token) -> list[Actor]:
        """The targets of the nearest act before this one in its chain of coordinated verbs with one subject
        ("boarded two fishing boats, seized the nets and beat a crewman": the boats' side)."""
        node = verb
        while node.dep_ in ("conj", "advcl") and node.head.i != node.i and not any(
                c.dep_ in args.SUBJECT_DEPS for c in node.children):
            node = node.head
            trig = self._trigger_at.get(node.i)
            if trig is not None and (trig.pattern.code or "")[:2] in HOSTILE_ROOTS and self._targets_of.get(node.i):
                return list(self._targets_of[node.i])
        return []

    def _not_own_victims(self, verb: Token, heads: list[Token], targets: list[Actor], sources: list[Actor],
                         date) -> list[Actor]:
        """A hostile act's "its"/"their" is the other party's: "raided the base and killed two of its officers"
        hits the base's side, not the raider's own (though "its own officers" are); the nearest party named
        before the pronoun that is not the doer's."""
        doers = {s.country for s in sources}
        if not any(t.country in doers for t in targets):
            return targets
        pron = next((t for h in heads for t in h.subtree if t.dep_ == "poss" and t.lower_ in ("its", "their")), None)
        if pron is None or any(c.lower_ == "own" for c in pron.head.children):
            return targets
        other = self._nearest_before(pron, args.subject_heads(verb), date, other_side=True) or next(
            (ev.target for ev in reversed(self._so_far) if ev.target is not None and ev.source.country in doers
             and ev.target.country not in doers), None)  # ("shelled Indian posts and killed two of its guards")
        if other is None or other.country is None or other.country in doers:
            return targets
        return [Actor.of(other.country, t.role, name=t.name, kind="sector" if t.role else other.kind)
                if t.country in doers else t for t in targets]

    def _police_at_home(self, heads: list[Token], targets: list[Actor], sources: list[Actor]) -> list[Actor]:
        """"Díaz-Canel blamed the unrest on Washington, and police detained hundreds of people", "police forced
        their way into Mexico's embassy and arrested former vice-president Jorge Glas": police act in their own
        country, so people and persons named with no country of their own are its people, not those of another
        country the sentence names."""
        police = {s.country for s in sources if s.role == "COP" and s.country}
        if len(police) != 1 or any(self.actors.countries_in(self.actors.phrase_tokens(h)) for h in heads):
            return targets
        home = police.pop()
        return [Actor.of(home, t.role, name=t.name, kind=t.kind) if (t.role in _PEOPLE_ROLES or t.kind == "person")
                and t.country != home else t for t in targets]

    def _strikes_at(self, verb: Token, noun: Token) -> bool:
        """Whether a verb of force is aimed at a place the noun names ("shelled their positions", "fired at its
        bases"): no side strikes its own (but "fired from its positions" is where the shots came from)."""
        trig = self._trigger_at.get(verb.i)
        return trig is not None and (trig.pattern.code or "")[:2] in VIOLENCE_ROOTS and \
            noun.lemma_.lower() in _PLACE_NOUNS and (noun.dep_ == "dobj" or noun.head.lower_ in _AIMED_PREPS)

    def _nearest_before(self, pron: Token, excluded: list[Token], date, other_side: bool = False,
                        rivals: bool = False) -> Actor | None:
        """The nearest actor named before the pronoun in its sentence, outside the excluded phrases; with
        ``other_side``, of another country than they name ("Beijing's ministry said China would not recognise
        it": not China), or with ``rivals`` of another side at home too ("the government rejected its demand"
        after the opposition boycotted the vote: the opposition)."""
        skip = {t.i for head in excluded for t in head.subtree}
        own = self._resolve_all(excluded, date) if other_side else []
        singular = pron.lower_ in ("it", "its")
        for tok in reversed(pron.doc[sentence_of(pron).start:pron.i]):
            if tok.i in skip or not self.actors.is_actor_token(tok) or tok.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            if singular and (tok.tag_ in _PLURAL_TAGS or tok.head.tag_ in _PLURAL_TAGS or (
                    tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at", "near", "inside"))):
                continue  # "told Palestinians in Gaza to move south, and the UN urged it to ...": not they, nor where
            if pron.lower_ in ("them", "they", "their") and tok.tag_ not in _PLURAL_TAGS and \
                    tok.head.tag_ not in _PLURAL_TAGS and not tok.conjuncts:
                continue  # "marched on the French embassy ... before security forces dispersed them": not the embassy
            found = self.actors.resolve(tok, date)
            if found and not any(_one_side(found[0], a) if rivals else found[0].country == a.country for a in own):
                return found[0]
        if pron.lower_ == "them":  # "Riot police drove them back": the crowd named last, not the last subject
            crowd = self._group_told_before(pron, excluded, date)
            if crowd is not None:
                return crowd
        return self.last_subject

    def _group_told_before(self, pron: Token, excluded: list[Token], date) -> Actor | None:
        """The plural party the sentence before named last ("thousands of protesters ... Police drove them
        back"): a plural pronoun stands for a group, not for a single person; another party than the doers."""
        if sentence_of(pron).start == 0:
            return None
        doers = self._resolve_all(excluded, date)
        for tok in reversed(list(sentence_of(pron.doc[sentence_of(pron).start - 1]))):
            if tok.tag_ not in ("NNS", "NNPS") or tok.dep_ == "conj":
                continue
            found = self.actors.resolve(tok, date)
            if found and found[0].role and found[0].kind != "person" and all(
                    _another_party(found[0], d) for d in doers):
                return found[0]
        return None

    def _attribution(self, chain: list[Token], by_token, date) -> Attribution | None:
        return sentence_attribution(chain, by_token, self.actors, date)

    def _speaker_attribution(self, verb: Token, date) -> Attribution | None:
        return speaker_attribution(verb, self.actors, date)

    def _describe(self, head: Token, date, cue: str) -> Attribution:
        return describe(head, self.actors, date, cue)

    def _grounds_charged(self, events: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"recalled its ambassador, citing unfounded attacks by Italian leaders", "cut ties over what it called
        Nairobi's interference": a step taken against another side on the grounds of its wrongs charges it."""
        out = []
        for ev in events:
            if ev.code[:2] not in _GROUNDED_ROOTS or ev.modality != "asserted" or ev.target is None:
                continue
            owners = [o for g in _stated_grounds(ev.trigger) if self._wrong(g) for o in _owners(g)]
            for side in _other_sides(self._resolve_all(owners, date), [ev.source]):
                if not any(e.code.startswith("11") and e.source.code == ev.source.code and e.target is not None and
                           e.target.country == side.country for e in events):
                    out.append(SentenceEvent(ev.trigger, ev.first, "112", ev.source, side, ev.modality,
                                             f"{ev.rule}>grounds", ev.chain, ev.attribution))
                    break
        return out

    def _wrong(self, noun: Token) -> bool:
        """A wrong someone did: misconduct by name ("interference"), or words or acts called hostile or unfounded."""
        return noun.lemma_.lower() in _MISCONDUCT | _MISDEEDS or any(
            m.dep_ == "amod" and m.lemma_.lower() in self.lexicon.classes["disparaging"] for m in noun.children)

    def _alleged(self, events: list[SentenceEvent]) -> list[SentenceEvent]:
        """"Iran's Guards blamed Israel for the killing", "accused Iran of being behind the assault": the
        accused did the act reported before, by the accuser's account (unconfirmed)."""
        out = []
        for ev in events:
            claimed = self._claimed_deed(ev) if ev.code == CLAIM_RESPONSIBILITY and ev.modality == "asserted" and \
                self.agentless is None else None  # (a deed told before, with no doer, is the one claimed)
            if claimed is not None:  # "claimed responsibility for last month's abduction of 200 schoolgirls"
                out.append(claimed)
                continue
            if ev.code == CLAIM_RESPONSIBILITY and self.agentless is not None:
                if ev.modality != "asserted":
                    continue  # "which has not claimed responsibility": no one has said they did it
                act = self.agentless  # "... claimed responsibility": the doer says so itself
                out.append(SentenceEvent(ev.trigger, ev.first, act.code, ev.source, act.target, "asserted",
                                         f"{ev.rule}>claimed:{act.rule}", act.chain, ev.attribution,
                                         place_hints=act.where))
                continue
            if not ev.code.startswith("112") or ev.target is None:
                continue
            grounds = [p for c in ev.trigger.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                       for p in c.children if p.dep_ in ("pobj", "pcomp")]
            if any(g.pos_ == "VERB" and (g.i in self._trigger_at or g.lemma_.lower() in _WRONGDOING) for g in grounds):
                continue  # "accused the troops of blowing it up" is coded from its own verb; "of meddling": no deed
            if grounds and not any(g.pos_ in ("VERB", "AUX") or g.i in self._trigger_at or
                                   g.lemma_.lower() in _COMPLICITY | EVENT_REFERENCES for g in grounds):
                continue  # "accused Brussels of blackmail": a charge that names no deed told before
            act = self._reported_act(material=bool(grounds))  # "X was killed ... Y blamed Z"
            if act is None or (self.agentless is None and ev.target.code == self.last_material.source.code) or \
                    act.code[:2] not in HOSTILE_ROOTS:
                continue
            accused = ev.target
            if act.target is not None and accused.country == act.target.country and (
                    accused.role not in _ARMED_GROUP_ROLES or act.target.role in _ARMED_GROUP_ROLES):
                continue  # not the victims' own side, but an armed group at home ("blamed al-Shabab" for a bombing)
            out.append(SentenceEvent(ev.trigger, ev.first, act.code, accused, act.target, "unconfirmed",
                                     f"{ev.rule}>alleged:{act.rule}", act.chain, ev.attribution,
                                     place_hints=act.where))
        return out

    def _claimed_deed(self, claim: SentenceEvent) -> SentenceEvent | None:
        """The deed a claim of responsibility names ("for the abduction of schoolgirls from Chibok"), done by the
        claimer, against the country where it struck."""
        hosts = [claim.trigger, *(c for c in claim.trigger.children if c.dep_ == "dobj")]  # ("responsibility for")
        for noun in (n for h in hosts for n in args.prep_objects(h, "for")):
            trig = self._trigger_at.get(noun.i)
            if trig is None or not trig.pattern.code or trig.pattern.code[:2] not in VIOLENCE_ROOTS:
                continue
            where = self.actors.countries_in([t for t in noun.subtree if t.i != noun.i])
            target = Actor.of(where[0]) if where else (Actor.of(claim.source.country) if claim.source.country else None)
            return SentenceEvent(claim.trigger, claim.first, trig.pattern.code, claim.source, target, "asserted",
                                 f"{claim.rule}>claimed:{trig.pattern.id}", claim.chain, claim.attribution)
        return None

    def _denied_acts(self, triggers: list[Trigger], out: list[SentenceEvent], date) -> list[SentenceEvent]:
        """"Islamabad denied any involvement", "Ukraine, which denied any role": the act just reported, which the
        denier is said (by the story) to have done, coded as denied. A charge of that act against the denier,
        coded from this sentence, is taken out of ``out``: the denial says how sure it is."""
        found = []
        for trig in (t for t in triggers if t.pattern.code == DENY_RESPONSIBILITY or _dismisses_charge(t)):
            if any(c.dep_ == "ccomp" and _charge_set_off(c, trig.token) for c in trig.token.children):
                continue  # "..., a charge Kampala denies": it denies the act charged there, not the last one told
            told = self._reported_act(material=True)
            if told is not None and (told.target is None or _announced_measure(told.code)):
                told = None  # ("India expelled a Canadian diplomat ... New Delhi rejected the allegations": those
                # are of a killing)
            for denier in unique_actors(self._resolve_all(self._subjects(trig.token), date)):
                act = self._named_crime_of(denier) or told
                if act is None:
                    continue
                # "Russia blamed Ukraine, which denied any involvement": the denial, not the charge, says how sure
                out[:] = [ev for ev in out if not (ev.source.code == denier.code and ev.code == act.code and
                                                   ">alleged:" in ev.rule)]
                named = ">named" in act.rule and act.doer is not None and act.doer.country == denier.country
                # ("... seemed a textbook example of ethnic cleansing. Myanmar rejects the charge": its own deed, at
                # home, that another side named a crime)
                if (denier.country == act.target.country and not named) or (
                        _dismisses_charge(trig) and act.doer is not None and act.doer.country != denier.country) or any(
                        ev.source.code == denier.code and ev.code == act.code for ev in out):
                    continue
                found.append(SentenceEvent(trig.token, trig.token.i, act.code, denier, act.target, "denied",
                                           f"{trig.pattern.id}>denied:{act.rule}", act.chain,
                                           place_hints=act.where))
        return found

    def _named_crime_of(self, denier: Actor) -> _Act | None:
        """The last deed of ``denier``'s side that another side named a crime ("said the army's campaign seemed a
        textbook example of ethnic cleansing"): what its rejection of "the charge" or "the accusation" rejects."""
        named = next((ev for ev in reversed(self._reported_so_far()) if ev.rule.endswith(">named") and
                      ev.source.country == denier.country and ev.target is not None), None)
        return None if named is None else _Act.told(named)

    def _reported_act(self, material: bool) -> _Act | None:
        """The act a claim, a charge or a denial refers to: the last one whose doer was not named, else (with
        ``material``) the last act of force reported."""
        if self.agentless is not None:
            return self.agentless
        last = self.last_material
        if material and last is not None:
            return _Act.told(last)
        return None

    def _remember_speaker(self, triggers: list[Trigger], date) -> None:
        speakers = [t.token for t in triggers if t.pattern.wrapper == "speech"]
        for verb in speakers:
            subj = [c for c in verb.children if c.dep_ in args.SUBJECT_DEPS and c.lower_ not in PRONOUNS]
            found = self.actors.resolve(subj[0], date) if subj else None
            if found:
                self.last_speaker = found[0]

    def _remember_subject(self, sent: Span, date) -> None:
        root = sent.root
        subj = [c for c in root.children if c.dep_ in args.SUBJECT_DEPS and c.lower_ not in PRONOUNS]
        if not subj:
            return
        found = self.actors.resolve(subj[0], date)
        said = [s for c in root.children if c.dep_ == "ccomp" for s in c.children
                if s.dep_ in args.SUBJECT_DEPS and s.lower_ not in PRONOUNS] if found is None else []
        if said:  # "Rousseff postponed ..., her office announced": she, not the office
            subj, found = said, self.actors.resolve(said[0], date)
        if found:
            self.last_subject = found[0]
        self.last_subjects = unique_actors(self._resolve_all(args.with_conjuncts(subj[0]), date))


#: Verbs by which one party orders another to act ("ordered Russia to close its consulate").
_ORDERING = frozenset({"order", "instruct", "direct", "force", "compel", "require"})
#: Clause markers whose clause names the party a threat or protest answers: a condition or a cause.
_CONDITIONS = frozenset({"if", "unless"})
_ANSWERED_CLAUSES = _CONDITIONS | {"after", "because", "when", "since", "as"}
#: Fights that have two sides, the one named after "with" being the other: "a clash with Chinese troops".
_CLASHES = frozenset({"clash", "skirmish", "firefight", "battle", "fight", "fighting", "confrontation", "exchange",
                      "face-off", "standoff", "stand-off", "shootout", "gunfight", "gunbattle",
                      "brawl", "scuffle"})
#: Those the police or army say they killed, besides armed groups: "dozens of rioters had been killed".
_LAWBREAKERS = frozenset({"suspect", "rioter", "looter", "smuggler", "kidnapper", "bandit", "hijacker"})
#: Those who did the last attack told, when named only so: "the attackers", "the gunmen".
_ASSAILANTS = frozenset({"attacker", "assailant", "raider", "gunman", "perpetrator"})
#: Support verbs of receiving: the event noun's doer is who it came "from" ("received a threat from Hamas").
#: Military exercises: held by one side (a show of force), or with another (military cooperation).
_DRILL_CODES = frozenset({"150", "062"})
_RECEIVING = frozenset({"receive", "get"})
#: Nouns that "take" makes a receiving: "took delivery of the first parts", "took possession of the jets".
_TAKEN_RECEIPTS = frozenset({"delivery", "possession", "receipt", "shipment", "consignment"})
#: Participles whose agent mediates the act they modify ("talks brokered by Merkel and Hollande").
_BROKERING = frozenset({"broker", "mediate", "facilitate", "sponsor"})
#: Roles of the people police act on: civilians and the opposition ("protesters", "demonstrators").
_PEOPLE_ROLES = frozenset({"CVL", "OPP"})
#: Roles of private people, whose journeys are no state's visits.
_PRIVATE_ROLES = frozenset({"CVL", "REF", "EDU", "MED", "BUS", "LAB", "AGR", "REL"})
#: Verbs of what forces are deployed to do about another side: "scrambled jets to monitor the Chinese forces".
_WATCHING = frozenset({"monitor", "track", "shadow", "watch", "deter", "counter", "confront", "repel", "intercept",
                       "face"})
#: Verbs of getting out of a place, which a state urges its own people abroad to do.
_LEAVING = frozenset({"leave", "avoid", "evacuate", "depart", "exit", "flee", "quit"})
#: Concessions that two sides named together make to each other ("Armenia and Azerbaijan agreed a ceasefire",
#: "swapped prisoners"), unlike sanctions or a blockade, which two lift together on a third.
_MUTUAL_YIELDS = ("084", "0871", "0873", "0874")
#: Roles whose word on arrests makes them the arresters: the police (a prosecutor or a spy agency may tell of
#: arrests others made).
_JAILERS = frozenset({"COP"})
#: Nouns that, after "any", stand for whatever party might act: "any country", "any state".
_ANY_PARTY = frozenset({"country", "state", "nation", "power", "party", "government", "one"})
#: Ships and planes, which a state may board and hold without anyone at home being arrested.
_CRAFT = frozenset({"tanker", "ship", "vessel", "boat", "freighter", "trawler", "aircraft", "plane", "jet", "yacht"})


def _travel_advice(ev: SentenceEvent) -> bool:
    """"urged American citizens to leave Iraq": a state's advice to its own people abroad, no act toward anyone."""
    return ev.code[:2] in ("02", "10") and ev.target is not None and ev.target.role == "CVL" and \
        ev.target.country == ev.source.country and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in _LEAVING for c in ev.trigger.children)


def _names_anyone(head: Token) -> bool:
    """"anyone", "whoever", "any country trying to interfere": no party in particular (but "those behind it" are
    the doers of a deed, and "any attack" is an attack's, whoever makes it)."""
    return head.lower_ in ("anyone", "anybody", "whoever") or head.lemma_.lower() in _ANY_PARTY and any(
        c.dep_ == "det" and c.lower_ in ("any", "every") for c in head.children)


def _mutual_yield(code: str) -> bool:
    """A concession two sides named together make to each other (de-escalation in general, 087, included)."""
    return code == "087" or code.startswith(_MUTUAL_YIELDS)


def _craft_held(verb: Token) -> bool:
    """"police detained the oil tanker Eagle S": a ship held is of whoever sails it, which may be no one named."""
    return any(w.lemma_.lower() in _CRAFT for o in args.direct_objects(verb)
               for w in (o, *(c for c in o.children if c.dep_ in ("compound", "appos"))))  # ("the tanker Eagle S")


#: Nouns that, as "the two X" or "both X", stand for the two sides named just before.
_PAIR_NOUNS = frozenset({"leader", "side", "country", "nation", "government", "man", "president", "minister",
                         "delegation", "party", "state", "capital", "counterpart", "official", "power", "ally"})
#: Pair nouns that stand for two people: "the two leaders" are the two people last named together.
_PEOPLE_PAIR_NOUNS = frozenset({"leader", "man", "president", "minister", "counterpart", "premier", "chancellor"})
#: Nouns that refer back to something reported: "condemned the move", "rejected the decision".
EVENT_REFERENCES = frozenset({"move", "decision", "measure", "step", "action", "execution", "killing", "verdict",
                              "sentence", "ruling", "arrest", "detention", "attack", "strike", "invasion", "raid",
                              "incursion", "annexation", "crackdown", "hanging", "bombing", "shelling", "test",
                              "launch", "deployment", "seizure", "expulsion", "ban", "sanction", "blockade",
                              "accusation", "allegation", "charge", "claim", "proposal", "plan", "offer", "demand",
                              "request", "resolution", "ultimatum", "threat", "call", "appeal", "downing",
                              "hijacking", "shooting", "poisoning", "assassination", "visit", "release",
                              "drill", "exercise", "election", "referendum", "vote", "operation", "offensive",
                              "incident", "provocation", "violation", "policy", "result",
                              "outcome", "act", "attempt", "remark", "comment", "statement", "speech",
                              "treatment", "conduct", "takeover", "escalation", "decree", "order", "mutiny",
                              "rebellion", "revolt", "insurrection",
                              "behaviour", "behavior", "rhetoric", "conviction", "occupation"})
#: Risings of a state's own forces or people against it, whose doers are of the state they rise against.
_UPRISINGS = frozenset({"mutiny", "rebellion", "revolt", "insurrection", "uprising", "insurgency"})
_PLACE_NOUNS = frozenset({"suburb", "outskirts", "city", "town", "village", "area", "region", "province",
                          "office", "district", "border", "coast", "port", "centre", "center", "part", "north", "south",
                          "east", "west", "capital", "camp", "neighbourhood", "neighborhood", "territory",
                          "site", "facility", "base", "position", "installation", "plant", "target", "depot",
                          "airport", "compound", "infrastructure", "embassy", "consulate", "headquarters"})


#: Cooperation whose announced refusal CAMEO codes as a rejection (root 12).
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
#: Cooperation that can be ended ("no longer recognises", "no longer supplies"), which ends as reduced relations.
CEASABLE_ROOTS = frozenset({"04", "05", "06", "07"})


#: Nouns for a relationship, whose with-phrase names the other party ("hailed the ties with the UAE").
_TIE_NOUNS = frozenset({"tie", "relation", "relationship", "partnership", "cooperation", "friendship", "alliance",
                         "agreement", "accord", "deal", "treaty", "pact"})  # "quit the agreement with Iran"

#: Roles of the state's forces and of the people they face at home.
_FORCE_ROLES = frozenset({"COP", "MIL", "GOV", "SPY"})
#: Entries for entering or violating a zone, which is never the intruder's own.
_INTRUDING = frozenset({"v.enter.zone", "v.defy"})
#: Roles of armed groups that are no state's forces: their claims of attacks are the attacks.
_ARMED_GROUP_ROLES = frozenset({"INS", "REB", "SEP", "UAF", "CRM"})
#: Verbs of backing a party: for an armed group, material backing.
_BACKING = frozenset({"back", "support", "sponsor"})
_FIGHTING_ROLES = _FORCE_ROLES | _ARMED_GROUP_ROLES
_CIVIL_ROLES = frozenset({"OPP", "CVL", "EDU", "LAB", "REL", "MED", "HLH", "REF", "AGR", "BUS", "HRI", "NGO"})


@dataclass
class _Act:
    """An act reported earlier that later words may claim, charge or deny: its code, whom it struck, the rule that
    coded it and where it was done (the tokens to read its place from)."""

    code: str
    target: Actor | None
    rule: str
    chain: list[Token]  # its trigger and governors: where and when it was done
    where: list[Token]
    doer: Actor | None = None  # who the story says did it, where it says

    @classmethod
    def told(cls, event: SentenceEvent) -> _Act:
        """The act an event coded earlier tells, with its doer."""
        return cls(event.code, event.target, event.rule, event.chain, event.place_hints, event.source)


def _set_off(participle: Token) -> bool:
    """Whether a participle's phrase follows a comma: "..., accusing them of ..." is an act of its own, while
    "Sweden and Finland joining NATO" is what the object does."""
    start = participle.left_edge.i
    return start > 0 and participle.doc[start - 1].text == ","


#: Nouns of answering an act: "in response to", "in retaliation for"; "in answer to" and "in reaction to" also
#: name what was answered.
_RESPONSE_NOUNS = frozenset({"response", "retaliation", "reprisal"})
_ANSWER_NOUNS = _RESPONSE_NOUNS | {"answer", "reaction"}
#: Prepositions of the place a force withdraws from: "out of the town", "from positions near the river".
_LEFT_PREPS = ("from", "of", "near", "in", "around", "outside", "across")
#: Links from a word up to the clause that holds it: a relative clause, a noun's complement, an object.
_EMBEDDING = frozenset({"relcl", "acl", "attr", "dobj", "pobj", "prep"})


def _held_in(noun: Token) -> list[Token]:
    """Who is said to be in a state of detention: the subject of "be" or "remain" in or under it ("the two
    reporters remain in custody", "has been under arrest since May")."""
    verb = noun.head.head
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("in", "under") or verb.lemma_.lower() not in ("be", "remain"):
        return []
    return [h for c in verb.children if c.dep_ == "nsubj" for h in args.with_conjuncts(c)]


def _clashes_after(word: Token) -> list[Token]:
    """The clashes an "after" phrase names: "after several days of fighting in Juba", "following clashes"."""
    out = []
    for after in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("after", "following")):
        for noun in (p for p in after.children if p.dep_ == "pobj"):
            spanned = [o for q in noun.children if q.dep_ == "prep" and q.lower_ == "of" for o in q.children
                       if o.dep_ == "pobj"] if noun.lemma_.lower() in SPANS else [noun]
            out += [n for n in spanned if _clash(n)]
    return out


def _clash(noun: Token) -> bool:
    """Whether a noun names a clash, written whole or hyphenated ("a face-off with Chinese troops", which the
    parser splits into "face" and "off")."""
    return noun.lemma_.lower() in _CLASHES or any(
        f"{c.lower_}-{noun.lower_}" in _CLASHES for c in noun.children if c.dep_ == "compound")


def _places_withdrawn_from(tok: Token) -> list[Token]:
    """The places a withdrawal leaves, by a chain of place phrases from its word ("pulled out of the town near
    Kherson"), not those of its occasion ("at the close of talks in Geneva")."""
    out, todo = [], [tok]
    while todo:
        node = todo.pop()
        for c in node.children:
            if c.dep_ in ("prep", "prt") and c.lower_ in _LEFT_PREPS + ("out",):
                todo.append(c)
            elif c.dep_ == "pobj" and node.dep_ in ("prep", "prt"):
                out.append(c)
                todo.append(c)
    return out


#: Verbs of stopping a missile or drone in flight: "intercepted", "shot down", "downed".
_INTERCEPTING = frozenset({"intercept", "down", "destroy", "neutralise", "neutralize"})


def _intercepted(participle: Token) -> bool:
    """"shot down a missile fired by the rebels": a weapon's launch named as the object of its interception."""
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or participle.head.dep_ != "dobj":
        return False
    verb = participle.head.head
    return verb.lemma_.lower() in _INTERCEPTING or verb.lemma_.lower() == "shoot" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


#: Verbs of joining an act under way: "joined the strikes", "participated in the offensive".
_JOINING = frozenset({"join", "participate"})
#: Words for a use of force that one may send forces to join: "to join the campaign".
_WARS = frozenset({"campaign", "war", "fight", "fighting", "operation", "offensive", "strikes", "bombing",
                   "intervention", "coalition"})


def _joins(support: Token | None) -> bool:
    """Whether a nominal act's support verb joins an act others do ("join", "take part in")."""
    return support is not None and (support.lemma_.lower() in _JOINING or support.lemma_.lower() == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in support.children))


def _when_clause(verb: Token) -> bool:
    """A clause that tells the moment of the act above it: "were killed when a drone struck ..."."""
    return verb.dep_ == "advcl" and any(c.lower_ in ("when", "as") and c.dep_ in ("advmod", "mark")
                                        for c in verb.children)


#: Nouns that sum up an accusation just told ("..., a charge Kigali denies").
_CHARGE_NOUNS = frozenset({"charge", "accusation", "allegation", "claim"})


#: Answers to a report that deny it, and answers that would confirm it (not confirming leaves it unconfirmed).
_DENYING_ANSWERS = frozenset({"deny", "reject", "dismiss", "refute", "dispute"})
_CONFIRMING_ANSWERS = frozenset({"confirm", "acknowledge", "admit", "verify", "claim"})


def _set_off_answers(trigger: Token) -> list[tuple[Token, str]]:
    """Clauses set off by a comma after the words that report an act, in which someone answers the report:
    "..., which Moscow denies", "..., a claim Israel rejects", "..., which Islamabad has not confirmed". Returns
    each answering verb with what it makes of the act (denied or unconfirmed); its subject must be the doer."""
    found = []
    clause = _struck_clause(trigger)  # ("air strikes hit Kabul on Tuesday, which ...": the verb's words)
    for verb in sentence_tokens(sentence_of(trigger)):
        lemma = verb.lemma_.lower()
        if verb.i <= trigger.i or verb.dep_ not in ("relcl", "advcl") or \
                lemma not in _DENYING_ANSWERS | _CONFIRMING_ANSWERS:
            continue
        negated = any(c.dep_ == "neg" for c in verb.children)
        mood = ("unconfirmed" if negated else None) if lemma in _CONFIRMING_ANSWERS else (None if negated else "denied")
        relative = any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ == "which" for c in verb.children)
        charge = verb.dep_ == "relcl" and verb.head.lemma_.lower() in _CHARGE_NOUNS
        anchor = verb.head.head if charge and verb.head.dep_ != "ROOT" else verb.head
        comma = any(t.text == "," for t in trigger.doc[trigger.i:verb.i])
        if mood and comma and (relative or charge) and (
                clause.left_edge.i <= anchor.i <= clause.right_edge.i or anchor in trigger.ancestors):
            found.append((verb, mood))
    return found


def _charge_set_off(clause: Token, denial: Token) -> bool:
    """"Kenya accused Uganda of arming the rebels, an allegation Kampala denies": the parser may hang the
    accusation under the denial, but the noun set off after it says the denial answers the accusation."""
    between = clause.doc[clause.right_edge.i + 1:denial.i]
    return clause.i < denial.i and any(t.text == "," for t in between[:2]) and any(
        t.lemma_.lower() in _CHARGE_NOUNS for t in between)


def _is_place(head: Token) -> bool:
    """A place, not a party: "a base", "Tower 22, a logistics base"."""
    return head.ent_type_ == "FAC" or head.lemma_.lower() in _PLACE_NOUNS or any(
        c.dep_ == "appos" and c.lemma_.lower() in _PLACE_NOUNS for c in head.children)


def _denier_clause(noun: Token) -> Token | None:
    """The relative clause in which someone named denies doing what the noun names ("an attack that Damascus denies
    carrying out", "the killing, which Riyadh denied ordering")."""
    if noun.pos_ != "NOUN":
        return None
    hosts = [noun, *args.prep_objects(noun, "in", "on", "at")]  # ("an attack in Douma that ...": hung on the town)
    return next((c for h in hosts for c in h.children if c.dep_ == "relcl" and c.lemma_.lower() == "deny" and any(
        s.dep_ == "nsubj" and s.lower_ not in args.RELATIVE_PRONOUNS for s in c.children)), None)


def _struck_clause(tok: Token) -> Token:
    """The words that say where an act of force landed: a noun's own, or, for a noun that is the subject of an
    active verb, that verb's ("a drone strike hit a convoy in Somalia": the strike landed in Somalia)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.pos_ == "VERB" and not args.is_passive(tok.head):
        return tok.head
    return tok


#: What soldiers and police hold: an attack on these is a battle (19), not an assault on people (18). ("A police
#: station" is the police's by its modifier; a railway station is anyone's.)
_FORCE_OBJECTS = frozenset({"base", "post", "outpost", "checkpoint", "barracks", "garrison", "convoy", "patrol",
                            "position", "troop", "soldier", "army", "police", "policeman", "officer", "force",
                            "airbase", "headquarters", "fort"})


def _fights_forces(verb: Token, target: Actor | None) -> bool:
    """Whether an armed group's attack is on forces (a battle) rather than on people or places: its target is
    troops, police or another armed group, or what it struck is a base, post, convoy or patrol."""
    if target is not None and target.role in _FIGHTING_ROLES:
        return True
    struck = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    struck += [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "against") for o in p.children]
    return any(t.lemma_.lower() in _FORCE_OBJECTS for head in struck for t in head.subtree)


#: Bodies of inquiry named only by their kind: "a committee would investigate", "a judicial panel".
_INQUIRY_BODIES = frozenset({"committee", "commission", "panel", "team", "inquiry", "investigator", "board",
                             "tribunal", "body"})
#: Who answers for a deed, named only so: "the perpetrators", "the culprits".
_CULPRITS = frozenset({"perpetrator", "culprit", "instigator", "organiser", "organizer", "mastermind"})


def _answerable_for_deed(head: Token) -> bool:
    """"those responsible", "whoever was behind it", "the perpetrators": the doers of a deed, not a party named."""
    if head.lemma_.lower() in _CULPRITS and any(c.lower_ == "the" for c in head.children):
        return True
    return head.lower_ in ("those", "whoever", "anyone") and any(
        c.lemma_.lower() in ("responsible", "behind") for c in head.children)


def _kills_thousands(verb: Token) -> bool:
    """Whether the victims a verb names number thousands ("killed thousands of civilians", "killing 1,200")."""
    for victims in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        for tok in victims.subtree:
            if tok.lower_ in ("thousands", "millions"):
                return True
            number = tok.text.replace(",", "")
            if tok.like_num and number.isdigit() and int(number) >= 1000:
                return True
    return False


#: People named as individuals, not a crowd: their attack is an assault, not a riot.
_INDIVIDUALS = frozenset({"man", "woman", "person", "individual", "assailant", "attacker", "knifeman", "gunman",
                          "teenager", "youth", "driver"})


def _lone_assailants(verb: Token) -> bool:
    """"the men inside it attacked them with knives": the doers are people named one by one, not a crowd."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in _INDIVIDUALS for c in verb.children)


def actor_conventions(code: str, source: Actor, target: Actor | None, verb: Token | None = None) -> str:
    """CAMEO's conventions on who uses force against whom: security forces shooting or beating their own
    protesters or civilians use violent repression (175); protesters storming or attacking riot (145); a
    ban on another country is a sanction (163), not an administrative measure at home (172); a state's
    bombing is aerial (195), not a terrorist's bomb (183); leaving an international body reduces relations
    (161); militants' attack on people or places (what ``verb`` struck) is an assault (180), and troops that
    kill insurgents fight them (190); backing an armed group is military aid (072)."""
    if code.startswith("172") and target is not None and target.country != source.country:
        return "163"  # a ban aimed at another country ("banned Belarusian airlines") is a sanction
    if code.startswith("087") and target is not None and target.kind == "igo":
        return "161"  # withdrawing from an international body reduces relations; it is no military retreat
    if code == "183" and (source.role == "MIL" or source.kind == "country"):
        return "195"  # a state's forces that bomb use aerial weapons; 183 is the bombing of insurgents and terrorists
    if code.startswith("145") and source.role in _FORCE_ROLES:
        return "170"  # police or troops forcing their way into an embassy coerce; they do not riot
    if code == "051" and target is not None and target.role in _ARMED_GROUP_ROLES and verb is not None and \
            verb.lemma_.lower() in _BACKING:
        return "072"  # a state that backs a rebel army arms it: military aid, not praise ("Rwanda backs the M23")
    if code.startswith("192") and source.role == "MIL" and target is not None and target.country == source.country \
            and verb is not None and any(o.lemma_.lower() in _SEATS_OF_POWER for o in _taken(verb)):
        return "170"  # a state's own army that takes control of the country or its government seizes power: a coup
    if code[:2] not in ("18", "19"):
        return code
    if code == "190" and source.role in ("COP", "MIL") and target is not None and \
            target.country == source.country and target.role in ("JUD", "GOV", "LEG"):
        return "170"  # "security forces stormed the Supreme Court": a state's forces coerce its own institutions
    if source.role in _CIVIL_ROLES and code in ("180", "190") and source.kind != "country":
        if verb is not None and _lone_assailants(verb):
            return "180"  # "men attacked students with knives": people one by one assault; they fight no battle
        return "145"  # crowds that storm, attack or set fire riot, at home or at a foreign embassy
    if code == "190" and source.role in ("INS", "UAF") and verb is not None and not _fights_forces(verb, target):
        return "180"  # militants' or gunmen's attack on people and places (the verb's words) is no battle
    if code == "180" and source.role in ("MIL", "COP") and target is not None and target.role in _ARMED_GROUP_ROLES:
        return "190"  # troops that kill insurgents or rebels fight them
    if target is None:
        return code
    if source.country != target.country:
        return code
    if source.role in _FORCE_ROLES and (target.role in _CIVIL_ROLES or (source.role == "COP" and target.role is None)):
        return "175"  # (police that use force at home, on people it does not name, repress them)
    return code


def _relates_no_one(code: str, source: Actor, target: Actor | None) -> bool:
    """A visit to (or hosted by) one's own country as a whole: "Yoon and Kishida met during the first trip to
    Japan by a Korean president" gives Kishida no trip; a visit is between two countries' actors. Nor does a
    meeting inside one actor ("the defence minister heard his general in a televised meeting") relate two."""
    if target is None or target.country != source.country:
        return False
    if code[:2] == "04" and target.code == source.code:
        return True
    return code in ("042", "043") and any(side.role is None and side.kind == "country" for side in (source, target))


def _asks_for(noun: Token, prev: Token, family: str) -> bool:
    """A nominal event that a framing verb wants rather than reports: "agreed a ceasefire" (intent),
    "demanded a ceasefire", "called for talks" (appeal, demand)."""
    if noun.pos_ != "NOUN" or family not in ("intent", "appeal", "demand"):
        return False
    if prev.i == noun.i:
        return family == "intent" or noun.dep_ == "dobj"
    if noun.dep_ == "conj" and prev.dep_ == "dobj" and any(c.i == noun.i for c in prev.conjuncts):
        return True  # "demanded an apology and the withdrawal of Turkish troops": both are wanted
    return prev.dep_ == "prep" and prev.lower_ == "for" and family in ("appeal", "demand")


#: Predicates that lay the blame on their subject: "was responsible for", "is to blame", "was behind".
#: Nouns of proof: what they show is charged ("found evidence that ...", "indications of an Israeli role").
_EVIDENCE_NOUNS = frozenset({"evidence", "proof", "indication", "sign", "trace", "hallmark", "fingerprint",
                             "suspicion"})
#: A part in a deed, which evidence of it charges: "an Israeli role", "Russian involvement".
_COMPLICITY = frozenset({"role", "involvement", "complicity", "hand", "link", "participation", "responsibility"})
_BLAME_PREDICATES = frozenset({"responsible", "culpable", "accountable", "guilty", "liable", "blame"})
#: Verbs that, said of another party, charge it with a wrong: "said the warship had violated its waters".
_WRONGDOING = frozenset({"violate", "breach", "infringe", "flout", "meddle", "interfere", "lie", "cheat", "abuse",
                         "undermine", "destabilise", "destabilize", "sabotage", "deceive", "mislead", "betray",
                         "renege"})
#: What one "committed": a misdeed that makes saying so an accusation.
_MISDEEDS = frozenset({"crime", "atrocity", "genocide", "massacre", "abuse", "violation", "murder", "war crime",
                       "act", "aggression", "terrorism"})
#: Steps against another side that may state their grounds: reproach (11), rejection (12), reduced relations (16).
_GROUNDED_ROOTS = frozenset({"11", "12", "16"})
#: Misconduct a state is charged with when its wrongs are given as grounds ("over Nairobi's interference").
_MISCONDUCT = frozenset({"interference", "meddling", "hostility", "provocation", "accusation", "insult",
                         "espionage", "spying", "violation", "incursion", "intrusion", "smear", "lie"})


def _stated_grounds(verb: Token) -> list[Token]:
    """The nouns a step gives as its grounds: "citing X", "over X", "over what it called X" (and the nouns joined to
    them, or in their "of" phrase: "months of repeated accusations"), also where the parser hangs them on a
    participle telling how the step was taken ("cut ties, recalling its diplomats ..., over X")."""
    hosts = [verb] + [p for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" for p in (c, *c.conjuncts)]
    heads = [o for h in hosts for c in h.children if c.dep_ == "advcl" and c.lemma_.lower() == "cite"
             for o in c.children if o.dep_ in ("dobj", "ccomp")]
    heads += [o for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in ("over", "for")
              for o in c.children if o.dep_ in ("pobj", "pcomp")]
    named = []
    for head in heads:  # "what it called X": X
        called = head if head.lemma_.lower() == "call" else next(
            (c for c in head.children if c.dep_ in ("relcl", "ccomp", "pcomp") and c.lemma_.lower() == "call"), None)
        named += [o for o in called.children if o.dep_ in ("oprd", "dobj") and o.lower_ != "what"] \
            if called is not None else [head]
    found = []
    for noun in named:
        for n in (noun, *noun.conjuncts, *args.prep_objects(noun, "of")):
            found += [n, *n.conjuncts]
    return found


def _owners(noun: Token) -> list[Token]:
    """Whose a wrong is: its possessor ("Nairobi's interference") or its doer ("attacks by Italian leaders", also
    hung on the citing verb: "citing espionage by Iranian intelligence")."""
    holders = [noun] + ([noun.head] if noun.dep_ == "dobj" and noun.head.lemma_.lower() == "cite" else [])
    return [c for c in noun.children if c.dep_ == "poss"] + [
        o for h in holders for c in h.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
        for o in c.children if o.dep_ == "pobj"]


#: Violent deeds whose doer, named in the passive, is charged by whoever says so ("the killing was ordered by ...").
_VIOLENT_DEEDS = frozenset({"killing", "attack", "bombing", "explosion", "poisoning", "assassination", "shooting",
                            "hack", "hacking", "cyberattack", "abduction", "kidnapping", "sabotage", "arson", "plot"})
#: Verbs of finding out, whose own clause says what was found ("determined that Russia had committed ...").
_FINDING = frozenset({"determine", "conclude", "find", "establish", "confirm", "know", "believe", "assess"})


def _what_was_said(verb: Token) -> list[Token]:
    """The clauses a speech verb reports; through a verb of finding out, what was found: "said Washington had
    determined that Russia had committed crimes" says Russia committed them."""
    out = []
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and not args.absolute_clause(c)):
        found = [c for c in clause.children if c.dep_ == "ccomp"] if clause.lemma_.lower() in _FINDING else []
        found += [c for o in clause.children if (o.dep_ == "dobj" or o.dep_ == "attr" and clause.lemma_ == "be")
                  and o.lemma_.lower() in _EVIDENCE_NOUNS for c in o.children if c.dep_ in ("acl", "ccomp")]
        # "had found evidence that GRU officers ...", "there was well-founded suspicion that ..."
        out.extend(found or [clause])
    return out


#: Words that refuse to yield what another side wants ("not for sale", "not negotiable", "not up for discussion").
_NOT_NEGOTIABLE = re.compile(r"(?i)\b(?:not|never)\s+(?:be\s+)?(?:negotiable|for\s+sale|up\s+for\s+(?:discussion|"
                             r"negotiation|debate|grabs))\b|\bnon-negotiable\b")


def _not_negotiable(complement: list[Token]) -> bool:
    """Whether what was said refuses to yield what another side wants: "Greenland was not for sale", "sovereignty
    over the canal was not negotiable", "is not up for discussion"."""
    return any(_NOT_NEGOTIABLE.search(clause.doc[clause.left_edge.i:clause.right_edge.i + 1].text)
               for clause in complement)


def _misdeed_doers(complement: list[Token]) -> list[Token]:
    """"the murder had been ordered by Russian state agencies": who a misdeed told in the passive is laid on."""
    return [a for clause in complement if any(c.dep_ == "auxpass" for c in clause.children) and any(
            c.dep_ == "nsubjpass" and c.lemma_.lower() in _MISDEEDS | _VIOLENT_DEEDS for c in clause.children)
            for a in args.prep_objects(clause, "by")]


def _complicity(complement: list[Token]) -> list[Token]:
    """"there were serious indications of an Israeli role": the words that name whom the evidence points to."""
    return [m for clause in complement for t in clause.subtree if t.lemma_.lower() in _COMPLICITY and
            t.dep_ == "pobj" and t.head.head.lemma_.lower() in _EVIDENCE_NOUNS
            for m in t.children if m.dep_ in ("poss", "amod", "compound")]


def _blames(complement: list[Token]) -> bool:
    """Whether what was said blames its subject for something ("Iran was behind the attack", "Moscow bears
    responsibility", "the warship had violated Chinese sovereignty")."""
    for clause in complement:
        parts = [clause] + [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp", "dobj")]
        lemma = clause.lemma_.lower()
        if any(p.lemma_.lower() in _BLAME_PREDICATES for p in parts) or lemma in _WRONGDOING:
            return True
        if lemma in ("commit", "perpetrate", "carry") and any(  # "had committed crimes against humanity"
                p.dep_ == "dobj" and p.lemma_.lower() in _MISDEEDS for p in clause.children):
            return True
        if lemma == "be" and any(c.dep_ == "prep" and c.lower_ == "behind" for c in clause.children):
            return True
        if lemma == "involve" and any(c.dep_ == "auxpass" for c in clause.children):
            return True  # "GRU officers were involved in the explosion"
        if _misdeed_doers([clause]):
            return True  # "the murder had been ordered by Russian state agencies"
        if lemma in ("bear", "carry", "shoulder", "have", "share") and any(
                p.lemma_.lower() == "responsibility" for p in parts):
            return True
    return False


#: What a party "will pay", "will face" or "will suffer" when the speaker threatens it.
_PENALTIES = frozenset({"price", "consequence", "response", "retaliation", "punishment", "wrath", "cost", "revenge",
                        "sanction", "reprisal", "countermeasure", "repercussion"})


#: What a side "will give" the one it threatens: "a befitting reply".
_REPLIES = frozenset({"reply", "response", "answer", "rebuff", "lesson", "blow"})


#: What a party "will respond with" when the speaker threatens it: "mirror measures".
_MEASURES = frozenset({"measure", "step", "countermeasure", "action", "sanction"})


def _aim_at_the_accused(events: list[SentenceEvent]) -> None:
    """"The Guards said Saudi Arabia was involved and vowed to take revenge": a threat that names no one faces
    whom its maker accuses in the same sentence (the accusation, told in reported speech, is coded after the
    vow, so the vow alone could not see it)."""
    for ev in events:
        if ev.code[:2] != "13" or ev.target is not None:
            continue
        accused = next((other.target for other in events if other.code[:3] == "112" and other.target is not None
                        and other.source.country == ev.source.country
                        and other.target.country != ev.source.country), None)
        if accused is not None:
            ev.target = accused


def _warns_of_what_is(verb: Token) -> bool:
    """"warned that big obstacles remained", "warned that any returns must respect the law": a warning whose
    clause tells what is or must be, with no act or penalty to come, threatens no one (but "warned that it would
    respond", "warned that revenge awaited the killers" and "warned of consequences" do)."""
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.lemma_.lower() != "warn" or not said:
        return False
    coming = any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX for clause in said for c in (clause, *clause.conjuncts)
                 for a in c.children)
    penalty = any(t.lemma_.lower() in _PENALTIES for clause in said for t in clause.subtree)  # ("warned that severe
    # revenge awaited the killers")
    return not coming and not penalty and not _threatens(said)


#: Auxiliaries of what is to come, or may: "would respond", "could strike" ("wo" is the "won't" of a negation,
#: which the callers read as no act to come).
_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "could", "may", "might", "wo"})


#: Verbs of taking back what was given: said of a concession, on a condition, they threaten.
_UNDOING = frozenset({"reverse", "revoke", "reimpose", "suspend", "withdraw", "cut", "halt", "cancel", "terminate",
                      "rescind"})


def _threatens(complement: list[Token]) -> bool:
    """Whether what was said threatens: its subject ("Israel would pay a heavy price", "will face the
    consequences", "will regret it"), or whoever acted, when the speaker's side "reserves the right" to act."""
    for clause in (c for verb in complement for c in (verb, *verb.conjuncts)):  # "made a mistake and will pay"
        future = any(a.dep_ == "aux" and a.lower_ in _FUTURE_AUX for a in clause.children) and \
            not any(a.dep_ == "neg" for a in clause.children)
        # ("the EU would not pay for any safe zone" is no threat)
        lemma = clause.lemma_.lower()
        objects = [c.lemma_.lower() for c in clause.children if c.dep_ in ("dobj", "attr")]
        if future and (lemma == "regret" or (lemma in ("pay", "face", "suffer", "bear", "receive", "get", "meet") and
                                             any(o in _PENALTIES for o in objects))):
            return True  # ("Israel would receive its just punishment")
        if lemma == "expect" and any(o in _PENALTIES for o in objects) and any(
                a.dep_ == "aux" and a.lower_ in ("should", "will", "would", "can", "could") for a in clause.children):
            return True  # "the Taliban should expect consequences"
        if future and lemma in ("come", "carry", "have") and any(
                p.lemma_.lower() in _PENALTIES for c in clause.children for p in (c, *c.children)
                if c.dep_ in ("dobj", "prep", "pobj")):
            return True  # "the decision would come with consequences", "will have consequences"
        if future and lemma in ("give", "deliver") and any(o in _REPLIES for o in objects):
            return True  # "would give a befitting reply if provoked"
        if future and lemma == "pay" and any(c.lower_ in ("dearly", "heavily", "for") for c in clause.children):
            return True  # "Seoul would pay dearly", "Iran will pay for it"
        if future and (lemma == "make" and any(c.lemma_.lower() == "pay" for c in clause.children) or (
                lemma == "hunt" and any(c.dep_ == "prt" and c.lower_ == "down" for c in clause.children))):
            return True  # "we will hunt you down and make you pay"
        if future and lemma in ("respond", "retaliate", "react", "reply") and any(
                (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children)) or (
                    c.dep_ == "prep" and c.lower_ == "in" and any(p.lower_ == "kind" for p in c.children)) or (
                    c.dep_ == "prep" and c.lower_ == "with" and any(p.lemma_.lower() in _MEASURES for p in c.children))
                for c in clause.children):
            return True  # "Seoul said it would respond strongly if the North took further steps", "Moscow would
            # respond in kind", "would respond with mirror measures"
        if future and lemma in _UNDOING and any(c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CONDITIONS for m in c.children) for c in clause.children):
            return True  # "the relief would be reversed if Venezuela did not move", "aid will be cut off unless ..."
        if lemma == "bring" and any(o in _PENALTIES for o in objects) and any(
                c.lower_ in ("upon", "on") for c in clause.children if c.dep_ in ("prep", "prt")):
            return True  # "Israel had brought harsh punishment upon itself"
        if lemma == "reserve" and any(o in ("right", "option") for o in objects):
            return True  # "his country reserved every option to defend its sovereignty"
        if lemma == "go" and any(c.dep_ == "neg" for c in clause.children) and any(
                c.lower_ in ("unanswered", "unpunished", "unavenged") for c in clause.children):
            return True  # "the crime would not go unanswered"
    return False


def _plan_given_up(chain: list[Token]) -> bool:
    """Whether the act is what a plan given up was for: "dropped plans to annex", "suspended its bid to join"."""
    return any(t.lemma_.lower() in _AIM_NOUNS and t.head.lemma_.lower() in _GIVING_UP and
               t.dep_ in ("dobj", "nsubjpass") for t in chain[1:])


#: What is pledged or offered (people, money, arms): the object of a promise, never whom it is made to.
_OFFERED = frozenset({"troop", "soldier", "officer", "personnel", "police", "policeman", "peacekeeper", "aid",
                      "money", "fund", "funding", "weapon", "arm", "equipment", "loan", "assistance", "help"})
#: Intents that two sides make to a third: "Jamaica and the Bahamas promised personnel" is not to each other.
_OFFERING = frozenset({"promise", "offer", "volunteer"})
#: Nouns for what someone means to do ("plans to annex", "a bid to join").
_AIM_NOUNS = frozenset({"plan", "bid", "intention", "proposal", "attempt", "effort", "idea"})
#: Verbs by which a plan is given up, for now or for good.
_GIVING_UP = frozenset({"drop", "shelve", "abandon", "scrap", "suspend", "cancel", "freeze", "ditch", "halt",
                        "withdraw", "postpone", "defer", "renounce", "reverse", "end"})


def _receives(support: Token, noun: Token) -> bool:
    """"received a threat", "got aid", "took delivery of": the support verb's subject is the one given to."""
    verb = support.lemma_.lower()
    return verb in _RECEIVING or verb == "take" and noun.lemma_.lower() in _TAKEN_RECEIPTS


def _makers(noun: Token) -> list[Token]:
    """The owners named in a received thing's of-phrase: "delivery of the first parts of Russia's S-400 system"."""
    out, frontier = [], [noun]
    for _ in range(3):
        frontier = [p for t in frontier for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj"]
        out += [c for t in frontier for c in t.children if c.dep_ == "poss" and c.lower_ not in ("its", "their")]
    return out


def _refusal(chain: list[Token]) -> bool:
    """"will not", "would not", "won't", "refuses to": a stated refusal, not a report that something did
    not happen ("did not attack"). Not to accept or recognise is a stance, so a refusal in any tense ("neither
    accepted nor recognised the ruling")."""
    head = chain[0]
    verb = head if head.pos_ in ("VERB", "AUX") else next((t for t in chain if t.pos_ == "VERB"), head)
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(auxes & {"will", "would", "wo", "shall"}) or verb.lemma_.lower() in _ACCEPTING or (
        verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in ("refuse", "decline") or ruled_out(verb.head)))


#: Verbs whose negation rejects: a state that does not recognise a government or accept a ruling rejects it.
_ACCEPTING = frozenset({"accept", "recognise", "recognize", "acknowledge"})


def _phrase_of(tok: Token, holders: set[int]) -> bool:
    """Whether a word is one of the holders or sits in their prepositional phrases ("was summoned to the
    ministry in Berlin": Berlin)."""
    while tok.i not in holders and tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i:
        tok = tok.head
    return tok.i in holders


def _everyone(verb: Token, both: bool = False) -> bool:
    """"urged all parties", "called on all sides" (or, with ``both``, "both sides"): an appeal to every side,
    named by none."""
    addressed = [c for c in verb.children if c.dep_ == "dobj"] + args.prep_objects(verb, "on", "to")
    return any(c.lemma_.lower() in ("party", "side", "actor", "country", "nation") and any(
        d.lower_ == ("both" if both else "all") for d in c.children) for c in addressed)


#: Words that brook no delay or condition, or press hard: an appeal made with them is a demand.
_INSISTENT = frozenset({"immediately", "immediate", "forthwith", "unconditionally", "unconditional", "strongly"})
#: Clauses of their own below an appeal, whose words do not press it ("urged calm, warning that ...").
_OWN_CLAUSES = frozenset({"conj", "advcl", "relcl", "parataxis"})


def _prepares_harm(trig: Trigger, ev: SentenceEvent) -> bool:
    """"Washington said it was preparing further sanctions", "were preparing to deploy warplanes": a hostile act
    being planned or prepared is that act, still to come (planned), not a threat; vowing it is one ("vowed to
    retaliate")."""
    return trig.pattern.wrapper == "intent" and trig.token.lemma_.lower() in PLANNING_VERBS and \
        ev.code[:2] in CONFLICT_ROOTS


def _insistent_appeal(ev: SentenceEvent) -> bool:
    """An appeal pressed as a demand. A call for an "immediate ceasefire" is the set wording of an appeal for
    calm (0256), not one."""
    return ev.code[:2] == "02" and ev.code != "0256" and _insistent(ev.trigger)


def _insistent(verb: Token) -> bool:
    """"urged London to begin the exit process without delay", "called for his immediate release", "strongly
    urged", "asked India to withdraw its troops by March 15": an appeal to one party that is pressed hard or
    allows no delay is a demand (CAMEO 10), not a plea (02). A call on both or all sides of a fight ("urged
    both sides to cease fire immediately") stays an appeal for calm."""
    if _everyone(verb) or _everyone(verb, both=True):
        return False
    todo = list(verb.children)
    while todo:
        tok = todo.pop()
        if tok.dep_ in _OWN_CLAUSES and not args.is_infinitive(tok):
            continue  # (but "urged India, where she lives, to hand her over immediately": the parser's advcl)
        word = tok.lower_
        if word in _INSISTENT or (word == "delay" and tok.head.lower_ == "without") or (
                word == "once" and tok.head.lower_ == "at") or (
                word == "by" and any(c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in tok.children)):
            return True
        todo.extend(tok.children)
    return False


_ANSWERING = frozenset({"respond", "react", "answer", "reply"})
#: Nouns for an accord between parties: "hailed the deal" is about its parties.
_DEAL_NOUNS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "truce", "ceasefire", "declaration",
                         "settlement", "rapprochement"})


def _states_terms(verb: Token) -> bool:
    """"signed a treaty under which each side pledges to help the other", "signed a peace deal, pledging to end
    the fighting", "in a joint declaration, the leaders pledged ...": a pledge that states an accord's terms is
    the accord, coded once (from its signing), not a second intent ("pledged to work toward ... and to seek" too)."""
    while verb.dep_ in ("xcomp", "conj") and verb.head.pos_ == "VERB":
        verb = verb.head
    if verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in _DEAL_NOUNS:
        return True
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _DEAL_NOUNS for c in verb.head.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(p.lemma_.lower() in _DEAL_NOUNS for p in c.children)
               for c in verb.children)


#: Verbs whose for-phrase names a deed already done: "apologise for accusing", "punished for protesting".
_GROUNDS_VERBS = frozenset({"apologise", "apologize", "punish", "blame", "thank", "praise", "criticise",
                            "criticize", "condemn", "sanction", "fine", "jail", "sentence", "arrest", "reward"})


#: Verbs of force that answer another act when done "back" ("fired back", "struck back").
_HITTING = frozenset({"fire", "strike", "hit", "fight", "shoot", "lash", "punch", "bomb", "shell"})


#: Participles that say an act moved someone to act: "..., prompting Japan to scramble jets".
_PROMPTING = frozenset({"prompt", "force", "lead", "provoke", "spark", "trigger", "push", "drive", "cause"})


def _prompting_act(tok: Token) -> Token | None:
    """The verb of the act that moved ``tok``'s doer to do it: "Chinese bombers flew near Japan, prompting Tokyo
    to scramble jets" gives "flew"."""
    if tok.dep_ in ("xcomp", "ccomp") and tok.head.lemma_.lower() in _PROMPTING and tok.head.tag_ == "VBG" and \
            tok.head.dep_ in ("advcl", "conj") and tok.head.head.pos_ in ("VERB", "AUX"):
        return tok.head.head
    return None


def _in_response(tok: Token) -> bool:
    """"dispatched forces in response", "responded by announcing drills", "answered with a live-fire drill": an
    act that answers another."""
    if tok.lemma_.lower() in _ANSWERING or (tok.dep_ == "pcomp" and tok.head.lower_ == "by" and
                                             tok.head.head.lemma_.lower() in _ANSWERING):
        return True
    if tok.lemma_.lower() in _HITTING and any(c.dep_ in ("prt", "advmod") and c.lower_ == "back"
                                              for c in tok.children):
        return True  # "howitzers fired back" (but "agreed to take back migrants" answers nothing)
    if tok.lemma_.lower() == "return" and any(c.dep_ == "dobj" and c.lemma_.lower() == "fire" for c in tok.children):
        return True  # "troops returned fire"
    return bool(_in_phrases(tok, _RESPONSE_NOUNS))


def _in_phrases(tok: Token, nouns: frozenset[str]) -> list[Token]:
    """The nouns of ``nouns`` that head an in-phrase of the word: "in response (to ...)", "in retaliation"."""
    return [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
            if p.dep_ == "pobj" and p.lemma_.lower() in nouns]


def _exchange_holders(tok: Token) -> list[Token]:
    """The places or captors holding the people a release is traded for: "freed two Swedes, handing them over in
    return for four Iranians held in Belgium and Denmark" -> Belgium, Denmark."""
    clauses = [tok] + [c for c in tok.children if c.dep_ == "advcl" and c.tag_ == "VBG"]  # ", handing over ..."
    traded = [q for v in clauses if _in_exchange(v) for c in v.children if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children for f in p.children if f.dep_ == "prep" and f.lower_ == "for"
              for q in f.children if q.dep_ == "pobj"]
    return [h for q in traded for a in q.children if a.dep_ == "acl" and a.lemma_.lower() in _HOLDING
            for p in a.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by")
            for o in p.children if o.dep_ == "pobj" for h in args.with_conjuncts(o)]


_HOLDING = frozenset({"hold", "detain", "jail", "imprison", "keep"})


def _in_exchange(tok: Token) -> bool:
    """"freed X in exchange for Y", "... in return for Y": a release answered by another."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        p.lemma_.lower() in ("exchange", "return", "swap", "trade") and any(
            q.dep_ == "prep" and q.lower_ == "for" for q in p.children) for p in c.children) for c in tok.children)


def _names_deed(head: Token) -> bool:
    """"it", "this" or "the move" as the subject of what was said: the deed just told."""
    return head.lower_ in ("it", "this") or (_refers_to_event(head) and any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children))  # (not "a similar raid")


def _judges_what_was_told(verb: Token) -> bool:
    """"..., which Iran condemned": a clause set off by a comma whose object is "which" judges the act the
    sentence told, whatever noun it follows (the parser hangs it on the last one, "the consulate")."""
    return verb.dep_ in ("relcl", "advcl") and any(
        c.dep_ == "dobj" and c.lower_ == "which" and c.i > 0 and c.doc[c.i - 1].text == "," for c in verb.children)


#: Tags of plural nouns: what "they" and "them" can stand for, and "it" cannot.
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


def _without_force_named_again(out: list[SentenceEvent]) -> list[SentenceEvent]:
    """"A U.S. drone strike killed Soleimani ..., an attack the Pentagon said was ordered by Trump", "Turkish
    warplanes pounded Kurdish-led forces as Erdogan launched a long-threatened offensive": a use of force with no
    target, by a side whose force against a target of the same kind the sentence already tells, names that force
    again."""
    aimed = {(ev.source.country, ev.code[:2]) for ev in out if ev.target is not None and ev.source.country}
    return [ev for ev in out if not (ev.target is None and ev.code[:2] in VIOLENCE_ROOTS and
                                     (ev.source.country, ev.code[:2]) in aimed)]


#: Breaking or downgrading relations and expelling people: what a deadline to leave belongs to.
_RUPTURES = frozenset({"161", "166", "174"})


#: Rules that read an expulsion off its formula ("gave him 48 hours to leave", "is no longer welcome").
_EXPULSION_FORMULAS = ("v.give.time", "adj.unwelcome")


def _without_expulsion_told(out: list[SentenceEvent]) -> list[SentenceEvent]:
    """"expelled a Canadian diplomat and gave him five days to leave", "broke off relations and gave its diplomats
    72 hours to leave": the time given (or the welcome withdrawn) is that of the expulsion or the break, told
    already."""
    expelled = {(ev.source.country, ev.target.country) for ev in out if ev.code[:3] in _RUPTURES
                and ev.target is not None and not ev.rule.startswith(_EXPULSION_FORMULAS)}
    return [ev for ev in out if not (ev.rule.startswith(_EXPULSION_FORMULAS) and ev.target is not None and
                                     (ev.source.country, ev.target.country) in expelled)]


def _owner_told_before(objects: list[Token]) -> list[Token]:
    """The owner of "the bid" (or "the application"): the possessor of the nearest earlier mention that names one
    ("Sweden's application ... has not yet approved the bid")."""
    for obj in objects:
        if obj.lemma_.lower() not in _OWNED_REQUESTS or not any(c.dep_ == "det" and c.lower_ == "the"
                                                                 for c in obj.children):
            continue
        for earlier in reversed(obj.doc[:obj.i]):
            if earlier.lemma_.lower() in _OWNED_REQUESTS:
                owners = [c for c in earlier.children if c.dep_ == "poss"]
                if owners:
                    return owners[:1]
    return []


#: What a party applies with and another approves or blocks: told once with its owner, then as "the bid".
_OWNED_REQUESTS = frozenset({"bid", "application", "candidacy", "request", "accession"})


def _reference_before(tok: Token) -> Token | None:
    """The last noun before ``tok`` in its sentence that refers back to a deed ("the decision", "the move"), as the
    object of a verb or a preposition: what a later "it" of the same sentence stands for."""
    return next((t for t in reversed(tok.doc[sentence_of(tok).start:tok.i]) if t.dep_ in ("dobj", "pobj") and
                 t.pos_ == "NOUN" and _refers_to_event(t)), None)


def _refers_to_event(head: Token) -> bool:
    """"the move", "the downing": a noun that refers back to something done."""
    return head.lemma_.lower() in EVENT_REFERENCES or head.lower_ in EVENT_REFERENCES


#: Verbs of setting captives free: "demanded that the soldiers be freed" asks it of their captors.
_FREEING = frozenset({"free", "release", "return", "repatriate"})


#: What a court gives: its doer is the last court the story names acting.
_RULING_NOUNS = frozenset({"verdict", "ruling", "sentence", "judgment", "judgement", "conviction"})
#: What a state does to a person, whose "his"/"Navalny's" names the one it was done to: "his arrest".
_SUFFERED_NOUNS = frozenset({"arrest", "detention", "removal", "ouster", "overthrow", "dismissal", "impeachment",
                             "jailing", "imprisonment", "conviction", "sacking"})


#: Nouns for what someone said: their doer is the last speaker, not the last actor.
_WORDS_NOUNS = frozenset({"claim", "statement", "accusation", "allegation", "remark", "comment", "assertion",
                          "charge", "report", "assessment", "suggestion", "words", "finding", "conclusion",
                          "account", "version", "findings", "explanation", "narrative", "post", "tweet", "message"})


#: What something is said in: "warned in a statement that ...".
_SAYING_NOUNS = _WORDS_NOUNS | {"letter", "speech"}
#: What an army takes when it takes power at home (not a village retaken from an enemy).
_SEATS_OF_POWER = frozenset({"country", "capital", "government", "power", "palace", "parliament", "broadcaster",
                             "presidency", "television", "radio"})
#: International courts: where a case is taken, not whom it is against.
_COURTS = frozenset({"UNOICJ", "ICC"})
#: Verbs of an act coming to an end: "demanded that they stop" asks it of whoever does the act named.
_STOPPING = frozenset({"stop", "end", "cease", "halt"})
#: Roots of words that judge what others did (with praise, 051): no move of their own for a later "the move" to
#: refer to.
_JUDGING_ROOTS = frozenset({"01", "11", "12"})
#: Support verbs whose "to" names what is answered, not the answer.
_ANSWERING = frozenset({"respond", "answer", "react", "reply"})


def _bare_definite_subject(head: Token) -> bool:
    """A subject that is "the" and a noun and nothing else: it refers to someone already in view."""
    return head.dep_ in ("nsubj", "nsubjpass") and [c.lower_ for c in head.children] == ["the"]


def _counted_nationals(head: Token) -> bool:
    """"Five Americans", "two Britons": people of a nationality, counted; not their state."""
    return head.ent_type_ == "NORP" and any(c.dep_ == "nummod" for c in head.children)


def _is_the_people(head: Token) -> bool:
    """A bare "the leaders", "the ministers": people already in view, whom no country names."""
    return head.tag_ == "NNS" and _bare_definite_subject(head)


def _is_the_country(head: Token) -> bool:
    """A bare "the country" as a subject, which stands for a state already in view, as "it" does; "the island",
    "the enclave", "the kingdom" anywhere ("as Pelosi visited the island")."""
    if head.lemma_.lower() in ("island", "enclave", "kingdom", "emirate", "archipelago"):
        return [c.lower_ for c in head.children] == ["the"]
    return head.lemma_.lower() in ("country", "nation") and _bare_definite_subject(head)


#: Plural heads that stand for states' sides ("the two delegations"), unlike "the pair" (of assailants).
_SIDES_OF_STATES = frozenset({"delegation", "side", "party", "country", "government", "nation", "leader", "team",
                              "state", "capital", "neighbour", "neighbor", "minister", "president", "negotiator"})


#: Words for people who sign in person: "the foreign ministers of Greece and Macedonia signed ...".
_SIGNATORIES = frozenset({"leader", "minister", "president", "premier", "chancellor", "king", "emir", "prince",
                          "sheikh", "envoy", "adviser", "advisor", "official", "counterpart", "secretary", "head"})
#: Settings that put the signatories together: "at a ceremony", "on the shore of Lake Prespa".
_SIGNING_SETTINGS = frozenset({"ceremony", "summit", "shore", "shores", "palace", "house", "residence", "hall"})


def _signed_in_person(verb: Token) -> bool:
    """Whether people, not states, signed together somewhere the sentence names: "Abiy Ahmed and Isaias Afwerki
    signed a declaration in Asmara", "sealed by Shamkhani and al-Aiban at a ceremony" (but not "the United States
    and the Taliban signed an agreement in Doha", states)."""
    signers = args.subject_heads(verb)  # (with their conjuncts; a passive's agents)
    if not signers or not all(h.ent_type_ == "PERSON" or h.lemma_.lower() in _SIGNATORIES for h in signers):
        return False
    settings = [p for head in (verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")))
                for p in args.prep_objects(head, "in", "at", "on")]  # (the parser hangs it on the document)
    return any(p.ent_type_ in ("GPE", "LOC", "FAC") or p.lemma_.lower() in _SIGNING_SETTINGS for p in settings)


def _answered_deed(noun: Token, trigger_at: dict) -> bool:
    """A nominal event that another event's verb acts against or over ("retaliate against the drills", "protested
    over the arrests"): the cause of that event, with its own doers, not part of what frames that event."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in ("against", "over", "about") or prep.head.pos_ != "VERB":
        return False
    trig = trigger_at.get(prep.head.i)
    return trig is not None and trig.pattern.code is not None and not trig.pattern.light and not trig.pattern.wrapper


def _taken(verb: Token) -> list[Token]:
    """What a verb of taking takes: its object, or the object of "control of" ("took control of the country")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return objects + [p for o in objects if o.lemma_.lower() == "control" for p in args.prep_objects(o, "of")] + \
        [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
         if p.dep_ == "pobj"]


def _one_act_at_home(events: list[SentenceEvent]) -> list[SentenceEvent]:
    """One verb's act against several organs or people of the doer's own state is one act at home ("soldiers
    detained him and Prime Minister Cisse", "stormed Congress, the Supreme Court and the presidential palace"); and a
    sentence's coercion or protest by one doer at home is one episode, told once (the first verb's): "seized power,
    detaining Suu Kyi and declaring an emergency"."""
    seen, kept = set(), []
    for ev in events:
        key = (ev.source.code, ev.code[:2], ev.modality, None if ev.code[:2] in ("14", "17") else ev.trigger.i)
        if ev.target is not None and ev.target.country == ev.source.country and ev.source.country:
            if key in seen:
                continue
            seen.add(key)
        kept.append(ev)
    return kept


def _counterpart(actor: Actor) -> bool:
    """Someone a state's envoy meets: a person, or the officials or the military of a state."""
    return actor.kind == "person" or actor.kind != "igo" and actor.role in ("GOV", "MIL")


def _over_the_phone(verb: Token) -> bool:
    """"told him by phone", "said in a phone call", "told his counterpart by telephone"."""
    return any(p.lemma_.lower() in ("phone", "telephone", "videoconference") or (
        p.lemma_.lower() in ("call", "conversation") and any(
            m.lemma_.lower() in ("phone", "telephone", "video") for m in p.children))
        for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in ("by", "in", "during", "over")
        for p in prep.children if p.dep_ == "pobj")


def _hyphen_parts(head: Token) -> list[list[Token]]:
    """The words before a noun (the noun included) split at each hyphen, when a hyphen joins two names ("U.S.-South
    Korean drills", "US-China talks"): each part may name a party of its own. A hyphen before a participle
    ("US-backed", "Saudi-led") joins a sponsor or a leader, no second party."""
    hyphens = hyphen_positions(head.doc)
    first = bisect_left(hyphens, head.left_edge.i)
    if first == len(hyphens) or hyphens[first] > head.i:
        return []  # no hyphen: one part (most phrases; the test spares walking them)
    parts, current = [], []
    for tok in head.doc[head.left_edge.i: head.i + 1]:
        if tok.tag_ == "HYPH":
            parts.append(current)
            current = []
        elif tok.tag_ not in ("DT", "PRP$"):
            current.append(tok)
    parts.append(current)
    if len(parts) < 2 or any(not p or any(t.pos_ == "VERB" for t in p) for p in parts):
        return []
    return parts


def _listed_members(head: Token) -> list[Token]:
    """The members a plural phrase lists as examples: "twelve countries, including France, Germany and Italy",
    "the military chiefs of 12 countries, including the United States and Japan", "states such as Chad"."""
    if head.tag_ not in ("NNS", "NNPS"):
        return []
    holders = [head] + [o for p in head.children if p.dep_ == "prep" and p.lower_ in ("of", "from")
                        for o in p.children if o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS")]
    # ("diplomats from seven Latin American countries, including Argentina, Chile and Peru")
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and (prep.lower_ in ("including", "like") or prep.lower_ == "as" and any(
                    c.lower_ == "such" for c in prep.children) or prep.lower_ == "such"):
                listed = [o for o in prep.subtree if o.dep_ == "pobj" and o.head.i in (prep.i, *(
                    c.i for c in prep.children if c.dep_ == "prep"))]
                if listed:
                    return args.with_conjuncts(listed[0])
    return []


def _group_count(head: Token) -> int:
    """How many parties "the two leaders", "both sides", "the three countries" refer back to (0: not such a
    phrase). "Each side blamed the other": each of the two."""
    if head.lemma_.lower() in _PAIR_NOUNS and head.tag_ == "NN" and any(c.lower_ in ("each", "either")
                                                                          for c in head.children):
        return 2  # ("would not conclude trade deals with either country")
    if head.lemma_.lower() in _PAIRED_ONLY and head.tag_ == "NNS" and [c.lower_ for c in head.children] == ["the"]:
        return 2  # "the neighbours agreed to reopen embassies": the two named before
    if elided := _elided_group_count(head):
        return elided
    if head.lemma_.lower() not in _PAIR_NOUNS or head.tag_ not in ("NNS", "NNPS"):
        return 0
    words = [c.lower_ for c in head.children]
    if "both" not in words and not any(w in ("the", "these", "those") for w in words):
        return 0  # "police detained two men": new people, not the two named before
    return next((_GROUP_COUNTS[w] for w in words if w in _GROUP_COUNTS), 0)


_GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6}
#: Plural nouns that, with "the" alone, can only mean the two sides in view.
_PAIRED_ONLY = frozenset({"neighbour", "neighbor", "rival", "foe", "adversary", "belligerent"})
#: Nouns that stand for two parties by themselves: "the pair agreed to meet again".
_PAIR_WORDS = frozenset({"pair", "duo"})


def _elided_group_count(head: Token) -> int:
    """A group phrase whose noun is left out: "the two signed an accord", "both agreed", "the pair met again"
    (a bare number or "both" as the head of an argument names the parties just told, not new ones)."""
    if head.lower_ not in _GROUP_COUNTS and head.lemma_.lower() not in _PAIR_WORDS:
        return 0  # (asked of every phrase resolved: the word first, its children only for the few such words)
    words = [c.lower_ for c in head.children]
    if head.pos_ == "NUM" and head.lower_ in _GROUP_COUNTS and words == ["the"]:
        return _GROUP_COUNTS[head.lower_]
    if head.lower_ == "both" and not words:
        return 2
    if head.lemma_.lower() in _PAIR_WORDS and head.tag_ == "NN" and words == ["the"]:
        return 2
    return 0


#: Prepositions whose object is what an act of force is aimed at: "fired at its bases".
_AIMED_PREPS = frozenset({"at", "on", "against", "into", "toward", "towards"})


def _inner_heads(head: Token) -> list[Token]:
    """Where a target hides inside a non-actor phrase: the agent of "a proposal backed by the United
    States", the place of "the southern suburbs of Beirut"."""
    out = []
    for child in head.children:
        if child.dep_ == "acl":  # "a proposal backed by the US", "a drone launched from Yemen"
            out += [p for a in child.children if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "from")
                    for p in a.children if p.dep_ == "pobj"]
            if child.lemma_.lower() in ("carry", "transport", "ship"):  # "a tanker carrying Iranian oil"
                out += [o for o in child.children if o.dep_ == "dobj"]
        elif child.dep_ == "poss" and child.lower_ in PRONOUNS and head.lemma_.lower() in _PLACE_NOUNS:
            out.append(child)  # "their positions": the owner's, whoever "their" stands for
        elif child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN" and head.lemma_.lower() in _PLACE_NOUNS \
                and not _same_name(child, head):
            out.append(child)  # "the Jenin refugee camp" (but "King Fahd Airport" is named after no party)
        elif child.dep_ == "prep" and child.lower_ in ("with", "between") and head.lemma_.lower() in _TIE_NOUNS:
            out += [p for pobj in child.children if pobj.dep_ == "pobj" for p in args.with_conjuncts(pobj)]
        elif child.dep_ == "prep" and child.lower_ in ("of", "in", "near", "with", "across", "throughout") and \
                head.lemma_.lower() in _PLACE_NOUNS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    out += args.with_conjuncts(pobj)
                    out += _inner_heads(pobj)
    return out


def _same_name(part: Token, head: Token) -> bool:
    """Whether two words are of one proper name ("Queen Alia International Airport"): a word of a place's own
    name stands for no party there."""
    return part.ent_iob_ != "" and head.ent_iob_ == "I" and part.ent_type_ == head.ent_type_ and all(
        t.ent_iob_ == "I" for t in head.doc[part.i + 1:head.i + 1])


#: What is said about someone's deed: dismissing it as false denies the deed.
_CHARGES = _CHARGE_NOUNS | {"report", "suggestion"}


def _announced_measure(code: str) -> bool:
    """Cutting ties, sanctions and expulsions (16, 174) are measures a government takes openly and in its own
    name: no denial is about them, so a denial after one is about another deed."""
    return code[:2] == "16" or code[:3] == "174"


#: Marks of a clause that a refusal lasts as long as, or is lifted by: "... while the fighting went on".
_HOLDING_MARKS = frozenset({"while", "until", "till", "unless", "if"})


def _while_conditioned(verb: Token) -> bool:
    """Whether a clause says how long, or on what condition, the act is withheld ("while the fighting
    continued", "until Hamas frees the hostages", "unless Moscow pulls back")."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _HOLDING_MARKS for m in c.children)
               for c in verb.children)


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


#: Codes of meetings, which one who invited the sides hosts: consult, visit, host, negotiate.
_MEETING_CODES = frozenset({"040", "042", "043", "046"})


def _inviters(verb: Token) -> list[Token]:
    """Who invited the doers of ``verb``: "met at the invitation of Erdogan", "held talks at Erdogan's
    invitation", "on the invitation of the king"."""
    found = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("at", "on", "upon")):
        for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() == "invitation"):
            found += [c for c in noun.children if c.dep_ == "poss"] + args.prep_objects(noun, "of")
    return found


def _dismisses_charge(trig: Trigger) -> bool:
    """"Kigali rejected the accusation", after troops of its own were reported fighting: a rejection of what is
    said about one's own deed is a denial of that deed (not of a deed the story gives to someone else)."""
    return (trig.pattern.code or "")[:2] == "12" and any(
        o.lemma_.lower() in _CHARGES for o in args.direct_objects(trig.token))


#: Verbs that say what a deed amounts to: "the campaign seems a textbook example of ethnic cleansing".
_AMOUNTING = frozenset({"be", "seem", "amount", "constitute", "represent", "appear", "look"})


def _predicated_deed(noun: Token) -> Token | None:
    """The subject of a clause that says it is, amounts to or looks like what ``noun`` names ("the killings amounted to
    genocide", "the campaign was a textbook example of ethnic cleansing")."""
    node = noun
    for _ in range(3):  # up through "to", "example of", "case of", "act of"
        if node.dep_ in ("attr", "acomp", "oprd") or (node.dep_ == "pobj" and node.head.lower_ in ("to", "like")):
            break  # ("looked like a textbook example of ...")
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN":
            node = node.head.head
            continue
        return None
    verb = node.head.head if node.dep_ == "pobj" else node.head
    if verb.lemma_.lower() not in _AMOUNTING:
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)


def _offers_to_act(verb: Token) -> bool:
    """"offered to dismantle ...", "proposed to hold ...", "was willing to extend ...": an offer of an act."""
    if verb.lemma_.lower() in ("offer", "propose", "volunteer"):
        return any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children)
    return verb.lemma_.lower() == "be" and any(c.dep_ == "acomp" and c.lower_ in ("willing", "ready", "prepared")
                                               and any(x.dep_ == "xcomp" for x in c.children) for c in verb.children)


def _as_did(tok: Token) -> bool:
    """"..., as did Canada", "..., and so did Britain": a bare "do" that repeats the act it hangs on."""
    return tok.lemma_.lower() == "do" and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "neg") for c in tok.children) \
        and any((c.dep_ == "mark" and c.lower_ == "as") or (c.dep_ == "advmod" and c.lower_ == "so")
                for c in tok.children)


def _semicolon_between(earlier: Token, later: Token) -> bool:
    """Whether a semicolon stands between two words of a sentence, the first before it."""
    return earlier.i < later.i and any(t.lower_ == ";" for t in earlier.doc[earlier.i + 1:later.i])


def _similar_measures(tok: Token) -> bool:
    """"Britain, Canada and the United States announced similar measures": a verb of taking steps whose object is
    "similar" or "parallel" steps repeats the act told before it."""
    return tok.pos_ == "VERB" and tok.lemma_.lower() in _TAKING_STEPS and any(
        o.dep_ == "dobj" and o.lemma_.lower() in _STEPS and any(m.lower_ in _ALIKE for m in o.children)
        for o in tok.children)


#: Verbs of taking steps, words for steps, and words that make them the same as others' ("announced similar measures").
_TAKING_STEPS = frozenset({"announce", "take", "adopt", "introduce", "impose", "unveil", "follow"})
_STEPS = frozenset({"measure", "step", "action", "sanction", "move", "restriction"})
_ALIKE = frozenset({"similar", "parallel", "matching", "identical", "comparable", "equivalent", "same"})
#: Verbs that say an act is repeated or joined ("followed suit", "did the same", "also took part", "participated").
_LIKEWISE = frozenset({"follow", "do", "take", "participate"})
#: The lemmas a sentence must have for ``_followed`` to find anything in it.
_FOLLOWING = _TAKING_STEPS | _LIKEWISE


def _says_likewise(tok: Token) -> bool:
    """"followed suit", "did the same", "did likewise" (also bare "quickly followed"), "also took part": a clause
    that repeats an act told before it."""
    lemma = tok.lemma_.lower()
    if _takes_part(tok):
        return True
    if tok.pos_ != "VERB" or args.is_passive(tok) or lemma not in ("follow", "do"):
        return False
    if lemma == "do":  # "Canada, Brazil and Colombia quickly did the same", "Britain did likewise"
        return [t.lower_ for t in tok.doc[tok.i + 1:tok.i + 3]] == ["the", "same"] or any(
            c.dep_ == "advmod" and c.lower_ == "likewise" for c in tok.children)
    return all(c.lemma_.lower() in ("suit", "lead", "example") for c in tok.children if c.dep_ == "dobj")


def _joined(one: SentenceEvent, other: SentenceEvent) -> bool:
    """Whether two events are one act and the same act joined by others ("launched strikes on the Houthis ...
    warplanes from Qatar also took part"): the same code on the same party, one of them a follower's."""
    return one.code == other.code and one.target == other.target and any(
        ev.rule.startswith("v.follow>") for ev in (one, other))


def _takes_part(tok: Token) -> bool:
    """"warplanes from Qatar also took part", "Jordan participated": joining the act just told, with nothing named
    that it is a part of (that is "took part in the strikes", a nominal act of its own)."""
    if tok.pos_ != "VERB" or args.is_passive(tok):
        return False
    lemma = tok.lemma_.lower()
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lower_ == "part" for c in tok.children):
        return False
    if lemma not in ("take", "participate"):
        return False
    named = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" and any(
        p.dep_ == "pobj" and p.lower_ != "which" for p in c.children)]
    return not named


def _dyads(parties: list[Actor], every: bool = False) -> list[tuple[Actor, Actor]]:
    """The directed pairs of a joint act: each way between two parties; among more, between the first named
    and each other one ("Iran and six world powers reached an agreement": Iran with each power, not the powers
    with one another), unless the act is said to be among all of them (``every``: "a trilateral meeting")."""
    # "Isaias and Abiy signed ..., ending hostility between their countries": a country named beside its own
    # leader is the same side (but the army and the RSF are two sides of one country)
    parties = [p for p in parties if p.role or not any(q.country == p.country and q.role for q in parties)]
    if every or len({p.country for p in parties}) <= 2:
        return [(a, b) for a in parties for b in parties if a.code != b.code]
    hub = parties[0]
    return [pair for p in parties[1:] if p.code != hub.code for pair in ((hub, p), (p, hub))]


def _among_all(tok: Token) -> bool:
    """"a trilateral meeting", "three-way talks", "multilateral negotiations": among every party named."""
    words = {t.lower_ for t in tok.doc[tok.left_edge.i:tok.i]}
    return bool(words & _ALL_WAYS) or "way" in words and any(t.like_num for t in tok.doc[tok.left_edge.i:tok.i])


#: Adjectives that make a joint act one among every party named.
_ALL_WAYS = frozenset({"trilateral", "tripartite", "quadrilateral", "multilateral", "multiparty", "four-party",
                       "six-party", "three-party", "round-table", "roundtable"})


def _civil_war_sides(a: Actor, b: Actor) -> bool:
    """A state and those who fight or oppose it at home: two sides, as two states are ("both sides")."""
    state, challengers = {"GOV", "MIL"}, {"REB", "INS", "OPP", "SEP"}
    return (a.role in state and b.role in challengers) or (b.role in state and a.role in challengers)


def _distinct(target: Actor, source: Actor) -> bool:
    """Whether a target is another party than the source: another code, or a named person of the same
    country ("Iran hanged Mohsen Shekari": IRN -> IRN, a state against one of its own people)."""
    return target.code != source.code or (target.kind == "person" and target.name != source.name)


def _phrase_words(noun: Token) -> set[str]:
    """A noun's lemma, and with each modifier before it: {"cleansing", "ethnic cleansing"}."""
    lemma = noun.lemma_.lower()
    return {lemma} | {f"{m.lemma_.lower()} {lemma}" for m in noun.children if m.dep_ in ("amod", "compound")}


def _another_party(actor: Actor, source: Actor) -> bool:
    """Another country, or at home another branch of the state (Congress for the White House)."""
    return actor.country != source.country or bool(actor.role and source.role and actor.role != source.role)


#: Nouns for one person that "he" or "she" can stand for: "a Japanese boy died after he was stabbed".
_ONE_PERSON = frozenset({"man", "woman", "boy", "girl", "child", "student", "journalist", "activist", "tourist",
                         "worker", "teenager", "citizen", "national", "pilot", "soldier", "officer", "diplomat"})


#: Roles that challenge a state at home: a government and its opposition or rebels are two sides.
_CHALLENGER_ROLES = frozenset({"OPP", "PTY", "REB", "INS"})


def _one_side(a: Actor, b: Actor) -> bool:
    """Whether two actors are one side: of one country, unless one challenges the state at home and the other
    does not ("China" and "Beijing's ministry" are one; a government and the opposition party are two)."""
    return a.country == b.country and (a.role in _CHALLENGER_ROLES) == (b.role in _CHALLENGER_ROLES)


def _other_sides(actors: list[Actor], sources: list[Actor]) -> list[Actor]:
    """The actors of another country than every source: the other side of an exchange."""
    return [a for a in actors if all(a.country != s.country for s in sources)]


def _failed_meetings(noun: Token) -> list[Token]:
    """"talks in Geneva ended without agreement": the meetings whose end came without what ``noun`` names."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "without" or noun.head.head.pos_ != "VERB":
        return []
    return [s for s in noun.head.head.children if s.dep_ in ("nsubj", "nsubjpass") and s.lemma_.lower() in GATHERINGS]


#: Verbs of going away from a place: "left Kabul", "departed from Hanoi".
_LEAVING = frozenset({"leave", "depart", "quit", "exit"})


def _places_left_after_visit(visit: Token) -> list[Token]:
    """"flew out of Hanoi after a visit", "left Nairobi at the end of a visit": the visit was where its maker
    left."""
    verb = args.occasion_verb(visit)
    if verb is None or verb.lemma_.lower() not in _LEAVING:
        return []
    return [c for c in verb.children if c.dep_ == "dobj"] + args.prep_objects(verb, "from")


def _is_occasion(tok: Token) -> bool:
    """"at their first meeting", "during talks in Doha", "at the start of their talks": the occasion of what the
    clause reports, which took place too."""
    if talks_first_told_after(tok):  # ("after four days of talks in Beijing")
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.dep_ == "pobj":
        tok = tok.head.head  # "at the start of ...", "on the sidelines of ..."
        if talks_first_told_after(tok):
            return True
    prep = tok.head.lower_
    return tok.dep_ == "pobj" and prep in ("at", "during", "on", "in") and tok.pos_ == "NOUN" and (
        prep != "on" or tok.lemma_.lower() in ("sideline", "margin")) and (
        prep != "in" or tok.lemma_.lower() in GATHERINGS)  # "in a call with"
