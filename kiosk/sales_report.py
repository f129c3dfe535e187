"""A day's sales per stall, for the end-of-day slips: counts, revenue and the split by payment method
(voided sales left out of every figure), and the voided sales listed with who voided them and why.

A day is a local day in the event's zone: its bounds are converted to UTC, the zone the sales are
stored in, so a sale at 23:30 WIB belongs to that day although it is 16:30 UTC. A sale belongs to
the day it was made, whenever it was voided. Money is whole rupiah throughout. Live sales flagged for
the stall (recorded past the stock after a store failure) are listed too, so the stall can count.
The printed slip makes the names in it inert (kiosk.text): it goes to a terminal.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from babel.lists import format_list
from peewee import fn

from kiosk.clock import in_zone, zone_label
from kiosk.errors import Refused
from kiosk.i18n import N_, locale, long_date, money, number, t, tn
from kiosk.text import inert
from models import PAYMENT_METHODS, Event, Product, Sale, Stall


@dataclass(frozen=True)
class VoidedSale:
    sale_id: int
    at: datetime  # when it was sold, in the event's zone
    product_code: str
    product: str
    quantity: int
    total: int
    seller: str
    voided_at: datetime  # in the event's zone
    voided_by: str
    reason: str


@dataclass(frozen=True)
class FlaggedSale:
    sale_id: int
    at: datetime  # in the event's zone
    product_code: str
    product: str
    quantity: int
    total: int
    seller: str
    flag: str  # models.sales.PAST_STOCK


@dataclass(frozen=True)
class StallDay:
    code: str
    name: str
    sales: int = 0  # live (not voided) sales
    items: int = 0
    revenue: int = 0
    by_method: dict[str, int] = field(default_factory=lambda: dict.fromkeys(PAYMENT_METHODS, 0))
    voids: list[VoidedSale] = field(default_factory=list)
    flagged: list[FlaggedSale] = field(default_factory=list)  # live sales flagged for the stall


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The local DAY in ZONE as aware moments [start, end): its midnight and the next day's (the
    store compares them in UTC, as sales are stored)."""
    return (datetime.combine(day, time(0), tzinfo=zone),
            datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone))


def day_report(event: Event, day: date, zone: ZoneInfo, stall: Stall | None = None) -> list[StallDay]:
    """Every stall of the event (or STALL alone), by code, with its sales of the local DAY in ZONE."""
    start, end = day_bounds(day, zone)
    stalls = Stall.select().where(Stall.event == event).order_by(Stall.code)
    if stall is not None:
        stalls = stalls.where(Stall.id == stall.id)
    stalls = list(stalls)
    in_day = (Stall.event == event) & (Sale.at >= start) & (Sale.at < end)
    if stall is not None:
        in_day &= Sale.stall == stall.id

    figures: dict[int, dict] = {s.id: {"sales": 0, "items": 0, "revenue": 0,
                                       "by_method": dict.fromkeys(PAYMENT_METHODS, 0)} for s in stalls}
    live = (Sale.select(Sale.stall, Sale.method, fn.COUNT(Sale.id), fn.SUM(Sale.quantity), fn.SUM(Sale.total))
            .join(Stall).where(in_day & Sale.voided_at.is_null())
            .group_by(Sale.stall, Sale.method).tuples())
    for stall_id, method, sales, items, revenue in live:
        counted = figures[stall_id]
        counted["sales"] += int(sales)
        counted["items"] += int(items or 0)
        counted["revenue"] += int(revenue or 0)
        counted["by_method"][method] = counted["by_method"].get(method, 0) + int(revenue or 0)

    voids: dict[int, list[VoidedSale]] = {s.id: [] for s in stalls}
    voided = (Sale.select(Sale, Product).join(Product).switch(Sale).join(Stall)
              .where(in_day & Sale.voided_at.is_null(False)).order_by(Sale.at, Sale.id))
    for sale in voided:
        voids[sale.stall_id].append(VoidedSale(
            sale.id, in_zone(sale.at, zone), sale.product.code, sale.product.name, sale.quantity, sale.total,
            sale.seller, in_zone(sale.voided_at, zone), sale.voided_by, sale.void_reason))

    flagged: dict[int, list[FlaggedSale]] = {s.id: [] for s in stalls}
    marked = (Sale.select(Sale, Product).join(Product).switch(Sale).join(Stall)
              .where(in_day & Sale.voided_at.is_null() & (Sale.flag != "")).order_by(Sale.at, Sale.id))
    for sale in marked:
        flagged[sale.stall_id].append(FlaggedSale(
            sale.id, in_zone(sale.at, zone), sale.product.code, sale.product.name, sale.quantity, sale.total,
            sale.seller, sale.flag))

    return [StallDay(s.code, s.name, voids=voids[s.id], flagged=flagged[s.id], **figures[s.id]) for s in stalls]


