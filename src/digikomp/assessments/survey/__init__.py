"""The respondent's side of a campaign: the personal link, the questionnaire page by page, the review, the
exactly-once submission and the personal result. Reached by the signed token alone; no login needed."""
