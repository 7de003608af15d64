"""Who says so: the speaker and outlet behind an event, and how certain the text makes it.

Three layers, smallest first:

* ``sentence_attribution`` reads one event's chain of governors inside its sentence: "X said/claimed/told",
  "according to X", "citing Y", "reports of ..." and "reportedly". It stops at a subordinate clause
  ("..., while the previous day saw ..."), so a "citing" on the main clause does not reach an event in a
  "while" clause.
* ``ArticleAttribution`` (one per article) carries report context across sentences: "reports of a meeting"
  in one sentence takes its outlet and speaker from "Al Arabiya broke the news, citing unnamed sources" in a
  neighbouring one, and "The conversation, according to Kremlin officials, covered ..." attributes the phone
  call of the sentence before. The whole parse is available, so it looks ahead instead of buffering events.
* ``certainty_of`` turns modality plus attribution into one value of ``CERTAINTIES`` (docs/claims.md).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from ..actors import PRONOUNS, DocActors
from ..model import Attribution, Event
from ..nlp import sentence_of, sentence_tokens, sentence_words

#: The certainty scale, most certain first (docs/claims.md explains each value).
CERTAINTIES = ("confirmed", "asserted", "reported", "unconfirmed", "denied", "hypothetical", "planned",
               "negated")
#: Certainties under which an event is still asserted true (``Event.asserted``).
ASSERTED_CERTAINTIES = frozenset({"confirmed", "asserted", "reported"})

ANONYMOUS_WORDS = frozenset({"unnamed", "anonymous", "unidentified", "undisclosed", "anonymity", "unconfirmed",
                             "unverified"})
#: Heads that name a source without naming who it is ("a source", "people familiar with the matter").
SOURCE_NOUNS = frozenset({"source", "official", "diplomat", "insider", "person", "people", "aide", "officer",
                          "someone"})
#: Words that make "officials" an authority of a place or a public service, not anonymous people: "local
#: officials said", "health officials said".
AUTHORITY_WORDS = frozenset({"local", "regional", "provincial", "municipal", "city", "district", "county",
                             "village", "town", "state", "federal",
                             # the services that count the dead and wounded: "health officials said"
                             "health", "medical", "hospital", "rescue"})
#: Verbs that attribute their complement to their subject.
SPEECH_LEMMAS = frozenset({"say", "tell", "claim", "allege", "assert", "contend", "report", "state", "announce",
                           "emphasize", "emphasise", "stress", "insist", "reiterate", "argue", "maintain",
                           "warn", "confirm", "deny", "note", "add", "write", "suggest", "acknowledge",
                           "admit", "disclose", "reveal", "indicate", "believe", "tweet", "post"})
#: Nouns that report an event without asserting it ("reports of a meeting").
REPORT_NOUNS = frozenset({"report", "rumor", "rumour", "speculation", "claim", "allegation", "news", "story"})
#: Verbs that publish news ("Al Arabiya broke the news").
NEWS_VERBS = frozenset({"break", "report", "carry", "publish", "air", "run", "reveal", "say", "announce"})
#: Nouns for the news itself, which point back at a report made elsewhere in the article.
NEWS_OBJECTS = frozenset({"news", "report", "story", "it", "this", "claim", "reports"})
#: Head words that make a phrase an outlet ("Al Arabiya TV channel", "the daily Kommersant").
OUTLET_HEADS = frozenset({"channel", "tv", "television", "newspaper", "daily", "broadcaster", "radio", "outlet",
                          "magazine", "website", "tabloid", "weekly", "wire", "paper"})
#: Outlets recognised by name (lowercase), beyond the actor dictionary's MED entries.
KNOWN_OUTLETS = frozenset({"reuters", "afp", "agence france-presse", "associated press", "ap", "bloomberg",
                           "cnn", "bbc", "al jazeera", "al arabiya", "tass", "ria novosti", "interfax",
                           "xinhua", "axios", "politico", "new york times", "washington post",
                           "wall street journal", "financial times", "the guardian", "haaretz",
                           "times of israel", "kommersant", "izvestia", "sky news", "fox news", "nbc", "cbs",
                           "abc news", "dpa", "anadolu", "irna", "sana", "wafa", "yonhap", "kyodo", "nhk",
                           "al-monitor", "middle east eye", "the economist", "le monde", "der spiegel"})
#: Subordinating words that open a clause of its own: attribution of the main clause stops there.
SUBORDINATORS = frozenset({"while", "whereas", "although", "though", "after", "before", "when", "because",
                           "since", "until", "as", "once", "whilst"})
#: A definite noun that points back at an event of an earlier sentence, and the CAMEO roots it can mean.
REFERRING_NOUNS: dict[str, tuple[str, ...]] = {
    **{w: ("04", "01", "03") for w in ("conversation", "call", "talk", "talks", "discussion", "meeting", "visit",
                                       "summit", "negotiation", "consultation", "exchange", "session", "trip")},
    **{w: ("18", "19", "20", "17") for w in ("strike", "attack", "raid", "assault", "bombardment", "shelling",
                                             "offensive", "operation", "incident")},
    **{w: ("03", "05", "06", "08") for w in ("agreement", "deal", "accord", "treaty", "pact", "arrangement")},
}
_DEMONSTRATIVES = frozenset({"the", "this", "that", "these", "those"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


# -- describing a source ------------------------------------------------------------------------------------

def is_outlet(head: Token, actors: DocActors) -> bool:
    """Whether the phrase headed by ``head`` names a news outlet (dictionary MED entry, a known name, or a
    head such as "channel" or "news agency")."""
    tokens = actors.phrase_tokens(head)
    words = " ".join(t.lower_ for t in tokens)
    if head.lower_ in OUTLET_HEADS or (head.lower_ == "agency" and ("news" in words or "press" in words)):
        return True
    padded = f" {words} "  # (once, not once per outlet name)
    if any(f" {name} " in padded for name in KNOWN_OUTLETS):
        return True
    return any(hit.entries[0].role == "MED" for hit in (actors.hits.get(t.i) for t in tokens) if hit)


def _phrase(head: Token, actors: DocActors) -> tuple[list[Token], str]:
    tokens = [t for t in actors.phrase_tokens(head) if not (t.dep_ == "punct" and t.i in (head.i - 1, head.i + 1))]
    text = head.doc[tokens[0].i:tokens[-1].i + 1].text.strip(" ,") if tokens else head.text
    return tokens, text


#: Source nouns that speak for the body a role word names: "rebel officials", "army officers" (but "military
#: sources" and "a government source" stay unnamed).
_SPOKESPEOPLE = frozenset({"official", "officer", "diplomat", "aide"})


def _of_a_body(head: Token, tokens: list[Token], actors: DocActors) -> bool:
    """"Rebel officials said", "army officers said": people who speak for a body the words name, as "Kremlin
    officials" do; a party's own word, not an anonymous source's (unless "a senior official" names no body)."""
    return head.lemma_.lower() in _SPOKESPEOPLE and any(
        t.i in actors.hits and actors.hits[t.i].kind == "role_word" and not
        actors.hits[t.i].start <= head.i < actors.hits[t.i].end for t in tokens)  # (not "senior official" itself)


