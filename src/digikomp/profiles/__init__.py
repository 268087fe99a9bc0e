"""Role profiles: the national profile library published as norm releases, municipalities' local adaptations
(overlays computed on top of the norm, never copies), local profiles and the job-code mapping."""
