"""The one writer of a terminal: first in, first out; a store failure keeps the intent and tries it
again with the same request id; what waited behind a failure counts as replayed."""
import threading
from datetime import datetime, timezone

from peewee import OperationalError

from kiosk.errors import Refused
from kiosk.writer import Intent, StoreWriter

NOW = datetime(2018, 7, 5, 1, 15, tzinfo=timezone.utc)


def collecting() -> tuple[StoreWriter, list]:
    outcomes: list = []
    done = threading.Event()

    def deliver(outcome) -> None:
        outcomes.append(outcome)
        done.set()

    writer = StoreWriter(retry_seconds=(0.01,))
    writer.attach(deliver)
    return writer, outcomes


def test_intents_are_recorded_in_order_and_retried_with_their_own_request_id():
    writer, outcomes = collecting()
    tries: list[tuple[str, str]] = []

    def flaky(label: str, failures: int):
        def record(intent: Intent) -> str:
            tries.append((label, intent.request_id))
            if sum(1 for done, _ in tries if done == label) <= failures:
                raise OperationalError("database is locked")
            return label
        return record

    first = writer.submit(Intent(flaky("first", 2), at=NOW))
    second = writer.submit(Intent(flaky("second", 0), at=NOW))
    assert writer.drain(timeout=5)
    assert [outcome.result for outcome in outcomes] == ["first", "second"]
    assert [label for label, _ in tries] == ["first", "first", "first", "second"]
    assert {request_id for label, request_id in tries if label == "first"} == {first.request_id}
    assert first.attempts == 2 and first.replayed
    assert second.attempts == 0 and second.replayed  # it waited behind a failure: the person moved on
    assert not writer.failing


def test_a_refusal_and_a_fault_are_outcomes_not_retries():
    writer, outcomes = collecting()

    def refuse(intent):
        raise Refused("error.reason")

    def fault(intent):
        raise ZeroDivisionError

    writer.submit(Intent(refuse, at=NOW))
    writer.submit(Intent(fault, at=NOW))
    writer.submit(Intent(lambda intent: "fine", at=NOW))
    assert writer.drain(timeout=5)
    assert outcomes[0].refused is not None and outcomes[0].refused.key == "error.reason"
    assert isinstance(outcomes[1].error, ZeroDivisionError)
    assert outcomes[2].result == "fine" and not outcomes[2].intent.replayed


def test_a_stopped_writer_gives_back_what_it_did_not_record():
    writer, outcomes = collecting()
    gate = threading.Event()
    writer.submit(Intent(lambda intent: gate.wait(5), at=NOW))
    waiting = writer.submit(Intent(lambda intent: "never", at=NOW))
    assert writer.busy_since() is not None or writer.waiting()
    left = writer.stop()
    gate.set()
    assert waiting in left
    assert not writer.drain(timeout=0.2) or not writer.waiting()
    assert all(outcome.result != "never" for outcome in outcomes)
