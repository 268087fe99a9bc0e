"""Competence surveys: campaigns (waves of a series), invitations with personal links, questionnaires built
from each person's effective profile, responses stored exactly once, and the tallies that insights read."""
