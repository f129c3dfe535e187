"""The threads that carry store calls off the event loop.

asyncio's own default executor is joined when the loop closes and again at interpreter exit, so one
call stuck on a PostgreSQL server that stopped answering would keep a kiosk from ever exiting. The
app installs this one instead: daemon threads, and a shutdown that does not wait for them.
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor

MAX_THREADS = 4


class DaemonExecutor(ThreadPoolExecutor):
    """A small pool of daemon threads, started as work arrives, never joined. (A ThreadPoolExecutor
    only in name, which asyncio insists on: none of its own threads are ever started.)"""

    def __init__(self, max_threads: int = MAX_THREADS, name: str = "store"):
        super().__init__(max_workers=max_threads, thread_name_prefix=name)
        self._work: queue.SimpleQueue = queue.SimpleQueue()
        self._max_threads, self._name = max_threads, name
        self._threads: list[threading.Thread] = []
        self._idle = 0  # threads waiting for work
        self._waiting = 0  # work no thread has taken yet
        self._lock = threading.Lock()
        self._closed = False

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if self._closed:
            raise RuntimeError("the store executor is shut down")
        future: Future = Future()
        self._work.put((future, fn, args, kwargs))
        with self._lock:
            self._waiting += 1
            if self._waiting > self._idle and len(self._threads) < self._max_threads:
                self._start_thread()
        return future

    def _start_thread(self) -> None:
        thread = threading.Thread(target=self._serve, name=f"{self._name}-{len(self._threads)}", daemon=True)
        self._threads.append(thread)
        thread.start()

    def _serve(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            item = self._work.get()
            with self._lock:
                self._idle -= 1
                if item is not None:
                    self._waiting -= 1
            if item is None:
                return
            future, fn, args, kwargs = item
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args, **kwargs))
            except BaseException as error:  # handed to whoever awaits the future
                future.set_exception(error)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking work; threads still busy are left to finish (or to die with the process)."""
        self._closed = True
        for _ in self._threads:
            self._work.put(None)
