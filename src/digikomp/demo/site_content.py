"""Seeding the demo's site: a few news items, publications (real tagged PDFs, demo/publications.py) and events
below the sections that site migration 0002 created, the texts of "Om DigiKomp" and of the accessibility
statement, and two newsletter
issues (one sent a month ago, one draft to try "Send" on). Idempotent by slug and subject; pages are published
through revisions, as an editor would. No mail is sent: the sent issue is a record, not a mailing."""

from __future__ import annotations

import datetime
import logging

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection

from digikomp.demo import publications as publications_content
from digikomp.lib.pdf import PdfUnavailable
from digikomp.site.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsletterIssue,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
    StandardPage,
)
from digikomp.site.registrations import signup

logger = logging.getLogger(__name__)

# What the first demo's news item said, though the model it announced has other numbers.
OLD_MODEL_SENTENCE = "fem områder og 40 kompetencer"
FICTION = "Demo-indhold: teksten er skrevet til DigiKomps demo."


def _paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p><p><em>{FICTION}</em></p>"}]


NEWS = [
    ("ny-version-af-kompetencemodellen", "Kommunernes digitale kompetencemodel er offentliggjort",
     "The municipalities' digital competence model is published", datetime.date(2026, 9, 15),
     None,  # publications.model_sentence(): the numbers are counted from the published model
     "Modellen er udviklet sammen med kommuner, faglige organisationer og uddannelsesinstitutioner og kan hentes "
     "som åbne data, som PDF og som CASE-pakke."),
    ("30-cases-i-inspirationskataloget", "Over 30 gode eksempler i inspirationskataloget",
     "More than 30 good examples in the inspiration catalogue", datetime.date(2026, 10, 2),
     "Kommunerne deler nu deres erfaringer med digitale ambassadører, it-caféer og lederforløb i ét katalog.",
     "Kataloget kan søges på målgruppe, kompetenceområde, type indsats, region og kommune. Alle kommuner kan "
     "indsende deres egne cases."),
    ("borgernes-digitale-parathed", "Borgernes digitale parathed: fokus på de fritagne",
     "Citizens' digital readiness: the exempted in focus", datetime.date(2026, 8, 20),
     "Omkring fem procent af borgerne er fritaget for Digital Post. Flere kommuner prøver nye måder at hjælpe "
     "dem på.",
     "Erfaringerne viser, at personlig hjælp og respekt for borgerens valg virker bedre end kampagner alene."),
    ("dialogforum-for-udbydere", "Dialogforum for uddannelsesudbydere er i gang",
     "The dialogue forum for education providers has started", datetime.date(2026, 6, 5),
     "Første møde samlede 40 udbydere og kommuner om, hvor kortlægningerne viser de største behov.",
     "Næste møde handler om læringstilbud til medarbejdere i sundhed og omsorg."),
]

# Slugs of the placeholder publications earlier demos made (a one-page PDF saying what it was): replaced by the
# real documents of demo/publications.py when seed-demo runs again.
PLACEHOLDER_SLUGS = ("digitale-kompetencer-i-kommunerne-2026", "vejledning-i-lokal-tilpasning",
                     "borgernes-digitale-parathed-analyse")
PLACEHOLDER_MAX_BYTES = 2000

