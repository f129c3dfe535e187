"""Printed badges: QR images, the A4 sheet, the manifest, `kiosk badges`, and QR codes as terminal text."""
from __future__ import annotations

import csv
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image

from kiosk import cli, tokens
from kiosk.attendees import payload_for
from kiosk.badges import BADGES_PER_PAGE, make_qr, progress_line, qr_lines, select_attendees, write_badges
from kiosk.context import find_event
from kiosk.store import close_store
from models import Attendee, Institution
from tests.helpers import load_small_event

SMALL_CODES = ["P0001", "P0002", "P0003", "V0001"]
QR_CHARS = set("▀▄█ ")
LONG_NAME = "Prof. Dr. Hj. Siti Nurhaliza Kusumawardani"  # 42 characters, the longest a badge takes
LONG_INSTITUTION = "Dinas Perpustakaan & Kearsipan Daerah Kabupaten Kepulauan Seribu Utara"  # 70


def read_manifest(folder: Path) -> list[dict[str, str]]:
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def badges_of(sheet: str) -> list[list[str]]:
    """The badge codes on each page of the sheet, page by page."""
    pages = re.findall(r'<section class="page"[^>]*>(.*?)</section>', sheet, re.S)
    return [re.findall(r'<article class="badge" data-code="([^"]+)"', page) for page in pages]


def add_attendees(event, count: int) -> list[str]:
    institution = Institution.create(event=event, code="LONG-INST", name=LONG_INSTITUTION, kind="guest")
    codes = [f"X{number:03d}" for number in range(count)]
    for number, code in enumerate(codes):
        Attendee.create(event=event, code=code, name=f"Peserta <Tambahan> & {number}", institution=institution,
                        category="press" if number % 2 else "staff")
    return codes


def test_writes_a_png_an_svg_a_sheet_and_a_manifest_for_every_attendee(store, tmp_path):
    load_small_event()
    event = find_event()
    out = tmp_path / "new" / "badges"  # made if missing
    seen = []

    run = write_badges(event, select_attendees(event), out, progress=lambda done, total: seen.append((done, total)))

    assert run.codes == SMALL_CODES and run.count == 4 and run.pages == 1
    assert seen == [(1, 4), (2, 4), (3, 4), (4, 4)]
    for code in SMALL_CODES:
        with Image.open(out / f"{code}.png") as image:
            assert image.format == "PNG"
            assert image.width == image.height >= 25 * 10
        root = ET.parse(out / f"{code}.svg").getroot()
        assert root.tag.endswith("svg")
    assert sorted(path.name for path in out.iterdir()) == sorted(
        [f"{code}.png" for code in SMALL_CODES] + [f"{code}.svg" for code in SMALL_CODES]
        + ["manifest.csv", "sheet.html"])  # no temporary file left behind

    rows = read_manifest(out)
    assert [row["code"] for row in rows] == SMALL_CODES
    for row in rows:
        attendee = Attendee.get((Attendee.event == event) & (Attendee.code == row["code"]))
        assert row["name"] == attendee.name
        assert tokens.verify(event.badge_secret, event.slug, row["payload"]) == tokens.Badge(
            attendee.code, attendee.badge_version)
    assert rows[0]["institution"] == Institution.get(Institution.code == "KAB-GUNUNGKIDUL").name

    sheet = (out / "sheet.html").read_text(encoding="utf-8")
    assert "@page { size: A4; margin: 10mm }" in sheet
    assert badges_of(sheet) == [SMALL_CODES]
    for attendee in Attendee.select():
        assert html.escape(attendee.name) in sheet
        assert f'src="{attendee.code}.svg"' in sheet
    assert html.escape(event.name) in sheet
    assert "Narasumber" in sheet and "Peserta" in sheet and "VIP" in sheet  # categories in Indonesian


