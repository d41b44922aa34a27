"""Two-factor sign-in for staff: an authenticator app (TOTP, django-otp) and recovery codes.

- `policy.py`: who must have a second factor (SecondFactorRule, by role) and who has one;
- `devices.py`: enrolment, recovery codes, checking a code, an admin's reset;
- `sign_in.py`: the code step between the password and the session (both sign-in pages);
- `views.py`, `forms.py`: the pages; `middleware.py`: staff of a role that needs a second
  factor reach only enrolment, sign-out and static files until they have one.
"""