EVENTS = [
    ("netvaerksmoede-digitale-ambassadoerer", "Netværksmøde for digitale ambassadører",
     "Network meeting for digital ambassadors", EventPage.Kind.NETWORK_MEETING, 30, "Aarhus Rådhus, Aarhus",
     False, "Ambassadører fra hele landet mødes og deler erfaringer om hjælp til kolleger.", 40),
    ("dialogforum-efteraar", "Dialogforum: læringstilbud til sundhed og omsorg",
     "Dialogue forum: learning offers for health and care", EventPage.Kind.DIALOGUE_FORUM, 45, "", True,
     "Kommuner og uddannelsesudbydere ser på behovene i sundhed og omsorg og på tilbud, der kan møde dem.",
     4),
    ("webinar-ny-model", "Webinar: Kom godt i gang med kompetencemodellen",
     "Webinar: getting started with the competence model", EventPage.Kind.WEBINAR, 14, "", True,
     "En times introduktion til modellen, profilerne og den første kortlægning.", None),
    ("konference-digitale-kompetencer", "Konference: Digitale kompetencer i kommunerne",
     "Conference: Digital competence in the municipalities", EventPage.Kind.CONFERENCE, -40,
     "Odense Congress Center, Odense", False, "Årets konference med oplæg fra kommuner, forskere og KL.", 300),
]
# The dialogue forum is full, with one on its waiting list, so the demo shows both (fictional people).
DEMO_SIGNUPS = {"dialogforum-efteraar": [
    ("Anne Holm", "anne.holm@aarhus.demo", "Aarhus Kommune"), ("Bo Nielsen", "bo.nielsen@odense.demo", "Odense Kommune"),
    ("Camilla Berg", "camilla@udbyder.demo", "Eksempel Akademi"), ("Dennis Lund", "dennis@vejle.demo", "Vejle Kommune"),
    ("Eva Møller", "eva.moller@aalborg.demo", "Aalborg Kommune"),
]}
# Earlier demos linked every event to a placeholder address elsewhere; they now take sign-ups in DigiKomp.
PLACEHOLDER_SIGNUP_URL = "https://www.example.dk/tilmelding"


ACCESSIBILITY_SLUG = "tilgaengelighed"
WAS = "https://www.was.digst.dk/"


def _text(kind: str, value: str) -> dict:
    return {"type": kind, "value": value}


ACCESSIBILITY_DA = [
    _text("heading", "Vores mål"),
    _text("paragraph",
          "<p>DigiKomp skal kunne bruges af alle – også af dig, der bruger skærmlæser, forstørrelse, tastatur i "
          "stedet for mus eller andre hjælpemidler. Vi arbejder efter standarden WCAG 2.1 på niveau AA, som lov "
          "om tilgængelighed af offentlige organers websteder og mobilapplikationer kræver.</p>"),
    _text("heading", "Sådan arbejder vi"),
    _text("paragraph",
          "<ul><li>Siderne er bygget med almindelig, semantisk HTML og kan bruges med tastatur alene.</li>"
          "<li>Søgning og filtre i inspirationskataloget virker uden JavaScript.</li>"
          "<li>Heatmaps er tabeller med tallene i cellerne, så farven aldrig er den eneste information.</li>"
          "<li>Udvalgte sider testes automatisk med værktøjet axe-core, hver gang koden ændres.</li></ul>"
          "<p>Automatiske test finder ikke alle problemer. Derfor er det vigtigt for os at høre fra dig, hvis "
          "noget ikke virker.</p>"),
    _text("heading", "Kendte begrænsninger"),
    _text("paragraph",
          "<p>Dokumenter og billeder, som redaktører og kommuner lægger på siden, kan være mindre tilgængelige "
          "end selve platformen, f.eks. ældre PDF-filer. Har du brug for et dokument i en anden form, så skriv "
          "til os.</p>"),
    _text("heading", "Fortæl os om problemer"),
    _text("paragraph",
          "<p>Skriv til DigiKomp-sekretariatet på tilgaengelighed@digikomp.example, og fortæl, hvilken side det "
          "drejer sig om, og hvad der gik galt. Vi svarer så hurtigt, vi kan.</p>"),
    _text("heading", "Klagemulighed"),
    _text("paragraph",
          f'<p>Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn '
          f'med webtilgængelighed i det offentlige. Læs om klagemuligheden på <a href="{WAS}">was.digst.dk</a>.'
          f'</p><p><em>{FICTION}</em></p>'),
]
ACCESSIBILITY_EN = [
    _text("heading", "Our aim"),
    _text("paragraph",
          "<p>DigiKomp is meant for everyone, including people who use a screen reader, magnification, a "
          "keyboard instead of a mouse or other assistive technology. We work to the WCAG 2.1 standard at level "
          "AA, as the Danish act on the accessibility of public sector websites and mobile applications "
          "requires.</p>"),
    _text("heading", "How we work"),
    _text("paragraph",
          "<ul><li>Pages are plain, semantic HTML and can be used with a keyboard alone.</li>"
          "<li>Search and filters in the inspiration catalogue work without JavaScript.</li>"
          "<li>Heatmaps are tables with the numbers in the cells, so colour is never the only information.</li>"
          "<li>Selected pages are tested automatically with the axe-core tool whenever the code changes.</li></ul>"
          "<p>Automated tests do not find every problem, so please tell us if something does not work for "
          "you.</p>"),
    _text("heading", "Known limitations"),
    _text("paragraph",
          "<p>Documents and images that editors and municipalities publish may be less accessible than the "
          "platform itself, for example older PDF files. If you need a document in another form, write to "
          "us.</p>"),
    _text("heading", "Tell us about problems"),
    _text("paragraph",
          "<p>Write to the DigiKomp secretariat at tilgaengelighed@digikomp.example and tell us which page it is "
          "and what went wrong. We answer as soon as we can.</p>"),
    _text("heading", "Complaints"),
    _text("paragraph",
          f'<p>If you are not satisfied with our answer, you can complain to the Danish Agency for '
          f'Digital Government (Digitaliseringsstyrelsen), which supervises web accessibility in the public '
          f'sector. Read about complaints at <a href="{WAS}">was.digst.dk</a> (in Danish).</p>'),
]

