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


def effective_k(municipality=None) -> int:
    """The threshold for a municipality: its own (never below 3) or the national default from settings."""
    from django.conf import settings

    own = getattr(municipality, "anonymity_k", None)
    return check_k(max(own or settings.DIGIKOMP_ANONYMITY_K, MINIMUM_K))
