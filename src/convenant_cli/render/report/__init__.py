"""The HTML report of a settlement (`settle --html DIR`): pages, timelines and their words."""
