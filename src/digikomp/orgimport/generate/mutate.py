"""The next export of a generated municipality: a fraction of it changed the way organisations change.

Of the changed people about 30 % leave, 30 % are new, 30 % move to another unit and 10 % change job; about 2 %
of the units are renamed and 1 % move to another parent. Managers stay, so every unit keeps one.
"""

from __future__ import annotations

import random

from digikomp.orgimport.generate.tree import jobs_for, unit_name


def mutate(export, *, seed: int, fraction: float, people_maker):
    from digikomp.orgimport.generate import Export

    rng = random.Random(seed)
    new = Export(units=[dict(r) for r in export.units], users=[dict(r) for r in export.users],
                 engagements=[dict(r) for r in export.engagements],
                 job_codes=[dict(r) for r in export.job_codes], managers=[dict(r) for r in export.managers],
                 tree=export.tree, domain=export.domain)
    changed = round(len(new.users) * fraction)
    managers = {row["BrugerId"] for row in new.managers if row["AktivStatus"] == "1"}
    staff = [row["BrugerId"] for row in new.users if row["BrugerId"] not in managers]
    rng.shuffle(staff)
    share = int(changed * 0.3)
    leavers, movers = set(staff[:share]), staff[share: 2 * share]
    job_changers = staff[2 * share: 2 * share + int(changed * 0.1)]

    new.users = [row for row in new.users if row["BrugerId"] not in leavers]
    new.engagements = [row for row in new.engagements if row["BrugerId"] not in leavers]
    new.managers = [row for row in new.managers if row["BrugerId"] not in leavers]

    workplaces = [u for u in new.tree.values() if u.kind is not None] or list(new.tree.values())
    primary = {}
    for row in new.engagements:
        if row["AktivStatus"] == "1" and (row["Primær"] == "1" or row["BrugerId"] not in primary):
            primary[row["BrugerId"]] = row
    for person in movers:
        if person in primary:
            primary[person]["AfdelingsId"] = rng.choice(workplaces).id
    job_ids = [row["StillingskodeID"] for row in new.job_codes if row["AktivStatus"] == "1"]
    for person in job_changers:
        if person in primary:
            primary[person]["StillingskodeId"] = rng.choice(job_ids)

    maker = people_maker(rng, new)
    for _ in range(share):
        unit = rng.choice(workplaces)
        options = jobs_for(unit)
        maker.add(unit, rng.choices([j for j, _w in options], weights=[w for _j, w in options])[0],
                  others=workplaces)

    rows = {row["AfdelingsID"]: row for row in new.units}
    # Institutions (a kind, below an area or forvaltning) get new names; their teams keep theirs.
    named = [u for u in new.tree.values()
             if u.kind is not None and u.parent and new.tree[u.parent].kind is None]
    for unit in rng.sample(named, k=min(len(named), max(1, len(new.units) // 50))):
        rows[unit.id]["Afdelingsnavn"] = unit_name(rng, unit.kind)
    _reparent(rng, new, rows, count=max(1, len(new.units) // 100))
    return new


def _reparent(rng: random.Random, export, rows: dict, *, count: int) -> None:
    """Move units to another parent on the same level as their current one, which can never make a cycle."""
    by_level: dict[int, list[str]] = {}
    for unit in export.tree.values():
        by_level.setdefault(unit.level, []).append(unit.id)
    movable = [u for u in export.tree.values() if u.level >= 2 and len(by_level.get(u.level - 1, [])) > 1]
    for unit in rng.sample(movable, k=min(count, len(movable))):
        current = rows[unit.id]["Parentid"]
        options = [p for p in by_level[unit.level - 1] if p != current]
        # A team moves to another institution of the same kind, an institution to another area.
        alike = [p for p in options if export.tree[p].kind == export.tree[current].kind]
        rows[unit.id]["Parentid"] = rng.choice(alike or options)
