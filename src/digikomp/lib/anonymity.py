"""The anonymity rule (DESIGN.md section 5), in one place. Every aggregate the product publishes passes here.

A group is shown only if it has at least k respondents. Within a partition — the children of a unit, or the
profiles within a unit — a group is also hidden when showing it would let someone subtract their way to a
smaller group: the part of the whole that is not shown (the whole minus every shown group) must be either
nothing or at least k people. So after the primary rule (n < k hidden) we hide further groups, smallest first,
until what is left over is 0 or >= k.

Pure functions over counts, so tests/lib/test_anonymity_properties.py can check them against every partition
hypothesis finds.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

MINIMUM_K = 3


def check_k(k: int) -> int:
    if k < MINIMUM_K:
        raise ValueError(f"The anonymity threshold must be at least {MINIMUM_K}, not {k}")
    return k


def visible(n: int, k: int) -> bool:
    """Primary rule for a single group: shown if it has at least k respondents (and an empty group is
    shown as empty; it reveals nobody)."""
    return n == 0 or n >= check_k(k)


def suppress_partition(whole: int, parts: Mapping[Hashable, int], k: int, *,
                       whole_hidden: bool = False) -> set[Hashable]:
    """The keys of `parts` to hide, so that no group of 1..k-1 people can be shown or derived.

    `whole` is the count of the enclosing group (it may be larger than the sum of the parts, e.g. people placed
    directly in a unit that also has sub-units). Parts must not overlap. `whole_hidden` says the whole is itself
    suppressed; then its parts must not add up to it either, or it could be rebuilt from them and subtracted
    from its own parent.
    """
    check_k(k)
    # A whole below k hides everything inside it as well: it is itself hidden by its own parent's check.
    if 0 < whole < k:
        return {key for key, n in parts.items() if n > 0}
    hidden = {key for key, n in parts.items() if 0 < n < k}

    def leftover() -> int:
        return whole - sum(n for key, n in parts.items() if key not in hidden)

    # Hide the smallest shown groups until the leftover can no longer single out fewer than k people.
    shown = sorted((n, str(key), key) for key, n in parts.items() if key not in hidden and n > 0)
    while shown and (0 < leftover() < k or (whole_hidden and whole > 0 and leftover() == 0)):
        _n, _label, key = shown.pop(0)
        hidden.add(key)
    return hidden


def released_group(parts: Mapping[Hashable, int], k: int) -> tuple[bool, set[Hashable]]:
    """A pool of people split into parts (their profiles): whether the pool may be released as one group (at
    least k people), and which parts stay out of the per-part figures so that the pool minus its shown parts
    is nothing or at least k (suppress_partition).

    Released figures are sums of released pools only (insights/release.py pools each unit's own people with
    what its sub-units could not release, from the leaves up). Then every shown number is a sum of groups of
    at least k, subtraction between any of them yields at best a whole pool, and no complementary cell ever
    has to be hidden: a small group counts in the figure above it, pooled with its small neighbours, instead
    of taking a large neighbour down with it.
    """
    n = sum(parts.values())
    if n < check_k(k):
        return False, {key for key, count in parts.items() if count}
    return True, suppress_partition(n, parts, k)


def national_floor() -> int:
    """The national threshold (DIGIKOMP_ANONYMITY_K): no municipality or campaign may go below it."""
    from django.conf import settings

    return check_k(max(settings.DIGIKOMP_ANONYMITY_K, MINIMUM_K))


def effective_k(municipality=None) -> int:
    """The threshold of a municipality: the national floor, or the municipality's own where it is higher."""
    own = getattr(municipality, "anonymity_k", None) or 0
    return max(national_floor(), own)


def threshold_for(campaign) -> int:
    """THE threshold of every figure about a campaign — pages, exports, PDFs and the API all ask here.

    The largest of the national floor, the municipality's threshold (read now, so a municipality that raises
    its threshold raises it for its past campaigns too) and the campaign's own. A campaign may raise k, never
    lower it: campaign_create refuses that, and this max() keeps an older campaign from undercutting a
    threshold raised later.
    """
    return max(effective_k(campaign.municipality), campaign.anonymity_k or 0)


# While a campaign is open, answers arrive one at a time: a figure that moved with each of them would give away
# the answer of whoever submitted between two readings. So a campaign's figures are released when it closes,
# and until then only response counts are shown, in whole steps of k (see `stepped`).


def released(campaign, now=None) -> bool:
    """Whether the figures of a campaign may be shown: only once it has closed, when no answer can arrive."""
    return campaign.is_closed(now)


def stepped(count: int, k: int) -> int:
    """A count shown while answers still arrive: rounded down to a multiple of k, so the shown number moves only
    after k new responses since it last moved, and a reading before and after one person's submission shows
    the same number (or, at a step, cannot tell that person from the k-1 before them)."""
    check_k(k)
    return count - count % k


# Attribute disclosure: in a group of k people where the share meeting the requirement is 0 % or 100 %, every
# member's status is known without any subtraction; so is every member's level when the mean sits at the
# lowest or highest level. Groups smaller than 2k therefore never show a figure that would state the same
# value for everyone (or for all but one, since "all but one" next to an exact neighbour pins the rest):
# such a figure is shown as a bound ("at most 20 %", "at least 3.8") that at least two counts satisfy.
# Groups of at least 2k are shown exactly. The level distribution of a group below 2k is not shown at all
# (the decision depends on n alone, which is shown, so withholding it reveals nothing).

AT_MOST, AT_LEAST = "at_most", "at_least"


def exact_from(k: int) -> int:
    """The group size from which shares, means and distributions are shown exactly."""
    return 2 * check_k(k)


def bounded_count(count: int, n: int, k: int) -> tuple[int, str | None]:
    """`count` of `n` members with some attribute, as it may be shown: (count, None) when exact, else
    (bound, AT_MOST or AT_LEAST) — at most 1 of n when 0 or 1 have it, at least n-1 when n-1 or n have it."""
    if n >= exact_from(k) or n == 0:
        return count, None
    if count <= 1:
        return 1, AT_MOST
    if count >= n - 1:
        return n - 1, AT_LEAST
    return count, None


def bounded_total(total: int, n: int, lowest: int, highest: int, k: int) -> tuple[int, str | None]:
    """The sum of `n` levels between `lowest` and `highest`, as it may be shown (as bounded_count, counting
    the steps above the lowest level: at most one step above the bottom, or at most one below the top)."""
    steps, top = total - n * lowest, n * (highest - lowest)
    if n >= exact_from(k) or n == 0 or top <= 1:
        return total, None
    if steps <= 1:
        return n * lowest + 1, AT_MOST
    if steps >= top - 1:
        return n * lowest + top - 1, AT_LEAST
    return total, None
