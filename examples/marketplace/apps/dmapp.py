"""What the three apps share: an HTTP server with path routes, sessions in Redis
(one store for both frontends, so a sign-in on one is seen by the other) and the
data API client. Settings come from the environment (.env through env_file)."""
import html
import json
import os
import re
import secrets
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import redis

SESSION_COOKIE = "dm_session"
SESSION_SECONDS = 3600
sessions = redis.Redis.from_url(os.environ["DM_REDIS_SESSIONS_URL"], decode_responses=True)
escape = html.escape


def api_get(path):
    """GET from the data API with the frontends' token; None for a 404."""
    request = urllib.request.Request(os.environ["DM_DATA_API_URL"] + path, headers={
        "Authorization": "Bearer " + os.environ["DM_DATA_API_AUTH_TOKEN"]})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def page(title, *paragraphs):
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<!doctype html><title>{escape(title)}</title><h1>{escape(title)}</h1>{body}"


class Handler(BaseHTTPRequestHandler):
    """Subclasses list ROUTES as (method, path regex, method name); groups become arguments."""
    ROUTES = []

    def dispatch(self, method):
        url = urllib.parse.urlsplit(self.path)
        self.query = urllib.parse.parse_qs(url.query)
        for route_method, pattern, name in self.ROUTES:
            match = re.fullmatch(pattern, url.path)
            if route_method == method and match:
                return getattr(self, name)(*match.groups())
        self.respond(404, page("Page not found"))

    def do_GET(self):
        self.dispatch("GET")

    def do_POST(self):
        self.dispatch("POST")

    def respond(self, status, body, content_type="text/html; charset=utf-8", headers=()):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def redirect(self, location, headers=()):
        self.respond(302, "", headers=[("Location", location), *headers])

    def form(self):
        length = int(self.headers.get("Content-Length", 0))
        return {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(length).decode()).items()}

    # --- sessions: a JSON document per session id, in Redis, with a TTL

    def session_id(self):
        cookie = SimpleCookie(self.headers.get("Cookie", ""))
        return cookie[SESSION_COOKIE].value if SESSION_COOKIE in cookie else None

    def session(self):
        sid = self.session_id()
        stored = sessions.get(f"session:{sid}") if sid else None
        return json.loads(stored) if stored else {}

    def save_session(self, data):
        """Stores the session; returns the Set-Cookie header for a new one (else nothing)."""
        sid = self.session_id()
        new = not sid or not sessions.exists(f"session:{sid}")
        if new:
            sid = secrets.token_urlsafe(24)
        sessions.set(f"session:{sid}", json.dumps(data), ex=SESSION_SECONDS)
        return [("Set-Cookie", f"{SESSION_COOKIE}={sid}; Path=/; HttpOnly")] if new else []


def serve(handler, port):
    print(f"{handler.__name__} listening on :{port}", flush=True)
    ThreadingHTTPServer(("", port), handler).serve_forever()
