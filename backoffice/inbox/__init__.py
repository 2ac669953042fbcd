"""The consultant inbox: server-rendered pages under /inbox for the people who take over from the bot."""
