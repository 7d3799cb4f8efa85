"""Stage 1 of the pipeline: find the files, read them, and give each a prose view."""

from numcheck.read.document import Document
from numcheck.read.sources import expand_paths, load

__all__ = ["Document", "expand_paths", "load"]
