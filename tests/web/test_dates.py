"""One date format per language, in Europe/Copenhagen, everywhere (web/formats/).

Danish pages write "18. december 2026", English pages "18 December 2026"; a moment is shown as the clock in
Copenhagen reads it, so 23:30 UTC on 18 December is 19 December. No template writes a pattern of its own.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

import digikomp
from digikomp.site.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

LATE_ON_THE_18TH = datetime.datetime(2026, 12, 18, 23, 30, tzinfo=datetime.UTC)

NAMED = {"DATE_FORMAT", "SHORT_DATE_FORMAT", "DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "TIME_FORMAT",
         "YEAR_MONTH_FORMAT", "MONTH_DAY_FORMAT"}
# Formats for machines, never read by a person: <time datetime="…">, comparing two days.
MACHINE = {"c", "Y-m-d", "Ymd"}


@pytest.mark.parametrize(("language", "date", "short", "moment"), [
    ("da", "19. december 2026", "19.12.2026", "19. december 2026, 00:30"),
    ("en", "19 December 2026", "19/12/2026", "19 December 2026, 00:30"),
])
def test_a_late_evening_in_utc_is_the_next_day_in_copenhagen(language, date, short, moment):
    with translation.override(language):
        local = timezone.localtime(LATE_ON_THE_18TH)
        assert date_format(local) == date
        assert date_format(local, "SHORT_DATE_FORMAT") == short
        assert date_format(local, "DATETIME_FORMAT") == moment
        # templates convert an aware datetime themselves
        rendered = Template('{{ d|date }}|{{ d|date:"DATETIME_FORMAT" }}').render(Context({"d": LATE_ON_THE_18TH}))
        assert rendered == f"{date}|{moment}"


def _templates():
    root = Path(digikomp.__file__).parent
    return [p for p in root.rglob("templates/**/*") if p.suffix in {".html", ".txt", ".xml", ".ics"}]


def test_no_template_writes_a_date_pattern_of_its_own():
    filters = re.compile(r"""\|(?:date|time):\s*["']([^"']*)["']""")
    now_tags = re.compile(r"""\{%\s*now\s+["']([^"']*)["']""")
    found = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        for pattern in (filters, now_tags):
            found += [f"{path.name}: {fmt}" for fmt in pattern.findall(text) if fmt not in NAMED | MACHINE]
    assert _templates(), "the templates were not found"
    assert not found, "use a named format (DATE_FORMAT, …) instead:\n" + "\n".join(found)


def test_no_python_formats_a_date_for_people_with_strftime():
    root = Path(digikomp.__file__).parent
    pattern = re.compile(r"""strftime\(\s*["'][^"']*%d[.\-/ ]%m|:%d\.%m\.%Y""")
    found = [str(p.relative_to(root)) for p in root.rglob("*.py")
             if "generate" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))]
    assert not found, found


@pytest.fixture
def dated_pages(db):
    news = NewsPage(title="Nyhed om datoer", slug="nyhed-om-datoer", date=datetime.date(2026, 12, 18))
    NewsIndexPage.objects.get().add_child(instance=news)
    index = EventIndexPage.objects.get()
    event = EventPage(title="Netværksmøde om datoer", slug="netvaerksmoede-om-datoer", start=LATE_ON_THE_18TH,
                      online=True, signup_deadline=datetime.date(2026, 12, 4))
    index.add_child(instance=event)
    return news, event


@pytest.mark.parametrize(("language", "news_date", "event_start", "deadline"), [
    ("da", "18. december 2026", "19. december 2026, 00:30", "4. december 2026"),
    ("en", "18 December 2026", "19 December 2026, 00:30", "4 December 2026"),
])
def test_site_pages_show_the_languages_one_format(client, dated_pages, language, news_date, event_start,
                                                    deadline):
    news, event = dated_pages
    client.cookies["digikomp_language"] = language
    news_html = client.get(news.url).content.decode()
    assert f">{news_date}</time>" in news_html
    event_html = client.get(event.url).content.decode()
    assert f">{event_start}</time>" in event_html and f"<dd>{deadline}</dd>" in event_html
    listing = client.get(news.get_parent().url).content.decode()
    assert news_date in listing
    for wrong in ("Dec.", "Dec ", "dec ", "2. October", "18. December", "4. Dec"):
        assert wrong not in news_html + event_html + listing, wrong
