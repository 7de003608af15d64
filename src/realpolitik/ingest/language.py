"""A cheap "is this English?" check: realpolitik's patterns and models are English-only, so other languages
are rejected at the door with a reason instead of yielding silent nonsense later.

Two signals, no extra dependency: the script of the letters (mostly non-Latin means not English), and the
share of common English function words among the first few hundred lower-case words (capitalised words are
mostly names, and names say nothing about the language around them) compared with the share of French,
German, Spanish, Portuguese or Italian ones. Headline-style text and dense lists of names have few function
words, so the English threshold is low and a text is only called foreign when another language's words
outnumber English ones or English ones are nearly absent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_ASCII_LETTERS = re.compile("[A-Za-z]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_WORDS_LOOKED_AT = 300
_MIN_WORDS = 8  # fewer lower-case words than this: too little to judge, let it pass
_MIN_WORDS_NOT_ENGLISH = 15  # "no English words at all" needs more evidence than "another language's words"
_MIN_ENGLISH_SHARE = 0.06
_MIN_FOREIGN_SHARE = 0.1

#: Frequent English function words, minus ones that are also common words in French, German or Spanish.
ENGLISH = frozenset("""
the of and to is that for with as by at from was were has have had it its be been are said says will would
not this which who whom after over their they he she his her but or than into against about also more we our
us you your them these those there here when while where what if can could may might should must do does did
no new two three last next week year years told during before between under amid since because all other
such some any only just so very up out off then now percent including according people officials government
""".split())
#: Frequent function words that mark another language and are rare in English text.
FOREIGN = {
    "French": frozenset("""le la les des du et est une dans pour qui sur au aux pas avec ce cette sont ont
    été fait mais ou leur selon après contre lors entre où elle il ils nous vous""".split()),
    "German": frozenset("""der das und ist nicht den dem des ein eine einer mit von zu auf für sich im sie
    es wird wurde werden nach bei aus auch als noch wie hat haben sind zum zur über""".split()),
    "Spanish": frozenset("""el los las del y que en una por con para es su al lo como más pero sus le ya
    fue ha han este esta entre sobre también según desde durante sin""".split()),
    "Portuguese": frozenset("""o os da das do dos em não uma com ao aos pelo pela foi são mais seu sua nesta
    neste também para que e à""".split()),
    "Italian": frozenset("""il di che della del dei delle per non sono gli degli alla nel nella con è anche
    si ha hanno questo questa oggi""".split()),
}
# Words English shares with one of those lists stay out of both, so they never tip the balance.
FOREIGN = {lang: words - ENGLISH - {"a", "in", "on", "an", "die", "son", "de"} for lang, words in FOREIGN.items()}


def script_of(text: str) -> str | None:
    """The dominant non-Latin script when most letters are not Latin (``"Cyrillic"``), else None."""
    sample = text[:4000]
    if sample.isascii():  # every ASCII letter is Latin: the common case needs no per-letter lookup
        return None
    scripts: Counter[str] = Counter({"Latin": len(_ASCII_LETTERS.findall(sample))})
    for ch in _NON_ASCII.findall(sample):  # a per-letter lookup only where ASCII ends
        if ch.isalpha():
            scripts[_script_name(unicodedata.name(ch, ""))] += 1
    total = sum(scripts.values())
    if not total or scripts["Latin"] / total >= 0.5:
        return None
    return max((s for s in scripts if s != "Latin"), key=scripts.__getitem__)


def _script_name(unicode_name: str) -> str:
    """Map a character's Unicode name to a readable script name."""
    first = unicode_name.split(" ", 1)[0]
    if first == "LATIN":
        return "Latin"
    if first in ("CJK", "HIRAGANA", "KATAKANA"):
        return "Chinese or Japanese"
    return first.capitalize() if first else "unknown"


def guess_non_english(text: str) -> str | None:
    """Name what the text looks like when it is not English (a script or a language), else None."""
    script = script_of(text)
    if script:
        return f"{script} script"
    words = [w for w in _WORD.findall(text[:20000])[:_WORDS_LOOKED_AT] if w[0].islower()]
    if len(words) < _MIN_WORDS:
        return None
    english = sum(w in ENGLISH for w in words) / len(words)
    lang, foreign = max(((lang, sum(w in vocab for w in words) / len(words)) for lang, vocab in FOREIGN.items()),
                        key=lambda pair: pair[1])
    if foreign > english and foreign >= _MIN_FOREIGN_SHARE:
        return lang
    if english < _MIN_ENGLISH_SHARE and len(words) >= _MIN_WORDS_NOT_ENGLISH:
        return "not English"
    return None
