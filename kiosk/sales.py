"""Recording and voiding stall sales. Every sale is one transaction that also moves the stock and the
running totals the board reads, so the board never sums a million rows and always agrees with them.
A terminal-made request id makes a retried sale harmless; a void keeps the row.

The selling screen reads `stall_sales` (plain views) on a store thread, checks what the seller typed
against it on the loop (`pick_product`, `parse_quantity`), and records through the app's writer with
`sell_product` and `void_sale_by_id`, which run on the writer's thread and hand back views too."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from peewee import Case, IntegrityError, fn

from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.clock import in_zone
from kiosk.sales_report import day_bounds
from kiosk.store import is_postgres, new_request_id, write
from kiosk.i18n import N_
from models import PAYMENT_METHODS, Event, Product, Sale, Stall, StallHour, database
from models.sales import PAST_STOCK

LABEL_PREFIX = "P:"  # a product label's QR code says P:CODE
BADGE_PREFIX = "B:"
MAX_QUANTITY = 999


class SaleError(Refused):
    """A sale or void that cannot be made, with a catalogue key."""


class OutOfStock(SaleError):
    """Selling more than the stock: the seller may confirm and sell anyway."""


@dataclass(frozen=True)
class Recorded:
    sale: Sale
    retried: bool = False  # this request had been recorded before: nothing new was written


def product_code(text: str) -> str:
    """The product code a scan or a typed code names (label prefix optional); a badge is refused."""
    code = text.strip().upper()
    if code.startswith(BADGE_PREFIX):
        raise SaleError(N_("error.badge_not_product"))
    return code.removeprefix(LABEL_PREFIX)


def find_product(event: Event, text: str, stall: Stall | None = None) -> Product:
    """The product a scan or a typed code names (label prefix optional), on STALL if given."""
    code = product_code(text)
    product = Product.get_or_none((Product.event == event) & (Product.code == code)) if code else None
    if product is None:
        raise SaleError(N_("error.unknown_product"), code=code[:20])
    if stall is not None and product.stall_id != stall.id:
        raise SaleError(N_("error.other_stall"), code=code)
    return product


def parse_quantity(text: str) -> int:
    """A whole number of items, 1 to MAX_QUANTITY, written with the digits 0-9 (blank: 1)."""
    text = text.strip() or "1"
    if not re.fullmatch(r"[0-9]{1,3}", text) or int(text) == 0:
        raise SaleError(N_("error.quantity"), most=MAX_QUANTITY)
    return int(text)


def record_sale(product: Product, quantity: int, method: str, reference: str, seller: str, terminal: str,
                now: datetime, request_id: str | None = None, oversell: bool = False,
                replayed: bool = False) -> Recorded:
    """Record a sale once. Raises OutOfStock (nothing written) when the stock is short, unless OVERSELL.
    A REPLAYED sale (tried again after a store failure: the money was taken meanwhile) that meets
    short stock is recorded all the same and flagged PAST_STOCK for the stall."""
    if method not in PAYMENT_METHODS:
        raise SaleError(N_("error.method"), methods=", ".join(PAYMENT_METHODS))
    if not 0 < quantity <= MAX_QUANTITY:
        raise SaleError(N_("error.quantity"), most=MAX_QUANTITY)
    at, request_id = now, request_id or new_request_id()
    sale = Sale(stall=product.stall_id, product=product, quantity=quantity, unit_price=product.price,
                total=quantity * product.price, method=method,
                reference=reference.strip() if method != "cash" else "", at=at, seller=seller, terminal=terminal,
                request_id=request_id)
    try:
        with write():
            sale.id = _insert_sale(sale)
            if _take_stock(product, quantity, oversell, replayed):
                _run("flag", (PAST_STOCK, sale.id))
                sale.flag = PAST_STOCK
            _add_to_totals(product, quantity, sale.total, at)
    except IntegrityError:
        return Recorded(Sale.get(Sale.request_id == request_id), retried=True)
    return Recorded(sale)


def void_sale(sale: Sale, staff: str, reason: str, now: datetime) -> Sale:
    """Take a sale back: kept, marked void with who and why; stock and totals restored."""
    if not reason.strip():
        raise SaleError(N_("error.reason"))
    with write():
        changed = (Sale.update(voided_at=now, voided_by=staff, void_reason=reason.strip())
                   .where((Sale.id == sale.id) & Sale.voided_at.is_null()).execute())
        if not changed:
            raise SaleError(N_("error.already_void"))
        product = Product.get_by_id(sale.product_id)
        _give_stock_back(product, sale.quantity)
        _add_to_totals(product, -sale.quantity, -sale.total, sale.at)
        record(staff, "sale.void", str(sale.id), f"{product.code} x{sale.quantity}: {reason.strip()}")
    return Sale.get_by_id(sale.id)


# The statements of a sale are written out once (as for check-ins): building them with Peewee for
# every sale cost more than running them. ON CONFLICT works on SQLite 3.24+ and PostgreSQL.
SALE_COLUMNS = ("stall_id", "product_id", "quantity", "unit_price", "total", "method", "reference", "at",
                "seller", "terminal", "request_id", "voided_by", "void_reason", "flag")
STATEMENTS = {
    "sale": 'INSERT INTO "sale" ({columns}) VALUES ({params})',
    "stock": 'UPDATE "product" SET "stock" = "stock" - {p} WHERE "id" = {p} AND "stock" IS NOT NULL',
    "flag": 'UPDATE "sale" SET "flag" = {p} WHERE "id" = {p}',
    "stock_if_enough": 'UPDATE "product" SET "stock" = "stock" - {p} WHERE "id" = {p} AND "stock" IS NOT NULL '
                       'AND "stock" >= {p}',
    "stall_total": 'INSERT INTO "stall_total" ("stall_id", "revenue", "items", "sales") VALUES ({p}, {p}, {p}, {p}) '
                   'ON CONFLICT ("stall_id") DO UPDATE SET "revenue" = "stall_total"."revenue" + excluded."revenue", '
                   '"items" = "stall_total"."items" + excluded."items", '
                   '"sales" = "stall_total"."sales" + excluded."sales"',
    "stall_hour": 'INSERT INTO "stall_hour" ("stall_id", "hour", "revenue", "items") VALUES ({p}, {p}, {p}, {p}) '
                  'ON CONFLICT ("stall_id", "hour") DO UPDATE SET '
                  '"revenue" = "stall_hour"."revenue" + excluded."revenue", '
                  '"items" = "stall_hour"."items" + excluded."items"',
    "product_total": 'INSERT INTO "product_total" ("product_id", "revenue", "items") VALUES ({p}, {p}, {p}) '
                     'ON CONFLICT ("product_id") DO UPDATE SET '
                     '"revenue" = "product_total"."revenue" + excluded."revenue", '
                     '"items" = "product_total"."items" + excluded."items"',
}


@functools.cache
def _statements(param: str) -> dict[str, str]:
    columns = ", ".join(f'"{c}"' for c in SALE_COLUMNS)
    params = ", ".join([param] * len(SALE_COLUMNS))
    return {name: sql.format(p=param, columns=columns, params=params) for name, sql in STATEMENTS.items()}


def _run(name: str, values: tuple):
    return database.execute_sql(_statements(database.param)[name], values)


def _insert_sale(sale: Sale) -> int:
    values = (sale.stall_id, sale.product_id, sale.quantity, sale.unit_price, sale.total, sale.method,
              sale.reference, Sale.at.db_value(sale.at), sale.seller, sale.terminal, sale.request_id, "", "", "")
    if is_postgres():  # ask for the new id
        sql = _statements(database.param)["sale"] + ' RETURNING "id"'
        return database.execute_sql(sql, values).fetchone()[0]
    return _run("sale", values).lastrowid


def _take_stock(product: Product, quantity: int, oversell: bool, replayed: bool) -> bool:
    """Count the stock down; True when a replayed sale took more than was left."""
    if product.stock is None:
        return False
    if oversell:
        _run("stock", (quantity, product.id))
        return False
    if _run("stock_if_enough", (quantity, product.id, quantity)).rowcount:
        return False
    if replayed:
        _run("stock", (quantity, product.id))
        return True
    left = Product.get_by_id(product.id).stock
    raise OutOfStock(N_("error.out_of_stock"), name=product.name, left=max(left or 0, 0))


def _give_stock_back(product: Product, quantity: int) -> None:
    if product.stock is not None:
        _run("stock", (-quantity, product.id))


def _add_to_totals(product: Product, quantity: int, total: int, at: datetime) -> None:
    hour = StallHour.hour.db_value(at).replace(minute=0, second=0, microsecond=0)  # the UTC hour, as stored
    sales = 1 if quantity > 0 else -1
    _run("stall_total", (product.stall_id, total, quantity, sales))
    _run("stall_hour", (product.stall_id, hour, total, quantity))
    _run("product_total", (product.id, total, quantity))


# --- what the selling screen reads and records -----------------------------------------------------


@dataclass(frozen=True)
class ProductLine:
    id: int
    code: str
    name: str
    price: int
    stock: int | None  # None: not counted


@dataclass(frozen=True)
class SaleLine:
    id: int
    at: datetime  # when it was sold, in the event's zone
    product_code: str
    product: str
    quantity: int
    total: int
    method: str
    reference: str
    seller: str
    voided: bool
    voided_by: str = ""
    void_reason: str = ""
    flag: str = ""  # PAST_STOCK, or ""
    request_id: str = ""
    retried: bool = False  # recorded before (a retry after a lost reply): nothing new was written


@dataclass(frozen=True)
class StallSales:
    """A stall's products and its day: what the selling screen shows and checks a sale against."""

    stall_id: int
    code: str
    name: str
    products: tuple[ProductLine, ...]
    other_codes: frozenset[str]  # the codes of the event's other stalls' products
    latest: tuple[SaleLine, ...]  # the day's newest sales, voids included
    count: int  # the day's live (not voided) sales
    total: int
    flagged: int  # of the day's live sales, those flagged for the stall

    def product(self, code: str) -> ProductLine | None:
        return next((product for product in self.products if product.code == code), None)


