"""Files for readers besides the pages: CSVs that Korean Excel opens (with a CSVW metadata file
each), the whole audit as a Frictionless data package, and an Atom feed of status changes."""
