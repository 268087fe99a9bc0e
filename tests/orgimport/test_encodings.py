"""The files may be UTF-8 with or without BOM, or Windows-1252; the Danish letters must survive each."""

import pytest

from digikomp.tenancy.models import OrgUnit, Person
from tests.orgimport import exports


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_every_supported_encoding_keeps_æøå(run_import, aarhus, tmp_path, encoding):
    files = exports.edited({exports.ORGANISATION: [("Hjemmeplejen Nord", "Æblehaven Ørby Å-hus")],
                            exports.PEOPLE: [("Anne Kjær", "Åse Ærø Øster")]})
    result = run_import(exports.write(tmp_path, files, encoding=encoding))
    assert result.error is None, result.stderr
    assert OrgUnit.objects.get(municipality=aarhus, external_id="HJP").name == "Æblehaven Ørby Å-hus"
    assert Person.objects.get(municipality=aarhus, external_id="P3").name == "Åse Ærø Øster"
    # A BOM must not end up in the first column's name: the header was recognised.
    assert OrgUnit.objects.get(municipality=aarhus, external_id="ROOT").name == "Søbjerg Kommune"


def test_files_may_mix_encodings(run_import, aarhus, tmp_path):
    files: dict = dict(exports.BASE)
    files[exports.ORGANISATION] = files[exports.ORGANISATION].encode("cp1252")
    files[exports.PEOPLE] = files[exports.PEOPLE].encode("utf-8-sig")
    assert run_import(exports.write(tmp_path, files)).error is None
    assert OrgUnit.objects.get(municipality=aarhus, external_id="ROOT").name == "Søbjerg Kommune"


def test_windows_line_endings_and_quoted_fields(run_import, aarhus, tmp_path):
    files = exports.edited({exports.ORGANISATION: [("SUN;Sundhed og Omsorg;", 'SUN;"Sundhed; Omsorg";')]})
    files = {name: text.replace("\n", "\r\n") for name, text in files.items()}
    assert run_import(exports.write(tmp_path, files)).error is None
    assert OrgUnit.objects.get(municipality=aarhus, external_id="SUN").name == "Sundhed; Omsorg"