@dataclass(frozen=True)
class StallChoice:
    id: int
    code: str
    name: str


def stall_choices(event: Event) -> tuple[StallChoice, ...]:
    """The event's stalls by code, for an admin to pick one to sell for."""
    query = Stall.select(Stall.id, Stall.code, Stall.name).where(Stall.event == event).order_by(Stall.code)
    return tuple(StallChoice(*row) for row in query.tuples())


def stall_sales(event: Event, stall_id: int, day: date, zone: ZoneInfo, limit: int) -> StallSales:
    """The stall's products and its sales of the local DAY in ZONE (the newest LIMIT of them)."""
    stall = Stall.get_or_none((Stall.id == stall_id) & (Stall.event == event))
    if stall is None:
        raise SaleError(N_("error.no_stall"))
    start, end = day_bounds(day, zone)
    products = tuple(ProductLine(p.id, p.code, p.name, p.price, p.stock)
                     for p in Product.select().where(Product.stall == stall).order_by(Product.code))
    others = frozenset(code for (code,) in Product.select(Product.code)
                       .where((Product.event == event) & (Product.stall != stall)).tuples())
    in_day = (Sale.stall == stall) & (Sale.at >= start) & (Sale.at < end)
    latest = (Sale.select(Sale, Product.code, Product.name).join(Product)
              .where(in_day).order_by(Sale.id.desc()).limit(limit))
    count, total, flagged = (Sale.select(fn.COUNT(Sale.id), fn.SUM(Sale.total),
                                         fn.SUM(Case(None, [(Sale.flag != "", 1)], 0)))
                             .where(in_day & Sale.voided_at.is_null()).tuples().get())
    return StallSales(stall.id, stall.code, stall.name, products, others,
                      tuple(sale_line(sale, sale.product.code, sale.product.name, zone) for sale in latest),
                      int(count or 0), int(total or 0), int(flagged or 0))