NEWSLETTER_SENT = ("DigiKomps nyhedsbrev: kompetencemodellen er på vej",
                   "<p>Kære læser</p><p>Den fælles kompetencemodel er snart klar. I dette nummer fortæller vi, "
                   "hvordan kommunerne har været med til at forme den, og hvad der sker efter lanceringen.</p>"
                   f"<p><em>{FICTION}</em></p>")
NEWSLETTER_DRAFT = ("DigiKomps nyhedsbrev: modellen er ude – og kataloget vokser",
                    "<p>Kære læser</p><p>Kompetencemodellen og rolleprofilerne er offentliggjort, og over 30 "
                    "kommuner har delt deres erfaringer i inspirationskataloget. Her er det nyeste.</p>"
                    f"<p><em>{FICTION}</em></p>")


def _publish(parent, page) -> None:
    parent.add_child(instance=page)
    page.save_revision().publish()


def seed_site() -> int:
    """Create the demo's news, publications and events that do not exist yet; returns how many pages."""
    created = 0
    news = NewsIndexPage.objects.first()
    publications = PublicationIndexPage.objects.first()
    events = EventIndexPage.objects.first()
    if news is not None:
        for slug, title, title_en, date, lead, text in NEWS:
            lead = lead or publications_content.model_sentence()
            page = NewsPage.objects.filter(slug=slug).first()
            if page is None:
                _publish(news, NewsPage(title=title, title_en=title_en, slug=slug, date=date, intro_da=lead,
                                        body_da=_paragraph(text)))
                created += 1
            elif OLD_MODEL_SENTENCE in page.intro_da:  # an earlier demo's count, which the model contradicted
                page.intro_da = lead
                page.save_revision().publish()
    if publications is not None:
        created += _seed_publications(publications)
    if events is not None:
        today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
        for slug, title, title_en, kind, days, location, online, lead, capacity in EVENTS:
            existing = EventPage.objects.filter(slug=slug).first()
            if existing is not None:
                if existing.signup_url == PLACEHOLDER_SIGNUP_URL:
                    existing.signup_url, existing.capacity = "", capacity
                    existing.save_revision().publish()
                continue
            start = today + datetime.timedelta(days=days)
            event = EventPage(title=title, title_en=title_en, slug=slug, kind=kind, start=start,
                              end=start + datetime.timedelta(hours=3), location=location, online=online,
                              capacity=capacity, intro_da=lead, body_da=_paragraph(lead))
            _publish(events, event)
            created += 1
            for name, email, organisation in DEMO_SIGNUPS.get(slug, []):
                signup(event=event, name=name, email=email, organisation=organisation, notify=False)
    created += _seed_accessibility_statement()
    _seed_about_page()
    _seed_newsletter()
    return created


