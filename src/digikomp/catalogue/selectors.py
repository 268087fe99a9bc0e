"""Reads of the catalogue: the public search with its facets, and the cases a reader may see.

One search function serves the page (/katalog/) and the API (/api/v1/cases), so both give the same cases in the
same order with the same counts. Within a facet, chosen values widen the search (seniors OR young people);
across facets they narrow it (seniors AND IT café). Each facet's counts are taken over the search with every
other facet's choice applied but not its own, so a visitor sees how many cases each alternative would give.
Only published cases are ever counted or returned.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connection
from django.db.models import Prefetch, QuerySet, Subquery
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from digikomp.catalogue import search
from digikomp.catalogue.models import Case, CaseArea, EffortType, TargetGroup
from digikomp.frameworks.models import Area, FrameworkVersion
from digikomp.lib.danish import stems
from digikomp.tenancy.models import Municipality

NATIONAL_MODEL_SLUG = "kommunernes-digitale-kompetencemodel"
PAGE_SIZE = 20
MAX_QUERY_LENGTH = 200
MAX_VALUES = 50  # per facet; more is not a search anyone makes by hand

# Facet -> query parameter. Danish, as the addresses people share are Danish.
PARAMETERS = {
    "target_group": "målgruppe",
    "area": "kompetenceområde",
    "effort_type": "type",
    "region": "region",
    "municipality": "kommune",
}
ORDER_RELEVANCE, ORDER_DATE = "relevans", "dato"


@dataclass(frozen=True)
class CatalogueQuery:
    q: str = ""
    target_group: tuple[str, ...] = ()
    area: tuple[str, ...] = ()
    effort_type: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    municipality: tuple[str, ...] = ()
    order: str = ""

    @classmethod
    def from_params(cls, params: QueryDict) -> CatalogueQuery:
        values = {facet: tuple(dict.fromkeys(v.strip() for v in params.getlist(name) if v.strip()))[:MAX_VALUES]
                  for facet, name in PARAMETERS.items()}
        order = params.get("sortering", "")
        return cls(q=params.get("q", "").strip()[:MAX_QUERY_LENGTH], order=order if order in
                   (ORDER_RELEVANCE, ORDER_DATE) else "", **values)

    @property
    def has_text(self) -> bool:
        return search.has_terms(self.q)

    @property
    def effective_order(self) -> str:
        return self.order or (ORDER_RELEVANCE if self.has_text else ORDER_DATE)

    def chosen(self, facet: str) -> tuple[str, ...]:
        return getattr(self, facet)

    def params(self, **changes) -> list[tuple[str, str]]:
        """The query as URL parameters (for links that change one thing), without the page number."""
        data = {"q": self.q, **{f: getattr(self, f) for f in PARAMETERS}, "order": self.order, **changes}
        pairs = [("q", data["q"])] if data["q"] else []
        for facet, name in PARAMETERS.items():
            pairs += [(name, value) for value in data[facet]]
        if data["order"]:
            pairs.append(("sortering", data["order"]))
        return pairs

    def querystring(self, **changes) -> str:
        return urlencode(self.params(**changes))

    @property
    def is_empty(self) -> bool:
        return not self.q and not any(getattr(self, f) for f in PARAMETERS)

    @property
    def facet_count(self) -> int:
        """How many facet values are chosen: the facets, folded away on a phone, say so in their heading."""
        return sum(len(getattr(self, f)) for f in PARAMETERS)


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool
    group: str = ""


@dataclass
class Facet:
    name: str  # the facet's key: target_group, area, ...
    parameter: str  # its query parameter
    label: str
    values: list[FacetValue] = field(default_factory=list)


@dataclass
class SearchResult:
    query: CatalogueQuery
    total: int
    cases: list[Case]
    facets: list[Facet]
    offset: int
    limit: int


def _published() -> QuerySet:
    return Case.objects.published()


def national_areas() -> dict[str, Area]:
    """The second-level areas of the latest published national model, by code (A1 .. E1)."""
    # One query (the version as a subquery): the catalogue's page and API ask for these on every request.
    latest = (FrameworkVersion.objects.filter(framework__slug=NATIONAL_MODEL_SLUG,
                                              status=FrameworkVersion.Status.PUBLISHED)
              .order_by("-published_at").values("pk")[:1])
    areas = Area.objects.filter(version=Subquery(latest), parent__isnull=False).order_by("position", "code")
    return {area.code: area for area in areas}


# --- The facet index --------------------------------------------------------------------------------------
#
# Counting five facets with SQL costs five GROUP BY queries over the search per request. Instead, each process
# keeps the published cases' classifications as bit sets (one Python int per facet value, one bit per case,
# bits in newest-first order), so a search is: the text match from the full-text index (one query), a few AND
# operations, and a popcount per facet value. The same index also holds each case's own values, so the page
# of results gets its municipalities, target groups, types and areas without a query. The index is rebuilt
# when the published catalogue changes, which one cheap query per search detects (count, newest change and id
# sum of the published cases, read from an index that covers them).

LABELS_MAX_AGE = 300  # seconds; vocabularies and the model's area titles change rarely


def _bits(positions, size: int) -> int:
    """An int with the given bit positions set (much faster than OR-ing one bit at a time)."""
    buffer = bytearray(size // 8 + 1)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


@dataclass
class FacetIndex:
    version: tuple
    order: list[int]  # case pks, newest first: bit i is order[i]
    position: dict[int, int]
    everything: int
    values: dict[str, dict[str, int]]  # facet -> value -> bits of the cases that have it
    of_case: dict[str, list[list[str]]]  # facet -> position -> the values that case has
    labels: dict[str, tuple[float, dict]] = field(default_factory=dict)  # language -> (built, labels)


_index: FacetIndex | None = None


# Raw SQL: the ORM's compiling of this aggregate cost more than running it, and it runs on every search.
_VERSION_SQL = f"SELECT COUNT(*), MAX(updated_at), SUM(id) FROM {Case._meta.db_table} WHERE status = %s"


def _version() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL, [Case.Status.PUBLISHED.value])
        row = cursor.fetchone()
    return (connection.alias, connection.settings_dict.get("NAME"), *row)


def facet_index() -> FacetIndex:
    """The index of the published catalogue as it is now (rebuilt if it changed since the last search)."""
    global _index
    version = _version()
    if _index is not None and _index.version == version:
        return _index
    order = list(_published().order_by("-published_at", "-id").values_list("pk", flat=True))
    position = {pk: i for i, pk in enumerate(order)}
    size = len(order)
    pairs: dict[str, dict[str, list[int]]] = {facet: {} for facet in PARAMETERS}
    of_case: dict[str, list[list[str]]] = {facet: [[] for _ in range(size)] for facet in PARAMETERS}

    def collect(facet: str, rows) -> None:
        for case_id, value in rows:
            if case_id in position:
                value, at = str(value), position[case_id]
                pairs[facet].setdefault(value, []).append(at)
                if value not in of_case[facet][at]:  # two municipalities of one region give it once
                    of_case[facet][at].append(value)

    published = _published().values("pk")
    collect("target_group", Case.target_groups.through.objects.filter(case_id__in=published)
            .values_list("case_id", "targetgroup__slug"))
    collect("effort_type", Case.effort_types.through.objects.filter(case_id__in=published)
            .values_list("case_id", "efforttype__slug"))
    collect("area", CaseArea.objects.shared().values_list("case_id", "code"))
    rows = list(Case.municipalities.through.objects.filter(case_id__in=published)
                .values_list("case_id", "municipality__code", "municipality__region_code"))
    collect("municipality", ((case_id, code) for case_id, code, _region in rows))
    collect("region", ((case_id, region) for case_id, _code, region in rows))
    values = {facet: {value: _bits(found, size) for value, found in by_value.items()}
              for facet, by_value in pairs.items()}
    _index = FacetIndex(version, order, position, (1 << size) - 1, values, of_case)
    search.compounds(version)  # the words of the same published cases, for compound search
    return _index


def _labels(index: FacetIndex) -> dict:
    """Per facet, value -> (label, group) in the active language, and each facet's order of values."""
    language = (get_language() or "da")[:2]
    built, labels = index.labels.get(language, (0.0, None))
    if labels is not None and time.monotonic() - built < LABELS_MAX_AGE:
        return labels
    groups = list(TargetGroup.objects.all())
    types = list(EffortType.objects.all())
    areas = national_areas()
    municipalities = list(Municipality.objects.order_by("name").values_list("code", "name", "region_code",
                                                                            "region"))
    regions = sorted({(region, code) for _c, _n, code, region in municipalities})
    labels = {
        "target_group": {g.slug: (g.name, g.get_kind_display()) for g in groups},
        "effort_type": {t.slug: (t.name, "") for t in types},
        "area": {code: (f"{code} {area.title}", "") for code, area in areas.items()},
        "region": {code: (name, "") for name, code in regions},
        "municipality": {code: (name, "") for code, name, _rc, _r in municipalities},
    }
    index.labels[language] = (time.monotonic(), labels)
    return labels


