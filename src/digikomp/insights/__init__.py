"""Insights: the read side of the surveys. Heatmaps, coverage, distributions and response rates, computed from
tallies only, with the anonymity rule of lib/anonymity.py applied to every number before it leaves here."""
