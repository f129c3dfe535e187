"""Staff accounts: PIN rules and hashing, lock-outs counted in the store per name and per terminal (and
the admin exit per terminal), parallel attempts, audit (both backends)."""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest

import kiosk.staff
from kiosk.clock import utc_now
from kiosk.staff import (
    LOCK_SECONDS, MAX_FAILED_LOGINS, LoginRefused, StaffError, add_user, hash_pin, login, verify_admin, verify_pin,
)
from models import AuditEntry, LoginAttempt, StaffUser, database
from tests.helpers import ADMIN_PIN

ROOT = Path(__file__).resolve().parent.parent
PARALLEL = 16
WRONG = "000000"


def refusal(attempt) -> LoginRefused:
    with pytest.raises(LoginRefused) as refused:
        attempt()
    return refused.value


def audited(action: str) -> list[str]:
    return [entry.detail for entry in AuditEntry.select().where(AuditEntry.action == action).order_by(AuditEntry.id)]


# --- PINs ---------------------------------------------------------------------------------------


def test_pin_hash_is_salted_scrypt_and_verifies():
    first, second = hash_pin(ADMIN_PIN), hash_pin(ADMIN_PIN)
    assert first.startswith("scrypt$") and first != second
    assert verify_pin(ADMIN_PIN, first) and not verify_pin("201808", first)
    assert not verify_pin(ADMIN_PIN, "garbage")


def test_add_user_refuses_bad_role_and_pin(store):
    with pytest.raises(StaffError, match="role"):
        add_user("ani", "boss", "1234")
    with pytest.raises(StaffError, match="4 to 12 digits"):
        add_user("ani", "desk", "12a4")
    with pytest.raises(StaffError, match="4 to 12 digits"):
        add_user("ani", "desk", "1234567890123")
    assert StaffUser.select().count() == 0


