"""Printed badges: a QR code per attendee (PNG and SVG), an A4 sheet to print, and a manifest.

Plain functions over the store, no Textual: `kiosk badges` calls them, and so can a test.
The QR code says `kiosk.attendees.payload_for(event, attendee)`, so a reissued badge (a bumped
`badge_version`) gets a new code and the old printout stops matching.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import qrcode
import qrcode.constants
from peewee import JOIN
from qrcode.image.pil import PilImage
from qrcode.image.svg import SvgPathImage

from kiosk.files import replace_file, write_csv
from kiosk import i18n
from kiosk.attendees import payload_for
from kiosk.errors import Phrase
from kiosk.i18n import tn
from kiosk.store import StoreError
from models import Attendee, Event, Institution

ERROR_CORRECTION = qrcode.constants.ERROR_CORRECT_M
BOX_SIZE = 10  # pixels per module in the PNG
BORDER = 4  # the quiet zone the QR standard asks for on paper, in modules
TERMINAL_BORDER = 2  # a smaller quiet zone on screen, so a version-2 code fits in 29 x 15 cells
BADGES_PER_PAGE = 8  # 2 columns x 4 rows on A4
LONG_NAME, LONG_WORD = 32, 12  # past these a name is printed smaller, so 42 characters still fit
SHEET = "sheet.html"
MANIFEST = "manifest.csv"
MANIFEST_HEADER = ("code", "name", "institution", "payload")

Progress = Callable[[int, int], None]


class UnknownAttendee(StoreError):
    """A code asked for that the event does not have."""


@dataclass
class BadgeRun:
    """What a run wrote: one PNG and one SVG per code, the print sheet and the manifest."""
    out_dir: Path
    codes: list[str] = field(default_factory=list)
    sheet: Path | None = None
    manifest: Path | None = None
    pages: int = 0

    @property
    def count(self) -> int:
        return len(self.codes)

    def png(self, code: str) -> Path:
        return self.out_dir / f"{code}.png"

    def svg(self, code: str) -> Path:
        return self.out_dir / f"{code}.svg"


@dataclass(frozen=True)
class _Printed:
    code: str
    name: str
    institution: str
    category: str
    payload: str


def select_attendees(event: Event, codes: Iterable[str] | None = None) -> list[Attendee]:
    """Every attendee of the event ordered by code, or just CODES (in the order given).

    An unknown code raises UnknownAttendee naming it, before anything is written.
    """
    query = (Attendee.select(Attendee, Institution).join(Institution, JOIN.LEFT_OUTER)
             .where(Attendee.event == event))
    if codes is None:
        return list(query.order_by(Attendee.code))
    wanted = list(dict.fromkeys(code.strip().upper() for code in codes))
    found = {attendee.code: attendee for attendee in query.where(Attendee.code.in_(wanted))} if wanted else {}
    unknown = [code for code in wanted if code not in found]
    if unknown:
        named, slug = ", ".join(f"'{code}'" for code in unknown), event.slug
        raise UnknownAttendee(Phrase.of(lambda lang: tn(
            "error.badges.unknown_code", "error.badges.unknown_codes", len(unknown), lang, slug=slug, codes=named)))
    return [found[code] for code in wanted]


def make_qr(payload: str, border: int = BORDER) -> qrcode.QRCode:
    """The QR code for PAYLOAD, its matrix built once (error correction M, smallest version)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, box_size=BOX_SIZE, border=border)
    code.add_data(payload)
    code.make(fit=True)
    return code


def write_badges(event: Event, attendees: Iterable[Attendee], out_dir: Path,
                 progress: Progress | None = None) -> BadgeRun:
    """Write DIR/CODE.png, DIR/CODE.svg for each attendee, then DIR/sheet.html and DIR/manifest.csv.

    DIR is made if missing; files of the same codes are overwritten. The sheet and the manifest are
    written to a temporary file and renamed, so neither is ever left half-written.
    PROGRESS, if given, is called as progress(done, total) after each attendee.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    attendees = list(attendees)
    total = len(attendees)
    run = BadgeRun(out_dir)
    printed: list[_Printed] = []
    for done, attendee in enumerate(attendees, start=1):
        payload = payload_for(event, attendee)
        write_images(run, attendee.code, payload)
        printed.append(_Printed(
            code=attendee.code,
            name=attendee.name,
            institution=attendee.institution.name if attendee.institution_id else "",
            category=i18n.t(f"category.{attendee.category}", "id"),
            payload=payload,
        ))
        if progress is not None:
            progress(done, total)
    manifest = [(badge.code, badge.name, badge.institution, badge.payload) for badge in printed]
    return finish_run(run, sheet_html(event, printed), BADGES_PER_PAGE, MANIFEST_HEADER, manifest)


def write_images(run: BadgeRun, code: str, payload: str) -> None:
    """CODE.png and CODE.svg of PAYLOAD's QR code (one matrix, two images); CODE counted in RUN."""
    matrix = make_qr(payload)
    matrix.make_image(image_factory=PilImage).save(str(run.png(code)))
    matrix.make_image(image_factory=SvgPathImage).save(str(run.svg(code)))
    run.codes.append(code)


