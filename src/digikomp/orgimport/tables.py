"""Moved to digikomp.lib.tables (reading uploaded tables is not the org import's alone: job codes read them too).

This module is the same module object under its old name, so that the org import work in progress keeps working
(and a monkeypatch of either name patches both). Switch the imports to digikomp.lib.tables and delete this file.
"""

import sys

from digikomp.lib import tables

sys.modules[__name__] = tables
