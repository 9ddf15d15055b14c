"""The Qt desktop app. Everything that is not presentation lives in the prospector package."""
