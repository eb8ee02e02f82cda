"""Fakes of external services that Dasan talks to over the network (real servers on loopback)."""
