"""The site's starting point: the home page with what DigiKomp is (the text of the front page it replaces), the
sections below it, the editors' group and the moderation workflow in Danish.

- The home page replaces Wagtail's welcome page as the root of the default site.
- Sections: news, publications, events, the page for education providers, about DigiKomp (in the menu) and the
  accessibility statement (linked from the footer), so a new installation has the whole site to fill in.
- Group "Redaktører": access to the CMS; add, edit, publish, lock and unlock every page; add, edit and choose
  documents and images. Users with the national_editor role are put in it (accounts.groups).
- Wagtail's default workflow (one approval step) is renamed in Danish and approved by "Redaktører".

Pages are created with the tree fields written out (treebeard's API is not available on historical models):
Wagtail's root is 0001, the home page 00010002 and its children 000100020001, 000100020002, ...
"""

import uuid

from django.db import migrations
from django.utils import timezone

HOME_PATH = "00010002"


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _link(url, label):
    return {"page": None, "url": url, "label": label}


def _card(kicker, heading, text, url, label):
    return {"kicker": kicker, "heading": heading, "text": text, "link": _link(url, label)}


HOME_DA = [
    _block("cards", {"heading": "Tre spor", "numbered": True, "cards": [
        _card("Spor 1", "Normen",
              "En national model for digitale kompetencer med niveauer og rolleprofiler, der siger, hvilket niveau "
              "hver faggruppe har brug for. Jeres kommune tilpasser profilerne til lokale behov og kan se, hvor I "
              "afviger fra den nationale norm.", "/normen/", "Se modellen og profilerne"),
        _card("Spor 2", "Kortlægning og udvikling",
              "Medarbejderne vurderer sig selv i forhold til deres profil og får et personligt resultat med forslag "
              "til læring. Ledere og HR ser anonyme resultater for deres enheder og planlægger udvikling med "
              "læringstilbud, der matcher hullerne.", "/app/", "Log ind og kom i gang"),
        _card("Spor 3", "Deling og opfølgning",
              "Følg effekten af udviklingen fra den ene kortlægning til den næste, sammenlign med det nationale "
              "billede, og del gode eksempler med de andre kommuner.", "/katalog/", "Find inspiration i kataloget"),
    ]}),
    _block("heading", "Anonymt fra starten"),
    _block("paragraph", "<p>Resultater vises kun for grupper, der er så store, at ingen enkeltperson kan "
                        "genkendes. Dine egne svar kan kun du se.</p>"),
]
HOME_EN = [
    _block("cards", {"heading": "Three tracks", "numbered": True, "cards": [
        _card("Track 1", "The norm",
              "A national model of digital competence with levels, and role profiles that say which level each "
              "profession needs. Your municipality adapts the profiles to local needs and sees where it differs "
              "from the national norm.", "/normen/", "See the model and the profiles"),
        _card("Track 2", "Mapping and development",
              "Employees assess themselves against their profile and get a personal result with suggested "
              "learning. Managers and HR see anonymous results for their units and plan development with "
              "learning offers that match the gaps.", "/app/", "Log in and get started"),
        _card("Track 3", "Sharing and follow-up",
              "Follow the effect of development from one mapping to the next, compare with the national picture, "
              "and share good examples with the other municipalities.", "/katalog/",
              "Find inspiration in the catalogue"),
    ]}),
    _block("heading", "Anonymous by design"),
    _block("paragraph", "<p>Results are only ever shown for groups large enough that no individual can be "
                        "recognised. Your own answers are visible to you alone.</p>"),
]
HOME = {
    "title": "Digitale kompetencer i Danmarks kommuner",
    "title_en": "Digital competence for Denmark's municipalities",
    "intro_da": "DigiKomp giver landets 98 kommuner en fælles norm for digitale kompetencer, værktøjer til at "
                "kortlægge medarbejderne i forhold til den, anonym indsigt i, hvor hullerne er, og et sted at dele "
                "det, der virker.",
    "intro_en": "DigiKomp gives the 98 municipalities a shared norm for digital competence, tools to map their "
                "employees against it, anonymous insight into where the gaps are, and a place to share what works.",
}

SECTIONS = [
    # (model, slug, in menu, Danish title, English title, Danish lead, English lead)
    ("newsindexpage", "nyheder", True, "Nyheder", "News",
     "Nyt om digitale kompetencer i kommunerne, om normen og om DigiKomp.",
     "News about digital competence in the municipalities, the norm and DigiKomp."),
    ("publicationindexpage", "publikationer", True, "Publikationer", "Publications",
     "Rapporter, vejledninger og analyser – og normen selv som PDF.",
     "Reports, guides and analyses – and the norm itself as PDF."),
    ("eventindexpage", "arrangementer", True, "Arrangementer", "Events",
     "Netværksmøder, kurser, konferencer og dialogforum for uddannelsesudbydere.",
     "Network meetings, courses, conferences and the dialogue forum for education providers."),
    ("providerforumpage", "uddannelsesudbydere", True, "For uddannelsesudbydere", "For education providers",
     "Uddannelsesinstitutioner og konsulenthuse: sådan er I med i dialogforum, og sådan lister I jeres "
     "læringstilbud, så kommunerne finder dem.",
     "Education institutions and consultancies: how to take part in the dialogue forum and list your learning "
     "offers so that the municipalities find them."),
    ("standardpage", "om-digikomp", True, "Om DigiKomp", "About DigiKomp",
     "DigiKomp er kommunernes fælles platform for digitale kompetencer.",
     "DigiKomp is the municipalities' shared platform for digital competence."),
    ("standardpage", "tilgaengelighed", False, "Tilgængelighedserklæring", "Accessibility statement",
     "DigiKomp skal kunne bruges af alle. Her kan du læse, hvordan vi lever op til webtilgængelighedsloven.",
     "DigiKomp is meant for everyone. Here is how we meet the Danish web accessibility act."),
]

