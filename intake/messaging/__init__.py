"""Channels (e-mail, SMS) and rendering of the messages Reengage sends."""
