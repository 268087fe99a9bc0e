"""Newsletter pages: sign up, confirm (a button behind the signed link) and unsubscribe (one click).

Works without JavaScript and without login. Confirming is a POST behind the link, so a mail scanner that opens
links cannot subscribe anyone; unsubscribing is a POST too, which mail clients send themselves from the
List-Unsubscribe-Post header (RFC 8058) and which the page's single button sends for everyone else.
"""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from digikomp.site.newsletter import services
from digikomp.site.newsletter.forms import SubscribeForm


@require_http_methods(["GET", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.subscriber_request(email=form.cleaned_data["email"])
        return render(request, "site/newsletter/requested.html", {"email": form.cleaned_data["email"]})
    return render(request, "site/newsletter/subscribe.html", {"form": form},
                  status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    email = services.email_from_confirm_token(token)
    if email is None:
        return render(request, "site/newsletter/bad_link.html", {"expired": True}, status=400)
    if request.method == "POST":
        subscriber = services.subscriber_confirm(email=email)
        if subscriber is None:
            return render(request, "site/newsletter/bad_link.html", {"expired": True}, status=400)
        return render(request, "site/newsletter/confirmed.html", {
            "email": email, "unsubscribe_url": services.unsubscribe_url(email)})
    return render(request, "site/newsletter/confirm.html", {"email": email})


# Mail clients post the one-click unsubscription (RFC 8058) without a CSRF token; the signed token in the
# address is what authorises it, and all it can do is remove that one address.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    email = services.email_from_unsubscribe_token(token)
    if email is None:
        return render(request, "site/newsletter/bad_link.html", {"expired": False}, status=400)
    if request.method == "POST":
        services.subscriber_remove(email=email)
        return render(request, "site/newsletter/unsubscribed.html", {"email": email})
    return render(request, "site/newsletter/unsubscribe.html", {"email": email})
