"""The supplier frontend on port 5003, under /suppliers: sign-in with a user of
the data API (kept in the shared Redis session) and the supplier's dashboard."""
import urllib.parse

from dmapp import Handler, api_get, escape, page, serve, sessions


class SupplierFrontend(Handler):
    ROUTES = [
        ("GET", r"/suppliers/_status", "status"),
        ("GET", r"/suppliers/login", "login_form"),
        ("POST", r"/suppliers/login", "login"),
        ("GET", r"/suppliers/?", "dashboard"),
    ]

    def status(self):
        sessions.ping()
        self.respond(200, {"status": "ok", "api": api_get("/api/_status")["status"]}, "application/json")

    def login_form(self):
        self.respond(200, page("Log in", '<form method="post"><input name="email"><button>Log in</button></form>'))

    def login(self):
        email = self.form().get("email", "")
        user = api_get("/api/users/" + urllib.parse.quote(email, safe=""))
        if user is None or user["role"] != "supplier":
            return self.respond(403, page("Log in", "Make sure you've entered the right email address."))
        session = self.session()
        session.update(user=user["email"], supplierId=user["supplierId"])
        self.redirect("/suppliers", self.save_session(session))

    def dashboard(self):
        session = self.session()
        if "supplierId" not in session:
            return self.redirect("/suppliers/login")
        supplier = api_get(f"/api/suppliers/{session['supplierId']}")
        self.respond(200, page(supplier["name"], f"Signed in as {escape(session['user'])}",
                               f"{len(supplier['services'])} services:",
                               *(escape(s["name"]) for s in supplier["services"])))


if __name__ == "__main__":
    serve(SupplierFrontend, 5003)
