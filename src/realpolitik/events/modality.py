"""How the text presents an event: asserted, negated, hypothetical, planned, denied or unconfirmed.

Cues are read from the trigger, its support verb and the chain of governing words up to the first framing
verb, because "would", "did not" and "reports of" govern everything below them. When several apply, the
strongest wins: denied > negated > unconfirmed > hypothetical > planned > asserted.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..nlp import ACCUSING_VERBS, sentence_of

HYPOTHETICAL_AUX = frozenset({"could", "would", "might", "may", "should", "can", "must"})
PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_MODIFIERS = frozenset({"potential", "possible", "hypothetical", "prospective", "likely",
                                    "probable", "mooted", "rumoured", "rumored"})
PLANNED_MODIFIERS = frozenset({"planned", "upcoming", "scheduled", "future", "expected", "proposed",
                               "forthcoming", "next", "anticipated", "impending"})
CONDITION_MARKS = frozenset({"if", "unless", "whether", "lest"})
REPORT_NOUNS = frozenset({"report", "rumor", "rumour", "speculation", "claim", "allegation", "suggestion",
                          "suspicion", "evidence", "indication"})
UNCONFIRMED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "unconfirmed", "probably", "possibly",
                                 "presumably", "perhaps", "maybe"})
#: Modifiers of an event noun that leave its doer alleged.
UNCONFIRMED_MODIFIERS = frozenset({"unconfirmed", "suspected", "alleged", "purported", "presumed"})
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "proposal", "offer", "pledge", "promise", "commitment",
                        "readiness", "willingness", "decision", "bid", "application", "candidacy"})
#: Nouns whose infinitive is what someone asks, threatens, tries or may do, not what was done: "a call to
#: withdraw", "permission to strike", "the right to respond", "efforts to reach a ceasefire".
APPEAL_NOUNS = frozenset({"call", "demand", "request", "appeal", "plea", "invitation", "ultimatum", "threat", "warning",
                          "permission", "authorisation", "authorization", "right", "effort", "attempt", "push",
                          "drive", "chance", "opportunity", "way"})
#: What the noun an infinitive hangs on makes of its act (the two sets share no word).
_NOUN_COMPLEMENTS = {**dict.fromkeys(PLAN_NOUNS, "planned"), **dict.fromkeys(APPEAL_NOUNS, "hypothetical")}
APPROVING_VERBS = frozenset({"approve", "authorize", "authorise", "clear", "greenlight"})
PLANNING_VERBS = frozenset({"plan", "schedule", "expect", "intend", "set", "prepare", "due"})
OBLIGING_VERBS = frozenset({"oblige", "obligate", "bind"})
SIGNING_VERBS = frozenset({"sign", "ink", "conclude", "seal", "initial", "reach", "strike"})
#: Verbs that stop a text from taking effect: what the vetoed resolution demands, nobody demanded.
BLOCKING_VERBS = frozenset({"veto", "block", "reject", "defeat"})
#: Verbs of judging a deed, which is reported as done whatever becomes of the judgement: "a draft resolution
#: condemning the annexation" (voted down or not, the annexation happened); "thanked X for sending".
JUDGING_VERBS = frozenset({"thank", "praise", "commend", "congratulate", "rebuke", "criticize", "criticise",
                           "condemn", "blame", "reprimand", "slam", "denounce", "deplore", "decry"})
#: Verbs whose object deed does not take place: "vetoed the arms sale".
VETOING_VERBS = frozenset({"veto", "block"})
#: Texts that a vote or veto keeps from taking effect.
TEXT_NOUNS = frozenset({"resolution", "motion", "bill", "draft", "text", "amendment", "statement", "declaration"})
#: Verbs that keep someone from doing something: "prevented the vessel from arresting them".
PREVENTING_VERBS = frozenset({"prevent", "stop", "bar", "block", "keep", "prohibit", "ban", "forbid", "deter"})
NEGATING_VERBS = frozenset({"fail", "refuse", "decline", "halt", "cancel", "postpone", "abandon"})
#: Verbs of an event's start: "drills to begin on Thursday", "talks that will start in Geneva" are yet to come.
STARTING_VERBS = frozenset({"begin", "start", "commence"})
#: Verbs that carry on an act already under way: its future ("will keep protesting") is no plan.
CONTINUING_VERBS = frozenset({"keep", "continue"})
#: Verbs that report an announcement: the "would" of what they report is a plan (a warning's is a threat).
ANNOUNCING_VERBS = frozenset({"say", "announce", "tell", "state", "add", "confirm", "declare", "promise", "pledge",
                              "vow", "insist", "reiterate", "write"})
#: Acts only weighed, not decided: "said it would consider taking the dispute to the WTO".
WEIGHING_VERBS = frozenset({"consider", "weigh", "study", "explore", "examine", "review", "mull", "like", "love",
                            "prefer", "welcome"})
RANK = ("asserted", "planned", "hypothetical", "unconfirmed", "negated", "denied")


def _ahead(verb: Token) -> bool:
    """Whether a verb is in the future: "would not sign", "will keep targeting ships"."""
    return any(c.dep_ == "aux" and c.lower_ in PLANNED_AUX | HYPOTHETICAL_AUX for c in verb.children)


def strongest(values: Iterable[str]) -> str:
    return max(values, key=RANK.index, default="asserted")


def ruled_out(verb: Token) -> bool:
    """"ruled out", "excluded": the act it governs is not to be."""
    return verb.lemma_.lower() == "exclude" or verb.lemma_.lower() == "rule" and any(
        c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def says_no_longer(tok: Token) -> bool:
    """"no longer recognised", "was no longer welcome": what was so is stopped."""
    return any(_no_longer(c) for c in tok.children)


def _no_longer(child: Token) -> bool:
    return child.dep_ == "advmod" and child.lower_ == "longer" and any(n.dep_ == "neg" for n in child.children)


def _own_cues(tok: Token) -> set[str]:
    """Cues attached directly to one word of the chain."""
    cues = set()
    children = tuple(tok.children)  # walked several times below; spaCy builds new tokens on every walk
    for child in children:
        low = child.lower_
        if child.dep_ == "neg" or (child.dep_ == "det" and low == "no") or low == "never" or (
                child.dep_ == "preconj" and low == "neither") or (child.dep_ == "dobj" and low == "nothing") or (
                _no_longer(child)):
            cues.add("negated")  # ("would sign nothing with Russia", "no longer recognises Taipei")
        elif child.dep_ == "aux" and low in HYPOTHETICAL_AUX:
            cues.add("planned" if low == "would" and _future_in_the_past(tok) else "hypothetical")
        elif child.dep_ == "aux" and low in PLANNED_AUX:
            cues.add("planned")
        elif child.dep_ == "mark" and low in CONDITION_MARKS:
            cues.add("hypothetical")
        elif child.dep_ == "mark" and low == "until" and tok.dep_ == "advcl" and _ahead(tok.head):
            cues.add("hypothetical")  # "would not sign the deal until Belgrade recognised Kosovo", "would keep
            # targeting ships until Israel halted its offensive": a condition, not news
        elif child.dep_ in ("amod", "compound") and low in HYPOTHETICAL_MODIFIERS and not _approved(tok):
            cues.add("hypothetical")
        elif child.dep_ in ("amod", "compound") and low in PLANNED_MODIFIERS:
            cues.add("planned")
        elif child.dep_ == "advmod" and low in UNCONFIRMED_ADVERBS:
            cues.add("unconfirmed")
        elif child.dep_ in ("amod", "compound") and low in UNCONFIRMED_MODIFIERS:
            cues.add("unconfirmed")  # "suspected Jordanian air strikes", "an alleged plot"
    if tok.pos_ == "VERB" and any(m.dep_ == "amod" and m.lower_ in UNCONFIRMED_MODIFIERS for c in children
                                  if c.dep_ == "nsubj" for m in c.children):
        cues.add("unconfirmed")  # "suspected Israeli drones struck a convoy": whose drones is alleged
    if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children):
        cues.add("negated")  # "neither accepted nor recognised the award"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in PLANNING_VERBS:
        cues.add("planned")
    holders = [children, tuple(tok.head.children)] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [children]
    # (the parser may hang it on the verb the noun is the object of)
    if any(c.dep_ in ("acl", "relcl", "advcl") and c.lemma_.lower() in STARTING_VERBS and any(
            a.dep_ == "aux" and a.lower_ in ("to", "will") for a in c.children) for h in holders for c in h):
        cues.add("planned")  # "announced live-fire drills to begin on Thursday": still to come
    if tok.dep_ in ("advcl", "xcomp") and tok.head.lemma_.lower() == "be" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in PLANNING_VERBS for c in tok.head.children):
        cues.add("planned")  # "is due in Khartoum on Friday to mediate": what the trip is for, still to come
    if tok.lemma_.lower() == "be" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
            w.lemma_.lower() == "way" for w in c.children) for c in children):
        cues.add("planned")  # "further EU sanctions were on their way": coming, not yet imposed
    if tok.head.lemma_.lower() in OBLIGING_VERBS and (tok.dep_ == "xcomp" or tok.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children)):
        cues.add("hypothetical")  # "a treaty that obliges each to provide military assistance": a duty, not a deed
    if tok.dep_ in ("acl", "xcomp") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in _NOUN_COMPLEMENTS:
        cues.add(_NOUN_COMPLEMENTS[tok.head.lemma_.lower()])  # "plans to send tanks", "a call to withdraw"
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NEGATING_VERBS and not _not_confirmed(tok):
        cues.add("negated")  # (but what one "declined to confirm" is left open, below)
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and _called_off(tok.head):
        cues.add("negated")  # "called off retaliatory strikes on Iran": none were carried out
    if tok.dep_ in ("xcomp", "pcomp") and tok.tag_ == "VBG" and ruled_out(tok.head):
        cues.add("negated")  # "ruled out resigning": no resignation
    if tok.dep_ == "advcl" and tok.tag_ == "VB" and tok.head.lemma_.lower() in SIGNING_VERBS and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in children):
        cues.add("planned")  # "signed deals in Istanbul to reopen the ports": what the deal is for, still to come
    if tok.dep_ in ("acl", "relcl") and tok.head.dep_ == "dobj" and tok.head.lemma_.lower() in TEXT_NOUNS and \
            _blocks(tok.head.head):
        cues.add("negated")  # "vetoed a resolution demanding a ceasefire" (but a rejected decision still stands)
    if _vetoed(tok):
        cues.add("negated")  # "vetoed a package of EU aid for Kyiv": no aid was given
    if tok.lemma_.lower() == "hesitate" and "negated" in cues:
        cues = (cues - {"negated"}) | {"planned"}  # "would not hesitate to launch": a promise to
    if tok.dep_ in ("pobj", "pcomp") and tok.head.lower_ == "without":
        cues.add("negated")  # "without a deal", "without signing any agreement"
    if tok.dep_ == "pcomp" and tok.head.lower_ == "from" and tok.head.head.lemma_.lower() in PREVENTING_VERBS:
        cues.add("negated")  # "prevented the vessel from arresting the fishermen": it did not
    if _short_of(tok) or (tok.dep_ == "ccomp" and _short_of(tok.head)):
        cues.add("negated")  # "stopped short of saying that they had hit it": not said, let alone done
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in REPORT_NOUNS:
        cues.add("unconfirmed")
    if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in REPORT_NOUNS:
        cues.add("unconfirmed")  # "following reports that he pressed ..."
    if tok.dep_ in ("ccomp", "xcomp") and _not_confirmed(tok.head):
        cues.add("unconfirmed")  # "did not confirm carrying out the raids": neither owned nor denied
    return cues


def _not_confirmed(verb: Token) -> bool:
    """"did not confirm", "declined to confirm", "would not acknowledge": the doer leaves the act open."""
    if verb.lemma_.lower() not in _CONFIRMING:
        return False
    return any(c.dep_ == "neg" for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("decline", "refuse"))


#: Verbs by which a doer owns an act, whose negation leaves the act unconfirmed.
_CONFIRMING = frozenset({"confirm", "acknowledge", "admit"})


def _called_off(verb: Token) -> bool:
    """"called off", "cancelled", "aborted": what is called off before it happens does not happen."""
    lemma = verb.lemma_.lower()
    return lemma in ("cancel", "abort") or lemma == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def _future_in_the_past(tok: Token) -> bool:
    """"Japan said it would send two planes": the "will send" of an announcement, reported, unless a condition
    hangs on it ("would retaliate if attacked") or the act is only weighed ("would consider taking")."""
    if tok.dep_ != "ccomp" or tok.head.lemma_.lower() not in ANNOUNCING_VERBS or tok.lemma_.lower() in WEIGHING_VERBS:
        return False
    return not any(c.dep_ in ("mark", "advmod") and c.lower_ in CONDITION_MARKS | {"unless", "provided", "providing"}
                   for t in tok.subtree for c in t.children)


def _blocks(verb: Token) -> bool:
    """"vetoed", "rejected", "voted down": keeps a text from taking effect."""
    return verb.lemma_.lower() in BLOCKING_VERBS or verb.lemma_.lower() == "vote" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)


def _vetoed(noun: Token) -> bool:
    """A deed named as what a veto or block stopped ("vetoed the arms sale", "blocked a package of aid"); not a
    request or plan, which was made whatever became of it ("vetoed the membership bid")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() in _NOUN_COMPLEMENTS.keys() | REPORT_NOUNS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "dobj":
        noun = noun.head.head  # "a package of aid", "a batch of weapons"
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in VETOING_VERBS


