"""A campaign's life after it is created: edit it, extend it, close it early, delete it, and send a reminder by
hand. The rules that keep answers safe live here, for the pages and the API alike:

- Nobody has answered yet: everything may change (name, series, dates, audience, anonymity threshold, knowledge
  checks, questions of one's own), and the campaign may be deleted with its invitations. Changing the audience
  withdraws the invitations of people who are no longer in it (their links stop working); "create invitations"
  adds the new ones.
- Somebody has answered: what they answered must keep meaning what it meant. Only the name, the closing date
  and the reminder days may change while the campaign is open; the audience, the threshold, the knowledge
  checks, the questions, the series (the panel keys of the answers are made with the series' secret) and the
  opening date are fixed, and the campaign cannot be deleted.
- Closing early closes it now; its figures are then released, once, like those of any closed campaign.
- A closed campaign that somebody answered is never reopened or extended: its figures are released at the
  close, and an answer arriving after that could be told apart by comparing a later figure with the released
  one. A new wave of the series is the way to ask again. A closed campaign that nobody answered has nothing
  to protect: it may be reopened (its empty release is discarded).

A reminder sent by hand goes, like the scheduled ones, only to those who have not answered; nothing on the
page or in the API says who they are or how many, because "invited minus reminded" would be the exact number
of answers, which an open campaign shows only in steps of k. A second one within a day is refused.

Every change is written to the audit log. Refusals are SurveyError (a ServiceError) keyed by field name.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from digikomp.assessments import tallies
from digikomp.assessments.campaign_dates import date_errors
from digikomp.assessments.models import (
    MAX_CUSTOM_QUESTIONS,
    Campaign,
    CampaignSeries,
    CustomQuestion,
    Draft,
)
from digikomp.assessments.services import CampaignSpec, SurveyError, audience
from digikomp.audit.models import log_action
from digikomp.lib.anonymity import effective_k

REMINDER_PAUSE = timedelta(hours=24)


def _locked(campaign: Campaign) -> Campaign:
    """The campaign's row, locked for the change (two edits, or an edit and a close, never interleave)."""
    return Campaign.objects.of_municipality(campaign.municipality_id).select_for_update().get(pk=campaign.pk)


def has_answers(campaign: Campaign) -> bool:
    return campaign.responses.exists()


def spec_of(campaign: Campaign) -> CampaignSpec:
    """The campaign as it stands, as the spec an edit starts from."""
    return CampaignSpec(
        name=campaign.name, series=campaign.series.name, opens_at=campaign.opens_at, closes_at=campaign.closes_at,
        unit_ids=sorted(campaign.audience_units.values_list("pk", flat=True)),
        profile_ids=sorted(campaign.audience_profiles.values_list("pk", flat=True)),
        anonymity_k=campaign.anonymity_k, knowledge_checks=campaign.knowledge_checks,
        reminder_days=list(campaign.reminder_days),
        custom_questions=[{"kind": q.kind, "text_da": q.text_da, "text_en": q.text_en}
                          for q in campaign.custom_questions.order_by("position")],
    )


def _day(moment: datetime) -> str:
    return date_format(timezone.localtime(moment).date(), "DATE_FORMAT")


# What may not change once somebody has answered, with the message that names the reason.
def _locked_messages() -> dict[str, str]:
    return {
        "series": _("People have answered: the series cannot change any more, because their answers are linked "
                    "to the earlier waves of this series."),
        "opens_at": _("People have answered: the opening date cannot change any more."),
        "units": _("People have answered: the units cannot change any more. Start a new wave to ask others."),
        "profiles": _("People have answered: the profiles cannot change any more. Start a new wave to ask "
                      "others."),
        "anonymity_k": _("People have answered: the anonymity threshold cannot change any more."),
        "knowledge_checks": _("People have answered: the knowledge checks cannot be added or removed any more."),
        "custom_questions": _("People have answered: the questions cannot change any more, or their answers "
                              "would belong to other questions."),
    }


