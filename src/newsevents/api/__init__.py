"""HTTP API and page server (`newsevents serve`); see `app.create_app`."""
