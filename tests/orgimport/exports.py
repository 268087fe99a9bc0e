"""A small hand-written OS2mo export whose meaning is easy to check, and helpers to write variants of it.

Units: ROOT > BU > SKO > SFO, and ROOT > SUN > HJP. People:
  P1 Mette  - one engagement in BU                           -> BU, 59001 Direktør, manages BU
  P2 Jens   - SKO marked primary, SFO earlier but not marked -> SKO (Primær wins), manages SKO
  P3 Anne   - SKO and SFO, neither marked; SFO started first -> SFO (earliest start, DD-MM-YYYY date),
              job code "S3" because its Stillingskode# is empty
  P4 Ali    - active in HJP; an inactive row marked primary  -> HJP (inactive rows do not count)
  P5 Bo     - only an inactive engagement                    -> imported inactive, title from bruger.Stilling
  P6 Karen  - a stillingskode without a title                -> title from bruger.Stilling
Every person has a fake CPR number, listed in FAKE_CPRS, which must never be stored or shown.
"""

from __future__ import annotations

from pathlib import Path

ORGANISATION = "plan2learn_organisation.csv"
PEOPLE = "plan2learn_bruger.csv"
ENGAGEMENTS = "plan2learn_engagement.csv"
JOB_CODES = "plan2learn_stillingskode.csv"
MANAGERS = "plan2learn_leder.csv"

FAKE_CPRS = ["0101801234", "0202852345", "0303903456", "0404954567", "0505005678", "0606056789"]

BASE = {
    ORGANISATION: """AfdelingsID;Afdelingsnavn;Parentid;Gade;Postnr;By
ROOT;Søbjerg Kommune;;Rådhustorvet 1;8999;Søbjerg
BU;Børn og Unge;ROOT;;;
SKO;Skovvangskolen;BU;Skovvangen 4;8999;Søbjerg
SFO;SFO Skovvang;SKO;;;
SUN;Sundhed og Omsorg;ROOT;;;
HJP;Hjemmeplejen Nord;SUN;Plejevej 2;8999;Søbjerg
""",
    PEOPLE: f"""BrugerId;CPR;Navn;E-mail;Mobil;Stilling
P1;{FAKE_CPRS[0]};Mette Holm;mette.holm@soebjerg.example;20304050;Direktør
P2;{FAKE_CPRS[1]};Jens Lund;jens.lund@soebjerg.example;;Lærer
P3;{FAKE_CPRS[2]};Anne Kjær;anne.kjaer@soebjerg.example;;Pædagog
P4;{FAKE_CPRS[3]};Ali Hassan;ali.hassan@soebjerg.example;;Social- og sundhedshjælper
P5;{FAKE_CPRS[4]};Bo Nielsen;;;Tidligere lærer
P6;{FAKE_CPRS[5]};Karen Bach;karen.bach@soebjerg.example;;Sekretær
""",
    ENGAGEMENTS: """EngagementId;BrugerId;AfdelingsId;AktivStatus;StillingskodeId;Primær;Engagementstype;StartdatoEngagement
E1;P1;BU;1;S1;1;Månedslønnet;2010-01-01
E2;P2;SKO;1;S2;1;Månedslønnet;2015-08-01
E3;P2;SFO;1;S3;0;Timelønnet;2012-08-01
E4;P3;SKO;1;S2;0;Månedslønnet;2019-08-01
E5;P3;SFO;1;S3;0;Månedslønnet;01-08-2016
E6;P4;HJP;1;S4;1;Månedslønnet;2020-02-01
E7;P4;SKO;0;S2;1;Månedslønnet;2001-01-01
E8;P5;SKO;0;S2;1;Månedslønnet;2005-01-01
E9;P6;SUN;1;S5;1;Månedslønnet;2021-03-01
""",
    JOB_CODES: """StillingskodeID;AktivStatus;Stillingskode;Stillingskode#
S1;1;Direktør;59001
S2;1;Lærer;51001
S3;1;Pædagog;
S4;1;Social- og sundhedshjælper;52002
S5;1;;56001
""",
    MANAGERS: """BrugerId;AfdelingsID;AktivStatus;Titel
P1;BU;1;Børne- og ungedirektør
P2;SKO;1;Skoleleder
P3;SKO;0;Tidligere skoleleder
""",
}


def edited(changes: dict[str, list[tuple[str, str]]] | None = None) -> dict[str, str]:
    """BASE with (old, new) text replacements per file; each old text must occur."""
    files = dict(BASE)
    for name, replacements in (changes or {}).items():
        for old, new in replacements:
            assert old in files[name], f"{old!r} is not in {name}"
            files[name] = files[name].replace(old, new)
    return files


def write(folder: Path, files: dict[str, str | bytes | None] | None = None, *,
          encoding: str = "utf-8") -> Path:
    """Write an export into folder (None leaves a file out; bytes are written as they are)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in (BASE if files is None else files).items():
        if content is None:
            continue
        data = content if isinstance(content, bytes) else content.encode(encoding)
        (folder / name).write_bytes(data)
    return folder


def as_uploads(files: dict[str, str] | None = None) -> list[tuple[str, bytes]]:
    return [(name, text.encode()) for name, text in (BASE if files is None else files).items()]


def where(problems) -> set[tuple[str, int | None, str]]:
    """(file, line, column) of each problem."""
    return {(p.file, p.line, p.column) for p in problems}