def _changed(old: CampaignSpec, new: CampaignSpec) -> set[str]:
    changed = set()
    if new.name.strip() != old.name:
        changed.add("name")
    if (new.series.strip() or new.name.strip()) != old.series:
        changed.add("series")
    for attribute, key in (("opens_at", "opens_at"), ("closes_at", "closes_at"), ("anonymity_k", "anonymity_k"),
                           ("knowledge_checks", "knowledge_checks")):
        if getattr(new, attribute) != getattr(old, attribute):
            changed.add(key)
    if sorted(set(new.unit_ids)) != old.unit_ids:
        changed.add("units")
    if sorted(set(new.profile_ids)) != old.profile_ids:
        changed.add("profiles")
    if sorted(set(new.reminder_days)) != sorted(set(old.reminder_days)):
        changed.add("reminder_days")
    questions = [{"kind": q.get("kind"), "text_da": (q.get("text_da") or "").strip(),
                  "text_en": (q.get("text_en") or "").strip()} for q in new.custom_questions]
    if questions != old.custom_questions:
        changed.add("custom_questions")
    return changed


@dataclass(frozen=True)
class Updated:
    changed: frozenset[str]  # field names, as the errors name them
    withdrawn: int  # invitations withdrawn because their person left the audience


@transaction.atomic
def campaign_update(*, campaign: Campaign, spec: CampaignSpec, actor=None) -> Updated:
    """Change the campaign to `spec` within the rules above."""
    campaign = _locked(campaign)
    old = spec_of(campaign)
    changed = _changed(old, spec)
    if not changed:
        return Updated(frozenset(), 0)
    now = timezone.now()
    answered = has_answers(campaign)
    errors: dict[str, str] = {}
    if answered:
        locked = _locked_messages()
        errors.update({key: locked[key] for key in changed if key in locked})
    if campaign.is_closed(now) and changed & {"opens_at", "closes_at"}:
        if answered:
            errors["closes_at"] = _(
                "The campaign closed on %(date)s and its figures are released. It cannot be reopened or "
                "extended: answers arriving after the release could be compared with the released figures and "
                "show how a few people answered. Start a new wave of the series to ask again.") % {
                "date": date_format(campaign.last_day, "DATE_FORMAT")}
    elif "closes_at" in changed and spec.closes_at <= now:
        errors["closes_at"] = _("The closing date has passed. To close the campaign now, use “Close now”.")
    if not spec.name.strip():
        errors["name"] = _("A campaign needs a name.")
    if changed & {"opens_at", "closes_at"}:
        for key, message in date_errors(spec.opens_at, spec.closes_at, now=now).items():
            errors.setdefault(key, message)
    floor = effective_k(campaign.municipality)
    k = spec.anonymity_k if spec.anonymity_k is not None else floor
    if "anonymity_k" in changed and k < floor and "anonymity_k" not in errors:
        errors["anonymity_k"] = _(
            "The anonymity threshold cannot be lower than the municipality's, which is %(k)s. A campaign may "
            "raise it, not lower it.") % {"k": floor}
    if len(spec.custom_questions) > MAX_CUSTOM_QUESTIONS:
        errors["custom_questions"] = _("At most %(n)s questions of your own.") % {"n": MAX_CUSTOM_QUESTIONS}
    for i, question in enumerate(spec.custom_questions, start=1):
        if question.get("kind") not in CustomQuestion.Kind.values or not (question.get("text_da") or "").strip():
            errors[f"custom_questions.{i}"] = _("Each question needs a kind and a Danish text.")
    if any(not isinstance(d, int) or isinstance(d, bool) or d < 0 for d in spec.reminder_days):
        errors["reminder_days"] = _("Reminders are whole days after opening.")
    from digikomp.tenancy.models import OrgUnit

    units = list(OrgUnit.objects.of_municipality(campaign.municipality_id).filter(pk__in=spec.unit_ids))
    if len(units) != len(set(spec.unit_ids)):
        errors["units"] = _("Every unit must belong to the municipality.")
    if errors:
        raise SurveyError(errors)

    fields = []
    if "name" in changed:
        campaign.name = spec.name.strip()
        fields.append("name")
    if "series" in changed:
        _move_to_series(campaign, spec.series.strip() or spec.name.strip())
        fields += ["series", "wave"]
    if changed & {"opens_at", "closes_at"}:
        if campaign.is_closed(now):  # nobody answered (or it was refused above): its empty release goes
            from digikomp.insights.models import FigureRelease

            FigureRelease.objects.of_municipality(campaign.municipality_id).filter(campaign=campaign).delete()
        campaign.opens_at, campaign.closes_at = spec.opens_at, spec.closes_at
        fields += ["opens_at", "closes_at"]
    if "anonymity_k" in changed:
        campaign.anonymity_k = k
        fields.append("anonymity_k")
    if "knowledge_checks" in changed:
        campaign.knowledge_checks = spec.knowledge_checks
        fields.append("knowledge_checks")
    old_days = list(campaign.reminder_days)
    old_closes = old.closes_at
    if "reminder_days" in changed:
        campaign.reminder_days = sorted(set(spec.reminder_days))
        fields.append("reminder_days")
    if fields:
        campaign.save(update_fields=fields)
    withdrawn = 0
    if changed & {"units", "profiles"}:
        campaign.audience_units.set(units)
        from digikomp.profiles.jobcodes import profiles_available

        campaign.audience_profiles.set(profiles_available(campaign.municipality).filter(pk__in=spec.profile_ids))
        withdrawn = _withdraw_outside_audience(campaign)
    if "custom_questions" in changed:
        _replace_questions(campaign, spec.custom_questions)
    if changed & {"reminder_days", "closes_at", "opens_at"}:
        _schedule_new_reminders(campaign, old_days, old_closes, now)
    log_action("campaign.update", actor=actor, municipality=campaign.municipality, obj=campaign,
               data={"changed": sorted(changed), "withdrawn": withdrawn,
                     "closes_at": campaign.closes_at.isoformat() if "closes_at" in changed else None})
    return Updated(frozenset(changed), withdrawn)


