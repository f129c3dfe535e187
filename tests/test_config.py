"""A machine's configuration (kiosk.toml): where it is, what wins over what, every bad value in one
sentence naming file, line and key, `kiosk config check`, and `kiosk start` on each screen."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import cli, commands, config
from kiosk.store import close_store
from tests.helpers import load_small_event, screen_text

ROOT = Path(__file__).resolve().parent.parent
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture(autouse=True)
def bare_machine(monkeypatch, tmp_path):
    """No KIOSK_ or locale variables, and a site config folder of the test's own (empty)."""
    for name in [*LOCALE_VARIABLES, *(name for name in os.environ if name.startswith("KIOSK_"))]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "site"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    yield
    config.use(None)


def write(folder: Path, text: str, name: str = "kiosk.toml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """`kiosk ARGV…` in this process: (exit status, stdout, stderr)."""
    close_store()
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_lines(out: str) -> dict[str, str]:
    """`kiosk config check`'s setting lines as {key: "value  (source)"}."""
    lines = [line.split(None, 1) for line in out.splitlines() if line.startswith("  ")]
    return {key: rest for key, rest in lines}


# --- where the file is ----------------------------------------------------------------------------


def test_the_file_is_the_option_else_the_variable_else_the_site_folder(tmp_path, monkeypatch):
    option, variable = write(tmp_path, 'screen = "board"\n', "a.toml"), write(tmp_path, 'screen = "staff"\n', "b.toml")
    site = tmp_path / "site" / "event-kiosk"
    site.mkdir(parents=True)
    write(site, 'screen = "venues"\n')
    assert config.load(None).values == {"screen": "venues"}
    monkeypatch.setenv("KIOSK_CONFIG", str(variable))
    assert config.load(None).values == {"screen": "staff"}
    assert config.load(str(option)).values == {"screen": "board"}


def test_no_file_in_the_site_folder_is_no_configuration():
    machine = config.load(None)
    assert not machine.exists and machine.values == {}
    assert machine.path.name == "kiosk.toml" and machine.path.parent.name == "event-kiosk"


# --- precedence -----------------------------------------------------------------------------------


def test_command_line_over_environment_over_file_over_default(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, f'db = "sqlite:///{tmp_path}/file.db"\nscreen = "checkin"\nkiosk_id = "lobi-file"\n'
                           'bell = true\n')
    out = run(capsys, "--lang", "en", "--config", str(path), "config", "check")[1]
    seen = check_lines(out)
    assert seen["db"] == f"sqlite:///{tmp_path}/file.db  ({path}:1)"
    assert seen["kiosk_id"] == f"lobi-file  ({path}:3)"
    assert seen["bell"] == f"on  ({path}:4)"
    assert seen["list"] == "the list open at the time  (default)"
    assert seen["venue"] == "none  (default)"

    monkeypatch.setenv("KIOSK_DB", f"sqlite:///{tmp_path}/env.db")
    monkeypatch.setenv("KIOSK_NOW", "2018-07-05T09:00")
    code, out, _ = run(capsys, "--lang", "en", "--config", str(path), "config", "check")
    seen = check_lines(out)
    assert seen["db"] == f"sqlite:///{tmp_path}/env.db  (environment KIOSK_DB)"
    assert seen["now"] == "2018-07-05T09:00  (environment KIOSK_NOW)"

    code, out, _ = run(capsys, "--lang", "en", "--config", str(path), "--db", f"sqlite:///{tmp_path}/cli.db",
                       "config", "check", "--kiosk-id", "lobi-cli", "--no-bell", "--now", "2018-07-05T10:00")
    seen = check_lines(out)
    assert seen["db"] == f"sqlite:///{tmp_path}/cli.db  (command line --db)"
    assert seen["kiosk_id"] == "lobi-cli  (command line --kiosk-id)"
    assert seen["now"] == "2018-07-05T10:00  (command line --now)"
    assert seen["bell"] == "off  (command line --no-bell)"
    assert f"This machine runs: kiosk checkin --db sqlite:///{tmp_path}/cli.db --lang en --kiosk-id lobi-cli " \
           f"--now 2018-07-05T10:00" in out


@pytest.mark.parametrize("screen, key, option", [
    ("directory", "show_assigned", "--show-assigned"),
    ("awards display", "rehearsal", "--rehearsal"),
])
def test_a_screens_own_flag_is_set_in_the_file_and_turned_off_on_the_command_line(
        tmp_path, capsys, sqlite_url, screen, key, option):
    path = write(tmp_path, f'db = "{sqlite_url}"\nscreen = "{screen}"\n{key} = true\n')
    machine = config.load(str(path))
    args = cli.build_parser().parse_args(["--config", str(path), "start"])
    assert config.start_argv(args, machine) == [*screen.split(), "--db", sqlite_url, option]
    off = cli.build_parser().parse_args(["--config", str(path), "start", "--no-" + option[2:]])
    assert option not in config.start_argv(off, machine)
    out = run(capsys, "--lang", "en", "--config", str(path), "config", "check")[1]
    assert check_lines(out)[key] == f"on  ({path}:3)"
    elsewhere = write(tmp_path, f'db = "{sqlite_url}"\nscreen = "board"\n{key} = true\n')
    assert option not in config.start_argv(args, config.load(str(elsewhere)))  # not a flag the board takes


def test_the_file_fills_what_any_command_leaves_out(tmp_path, monkeypatch, sqlite_url):
    """Every command on the machine uses the file's store; the environment and the command line win."""
    path = write(tmp_path, f'db = "{sqlite_url}"\nvenue = "GOR"\nlist = "HARI-1"\n')
    args = cli.build_parser().parse_args(["--config", str(path), "checkin"])
    config.apply(args, config.load(str(path)))
    assert (args.db, args.venue, args.list, args.kiosk_id) == (sqlite_url, "GOR", "HARI-1", None)
    args = cli.build_parser().parse_args(["--config", str(path), "checkin", "--venue", "AULA"])
    monkeypatch.setenv("KIOSK_DB", "sqlite:///elsewhere.db")
    config.apply(args, config.load(str(path)))
    assert (args.db, args.venue) == ("sqlite:///elsewhere.db", "AULA")


def test_the_language_is_the_option_then_the_file_then_the_locale(tmp_path, monkeypatch, capsys):
    path = write(tmp_path, 'language = "en"\n')
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert run(capsys, "--config", str(path), "config", "check")[2].startswith("kiosk: There is no screen")
    assert run(capsys, "--config", str(path), "--lang", "id", "config", "check")[2].startswith(
        "kiosk: Tidak ada layar")
    assert run(capsys, "config", "check")[2].startswith("kiosk: Tidak ada layar")
    assert cli.configured_language() is None  # the command's configuration ends with it


# --- bad values: one sentence, naming file, line and key ------------------------------------------


BAD_FILES = [
    ('screen = "chekin"', "{file}:2: screen must be one of checkin, directory, venues, board, awards display, staff, "
                          "not chekin."),
    ('colour = "red"', "{file}:2: colour is not a setting of kiosk.toml (it knows db, event, language, screen, "
                       "kiosk_id, venue, list, bell, show_assigned, rehearsal, badges)."),
    ('[checkin]\nlist = "A"', "{file}:2: checkin is not a setting of kiosk.toml (it knows db, event, language, "
                              "screen, kiosk_id, venue, list, bell, show_assigned, rehearsal, badges)."),
    ('bell = "yes"', "{file}:2: bell must be true or false, without quotes."),
    ("kiosk_id = 7", "{file}:2: kiosk_id must be text in quotes."),
    ('venue = "  "', "{file}:2: venue is empty; fill it in or remove the line."),
    ('list = "HARI\\u001b1"', "{file}:2: list holds a control character (U+001B); remove it."),
    ('language = "fr"', "{file}:2: language must be one of id, en, not fr."),
    ('event = ["a"]', "{file}:2: event must be text in quotes."),
    ('badges = ""', "{file}:2: badges is empty; fill it in or remove the line."),
    ('screen = checkin', "{file}:2: the configuration file is not valid TOML (Invalid value)."),
]


@pytest.mark.parametrize("line, sentence", BAD_FILES)
def test_a_bad_value_is_one_sentence_naming_file_line_and_key(tmp_path, capsys, line, sentence):
    path = write(tmp_path, f"# a lobby kiosk\n{line}\n")
    code, out, err = run(capsys, "--lang", "en", "--config", str(path), "info")
    assert (code, out) == (1, "")
    assert err == "kiosk: " + sentence.format(file=path) + "\n"


def test_a_bad_store_url_names_its_line(tmp_path, capsys):
    path = write(tmp_path, 'screen = "board"\n\ndb = "mysql://kiosk@db/kiosk"\n')
    assert run(capsys, "--lang", "en", "--config", str(path), "start")[2] == (
        f"kiosk: {path}:3: db must be a store URL (sqlite:///PATH or postgresql://USER@HOST/NAME), "
        f"not mysql://kiosk@db/kiosk.\n")


def test_a_named_file_must_exist_and_be_readable(tmp_path, capsys, monkeypatch):
    missing = tmp_path / "nowhere.toml"
    assert run(capsys, "--lang", "en", "--config", str(missing), "info")[2] == (
        f"kiosk: {missing}: this configuration file does not exist.\n")
    monkeypatch.setenv("KIOSK_CONFIG", str(missing))
    assert run(capsys, "--lang", "en", "info")[2] == f"kiosk: {missing}: this configuration file does not exist.\n"
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b'kiosk_id = "caf\xe9"\n')
    err = run(capsys, "--lang", "en", "--config", str(latin), "info")[2]
    assert err.startswith(f"kiosk: {latin}: the configuration file cannot be read (") and err.count("\n") == 1


