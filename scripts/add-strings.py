#!/usr/bin/env python3
"""Adds interface strings to Strings.resx (English) and Strings.km.resx (Khmer).

Input on standard input, one string a line: key<TAB>English<TAB>Khmer. Existing keys are left alone.
"""
import sys
from pathlib import Path
from xml.sax.saxutils import escape

resources = Path(__file__).resolve().parent.parent / "src/Spean.Web/Resources"
rows = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
for file, column in (("Strings.resx", 1), ("Strings.km.resx", 2)):
    path = resources / file
    text = path.read_text(encoding="utf-8")
    added = "".join(
        f'  <data name="{row[0]}" xml:space="preserve"><value>{escape(row[column])}</value></data>\n'
        for row in rows if f'<data name="{row[0]}"' not in text)
    path.write_text(text.replace("</root>", added + "</root>"), encoding="utf-8")
