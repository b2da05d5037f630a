"""Debian's Chromium, headless, driven over the DevTools protocol on a pipe: the HTML report
opened as people open it (see tests/viewers.py for what a viewer test needs)."""

from __future__ import annotations

import contextlib
import os
import select
import subprocess
from pathlib import Path

from tests.viewers import kill, need


class Chromium:
    """Debian's Chromium, headless, driven over the DevTools protocol on a pipe (file
    descriptors 3 and 4 of the browser: no port, no library): open a page, collect its
    console errors, exceptions and every request it makes, take a screenshot, print to PDF.

    A context manager: the browser is closed on leaving it, and killed with every process it
    started (and reaped) on any error, a start that fails included. Every read and write of the
    pipe waits at most `timeout` seconds for the pipe, and a call reads at most `MESSAGES` messages
    for its reply, so a hung or babbling browser fails the test, not the run (the waits are the
    pipe's, by `select`: no clock is read)."""

    MESSAGES = 100_000  # the most a call or a page load reads before its reply or its load event

    def __init__(self, profile: Path, timeout: float = 60.0) -> None:
        browser = need("chromium")
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def descriptors() -> None:  # in the child: the pipe's ends become its descriptors 3 and 4
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)  # above 4 either way
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        try:
            self.process = subprocess.Popen(
                [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
                preexec_fn=descriptors, close_fds=False, start_new_session=True,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except BaseException:
            self._close_pipes()
            raise
        finally:
            os.close(to_browser_read)
            os.close(from_browser_write)
        try:
            targets = self.call("Target.getTargets")["targetInfos"]
            page = next(t for t in targets if t["type"] == "page")
            self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Log", "Network"):
                self.call(f"{domain}.enable", session=True)
        except BaseException:
            self.kill()
            raise

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None:
            self.close()
        else:
            self.kill()

    def _send(self, message: dict, wait: float) -> None:
        """Write one message; a browser that reads none of it for `wait` seconds fails it."""
        import json

        if self._to_browser < 0:
            raise RuntimeError("chromium was closed")
        data = json.dumps(message).encode() + b"\0"
        while data:
            if not select.select([], [self._to_browser], [], wait)[1]:
                raise TimeoutError(f"chromium read nothing within {self.timeout} s")
            data = data[os.write(self._to_browser, data):]

    def _receive(self, wait: float) -> dict:
        import json

        while b"\0" not in self._buffer:
            if not select.select([self._from_browser], [], [], wait)[0]:
                raise TimeoutError(f"chromium answered nothing within {self.timeout} s")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: object) -> dict:
        """Send one command and wait (at most `timeout` s) for its reply, keeping the events
        that come before it; any error kills the browser."""
        try:
            self._next += 1
            message: dict = {"id": self._next, "method": method, "params": params}
            if session:
                message["sessionId"] = self.session
            self._send(message, self.timeout)
            for _ in range(self.MESSAGES):
                reply = self._receive(self.timeout)
                if reply.get("id") == self._next:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
                self.events.append(reply)
            raise TimeoutError(f"chromium sent {self.MESSAGES} messages and no reply to {method}")
        except BaseException:
            self.kill()
            raise

    def open(self, url: str) -> None:
        """Go to `url` and wait (at most `timeout` s) until it has loaded."""
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        try:
            for _ in range(self.MESSAGES):
                if any(e.get("method") == "Page.loadEventFired" for e in self.events):
                    break
                self.events.append(self._receive(self.timeout))
            else:
                raise TimeoutError(f"{url} sent {self.MESSAGES} messages and did not load")
        except BaseException:
            self.kill()
            raise

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and log entries of level error since `open`."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(str(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def requests(self) -> list[str]:
        """Every URL the page asked for since `open`."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def screenshot(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.captureScreenshot", session=True, format="png")["data"])

    def pdf(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.printToPDF", session=True, preferCSSPageSize=True,
                                          printBackground=True)["data"])

    def close(self) -> None:
        """Ask the browser to close, give it a few seconds, then kill what is left."""
        if self.process is not None and self.process.poll() is None:
            with contextlib.suppress(Exception):
                self._send({"id": self._next + 1, "method": "Browser.close", "params": {}}, 5)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=10)
        self.kill()

    def kill(self) -> None:
        """Kill the browser and every process it started, reap it, close the pipe; idempotent."""
        if self.process is not None:
            kill(self.process)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for name in ("_to_browser", "_from_browser"):
            descriptor = getattr(self, name)
            if descriptor >= 0:
                with contextlib.suppress(OSError):
                    os.close(descriptor)
                setattr(self, name, -1)

