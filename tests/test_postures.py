"""Postures, driven through the real App: public screens cannot be left without an admin PIN; staff log in."""
from screens.launcher import LAUNCHER_ENTRIES, LauncherScreen
from screens.login import LoginScreen
from screens.venues import VenueGuideScreen
from tests.helpers import ADMIN_PIN, DESK_PIN, load_small_event, make_app, screen_text


async def type_text(pilot, text: str) -> None:
    await pilot.press(*list(text))


async def test_public_screen_survives_quit_keys(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, lambda: VenueGuideScreen(public=True))
    async with app.run_test(size=(80, 24)) as pilot:
        for key in ("ctrl+p", "ctrl+z", "escape", "ctrl+backslash"):
            await pilot.press(key)
            assert isinstance(app.screen, VenueGuideScreen), key
        for key in ("ctrl+c", "ctrl+q"):
            await pilot.press(key)
            assert "PIN admin" in screen_text(app)
            await pilot.press("escape")
            assert isinstance(app.screen, VenueGuideScreen)
        assert app.return_code is None
        assert "Lobi Registrasi" in screen_text(app)


async def test_public_screen_exits_only_with_an_admin_pin(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, lambda: VenueGuideScreen(public=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await type_text(pilot, DESK_PIN)  # a desk PIN is not an admin PIN
        await pilot.press("enter")
        assert "PIN salah." in screen_text(app)
        assert app.return_code is None
        await type_text(pilot, ADMIN_PIN)
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code == 0


async def test_admin_exit_from_a_launched_public_screen_returns_to_the_launcher(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, LauncherScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        position = [entry.key for entry in LAUNCHER_ENTRIES].index("launcher.venues")
        await pilot.press(*["down"] * position, "enter")  # the venue guide, a public screen
        assert isinstance(app.screen, VenueGuideScreen)
        await pilot.press("ctrl+c")
        await type_text(pilot, ADMIN_PIN)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LauncherScreen)
        assert app.return_code is None


async def test_staff_login_locks_after_five_wrong_pins(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "meja")
        await pilot.press("enter")
        for attempt in range(5):
            await type_text(pilot, "9999")
            await pilot.press("enter")
            if attempt < 4:
                assert "Nama atau PIN salah." in screen_text(app)
        assert "Terlalu banyak PIN salah. Coba lagi dalam 60 detik." in screen_text(app)
        await type_text(pilot, DESK_PIN)  # the right PIN, but the name is locked
        await pilot.press("enter")
        assert "Terlalu banyak PIN salah" in screen_text(app)
        assert isinstance(app.screen, LoginScreen)


async def test_staff_login_opens_the_hub_of_the_role(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_text(pilot, "meja")
        await pilot.press("enter")
        await type_text(pilot, DESK_PIN)
        await pilot.press("enter")
        text = screen_text(app)
        assert "Halo, meja (meja registrasi)" in text
        assert "Ikhtisar acara" in text and "Log audit" not in text  # the audit log is for admins
        await pilot.press("escape")  # log out
        assert isinstance(app.screen, LoginScreen)


async def test_staff_posture_quits_with_ctrl_q(sqlite_store):
    load_small_event()
    app = make_app(sqlite_store, LoginScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.return_code == 0


async def test_a_failing_store_under_a_public_screen_is_a_calm_notice(sqlite_store, monkeypatch):
    import screens.directory as directory_screen
    from peewee import OperationalError

    from screens.directory import DirectoryScreen

    load_small_event()

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    app = make_app(sqlite_store, DirectoryScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        monkeypatch.setattr(directory_screen, "sessions_of_institutions", locked)
        await pilot.press(*"literasi")  # the search asks the store on every key
        await pilot.pause(0.2)
        assert app.return_code is None and isinstance(app.screen, DirectoryScreen)
        assert any("Data sementara tidak tersedia" in n.message for n in app._notifications)


async def test_escape_leaves_a_public_screen_opened_from_the_hub(sqlite_store):
    from models import StaffUser
    from screens.hub import HubScreen

    load_small_event()
    app = make_app(sqlite_store, lambda: HubScreen(StaffUser.get(StaffUser.name == "admin")))
    async with app.run_test(size=(80, 24)) as pilot:
        for entry in ("hub.directory", "hub.board"):
            position = list(HubScreen(StaffUser.get(StaffUser.name == "admin")).entries).index(entry)
            await pilot.press(*["down"] * position, "enter")
            await pilot.pause(0.2)
            assert not isinstance(app.screen, HubScreen)
            await pilot.press("escape")
            await pilot.pause(0.1)
            assert isinstance(app.screen, HubScreen), entry
            app.screen.query_one("OptionList").highlighted = 0
