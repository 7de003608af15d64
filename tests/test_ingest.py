"""Ingest: every input format through the one door, and every kind of bad input rejected with its reason."""

from __future__ import annotations

import io
import json
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from realpolitik.errors import InputError
from realpolitik.ingest import Reject, load_article, parse_published, read_articles
from realpolitik.model import Article
from realpolitik.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def fx(name: str) -> Path:
    return FIXTURES / name


def split(results) -> tuple[list[Article], list[Reject]]:
    results = list(results)
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, Reject)]


def reject_of(path: Path, **kwargs) -> Reject:
    """The single reject a bad file produces (and no article)."""
    articles, rejects = split(read_articles([path], **kwargs))
    assert articles == [] and len(rejects) == 1, (articles, rejects)
    return rejects[0]


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- plain text -------------------------------------------------------------------------------------------

def test_plain_text_keeps_headline_apart_and_paragraph_breaks():
    article = load_article(fx("talks.txt"))
    assert article.title == "Ceasefire talks resume in Geneva as envoys trade proposals"
    assert article.text.startswith("GENEVA, Nov 18 - Envoys from Armenia and Azerbaijan met in Geneva")
    assert "second round of talks on a border ceasefire" in article.text  # hard wrap joined
    assert article.text.count("\n\n") == 1
    assert article.origin == str(fx("talks.txt"))
    assert article.language == "en" and article.id.startswith("a-")


def test_plain_text_without_headline_and_hard_wraps_joined():
    article = load_article(fx("wrapped.txt"))
    assert article.title is None
    assert "accusing them of helping to move oil" in article.text
    assert article.text.endswith("bar European banks from dealing with them.\n\nOfficials in Brussels said more "
                                 "listings could follow.")


def test_markdown_heading_becomes_title():
    article = load_article(fx("notes.md"))
    assert article.title == "Kenya sends police officers to Haiti"
    assert article.text.startswith("Kenya flew a further 200 police officers")


def test_sentence_first_line_is_not_a_title():
    text = "Talks ended without a deal on Friday.\n\nBoth delegations said they would report to their capitals."
    article = load_article(text)
    assert article.title is None
    assert article.text.startswith("Talks ended without a deal")


# --- HTML -------------------------------------------------------------------------------------------------

def test_html_main_text_and_metadata():
    article = load_article(fx("page.html"))
    assert article.title == "Brazil and Argentina sign energy deal"
    assert article.published == "2025-11-12"
    assert article.source == "Harbor Times"
    assert article.url == "https://harbor-times.example/world/brazil-argentina-energy"
    assert article.text.startswith("The presidents of Brazil and Argentina signed an agreement")
    assert "Buenos Aires next month" in article.text
    for boilerplate in ("Sport", "All rights reserved", article.title):
        assert boilerplate not in article.text
    assert article.text.count("\n\n") == 2


def test_html_own_date_wins_over_published_argument():
    article = load_article(fx("page.html"), published="2025-01-01", source="Fallback Wire")
    assert article.published == "2025-11-12"
    assert article.source == "Harbor Times"


def test_html_without_article_text_is_rejected():
    with pytest.raises(InputError, match="HTML holds no extractable article text"):
        load_article(fx("empty_page.html"))
    assert "no extractable article text" in reject_of(fx("empty_page.html")).reason


def test_json_record_holding_html():
    record = {"text": fx("page.html").read_text(encoding="utf-8"), "published": "2025-11-13",
              "url": "https://example.org/copy", "source": "Own Desk"}
    article = load_article(record)
    assert article.text.startswith("The presidents of Brazil and Argentina")
    assert (article.published, article.url, article.source) == ("2025-11-13", "https://example.org/copy", "Own Desk")
    assert article.title == "Brazil and Argentina sign energy deal"


def test_html_given_as_text_is_detected():
    article = load_article(fx("page.html").read_text(encoding="utf-8"))
    assert article.source == "Harbor Times"
    assert article.id == load_article(fx("page.html")).id


# --- JSON Lines, JSON -------------------------------------------------------------------------------------

def test_json_lines_good_records_and_one_reject_per_bad_line():
    articles, rejects = split(read_articles([fx("records.jsonl")]))
    assert [a.origin for a in articles] == [f"{fx('records.jsonl')} line {n}" for n in (1, 2, 4)]
    first, second, third = articles
    assert (first.title, first.url, first.published, first.source) == (
        "Japan and Philippines hold joint coast guard drill", "https://example.org/a1", "2025-11-13", "Pacific Wire")
    assert second.text.startswith("Chile recalled its ambassador") and second.published == "2025-11-16"
    assert third.text.startswith("Ghana and Togo agreed")  # "content" field
    reasons = {r.origin.rsplit(" ", 1)[-1]: r.reason for r in rejects}
    assert set(reasons) == {"5", "6", "7"}
    assert reasons["5"].startswith("malformed JSON (Invalid control character at column")
    assert "no 'text' field" in reasons["6"]
    assert str(rejects[2]) == (f"{fx('records.jsonl')} line 7: field 'published' is 'yesterday'; "
                               "expected an ISO date such as 2025-11-18")


