"""The shipped starter bank of knowledge checks (assessments/data/knowledge_items.json), loaded against the
national model: competence codes become the competence identifiers surveys use."""

from __future__ import annotations

import json
from collections import Counter
from importlib.resources import files

from django.db import transaction

from digikomp.assessments.models import KnowledgeItem
from digikomp.frameworks.models import Framework


def shipped_bank() -> dict:
    return json.loads(files("digikomp.assessments").joinpath("data", "knowledge_items.json").read_text("utf-8"))


@transaction.atomic
def knowledge_bank_load(data: dict | None = None) -> int:
    """Create or update the bank's items (idempotent, keyed by competence, level and position)."""
    data = data or shipped_bank()
    version = Framework.objects.get(slug=data["framework"]).latest_published()
    identifiers = dict(version.competences.values_list("code", "identifier"))
    seen: Counter = Counter()
    for item in data["items"]:
        seen[(item["competence"], item["level"])] += 1
        key = f"{item['competence']}-{item['level']}-{seen[(item['competence'], item['level'])]}"
        KnowledgeItem.objects.update_or_create(key=key, defaults={
            "competence_identifier": identifiers[item["competence"]], "level": item["level"],
            "question_da": item["question"]["da"], "question_en": item["question"].get("en", ""),
            "options_da": item["options"]["da"], "options_en": item["options"].get("en", []),
            "correct": item["correct"], "explanation_da": (item.get("explanation") or {}).get("da", ""),
            "explanation_en": (item.get("explanation") or {}).get("en", ""),
        })
    return sum(seen.values())
