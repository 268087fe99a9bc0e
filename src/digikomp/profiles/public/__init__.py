"""The public side of the role profiles: the national profile library, municipalities' adapted and local
profiles, their PDFs and the open-data exports of the national profiles."""