def test_json_single_object_and_array():
    article = load_article(fx("one.json"))
    assert article.title == "Indonesia bans export of raw bauxite"
    assert article.published == "2025-11-18"
    articles, rejects = split(read_articles([fx("many.json")]))
    assert [a.origin for a in articles] == [f"{fx('many.json')} item 1", f"{fx('many.json')} item 2"]
    assert len(rejects) == 1 and rejects[0].origin.endswith("item 3")
    assert "expected a JSON object" in rejects[0].reason and "got an array" in rejects[0].reason


def test_malformed_json_file():
    reject = reject_of(fx("broken.json"))
    assert reject.origin == str(fx("broken.json"))
    assert reject.reason.startswith("malformed JSON (Expecting ',' delimiter at line 1 column")


def test_bad_utf8_in_one_json_line_costs_only_that_line():
    articles, rejects = split(read_articles([fx("mixed.jsonl")]))
    assert len(articles) == 2 and articles[1].text.startswith("Mali's transitional government")
    assert rejects[0].origin == f"{fx('mixed.jsonl')} line 2"
    assert "byte 0xE9 at offset 118" in rejects[0].reason and "--encoding latin-1" in rejects[0].reason


# --- CSV / TSV --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["table.csv", "table.tsv"])
def test_csv_and_tsv(name):
    articles, rejects = split(read_articles([fx(name)], published="2025-11-20"))
    assert rejects == []
    first, second = articles
    assert first.title == "Poland opens new border crossing with Lithuania"
    assert (first.published, first.source) == ("2025-11-18", "Baltic Desk")  # own date wins
    assert second.title is None and second.published == "2025-11-20"  # empty cell: the fallback applies
    assert "adding that it would review" in second.text  # quoted line break kept as text
    assert [a.origin for a in articles] == [f"{fx(name)} line 2", f"{fx(name)} line 3"]


def test_csv_without_text_column():
    reject = reject_of(fx("nocol.csv"))
    assert reject.reason == ("header row has no text column (found 'headline', 'when'); "
                             "name the article text column 'text', 'body' or 'content'")


def test_csv_with_broken_quoting():
    reject = reject_of(fx("badquote.csv"))
    assert reject.origin == f"{fx('badquote.csv')} line 2"
    assert reject.reason.startswith("malformed CSV")


def test_csv_allows_fields_larger_than_the_csv_module_default(tmp_path):
    body = "The summit ended with a joint statement on trade and security. " * 3000  # ~190k chars
    path = tmp_path / "big.csv"
    path.write_text("text\n" + json.dumps(body) + "\n", encoding="utf-8")
    article = load_article(path)
    assert len(article.text) > 131072


# --- fallbacks, ids, dicts, bytes ------------------------------------------------------------------------

def test_published_and_source_fallbacks_apply_only_when_missing():
    own = load_article({"text": "The summit ended with a joint statement on trade.", "published": "2025-11-01",
                        "source": "Own Desk"}, published="2025-11-20", source="Batch Wire")
    given = load_article({"text": "The summit ended with a joint statement on trade."},
                         published="18 November 2025", source="Batch Wire")
    assert (own.published, own.source) == ("2025-11-01", "Own Desk")
    assert (given.published, given.source) == ("2025-11-18", "Batch Wire")
    assert own.origin == "<record>"


def test_same_article_read_twice_has_same_id():
    assert load_article(fx("talks.txt")).id == load_article(fx("talks.txt")).id
    assert load_article(fx("talks.txt")).id == load_article(fx("talks.txt").read_text(encoding="utf-8")).id
    assert load_article(fx("talks.txt")).id == load_article(fx("talks.txt").read_bytes()).id
    first = [a.id for a in read_articles([fx("records.jsonl")]) if isinstance(a, Article)]
    again = [a.id for a in read_articles([fx("records.jsonl")]) if isinstance(a, Article)]
    assert first == again and len(set(first)) == 3


def test_utf8_bom_and_utf16_decode_to_the_same_article():
    with_bom, utf16 = load_article(fx("bom.txt")), load_article(fx("utf16.txt"))
    assert with_bom.title == "Peru declares emergency in Lima"
    assert not with_bom.text.startswith("\ufeff")
    assert with_bom.id == utf16.id


