"""Staff accounts: PIN hashing, lock-out after five wrong PINs, audit (both backends)."""
from datetime import timedelta

import pytest

from kiosk.staff import (
    LOCK_SECONDS, LoginRefused, StaffError, add_user, hash_pin, login, verify_admin, verify_pin,
)
from kiosk.clock import utc_now
from models import AuditEntry, StaffUser


def test_pin_hash_is_salted_scrypt_and_verifies():
    first, second = hash_pin("2018"), hash_pin("2018")
    assert first.startswith("scrypt$") and first != second
    assert verify_pin("2018", first) and not verify_pin("2019", first)
    assert not verify_pin("2018", "garbage")


def test_add_user_refuses_bad_role_and_pin(store):
    with pytest.raises(StaffError, match="role"):
        add_user("ani", "boss", "1234")
    with pytest.raises(StaffError, match="4 to 12 digits"):
        add_user("ani", "desk", "12a4")
    assert StaffUser.select().count() == 0


def test_login_succeeds_and_is_audited(store):
    add_user("ani", "desk", "1234")
    assert login("ani", "1234", "t1").role == "desk"
    assert AuditEntry.select().where(AuditEntry.action == "login").count() == 1


def test_five_wrong_pins_lock_the_user_for_a_minute(store):
    add_user("ani", "desk", "1234")
    now = utc_now()
    for _ in range(4):
        with pytest.raises(LoginRefused) as refused:
            login("ani", "0000", "t1", now=now)
        assert refused.value.reason == "wrong"
    with pytest.raises(LoginRefused) as refused:
        login("ani", "0000", "t1", now=now)
    assert refused.value == LoginRefused("locked", LOCK_SECONDS)
    with pytest.raises(LoginRefused) as refused:  # even the right PIN waits out the lock
        login("ani", "1234", "t1", now=now + timedelta(seconds=30))
    assert refused.value.reason == "locked" and refused.value.seconds_left == 30
    assert login("ani", "1234", "t1", now=now + timedelta(seconds=LOCK_SECONDS + 1)).name == "ani"
    failures = AuditEntry.select().where(AuditEntry.action == "login.failed").count()
    assert failures == 6


def test_unknown_user_is_refused_like_a_wrong_pin(store):
    with pytest.raises(LoginRefused) as refused:
        login("nobody", "1234")
    assert refused.value.reason == "wrong"


def test_verify_admin_accepts_only_an_admin_pin(store):
    add_user("ani", "desk", "1111")
    add_user("boss", "admin", "2018")
    assert verify_admin("1111") is None
    assert verify_admin("2018").name == "boss"
    assert AuditEntry.select().where(AuditEntry.action == "exit").count() == 1
