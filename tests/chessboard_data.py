"""Hand-built articles and events for the store, analysis and export tests (no spaCy: the coder's output is
constructed directly, with the values it would give)."""

from __future__ import annotations

from realpolitik.model import Actor, Article, Attribution, Event, EventDate, Evidence, Place, make_id

COUNTRY_NAMES = {"RUS": "Russia", "SYR": "Syria", "TUR": "Turkey", "USA": "United States", "IRN": "Iran",
                 "UKR": "Ukraine", "ISR": "Israel"}

#: code -> (label, quad_class, goldstein, plover)
CODES = {
    "040": ("Consult, not specified below", 1, 1.0, "CONSULT"),
    "042": ("Make a visit", 1, 1.9, "CONSULT"),
    "043": ("Host a visit", 1, 2.8, "CONSULT"),
    "057": ("Sign formal agreement", 2, 8.0, "AGREE"),
    "061": ("Cooperate economically", 2, 6.4, "COOPERATE"),
    "112": ("Accuse, not specified below", 3, -2.0, "ACCUSE"),
    "172": ("Impose administrative sanctions", 4, -5.0, "SANCTION"),
    "190": ("Use conventional military force, not specified below", 4, -10.0, "ASSAULT"),
}

MOSCOW = Place("Moscow", "RUS", 55.7558, 37.6173, "city", 524901)
DAMASCUS = Place("Damascus", "SYR", 33.5102, 36.2913, "city", 170654)
IDLIB = Place("Idlib", "SYR", 35.9306, 36.6339, "city", 169388)


def actor(code: str, name: str | None = None) -> Actor:
    """A country-level actor plus role, as the actor stage resolves it (``RUSGOV`` -> RUS, GOV)."""
    country = code[:3]
    return Actor(code=code, name=name or COUNTRY_NAMES.get(country, country), country=country,
                 role=code[3:6] or None, kind="country")


def article(text: str, source: str, published: str, url: str | None = None, title: str | None = None) -> Article:
    return Article.create(text, title=title, url=url or f"https://{source.lower().replace(' ', '')}.example/"
                          f"{make_id(text)[:8]}", published=published, source=source,
                          origin=f"{source}.txt", language="en")


def event(art: Article, src: str | None, tgt: str | None, code: str, when: str | None, *, precision: str = "day",
          place: Place | None = None, trigger: str = "met", modality: str = "asserted",
          certainty: str | None = None, historical: bool = False, attribution: Attribution | None = None,
          sentence_index: int = 0) -> Event:
    """An event whose evidence is the first sentence of ``art`` that contains ``trigger`` (or the start)."""
    label, quad, goldstein, plover = CODES[code]
    start = max(art.text.find(trigger), 0)
    sentence_start = max(art.text.rfind(".", 0, start) + 1, 0)
    while sentence_start < len(art.text) and art.text[sentence_start] == " ":
        sentence_start += 1
    sentence_end = art.text.find(".", start)
    sentence = art.text[sentence_start:(sentence_end + 1 if sentence_end >= 0 else len(art.text))]
    evidence = Evidence(art.id, sentence, sentence_start, start, start + len(trigger), trigger)
    return Event(
        id=make_id(art.id, sentence_start, start, code, sentence_index, prefix="e-"), article_id=art.id,
        source=actor(src) if src else None, target=actor(tgt) if tgt else None, code=code, root=code[:2],
        quad_class=quad, goldstein=goldstein, plover=plover, label=label,
        date=EventDate(when, precision if when else "unknown", "text" if when else "unknown",
                       "on Tuesday" if when else None, historical),
        place=place, modality=modality, evidence=evidence, rule=f"verb:{code}", attribution=attribution,
        certainty=certainty)


def meeting_batch() -> tuple[list[Article], list[Event]]:
    """Three outlets report one Putin-Assad meeting in Moscow; one also reports an unrelated airstrike."""
    reuters = article("Russian President Vladimir Putin met Syrian President Bashar al-Assad in Moscow on Tuesday. "
                      "The two leaders discussed reconstruction.", "Reuters", "2025-11-18")
    ap = article("Syria's Assad visited the Kremlin, where Putin met him on Tuesday. Russian jets struck Idlib "
                 "the same day.", "AP", "2025-11-19")
    tass = article("Vladimir Putin held talks with Bashar al-Assad, the Kremlin said. No details were given.",
                   "TASS", "2025-11-19")
    events = [
        event(reuters, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=MOSCOW),
        event(ap, "RUSGOV", "SYRGOV", "042", "2025-11-18", place=MOSCOW),
        event(ap, "RUSMIL", "SYR", "190", "2025-11-18", place=IDLIB, trigger="struck"),
        event(tass, "RUSGOV", "SYRGOV", "040", "2025-11-19", trigger="held talks",
              attribution=Attribution(speaker="the Kremlin", speaker_code="RUSGOV", outlet="TASS", cue="said"),
              certainty="attributed"),
    ]
    return [reuters, ap, tass], events


def fourth_article() -> tuple[Article, list[Event]]:
    """A later report of the same meeting by a fourth outlet."""
    aj = article("Assad arrived in Moscow and met Putin on Tuesday, state media reported.", "Al Jazeera",
                 "2025-11-20")
    return aj, [event(aj, "RUSGOV", "SYRGOV", "040", "2025-11-18", place=MOSCOW)]
