"""Commands about quality and knowledge: ``eval`` (score on gold data) and ``knowledge check``."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from ..errors import InputError
from ..evaluate import compare, evaluate, read_gold
from ..settings import Settings
from .options import friendly_errors, settings_options


def _fmt(value) -> str:
    return "n/a" if value is None else f"{value:.2f}"


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--report", type=click.Path(dir_okay=False), help="Write all figures and errors as JSON here.")
@click.option("--errors/--no-errors", "show_errors", default=True, show_default=True,
              help="List misses and false positives with their sentences.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False),
              help="A report of an earlier run on the same gold file: show what changed, with 95% intervals.")
@settings_options
@friendly_errors
def eval_command(gold: str, report: str | None, show_errors: bool, baseline: str | None, settings: Settings) -> None:
    """Score the coder on gold events (JSON Lines; format in the README).

    Codes each gold article against its own publication date and reports precision, recall and F1 over
    events (source and target country, root code, asserted flag), per root and per QuadClass, date and place
    accuracy of matched events, and the misses and false positives with their evidence. Each figure has a 95%
    bootstrap interval over articles; with --baseline, the change since an earlier report and its interval.

    Example:

        realpolitik eval gold/tune.jsonl --report tune.json
        realpolitik eval gold/tune.jsonl --baseline tune.json
    """
    items = read_gold(gold)
    earlier = _read_report(baseline) if baseline else None
    result = evaluate(items, settings=settings)
    if earlier is not None:
        result["comparison"] = compare(result, earlier, baseline)
    console = Console()
    console.print(f"[bold]{gold}[/bold]: {len(items)} articles, model {settings.model}")
    console.print(f"P={result['precision']:.2f} R={result['recall']:.2f} F1={result['f1']:.2f} "
                  f"date={_fmt(result['date_accuracy'])} place={_fmt(result['place_accuracy'])} "
                  f"forbidden={result['forbidden']} n_pred={result['predicted']} n_gold={result['gold']}",
                  highlight=False)
    console.print("95% intervals over articles: " + "  ".join(
        f"{name} {low:.2f}-{high:.2f}" for name, (low, high) in result["intervals"].items()), highlight=False)
    table = Table(title="per root")
    for name in ("root", "P", "R", "F1", "hits", "pred", "gold"):
        table.add_column(name, justify="right")
    for root, r in result["per_root"].items():
        table.add_row(root, _fmt(r["precision"]), _fmt(r["recall"]), _fmt(r["f1"]), str(r["hits"]),
                      str(r["predicted"]), str(r["gold"]))
    console.print(table)
    quad = "  ".join(f"Q{q}: F1={_fmt(r['f1'])} ({r['hits']}/{r['gold']})" for q, r in result["per_quad_class"].items())
    console.print(f"per QuadClass  {quad}", highlight=False)
    if show_errors:
        for miss in result["misses"]:
            g = miss["gold"]
            console.print(f"[yellow]MISS[/yellow] {miss['id']} {'/'.join(g['source'])} -> "
                          f"{'/'.join(g.get('target') or ['-'])} root {'/'.join(g['root'])} "
                          f"asserted={g.get('asserted', True)}: {miss['text'][:200]}", highlight=False)
        for fp in result["false_positives"]:
            label = "FORBIDDEN" if fp["forbidden"] else "FP"
            console.print(f"[red]{label}[/red] {fp['id']} {fp['source']} -> {fp['target'] or '-'} {fp['code']} "
                          f"asserted={fp['asserted']} rule={fp['rule']}: {fp['sentence']}", highlight=False)
    if earlier is not None:
        _print_comparison(console, result["comparison"], baseline)
    if report:
        Path(report).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")


def _read_report(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(path, f"cannot read the baseline report ({exc}); give a file written by "
                               "'realpolitik eval GOLD --report FILE'") from None
    if not isinstance(data, dict):
        raise InputError(path, "is not an eval report (a JSON object written by --report)")
    return data


def _print_comparison(console: Console, comparison: dict, baseline: str) -> None:
    """The change of each figure since the baseline; an interval that spans 0 is a change the sample cannot
    tell from chance."""
    console.print(f"[bold]since {baseline}[/bold]", highlight=False)
    for name in ("precision", "recall", "f1"):
        c = comparison[name]
        low, high = c["interval"]
        console.print(f"  {name}: {c['baseline']:.3f} -> {c['now']:.3f} ({c['change']:+.3f}; 95% interval "
                      f"{low:+.3f} to {high:+.3f})", highlight=False)
    for article in comparison["changed_articles"]:
        (h0, h1), (p0, p1) = article["hits"], article["predicted"]
        console.print(f"  {article['id']}: hits {h0} -> {h1}, predictions {p0} -> {p1}", highlight=False)


@click.group()
def knowledge() -> None:
    """Inspect and check knowledge files (actor dictionaries, lexicons)."""


@knowledge.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--kind", type=click.Choice(["actors", "verbs"]), default="actors", show_default=True)
@friendly_errors
def knowledge_check(files: tuple[str, ...], kind: str) -> None:
    """Validate user knowledge files; errors name the file, line and field.

    Example:

        realpolitik knowledge check my-actors.tsv
    """
    from ..knowledge.actors import check_actor_file
    from ..knowledge.lexicon import load_lexicon

    for path in files:
        if kind == "actors":
            count = check_actor_file(path)
        else:
            count = len(load_lexicon((path,)).patterns)
        click.echo(f"{path}: ok ({count} entries)" if isinstance(count, int) else f"{path}: ok")


COMMANDS = [eval_command, knowledge]
