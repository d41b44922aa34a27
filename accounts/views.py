from axes.utils import reset as reset_lockout
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.utils.translation import gettext as _

from accounts.forms import AuthorProfileForm, SignInForm, StaffPasswordResetForm
from accounts.staff import end_sessions, ensure_author


class SignInView(auth_views.LoginView):
    """Sign-in; `next` is followed only when it stays on this site (Django checks it)."""

    form_class = SignInForm

    def get_default_redirect_url(self):
        if self.next_page:
            return resolve_url(self.next_page)
        return resolve_url("admin:index" if self.request.user.is_staff else "articles:home")


class PasswordResetView(auth_views.PasswordResetView):
    """Answers the same whether or not the address belongs to an account."""

    form_class = StaffPasswordResetForm


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
