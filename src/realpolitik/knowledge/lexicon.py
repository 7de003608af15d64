"""The event lexicon (verbs.tsv + classes.tsv): which words report which CAMEO events, validated on load.

Users layer their own lexicon files on top (same columns); an entry with an id already loaded replaces it,
so a user can correct one of ours without copying the file.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import KnowledgeError
from .tables import Row, read_table, shipped_path

POS = ("verb", "noun")
TARGET_SLOTS = ("dobj", "iobj", "with", "to", "on", "against", "from", "for", "into", "at", "in", "over",
                "between", "involving", "of", "poss", "near", "toward", "towards", "upon", "around", "off", "outside",
                "by", "about", "behind", "along")
WRAPPERS = ("intent", "appeal", "demand", "threat", "ultimatum", "reject", "deny", "speech")
COLUMNS = ("id", "code", "pos", "lemma", "object", "target", "flags")


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry. ``forms`` are the alternative word sequences; the head is the last word of a noun
    form and the first word of a verb form (the rest are its particle or object words)."""

    id: str
    code: str | None  # None for support verbs ("held talks": the noun carries the code)
    pos: str
    forms: tuple[tuple[str, ...], ...]
    objects: frozenset[str]  # lemmas one of which must be in the object; empty: no condition
    targets: tuple[str, ...]
    excluded: frozenset[str] = frozenset()  # words or "dep:X" constructions that rule the entry out
    reciprocal: bool = False
    inverse: str | None = None
    swap: bool = False
    light: bool = False
    wrapper: str | None = None
    accusation: bool = False  # a charge named in someone's words ("Ukrainian aggression"): speaker accuses
    targeted: bool = False  # only with a target; otherwise the next matching entry is tried

    @functools.cached_property
    def headed_forms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each form with its head word, longest first: the order a word is tried against them (computed once,
        as a word is tried against an entry's forms thousands of times an article batch)."""
        return tuple((form[-1] if self.pos == "noun" else form[0], form)
                     for form in sorted(self.forms, key=len, reverse=True))

    def specificity(self, head: str | None = None) -> int:
        """Entries with an object condition or longer forms (of those with this head word) win over generic
        ones: "carry out" makes a support verb specific for "carry", not for "host"."""
        forms = [f for f in self.forms if head in (None, f[-1] if self.pos == "noun" else f[0])] or self.forms
        return (10 if self.objects else 0) + max(len(f) for f in forms)


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[Pattern, ...]
    classes: dict[str, frozenset[str]]

    @functools.cached_property
    def by_head(self) -> dict[tuple[str, str], tuple[Pattern, ...]]:
        """(pos, head lemma) -> patterns, most specific first."""
        index: dict[tuple[str, str], list[Pattern]] = {}
        for p in self.patterns:
            for form in p.forms:
                head = form[-1] if p.pos == "noun" else form[0]
                bucket = index.setdefault((p.pos, head), [])
                if p not in bucket:
                    bucket.append(p)
        return {k: tuple(sorted(v, key=lambda p: -p.specificity(k[1]))) for k, v in index.items()}

    @functools.cached_property
    def plain_heads(self) -> frozenset[tuple[str, str]]:
        """The (pos, head lemma) keys whose entries all match on the word alone (no object condition, no excluded
        word, no form longer than the head): what such a word's object is need not be read."""
        return frozenset(key for key, patterns in self.by_head.items() if not any(
            p.objects or p.excluded or any(len(form) > 1 for form in p.forms) for p in patterns))

    def get(self, pattern_id: str) -> Pattern:
        for p in self.patterns:
            if p.id == pattern_id:
                return p
        raise KeyError(pattern_id)


def _read_classes(path: Path) -> dict[str, frozenset[str]]:
    classes = {}
    for row in read_table(path, ("class", "words")):
        name = row.require("class")
        if name in classes:
            raise row.error(f"class '{name}' defined twice")
        classes[name] = frozenset(w.lower() for w in row.alternatives("words"))
    return classes


def _parse_pattern(row: Row, classes: dict[str, frozenset[str]], cameo_codes: Iterable[str]) -> Pattern:
    pid = row.require("id")
    pos = row.require("pos")
    if pos not in POS:
        raise row.error(f"field 'pos' is {pos!r}; expected one of {', '.join(POS)}")
    flags = {f.strip() for f in row.get("flags").split(",") if f.strip() and f.strip() != "-"}
    light = "light" in flags
    code = row.require("code")
    if code == "-":
        if not light:
            raise row.error("field 'code' is '-', which only a support verb (flag light) may have")
        code = None
    elif code not in cameo_codes:
        raise row.error(f"field 'code' is {code!r}, which is not a CAMEO code in cameo.tsv")
    forms = tuple(tuple(alt.lower().split()) for alt in row.alternatives("lemma"))
    if pos == "noun":  # spaCy splits "counter-measures" into three tokens: match "counter" + "measure" too
        forms += tuple(split for form in forms if any("-" in w for w in form)
                       for split in [tuple(part for w in form for part in w.split("-") if part)] if len(split) > 1)
    if not forms:
        raise row.error("field 'lemma' is empty")
    objects: set[str] = set()
    excluded: set[str] = set()
    for word in row.alternatives("object"):
        if word == "-":
            continue
        negated = word.startswith("!")
        word = word.lstrip("!")
        prefix = next((p for p in ("subj:", "dobj:", "to:") if word.startswith(p)), "")
        word = word.removeprefix(prefix)
        if word.startswith("@"):
            if word[1:] not in classes:
                raise row.error(f"field 'object' names class {word!r}, which classes.tsv does not define")
            (excluded if negated else objects).update(prefix + w for w in classes[word[1:]])
        elif negated:
            excluded.add(prefix + word.lower())
        else:
            objects.add(prefix + word.lower())
    targets = tuple(t for t in row.alternatives("target") if t != "-")
    bad = [t for t in targets if t not in TARGET_SLOTS]
    if bad:
        raise row.error(f"field 'target' has {', '.join(bad)}; expected slots from {', '.join(TARGET_SLOTS)}")
    inverse = wrapper = None
    for flag in flags:
        if flag.startswith("inverse="):
            inverse = flag.split("=", 1)[1]
            if inverse not in cameo_codes:
                raise row.error(f"flag {flag!r} names a code that is not in cameo.tsv")
        elif flag.startswith("wrapper="):
            wrapper = flag.split("=", 1)[1]
            if wrapper not in WRAPPERS:
                raise row.error(f"flag {flag!r}; wrappers are {', '.join(WRAPPERS)}")
        elif flag not in ("reciprocal", "swap", "light", "accusation", "targeted"):
            raise row.error(f"unknown flag {flag!r}; known: reciprocal, inverse=CODE, swap, light, accusation, targeted, wrapper=KIND")
    return Pattern(id=pid, code=code, pos=pos, forms=forms, objects=frozenset(objects),
                   excluded=frozenset(excluded), targets=targets,
                   reciprocal="reciprocal" in flags, inverse=inverse, swap="swap" in flags, light=light,
                   wrapper=wrapper, accusation="accusation" in flags,
                   targeted="targeted" in flags)


def read_lexicon_file(path: str | Path, classes: dict[str, frozenset[str]],
                      cameo_codes: Iterable[str]) -> list[Pattern]:
    """Read and validate one lexicon file (ours or a user's)."""
    codes = frozenset(cameo_codes)
    patterns, seen = [], {}
    for row in read_table(path, COLUMNS):
        pattern = _parse_pattern(row, classes, codes)
        if pattern.id in seen:
            raise row.error(f"id {pattern.id!r} already used at line {seen[pattern.id]}")
        seen[pattern.id] = row.line
        patterns.append(pattern)
    return patterns


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon with the user's files layered on top (same id: the user's entry wins)."""
    from .cameo import load_cameo

    codes = load_cameo().keys()
    classes = _read_classes(shipped_path("classes.tsv"))
    merged: dict[str, Pattern] = {}
    for path in (shipped_path("verbs.tsv"), *map(Path, extra_files)):
        for pattern in read_lexicon_file(path, classes, codes):
            merged[pattern.id] = pattern
    if not merged:
        raise KnowledgeError("verbs.tsv", None, "the lexicon has no entries")
    return Lexicon(tuple(merged.values()), classes)
