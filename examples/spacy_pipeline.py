"""Use quotex inside your own spaCy pipeline, over many texts with two processes.

python examples/spacy_pipeline.py seeds/000_7870b7fd83a32e72.txt
"""

import sys

import spacy


def main() -> None:
    nlp = spacy.load("fr_core_news_sm")  # your pipeline; spacy.blank("fr") if you only need quotex
    nlp.add_pipe("quotex")  # registered through an entry point: no import needed

    texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
    for doc in nlp.pipe(texts, n_process=2, batch_size=4):
        for q in doc._.quotes:
            speaker = doc._.quotex_document.speaker_of(q)
            print(speaker.name if speaker else "?", "|", q.type, "|", q.content.text[:80])


if __name__ == "__main__":  # worker processes re-import this file
    main()
