"""The invariants, read from the store after the run and checked against what the workers logged."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timezone
from pathlib import Path


@dataclass
class Findings:
    lost: list[str] = field(default_factory=list)  # acknowledged, not (or no longer) in the store
    doubled: list[str] = field(default_factory=list)  # recorded twice, or two live check-ins
    wrong: list[str] = field(default_factory=list)  # totals or stock that do not add up (counted as lost)


def acknowledged(folder: Path) -> dict[str, list[str]]:
    """Every logged line's value, by its word (checkin, undo, sale, void, step, read)."""
    logged: dict[str, list[str]] = defaultdict(list)
    for log in sorted(folder.glob("*.log")):
        for line in complete_lines(log):
            word, *values = line.split()
            if values:
                logged[word].append(values[0])
    return logged


def complete_lines(log: Path) -> list[str]:
    """The lines of LOG that were written whole (a process killed mid-line acknowledged nothing)."""
    return [line[:-1] for line in log.read_text().splitlines(keepends=True) if line.endswith("\n")]


def check(folder: Path, initial_stock: dict[int, int]) -> Findings:
    from models import Checkin, Product, Sale

    logged, found = acknowledged(folder), Findings()
    checkins = {request: (undone is not None) for request, undone in
                Checkin.select(Checkin.request_id, Checkin.undone_at).tuples()}
    found.lost += [f"check-in {r}" for r in logged["checkin"] if r not in checkins]
    undone = {str(i) for (i,) in Checkin.select(Checkin.id).where(Checkin.undone_at.is_null(False)).tuples()}
    found.lost += [f"undo of check-in {i}" for i in logged["undo"] if i not in undone]
    live = Counter(Checkin.select(Checkin.checkin_list, Checkin.attendee).where(Checkin.undone_at.is_null()).tuples())
    found.doubled += [f"{n} live check-ins of attendee {a} on list {c}" for (c, a), n in live.items() if n > 1]
    requests = Counter(r for (r,) in Checkin.select(Checkin.request_id).tuples())
    found.doubled += [f"check-in request {r} x{n}" for r, n in requests.items() if n > 1]

    sales = list(Sale.select(Sale.id, Sale.request_id, Sale.voided_at, Sale.stall, Sale.product, Sale.quantity,
                             Sale.total, Sale.at).tuples())
    by_request = Counter(row[1] for row in sales)
    found.lost += [f"sale {r}" for r in logged["sale"] if r not in by_request]
    found.doubled += [f"sale request {r} x{n}" for r, n in by_request.items() if n > 1]
    voided = {str(row[0]) for row in sales if row[2] is not None}
    found.lost += [f"void of sale {i}" for i in logged["void"] if i not in voided]
    found.wrong += totals_wrong([row for row in sales if row[2] is None])
    stock = dict(Product.select(Product.id, Product.stock).where(Product.stock.is_null(False)).tuples())
    sold = Counter()
    for _, _, voided_at, _, product, quantity, _, _ in sales:
        if voided_at is None:
            sold[product] += quantity
    found.wrong += [f"product {p}: stock {stock[p]}, {initial} at the start less {sold[p]} sold"
                    for p, initial in initial_stock.items() if stock[p] != initial - sold[p]]
    return found


def totals_wrong(live_sales: list[tuple]) -> list[str]:
    """The running totals (stall, stall hour, product) that are not the sums of the live sales."""
    from models import ProductTotal, StallHour, StallTotal

    stall, hour, product = Counter(), Counter(), Counter()
    for _, _, _, stall_id, product_id, quantity, total, at in live_sales:
        stall[(stall_id, "revenue")] += total
        stall[(stall_id, "items")] += quantity
        stall[(stall_id, "sales")] += 1
        key = (stall_id, _hour(at))
        hour[(key, "revenue")] += total
        hour[(key, "items")] += quantity
        product[(product_id, "revenue")] += total
        product[(product_id, "items")] += quantity
    kept_stall, kept_hour, kept_product = Counter(), Counter(), Counter()
    for row in StallTotal.select():
        kept_stall.update({(row.stall_id, "revenue"): row.revenue, (row.stall_id, "items"): row.items,
                           (row.stall_id, "sales"): row.sales})
    for row in StallHour.select():
        key = (row.stall_id, _hour(row.hour))
        kept_hour.update({(key, "revenue"): row.revenue, (key, "items"): row.items})
    for row in ProductTotal.select():
        kept_product.update({(row.product_id, "revenue"): row.revenue, (row.product_id, "items"): row.items})
    wrong = []
    for name, kept, summed in (("stall_total", kept_stall, stall), ("stall_hour", kept_hour, hour),
                               ("product_total", kept_product, product)):
        kept, summed = _nonzero(kept), _nonzero(summed)
        if kept != summed:
            differences = sorted(set(kept.items()) ^ set(summed.items()))[:4]
            wrong.append(f"{name} is not the sum of the live sales: {differences}")
    return wrong


def _hour(moment):
    """The UTC hour of MOMENT (aware, or naive UTC as stored), naive."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.replace(minute=0, second=0, microsecond=0)


def _nonzero(counts: Counter) -> dict:
    return {key: value for key, value in counts.items() if value != 0}
