"""Released figures: what the insight pages, exports, PDFs and the API show of a campaign, computed once when
the campaign closes (insights/release.py) and never changed by an answer after it.

Why a release and not the live tallies: while answers arrive, a figure that moves with each of them gives away
the answer of whoever submitted between two readings; and a figure that includes a group of fewer than k
people (a director and a secretary placed directly in a department, say) gives that group away to anyone who
subtracts the children from the total. A release includes only the groups of at least k people (see
lib/anonymity.py), so every shown number is a sum of such groups and nothing smaller can be worked out.
"""

from __future__ import annotations

from django.db import models

from digikomp.assessments.models import Campaign, TallyCounts
from digikomp.profiles.models import Profile
from digikomp.tenancy.guard import TenantManager
from digikomp.tenancy.models import OrgUnit


class FigureRelease(models.Model):
    objects = TenantManager("campaign__municipality")

    campaign = models.OneToOneField(Campaign, on_delete=models.CASCADE, related_name="figure_release")
    # The threshold the release was computed with (anonymity.threshold_for): a municipality that raises its
    # threshold later gets a new release.
    k = models.PositiveSmallIntegerField()
    released_at = models.DateTimeField(auto_now_add=True)
    responses = models.PositiveIntegerField(default=0)
    # What the release holds (insights/release.RELEASE_FORMAT): an older format is released again from the
    # answers, as a release under another threshold is. 2: knowledge checks per question level.
    format = models.PositiveSmallIntegerField(default=1)


class ReleasedTally(TallyCounts):
    """The composed counts of one (unit subtree, profile or all profiles, competence) in a release."""

    objects = TenantManager("release__campaign__municipality")

    release = models.ForeignKey(FigureRelease, on_delete=models.CASCADE, related_name="tallies")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, null=True, related_name="+")  # None: all
    competence_identifier = models.UUIDField()
    # Respondents with a level in this subtree who are in no released group (their group was below k): only
    # told apart from zero, so a cell of nothing but small groups shows as hidden rather than as "no answers".
    withheld = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "unit", "profile", "competence_identifier"],
                                    name="released_tally_key"),
        ]
        indexes = [models.Index(fields=["release", "profile", "unit"], name="released_tally_read")]


class ReleasedKnowledge(models.Model):
    objects = TenantManager("release__campaign__municipality")

    release = models.ForeignKey(FigureRelease, on_delete=models.CASCADE, related_name="knowledge")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    competence_identifier = models.UUIDField()
    # The level of the question (people are asked at their required level, so a competence has a row per
    # level asked); None in releases made before levels were kept (RELEASE_FORMAT 1).
    level = models.PositiveSmallIntegerField(null=True)
    answered = models.PositiveIntegerField(default=0)
    correct = models.PositiveIntegerField(default=0)
    # Rated themselves at or above the question's level (what the check checks) / below it.
    claimed = models.PositiveIntegerField(default=0)
    below = models.PositiveIntegerField(default=0)
    overconfident = models.PositiveIntegerField(default=0)  # claimed and answered wrong
    underconfident = models.PositiveIntegerField(default=0)  # below and answered right
    withheld = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "unit", "competence_identifier", "level"],
                                    name="released_knowledge_level_key"),
        ]


class ReleasedResponses(models.Model):
    """Invited (exact: who works where is no secret) and responded (composed like the tallies) per subtree."""

    objects = TenantManager("release__campaign__municipality")

    release = models.ForeignKey(FigureRelease, on_delete=models.CASCADE, related_name="responses_by_unit")
    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="+")
    invited = models.PositiveIntegerField(default=0)
    responded = models.PositiveIntegerField(default=0)
    withheld = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["release", "unit"], name="released_responses_key"),
        ]
