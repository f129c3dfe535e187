"""The event kiosk suite: the command, the App, and the use cases over the shared store."""
