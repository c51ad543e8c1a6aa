"""Month and weekday names of the languages briefs are published in besides English.

A French blog prints "jeudi 26 février 2009", a German ministry "10. April 2025", a Spanish
site "3 de marzo de 2024", a Dutch one "maandag 4 maart 2024". :func:`english_date` rewrites
such a day-first date into the English spelling :func:`.dates.printed_date` reads, so a date
line is read whatever language the page is in. Only whole day-month-year dates are
rewritten; a month name inside a sentence is left alone.
"""

from __future__ import annotations

import re

from .dates import MONTHS

__all__ = ["NAMES", "english_date"]

#: Month names by language (French, Spanish, Portuguese, Italian, German, Dutch), with the
#: spellings that drop accents; each list runs January to December.
_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "jänner februar maerz april mai juni juli august september oktober november dezember",
    "januari februari maart april mei juni juli augustus september oktober november december",
)
_MONTH = {name: MONTHS[i] for names in _NAMES for i, name in enumerate(names.split())}
_MONTH["setiembre"] = "September"
#: Weekday names a date line may open with ("jeudi", "Montag,", "miércoles").
_WEEKDAYS = frozenset(
    (  # noqa: SIM905 - a word list reads better as one string
        "lundi mardi mercredi jeudi vendredi samedi dimanche "
        "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira "
        "lunedì martedì mercoledì giovedì venerdì sabato domenica "
        "montag dienstag mittwoch donnerstag freitag samstag sonntag "
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"
    ).split()
)
#: Every month and weekday name above, lower case: the words a date line is written with.
NAMES = frozenset(_MONTH) | _WEEKDAYS
#: "26 février 2009", "10. April 2025", "1er mars 2024", "3 de marzo de 2024", "25 Novembro,
#: 2020".
_DAY_FIRST = re.compile(
    r"(\d{1,2})(?:er|\.|º)?\s+(?:de\s+)?([^\W\d_]{3,10})\.?,?\s+(?:de\s+)?(\d{4})", re.IGNORECASE
)


def english_date(text: str) -> str | None:
    """``text`` as an English "26 February 2009" when it is only a day-first date in one of
    the languages above (after an optional weekday), else None."""
    words = text.split(maxsplit=1)
    if len(words) == 2 and words[0].rstrip(",").lower() in _WEEKDAYS:
        text = words[1]
    match = _DAY_FIRST.fullmatch(text.strip())
    if match is None:
        return None
    month = _MONTH.get(match[2].lower())
    return None if month is None else f"{match[1]} {month} {match[3]}"
