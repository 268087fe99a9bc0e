"""The national editors' pages for frameworks: drafting, item edits, preview, publishing and CASE import."""