def test_the_sheet_has_eight_badges_a_page_and_escapes_everything(store, tmp_path):
    load_small_event()
    event = find_event()
    extra = add_attendees(event, 13)  # 4 + 13 = 17 badges: pages of 8, 8 and 1
    Attendee.update(name=LONG_NAME).where(Attendee.code == "X000").execute()
    Attendee.create(event=event, code="Z-1", name="O'Brien \"Bud\" <b>bold</b> & Sons", category="vip")

    run = write_badges(event, select_attendees(event), tmp_path)

    sheet = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    pages = badges_of(sheet)
    assert [len(page) for page in pages] == [BADGES_PER_PAGE, BADGES_PER_PAGE, 2] and run.pages == 3
    assert [code for page in pages for code in page] == sorted(SMALL_CODES + extra + ["Z-1"])
    assert "<b>bold</b>" not in sheet and "O&#x27;Brien &quot;Bud&quot; &lt;b&gt;bold&lt;/b&gt; &amp; Sons" in sheet
    assert "Peserta &lt;Tambahan&gt; &amp; 12" in sheet and "<Tambahan>" not in sheet
    assert LONG_NAME in sheet and html.escape(LONG_INSTITUTION) in sheet
    assert sheet.count("break-after: page") == 1  # one rule, every page but the last breaks after itself
    rows = read_manifest(tmp_path)
    assert rows[-1] == {"code": "Z-1", "name": "O'Brien \"Bud\" <b>bold</b> & Sons", "institution": "",
                        "payload": payload_for(event, Attendee.get(Attendee.code == "Z-1"))}


def test_a_rewrite_replaces_the_files_of_the_same_codes(store, tmp_path):
    load_small_event()
    event = find_event()
    (tmp_path / "manifest.csv").write_text("stale\n", encoding="utf-8")
    (tmp_path / "P0001.png").write_bytes(b"not a png")

    write_badges(event, select_attendees(event, ["p0001"]), tmp_path)

    assert [row["code"] for row in read_manifest(tmp_path)] == ["P0001"]
    with Image.open(tmp_path / "P0001.png") as image:
        assert image.format == "PNG"


def test_a_reissued_badge_gets_a_new_payload_and_the_old_one_names_the_old_version(store, tmp_path):
    load_small_event()
    event = find_event()
    write_badges(event, select_attendees(event), tmp_path / "first")
    Attendee.update(badge_version=Attendee.badge_version + 1).where(Attendee.code == "P0002").execute()

    write_badges(event, select_attendees(event), tmp_path / "second")

    before = {row["code"]: row["payload"] for row in read_manifest(tmp_path / "first")}
    after = {row["code"]: row["payload"] for row in read_manifest(tmp_path / "second")}
    assert after["P0002"] != before["P0002"]
    assert all(after[code] == before[code] for code in SMALL_CODES if code != "P0002")
    current = Attendee.get(Attendee.code == "P0002").badge_version
    assert current == 2
    old = tokens.verify(event.badge_secret, event.slug, before["P0002"])
    assert old.code == "P0002" and old.version == 1 != current
    assert tokens.verify(event.badge_secret, event.slug, after["P0002"]).version == current


