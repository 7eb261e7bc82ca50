"""The printable handbook and the trainers' case cards: HTML from the model, laid out by WeasyPrint."""
