"""The shipped knowledge loads, holds plausible facts, and rejects malformed files with file + line + field."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from realpolitik.errors import KnowledgeError
from realpolitik.knowledge.actors import (
    ACTOR_KINDS,
    OFFICES,
    check_actor_file,
    date_bounds,
    holds_on,
    load_actor_dictionary,
    split_code,
)
from realpolitik.knowledge.cameo import PLOVER_TYPES, load_cameo
from realpolitik.knowledge.tables import shipped_path


@pytest.fixture(scope="module")
def actors():
    return load_actor_dictionary()


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- CAMEO -----------------------------------------------------------------------------------------------------


def test_cameo_covers_every_root_with_consistent_codes():
    codes = load_cameo()
    assert len(codes) >= 250
    assert {c.root for c in codes.values()} == {f"{n:02d}" for n in range(1, 21)}
    for code in codes.values():
        assert code.plover in PLOVER_TYPES
        assert -10 <= code.goldstein <= 10
        assert code.root in codes
        if len(code.code) == 4:
            assert code.code[:3] in codes


def test_cameo_spot_checks():
    codes = load_cameo()
    visit = codes["042"]
    assert (visit.name, visit.goldstein, visit.quad_class, visit.plover) == ("Make a visit", 1.9, 1, "CONSULT")
    assert codes["190"].quad_class == 4 and codes["190"].goldstein == -10.0
    assert codes["0874"].plover == "RETREAT" and codes["0874"].goldstein == 10.0
    assert codes["163"].plover == "COERCE"
    assert codes["100"].plover == "REQUEST"
    assert codes["010"].plover == "OTHER"


def test_cameo_loading_the_shipped_file_is_cached():
    assert load_cameo() is load_cameo()


@pytest.mark.parametrize("row, field", [
    ("04\tCONSULT\t1.0\t1\tCONSULT\n042\tMake a visit\t1.9\t3\tCONSULT", "quad_class"),
    ("04\tCONSULT\t1.0\t1\tCONSULT\n042\tMake a visit\t12\t1\tCONSULT", "goldstein"),
    ("04\tCONSULT\t1.0\t1\tCONSULT\n042\tMake a visit\t1.9\t1\tVISIT", "plover"),
    ("04\tCONSULT\t1.0\t1\tCONSULT\n04x\tMake a visit\t1.9\t1\tCONSULT", "code"),
    ("04\tCONSULT\t1.0\t1\tCONSULT\n0421\tVisit abroad\t1.9\t1\tCONSULT", "code"),
    ("04\tCONSULT\t1.0\t1\tCONSULT\n04\tCONSULT\t1.0\t1\tCONSULT", "code"),
])
def test_cameo_rejects_a_bad_row_naming_file_line_and_field(tmp_path, row, field):
    path = write(tmp_path, "bad_cameo.tsv", "# test file\ncode\tname\tgoldstein\tquad_class\tplover\n" + row + "\n")
    with pytest.raises(KnowledgeError) as caught:
        load_cameo(path)
    message = str(caught.value)
    assert "bad_cameo.tsv line 4" in message
    assert f"'{field}'" in message


# --- actor dictionary: shipped files ---------------------------------------------------------------------------


def test_every_shipped_table_opens_with_a_source_comment():
    for name in ("cameo.tsv", "countries.tsv", "organizations.tsv", "roles.tsv", "people.tsv"):
        first = shipped_path(name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), name


def test_shipped_actor_files_load_with_plausible_counts(actors):
    assert len(actors.countries) >= 240
    people_rows = {(e.name, e.office, e.start) for e in actors.entries if e.kind == "person"}
    assert len(people_rows) >= 150
    assert {e.kind for e in actors.entries} == set(ACTOR_KINDS)
    assert {e.office for e in actors.entries if e.kind == "person"} == set(OFFICES)
    assert all(e.phrase.strip() for e in actors.entries)
    assert len({e.id for e in actors.entries}) == len(actors.entries)


def test_countries_cover_iso_3166_plus_kosovo(actors):
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= set(actors.countries)
    assert set(actors.countries) - iso == {"XKX"}
    for code in ("PSE", "TWN", "XKX"):
        assert actors.country(code) is not None
    turkey = actors.country("TUR")
    assert "Türkiye" in turkey.aliases and "Ankara" in turkey.capitals


@pytest.mark.parametrize("phrase, kind, code", [
    ("Turkish", "demonym", "TUR"),
    ("Russians", "demonym", "RUS"),
    ("Emirati", "demonym", "ARE"),
    ("Ivory Coast", "country_name", "CIV"),
    ("DR Congo", "country_name", "COD"),
    ("Burma", "country_name", "MMR"),
    ("U.S.", "country_name", "USA"),
    ("Britain", "country_name", "GBR"),
    ("Kyiv", "capital", "UKR"),
    ("the Kremlin", "government", "RUSGOV"),
    ("the White House", "government", "USAGOV"),
    ("Downing Street", "government", "GBRGOV"),
    ("NATO", "organization", "NAT"),
    ("U.N.", "organization", "UNO"),
    ("Security Council", "organization", "UNO"),
    ("Hezbollah", "group", "LBNREB"),
    ("Houthis", "group", "YEMREB"),
    ("ISIS", "group", "IMGINS"),
    # a body's name in either spelling, though the table writes one
    ("Collective Security Treaty Organisation", "organization", "CST"),
    ("Organisation of American States", "organization", "OAS"),
])
def test_phrases_resolve_to_their_codes(actors, phrase, kind, code):
    found = actors.lookup(phrase)
    assert [(e.kind, e.code) for e in found] == [(kind, code)]


def test_longer_role_phrase_carries_its_own_role(actors):
    index = actors.by_phrase()
    assert [e.role for e in index["defence ministry"]] == ["MIL"]
    assert [e.role for e in index["ministry"]] == ["GOV"]
    assert [e.role for e in index["foreign ministry"]] == ["GOV"]
    assert index["defence ministry"][0].kind == "role_word" and index["defence ministry"][0].code is None


def test_role_words_are_unambiguous_and_lowercase(actors):
    words = [e.phrase for e in actors.entries if e.kind == "role_word"]
    assert len(words) == len(set(words))
    assert all(w == w.lower() for w in words)
    assert actors.role_names["MIL"] == "Military"


def test_office_holders_follow_the_event_date(actors):
    assert [e.name for e in actors.people_for_office("RUS", "head_of_state", "2025-11-15")] == ["Vladimir Putin"]
    assert [e.name for e in actors.people_for_office("USA", "head_of_state", "2025-11-18")] == ["Donald Trump"]
    assert [e.name for e in actors.people_for_office("USA", "head_of_state", "2022-06-01")] == ["Joe Biden"]
    assert [e.name for e in actors.people_for_office("RUS", "defence_minister", "2023-03-01")] == ["Sergei Shoigu"]
    assert [e.name for e in actors.people_for_office("RUS", "defence_minister", "2025-01-01")] == ["Andrei Belousov"]
    assert [e.name for e in actors.people_for_office("SYR", "head_of_state", "2025-06-01")] == ["Ahmed al-Sharaa"]
    assert [e.name for e in actors.people_for_office("SYR", "defence_minister")] == ["Murhaf Abu Qasra"]
    assert [e.name for e in actors.people_for_office("USA", "foreign_minister")] == ["Marco Rubio"]


def test_a_person_entry_carries_code_office_and_dates(actors):
    hegseth = actors.lookup("Hegseth")[0]
    assert (hegseth.code, hegseth.role, hegseth.office) == ("USAMIL", "MIL", "defence_minister")
    assert "Secretary of War" in hegseth.titles
    trump = [e for e in actors.lookup("Trump") if e.office == "head_of_state"]
    assert [holds_on(e, "2025-11-18") for e in trump] == [False, True]
    assert [holds_on(e, "2022-06-01") for e in trump] == [False, False]
    yevkurov = actors.lookup("Yevkurov")[0]
    assert (yevkurov.code, yevkurov.office) == ("RUSMIL", "other")


def test_dated_groups_change_code(actors):
    taliban = actors.lookup("Taliban")
    assert [e.code for e in taliban if holds_on(e, "2019-05-01")] == ["AFGINS"]
    assert [e.code for e in taliban if holds_on(e, "2024-05-01")] == ["AFGGOV"]
    rsf = actors.lookup("Rapid Support Forces")  # a state force until it went to war with the army
    assert [e.code for e in rsf if holds_on(e, "2019-06-03")] == ["SDNMIL"]
    assert [e.code for e in rsf if holds_on(e, "2023-04-15")] == ["SDNREB"]


def test_split_code_and_dates():
    assert split_code("RUSMIL") == ("RUS", "MIL")
    assert split_code("RUS") == ("RUS", None)
    assert split_code("IMGINS") == ("IMG", "INS")
    with pytest.raises(ValueError):
        split_code("RUSMI")
    assert [str(d) for d in date_bounds("2024-02")] == ["2024-02-01", "2024-02-29"]
    with pytest.raises(ValueError):
        date_bounds("2024-13-01")


# --- user files and malformed files ----------------------------------------------------------------------------


USER_HEADER = "# my additions, from my own reading\nphrase\tcode\tname\tstart\tend\n"


def test_a_user_file_layers_its_phrase_on_top(tmp_path):
    path = write(tmp_path, "mine.tsv", USER_HEADER + "Wagnerites\tRUSUAF\tWagner Group\t2014\t2023-08\n"
                 "Turkish\tTURGOV\tTurkish government\t\t\n")
    assert check_actor_file(path) == 2
    layered = load_actor_dictionary((str(path),))
    added = layered.lookup("wagnerites")
    assert [(e.code, e.country, e.role, e.name, e.id) for e in added] == [
        ("RUSUAF", "RUS", "UAF", "Wagner Group", "mine.tsv:3")]
    assert [e.code for e in layered.lookup("Turkish")] == ["TURGOV", "TUR"]
    assert load_actor_dictionary().lookup("wagnerites") == []


@pytest.mark.parametrize("row, field", [
    ("Ruritania\tRUR\tRuritania\t\t", "code"),
    ("Ruritanian army\tRUSXYZ\tRuritania\t\t", "code"),
    ("Somebody\tRUSGOV\tSomebody\t2024-05-01\t2023-01-01", "end"),
    ("Somebody\tRUSGOV\tSomebody\tyesterday\t", "start"),
    ("\tRUSGOV\tNobody\t\t", "phrase"),
])
def test_a_malformed_user_file_names_file_line_and_field(tmp_path, row, field):
    path = write(tmp_path, "broken.tsv", USER_HEADER + row + "\n")
    with pytest.raises(KnowledgeError) as caught:
        check_actor_file(path)
    message = str(caught.value)
    assert "broken.tsv line 3" in message
    assert f"'{field}'" in message


def test_a_user_file_without_the_required_columns_is_rejected(tmp_path):
    path = write(tmp_path, "headless.tsv", "# notes\nphrase\tname\nPutin\tVladimir Putin\n")
    with pytest.raises(KnowledgeError, match="headless.tsv line 2: header lacks column"):
        check_actor_file(path)


def test_a_missing_user_file_is_named(tmp_path):
    with pytest.raises(KnowledgeError, match="nowhere.tsv: file not found"):
        load_actor_dictionary((str(tmp_path / "nowhere.tsv"),))


def test_a_malformed_people_row_is_rejected_by_field(tmp_path, actors):
    from realpolitik.knowledge.actors import _read_people

    header = "# test\nname\taliases\tcountry\trole\toffice\ttitles\tstart\tend\n"
    cases = {
        "Nobody\t\tRUR\tGOV\thead_of_state\tPresident\t2020-01-01\t": "country",
        "Nobody\t\tRUS\tXYZ\thead_of_state\tPresident\t2020-01-01\t": "role",
        "Nobody\t\tRUS\tGOV\tking\tKing\t2020-01-01\t": "office",
        "Nobody\t\tRUS\tGOV\thead_of_state\tPresident\t\t": "start",
    }
    for row, field in cases.items():
        path = write(tmp_path, "people_bad.tsv", header + row + "\n")
        with pytest.raises(KnowledgeError) as caught:
            _read_people(path, actors)
        assert "people_bad.tsv line 3" in str(caught.value) and f"'{field}'" in str(caught.value)
    repeated = "Somebody\t\tRUS\tGOV\tother\tAide\t2020-01-01\t\n"
    path = write(tmp_path, "people_twice.tsv", header + repeated + repeated)
    with pytest.raises(KnowledgeError, match="people_twice.tsv line 4: field 'name'"):
        _read_people(path, actors)
