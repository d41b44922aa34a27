"""The pages of two-factor sign-in: the code step, enrolment and the recovery codes."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from accounts.forms import AdminSignInForm
from accounts.lockout import locked_out
from accounts.two_factor import devices, policy, sign_in
from accounts.two_factor.forms import CodeForm, ConfirmAppForm

# The recovery codes just made, kept in the session until the person says they have them.
NEW_CODES = "two_factor_new_codes"


class TwoStepLoginMixin:
    """For a LoginView: a right password for someone with a second factor leads to the code
    step instead of a session; a wrong one is answered as always."""

    admin_look = False

    def form_valid(self, form):
        user = self.signing_in = form.get_user()
        if not policy.has_any_device(user):
            return super().form_valid(form)
        sign_in.start(self.request, user, next_url=self.get_success_url(), admin=self.admin_look)
        return HttpResponseRedirect(reverse("sign_in_code"))


class AdminSignInView(TwoStepLoginMixin, auth_views.LoginView):
    """The admin's sign-in page (as AdminSite.login), with the code step."""

    admin_look = True
    authentication_form = AdminSignInForm
    template_name = "admin/login.html"

    def get(self, request, *args, **kwargs):
        if admin.site.has_permission(request):
            return HttpResponseRedirect(reverse("admin:index"))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            admin.site.each_context(self.request),
            title=_("Log in"),
            subtitle=None,
            app_path=self.request.get_full_path(),
            username=self.request.user.get_username(),
        )
        if not context.get(REDIRECT_FIELD_NAME):
            context[REDIRECT_FIELD_NAME] = reverse("admin:index")
        return context

    def get_default_redirect_url(self):
        return reverse("admin:index")


@never_cache
@sensitive_post_parameters("code")
def enter_code(request):
    """The second step: the app's code (or a recovery code) after a right password."""
    state = sign_in.pending(request)
    user = sign_in.pending_user(state) if state else None
    if user is None:
        sign_in.forget(request)
        messages.info(request, _("Sign in with your password first."))
        return redirect("admin:login" if state and state.get("admin") else "login")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if sign_in.is_locked_out(request, user):
            sign_in.forget(request)
            return locked_out(request, credentials=sign_in.credentials(user))
        if form.is_valid():
            device = sign_in.check_code(request, user, form.cleaned_data["code"])
            if device is not None:
                sign_in.finish(request, user, device, state["backend"])
                if devices.recovery_codes_left(user) == 0:
                    messages.warning(
                        request,
                        _("That was your last recovery code: make new ones on your page."),
                    )
                return HttpResponseRedirect(state["next"])
            form.add_error(
                "code", _("This code is not right, or was already used. Try the next code.")
            )
    template = "admin/sign_in_code.html" if state.get("admin") else "registration/sign_in_code.html"
    return render(
        request,
        template,
        {
            "form": form,
            "title": _("Sign-in code"),
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
        },
    )


def _next_url(request) -> str:
    target = request.GET.get(REDIRECT_FIELD_NAME) or request.POST.get(REDIRECT_FIELD_NAME) or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


def _staff_only(request) -> None:
    if not request.user.is_staff:
        raise PermissionDenied


@never_cache
@login_required
def overview(request):
    """The person's own two-factor page: whether it is set up, and their recovery codes."""
    _staff_only(request)
    return render(
        request,
        "accounts/two_factor.html",
        {
            "has_app": policy.has_second_factor(request.user),
            "required": policy.is_required(request.user),
            "codes_left": devices.recovery_codes_left(request.user),
        },
    )


@never_cache
@login_required
@sensitive_post_parameters("code")
def setup(request):
    """Enrol an authenticator app: a QR code and the secret as text, confirmed by a code."""
    _staff_only(request)
    if policy.has_second_factor(request.user) and not request.user.is_verified():
        raise PermissionDenied  # only a session that passed the code step replaces an app
    device = devices.unconfirmed_app(request.user)
    form = ConfirmAppForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = devices.confirm_app(
            user=request.user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            device.refresh_from_db()
            otp_login(request, device)  # this session has just shown the app's code
            request.session[NEW_CODES] = codes
            request.session["two_factor_next"] = _next_url(request)
            messages.success(request, _("Two-factor sign-in is set up."))
            return redirect("two_factor_recovery_codes")
        form.add_error(
            "code", _("This code is not right. Check the app's clock, and try the next code.")
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": devices.qr_svg(device),
            "secret": devices.secret_text(device),
            "required": policy.is_required(request.user),
            "next": _next_url(request),
        },
    )


@never_cache
@login_required
def recovery_codes(request):
    """New recovery codes, shown once: until the person says they have kept them."""
    _staff_only(request)
    if request.method == "POST":
        if request.POST.get("renew") and request.user.is_verified():
            request.session[NEW_CODES] = devices.new_recovery_codes(
                user=request.user, by=request.user
            )
            return redirect("two_factor_recovery_codes")
        request.session.pop(NEW_CODES, None)
        return HttpResponseRedirect(request.session.pop("two_factor_next", reverse("two_factor")))
    codes = request.session.get(NEW_CODES)
    if not codes:
        return redirect("two_factor")
    return render(request, "accounts/two_factor_codes.html", {"codes": codes})


@never_cache
@login_required
def recovery_codes_download(request):
    """The codes just shown, as a text file to keep."""
    _staff_only(request)
    codes = request.session.get(NEW_CODES)
    if not codes:
        return redirect("two_factor")
    lines = [
        _("Recovery codes for %(name)s at %(site)s")
        % {
            "name": request.user.get_username(),
            "site": settings.SITE_NAME,
        },
        _("Each code signs you in once, in place of the app's code."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="recovery-codes.txt"'
    return response
