"""Synthetic OS2mo plan2learn exports for demos, tests and benchmarks (`digikomp generate-org`).

generate_export() builds a municipality of M units and N people deterministically from a seed: a tree of
forvaltninger, områder, institutions and teams with Danish names; people with jobs that fit their unit and job
codes from a stillingskode file; one manager per unit; about 6 % with a second engagement (a third of those
with neither marked primary, so the earliest start decides); about 2.5 % with only inactive engagements; old
inactive engagements and former managers. CPR and Mobil hold fake values, so that tests can prove they are
never stored. mutate_export() makes the next month's export from it; write_export() writes the five files.
"""

from __future__ import annotations

import csv
import datetime
import random
from dataclasses import dataclass, field
from pathlib import Path

from digikomp.orgimport.generate import names
from digikomp.orgimport.generate.tree import (
    JOBS,
    RETIRED_JOBS,
    GenUnit,
    build_tree,
    jobs_for,
    manager_for,
    new_id,
    staff_weight,
)

HEADERS = {
    "plan2learn_organisation.csv": ["AfdelingsID", "Afdelingsnavn", "Parentid", "Gade", "Postnr", "By"],
    "plan2learn_bruger.csv": ["BrugerId", "CPR", "Navn", "E-mail", "Mobil", "Stilling"],
    "plan2learn_engagement.csv": ["EngagementId", "BrugerId", "AfdelingsId", "AktivStatus", "StillingskodeId",
                                  "Primær", "Engagementstype", "StartdatoEngagement"],
    "plan2learn_stillingskode.csv": ["StillingskodeID", "AktivStatus", "Stillingskode", "Stillingskode#"],
    "plan2learn_leder.csv": ["BrugerId", "AfdelingsID", "AktivStatus", "Titel"],
}
ENGAGEMENT_TYPES = ["Månedslønnet", "Månedslønnet", "Månedslønnet", "Timelønnet", "Elev"]


@dataclass
class Export:
    units: list[dict[str, str]] = field(default_factory=list)
    users: list[dict[str, str]] = field(default_factory=list)
    engagements: list[dict[str, str]] = field(default_factory=list)
    job_codes: list[dict[str, str]] = field(default_factory=list)
    managers: list[dict[str, str]] = field(default_factory=list)
    # Kept for mutate_export: the generated tree and the name of the municipality's e-mail domain.
    tree: dict[str, GenUnit] = field(default_factory=dict)
    domain: str = "kommune.example"

    def rows(self) -> dict[str, list[dict[str, str]]]:
        return dict(zip(HEADERS, (self.units, self.users, self.engagements, self.job_codes, self.managers)))


class _People:
    """Makes people and their engagements; shared by generate_export and mutate_export."""

    def __init__(self, rng: random.Random, export: Export):
        self.rng = rng
        self.export = export
        self.job_ids = {row["Stillingskode"]: row["StillingskodeID"] for row in export.job_codes}
        self.used_emails = {row["E-mail"] for row in export.users}

    def add(self, unit: GenUnit, job: str, *, manager: bool = False,
            others: list[GenUnit] | None = None) -> str:
        rng = self.rng
        title = JOBS[job][0]
        name = names.person_name(rng)
        person_id = new_id(rng)
        self.export.users.append({
            "BrugerId": person_id, "CPR": fake_cpr(rng), "Navn": name, "E-mail": self._email(name),
            "Mobil": "" if rng.random() < 0.3 else f"{rng.choice('2345678')}{rng.randint(0, 9999999):07d}",
            "Stilling": title,
        })
        start = random_date(rng, 1988, 2024)
        leaver = not manager and rng.random() < 0.025
        self.engagement(person_id, unit.id, job, active=not leaver, primary=True, start=start,
                        kind="Månedslønnet" if manager else None)
        if not manager and not leaver and others and rng.random() < 0.06:
            # A second job elsewhere; for a third of them neither is marked primary, so the earliest counts.
            unmarked = rng.random() < 1 / 3
            if unmarked:
                self.export.engagements[-1]["Primær"] = "0"
            second_start = start + datetime.timedelta(days=rng.randint(30, 2000))
            self.engagement(person_id, rng.choice(others).id, job, active=True, primary=False,
                            start=second_start)
        if others and rng.random() < 0.04:
            old_start = start - datetime.timedelta(days=rng.randint(400, 4000))
            self.engagement(person_id, rng.choice(others).id, job, active=False, primary=False,
                            start=old_start)
        return person_id

    def engagement(self, person_id: str, unit_id: str, job: str, *, active: bool, primary: bool,
                   start: datetime.date, kind: str | None = None) -> None:
        rng = self.rng
        date = start.isoformat() if rng.random() < 0.85 else start.strftime("%d-%m-%Y")
        self.export.engagements.append({
            "EngagementId": new_id(rng), "BrugerId": person_id, "AfdelingsId": unit_id,
            "AktivStatus": "1" if active else "0", "StillingskodeId": self.job_ids[JOBS[job][0]],
            "Primær": "1" if primary else "0", "Engagementstype": kind or rng.choice(ENGAGEMENT_TYPES),
            "StartdatoEngagement": date,
        })

    def _email(self, name: str) -> str:
        if self.rng.random() < 0.05:
            return ""
        local = names.email_local(name)
        candidate, number = f"{local}@{self.export.domain}", 1
        while candidate in self.used_emails:
            number += 1
            candidate = f"{local}{number}@{self.export.domain}"
        self.used_emails.add(candidate)
        return candidate