def test_two_first_admins_made_at_once_give_one_admin(store, monkeypatch):
    """`kiosk user add` run at once on two machines of an empty store: the first admin needs no one's
    PIN, so the store checks again, inside the write, that there is none yet."""
    start, outcomes, look = threading.Barrier(6), [], kiosk.staff.admin_exists

    def slow_look() -> bool:  # the others reach their own look meanwhile, unless the write keeps them out
        found = look()
        time.sleep(0.2)
        return found

    monkeypatch.setattr(kiosk.staff, "admin_exists", slow_look)

    def first_admin(n: int) -> None:
        try:
            start.wait()
            add_user(f"boss{n}", "admin", ADMIN_PIN, while_no_admin=True)
            outcomes.append("made")
        except StaffError as refused:
            outcomes.append(str(refused))
        finally:
            database.close()

    threads = [threading.Thread(target=first_admin, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes)[-1] == "made" and outcomes.count("made") == 1, outcomes
    assert StaffUser.select().where(StaffUser.role == "admin").count() == 1


@pytest.mark.parametrize("role", ["admin", "awards"])
def test_admin_and_awards_pins_are_at_least_six_digits(store, role):
    with pytest.raises(StaffError) as refused:
        add_user("boss", role, "12345")
    assert str(refused.value) == f"A PIN for the {role} role is 6 to 12 digits."
    assert refused.value.text("en") == str(refused.value)
    role_id = {"admin": "admin", "awards": "penghargaan"}[role]
    assert refused.value.text("id") == f"PIN untuk peran {role_id} terdiri dari 6 sampai 12 angka."
    assert add_user("boss", role, "123456").role == role
    assert add_user("ani", "desk", "1234").role == "desk"  # four digits are enough for the others


# --- logins -------------------------------------------------------------------------------------


def test_login_succeeds_and_is_audited(store):
    add_user("ani", "desk", "1234")
    assert login("ani", "1234", "t1").role == "desk"
    assert AuditEntry.select().where(AuditEntry.action == "login").count() == 1


def test_five_wrong_pins_lock_the_user_for_a_minute(store):
    add_user("ani", "desk", "1234")
    now = utc_now()
    for _ in range(4):
        assert refusal(lambda: login("ani", "0000", "t1", now=now)).reason == "wrong"
    assert refusal(lambda: login("ani", "0000", "t1", now=now)) == LoginRefused("locked", LOCK_SECONDS)
    # even the right PIN waits out the lock, at any terminal
    assert refusal(lambda: login("ani", "1234", "t2", now=now + timedelta(seconds=30))) == LoginRefused("locked", 30)
    assert login("ani", "1234", "t1", now=now + timedelta(seconds=LOCK_SECONDS + 1)).name == "ani"
    assert len(audited("login.failed")) == 6


def test_a_right_pin_after_four_wrong_ones_resets_the_counts(store):
    add_user("ani", "desk", "1234")
    for _ in range(4):
        assert refusal(lambda: login("ani", "0000", "t1")).reason == "wrong"
    assert login("ani", "1234", "t1").name == "ani"
    for _ in range(4):  # four more, from the same terminal: the name and the terminal start again
        assert refusal(lambda: login("ani", "0000", "t1")).reason == "wrong"
    assert refusal(lambda: login("ani", "0000", "t1")).reason == "locked"


def test_wrong_pins_across_names_lock_the_terminal(store):
    for name in ("ani", "budi", "citra", "dewi", "eko", "fajar"):
        add_user(name, "desk", "1234")
    now = utc_now()
    for name in ("ani", "budi", "citra", "dewi"):
        assert refusal(lambda: login(name, "0000", "t1", now=now)).reason == "wrong"
    assert refusal(lambda: login("eko", "0000", "t1", now=now)) == LoginRefused("locked", LOCK_SECONDS)

    assert refusal(lambda: login("fajar", "1234", "t1", now=now)).reason == "locked"  # a right PIN too
    assert login("fajar", "1234", "t2", now=now).name == "fajar"  # another terminal is not locked
    assert login("ani", "1234", "t1", now=now + timedelta(seconds=LOCK_SECONDS)).name == "ani"


def test_unknown_user_is_refused_like_a_wrong_pin(store):
    assert refusal(lambda: login("nobody", "1234")).reason == "wrong"
    assert audited("login.failed") == ["unknown user"]


def test_guessing_names_locks_the_terminal(store):
    add_user("ani", "desk", "1234")
    now = utc_now()
    for guess in ("admin", "root", "meja", "kasir"):
        assert refusal(lambda: login(guess, "1234", "lobby-1", now=now)).reason == "wrong"
    assert refusal(lambda: login("staf", "1234", "lobby-1", now=now)) == LoginRefused("locked", LOCK_SECONDS)
    assert refusal(lambda: login("ani", "1234", "lobby-1", now=now)).reason == "locked"
    assert audited("login.failed")[-2:] == ["lobby-1 unknown user, locked", "lobby-1 locked"]


def test_resetting_a_pin_unlocks_the_name(store):
    add_user("ani", "desk", "1234")
    for terminal in ("t1", "t2", "t3", "t4", "t5"):
        refusal(lambda: login("ani", "0000", terminal))
    assert refusal(lambda: login("ani", "1234", "t6")).reason == "locked"
    add_user("ani", "desk", "4321")
    assert login("ani", "4321", "t6").name == "ani"


# --- the admin exit -----------------------------------------------------------------------------


def test_verify_admin_accepts_only_an_admin_pin(store):
    add_user("ani", "desk", "1111")
    add_user("boss", "admin", ADMIN_PIN)
    assert verify_admin("1111", "lobby-1") is None
    assert verify_admin(ADMIN_PIN, "lobby-1").name == "boss"
    assert AuditEntry.select().where(AuditEntry.action == "exit").count() == 1
    assert audited("exit.failed") == ["lobby-1 wrong PIN"]


def test_wrong_exit_pins_lock_that_terminals_exit_only(store):
    add_user("boss", "admin", ADMIN_PIN)
    add_user("ani", "desk", "1234")
    now = utc_now()
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert verify_admin("999999", "lobby-1", now=now) is None
    assert refusal(lambda: verify_admin("999999", "lobby-1", now=now)) == LoginRefused("locked", LOCK_SECONDS)
    later = now + timedelta(seconds=20)
    assert refusal(lambda: verify_admin(ADMIN_PIN, "lobby-1", now=later)) == LoginRefused("locked", 40)

    assert verify_admin(ADMIN_PIN, "lobby-2", now=later).name == "boss"  # another kiosk
    assert login("ani", "1234", "lobby-1", now=later).name == "ani"  # the exit is its own scope
    assert verify_admin(ADMIN_PIN, "lobby-1", now=now + timedelta(seconds=LOCK_SECONDS)).name == "boss"
    assert audited("exit.failed")[-2:] == ["lobby-1 wrong PIN, locked", "lobby-1 locked"]


def test_a_right_exit_pin_resets_the_count(store):
    add_user("boss", "admin", ADMIN_PIN)
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert verify_admin("999999", "lobby-1") is None
    assert verify_admin(ADMIN_PIN, "lobby-1").name == "boss"
    for _ in range(MAX_FAILED_LOGINS - 1):
        assert verify_admin("999999", "lobby-1") is None
    assert LoginAttempt.get((LoginAttempt.scope == "exit") & (LoginAttempt.key == "lobby-1")).attempts == 4


# --- attempts in parallel -----------------------------------------------------------------------


@pytest.fixture
def counted_pin_checks(monkeypatch):
    """Every PIN check (scrypt) login makes, from any thread."""
    checks = []
    real = kiosk.staff.verify_pin

    def counting(pin, stored):
        checks.append(pin)
        return real(pin, stored)

    monkeypatch.setattr(kiosk.staff, "verify_pin", counting)
    return checks


def attempt_in_threads(attempts: list[tuple[str, str]]) -> list[str]:
    """Each (name, terminal) tried with a wrong PIN in its own thread and connection, all at once."""
    start = threading.Barrier(len(attempts))
    outcomes: list[str] = []

    def attempt(name: str, terminal: str) -> None:
        try:
            start.wait()
            login(name, WRONG, terminal)
            outcomes.append("admitted")
        except LoginRefused as refused:
            outcomes.append(refused.reason)
        except Exception as error:  # seen by the assertions below
            outcomes.append(repr(error))
        finally:
            database.close()

    threads = [threading.Thread(target=attempt, args=pair) for pair in attempts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


@pytest.mark.parametrize("attempts", [
    [("ani", f"t{n}") for n in range(PARALLEL)],
    [(f"guess{n}", "lobby-1") for n in range(PARALLEL)],
], ids=["one name at 16 terminals", "16 names at one terminal"])
def test_parallel_attempts_check_the_pin_only_until_the_limit(store, counted_pin_checks, attempts):
    add_user("ani", "desk", "1234")
    database.close()  # every attempt opens its own connection

    outcomes = attempt_in_threads(attempts)

    assert len(counted_pin_checks) == MAX_FAILED_LOGINS
    assert sorted(outcomes) == sorted(["wrong"] * (MAX_FAILED_LOGINS - 1) + ["locked"] * (PARALLEL - 4))
    failures = audited("login.failed")
    assert len(failures) == PARALLEL
    assert len([detail for detail in failures if "wrong PIN" in detail or "unknown user" in detail]) == 5


# Another process: open the store, say ready, wait for the go, try one wrong PIN, say what happened.
ATTEMPT_IN_A_PROCESS = """
import sys
import kiosk.staff
from kiosk.staff import LoginRefused, login
from kiosk.store import close_store, open_store

real = kiosk.staff.verify_pin
def counting(pin, stored):
    print("checked", flush=True)
    return real(pin, stored)
kiosk.staff.verify_pin = counting

open_store(sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()
try:
    login(sys.argv[2], "000000", sys.argv[3])
    print("admitted", flush=True)
except LoginRefused as refused:
    print(refused.reason, flush=True)
close_store()
"""


def test_parallel_attempts_from_processes_check_the_pin_only_until_the_limit(store):
    add_user("ani", "desk", "1234")
    processes = [
        subprocess.Popen([sys.executable, "-c", ATTEMPT_IN_A_PROCESS, store.url, "ani", f"t{n}"], cwd=ROOT,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for n in range(PARALLEL)
    ]
    try:
        assert [process.stdout.readline() for process in processes] == ["ready\n"] * PARALLEL
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        said = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    assert [process.returncode for process in processes] == [0] * PARALLEL, [err for _, err in said]
    lines = [line for out, _ in said for line in out.splitlines()]
    assert lines.count("checked") == MAX_FAILED_LOGINS
    assert sorted(line for line in lines if line != "checked") == sorted(
        ["wrong"] * (MAX_FAILED_LOGINS - 1) + ["locked"] * (PARALLEL - 4))