def stall_day(event: Event, stall_id: int, day: date, zone: ZoneInfo) -> StallDay:
    """The slip of one stall (by id) for the local DAY in ZONE, as the selling screen shows it."""
    stall = Stall.get_or_none((Stall.id == stall_id) & (Stall.event == event))
    if stall is None:
        raise Refused(N_("error.no_stall"))
    (only,) = day_report(event, day, zone, stall)
    return only


def is_event_day(event: Event, day: date) -> bool:
    return day.isoformat() in event.day_list


def sales_made(event: Event, day: date, zone: ZoneInfo, stall: Stall | None = None) -> int:
    """How many sales (voided ones too) were made on the local DAY in ZONE, by STALL if given."""
    start, end = day_bounds(day, zone)
    query = Sale.select().join(Stall).where((Stall.event == event) & (Sale.at >= start) & (Sale.at < end))
    return (query.where(Sale.stall == stall.id) if stall is not None else query).count()


def not_an_event_day(event: Event, day: date, zone: ZoneInfo, today: bool, made: int = 0,
                     lang: str | None = None) -> str:
    """The sentence for slips asked of DAY, which is not one of the event's days: said instead of
    slips of zero sales, or (MADE sales were made that day all the same) before them."""
    days = event.day_list
    values = dict(day=long_date(day, lang), zone=zone_label(zone, day_bounds(day, zone)[0]), name=inert(event.name),
                  slug=event.slug, days=event_days(event, lang), n=number(made, lang))
    if made and today:
        return tn("cli.slip.sold_today_anyway", "cli.slip.sold_today_anyway_plural", made, lang, **values)
    if made:
        return tn("cli.slip.sold_anyway", "cli.slip.sold_anyway_plural", made, lang, **values)
    if today:
        return t("cli.slip.not_event_day_today", lang, first=days[0] if days else "YYYY-MM-DD", **values)
    return t("cli.slip.not_event_day", lang, **values)


def event_days(event: Event, lang: str | None = None) -> str:
    """The event's days as dates in words, listed ("Kamis, 5 Juli 2018 dan Jumat, 6 Juli 2018")."""
    days = [long_date(date.fromisoformat(day), lang) for day in event.day_list]
    return format_list(days, locale=locale(lang)) if days else t("cli.none", lang)


def event_total(days: list[StallDay]) -> StallDay:
    """The stalls' figures added up (voids of every stall, in time order)."""
    by_method = dict.fromkeys(PAYMENT_METHODS, 0)
    for stall_day in days:
        for method, revenue in stall_day.by_method.items():
            by_method[method] = by_method.get(method, 0) + revenue
    return StallDay(
        code="", name="",
        sales=sum(d.sales for d in days),
        items=sum(d.items for d in days),
        revenue=sum(d.revenue for d in days),
        by_method=by_method,
        voids=sorted((v for d in days for v in d.voids), key=lambda v: (v.at, v.sale_id)),
        flagged=sorted((f for d in days for f in d.flagged), key=lambda f: (f.at, f.sale_id)),
    )


# --- the printed slip ---------------------------------------------------------------------------------


