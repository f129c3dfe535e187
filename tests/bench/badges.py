"""badges: writing 2,000 badges (PNG + SVG each, the A4 sheet and the manifest) with
kiosk.badges.write_badges, total seconds.

Baseline: the same 2,000 payloads as plain QR PNGs, `qrcode.make(payload).save(path)`, in the
same run. (The product writes two images per badge and the sheet, so a ratio near 2 is the
floor; no target is set.)
"""
from __future__ import annotations

import time

from tests.bench.common import figure, note, temp_store


def run(quick: bool) -> None:
    import qrcode

    from kiosk.badges import select_attendees, write_badges

    count = 200 if quick else 2_000
    with temp_store(count) as store:
        note(f"badges: {count} badges")
        attendees = select_attendees(store.event, store.codes)
        started = time.perf_counter()
        written = write_badges(store.event, attendees, store.folder / "badges")
        product = time.perf_counter() - started
        if written.count != count:
            raise RuntimeError(f"write_badges wrote {written.count} of {count} badges")
        payloads = [store.payload(code) for code in store.codes]
        plain = store.folder / "plain"
        plain.mkdir()
        started = time.perf_counter()
        for code, payload in zip(store.codes, payloads):
            qrcode.make(payload).save(str(plain / f"{code}.png"))
        baseline = time.perf_counter() - started
    figure("badges", product, "s", baseline)
