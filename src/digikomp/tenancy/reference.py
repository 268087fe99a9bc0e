"""Reference data shipped with the package: the 98 municipalities (code, name, region)."""

from __future__ import annotations

import csv
from importlib.resources import files


def municipalities() -> list[dict[str, str]]:
    """Rows of tenancy/data/kommuner.csv: kode, navn, regionskode, region."""
    text = files("digikomp.tenancy").joinpath("data/kommuner.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(text.splitlines()))


def load_municipalities(Municipality) -> int:
    """Create or update the 98 municipalities; safe to run again. Takes the model so migrations can pass theirs."""
    count = 0
    for row in municipalities():
        Municipality.objects.update_or_create(
            code=row["kode"],
            defaults={"name": row["navn"], "region_code": row["regionskode"], "region": row["region"]},
        )
        count += 1
    return count
