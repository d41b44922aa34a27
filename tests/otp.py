"""Codes of an authenticator app, computed from the enrolled secret as the app would."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def code(device: TOTPDevice, *, steps: int = 0) -> str:
    """The 6 digits the app shows now, or `steps` time steps (30 s each) away."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    totp.time = time.time() + steps * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(user) -> TOTPDevice:
    """A confirmed authenticator app for `user` (as if they had set it up)."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def app_of(user) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user)
