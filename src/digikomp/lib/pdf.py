"""PDF rendering with WeasyPrint from the same templates as the web pages.

WeasyPrint needs the Pango text library from the operating system (Debian/Ubuntu: `apt-get install
libpango-1.0-0 libpangoft2-1.0-0`; macOS: `brew install pango`). Import it lazily so the rest of the product runs
without it, and say exactly that when it is missing instead of showing a loader traceback.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

PANGO_HINT = (
    "PDF output needs WeasyPrint's system library Pango. Install it with "
    "`apt-get install libpango-1.0-0 libpangoft2-1.0-0` (Debian/Ubuntu) or `brew install pango` (macOS)."
)


PDF_VARIANT = "pdf/ua-1"


class PdfUnavailable(RuntimeError):
    pass


def _weasyprint():
    try:
        import weasyprint
    except OSError as exc:  # cffi could not load libpango / libgobject
        raise PdfUnavailable(f"{PANGO_HINT} ({exc})") from exc
    return weasyprint


def pdf_available() -> str | None:
    """None when PDFs can be made, else the reason (used by the system check)."""
    try:
        _weasyprint()
    except PdfUnavailable as exc:
        return str(exc)
    return None


def render_pdf(template_name: str, context: dict, *, language: str | None = None) -> bytes:
    """Render a template to PDF in `language` (the active language by default)."""
    return render_pdf_document(template_name, context, language=language)[0]


def render_pdf_document(template_name: str, context: dict, *, language: str | None = None) -> tuple[bytes, int]:
    """As render_pdf, with the number of pages (a publication states it)."""
    weasyprint = _weasyprint()
    with translation.override(language or translation.get_language()):
        html = render_to_string(template_name, context)
    stylesheet = finders.find("digikomp/css/print.css")
    stylesheets = [weasyprint.CSS(filename=stylesheet)] if stylesheet else []
    base_url = str(settings.PACKAGE_DIR / "static")
    # Tagged PDF/UA-1 (the web accessibility act covers published documents): WeasyPrint tags headings, lists,
    # tables and figures from the HTML, takes the language from <html lang> and the title from <title>, and
    # marks the file as PDF/UA in its XMP metadata. An <img> needs alt, an inline <svg> a <title>.
    document = weasyprint.HTML(string=html, base_url=base_url).render(stylesheets=stylesheets,
                                                                      pdf_variant=PDF_VARIANT)
    return document.write_pdf(pdf_variant=PDF_VARIANT), len(document.pages)
