"""Small frameworks in the shipped JSON shape, for tests that must not depend on the shipped content."""

from __future__ import annotations


def text(da: str, en: str | None = None) -> dict:
    return {"da": da, "en": en or f"{da} (en)"}


def framework_data(slug: str = "testmodel", version: str = "1.0", *, areas: int = 2, per_area: int = 2,
                   levels: int = 4, missing_descriptor: tuple[str, int] | None = None) -> dict:
    """A framework with `areas` top areas of one sub-area each holding `per_area` competences."""
    scale = [{"value": v, "name": text(f"Niveau {v}"), "description": text(f"Beskrivelse {v}")}
             for v in range(1, levels + 1)]
    tree = []
    for a in range(1, areas + 1):
        code = chr(64 + a)
        competences = []
        for c in range(1, per_area + 1):
            ccode = f"{code}1.{c}"
            descriptors = {
                str(v): {"text": text(f"{ccode} kan på niveau {v}"), "knowledge": text("Viden"),
                         "skill": text("Færdighed"), "attitude": text("Holdning")}
                for v in range(1, levels + 1) if missing_descriptor != (ccode, v)
            }
            competences.append({"code": ccode, "title": text(f"Kompetence {ccode}"), "generic": c == 1,
                                "digcomp": ["1.1"], "descriptors": descriptors})
        tree.append({"code": code, "title": text(f"Område {code}"), "areas": [
            {"code": f"{code}1", "title": text(f"Delområde {code}1"), "competences": competences}
        ]})
    return {"slug": slug, "version": version, "title": text("Testmodel"), "description": text("Til test"),
            "changelog": text("Første udgave"), "scale": scale, "areas": tree}
