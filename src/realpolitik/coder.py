"""The one coding function: articles in, coded events out.

``code_articles`` serves the CLI, the batch workers and (later) the API. It does no I/O and keeps no global
state beyond a per-process cache of the loaded pipeline and knowledge (``get_coder``), so a worker process that
receives the settings builds its own coder once and reuses it.
"""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from .actors import ActorRecognizer
from .events.attribution import ArticleAttribution
from .events.claims import extract_claims
from .events.coding import SentenceCoder, SentenceEvent
from .knowledge.actors import load_actor_dictionary
from .knowledge.cameo import load_cameo
from .knowledge.gazetteer import load_gazetteer
from .knowledge.lexicon import load_lexicon
from .model import Actor, Article, CodedArticle, Event, EventDate, Evidence, Place, make_id
from .nlp import load_pipeline, sentence_tokens, split_dateline
from .settings import Settings
from .when import DateMention, DateResolver, is_background
from .where import pick_place

logger = logging.getLogger(__name__)

#: A date after these is a deadline, not the day the event it hangs on happened ("close it by Saturday").
DEADLINE_PREPS = frozenset({"until", "till", "by"})
_NOUN_MODIFIER_DEPS = frozenset({"nummod", "compound", "amod", "nmod", "poss"})


class Coder:
    """The loaded pipeline and knowledge. Build it once per process (``get_coder``), then stream articles."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.nlp = load_pipeline(settings.model)  # (spaCy turns the collector back on as it reads the model)
        with _collector_paused():
            self.lexicon = load_lexicon(tuple(settings.verb_files))
            self.cameo = load_cameo()
            self.dictionary = load_actor_dictionary(tuple(settings.actor_files))
            self.gazetteer = load_gazetteer()
            self.recognizer = ActorRecognizer(self.nlp.vocab, self.dictionary, self.gazetteer)

    def code_articles(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles with ``nlp.pipe``; ids travel with their docs."""
        def stream():
            for article in articles:
                text, dateline = self._dateline(article.text)
                yield text, (article, dateline)

        for doc, (article, dateline) in self.nlp.pipe(stream(), as_tuples=True, batch_size=self.settings.batch_size):
            try:
                yield self.code_doc(doc, article, dateline)
            except Exception as exc:  # one bad article must not stop a batch; it is reported, not dropped
                logger.exception("coding %s failed", article.origin or article.id)
                yield CodedArticle(article, (), (), error=f"coding failed ({type(exc).__name__}: {exc}); "
                                                          "this is a bug in realpolitik, please report it")

    def _dateline(self, text: str) -> tuple[str, str | None]:
        """The text to parse and the country of its wire dateline, when it opens with one of a known place."""
        masked, place = split_dateline(text)
        country = self.gazetteer.country_of(place) if place else None
        return (masked, country) if country else (text, None)

    def code_doc(self, doc: Doc, article: Article, dateline: str | None = None) -> CodedArticle:
        """The events and claims of one parsed article; ``dateline`` is the country of its wire dateline, where
        the story starts."""
        actors = self.recognizer.annotate(doc, article.published)
        actors.last_place_country = dateline
        events = tuple(self._events(doc, article, actors))
        events = _without_repeats(_without_denied(_without_restated_charges(events)))
        return CodedArticle(article, events, tuple(extract_claims(doc, article, events, actors)))

    def _events(self, doc: Doc, article: Article, actors) -> Iterator[Event]:
        """The events of one parsed article, sentence by sentence (dates anchor on earlier sentences)."""
        resolver = DateResolver(article.published)
        sentences = SentenceCoder(self.lexicon, actors, self.settings.emit_statements)
        context = ArticleAttribution(doc, actors, article.source, article.published)
        seen: set[str] = set()
        story_date: EventDate | None = None  # the last day the text itself gave an event
        story_place: Place | None = None  # the last place the text itself gave an event
        day_of: dict[int, EventDate] = {}  # the date of each act coded, by the first token of its chain
        for sent in doc.sents:
            text = article.text[sent.start_char:sent.end_char]  # the doc was parsed from it; slicing is cheap
            if not text.strip():
                continue
            mentions = resolver.dates_in(text, sent.start_char)
            dated = self._anchored_dates(sent, mentions)
            history: tuple[bool, set[int]] | None = None  # read at the sentence's first event (most have none)
            dated_here: list[tuple[int, EventDate]] = []  # (depth of the trigger's clause, its day)
            for found in sentences.code(sent, article.published):
                if history is None:
                    history = _history(sent, text, mentions, dated, article.published)
                background, relative = history
                date = self._date_for(found, dated, resolver, background, story_date, relative)
                if found.chain and found.chain[0].i < sent.start:  # "... The army denied the report": a deed
                    date = day_of.get(found.chain[0].i, date)  # told before keeps the day it was told with
                elif found.chain:
                    day_of.setdefault(found.chain[0].i, date)
                if date.historical and not self.settings.emit_historical:
                    continue
                if date.basis in ("text", "text-relative") and date.precision == "day":
                    dated_here.append((len(found.chain), date))
                event = context.settle(self._freeze(found, article, sent, date, story_place), found.attribution,
                                       sent)
                if event.place is not None and event.place.basis == "text":
                    story_place = event.place
                if event.id not in seen:
                    seen.add(event.id)
                    yield event
            main_day = next((m.date for anchors, m, of_noun in dated if sent.root.i in anchors and not of_noun
                             and m.date.precision == "day" and not m.date.historical), None)
            if main_day is not None:  # the main clause's day, even when its verb codes nothing ("the commission
                story_date = main_day  # on Monday cancelled the run-off, a day after X pulled out")
            elif dated_here:  # "On Wednesday X did ..., a day after Y did ...; hours later"
                story_date = min(dated_here, key=lambda depth_date: depth_date[0])[1]
            else:  # a day the text gives, with no event coded from it, still moves the story on
                days = [m.date for _, m, of_noun in dated if not of_noun and m.date.precision == "day"
                        and not m.date.historical and m.date.basis in ("text", "text-relative")]
                story_date = days[-1] if days else story_date

    # -- date, place, freezing ------------------------------------------------------------------------------
    @staticmethod
    def _anchored_dates(sent: Span, mentions: list[DateMention]) -> list[tuple[set[int], DateMention, bool]]:
        """Each date phrase with the tokens it attaches to, and whether it only modifies a noun ("the 2019
        murder", "Tuesday's vote"): such a date is the noun's, not the sentence's."""
        doc = sent.doc
        out = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            if root.head.lower_ in DEADLINE_PREPS or (root.head.lower_ == "since" and mention.date.historical):
                if root.head.head.dep_ in ("acl", "relcl"):  # "two Canadians held in China since December 2018":
                    out.append((set(), mention, True))  # the date of a thing named, not of the sentence
                continue  # "gave Hamas until Saturday", "held since 2022": not the day of the event
            anchors = {root.i, root.head.i}
            stranded = _stranded_preposition(doc, span)
            if stranded is not None:  # "On Monday Germany and France expelled ...", parsed "Monday Germany": the
                anchors = {stranded.i, stranded.head.i}  # day still dates the clause the preposition hangs on
                root = stranded
            clause = _relative_clause_before(root.head) if mention.date.historical else None
            if clause is not None:  # "released 21 of the schoolgirls it kidnapped from Chibok in April 2014": the
                anchors, root = {clause.i}, clause  # old date closes the clause before it, not the release
            elif root.head.pos_ == "ADP" or root.head.i in range(span.start, span.end):
                anchors.add(root.head.head.i)
                holder = root.head.head
                if root.head.pos_ == "ADP" and holder.dep_ == "pobj" and holder.head.pos_ == "ADP":
                    anchors.add(holder.head.head.i)  # "apologised in a phone call on Saturday": the apology's day
            nominal = root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")
            mark = doc[span.end - 1]
            introduced = {mark.head.i} if mark.dep_ == "mark" else \
                {c.i for c in mark.children if c.dep_ in ("pcomp", "pobj")} if mark.dep_ == "prep" else set()
            if mention.mirrored is not None and introduced:
                # "..., a day after fighters stormed ...", "two days after shooting down his jet", "a day after the
                # bombing": what the phrase introduces happened on the other side of the anchor
                anchors, mention, nominal = introduced, replace(mention, date=mention.mirrored), False
            out.append((anchors, mention, nominal))
        return out

    @staticmethod
    def _date_for(found: SentenceEvent, dated: list[tuple[set[int], DateMention, bool]], resolver: DateResolver,
                  background: bool, story_date: EventDate | None, relative: Collection[int] = ()) -> EventDate:
        """The date phrase that governs the trigger: the first one attached along its chain of governors.

        A sentence that names no date continues the story of the sentence before: it takes the last date the
        text gave an event (approximate, basis ``context``), else the publication date.
        """
        for tok in found.chain:
            for anchors, mention, _ in dated:
                if tok.i in anchors:
                    return mention.date
        # (not "last year's uprising", nor the past of someone named: "Hasina, who fled in 2024, called ...")
        clause_dates = [mention.date for _, mention, of_noun in dated
                        if not of_noun and not (mention.date.historical and id(mention) in relative)]
        only = clause_dates[0] if len(clause_dates) == 1 else None
        if only is not None and not (found.modality == "asserted" and only.value and resolver.published and
                                     only.value > resolver.published.isoformat()):
            return only  # (but a day still to come dates no deed done: "summoned the envoy, and announced drills
            # starting on Thursday")
        if background:
            return EventDate(None, "unknown", "unknown", None, historical=True)
        if story_date is not None:
            return EventDate(story_date.value, "approximate", "context", story_date.text)
        return resolver.default()

    def _place_for(self, found: SentenceEvent) -> Place | None:
        for tok in [*found.chain[:2], *found.place_hints]:
            place = pick_place(tok, self.gazetteer, exclude=frozenset(found.actor_tokens))
            if place is not None:
                return place
        return None

    def _inferred_place(self, found: SentenceEvent, story_place: Place | None) -> Place | None:
        """Where an event whose sentence names no place happened, at country level, in this order: force
        used against a state, in that state ("Russian missiles struck energy facilities"); a state acting at
        home, in that state ("Iran hanged ..."); a hosted visit in the host's country; the country of the place
        the article last gave an event ("Police fired tear gas", after "... in Paris"); a state's words and
        votes, at home ("Turkey's parliament voted to ratify ...")."""
        source, target = found.source, found.target
        home = self._country_place(_state_of(source), "actor")
        if found.code[:3] == "043":  # a host receives at home: "Putin hosted Kim at a cosmodrome"
            return home
        if (found.code[:3] == "042" or _given_away(found.code)) and target is not None:
            # a visit is made to the host's country; aid and arms are given where they arrive
            return self._country_place(_state_of(target), "target")
        if target is not None and found.code[:2] in FORCE_ROOTS and target.country != source.country:
            struck = self._country_place(_state_of(target), "target")
            if struck is not None:
                return struck
        if home is not None and (target is None or target.country == source.country):
            return home
        story = self._country_place(story_place.country if story_place else None, "story")
        if story is not None:
            return story
        return home if found.code[:2] < "14" and found.code[:3] not in ("042", "043") else None

    def _country_place(self, country: str | None, basis: str) -> Place | None:
        """A country as a place at its capital's coordinates, saying what it was inferred from."""
        place = self.gazetteer.country(country) if country else None
        return replace(place, basis=basis) if place is not None else None

    def _freeze(self, found: SentenceEvent, article: Article, sent: Span, date: EventDate,
                story_place: Place | None = None) -> Event:
        place = self._place_for(found)
        if place is not None and _given_away(found.code) and found.target is not None and \
                place.country == found.source.country != found.target.country:
            place = None  # "rescue teams from Azerbaijan arrived": where the help came from, not where it went
        target = found.target
        if target is None and found.needs_place_target and place is not None and place.country \
                and _named_where_it_struck(found.trigger) and not (
                    found.code.startswith("15") and place.country == found.source.country):
            target = Actor.of(place.country, name=place.name)  # (troops deployed at home show force to no one)
        if place is None:
            place = self._inferred_place(found, story_place)
        info = self.cameo[found.code]
        doc = sent.doc
        start = doc[found.first].idx
        end = found.trigger.idx + len(found.trigger.text)
        evidence = Evidence(article_id=article.id, sentence=article.text[sent.start_char:sent.end_char].strip(),
                            sentence_start=sent.start_char,
                            start=start, end=end, trigger=article.text[start:end])
        event_id = make_id(article.id, start, end, found.code, found.source.code, target.code if target else "",
                           found.rule, prefix="e-")
        return Event(id=event_id, article_id=article.id, source=found.source, target=target, code=found.code,
                     root=info.root, quad_class=info.quad_class, goldstein=info.goldstein, plover=info.plover,
                     label=info.name, date=date, place=place, modality=found.modality, evidence=evidence,
                     rule=found.rule, attribution=found.attribution)


