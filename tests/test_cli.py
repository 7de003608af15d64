"""The CLI end to end on real files: code, ingest into a real DuckDB file, query, bad input, help."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from realpolitik.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def test_code_json_lines(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Egypt hosted talks between Sudan and South Sudan in Cairo on Monday.", encoding="utf-8")
    result = run("code", str(article), "--published", "2025-11-18", "--json")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["evidence"]["article_id"] == rows[0]["article_id"] for r in rows)
    assert {(r["source"]["code"][:3], r["target"]["code"][:3]) for r in rows if r["root"] == "04"} >= {
        ("SDN", "SSD"), ("SSD", "SDN")}
    assert all(r["date"] == "2025-11-17" for r in rows)


def test_code_table_and_stdin():
    result = run("code", "-", "--published", "2025-11-18",
                 input="Chile and Peru signed a fisheries agreement in Lima on Monday.")
    assert result.exit_code == 0
    assert "057" in result.stdout and "CHL" in result.stdout and "PER" in result.stdout


def test_ingest_is_idempotent_and_queryable(tmp_path):
    db = tmp_path / "events.duckdb"
    first = run("ingest", str(EXAMPLES), "--db", str(db), "--no-progress")
    assert first.exit_code == 0, first.output
    con = duckdb.connect(str(db), read_only=True)
    counts = [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "claims")]
    con.close()
    assert counts[0] == 5 and counts[1] > 15  # two .txt, one .json, two lines of .jsonl
    again = run("ingest", str(EXAMPLES), "--db", str(db), "--no-progress")
    assert "0 new" in again.stderr
    con = duckdb.connect(str(db), read_only=True)
    assert [con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "events", "claims")] == counts
    con.close()
    rows = [json.loads(line) for line in run("events", "--db", str(db), "--actor", "RUS", "--json").stdout.splitlines()]
    assert rows and all("RUS" in (r["source"]["code"][:3], (r["target"] or {}).get("code", "")[:3]) for r in rows)
    coded = run("events", "--db", str(db), "--code", "04", "--since", "2025-07-01", "--json").stdout.splitlines()
    assert coded and all(json.loads(r)["code"].startswith("04") and json.loads(r)["date"] >= "2025-07-01"
                         for r in coded)


def test_bad_input_is_reported_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Kenya and Ethiopia signed a border agreement in Nairobi on Monday.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "latin.txt").write_bytes("Le président a visité Genève.".encode("latin-1") * 5)
    (tmp_path / "bad.jsonl").write_text('{"text": "Ghana and Togo held talks in Accra on Monday."}\n{not json\n',
                                        encoding="utf-8")
    (tmp_path / "french.txt").write_text("Le gouvernement français a annoncé lundi de nouvelles mesures pour "
                                         "soutenir les agriculteurs touchés par la sécheresse dans le sud du pays.",
                                         encoding="utf-8")
    db = tmp_path / "store.duckdb"
    result = run("ingest", str(tmp_path), "--db", str(db), "--published", "2025-11-18", "--no-progress")
    assert result.exit_code == 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 5, result.stderr
    for name in ("empty.txt", "binary.txt", "latin.txt", "bad.jsonl line 2", "french.txt"):
        assert any(name in line for line in errors), (name, errors)
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 5
    con.close()
    again = run("ingest", str(tmp_path), "--db", str(db), "--published", "2025-11-18", "--no-progress")
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM rejects").fetchone()[0] == 5
    con.close()
    assert again.exit_code == 0


def test_all_bad_exits_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    result = run("code", str(tmp_path / "empty.txt"))
    assert result.exit_code == 1 and "empty.txt" in result.stderr


def test_bad_published_is_a_clear_error(tmp_path):
    (tmp_path / "a.txt").write_text("Chile and Peru signed a fisheries agreement in Lima.", encoding="utf-8")
    result = run("code", str(tmp_path / "a.txt"), "--published", "yesterday")
    assert result.exit_code != 0 and "yesterday" in result.output and "Traceback" not in result.output


def _commands(group, prefix=""):
    for name in group.list_commands(None):
        command = group.get_command(None, name)
        yield prefix + name, command
        if hasattr(command, "commands"):
            yield from _commands(command, prefix + name + " ")


@pytest.mark.parametrize("name,command", list(_commands(cli)), ids=[n for n, _ in _commands(cli)])
def test_every_command_has_help_with_example_and_is_documented(name, command):
    assert command.help and len(command.help) > 20
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert re.search(rf"realpolitik {re.escape(name)}\b", readme), f"README does not show `realpolitik {name}`"
    if not hasattr(command, "commands"):
        assert "Example" in command.help


def test_ingest_with_two_processes_stores_the_same(tmp_path):
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run("ingest", str(EXAMPLES), "--db", str(one), "--no-progress").exit_code == 0
    result = run("ingest", str(EXAMPLES), "--db", str(two), "--no-progress", "--processes", "2")
    assert result.exit_code == 0, result.output

    def contents(path):
        con = duckdb.connect(str(path), read_only=True)
        rows = {t: sorted(r[0] for r in con.execute(f"SELECT id FROM {t}").fetchall())
                for t in ("articles", "events", "claims")}
        con.close()
        return rows

    assert contents(one) == contents(two) and contents(one)["events"]


def test_errors_survive_pickling():
    import pickle

    from realpolitik.errors import InputError, KnowledgeError

    err = pickle.loads(pickle.dumps(InputError("a.txt", "empty", "add text")))
    assert str(err) == "a.txt: empty; add text" and err.origin == "a.txt"
    kerr = pickle.loads(pickle.dumps(KnowledgeError("verbs.tsv", 3, "bad code")))
    assert str(kerr) == "verbs.tsv line 3: bad code" and kerr.line == 3


def test_every_command_is_found_where_the_lazy_group_looks():
    import importlib

    from realpolitik.cli.app import COMMAND_MODULES

    for module_name in set(COMMAND_MODULES.values()):
        module = importlib.import_module(f"realpolitik.cli.{module_name}")
        names = {command.name for command in module.COMMANDS}
        assert names == {name for name, where in COMMAND_MODULES.items() if where == module_name}
    assert cli.get_command(None, "ingest").name == "ingest" and cli.get_command(None, "nonsense") is None
