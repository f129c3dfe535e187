"""Product labels: QR images saying P:CODE, the A4 sheet, the manifest, and `kiosk labels`."""
from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import qrcode.util
from PIL import Image

from kiosk import cli
from kiosk.badges import make_qr
from kiosk.context import find_event
from kiosk.labels import LABELS_PER_PAGE, UnknownStall, select_products, write_labels
from kiosk.sales import find_product
from kiosk.store import close_store
from models import Product, Stall
from tests.helpers import load_small_event

SMALL_CODES = ["BJ-ANYAM", "GK-BATIK", "GK-KERIPIK"]


def read_manifest(folder: Path) -> list[dict[str, str]]:
    with open(folder / "manifest.csv", encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def labels_of(sheet: str) -> list[list[str]]:
    """The product codes on each page of the sheet, page by page."""
    pages = re.findall(r'<section class="page"[^>]*>(.*?)</section>', sheet, re.S)
    return [re.findall(r'<article class="label" data-code="([^"]+)"', page) for page in pages]


def test_writes_a_png_an_svg_a_sheet_and_a_manifest_for_every_product(store, tmp_path):
    load_small_event()
    event = find_event()
    out = tmp_path / "new" / "labels"  # made if missing
    seen = []

    run = write_labels(event, select_products(event), out, progress=lambda done, total: seen.append((done, total)))

    assert run.codes == SMALL_CODES and run.count == 3 and run.pages == 1
    assert seen == [(1, 3), (2, 3), (3, 3)]
    for code in SMALL_CODES:
        with Image.open(out / f"{code}.png") as image:
            assert image.format == "PNG" and image.width == image.height
        assert ET.parse(out / f"{code}.svg").getroot().tag.endswith("svg")
    assert read_manifest(out) == [
        {"code": "BJ-ANYAM", "stall": "L02", "name": "Tas anyaman pandan", "price": "85000", "payload": "P:BJ-ANYAM"},
        {"code": "GK-BATIK", "stall": "L01", "name": "Batik tulis Gunungkidul", "price": "250000",
         "payload": "P:GK-BATIK"},
        {"code": "GK-KERIPIK", "stall": "L01", "name": "Keripik belalang", "price": "15000",
         "payload": "P:GK-KERIPIK"},
    ]
    sheet = (out / "sheet.html").read_text(encoding="utf-8")
    assert labels_of(sheet) == [SMALL_CODES]
    batik = re.search(r'<article class="label" data-code="GK-BATIK">(.*?)</article>', sheet).group(1)
    for shown in ("Batik tulis Gunungkidul", "Rp\xa0250.000", "Lapak Gunungkidul", 'src="GK-BATIK.svg"'):
        assert shown.replace("\xa0", " ") in batik.replace("\xa0", " ")


def test_a_labels_payload_finds_its_product_and_fits_the_alphanumeric_mode(store, tmp_path):
    load_small_event()
    event = find_event()

    write_labels(event, select_products(event), tmp_path)

    for row in read_manifest(tmp_path):
        assert row["payload"] == f"P:{row['code']}"
        assert find_product(event, row["payload"]).code == row["code"]
        assert [chunk.mode for chunk in make_qr(row["payload"]).data_list] == [qrcode.util.MODE_ALPHA_NUM]
        stall = Stall.get((Stall.event == event) & (Stall.code == row["stall"]))
        assert find_product(event, row["payload"], stall=stall).code == row["code"]


def test_the_price_is_printed_in_indonesian_whatever_the_language(store, tmp_path):
    from kiosk import i18n

    load_small_event()
    event = find_event()
    i18n.set_language("en")

    write_labels(event, select_products(event, "L01"), tmp_path)

    assert "Rp 250.000" in (tmp_path / "sheet.html").read_text(encoding="utf-8").replace("\xa0", " ")
    assert i18n.language() == "en"  # left as it was


def test_the_sheet_has_24_labels_a_page_and_escapes_everything(store, tmp_path):
    load_small_event()
    event = find_event()
    stall = Stall.get(Stall.code == "L02")
    for number in range(30):
        Product.create(event=event, stall=stall, code=f"X{number:02d}", name=f"Kue <lapis> & {number}", price=5000)

    run = write_labels(event, select_products(event, "l02"), tmp_path)

    sheet = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    assert run.count == 31 and run.pages == 2 and LABELS_PER_PAGE == 24
    assert [len(page) for page in labels_of(sheet)] == [24, 7]
    assert "Kue &lt;lapis&gt; &amp; 7" in sheet and "<lapis>" not in sheet


def test_select_products_filters_by_stall_and_refuses_an_unknown_one(store):
    load_small_event()
    event = find_event()

    assert [p.code for p in select_products(event, "L01")] == ["GK-BATIK", "GK-KERIPIK"]
    assert [p.code for p in select_products(event, " l02 ")] == ["BJ-ANYAM"]
    with pytest.raises(UnknownStall, match="'L99'"):
        select_products(event, "L99")


def test_the_command_writes_only_the_stall_asked_for(store, tmp_path, capsys):
    load_small_event()
    close_store()  # the command opens the store itself
    out = tmp_path / "labels"

    code = cli.main(["--db", store.url, "--lang", "en", "labels", "--out", str(out), "--stall", "L02"])

    assert code == 0
    assert [row["code"] for row in read_manifest(out)] == ["BJ-ANYAM"]
    assert sorted(path.name for path in out.iterdir()) == ["BJ-ANYAM.png", "BJ-ANYAM.svg", "manifest.csv",
                                                            "sheet.html"]
    assert capsys.readouterr().out.splitlines() == [
        f"Wrote 1 label of PLM Uji Coba (small) to {out} (PNG and SVG per product code, manifest.csv); "
        f"print sheet (1 A4 page): {out / 'sheet.html'}"]
    close_store()
    assert cli.main(["--db", store.url, "--lang", "id", "labels", "--out", str(out), "--stall", "L02"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        f"1 label acara PLM Uji Coba (small) ditulis ke {out} (PNG dan SVG per kode produk, manifest.csv); "
        f"lembar cetak (1 halaman A4): {out / 'sheet.html'}"]


def test_the_command_writes_every_label_by_default(store, tmp_path, capsys):
    load_small_event()
    close_store()

    assert cli.main(["--db", store.url, "--lang", "en", "labels", "--out", str(tmp_path)]) == 0

    assert [row["code"] for row in read_manifest(tmp_path)] == SMALL_CODES
    assert "3 labels" in capsys.readouterr().out


def test_an_unknown_stall_is_one_line_and_nothing_is_written(store, tmp_path, capsys):
    load_small_event()
    close_store()
    out = tmp_path / "out"

    code = cli.main(["--db", store.url, "--lang", "en", "labels", "--out", str(out), "--stall", "nope"])

    assert code == 1
    printed = capsys.readouterr()
    assert printed.out == ""
    assert len(printed.err.splitlines()) == 1 and "'NOPE'" in printed.err
    assert printed.err == "kiosk: Event small has no stall 'NOPE' (2 stalls, e.g. L01); no labels were written.\n"
    close_store()
    assert cli.main(["--db", store.url, "--lang", "id", "labels", "--out", str(out), "--stall", "nope"]) == 1
    assert capsys.readouterr().err == ("kiosk: Acara small tidak punya lapak 'NOPE' (2 lapak, misalnya L01); "
                                       "tidak ada label yang ditulis.\n")
    assert not out.exists()
