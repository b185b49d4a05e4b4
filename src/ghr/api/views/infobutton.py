"""/connect: the infobutton answer as an Atom feed (text/xml) or its JSON form (application/json or JSONP)."""

from __future__ import annotations

import json

from django.http import HttpResponse
from django.views.decorators.http import require_safe
from lxml import etree

from ghr.api import jsonp, pages
from ghr.api.infobutton import Feed, knowledge_feed

ATOM = "http://www.w3.org/2005/Atom"
XML = "http://www.w3.org/XML/1998/namespace"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
AUTHOR = "Genetics Home Reference (ghr)"
LANGUAGE = "en"
RESPONSE_TYPES = {"text/xml", "application/xml", "application/atom+xml", "application/json", "application/javascript"}
LONGEST_CODE = 100


class BadRequest(ValueError):
    pass


def _timestamp(moment) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _criteria(params: dict[str, str]) -> list[tuple[str, str]]:
    """The search criteria as the request gave them, echoed as MedlinePlus Connect echoes them (Atom categories)."""
    return [
        ("mainSearchCriteria.v.c", params["code"]),
        ("mainSearchCriteria.v.cs", params["system"]),
        ("mainSearchCriteria.v.dn", params["display"]),
        ("informationRecipient", params["recipient"]),
    ]


def _subtitle(feed: Feed) -> str:
    return f"{feed.subtitle}. {feed.reason}" if feed.reason else feed.subtitle


def atom_bytes(feed: Feed, request_url: str, params: dict[str, str]) -> bytes:
    """The feed as MedlinePlus Connect writes it: xml:base and xml:lang on the feed, the search criteria as
    categories, and each entry with its language and a titled link."""
    root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM, "xsi": XSI})
    root.set(f"{{{XML}}}base", pages.base_url() + "/")
    root.set(f"{{{XML}}}lang", LANGUAGE)
    etree.SubElement(root, f"{{{ATOM}}}title", type="text").text = feed.title
    etree.SubElement(root, f"{{{ATOM}}}updated").text = _timestamp(feed.updated)
    etree.SubElement(root, f"{{{ATOM}}}id").text = request_url
    author = etree.SubElement(root, f"{{{ATOM}}}author")
    etree.SubElement(author, f"{{{ATOM}}}name").text = AUTHOR
    etree.SubElement(author, f"{{{ATOM}}}uri").text = pages.base_url() + "/"
    etree.SubElement(root, f"{{{ATOM}}}subtitle", type="text").text = _subtitle(feed)
    for scheme, term in _criteria(params):
        etree.SubElement(root, f"{{{ATOM}}}category", scheme=scheme, term=term)
    for entry in feed.entries:
        item = etree.SubElement(root, f"{{{ATOM}}}entry")
        item.set(f"{{{XML}}}lang", LANGUAGE)
        etree.SubElement(item, f"{{{ATOM}}}title", type="text").text = entry.title
        etree.SubElement(item, f"{{{ATOM}}}link", href=entry.url, rel="alternate", type="text/html", title=entry.title)
        etree.SubElement(item, f"{{{ATOM}}}id").text = entry.url
        etree.SubElement(item, f"{{{ATOM}}}updated").text = _timestamp(entry.updated)
        etree.SubElement(item, f"{{{ATOM}}}summary", type="text").text = entry.summary
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def feed_json(feed: Feed, request_url: str, params: dict[str, str]) -> dict:
    """The JSON form MedlinePlus Connect uses: Atom elements as objects, text in "_value", attributes (xml:base,
    xml:lang, the xsi prefix) as plain keys."""
    body = {
        "xsi": XSI,
        "base": pages.base_url() + "/",
        "lang": LANGUAGE,
        "title": {"_value": feed.title, "type": "text"},
        "subtitle": {"_value": _subtitle(feed), "type": "text"},
        "author": {"name": {"_value": AUTHOR}, "uri": {"_value": pages.base_url() + "/"}},
        "updated": {"_value": _timestamp(feed.updated)},
        "category": [{"scheme": scheme, "term": term} for scheme, term in _criteria(params)],
        "id": {"_value": request_url},
        "entry": [
            {
                "lang": LANGUAGE,
                "title": {"_value": e.title, "type": "text"},
                "link": [{"title": e.title, "rel": "alternate", "type": "text/html", "href": e.url}],
                "id": {"_value": e.url},
                "updated": {"_value": _timestamp(e.updated)},
                "summary": {"_value": e.summary, "type": "text"},
            }
            for e in feed.entries
        ],
    }
    if feed.reason:
        body["reason"] = feed.reason
    return {"feed": body}


def _params(request) -> dict[str, str]:
    get = request.GET
    system = get.get("mainSearchCriteria.v.cs", "").strip()
    code = get.get("mainSearchCriteria.v.c", "").strip()
    if not system or not code:
        raise BadRequest("Give the code system and code: mainSearchCriteria.v.cs=OID&mainSearchCriteria.v.c=CODE.")
    if len(code) > LONGEST_CODE or len(system) > LONGEST_CODE:
        raise BadRequest("The code or code system is too long.")
    response_type = get.get("knowledgeResponseType", "text/xml").strip().lower() or "text/xml"
    if response_type not in RESPONSE_TYPES:
        raise BadRequest(f"knowledgeResponseType must be one of {', '.join(sorted(RESPONSE_TYPES))}.")
    callback = get.get("callback", "").strip()
    if response_type == "application/javascript" and not jsonp.is_safe_callback(callback):
        raise BadRequest("application/javascript needs callback=NAME, a plain JavaScript name.")
    display = get.get("mainSearchCriteria.v.dn", "").strip()[:200]
    language = get.get("informationRecipient.languageCode.c", "en").strip()[:20]
    recipient = get.get("informationRecipient", "PAT").strip()[:20] or "PAT"
    return {"system": system, "code": code, "type": response_type, "callback": callback, "display": display,
            "language": language, "recipient": recipient}  # fmt: skip


def _bad_request(message: str, response_type: str) -> HttpResponse:
    if "json" in response_type or "javascript" in response_type:
        body = json.dumps({"error": {"code": "bad_request", "message": message}})
        response = HttpResponse(body, status=400, content_type="application/json")
    else:
        root = etree.Element("error")
        etree.SubElement(root, "code").text = "bad_request"
        etree.SubElement(root, "message").text = message
        response = HttpResponse(etree.tostring(root, xml_declaration=True, encoding="UTF-8"), status=400,
                                content_type="application/xml; charset=utf-8")  # fmt: skip
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def connect(request):
    try:
        params = _params(request)
    except BadRequest as error:
        return _bad_request(str(error), request.GET.get("knowledgeResponseType", "text/xml").lower())
    feed = knowledge_feed(params["system"], params["code"], params["display"], params["language"])
    url = request.build_absolute_uri()
    if params["type"] == "application/json":
        body = json.dumps(feed_json(feed, url, params), ensure_ascii=False)
        response = HttpResponse(body, content_type="application/json")
    elif params["type"] == "application/javascript":
        text = jsonp.wrap(params["callback"], json.dumps(feed_json(feed, url, params), ensure_ascii=False))
        response = HttpResponse(text, content_type="application/javascript; charset=utf-8")
    else:
        response = HttpResponse(atom_bytes(feed, url, params), content_type="text/xml; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["X-Content-Type-Options"] = "nosniff"
    return response
