"""The synthetic corpus: deterministic, news-sized, varied, readable by ingest, and codable by the real coder."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from itertools import islice

import pytest

from realpolitik.coder import code_articles
from realpolitik.ingest import Reject, read_articles
from realpolitik.knowledge.actors import load_actor_dictionary
from realpolitik.model import Article
from realpolitik.settings import Settings
from realpolitik.synthetic import EVENTS, OUTLETS, generate_articles, write_jsonl

SETTINGS = Settings(model="en_core_web_sm")
FIELDS = {"text", "title", "url", "published", "source"}


def test_same_seed_same_corpus_and_prefix_stable():
    first = list(generate_articles(12, seed=3))
    assert first == list(generate_articles(12, seed=3))
    assert list(generate_articles(5, seed=3)) == first[:5]
    assert first != list(generate_articles(12, seed=4))


def test_fields_and_length_are_news_like():
    articles = list(generate_articles(60, seed=1))
    words = [len(a["text"].split()) for a in articles]
    assert all(set(a) == FIELDS for a in articles)
    assert min(words) >= 500 and max(words) <= 800
    assert 560 <= sum(words) / len(words) <= 700
    for a in articles:
        assert date(2025, 3, 1) <= date.fromisoformat(a["published"]) <= date(2025, 10, 31)
        assert a["source"] in OUTLETS and a["url"].startswith("https://") and ".example/" in a["url"]
        assert "{" not in a["text"] and "}" not in a["text"], "an unfilled template slot"
        assert a["text"].count("\n\n") >= 5, "articles come in paragraphs"


def test_articles_differ_from_each_other():
    articles = list(generate_articles(100, seed=0))
    assert len({a["text"] for a in articles}) == 100
    assert len({a["url"] for a in articles}) == 100
    assert len({a["title"] for a in articles}) > 60
    openings = Counter(a["text"].split(".")[0] for a in articles)
    assert openings.most_common(1)[0][1] <= 3


def test_no_sentence_repeats_within_an_article():
    for article in generate_articles(30, seed=2):
        sentences = [s for p in article["text"].split("\n\n") for s in p.split(". ") if len(s) > 30]
        assert len(sentences) == len(set(sentences)), article["title"]


def test_actors_come_from_the_knowledge_files():
    text = " ".join(a["text"] for a in generate_articles(200, seed=0))
    for phrase in ("President", "Foreign Minister", "Prime Minister"):
        assert phrase in text
    holders = {e.name for e in load_actor_dictionary(()).entries if e.kind == "person" and e.office != "other"}
    named = {name for name in holders if name in text}
    assert len(named) >= 20, sorted(named)  # office holders from people.tsv, many of them
    for relative in ("on Monday", "last week", "yesterday"):
        assert relative in text


def test_write_jsonl_is_read_by_ingest(tmp_path):
    path = write_jsonl(tmp_path / "sub" / "corpus.jsonl", 8, seed=7)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == list(generate_articles(8, seed=7))
    items = list(read_articles([path], settings=SETTINGS))
    assert not [i for i in items if isinstance(i, Reject)]
    assert [a.published for a in items] == [json.loads(line)["published"] for line in lines]


def test_negative_count_is_refused():
    with pytest.raises(ValueError, match="n is -1"):
        list(generate_articles(-1))


def test_the_coder_finds_varied_events_in_generated_articles():
    docs = list(islice(generate_articles(6, seed=11), 6))
    articles = [Article.create(d["text"], title=d["title"], url=d["url"], published=d["published"],
                               source=d["source"]) for d in docs]
    coded = list(code_articles(articles, settings=SETTINGS))
    assert all(len(c.events) >= 5 for c in coded), [len(c.events) for c in coded]
    events = [e for c in coded for e in c.events]
    roots = {e.root for e in events}
    assert len(roots) >= 8, sorted(roots)
    assert {e.quad_class for e in events} == {1, 2, 3, 4}
    dated = [e for e in events if e.date.basis == "text-relative"]
    assert dated, "relative date phrases resolve against the publication date"
    assert any(e.place is not None for e in events)
    assert len(EVENTS) >= 20