def _seed_publications(parent) -> int:
    """The real documents of demo/publications.py, each once; placeholders of earlier demos are replaced."""
    for page in PublicationPage.objects.filter(slug__in=PLACEHOLDER_SLUGS).select_related("document"):
        document = page.document
        if document.file and document.file.size <= PLACEHOLDER_MAX_BYTES:
            page.delete()
            document.file.delete(save=False)
            document.delete()
    try:
        made = publications_content.all_publications()
    except PdfUnavailable as exc:  # without Pango the demo has no publications; the rest works
        logger.warning("The demo's publications were not made: %s", exc)
        return 0
    collection = Collection.get_first_root_node()
    created = 0
    for item in made:
        if PublicationPage.objects.filter(slug=item.slug).exists():
            continue
        document = Document(title=item.title, collection=collection)
        document.file.save(f"{item.slug}.pdf", ContentFile(item.pdf), save=False)
        document.save()
        _publish(parent, PublicationPage(
            title=item.title, title_en=item.title_en, slug=item.slug, kind=item.kind, publication_date=item.date,
            pages=item.pages, authors="DigiKomp-sekretariatet", document=document, intro_da=item.lead,
            body_da=_paragraph(item.lead)))
        created += 1
    return created


ABOUT_SLUG = "om-digikomp"
CONTACT = "sekretariat@digikomp.example"


def _about_da() -> list[dict]:
    facts = publications_content.model_facts()
    licence_text = ""
    if facts is not None:
        version = facts[0]
        licence_text = (f"<p>{version.attribution_da}</p>" if version.attribution_da else "")
        if version.license:
            licence_text += (f"<p>{version.title_da} {version.version} udgives under licensen {version.license}, så "
                             "alle må bruge, dele og tilpasse den, når kilden nævnes.</p>")
    return [
        _text("heading", "Hvem vi er"),
        _text("paragraph",
              "<p>DigiKomp er kommunernes fælles platform for digitale kompetencer. Platformen drives af "
              "DigiKomp-sekretariatet på vegne af kommunerne og udvikles sammen med kommunale digitaliseringschefer, "
              "HR-medarbejdere, ledere, faglige organisationer og uddannelsesinstitutioner.</p>"),
        _text("heading", "Hvad DigiKomp gør"),
        _text("paragraph",
              f"<ul><li><strong>Normen:</strong> en fælles national kompetencemodel. {publications_content.model_sentence()}"
              "</li><li><strong>Lokal tilpasning:</strong> hver kommune kan tilpasse profilerne og ser altid, hvor "
              "den afviger fra normen.</li><li><strong>Kortlægning:</strong> medarbejderne vurderer sig selv mod "
              "deres profil og får et personligt resultat med forslag til næste skridt.</li><li><strong>Indsigt:"
              "</strong> ledelsen ser anonyme heatmaps over organisationen – aldrig den enkeltes svar.</li>"
              "<li><strong>Inspiration:</strong> kommunerne deler gode eksempler i inspirationskataloget.</li></ul>"),
        _text("heading", "Vores mission"),
        _text("paragraph",
              "<p>Alle kommunale medarbejdere skal have de digitale kompetencer, deres arbejde kræver, og alle borgere "
              "skal kunne få hjælp til det digitale. Vi gør det nemt for kommunerne at vide, hvor de står, at vælge "
              "de rigtige indsatser og at se, om de virker.</p>"),
        _text("heading", "Modellen, licens og kilder"),
        _text("paragraph",
              licence_text + '<p>Læs hele modellen under <a href="/normen/">Normen</a>, hvor den også kan hentes '
              "som PDF, åbne data og CASE-pakke.</p>"),
        _text("heading", "Kontakt"),
        _text("paragraph",
              f'<p>Skriv til DigiKomp-sekretariatet på <a href="mailto:{CONTACT}">{CONTACT}</a>. Spørgsmål om '
              'tilgængelighed kan du også stille via <a href="/tilgaengelighed/">tilgængelighedserklæringen</a>.</p>'
              f"<p><em>{FICTION}</em></p>"),
    ]


