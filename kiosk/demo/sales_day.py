"""A day of invented sales at the demo's stalls, so the sales board is alive when the demo opens.

`seed_demo_sales(event, until)` records the first day's sales from 10:00 (when the stalls open) up to
UNTIL, through the real use case `kiosk.sales.record_sale`: totals, stock and the hourly figures are
kept exactly as a seller's terminal keeps them. The whole day is planned first, from one seeded
random generator and the stock each product had before any sale, so the plan never depends on UNTIL
or on what was recorded already; each planned sale has a fixed request id, so a second run (or a
later UNTIL) records only what is new. Every sale is invented, as the demo folder's README says.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from peewee import fn

from kiosk.sales import OutOfStock, record_sale
from models import PAYMENT_METHODS, Event, Institution, Product, Sale, Stall

SEED = 20180705
OPENS = time(10, 0)
# Sales started in each hour from 10:00 to 20:00 (the stalls close at 21:00): a lunch peak after the
# morning classes, a lull during the opening plenary, the evening crowd of the mall.
HOURLY = (110, 125, 145, 120, 105, 115, 130, 140, 150, 140, 125)
JITTER = 0.1  # each hour's count varies by up to this fraction
METHOD_WEIGHTS = (60, 30, 10)
TERMINAL = "demo"
STAR = "KAB-GUNUNGKIDUL"  # the best stall of the article draws more buyers than most
STAR_POPULARITY = 4.0  # a third place most of the day, the first by the evening
SPREAD = 0.55  # the others draw log-normally around 1: most between 0.4 and 2.5, the luckiest about 3.5
REQUEST_PREFIX = "demo-"


@dataclass(frozen=True)
class Item:
    """A product as the plan sees it: its stock before the first sale (None: not counted)."""
    id: int
    code: str
    stall: str
    price: int
    stock: int | None


@dataclass(frozen=True)
class Planned:
    number: int
    at: datetime  # in the event's zone
    product: int  # Item.id
    quantity: int
    method: str
    reference: str


def request_id(event: Event, number: int) -> str:
    return f"{REQUEST_PREFIX}{event.slug}-{number}"


def seed_demo_sales(event: Event, until: datetime) -> int:
    """Record the planned sales of the event's first day up to UNTIL (nothing after it); how many were new."""
    zone = ZoneInfo(event.time_zone)
    until = until.replace(tzinfo=zone) if until.tzinfo is None else until.astimezone(zone)
    items = items_of(event)
    if not items:
        return 0
    products = {product.id: product for product in Product.select().where(Product.event == event)}
    stall_of = {item.id: item.stall for item in items}
    prefix = f"{REQUEST_PREFIX}{event.slug}-"
    done = {rid for (rid,) in Sale.select(Sale.request_id).where(Sale.request_id.startswith(prefix)).tuples()}
    recorded = 0
    for sale in plan_day(items, date.fromisoformat(event.day_list[0]), zone, star=star_stall(event)):
        if sale.at > until:
            break
        if request_id(event, sale.number) in done:
            continue
        try:
            result = record_sale(products[sale.product], sale.quantity, sale.method, sale.reference,
                                 seller=stall_of[sale.product].lower(), terminal=TERMINAL, now=sale.at,
                                 request_id=request_id(event, sale.number))
        except OutOfStock:  # sold at a real terminal meanwhile: never oversell
            continue
        recorded += not result.retried
    return recorded


def items_of(event: Event) -> list[Item]:
    """The event's products by code, each with the stock it had before any sale (voids give stock back)."""
    sold = dict(Sale.select(Sale.product, fn.SUM(Sale.quantity)).join(Product)
                .where((Product.event == event) & Sale.voided_at.is_null()).group_by(Sale.product).tuples())
    query = Product.select(Product, Stall).join(Stall).where(Product.event == event).order_by(Product.code)
    return [Item(p.id, p.code, p.stall.code, p.price, None if p.stock is None else p.stock + (sold.get(p.id) or 0))
            for p in query]


def star_stall(event: Event) -> str | None:
    """The code of the stall of the article's best stall, if the event has one."""
    stall = (Stall.select(Stall.code).join(Institution)
             .where((Stall.event == event) & (Institution.code == STAR)).first())
    return stall.code if stall else None


def plan_day(items: list[Item], day: date, zone: ZoneInfo, star: str | None = None) -> list[Planned]:
    """The whole day's sales in time order, numbered from 1.

    Each sale: a moment in its hour, a stall by popularity (STAR, a stall code, draws STAR_POPULARITY),
    one of its products still in stock (cheap ones more often), a quantity (one of anything dear, never
    more than is left), and a payment method with a made-up reference.
    """
    rng = random.Random(SEED)
    stalls = sorted({item.stall for item in items})
    popularity = {code: rng.lognormvariate(0, SPREAD) for code in stalls}
    if star in popularity:
        popularity[star] = STAR_POPULARITY
    by_stall = {code: [item for item in items if item.stall == code] for code in stalls}
    left = {item.id: item.stock for item in items}
    weights = [popularity[code] for code in stalls]
    start = datetime.combine(day, OPENS, tzinfo=zone)
    planned: list[Planned] = []
    for hour, expected in enumerate(HOURLY):
        count = round(expected * rng.uniform(1 - JITTER, 1 + JITTER))
        for second in sorted(rng.randrange(3600) for _ in range(count)):
            at = start + timedelta(hours=hour, seconds=second)
            stall = rng.choices(stalls, weights)[0]
            quantity = pick_quantity(rng)
            choices = [item for item in by_stall[stall] if left[item.id] is None or left[item.id] >= 1]
            if not choices:
                continue  # sold out: the buyer walks on
            item = rng.choices(choices, [item.price ** -0.6 for item in choices])[0]
            if item.price >= 100000:
                quantity = 1
            if left[item.id] is not None:
                quantity = min(quantity, left[item.id])  # take what is left, never more
                left[item.id] -= quantity
            method = rng.choices(PAYMENT_METHODS, METHOD_WEIGHTS)[0]
            reference = {"cash": "", "qris": f"QRIS-{rng.randrange(16 ** 6):06X}",
                         "transfer": f"TRF-{rng.randrange(10 ** 6):06d}"}[method]
            planned.append(Planned(len(planned) + 1, at, item.id, quantity, method, reference))
    return planned


def pick_quantity(rng: random.Random) -> int:
    return rng.choices((1, 2, 3, 4), (70, 20, 7, 3))[0]
