"""Tenancy: municipalities, their org units (a materialised-path tree), people and unit managers.

Every municipal row belongs to one municipality. Views never fetch tenant rows by primary key directly; they
go through selectors.py, which starts every queryset from the request's Access and returns 404 to outsiders.
"""
