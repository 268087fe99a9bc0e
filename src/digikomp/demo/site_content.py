"""Seeding the demo's site: a few news items, publications (with a small generated PDF each) and events below
the sections that site migration 0002 created, the text of the accessibility statement, and two newsletter
issues (one sent a month ago, one draft to try "Send" on). Idempotent by slug and subject; pages are published
through revisions, as an editor would. No mail is sent: the sent issue is a record, not a mailing."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Collection

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

FICTION = "Demo-indhold: teksten er skrevet til DigiKomps demo."


def _paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p><p><em>{FICTION}</em></p>"}]


NEWS = [
    ("ny-version-af-kompetencemodellen", "Kommunernes digitale kompetencemodel er offentliggjort",
     "The municipalities' digital competence model is published", datetime.date(2026, 9, 15),
     "Modellen beskriver fem områder og 40 kompetencer med niveauer, og 20 rolleprofiler siger, hvad hver "
     "faggruppe har brug for.",
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

PUBLICATIONS = [
    ("digitale-kompetencer-i-kommunerne-2026", "Digitale kompetencer i kommunerne 2026",
     "Digital competence in the municipalities 2026", PublicationPage.Kind.REPORT, datetime.date(2026, 9, 1), 48,
     "Statusrapport om kommunernes arbejde med digitale kompetencer: kortlægninger, indsatser og effekt."),
    ("vejledning-i-lokal-tilpasning", "Vejledning: Sådan tilpasser I rolleprofilerne lokalt",
     "Guide: adapting the role profiles locally", PublicationPage.Kind.GUIDE, datetime.date(2026, 5, 12), 16,
     "Trin for trin: fra den nationale profil til jeres egen, og hvordan I tager en ny version af normen ind."),
    ("borgernes-digitale-parathed-analyse", "Analyse: Borgernes digitale parathed",
     "Analysis: Citizens' digital readiness", PublicationPage.Kind.ANALYSIS, datetime.date(2026, 3, 3), 32,
     "Hvem har brug for hjælp, og hvilke former for hjælp virker? En gennemgang af erfaringer fra kommunerne."),
]

EVENTS = [
    ("netvaerksmoede-digitale-ambassadoerer", "Netværksmøde for digitale ambassadører",
     "Network meeting for digital ambassadors", EventPage.Kind.NETWORK_MEETING, 30, "Aarhus Rådhus, Aarhus",
     False, "Ambassadører fra hele landet mødes og deler erfaringer om hjælp til kolleger."),
    ("dialogforum-efteraar", "Dialogforum: læringstilbud til sundhed og omsorg",
     "Dialogue forum: learning offers for health and care", EventPage.Kind.DIALOGUE_FORUM, 45, "", True,
     "Kommuner og uddannelsesudbydere ser på behovene i sundhed og omsorg og på tilbud, der kan møde dem."),
    ("webinar-ny-model", "Webinar: Kom godt i gang med kompetencemodellen",
     "Webinar: getting started with the competence model", EventPage.Kind.WEBINAR, 14, "", True,
     "En times introduktion til modellen, profilerne og den første kortlægning."),
    ("konference-digitale-kompetencer", "Konference: Digitale kompetencer i kommunerne",
     "Conference: Digital competence in the municipalities", EventPage.Kind.CONFERENCE, -40,
     "Odense Congress Center, Odense", False, "Årets konference med oplæg fra kommuner, forskere og KL."),
]


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


def _pdf(title: str) -> bytes:
    """A one-page PDF that says what it is, written by hand (no PDF library needed for the demo)."""
    text = f"{title} - demo-dokument fra DigiKomp".encode("latin-1", "replace").decode("latin-1")
    text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 760 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


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
            if not NewsPage.objects.filter(slug=slug).exists():
                _publish(news, NewsPage(title=title, title_en=title_en, slug=slug, date=date, intro_da=lead,
                                        body_da=_paragraph(text)))
                created += 1
    if publications is not None:
        collection = Collection.get_first_root_node()
        for slug, title, title_en, kind, date, pages, lead in PUBLICATIONS:
            if PublicationPage.objects.filter(slug=slug).exists():
                continue
            document = Document(title=title, collection=collection)
            document.file.save(f"{slug}.pdf", ContentFile(_pdf(title)), save=False)
            document.save()
            _publish(publications, PublicationPage(
                title=title, title_en=title_en, slug=slug, kind=kind, publication_date=date, pages=pages,
                authors="KL og DigiKomp-sekretariatet", document=document, intro_da=lead,
                body_da=_paragraph(lead)))
            created += 1
    if events is not None:
        today = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
        for slug, title, title_en, kind, days, location, online, lead in EVENTS:
            if EventPage.objects.filter(slug=slug).exists():
                continue
            start = today + datetime.timedelta(days=days)
            _publish(events, EventPage(
                title=title, title_en=title_en, slug=slug, kind=kind, start=start,
                end=start + datetime.timedelta(hours=3), location=location, online=online,
                signup_url="https://www.example.dk/tilmelding", intro_da=lead, body_da=_paragraph(lead)))
            created += 1
    created += _seed_accessibility_statement()
    _seed_newsletter()
    return created


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
