"""Ingest: the one door for article input (files, folders, stdin, text, bytes, dicts).

``read_articles`` streams ``Article`` or ``Reject`` items, so one bad file or record never stops a batch and
never disappears silently; ``load_article`` reads exactly one article and raises ``InputError`` instead.
"""

from .dates import parse_published
from .reader import ARTICLE_SUFFIXES, Reject, load_article, read_articles

__all__ = ["ARTICLE_SUFFIXES", "Reject", "load_article", "parse_published", "read_articles"]
