"""Who must sign in with a second factor, and who has one."""

from django_otp import user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import SecondFactorRule
from accounts.roles import Role, role_of

# The rule of a role that has no row (the migration makes one for each role).
REQUIRED_BY_DEFAULT = {
    Role.WRITER: False,
    Role.EDITOR: True,
    Role.EDITOR_IN_CHIEF: True,
    Role.ADMIN: True,
}


def is_required(user) -> bool:
    """Staff of a role whose rule says so, and superusers (as admins), need a second factor."""
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    role = Role.ADMIN.value if user.is_superuser else role_of(user)
    if not role:
        return False
    rule = SecondFactorRule.objects.filter(role=role).values_list("required", flat=True).first()
    return REQUIRED_BY_DEFAULT.get(Role(role), True) if rule is None else rule


def has_second_factor(user) -> bool:
    """An authenticator app is set up (confirmed); recovery codes alone do not count."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def has_any_device(user) -> bool:
    return user_has_device(user, confirmed=True)
