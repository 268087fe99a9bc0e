"""The campaign pages of municipal admins and HR (/app/kortlaegning/): create, invite, send, hand out
links."""
