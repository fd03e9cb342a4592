"""The race room (« Salon de course »): one host referees several runners on the school network.

Pygame-free, standard library only (asyncio, sockets, sqlite3). The parts:

- `protocol`: the message format (newline-delimited JSON, version, size limits), see
  docs/RACE_PROTOCOL.md; `parse_message` never raises anything but `ProtocolError`.
- `clock`: NTP-style clock offset between two computers (best of several pings).
- `room`: the host's pure state of a room (runners, splits, standings).
- `runfile`: the narrow bridge to the speedrun run files (build, verify).
- `store`: results on disk in SQLite transactions (a crashed host recovers them).
- `host`, `client`: the asyncio server and the runner's client.
- `discovery`: UDP announces of rooms (address and port are settings).
- `bridge`: host or client in a background thread, queues to the game's frame loop.
- `simulate`: `tuto-llm course salon-simuler`.
"""
