"""Case-insensitive lookups fold Danish letters on SQLite as PostgreSQL does (digikomp/lib/caseless.py). The
suite runs on both databases, so each test here holds for both; the municipalities are the reference data."""

import pytest
from django.db import connection
from django.db.models import F, Value

from digikomp.tenancy.models import Municipality


def names(**lookup) -> list[str]:
    return sorted(Municipality.objects.filter(**lookup).values_list("name", flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize("lookup,value,expected", [
    ("name__iexact", "ÆRØ", ["Ærø"]),
    ("name__iexact", "ærø", ["Ærø"]),
    ("name__icontains", "TAARBÆK", ["Lyngby-Taarbæk"]),
    ("name__icontains", "høje-t", ["Høje-Taastrup"]),
    ("name__istartswith", "æ", ["Ærø"]),
    ("name__istartswith", "TÅRN", ["Tårnby"]),
    ("name__iendswith", "ÆRØ", ["Ærø"]),
    ("name__iendswith", "DRAGØR", ["Dragør"]),
])
def test_every_case_insensitive_lookup_folds_danish_letters(lookup, value, expected):
    assert names(**{lookup: value}) == expected


@pytest.mark.django_db
def test_like_wildcards_in_the_value_stay_literal():
    assert names(name__icontains="_rø") == []  # "_" would match the Æ of Ærø as a LIKE wildcard
    assert names(name__istartswith="%rø") == []
    Municipality.objects.filter(code="492").update(name="Ærø 100%")
    assert names(name__icontains="0%") == ["Ærø 100%"]


@pytest.mark.django_db
def test_an_expression_on_the_right_is_folded_too():
    # Django builds other SQL when the right-hand side is an expression rather than a value.
    assert names(name__iexact=Value("ÆRØ")) == ["Ærø"]
    assert names(name__icontains=Value("TAARBÆK")) == ["Lyngby-Taarbæk"]
    assert names(name__istartswith=Value("TÅRN")) == ["Tårnby"]
    assert names(name__iendswith=Value("DRAGØR")) == ["Dragør"]
    assert Municipality.objects.filter(name__iexact=F("name")).count() == Municipality.objects.count()


@pytest.mark.django_db
def test_postgresql_keeps_djangos_own_sql():
    sql = str(Municipality.objects.filter(name__icontains="æ").query)
    if connection.vendor == "postgresql":
        assert "UPPER(" in sql and "digikomp_casefold" not in sql
    else:
        assert "digikomp_casefold(" in sql
