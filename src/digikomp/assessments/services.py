"""Writes of the survey: campaigns, invitations, drafts and the exactly-once submission of a response."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from digikomp.assessments import tallies
from digikomp.assessments.campaign_dates import date_errors
from digikomp.assessments.models import (
    MAX_CUSTOM_QUESTIONS,
    Answer,
    Campaign,
    CampaignSeries,
    CustomAnswer,
    CustomQuestion,
    Draft,
    Invitation,
    KnowledgeAnswer,
    KnowledgeItem,
    Response,
)
from digikomp.assessments.tokens import RESPONDENT, new_public_id
from digikomp.audit.models import log_action
from digikomp.frameworks.models import FrameworkVersion
from digikomp.lib.anonymity import effective_k
from digikomp.lib.errors import ServiceError
from digikomp.profiles.models import JobProfile
from digikomp.profiles.selectors import default_profile, effective_profile, release_for
from digikomp.tenancy.models import Municipality, OrgUnit, Person
from digikomp.tenancy.selectors import within


class SurveyError(ServiceError):
    """A refused campaign or answer; `errors` is keyed by field path ("answers.<id>", "closes_at", ...)."""


@dataclass
class CampaignSpec:
    name: str
    opens_at: datetime
    closes_at: datetime
    series: str = ""
    unit_ids: list[int] = field(default_factory=list)
    profile_ids: list[int] = field(default_factory=list)
    anonymity_k: int | None = None
    knowledge_checks: bool = False
    reminder_days: list[int] = field(default_factory=list)
    custom_questions: list[dict] = field(default_factory=list)  # {"kind", "text_da", "text_en"}


@transaction.atomic
def campaign_create(*, municipality: Municipality, spec: CampaignSpec, actor=None) -> Campaign:
    errors: dict[str, str] = {}
    if not spec.name.strip():
        errors["name"] = _("A campaign needs a name.")
    errors.update(date_errors(spec.opens_at, spec.closes_at))
    # A campaign may raise the municipality's threshold, never lower it (anonymity.threshold_for).
    floor = effective_k(municipality)
    k = spec.anonymity_k if spec.anonymity_k is not None else floor
    if k < floor:
        errors["anonymity_k"] = _(
            "The anonymity threshold cannot be lower than the municipality's, which is %(k)s. A campaign may "
            "raise it, not lower it.") % {"k": floor}
    if len(spec.custom_questions) > MAX_CUSTOM_QUESTIONS:
        errors["custom_questions"] = _("At most %(n)s questions of your own.") % {"n": MAX_CUSTOM_QUESTIONS}
    for i, question in enumerate(spec.custom_questions, start=1):
        if question.get("kind") not in CustomQuestion.Kind.values or not (question.get("text_da") or "").strip():
            errors[f"custom_questions.{i}"] = _("Each question needs a kind and a Danish text.")
    if any(not isinstance(d, int) or d < 0 for d in spec.reminder_days):
        errors["reminder_days"] = _("Reminders are whole days after opening.")
    units = list(OrgUnit.objects.of_municipality(municipality).filter(pk__in=spec.unit_ids))
    if len(units) != len(set(spec.unit_ids)):
        errors["units"] = _("Every unit must belong to the municipality.")
    release = release_for(municipality)
    if release is None:
        errors["release"] = _("No norm has been published yet.")
    if errors:
        raise SurveyError(errors)
    series, _created = CampaignSeries.objects.of_municipality(municipality).get_or_create(
        municipality=municipality, name=spec.series.strip() or spec.name.strip(),
        defaults={"panel_secret": secrets.token_hex(32)},
    )
    wave = (series.campaigns.order_by("-wave").values_list("wave", flat=True).first() or 0) + 1
    campaign = Campaign.objects.create(
        municipality=municipality, series=series, wave=wave, name=spec.name.strip(), release=release,
        framework_version=release.framework_version, opens_at=spec.opens_at, closes_at=spec.closes_at,
        anonymity_k=k, knowledge_checks=spec.knowledge_checks, reminder_days=sorted(set(spec.reminder_days)),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    campaign.audience_units.set(units)
    if spec.profile_ids:
        from digikomp.profiles.jobcodes import profiles_available

        campaign.audience_profiles.set(profiles_available(municipality).filter(pk__in=spec.profile_ids))
    for i, question in enumerate(spec.custom_questions, start=1):
        CustomQuestion.objects.create(campaign=campaign, position=i, kind=question["kind"],
                                      text_da=question["text_da"], text_en=question.get("text_en", ""))
    log_action("campaign.create", actor=actor, municipality=municipality, obj=campaign,
               data={"name": campaign.name, "wave": wave})
    return campaign


def audience(campaign: Campaign):
    """The active people the campaign is for: in its units (and below), with a profile it covers."""
    people = Person.objects.of_municipality(campaign.municipality).filter(active=True, primary_unit__isnull=False)
    units = list(campaign.audience_units.values_list("path", flat=True))
    if units:
        people = people.filter(within(*units, via="primary_unit"))
    mapping = dict(JobProfile.objects.of_municipality(campaign.municipality).values_list("job_code", "profile_id"))
    fallback = default_profile()  # unmapped job codes: the profile every employee has
    wanted = set(campaign.audience_profiles.values_list("pk", flat=True))
    result = []
    for person in people.select_related("primary_unit").order_by("pk"):
        profile_id = mapping.get(person.job_code, fallback.pk if fallback else None)
        if profile_id is not None and (not wanted or profile_id in wanted):
            result.append((person, profile_id))
    return result


@transaction.atomic
def invitations_create(*, campaign: Campaign, actor=None) -> list[Invitation]:
    """Invite everyone in the audience who is not invited yet; returns the new invitations."""
    if campaign.is_closed():
        raise SurveyError({"campaign": _("The campaign has closed.")})
    invited = set(campaign.invitations.values_list("person_id", flat=True))
    from digikomp.profiles.models import Profile

    requirements_cache: dict[int, dict] = {}
    new = []
    for person, profile_id in audience(campaign):
        if person.pk in invited:
            continue
        if profile_id not in requirements_cache:
            profile = (Profile.objects.of_municipality(campaign.municipality_id) | Profile.objects.shared()).get(
                pk=profile_id)
            effective = effective_profile(profile, campaign.municipality, campaign.release)
            requirements_cache[profile_id] = {str(e.identifier): [e.level, e.importance] for e in effective.required
                                              if e.identifier in effective.competences}
        new.append(Invitation(campaign=campaign, person=person, public_id=new_public_id(), email=person.email,
                              unit=person.primary_unit, profile_id=profile_id,
                              requirements=requirements_cache[profile_id]))
    Invitation.objects.bulk_create(new, batch_size=1000)
    tallies.add_invitations(campaign_id=campaign.pk, invited=[(i.unit.path, i.profile_id) for i in new])
    log_action("campaign.invite", actor=actor, municipality=campaign.municipality, obj=campaign,
               data={"invited": len(new)})
    return new


@lru_cache(maxsize=64)
def _scale_and_competences(framework_version_id: int) -> tuple[frozenset[int], frozenset[str]]:
    """The level values and competence identifiers of a framework version. Campaigns only use published
    versions, which never change, so the answer can be kept for the life of the process."""
    version = FrameworkVersion.objects.get(pk=framework_version_id)
    return (frozenset(version.levels.values_list("value", flat=True)),
            frozenset(str(c) for c in version.competences.values_list("identifier", flat=True)))


def validate_answers(invitation: Invitation, body, *, complete: bool) -> dict:
    """Check a questionnaire body against the invitation; returns the cleaned data or raises SurveyError with
    one message per offending field."""
    if not isinstance(body, dict):
        raise SurveyError({"body": _("The body must be a JSON object.")})
    errors: dict[str, str] = {}
    allowed = {"answers", "knowledge", "custom", "share_with_manager"}
    for key in body:
        if key not in allowed:
            errors[key] = _("Unknown field.")
    answers = body.get("answers", {})
    if not isinstance(answers, dict):
        errors["answers"] = _("Must be an object of competence identifier to level (or null for “don't know”).")
        answers = {}
    levels, known = _scale_and_competences(invitation.campaign.framework_version_id)
    cleaned: dict[str, int | None] = {}
    for identifier, level in answers.items():
        where = f"answers.{identifier}"
        if identifier not in known:
            errors[where] = _("Unknown competence.")
        elif identifier not in invitation.requirements:
            errors[where] = _("This competence is not part of your profile.")
        elif level is not None and (not isinstance(level, int) or isinstance(level, bool) or level not in levels):
            errors[where] = _("The level must be one of %(levels)s, or null for “don't know”.") % {
                "levels": ", ".join(str(v) for v in sorted(levels))}
        else:
            cleaned[identifier] = level
    if complete:
        for identifier in invitation.requirements:
            if identifier not in answers:
                errors[f"answers.{identifier}"] = _("Please answer this competence (or choose “don't know”).")
    knowledge = body.get("knowledge", {})
    knowledge_clean: dict[int, int | None] = {}
    if knowledge and not invitation.campaign.knowledge_checks:
        errors["knowledge"] = _("This campaign has no knowledge checks.")
    elif not isinstance(knowledge, dict):
        errors["knowledge"] = _("Must be an object of item id to the chosen option.")
    else:
        items = {str(i.pk): i for i in knowledge_items(invitation)} if knowledge else {}
        for item_id, chosen in knowledge.items():
            item = items.get(str(item_id))
            if item is None:
                errors[f"knowledge.{item_id}"] = _("Unknown question.")
            elif chosen is not None and (not isinstance(chosen, int) or isinstance(chosen, bool)
                                         or not 0 <= chosen < len(item.options_da)):
                errors[f"knowledge.{item_id}"] = _("Choose one of the options.")
            else:
                knowledge_clean[item.pk] = chosen
    custom = body.get("custom", {})
    custom_clean: dict[int, str] = {}
    # Read only when answered: most campaigns ask no questions of their own, and this is the hot path.
    questions = {str(q.pk): q for q in invitation.campaign.custom_questions.all()} if custom else {}
    if not isinstance(custom, dict):
        errors["custom"] = _("Must be an object of question id to answer.")
    else:
        for question_id, value in custom.items():
            question = questions.get(str(question_id))
            if question is None:
                errors[f"custom.{question_id}"] = _("Unknown question.")
                continue
            text = "" if value is None else str(value)
            if len(text) > 2000:
                errors[f"custom.{question_id}"] = _("At most 2,000 characters.")
            elif question.kind == CustomQuestion.Kind.SCALE and text and text not in {"1", "2", "3", "4", "5"}:
                errors[f"custom.{question_id}"] = _("Choose 1 to 5.")
            elif question.kind == CustomQuestion.Kind.YES_NO and text and text not in {"yes", "no"}:
                errors[f"custom.{question_id}"] = _("Answer yes or no.")
            else:
                custom_clean[question.pk] = text
    share = body.get("share_with_manager", False)
    if not isinstance(share, bool):
        errors["share_with_manager"] = _("Must be true or false.")
    if errors:
        raise SurveyError(errors)
    return {"answers": cleaned, "knowledge": knowledge_clean, "custom": custom_clean, "share_with_manager": share}


def knowledge_items(invitation: Invitation) -> list[KnowledgeItem]:
    """The checks for the person's competences, at their required level (the bank may not cover all)."""
    if not invitation.campaign.knowledge_checks:
        return []
    wanted = {identifier: requirement[0] for identifier, requirement in invitation.requirements.items()}
    items = KnowledgeItem.objects.filter(competence_identifier__in=list(wanted)).order_by("competence_identifier",
                                                                                          "level", "pk")
    chosen: dict[str, KnowledgeItem] = {}
    for item in items:
        key = str(item.competence_identifier)
        if item.level <= wanted[key] and (key not in chosen or item.level > chosen[key].level):
            chosen[key] = item
    return list(chosen.values())


