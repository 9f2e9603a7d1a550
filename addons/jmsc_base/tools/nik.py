"""Pure helpers for the Indonesian NIK (Nomor Induk Kependudukan): PPRRDDddmmyySSSS.

PP province, RR regency/city, DD district (kecamatan), ddmmyy birth date (day + 40 for women), SSSS serial.
"""

import datetime
import re

# ASCII digits only: str.isdigit() also accepts full-width, Arabic-Indic and superscript digits.
ASCII_DIGITS_16 = re.compile(r"[0-9]{16}")

# Kemendagri province codes (including the 2022 Papua provinces).
PROVINCE_CODES = {
    "11": "Aceh",
    "12": "Sumatera Utara",
    "13": "Sumatera Barat",
    "14": "Riau",
    "15": "Jambi",
    "16": "Sumatera Selatan",
    "17": "Bengkulu",
    "18": "Lampung",
    "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau",
    "31": "DKI Jakarta",
    "32": "Jawa Barat",
    "33": "Jawa Tengah",
    "34": "DI Yogyakarta",
    "35": "Jawa Timur",
    "36": "Banten",
    "51": "Bali",
    "52": "Nusa Tenggara Barat",
    "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat",
    "62": "Kalimantan Tengah",
    "63": "Kalimantan Selatan",
    "64": "Kalimantan Timur",
    "65": "Kalimantan Utara",
    "71": "Sulawesi Utara",
    "72": "Sulawesi Tengah",
    "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara",
    "75": "Gorontalo",
    "76": "Sulawesi Barat",
    "81": "Maluku",
    "82": "Maluku Utara",
    "91": "Papua",
    "92": "Papua Barat",
    "93": "Papua Selatan",
    "94": "Papua Tengah",
    "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}

MAX_AGE = 100


class NikError(ValueError):
    """A NIK is malformed; ``code`` says why: length, digits, province, regency, district, date or serial."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


def resolve_birth_year(two_digits, month, day, today):
    """The most recent year ending in ``two_digits`` giving an age of 0..MAX_AGE on ``today``."""
    for century in (today.year // 100 * 100, today.year // 100 * 100 - 100):
        year = century + two_digits
        try:
            born = datetime.date(year, month, day)
        except ValueError:
            continue
        if born <= today and today.year - year <= MAX_AGE:
            return year
    return None


def check_region(number, regency_codes=None):
    """Check the province, regency and district digits of a NIK or KK number (ASCII digits already checked).

    ``regency_codes``: the known 4-digit regency codes (e.g. {"3212", ...}) of the provinces whose regencies
    are on file (West Java, jmsc.regency). For those provinces the regency must be one of them; for the other
    provinces the regency digits must have the shape of a Kemendagri code (01-69 regency, 71-79 city).
    """
    province, regency, district = number[:2], number[2:4], number[4:6]
    if province not in PROVINCE_CODES:
        raise NikError("province", province=province)
    known = set(regency_codes or ())
    if any(code[:2] == province for code in known):
        if number[:4] not in known:
            raise NikError("regency", regency=f"{province}.{regency}", province=PROVINCE_CODES[province])
    elif regency == "00" or regency == "70" or regency >= "80":
        raise NikError("regency", regency=f"{province}.{regency}", province=PROVINCE_CODES[province])
    if district == "00":
        raise NikError("district", district=f"{province}.{regency}.{district}")


def parse_nik(nik, today=None, regency_codes=None):
    """Check a NIK and return (gender, birth date, region code). Raise NikError when invalid."""
    today = today or datetime.date.today()
    if not nik or not isinstance(nik, str):
        raise NikError("length")
    if not ASCII_DIGITS_16.fullmatch(nik):
        if len(nik) == 16:
            raise NikError("digits")
        raise NikError("length")
    check_region(nik, regency_codes)
    day, month, two_digits = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    gender = "male"
    if 41 <= day <= 71:
        gender, day = "female", day - 40
    if not 1 <= day <= 31 or not 1 <= month <= 12:
        raise NikError("date", date=nik[6:12])
    if nik[12:] == "0000":
        raise NikError("serial")
    year = resolve_birth_year(two_digits, month, day, today)
    if year is None:
        # Either 29 February of a non-leap year, a day past the month end, or no century fits.
        raise NikError("date", date=nik[6:12])
    return gender, datetime.date(year, month, day), f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}"


def check_family_card(number, regency_codes=None):
    """A KK number has 16 ASCII digits and a known region. Raise NikError otherwise."""
    if not number or not isinstance(number, str):
        raise NikError("length")
    if not ASCII_DIGITS_16.fullmatch(number):
        raise NikError("digits" if len(number) == 16 else "length")
    check_region(number, regency_codes)


def regency_code(nik):
    """The dotted regency code (e.g. "32.12") of a well-formed NIK, or None."""
    if isinstance(nik, str) and ASCII_DIGITS_16.fullmatch(nik):
        return f"{nik[:2]}.{nik[2:4]}"
    return None


def initials(name):
    """ "Ani Suryani" -> "A. S." (letters only; no other part of the name)."""
    words = [word for word in (name or "").split() if word[:1].isalpha()]
    return " ".join(f"{word[0].upper()}." for word in words)


def normalize_name(name):
    """Lower-case, single-spaced name used to spot probable duplicates."""
    return " ".join((name or "").lower().split())
