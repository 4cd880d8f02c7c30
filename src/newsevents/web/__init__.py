"""The static page served by `newsevents serve`: HTML/CSS/JS plus vendored d3, topojson and world geometry."""
