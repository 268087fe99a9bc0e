"""The municipality's side of the norm: its profile library, adaptations of national profiles, the diff
against the norm, taking in a new release, local profiles and the job-code mapping (/app/profiler/)."""
