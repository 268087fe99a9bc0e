"""axe-core (vendored in vendor/, see its README) run inside the page under test.

The page's Content-Security-Policy forbids inline scripts, so pages to audit come from a context opened
with bypass_csp=True (Visitor.new_page). Violations with impact "serious" or "critical" fail the test; the
others are printed (pytest -s shows them) so they can be looked at without blocking anyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

AXE_SCRIPT = Path(__file__).parent / "vendor" / "axe.min.js"
BLOCKING = {"serious", "critical"}
# WCAG 2.0 and 2.1 at levels A and AA (what Danish law requires of public-sector sites), and axe's best
# practices.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]

RUN = """async (tags) => {
  const options = {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]};
  const results = await axe.run(document, options);
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map((n) => n.target.join(" ") + ": " + (n.failureSummary || "").replace(/\\s+/g, " ")),
  }));
}"""


@dataclass
class Audit:
    """Violations found on a series of pages, by page name."""

    blocking: dict[str, list[dict]] = field(default_factory=dict)
    other: dict[str, list[dict]] = field(default_factory=dict)

    def check(self, page, name: str) -> None:
        """Run axe on what `page` shows now and file its violations under `name`."""
        page.add_script_tag(path=str(AXE_SCRIPT))
        for violation in page.evaluate(RUN, TAGS):
            group = self.blocking if violation["impact"] in BLOCKING else self.other
            group.setdefault(name, []).append(violation)

    def report(self, found: dict[str, list[dict]]) -> str:
        lines = []
        for name, violations in found.items():
            for v in violations:
                lines.append(f"{name}: [{v['impact']}] {v['id']} – {v['help']}")
                lines += [f"    {node}" for node in v["nodes"][:5]]
                if len(v["nodes"]) > 5:
                    lines.append(f"    … and {len(v['nodes']) - 5} more")
        return "\n".join(lines)

    def assert_no_serious_violations(self) -> None:
        if self.other:
            print("\naxe, minor and moderate (not blocking):\n" + self.report(self.other))
        assert not self.blocking, "axe found serious or critical violations:\n" + self.report(self.blocking)
