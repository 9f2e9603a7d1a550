"""Build the district and village data files of jmsc_base from the ``idn-area-data`` CSV files.

Pure Python (no Odoo import) so that ``tools/gen_areas.py`` can run it outside Odoo and the tests
can run it on a small fixture. Data: idn-area-data by Fityan Nugroho, Open Database License (ODbL)
1.0, https://github.com/fityannugroho/idn-area-data.

Codes change when a district or village is split or merged: a code that disappears from a newer
release is kept in the generated file with ``active`` = 0 (archived), never dropped, so migrants
and NIKs that carry the old code keep a valid reference.
"""

import csv
import hashlib
import io

DISTRICT_HEADER = ["id", "code", "name", "regency_id:id", "active"]
VILLAGE_HEADER = ["id", "code", "name", "district_id:id", "active"]


def district_xmlid(code):
    return "district_" + code.replace(".", "")


def village_xmlid(code):
    return "village_" + code.replace(".", "")


def regency_xmlid(code):
    return "regency_" + code.replace(".", "")


def read_csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def _previous(text):
    """{code: row} of a previously generated file (empty when there is none)."""
    return {row["code"]: row for row in read_csv(text)} if text else {}


def build_rows(districts_csv, villages_csv, province="32", previous_districts="", previous_villages=""):
    """Return (district_rows, village_rows) for one province, sorted by code.

    ``districts_csv``/``villages_csv`` are the texts of idn-area-data's ``districts.csv`` and
    ``villages.csv``; ``previous_*`` the texts of the files generated before (to archive retired codes).
    """
    prefix = province + "."
    districts = {}
    for row in read_csv(districts_csv):
        if row["code"].startswith(prefix):
            districts[row["code"]] = [
                district_xmlid(row["code"]),
                row["code"],
                row["name"].strip(),
                regency_xmlid(row["regency_code"]),
                "1",
            ]
    villages = {}
    for row in read_csv(villages_csv):
        if row["code"].startswith(prefix):
            villages[row["code"]] = [
                village_xmlid(row["code"]),
                row["code"],
                row["name"].strip(),
                district_xmlid(row["district_code"]),
                "1",
            ]
    for code, row in _previous(previous_districts).items():
        if code not in districts:
            districts[code] = [row["id"], code, row["name"], row["regency_id:id"], "0"]
    for code, row in _previous(previous_villages).items():
        if code not in villages:
            villages[code] = [row["id"], code, row["name"], row["district_id:id"], "0"]
    return [districts[c] for c in sorted(districts)], [villages[c] for c in sorted(villages)]


def to_csv(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def checksum(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def checksum_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()