def test_the_command_writes_only_the_attendees_asked_for(store, tmp_path, capsys):
    load_small_event()
    close_store()  # the command opens the store itself
    out = tmp_path / "out"

    code = cli.main(["--db", store.url, "--lang", "en", "badges", "--out", str(out), "--attendee", "V0001",
                     "--attendee", "p0002"])

    assert code == 0
    assert sorted(path.name for path in out.iterdir()) == [
        "P0002.png", "P0002.svg", "V0001.png", "V0001.svg", "manifest.csv", "sheet.html"]
    assert [row["code"] for row in read_manifest(out)] == ["V0001", "P0002"]
    printed = capsys.readouterr()
    assert printed.err == ""  # not a terminal: no progress bar
    lines = printed.out.splitlines()
    assert len(lines) == 1 and "2 badges" in lines[0] and str(out / "sheet.html") in lines[0]
    assert lines[0] == (f"Wrote 2 badges of PLM Uji Coba (small) to {out} (PNG and SVG per code, manifest.csv); "
                        f"print sheet (1 A4 page): {out / 'sheet.html'}")
    close_store()
    assert cli.main(["--db", store.url, "--lang", "id", "badges", "--out", str(out), "--attendee", "V0001"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"1 badge acara PLM Uji Coba (small) ditulis ke {out} (PNG dan SVG per kode, manifest.csv); "
        f"lembar cetak (1 halaman A4): {out / 'sheet.html'}"]


def test_the_command_writes_every_badge_by_default(store, tmp_path, capsys):
    load_small_event()
    close_store()

    assert cli.main(["--db", store.url, "--lang", "en", "badges", "--out", str(tmp_path)]) == 0

    assert [row["code"] for row in read_manifest(tmp_path)] == SMALL_CODES
    assert "4 badges" in capsys.readouterr().out


def test_an_unknown_code_is_one_line_naming_it_and_nothing_is_written(store, tmp_path, capsys):
    load_small_event()
    close_store()
    out = tmp_path / "out"

    code = cli.main(["--db", store.url, "--lang", "en", "badges", "--out", str(out), "--attendee", "P0001",
                     "--attendee", "nope-9"])

    assert code == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert len(printed.err.splitlines()) == 1 and "'NOPE-9'" in printed.err and "P0001" not in printed.err
    assert printed.err == "kiosk: Event small has no attendee with code 'NOPE-9'; no badges were written.\n"
    assert not out.exists()
    close_store()
    cli.main(["--db", store.url, "--lang", "en", "badges", "--out", str(out), "--attendee", "x1", "--attendee", "x2"])
    assert capsys.readouterr().err == ("kiosk: Event small has no attendees with codes 'X1', 'X2'; no badges were "
                                       "written.\n")
    close_store()
    cli.main(["--db", store.url, "--lang", "id", "badges", "--out", str(out), "--attendee", "x1", "--attendee", "x2"])
    assert capsys.readouterr().err == ("kiosk: Acara small tidak punya peserta berkode 'X1', 'X2'; tidak ada badge "
                                       "yang ditulis.\n")
    assert not out.exists()


def test_a_store_without_an_event_is_one_line(store, tmp_path, capsys):
    close_store()

    assert cli.main(["--db", store.url, "--lang", "en", "badges", "--out", str(tmp_path / "out")]) == 1

    err = capsys.readouterr().err
    assert err.startswith("kiosk: The store has no event yet") and len(err.splitlines()) == 1
    close_store()
    assert cli.main(["--db", store.url, "--lang", "id", "badges", "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == ("kiosk: Basis data belum berisi acara: jalankan `kiosk import FOLDER` atau "
                                       "`kiosk demo` dulu.\n")
    assert not (tmp_path / "out").exists()


def test_qr_lines_are_a_small_inverted_block_drawing(store):
    load_small_event()
    event = find_event()
    payload = payload_for(event, Attendee.get(Attendee.code == "P0003"))

    lines = qr_lines(payload)

    assert len({len(line) for line in lines}) == 1
    assert len(lines[0]) <= 29 and len(lines) <= 15
    assert set("".join(lines)) <= QR_CHARS
    assert lines[0] == "█" * len(lines[0])  # the light quiet zone is drawn, two modules per cell
    assert lines[1].startswith("██ ")  # two light quiet-zone columns, then the finder's dark corner


def test_qr_lines_of_the_longest_payload_still_fit():
    payload = tokens.sign(tokens.new_secret(), "plm2018", "ABCDEFGHIJ-Z", 9999)

    lines = qr_lines(payload)

    assert len(lines) <= 15 and all(len(line) <= 29 for line in lines)


def test_progress_line():
    assert progress_line(0, 4, width=8) == "[........] 0/4"
    assert progress_line(2, 4, width=8) == "[####....] 2/4"
    assert progress_line(4, 4, width=8) == "[########] 4/4"
    assert progress_line(0, 0, width=4) == "[####] 0/0"


def test_qr_lines_draw_the_same_modules_as_the_printed_code():
    payload = "B:P0001:1:W2AFWKKGBGVEVB66"
    lines = qr_lines(payload)

    rows = []
    for line in lines:
        rows.append([char in "█▀" for char in line])  # True = light, the top module of each cell
        rows.append([char in "█▄" for char in line])  # the bottom module
    expected = make_qr(payload, border=2).get_matrix()  # True = dark
    assert rows[:len(expected)] == [[not dark for dark in row] for row in expected]
    assert len(rows) - len(expected) in (0, 1)  # an odd last row is paired with a blank one
    assert not any(light for row in rows[len(expected):] for light in row)
