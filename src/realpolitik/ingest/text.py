"""Plain article text: light whitespace clean-up, the headline kept apart from the body, and the checks every
article passes (size, language) before it becomes an ``Article``."""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .language import guess_non_english

MAX_TITLE_CHARS = 200
_SENTENCE_END = tuple(end + quote for end in ".!?…" for quote in ("", "\"", "”", "'", "’"))
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_WRAPPED_LINE = 40  # shorter lines are taken as complete, not hard-wrapped
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")


def clean_text(text: str) -> str:
    """Normalise whitespace lightly, keeping paragraph breaks as "\n\n" (spaCy's sentence splitter benefits).

    A single line break inside a block stays a paragraph break when the line ends a sentence or is short (a
    byline, a dateline, one paragraph per line); a long line that stops mid-sentence was hard-wrapped, so it
    is joined to the next with a space. Runs of spaces shrink to one.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    paragraphs: list[str] = []
    for block in _PARAGRAPH_BREAK.split(text):
        current: list[str] = []
        for line in block.split("\n"):
            line = _SPACES.sub(" ", line).strip()
            if line:
                current.append(line)
            if current and (not line or line.endswith(_SENTENCE_END) or len(line) < _WRAPPED_LINE):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def split_title(text: str) -> tuple[str | None, str]:
    """Separate a headline from the body of plain text.

    The first line is a headline when a blank line follows it, it is short (at most 200 characters), it does
    not end like a sentence, and a body follows. A Markdown ``#`` marker is dropped from it.

    Returns:
        (title or None, body), both as found (not yet cleaned).
    """
    stripped = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff \t\n")
    first, sep, rest = stripped.partition("\n")
    if not sep or not rest.lstrip(" \t").startswith("\n") or not rest.strip():
        return None, text
    title = _MARKDOWN_HEADING.sub("", first).strip()
    if not title or len(title) > MAX_TITLE_CHARS or title.endswith(_SENTENCE_END):
        return None, text
    return title, rest


def build_article(body: str, origin: str, settings: Settings, *, title: str | None = None, url: str | None = None,
                  published: str | None = None, source: str | None = None) -> Article:
    """Check a cleaned body and wrap it as an Article.

    Raises:
        InputError: the body is empty, oversized, too short, or not English.
    """
    if not body.strip():
        raise InputError(origin, "no article text (empty or whitespace only)", "give the article's text")
    if len(body) > settings.max_chars:
        raise InputError(origin, f"oversized: {len(body):,} characters, over max_chars {settings.max_chars:,}",
                         "split the article or raise the max_chars setting")
    if len(body) < settings.min_chars:
        raise InputError(origin, f"too short: {len(body)} characters, under min_chars {settings.min_chars}",
                         "give the full article text or lower the min_chars setting")
    looks = guess_non_english(body if not title else f"{title}\n\n{body}")
    if looks:
        raise InputError(origin, f"looks like {looks}; realpolitik codes English news",
                         "translate it to English or leave it out")
    return Article.create(body, title=title or None, url=url or None, published=published,
                          source=source or None, origin=origin, language="en")


def text_article(raw: str, origin: str, settings: Settings, *, published: str | None = None,
                 source: str | None = None) -> Article:
    """An Article from plain text: headline detection, then clean-up and checks."""
    title, body = split_title(raw)
    return build_article(clean_text(body), origin, settings, title=clean_text(title) if title else None,
                         published=published, source=source)
