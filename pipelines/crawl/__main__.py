"""``python -m pipelines.crawl``: the same as ``partnerships crawl``."""

from pipelines.crawl.cli import main

raise SystemExit(main())
