"""Claims as records: extraction, links between claims, the store, corroboration and the CLI."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.analysis.corroboration import corroborate, corroboration, query_claims
from realpolitik.cli import cli
from realpolitik.coder import code_articles
from realpolitik.errors import InputError
from realpolitik.model import Article
from realpolitik.store import EventFilter, Store
from realpolitik.store.schema import CLAIM_COLUMNS

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "article.txt"

TEXTS = {
    "dismissed": "Russian officials said Ukraine attacked a Russian oil refinery. Western analysts dismissed the "
                 "claims as propaganda.",
    "withheld": "The Kremlin refused to confirm reports of a meeting between Russia and Saudi Arabia in Riyadh. "
                "Al Jazeera broke the news on Sunday, citing unnamed sources.",
    "parenthetical": "The talks, officials said, focused on Gaza.",
}


@pytest.fixture(scope="module")
def coded():
    articles = [Article.create(text, published="2025-11-18", origin=key) for key, text in TEXTS.items()]
    articles.append(Article.create(SEED.read_text(encoding="utf-8"), published="2025-11-18", origin="seed"))
    return {c.article.origin: c for c in code_articles(articles)}


def by_speaker(claims, words):
    found = [c for c in claims if c.speaker and words in c.speaker]
    assert found, f"no claim by {words}: {[c.speaker for c in claims]}"
    return found[0]


def test_seed_russian_claim_is_disputed_by_western_analysts(coded):
    claims = coded["seed"].claims
    russian = by_speaker(claims, "Russian officials")
    analysts = by_speaker(claims, "Western analysts")
    assert russian.speaker_code == "RUSGOV" and "UKR" in russian.about
    assert analysts.stance == "disputes" and analysts.target_claim_id == russian.id
    assert "RUS" in analysts.about
    accusation = next(e for e in coded["seed"].events if e.id == russian.event_id)
    assert accusation.root == "11"


def test_seed_claim_spans_point_into_the_article(coded):
    text = coded["seed"].article.text
    for claim in coded["seed"].claims:
        assert text[claim.start:claim.end] == claim.text
        assert claim.id.startswith("c-") and claim.article_id == coded["seed"].article.id


def test_seed_kremlin_officials_speak_to_the_phone_call(coded):
    kremlin = by_speaker(coded["seed"].claims, "Kremlin officials")
    call = next(e for e in coded["seed"].events if e.id == kremlin.event_id)
    assert call.code == "041" and kremlin.cue == "according to" and "IRN" in kremlin.about


def test_seed_unnamed_sources_claim_and_the_ministrys_neutral_answer(coded):
    claims = coded["seed"].claims
    sources = by_speaker(claims, "unnamed sources")
    assert sources.anonymous and sources.cue == "citing" and sources.text.startswith("reports of a potential")
    assert {"RUS", "USA", "TUR"} <= set(sources.about)
    ministry = by_speaker(claims, "Foreign Ministry")
    assert ministry.stance == "neutral" and ministry.target_claim_id == sources.id
    assert ministry.cue == "refuse to confirm or deny"


def test_active_dismissal_disputes_the_previous_claim(coded):
    claims = coded["dismissed"].claims
    said = by_speaker(claims, "Russian officials")
    dismissed = by_speaker(claims, "Western analysts")
    assert said.stance == "supports" and said.event_id is not None
    assert (dismissed.stance, dismissed.target_claim_id) == ("disputes", said.id)


def test_parenthetical_speaker_is_anonymous_when_unnamed(coded):
    claim = by_speaker(coded["parenthetical"].claims, "officials")
    assert claim.anonymous and claim.cue == "say" and "Gaza" in claim.text


def test_withheld_confirmation_is_neutral_toward_the_report(coded):
    claims = coded["withheld"].claims
    report = by_speaker(claims, "unnamed sources")
    kremlin = by_speaker(claims, "Kremlin")
    assert report.event_id is not None and report.stance == "supports"
    assert kremlin.stance == "neutral" and kremlin.target_claim_id == report.id


# -- store, corroboration and the CLI -------------------------------------------------------------------------

def rows(claims):
    """Claim dicts limited to the store's claim columns."""
    return [{k: v for k, v in c.to_dict().items() if k in CLAIM_COLUMNS} for c in claims]


