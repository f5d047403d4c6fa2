"""The course itself, on top of the maths: its notebooks' story, exercises and words.

Modules: contents (the notebooks in order), story (the worked example every notebook shares),
exercises (the exercise table and ``check``), checking (the checker engine) and glossary (the terms).
"""
