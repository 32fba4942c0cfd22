"""Report preview, printing and saving in the GUI."""
