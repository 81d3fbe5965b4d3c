"""Qt renderers both faces use: the GBF report as PDF, HTML and Markdown (``report_writer``),
and what drawing it needs: the carried fonts and the scripts they draw (``fonts``), the
interface's translations (``translations``), dates and numbers in the locale's words
(``localized``), country names (``territories``). QtCore and QtGui only, no widgets and nothing
from ``kmdesk.gui``, so ``kmdesk report`` prints without loading the window's code.
"""
