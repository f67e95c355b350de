#!/usr/bin/env python3
"""Page weight: the HTML of each page plus every script and stylesheet it loads (no images), in bytes as sent
(the registry does not compress). Prints one TSV line per page: label, html, css, js, total, files.

    weight.py URL label=/path [label=/path ...]
"""
import html.parser
import sys
import urllib.parse
import urllib.request


class Assets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js = [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.js.append(a["src"])
        if tag == "link" and "stylesheet" in (a.get("rel") or "").split() and a.get("href"):
            self.css.append(a["href"])


def fetch(url):
    request = urllib.request.Request(url, headers={"Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def main():
    base = sys.argv[1]
    for spec in sys.argv[2:]:
        label, path = spec.split("=", 1)
        page = fetch(base + path)
        assets = Assets()
        assets.feed(page.decode("utf-8"))
        css = sum(len(fetch(urllib.parse.urljoin(base + path, href))) for href in assets.css)
        js = sum(len(fetch(urllib.parse.urljoin(base + path, src))) for src in assets.js)
        files = " ".join(assets.css + assets.js)
        print(f"{label}\t{len(page)}\t{css}\t{js}\t{len(page) + css + js}\t{files}")


if __name__ == "__main__":
    main()
