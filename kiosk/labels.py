"""Product labels: a QR code per product (PNG and SVG), an A4 sheet of labels to print, and a manifest.

Plain functions over the store, no Textual: `kiosk labels` calls them, and so can a test. A label's
QR code says `P:CODE` (kiosk.sales.LABEL_PREFIX and the product code), which a seller's scanner
turns back into the product with `kiosk.sales.find_product`. Product codes are A-Z, 0-9 and '-', so
the payload fits the QR alphanumeric mode and the code stays small. The QR codes, the progress bar
and the whole-file writes are the badges' own (kiosk.badges, kiosk.files).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from kiosk import i18n
from kiosk.badges import BadgeRun, Progress, finish_run, write_images
from kiosk.errors import Phrase
from kiosk.i18n import N_, tn
from kiosk.sales import LABEL_PREFIX
from kiosk.store import StoreError
from models import Event, Product, Stall

LABELS_PER_PAGE = 24  # 3 columns x 8 rows on A4, the usual sheet of 63.5 x 33.9 mm stickers
MANIFEST_HEADER = ("code", "stall", "name", "price", "payload")
LONG_NAME = 34  # past this a product name is printed smaller


class UnknownStall(StoreError):
    """A stall code asked for that the event does not have."""


class LabelRun(BadgeRun):
    """What a run wrote: one PNG and one SVG per product code, the print sheet and the manifest."""


@dataclass(frozen=True)
class _Printed:
    code: str
    name: str
    price: int  # whole rupiah
    price_text: str  # "Rp 125.000"
    stall: str  # the stall's name
    stall_code: str
    payload: str


def payload_for(product: Product) -> str:
    """What a product label's QR code says: P:CODE."""
    return f"{LABEL_PREFIX}{product.code}"


def select_products(event: Event, stall_code: str | None = None) -> list[Product]:
    """The event's products by code (with their stall), or only those of the stall STALL_CODE.

    An unknown stall raises UnknownStall naming it, before anything is written.
    """
    query = Product.select(Product, Stall).join(Stall).where(Product.event == event)
    if stall_code is not None:
        code = stall_code.strip().upper()
        if not Stall.select().where((Stall.event == event) & (Stall.code == code)).exists():
            known = Stall.select().where(Stall.event == event).count()
            if not known:
                raise UnknownStall(N_("error.labels.no_stalls"), slug=event.slug, code=code)
            slug, first = event.slug, first_stall(event)
            raise UnknownStall(Phrase.of(lambda lang: tn(
                "error.labels.unknown_stall", "error.labels.unknown_stall_plural", known, lang, slug=slug, code=code,
                n=i18n.number(known, lang), first=first)))
        query = query.where(Stall.code == code)
    return list(query.order_by(Product.code))


def first_stall(event: Event) -> str:
    return Stall.select(Stall.code).where(Stall.event == event).order_by(Stall.code).scalar()


def write_labels(event: Event, products: Iterable[Product], out_dir: Path,
                 progress: Progress | None = None) -> LabelRun:
    """Write DIR/CODE.png, DIR/CODE.svg for each product, then DIR/sheet.html and DIR/manifest.csv.

    DIR is made if missing; files of the same codes are overwritten. The sheet and the manifest are
    written whole (a temporary file renamed). PROGRESS, if given, is called as progress(done, total).
    Prices are printed in Indonesian ("Rp 125.000"), whatever the screen language.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    products = list(products)
    run = LabelRun(out_dir)
    printed: list[_Printed] = []
    for done, product in enumerate(products, start=1):
        payload = payload_for(product)
        write_images(run, product.code, payload)
        printed.append(_Printed(product.code, product.name, product.price, i18n.money(product.price, "id"),
                                product.stall.name, product.stall.code, payload))
        if progress is not None:
            progress(done, len(products))
    manifest = [(label.code, label.stall_code, label.name, label.price, label.payload) for label in printed]
    return finish_run(run, sheet_html(event, printed), LABELS_PER_PAGE, MANIFEST_HEADER, manifest)


SHEET_STYLE = """\
@page { size: A4; margin: 10mm }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       -webkit-print-color-adjust: exact; print-color-adjust: exact }
.page { display: grid; grid-template-columns: repeat(3, 63mm); grid-auto-rows: 34mm; width: 190mm;
        height: 277mm; overflow: hidden; page-break-after: always; break-after: page }
.page:last-child { page-break-after: auto; break-after: auto }
.label { position: relative; padding: 2mm; overflow: hidden; border: 0.3mm dashed #888;
         page-break-inside: avoid; break-inside: avoid }
.what { margin-right: 27mm; height: 29mm; display: flex; flex-direction: column; overflow: hidden }
.name { margin: 0; font-size: 9pt; font-weight: 700; line-height: 1.15; overflow-wrap: break-word;
        max-height: 10.5mm; overflow: hidden }
.name.long { font-size: 7.5pt }
.price { margin: 1mm 0 0; font-size: 13pt; font-weight: 700; white-space: nowrap }
.stall { margin: auto 0 0; font-size: 6.5pt; line-height: 1.2; overflow-wrap: break-word; max-height: 7.8mm;
         overflow: hidden }
.qr { position: absolute; right: 1.5mm; top: 1.5mm; width: 26mm; text-align: center }
.qr img { display: block; width: 26mm; height: 26mm }
.qr .code { font-size: 6pt; font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.03em;
            white-space: nowrap; overflow: hidden }
@media screen {
  body { background: #ddd }
  .page { margin: 8mm auto; padding: 0; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.3) }
}
"""


def sheet_html(event: Event, printed: list[_Printed]) -> str:
    """The printable sheet: A4 pages of 24 labels (3 x 8), every text HTML-escaped."""
    esc = html.escape
    pages = [printed[start:start + LABELS_PER_PAGE] for start in range(0, len(printed), LABELS_PER_PAGE)]
    out = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Label produk — {esc(event.name)}</title>",
        f"<style>\n{SHEET_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for number, page in enumerate(pages, start=1):
        out.append(f'<section class="page" data-page="{number}">')
        for label in page:
            code = esc(label.code)
            name_class = "name long" if len(label.name) > LONG_NAME else "name"
            out.append(
                f'<article class="label" data-code="{code}">'
                f'<div class="what"><h1 class="{name_class}">{esc(label.name)}</h1>'
                f'<p class="price">{esc(label.price_text)}</p>'
                f'<p class="stall">{esc(label.stall)}</p></div>'
                f'<div class="qr"><img src="{esc(label.code + ".svg")}" alt="QR {code}">'
                f'<div class="code">{code}</div></div>'
                "</article>"
            )
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