def _named(tokens: list[Token], actors: DocActors) -> bool:
    """The phrase names who it is: a person, organisation, country or dictionary actor of its own."""
    return any(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or (
        t.i in actors.hits and actors.hits[t.i].kind != "role_word") for t in tokens)


def describe(head: Token, actors: DocActors, date: str | None, cue: str) -> Attribution:
    """The attribution a source phrase gives: an outlet ("Reuters") or a speaker, named or anonymous.

    An unnamed source ("unnamed sources", "a senior official", "people familiar with the talks") is
    anonymous; "Kremlin officials" or "Western analysts" are descriptions but not anonymous.
    """
    tokens, text = _phrase(head, actors)
    if is_outlet(head, actors):
        return Attribution(speaker=None, speaker_code=None, outlet=text, anonymous=False, cue=cue)
    anonymous = any(t.lower_ in ANONYMOUS_WORDS for t in tokens) or (
        head.lemma_.lower() in SOURCE_NOUNS and not _named(tokens, actors) and
        not any(t.lower_ in AUTHORITY_WORDS for t in tokens) and not _of_a_body(head, tokens, actors))
    code = None
    if head.lower_ not in PRONOUNS and _named(tokens, actors):
        found = actors.resolve(head, date)
        code = found[0].code if found else None
    return Attribution(speaker=text, speaker_code=code, outlet=None, anonymous=anonymous, cue=cue)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, borrowed from the verb it depends on for "refused to confirm" or "X said and
    added"."""
    node = verb
    for _ in range(4):
        subj = [c for c in node.children if c.dep_ in _SUBJECTS]
        if subj:
            return subj[0]
        if node.dep_ not in ("xcomp", "conj", "advcl") or node.head.i == node.i:
            return None
        node = node.head
    return None


