"""The demo's publications as real documents: tagged PDF/UA files rendered with WeasyPrint from real content, never
placeholders. The model as a PDF (the same template as /normen/…/pdf/), the national role profiles in overview
(read from the latest norm release), a guide to local adaptation (text written for the demo, describing what
DigiKomp does) and the inspiration catalogue in overview (its published cases). Numbers in the texts are read
from the database, so they agree with what the norm's pages show."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from digikomp.lib.pdf import render_pdf_document

PUBLICATION_TEMPLATE = "demo/publication_pdf.html"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    table_caption: str = ""
    table_head: list[str] = field(default_factory=list)
    table_rows: list[list[str]] = field(default_factory=list)  # first cell is the row's header


@dataclass
class Publication:
    slug: str
    title: str
    title_en: str
    kind: str
    date: datetime.date
    lead: str
    pdf: bytes
    pages: int


def _document(title: str, lead: str, sections: list[Section], kind_label: str) -> tuple[bytes, int]:
    return render_pdf_document(PUBLICATION_TEMPLATE, {
        "title": title, "lead": lead, "sections": sections, "kind_label": kind_label, "language": "da",
    }, language="da")


def model_facts():
    """The published model's size, or None before the norm is loaded: (version, top areas, competences,
    levels, national profiles)."""
    from digikomp.profiles.models import NormRelease
    from digikomp.profiles.public.selectors import national_revisions

    release = NormRelease.latest()
    if release is None:
        return None
    version = release.framework_version
    areas = list(version.areas.filter(parent__isnull=True).order_by("code"))
    return version, areas, version.competences.count(), version.levels.count(), len(national_revisions(release))


def model_sentence() -> str:
    """One Danish sentence saying what the model holds, counted from the database."""
    facts = model_facts()
    if facts is None:
        return "Modellen beskriver kompetencer med niveauer, og rolleprofiler siger, hvad hver faggruppe har brug for."
    _version, areas, competences, levels, profiles = facts
    names = [area.title_da for area in areas]
    listed = ", ".join(names[:-1]) + " og " + names[-1] if len(names) > 1 else "".join(names)
    return (f"Modellen beskriver {competences} kompetencer i {len(areas)} hovedområder – {listed} – på {levels} "
            f"niveauer, og {profiles} nationale rolleprofiler siger, hvad hver faggruppe har brug for.")


def the_model() -> Publication | None:
    from digikomp.frameworks.public.views import MODEL_PDF_TEMPLATE, model_pdf_context

    facts = model_facts()
    if facts is None:
        return None
    version = facts[0]
    pdf, pages = render_pdf_document(MODEL_PDF_TEMPLATE, model_pdf_context(version, "da"), language="da")
    return Publication(
        "kompetencemodellen-som-pdf", f"{version.title_da} {version.version}",
        f"{version.title_en or version.title_da} {version.version}", "tool", datetime.date(2026, 9, 15),
        model_sentence() + " Her er hele modellen med alle niveaubeskrivelser samlet i ét dokument.", pdf, pages)


def profiles_overview() -> Publication | None:
    from digikomp.profiles.models import NormRelease
    from digikomp.profiles.public.selectors import national_revisions
    from digikomp.profiles.selectors import national_norm

    release = NormRelease.latest()
    if release is None:
        return None
    version = release.framework_version
    competences = {c.identifier: c for c in version.competences.order_by("code")}
    levels = {level.value: level.name_da for level in version.levels.all()}
    importance = {"essential": "afgørende", "useful": "nyttig"}
    revisions = national_revisions(release)
    sections = [Section("Om oversigten", paragraphs=[
        f"Oversigten samler de {len(revisions)} nationale rolleprofiler i normens version {release.version}. "
        f"Hver profil siger, hvilke af modellens {len(competences)} kompetencer faggruppen har brug for, på "
        "hvilket niveau, og om kravet er afgørende eller nyttigt for arbejdet.",
        "Kommunerne kan tilpasse profilerne lokalt: hæve eller sænke et niveau, tilføje eller fjerne en kompetence "
        "og skrive lokale noter. Afvigelserne fra normen vises altid ved siden af profilen.",
    ])]
    for revision in revisions:
        norm = national_norm(revision.profile, release)
        rows = sorted(((competences[i], req) for i, req in norm.items() if i in competences),
                      key=lambda pair: pair[0].code)
        sections.append(Section(
            revision.name_da, paragraphs=[revision.description_da] if revision.description_da else [],
            table_caption=f"{len(rows)} krævede kompetencer",
            table_head=["Kompetence", "Niveau", "Betydning"],
            table_rows=[[f"{c.code} {c.title_da}", f"{req.level} – {levels.get(req.level, '')}",
                         importance.get(req.importance, req.importance)] for c, req in rows]))
    title = "De nationale rolleprofiler i overblik"
    lead = (f"Alle {len(revisions)} nationale rolleprofiler med deres krav til digitale kompetencer, som normens "
            f"version {release.version} fastlægger dem.")
    pdf, pages = _document(title, lead, sections, "Oversigt")
    return Publication("rolleprofilerne-i-overblik", title, "The national role profiles at a glance", "report",
                       datetime.date(2026, 9, 15), lead, pdf, pages)


GUIDE = [
    Section("Hvorfor tilpasse lokalt?", paragraphs=[
        "De nationale rolleprofiler er et fælles udgangspunkt. De beskriver, hvad en faggruppe typisk har brug for, "
        "men arbejdet ser forskelligt ud fra kommune til kommune: én kommune har indført skærmbesøg i hele "
        "hjemmeplejen, en anden bruger stadig papirbaserede arbejdsgange i dele af driften.",
        "En lokal tilpasning gør profilen til jeres egen uden at slippe forbindelsen til normen. Alle kan se, "
        "hvor jeres profil afviger fra den nationale, og hvorfor.",
    ]),
    Section("Før I går i gang", items=[
        "Vælg de profiler, der dækker flest medarbejdere. Få profiler, der passer godt, er bedre end mange, der "
        "passer nogenlunde.",
        "Inddrag ledere og medarbejdere fra faggruppen. De ved, hvilke systemer og opgaver der fylder.",
        "Aftal, hvem der godkender ændringer, og hvor ofte I ser profilerne efter.",
        "Knyt jeres stillingskoder til profilerne, så hver medarbejder får den rigtige profil i kortlægningen.",
    ]),
    Section("Trin 1: Læs den nationale profil", paragraphs=[
        "Åbn profilen under Profiler i DigiKomp. Den viser hver krævet kompetence med niveau og betydning. "
        "Niveaubeskrivelserne fortæller, hvad en medarbejder på hvert niveau kan, med eksempler fra den "
        "kommunale hverdag. Læs dem, før I ændrer et niveau: ofte er forskellen mellem to niveauer mindre, end "
        "navnene antyder.",
    ]),
    Section("Trin 2: Hæv, sænk, tilføj eller fjern", paragraphs=[
        "Tilpas profilen kompetence for kompetence. I kan hæve eller sænke det krævede niveau, tilføje en "
        "kompetence, som normen ikke kræver, eller fjerne en, som ikke er relevant hos jer. Skriv altid en kort "
        "begrundelse: den vises ved afvigelsen og hjælper den næste, der ser på profilen.",
        "Profilen kan også få et lokalt navn og en lokal note, f.eks. om de systemer, faggruppen bruger.",
    ]),
    Section("Trin 3: Se afvigelserne samlet", paragraphs=[
        "Siden med jeres profil viser normens niveau ved siden af jeres eget og lister hver afvigelse med "
        "begrundelse. Den offentlige side for jeres kommune viser det samme, så medarbejdere, tillidsrepræsentanter "
        "og uddannelsesudbydere kan se, hvad I forventer.",
    ]),
    Section("Trin 4: Tag en ny version af normen ind", paragraphs=[
        "Når normen udkommer i en ny version, viser DigiKomp, hvad der er ændret: nye kompetencer, ændrede niveauer "
        "og kompetencer, der er erstattet. I vælger selv, hvornår I tager versionen ind. Jeres tilpasninger følger "
        "med, og hvor normen har ændret et krav, I selv har ændret, bliver I bedt om at tage stilling.",
    ]),
    Section("Trin 5: Brug profilen i kortlægningen", paragraphs=[
        "En kortlægning måler medarbejdernes egen vurdering mod deres profil. Resultaterne vises kun samlet for "
        "grupper, der er store nok til at bevare anonymiteten. Brug heatmappet til at finde de kompetencer, hvor "
        "mange ligger under kravet, og vælg indsatser til netop dem.",
    ]),
    Section("Gode råd", items=[
        "Ændr kun et niveau, når I kan forklare hvorfor.",
        "Se profilerne efter en gang om året, f.eks. efter årets kortlægning.",
        "Del jeres erfaringer i inspirationskataloget, så andre kommuner kan lære af dem.",
    ]),
]


def guide() -> Publication:
    title = "Vejledning: Sådan tilpasser I rolleprofilerne lokalt"
    lead = ("Trin for trin: fra den nationale profil til jeres egen, og hvordan I tager en ny version af normen "
            "ind uden at miste jeres tilpasninger.")
    pdf, pages = _document(title, lead, GUIDE, "Vejledning")
    return Publication("vejledning-i-lokal-tilpasning", title, "Guide: adapting the role profiles locally", "guide",
                       datetime.date(2026, 5, 12), lead, pdf, pages)


def catalogue_overview() -> Publication | None:
    from digikomp.catalogue.selectors import latest_published_cases

    cases = latest_published_cases(500)
    if not cases:
        return None
    sections = [Section("Om kataloget", paragraphs=[
        f"Inspirationskataloget samler {len(cases)} offentliggjorte eksempler fra kommunerne på arbejdet med "
        "digitale kompetencer hos medarbejderne og digital parathed hos borgerne. Hver case er skrevet af den "
        "kommune, der står bag, og gennemset af redaktionen. Den fulde tekst og kontaktpersonerne findes i "
        "kataloget på DigiKomp.",
    ])]
    for case in sorted(cases, key=lambda c: c.title):
        paragraphs = [case.summary] + ([f"Resultater: {case.results}"] if getattr(case, "results", "") else [])
        sections.append(Section(case.title, paragraphs=paragraphs))
    title = "Inspirationskataloget: kommunernes erfaringer i overblik"
    lead = "Et sammendrag af de offentliggjorte cases om digitale kompetencer og borgernes digitale parathed."
    pdf, pages = _document(title, lead, sections, "Oversigt")
    return Publication("inspirationskataloget-i-overblik", title, "The inspiration catalogue at a glance", "analysis",
                       datetime.date(2026, 10, 2), lead, pdf, pages)


def all_publications() -> list[Publication]:
    """Every demo publication whose content exists (the model and profiles need the norm, the overview cases)."""
    made = [the_model(), profiles_overview(), guide(), catalogue_overview()]
    return [publication for publication in made if publication is not None]
