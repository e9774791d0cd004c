"""Prefect artifacts for operators: an ingest table per run, the digest as Markdown."""

from __future__ import annotations

from pathlib import Path

from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.context import get_run_context
from prefect.exceptions import MissingContextError
from prefect.states import Completed, State

from newsdigest.runlog import safe_name
from tasks.digest_context import DigestContext
from tasks.render import md_escape, render
from tasks.store import StoreReport


def _in_run() -> bool:
    try:
        get_run_context()
    except MissingContextError:
        return False
    return True


def publish_ingest_artifact(summary: dict, report: StoreReport) -> None:
    """Table artifact `ingest-summary`: totals, then one row per failed file with its reason."""
    if not _in_run():
        return
    rows = [{"what": k, "value": str(v)} for k, v in summary.items()]
    rows += [
        {"what": f"failed: {safe_name(o.name)}", "value": o.reason or ""}
        for o in report.outcomes
        if o.status == "failed"
    ]
    # _sync: Prefect returns an un-awaited coroutine when called from an async flow's body
    create_table_artifact(rows, key="ingest-summary", description="Files seen, new, duplicate, "
                          "failed (with reason), articles stored, time taken.",
                          _sync=True)  # fmt: skip


def publish_digest_artifact(ctx: DigestContext, paths: dict[str, Path]) -> None:
    """Markdown artifact `daily-digest`: output paths, then the digest itself (escaped)."""
    if not _in_run():
        return
    head = "\n".join(f"- {fmt}: `{md_escape(p)}`" for fmt, p in paths.items())
    create_markdown_artifact(f"{head}\n\n{render(ctx, 'md', full_texts=False)}", key="daily-digest",
                             description=f"Digest for {ctx.day.isoformat()}",
                             _sync=True)  # fmt: skip


def completed_with_failures(summary: dict, report: StoreReport) -> dict | State:
    """Inside a run, a `Completed` state named "Completed with failures" whose message names
    the failed files and reasons (shown in the UI); outside one, the summary itself."""
    if not _in_run():
        return summary
    failed = [o for o in report.outcomes if o.status == "failed"]
    reasons = "; ".join(f"{safe_name(o.name)}: {o.reason}" for o in failed[:5])
    more = f" (+{len(failed) - 5} more)" if len(failed) > 5 else ""
    message = f"{len(failed)} file(s) failed and were quarantined: {reasons}{more}"
    return Completed(name="Completed with failures", message=message[:1000], data=summary)
