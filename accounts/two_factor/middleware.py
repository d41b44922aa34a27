import re
from functools import cache

from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from accounts.two_factor import policy
from newsroom.paths import STAFF_PREFIXES

# What a signed-in person who still needs a second factor may reach: enrolment and sign-out.
OPEN_URL_NAMES = [
    "two_factor_setup",
    "two_factor_recovery_codes",
    "two_factor_recovery_codes_download",
    "logout",
    "admin:logout",
    "login",
    "admin:login",
    "sign_in_code",
]


# The staff preview of an article (/preview/<id>/) is a staff page outside the prefixes;
# a preview link (/preview/shared/…) is a partner's, not staff's.
STAFF_PREVIEW = re.compile(r"^/preview/\d+/")


def is_staff_page(path: str) -> bool:
    return path.startswith(STAFF_PREFIXES) or bool(STAFF_PREVIEW.match(path))


@cache
def open_paths() -> frozenset[str]:
    return frozenset(reverse(name) for name in OPEN_URL_NAMES)


class SecondFactorRequiredMiddleware:
    """Staff pages need a session that passed the code step, when the person has a second
    factor, and a second factor when their role requires one (accounts/two_factor/policy.py).

    Public pages and static files stay open: they are the readers' anyway.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        path = request.path_info
        if (
            user.is_authenticated
            and is_staff_page(path)
            and path not in open_paths()
            and not user.is_verified()
        ):
            if policy.has_any_device(user):
                # A session from before the person's second factor: it must pass the code step.
                logout(request)
                return redirect_to_login(request.get_full_path())
            if policy.is_required(user):
                query = urlencode({"next": request.get_full_path()})
                return HttpResponseRedirect(f"{reverse('two_factor_setup')}?{query}")
        return self.get_response(request)
