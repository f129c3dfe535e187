"""Staff accounts: PIN rules and hashing, who may change accounts, logins with lock-out, all audited.

Every login attempt is counted before its PIN is checked, in one short write transaction that also
reads the lock-out: per name (unknown names too) and per terminal, the counted rows locked
FOR UPDATE on PostgreSQL (SQLite's write transactions begin IMMEDIATE). So parallel attempts cannot
all slip under the limit. The PIN is checked (scrypt, slow on purpose) outside that transaction, and
a right one clears the counts in another. The admin exit of public screens is counted the same way,
per terminal. Lock-outs run on real time, never the event clock.
"""
from __future__ import annotations

import hashlib
import hmac
import operator
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache, reduce

from kiosk.audit import record
from kiosk.clock import utc_now
from kiosk.errors import Phrase, Told
from kiosk.i18n import N_
from kiosk.store import is_postgres, write
from models import ROLES, LoginAttempt, StaffUser, database

MAX_FAILED_LOGINS = 5
LOCK_SECONDS = 60
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PIN_MIN, PIN_MAX = 4, 12
STRONG_PIN_MIN = 6
STRONG_PIN_ROLES = ("admin", "awards")
KEY_MAX = 255  # the length of LoginAttempt.key
# The name of each role in the catalogue (models.ROLES).
ROLE_KEYS = {"desk": N_("role.desk"), "seller": N_("role.seller"), "awards": N_("role.awards"),
             "admin": N_("role.admin")}

Scope = tuple[str, str]  # ("name" | "terminal" | "exit", the name or the terminal)


class StaffError(Told, ValueError):
    """A refused staff action, told in one sentence: a catalogue key and its values (kiosk.errors.Told)."""


def role_name(role: str) -> Phrase:
    """ROLE's name, to be put into the reader's language (a role the catalogue does not know, as it is)."""
    return Phrase(ROLE_KEYS[role]) if role in ROLE_KEYS else Phrase.of(lambda lang: role)


@dataclass(frozen=True)
class LoginRefused(Exception):
    reason: str  # "wrong" or "locked"
    seconds_left: int = 0


# --- PINs -------------------------------------------------------------------------------------


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


def shortest_pin(role: str) -> int:
    return STRONG_PIN_MIN if role in STRONG_PIN_ROLES else PIN_MIN


def check_pin_format(pin: str, role: str) -> None:
    shortest = shortest_pin(role)
    if not (pin.isdigit() and shortest <= len(pin) <= PIN_MAX):
        raise StaffError(N_("error.staff.pin_rule"), role=role_name(role), shortest=shortest, longest=PIN_MAX)


# --- accounts ---------------------------------------------------------------------------------


def add_user(name: str, role: str, pin: str, actor: str = "cli", stall=None,
             while_no_admin: bool = False) -> StaffUser:
    """Create a staff user, or reset the role and PIN of an existing one; a seller needs a STALL.
    Whoever calls this has decided ACTOR may (see authorise_admin). WHILE_NO_ADMIN: allowed only
    because the store has no admin yet, which is checked again inside the write (two first admins
    made at once: the second is refused)."""
    name = name.strip()
    if not name:
        raise StaffError(N_("error.staff.no_name"))
    if role not in ROLES:
        raise StaffError(N_("error.staff.unknown_role"), role=role, roles=", ".join(ROLES))
    check_pin_format(pin, role)
    if role == "seller" and stall is None:
        raise StaffError(N_("error.staff.seller_stall"))
    pin_hash = hash_pin(pin)
    with write():
        if while_no_admin:
            lock_accounts()
            if admin_exists():
                raise StaffError(N_("error.staff.admin_needed"))
        user = StaffUser.get_or_none(StaffUser.name == name)
        if user is None:
            user = StaffUser.create(name=name, role=role, pin_hash=pin_hash, stall=stall)
            record(actor, "user.add", name, f"role={role}")
        else:
            user.role, user.pin_hash, user.stall = role, pin_hash, stall
            user.save()
            _clear([("name", name)])
            record(actor, "user.reset", name, f"role={role}")
    return user


def lock_accounts() -> None:
    """Inside a write: no other one changes staff accounts until it ends (SQLite's write transaction
    already holds the whole store; PostgreSQL's would let two first admins through)."""
    if is_postgres():
        database.execute_sql('LOCK TABLE "staff_user" IN SHARE ROW EXCLUSIVE MODE')


def admin_exists() -> bool:
    """Once there is an active admin, accounts are changed only with an admin's name and PIN."""
    return StaffUser.select().where((StaffUser.role == "admin") & (StaffUser.active == 1)).exists()


def authorise_admin(name: str, pin: str, terminal: str) -> StaffUser:
    """The admin with this name and PIN (a login, counted and audited like any), or StaffError."""
    try:
        user = login(name, pin, terminal)
    except LoginRefused as refused:
        if refused.reason == "locked":
            raise StaffError(N_("error.staff.locked"), seconds=refused.seconds_left) from None
        raise StaffError(N_("error.staff.wrong_admin")) from None
    if user.role != "admin":
        raise StaffError(N_("error.staff.not_admin"), name=user.name, role=role_name(user.role))
    return user


