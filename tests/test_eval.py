"""`realpolitik eval` and the quality floors: scored on the shared dev set and the project's own gold data.

The floors are what the coder measured when they were set; raise them as it improves, never lower them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from realpolitik.cli import cli
from realpolitik.evaluate import compare, evaluate, intervals, read_gold, score_item
from realpolitik.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
# held-out 0.76 -> 0.745 when eval began to count predictions as the shared score.py does (full actor codes:
# USAGOV and USA are two predictions). The same coder scored 0.767 under the old count and 0.744 under the new
# one; after that session's rules it scores 0.750 (tune 0.913), 0.751 after the next (raised to 0.748) and 0.753
# after the one after (raised to 0.750, which one lost hit fails), 0.757 (tune 0.919) after the session of
# 2026-11-27 (raised to 0.755 and 0.915; one lost hit fails either); tune 0.922 after the next session (raised to
# 0.92); held-out 0.773 and tune 0.926 after the evening session of 2026-11-27 (raised to 0.77 and 0.925: one lost
# hit fails either); held-out 0.773 at 140 / 177 after the late-evening session (raised to 0.772); held-out 0.777
# at 141 / 178 and tune 0.933 after the small-hours session of 2026-11-28 (raised to 0.775 and 0.93: one lost hit
# fails either); held-out 0.780 at 142 / 179 after the early-morning session of 2026-11-28 (raised to 0.778: one
# lost hit, 141 / 179, scores 0.775).
FLOORS = {"dev": 0.95, "tune": 0.93, "heldout": 0.778}


@pytest.fixture(scope="module")
def dev(shared, settings):
    return evaluate(read_gold(shared / "eval" / "dev.jsonl"), settings=settings)


def test_dev_floor(dev):
    assert dev["f1"] >= FLOORS["dev"], dev["f1"]
    assert dev["forbidden"] == 0


@pytest.mark.parametrize("name", ["tune", "heldout"])
def test_own_gold_floor(name, settings):
    result = evaluate(read_gold(ROOT / "gold" / f"{name}.jsonl"), settings=settings)
    assert result["f1"] >= FLOORS[name], (name, result["f1"])
    assert set(result["per_quad_class"]) == {"1", "2", "3", "4"}


def test_eval_command_writes_report(shared, tmp_path):
    report = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["eval", str(shared / "eval" / "dev.jsonl"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "F1=" in result.output and "per root" in result.output
    data = json.loads(report.read_text())
    assert {"precision", "recall", "f1", "per_root", "per_quad_class", "date_accuracy", "place_accuracy",
            "misses", "false_positives", "intervals", "per_article"} <= set(data)


def test_intervals_hold_the_figures_and_repeat(dev):
    """The bootstrap intervals bracket the figures they belong to, have width where articles differ, and come
    out the same on every run (a seeded bootstrap)."""
    for name in ("precision", "recall", "f1"):
        low, high = dev["intervals"][name]
        assert low <= dev[name] <= high, (name, low, dev[name], high)
    assert dev["intervals"]["precision"][0] < dev["intervals"]["precision"][1]
    assert intervals(dev["per_article"]) == dev["intervals"]
    assert sum(a["hits"] for a in dev["per_article"].values()) == dev["hits"]
    same = {str(i): {"hits": 3, "predicted": 4, "gold": 5} for i in range(20)}
    assert intervals(same)["precision"] == [0.75, 0.75]


def test_compare_names_what_changed(dev):
    """A run against itself changed nothing; against a run that missed one more event, recall rose, with an
    interval that cannot fall below zero (the only change is a gain), and the article is named."""
    itself = compare(dev, dev, "dev.json")
    assert itself["f1"]["change"] == 0 and itself["f1"]["interval"] == [0.0, 0.0]
    assert itself["changed_articles"] == []
    worse = json.loads(json.dumps(dev))
    article = next(i for i, a in worse["per_article"].items() if a["hits"])
    worse["per_article"][article]["hits"] -= 1
    better = compare(dev, worse, "worse.json")
    assert better["recall"]["change"] > 0 and better["recall"]["interval"][0] >= 0
    assert [a["id"] for a in better["changed_articles"]] == [article]
    other = {**worse, "per_article": {k: v for k, v in worse["per_article"].items() if k != article}}
    with pytest.raises(InputError, match="other articles"):
        compare(dev, other, "other.json")
    with pytest.raises(InputError, match="per-article"):
        compare(dev, {"f1": 0.5}, "old.json")


def test_eval_command_compares_with_a_baseline(shared, tmp_path):
    gold = shared / "eval" / "dev.jsonl"
    report = tmp_path / "before.json"
    assert CliRunner().invoke(cli, ["eval", str(gold), "--no-errors", "--report", str(report)]).exit_code == 0
    result = CliRunner().invoke(cli, ["eval", str(gold), "--no-errors", "--baseline", str(report)])
    assert result.exit_code == 0, result.output
    assert "95% intervals" in result.output and "f1: " in result.output and "(+0.000;" in result.output
    one = tmp_path / "one.jsonl"
    one.write_text(gold.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(one), "--baseline", str(report)])
    assert result.exit_code != 0 and "before.json" in result.output and "same gold file" in result.output
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", str(one), "--baseline", str(broken)])
    assert result.exit_code != 0 and "broken.json" in result.output


def test_agrees_with_the_independent_scorer(shared, dev):
    """The shared score.py drives the CLI per article and reads fields by name: it must see what we see."""
    out = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(shared / "eval" / "dev.jsonl")],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    line = out.stdout.strip().splitlines()[-1]
    figures = dict(part.split("=") for part in line.split())
    assert abs(float(figures["F1"]) - dev["f1"]) < 0.005, (line, dev["f1"])
    assert int(figures["n_gold"]) == dev["gold"] and int(figures["n_pred"]) == dev["predicted"]


def test_scoring_rules():
    """One-to-one matching, forbidden events, optional events and swapped directions, on hand-made cases."""
    from realpolitik.model import Actor, Event, EventDate, Evidence

    def event(src, tgt, root, asserted=True):
        return Event(id=f"{src}{tgt}{root}{asserted}", article_id="a", source=Actor(src, src),
                     target=Actor(tgt, tgt) if tgt else None, code=root + "0", root=root, quad_class=1, goldstein=0.0,
                     plover="", label="", date=EventDate(None), place=None,
                     modality="asserted" if asserted else "hypothetical",
                     evidence=Evidence("a", "s", 0, 0, 1, "s"), rule="r")

    item = {"id": "x", "text": "", "events": [
        {"source": ["RUS"], "target": ["SYR"], "root": ["04"], "asserted": True},
        {"source": ["SYR"], "target": ["RUS"], "root": ["04"], "asserted": True, "optional": True}],
        "not_events": [{"source": ["RUS"], "target": ["UKR"], "root": ["19"]}]}
    result = score_item(item, [event("RUSMIL", "SYR", "04"), event("RUSMIL", "SYRGOV", "04"),
                               event("SYR", "RUS", "04"), event("RUS", "UKR", "19"),
                               event("RUS", "UKR", "19", asserted=False)])
    assert len(result.hits) == 1 and not result.misses
    assert len(result.forbidden) == 1 and result.neutral == 1
    # RUSMIL->SYRGOV is a second prediction (identical means identical codes, as the shared score.py reads it),
    # beside the unasserted strike nobody listed
    assert len(result.false_positives) == 2


def test_bad_gold_file_names_the_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        read_gold(bad)


def test_coding_does_not_depend_on_the_hash_seed(tmp_path):
    """Set iteration order changes with PYTHONHASHSEED: the events of the tuning articles must not."""
    articles = tmp_path / "tune.jsonl"
    articles.write_text("".join(json.dumps({"text": item["text"], "published": item["published"]}) + "\n"
                                for item in read_gold(ROOT / "gold" / "tune.jsonl")))
    runs = []
    for seed in ("1", "3"):  # two seeds under which a set-ordered lookup once chose different object words
        out = subprocess.run([str(Path(sys.executable).with_name("realpolitik")), "code", str(articles), "--json"],
                             capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": seed})
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(sorted(json.loads(line)["id"] for line in out.stdout.splitlines() if line.strip()))
    assert runs[0] and runs[0] == runs[1]
