"""What every insight page about one unit starts from: the campaign and the unit (both fetched through the
requester's access, so anything outside is a 404), the profile and wave filters, breadcrumbs and links.

Managers see the subtrees they lead: tenancy.selectors.get_unit 404s any other unit, and the breadcrumbs stop
at the top of what they may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from digikomp.assessments.campaigns import selectors as campaigns
from digikomp.assessments.models import Campaign
from digikomp.insights import scope as scopes
from digikomp.insights.views.presentation import wave_in_name
from digikomp.lib.anonymity import released, threshold_for
from digikomp.lib.errors import RefusedRequest
from digikomp.tenancy.models import OrgUnit
from digikomp.tenancy.orgtree import visible_ancestors

PROFILE_PARAM = "profil"
WAVE_PARAM = "runde"


@dataclass
class Scope:
    """One view of the insights: a campaign, a unit, optionally one profile."""

    campaign: Campaign
    unit: OrgUnit
    profile_id: int | None
    profile_name: str
    profiles: list[tuple[int, str]]
    waves: list[Campaign]
    ancestors: list[OrgUnit] = field(default_factory=list)

    def query(self) -> str:
        return f"?{urlencode({PROFILE_PARAM: self.profile_id})}" if self.profile_id else ""

    def url(self, name: str, unit: OrgUnit | None = None, campaign: Campaign | None = None) -> str:
        """The page `name` for another unit or wave, keeping the profile filter."""
        campaign = campaign or self.campaign
        path = reverse(name, kwargs={"pk": campaign.pk, "unit": (unit or self.unit).external_id})
        return path + self.query()

    def unit_url(self, unit: OrgUnit) -> str:
        return self.url("insights:heatmap", unit)

    def norm_url(self, competence) -> str:
        version = self.campaign.framework_version
        return reverse("norm:competence", kwargs={"slug": version.framework.slug, "version": version.version,
                                                  "code": competence.code})

    def context(self, page: str) -> dict:
        """What the shared templates (breadcrumbs, filters, tabs) need."""
        return {
            "scope": self, "campaign": self.campaign, "unit": self.unit, "page": page,
            "k": threshold_for(self.campaign), "k2": 2 * threshold_for(self.campaign),
            "released": released(self.campaign), "last_day": campaigns.last_day(self.campaign),
            "crumbs": [(u, self.url(f"insights:{page}", u)) for u in self.ancestors],
            "tabs": [(name, label, self.url(f"insights:{name}")) for name, label in TABS],
            "xlsx_url": self.url("insights:xlsx"), "report_url": self.url("insights:report"),
            "wave_in_name": wave_in_name(self.campaign),
        }


# The pages about one unit, in the order of their tabs.
TABS = [("heatmap", _("Heatmap")), ("coverage", _("Coverage and levels")),
        ("knowledge", _("Knowledge checks")), ("waves", _("Change between waves"))]


def _resolved(request, pk: int, unit: str, **parameters) -> scopes.Scope:
    try:
        return scopes.resolve(request.access, pk, unit=unit, **parameters)
    except scopes.ScopeError as refused:
        raise RefusedRequest(refused) from None


def resolve(request, pk: int, unit: str, page: str) -> Scope:
    """The scope of the request (insights/scope.py, as the API resolves it): 404 for a campaign or unit the
    requester cannot see, 400 for a profile the campaign did not invite anyone with."""
    found = _resolved(request, pk, unit, profile=request.GET.get(PROFILE_PARAM))
    return Scope(found.campaign, found.unit, found.profile_id, found.profile_name, found.profiles, found.waves,
                 visible_ancestors(request.access, found.unit))


def wave_redirect(request, scope: Scope, page: str):
    """The same page in another wave of the series (`?runde=<the wave's number>`), when the filter form asks
    for one; else None."""
    raw = request.GET.get(WAVE_PARAM, "").strip()
    if not raw:
        return None
    wave = _resolved(request, scope.campaign.pk, scope.unit.external_id, wave=raw).campaign
    if wave.pk == scope.campaign.pk:
        return None
    url = scope.url(f"insights:{page}", campaign=wave)
    if scope.profile_id and not wave.invitations.filter(profile_id=scope.profile_id).exists():
        url = url.split("?")[0]  # nobody with that profile in the other wave: show it unfiltered
    return redirect(url)
