"""Dashboard section: targets vs actuals, completion vs time, aging, partners behind."""
