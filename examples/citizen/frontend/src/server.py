"""Serves Citizen's pages, with the backend's proposals rendered into them on each request.

--dev: renders the pages from the templates on every request (the build stage, sources mounted: edits show at once);
otherwise serves the pages the build stage built into /site (the run stage has no templates).
"""
import html
import json
import os
import pathlib
import sys
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DEV = "--dev" in sys.argv
STAGE = os.environ.get("SITE_STAGE", "unknown")


def pages():
    if DEV:
        import build  # only the build stage has the generator
        return build.render("development")
    return {p.name: p.read_text(encoding="utf-8") for p in pathlib.Path("/site").glob("*.html")}


def proposals_html():
    with urllib.request.urlopen(os.environ["BACKEND_URL"] + "/api/proposals", timeout=5) as r:
        items = json.load(r)
    return "\n".join(f'      <li data-id="{p["id"]}">{html.escape(p["title"])} <span class="votes">{p["votes"]}</span></li>'
                     for p in items)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/health":
            return self.reply(200, "text/plain", "ok")
        page = pages().get("index.html" if self.path == "/" else self.path.lstrip("/"))
        if page is None:
            return self.reply(404, "text/plain", "not found")
        self.reply(200, "text/html", page.replace("<!--proposals-->", proposals_html()))

    def reply(self, status, content_type, text):
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type + "; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Site-Stage", STAGE)
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 3000), Handler).serve_forever()
