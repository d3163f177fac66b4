"""The backend of one platform (off or pro): a small HTTP API on port 8000.

Answers are java.util.Properties-style "key=value" lines, so the tests need no JSON library.
  GET  /health                      200 once the process serves
  GET  /info                        project, PRODUCERS_PLATFORM, queue, and the PostgreSQL it reached
  POST /tasks?task=T&args=A         queues a task on this platform's MINION_QUEUE
  GET  /tasks/ID                    a task's state and who finished it
  PUT  /files/VOLUME/NAME           writes the body to /mnt/VOLUME/NAME (orgs, users, podata)
  GET  /files/VOLUME/NAME           reads it back
  PUT  /products/CODE, GET ...      a product in this project's docstore (OFF keeps them in mongodb)
  GET  /peer/HOST/info              /info of another backend, reached by name on the minion_db network
"""
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2

ENV = os.environ
VOLUMES = ("orgs", "users", "podata")


def db():
    return psycopg2.connect(host=ENV["POSTGRES_HOST"], user=ENV["POSTGRES_USER"],
                            password=ENV["POSTGRES_PASSWORD"], dbname=ENV["POSTGRES_DB"], connect_timeout=5)


def info():
    with db() as conn, conn.cursor() as cur:
        # system_identifier is unique per cluster: equal values mean the same PostgreSQL
        cur.execute("SELECT host(inet_server_addr()), system_identifier FROM pg_control_system()")
        server_addr, system_id = cur.fetchone()
    conn.close()
    return {"project": ENV["COMPOSE_PROJECT_NAME"], "producers_platform": ENV["PRODUCERS_PLATFORM"],
            "minion_queue": ENV["MINION_QUEUE"], "db.host": ENV["POSTGRES_HOST"],
            "db.address": server_addr, "db.system_identifier": system_id}


def fetch(url, method="GET", data=None):
    req = urllib.request.Request(url, data=data, method=method)
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


class Handler(BaseHTTPRequestHandler):
    # keep-alive, as the tests' HttpClient expects (every answer has a Content-Length); with HTTP/1.0
    # it may reuse a connection this server already closed, and a PUT is not retried
    protocol_version = "HTTP/1.1"

    def reply(self, code, body):
        if isinstance(body, dict):
            body = "".join(f"{k}={v}\n" for k, v in body.items())
        data = body if isinstance(body, bytes) else body.encode()
        self.send_response(code)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        parts = [p for p in url.path.split("/") if p]
        query = dict(urllib.parse.parse_qsl(url.query))
        verb = self.command
        if parts == ["health"]:
            return 200, "ok\n"
        if parts == ["info"]:
            return 200, info()
        if parts == ["tasks"] and verb == "POST":
            return self.create_task(query)
        if len(parts) == 2 and parts[0] == "tasks":
            return self.read_task(int(parts[1]))
        if len(parts) == 3 and parts[0] == "files" and parts[1] in VOLUMES and parts[2] not in (".", ".."):
            return self.file(os.path.join("/mnt", parts[1], parts[2]), verb)
        if len(parts) == 2 and parts[0] == "products":
            body = self.body() if verb == "PUT" else None
            return fetch(f"http://docstore:8080/products/{parts[1]}", verb, body)
        if len(parts) == 3 and parts[0] == "peer" and parts[2] == "info":
            return fetch(f"http://{parts[1]}:8000/info")
        return 404, "not found\n"

    def create_task(self, query):
        with db() as conn, conn.cursor() as cur:
            cur.execute("INSERT INTO minion_jobs (queue, task, args, created_by) VALUES (%s, %s, %s, %s) RETURNING id",
                        (ENV["MINION_QUEUE"], query.get("task", "noop"), query.get("args", ""), ENV["COMPOSE_PROJECT_NAME"]))
            task_id = cur.fetchone()[0]
        conn.close()
        return 201, {"id": task_id, "queue": ENV["MINION_QUEUE"]}

    def read_task(self, task_id):
        with db() as conn, conn.cursor() as cur:
            cur.execute("SELECT queue, task, state, created_by, finished_by, result FROM minion_jobs WHERE id = %s", (task_id,))
            row = cur.fetchone()
        conn.close()
        if row is None:
            return 404, "no such task\n"
        keys = ("queue", "task", "state", "created_by", "finished_by", "result")
        return 200, {k: ("" if v is None else v) for k, v in zip(keys, row)}

    def file(self, path, verb):
        if verb == "PUT":
            with open(path, "wb") as f:
                f.write(self.body())
            return 204, b""
        if not os.path.exists(path):
            return 404, "no such file\n"
        with open(path, "rb") as f:
            return 200, f.read()

    def body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", 0)))

    def handle_one(self):
        try:
            code, body = self.route()
        except Exception as e:  # report, don't hang up: the tests show the message
            code, body = 500, f"{type(e).__name__}: {e}\n"
        self.reply(code, body)

    do_GET = do_PUT = do_POST = handle_one

    def log_message(self, fmt, *args):
        print(f"{ENV['COMPOSE_PROJECT_NAME']} backend: {fmt % args}", flush=True)


if __name__ == "__main__":
    print(f"backend of {ENV['COMPOSE_PROJECT_NAME']} on {socket.gethostname()}:8000, queue {ENV['MINION_QUEUE']}", flush=True)
    ThreadingHTTPServer(("", 8000), Handler).serve_forever()
