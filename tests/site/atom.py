"""The MUST rules of the Atom syndication format (RFC 4287) that a feed validator checks, as one function.

A feed reader that meets a broken rule may drop the feed or show entries twice (a missing or repeated atom:id),
so the feed tests check every rule here rather than only that the XML parses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, the only date format Atom allows (section 3.3).
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def atom_problems(document: bytes) -> list[str]:
    """Every violation of RFC 4287's MUST rules in the document; an empty list for a valid feed."""
    try:
        root = ET.fromstring(document)
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if root.tag != f"{NS}feed":
        return [f"root element is {root.tag}, not atom:feed"]
    problems = _container_problems(root, "feed")
    if not any(link.get("rel") == "self" for link in root.findall(f"{NS}link")):
        problems.append("feed: no link rel=self (RFC 4287 4.1.1: SHOULD; validators warn)")
    feed_has_author = root.find(f"{NS}author") is not None
    ids: set[str] = set()
    for number, entry in enumerate(root.findall(f"{NS}entry"), start=1):
        where = f"entry {number}"
        problems += _container_problems(entry, where)
        if not feed_has_author and entry.find(f"{NS}author") is None:
            problems.append(f"{where}: no atom:author and the feed has none (4.1.1)")
        links = entry.findall(f"{NS}link")
        if entry.find(f"{NS}content") is None and not any(link.get("rel", "alternate") == "alternate"
                                                            for link in links):
            problems.append(f"{where}: neither atom:content nor an alternate link (4.1.2)")
        entry_id = (entry.findtext(f"{NS}id") or "").strip()
        if entry_id in ids:
            problems.append(f"{where}: atom:id {entry_id} repeats an earlier entry's")
        ids.add(entry_id)
        for author in entry.findall(f"{NS}author"):
            if not (author.findtext(f"{NS}name") or "").strip():
                problems.append(f"{where}: atom:author without atom:name (3.2)")
    return problems


def _container_problems(element: ET.Element, where: str) -> list[str]:
    problems = []
    for name in ("id", "title", "updated"):
        found = element.findall(f"{NS}{name}")
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name} elements, exactly one is required")
    element_id = (element.findtext(f"{NS}id") or "").strip()
    if element_id and not urlsplit(element_id).scheme:
        problems.append(f"{where}: atom:id {element_id!r} is not an absolute IRI (4.2.6)")
    for name in ("updated", "published"):
        value = element.findtext(f"{NS}{name}")
        if value is not None and not DATE_TIME.match(value.strip()):
            problems.append(f"{where}: atom:{name} {value!r} is not an RFC 3339 date-time (3.3)")
    alternates = [(link.get("type"), link.get("hreflang")) for link in element.findall(f"{NS}link")
                  if link.get("rel", "alternate") == "alternate"]
    if len(alternates) != len(set(alternates)):
        problems.append(f"{where}: two alternate links with the same type and hreflang (4.1.1)")
    for link in element.findall(f"{NS}link"):
        if not link.get("href"):
            problems.append(f"{where}: atom:link without href (4.2.7.1)")
    return problems
