"""A logger that goes to the Prefect run log inside a run and to stderr outside one."""

from __future__ import annotations

import logging

from prefect.exceptions import MissingContextError
from prefect.logging import get_run_logger


def logger() -> logging.Logger | logging.LoggerAdapter:
    """The current Prefect run logger, or the plain `newsdigest` logger."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger("newsdigest")


def safe_name(name: str) -> str:
    """A file name fit for a one-line log: control characters escaped, length capped."""
    shown = name.encode("unicode_escape").decode("ascii")
    return shown if len(shown) <= 120 else shown[:117] + "..."
