"""The event lexicon: the shipped files load and validate, a user's file layers on top, and a bad row is refused
with its file and line."""

from __future__ import annotations

import pytest

from realpolitik.errors import KnowledgeError
from realpolitik.knowledge.lexicon import load_lexicon

HEADER = "id\tcode\tpos\tlemma\tobject\ttarget\tflags\n"


def _user_file(tmp_path, *rows: str):
    path = tmp_path / "my_verbs.tsv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return str(path)


def test_the_shipped_lexicon_loads_with_valid_codes():
    lexicon = load_lexicon()
    assert len(lexicon.patterns) > 200
    assert all(p.code is None or p.code.isdigit() for p in lexicon.patterns)
    assert lexicon.get("v.attack").code == "190"


def test_a_negated_class_excludes_each_of_its_words():
    # "hit back at the sanctions" is no attack: the attack entry rules out every word of @sanctions
    lexicon = load_lexicon()
    assert lexicon.classes["sanctions"] <= lexicon.get("v.attack").excluded
    assert not lexicon.classes["sanctions"] & lexicon.get("v.attack").objects


def test_a_user_entry_replaces_ours_and_adds_its_own(tmp_path):
    path = _user_file(tmp_path, "v.attack\t195\tverb\tbomb\t-\tdobj\t-",
                      "v.my.snub\t128\tverb\tsnub\t!@sanctions\tdobj\t-")
    lexicon = load_lexicon((path,))
    assert lexicon.get("v.attack").code == "195" and lexicon.get("v.attack").forms == (("bomb",),)
    assert lexicon.get("v.my.snub").excluded == lexicon.classes["sanctions"]


def test_a_subject_condition_takes_each_word_of_its_class(tmp_path):
    # "rescue teams arrived": the condition is on the subject of a verb with no object
    path = _user_file(tmp_path, "v.my.arrive.aid\t073\tverb\tarrive\tsubj:@humanitarian|subj:medic\tin\t-",
                      "v.my.welcome\t043\tverb\twelcome\tent:person\tdobj\t-")
    lexicon = load_lexicon((path,))
    objects = lexicon.get("v.my.arrive.aid").objects
    assert {f"subj:{w}" for w in lexicon.classes["humanitarian"]} | {"subj:medic"} == objects
    assert lexicon.get("v.my.welcome").objects == {"ent:person"}


def test_a_purpose_condition_keeps_its_prefix(tmp_path):
    # "gave him 48 hours to leave": the condition is on the infinitive that says what the time is for
    path = _user_file(tmp_path, "v.my.deadline\t174\tverb\tgive\tto:leave|to:@troops\tiobj\t-")
    objects = load_lexicon((path,)).get("v.my.deadline").objects
    assert "to:leave" in objects and "leave" not in objects
    assert {f"to:{w}" for w in load_lexicon((path,)).classes["troops"]} <= objects


@pytest.mark.parametrize("row, problem", [
    ("v.bad\t999\tverb\tfoo\t-\tdobj\t-", "999"),
    ("v.bad\t190\tverb\tfoo\t@nosuchclass\tdobj\t-", "nosuchclass"),
    ("v.bad\t190\tverb\tfoo\tsubj:@nosuchclass\tdobj\t-", "nosuchclass"),
    ("v.bad\t190\tverb\tfoo\t-\tunder\t-", "under"),
])
def test_a_bad_row_is_refused_with_file_and_line(tmp_path, row, problem):
    path = _user_file(tmp_path, row)
    with pytest.raises(KnowledgeError) as caught:
        load_lexicon((path,))
    message = str(caught.value)
    assert "my_verbs.tsv" in message and "line 2" in message and problem in message
