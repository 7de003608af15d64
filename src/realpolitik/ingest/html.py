"""HTML pages: the main text and metadata via trafilatura, which drops navigation, adverts and footers."""

from __future__ import annotations

import logging
import re

import trafilatura

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .dates import parse_published
from .text import build_article, clean_text

_LOOKS_HTML = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)|<(?:p|div|article|br|h[1-6]|"
                         r"title|meta|span|a\s+href)[\s>/]", re.IGNORECASE)
#: htmldate: prefer the original publication date and do not guess one from free text.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}

# Their warnings about discarded page parts would interleave with our one-line rejects on stderr.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def looks_like_html(text: str) -> bool:
    """True when text starts like an HTML document or carries common HTML tags near its start."""
    return bool(_LOOKS_HTML.search(text[:2000]))


def html_article(html: str, origin: str, settings: Settings, *, published: str | None = None,
                 source: str | None = None, url: str | None = None, title: str | None = None) -> Article:
    """An Article from an HTML page: main text, title, publication date, url and site name.

    Metadata found in the page wins over the arguments, which serve as fallbacks (a record's own date wins
    over ``--published``); ``url`` and ``title`` given by a JSON record win over the page's.

    Raises:
        InputError: no article text could be extracted, or the page's text fails the article checks.
    """
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          date_extraction_params=_DATE_PARAMS)
    except ValueError as exc:  # trafilatura signals unusable input this way
        raise InputError(origin, f"HTML could not be parsed ({exc})", "give the page's full HTML") from None
    text = (doc.text or "") if doc is not None else ""
    page_title = _clean(doc.title) if doc is not None else None
    paragraphs = [p for p in (clean_text(line) for line in text.split("\n")) if p]
    head = title or page_title
    if paragraphs and head and paragraphs[0] == clean_text(head):
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1> headline as the first line
    if sum(map(len, paragraphs)) < settings.min_chars:
        raise InputError(origin, "HTML holds no extractable article text",
                         "give the article page itself, not an index, login or empty page")
    try:
        page_date = parse_published(doc.date, origin)
    except InputError:
        page_date = None  # a garbled page date is no reason to lose the article
    return build_article("\n\n".join(paragraphs), origin, settings, title=head,
                         url=url or _clean(doc.url), published=page_date or published,
                         source=_clean(doc.sitename) or source)


def _clean(value) -> str | None:
    """A trimmed metadata string, or None."""
    return value.strip() or None if isinstance(value, str) else None
