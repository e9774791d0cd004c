"""`newsdigest serve`: serve both deployments; files dropped in seeds/ become ingest runs."""

from __future__ import annotations

import asyncio
import contextvars
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from uuid import UUID

from newsdigest.config import Settings
from newsdigest.watch import DEFAULT_SETTLE, Batcher, is_seed_path

INGEST = "ingest-seeds"
DIGEST = "daily-digest"
DEFAULT_CRON = "0 6 * * *"
DEFAULT_INTERVAL = 900.0  # safety-net ingest every 15 minutes

log = logging.getLogger("newsdigest.serve")


@dataclass(frozen=True)
class ServeOptions:
    """What `newsdigest serve` runs and how."""

    settings: Settings
    cron: str = DEFAULT_CRON
    digest_day: str = "yesterday"
    interval: float = DEFAULT_INTERVAL
    settle: float = DEFAULT_SETTLE
    watch: bool = True
    force_polling: bool = False
    query_seconds: float = 5.0


def ingest_parameters(opts: ServeOptions) -> dict:
    """Parameters every ingest-seeds run gets (settle: never read a file still being written)."""
    s = opts.settings
    return {"seeds": str(s.seeds), "warehouse": str(s.warehouse), "settle_seconds": opts.settle}


def build_deployments(opts: ServeOptions) -> list:
    """The `ingest-seeds` (interval safety net) and `daily-digest` (cron) runner deployments."""
    from prefect.schedules import Cron, Interval

    from flows.digest import daily_digest
    from flows.ingest import ingest_seeds

    s = opts.settings
    ingest = ingest_seeds.to_deployment(
        name=INGEST,
        schedules=[Interval(timedelta(seconds=opts.interval))],
        parameters=ingest_parameters(opts),
        description="Ingest new files from the seeds folder. Runs when files arrive (watcher) "
        f"and every {opts.interval:.0f} s as a safety net.",
        tags=["newsdigest", "ingest"],
    )
    digest = daily_digest.to_deployment(
        name=DIGEST,
        schedules=[Cron(opts.cron, timezone=s.timezone)],
        parameters={
            "day": opts.digest_day,
            "warehouse": str(s.warehouse),
            "digests": str(s.digests),
            "timezone": s.timezone,
        },  # fmt: skip
        description="Render one day's digest (Markdown + HTML). Set `day` (YYYY-MM-DD, "
        "'today' or 'yesterday') in a custom run to re-render a day.",
        tags=["newsdigest", "digest"],
    )
    return [ingest, digest]


def run_ingest_in_process(deployment_id: UUID, parameters: dict, reason: str) -> str:
    """Create a run of the ingest-seeds deployment and execute it here; return its state name.

    The run is created Pending so the runner's poller (which takes Scheduled runs) leaves it
    alone; executing it in this already-warm process saves the ~4 s of a fresh interpreter.
    """
    from prefect import get_client
    from prefect.flow_engine import run_flow
    from prefect.states import Pending

    from flows.ingest import ingest_seeds

    with get_client(sync_client=True) as client:
        run = client.create_flow_run_from_deployment(
            deployment_id, parameters=parameters, state=Pending(message=reason),
            tags=["watcher"], name=f"watch-{datetime.now():%H%M%S}",
        )  # fmt: skip
    state = asyncio.run(run_flow(ingest_seeds, flow_run=run, return_type="state"))  # async flow
    return state.name


