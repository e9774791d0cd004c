"""`newsdigest` command line: one entry point over the same functions the flows call."""

from __future__ import annotations

import argparse
import importlib
import sys

from newsdigest import __version__, commands

EPILOG = """examples:
  newsdigest run                              ingest seeds/ then render today's digest
  newsdigest ingest --seeds /data/drops       ingest new files from another folder
  newsdigest ingest --runner dask --dask-address tcp://10.0.0.5:8786   annotate on a Dask cluster
  newsdigest parse seeds/*.txt --jsonl        show what the parser sees, one JSON per article
  newsdigest digest --date 2026-11-20         re-render one day
  newsdigest digest --from 2026-11-01 --to 2026-11-07
  newsdigest files --failed                   list quarantined files and why
  newsdigest annotate in.jsonl -o out.jsonl   summaries, countries, entities for JSONL records
  newsdigest eval summaries --limit 200       quality figures next to baselines
  newsdigest server start --background        a local Prefect server + UI on 127.0.0.1:4200
  newsdigest serve                            watch seeds/, run the scheduled deployments
  newsdigest sql "SELECT * FROM articles_per_country_day"   query the read snapshot
  newsdigest export --parquet /tmp/news       tables as Parquet, partitioned by day

paths: --seeds, --warehouse, --digests (env NEWSDIGEST_SEEDS, NEWSDIGEST_WAREHOUSE,
NEWSDIGEST_DIGESTS; default: the repo's seeds/, warehouse/, digests/).
timezone: --tz (env NEWSDIGEST_TZ, default UTC).
"""

EVALS = ("summaries", "countries", "entities", "parse")
# Modules that add their own subcommands with `register(subparsers, paths)`.
COMMAND_MODULES = ("newsdigest.ops_cli", "newsdigest.analyst_cli")


def _paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seeds", help="seed folder (env NEWSDIGEST_SEEDS)")
    p.add_argument("--warehouse", help="folder holding news.duckdb (env NEWSDIGEST_WAREHOUSE)")
    p.add_argument("--digests", help="digest output folder (env NEWSDIGEST_DIGESTS)")
    p.add_argument("--tz", help="timezone for arrival days (env NEWSDIGEST_TZ, default UTC)")


def _nlp(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sentences", type=int, default=3, help="summary length (default 3)")
    p.add_argument("--algorithm", default="default", help="summarizer (default: default)")


def _runner(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--runner",
        choices=("local", "process", "dask"),
        help="where the annotate stage runs (env NEWSDIGEST_RUNNER, default local)",
    )
    p.add_argument(
        "--workers", type=int, help="process-pool or local Dask workers (default: cores)"
    )
    p.add_argument(
        "--dask-address", help="Dask scheduler tcp://host:port (env NEWSDIGEST_DASK_ADDRESS)"
    )


ANNOTATE_EPILOG = """\
output, one JSON object per input line, in input order:
  {"id", "summary": [sentences, in article order], "focus_country": "ISO2" | null,
   "countries": ["ISO2", ... strongest first],
   "entities": [{"text", "type": "PER"|"ORG"|"LOC", "start", "end"}]}
  start/end are character offsets into the input "text". Paragraphs are separated by blank
  lines or newlines; lower-cased or tokenised text (spaces before punctuation) works too.

examples:
  newsdigest annotate in.jsonl -o out.jsonl
  cat in.jsonl | newsdigest -q annotate - > out.jsonl
  newsdigest annotate in.jsonl --sentences 2 --algorithm lexrank
"""


def build_parser(load_evals: bool = True) -> argparse.ArgumentParser:
    """The argument parser with every subcommand (eval modules imported only when needed)."""
    parser = argparse.ArgumentParser(
        prog="newsdigest",
        description="Turn raw news dumps into a daily, country-grouped digest (offline, no LLM).",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdigest {__version__}")
    parser.add_argument("-q", "--quiet", action="store_true", help="only warnings and errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("run", help="ingest the seeds folder, then render the day's digest")
    _paths(p), _nlp(p), _runner(p)
    p.add_argument("--date", help="digest day YYYY-MM-DD (default: today)")
    p.set_defaults(func=commands.cmd_run)

    p = sub.add_parser("ingest", help="ingest new files from the seeds folder")
    _paths(p), _nlp(p), _runner(p)
    p.set_defaults(func=commands.cmd_ingest)

    p = sub.add_parser("digest", help="render the digest of one day or a range of days")
    _paths(p)
    p.add_argument("--date", help="day YYYY-MM-DD, 'today' or 'yesterday' (default: today)")
    p.add_argument("--from", dest="date_from", help="first day of a backfill range")
    p.add_argument("--to", dest="date_to", help="last day of a backfill range (inclusive)")
    p.set_defaults(func=commands.cmd_digest)

    p = sub.add_parser("parse", help="print what the parser sees in seed files")
    p.add_argument("files", nargs="+", help="seed files")
    p.add_argument("--jsonl", action="store_true", help="one JSON object per line")
    p.set_defaults(func=commands.cmd_parse)

    p = sub.add_parser("files", help="the files ledger: ingested and failed files")
    _paths(p)
    p.add_argument("--failed", action="store_true", help="only failed/quarantined files")
    p.set_defaults(func=commands.cmd_files)

    p = sub.add_parser(
        "annotate",
        help="summaries, countries and entities for JSONL records",
        epilog=ANNOTATE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("input", help='JSONL with {"id", "title"?, "dateline"?, "text"} per line'
                   ' ("-" for stdin)')  # fmt: skip
    p.add_argument("-o", "--output", default="-", help="output JSONL (default stdout)")
    _nlp(p)
    p.set_defaults(func=commands.cmd_annotate)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub, _paths)

    p = sub.add_parser("eval", help="quality figures on ../shared data, next to baselines")
    esub = p.add_subparsers(dest="what", required=True, metavar="WHAT")
    for name in EVALS:
        if not load_evals:
            esub.add_parser(name)
            continue
        module = commands.eval_module(name)
        ep = esub.add_parser(name, help=(module.__doc__ or "").strip().splitlines()[0])
        module.add_arguments(ep)
        ep.set_defaults(func=commands.cmd_eval, eval_module=module)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `newsdigest` script."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(load_evals="eval" in argv).parse_args(argv)
    commands.setup_logging(args.quiet)
    try:
        return int(args.func(args) or 0)
    except commands.UserError as exc:
        print(f"newsdigest: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
