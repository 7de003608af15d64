"""Framing verbs: the CAMEO code an intent, appeal, demand, threat or refusal takes from what it frames.

CAMEO codes "X agreed to hold talks" as intent (03), not as the talks; "X urged Y to withdraw" as an appeal (02)
for the yielding it asks for; "X warned it would strike" as a threat (13). The framed event decides the
sub-category, so the mapping goes from the framed event's root to the framing family's code.
"""

from __future__ import annotations

#: framing family -> {root (or full code) of the framed event -> code}; "*" is the family's general code. A full
#: code overrides its root: offering to mediate is intent to mediate (039), urging a party to mediate asks it to (028).
_FAMILIES: dict[str, dict[str, str]] = {
    "intent": {"01": "030", "02": "030", "03": "030", "04": "036", "05": "032", "06": "031", "07": "033",
               "08": "035", "09": "030", "045": "039", "*": "030"},
    "appeal": {"03": "020", "04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "045": "028", "*": "020"},
    "demand": {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "*": "100"},
    "threat": {"16": "131", "17": "137", "15": "138", "18": "138", "19": "138", "20": "138", "*": "130"},
    "ultimatum": {"*": "139"},  # "gave Hamas until Saturday to free the hostages": do this, or else
    "reject": {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "*": "120"},
    "cease": {"05": "161", "06": "162", "07": "162", "*": "160"},  # "no longer recognises", "no longer supplies"
}
#: Intent to do harm is a threat, whichever verb voiced it ("vowed to retaliate"); the coder keeps harm being
#: prepared ("preparing sanctions") as the planned act itself.
CONFLICT_ROOTS = frozenset({"13", "15", "16", "17", "18", "19", "20"})


def framed_code(family: str, framed: str) -> str:
    """The code of a framing event from the code (or only the root) of the event it frames."""
    if family == "intent" and framed[:2] in CONFLICT_ROOTS:
        family = "threat"
    table = _FAMILIES[family]
    return table.get(framed, table.get(framed[:2], table["*"]))


#: Families whose verb replaces the framed event; speech and denial only report or dispute it ("cease" is no
#: verb's family: "no longer" says it of the event itself).
ABSORBING = frozenset(_FAMILIES) - {"cease"}