def slip_lines(event: Event, day: date, zone: ZoneInfo, days: list[StallDay], lang: str | None = None) -> list[str]:
    """The plain-text slips of DAYS (one block per stall), then the grand total line, in LANG (the
    current language by default)."""
    start, _ = day_bounds(day, zone)
    lines = [t("cli.slip.title", lang, name=inert(event.name), slug=event.slug, day=long_date(day, lang),
               zone=zone_label(zone, start))]
    for stall_day in days:
        lines += ["", *stall_slip(stall_day, lang)]
    total = event_total(days)
    voids = len(total.voids)
    lines += ["", t("cli.slip.total", lang, stalls=tn("cli.slip.stall", "cli.slip.stalls", len(days), lang,
                                                      n=number(len(days), lang)),
                    counts=_counts(total, lang), revenue=money(total.revenue, lang), split=_split(total, lang),
                    voids=tn("cli.slip.void", "cli.slip.voids", voids, lang, n=number(voids, lang)))]
    return lines


# The payment methods' names on the slip (models.PAYMENT_METHODS).
METHOD_KEYS = {"cash": N_("cli.slip.method.cash"), "qris": N_("cli.slip.method.qris"),
               "transfer": N_("cli.slip.method.transfer")}


def method_name(method: str, lang: str | None = None) -> str:
    return t(METHOD_KEYS[method], lang) if method in METHOD_KEYS else inert(method)


def stall_slip(stall_day: StallDay, lang: str | None = None) -> list[str]:
    lines = [f"{inert(stall_day.code)}  {inert(stall_day.name)}",
             f"  {_counts(stall_day, lang)}: {money(stall_day.revenue, lang)}"]
    amounts = {method_name(method, lang): money(revenue, lang) for method, revenue in stall_day.by_method.items()}
    width = max(len(text) for text in amounts.values())
    label = max(len(method) for method in amounts)
    lines += [f"  {method.ljust(label)}  {text.rjust(width)}" for method, text in amounts.items()]
    flagged = len(stall_day.flagged)
    if flagged:
        lines.append("  " + tn("cli.slip.past_stock", "cli.slip.past_stock_plural", flagged, lang,
                               n=number(flagged, lang)))
        for sale in stall_day.flagged:
            lines.append("    " + t("cli.slip.flag_line", lang, time=f"{sale.at:%H:%M}", code=inert(sale.product_code),
                                    product=inert(sale.product), quantity=sale.quantity,
                                    total=money(sale.total, lang), seller=inert(sale.seller)))
    voids = len(stall_day.voids)
    if not voids:
        lines.append("  " + t("cli.slip.no_voids", lang))
        return lines
    lines.append("  " + tn("cli.slip.voids_head", "cli.slip.voids_head_plural", voids, lang, n=number(voids, lang)))
    for void in stall_day.voids:
        lines.append("    " + t("cli.slip.void_line", lang, time=f"{void.at:%H:%M}", code=inert(void.product_code),
                                product=inert(void.product), quantity=void.quantity, total=money(void.total, lang),
                                seller=inert(void.seller), who=inert(void.voided_by), at=_void_time(void),
                                reason=inert(void.reason)))
    return lines


def _void_time(void: VoidedSale) -> str:
    """HH:MM, with the date when the sale was voided on a later day."""
    return f"{void.voided_at:%H:%M}" if void.voided_at.date() == void.at.date() else f"{void.voided_at:%Y-%m-%d %H:%M}"


def _counts(stall_day: StallDay, lang: str | None = None) -> str:
    sales = tn("cli.slip.sale", "cli.slip.sales", stall_day.sales, lang, n=number(stall_day.sales, lang))
    items = tn("cli.slip.item", "cli.slip.items", stall_day.items, lang, n=number(stall_day.items, lang))
    return f"{sales}, {items}"


def _split(stall_day: StallDay, lang: str | None = None) -> str:
    return ", ".join(f"{method_name(method, lang)} {money(revenue, lang)}"
                     for method, revenue in stall_day.by_method.items())
