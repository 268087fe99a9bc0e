"""The national editors' pages for norm releases and the national profile library."""
