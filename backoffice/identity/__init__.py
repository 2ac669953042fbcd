"""Who is talking: signed identity tokens for the widget, resolved for the bot."""
