"""Extract one article and print who said what.

python examples/who_said_what.py seeds/000_7870b7fd83a32e72.txt
"""

import sys

import quotex

text = open(sys.argv[1], encoding="utf-8").read()
doc = quotex.extract(text)
print(doc.title.text if doc.title else "(no title)")
for q in doc.quotes:
    who = doc.speaker_of(q)
    name = who.name if who else "?"
    role = f" ({who.role})" if who and who.role else ""
    print(f"{name}{role} [{q.type}, {q.cue.text if q.cue else 'no cue'}]: {q.content.text}")