def cited_object(verb: Token) -> Token | None:
    """The object of a "citing ..." attached to a reporting verb."""
    for child in verb.children:
        if child.lemma_.lower() == "cite" and child.pos_ == "VERB":
            return next((o for o in child.children if o.dep_ == "dobj"), None)
    return None


def speaker_attribution(verb: Token, actors: DocActors, date: str | None) -> Attribution | None:
    """Attribution from a speech verb: its subject speaks; "citing Y" makes Y the speaker and the subject
    the outlet; "told Reuters" makes Reuters the outlet. A pronoun subject ("a region they claim ...")
    takes the subject of the speech verb above it."""
    subj = subject_of(verb)
    if subj is not None and subj.lower_ in PRONOUNS:
        subj = _pronoun_speaker(verb, actors) or subj
    cue = verb.lemma_.lower()
    cited = cited_object(verb)
    if cited is not None:
        source = describe(cited, actors, date, "citing")
        outlet = _phrase(subj, actors)[1] if subj is not None and is_outlet(subj, actors) else None
        return replace(source, outlet=outlet or source.outlet)
    if subj is None:
        return None
    found = describe(subj, actors, date, cue)
    for obj in verb.children:
        if obj.dep_ in ("dobj", "dative") and is_outlet(obj, actors) and found.outlet is None:
            return replace(found, outlet=_phrase(obj, actors)[1])
    if _anonymity_clause(verb):
        found = replace(found, anonymous=True)
    return found


_ANONYMITY = frozenset({"anonymity", "anonymously"})


def _anonymity_clause(verb: Token) -> bool:
    """"..., speaking on condition of anonymity": the speaker withholds its name. (A subtree is in one sentence,
    whose words are tested first: most sentences have neither word, and a verb's subtree is most of its sentence.)"""
    if _ANONYMITY.isdisjoint(sentence_words(sentence_of(verb))):
        return False
    return any(t.lower_ in _ANONYMITY for t in verb.subtree)


def _pronoun_speaker(verb: Token, actors: DocActors) -> Token | None:
    node = verb.head
    for _ in range(8):
        if node.lemma_.lower() in SPEECH_LEMMAS and node.pos_ in ("VERB", "AUX"):
            subj = subject_of(node)
            if subj is not None and subj.lower_ not in PRONOUNS:
                return subj
        if node.head.i == node.i:
            break
        node = node.head
    return None


# -- one sentence -----------------------------------------------------------------------------------------

def clause_scope(chain: list[Token]) -> list[Token]:
    """The chain up to the first subordinate clause with its own subordinator ("while ...", "after ...")."""
    out = []
    for tok in chain:
        out.append(tok)
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in tok.children):
            break
    return out


def _is_speech(tok: Token, by_token: dict) -> bool:
    trig = by_token.get(tok.i)
    if trig is not None and trig.pattern.wrapper in ("speech", "deny"):
        return True
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_LEMMAS


def parenthetical_speech(verb: Token) -> Token | None:
    """"The talks, officials said, focused on ...", "Reuters reported, citing two diplomats, that ...": a
    speech verb hanging off the clause it reports, with a subject and no complement of its own."""
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and child.pos_ == "VERB" and \
                child.lemma_.lower() in SPEECH_LEMMAS and subject_of(child) is not None and \
                not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in child.children):
            return child
    return None


def _report_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in REPORT_NOUNS


