"""Scoring the coder against gold event data (format: README "Gold data"; the shared FORMAT.md).

A predicted event matches a gold event when its source and target country codes and its root code are among
the gold's acceptable ones and its asserted flag agrees (gold ``asserted: null`` accepts either). Matching is
one to one; identical predictions count once; a prediction that matches a ``not_events`` entry and is asserted
is a false positive, never a hit; predictions matching only optional gold events are left out of precision.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .coder import code_articles
from .errors import InputError
from .model import Article, Event
from .settings import Settings

#: International bodies written differently by different coders compare equal.
_ALIASES = {"NATO": "NAT", "UN": "UNO", "EU": "EUR", "EUU": "EUR", "EEC": "EUR"}


def country_level(code: str | None) -> str:
    """The country-level part of an actor code (first three letters), aliases folded: NATOGOV -> NAT."""
    if not code:
        return ""
    code = code.strip().upper()
    for alias, canonical in _ALIASES.items():
        if code == alias or (len(alias) == 4 and code.startswith(alias)):
            return canonical
    return code[:3]


@dataclass(frozen=True)
class Prediction:
    source: str
    target: str
    root: str
    asserted: bool
    date: str | None
    place: str | None
    event: Event | None = None

    @classmethod
    def of(cls, event: Event) -> "Prediction":
        return cls(country_level(event.source.code if event.source else None),
                   country_level(event.target.code if event.target else None), event.root, event.asserted,
                   event.date.value,  # the value, whatever its precision, as the shared score.py reads it
                   event.place.country if event.place else None, event)

    @property
    def key(self) -> tuple:
        """What makes two predictions identical, as the shared score.py reads them: the full actor codes (USAGOV
        and USA are two predictions), the root and the asserted flag."""
        event = self.event
        if event is None:
            return self.source, self.target, self.root, self.asserted
        return (event.source.code if event.source else "", event.target.code if event.target else "", self.root,
                self.asserted)


def _accepts(codes: list[str], predicted: str) -> bool:
    for code in codes or [""]:
        gold = country_level(code) if code else ""
        if gold == predicted:
            return True
    return False


def matches(pred: Prediction, gold: dict[str, Any], check_asserted: bool = True) -> bool:
    if not (_accepts(gold["source"], pred.source) and _accepts(gold.get("target") or [""], pred.target)
            and pred.root in gold["root"]):
        return False
    wanted = gold.get("asserted", True)
    return not check_asserted or wanted is None or pred.asserted == wanted


@dataclass
class ItemResult:
    id: str
    hits: list[tuple[dict, Prediction]] = field(default_factory=list)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[Prediction] = field(default_factory=list)
    forbidden: list[Prediction] = field(default_factory=list)
    neutral: int = 0


def score_item(item: dict[str, Any], events: Iterable[Event]) -> ItemResult:
    """One gold article against the events coded from it."""
    preds: list[Prediction] = []
    for event in events:
        p = Prediction.of(event)
        if all(p.key != q.key for q in preds):
            preds.append(p)
    result = ItemResult(item["id"])
    used: set[int] = set()
    for k, p in enumerate(preds):
        if p.asserted and any(matches(p, {**g, "asserted": True}) for g in item.get("not_events", [])):
            result.forbidden.append(p)
            used.add(k)
    for gold in (g for g in item["events"] if not g.get("optional")):
        k = next((k for k, p in enumerate(preds) if k not in used and matches(p, gold)), None)
        if k is None:
            result.misses.append(gold)
            continue
        used.add(k)
        result.hits.append((gold, preds[k]))
    for gold in (g for g in item["events"] if g.get("optional")):
        k = next((k for k, p in enumerate(preds) if k not in used and matches(p, gold)), None)
        if k is not None:
            used.add(k)
            result.neutral += 1
    result.false_positives = [p for k, p in enumerate(preds) if k not in used]
    return result


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def _rates(hit: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 of counts (0 where a count is 0)."""
    p = hit / n_pred if n_pred else 0.0
    r = hit / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _prf(hit: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p, r, f = _rates(hit, n_pred, n_gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "hits": hit,
            "predicted": n_pred, "gold": n_gold}


def summarize(results: list[ItemResult], items: list[dict]) -> dict[str, Any]:
    """Overall, per-root and per-QuadClass figures, date and place accuracy, and the error lists."""
    hit = sum(len(r.hits) for r in results)
    fps = [p for r in results for p in r.false_positives] + [p for r in results for p in r.forbidden]
    n_pred = hit + len(fps)
    n_gold = hit + sum(len(r.misses) for r in results)
    by_root: dict[str, Counter] = {}
    for r in results:
        for gold, _ in r.hits:
            by_root.setdefault(gold["root"][0], Counter())["hit"] += 1
        for gold in r.misses:
            by_root.setdefault(gold["root"][0], Counter())["miss"] += 1
        for p in r.false_positives + r.forbidden:
            by_root.setdefault(p.root, Counter())["fp"] += 1
    quad = {1: ("01", "02", "03", "04", "05"), 2: ("06", "07", "08"), 3: ("09", "10", "11", "12", "13"),
            4: ("14", "15", "16", "17", "18", "19", "20")}
    per_root = {root: _prf(c["hit"], c["hit"] + c["fp"], c["hit"] + c["miss"]) for root, c in sorted(by_root.items())}
    per_quad = {}
    for q, roots in quad.items():
        c = sum((by_root.get(r, Counter()) for r in roots), Counter())
        per_quad[str(q)] = _prf(c["hit"], c["hit"] + c["fp"], c["hit"] + c["miss"])
    dated = [(g, p) for r in results for g, p in r.hits if g.get("date")]
    placed = [(g, p) for r in results for g, p in r.hits if g.get("place")]
    texts = {item["id"]: item for item in items}
    per_article = {r.id: {"hits": len(r.hits), "predicted": len(r.hits) + len(r.false_positives) + len(r.forbidden),
                          "gold": len(r.hits) + len(r.misses)} for r in results}
    return {
        **_prf(hit, n_pred, n_gold),
        "intervals": intervals(per_article),
        "forbidden": sum(len(r.forbidden) for r in results),
        "date_accuracy": _ratio(sum(p.date == g["date"] for g, p in dated), len(dated)),
        "place_accuracy": _ratio(sum(country_level(p.place) == country_level(g["place"]) for g, p in placed),
                                 len(placed)),
        "per_root": per_root,
        "per_quad_class": per_quad,
        "misses": [{"id": r.id, "gold": g, "text": texts[r.id]["text"]} for r in results for g in r.misses],
        "false_positives": [{"id": r.id, "forbidden": p in r.forbidden, "source": p.source, "target": p.target,
                             "root": p.root, "code": p.event.code if p.event else None, "asserted": p.asserted,
                             "rule": p.event.rule if p.event else None,
                             "sentence": p.event.evidence.sentence if p.event else None}
                            for r in results for p in r.forbidden + r.false_positives],
        "per_article": per_article,
    }


#: Resamples of the bootstrap, and its seed: the same figures give the same interval on every run.
RESAMPLES = 1000
_SEED = 20261127


def _figures(counts: Iterable[dict[str, int]]) -> tuple[float, float, float]:
    """The rates of a set of per-article counts, pooled."""
    hit = n_pred = n_gold = 0
    for c in counts:
        hit, n_pred, n_gold = hit + c["hits"], n_pred + c["predicted"], n_gold + c["gold"]
    return _rates(hit, n_pred, n_gold)


def _samples(ids: list[str]) -> Iterable[list[str]]:
    """Bootstrap resamples of the articles: an article's events stand or fall together (one misread actor costs
    all of them), so articles, not events, are drawn."""
    rng = random.Random(_SEED)
    for _ in range(RESAMPLES):
        yield [ids[rng.randrange(len(ids))] for _ in ids]


def _percentiles(values: list[float], level: float = 0.95) -> list[float]:
    values = sorted(values)
    low = values[int((1 - level) / 2 * (len(values) - 1))]
    high = values[int((1 + level) / 2 * (len(values) - 1) + 0.5)]
    return [round(low, 4), round(high, 4)]


_NAMES = ("precision", "recall", "f1")


def intervals(per_article: dict[str, dict[str, int]]) -> dict[str, list[float]]:
    """95% bootstrap intervals of precision, recall and F1 over articles: how far the figures could move on
    another sample of news like this one (68 articles with 185 events: F1 0.76 within 0.69-0.82)."""
    ids = sorted(per_article)
    if not ids:
        return {name: [0.0, 0.0] for name in _NAMES}
    drawn = [_figures(per_article[i] for i in sample) for sample in _samples(ids)]
    return {name: _percentiles([d[k] for d in drawn]) for k, name in enumerate(_NAMES)}


def compare(report: dict[str, Any], baseline: dict[str, Any], baseline_name: str) -> dict[str, Any]:
    """How a report differs from a baseline report on the same gold file: each figure's change with a 95%
    paired bootstrap interval (both runs scored on the same resampled articles, so what the articles share
    cancels out), and the articles whose hits or predictions changed."""
    now, before = report["per_article"], baseline.get("per_article")
    if not isinstance(before, dict):
        raise InputError(baseline_name, "is not a report with per-article figures; write one with "
                                        "'realpolitik eval GOLD --report FILE'")
    if set(before) != set(now):
        missing = sorted(set(now) ^ set(before))
        raise InputError(baseline_name, f"scores other articles than this gold file ({', '.join(missing[:5])}); "
                                        "compare reports of the same gold file")
    changed_gold = [i for i in sorted(now) if before[i].get("gold") != now[i]["gold"]]
    if changed_gold:
        raise InputError(baseline_name, f"was scored on another version of the gold file (gold events of "
                                        f"{', '.join(changed_gold[:5])} differ); compare reports of the same file")
    ids = sorted(now)
    deltas = [[b - a for a, b in zip(_figures(before[i] for i in sample), _figures(now[i] for i in sample))]
              for sample in _samples(ids)]
    was, got = _figures(before.values()), _figures(now.values())
    figures = {name: {"baseline": round(was[k], 4), "now": round(got[k], 4), "change": round(got[k] - was[k], 4),
                      "interval": _percentiles([d[k] for d in deltas])} for k, name in enumerate(_NAMES)}
    articles = [{"id": i, "hits": [before[i]["hits"], now[i]["hits"]],
                 "predicted": [before[i]["predicted"], now[i]["predicted"]]}
                for i in ids if (before[i]["hits"], before[i]["predicted"]) != (now[i]["hits"], now[i]["predicted"])]
    return {**figures, "changed_articles": articles}


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Read a gold JSON Lines file, naming the line of any malformed record."""
    items = []
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read gold file ({exc})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path} line {number}", f"not JSON ({exc.msg})") from None
        missing = [k for k in ("id", "text", "events") if k not in item]
        if missing:
            raise InputError(f"{path} line {number}", f"gold record lacks {', '.join(missing)}")
        items.append(item)
    return items


def evaluate(items: list[dict[str, Any]], *, settings: Settings | None = None) -> dict[str, Any]:
    """Code every gold article in one process (the pipeline loaded once) and score the result."""
    articles = [Article.create(item["text"], published=item.get("published"), source=item.get("source"),
                               origin=item["id"]) for item in items]
    coded = {c.article.origin: c.events for c in code_articles(articles, settings=settings)}
    results = [score_item(item, coded.get(item["id"], ())) for item in items]
    return summarize(results, items)
