"""Stage 4 of the pipeline: YAML rules, their kinds, and running them over claims."""
