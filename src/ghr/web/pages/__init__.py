"""Page assembly: plain data for each public page, independent of HTML, so other readers (the API) can reuse it."""
