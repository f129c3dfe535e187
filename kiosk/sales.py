"""Recording and voiding stall sales. Every sale is one transaction that also moves the stock and the
running totals the board reads, so the board never sums a million rows and always agrees with them.
A terminal-made request id makes a retried sale harmless; a void keeps the row."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime

from peewee import IntegrityError

from kiosk.audit import record
from kiosk.errors import Refused
from kiosk.clock import to_utc
from kiosk.store import is_postgres, new_request_id, write
from models import PAYMENT_METHODS, Event, Product, Sale, Stall, database

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


def find_product(event: Event, text: str, stall: Stall | None = None) -> Product:
    """The product a scan or a typed code names (label prefix optional), on STALL if given."""
    code = text.strip().upper()
    if code.startswith(BADGE_PREFIX):
        raise SaleError("error.badge_not_product")
    code = code.removeprefix(LABEL_PREFIX)
    product = Product.get_or_none((Product.event == event) & (Product.code == code)) if code else None
    if product is None:
        raise SaleError("error.unknown_product", code=code[:20])
    if stall is not None and product.stall_id != stall.id:
        raise SaleError("error.other_stall", code=code)
    return product


def parse_quantity(text: str) -> int:
    text = text.strip() or "1"
    if not re.fullmatch(r"[0-9]{1,3}", text) or int(text) == 0:
        raise SaleError("error.quantity", most=MAX_QUANTITY)
    return int(text)


def record_sale(product: Product, quantity: int, method: str, reference: str, seller: str, terminal: str,
                now: datetime, request_id: str | None = None, oversell: bool = False) -> Recorded:
    """Record a sale once. Raises OutOfStock (nothing written) when the stock is short, unless OVERSELL."""
    if method not in PAYMENT_METHODS:
        raise SaleError("error.method", methods=", ".join(PAYMENT_METHODS))
    if not 0 < quantity <= MAX_QUANTITY:
        raise SaleError("error.quantity", most=MAX_QUANTITY)
    at, request_id = to_utc(now), request_id or new_request_id()
    sale = Sale(stall=product.stall_id, product=product, quantity=quantity, unit_price=product.price,
                total=quantity * product.price, method=method,
                reference=reference.strip() if method != "cash" else "", at=at, seller=seller, terminal=terminal,
                request_id=request_id)
    try:
        with write():
            sale.id = _insert_sale(sale)
            _take_stock(product, quantity, oversell)
            _add_to_totals(product, quantity, sale.total, at)
    except IntegrityError:
        return Recorded(Sale.get(Sale.request_id == request_id), retried=True)
    return Recorded(sale)


def void_sale(sale: Sale, staff: str, reason: str, now: datetime) -> Sale:
    """Take a sale back: kept, marked void with who and why; stock and totals restored."""
    if not reason.strip():
        raise SaleError("error.reason")
    with write():
        changed = (Sale.update(voided_at=to_utc(now), voided_by=staff, void_reason=reason.strip())
                   .where((Sale.id == sale.id) & Sale.voided_at.is_null()).execute())
        if not changed:
            raise SaleError("error.already_void")
        product = Product.get_by_id(sale.product_id)
        _give_stock_back(product, sale.quantity)
        _add_to_totals(product, -sale.quantity, -sale.total, sale.at)
        record(staff, "sale.void", str(sale.id), f"{product.code} x{sale.quantity}: {reason.strip()}")
    return Sale.get_by_id(sale.id)


# The statements of a sale are written out once (as for check-ins): building them with Peewee for
# every sale cost more than running them. ON CONFLICT works on SQLite 3.24+ and PostgreSQL.
SALE_COLUMNS = ("stall_id", "product_id", "quantity", "unit_price", "total", "method", "reference", "at",
                "seller", "terminal", "request_id", "voided_by", "void_reason")
STATEMENTS = {
    "sale": 'INSERT INTO "sale" ({columns}) VALUES ({params})',
    "stock": 'UPDATE "product" SET "stock" = "stock" - {p} WHERE "id" = {p} AND "stock" IS NOT NULL',
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
              sale.reference, Sale.at.db_value(sale.at), sale.seller, sale.terminal, sale.request_id, "", "")
    if is_postgres():  # ask for the new id
        sql = _statements(database.param)["sale"] + ' RETURNING "id"'
        return database.execute_sql(sql, values).fetchone()[0]
    return _run("sale", values).lastrowid


def _take_stock(product: Product, quantity: int, oversell: bool) -> None:
    if product.stock is None:
        return
    if oversell:
        _run("stock", (quantity, product.id))
    elif _run("stock_if_enough", (quantity, product.id, quantity)).rowcount == 0:
        left = Product.get_by_id(product.id).stock
        raise OutOfStock("error.out_of_stock", name=product.name, left=max(left or 0, 0))


def _give_stock_back(product: Product, quantity: int) -> None:
    if product.stock is not None:
        _run("stock", (-quantity, product.id))


def _add_to_totals(product: Product, quantity: int, total: int, at: datetime) -> None:
    hour = Sale.at.db_value(at.replace(minute=0, second=0, microsecond=0))
    sales = 1 if quantity > 0 else -1
    _run("stall_total", (product.stall_id, total, quantity, sales))
    _run("stall_hour", (product.stall_id, hour, total, quantity))
    _run("product_total", (product.id, total, quantity))


def sales_of_stall(stall: Stall, day_start: datetime, day_end: datetime, limit: int | None = None) -> list[Sale]:
    """The stall's sales between two UTC moments, newest first, voids included."""
    query = (Sale.select(Sale, Product).join(Product)
             .where((Sale.stall == stall) & (Sale.at >= day_start) & (Sale.at < day_end))
             .order_by(Sale.id.desc()))
    return list(query.limit(limit) if limit else query)
