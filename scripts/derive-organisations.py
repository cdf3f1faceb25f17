#!/usr/bin/env python3
"""Derives data/reference/state_name_aliases.csv and organisation_members.csv.

UPR Info spells States its own way ("Viet Nam", "DPR Korea") and lists each State's
organisations (EU, OIC, ASEAN, ...) on every row; the countries file has neither.
Run from the repository root after updating data/upr; the output is committed.
"""
import csv

ALIASES = {
    "Antigua & Barbuda": "ATG", "Bahamas": "BHS", "Bosnia & Herzegovina": "BIH", "DPR Korea": "PRK",
    "Democratic Republic of Congo": "COD", "Egypt": "EGY", "Gambia": "GMB", "Guinea Bissau": "GNB",
    "Holy See": "VAT", "Iran": "IRN", "Kyrgyzstan": "KGZ", "Laos": "LAO", "Macedonia FYR": "MKD",
    "Micronesia": "FSM", "Palestine": "PSE", "Republic of Congo": "COG", "Sao Tome & Principe": "STP",
    "Slovakia": "SVK", "St Kitts & Nevis": "KNA", "St Lucia": "LCA", "St Vincent & the Grenadines": "VCT",
    "Syria": "SYR", "Trinidad & Tobago": "TTO", "Venezuela": "VEN", "Viet Nam": "VNM", "Yemen": "YEM",
    # The UN's "Name, qualifier" spellings, so a joint recommendation split on commas keeps them whole.
    "Bolivia, Plurinational State of": "BOL", "Congo, Democratic Republic of the": "COD",
    "Iran, Islamic Republic of": "IRN", "Korea, Democratic People's Republic of": "PRK", "Korea, Republic of": "KOR",
    "Micronesia, Federated States of": "FSM", "Moldova, Republic of": "MDA", "Tanzania, United Republic of": "TZA",
    "Venezuela, Bolivarian Republic of": "VEN",
}

countries = list(csv.DictReader(open("data/reference/countries.csv", encoding="utf-8")))
by_name = {c["name"]: c["iso3"] for c in countries}
rows = list(csv.DictReader(open("data/upr/upr_recommendations_sessions_1-18.csv", encoding="utf-8")))

def iso3(name):
    return ALIASES.get(name) or by_name.get(name)

members = set()
for row in rows:
    for state, orgs in ((row["To"], row["To-Org"]), (row["From"], row["From-Org"])):
        code = iso3(state)
        for org in filter(None, (o.strip() for o in orgs.split(","))):
            if code and not org.startswith("&#"):
                members.add((code, org))

with open("data/reference/state_name_aliases.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["alias", "iso3"])
    w.writerows(sorted(ALIASES.items()))

with open("data/reference/organisation_members.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["iso3", "organisation"])
    w.writerows(sorted(members))
print(len(members), "memberships")