def test_in_indonesian(tmp_path, capsys):
    path = write(tmp_path, 'bell = 1\n')
    assert run(capsys, "--config", str(path), "info")[2] == f"kiosk: {path}:1: bell harus true atau false, tanpa tanda kutip.\n"


def test_start_without_a_screen_says_how(tmp_path, capsys):
    path = write(tmp_path, 'kiosk_id = "lobi-1"\n')
    code, _, err = run(capsys, "--lang", "en", "--config", str(path), "start")
    assert code == 1
    assert err == (f'kiosk: There is no screen to start: write screen = "checkin" (or one of checkin, directory, '
                   f'venues, board, awards display, staff) in {path}, or give --screen.\n')


def test_the_example_file_is_a_valid_configuration():
    example = Path(commands.__file__).parent / "deploy" / "kiosk.toml"
    machine = config.load(str(example))
    assert machine.values["screen"] == "checkin" and machine.values["kiosk_id"] == "lobi-1"


# --- config check ---------------------------------------------------------------------------------


def test_config_check_says_what_runs_and_what_a_screen_does_not_use(tmp_path, capsys):
    path = write(tmp_path, 'screen = "board"\nkiosk_id = "tv-1"\nbadges = "badges"\n'
                           'db = "postgresql://kiosk:secret@127.0.0.1:1/kiosk"\n')
    code, out, err = run(capsys, "--lang", "en", "--config", str(path), "config", "check")
    assert code == 1 and err.startswith("kiosk: ") and "secret" not in err  # no server there
    assert out.splitlines()[:2] == [f"Configuration: {path}",
                                    "This machine runs: kiosk board --db 'postgresql://kiosk:***@127.0.0.1:1/kiosk' "
                                    "--lang en"]
    seen = check_lines(out)
    assert seen["kiosk_id"] == f"tv-1  ({path}:2; not used by board)"
    assert seen["badges"] == f"{tmp_path}/badges  ({path}:3; not used by board)"  # relative to the file
    assert "secret" not in out and "list" not in seen


