"""Stand-in for MongoDB (not packaged in Debian): JSON documents kept in memory, PUT and GET /docs/<id>."""
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DOCS = {}


class Handler(BaseHTTPRequestHandler):
    def do_PUT(self):
        DOCS[self.path] = self.rfile.read(int(self.headers["Content-Length"]))
        self.reply(201, b"{}")

    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, b'{"ok": 1}')
        doc = DOCS.get(self.path)
        self.reply(200, doc) if doc is not None else self.reply(404, b'{"error": "not found"}')

    def reply(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


ThreadingHTTPServer(("0.0.0.0", 27017), Handler).serve_forever()
