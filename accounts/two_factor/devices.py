"""A person's second factors: the authenticator app and the ten recovery codes.

Every enrolment, new set of codes, use of a code and reset is an AccountEvent.
"""

import base64
import secrets

import segno
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import AccountEvent, RecoveryCode, RecoveryCodeDevice, hash_recovery_code
from accounts.staff import end_sessions, record

Action = AccountEvent.Action
RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "authenticator"


def unconfirmed_app(user) -> TOTPDevice:
    """The app being set up: the same secret until it is confirmed (a reload keeps the QR)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks to have it typed: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// address as an inline SVG: drawn here, so no request leaves the site."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, border=2)


def normalized(code: str) -> str:
    return "".join(ch for ch in (code or "") if ch.isalnum())


def is_app_code(code: str) -> bool:
    """Six digits come from the app; anything else is taken for a recovery code."""
    code = normalized(code)
    return len(code) == 6 and code.isdigit()


@transaction.atomic
def confirm_app(*, user, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the app with its first code; the new recovery codes, or None if it was wrong.

    The confirming code counts as used (django-otp keeps its time step): it cannot sign in.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    if not (is_app_code(code) and device.verify_token(normalized(code))):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record(actor=user, subject=user, action=Action.TWO_FACTOR_ENROLLED)
    return new_recovery_codes(user=user, by=None)


@transaction.atomic
def new_recovery_codes(*, user, by) -> list[str]:
    """Ten fresh one-time codes, shown once; the old ones stop working. Only hashes are kept."""
    RecoveryCodeDevice.objects.filter(user=user).delete()
    device = RecoveryCodeDevice.objects.create(user=user, name="recovery", confirmed=True)
    # 80 random bits each, as four groups of four letters and digits.
    codes = [
        base64.b32encode(secrets.token_bytes(10)).decode().lower()
        for _ in range(RECOVERY_CODE_COUNT)
    ]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(device=device, code_hash=hash_recovery_code(code)) for code in codes
    )
    if by is not None:
        record(actor=by, subject=user, action=Action.RECOVERY_CODES_RENEWED)
    return ["-".join(code[i : i + 4] for i in range(0, 16, 4)) for code in codes]


@transaction.atomic
def verify(*, user, code: str):
    """The device that accepts `code` (the app's or a recovery code), used up now; else None.

    The rows are locked, so one code cannot pass twice at the same moment.
    """
    if is_app_code(code):
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
    else:
        devices = RecoveryCodeDevice.objects.devices_for_user(user, confirmed=True)
    for device in devices.select_for_update():
        if device.verify_token(normalized(code)):
            if isinstance(device, RecoveryCodeDevice):
                left = device.remaining()
                record(
                    actor=user,
                    subject=user,
                    action=Action.RECOVERY_CODE_USED,
                    detail=f"codes left: {left}",
                )
            return device
    return None


def recovery_codes_left(user) -> int | None:
    device = RecoveryCodeDevice.objects.filter(user=user, confirmed=True).first()
    return device.remaining() if device else None


@transaction.atomic
def reset(*, user, by) -> int:
    """An admin removes a person's second factors (a lost phone): they enrol again at their
    next sign-in, and every session they have ends now."""
    removed, _ = TOTPDevice.objects.filter(user=user).delete()
    RecoveryCodeDevice.objects.filter(user=user).delete()
    ended = end_sessions(user)
    record(
        actor=by, subject=user, action=Action.TWO_FACTOR_RESET, detail=f"sessions ended: {ended}"
    )
    return removed
