"""Operator commands of the accounts app, run as `digikomp <name>`."""
