"""One module per Textual screen; shared pieces in screens.widgets."""
