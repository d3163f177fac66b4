"""The data API (digitalmarketplace-api) on port 5000: JSON from PostgreSQL, for
callers with the bearer token; data GETs are cached in Redis (X-Cache: HIT/MISS)."""
import json
import os
import urllib.parse

import psycopg2
import psycopg2.extras
import redis

from dmapp import Handler, serve

TOKEN = os.environ["DM_DATA_API_AUTH_TOKEN"]
CACHE_SECONDS = int(os.environ["DM_API_CACHE_SECONDS"])
cache = redis.Redis.from_url(os.environ["DM_REDIS_CACHE_URL"], decode_responses=True)

SERVICE = """SELECT s.id, s.name, s.lot, s.price, s.framework_slug AS framework,
                    s.supplier_id AS "supplierId", p.name AS "supplierName"
             FROM services s JOIN suppliers p ON p.id = s.supplier_id"""


def query(sql, *args):
    conn = psycopg2.connect(os.environ["DM_DATABASE_URL"])
    try:
        with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute(sql, args)
            return cur.fetchall()
    finally:
        conn.close()


def one(rows):
    return rows[0] if rows else None


class Api(Handler):
    ROUTES = [
        ("GET", r"/api/_status", "status"),
        ("GET", r"/api/frameworks", "frameworks"),
        ("GET", r"/api/services", "search"),
        ("GET", r"/api/services/(\d+)", "service"),
        ("GET", r"/api/suppliers/(\d+)", "supplier"),
        ("GET", r"/api/users/([^/]+)", "user"),
    ]

    def status(self):
        count = query("SELECT count(*) AS services FROM services")[0]["services"]
        self.respond(200, {"status": "ok", "services": count}, "application/json")

    def data(self, load):
        """Answers from the Redis cache, or loads from PostgreSQL and caches."""
        if self.headers.get("Authorization") != f"Bearer {TOKEN}":
            return self.respond(401, {"error": "Unauthorized; bearer token must be provided"}, "application/json")
        key = f"api-cache:{self.path}"
        cached = cache.get(key)
        hit = cached is not None
        if not hit:
            cached = json.dumps(load(), default=str)
            cache.set(key, cached, ex=CACHE_SECONDS)
        self.respond(404 if cached == "null" else 200, cached, "application/json",
                     [("X-Cache", "HIT" if hit else "MISS")])

    def frameworks(self):
        self.data(lambda: {"frameworks": query("SELECT slug, name, status FROM frameworks ORDER BY slug")})

    def search(self):
        term = "%" + self.query.get("q", [""])[0] + "%"
        self.data(lambda: {"services": query(SERVICE + " WHERE s.name ILIKE %s OR p.name ILIKE %s ORDER BY s.id",
                                             term, term)})

    def service(self, service_id):
        self.data(lambda: one(query(SERVICE + " WHERE s.id = %s", int(service_id))))

    def supplier(self, supplier_id):
        def load():
            supplier = one(query("SELECT id, name, description FROM suppliers WHERE id = %s", int(supplier_id)))
            if supplier:
                supplier["services"] = query(SERVICE + " WHERE s.supplier_id = %s ORDER BY s.id", int(supplier_id))
            return supplier
        self.data(load)

    def user(self, email):
        self.data(lambda: one(query('SELECT email, name, role, supplier_id AS "supplierId" FROM users'
                                    " WHERE email = %s", urllib.parse.unquote(email))))


if __name__ == "__main__":
    serve(Api, 5000)
