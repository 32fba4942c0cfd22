"""Text output (not ``--json``) under zh_CN reads as Chinese for a person: local times
instead of ISO timestamps, money as ``¥1,234.56``, checklist items by their labels,
states, record kinds and rules by their words. ``--json`` keeps the machine keys."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
MACHINE_WORDS = re.compile(
    r"\b(open|overdue|verified|escalated|draft|submitted|planned|passed|failed|"
    r"partner|visit|visit_answer|blobs|bundles|last_seq|device_id|fingerprint|"
    r"callback_percent|devrecord_retention_days|score|started|yes|no)\b",
    re.IGNORECASE,
)


def _run(data: Path, *args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), "--lang", lang, *args],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
        encoding="utf-8",
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONUTF8="1"),
    )
    assert done.returncode == 0, (args, done.stderr[-2000:])
    return done


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("zhtext")
    data = root / "data"
    _run(data, "demo", "--partners", "12", "--months", "2", "--seed", "3")
    db = f"sqlite:///{root / 'hq.sqlite'}"
    _run(data, "device", "export-key", "-o", str(root / "device.key"))
    _run(data, "hq", "--db", db, "init")
    _run(data, "hq", "--db", db, "register-device", str(root / "device.key"))
    _run(data, "sync", "export", "-o", str(root / "up.cdsync"))
    _run(data, "hq", "--db", db, "ingest", str(root / "up.cdsync"))
    return data, db


def _people_text(text: str, *keys: str) -> None:
    """No ISO moment, no machine word, none of ``keys`` in ``text``."""
    assert text.strip()
    assert not ISO_MOMENT.search(text), text[:2000]
    assert not MACHINE_WORDS.search(text), MACHINE_WORDS.search(text)
    for key in keys:
        assert not re.search(rf"(?<![\w:]){re.escape(key)}(?![\w])", text), (key, text[:2000])


def _sealed_visit(data: Path) -> dict:  # type: ignore[type-arg]
    listed = json.loads(_run(data, "visits", "list", "--json").stdout)
    visit_id = next(v["id"] for v in listed if v["status"] == "submitted")
    return json.loads(_run(data, "visits", "show", visit_id, "--json").stdout)


def test_visits_read_in_chinese(demo: tuple[Path, str]) -> None:
    data, db = demo
    visit = _sealed_visit(data)
    keys = [item["key"] for item in visit["items"]]
    listed = _run(data, "visits", "list").stdout
    _people_text(listed)
    assert re.search(r"\t\d{4}-\d\d-\d\d \d\d:\d\d\t", listed)  # local time, as the GUI shows
    for shown in (
        _run(data, "visits", "show", visit["id"]).stdout,
        _run(data, "hq", "--db", db, "visits", "show", visit["id"]).stdout,
    ):
        _people_text(shown, *keys)
        assert visit["items"][0]["label"] in shown and "得分" in shown and "已提交" in shown
    _people_text(_run(data, "hq", "--db", db, "visits", "list").stdout)
    english = _run(data, "visits", "show", visit["id"], lang="en").stdout
    assert f"[{keys[0]}]" in english and "Submitted" in english  # English keeps the keys
    # --json is unchanged: machine keys and ISO moments
    assert json.loads(_run(data, "visits", "list", "--json").stdout)[0]["started_at"].endswith("Z")


def test_rectifications_name_the_checklist_item(demo: tuple[Path, str]) -> None:
    data, _db = demo
    rows = json.loads(_run(data, "rectifications", "list", "--json").stdout)
    items = {r["item"] for r in rows if r["item"] and ":" not in r["item"]}
    assert items and all(r["item"] is None or re.fullmatch(r"[\w:]+", r["item"]) for r in rows)
    text = _run(data, "rectifications", "list").stdout
    _people_text(text, *items)
    assert len(text.strip().splitlines()) == len(rows)


def test_targets_show_money_and_periods(demo: tuple[Path, str]) -> None:
    data, _db = demo
    rows = json.loads(_run(data, "targets", "list", "--json").stdout)
    money = next(r for r in rows if r["metric"] == "revenue")
    text = _run(data, "targets", "list").stdout
    _people_text(text, "revenue", "collections")
    assert "¥" in text and "年" in text and not re.search(r"\t\d{4}(-\d\d)?\t", text)
    amount = int(money["target"].split(".")[0])
    assert f"¥{amount:,}.{money['target'].split('.')[1]}" in text
    assert money["target"] in _run(data, "targets", "list", lang="en").stdout.replace(",", "")


def test_other_lists_read_in_chinese(demo: tuple[Path, str]) -> None:
    data, db = demo
    code = json.loads(_run(data, "partners", "list", "--json").stdout)[0]["code"]
    _people_text(_run(data, "partners", "history", code).stdout, "open", "active", "prospect")
    weeks = _run(data, "compliance").stdout
    _people_text(weeks)
    assert "周" in weeks and not re.search(r"\d{4}-W\d\d", weeks)
    _people_text(_run(data, "device", "show").stdout)
    stats = _run(data, "hq", "--db", db, "stats").stdout
    entities = json.loads(_run(data, "hq", "--db", db, "stats", "--json").stdout)["tables"]
    _people_text(stats, *entities)
    rules = _run(data, "hq", "--db", db, "rules").stdout
    _people_text(rules, *json.loads(_run(data, "hq", "--db", db, "rules", "--json").stdout))
    english = _run(data, "hq", "--db", db, "rules", lang="en").stdout
    assert english.startswith("devrecord_retention_days\t")  # the keys `hq rules KEY=N` takes


def test_usage_errors_in_chinese(cli) -> None:  # type: ignore[no-untyped-def]
    missing = cli("visits", lang="zh_CN")
    assert missing.returncode == 1 and "缺少以下必需参数" in missing.stderr
    assert "the following arguments" not in missing.stderr
    bad = cli("partners", "lifecycle", "P1", "bogus", "--reason", "x", lang="zh_CN")
    assert bad.returncode == 1 and "无效的选项 'bogus'" in bad.stderr
    assert "用法：" in cli("visits", "-h", lang="zh_CN").stdout
    english = cli("visits")
    assert english.returncode == 1 and "the following arguments are required" in english.stderr


def test_check_names_a_missing_photo_in_chinese(cli, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    assert cli("demo", "--partners", "3", "--months", "1", "--seed", "2").returncode == 0
    photo = next(p for p in (data_dir / "media").rglob("*") if p.is_file())
    photo.unlink()
    shown = cli("check", lang="zh_CN")
    assert shown.returncode == 1 and "不在媒体文件夹中" in shown.stdout
    assert not MACHINE_WORDS.search(shown.stdout) and "missing" not in shown.stdout
    problems = cli("check", "--json", lang="zh_CN").json()["problems"]  # type: ignore[index]
    assert any(p.startswith("media ") and p.endswith(": missing") for p in problems)
