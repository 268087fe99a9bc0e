"""Newsletter issues: what an issue reports, and sending it.

Sending is one step for the editor and two for the platform. issue_send() locks the issue (a conditional update,
so two clicks or two editors cannot both win), writes the audit entry and queues the task; the task (tasks.py)
mails the subscribers. The news and cases an issue reports are those published between the previous issue's
send and this one's, so the content is fixed the moment the editor sends, however long the mailing takes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from digikomp.audit.models import log_action
from digikomp.site.models import EventPage, NewsletterIssue, NewsPage, Subscriber

# The first issue has no previous one to count from; it reports the last month.
FIRST_ISSUE_WINDOW = timedelta(days=30)
MAX_ITEMS = 10  # per kind: a newsletter points to the site, it does not replace it
MAX_EVENTS = 5


@dataclass(frozen=True)
class Item:
    title: str
    url: str  # absolute: it is read in a mail client
    when: datetime | None = None
    lead: str = ""


@dataclass(frozen=True)
class IssueContent:
    news: list[Item] = field(default_factory=list)
    cases: list[Item] = field(default_factory=list)
    events: list[Item] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.news or self.cases or self.events)


def absolute(path: str) -> str:
    return settings.DIGIKOMP_BASE_URL.rstrip("/") + path


def _page_url(page) -> str | None:
    parts = page.get_url_parts()  # None for a page outside every site: it has no address to link to
    return absolute(parts[2]) if parts else None


def updates_window(issue: NewsletterIssue) -> tuple[datetime, datetime]:
    """(after, until): the time since the previous issue was sent, up to this one's send (or now, in a preview)."""
    until = issue.send_requested_at or timezone.now()
    previous = (NewsletterIssue.objects.filter(send_requested_at__lt=until).exclude(pk=issue.pk)
                .order_by("-send_requested_at").values_list("send_requested_at", flat=True).first())
    return previous or until - FIRST_ISSUE_WINDOW, until


def issue_content(issue: NewsletterIssue) -> IssueContent:
    """The news and catalogue cases published in the issue's window, and the events coming up after it."""
    if not issue.include_updates:
        return IssueContent()
    from digikomp.catalogue.models import Case

    after, until = updates_window(issue)
    news = (NewsPage.objects.live().public().filter(first_published_at__gt=after, first_published_at__lte=until)
            .order_by("-first_published_at")[:MAX_ITEMS])
    cases = (Case.objects.published().filter(published_at__gt=after, published_at__lte=until)
             .order_by("-published_at")[:MAX_ITEMS])
    events = EventPage.objects.live().public().filter(start__gt=until).order_by("start")[:MAX_EVENTS]
    return IssueContent(
        news=[Item(p.title, url, lead=p.intro_da) for p in news if (url := _page_url(p))],
        cases=[Item(c.title, absolute(reverse("catalogue:case", args=[c.slug])), lead=c.summary) for c in cases],
        events=[Item(e.title, url, when=e.start) for e in events if (url := _page_url(e))],
    )


def recipients(issue: NewsletterIssue):
    """Everyone who was a confirmed subscriber when the editor sent the issue (later sign-ups get the next)."""
    return Subscriber.objects.filter(confirmed_at__isnull=False, confirmed_at__lte=issue.send_requested_at)


def issue_send(*, issue: NewsletterIssue, actor) -> bool:
    """Lock the issue and queue its mailing. False if it had been sent already: nothing is queued then."""
    from digikomp.site.newsletter.tasks import send_issue

    now = timezone.now()
    with transaction.atomic():
        locked = NewsletterIssue.objects.filter(pk=issue.pk, send_requested_at__isnull=True).update(
            send_requested_at=now, send_requested_by=actor)
        if not locked:
            return False
        issue.refresh_from_db()
        log_action("newsletter.issue.send", actor=actor, obj=issue,
                   data={"subject": issue.subject, "subscribers": recipients(issue).count()})
        # The database task backend writes the task in this transaction: queued if and only if locked.
        send_issue.enqueue(issue.pk)
    return True
