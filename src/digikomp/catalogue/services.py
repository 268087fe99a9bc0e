"""Writes on cases: a municipality creates, edits and submits its cases; national editors comment, send back,
publish, reject and unpublish. Each step is one transaction that validates the case, moves its status, writes
the review log (CaseEvent, with the comment) and the audit log.

Who may take a step is decided by the views' permissions (catalogue.submit, catalogue.moderate) and the tenancy
helper that fetches the case; the status rules live here, so the API and the pages cannot disagree.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from digikomp.audit.models import log_action
from digikomp.catalogue.models import Case, CaseArea, CaseEvent
from digikomp.lib.errors import ServiceError

Status = Case.Status
Action = CaseEvent.Action

# Which statuses each step starts from.
ALLOWED_FROM = {
    Action.SUBMITTED: {Status.DRAFT, Status.REJECTED},
    Action.SENT_BACK: {Status.IN_REVIEW, Status.PUBLISHED},
    Action.PUBLISHED: {Status.IN_REVIEW, Status.DRAFT},
    Action.REJECTED: {Status.IN_REVIEW},
    Action.UNPUBLISHED: {Status.PUBLISHED},
}
NEEDS_COMMENT = {Action.SENT_BACK, Action.REJECTED}


def unique_slug(title: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(title.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                   .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa"))[:100] or "case"
    slug, n = base, 2
    # Slugs are unique across the catalogue, so every municipality's cases are asked.
    while Case.objects.unscoped("slugs are unique across municipalities").filter(slug=slug).exclude(
            pk=exclude_pk).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _event(case: Case, action: str, actor, comment: str = "") -> CaseEvent:
    return CaseEvent.objects.create(case=case, action=action, comment=comment, actor=actor,
                                    actor_label=getattr(actor, "email", "") or "system")


def _check(case: Case) -> None:
    """A case must name at least one municipality, target group and type before it can go to review."""
    errors = {}
    if not case.municipalities.exists():
        errors["municipalities"] = _("Name at least one municipality.")
    if not case.target_groups.exists():
        errors["target_groups"] = _("Choose at least one target group.")
    if not case.effort_types.exists():
        errors["effort_types"] = _("Choose at least one type of effort.")
    if errors:
        raise ServiceError(errors)


@transaction.atomic
def case_save(*, case: Case, actor, municipalities=(), target_groups=(), effort_types=(),
              area_codes=(), created: bool = False, parts=()) -> Case:
    """Create or update a case with its classifications and its parts (the figures', images' and attachments'
    validated inline formsets), in one transaction and one audit entry that names the parts that changed."""
    if not case.slug:
        case.slug = unique_slug(case.title)
    case.full_clean(exclude=["municipalities", "target_groups", "effort_types"])
    case.save()
    case.municipalities.set(municipalities)
    case.target_groups.set(target_groups)
    case.effort_types.set(effort_types)
    codes = sorted(set(area_codes))
    case.areas.exclude(code__in=codes).delete()
    existing = set(case.areas.values_list("code", flat=True))
    CaseArea.objects.bulk_create([CaseArea(case=case, code=c) for c in codes if c not in existing])
    changed_parts = []
    for part in parts:
        part.instance = case
        if part.has_changed():
            changed_parts.append(part.prefix)
        part.save()
    if created:
        _event(case, Action.CREATED, actor)
    log_action("catalogue.case_created" if created else "catalogue.case_changed", actor=actor,
               municipality=case.owner, obj=case, data={"parts": changed_parts} if changed_parts else None)
    return case


def _move(case: Case, action: str, *, actor, comment: str = "") -> Case:
    if case.status not in ALLOWED_FROM[action]:
        raise ServiceError(_("A case that is %(status)s cannot be %(action)s.")
                              % {"status": case.get_status_display().lower(),
                                 "action": Action(action).label.lower()})
    comment = comment.strip()
    if action in NEEDS_COMMENT and not comment:
        raise ServiceError({"comment": _("Say what should change; the municipality reads this comment.")})
    now = timezone.now()
    case.status = {Action.SUBMITTED: Status.IN_REVIEW, Action.SENT_BACK: Status.DRAFT,
                   Action.PUBLISHED: Status.PUBLISHED, Action.REJECTED: Status.REJECTED,
                   Action.UNPUBLISHED: Status.DRAFT}[action]
    if action == Action.SUBMITTED:
        case.submitted_at = now
    if action == Action.PUBLISHED and case.published_at is None:
        case.published_at = now  # the date a case shows stays the date it first went public
    case.save(update_fields=["status", "submitted_at", "published_at", "updated_at"])
    _event(case, action, actor, comment)
    log_action(f"catalogue.case_{action}", actor=actor, municipality=case.owner, obj=case,
               data={"comment": comment} if comment else None)
    return case


@transaction.atomic
def case_submit(*, case: Case, actor, comment: str = "") -> Case:
    _check(case)
    return _move(case, Action.SUBMITTED, actor=actor, comment=comment)


@transaction.atomic
def case_comment(*, case: Case, actor, comment: str) -> CaseEvent:
    comment = comment.strip()
    if not comment:
        raise ServiceError({"comment": _("Write a comment.")})
    event = _event(case, Action.COMMENTED, actor, comment)
    log_action("catalogue.case_commented", actor=actor, municipality=case.owner, obj=case)
    return event


@transaction.atomic
def case_send_back(*, case: Case, actor, comment: str) -> Case:
    return _move(case, Action.SENT_BACK, actor=actor, comment=comment)


@transaction.atomic
def case_publish(*, case: Case, actor, comment: str = "") -> Case:
    _check(case)
    return _move(case, Action.PUBLISHED, actor=actor, comment=comment)


@transaction.atomic
def case_reject(*, case: Case, actor, comment: str) -> Case:
    return _move(case, Action.REJECTED, actor=actor, comment=comment)


@transaction.atomic
def case_unpublish(*, case: Case, actor, comment: str = "") -> Case:
    return _move(case, Action.UNPUBLISHED, actor=actor, comment=comment)
