"""Run numcheck as ``python -m numcheck``."""

from numcheck.app import main

main()
