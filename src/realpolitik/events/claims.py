"""Claims: what a speaker says, about whom, and whether it supports or disputes an event or another claim.

Two passes over one article. The first finds statements: "X said/claimed/emphasized that ...", "according
to X, ...", "..., officials said, ...", and news "citing Y" (whose words may sit in another sentence: "reports
of a potential trilateral meeting" + "Al Arabiya broke the news, citing unnamed sources"). The second finds
reactions to them: "This narrative has been met with skepticism by Western analysts" disputes the latest
claim; "X denied the reports" disputes the claim the reports carry; "refusing to confirm or deny reports of
..." is neutral toward it. A claim links to the event it reports when an event's trigger lies in its words,
or when the event was attributed to the same speaker from another sentence.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..actors import DocActors
from ..model import Article, Attribution, Claim, Event, make_id
from ..nlp import sentence_tokens, sentence_words
from .attribution import (NEWS_OBJECTS, NEWS_VERBS, REPORT_NOUNS, SPEECH_LEMMAS, cited_object, describe,
                          parenthetical_speech, speaker_attribution, subject_of)
from .triggers import VERBAL_POS

#: Words in a predicate that dispute what its subject says ("met with skepticism", "dismissed", "denied").
DISPUTE_WORDS = frozenset({"skepticism", "scepticism", "doubt", "dismiss", "reject", "deny", "dispute", "refute",
                           "question", "contest", "challenge", "criticism", "criticize", "criticise", "rebut",
                           "contradict", "debunk", "baseless", "false", "unfounded", "propaganda", "ridicule",
                           "disbelief", "mockery"})
#: Words that support it ("echoed", "backed", "confirmed").
SUPPORT_WORDS = frozenset({"echo", "support", "back", "endorse", "confirm", "corroborate", "agree", "welcome",
                           "vindicate", "affirm"})
#: Nouns that stand for something said earlier ("this narrative", "the claims", "such reports").
CLAIM_NOUNS = frozenset({"narrative", "claim", "assertion", "allegation", "account", "version", "statement",
                         "argument", "view", "position", "report", "story", "accusation", "charge", "line",
                         "rhetoric", "justification", "explanation", "remark", "comment", "rumor", "rumour"})
#: Verbs that govern a "confirm or deny" without doing either ("refused to confirm or deny").
WITHHOLDING = frozenset({"refuse", "decline", "fail", "avoid", "neither"})
_DENY = frozenset({"deny", "reject", "dismiss", "refute", "dispute", "rebut"})
_STATING = SPEECH_LEMMAS | NEWS_VERBS  # verbs that may open a statement or a news report
_REACTING = _DENY | SUPPORT_WORDS | {"confirm"}  # verbs that may take a stance on a report


def extract_claims(doc: Doc, article: Article, events: Iterable[Event], actors: DocActors,
                   date: str | None = None) -> list[Claim]:
    """The claims of one parsed article, in text order.

    Args:
        doc: the parsed article body (``article.text``).
        article: the article (its id prefixes claim ids; spans are offsets into its text).
        events: the events coded from it, with their final attribution (claims link to them).
        actors: the article's actors (``ActorRecognizer.annotate``), to resolve speakers and what claims are
            about.
        date: the date actors are resolved on; defaults to the publication date.
    """
    return _Extractor(doc, article, list(events), actors, date or article.published).run()


class _Extractor:
    def __init__(self, doc: Doc, article: Article, events: list[Event], actors: DocActors, date: str | None):
        self.doc, self.article, self.events, self.actors, self.date = doc, article, events, actors, date
        self.sents = list(doc.sents)
        self.claims: list[Claim] = []

    def run(self) -> list[Claim]:
        for k, sent in enumerate(self.sents):
            self._statements(k, sent)
        for sent in self.sents:
            self._reactions(sent)
        return sorted(self.claims, key=lambda c: (c.start, c.end, c.id))

    # -- pass 1: statements ---------------------------------------------------------------------------------
    def _statements(self, k: int, sent: Span) -> None:
        for verb in sentence_tokens(sent):
            if verb.pos not in VERBAL_POS:
                continue
            lemma = verb.lemma_.lower()
            if lemma not in _STATING:
                continue
            if lemma in _DENY and _report_object(verb) is not None:
                continue  # "denied the reports": a reaction (pass 2)
            complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if complement is not None and subject_of(verb) is not None and lemma in SPEECH_LEMMAS:
                if verb.dep_ == "relcl" and self._inside_claim(verb):
                    continue  # "a region they claim is ...": already part of the speaker's claim
                self._add(speaker_attribution(verb, self.actors, self.date), _span(complement), verb)
            elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i and \
                    getattr(parenthetical_speech(verb.head), "i", None) == verb.i:
                self._add(speaker_attribution(verb, self.actors, self.date), _span(verb.head, skip=verb), verb)
            elif lemma in NEWS_VERBS and cited_object(verb) is not None:
                self._news(k, verb)
        for tok in sentence_tokens(sent) if "according" in sentence_words(sent) else ():
            if tok.lower_ == "according" and tok.dep_ == "prep":
                pobj = next((p for to in tok.children for p in to.children if p.dep_ == "pobj"), None)
                if pobj is not None:
                    who = describe(pobj, self.actors, self.date, "according to")
                    self._add(who, _span(tok.head, skip=tok), tok)

    def _news(self, k: int, verb: Token) -> None:
        """News "citing Y": the claim is the report it breaks, named in this or a nearby sentence."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects and not any(o.lemma_.lower() in NEWS_OBJECTS for o in objects):
            return
        who = speaker_attribution(verb, self.actors, self.date)
        report = self._nearby_report(k)
        words = _span(report) if report is not None else _span(verb)
        self._add(who, words, verb)

    def _nearby_report(self, k: int) -> Token | None:
        for j in (k, k - 1, k + 1, k - 2, k + 2):
            if 0 <= j < len(self.sents):
                for tok in sentence_tokens(self.sents[j]):
                    if tok.pos_ == "NOUN" and tok.lemma_.lower() in REPORT_NOUNS and tok.lower_ != "news" and any(
                            c.dep_ == "prep" and c.lower_ in ("of", "that", "about") for c in tok.children):
                        return tok
        return None

    def _inside_claim(self, tok: Token) -> bool:
        return any(c.start <= tok.idx < c.end for c in self.claims)

    # -- pass 2: reactions ----------------------------------------------------------------------------------
    def _reactions(self, sent: Span) -> None:
        for verb in sentence_tokens(sent):
            if verb.pos not in VERBAL_POS:
                continue
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            obj = _report_object(verb)
            if subj is not None and subj.dep_ == "nsubjpass" and _claim_noun(subj):
                stance = _stance(verb)
                agent = next((p for a in verb.children if a.dep_ == "agent" for p in a.children
                              if p.dep_ == "pobj"), None)
                if stance and agent is not None:
                    self._react(describe(agent, self.actors, self.date, _cue(verb)), sent, subj, stance, verb)
            elif obj is not None and verb.lemma_.lower() in _REACTING:
                speaker = subject_of(verb)
                if speaker is None:
                    continue
                stance = "neutral" if _withheld(verb) else ("disputes" if verb.lemma_.lower() in _DENY
                                                            else "supports")
                who = describe(speaker, self.actors, self.date, _cue(verb))
                self._react(who, sent, obj, stance, verb)

    def _react(self, who: Attribution, sent: Span, referent: Token, stance: str, cue_tok: Token) -> None:
        target = self._target_claim(referent, sent)
        start, end = _trim(sent)
        self._add(who, (start, end), cue_tok, stance=stance, target=target)

    def _target_claim(self, referent: Token, sent: Span) -> Claim | None:
        """The claim a reaction answers: the one holding the referent's words ("reports of X"), else the
        latest claim before the reaction."""
        span = _span(referent)
        holding = [c for c in self.claims if c.start <= span[0] < c.end or span[0] <= c.start < span[1]]
        if holding:
            return holding[0]
        before = [c for c in self.claims if c.end <= sent.start_char and c.stance != "disputes"]
        return max(before, key=lambda c: c.end) if before else None

    # -- building a claim -----------------------------------------------------------------------------------
    def _add(self, who: Attribution | None, span: tuple[int, int], cue_tok: Token, *, stance: str | None = None,
             target: Claim | None = None) -> None:
        if who is None:
            return
        start, end = span
        text = self.article.text[start:end]
        speaker = who.speaker or who.outlet
        cue = who.cue or _cue(cue_tok)
        event = self._event_for(start, end, who)
        about = self._about(start, end, who, event, target)
        if stance is None:
            stance = "disputes" if cue in _DENY else ("supports" if event is not None else "neutral")
        claim = Claim(id=make_id(self.article.id, start, end, speaker, cue, prefix="c-"),
                      article_id=self.article.id, speaker=speaker, speaker_code=who.speaker_code, text=text,
                      start=start, end=end, about=about, stance=stance,
                      target_claim_id=target.id if target else None,
                      event_id=event.id if event else None, anonymous=who.anonymous, cue=cue)
        if all(c.id != claim.id for c in self.claims):
            self.claims.append(claim)

    def _event_for(self, start: int, end: int, who: Attribution) -> Event | None:
        inside = [e for e in self.events if start <= e.evidence.start < end]
        if inside:
            return inside[0]
        for e in self.events:
            a = e.attribution
            if a is not None and a.speaker == who.speaker and a.cue == who.cue and who.speaker is not None:
                return e
        return None

    def _about(self, start: int, end: int, who: Attribution, event: Event | None,
               target: Claim | None) -> tuple[str, ...]:
        """Actor codes the claim's words name, its own speaker for "their/its", and the linked event's sides."""
        codes: list[str] = []
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            for tok in span:
                if tok.lower_ in ("their", "its", "our") and tok.dep_ == "poss" and who.speaker_code:
                    codes.append(who.speaker_code)
                elif self.actors.is_actor_token(tok) and not self.actors.is_actor_token(tok.head) or (
                        self.actors.is_actor_token(tok) and tok.head.i == tok.i):
                    found = self.actors.resolve(tok, self.date)
                    if found is not None:
                        codes.append(found[0].code)
        if event is not None:
            codes += [a.code for a in (event.source, event.target) if a is not None]
        if not codes and target is not None:
            codes += list(target.about)
        return tuple(dict.fromkeys(codes))


