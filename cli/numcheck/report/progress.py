"""A progress bar for long runs on a terminal, on stderr so reports on stdout stay clean."""

from __future__ import annotations


class ProgressBar:
    """A progress bar on the terminal's stderr, made (and rich imported) only for long runs."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold  # files: below this a run is over before a bar could be read
        self.bar = None
        self.task = None

    def advance(self, done: int, total: int) -> None:
        """Show how many files are read; a short run never shows a bar."""
        if total < self.threshold:
            return
        if self.bar is None:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("reading", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.stop()