def check_open(invitation: Invitation) -> None:
    campaign = invitation.campaign
    now = timezone.now()
    if now < campaign.opens_at:
        raise SurveyError({"campaign": _("The survey has not opened yet.")})
    if campaign.is_closed(now):
        raise SurveyError({"campaign": _("The survey closed on %(date)s.") % {
            "date": date_format(campaign.last_day)}})  # the day HR chose; it closed at its end


def draft_save(*, invitation: Invitation, body, writer: str = "") -> Draft:
    """Replace the saved answers. `writer` is the key of the saving browser (links.py); "" when it has none."""
    check_open(invitation)
    if hasattr(invitation, "response"):
        raise SurveyError({"invitation": _("Your answers have already been submitted.")})
    data = validate_answers(invitation, body, complete=False)
    stored = {"answers": data["answers"], "knowledge": {str(k): v for k, v in data["knowledge"].items()},
              "custom": {str(k): v for k, v in data["custom"].items()},
              "share_with_manager": data["share_with_manager"]}
    draft, _created = Draft.objects.unscoped(RESPONDENT).update_or_create(invitation=invitation,
                                                     defaults={"data": stored, "writer": writer})
    return draft


@dataclass
class Submitted:
    response: Response
    created: bool  # False: an earlier submission with the same Idempotency-Key is returned


