"""The one error convention (lib/errors.py): its shapes, the error summary it builds, and a guard that services
do not go back to raising something else."""

from __future__ import annotations

import ast
from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError

from digikomp.lib.errors import ServiceError, add_to_form, error_summary

SRC = Path(__file__).resolve().parents[2] / "src" / "digikomp"


def test_every_shape_becomes_field_keyed_lists():
    assert ServiceError("whole").errors == {ServiceError.WHOLE: ["whole"]}
    assert ServiceError(["a", "b"]).errors == {ServiceError.WHOLE: ["a", "b"]}
    assert ServiceError({"name": "short", None: ["x"], "units": ["one", "two"], "empty": []}).errors == {
        "name": ["short"], ServiceError.WHOLE: ["x"], "units": ["one", "two"]}


def test_messages_put_the_request_as_a_whole_first_and_the_api_names_it_body():
    error = ServiceError({"name": ["Too long."], None: "Closed."})
    assert error.messages == ["Closed.", "Too long."]
    assert error.first_by_field() == {"body": "Closed.", "name": "Too long."}
    assert str(error) == "Closed.; Too long."


def test_a_models_validation_error_keeps_its_fields():
    converted = ServiceError.from_validation_error(ValidationError({"slug": ["Taken."], "__all__": ["Both."]}))
    assert converted.errors == {"slug": ["Taken."], ServiceError.WHOLE: ["Both."]}
    assert ServiceError.from_validation_error(ValidationError("Plain.")).errors == {ServiceError.WHOLE: ["Plain."]}


class _Form(forms.Form):
    name = forms.CharField(label="Navn")
    scope = forms.ChoiceField(label="Hvem", choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)


def test_the_summary_links_each_field_error_to_its_input_and_lists_the_rest():
    form = _Form(data={"name": "", "scope": "zzz"})
    assert not form.is_valid()
    add_to_form(form, ServiceError({"name": ["Optaget."], "nofield": ["Andet."], None: ["Lukket."]}))
    items = error_summary(form, ServiceError("Fra tjenesten."), "Tekst.")
    hrefs = {item["text"]: item["href"] for item in items}
    # A message for a field the form lacks is kept, on the form as a whole (nothing is lost).
    assert hrefs["Andet."] == "" and hrefs["Lukket."] == ""
    assert hrefs["Navn: Optaget."] == "#id_name"
    # A radio group links to its first choice, which exists on the page.
    assert [h for t, h in hrefs.items() if t.startswith("Hvem: ")] == ["#id_scope_0"]
    assert items[-2:] == [{"href": "", "text": "Fra tjenesten."}, {"href": "", "text": "Tekst."}]
    assert error_summary(_Form(), None) == []  # an unbound form has nothing to say


def test_a_formsets_errors_reach_the_summary():
    formset = forms.formset_factory(_Form, extra=0, min_num=1, validate_min=True)(
        data={"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "0", "form-0-name": "", "form-0-scope": "a"})
    assert not formset.is_valid()
    assert {"href": "#id_form-0-name", "text": "Navn: " + formset.forms[0].errors["name"][0]} \
        in error_summary(formset)


# Exceptions of services that are not refusals: the caller answers them with something other than an error.
NOT_REFUSALS = {"AlreadySubmitted"}  # the person's answers are stored already: the caller shows the result


def _raised_names(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            func = node.exc.func
            names.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
    return names


def test_services_refuse_with_the_one_error_type():
    """A service that raises Django's ValidationError (or a home-made exception) again would bring back the
    guessing glue; forms may raise ValidationError, services may not."""
    offenders = []
    for path in SRC.rglob("services.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if "ValidationError" in _raised_names(tree):
            offenders.append(f"{path.relative_to(SRC)} raises ValidationError")
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name not in NOT_REFUSALS and any(
                    getattr(base, "id", "") == "Exception" for base in node.bases):
                offenders.append(f"{path.relative_to(SRC)} defines {node.name}(Exception)")
    assert not offenders, offenders
