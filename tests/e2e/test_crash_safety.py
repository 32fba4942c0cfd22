"""kill -9 while a draft visit is being saved and while photos are being imported: the
database passes ``channeldesk check``, the draft is still there, and no half-written
media file is referenced."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import EXIF_DIR, ROOT

WORKER = """
import sys, itertools
from pathlib import Path
from app.services.opening import open_context
from app.services import visits
ctx = open_context(sys.argv[1])
visit_id = sys.argv[2]
photos = sorted(Path(sys.argv[3]).glob("*.jpg"))
print("ready", flush=True)
for i in itertools.count():
    visits.answer(ctx, visit_id, "stock_units", str(i))
    visits.answer(ctx, visit_id, "remarks", "第" + str(i) + "次保存")
    visits.attach_photos(ctx, visit_id, [photos[i % len(photos)]])
"""


def test_kill_9_during_draft_saves_and_photo_imports(cli, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "p.csv"
    csv.write_text("code,name,grade,region\nK1,断电测试店,A,310106\n", encoding="utf-8")
    assert cli("partners", "import", str(csv)).returncode == 0
    visit_id = cli("visits", "new", "--partner", "K1", "--json").json()["id"]
    assert cli("visits", "answer", visit_id, "signage", "yes").returncode == 0
    for delay in (0.4, 0.9, 1.5):
        with subprocess.Popen(
            [sys.executable, "-c", WORKER, str(data_dir), visit_id, str(EXIF_DIR)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=dict(os.environ, PYTHONPATH=str(ROOT)),
        ) as proc:
            assert proc.stdout is not None
            assert proc.stdout.readline().strip() == b"ready"
            time.sleep(delay)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
        check = cli("check", "--json")
        assert check.json() == {"ok": True, "problems": []}, check.stdout
        shown = cli("visits", "show", visit_id, "--json").json()
        assert shown["status"] == "draft"
        answers = {i["key"]: i["answer"] for i in shown["items"]}
        assert answers["signage"] == "yes"
    referenced = {p["sha256"] for p in shown["photos"]}
    stored = {
        p.name
        for p in (data_dir / "media").rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }
    assert referenced <= stored
