"""The password policy, and checking a login in the same time whether the user exists."""
import functools
import secrets
from importlib import resources

from werkzeug.security import check_password_hash, generate_password_hash

from plt_tracker.core.db import RuleViolation
from plt_tracker.core.messages import N_, message

MIN_PASSWORD = 10
MAX_PASSWORD = 200


@functools.cache
def common_passwords():
    """Return the set of common passwords shipped in common-passwords.txt.

    The file holds the 10,000 most frequent passwords, and every one of 10 or
    more characters among the 30,000 most frequent, of the "passwords" list of
    zxcvbn (Dropbox, MIT licence; drawn from Mark Burnett's 10 million leaked
    passwords), plus SecLists' Indonesian_Pwdb_common-password-list-top-150
    (Daniel Miessler, MIT licence).
    """
    text = resources.files("plt_tracker.auth").joinpath("common-passwords.txt").read_text("utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def check_policy(password, username=""):
    """Raise RuleViolation (Indonesian) when a new password is too short, common or the name."""
    password = password or ""
    if len(password) < MIN_PASSWORD:
        raise RuleViolation(message(N_("Kata sandi minimal %(count)d karakter"),
                                    count=MIN_PASSWORD), "password")
    if len(password) > MAX_PASSWORD:
        raise RuleViolation(message(N_("Kata sandi paling banyak %(count)d karakter"),
                                    count=MAX_PASSWORD), "password")
    if password.lower() in common_passwords():
        raise RuleViolation("Kata sandi ini termasuk yang paling umum dipakai; pilih yang lain",
                            "password")
    if username and username.lower() in password.lower():
        raise RuleViolation("Kata sandi tidak boleh memuat nama pengguna", "password")


@functools.cache
def _dummy_hash():
    # Hashed once, with the same method and cost as real passwords.
    return generate_password_hash(secrets.token_hex(16))


def verify(user, password):
    """Check a login's password; an unknown user costs the same hash check (no name probing)."""
    if user is None:
        check_password_hash(_dummy_hash(), password or "")
        return False
    return user.check_password(password or "")