# -- helpers ----------------------------------------------------------------------------------------------------

def _span(head: Token, skip: Token | None = None) -> tuple[int, int]:
    """Character span of ``head``'s subtree, without a parenthetical (``skip``'s subtree) at either edge and
    without edge punctuation."""
    tokens = [t for t in head.subtree if skip is None or not (skip.left_edge.i <= t.i <= skip.right_edge.i)]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return head.idx, head.idx + len(head.text)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _trim(sent: Span) -> tuple[int, int]:
    tokens = [t for t in sentence_tokens(sent) if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _claim_noun(tok: Token) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in CLAIM_NOUNS


def _report_object(verb: Token) -> Token | None:
    """"denied the reports", "dismissed the claims": the object that stands for something said."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and _claim_noun(obj) else None


def _stance(verb: Token) -> str | None:
    """Whether the predicate of "this narrative has been met with skepticism" disputes or supports."""
    words = {verb.lemma_.lower()} | {t.lemma_.lower() for c in verb.children if c.dep_ in ("prep", "acomp", "attr",
                                                                                          "dobj", "oprd")
                                     for t in c.subtree}
    if words & DISPUTE_WORDS:
        return "disputes"
    if words & SUPPORT_WORDS:
        return "supports"
    return None


def _withheld(verb: Token) -> bool:
    """"refusing to confirm or deny": neither confirms nor denies."""
    node = verb
    for _ in range(3):
        if node.lemma_.lower() in WITHHOLDING or any(c.lower_ == "neither" for c in node.children):
            return True
        if node.head.i == node.i:
            break
        node = node.head
    return False


def _cue(tok: Token) -> str:
    if tok.lower_ == "according":
        return "according to"
    if _withheld(tok):  # "refuse to confirm or deny", "decline to confirm"
        first = tok.head if tok.dep_ == "conj" else tok
        verbs = [first] + [c for c in first.children if c.dep_ == "conj"]
        return f"{first.head.lemma_.lower()} to {' or '.join(v.lemma_.lower() for v in verbs)}"
    words = [tok.lemma_.lower()] + [t.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                   for t in c.subtree]
    return " ".join(words)