def test_load_article_refuses_a_file_with_many_records():
    with pytest.raises(InputError, match="more than one article; use read_articles"):
        load_article(fx("table.csv"))


def test_load_article_refuses_other_types():
    with pytest.raises(InputError, match="cannot read a int"):
        load_article(42)


# --- bad input --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_empty_or_whitespace_file(name):
    reject = reject_of(fx(name))
    assert reject.origin == str(fx(name))
    assert reject.reason.startswith("empty file")


@pytest.mark.parametrize("name, what", [
    ("corpus/c_image.txt", "binary data (a PNG image)"),
    ("archive.bin", "binary data (gzip-compressed data), not text; decompress it first"),
    ("controls.txt", "binary data (480 control bytes"),
])
def test_binary_files(name, what):
    assert reject_of(fx(name)).reason.startswith(what)


def test_nul_bytes_are_binary(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"header\x00\x00\x00\x01\x02\xff\x00 some text after the nul bytes" * 4)
    assert reject_of(path).reason.startswith("binary data (")


def test_utf16_without_bom_gets_a_hint(tmp_path):
    path = tmp_path / "nobom.txt"
    path.write_bytes("Officials met on Monday in Vienna to discuss the nuclear deal.".encode("utf-16-le"))
    assert "UTF-16 text without a byte-order mark; pass --encoding utf-16-le" in reject_of(path).reason
    assert load_article(path, encoding="utf-16-le").text.startswith("Officials met on Monday")


def test_non_utf8_names_byte_offset_and_fix():
    reject = reject_of(fx("latin1.txt"))
    assert reject.reason == ("not valid UTF-8: byte 0xE9 at offset 3 (line 1); pass --encoding latin-1 "
                             "(or the file's real encoding) or re-save the file as UTF-8")
    article = load_article(fx("latin1.txt"), encoding="latin-1")
    assert article.text.startswith("Café owners in Lima closed early.\n\nPeru declared")


def test_unknown_encoding_name():
    assert "unknown encoding 'klingon'" in reject_of(fx("talks.txt"), encoding="klingon").reason


def test_oversized_and_too_short():
    small = Settings(max_chars=100)
    reject = reject_of(fx("talks.txt"), settings=small)
    assert reject.reason.startswith("oversized: ") and "over max_chars 100" in reject.reason
    assert reject_of(fx("short.txt")).reason.startswith("too short: 11 characters, under min_chars 20")
    with pytest.raises(InputError, match="oversized"):
        load_article(fx("page.html"), settings=Settings(max_chars=50))


def test_oversized_file_is_refused_before_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text("The council met again. " * 2000, encoding="utf-8")
    assert reject_of(path, settings=Settings(max_chars=1000)).reason.startswith("oversized: more than 4,000 bytes")


@pytest.mark.parametrize("name, looks", [
    ("french.txt", "French"), ("german.txt", "German"), ("spanish.txt", "Spanish"),
    ("russian.txt", "Cyrillic script"), ("arabic.txt", "Arabic script"), ("chinese.txt", "Chinese or Japanese script"),
])
def test_non_english_is_rejected(name, looks):
    assert reject_of(fx(name)).reason.startswith(f"looks like {looks}; realpolitik codes English news")


@pytest.mark.parametrize("text", [
    "Putin, Xi Meet In Beijing; Kremlin Hails Strategic Partnership As Trade Pact Is Signed By Ministers",
    "Attending were Emmanuel Macron, Olaf Scholz, Giorgia Meloni, Pedro Sanchez, Donald Tusk, Mark Rutte, "
    "Ursula von der Leyen, Antonio Costa and Kaja Kallas.",
    "Hamas, Hezbollah, IRGC, IDF: Israeli strikes hit Khan Younis, Rafah; Gaza toll rises, UNRWA says.",
    "Mexican President Claudia Sheinbaum met Governor Samuel Garcia de la Fuente in Monterrey, Nuevo Leon, "
    "on Tuesday to discuss security.",
    "French President Emmanuel Macron said \"la France est prête\" to send troops, adding that the decision "
    "rests with the allies and that a summit would follow.",
    "KYIV - Ukraine: 12 drones downed overnight. Kharkiv: two injured. Odesa: port damaged. Zaporizhzhia: "
    "power cut in three districts.",
    "The United Nations Security Council will vote on Friday on a resolution calling for a ceasefire in "
    "Sudan, diplomats said, after weeks of negotiations over the wording.",
])
def test_short_english_news_passes(text):
    assert load_article(text).language == "en"