def _short_of(tok: Token) -> bool:
    return tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ == "of" and tok.head.head.lower_ == "short"


def _approved(tok: Token) -> bool:
    """"approved the possible sale of tanks": an approval makes the possible act a decision taken."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in APPROVING_VERBS


#: Nouns that make their to- or for-phrase the cause of an act: "in response to", "in retaliation for".
CAUSE_NOUNS = frozenset({"response", "retaliation", "reprisal", "reaction", "revenge", "answer"})
#: Verbs by which an act answers another: "would expel 23 diplomats, retaliating for London's expulsions".
CAUSE_VERBS = frozenset({"retaliate", "respond", "react"})


def _cause(below: Token, tok: Token) -> bool:
    """Whether ``below`` heads the phrase an act answers ("in response to the expulsion"), which is reported as
    done, whatever modal or negation governs the act."""
    return tok.dep_ == "prep" and tok.lower_ in ("to", "for") and tok.head.lemma_.lower() in CAUSE_NOUNS | CAUSE_VERBS \
        and below.dep_ == "pobj"


def past_after_modal(verb: Token) -> bool:
    """A past form the parser coordinated with a reported clause's modal verb ("would continue and called")."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or head.dep_ != "ccomp" or \
            head.head.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if not any(a.tag_ == "MD" for a in auxes) or any(a.lemma_ == "have" for a in auxes):
        return False  # "would have continued and called" shares its auxiliaries
    # "would be formed and approved by parliament": two passives share "would be"; an object makes it active
    return head.tag_ != "VBN" or verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)


