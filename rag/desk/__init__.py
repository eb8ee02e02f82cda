"""The complaint officer's desk: pieces the complaint analysis builds on (deadlines first)."""
