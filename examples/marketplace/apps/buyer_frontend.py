"""The buyer frontend on port 5002: the home page, G-Cloud search and service
pages, from the data API. The session (in Redis) keeps the services viewed, and
shows who signed in on the supplier frontend."""
import urllib.parse

from dmapp import Handler, api_get, escape, page, serve, sessions


class BuyerFrontend(Handler):
    ROUTES = [
        ("GET", r"/_status", "status"),
        ("GET", r"/", "home"),
        ("GET", r"/g-cloud/search", "search"),
        ("GET", r"/g-cloud/services/(\d+)", "service"),
    ]

    def status(self):
        sessions.ping()
        self.respond(200, {"status": "ok", "api": api_get("/api/_status")["status"]}, "application/json")

    def home(self):
        session = self.session()
        frameworks = api_get("/api/frameworks")["frameworks"]
        viewed = session.get("viewed", [])
        self.respond(200, page(
            "Digital Marketplace",
            f"Signed in as {escape(session['user'])}" if "user" in session else "Not signed in",
            "Frameworks: " + ", ".join(f"{escape(f['name'])} ({f['status']})" for f in frameworks),
            "Recently viewed: " + (", ".join(escape(v) for v in viewed) or "nothing yet")))

    def search(self):
        q = self.query.get("q", [""])[0]
        services = api_get("/api/services?" + urllib.parse.urlencode({"q": q}))["services"]
        self.respond(200, page(f"{len(services)} results for {q}", *(
            f"<a href=\"/g-cloud/services/{s['id']}\">{escape(s['name'])}</a> by {escape(s['supplierName'])}"
            for s in services)))

    def service(self, service_id):
        service = api_get(f"/api/services/{service_id}")
        if service is None:
            return self.respond(404, page("Service not found"))
        session = self.session()
        session["viewed"] = [service["name"]] + [v for v in session.get("viewed", []) if v != service["name"]][:4]
        cookie = self.save_session(session)
        self.respond(200, page(service["name"], f"Supplier: {escape(service['supplierName'])}",
                               f"Lot: {service['lot']}", f"Price: {escape(service['price'])}"), headers=cookie)


if __name__ == "__main__":
    serve(BuyerFrontend, 5002)
