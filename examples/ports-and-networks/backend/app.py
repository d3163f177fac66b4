"""The seed's backend: published on the host, it reaches redis, postgres and mongo by service name.

Each endpoint writes a fresh token to one store, reads it back and answers in key=value lines,
so a test on the host sees that the backend really talked to that store.
"""
import json
import os
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import psycopg2
import redis


def use_redis():
    r = redis.Redis(host=os.environ["REDIS_HOST"], port=6379, socket_timeout=5)
    token = uuid.uuid4().hex
    r.set("ports-example:token", token)  # a test looks for it on the host's port 6379
    return {"address": "redis:6379", "token": r.get("ports-example:token").decode(), "hits": r.incr("hits")}


def use_postgres():
    token = uuid.uuid4().hex
    with psycopg2.connect(os.environ["POSTGRES_DSN"], connect_timeout=5) as conn, conn.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS visits (token text PRIMARY KEY)")
        cur.execute("INSERT INTO visits VALUES (%s)", (token,))
        cur.execute("SELECT count(*), current_setting('server_version') FROM visits")
        rows, version = cur.fetchone()
    conn.close()
    return {"address": "postgres:5432", "token": token, "rows": rows, "version": version}


def use_mongo():
    token = uuid.uuid4().hex
    url = os.environ["MONGO_URL"] + "/docs/" + token
    put = urllib.request.Request(url, data=json.dumps({"token": token}).encode(), method="PUT")
    urllib.request.urlopen(put, timeout=5).close()
    with urllib.request.urlopen(url, timeout=5) as r:
        return {"address": "mongo:27017", "token": json.load(r)["token"]}


ROUTES = {"/redis": use_redis, "/postgres": use_postgres, "/mongo": use_mongo, "/health": lambda: {"status": "ok"}}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        route = ROUTES.get(self.path)
        if route is None:
            return self.reply(404, {"error": "no route " + self.path})
        try:
            self.reply(200, route())
        except Exception as e:  # the test shows what went wrong inside the network
            self.reply(502, {"error": repr(e)})

    def reply(self, status, values):
        body = "".join(f"{k}={v}\n" for k, v in values.items()).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("0.0.0.0", 3000), Handler).serve_forever()