def _report_source(noun: Token, actors: DocActors, date: str | None) -> Attribution:
    """"reports by Reuters", "Al Arabiya's report of ...": the source a report noun names, if any."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in PRONOUNS:
            return describe(child, actors, date, "report")
        if child.dep_ == "prep" and child.lower_ in ("by", "from", "in"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return describe(pobj, actors, date, "report")
    return Attribution(cue="reports of")


def sentence_attribution(chain: list[Token], by_token: dict, actors: DocActors,
                         date: str | None = None) -> Attribution | None:
    """Who reports the event whose trigger and governors are ``chain``, from its own sentence only.

    Args:
        chain: the event's trigger (first) and governors (``SentenceEvent.chain``).
        by_token: token index -> Trigger of the sentence, to recognise speech and denial verbs.
        actors: the article's actors, to resolve speakers to codes.
        date: the date actors are resolved on.
    """
    scope = clause_scope(chain)
    for tok in scope[1:]:
        if _report_noun(tok):
            return _report_source(tok, actors, date)
        if _is_speech(tok, by_token):
            return speaker_attribution(tok, actors, date)
    for tok in scope:
        speech = parenthetical_speech(tok)
        if speech is not None:
            return speaker_attribution(speech, actors, date)
        for child in tok.children:
            if child.lower_ == "according" and child.dep_ == "prep":
                pobj = next((p for to in child.children for p in to.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    return describe(pobj, actors, date, "according to")
            if child.lemma_.lower() == "cite" and child.pos_ == "VERB":
                obj = next((o for o in child.children if o.dep_ == "dobj"), None)
                if obj is not None:
                    subj = subject_of(tok)
                    outlet = _phrase(subj, actors)[1] if subj is not None and is_outlet(subj, actors) else None
                    return replace(describe(obj, actors, date, "citing"), outlet=outlet)
            if child.lower_ in ("reportedly", "allegedly", "purportedly") and child.dep_ == "advmod":
                return Attribution(cue=child.lower_)
    return None


# -- across sentences ----------------------------------------------------------------------------------------

class ArticleAttribution:
    """The report context of one article: news-breaking clauses and back-references, sentence by sentence.

    Args:
        doc: the parsed article (all sentences, so an event can take a source named after it).
        actors: the article's actors.
        outlet: the article's own outlet (``Article.source``): the last link of every attribution chain.
        date: the date actors are resolved on (the publication date).
    """

    def __init__(self, doc: Doc, actors: DocActors, outlet: str | None = None, date: str | None = None):
        self.actors = actors
        self.outlet = outlet
        self.date = date
        self.sents: list[Span] = [s for s in doc.sents]
        self._index = {s.start: k for k, s in enumerate(self.sents)}
        self.news: dict[int, Attribution] = {}
        self.back: dict[int, tuple[Token, Attribution]] = {}
        self.last: Attribution | None = None
        for k, sent in enumerate(self.sents):
            found = self._news_in(sent)
            if found is not None:
                self.news[k] = found
            ref = self._back_reference(sent)
            if ref is not None:
                self.back[k] = ref

    # -- reading the article once ------------------------------------------------------------------------
    def _news_in(self, sent: Span) -> Attribution | None:
        """"Al Arabiya TV channel broke the news on November 16, citing unnamed sources": a report whose
        content was given elsewhere (its object is "the news", "the report", "it")."""
        for verb in sentence_tokens(sent):
            if verb.pos != VERB or verb.lemma_.lower() not in NEWS_VERBS:
                continue
            objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
            if objects and not any(o.lemma_.lower() in NEWS_OBJECTS for o in objects):
                continue
            subj = subject_of(verb)
            cited = cited_object(verb)
            if subj is None or not (cited is not None or is_outlet(subj, self.actors)):
                continue
            return speaker_attribution(verb, self.actors, self.date)
        return None

    def _back_reference(self, sent: Span) -> tuple[Token, Attribution] | None:
        """"The conversation, according to Kremlin officials, covered ...": a definite event noun as subject,
        attributed in its own sentence; it points at an event of the sentence before."""
        verb, attribution = sent.root, None
        speech = parenthetical_speech(verb)  # "The talks, officials said, focused on ..."
        if speech is not None:
            attribution = speaker_attribution(speech, self.actors, self.date)
        subj = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subj is None or subj.lemma_.lower() not in REFERRING_NOUNS and subj.lower_ not in REFERRING_NOUNS:
            return None
        if not any(c.lower_ in _DEMONSTRATIVES for c in subj.children if c.dep_ == "det"):
            return None
        if attribution is None:
            for child in verb.children:
                if child.lower_ == "according" and child.dep_ == "prep":
                    pobj = next((p for to in child.children for p in to.children if p.dep_ == "pobj"), None)
                    if pobj is not None:
                        attribution = describe(pobj, self.actors, self.date, "according to")
        return (subj, attribution) if attribution is not None else None

    # -- per event ----------------------------------------------------------------------------------------
    def index(self, sent: Span) -> int:
        return self._index.get(sent.start, -1)

    def attribution_for(self, sentence_attr: Attribution | None, code: str, sent: Span) -> Attribution | None:
        """The event's attribution once the article's context is added to what its own sentence says.

        Args:
            sentence_attr: what ``sentence_attribution`` found in the event's sentence.
            code: the event's CAMEO code (a back-reference to "the conversation" only fits a root 04 event).
            sent: the event's sentence.
        """
        return self._attribute(sentence_attr, code, sent)[0]

    def _attribute(self, sentence_attr: Attribution | None, code: str,
                   sent: Span) -> tuple[Attribution | None, bool]:
        """(attribution, whether it came from a later back-reference): a source named for the details
        ("The conversation, according to ..., covered ...") does not make a narrated event less certain."""
        k = self.index(sent)
        found, details = sentence_attr, False
        if found is not None and found.speaker is None and found.outlet is None and found.cue in (
                "reports of", "reportedly", "allegedly", "purportedly"):
            carried = self._nearby_news(k) or (self.last if found.cue == "reportedly" else None)
            if carried is not None:
                found = replace(carried, cue=carried.cue)
        if found is None and k + 1 in self.back:
            noun, carried = self.back[k + 1]
            roots = REFERRING_NOUNS.get(noun.lemma_.lower()) or REFERRING_NOUNS.get(noun.lower_, ())
            if code[:2] in roots:
                found, details = carried, True
        if found is not None and found.speaker is not None:
            self.last = found
        if self.outlet and (found is None or found.outlet is None):
            found = replace(found or Attribution(), outlet=self.outlet)
        return found, details

    def _nearby_news(self, k: int) -> Attribution | None:
        for j in (k, k + 1, k + 2, k - 1, k - 2):
            if j in self.news:
                return self.news[j]
        return None

    def settle(self, event: Event, sentence_attr: Attribution | None, sent: Span) -> Event:
        """The event with its article-level attribution and its certainty set."""
        attribution, details = self._attribute(sentence_attr, event.code, sent)
        # Whose account is first-hand: the actor's own; for cooperation, either side's.
        sides = (event.source, event.target) if event.quad_class in (1, 2) else (event.source,)
        parties = {a.country or a.code[:3] for a in sides if a is not None}
        basis = None if details else attribution
        return replace(event, attribution=attribution,
                       certainty=certainty_of(event.modality, basis, parties=parties))


# -- certainty -----------------------------------------------------------------------------------------------

def certainty_of(modality: str, attribution: Attribution | None, *, parties: set[str] | frozenset = frozenset(),
                 sources: int = 1) -> str:
    """One certainty value for an event (scale: ``CERTAINTIES``; docs/claims.md).

    Args:
        modality: the event's modality (``modality.modality_of``): a non-asserted one is kept as it is.
        attribution: who reports it; None (or only the article's own outlet) means the outlet narrates it.
        parties: country codes of the parties whose account is first-hand (the event's source; for
            cooperation also its target): their own account ("Russian officials emphasized ...") stays
            asserted rather than merely reported.
        sources: independent named sources that report it (2 or more: confirmed).
    """
    if modality != "asserted":
        return modality
    if attribution is None or (attribution.speaker is None and attribution.cue is None):
        return "asserted"
    if attribution.anonymous:
        return "unconfirmed"
    if sources >= 2:
        return "confirmed"
    if attribution.speaker_code and attribution.speaker_code[:3] in parties:
        return "asserted"
    return "reported"