@pytest.fixture
def db(tmp_path, coded):
    path = tmp_path / "rp.duckdb"
    with Store(path) as store:
        for c in coded.values():
            store.write([c.article], c.events)
            store.write_claims(rows(c.claims))
    return path


def test_claims_query_by_actor_and_stance(db):
    with Store(db, read_only=True) as store:
        about_rus = query_claims(store, about="RUS", limit=None)
        disputes = query_claims(store, about="RUS", stance="disputes", limit=None)
        with pytest.raises(InputError):
            query_claims(store, stance="maybe")
    assert any(r["speaker"] == "Russian officials" for r in about_rus)
    assert disputes and all(r["stance"] == "disputes" for r in disputes)
    assert all(any(code.startswith("RUS") for code in r["about"]) for r in about_rus)


def test_cli_claims_json_and_events_by_certainty(db):
    runner = CliRunner()
    out = runner.invoke(cli, ["claims", "--db", str(db), "--about", "RUS", "--json"])
    assert out.exit_code == 0, out.output
    speakers = {json.loads(line)["speaker"] for line in out.output.splitlines()}
    assert "Russian officials" in speakers and "many Western analysts" in speakers
    table = runner.invoke(cli, ["claims", "--db", str(db), "--speaker", "analysts"])
    assert table.exit_code == 0 and "disputes" in table.output
    events = runner.invoke(cli, ["events", "--db", str(db), "--certainty", "unconfirmed", "--json"])
    assert events.exit_code == 0
    found = [json.loads(line) for line in events.output.splitlines()]
    assert found and all(e["certainty"] == "unconfirmed" and not e["asserted"] for e in found)


def test_corroboration_raises_certainty_with_two_outlets_only(tmp_path, coded):
    narrated = coded["seed"]
    visit = [e for e in narrated.events if e.code == "042"]
    assert visit and visit[0].certainty == "asserted"
    first = replace(narrated.article, source="Outlet One")
    second_article = Article.create(narrated.article.text + "\n\nUpdated.", published="2025-11-18",
                                    source="Outlet Two")
    with Store(tmp_path / "c.duckdb") as store:
        store.write([first], narrated.events)
        assert corroborate(store) == 0  # one outlet: nothing rises
        again = list(code_articles([second_article]))[0]
        store.write([second_article], again.events)
        raised = corroborate(store)
        assert raised > 0
        confirmed = store.query_events(EventFilter(certainty="confirmed", limit=None))
        assert {e["code"] for e in confirmed} >= {"042"}
        # the trilateral meeting stays unconfirmed: both outlets carry only unnamed sources via Al Arabiya
        unconfirmed = store.query_events(EventFilter(certainty="unconfirmed", limit=None))
        assert unconfirmed and all(e["attribution"]["outlet"] == "Al Arabiya TV channel" for e in unconfirmed)
        info = corroboration(store, limit=None)
    top = info[0]
    assert top["articles"] == 2 and top["outlets"] == 2 and top["denials"] == 0


def test_corroboration_is_blocked_by_a_denial(tmp_path, coded):
    said = coded["dismissed"]
    events = [e for e in said.events if e.root == "19"]
    assert events
    other = Article.create("Second report.", published="2025-11-18", source="Outlet Two")
    denied = [replace(e, id=e.id + "-d", article_id=other.id, modality="denied", certainty="denied",
                      evidence=replace(e.evidence, article_id=other.id)) for e in events]
    third = Article.create("Third report.", published="2025-11-18", source="Outlet Three")
    repeated = [replace(e, id=e.id + "-r", article_id=third.id, evidence=replace(e.evidence, article_id=third.id))
                for e in events]
    with Store(tmp_path / "d.duckdb") as store:
        store.write([replace(said.article, source="Outlet One"), other, third], events + denied + repeated)
        assert corroborate(store) == 0
        info = corroboration(store, limit=None)
    assert info[0]["denials"] == 1 and info[0]["outlets"] == 2
