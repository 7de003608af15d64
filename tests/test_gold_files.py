"""Validate the project's own gold event files (gold/tune.jsonl, gold/heldout.jsonl).

The gold files are hand-written; these checks keep them machine-readable by `realpolitik eval` and
by ../shared/eval/score.py, keep the split rule honest, and hold the coverage promised in gold/README.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

GOLD = Path(__file__).resolve().parents[1] / "gold"
FILES = {"tune": GOLD / "tune.jsonl", "held": GOLD / "heldout.jsonl"}
DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev.jsonl"

IGOS = {"UNO", "NAT", "NATO", "EUR"}
ROOTS = {f"{n:02d}" for n in range(1, 21)}
CERTAINTIES = ("confirmed", "asserted", "reported", "unconfirmed", "denied", "hypothetical", "planned", "negated")
ASSERTED = {"confirmed", "asserted", "reported"}
ARTICLE_KEYS = {"id", "published", "source", "text", "events", "not_events"}
EVENT_KEYS = {"source", "target", "root", "code", "date", "place", "asserted", "certainty", "attribution", "optional"}
EVENT_REQUIRED = {"source", "target", "root", "asserted", "certainty"}
NOT_EVENT_KEYS = {"source", "target", "root", "code"}
FUTURE_OK = {"planned", "hypothetical"}


def load(path: Path) -> list[dict]:
    """Read one JSONL file; a bad line fails naming the file and line."""
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                pytest.fail(f"{path.name}:{number}: not JSON ({exc})")
    return records


@pytest.fixture(scope="module")
def gold() -> dict[str, list[dict]]:
    return {name: load(path) for name, path in FILES.items()}


def all_records(gold):
    return gold["tune"] + gold["held"]


def is_actor(code: str) -> bool:
    return code in IGOS or (re.fullmatch(r"[A-Z]{3}", code) is not None and pycountry.countries.get(alpha_3=code) is not None)


def iso(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"not an ISO date: {value!r}"
    return dt.date.fromisoformat(value)


def check_actors(where: str, event: dict) -> None:
    for side in ("source", "target"):
        codes = event[side]
        assert isinstance(codes, list) and codes, f"{where}: {side} must be a non-empty list"
        for code in codes:
            if side == "target" and code == "":
                continue
            assert is_actor(code), f"{where}: {side} code {code!r} is neither ISO alpha-3 nor UNO/NAT/EUR"


def check_roots(where: str, event: dict) -> None:
    roots = event["root"]
    assert isinstance(roots, list) and roots, f"{where}: root must be a non-empty list"
    assert len(set(roots)) == len(roots), f"{where}: repeated root in {roots}"
    assert set(roots) <= ROOTS, f"{where}: roots {roots} outside 01-20"
    for code in event.get("code", []):
        assert re.fullmatch(r"\d{3,4}", code), f"{where}: code {code!r} is not 3-4 digits"
        assert code[:2] in roots, f"{where}: code {code} does not belong to roots {roots}"


def check_event(where: str, event: dict, published: dt.date) -> None:
    assert EVENT_REQUIRED <= event.keys() <= EVENT_KEYS, f"{where}: keys {sorted(event)}"
    check_actors(where, event)
    check_roots(where, event)
    certainty = event["certainty"]
    assert certainty in CERTAINTIES, f"{where}: unknown certainty {certainty!r}"
    assert event["asserted"] is (certainty in ASSERTED), f"{where}: asserted disagrees with certainty {certainty}"
    if "date" in event:
        when = iso(event["date"])
        assert dt.date(1945, 1, 1) <= when, f"{where}: implausible date {when}"
        if certainty not in FUTURE_OK:
            assert when <= published, f"{where}: {certainty} event dated {when} after publication {published}"
    if "place" in event:
        assert is_actor(event["place"]) and event["place"] not in IGOS, f"{where}: bad place {event['place']!r}"
    if "optional" in event:
        assert event["optional"] is True, f"{where}: optional must be true when present"
    if "attribution" in event:
        attribution = event["attribution"]
        assert set(attribution) == {"speaker", "anonymous", "outlet"}, f"{where}: attribution keys {sorted(attribution)}"
        assert isinstance(attribution["speaker"], str) and attribution["speaker"], f"{where}: empty speaker"
        assert isinstance(attribution["anonymous"], bool), f"{where}: anonymous must be a bool"
        assert attribution["outlet"] is None or isinstance(attribution["outlet"], str), f"{where}: bad outlet"


def overlaps(a: dict, b: dict) -> bool:
    return all(set(a[key]) & set(b[key]) for key in ("source", "target", "root"))


@pytest.mark.parametrize("name", sorted(FILES))
def test_records_follow_the_format(gold, name):
    records = gold[name]
    assert records, f"{FILES[name].name} is empty"
    for number, record in enumerate(records, start=1):
        assert set(record) == ARTICLE_KEYS, f"{FILES[name].name}:{number}: keys {sorted(record)}"
        where = record["id"]
        assert where == f"{name}-{number:03d}", f"{FILES[name].name}:{number}: id {where!r} out of sequence"
        published = iso(record["published"])
        assert dt.date(2015, 1, 1) <= published <= dt.date(2025, 12, 31), f"{where}: published {published}"
        assert isinstance(record["source"], str) and record["source"].strip(), f"{where}: empty source outlet"
        assert isinstance(record["text"], str) and 40 <= len(record["text"]) <= 800, f"{where}: text length"
        assert record["events"], f"{where}: no gold events"
        for k, event in enumerate(record["events"]):
            check_event(f"{where} event {k}", event, published)
        for k, bad in enumerate(record["not_events"]):
            assert {"source", "target", "root"} <= bad.keys() <= NOT_EVENT_KEYS, f"{where} not_event {k}: keys"
            check_actors(f"{where} not_event {k}", bad)
            check_roots(f"{where} not_event {k}", bad)


def test_not_events_never_forbid_an_asserted_gold_event(gold):
    """A not_event that matches an asserted gold event would turn a correct prediction into a false positive."""
    for record in all_records(gold):
        for bad in record["not_events"]:
            for event in record["events"]:
                assert not (event["asserted"] and overlaps(bad, event)), f"{record['id']}: {bad} clashes with {event}"


def test_required_events_are_distinguishable(gold):
    """The scorer counts identical predictions once, so two required events must never be identical."""
    for record in all_records(gold):
        keys = [
            (tuple(sorted(e["source"])), tuple(sorted(e["target"])), tuple(sorted(e["root"])), e["asserted"])
            for e in record["events"]
            if not e.get("optional")
        ]
        assert len(keys) == len(set(keys)), f"{record['id']}: duplicate required events"


def split_of(text: str) -> str:
    """The documented rule: the SHA-256 digest of the UTF-8 text, read as an integer, even -> tune, odd -> held."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "held"


