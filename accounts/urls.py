from django.urls import include, path

from accounts import views

# Django's names (login, logout, password_change, password_reset, ...) stay global:
# the admin and the auth views reverse them without a namespace.
urlpatterns = [
    path("login/", views.SignInView.as_view(), name="login"),
    path("password_reset/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("profile/", views.edit_profile, name="author_profile"),
    path("", include("django.contrib.auth.urls")),
]
