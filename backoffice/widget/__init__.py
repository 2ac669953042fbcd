"""The jobseeker chat widget: one page, its script and style, talking to Rasa over socket.io."""
