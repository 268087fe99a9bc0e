"""Import pages for municipal admins: upload, preview, confirm."""

from django.shortcuts import render

from digikomp.web.decorators import permission_required


@permission_required("org.import")
def upload(request):
    return render(request, "orgimport/upload.html")
