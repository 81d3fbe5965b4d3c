"""What the library says about itself: dashboard figures, report data and geography."""
