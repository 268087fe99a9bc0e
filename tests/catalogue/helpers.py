"""Cases for tests, written through the services as a municipality and an editor would."""

from __future__ import annotations

from digikomp.catalogue import services
from digikomp.catalogue.models import Case, EffortType, TargetGroup
from digikomp.tenancy.models import Municipality


def make_case(*, title: str = "Digitale ambassadører i hjemmeplejen", owner: str = "751",
              municipalities=("751",), summary: str = "Ambassadører hjælper kolleger med digitale kompetencer.",
              body: str = "<p>Vi uddannede ambassadører.</p>", groups=("sundhed-og-omsorg",),
              types=("ambassadoerer",), areas=("A1",), publish: bool = True, pk: int | None = None,
              slug: str = "", actor=None) -> Case:
    case = Case(pk=pk, slug=slug, title=title, owner=Municipality.objects.get(code=owner), summary=summary,
                body=body)
    services.case_save(case=case, actor=actor, created=True,
                       municipalities=list(Municipality.objects.filter(code__in=municipalities)),
                       target_groups=list(TargetGroup.objects.filter(slug__in=groups)),
                       effort_types=list(EffortType.objects.filter(slug__in=types)), area_codes=areas)
    if publish:
        services.case_submit(case=case, actor=actor)
        services.case_publish(case=case, actor=actor)
    return case
