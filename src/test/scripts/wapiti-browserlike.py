"""Debian's wapiti 3.0.4, made to behave like a browser on InvestCRM's pages (issue 13; used by security-scan.sh).

Takes wapiti's own arguments; SCAN_REQUEST_LOG names a file that gets one line a request. Four changes, all in the scanner, none in the app:
- `-x` works again: 3.0.4 builds its exclusion patterns with trailing regex flags, an error since Python 3.11, so
  `-x` crashed. With it the crawl keeps off /logout and stays signed in.
- The session starts from the cookies in SCAN_COOKIES ("name=value; ..."), put in wapiti's cookie jar (not sent as a
  fixed header), so cookies the app sets later (the refreshed session, the next CSRF cookie) replace them as in a browser.
- A multipart form sends its fields as plain parts (3.0.4 sends each as a file, so no field ever reached the app).
- A form is submitted with the CSRF token of a fresh copy of its page: the app signs a new token with every page it
  renders and only the newest cookie's token is valid, so the token wapiti saw while crawling is stale by the time it
  attacks, and every attack would stop at the CSRF check (400) without reaching the handler. A token wapiti set on
  purpose (its CSRF module sends "wapiti") is left alone, so that module still checks the refusal.
"""
import html
import os
import re
import sys
import time
from urllib.parse import urljoin, urlparse

import requests
import wapitiCore.net.crawler as crawler
from wapitiCore.net import web
from wapitiCore.net.page import Page

TOKEN = "csrf-token"


def wildcard_translate(pattern):
    return re.compile("(?ms)" + "".join(".*" if c == "*" else re.escape(c) for c in pattern) + r"\Z")


crawler.wildcard_translate = wildcard_translate

_init = crawler.Crawler.__init__


def _init_with_session(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    for pair in os.environ.get("SCAN_COOKIES", "").split(";"):
        if "=" in pair:
            name, value = pair.strip().split("=", 1)
            self._session.cookies.set(name, value, domain="localhost.local", path="/")
    if os.environ.get("SCAN_REQUEST_LOG"):
        self._session.hooks["response"].append(_log_response)


def _log_response(response, *args, **kwargs):
    """One line a request (time, method, status, URL, Location) for the verdict: counts, 500s, sign-in redirects."""
    with open(os.environ["SCAN_REQUEST_LOG"], "a", encoding="utf-8") as log:
        log.write("\t".join([str(time.time()), response.request.method, str(response.status_code),
                              response.request.url.replace("\t", " ")[:500],
                              response.headers.get("Location", "").replace("\t", " ")[:500]]) + "\n")


crawler.Crawler.__init__ = _init_with_session

_post = crawler.Crawler.post
FORM = re.compile(r"<form\b[^>]*>.*?</form>", re.S | re.I)
ACTION = re.compile(r'action="([^"]*)"', re.I)
VALUE = re.compile(r'name="' + TOKEN + r'"[^>]*value="([^"]*)"|value="([^"]*)"[^>]*name="' + TOKEN + '"', re.I)


def _tokens(self, url, path):
    """The CSRF token of the form posting to `path` on a fresh copy of `url`, else the page's first token, else None."""
    page = self._session.get(url, timeout=self._timeout, allow_redirects=True, verify=self.secure)
    first = None
    for match in FORM.finditer(page.text):
        value = VALUE.search(match.group(0))
        if not value:
            continue
        token = value.group(1) or value.group(2)
        first = first or token
        action = ACTION.search(match.group(0))
        target = urljoin(url, html.unescape(action.group(1))) if action else url
        if urlparse(target).path == path:
            return token
    return first


def _fresh_token(self, form):
    """
    A token valid now: the app's tokens are bound to the newest CSRF cookie, not to a form, so when the form's own page
    is gone (a deleted record) or was the answer to a POST (a form shown again with its errors), any page with a form
    serves, as the next page a browser shows would.
    """
    path = urlparse(form.path).path
    token = _tokens(self, form.referer, path) if form.referer else None
    if token is None:
        token = _tokens(self, urljoin(form.path, os.environ.get("SCAN_TOKEN_PAGE", "/companies/new")), path)
    return token


def _post_like_a_browser(self, form, follow_redirects=False, headers=None):
    params = form.post_params
    if any(p[0] == TOKEN and p[1] != "wapiti" for p in params):
        token = _fresh_token(self, form)
        if token:
            params = [[p[0], token] if p[0] == TOKEN else p for p in params]
            form = web.Request(form.path, method=form.method, get_params=form.get_params, post_params=params,
                               file_params=form.file_params, enctype=form.enctype, referer=form.referer,
                               link_depth=form.link_depth)
    if not form.is_multipart:
        return _post(self, form, follow_redirects=follow_redirects, headers=headers)
    # 3.0.4 sends every field of a multipart form as a file part (filename = field name), so the app never sees the
    # token or any field as a form value; a browser sends them as plain parts
    form_headers = dict(headers or {})
    if form.referer:
        form_headers["referer"] = form.referer
    try:
        response = self._session.post(form.path, params=form.get_params,
                                      files=[(k, (None, v)) for k, v in form.post_params] + list(form.file_params),
                                      headers=form_headers, timeout=self._timeout, allow_redirects=follow_redirects,
                                      verify=self.secure)
    except requests.exceptions.ConnectionError as exception:
        if "Read timed out" in str(exception):
            raise requests.exceptions.ReadTimeout("Request time out")
        raise
    return Page(response)


crawler.Crawler.post = _post_like_a_browser

if __name__ == "__main__":
    from wapitiCore.main.wapiti import wapiti_main

    sys.argv[0] = "wapiti"
    sys.exit(wapiti_main())
