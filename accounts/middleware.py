from django.utils.cache import patch_cache_control, patch_vary_headers


class PrivateForSignedInMiddleware:
    """A page made for a signed-in person is theirs alone: no shared cache may keep it.

    The header of every page shows the signed-in person's name; `private` keeps proxies,
    CDNs and Django's own cache middleware from ever serving it to anybody else.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
        return response
