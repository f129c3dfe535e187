"""The deployment kit in kiosk/deploy/: what its examples set up, and the TV's browser starter run
against a server that comes up after it."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests.system import free_port

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "kiosk" / "deploy"
SECONDS = 20.0
FETCH = "import sys, urllib.request; urllib.request.urlopen(sys.argv[-1], timeout=3)"


def test_the_deploy_examples_give_staff_the_kiosk_and_keep_no_shell_under_a_kiosk():
    assert "ForceCommand /opt/event-kiosk/venv/bin/kiosk staff" in (DEPLOY / "sshd-staff.conf").read_text()
    login_shell = DEPLOY / "kiosk-login"
    assert subprocess.run(["sh", "-n", str(login_shell)]).returncode == 0
    assert login_shell.read_text().rstrip().splitlines()[-1] == "exec /opt/event-kiosk/venv/bin/kiosk start"
    assert "--autologin kiosk" in (DEPLOY / "getty-autologin.conf").read_text()
    unit = (DEPLOY / "event-kiosk.service").read_text().splitlines()
    for setting in ("Restart=on-failure", "User=kiosk", "After=network-online.target",
                    "ExecStart=/opt/event-kiosk/venv/bin/kiosk start", "TTYPath=/dev/tty1"):
        assert any(line.startswith(setting) for line in unit), setting


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what} did not happen in {SECONDS:.0f} s")
        time.sleep(0.05)


def test_the_tv_browser_is_started_once_the_server_answers(tmp_path):
    """A TV that boots before the server: kiosk-browser asks /alive until it answers, then starts the
    browser full screen on the page (a page that never loaded could not have reloaded itself)."""
    tools, opened, asked = tmp_path / "bin", tmp_path / "opened", tmp_path / "asked"
    tools.mkdir()
    tool(tools / "browser", f'echo "$@" > {opened}')
    # curl, counting each ask: fetches its last argument (the script's URL) as curl -f would
    tool(tools / "curl", f'echo "$@" >> {asked}\nexec {sys.executable} -c "{FETCH}" "$@"')
    site = tmp_path / "site"
    site.mkdir()
    (site / "alive").write_text("ok")
    port = free_port()
    url = f"http://127.0.0.1:{port}/?fontsize=13"
    starter = subprocess.Popen(["sh", str(DEPLOY / "kiosk-browser"), url],
                               env={"PATH": f"{tools}:/usr/bin:/bin", "KIOSK_BROWSER": str(tools / "browser")})
    server = None
    try:
        wait_for(lambda: asked.exists() and len(asked.read_text().splitlines()) >= 2, "a second ask")
        assert starter.poll() is None and not opened.exists()  # no server yet: no browser
        assert f"http://127.0.0.1:{port}/alive" in asked.read_text()
        server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", str(port)],
                                  cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        assert starter.wait(timeout=SECONDS) == 0
        assert opened.read_text().split() == ["--kiosk", "--noerrdialogs", url]
    finally:
        for process in (starter, server):
            if process is not None and process.poll() is None:
                process.kill()


def tool(path: Path, body: str) -> None:
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)
