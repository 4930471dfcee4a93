"""A small Language Server Protocol client: enough to type into a YAML file as an editor does.

It starts the real ``yaml-language-server`` (npm, the server VS Code's YAML
extension runs) over stdio and speaks JSON-RPC with Content-Length framing:
open a document, wait for its diagnostics, ask for completions or a hover.
"""

from __future__ import annotations

import json
import queue
import subprocess
import threading
from pathlib import Path
from typing import Any

from conftest import PROJECT

SERVER = PROJECT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"

#: The editor's settings, as VS Code's YAML extension sends them; no schema store (nothing fetched from the internet).
SETTINGS = {
    "yaml": {
        "validate": True,
        "completion": True,
        "hover": True,
        "format": {"enable": False},
        "schemaStore": {"enable": False},
        "schemas": {},
    }
}

TIMEOUT = 30


class LanguageServer:
    """One running server; use as a context manager so that it is shut down and its pipes closed."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._next_id = 0
        self._responses: dict[int, queue.Queue] = {}
        self._diagnostics: dict[str, queue.Queue] = {}
        self._lock = threading.Lock()
        self._write_lock = threading.Lock()
        self.process = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=root,
        )
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # ----------------------------------------------------------------- framing

    def _send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        with self._write_lock:
            assert self.process.stdin is not None
            self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.process.stdin.flush()

    def _read_message(self) -> dict[str, Any] | None:
        stream = self.process.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _sep, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value)
        assert length is not None, "a message without Content-Length"
        return json.loads(stream.read(length).decode("utf-8"))

    def _read_loop(self) -> None:
        while True:
            message = self._read_message()
            if message is None:
                return
            if "id" in message and "method" in message:
                self._answer(message)
            elif "id" in message:
                self._queue(self._responses, message["id"]).put(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                self._queue(self._diagnostics, params["uri"]).put(params["diagnostics"])

    def _queue(self, table: dict, key: Any) -> queue.Queue:
        with self._lock:
            return table.setdefault(key, queue.Queue())

    def _answer(self, request: dict[str, Any]) -> None:
        """Requests from the server: its settings, and registrations we accept."""
        if request["method"] == "workspace/configuration":
            result = [self._setting(item.get("section")) for item in request["params"]["items"]]
        else:
            result = None
        self._send({"id": request["id"], "result": result})

    @staticmethod
    def _setting(section: str | None) -> Any:
        node: Any = SETTINGS
        for part in (section or "").split("."):
            if part:
                node = node.get(part) if isinstance(node, dict) else None
        return node

    # ----------------------------------------------------------------- requests

    def request(self, method: str, params: Any) -> Any:
        self._next_id += 1
        number = self._next_id
        answers = self._queue(self._responses, number)
        self._send({"id": number, "method": method, "params": params})
        response = answers.get(timeout=TIMEOUT)
        assert "error" not in response, response["error"]
        return response.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def start(self) -> "LanguageServer":
        self.request("initialize", {
            "processId": None,
            "rootUri": self.root.as_uri(),
            "capabilities": {
                "workspace": {"configuration": True, "didChangeConfiguration": {"dynamicRegistration": True}},
                "textDocument": {
                    "completion": {"completionItem": {"snippetSupport": True, "documentationFormat": ["markdown"]}},
                    "hover": {"contentFormat": ["markdown", "plaintext"]},
                    "publishDiagnostics": {},
                },
            },
            "initializationOptions": {},
        })
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": SETTINGS})
        return self

    def open(self, path: Path, text: str) -> list[dict[str, Any]]:
        """Open ``text`` as the document ``path`` (it need not exist) and return its first diagnostics."""
        uri = path.as_uri()
        diagnostics = self._queue(self._diagnostics, uri)
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        return diagnostics.get(timeout=TIMEOUT)

    def close(self, path: Path) -> None:
        self.notify("textDocument/didClose", {"textDocument": {"uri": path.as_uri()}})

    def completion(self, path: Path, line: int, character: int) -> list[dict[str, Any]]:
        result = self.request("textDocument/completion", {
            "textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}})
        return result["items"] if isinstance(result, dict) else (result or [])

    def hover(self, path: Path, line: int, character: int) -> str:
        result = self.request("textDocument/hover", {
            "textDocument": {"uri": path.as_uri()}, "position": {"line": line, "character": character}})
        contents = (result or {}).get("contents", "")
        return contents.get("value", "") if isinstance(contents, dict) else str(contents)

    # ----------------------------------------------------------------- shutdown

    def __enter__(self) -> "LanguageServer":
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        try:
            if self.process.poll() is None:
                self.request("shutdown", None)
                self.notify("exit", None)
                self.process.wait(timeout=TIMEOUT)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join(timeout=TIMEOUT)  # the server has exited: its output ends, the reader stops
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
