"""Small views for the public pages; the data each page shows is assembled in ghr.web.pages."""
