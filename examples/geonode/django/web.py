"""The "django" service: GeoNode's web app, reduced to what the example needs.

At start it reads the GeoServer data dir that data-dir-conf prepared (and refuses
to start without it), creates its table ("migrate"), then serves:
  GET  /health                 for the healthcheck
  GET  /api/datadir            what it found in the data dir
  POST /api/layers             {"name", "points"}: queued for the worker (celery)
  GET  /api/layers/<typename>  the layer once the worker stored it, else 404
"""
import glob
import json
import os
import re
import socket
import sys
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pika

import settings

STARTED_AT = time.time()
MARKER = os.path.join(settings.DATA_DIR, ".initialized")


def read_data_dir():
    if not os.path.isfile(MARKER):
        sys.exit(f"django: {settings.DATA_DIR} is not initialized (no .initialized): did data-dir-conf run?")
    workspaces = sorted(
        re.search(r"<name>(.*)</name>", open(path).read()).group(1)
        for path in glob.glob(os.path.join(settings.DATA_DIR, "workspaces", "*", "workspace.xml")))
    return {
        "workspaces": workspaces,
        "proxyBaseUrl": re.search(r"<proxyBaseUrl>(.*)</proxyBaseUrl>",
                                  open(os.path.join(settings.DATA_DIR, "global.xml")).read()).group(1),
        "initializedAtMillis": int(os.stat(MARKER).st_mtime * 1000),
        "djangoStartedAtMillis": int(STARTED_AT * 1000),
    }


DATA_DIR_AT_START = read_data_dir()
WORKSPACE = DATA_DIR_AT_START["workspaces"][0]


def migrate():
    with settings.db() as conn, conn.cursor() as cur:
        cur.execute("""CREATE TABLE IF NOT EXISTS layers (
                         typename text PRIMARY KEY,
                         minx double precision, miny double precision,
                         maxx double precision, maxy double precision,
                         point_count integer NOT NULL,
                         processed_by text NOT NULL,
                         processed_at timestamptz NOT NULL DEFAULT now())""")


class Handler(BaseHTTPRequestHandler):
    def reply(self, status, body):
        data = settings.to_json(body)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path in ("/", "/health"):
            self.reply(200, {"app": "geonode", "host": socket.gethostname()})
        elif self.path == "/api/datadir":
            with open(os.path.join(settings.DATA_DIR, ".runs")) as runs:
                self.reply(200, dict(DATA_DIR_AT_START, runs=runs.read().splitlines()))
        elif self.path.startswith("/api/layers/"):
            self.get_layer(self.path[len("/api/layers/"):])
        else:
            self.reply(404, {"error": "not found"})

    def get_layer(self, typename):
        with settings.db() as conn, conn.cursor() as cur:
            cur.execute("SELECT typename, minx, miny, maxx, maxy, point_count, processed_by"
                        " FROM layers WHERE typename = %s", (typename,))
            row = cur.fetchone()
        if row is None:
            self.reply(404, {"typename": typename, "status": "pending"})
        else:
            keys = ("typename", "minx", "miny", "maxx", "maxy", "pointCount", "processedBy")
            self.reply(200, dict(zip(keys, row)))

    def do_POST(self):
        if self.path != "/api/layers":
            return self.reply(404, {"error": "not found"})
        upload = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        task = {"typename": f"{WORKSPACE}:{upload['name']}", "points": upload["points"],
                "queuedAt": datetime.now(timezone.utc).isoformat()}
        connection, channel = settings.broker_channel()
        try:
            channel.basic_publish(exchange="", routing_key=settings.QUEUE, body=settings.to_json(task),
                                  properties=pika.BasicProperties(delivery_mode=2))
        finally:
            connection.close()
        self.reply(202, {"typename": task["typename"], "status": "queued", "queue": settings.QUEUE})


if __name__ == "__main__":
    migrate()
    print(f"django: data dir {DATA_DIR_AT_START}, serving on :8000", flush=True)
    ThreadingHTTPServer(("", 8000), Handler).serve_forever()
