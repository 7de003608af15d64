"""The pipeline's attribute rules (tag -> POS and morphology, word exceptions) applied by table lookup.

spaCy's ``attribute_ruler`` runs a general ``Matcher`` over every token for its ~180 patterns, and in the small
English pipeline that costs 12% of the whole parse (measured: 2.1 of 17.3 CPU s on 200 articles). Those patterns
are simple: one or two tokens, each compared on TAG, LOWER, DEP or IS_SPACE. ``AttributeTable`` compiles them
into dictionaries keyed by a token's tag or lower-case form, checks only the patterns a token can start, and
writes the same attributes with the same precedence (a later pattern wins), so its annotations are the
ruler's, token for token (a test compares them). A ruler with any pattern outside that subset is left in place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import normalize_token_attrs, set_token_attrs
from spacy.vocab import Vocab

#: The token attributes a compiled pattern may compare, in the column order of ``Doc.to_array``.
_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_SELECTIVITY = ("LOWER", "TAG", "DEP", "IS_SPACE")
FACTORY = "realpolitik_attribute_table"

Test = Callable[[int], bool]  # a test of one attribute value (a string hash, or 0/1 for a flag)


class Unsupported(ValueError):
    """A ruler pattern this table cannot compile; the ruler then stays in the pipeline."""


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's pattern index: later rules take precedence
    tokens: tuple[tuple[tuple[int, Test], ...], ...]  # per token of the pattern: (column, test) pairs
    index: int  # which matched token receives the attributes
    attrs: dict  # normalised attributes, ready for set_token_attrs


def _value_test(vocab: Vocab, attr: str, spec) -> tuple[Test, frozenset[int] | None]:
    """A test of one attribute and, where the test is a set of exact values, those values (for indexing)."""
    if attr == "IS_SPACE":
        if not isinstance(spec, bool):
            raise Unsupported(f"IS_SPACE compared with {spec!r}")
        values = frozenset({int(spec)})
    elif isinstance(spec, str):
        values = frozenset({vocab.strings.add(spec)})
    elif isinstance(spec, dict) and set(spec) == {"IN"}:
        values = frozenset(vocab.strings.add(value) for value in spec["IN"])
    elif isinstance(spec, dict) and set(spec) == {"NOT_IN"}:
        excluded = frozenset(vocab.strings.add(value) for value in spec["NOT_IN"])
        return (lambda value: value not in excluded), None
    elif isinstance(spec, dict) and set(spec) == {"REGEX"} and attr == "LOWER":
        regex, strings, seen = re.compile(spec["REGEX"]), vocab.strings, {}

        def search(value: int) -> bool:
            if value not in seen:
                seen[value] = regex.search(strings[value]) is not None
            return seen[value]
        return search, None
    else:
        raise Unsupported(f"{attr} compared with {spec!r}")
    return values.__contains__, values


def _compile(vocab: Vocab, ruler_patterns: Iterable[dict]) -> tuple[list[dict[int, list[_Rule]]], list[_Rule]]:
    """Per column, the rules whose first token requires a value there, by value (each rule under the most
    selective column it has: LOWER, TAG, DEP, IS_SPACE); and the rules that must be checked at every token."""
    indexed: list[dict[int, list[_Rule]]] = [{} for _ in _COLUMNS]
    anywhere: list[_Rule] = []
    for order, entry in enumerate(ruler_patterns):
        attrs = normalize_token_attrs(vocab, dict(entry["attrs"]))
        for pattern in entry["patterns"]:
            tokens, anchors = [], {}
            for position, token_spec in enumerate(pattern):
                unknown = set(token_spec) - set(_COLUMNS)
                if unknown or not token_spec:
                    raise Unsupported(f"pattern {pattern!r} uses {sorted(unknown) or 'an empty token'}")
                tests = []
                for attr, spec in token_spec.items():
                    test, values = _value_test(vocab, attr, spec)
                    tests.append((_COLUMNS[attr], test))
                    if position == 0 and values is not None:
                        anchors[attr] = values
                tokens.append(tuple(tests))
            rule = _Rule(order, tuple(tokens), entry.get("index", 0), attrs)
            anchor = next((attr for attr in _SELECTIVITY if attr in anchors), None)
            if anchor is None:
                anywhere.append(rule)
                continue
            for value in anchors[anchor]:
                indexed[_COLUMNS[anchor]].setdefault(value, []).append(rule)
    return indexed, anywhere


class AttributeTable:
    """A drop-in for spaCy's ``attribute_ruler`` whose patterns compare single attributes of one or two tokens.

    Build it with ``AttributeTable(vocab, ruler.patterns)``; it raises ``Unsupported`` for anything else.
    """

    def __init__(self, vocab: Vocab, patterns: Iterable[dict], name: str = "attribute_ruler"):
        self.name = name
        self.indexed, self.anywhere = _compile(vocab, patterns)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(_ARRAY_ATTRS).tolist()
        indexed, anywhere, matches = self.indexed, self.anywhere, self._matches
        hits: list[tuple[int, int, _Rule]] = []
        for start, row in enumerate(rows):
            for column, value in enumerate(row):
                for rule in indexed[column].get(value, ()):
                    if matches(rule, rows, start):
                        hits.append((rule.order, start, rule))
            for rule in anywhere:
                if matches(rule, rows, start):
                    hits.append((rule.order, start, rule))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for _, start, rule in hits:
            target = start + rule.index if rule.index >= 0 else start + len(rule.tokens) + rule.index
            set_token_attrs(doc[target], rule.attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    @staticmethod
    def _matches(rule: _Rule, rows: list[list[int]], start: int) -> bool:
        if start + len(rule.tokens) > len(rows):
            return False
        for offset, tests in enumerate(rule.tokens):
            row = rows[start + offset]
            for column, test in tests:
                if not test(row[column]):
                    return False
        return True


@Language.factory(FACTORY, default_config={"patterns": []})
def _make_attribute_table(nlp: Language, name: str, patterns: list[dict]) -> AttributeTable:
    return AttributeTable(nlp.vocab, patterns, name)


def use_attribute_table(nlp: Language) -> bool:
    """Put an ``AttributeTable`` in place of the pipeline's ``attribute_ruler`` where every pattern compiles.

    Returns whether it did; a pipeline without a ruler, or with patterns outside the table's subset, keeps its
    own component.
    """
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    patterns = nlp.get_pipe("attribute_ruler").patterns
    try:
        AttributeTable(nlp.vocab, patterns)
    except Unsupported:
        return False
    nlp.replace_pipe("attribute_ruler", FACTORY, config={"patterns": patterns})
    return True
