"""A synthetic municipal organisation tree: kommune, forvaltninger, områder, institutions and their teams.

Each unit has a kind, and the kind decides its name, the jobs of the people who work there (lærere in schools,
social- og sundhedsassistenter in home care, ...) and the title of its manager.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field

from digikomp.orgimport.generate import names

# Job key -> (title, Stillingskode#). An empty number makes the importer fall back to the StillingskodeID.
JOBS: dict[str, tuple[str, str]] = {
    "laerer": ("Lærer", "51001"),
    "paedagog": ("Pædagog", "51002"),
    "paed_ass": ("Pædagogisk assistent", "51003"),
    "medhjaelper": ("Pædagogmedhjælper", "51004"),
    "sekretaer": ("Skolesekretær", "51005"),
    "sosu_ass": ("Social- og sundhedsassistent", "52001"),
    "sosu_hj": ("Social- og sundhedshjælper", "52002"),
    "sygeplejerske": ("Sygeplejerske", "52003"),
    "ergo": ("Ergoterapeut", "52004"),
    "fys": ("Fysioterapeut", "52005"),
    "ernaering": ("Ernæringsassistent", "52006"),
    "tandplejer": ("Tandplejer", "52007"),
    "klinik": ("Klinikassistent", "52008"),
    "psykolog": ("Psykolog", "52009"),
    "socialraadgiver": ("Socialrådgiver", "53001"),
    "sagsbehandler": ("Sagsbehandler", "53002"),
    "jobkonsulent": ("Jobkonsulent", "53003"),
    "socialpaedagog": ("Socialpædagog", "53004"),
    "bibliotekar": ("Bibliotekar", "54001"),
    "bibl_ass": ("Biblioteksassistent", "54002"),
    "borgerservice": ("Borgerservicemedarbejder", "54003"),
    "kulturformidler": ("Kulturformidler", ""),
    "musiklaerer": ("Musikskolelærer", "54005"),
    "ingenioer": ("Ingeniør", "55001"),
    "byggesag": ("Byggesagsbehandler", "55002"),
    "gartner": ("Gartner", "55003"),
    "vejarbejder": ("Vejarbejder", "55004"),
    "tekniker": ("Tekniker", "55005"),
    "adm": ("Administrativ medarbejder", "56001"),
    "konsulent": ("Konsulent", "56002"),
    "oekonomi": ("Økonomikonsulent", "56003"),
    "hr": ("HR-konsulent", "56004"),
    "it": ("IT-medarbejder", "56005"),
    "jurist": ("Jurist", "56006"),
    "kommunikation": ("Kommunikationsmedarbejder", "56007"),
    "elev": ("Kontorelev", ""),
    "kommunaldirektoer": ("Kommunaldirektør", "59000"),
    "direktoer": ("Direktør", "59001"),
    "chef": ("Områdechef", "59002"),
    "afdelingsleder": ("Afdelingsleder", "59004"),
    "teamleder": ("Teamleder", "59008"),
}
# Kept in the stillingskode file but no longer in use, as real exports have them.
RETIRED_JOBS = {"assistent": ("Assistent", "50999"), "kontorfuldmaegtig": ("Kontorfuldmægtig", "50998")}


@dataclass(frozen=True)
class Kind:
    unit_type: str
    names: tuple[str, ...]  # patterns: {place} {town} {dir}
    jobs: tuple[tuple[str, int], ...]
    manager: str  # manager's Titel in the leder file
    staff: float  # relative number of people per unit
    teams: tuple[str, ...] = ()


ADMIN = (("adm", 4), ("konsulent", 2), ("elev", 1))
KINDS: dict[str, Kind] = {
    "skole": Kind(
        "Skole", ("{place}skolen", "{town} Skole"),
        (("laerer", 14), ("paedagog", 4), ("medhjaelper", 1), ("sekretaer", 1)),
        "Skoleleder", 3.0, ("Indskoling", "Mellemtrin", "Udskoling", "SFO")),
    "dagtilbud": Kind(
        "Daginstitution", ("Børnehuset {place}", "Daginstitution {place}", "{place} Børnehus"),
        (("paedagog", 8), ("paed_ass", 3), ("medhjaelper", 3)),
        "Daginstitutionsleder", 1.2, ("Vuggestuen", "Børnehaven")),
    "tandpleje": Kind(
        "Tandpleje", ("Tandplejen {town}",), (("tandplejer", 3), ("klinik", 4)), "Overtandlæge", 1.0),
    "ppr": Kind("PPR", ("PPR {dir}",), (("psykolog", 4), ("konsulent", 1)), "PPR-leder", 1.0),
    "plejecenter": Kind(
        "Plejecenter", ("Plejecenter {place}", "{place} Plejecenter"),
        (("sosu_ass", 6), ("sosu_hj", 5), ("sygeplejerske", 2), ("ergo", 1), ("ernaering", 1)),
        "Plejecenterleder", 2.2, ("Afsnit A", "Afsnit B", "Demensafsnittet", "Køkkenet")),
    "hjemmepleje": Kind(
        "Hjemmepleje", ("Hjemmeplejen {town}", "Hjemmeplejen {dir}"),
        (("sosu_hj", 6), ("sosu_ass", 5), ("sygeplejerske", 1)),
        "Distriktsleder", 2.4, ("Team Dag", "Team Aften", "Team Nat")),
    "sygepleje": Kind(
        "Sygepleje", ("Sygeplejen {dir}",), (("sygeplejerske", 5), ("sosu_ass", 1)), "Sygeplejeleder", 1.2),
    "traening": Kind(
        "Træning", ("Træning og Rehabilitering {town}",), (("fys", 3), ("ergo", 3)), "Centerleder", 1.0),
    "jobcenter": Kind(
        "Jobcenter", ("Jobcenter {town}",),
        (("jobkonsulent", 5), ("sagsbehandler", 4), ("socialraadgiver", 2), ("adm", 1)),
        "Jobcenterchef", 1.6, ("Ydelse", "Virksomhedsservice", "Unge", "Sygedagpenge", "Integration")),
    "socialcenter": Kind(
        "Socialcenter", ("Socialcenter {dir}",),
        (("socialraadgiver", 5), ("sagsbehandler", 3), ("adm", 1)),
        "Socialchef", 1.4, ("Børn og Familie", "Voksenhandicap", "Socialpsykiatri")),
    "botilbud": Kind(
        "Botilbud", ("Botilbuddet {place}",), (("socialpaedagog", 6), ("sosu_ass", 2)), "Forstander", 1.3),
    "bibliotek": Kind(
        "Bibliotek", ("{town} Bibliotek",), (("bibliotekar", 3), ("bibl_ass", 3), ("kulturformidler", 1)),
        "Biblioteksleder", 0.8, ("Børnebiblioteket", "Voksenbiblioteket")),
    "borgerservice": Kind(
        "Borgerservice", ("Borgerservice {town}",), (("borgerservice", 6), ("adm", 1)),
        "Borgerservicechef", 1.0),
    "kulturhus": Kind(
        "Kulturhus", ("Kulturhuset {place}",), (("kulturformidler", 3), ("adm", 1)), "Kulturhusleder", 0.5),
    "musikskole": Kind(
        "Musikskole", ("{town} Musikskole",), (("musiklaerer", 6), ("adm", 1)), "Musikskoleleder", 0.6),
    "teknik": Kind(
        "Afdeling", ("Byg og Miljø {dir}", "Plan og Udvikling {dir}", "Natur og Klima {dir}"),
        (("ingenioer", 3), ("byggesag", 3), ("tekniker", 2), ("adm", 1)), "Afdelingschef", 1.0),
    "vejpark": Kind(
        "Driftsenhed", ("Vej og Park {dir}", "Materielgården {town}"),
        (("gartner", 4), ("vejarbejder", 4), ("tekniker", 1)),
        "Driftsleder", 1.2, ("Grønne områder", "Vejdrift")),
    "stab": Kind(
        "Stab",
        ("Økonomi {dir}", "HR og Løn {dir}", "Digitalisering og IT {dir}", "Jura {dir}",
         "Kommunikation {dir}"),
        (("oekonomi", 2), ("hr", 2), ("it", 2), ("jurist", 1), ("kommunikation", 1)) + ADMIN,
        "Stabschef", 1.0),
}
# Every kind's manager title is a job of its own: Skoleleder, Distriktsleder, ...
for _number, (_key, _kind) in enumerate(KINDS.items(), start=100):
    JOBS[f"leder_{_key}"] = (_kind.manager, f"59{_number}")

# Forvaltning name, share of the units, area prefix (None: institutions directly below), institution kinds.
FORVALTNINGER = [
    ("Børn og Unge", 0.34, "Område", (("skole", 3), ("dagtilbud", 5), ("tandpleje", 1), ("ppr", 1))),
    ("Sundhed og Omsorg", 0.30, "Ældreområde", (("plejecenter", 3), ("hjemmepleje", 3), ("sygepleje", 1),
                                                 ("traening", 1))),
    ("Social og Beskæftigelse", 0.15, "Center", (("jobcenter", 1), ("socialcenter", 1), ("botilbud", 2))),
    ("Kultur og Borgerservice", 0.08, None, (("bibliotek", 3), ("borgerservice", 1), ("kulturhus", 1),
                                            ("musikskole", 1))),
    ("Teknik og Miljø", 0.07, None, (("teknik", 2), ("vejpark", 1))),
    ("Økonomi og Administration", 0.06, None, (("stab", 1),)),
]
LEVEL_JOBS = {0: (("konsulent", 1),), 1: (("konsulent", 2), ("adm", 2)), 2: (("konsulent", 1), ("adm", 1))}
LEVEL_MANAGERS = {0: ("kommunaldirektoer", "Kommunaldirektør"), 1: ("direktoer", "Direktør"),
                  2: ("chef", "Områdechef")}


@dataclass
class GenUnit:
    id: str
    name: str
    parent: str | None
    kind: str | None  # None for the kommune, forvaltninger and områder
    level: int
    street: str = ""
    postcode: str = ""
    town: str = ""
    children: list[str] = field(default_factory=list)


def new_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def unit_name(rng: random.Random, kind: str) -> str:
    pattern = rng.choice(KINDS[kind].names)
    return pattern.format(place=names.place(rng), town=names.town(rng), dir=rng.choice(names.DIRECTIONS))


def build_tree(rng: random.Random, total: int, municipality: str) -> dict[str, GenUnit]:
    units: dict[str, GenUnit] = {}
    towns = [(names.town(rng), f"{rng.randint(10, 99)}{rng.randint(0, 9)}0") for _ in range(12)]

    def add(name: str, parent: str | None, kind: str | None, level: int, *, address: bool = False) -> GenUnit:
        unit = GenUnit(new_id(rng), name, parent, kind, level)
        if address:
            unit.town, unit.postcode = rng.choice(towns)
            unit.street = names.street(rng)
        units[unit.id] = unit
        if parent:
            units[parent].children.append(unit.id)
        return unit

    root = add(f"{municipality} Kommune", None, None, 0, address=True)
    branches = FORVALTNINGER[: max(0, min(len(FORVALTNINGER), total - 1))]
    budgets = _share(total - 1 - len(branches), [share for _n, share, _a, _k in branches])
    for (name, _share_of_units, area_prefix, kinds), budget in zip(branches, budgets):
        branch = add(name, root.id, None, 1)
        areas = [branch.id]
        if area_prefix and budget >= 12:
            count = min(len(names.DIRECTIONS), max(2, budget // 40))
            areas = [add(f"{area_prefix} {names.DIRECTIONS[i]}", branch.id, None, 2).id for i in range(count)]
            budget -= count
        turn = 0
        while budget > 0:
            kind = rng.choices([k for k, _w in kinds], weights=[w for _k, w in kinds])[0]
            area = areas[turn % len(areas)]
            institution = add(unit_name(rng, kind), area, kind, units[area].level + 1, address=True)
            turn += 1
            budget -= 1
            teams = list(KINDS[kind].teams)
            for team in teams[: min(budget, rng.randint(0, len(teams)))]:
                add(team, institution.id, kind, institution.level + 1)
                budget -= 1
    return units


def _share(total: int, weights: list[float]) -> list[int]:
    """Split `total` by weights, largest remainders first, so the parts add up exactly."""
    if not weights:
        return []
    raw = [total * w / sum(weights) for w in weights]
    parts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[i] += 1
    return parts


def jobs_for(unit: GenUnit) -> tuple[tuple[str, int], ...]:
    if unit.kind is None:
        return LEVEL_JOBS.get(unit.level, LEVEL_JOBS[2])
    return KINDS[unit.kind].jobs or ADMIN


def manager_for(unit: GenUnit, *, is_team: bool) -> tuple[str, str]:
    """(job key, Titel) of the unit's manager."""
    if unit.kind is None:
        return LEVEL_MANAGERS.get(unit.level, LEVEL_MANAGERS[2])
    if is_team:
        return "teamleder", "Teamleder"
    return f"leder_{unit.kind}", KINDS[unit.kind].manager


def staff_weight(unit: GenUnit, *, is_team: bool) -> float:
    if unit.kind is None:
        return 0.3 if unit.level else 0.05
    weight = KINDS[unit.kind].staff
    # An institution with teams keeps a few staff of its own; most work in the teams.
    return weight * (0.3 if unit.children and not is_team else 1.0)
