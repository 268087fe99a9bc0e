"""Exports of a framework version: Moodle competency framework CSV (tool_lpimportcsv) and open-data JSON/CSV.

Moodle has no per-level descriptors, so each competence's description carries them as an HTML list; the
version's proficiency scale becomes the Moodle scale, with the first level as default and every level from
the second up counting as proficient.
"""

from __future__ import annotations

import csv
import io
import json

from django.utils.html import escape

from digikomp.frameworks.models import FrameworkVersion
from digikomp.frameworks.selectors import version_tree
from digikomp.lib.i18n import localized

# Column order and names exactly as Moodle's tool_lpimportcsv reads and writes them.
MOODLE_HEADERS = [
    "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
    "Scale configuration", "Rule type (optional)", "Rule outcome (optional)", "Rule config (optional)",
    "Cross referenced competency id numbers", "Exported id (optional)", "Is framework", "Taxonomy",
]
HTML_FORMAT = "1"


def _idnumber(version: FrameworkVersion, code: str) -> str:
    return f"{version.framework.slug}-{version.version}-{code}"


def moodle_csv(version: FrameworkVersion, language: str = "da") -> str:
    tree = version_tree(version)
    scale_values = ",".join(localized(level, "name", language).replace(",", " ") for level in tree.levels)
    scale_config = json.dumps(
        [{"scaleid": "1"}]
        + [{"id": i, "scaledefault": int(i == 1), "proficient": int(i >= 2)} for i in range(1, len(tree.levels) + 1)]
    )

    def depth(node, level=1):
        return max([level + 1 if node.competences else level] + [depth(c, level + 1) for c in node.children])

    max_depth = max((depth(root) for root in tree.roots), default=1)
    taxonomy = ",".join(["domain"] * (max_depth - 1) + ["competency"])
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MOODLE_HEADERS)
    framework_id = _idnumber(version, "framework")
    writer.writerow(["", framework_id, localized(version, "title", language)[:100],
                     f"<p>{escape(localized(version, 'description', language))}</p>", HTML_FORMAT, scale_values,
                     scale_config, "", "", "", "", "", "1", taxonomy])
    exported = 0

    def area_rows(node, parent_id):
        nonlocal exported
        exported += 1
        area = node.area
        own_id = _idnumber(version, area.code)
        writer.writerow([parent_id if parent_id != framework_id else "", own_id,
                         f"{area.code} {localized(area, 'title', language)}"[:100],
                         f"<p>{escape(localized(area, 'description', language))}</p>", HTML_FORMAT,
                         "", "", "", "0", "null", "", str(exported), "", ""])
        for child in node.children:
            area_rows(child, own_id)
        for competence in node.competences:
            exported += 1
            levels = "".join(
                f"<li><strong>{level.value} {escape(localized(level, 'name', language))}</strong>: "
                f"{escape(localized(d, 'text', language))}</li>"
                for level, d in zip(tree.levels, competence.descriptor_list) if d is not None
            )
            description = f"<p>{escape(localized(competence, 'description', language))}</p><ol>{levels}</ol>"
            writer.writerow([own_id, _idnumber(version, competence.code),
                             f"{competence.code} {localized(competence, 'title', language)}"[:100], description,
                             HTML_FORMAT, "", "", "", "0", "null", "", str(exported), "", ""])

    for root in tree.roots:
        area_rows(root, framework_id)
    return out.getvalue()


def open_data_json(version: FrameworkVersion) -> dict:
    """The whole published version as plain JSON, both languages, for the open-data download and the API."""
    tree = version_tree(version)

    def text(obj, name):
        return {"da": getattr(obj, f"{name}_da"), "en": getattr(obj, f"{name}_en")}

    def area(node):
        return {
            "identifier": str(node.area.identifier), "code": node.area.code, "title": text(node.area, "title"),
            "description": text(node.area, "description"),
            "areas": [area(child) for child in node.children],
            "competences": [{
                "identifier": str(c.identifier), "code": c.code, "title": text(c, "title"),
                "description": text(c, "description"), "generic": c.generic, "digcomp": c.digcomp_codes,
                "esco": c.esco_uris,
                "descriptors": {str(level.value): {
                    "text": text(d, "text"), "knowledge": text(d, "knowledge"), "skill": text(d, "skill"),
                    "attitude": text(d, "attitude")} for level, d in zip(tree.levels, c.descriptor_list) if d},
            } for c in node.competences],
        }

    return {
        "framework": version.framework.slug, "version": version.version, "identifier": str(version.identifier),
        "status": version.status, "published_at": version.published_at.isoformat() if version.published_at else None,
        "title": text(version, "title"), "description": text(version, "description"),
        "changelog": text(version, "changelog"), "attribution": text(version, "attribution"),
        "license": version.license,
        "scale": [{"value": level.value, "name": text(level, "name"), "band": text(level, "band"),
                   "description": text(level, "description")} for level in tree.levels],
        "areas": [area(root) for root in tree.roots],
    }


def open_data_csv(version: FrameworkVersion) -> str:
    """One row per competence and level: the descriptor table in a spreadsheet-friendly shape."""
    tree = version_tree(version)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["område", "kompetence_kode", "kompetence_da", "kompetence_en", "generisk", "digcomp",
                     "niveau", "niveau_navn_da", "beskrivelse_da", "beskrivelse_en"])
    for competence in tree.competences:
        for level, d in zip(tree.levels, competence.descriptor_list):
            writer.writerow([competence.area.code, competence.code, competence.title_da, competence.title_en,
                             "ja" if competence.generic else "nej", ",".join(competence.digcomp_codes),
                             level.value, level.name_da, d.text_da if d else "", d.text_en if d else ""])
    return out.getvalue()
