"""A machine's configuration, kiosk.toml: the store, the screen this machine runs and that screen's
settings. Where it is: --config PATH, else $KIOSK_CONFIG, else the site config folder (platformdirs:
/etc/xdg/event-kiosk/kiosk.toml on Linux). What wins: the command line, then the environment
(KIOSK_DB, KIOSK_NOW), then the file, then the defaults. The language is --lang, then the file, then
the locale ($LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG), then Indonesian (kiosk.cli.chosen_language).

Loading stays light (tomllib, no store, no importer): every `kiosk` command reads the file."""
from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlparse

from kiosk.cli import LANGUAGES
from kiosk.errors import Told
from kiosk.i18n import N_

FILE_NAME = "kiosk.toml"
SCREENS = ("checkin", "directory", "venues", "board", "awards display", "staff")
URL_SCHEMES = ("sqlite", "postgresql", "postgres")


@dataclass(frozen=True)
class Setting:
    key: str  # in the file
    dest: str  # the argparse destination
    option: str  # the command-line option
    kind: str  # "text", "path", "url", "language", "screen" or "flag"
    screens: tuple[str, ...] = SCREENS  # the screens that use it
    env: str | None = None  # the environment variable between the command line and the file


SETTINGS = (
    Setting("db", "db", "--db", "url", env="KIOSK_DB"),
    Setting("event", "event", "--event", "text"),
    Setting("language", "lang", "--lang", "language"),
    Setting("screen", "screen", "--screen", "screen"),
    Setting("kiosk_id", "kiosk_id", "--kiosk-id", "text", ("checkin", "awards display")),
    Setting("venue", "venue", "--venue", "text", ("checkin", "directory", "venues")),
    Setting("list", "list", "--list", "text", ("checkin",)),
    Setting("bell", "bell", "--bell", "flag", ("checkin",)),
    Setting("show_assigned", "show_assigned", "--show-assigned", "flag", ("directory",)),
    Setting("rehearsal", "rehearsal", "--rehearsal", "flag", ("awards display",)),
    Setting("badges", "badges", "--badges", "path", ("staff",)),
)
BY_KEY = {setting.key: setting for setting in SETTINGS}
OWN_RESOLUTION = ("start", "config_check")  # commands that read the file themselves (and say whence)
NOW = Setting("now", "now", "--now", "text", env="KIOSK_NOW")  # never in the file: a test or rehearsal clock


class ConfigError(Told):
    """A kiosk.toml that cannot be used, in one sentence naming the file, the line and the key."""


@dataclass(frozen=True)
class Machine:
    """The file's values (already checked) and where it is; `exists` is False when there is none."""

    path: Path
    exists: bool = False
    values: dict = field(default_factory=dict)
    text: str = ""

    def line(self, key: str) -> int:
        return key_line(self.text, key)


@dataclass(frozen=True)
class Value:
    value: object
    source: str  # "command line", "environment", "file" or "default"
    detail: str = ""  # the option, the variable, or the file's key


_current: Machine | None = None  # the machine's configuration for this command (configured_language)


def config_path(option: str | None, environ=os.environ) -> tuple[Path, bool]:
    """The configuration file and whether it was named (then it must exist)."""
    if option:
        return Path(option), True
    if environ.get("KIOSK_CONFIG"):
        return Path(environ["KIOSK_CONFIG"]), True
    from platformdirs import site_config_dir

    return Path(site_config_dir("event-kiosk", appauthor=False)) / FILE_NAME, False


