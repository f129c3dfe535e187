"""Language catalogue, money, dates and the event clock."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from kiosk import i18n
from kiosk.catalogue import MESSAGES
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


def test_every_message_has_both_languages_and_the_same_placeholders():
    import string

    for key, (indonesian, english) in MESSAGES.items():
        assert indonesian and english, key
        fields = lambda text: {name for _, name, _, _ in string.Formatter().parse(text) if name}
        assert fields(indonesian) == fields(english), key


def test_t_uses_the_current_language():
    assert i18n.t("login.title") == "Masuk staf"
    i18n.set_language("en")
    assert i18n.t("login.title") == "Staff login"
    assert i18n.bilingual("venues.here") == "Anda di sini / You are here"


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