def _move_to_series(campaign: Campaign, name: str) -> None:
    previous = campaign.series
    series, _created = CampaignSeries.objects.of_municipality(campaign.municipality_id).get_or_create(
        municipality=campaign.municipality, name=name, defaults={"panel_secret": secrets.token_hex(32)})
    campaign.series = series
    campaign.wave = (series.campaigns.exclude(pk=campaign.pk).aggregate(m=Max("wave"))["m"] or 0) + 1
    campaign.save(update_fields=["series", "wave"])
    if not previous.campaigns.exists():
        previous.delete()


def _withdraw_outside_audience(campaign: Campaign) -> int:
    """Delete the invitations of people no longer in the audience (nobody has answered, so no answer is lost)
    and count the invitations again."""
    wanted = {person.pk for person, _profile in audience(campaign)}
    outside = campaign.invitations.exclude(person_id__in=wanted)
    withdrawn = outside.count()
    if withdrawn:
        outside.delete()
        campaign.response_counts.all().delete()
        tallies.add_invitations(campaign_id=campaign.pk, invited=[
            (path, profile) for path, profile in campaign.invitations.values_list("unit__path", "profile_id")])
    return withdrawn


def _replace_questions(campaign: Campaign, questions: list[dict]) -> None:
    kept = {str(pk) for pk in campaign.custom_questions.values_list("pk", flat=True)}
    campaign.custom_questions.all().delete()
    for i, question in enumerate(questions, start=1):
        CustomQuestion.objects.create(campaign=campaign, position=i, kind=question["kind"],
                                      text_da=question["text_da"].strip(),
                                      text_en=(question.get("text_en") or "").strip())
    # Saved answers to the removed questions would name questions that no longer exist.
    for draft in Draft.objects.of_municipality(campaign.municipality_id).filter(invitation__campaign=campaign):
        custom = draft.data.get("custom") or {}
        if any(key in kept for key in custom):
            draft.data = {**draft.data, "custom": {}}
            draft.save(update_fields=["data"])


def _schedule_new_reminders(campaign: Campaign, old_days: list[int], old_closes: datetime, now: datetime) -> None:
    """Once the e-mails have gone, the reminder runs were queued for the old schedule (tasks.schedule_mail).
    Queue the runs the new schedule adds: new days, and days that fell after the old close but before the new
    one. Runs of days taken out find their day gone and send nothing."""
    from digikomp.assessments import tasks

    if not campaign.invitations.filter(sent_at__isnull=False).exists():
        return  # nothing queued yet: sending the e-mails queues the whole schedule
    if not tasks.send_reminders.get_backend().supports_defer:
        return
    for days in campaign.reminder_days:
        when = campaign.opens_at + timedelta(days=days)
        queued = days in old_days and when < old_closes
        if not queued and now < when < campaign.closes_at:
            tasks.send_reminders.using(run_after=when).enqueue(campaign.pk, days)


