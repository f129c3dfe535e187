"""Language catalogue, money, dates and the event clock."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk import i18n
from kiosk.clock import Clock, ClockError, load_zone, parse_moment, zone_label


def test_money_is_whole_rupiah_with_indonesian_grouping():
    assert i18n.money(125000) == "Rp 125.000"
    assert i18n.money(0) == "Rp 0"
    i18n.set_language("en")
    assert i18n.money(1250000) == "Rp 1.250.000"


def test_dates_follow_the_language():
    assert i18n.long_date(date(2018, 7, 5)) == "Kamis, 5 Juli 2018"
    i18n.set_language("en")
    assert i18n.long_date(date(2018, 7, 5)) == "Thursday, 5 July 2018"


def test_t_uses_the_process_language_where_no_screen_is_at_work():
    assert i18n.t("login.title") == "Masuk staf"
    i18n.set_language("en")  # the command line's --lang
    assert i18n.t("login.title") == "Staff login"
    assert i18n.bilingual("venues.here") == "Anda di sini / You are here"


def test_the_screen_at_work_speaks_before_the_process(monkeypatch):
    """The App tells kiosk.i18n which screen is at work (kiosk.app.language_at_work); its language
    comes first, and None from it means the process's (tests/test_screen_language.py drives it)."""
    from kiosk.app import language_at_work

    monkeypatch.setattr(i18n, "_screen_language", i18n._screen_language)  # put back after the test
    assert language_at_work() is None  # outside any app: no screen
    spoken = {"lang": "en"}
    i18n.follow_screens(lambda: spoken["lang"])
    assert (i18n.t("login.title"), i18n.money(1500), i18n.short_day(date(2018, 7, 5))) == \
        ("Staff login", "Rp 1.500", "Thu 5/7")
    assert i18n.tn("audit.session_delay", "audit.session_delay_plural", 2, who="meja", session="K1") == \
        "meja delayed session K1 by 2 minutes"
    spoken["lang"] = None
    assert i18n.t("login.title") == "Masuk staf" and i18n.short_day(date(2018, 7, 5)) == "Kam 5/7"


def test_zone_labels():
    moment = datetime(2018, 7, 5, 10, 0)
    assert zone_label(ZoneInfo("Asia/Jakarta"), moment.replace(tzinfo=ZoneInfo("Asia/Jakarta"))) == "WIB (UTC+7)"
    assert zone_label(ZoneInfo("Asia/Makassar"), moment.replace(tzinfo=ZoneInfo("UTC"))) == "WITA (UTC+8)"
    assert zone_label(ZoneInfo("America/New_York"), moment.replace(tzinfo=ZoneInfo("UTC"))) == "EDT (UTC-4)"


def test_now_is_read_in_the_event_zone_whatever_the_machine_zone(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    zone = load_zone("Asia/Jakarta")
    assert parse_moment("2018-07-05T10:00", zone).isoformat() == "2018-07-05T10:00:00+07:00"
    assert parse_moment("2018-07-05T03:00+00:00", zone).hour == 10
    clock = Clock(zone, parse_moment("2018-07-05T10:00", zone))
    assert clock.now() >= parse_moment("2018-07-05T10:00", zone)
    assert Clock.fixed("Asia/Jakarta", "2018-07-05T10:00").now().hour == 10


def test_bad_clock_input_is_a_clear_error():
    with pytest.raises(ClockError, match="ISO time"):
        parse_moment("tomorrow", load_zone("Asia/Jakarta"))
    with pytest.raises(ClockError, match="time zone"):
        load_zone("Mars/Olympus")