def _given_away(code: str) -> bool:
    """Material cooperation and aid, which happen where what is given arrives (but asylum, 075, is granted at
    home: "arrived in Moscow and was granted asylum")."""
    return code[:2] in ("06", "07") and code[:3] != "075"


def _state_of(actor: Actor) -> str | None:
    """The country of a state actor; an international body has no territory to place an event in."""
    return actor.country if actor.kind != "igo" else None


#: Roots of force and coercion: with no place named, they happen where the state they strike is (a show of force,
#: 15, is made at home: "deployed troops to its border with Belarus").
FORCE_ROOTS = frozenset({"17", "18", "19", "20"})
_STRUCK_PREPS = frozenset({"in", "on", "at", "into", "across", "near", "over", "inside", "around"})


def _named_where_it_struck(trigger) -> bool:
    """Whether the place is where the event landed ("an air strike in Gaza", "shelled towns near Kharkiv"), a
    locative phrase of the trigger or of its object, not a place named for some other reason ("retaliating
    for the strike on its consulate in Damascus")."""
    hosts = [trigger, *[c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]]
    if trigger.dep_ == "dobj" and trigger.pos_ == "NOUN":  # "carried out mass killings in El Geneina"
        hosts.append(trigger.head)
    if trigger.dep_ in ("nsubj", "nsubjpass") and trigger.pos_ == "NOUN":
        # "a drone attack set fire to a depot in X": where its effect landed
        hosts += [h for h in trigger.head.subtree if h.dep_ in ("dobj", "pobj") and h.head.i != trigger.i]
    for host in hosts[1:]:  # "shelled Kharkiv", "raided the Jenin refugee camp": the object is the place
        if any(t.ent_type_ in ("GPE", "LOC", "FAC") or t.pos_ == "PROPN" for t in [host, *host.children]
               if t.dep_ in ("dobj", "nsubjpass", "compound")):
            return True
    for host in hosts:
        for prep in host.children:
            if prep.dep_ == "prep" and prep.lower_ in _STRUCK_PREPS and any(
                    t.ent_type_ in ("GPE", "LOC", "FAC") for t in prep.subtree):
                return True
    return False