def _panel_key(invitation: Invitation) -> str:
    secret = invitation.campaign.series.panel_secret.encode()
    return hmac.new(secret, str(invitation.person_id).encode(), hashlib.sha256).hexdigest()


def response_submit(*, invitation: Invitation, body, idempotency_key: str | None = None) -> Submitted:
    """Store the answers exactly once and add them to the tallies, in one transaction.

    A retry with the same Idempotency-Key returns the stored response; any other second submission is refused.
    The unique constraints (one response per invitation, unique key) make this hold under concurrency too.
    """
    if idempotency_key is not None and not (0 < len(idempotency_key) <= 100):
        raise SurveyError({"Idempotency-Key": _("Use 1 to 100 characters.")})
    # One query finds both an earlier use of the key and an earlier response to this invitation (at most two
    # rows); the key decides first, so a retry gets its stored response back rather than a refusal.
    earlier_filter = Q(invitation=invitation) | Q(idempotency_key=idempotency_key) if idempotency_key \
        else Q(invitation=invitation)
    # Idempotency keys are unique across the table, so a key is looked up in every municipality's responses.
    earlier = list(Response.objects.unscoped(RESPONDENT).filter(earlier_filter)[:2])
    for response in earlier:
        if idempotency_key and response.idempotency_key == idempotency_key:
            if response.invitation_id != invitation.pk:
                raise SurveyError({"Idempotency-Key": _("This key was used for another survey.")})
            return Submitted(response, False)
    if earlier:
        raise AlreadySubmitted(earlier[0])
    check_open(invitation)
    data = validate_answers(invitation, body, complete=True)
    try:
        with transaction.atomic():
            response = _store(invitation, data, idempotency_key)
    except IntegrityError:
        # Someone else stored a response for this invitation (or this key) between our check and insert.
        earlier = Response.objects.unscoped(RESPONDENT).filter(invitation=invitation).first()
        if earlier is not None and idempotency_key and earlier.idempotency_key == idempotency_key:
            return Submitted(earlier, False)
        if earlier is not None:
            raise AlreadySubmitted(earlier) from None
        raise
    return Submitted(response, True)


