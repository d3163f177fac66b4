"""Citizen's API: the proposals in the database, and votes on them. APP_ENV says how it was deployed."""
import json
import os
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2

MODE = os.environ.get("APP_ENV", "unset")


def query(sql, *args):
    with psycopg2.connect(os.environ["DATABASE_DSN"], connect_timeout=5) as conn, conn.cursor() as cur:
        cur.execute(sql, args)
        rows = cur.fetchall() if cur.description else []
    conn.close()
    return rows


def proposals():
    return [{"id": i, "title": t, "votes": v} for i, t, v in query("SELECT id, title, votes FROM proposals ORDER BY id")]


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/api/health":
            query("SELECT 1")
            return self.reply(200, {"status": "ok"})
        if self.path == "/api/info":
            return self.reply(200, {"mode": MODE, "debug": MODE == "development", "proposals": len(proposals())})
        if self.path == "/api/proposals":
            return self.reply(200, proposals())
        self.reply(404, {"error": "no route " + self.path})

    def do_POST(self):
        vote = re.fullmatch(r"/api/proposals/(\d+)/vote", self.path)
        if vote is None:
            return self.reply(404, {"error": "no route " + self.path})
        rows = query("UPDATE proposals SET votes = votes + 1 WHERE id = %s RETURNING votes", int(vote.group(1)))
        self.reply(200, {"id": int(vote.group(1)), "votes": rows[0][0]}) if rows else self.reply(404, {"error": "no proposal"})

    def reply(self, status, value):
        body = json.dumps(value, ensure_ascii=False, sort_keys=True).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 5000), Handler).serve_forever()
