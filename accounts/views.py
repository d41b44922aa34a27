import math

from axes.utils import reset as reset_lockout
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render, resolve_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import password_links
from accounts.forms import AuthorProfileForm, SignInForm
from accounts.lockout import client_ip
from accounts.staff import end_sessions, ensure_author
from accounts.two_factor.views import TwoStepLoginMixin


class SignInView(TwoStepLoginMixin, auth_views.LoginView):
    """Sign-in; `next` is followed only when it stays on this site (Django checks it); a
    person with a second factor gives its code next (accounts/two_factor/)."""

    form_class = SignInForm

    def get_default_redirect_url(self):
        if self.next_page:
            return resolve_url(self.next_page)
        # During sign-in the person is form.get_user() (the code step may still come).
        user = getattr(self, "signing_in", None) or self.request.user
        return resolve_url("admin:index" if user.is_staff else "articles:home")


class PasswordResetView(auth_views.PasswordResetView):
    """Answers the same, after the same work, whether or not the address has an account.

    The request is only recorded; the mail sender finds the account (accounts/password_links.py).
    """

    def form_valid(self, form):
        retry_at = password_links.request_reset(
            email=form.cleaned_data["email"], client_ip=client_ip(self.request)
        )
        if retry_at is None:
            return HttpResponseRedirect(self.get_success_url())
        minutes = max(1, math.ceil((retry_at - timezone.now()).total_seconds() / 60))
        form.add_error(
            None,
            ngettext(
                "Too many reset links were asked for from your address. Try again in "
                "%(minutes)d minute, at %(time)s.",
                "Too many reset links were asked for from your address. Try again in "
                "%(minutes)d minutes, at %(time)s.",
                minutes,
            )
            % {"minutes": minutes, "time": f"{timezone.localtime(retry_at):%H:%M}"},
        )
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(minutes * 60)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        # A new password signs out every browser and lifts a lockout on the name.
        end_sessions(self.user)
        reset_lockout(username=self.user.get_username())
        return response


@login_required
def edit_profile(request):
    """A staff member's own byline: name, bio and avatar."""
    if not request.user.is_staff:
        raise PermissionDenied
    author = ensure_author(request.user)
    form = AuthorProfileForm(request.POST or None, request.FILES or None, instance=author)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your author profile was saved."))
        return redirect("author_profile")
    return render(request, "accounts/author_form.html", {"form": form, "author": author})


def csrf_failure(request, reason: str = ""):
    """A form sent from a stale page: say so plainly and how to go on."""
    return render(request, "403_csrf.html", {"reason": reason}, status=403)
