"""The holidays Prospector asks the ``holidays`` package for are kept between runs
(``prospector/kept_holidays.py``): a later run gives the same answers without loading the
package, and a damaged kept file is made again."""

import json
import subprocess
import sys
from datetime import date

import pytest

from prospector import business_days, holiday_regions, kept_holidays

_ANSWERS = """
import json, sys
from datetime import date
from prospector import business_days as b, holiday_regions as h
names, weekend = b.days_of_year("DE", "BY", 2027)
print(json.dumps({
    "countries": list(h.countries().items()),
    "subdivisions": h.subdivisions("DE"),
    "holidays": {d.isoformat(): n for d, n in sorted(names.items())},
    "weekend": sorted(d.isoformat() for d in weekend),
    "israel": sorted(b.weekend_days("IL")),
    "friday": b.holiday_name("DE", "", date(2027, 3, 26), "fr"),
    "loaded": sorted({m.split(".")[0] for m in sys.modules} & {"holidays"}),
}, ensure_ascii=False))
"""


def _answers() -> dict:
    done = subprocess.run([sys.executable, "-c", _ANSWERS], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PROSPECTOR_CACHE_DIR", str(tmp_path / "cache"))
    kept_holidays._kept.clear()
    caches = (holiday_regions.countries, holiday_regions.subdivisions, business_days.days_of_year,
              business_days.weekend_days, business_days._names_of_year)
    for cached in caches:
        cached.cache_clear()
    yield tmp_path / "cache"
    kept_holidays._kept.clear()
    for cached in caches:
        cached.cache_clear()


def test_a_later_run_answers_the_same_without_the_holidays_package(fresh_cache):
    first = _answers()
    assert first["holidays"]["2027-01-06"] == "Epiphany"  # Bavaria's own
    assert first["israel"] == [4, 5] and first["friday"] == "Karfreitag"
    assert first["loaded"] == ["holidays"]
    assert _answers() == {**first, "loaded": []}  # the package not even imported


def test_a_damaged_kept_file_is_made_again(fresh_cache):
    business_days.days_of_year("AT", "", 2027)
    kept = kept_holidays.kept_file()
    assert kept is not None
    kept.write_text('{"days": ', encoding="utf-8")  # cut short by a full disk
    kept_holidays._kept.clear()
    business_days.days_of_year.cache_clear()
    names, _weekend = business_days.days_of_year("AT", "", 2027)
    assert names[date(2027, 10, 26)] == "National Day"
    assert "('days', 'AT', '', 2027)" in json.loads(kept.read_text(encoding="utf-8"))