def test_split_follows_the_documented_rule(gold):
    """Each article's side depends only on its own text, never on its topic or on the other articles."""
    for record in all_records(gold):
        expected = split_of(record["text"])
        assert record["id"].startswith(expected + "-"), f"{record['id']} belongs in {expected}"


def test_texts_are_unique_and_new(gold):
    texts = [r["text"] for r in all_records(gold)]
    assert len(texts) == len(set(texts)), "an article appears twice"
    if DEV.exists():
        dev_texts = {json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()}
        assert not dev_texts & set(texts), "a dev example was reused"


def test_volume_and_balance(gold):
    records = all_records(gold)
    events = [e for r in records for e in r["events"]]
    required = [e for e in events if not e.get("optional")]
    assert 110 <= len(records) <= 140, f"{len(records)} articles"
    assert 0.4 <= len(gold["tune"]) / len(records) <= 0.6, "split is far from 50/50"
    assert len(events) >= 170 and len(required) >= 170, f"{len(events)} events, {len(required)} required"


def test_every_root_has_at_least_four_events(gold):
    """Counted by each event's first (preferred) root, so a long list of alternatives cannot pad coverage."""
    counts = Counter(e["root"][0] for r in all_records(gold) for e in r["events"])
    thin = {root: counts[root] for root in sorted(ROOTS) if counts[root] < 4}
    assert not thin, f"roots with fewer than 4 events: {thin}"


def test_every_certainty_appears_at_least_five_times(gold):
    counts = Counter(e["certainty"] for r in all_records(gold) for e in r["events"])
    thin = {c: counts[c] for c in CERTAINTIES if counts[c] < 5}
    assert not thin, f"certainty values with fewer than 5 events: {thin}"


def test_conventions_are_represented(gold):
    """The files must exercise the conventions listed in gold/README.md, not just the easy cases."""
    records = all_records(gold)
    events = [e for r in records for e in r["events"]]
    assert sum(1 for e in events if set(e["source"]) & set(e["target"])) >= 10, "domestic events"
    assert sum(1 for e in events if e["target"] == [""] or "" in e["target"]) >= 5, "target-less events"
    assert sum(1 for r in records if r["not_events"]) >= 60, "not_events"
    assert sum(1 for e in events if e.get("optional")) >= 30, "optional events"
    assert sum(1 for e in events if "attribution" in e) >= 40, "attributed events"
    reciprocal = 0
    for r in records:
        pairs = {(tuple(e["source"]), tuple(e["target"]), e["root"][0]) for e in r["events"]}
        reciprocal += sum(1 for s, t, root in pairs if (t, s, root) in pairs and s != t)
    assert reciprocal >= 20, "reciprocal event pairs"