def _facets(query: CatalogueQuery, index: FacetIndex, text: int) -> tuple[int, list[Facet]]:
    """The bits of the cases matching everything, and the facets counted disjunctively."""
    chosen = {}
    for facet in PARAMETERS:
        values = query.chosen(facet)
        if values:
            bits = 0
            for value in values:
                bits |= index.values[facet].get(value, 0)
            chosen[facet] = bits
    matching = text
    for bits in chosen.values():
        matching &= bits
    labels = _labels(index)
    names = {"target_group": _("Target group"), "area": _("Competence area"), "effort_type": _("Type of effort"),
             "region": _("Region"), "municipality": _("Municipality")}
    facets = []
    for facet in PARAMETERS:
        others = text
        for name, bits in chosen.items():
            if name != facet:
                others &= bits
        counts = {value: (bits & others).bit_count() for value, bits in index.values[facet].items()}
        picked = set(query.chosen(facet))
        # Known values in their own order (vocabulary, model, name), then any others that cases carry.
        ordered = list(labels[facet]) + sorted(set(counts) - set(labels[facet]))
        values = [FacetValue(value, labels[facet].get(value, (value, ""))[0], counts.get(value, 0),
                             value in picked, labels[facet].get(value, ("", ""))[1])
                  for value in ordered if counts.get(value) or value in picked]
        values += [FacetValue(value, value, 0, True) for value in query.chosen(facet)
                   if value not in labels[facet] and value not in counts]
        facets.append(Facet(facet, PARAMETERS[facet], names[facet], values))
    return matching, facets