def tensed_conjunct(tok: Token) -> bool:
    """A coordinated verb in a tense of its own ("... and accused"), not a bare one sharing an auxiliary."""
    own_aux = any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had", "did", "does", "do") for c in tok.children)
    return tok.dep_ == "conj" and (tok.tag_ in ("VBD", "VBZ", "VBP") or own_aux or past_after_modal(tok)) and \
        tok.head.pos_ in ("VERB", "AUX")


def _closes_condition(phrase: Token, clause: Token) -> bool:
    """Whether a phrase set off by a comma after a condition ("if either is attacked, during the leader's
    visit") belongs to the main clause: the parser hangs it on the condition, which does not govern it."""
    return phrase.dep_ == "prep" and phrase.head.i == clause.i and phrase.i > clause.i and \
        phrase.doc[phrase.i - 1].text == "," and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                                     for c in clause.children)


def charged(chain: list[Token]) -> bool:
    """Whether an act is what someone is accused of: "accused Russia of shelling the plant"."""
    return any(tok.lemma_.lower() in ACCUSING_VERBS and prev.dep_ in ("dobj", "prep") and tok.pos_ == "VERB"
               for prev, tok in zip(chain, chain[1:]))


def modality_of(chain: list[Token], denied: bool = False) -> str:
    """Modality of an event whose trigger (first) and governors (then) are ``chain``."""
    cues = {"denied"} if denied else set()
    if charged(chain):
        cues.add("unconfirmed")  # what someone is accused of is alleged, not reported as fact
    for k, tok in enumerate(chain):
        if k and _cause(chain[k - 1], tok):
            break  # "would not expel anyone in response to the expulsion of 35 Russians": the cause happened
        if k and chain[k - 1].dep_ == "dobj" and chain[k - 1].pos_ == "NOUN" and tok.lemma_.lower() in JUDGING_VERBS:
            break  # "a draft condemning the annexation", voted down: the annexation still happened
        if k and chain[k - 1].dep_ == "acl" and chain[k - 1].tag_ == "VBN" and tok.pos_ in ("NOUN", "PROPN"):
            break  # "the case would be dropped under a deal brokered by Lukashenko": the brokering is done
        own = _own_cues(tok)
        if k and _closes_condition(chain[k - 1], tok):
            own = set()  # "will help each other if attacked, during the first visit in years": the visit happened
        if k and tensed_conjunct(chain[k - 1]):
            # "would never recognise X, and accused Y": a conjunct with its own tense takes no negation or
            # modal from the verb it is coordinated with; a condition ("if X attacks and seizes") still holds
            own &= {"hypothetical"} if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
                                           for c in tok.children) else set()
        if not k and tok.dep_ == "acl" and tok.tag_ == "VBG":
            own -= {"unconfirmed"}  # "allegations linking India to the killing": what the allegation itself does
        if k and chain[k - 1].dep_ == "xcomp" and tok.lemma_.lower() in CONTINUING_VERBS:
            own -= {"planned"}  # "will keep protesting until ...": the protests are under way
        afters = [t for t in chain[1:k] if t.dep_ == "prep" and t.lower_ in ("after", "following")]
        if afters:
            own -= {"negated"}  # "agreed not to use force, after talks at the airport": the talks were held
            if any(t.i and t.doc[t.i - 1].lower_ == "," for t in afters):
                own -= {"hypothetical", "planned"}  # "agreed that neither would use force, after talks", "said it
                # would withdraw the bill, after two nights of protests": likewise
        cues |= own
        if "unconfirmed" in own and tok.dep_ == "pobj":
            break  # "refusing to confirm reports of a meeting": what governs the reports is about them
    # "going to" and "is to" mark plans in the words just before the trigger.
    head = chain[0]
    before = head.doc[max(head.i - 3, sentence_of(head).start):head.i]
    words = [t.lower_ for t in before]
    if "going" in words and "to" in words:
        cues.add("planned")
    if words[-2:] in (["is", "to"], ["are", "to"], ["was", "to"], ["were", "to"]):
        cues.add("planned")  # "Athens is to lift its objections"
    return strongest(cues)