def test_missing_path_and_directory_without_articles():
    assert reject_of(fx("no-such-file.txt")).reason == "no such file or directory; check the path"
    reject = reject_of(fx("nofiles"))
    assert reject.origin == str(fx("nofiles"))
    assert reject.reason.startswith("directory holds no article files (.txt")
    with pytest.raises(InputError, match="no such file"):
        load_article(Path(fx("no-such-file.txt")))
    with pytest.raises(InputError, match="no-such-file.jsonl: no such file; check the path"):
        load_article("no-such-file.jsonl")


def test_bad_published_argument_is_an_error_of_the_call():
    with pytest.raises(InputError, match="--published: field 'published' is 'last week'"):
        list(read_articles([fx("talks.txt")], published="last week"))


def test_reject_to_dict():
    assert Reject("a.txt", "empty file").to_dict() == {"origin": "a.txt", "reason": "empty file"}


# --- batches, folders, stdin -----------------------------------------------------------------------------

def test_batch_with_bad_files_still_yields_the_good_articles():
    inputs = [fx("corpus"), fx("empty.txt"), fx("no-such-file.txt"), fx("talks.txt")]
    results = list(read_articles(inputs))
    origins = [r.origin for r in results]
    assert origins == [
        str(fx("corpus/a_talks.txt")),
        str(fx("corpus/c_image.txt")),
        f"{fx('corpus/nested/b_feed.jsonl')} line 1",
        f"{fx('corpus/nested/b_feed.jsonl')} line 2",
        str(fx("empty.txt")),
        str(fx("no-such-file.txt")),
        str(fx("talks.txt")),
    ]  # sorted walk, hidden files and .rst skipped
    assert [isinstance(r, Article) for r in results] == [True, False, True, False, False, False, True]


def test_read_articles_streams_lazily():
    pulled = []

    def inputs():
        for name in ("talks.txt", "notes.md"):
            pulled.append(name)
            yield fx(name)

    stream = read_articles(inputs())
    first = next(stream)
    assert first.title.startswith("Ceasefire talks") and pulled == ["talks.txt"]


def test_stdin_json_lines(monkeypatch):
    fake_stdin(monkeypatch, b"\n" + fx("records.jsonl").read_bytes())
    articles, rejects = split(read_articles(["-"]))
    assert [a.origin for a in articles] == ["<stdin> line 2", "<stdin> line 3", "<stdin> line 5"]
    assert [r.origin for r in rejects] == ["<stdin> line 6", "<stdin> line 7", "<stdin> line 8"]


def test_stdin_plain_text_and_html(monkeypatch):
    fake_stdin(monkeypatch, fx("talks.txt").read_bytes())
    (article,) = read_articles(["-"], published="2025-11-18")
    assert article.origin == "<stdin>" and article.published == "2025-11-18"
    assert article.id == load_article(fx("talks.txt")).id
    fake_stdin(monkeypatch, fx("page.html").read_bytes())
    (page,) = read_articles(["-"])
    assert page.source == "Harbor Times"


def test_stdin_binary_is_rejected(monkeypatch):
    fake_stdin(monkeypatch, fx("archive.bin").read_bytes())
    (reject,) = read_articles(["-"])
    assert reject == Reject("<stdin>", "binary data (gzip-compressed data), not text; decompress it first (gunzip)")


# --- dates ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2025-11-18", "2025-11-18"),
    ("2025-11-18T23:30:00+05:00", "2025-11-18"),
    ("2025-11-18T10:00:00Z", "2025-11-18"),
    ("Tue, 18 Nov 2025 10:00:00 GMT", "2025-11-18"),
    ("18 November 2025", "2025-11-18"),
    ("November 18, 2025", "2025-11-18"),
    (date(2025, 11, 18), "2025-11-18"),
    (datetime(2025, 11, 18, 22, 0, tzinfo=timezone(timedelta(hours=-5))), "2025-11-18"),
    (None, None),
    ("  ", None),
])
def test_parse_published(value, expected):
    assert parse_published(value, "x.jsonl line 1") == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13-45", "18/11/2025x", 20251118])
def test_parse_published_rejects(value):
    with pytest.raises(InputError) as info:
        parse_published(value, "a.jsonl line 3")
    assert str(info.value) == f"a.jsonl line 3: field 'published' is {value!r}; expected an ISO date such as 2025-11-18"


def test_date_field_alias_is_named_in_the_error():
    with pytest.raises(InputError, match="field 'date' is 'soon'"):
        load_article({"text": "The summit ended with a joint statement on trade.", "date": "soon"})
