"""View decorators that declare what a view needs instead of checking roles inline."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied


def login_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.access.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapper


def permission_required(permission: str):
    """Anonymous visitors go to the login page; logged-in users without the permission get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapper(request, *args, **kwargs):
            if not request.access.has(permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