def _about_en() -> list[dict]:
    facts = publications_content.model_facts()
    licence_text = ""
    if facts is not None:
        version = facts[0]
        licence_text = f"<p>{version.attribution_en}</p>" if version.attribution_en else ""
        if version.license:
            licence_text += (f"<p>{version.title_en or version.title_da} {version.version} is published under the "
                             f"{version.license} licence: anyone may use, share and adapt it with attribution.</p>")
    return [
        _text("heading", "Who we are"),
        _text("paragraph",
              "<p>DigiKomp is the municipalities' shared platform for digital competence, run by the DigiKomp "
              "secretariat on behalf of the municipalities and developed with municipal digitalisation chiefs, HR, "
              "managers, trade unions and education institutions.</p>"),
        _text("heading", "What DigiKomp does"),
        _text("paragraph",
              "<ul><li><strong>The norm:</strong> a shared national competence model with role profiles.</li>"
              "<li><strong>Local adaptation:</strong> each municipality adapts the profiles and always sees where it "
              "deviates from the norm.</li><li><strong>Mapping:</strong> employees assess themselves against their "
              "profile and get a personal result with next steps.</li><li><strong>Insights:</strong> management "
              "sees anonymous heatmaps of the organisation, never an individual's answers.</li><li><strong>"
              "Inspiration:</strong> municipalities share good practice in the inspiration catalogue.</li></ul>"),
        _text("heading", "Our mission"),
        _text("paragraph",
              "<p>Every municipal employee should have the digital competence their work needs, and every citizen "
              "should be able to get help with digital tasks. We make it easy for municipalities to know where they "
              "stand, choose the right efforts and see whether they work.</p>"),
        _text("heading", "The model, licence and sources"),
        _text("paragraph",
              licence_text + '<p>Read the whole model under <a href="/normen/">The norm</a>, where it can also be '
              "downloaded as PDF, open data and a CASE package.</p>"),
        _text("heading", "Contact"),
        _text("paragraph", f'<p>Write to the DigiKomp secretariat at <a href="mailto:{CONTACT}">{CONTACT}</a>.</p>'),
    ]


def _seed_about_page() -> None:
    """Write "Om DigiKomp" into the page migration 0002 made, unless an editor has written it."""
    page = StandardPage.objects.filter(slug=ABOUT_SLUG).first()
    if page is not None and not page.body_da:
        page.body_da, page.body_en = _about_da(), _about_en()
        page.save_revision().publish()


def _seed_accessibility_statement() -> int:
    """Write the statement into the page migration 0002 made (if an editor has not), or create it."""
    page = StandardPage.objects.filter(slug=ACCESSIBILITY_SLUG).first()
    if page is not None:
        if not page.body_da:
            page.body_da, page.body_en = ACCESSIBILITY_DA, ACCESSIBILITY_EN
            page.save_revision().publish()
        return 0
    home = HomePage.objects.first()
    if home is None:
        return 0
    _publish(home, StandardPage(
        title="Tilgængelighedserklæring", title_en="Accessibility statement", slug=ACCESSIBILITY_SLUG,
        show_in_menus=False, intro_da="DigiKomp skal kunne bruges af alle. Her kan du læse, hvordan vi lever op "
        "til webtilgængelighedsloven.", intro_en="DigiKomp is meant for everyone. Here is how we meet the "
        "Danish web accessibility act.", body_da=ACCESSIBILITY_DA, body_en=ACCESSIBILITY_EN))
    return 1


def _seed_newsletter() -> None:
    """A sent issue as a record (no subscribers are mailed: it simply says it reached none) and a draft."""
    subject, intro = NEWSLETTER_SENT
    if not NewsletterIssue.objects.filter(subject=subject).exists():
        sent = timezone.now() - datetime.timedelta(days=30)
        NewsletterIssue.objects.create(subject=subject, intro_da=intro, send_requested_at=sent,
                                       delivered_at=sent, recipient_count=0)
    subject, intro = NEWSLETTER_DRAFT
    if not NewsletterIssue.objects.filter(subject=subject).exists():
        NewsletterIssue.objects.create(subject=subject, intro_da=intro)
