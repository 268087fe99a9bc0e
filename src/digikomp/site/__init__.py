"""The public website, served by Wagtail at /: home page, standard pages, news, publications, events and the page
for education providers; the news feed, the newsletter (double opt-in, one-click unsubscribe) and the Wagtail
admin's place in DigiKomp (its CSP, access gate and the editors' group)."""
