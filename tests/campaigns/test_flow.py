"""The whole loop through the pages: an admin creates a campaign with a question of its own, creates the
invitations, sends the e-mails, people answer, and the heatmap shows what insights.heatmap computes."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from digikomp.assessments.mail import personal_link
from digikomp.assessments.models import Campaign, Invitation
from digikomp.audit.models import AuditEntry
from digikomp.insights.heatmap import build_heatmap
from tests.assessments.helpers import close_campaign
from tests.campaigns.helpers import answer_all, populate
from tests.insights_pages.markup import assert_matches, heatmap_cells
from tests.web.markup import text


def form_data(**overrides) -> dict:
    today = timezone.localdate()
    data = {
        "name": "Digitale kompetencer 2026", "series": "", "new_series": "Digitale kompetencer",
        "opens": (today - timedelta(days=1)).isoformat(), "closes": (today + timedelta(days=20)).isoformat(),
        "anonymity_k": "3", "knowledge_checks": "on", "reminder_days": "7, 14",
        "q1_kind": "scale", "q1_text_da": "Hvor tryg er du ved nye systemer?",
        "q1_text_en": "How confident are you with new systems?",
    }
    data.update(overrides)
    return data


@pytest.fixture
def populated(shipped_norm, world):
    populate(world)
    return world


def test_an_admin_runs_a_campaign_from_creation_to_heatmap(populated, client_for):
    world = populated
    admin = client_for("municipal_admin")

    response = admin.post(reverse("campaigns:create"), form_data())
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("campaigns:detail", args=[campaign.pk])
    assert campaign.municipality == world.aarhus and campaign.series.name == "Digitale kompetencer"
    assert campaign.anonymity_k == 3 and campaign.knowledge_checks and campaign.reminder_days == [7, 14]
    question = campaign.custom_questions.get()
    assert (question.kind, question.text_da, question.position) == ("scale", "Hvor tryg er du ved nye systemer?", 1)
    # The last day chosen is the last day people can answer.
    assert timezone.localtime(campaign.closes_at).date() == timezone.localdate() + timedelta(days=21)

    page = admin.get(reverse("campaigns:detail", args=[campaign.pk]))
    # Anna, Bo, Carla, eight assistants, one more teacher and four librarians have a profile.
    assert "People in the audience 16" in text(page)

    assert admin.post(reverse("campaigns:invite", args=[campaign.pk])).status_code == 302
    assert Invitation.objects.filter(campaign=campaign).count() == 16

    assert admin.post(reverse("campaigns:send", args=[campaign.pk])).status_code == 302
    # Carla and the four librarians have no address; everyone else gets their personal link.
    assert len(mail.outbox) == 11
    anna = Invitation.objects.get(campaign=campaign, person=world.people["anna"])
    assert any(personal_link(anna) in m.body for m in mail.outbox if m.to == ["anna@aarhus.example"])
    assert AuditEntry.objects.filter(action="campaign.mail", object_id=str(campaign.pk)).exists()

    # Sending again queues nothing new: everyone has had their e-mail.
    admin.post(reverse("campaigns:send", args=[campaign.pk]))
    assert len(mail.outbox) == 11

    assert answer_all(campaign) == 15
    heatmap_url = reverse("insights:heatmap", kwargs={"pk": campaign.pk, "unit": "AAR"})
    # While it is open, the heatmap says when results come and shows no cell.
    heatmap_page = admin.get(heatmap_url)
    assert heatmap_page.status_code == 200 and heatmap_cells(heatmap_page) == {}
    assert "The results are released when the campaign closes" in heatmap_page.content.decode()

    close_campaign(campaign)
    heatmap_page = admin.get(heatmap_url)
    assert heatmap_page.status_code == 200
    hidden = assert_matches(heatmap_cells(heatmap_page), build_heatmap(campaign=campaign,
                                                                       unit=world.units["root"]))
    assert hidden > 0  # BOU's two respondents are below k = 3


def test_the_campaign_page_shows_response_rates_with_small_groups_hidden(populated, client_for):
    admin = client_for("hr")
    admin.post(reverse("campaigns:create"), form_data())
    campaign = Campaign.objects.get()
    admin.post(reverse("campaigns:invite", args=[campaign.pk]))
    answer_all(campaign)

    page = admin.get(reverse("campaigns:detail", args=[campaign.pk]))
    body = page.content.decode()
    assert "Responded 15" in text(page)
    # The root's children: SOC 9 of 10 shown; BOU (2) is below k and KUL would give BOU away by subtraction.
    soc = body.split('data-unit="SOC"')[1].split("</tr>")[0]
    assert ">10<" in soc and ">9<" in soc and "90 %" in soc
    for hidden in ("BOU", "KUL"):
        row = body.split(f'data-unit="{hidden}"')[1].split("</tr>")[0]
        responded = row.split("</th>")[1].split("</td>", 1)[1]  # the cells after "Invited"
        assert "–" in responded and not any(ch.isdigit() for ch in text_of(responded))

    # Drilling down into SOC: its own row and home care below it.
    drilled = admin.get(reverse("campaigns:detail", args=[campaign.pk]), {"enhed": "SOC"})
    assert 'data-unit="HJP"' in drilled.content.decode() and "Aarhus Kommune" in text(drilled)
    # A unit of another municipality is not found.
    assert admin.get(reverse("campaigns:detail", args=[campaign.pk]), {"enhed": "KBH"}).status_code == 404


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_the_list_shows_each_campaign_with_its_aggregates(populated, client_for):
    admin = client_for("municipal_admin")
    admin.post(reverse("campaigns:create"), form_data())
    campaign = Campaign.objects.get()
    admin.post(reverse("campaigns:invite", args=[campaign.pk]))
    answer_all(campaign, skip=[f"H{i}" for i in range(8)] + ["P1", "P2", "P3", "L0"])  # only the 4 librarians

    cells = list_cells(admin.get(reverse("campaigns:list")), campaign)
    assert cells[0] == "Digitale kompetencer" and cells[3] == "Open"
    # The campaign is open: 4 answers show as 3, the count rounded down to a whole step of k = 3.
    assert cells[4:] == ["16", "3 (19 %)"]

    # With k = 5 the four answers are hidden in the totals too.
    Campaign.objects.filter(pk=campaign.pk).update(anonymity_k=5)
    cells = list_cells(admin.get(reverse("campaigns:list")), campaign)
    assert cells[4] == "16" and cells[5].startswith("–") and not any(ch.isdigit() for ch in cells[5])


def list_cells(page, campaign) -> list[str]:
    """The texts of the <td>s of the campaign's row in the list."""
    row = page.content.decode().split(reverse("campaigns:detail", args=[campaign.pk]))[1].split("</tr>")[0]
    return [" ".join(text_of(cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
