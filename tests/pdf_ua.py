"""Reading a PDF's accessibility structure back with pypdf, for the tests of every PDF DigiKomp generates.

A tagged PDF/UA-1 document (lib/pdf.render_pdf) has: /MarkInfo << /Marked true >>, a /StructTreeRoot whose
elements name headings (H1..H6), tables (Table, TR, TH, TD) and figures (Figure, each with /Alt), the language
in the catalogue's /Lang, the title in the document information and the XMP metadata with /ViewerPreferences
/DisplayDocTitle true (a reader shows the title, not the file name), and the PDF/UA identification
(pdfuaid:part 1) in the XMP metadata. `read_structure` walks the tree; `assert_pdf_ua` checks all of that.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"


@dataclass
class Structure:
    catalog: DictionaryObject
    title: str | None
    xmp: str
    tags: Counter = field(default_factory=Counter)
    figure_alts: list[str | None] = field(default_factory=list)
    # Each table's header cells and data cells, in the order the tree holds them.
    th_count: int = 0
    text: str = ""
    pages: int = 0


def _resolve(obj):
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def read_structure(data: bytes) -> Structure:
    reader = PdfReader(io.BytesIO(data))
    catalog = reader.trailer["/Root"].get_object()
    metadata = reader.metadata or {}
    xmp_stream = catalog.get("/Metadata")
    xmp = _resolve(xmp_stream).get_data().decode("utf-8") if xmp_stream is not None else ""
    structure = Structure(catalog=catalog, title=metadata.get("/Title"), xmp=xmp, pages=len(reader.pages))
    structure.text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    root = catalog.get("/StructTreeRoot")
    if root is None:
        return structure
    stack = [_resolve(root).get("/K")]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
        node = _resolve(node)
        if isinstance(node, ArrayObject):
            stack.extend(node)
        elif isinstance(node, DictionaryObject) and node.get("/Type", "/StructElem") == "/StructElem" \
                and "/S" in node:
            tag = str(node["/S"])[1:]
            structure.tags[tag] += 1
            if tag == "Figure":
                alt = node.get("/Alt")
                structure.figure_alts.append(str(alt) if alt is not None else None)
            kids = node.get("/K")
            if kids is not None:
                stack.append(kids)
    structure.th_count = structure.tags["TH"]
    return structure


def assert_pdf_ua(data: bytes, *, language: str, title: str, headings: tuple[str, ...] = ("H1", "H2"),
                  tables: bool = True) -> Structure:
    """Assert the document is tagged PDF/UA-1 in `language`, titled with `title` (a part of it)."""
    structure = read_structure(data)
    catalog = structure.catalog
    mark_info = _resolve(catalog.get("/MarkInfo"))
    assert mark_info is not None and bool(mark_info.get("/Marked")) is True, "not a tagged PDF (/MarkInfo)"
    assert "/StructTreeRoot" in catalog, "no structure tree"
    assert str(catalog.get("/Lang", "")).startswith(language), f"/Lang is {catalog.get('/Lang')!r}"
    preferences = _resolve(catalog.get("/ViewerPreferences")) or {}
    assert bool(preferences.get("/DisplayDocTitle")) is True, "DisplayDocTitle is not set"
    assert structure.title and title in structure.title, f"title {structure.title!r} lacks {title!r}"
    assert title in structure.xmp, "the XMP metadata lacks the title (dc:title)"
    assert PDFUA_NS in structure.xmp and re.search(r'pdfuaid:part(="1"|>1</pdfuaid:part>)', structure.xmp), \
        "the XMP metadata does not identify the file as PDF/UA-1"
    for heading in headings:
        assert structure.tags[heading], f"no {heading} in the structure tree: {dict(structure.tags)}"
    if tables:
        assert structure.tags["Table"] and structure.tags["TH"] and structure.tags["TD"], dict(structure.tags)
    assert all(structure.figure_alts), f"a figure has no alternative text: {structure.figure_alts}"
    return structure
