"""DigiKomp: the platform that makes Danish municipalities digitally competent."""

__version__ = "0.1.0"
