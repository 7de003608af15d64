"""Actors: find who is named in a parsed article and normalise each noun phrase to a CAMEO-style code.

A noun phrase is read as a whole: "Russian Deputy Defense Minister Yunus-Bek Yevkurov" has a country signal
(the demonym), a role signal (the longest role phrase, "defense minister" -> MIL) and a person name; together
they give RUSMIL. Known office holders (people.tsv) are resolved against the event date, so "the president" in
a 2019 article is not today's. A later surname ("Yevkurov") resolves to the actor named in full earlier in the
same article.
"""

from __future__ import annotations

from .recognizer import MISSIONS, PLACE_NOUNS, PRONOUNS, ActorRecognizer, DocActors

__all__ = ["ActorRecognizer", "DocActors", "MISSIONS", "PLACE_NOUNS", "PRONOUNS"]
