"""The site generator (Citizen's `npm run build`): every page of templates/ inside the layout, for one mode.

python3 build.py <mode> <output directory>
"""
import pathlib
import string
import sys

TEMPLATES = pathlib.Path(__file__).parent / "templates"


def render(mode):
    """Page name -> HTML; <!--proposals--> is left for the server to fill in on each request."""
    layout = string.Template((TEMPLATES / "layout.html").read_text(encoding="utf-8"))
    return {page.name: layout.substitute(mode=mode, content=page.read_text(encoding="utf-8"))
            for page in (TEMPLATES / "pages").glob("*.html")}


if __name__ == "__main__":
    mode, out = sys.argv[1], pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name, html in render(mode).items():
        (out / name).write_text(html, encoding="utf-8")
        print(f"built {out / name} ({mode})")
