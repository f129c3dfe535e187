"""Stalls and their products: stalls.csv and products.csv (both optional)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kiosk.importer.fields import INSTITUTION_CODE, code_problem, name_problem
from kiosk.importer.problems import Problems
from kiosk.importer.sources import Row, read_csv
from kiosk.search import upper_code

STALLS = "stalls.csv"
PRODUCTS = "products.csv"
WHOLE_NUMBER = re.compile(r"[0-9]+")


@dataclass
class StallPlan:
    code: str
    name: str
    institution: str  # an institution code, or ""
    location: str


@dataclass
class ProductPlan:
    code: str
    stall: str  # a stall code
    name: str
    price: int
    stock: int | None


def rupiah_problem(text: str, what: str) -> str | None:
    """Whole rupiah, digits only: '12.500' and '12500,50' are refused, not guessed at."""
    if not text:
        return f"missing {what}"
    if text.startswith("-"):
        return f"'{text}' must not be negative"
    if not WHOLE_NUMBER.fullmatch(text):
        digits = re.sub(r"[^0-9]", "", text.split(",")[0])
        hint = f" such as {digits}" if digits else ""
        return f"'{text}' must be whole rupiah in digits only, without dots or commas{hint}"
    return None


def count_problem(text: str) -> str | None:
    """An optional count (stock): blank, or a whole number of zero or more."""
    if not text:
        return None
    if text.startswith("-"):
        return f"'{text}' must not be negative"
    return None if WHOLE_NUMBER.fullmatch(text) else f"'{text}' must be a whole number"


def read_stalls(folder: Path, institution_codes: set[str] | None, problems: Problems) -> list[StallPlan] | None:
    """The stalls ([] without a stalls.csv), or None when the file is unusable."""
    if not (folder / STALLS).exists():
        return []
    rows = read_csv(folder / STALLS, ("code", "name"), ("institution", "location"), problems)
    if rows is None:
        return None
    stalls, codes = [], set()
    for row in rows:
        stall = _stall(row, institution_codes, problems)
        if stall.code in codes:
            problems.add(STALLS, row.line, "code", f"duplicate code '{stall.code}'")
        codes.add(stall.code)
        stalls.append(stall)
    return stalls


def _stall(row: Row, institution_codes: set[str] | None, problems: Problems) -> StallPlan:
    code, name, institution = upper_code(row.get("code")), row.get("name"), upper_code(row.get("institution"))
    for column, reason in (("code", code_problem(code, INSTITUTION_CODE, 16)), ("name", name_problem(name))):
        if reason:
            problems.add(STALLS, row.line, column, reason)
    if institution and institution_codes is not None and institution not in institution_codes:
        problems.add(STALLS, row.line, "institution", f"unknown institution '{institution}'")
    return StallPlan(code, name, institution, row.get("location"))


def read_products(folder: Path, stall_codes: set[str] | None, problems: Problems) -> list[ProductPlan]:
    if not (folder / PRODUCTS).exists():
        return []
    rows = read_csv(folder / PRODUCTS, ("code", "stall", "name", "price"), ("stock",), problems)
    products, codes = [], set()
    for row in rows or []:
        product = _product(row, stall_codes, problems)
        if product.code in codes:
            problems.add(PRODUCTS, row.line, "code", f"duplicate code '{product.code}'")
        codes.add(product.code)
        products.append(product)
    return products


def _product(row: Row, stall_codes: set[str] | None, problems: Problems) -> ProductPlan:
    def report(column: str, reason: str | None) -> None:
        if reason:
            problems.add(PRODUCTS, row.line, column, reason)

    code, stall = upper_code(row.get("code")), upper_code(row.get("stall"))
    report("code", code_problem(code, INSTITUTION_CODE, 16))
    report("name", name_problem(row.get("name")))
    if stall_codes is not None and stall not in stall_codes:
        report("stall", f"unknown stall '{stall}' (not in {STALLS})")
    price_text, stock_text = row.get("price"), row.get("stock")
    report("price", rupiah_problem(price_text, "price"))
    report("stock", count_problem(stock_text))
    price = int(price_text) if WHOLE_NUMBER.fullmatch(price_text) else 0
    stock = int(stock_text) if WHOLE_NUMBER.fullmatch(stock_text) else None
    return ProductPlan(code, stall, row.get("name"), price, stock)