def test_config_check_finds_what_the_settings_name_in_the_store(tmp_path, capsys, sqlite_url):
    from kiosk.store import open_store

    open_store(sqlite_url)
    load_small_event()
    path = write(tmp_path, f'db = "{sqlite_url}"\nscreen = "checkin"\nvenue = "sheraton"\nlist = "hari1"\n')
    code, out, err = run(capsys, "--lang", "en", "--config", str(path), "config", "check")
    assert (code, err) == (0, "")
    assert out.splitlines()[-1] == f"Store: {tmp_path}/kiosk.db, event Test Meeting (small); what the " \
                                   f"settings name is there."
    code, out, err = run(capsys, "--lang", "en", "--config", str(path), "config", "check", "--venue", "hilton")
    assert code == 1 and err == ("kiosk: There is no venue 'hilton' in this event (venues: sheraton, eastparc).\n")
    code, out, err = run(capsys, "--lang", "en", "--config", str(path), "config", "check", "--list", "gala-2")
    assert code == 1 and err == "kiosk: The event has no check-in list 'gala-2'.\n"


# --- kiosk start on each screen -------------------------------------------------------------------


SCREENS = [
    ("checkin", 'kiosk_id = "lobi-test"\nvenue = "sheraton"', "CheckinScreen", "Scan your badge"),
    ("directory", 'venue = "eastparc"', "DirectoryScreen", "Hotel Eastparc"),
    ("venues", 'venue = "sheraton"', "VenueGuideScreen", "Venues and rooms"),
    ("board", "", "BoardScreen", "Best Stall · Sales"),
    ("awards display", 'kiosk_id = "tv-test"', "AwardDisplayScreen", "Test Meeting"),
    ("staff", 'badges = "issued"', "LoginScreen", "Staff login"),
]


