"""Per-article isolation and budgets: one bad file never stops a load, no file makes it hang.

What belongs here: the per-article limits (:class:`Limits`: a wall-time budget and a size cap
for the expensive extractors), the clock that checks the budget between steps and, where the
platform allows it, interrupts a step that overruns it, the ``internal-error`` and
``budget`` problem rows, and the fault-injection hook the tests use to make one article fail
on any engine.

The fault hook: set the environment variable ``IRANSTRIKES_FAULT`` to ``STEP:FILE`` (for
example ``quotes:story.txt``; STEP is one of ``read``, ``normalise``, ``quotes``, ``events``,
``pack``) and that step raises ``RuntimeError`` for that file (``exit:FILE`` ends the
worker process instead, see :func:`fault`). Environment variables reach
forked and spawned workers, so the hook works on every engine. It is for tests only.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from dataclasses import dataclass

FAULT_ENV = "IRANSTRIKES_FAULT"
STEPS = ("exit", "read", "normalise", "quotes", "events", "pack")


@dataclass(frozen=True)
class Limits:
    """Per-article limits of the loader.

    Attributes:
        seconds: Wall-time budget for one article's per-article stage (None: no budget). It is
            checked between steps (normalisation, quotes, events), and in the main thread of a
            process (the serial and processes engines) a step still running when it is spent
            is interrupted. The article is kept with what was done, with a ``budget`` problem.
        max_extract_chars: Texts longer than this are loaded (text and paragraphs) without
            quote and event extraction, with a ``too-long-to-extract`` problem (None: no cap).
    """

    seconds: float | None = 60.0
    max_extract_chars: int | None = 1_000_000


DEFAULT_LIMITS = Limits()


class BudgetExceeded(Exception):
    """The article's wall-time budget ran out during a step."""


def fault(step: str, file_name: str) -> None:
    """Raise ``RuntimeError`` when ``IRANSTRIKES_FAULT`` asks for this step and file (tests).

    The step ``exit`` instead ends the worker process at once (``os._exit``), as a crash or
    the out-of-memory killer would; it does nothing in the loader's own process.
    """
    spec = os.environ.get(FAULT_ENV)
    if spec and spec == f"{step}:{file_name}":
        if step == "exit":
            import multiprocessing

            if multiprocessing.parent_process() is not None:
                os._exit(70)
            return
        raise RuntimeError(f"injected fault ({FAULT_ENV}={spec})")


class Clock:
    """The budget of one article: how much is left, and an alarm for the running step."""

    def __init__(self, limits: Limits | None):
        self.limits = limits or DEFAULT_LIMITS
        self.start = time.monotonic()

    def elapsed(self) -> float:
        """Seconds since the article's stage started."""
        return time.monotonic() - self.start

    def spent(self) -> bool:
        """True when the budget has run out."""
        s = self.limits.seconds
        return s is not None and self.elapsed() >= s

    @contextlib.contextmanager
    def alarm(self):
        """Interrupt the enclosed work with :class:`BudgetExceeded` when the budget runs out.

        Only where a signal timer can be used: the main thread of a process on a platform
        with ``signal.setitimer``. Elsewhere (Dask's threads, Windows) the budget is only
        checked between steps.
        """
        s = self.limits.seconds
        usable = (
            s is not None
            and hasattr(signal, "setitimer")
            and threading.current_thread() is threading.main_thread()
        )
        if not usable:
            yield
            return
        left = max(s - self.elapsed(), 0.001)
        pending = signal.getitimer(signal.ITIMER_REAL)[0]
        if pending and pending <= left:  # someone else's timer fires first: leave it alone
            yield
            return
        state = {"active": True}

        def _handler(signum, frame):
            if state["active"]:
                state["active"] = False
                raise BudgetExceeded(f"the {s:g} s budget for one article ran out")

        try:
            previous = signal.signal(signal.SIGALRM, _handler)
        except ValueError:  # pragma: no cover - not the main thread after all
            yield
            return
        armed = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, left)
        try:
            yield
        finally:
            state["active"] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if pending:  # re-arm the timer that was running before, for what it had left
                signal.setitimer(
                    signal.ITIMER_REAL, max(pending - (time.monotonic() - armed), 0.001)
                )


def internal_error(file_name: str, article_id: str | None, step: str, exc: BaseException) -> dict:
    """The ``problems`` row of an unexpected exception in one article's step."""
    detail = " ".join(str(exc).split())[:300]
    return {
        "file": file_name,
        "article_id": article_id,
        "severity": "error",
        "code": "internal-error",
        "message": (
            f"An unexpected error stopped the {step} step for this file: "
            f"{type(exc).__name__}: {detail or '(no message)'}. The other files were loaded"
            + (
                ", and this article was kept with what was done before the error"
                if article_id
                else ""
            )
            + ". Please report it with the file (iranstrikes issue tracker)."
        ),
    }


def budget_problem(file_name: str, article_id: str | None, step: str, clock: Clock) -> dict:
    """The ``problems`` row of an article whose time budget ran out at ``step``."""
    s = clock.limits.seconds
    return {
        "file": file_name,
        "article_id": article_id,
        "severity": "warning",
        "code": "budget",
        "message": (
            f"The {s:g} s time budget for one article ran out during or before the {step} step "
            f"(after {clock.elapsed():.1f} s); the article was kept with what was done before. "
            "Split the file if it holds several articles, or raise the budget: "
            "load_corpus(..., article_seconds=...)."
        ),
    }
