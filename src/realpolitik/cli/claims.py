"""``realpolitik claims``: who said what about whom, and who disputes it, from the store."""

from __future__ import annotations

import click
from rich.console import Console
from rich.table import Table

from ..analysis.corroboration import query_claims
from ..model import STANCES
from ..store import Store
from .options import db_option, friendly_errors, write_jsonl


def claims_table(rows: list[dict], title: str | None = None) -> Table:
    """A readable table of claims (dicts in the ``Claim.to_dict`` vocabulary)."""
    table = Table(title=title, expand=False)
    for name in ("speaker", "cue", "stance", "about", "claim"):
        table.add_column(name, overflow="fold")
    for row in rows:
        speaker = row.get("speaker") or "-"
        if row.get("speaker_code"):
            speaker += f"\n{row['speaker_code']}"
        if row.get("anonymous"):
            speaker += "\nanonymous"
        stance = row["stance"] + (f"\n-> {row['target_claim_id']}" if row.get("target_claim_id") else "")
        text = row["text"]
        table.add_row(speaker, row.get("cue") or "", stance, " ".join(row.get("about") or []) or "-",
                      (text[:200] + "…") if len(text) > 200 else text)
    return table


@click.command()
@db_option()
@click.option("--about", default=None, help="Actor code or prefix the claim is about (RUS matches RUSGOV).")
@click.option("--speaker", default=None, help="Speaker code prefix or words of the speaker (\"analysts\").")
@click.option("--stance", type=click.Choice(STANCES), default=None, help="Only claims of this stance.")
@click.option("--article", "article_id", default=None, help="Only the claims of one article id.")
@click.option("--event", "event_id", default=None, help="Only the claims linked to one event id.")
@click.option("--limit", type=click.IntRange(min=0), default=100, show_default=True, help="Most rows.")
@click.option("--json", "as_json", is_flag=True, help="JSON Lines instead of a table.")
@friendly_errors
def claims(db_path: str, about: str | None, speaker: str | None, stance: str | None, article_id: str | None,
           event_id: str | None, limit: int, as_json: bool) -> None:
    """Query stored claims: speaker, words, what they are about, and the claim they support or dispute.

    Example:

        realpolitik claims --db events.duckdb --about RUS --stance disputes
    """
    with Store(db_path, read_only=True) as store:
        rows = query_claims(store, about=about, speaker=speaker, stance=stance, article_id=article_id,
                            event_id=event_id, limit=limit)
    if as_json:
        write_jsonl(rows)
    else:
        Console().print(claims_table(rows, title=f"{len(rows)} claims"))


COMMANDS = [claims]