def finish_run(run: BadgeRun, sheet: str, per_page: int, header: tuple[str, ...], rows: list[tuple]) -> BadgeRun:
    """Write the print sheet and the manifest of RUN, each whole."""
    run.sheet, run.manifest = run.out_dir / SHEET, run.out_dir / MANIFEST
    run.pages = (run.count + per_page - 1) // per_page
    replace_file(run.sheet, lambda stream: stream.write(sheet))
    write_csv(run.manifest, header, rows)
    return run


SHEET_STYLE = """\
@page { size: A4; margin: 10mm }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0 }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #000;
       -webkit-print-color-adjust: exact; print-color-adjust: exact }
.page { display: flex; flex-wrap: wrap; align-content: flex-start; width: 190mm; height: 276mm;
        overflow: hidden; page-break-after: always; break-after: page }
.page:last-child { page-break-after: auto; break-after: auto }
.badge { position: relative; flex: none; width: 95mm; height: 69mm; padding: 4mm; overflow: hidden;
         border: 0.3mm dashed #888; page-break-inside: avoid; break-inside: avoid }
.event { margin: 0 0 2.5mm; padding-bottom: 1.5mm; border-bottom: 0.4mm solid #000; font-size: 8pt;
         line-height: 1.2; letter-spacing: 0.03em; text-transform: uppercase; overflow-wrap: anywhere }
.who { margin-right: 37mm; max-height: 43mm; overflow: hidden }
.name { margin: 0 0 2mm; font-size: 16pt; font-weight: 700; line-height: 1.15; overflow-wrap: break-word }
.name.long { font-size: 13pt }
.institution { margin: 0; font-size: 9pt; line-height: 1.25; overflow-wrap: break-word }
.category { position: absolute; left: 4mm; bottom: 4mm; margin: 0; padding: 0.8mm 2.5mm; background: #000;
            color: #fff; font-size: 10pt; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase }
.qr { position: absolute; right: 4mm; bottom: 3mm; width: 34mm; text-align: center }
.qr img { display: block; width: 34mm; height: 34mm }
.qr .code { font-size: 7pt; font-family: "DejaVu Sans Mono", monospace; letter-spacing: 0.05em }
@media screen {
  body { background: #ddd }
  .page { margin: 8mm auto; background: #fff; box-shadow: 0 0 3mm rgba(0, 0, 0, 0.3) }
}
"""


def sheet_html(event: Event, printed: list[_Printed]) -> str:
    """The printable sheet: A4 pages of eight badges (2 x 4), every text HTML-escaped."""
    esc = html.escape
    pages = [printed[start:start + BADGES_PER_PAGE] for start in range(0, len(printed), BADGES_PER_PAGE)]
    out = [
        "<!DOCTYPE html>",
        '<html lang="id">',
        "<head>",
        '<meta charset="utf-8">',
        f"<title>Badge — {esc(event.name)}</title>",
        f"<style>\n{SHEET_STYLE}</style>",
        "</head>",
        "<body>",
    ]
    for number, page in enumerate(pages, start=1):
        out.append(f'<section class="page" data-page="{number}">')
        for badge in page:
            code = esc(badge.code)
            out.append(
                f'<article class="badge" data-code="{code}">'
                f'<p class="event">{esc(event.name)}</p>'
                f'<div class="who"><h1 class="{name_class(badge.name)}">{esc(badge.name)}</h1>'
                f'<p class="institution">{esc(badge.institution)}</p></div>'
                f'<p class="category">{esc(badge.category)}</p>'
                f'<div class="qr"><img src="{esc(badge.code + ".svg")}" alt="QR {code}">'
                f'<div class="code">{code}</div></div>'
                "</article>"
            )
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def name_class(name: str) -> str:
    """'name', or 'name long' (a smaller size) for a name that would not fit in three lines or has a long word."""
    longest_word = max((len(word) for word in name.split()), default=0)
    return "name long" if len(name) > LONG_NAME or longest_word > LONG_WORD else "name"


LIGHT_BOTH, LIGHT_TOP, LIGHT_BOTTOM, DARK_BOTH = "█", "▀", "▄", " "


def qr_lines(payload: str) -> list[str]:
    """The QR code for PAYLOAD as terminal text: two modules per cell, a 2-module quiet zone.

    Drawn inverted, for a light-on-dark terminal: LIGHT modules (and the quiet zone) are the
    blocks (the terminal's light foreground), DARK modules are blanks (its dark background).
    So on a dark-background terminal a phone sees the usual dark-on-light code. Each cell stacks
    two rows: '█' both light, '▀' top light only, '▄' bottom light only, ' ' both dark. An odd
    last row is paired with a dark (blank) row. Every line has the same width; a version-2 code
    (25 modules) is 29 columns by 15 lines.
    """
    matrix = make_qr(payload, border=TERMINAL_BORDER).get_matrix()  # True = dark module
    width = len(matrix[0])
    if len(matrix) % 2:
        matrix = [*matrix, [True] * width]
    cells = {(True, True): LIGHT_BOTH, (True, False): LIGHT_TOP, (False, True): LIGHT_BOTTOM,
             (False, False): DARK_BOTH}
    return ["".join(cells[(not top[x], not bottom[x])] for x in range(width))
            for top, bottom in zip(matrix[0::2], matrix[1::2])]


def progress_line(done: int, total: int, width: int = 30) -> str:
    """'[#########.....................] 600/2046', for a progress bar on a terminal."""
    filled = width if total <= 0 else min(width, done * width // total)
    return f"[{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