def load(option: str | None = None, environ=os.environ) -> Machine:
    path, named = config_path(option, environ)
    if not path.exists() and not named:
        return Machine(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(N_("error.config.missing"), file=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        raise ConfigError(N_("error.config.unreadable"), file=str(path), reason=reason) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r" \(at line (\d+), column \d+\)", str(error))
        line, reason = (int(where.group(1)), str(error).replace(where.group(0), "")) if where else (0, str(error))
        raise ConfigError(N_("error.config.not_toml"), file=str(path), line=line, reason=reason) from None
    machine = Machine(path, True, {}, text)
    return replace(machine, values={key: checked(machine, key, value) for key, value in data.items()})


def key_line(text: str, key: str) -> int:
    """KEY's line in the file (the importer's TOML line finder), 0 when it cannot tell."""
    from kiosk.importer.sources import TomlLines

    return TomlLines(text).line(key)


def checked(machine: Machine, key: str, value):
    """VALUE as the program uses it, or ConfigError naming file, line and key."""
    reason = problem(BY_KEY.get(key), value)
    if reason is not None:
        message, extra = reason
        raise ConfigError(message, file=str(machine.path), line=machine.line(key), setting=key, **extra)
    if BY_KEY[key].kind == "path":
        return str(machine.path.parent / Path(value.strip()).expanduser())  # relative to the file
    return value.strip() if isinstance(value, str) else value


def problem(setting: Setting | None, value) -> tuple[str, dict] | None:
    """What is wrong with VALUE for SETTING (a message key and its values), or None."""
    if setting is None:
        return N_("error.config.unknown_key"), {"known": ", ".join(BY_KEY)}
    if setting.kind == "flag":
        return None if isinstance(value, bool) else (N_("error.config.not_flag"), {})
    if not isinstance(value, str):
        return N_("error.config.not_text"), {}
    text = value.strip()
    control = next((c for c in text if ord(c) < 32 or 127 <= ord(c) < 160), None)
    if not text:
        return N_("error.config.empty"), {}
    if control is not None:
        return N_("error.config.control"), {"code": f"U+{ord(control):04X}"}
    choices = {"screen": SCREENS, "language": LANGUAGES}.get(setting.kind)
    if choices and text not in choices:
        return N_("error.config.not_one_of"), {"value": text, "choices": ", ".join(choices)}
    if setting.kind == "url" and urlparse(text).scheme not in URL_SCHEMES:
        return N_("error.config.not_url"), {"value": text}
    return None


def use(machine: Machine | None) -> None:
    global _current
    _current = machine


def current() -> Machine:
    """This command's configuration (none before the command line is read)."""
    return _current if _current is not None else Machine(Path(FILE_NAME))


def machine_language() -> str | None:
    return _current.values.get("language") if _current is not None else None


def given(args, dest: str):
    """What the command line gave for DEST, or None (--bell/--no-bell of `kiosk start` are True/False)."""
    return getattr(args, dest, None)


def resolve(setting: Setting, args, machine: Machine, environ=os.environ) -> Value | None:
    """SETTING's value and where it came from, or None when nothing sets it (the program's default)."""
    value = given(args, setting.dest)
    if value is not None:
        return Value(value, "command line", setting.option if value is not False else "--no-" + setting.option[2:])
    if setting.env and environ.get(setting.env):
        return Value(environ[setting.env], "environment", setting.env)
    if setting.key in machine.values:
        return Value(machine.values[setting.key], "file", setting.key)  # its line: machine.line(key), on demand
    return None


def apply(args, machine: Machine, environ=os.environ) -> None:
    """Fill the options the command takes and the command line left out with the environment's or
    the file's values, so every command on this machine uses its store, language and settings."""
    for setting in SETTINGS:
        value = getattr(args, setting.dest, None)
        if setting.key == "screen" or not hasattr(args, setting.dest) or value not in (None, False):
            continue  # a flag of a screen's own command (`kiosk checkin --bell`) is False when not given
        found = resolve(setting, args, machine, environ)
        if found is not None:
            setattr(args, setting.dest, found.value)


def screen_of(args, machine: Machine) -> str | None:
    found = resolve(BY_KEY["screen"], args, machine)
    return found.value if found else None


def start_argv(args, machine: Machine, environ=os.environ) -> list[str]:
    """The `kiosk` command line this machine runs (`kiosk start`): the screen's command with every
    setting the command line, the environment or the file gives, that the screen takes."""
    screen = screen_of(args, machine)
    if screen is None:
        raise ConfigError(N_("error.config.no_screen"), file=str(machine.path), choices=", ".join(SCREENS))
    words: list[str] = []
    for setting in (*SETTINGS, NOW):
        if setting.key == "screen" or screen not in setting.screens:
            continue
        found = resolve(setting, args, machine, environ)
        if found is None or found.source == "environment":  # the screen reads the environment itself
            continue
        if setting.kind == "flag":
            words += [setting.option] if found.value else []
        else:
            words += [setting.option, str(found.value)]
    return [*screen.split(), *words]
