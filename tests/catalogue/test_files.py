"""Images (with required alt text) and attachments of a case are served through the catalogue, and only while
the reader may see the case."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from digikomp.catalogue.forms import ImageForm
from digikomp.catalogue.models import Case, CaseAttachment, CaseImage
from tests.catalogue.helpers import make_case
from tests.web.markup import find

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "navy").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def case_with_files(private_files):
    case = make_case(slug="med-filer")
    image = CaseImage.objects.create(case=case, alt_text="Frivillig hjælper en borger med en tablet",
                                     image=SimpleUploadedFile("hjaelp.png", _png()))
    attachment = CaseAttachment.objects.create(case=case, title="Evaluering",
                                               file=SimpleUploadedFile("evaluering.pdf", b"%PDF-1.4 demo"))
    return case, image, attachment


def test_images_carry_their_alt_text_and_files_download(client, case_with_files):
    case, image, attachment = case_with_files
    page = client.get("/katalog/med-filer/")
    assert find(page, "img", src=f"/katalog/med-filer/billeder/{image.pk}/",
                alt="Frivillig hjælper en borger med en tablet")
    response = client.get(f"/katalog/med-filer/billeder/{image.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == _png()
    response = client.get(f"/katalog/med-filer/bilag/{attachment.pk}/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]


def test_files_of_an_unpublished_case_are_not_public(client, client_for, case_with_files):
    case, image, attachment = case_with_files
    Case.objects.filter(pk=case.pk).update(status=Case.Status.DRAFT)
    assert client.get(f"/katalog/med-filer/billeder/{image.pk}/").status_code == 404
    assert client.get(f"/katalog/med-filer/bilag/{attachment.pk}/").status_code == 404
    assert client_for("hr").get(f"/katalog/med-filer/bilag/{attachment.pk}/").status_code == 200


def test_an_image_needs_alt_text(private_files):
    form = ImageForm(data={"alt_text": "", "caption": ""},
                     files={"image": SimpleUploadedFile("x.png", _png(), content_type="image/png")})
    assert not form.is_valid() and "alt_text" in form.errors


def test_case_files_are_kept_outside_the_public_media_folder(settings):
    from digikomp.catalogue.models import private_storage

    assert not str(private_storage().location).startswith(str(settings.MEDIA_ROOT))