def _without_restated_charges(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """"Beijing accused Indian troops of attacking Chinese personnel", in a story that reports the attack as
    fact: the charge restates an act already coded, it does not make an unconfirmed second one."""
    return _without_told_otherwise(events, dropped="unconfirmed", told="asserted")


def _without_denied(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """"Israeli troops killed a teenager, Palestinian officials said. The Israeli army denied the report": an act
    its alleged doer denies is told as denied, not also as fact; the denial says how sure the story is."""
    return _without_told_otherwise(events, dropped="asserted", told="denied")


def _without_told_otherwise(events: tuple[Event, ...], dropped: str, told: str) -> tuple[Event, ...]:
    """The events, less those with modality ``dropped`` whose act the story also tells with modality ``told``:
    between the same two countries, or at home between the same sides ("the army and the RSF fought ... the RSF
    claimed to have seized the palace, which the army denied" leaves the fighting told)."""
    told_so: dict[tuple, list[Event]] = {}
    for event in events:
        if event.modality == told:
            told_so.setdefault(_dyad_root(event), []).append(event)
    return tuple(e for e in events if e.modality != dropped or not any(
        not _at_home(e) or _same_side(e.source, other.source) and _same_side(e.target, other.target)
        for other in told_so.get(_dyad_root(e), ())))


def _at_home(event: Event) -> bool:
    return event.target is not None and event.target.country == event.source.country


def _without_repeats(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """"Obama held talks with Castro ... At the meeting, the U.S. president ...": one event told again in the same
    story, with the same certainty and day, is one event (its first telling, with that evidence); an analyst
    counting events must not count the retelling. It is the same act when it has the same CAMEO code, or is a
    consultation of any kind ("Xi visited Hanoi and held talks with Vietnam's leaders": one encounter) or a
    disapproval of any kind ("called the flights provocative and said Tokyo had conveyed its concern"), between
    the same two countries however each is named ("Russia", "Russian forces", "the Kremlin"); at home, where
    one country is on both sides, only between the same sides ("a court sentenced the opposition leader; her
    party condemned the verdict" are two acts, and so are rallies of different groups), except that a mutual act
    told once ("fighting between the army and the RSF") is one act there, not one for each side: both records
    would be the same country's internal dyad."""
    kept: dict[tuple, list[Event]] = {}
    out = []
    for event in events:
        told = kept.setdefault((*_dyad_root(event), _act_told(event), event.modality, event.date.value), [])
        abroad = event.target is not None and event.target.country != event.source.country
        if told and abroad or any(_same_side(event.source, other.source) and _same_side(event.target, other.target)
                                  or _mutual(event, other) for other in told):
            continue
        told.append(event)
        out.append(event)
    return tuple(out)


def _mutual(event: Event, other: Event) -> bool:
    """Whether two events are the two directions of one mutual act told once (one trigger, sides swapped)."""
    return event.evidence.start == other.evidence.start and event.code == other.code and \
        other.target is not None and event.target is not None and \
        (event.source.code, event.target.code) == (other.target.code, other.source.code)


#: CAMEO roots whose codes are aspects of one act: a visit, the talks held on it and the meeting are one encounter;
#: calling a deed provocative, voicing concern over it and protesting it are one disapproval of its doer.
_ONE_ACT_ROOTS = frozenset({"04", "11"})


def _act_told(event: Event) -> str:
    """What makes two tellings the same act: the CAMEO code, or for a consultation or a disapproval its root; a
    halt to fighting and a truce are one ("halted fighting at noon under a ceasefire agreed by their army chiefs")."""
    if event.root in _ONE_ACT_ROOTS:
        return event.root
    return "0871" if event.code == "087" else event.code


def _same_side(a: Actor | None, b: Actor | None) -> bool:
    """The same actor, or one of them named only by the country both belong to (USA and USAGOV)."""
    if a is None or b is None:
        return a is b
    return a.code == b.code or (a.country == b.country and (a.code == a.country or b.code == b.country))


def _dyad_root(event: Event) -> tuple:
    """Who did what kind of thing to whom, country to country."""
    return (event.source.country, event.target.country if event.target else None, event.root)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection in the block. The knowledge is ~200,000 objects built at once and kept for
    the whole process, which makes no garbage cycles worth finding: each collection the allocations set off walks
    every object built so far, the model's too (measured: gazetteer 0.95 -> 0.46 CPU s, actor matcher 0.47 ->
    0.29 s, in every process that codes)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.lru_cache(maxsize=2)
def get_coder(settings: Settings) -> Coder:
    """The process's coder for these settings: the pipeline and knowledge are loaded once."""
    return Coder(settings)


def code_articles(articles: Iterable[Article], *, settings: Settings | None = None) -> Iterator[CodedArticle]:
    """Code a stream of articles. The single entry point for the CLI, batch workers and the API."""
    return get_coder(settings or Settings()).code_articles(articles)


def code_article(article: Article, *, settings: Settings | None = None) -> CodedArticle:
    """Code one article."""
    return next(code_articles([article], settings=settings))


def _relative_clause_before(prep: Token) -> Token | None:
    """The relative clause that ends right before a preposition the parser hung on the verb above it."""
    if prep.pos_ != "ADP" or prep.i == 0 or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    last = prep.doc[prep.i - 1]
    return next((a for a in last.ancestors if a.dep_ in ("relcl", "acl") and a.right_edge.i == last.i and
                 a.i > prep.head.i and prep.head in a.ancestors), None) if last.text != "," else None


def _stranded_preposition(doc, span: Span) -> Token | None:
    """The preposition right before a date phrase that the parser left without its object, the date having been
    glued onto the next name as a modifier."""
    prep = doc[span.start - 1] if span.start > 0 else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in ("on", "in") or span.root.head.i == prep.i or \
            any(c.dep_ == "pobj" for c in prep.children):
        return None
    return prep


def _history(sent: Span, text: str, mentions: list[DateMention], dated: list[tuple[set[int], DateMention, bool]],
             published: str | None) -> tuple[bool, set[int]]:
    """Whether a sentence tells background, and its date phrases (by id) in relative clauses. Only a sentence
    that reports an event needs them, and most sentences report none."""
    # a date of a thing named, or one in a relative clause ("Hasina, who fled in August 2024, called the
    # verdict a farce"), does not make the sentence history
    relative = _relative_clause_dates(sent, mentions)
    nominal = {id(m) for _, m, of_noun in dated if of_noun} | relative
    background = is_background(_without_relative_clauses(sent, text), published,
                               [m for m in mentions if id(m) not in nominal], offset=sent.start_char)
    return background, relative


def _relative_clause_dates(sent: Span, mentions: list[DateMention]) -> set[int]:
    """The date phrases (by id) that sit in a relative clause of the sentence."""
    out = set()
    for mention in mentions:
        span = sent.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and _in_relative_clause(span.root):
            out.add(id(mention))
    return out


def _without_relative_clauses(sent: Span, text: str) -> str:
    """The sentence's text with its relative clauses blanked (same length): a history cue there dates the thing
    described, not the news ("... and review curbs that were eased over the past decade")."""
    chars = list(text)
    for tok in sentence_tokens(sent):
        if tok.dep_ == "relcl":
            start, end = tok.left_edge.idx - sent.start_char, tok.right_edge.idx + len(tok.right_edge) - sent.start_char
            chars[start:end] = " " * (end - start)
    return "".join(chars)


def _in_relative_clause(tok: Token) -> bool:
    """Whether a word sits in a relative clause, which describes a thing named rather than telling the news."""
    for _ in range(12):
        if tok.dep_ == "relcl":
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
