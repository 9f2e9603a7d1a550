"""Rupiah amounts as an Indonesian officer reads them: ``Rp 19.400.000`` (cents only when there are any)."""


def format_rupiah(amount):
    cents_total = round(abs(amount or 0.0) * 100)
    whole, cents = divmod(cents_total, 100)
    text = f"{whole:,}".replace(",", ".")
    if cents:
        text += f",{cents:02d}"
    return f"{'-' if (amount or 0.0) < 0 and cents_total else ''}Rp {text}"
