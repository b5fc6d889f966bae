"""Reference data: Chinese (and a few foreign) universities and research academies.

Plain Python, no Dagster.  The table lives in ``universities.csv`` next to this
file (see README.md for columns and provenance).  The extractor uses
:class:`UniversityIndex` to turn the many spellings met in English-language
pages ("Shanghai Jiaotong University", "Qinghua University", "XTU",
"en.xtu.edu.cn") into the canonical official English name.

    >>> idx = UniversityIndex.default()
    >>> idx.by_name("shanghai jiaotong university").name
    'Shanghai Jiao Tong University'
    >>> idx.by_domain("https://en.xtu.edu.cn/english/").name
    'Xiangtan University'
"""

from __future__ import annotations

from pipelines.reference.index import UniversityIndex
from pipelines.reference.table import (
    COLUMNS,
    DEFAULT_PATH,
    GENERATED_SOURCE,
    REQUIRED_COLUMNS,
    TYPES,
    ReferenceDataError,
    University,
    load_universities,
    normalize_name,
)

__all__ = [
    "COLUMNS",
    "DEFAULT_PATH",
    "GENERATED_SOURCE",
    "REQUIRED_COLUMNS",
    "TYPES",
    "ReferenceDataError",
    "University",
    "UniversityIndex",
    "load_universities",
    "normalize_name",
]
