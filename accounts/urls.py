from django.urls import include, path

from accounts import views
from accounts.two_factor import views as two_factor

# Django's names (login, logout, password_change, password_reset, ...) stay global:
# the admin and the auth views reverse them without a namespace.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("login/code/", two_factor.enter_code, name="sign_in_code"),
    path("two-factor/", two_factor.overview, name="two_factor"),
    path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", two_factor.recovery_codes, name="two_factor_recovery_codes"),
    path(
        "two-factor/recovery-codes.txt",
        two_factor.recovery_codes_download,
        name="two_factor_recovery_codes_download",
    ),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("profile/", views.edit_profile, name="author_profile"),
    path("", include("django.contrib.auth.urls")),
]
