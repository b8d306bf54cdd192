"""The one window: layout, panes, toolbar and the app loop."""