# --- logins and the admin exit ----------------------------------------------------------------


def login(name: str, pin: str, terminal: str = "", now: datetime | None = None) -> StaffUser:
    """The user, or LoginRefused. Five attempts without a right PIN lock the name, and the terminal,
    for a minute; a name that does not exist counts like one that does."""
    now = now or utc_now()
    name = name.strip()
    scopes = [("name", name), ("terminal", terminal)]
    locks = _count_attempt(scopes, now, lambda: _audit_login_failure(name, terminal, "locked"))
    user = StaffUser.get_or_none((StaffUser.name == name) & (StaffUser.active == 1))
    if not _pin_matches(user, pin):
        with write():
            why = "unknown user" if user is None else "wrong PIN"
            _audit_login_failure(name, terminal, why + (", locked" if locks else ""))
        raise LoginRefused("locked", LOCK_SECONDS) if locks else LoginRefused("wrong")
    with write():
        _clear(scopes)
        record(user.name, "login", user.name, terminal)
    return user


def verify_admin(pin: str, terminal: str = "", now: datetime | None = None) -> StaffUser | None:
    """An active admin whose PIN this is, for the exit of public and display screens; None for a wrong
    PIN. Five attempts without a right PIN lock this terminal's exit for a minute: LoginRefused."""
    now = now or utc_now()
    scopes = [("exit", terminal)]
    locks = _count_attempt(scopes, now, lambda: _audit_exit_failure(terminal, "locked"))
    admins = StaffUser.select().where((StaffUser.role == "admin") & (StaffUser.active == 1))
    admin = next((admin for admin in admins if verify_pin(pin, admin.pin_hash)), None)
    if admin is None:
        with write():
            _audit_exit_failure(terminal, "wrong PIN" + (", locked" if locks else ""))
        if locks:
            raise LoginRefused("locked", LOCK_SECONDS)
        return None
    with write():
        _clear(scopes)
        record(admin.name, "exit", "", terminal)
    return admin


def _pin_matches(user: StaffUser | None, pin: str) -> bool:
    if user is None:
        verify_pin(pin, _unknown_user_hash())  # as slow as a real check: a name's existence does not show
        return False
    return verify_pin(pin, user.pin_hash)


@cache
def _unknown_user_hash() -> str:
    return hash_pin(secrets.token_hex(8))


def _audit_login_failure(name: str, terminal: str, why: str) -> None:
    record(name[:64], "login.failed", name[:64], f"{terminal} {why}".strip())


def _audit_exit_failure(terminal: str, why: str) -> None:
    record("", "exit.failed", "", f"{terminal} {why}".strip())


# --- counting attempts ------------------------------------------------------------------------


def _count_attempt(scopes: list[Scope], now: datetime, audit_locked: Callable[[], None]) -> bool:
    """Count one attempt in every scope, in one write transaction; True when it reaches the limit (its
    refusal then says locked). When a scope is locked nothing is counted: AUDIT_LOCKED is called in
    the same transaction and LoginRefused("locked") raised."""
    with write():
        counters = _lock_counters(scopes)
        seconds_left = max((_seconds_until(c.locked_until, now) for c in counters if _is_locked(c, now)),
                           default=0)
        if seconds_left:
            audit_locked()
            reached = False
        else:
            reached = any([_count_one(counter, now) for counter in counters])  # a list: count every one
    if seconds_left:
        raise LoginRefused("locked", seconds_left)
    return reached


def _lock_counters(scopes: list[Scope]) -> list[LoginAttempt]:
    """The scopes' counters, made if missing and locked until the transaction ends, in one order
    (scope, key) so that two attempts sharing a terminal or a name never wait on each other in a ring."""
    keys = sorted({(scope, key[:KEY_MAX]) for scope, key in scopes})
    LoginAttempt.insert_many([{"scope": scope, "key": key} for scope, key in keys]).on_conflict_ignore().execute()
    query = LoginAttempt.select().where(_matching(keys)).order_by(LoginAttempt.scope, LoginAttempt.key)
    return list(query.for_update() if is_postgres() else query)


def _count_one(counter: LoginAttempt, now: datetime) -> bool:
    if counter.locked_until is not None:  # a lock that ran out: start again
        counter.attempts, counter.locked_until = 0, None
    counter.attempts += 1
    if counter.attempts >= MAX_FAILED_LOGINS:
        counter.locked_until = now + timedelta(seconds=LOCK_SECONDS)
    counter.save()
    return counter.locked_until is not None


def _clear(scopes: Iterable[Scope]) -> None:
    keys = [(scope, key[:KEY_MAX]) for scope, key in scopes]
    LoginAttempt.update(attempts=0, locked_until=None).where(_matching(keys)).execute()


def _matching(keys: Iterable[Scope]):
    return reduce(operator.or_, ((LoginAttempt.scope == scope) & (LoginAttempt.key == key) for scope, key in keys))


def _is_locked(counter: LoginAttempt, now: datetime) -> bool:
    return counter.locked_until is not None and counter.locked_until > now


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(1, int((moment - now).total_seconds() + 0.999))
