"""Staff accounts: PIN hashing, adding users, login with lock-out, all audited."""
from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.audit import record
from kiosk.clock import utc_now
from kiosk.store import write
from models import ROLES, StaffUser

MAX_FAILED_LOGINS = 5
LOCK_SECONDS = 60
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 12


class StaffError(ValueError):
    """A refused staff action, told in one sentence."""


@dataclass(frozen=True)
class LoginRefused(Exception):
    reason: str  # "wrong" or "locked"
    seconds_left: int = 0


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        expected = bytes.fromhex(digest)
        actual = _scrypt(pin, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=32)


def check_pin_format(pin: str) -> None:
    if not (pin.isdigit() and PIN_MIN <= len(pin) <= PIN_MAX):
        raise StaffError(f"A PIN is {PIN_MIN} to {PIN_MAX} digits.")


def add_user(name: str, role: str, pin: str, actor: str = "cli", stall=None) -> StaffUser:
    """Create a staff user, or reset the role and PIN of an existing one; a seller needs a STALL."""
    name = name.strip()
    if not name:
        raise StaffError("A staff user needs a name.")
    if role not in ROLES:
        raise StaffError(f"'{role}' is not a role: use one of {', '.join(ROLES)}.")
    check_pin_format(pin)
    if role == "seller" and stall is None:
        raise StaffError("A seller needs a stall: add --stall CODE.")
    pin_hash = hash_pin(pin)
    with write():
        user = StaffUser.get_or_none(StaffUser.name == name)
        if user is None:
            user = StaffUser.create(name=name, role=role, pin_hash=pin_hash, stall=stall)
            record(actor, "user.add", name, f"role={role}")
        else:
            user.role, user.pin_hash, user.failed_attempts, user.locked_until = role, pin_hash, 0, None
            user.stall = stall
            user.save()
            record(actor, "user.reset", name, f"role={role}")
    return user


def login(name: str, pin: str, terminal: str = "", now: datetime | None = None) -> StaffUser:
    """The user, or LoginRefused. Five wrong PINs in a row lock the name for a minute."""
    now = now or utc_now()
    user = StaffUser.get_or_none((StaffUser.name == name.strip()) & (StaffUser.active == 1))
    if user is None:
        _audit_failure(name, terminal, "unknown user")
        raise LoginRefused("wrong")
    if user.locked_until and user.locked_until > now:
        _audit_failure(name, terminal, "locked")
        raise LoginRefused("locked", _seconds_until(user.locked_until, now))
    if not verify_pin(pin, user.pin_hash):
        _count_failure(user, terminal, now)
    with write():
        StaffUser.update(failed_attempts=0, locked_until=None).where(StaffUser.id == user.id).execute()
        record(user.name, "login", user.name, terminal)
    return user


def _count_failure(user: StaffUser, terminal: str, now: datetime) -> None:
    with write():
        user = StaffUser.get_by_id(user.id)
        user.failed_attempts += 1
        locked = user.failed_attempts >= MAX_FAILED_LOGINS
        if locked:
            user.failed_attempts, user.locked_until = 0, now + timedelta(seconds=LOCK_SECONDS)
        user.save()
        record(user.name, "login.failed", user.name, f"{terminal} wrong PIN" + (", locked" if locked else ""))
    if locked:
        raise LoginRefused("locked", LOCK_SECONDS)
    raise LoginRefused("wrong")


def _audit_failure(name: str, terminal: str, why: str) -> None:
    with write():
        record(name[:64], "login.failed", name[:64], f"{terminal} {why}".strip())


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, int((moment - now).total_seconds() + 0.999))


def verify_admin(pin: str, terminal: str = "") -> StaffUser | None:
    """An active admin whose PIN this is, for the exit of public and display screens."""
    for admin in StaffUser.select().where((StaffUser.role == "admin") & (StaffUser.active == 1)):
        if verify_pin(pin, admin.pin_hash):
            with write():
                record(admin.name, "exit", "", terminal)
            return admin
    with write():
        record("", "exit.failed", "", terminal)
    return None