def pick_product(stall: StallSales, text: str) -> ProductLine:
    """The product of STALL that a scan or a typed code names; refused as find_product would."""
    code = product_code(text)
    product = stall.product(code) if code else None
    if product is not None:
        return product
    if code in stall.other_codes:
        raise SaleError(N_("error.other_stall"), code=code)
    raise SaleError(N_("error.unknown_product"), code=code[:20])


def sale_line(sale: Sale, product_code: str, product_name: str, zone: ZoneInfo, retried: bool = False) -> SaleLine:
    return SaleLine(sale.id, in_zone(sale.at, zone), product_code, product_name, sale.quantity, sale.total,
                    sale.method, sale.reference, sale.seller, sale.voided_at is not None, sale.voided_by,
                    sale.void_reason, sale.flag, sale.request_id, retried)


def sell_product(product_id: int, quantity: int, method: str, reference: str, seller: str, terminal: str,
                 at: datetime, request_id: str, oversell: bool = False, replayed: bool = False) -> SaleLine:
    """Record the sale made at AT (on the writer's thread, whenever the store answers)."""
    product = Product.get_or_none(Product.id == product_id)
    if product is None:
        raise SaleError(N_("error.unknown_product"), code="")
    recorded = record_sale(product, quantity, method, reference, seller, terminal, at, request_id,
                           oversell=oversell, replayed=replayed)
    return sale_line(recorded.sale, product.code, product.name, at.tzinfo, recorded.retried)


def void_sale_by_id(sale_id: int, staff: str, reason: str, at: datetime, replayed: bool = False) -> SaleLine:
    """Void the sale SALE_ID at AT. A REPLAYED void whose first try was recorded (its reply lost) is
    not refused as already voided."""
    sale = Sale.get_or_none(Sale.id == sale_id)
    if sale is None:
        raise SaleError(N_("error.no_sale"))
    if replayed and sale.voided_at is not None and (sale.voided_by, sale.void_reason) == (staff, reason.strip()):
        voided = sale
    else:
        voided = void_sale(sale, staff, reason, at)
    product = Product.get_by_id(voided.product_id)
    return sale_line(voided, product.code, product.name, at.tzinfo)
