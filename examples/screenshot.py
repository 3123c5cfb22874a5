"""Render the seed article with ``quotex.render_html`` and take its screenshot with headless Chromium.

    python examples/screenshot.py [--out docs]

Writes ``docs/seed.png`` (the picture in the README; the page itself goes to a temporary folder).
Needs Chromium (Debian: ``apt-get install chromium``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import quotex

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs")
    ap.add_argument("--size", default="1200,1000", help="window width,height in pixels")
    args = ap.parse_args()
    browser = next(
        (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
    )
    if browser is None:
        print("no Chromium found (Debian: apt-get install chromium)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    seed = ROOT / "seeds" / "000_7870b7fd83a32e72.txt"
    png = args.out / "seed.png"
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "seed.html"
        page.write_text(quotex.render_html(quotex.extract(seed.read_text(encoding="utf-8"))), encoding="utf-8")
        subprocess.run(
            [
                browser,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                f"--window-size={args.size}",
                f"--screenshot={png}",
                page.resolve().as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    print(f"wrote {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
