"""Moved to digikomp.lib.problems (reading uploaded tables is not the org import's alone: job codes read them too).

This module is the same module object under its old name, so that the org import work in progress keeps working
(and a monkeypatch of either name patches both). Switch the imports to digikomp.lib.problems and delete this file.
"""

import sys

from digikomp.lib import problems

sys.modules[__name__] = problems
