"""Taking in the latest norm release: the norm's changes per adapted profile, a required keep-or-drop decision
for every conflict with a local change, and the local changes the new norm makes redundant."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from digikomp.lib.errors import add_to_form, error_summary
from digikomp.lib.i18n import localized
from digikomp.profiles import services
from digikomp.profiles.municipal import selectors
from digikomp.profiles.municipal.forms import TakeInForm
from digikomp.profiles.municipal.take_in import take_in_plan
from digikomp.tenancy.decorators import permission_required


@permission_required("profiles.adapt")
def take_in(request):
    municipality = selectors.municipality_of(request.access)
    plan = take_in_plan(municipality)
    form = TakeInForm(request.POST if request.method == "POST" else None, conflicts=plan.conflicts)
    if request.method == "POST":
        if plan.target is None:
            messages.info(request, _("Your municipality already follows the latest norm."))
            return redirect("profiles:library")
        if form.is_valid():
            try:
                services.release_take_in(municipality=municipality, release=plan.target,
                                         decisions=form.decisions(), actor=request.user)
            except services.ProfileError as error:
                add_to_form(form, error)
            else:
                messages.success(request, _("Your municipality now follows norm release %(version)s.")
                                 % {"version": plan.target.version})
                return redirect("profiles:library")
    return render(request, "profiles/municipal/take_in.html", {
        "plan": plan,
        "changelog": localized(plan.target, "changelog") if plan.target else "",
        "form": form,
        "error_summary": error_summary(form),
    })
