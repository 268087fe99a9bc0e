"""Every kind of bad input stops the whole import, stores nothing and is reported with file, line and column.

The `rejected` fixture runs the command, asserts it exited with status 1 and stored nothing, and returns the
problems (which it also checks the command printed).
"""

from tests.orgimport import exports
from tests.orgimport.exports import ENGAGEMENTS, JOB_CODES, MANAGERS, ORGANISATION, PEOPLE, where


def test_an_unknown_parent(rejected, tmp_path):
    files = exports.edited({ORGANISATION: [("SFO;SFO Skovvang;SKO", "SFO;SFO Skovvang;NOPE")]})
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(ORGANISATION, 5, "Parentid")}
    assert "NOPE" in problems[0].text


def test_a_cycle(rejected, tmp_path):
    # BU -> SKO -> SFO -> BU: no root above them.
    files = exports.edited({ORGANISATION: [("BU;Børn og Unge;ROOT", "BU;Børn og Unge;SFO")]})
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(ORGANISATION, 3, "Parentid")}
    assert "BU → SFO → SKO → BU" in problems[0].text  # each unit followed by its parent


def test_a_unit_that_is_its_own_parent(rejected, tmp_path):
    files = exports.edited({ORGANISATION: [("SUN;Sundhed og Omsorg;ROOT", "SUN;Sundhed og Omsorg;SUN")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ORGANISATION, 6, "Parentid")}


def test_a_duplicate_unit_id(rejected, tmp_path):
    files = exports.edited({ORGANISATION: [("HJP;Hjemmeplejen Nord", "SKO;Hjemmeplejen Nord")],
                            ENGAGEMENTS: [("E6;P4;HJP", "E6;P4;SKO")]})
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(ORGANISATION, 7, "AfdelingsID")}
    assert "4" in problems[0].text  # names the line it is used on already


def test_a_duplicate_person_id(rejected, tmp_path):
    files = exports.edited({PEOPLE: [("P6;", "P5;")], ENGAGEMENTS: [("E9;P6;", "E9;P5;")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(PEOPLE, 7, "BrugerId")}


def test_a_duplicate_engagement_id(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("E9;P6", "E1;P6")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 10, "EngagementId")}


def test_a_missing_column(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [(";StartdatoEngagement", ";Startdato")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 1, "StartdatoEngagement")}


def test_a_comma_instead_of_a_semicolon(rejected, tmp_path):
    files = exports.edited({PEOPLE: []})
    files[PEOPLE] = files[PEOPLE].replace(";", ",")
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(PEOPLE, 1, "")}
    assert "semicolon" in problems[0].text or "semikolon" in problems[0].text


def test_a_tab_instead_of_a_semicolon(rejected, tmp_path):
    files = dict(exports.BASE)
    files[JOB_CODES] = files[JOB_CODES].replace(";", "\t")
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(JOB_CODES, 1, "")}


def test_a_line_with_too_few_fields(rejected, tmp_path):
    files = exports.edited({MANAGERS: [("P2;SKO;1;Skoleleder", "P2,SKO,1,Skoleleder")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(MANAGERS, 3, "")}


def test_bytes_that_are_neither_utf8_nor_windows_1252(rejected, tmp_path):
    files = dict(exports.BASE)
    files[ORGANISATION] = files[ORGANISATION].encode("cp1252").replace(b"Omsorg", b"Oms\x81rg")
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(ORGANISATION, 6, "")}
    assert "0x81" in problems[0].text and "12" in problems[0].text  # the byte and its position in the line


def test_an_empty_file(rejected, tmp_path):
    files = dict(exports.BASE, **{MANAGERS: ""})
    assert where(rejected(exports.write(tmp_path, files))) == {(MANAGERS, None, "")}


def test_a_missing_file(rejected, tmp_path):
    files = dict(exports.BASE, **{JOB_CODES: None})
    assert where(rejected(exports.write(tmp_path, files))) == {(JOB_CODES, None, "")}


def test_an_engagement_for_an_unknown_person(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("E9;P6;", "E9;P66;")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 10, "BrugerId")}


def test_an_engagement_for_an_unknown_unit(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 10, "AfdelingsId")}


def test_a_manager_who_is_an_unknown_person(rejected, tmp_path):
    files = exports.edited({MANAGERS: [("P1;BU;1", "P77;BU;1")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(MANAGERS, 2, "BrugerId")}


def test_a_manager_of_an_unknown_unit(rejected, tmp_path):
    files = exports.edited({MANAGERS: [("P1;BU;1", "P1;BUX;1")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(MANAGERS, 2, "AfdelingsID")}


def test_an_invalid_email_address(rejected, tmp_path):
    files = exports.edited({PEOPLE: [("ali.hassan@soebjerg.example", "ali.hassan(at)soebjerg")]})
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {(PEOPLE, 5, "E-mail")}
    assert "ali.hassan(at)soebjerg" in problems[0].text


def test_a_bad_date(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("2021-03-01", "2021-02-30")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 10, "StartdatoEngagement")}


def test_a_bad_aktivstatus(rejected, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("E9;P6;SUN;1", "E9;P6;SUN;ja")]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ENGAGEMENTS, 10, "AktivStatus")}


def test_a_value_too_long_for_the_database(rejected, tmp_path):
    files = exports.edited({ORGANISATION: [("Sundhed og Omsorg", "S" * 201)]})
    assert where(rejected(exports.write(tmp_path, files))) == {(ORGANISATION, 6, "Afdelingsnavn")}


def test_every_problem_is_listed_not_just_the_first(rejected, tmp_path):
    files = exports.edited({
        ORGANISATION: [("SFO;SFO Skovvang;SKO", "SFO;SFO Skovvang;NOPE")],
        PEOPLE: [("ali.hassan@soebjerg.example", "not-an-address")],
        ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ"), ("2010-01-01", "2010-13-01")],
        MANAGERS: [("P1;BU;1", "P77;BU;1")],
    })
    files[JOB_CODES] = None
    problems = rejected(exports.write(tmp_path, files))
    assert where(problems) == {
        (ORGANISATION, 5, "Parentid"), (PEOPLE, 5, "E-mail"), (ENGAGEMENTS, 10, "AfdelingsId"),
        (ENGAGEMENTS, 2, "StartdatoEngagement"), (MANAGERS, 2, "BrugerId"), (JOB_CODES, None, ""),
    }


def test_the_report_follows_the_language_option(run_import, tmp_path):
    files = exports.edited({ENGAGEMENTS: [("E9;P6;SUN", "E9;P6;XYZ")]})
    path = exports.write(tmp_path, files)
    english = run_import(path, "--language", "en").stderr
    danish = run_import(path, "--language", "da").stderr
    assert "line 10, column AfdelingsId: The unit “XYZ” is not in plan2learn_organisation.csv." in english
    assert "linje 10, kolonne AfdelingsId: Enheden “XYZ” findes ikke i plan2learn_organisation.csv." in danish
