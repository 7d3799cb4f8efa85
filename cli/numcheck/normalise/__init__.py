"""Stage 3 of the pipeline: units and the intervals figures are compared with."""