def _with_relations(cases: QuerySet) -> QuerySet:
    return cases.select_related("owner").prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name")),
        "target_groups", "effort_types", "areas")


@dataclass(frozen=True)
class Named:
    value: str  # slug or code, what the catalogue filters by
    name: str


def attach_classifications(cases: list[Case]) -> list[Case]:
    """Give each case its municipalities, target groups, types and area codes as plain lists (four flat
    queries for the whole list; the ORM's prefetching costs several times more for a page of results):
    case.municipality_list, case.group_list, case.type_list, case.area_codes."""
    ids = [case.pk for case in cases]
    english = (get_language() or "da")[:2] == "en"
    found: dict[str, dict[int, list]] = {"m": {}, "g": {}, "t": {}, "a": {}}
    for case_id, code, name in (Case.municipalities.through.objects.filter(case_id__in=ids)
                                .order_by("municipality__name")
                                .values_list("case_id", "municipality__code", "municipality__name")):
        found["m"].setdefault(case_id, []).append(Named(code, name))
    for key, through, prefix in (("g", Case.target_groups.through, "targetgroup"),
                                 ("t", Case.effort_types.through, "efforttype")):
        rows = (through.objects.filter(case_id__in=ids).order_by(f"{prefix}__position", f"{prefix}__slug")
                .values_list("case_id", f"{prefix}__slug", f"{prefix}__name_da", f"{prefix}__name_en"))
        for case_id, slug, name_da, name_en in rows:
            found[key].setdefault(case_id, []).append(Named(slug, (english and name_en) or name_da))
    for case_id, code in (CaseArea.objects.unscoped("the areas of cases the caller has read already")
                          .filter(case_id__in=ids).order_by("code").values_list("case_id", "code")):
        found["a"].setdefault(case_id, []).append(code)
    for case in cases:
        case.municipality_list = found["m"].get(case.pk, [])
        case.group_list = found["g"].get(case.pk, [])
        case.type_list = found["t"].get(case.pk, [])
        case.__dict__["area_codes"] = found["a"].get(case.pk, [])  # fills the cached_property
    return cases


# The text matches of recent searches, per index version: choosing facets, another order or the next page
# repeats the text search, which is the one costly part left (a full-text match and a rank per matching case).
TEXT_MATCHES_KEPT = 256
_text_matches: OrderedDict[tuple, list[int]] = OrderedDict()


def _text_match(index: FacetIndex, q: str, *, ranked: bool) -> list[int]:
    """Published case ids matching `q`, best first if `ranked`. Keyed by stems, as both databases search."""
    terms = " ".join(stems(q))
    for key in ((index.version, terms, True), (index.version, terms, ranked)):
        if key in _text_matches:
            _text_matches.move_to_end(key)
            return _text_matches[key]
    found = [pk for pk in search.ranked_ids(q, ranked=ranked, version=index.version) if pk in index.position]
    _text_matches[(index.version, terms, ranked)] = found
    while len(_text_matches) > TEXT_MATCHES_KEPT:
        _text_matches.popitem(last=False)
    return found