def fake_cpr(rng: random.Random) -> str:
    """Ten digits shaped like a CPR number (DDMMYY + four), random; never a value anyone should store."""
    born = random_date(rng, 1955, 2005)
    return f"{born:%d%m%y}{rng.randint(0, 9999):04d}"


def random_date(rng: random.Random, first_year: int, last_year: int) -> datetime.date:
    start = datetime.date(first_year, 1, 1).toordinal()
    return datetime.date.fromordinal(rng.randint(start, datetime.date(last_year, 12, 31).toordinal()))


def generate_export(*, people: int, units: int, seed: int = 1, name: str = "Søbjerg") -> Export:
    rng = random.Random(seed)
    export = Export(domain=names.slug(name) + ".example")
    export.tree = build_tree(rng, units, name)
    for unit in export.tree.values():
        export.units.append({"AfdelingsID": unit.id, "Afdelingsnavn": unit.name,
                             "Parentid": unit.parent or "", "Gade": unit.street, "Postnr": unit.postcode,
                             "By": unit.town})
    catalogue = list(JOBS.values()) + list(RETIRED_JOBS.values())
    for index, (title, number) in enumerate(catalogue, start=1):
        export.job_codes.append({"StillingskodeID": f"SK{index:03d}", "Stillingskode": title,
                                 "Stillingskode#": number,
                                 "AktivStatus": "0" if (title, number) in RETIRED_JOBS.values() else "1"})

    maker = _People(rng, export)
    all_units = list(export.tree.values())
    team = {u.id: u.parent is not None and export.tree[u.parent].kind is not None for u in all_units}
    for unit in all_units[:people]:
        job, title = manager_for(unit, is_team=team[unit.id])
        person_id = maker.add(unit, job, manager=True)
        export.managers.append({"BrugerId": person_id, "AfdelingsID": unit.id, "AktivStatus": "1",
                                "Titel": title})
    rest = people - min(people, len(all_units))
    weights = [staff_weight(u, is_team=team[u.id]) for u in all_units]
    workplaces = [u for u in all_units if u.kind is not None] or all_units
    for unit in rng.choices(all_units, weights=weights, k=rest):
        options = jobs_for(unit)
        job = rng.choices([j for j, _w in options], weights=[w for _j, w in options])[0]
        maker.add(unit, job, others=workplaces)
    # Former managers: inactive leder rows, which the import must ignore.
    for row in rng.sample(export.managers, k=len(export.managers) // 30):
        former = rng.choice(export.users)["BrugerId"]
        export.managers.append({"BrugerId": former, "AfdelingsID": row["AfdelingsID"], "AktivStatus": "0",
                                "Titel": row["Titel"]})
    return export


def write_export(export: Export, folder: Path, *, encoding: str = "utf-8") -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for file_name, rows in export.rows().items():
        with open(folder / file_name, "w", encoding=encoding, newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=HEADERS[file_name], delimiter=";",
                                    lineterminator="\r\n")
            writer.writeheader()
            writer.writerows(rows)


def mutate_export(export: Export, *, seed: int, fraction: float = 0.05) -> Export:
    from digikomp.orgimport.generate.mutate import mutate

    return mutate(export, seed=seed, fraction=fraction, people_maker=_People)
