"""The insight pages (/app/indsigt/): heatmaps, coverage and distributions, knowledge checks, waves, the
national picture and the exports. Every number comes from insights.heatmap and insights.selectors, where the
anonymity rule lives; these views only choose what to ask for and how to show it."""