class AlreadySubmitted(Exception):
    def __init__(self, response: Response):
        super().__init__("already submitted")
        self.response = response


def _store(invitation: Invitation, data: dict, idempotency_key: str | None) -> Response:
    now = timezone.now()
    response = Response.objects.create(
        invitation=invitation, campaign_id=invitation.campaign_id, unit_id=invitation.unit_id,
        profile_id=invitation.profile_id, idempotency_key=idempotency_key or None,
        panel_key=_panel_key(invitation), share_with_manager=data["share_with_manager"], submitted_at=now,
    )
    Answer.objects.bulk_create(Answer(response=response, competence_identifier=identifier, level=level)
                               for identifier, level in data["answers"].items())
    if data["knowledge"]:
        items = KnowledgeItem.objects.in_bulk(list(data["knowledge"]))
        knowledge = [KnowledgeAnswer(response=response, item_id=item_id, chosen=chosen,
                                     correct=chosen is not None and chosen == items[item_id].correct)
                     for item_id, chosen in data["knowledge"].items()]
        KnowledgeAnswer.objects.bulk_create(knowledge)
        increments = []
        for answer in knowledge:
            item = items[answer.item_id]
            rated = data["answers"].get(str(item.competence_identifier))
            increments.append(tallies.KnowledgeIncrement(
                item.competence_identifier, answer.correct,
                overconfident=rated is not None and rated >= item.level and not answer.correct,
                underconfident=rated is not None and rated < item.level and answer.correct))
        tallies.add_knowledge(campaign_id=invitation.campaign_id, unit_path=invitation.unit.path,
                              increments=increments)
    if data["custom"]:
        CustomAnswer.objects.bulk_create(CustomAnswer(response=response, question_id=q, value=v)
                                         for q, v in data["custom"].items())
    increments = [
        tallies.Increment(identifier, level,
                          level is not None and level >= invitation.requirements[identifier][0])
        for identifier, level in data["answers"].items()
    ]
    tallies.add_response(campaign_id=invitation.campaign_id, unit_path=invitation.unit.path,
                         profile_id=invitation.profile_id, increments=increments)
    Invitation.objects.unscoped(RESPONDENT).filter(pk=invitation.pk).update(submitted_at=now)
    Draft.objects.unscoped(RESPONDENT).filter(invitation=invitation).delete()
    return response
