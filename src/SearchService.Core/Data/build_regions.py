#!/usr/bin/env python3
"""Generates regions.json, the gazetteer RegionGazetteer loads. See README.md in this folder.

Inputs (paths as installed by Debian and npm):
  iso-codes (Debian)            /usr/share/iso-codes/json/iso_3166-1.json   which countries exist, ISO names
  unicode-cldr-core (Debian)    /usr/share/unicode/cldr/common/...          UN M49 hierarchy, English names
  world-countries 5.1.0 (npm)   package/countries.json                      common names, capitals, demonyms
  regions.curated.json (here)   short forms, cities, historical names, named regions, ambiguity
Usage: python3 build_regions.py PATH/TO/world-countries/countries.json > regions.json
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict

ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
CLDR = "/usr/share/unicode/cldr/common"
HERE = __file__.rsplit("/", 1)[0] if "/" in __file__ else "."


def cldr_names():
    names = defaultdict(list)
    for t in ET.parse(f"{CLDR}/main/en.xml").getroot().iter("territory"):
        if t.text:
            names[t.get("type")].append((t.get("alt"), t.text))
    return names


def cldr_tree():
    """Child code -> parent code, from the UN M49 containment (groupings and deprecated entries skipped)."""
    parent = {}
    for g in ET.parse(f"{CLDR}/supplemental/supplementalData.xml").getroot().iter("group"):
        if g.get("grouping") == "true" or g.get("status") in ("deprecated", "grouping") or g.get("type") == "001":
            continue
        for child in g.get("contains").split():
            parent.setdefault(child, g.get("type"))
    return parent


def clean(name):
    """Reference names to the form news text uses; None when no text would write it (inverted or bracketed)."""
    name = name.replace(" & ", " and ").replace("’", "'")
    if "," in name or "(" in name or " - " in name:
        return None
    return name


def demonym_forms(d):
    for part in re.split(r",\s*|\s+or\s+", d):
        part = part.strip()
        if not part:
            continue
        yield part
        # Plural nouns ("Pakistanis", "Russians"); "-ese", "-sh", "-ch" demonyms have none.
        if part[-1] in "nir":
            yield part + "s"


def main(world_countries_path):
    curated = json.load(open(f"{HERE}/regions.curated.json", encoding="utf-8"))
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]
    wc = {c["cca2"]: c for c in json.load(open(world_countries_path, encoding="utf-8"))}
    names, tree = cldr_names(), cldr_tree()
    renames = curated["regionRenames"]

    def region_name(code):
        name = dict(names[code]).get(None)
        return renames.get(name, name)

    entries = {}
    for c in iso:
        code = c["alpha_2"]
        w = wc.get(code, {})
        canonical = curated["canonicalOverrides"].get(code) or w.get("name", {}).get("common") or c.get("common_name") or c["name"]
        aliases = {c["name"], c.get("common_name", ""), c.get("official_name", "")}
        aliases |= {n for _, n in names.get(code, [])}
        aliases |= set(w.get("altSpellings", [])) | set(w.get("capital", []))
        aliases |= {w.get("name", {}).get("common", ""), w.get("name", {}).get("official", "")}
        for d in w.get("demonyms", {}).get("eng", {}).values():
            aliases |= set(demonym_forms(d))
        # Two-letter and three-letter codes are not names a journalist writes; curated short forms add back "UK", "UAE"...
        aliases = {a for a in (clean(x) for x in aliases if x) if a and a not in (code, c["alpha_3"])}
        parent = tree.get(code)
        entries[canonical] = {"name": canonical, "kind": "country", "code": code,
                              "parent": region_name(parent) if parent else None, "aliases": aliases,
                              "independent": w.get("independent", False)}

    for code, parent in tree.items():
        if code.isdigit() and code not in ("001",):
            name = region_name(code)
            entries.setdefault(name, {"name": name, "kind": "region", "code": code,
                                      "parent": region_name(parent) if parent != "001" else None, "aliases": set()})
            cldr = dict(names[code]).get(None)
            if cldr != name:
                entries[name]["aliases"].add(cldr)
    for code in ("142", "150", "002", "019", "009"):  # continents: direct children of World
        name = region_name(code)
        entries.setdefault(name, {"name": name, "kind": "region", "code": code, "parent": None, "aliases": set()})

    # An alias shared by a state and its dependencies ("French", "American") belongs to the state; one that names
    # two states (Congolese, Dominican) or that curation drops is ambiguous: no entry keeps it.
    owners = defaultdict(set)
    for e in entries.values():
        for a in e["aliases"]:
            owners[a].add(e["name"])
    for a, o in owners.items():
        states = {n for n in o if entries[n].get("independent")}
        keep = states if len(states) == 1 else o if len(o) == 1 else set()
        if a in curated["dropAliases"]:
            keep = set()
        for n in o - keep:
            entries[n]["aliases"].discard(a)

    for r in curated["regions"]:
        entries[r["name"]] = {"name": r["name"], "kind": "region", "code": None, "parent": r["parent"], "aliases": set(r["aliases"])}
    for h in curated["historical"]:
        entries[h["name"]] = {"name": h["name"], "kind": "country", "code": h["code"], "parent": h["parent"],
                              "aliases": set(h["aliases"]), "historical": True}
    for name, extra in list(curated["aliases"].items()) + list(curated["regionAliases"].items()):
        if name not in entries:
            sys.exit(f"curated alias target '{name}' is not an entry")
        entries[name]["aliases"] |= set(extra)

    for e in entries.values():
        e.pop("independent", None)
        e["aliases"].discard(e["name"])
        e["aliases"] = sorted(e["aliases"])
        if e["parent"] and e["parent"] not in entries:
            sys.exit(f"parent '{e['parent']}' of '{e['name']}' is not an entry")

    out = {
        "source": "Generated by build_regions.py from Debian iso-codes (ISO 3166-1), Unicode CLDR 41 (UN M49 hierarchy, "
                  "English names; Unicode License), world-countries 5.1.0 by Mohammed Le Doze (common names, capitals, "
                  "demonyms; ODbL 1.0) and regions.curated.json. This file is a derived database under ODbL 1.0.",
        "ambiguity": curated["ambiguity"]["aliases"],
        "entries": sorted(entries.values(), key=lambda e: (e["kind"] != "region", e["name"])),
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
