"""A campaign open for Anna (social- og sundhedsassistent in Hjemmeplejen Nord) over the shipped norm, and a
client that reads the pages in English (the msgids), so the assertions do not depend on the translation."""

import pytest
from django.test import Client

from digikomp.assessments.models import Invitation
from digikomp.assessments.tokens import token_for
from tests.assessments.helpers import invited_campaign


@pytest.fixture
def campaign(shipped_norm, world):
    return invited_campaign(world)


@pytest.fixture
def invitation(campaign, world):
    return Invitation.objects.get(campaign=campaign, person=world.people["anna"])


@pytest.fixture
def token(invitation):
    return token_for(invitation.public_id)


def english_client() -> Client:
    client = Client()
    client.cookies["digikomp_language"] = "en"
    return client


@pytest.fixture
def browser():
    """A fresh anonymous visitor, reading English."""
    return english_client()