class Watcher:
    """Watches the seeds folder; complete files trigger ingest runs, one at a time, coalesced."""

    def __init__(self, opts: ServeOptions, runner: Callable[[str], str]) -> None:
        self.opts, self.runner = opts, runner
        self.stop = threading.Event()
        self.wanted = threading.Event()
        self.idle = threading.Event()
        self.reasons: list[str] = []
        self.runs = 0
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self.retry_delay = 5.0  # doubled after each failure in a row, up to 60 s

    def start(self, catch_up: bool = True) -> None:
        """Start the watch and run threads (a catch-up run first picks up files that arrived
        while serve was down; the ledger skips everything already stored)."""
        if catch_up:
            self.request("catch-up at start")
        ctx = contextvars.copy_context()  # keep temporary Prefect settings in the threads
        for name, fn in (("watch", self._watch), ("ingest", self._work)):
            t = threading.Thread(target=ctx.copy().run, args=(fn,), name=f"newsdigest-{name}")
            t.daemon = True
            t.start()
            self._threads.append(t)

    def close(self, timeout: float = 60.0) -> None:
        """Stop watching and wait for a run in progress to finish."""
        self.stop.set()
        self.wanted.set()
        for t in self._threads:
            t.join(timeout)

    def request(self, reason: str) -> None:
        """Ask for an ingest run; requests made during a run become one follow-up run."""
        with self._lock:
            self.reasons.append(reason)
            self.idle.clear()
            self.wanted.set()

    def _work(self) -> None:
        failures = 0
        while not self.stop.is_set():
            if not self.wanted.wait(0.5) or self.stop.is_set():
                continue
            with self._lock:
                self.wanted.clear()
                reasons, self.reasons = self.reasons, []
            why = "; ".join(reasons[:3]) + (f" (+{len(reasons) - 3})" if len(reasons) > 3 else "")
            t0 = time.monotonic()
            try:
                state = self.runner(why)
                log.info("ingest run %s in %.1f s (%s)", state, time.monotonic() - t0, why)
                failures = 0
            except Exception as exc:  # the server down, say: one line, retry with back-off
                failures += 1
                delay = min(60.0, self.retry_delay * 2 ** (failures - 1))
                log.error("ingest run could not run (%s); retrying in %.0f s", exc, delay)
                if not self.stop.wait(delay):
                    self.request(f"retry after error ({why})")
            self.runs += 1
            with self._lock:
                if not self.wanted.is_set():
                    self.idle.set()

    def _watch(self) -> None:
        while not self.stop.is_set():
            try:
                self._watch_once()
            except Exception as exc:  # e.g. the folder was removed: say so, then try again
                log.error("watching %s failed (%s); retrying in 5 s", self.opts.settings.seeds, exc)
                self.stop.wait(5.0)

    def _watch_once(self) -> None:
        from watchfiles import Change, watch

        from newsdigest.runlog import safe_name

        seeds = self.opts.settings.seeds
        batcher = Batcher(self.opts.settle)

        def wanted(change: Change, path: str) -> bool:
            return change != Change.deleted and is_seed_path(path, seeds)

        for changes in watch(
            seeds, watch_filter=wanted, stop_event=self.stop, recursive=False, rust_timeout=200,
            yield_on_timeout=True, force_polling=self.opts.force_polling or None,
            debounce=1000, step=50,
        ):  # fmt: skip
            batcher.add(Path(p) for _, p in changes)
            ready = batcher.ready()
            if ready:
                names = ", ".join(safe_name(p.name) for p in ready[:5])
                more = f" (+{len(ready) - 5} more)" if len(ready) > 5 else ""
                log.info("%d file(s) complete: %s%s", len(ready), names, more)
                self.request(f"{len(ready)} file(s) arrived")


def warm_up() -> None:
    """Load the NLP models once (gazetteer, sentence splitter) so the first drop is not slow."""
    from newsdigest.models import Article
    from tasks.annotate import annotate_article

    body = ["OSLO: The ferry timetable changed on Monday, officials in Norway said.",
            "The new timetable starts next week."]  # fmt: skip
    annotate_article(Article(title="Ferry timetable", body=body, layout="A"))


def _interrupt(*_: object) -> None:
    # Prefect's own SIGTERM handler calls sys.exit inside the event loop and leaves a
    # coroutine un-awaited; a KeyboardInterrupt takes the same clean path as Ctrl-C.
    raise KeyboardInterrupt


async def _run_quietly(runner) -> None:
    """Run the runner; at shutdown its control channel's cancelled tasks are not errors."""
    import asyncio

    loop = asyncio.get_running_loop()

    def handler(loop: asyncio.AbstractEventLoop, context: dict) -> None:
        if not isinstance(context.get("exception"), asyncio.CancelledError):
            loop.default_exception_handler(context)

    loop.set_exception_handler(handler)
    await runner.start()


def serve(opts: ServeOptions) -> int:
    """Serve both deployments and watch the seeds folder until interrupted."""
    import asyncio

    from prefect.runner import Runner

    opts.settings.seeds.mkdir(parents=True, exist_ok=True)
    # one line per file comes from the flow; per-task "Finished in state" lines are noise
    logging.getLogger("prefect.task_runs").setLevel(logging.WARNING)
    runner = Runner(query_seconds=opts.query_seconds, pause_on_shutdown=True)
    ingest_id, _ = (runner.add_deployment(d) for d in build_deployments(opts))  # registers them
    runner.handle_sigterm = _interrupt  # type: ignore[method-assign]
    run_one = partial(run_ingest_in_process, ingest_id, ingest_parameters(opts))
    watcher = Watcher(opts, run_one) if opts.watch else None
    if watcher:
        warm_up()
        watcher.start()
        log.info("watching %s (complete = unchanged for %.1f s)", opts.settings.seeds, opts.settle)
    try:
        asyncio.run(_run_quietly(runner))
    except KeyboardInterrupt:
        log.info("stopping: finishing the run in progress, if any")
    finally:
        if watcher:
            watcher.close()
    return 0