def _page_positions(query: CatalogueQuery, index: FacetIndex, ranked: list[int] | None, matching: int,
                    offset: int, limit: int) -> list[int]:
    """Index positions of the cases on the page, in the query's order; stops as soon as the page is full."""
    # The bits as a string, lowest first: one C-speed conversion, then each test or search is cheap (shifting a
    # 5,000-bit int once per candidate is not).
    if limit <= 0:
        return []
    flags = bin(matching)[:1:-1]
    wanted = offset + limit
    found: list[int] = []
    if ranked is not None and query.effective_order == ORDER_RELEVANCE:
        for pk in ranked:
            at = index.position[pk]
            if at < len(flags) and flags[at] == "1":
                found.append(at)
                if len(found) == wanted:
                    break
    else:
        at = flags.find("1")
        while at != -1 and len(found) < wanted:
            found.append(at)
            at = flags.find("1", at + 1)
    return found[offset:]


def _classify_from_index(cases: list[Case], positions: list[int], index: FacetIndex) -> list[Case]:
    """What attach_classifications gives, read from the facet index instead of four queries: the same values in
    the same order (municipalities by name, target groups and types by their vocabulary's order, areas by
    code), named in the active language."""
    labels = _labels(index)
    rank = {facet: {value: i for i, value in enumerate(labels[facet])} for facet in ("municipality",
                                                                                    "target_group", "effort_type")}

    def named(facet: str, at: int) -> list[Named]:
        values = sorted(index.of_case[facet][at], key=lambda v: (rank[facet].get(v, len(rank[facet])), v))
        return [Named(v, labels[facet].get(v, (v, ""))[0]) for v in values]

    for case, at in zip(cases, positions):
        case.municipality_list = named("municipality", at)
        case.group_list = named("target_group", at)
        case.type_list = named("effort_type", at)
        case.__dict__["area_codes"] = sorted(index.of_case["area"][at])  # fills the cached_property
    return cases


def search_cases(query: CatalogueQuery, *, offset: int = 0, limit: int = PAGE_SIZE) -> SearchResult:
    """The published cases matching `query`, `limit` of them from `offset`, with the total and the facets.

    Queries: the index's version check, the text match (only for a text not searched lately) and the page's
    rows; everything else comes from the facet index."""
    index = facet_index()
    ranked: list[int] | None = None
    if query.has_text:
        ranked = _text_match(index, query.q, ranked=query.effective_order == ORDER_RELEVANCE)
        text = _bits((index.position[pk] for pk in ranked), len(index.order))
    else:
        text = index.everything
    matching, facets = _facets(query, index, text)
    positions = _page_positions(query, index, ranked, matching, offset, limit)
    page_ids = [index.order[at] for at in positions]
    by_pk = {case.pk: case for case in _published().filter(pk__in=page_ids).defer("body", "body_text", "results")}
    # A case deleted since the index was read is left out rather than failing the page.
    shown = [(by_pk[pk], at) for pk, at in zip(page_ids, positions) if pk in by_pk]
    cases = _classify_from_index([case for case, _ in shown], [at for _, at in shown], index)
    return SearchResult(query, matching.bit_count(), cases, facets, offset, limit)


def latest_published_cases(count: int) -> list[Case]:
    return attach_classifications(list(_with_relations(_published().order_by("-published_at", "-id"))[:count]))


def related_cases(case: Case, count: int = 4) -> list[Case]:
    """Other published cases sharing the most target groups, competence areas and types of effort."""
    groups = list(case.target_groups.values_list("pk", flat=True))
    types = list(case.effort_types.values_list("pk", flat=True))
    codes = list(case.areas.values_list("code", flat=True))
    score: dict[int, int] = {}
    for pks in (
        Case.target_groups.through.objects.filter(targetgroup_id__in=groups).values_list("case_id", flat=True),
        Case.effort_types.through.objects.filter(efforttype_id__in=types).values_list("case_id", flat=True),
        CaseArea.objects.shared().filter(code__in=codes).values_list("case_id", flat=True),
    ):
        for pk in pks:
            score[pk] = score.get(pk, 0) + 1
    score.pop(case.pk, None)
    candidates = _published().filter(pk__in=list(score)).values_list("pk", "published_at")
    best = sorted(candidates, key=lambda row: (-score[row[0]], -(row[1].timestamp() if row[1] else 0)))[:count]
    by_pk = {c.pk: c for c in _published().filter(pk__in=[pk for pk, _ in best])}
    return attach_classifications([by_pk[pk] for pk, _ in best])


def published_case_count_for_area(code: str) -> int:
    return _published().filter(areas__code=code).count()