PROVIDERS_DA = [
    _block("heading", "Dialogforum"),
    _block("paragraph", "<p>Fire gange om året mødes kommuner og uddannelsesudbydere i dialogforum. Vi ser på, hvor "
                        "kortlægningerne viser de største behov, og hvordan læringstilbud kan møde dem. Møderne "
                        "står under arrangementer.</p>"),
    _block("heading", "Sådan lister I jeres læringstilbud"),
    _block("paragraph", "<ol><li>Bed om en udbyderkonto hos DigiKomp-sekretariatet.</li><li>Opret jeres tilbud "
                        "og knyt dem til kompetencerne og niveauerne i den nationale model.</li><li>Kommunerne "
                        "ser tilbuddene som forslag, der hvor deres kortlægninger viser huller.</li></ol>"),
]
PROVIDERS_EN = [
    _block("heading", "Dialogue forum"),
    _block("paragraph", "<p>Four times a year municipalities and education providers meet in the dialogue forum "
                        "to look at where the mappings show the greatest needs and how learning offers can meet "
                        "them. The meetings are listed under events.</p>"),
    _block("heading", "How to list your learning offers"),
    _block("paragraph", "<ol><li>Ask the DigiKomp secretariat for a provider account.</li><li>Create your offers "
                        "and link them to the competences and levels of the national model.</li><li>The "
                        "municipalities see them as suggestions where their mappings show gaps.</li></ol>"),
]

EDITOR_GROUP = "Redaktører"
PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
COLLECTION_PERMISSIONS = [("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
                          ("wagtailimages", "image", ["add_image", "change_image", "choose_image"])]


def _create_pages(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    if apps.get_model("site", "HomePage").objects.exists():
        return
    locale = Locale.objects.order_by("pk").first()
    # Wagtail's welcome page and the site pointing at it make way for ours.
    Site.objects.filter(root_page__depth=2).delete()
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    now = timezone.now()
    taken = set(Page.objects.filter(depth=2).values_list("path", flat=True))
    home_path = next(p for p in (f"0001{n:04d}" for n in range(2, 9999)) if p not in taken)

    def create(model_name, path, depth, slug, url_path, title, title_en, intro_da, intro_en, show_in_menus,
               body_da=(), body_en=(), numchild=0, **extra):
        model = apps.get_model("site", model_name)
        content_type, _ = ContentType.objects.get_or_create(app_label="site", model=model_name)
        return model.objects.create(
            title=title, draft_title=title, slug=slug, content_type=content_type, path=path, depth=depth,
            numchild=numchild, url_path=url_path, live=True, has_unpublished_changes=False, locale=locale,
            first_published_at=now, last_published_at=now,
            show_in_menus=show_in_menus, title_en=title_en, intro_da=intro_da, intro_en=intro_en,
            body_da=list(body_da), body_en=list(body_en), **extra)

    home = create("homepage", home_path, 2, "forside", "/forside/", HOME["title"], HOME["title_en"],
                  HOME["intro_da"], HOME["intro_en"], False, HOME_DA, HOME_EN, numchild=len(SECTIONS))
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    for position, (model_name, slug, menu, title, title_en, lead_da, lead_en) in enumerate(SECTIONS, start=1):
        extra = {}
        body_da, body_en = (), ()
        if model_name == "providerforumpage":
            body_da, body_en = PROVIDERS_DA, PROVIDERS_EN
        create(model_name, f"{home_path}{position:04d}", 3, slug, f"/forside/{slug}/", title, title_en, lead_da,
               lead_en, menu, body_da, body_en, **extra)
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                        site_name="DigiKomp")


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename,
                                                     defaults={"name": codename.replace("_", " ")})
    return permission


def _editor_group(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")

    group, _ = Group.objects.get_or_create(name=EDITOR_GROUP)
    group.permissions.add(_permission(apps, "wagtailadmin", "admin", "access_admin"))
    root = Page.objects.get(depth=1)
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(group=group, page=root,
                                                  permission=_permission(apps, "wagtailcore", "page", codename))
    collection = Collection.objects.filter(depth=1).first()
    if collection is not None:
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=collection, permission=_permission(apps, app_label, model, codename))
    # The default workflow: one approval by an editor. Wagtail made it for its "Moderators" group.
    for task in GroupApprovalTask.objects.all():
        task.groups.add(group)
        if task.name == "Moderators approval":
            task.name = "Godkendelse af en redaktør"
            task.save(update_fields=["name"])
    Workflow.objects.filter(name="Moderators approval").update(name="Redaktionel godkendelse")
    # National editors who exist already (accounts.groups keeps it in step from now on).
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")
    for assignment in RoleAssignment.objects.filter(role="national_editor").select_related("user"):
        assignment.user.groups.add(group)


def forward(apps, schema_editor):
    _create_pages(apps)
    _editor_group(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("site", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("accounts", "0001_initial"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