@transaction.atomic
def campaign_close(*, campaign: Campaign, actor=None) -> Campaign:
    """Close an open campaign now. Its figures are released by the next reader or `release-campaigns`."""
    campaign = _locked(campaign)
    now = timezone.now()
    if campaign.is_closed(now):
        raise SurveyError({"closes_at": _("The campaign has closed already.")})
    if now < campaign.opens_at:
        raise SurveyError({"closes_at": _(
            "The campaign has not opened yet, so there is nothing to close. Change its dates or delete it.")})
    campaign.closes_at = now
    campaign.save(update_fields=["closes_at"])
    log_action("campaign.close", actor=actor, municipality=campaign.municipality, obj=campaign,
               data={"closes_at": now.isoformat()})
    return campaign


@transaction.atomic
def campaign_delete(*, campaign: Campaign, actor=None) -> None:
    """Delete a campaign nobody has answered, with its invitations (their links stop working)."""
    campaign = _locked(campaign)
    if has_answers(campaign):
        raise SurveyError({"campaign": _(
            "People have answered this campaign, so it cannot be deleted: their answers belong to it. Close it "
            "instead.")})
    invited = campaign.invitations.count()
    series = campaign.series
    data = {"name": campaign.name, "series": series.name, "wave": campaign.wave, "invitations": invited}
    municipality = campaign.municipality
    log_action("campaign.delete", actor=actor, municipality=municipality, obj=campaign, data=data)
    campaign.delete()
    if not series.campaigns.exists():
        series.delete()


def last_reminder(campaign: Campaign) -> datetime | None:
    """When a reminder last went out for the campaign, by hand or by the schedule."""
    scheduled = campaign.invitations.aggregate(m=Max("reminded_at"))["m"]
    times = [t for t in (campaign.reminded_by_hand_at, scheduled) if t is not None]
    return max(times) if times else None


def reminder_refusal(campaign: Campaign, now: datetime | None = None) -> str | None:
    """Why a reminder cannot be sent now, or None when it can."""
    now = now or timezone.now()
    if now < campaign.opens_at:
        return _("The campaign has not opened yet.")
    if campaign.is_closed(now):
        return _("The campaign has closed.")
    if not campaign.invitations.filter(sent_at__isnull=False).exclude(person__email="").exists():
        return _("Nobody has had the invitation e-mail yet: send the invitations first.")
    last = last_reminder(campaign)
    if last is not None and now - last < REMINDER_PAUSE:
        return _("A reminder went out %(when)s. The next one can be sent 24 hours after it, from %(next)s, so "
                 "nobody gets two in one day.") % {
            "when": date_format(timezone.localtime(last), "DATETIME_FORMAT"),
            "next": date_format(timezone.localtime(last + REMINDER_PAUSE), "DATETIME_FORMAT")}
    return None


def reminder_send_now(*, campaign: Campaign, actor=None) -> None:
    """Queue a reminder to everyone invited who has not answered (the same task as the scheduled ones)."""
    from digikomp.assessments import tasks

    with transaction.atomic():
        campaign = _locked(campaign)
        refusal = reminder_refusal(campaign)
        if refusal:
            raise SurveyError({"reminder": refusal})
        campaign.reminded_by_hand_at = timezone.now()
        campaign.save(update_fields=["reminded_by_hand_at"])
        # Who and how many is left out on purpose: the number would be the exact number of answers.
        log_action("campaign.remind", actor=actor, municipality=campaign.municipality, obj=campaign, data={})
    tasks.send_reminders.enqueue(campaign.pk)


def invited_without_email(campaign: Campaign):
    """The people invited who have no e-mail address, so DigiKomp cannot mail them: for the list on the
    campaign's page (a name and a unit are no answer; nothing here says who has answered)."""
    return (campaign.invitations.filter(person__email="").select_related("person", "unit")
            .order_by("person__name", "pk"))

