"""Demo content for `manage.py seed_demo`: a provincial paper's stories, written for the demo."""
