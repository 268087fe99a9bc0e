"""Event sign-up pages: the form on the event's page posts here; the calendar file; cancelling by the e-mailed
link (a page with a button, so a mail scanner that opens links cancels nothing). No login needed."""

from __future__ import annotations

from axes.helpers import get_client_ip_address
from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from digikomp.lib.ids import is_id
from digikomp.site import registrations
from digikomp.site.models import EventPage
from digikomp.site.models.registrations import REGISTRATION_RETENTION_DAYS


class EventSignupForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name"), max_length=200,
                           error_messages={"required": gettext_lazy("Write your name.")})
    email = forms.EmailField(label=gettext_lazy("E-mail"), max_length=254,
                             error_messages={"required": gettext_lazy("Write your e-mail address."),
                                             "invalid": gettext_lazy("Write an e-mail address such as "
                                                                     "name@example.dk.")})
    organisation = forms.CharField(label=gettext_lazy("Organisation or municipality (optional)"), max_length=200,
                                   required=False)
    consent = forms.BooleanField(
        error_messages={"required": gettext_lazy("Tick the box to let us keep your sign-up.")})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].label = _(
            "DigiKomp may keep my name, e-mail address and organisation to run the event, and deletes them "
            "%(days)s days after it at the latest.") % {"days": REGISTRATION_RETENTION_DAYS}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise forms.ValidationError(_("Write your name."))
        return name


def _event(event_id: int) -> EventPage:
    if not is_id(event_id):  # a number no id can be names nothing (and SQLite would refuse to compare it)
        raise Http404
    return get_object_or_404(EventPage.objects.live().public(), pk=event_id)


def _event_page(request, event: EventPage, form: EventSignupForm, status: int):
    context = event.get_context(request)
    context["signup_form"] = form
    return render(request, event.get_template(request), context, status=status)


@require_http_methods(["GET", "POST"])
def signup(request, event_id: int):
    event = _event(event_id)
    if request.method == "GET":
        return redirect(event.url)
    form = EventSignupForm(request.POST)
    if not form.is_valid():
        return _event_page(request, event, form, 400)
    data = form.cleaned_data
    try:
        result = registrations.signup(event=event, name=data["name"], email=data["email"],
                                      organisation=data["organisation"], address=get_client_ip_address(request))
    except registrations.AlreadySignedUp:
        form.add_error("email", _("This e-mail address is already signed up for the event, so we have not signed "
                                  "it up twice. To cancel, use the link in the e-mail you got."))
        return _event_page(request, event, form, 409)
    except registrations.SignupClosed:
        form.add_error(None, _("Sign-up for this event has closed."))
        return _event_page(request, event, form, 409)
    except registrations.TooManySignups:
        form.add_error(None, _("Too many sign-ups came from your network within the hour. Please wait a while "
                               "and try again."))
        return _event_page(request, event, form, 429)
    return render(request, "site/events/signed_up.html", {
        "event": event, "registration": result.registration, "position": result.waiting_position,
    })


@require_safe
def calendar(request, event_id: int):
    event = _event(event_id)
    body = registrations.event_ics(event, url=request.build_absolute_uri(event.url))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{event.slug}.ics"'})


@require_http_methods(["GET", "POST"])
def cancel(request, token: str):
    registration = registrations.registration_from_token(token)
    if registration is None:
        return render(request, "site/events/bad_link.html", status=400)
    if request.method == "GET":
        return render(request, "site/events/cancel.html", {"registration": registration,
                                                           "event": registration.event})
    registrations.cancel(registration)
    return render(request, "site/events/cancelled.html", {"event": registration.event})



