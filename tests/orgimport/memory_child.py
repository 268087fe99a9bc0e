"""Run one real import in a process of its own and report its peak memory: test_memory.py starts this.

    python -m tests.orgimport.memory_child parse PATH              sources.read_path, as every import begins
    python -m tests.orgimport.memory_child cli PATH [ARGS...]      `digikomp import-org --municipality 751`
    python -m tests.orgimport.memory_child web PATH [PATH...]      the upload page, as a municipal admin;
                                                                    a preview it makes is then confirmed

DATABASE_URL names a migrated database holding the municipalities (a copy of the test database). The last line
printed is a JSON object: the peak resident memory of the whole process in MB (see peak_mb), the memory before
the import started, and what the import said.
"""

from __future__ import annotations

import http.client
import io
import json
import os
import re
import resource
import sys
import threading
from contextlib import contextmanager
from html import unescape
from pathlib import Path
from urllib.parse import urlencode


def peak_mb() -> float:
    """The peak resident memory of this process, in MB.

    On Linux from /proc/self/status (VmHWM, the high-water mark of this process's own memory): ru_maxrss also
    counts what the parent held when it started this process (Linux carries it across exec), so a test run that
    has grown to 300 MB would see every child at 300 MB at least."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux, bytes on macOS


def parse(path: Path) -> dict:
    from digikomp.lib.problems import Problems
    from digikomp.orgimport.sources import read_path

    problems = Problems()
    before = peak_mb()
    snapshot = read_path(path, problems)
    return {"before_mb": before, "imported": snapshot is not None,
            "problems": [[p.file, p.text] for p in problems]}


def cli(path: Path, *args: str) -> dict:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    out, err = io.StringIO(), io.StringIO()
    before = peak_mb()
    try:
        call_command("import-org", str(path), "--municipality", "751", *args, stdout=out, stderr=err)
        status = 0
    except CommandError as error:
        status = error.returncode
        err.write(str(error))
    return {"before_mb": before, "status": status, "stdout": out.getvalue(), "stderr": err.getvalue()}


def web(*paths: Path) -> dict:
    """Upload the files to the import page of a real WSGI server in this process, streaming them from disk as a
    browser does, then confirm the preview if there is one. The client side holds no file in memory, so the
    peak is the server's."""
    from django.conf import settings
    from django.test import Client, override_settings

    from digikomp.accounts.models import RoleAssignment, User
    from digikomp.orgimport.models import OrgImport
    from digikomp.tenancy.models import Municipality
    from digikomp.tenancy.roles import Role

    user = User.objects.create_user("memory@aarhus.example", "x", municipality=Municipality.objects.get(
        code="751"))
    RoleAssignment.objects.create(user=user, role=Role.MUNICIPAL_ADMIN)
    login = Client()
    login.force_login(user)
    static = {**settings.STORAGES,
              "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    with override_settings(STORAGES=static), serving() as port:
        browser = Browser(port, session=login.cookies[settings.SESSION_COOKIE_NAME].value)
        form = browser.get(UPLOAD)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        before = peak_mb()
        status, html, _location = browser.post_files(UPLOAD, token, paths)
        result = {"before_mb": before, "status": status}
        # The rows of the table of problems: file, line, column, problem.
        result["problems"] = [[unescape(cell) for cell in row] for row in re.findall(
            r"<tr>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", html,
            flags=re.DOTALL)]
        org_import = OrgImport.objects.defer("snapshot").first()
        result["previewed"] = org_import is not None
        if org_import is not None:
            page = browser.get(f"{UPLOAD}{org_import.pk}/")
            form = page.split('id="confirm-form"')[1].split("</form>")[0]
            fields = dict(re.findall(r'<input type="(?:hidden|checkbox)" name="([^"]+)"[^>]*? value="([^"]*)"',
                                     form))
            confirmed = browser.post(f"{UPLOAD}{org_import.pk}/bekraeft/", fields)
            result["confirm_status"] = confirmed[0]
            org_import.refresh_from_db()
            result["applied"] = org_import.status == OrgImport.Status.APPLIED
    return result


UPLOAD = "/app/organisation/import/"


@contextmanager
def serving():
    """Django behind wsgiref in a thread, on a free port of 127.0.0.1."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = make_server("127.0.0.1", 0, get_wsgi_application(), handler_class=QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()


class Browser:
    """Just enough of a browser: a session and CSRF cookie, form posts, and files streamed in chunks."""

    def __init__(self, port: int, *, session: str):
        self.port = port
        self.cookies = {"sessionid": session}

    def _request(self, method: str, path: str, body=None, headers=None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        cookie = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        connection.request(method, path, body=body, headers={"Cookie": cookie, "Host": "127.0.0.1",
                                                             **(headers or {})})
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";")[0]
        text = response.read().decode()
        connection.close()
        return response.status, text, response.getheader("Location", "")

    def get(self, path: str) -> str:
        status, text, _location = self._request("GET", path)
        assert status == 200, status
        return text

    def post(self, path: str, fields: dict[str, str]) -> tuple[int, str, str]:
        body = urlencode(fields).encode()
        return self._request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def post_files(self, path: str, token: str, files) -> tuple[int, str, str]:
        boundary = "----digikomp-memory-test"
        parts: list[bytes | Path] = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n{token}\r\n'
            .encode()]
        for file in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="upload"; '
                         f'filename="{file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode())
            parts += [file, b"\r\n"]
        parts.append(f"--{boundary}--\r\n".encode())
        length = sum(part.stat().st_size if isinstance(part, Path) else len(part) for part in parts)

        def chunks():
            for part in parts:
                if isinstance(part, bytes):
                    yield part
                    continue
                with part.open("rb") as stream:
                    while chunk := stream.read(64 * 1024):
                        yield chunk

        headers = {"Content-Type": f"multipart/form-data; boundary={boundary}", "Content-Length": str(length)}
        return self._request("POST", path, chunks(), headers)


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikomp.settings")
    import django

    django.setup()
    mode, path, *rest = sys.argv[1:]
    if mode == "parse":
        result = parse(Path(path))
    elif mode == "cli":
        result = cli(Path(path), *rest)
    elif mode == "web":
        result = web(Path(path), *map(Path, rest))
    else:
        raise SystemExit(f"unknown mode {mode}")
    result["peak_mb"] = peak_mb()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
