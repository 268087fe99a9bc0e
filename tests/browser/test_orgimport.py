"""The org import in the browser: choose the five OS2mo files, read the preview, confirm twice (it deactivates
every unit the personas had), see the units, undo it; axe on the pages of the confirmation."""

import pytest
from playwright.sync_api import expect

from digikomp.orgimport.generate import HEADERS, generate_export, write_export
from tests.browser.axe import Audit
from tests.browser.conftest import login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def summary_count(page, label: str) -> str:
    table = page.get_by_role("table", name="Summary")
    return table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=label, exact=True)) \
        .get_by_role("cell").inner_text()


def test_an_admin_uploads_an_os2mo_export_checks_the_preview_confirms_and_undoes(visitor, live_server, world,
                                                                                  tmp_path):
    export = generate_export(people=40, units=8, seed=7)
    write_export(export, tmp_path)
    top = next(unit for unit in export.units if not unit["Parentid"])

    audit = Audit()
    page = visitor.new_page(language="en", bypass_csp=True)
    login(page, live_server, "admin@aarhus.example")
    page.get_by_role("link", name="Import organisation").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Import organisation")
    page.get_by_label("Files").set_input_files([tmp_path / name for name in HEADERS])
    page.get_by_role("button", name="Upload and see the changes").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Check the changes")
    expect(page.get_by_text("Nothing has been stored yet.")).to_be_visible()
    expect(page.get_by_role("definition").first).to_contain_text("plan2learn_organisation.csv")
    assert summary_count(page, "Units created") == str(len(export.units))
    # The personas' five Aarhus units are not in the file: they would become inactive, and the page says so.
    assert summary_count(page, "Units deactivated") == "5"
    assert int(summary_count(page, "People created")) > 0
    expect(page.get_by_role("table", name=f"Units created ({len(export.units)})")).to_contain_text(
        top["Afdelingsnavn"])

    # All of the personas' units and people would go: the page names the numbers and asks a second confirmation.
    audit.check(page, "preview of a mass deactivation")
    preview = page.url
    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_role("alert")).to_contain_text("Tick the box to confirm that the import deactivates")
    audit.check(page, "preview with the confirmation missing")
    # The refusal is a 400, which Chromium reports as an error on the console.
    visitor.errors.remove(f"{preview}bekraeft/: Failed to load resource: the server responded with a status "
                          "of 400 (Bad Request)")
    page.get_by_label("Yes, deactivate 3 of 3 people and 5 of 5 units").check()
    page.get_by_role("button", name="Confirm import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisation import")
    expect(page.get_by_text("Imported ", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Confirm import")).to_have_count(0)
    expect(page.get_by_role("button", name="Undo import")).to_be_visible()
    audit.check(page, "an applied import")

    navigation = page.get_by_role("navigation", name="Main navigation")
    navigation.get_by_role("link", name="Organisation", exact=True).click()
    page.get_by_role("link", name=top["Afdelingsnavn"]).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(top["Afdelingsnavn"])
    expect(page.get_by_role("heading", name="Sub-units")).to_be_visible()

    # Undone from the import's page, the organisation is the personas' again.
    page.goto(preview)
    page.get_by_role("button", name="Undo import").click()
    expect(page.get_by_text("The import was undone: the organisation is as it was before it.")).to_be_visible()
    expect(page.get_by_role("definition").nth(3)).to_contain_text("Undone")
    navigation.get_by_role("link", name="Organisation", exact=True).click()
    expect(page.get_by_role("link", name=top["Afdelingsnavn"])).to_have_count(0)
    audit.assert_no_serious_violations()