@pytest.mark.parametrize("screen, settings, screen_class, shown", SCREENS, ids=[s[0] for s in SCREENS])
def test_start_runs_the_configured_screen(tmp_path, monkeypatch, capsys, sqlite_url, screen, settings,
                                          screen_class, shown):
    path = write(tmp_path, f'db = "{sqlite_url}"\nscreen = "{screen}"\nlanguage = "en"\n{settings}\n')
    from kiosk.store import open_store

    open_store(sqlite_url)
    load_small_event()
    started = []
    real_run_until_done = commands.run_until_done

    def headless(make_app, run=None):
        def run_headless(app) -> None:
            async def look(pilot) -> None:
                for _ in range(150):
                    if type(pilot.app.screen).__name__ == screen_class and shown in screen_text(pilot.app):
                        break
                    await pilot.pause(0.02)
                started.append((type(pilot.app.screen).__name__, pilot.app.context, screen_text(pilot.app)))
                pilot.app.exit()
            app.run(headless=True, size=(80, 24), auto_pilot=look)
        return real_run_until_done(make_app, run_headless)

    monkeypatch.setattr(commands, "run_until_done", headless)
    code, _, err = run(capsys, "--config", str(path), "--now", "2018-07-05T08:15", "start")
    assert (code, err) == (0, "")
    [(shown_class, context, text)] = started
    assert shown_class == screen_class
    assert shown in text
    if "kiosk_id" in settings:
        assert context.terminal == settings.split('"')[1]
    if "venue" in settings:
        assert context.venue is not None and context.venue.code == settings.split('"')[-2]
    if screen == "staff":
        assert context.badge_dir == tmp_path / "issued"


def test_start_as_a_process_runs_the_screen_and_says_which(tmp_path):
    """A real `kiosk start` whose store is the file's: the check-in kiosk refuses an empty store
    with the check-in command's own sentence."""
    path = write(tmp_path, f'db = "sqlite:///{tmp_path}/empty.db"\nscreen = "checkin"\nlanguage = "en"\n')
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("KIOSK_") and key not in LOCALE_VARIABLES}
    env.update(KIOSK_CONFIG=str(path), XDG_DATA_HOME=str(tmp_path / "data"), PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, "-m", "kiosk", "start"], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=60, stdin=subprocess.DEVNULL)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert result.stderr.startswith("kiosk: ") and "kiosk import" in result.stderr
    assert (tmp_path / "empty.db").exists()


def test_a_second_scan_on_a_started_kiosk_names_it_by_its_configured_id(tmp_path, monkeypatch, capsys, sqlite_url):
    """What the organiser sees in tmux: `kiosk start` from the file, a badge scanned twice, and the amber
    screen naming the kiosk by the file's kiosk_id."""
    from kiosk.attendees import find_by_code, payload_for
    from kiosk.context import find_event
    from kiosk.store import open_store
    from tests.helpers import scan_burst, wait_for_text

    open_store(sqlite_url)
    load_small_event()
    event = find_event()
    badge = payload_for(event, find_by_code(event, "P0001"))
    path = write(tmp_path, f'db = "{sqlite_url}"\nscreen = "checkin"\nkiosk_id = "lobi-toml"\nlanguage = "en"\n')
    seen = []
    real_run_until_done = commands.run_until_done

    def headless(make_app, run=None):
        def run_headless(app) -> None:
            async def scan_twice(pilot) -> None:
                await wait_for_text(pilot, "Scan your badge")
                scan_burst(pilot.app, badge)
                await wait_for_text(pilot, "Sri Wahyuni")
                scan_burst(pilot.app, badge)
                seen.append(await wait_for_text(pilot, "lobi-toml"))
                pilot.app.exit()
            app.run(headless=True, size=(80, 24), auto_pilot=scan_twice)
        return real_run_until_done(make_app, run_headless)

    monkeypatch.setattr(commands, "run_until_done", headless)
    assert run(capsys, "--config", str(path), "--now", "2018-07-05T08:15", "start")[:1] == (0,)
    assert "Sri Wahyuni, Anda sudah check-in" in seen[0]  # the attendee's language, Indonesian
    assert "pukul 08:15 di lobi-toml" in seen[0]
