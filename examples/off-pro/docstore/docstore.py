"""Stands in for OFF's mongodb: a tiny document store over HTTP on port 8080 (not the MongoDB
protocol). One per project, each with its own volume: products are not shared between off and pro.
  PUT /COLLECTION/ID  stores the body as the document   GET /COLLECTION/ID  returns it (404 if absent)"""
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ROOT = "/data"
NAME = re.compile(r"^/([A-Za-z0-9_-]+)/([A-Za-z0-9_.-]+)$")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # every answer has a Content-Length

    def reply(self, code, data=b""):
        self.send_response(code)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, b"ok\n")
        m = NAME.match(self.path)
        path = m and os.path.join(ROOT, m[1], m[2] + ".json")
        if not path or not os.path.exists(path):
            return self.reply(404, b"no such document\n")
        with open(path, "rb") as f:
            self.reply(200, f.read())

    def do_PUT(self):
        m = NAME.match(self.path)
        if not m:
            return self.reply(404, b"no such collection\n")
        os.makedirs(os.path.join(ROOT, m[1]), exist_ok=True)
        with open(os.path.join(ROOT, m[1], m[2] + ".json"), "wb") as f:
            f.write(self.rfile.read(int(self.headers.get("Content-Length", 0))))
        self.reply(204)


if __name__ == "__main__":
    ThreadingHTTPServer(("", 8080), Handler).serve_forever()
