"""The CLI: help, parse output fields, annotate JSONL, files listing, clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsdigest.cli import main

PARSE_FIELDS = {
    "file", "position", "title", "caption", "published", "highlights", "dateline", "body",
    "credit", "layout",
}  # fmt: skip


def test_help_lists_commands_with_examples(capsys) -> None:
    try:
        main(["--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    for cmd in ("run", "ingest", "digest", "parse", "annotate", "eval", "files"):
        assert f"  {cmd}" in out
    assert "examples:" in out and "NEWSDIGEST_SEEDS" in out


def test_annotate_help_documents_the_output_with_examples(capsys) -> None:
    try:
        main(["annotate", "--help"])
    except SystemExit as exc:
        assert exc.code == 0
    out = capsys.readouterr().out
    assert '"focus_country"' in out and '"start", "end"' in out
    assert "examples:" in out and "annotate - >" in out


def test_parse_jsonl_has_the_documented_fields(fixtures: Path, capsys) -> None:
    assert main(["parse", str(fixtures / "mixed.txt"), "--jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(set(r) >= PARSE_FIELDS for r in records)
    assert [r["position"] for r in records] == list(range(len(records)))
    assert {r["layout"] for r in records} == {"A", "B"}


def test_parse_reports_bad_file(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfd not utf8 \x81")
    assert main(["parse", str(bad)]) == 1
    assert "bad.txt" in capsys.readouterr().err


def test_annotate_writes_one_record_per_input(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    text = (
        "Kenya's electoral commission said on Tuesday that counting in Nairobi was complete.\n\n"
        "President William Ruto thanked voters. Observers from the African Union agreed.\n\n"
        "The commission will publish final results on Friday."
    )
    record = {"id": "k1", "title": "Kenya counts votes", "text": text}
    src.write_text(json.dumps(record) + "\nnot json\n")
    dst = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsdigest.cli", "annotate", str(src), "-o", str(dst)]
    proc = subprocess.run([*cmd, "--sentences", "2"], capture_output=True, text=True)
    assert proc.returncode == 1 and "line 2" in proc.stderr  # the bad line is reported
    [out] = [json.loads(line) for line in dst.read_text().splitlines()]
    assert out["id"] == "k1" and len(out["summary"]) == 2
    assert out["focus_country"] == "KE" and out["countries"][0] == "KE"
    for ent in out["entities"]:
        assert text[ent["start"] : ent["end"]] == ent["text"]
        assert ent["type"] in ("PER", "ORG", "LOC")


def test_digest_without_warehouse_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["digest", "--warehouse", str(tmp_path / "none")]) == 2
    assert "run `newsdigest ingest` first" in capsys.readouterr().err


def test_files_reads_the_snapshot_while_a_writer_holds_the_live_file(
    fixtures: Path, tmp_path: Path, capsys
) -> None:
    import shutil

    from tests.reliability.ingest_driver import plain_ingest
    from tests.reliability.memo import annotate_memo

    seeds, wh = tmp_path / "seeds", tmp_path / "wh"
    seeds.mkdir()
    shutil.copy(fixtures / "mixed.txt", seeds / "mixed.txt")
    (seeds / "broken.txt").write_bytes(b"\xff\xfe\xfd not utf8 \x81")
    plain_ingest(seeds, wh, annotate_task=annotate_memo)
    capsys.readouterr()
    holder = subprocess.Popen(  # another process (an ingest) holding the live warehouse open
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]);"
         " print('READY', flush=True); time.sleep(120)", str(wh / "news.duckdb")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "READY"
        assert main(["files", "--seeds", str(seeds), "--warehouse", str(wh)]) == 0
        listed = capsys.readouterr().out
        assert main(["files", "--failed", "--seeds", str(seeds), "--warehouse", str(wh)]) == 0
        failed = capsys.readouterr().out
    finally:
        holder.kill()
        holder.wait()
    assert "'mixed.txt'" in listed and "'broken.txt'" in listed and "snapshot" in listed
    assert "'broken.txt'" in failed and "'mixed.txt'" not in failed
    assert "quarantined" in failed
