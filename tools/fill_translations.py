"""Fill unfinished entries of the Chinese .ts file from JSON files of translations.

    make update-translations
    .venv/bin/python tools/fill_translations.py resources/translations/pending/*.json

Each JSON file maps a context to {English source: Chinese translation}, as written by
whoever added the strings. An entry already translated in the .ts file is left as it is;
sources the .ts file lacks are reported (lupdate did not find them: a typo or a string
that is not marked for translation). Plural entries (%n) are left to Qt Linguist.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger("fill_translations")
TS = Path(__file__).resolve().parents[1] / "resources" / "translations" / "lianxin_zh_CN.ts"


def load(paths: list[Path]) -> dict[tuple[str, str], str]:
    wanted: dict[tuple[str, str], str] = {}
    for path in paths:
        for context, entries in json.loads(path.read_text("utf-8")).items():
            for source, text in entries.items():
                wanted[(context, source)] = text
    return wanted


def fill(ts: Path, wanted: dict[tuple[str, str], str]) -> tuple[int, list[tuple[str, str]]]:
    tree = ET.parse(ts)  # noqa: S314 - our own .ts file, not untrusted input
    filled = 0
    used: set[tuple[str, str]] = set()
    for context in tree.getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            key = (name, source)
            if key not in wanted or translation is None:
                continue
            used.add(key)
            if translation.get("type") == "unfinished" or not (translation.text or ""):
                if message.get("numerus") == "yes":
                    form = translation.find("numerusform")
                    if form is None:
                        form = ET.SubElement(translation, "numerusform")
                    form.text = wanted[key]
                else:
                    translation.text = wanted[key]
                translation.attrib.pop("type", None)
                filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", "utf-8")
    return filled, sorted(set(wanted) - used)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--ts", type=Path, default=TS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    filled, unused = fill(args.ts, load(args.files))
    log.info("filled %d entries in %s", filled, args.ts.name)
    for context, source in unused:
        log.warning("not in the .ts file: %s: %s", context, source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
