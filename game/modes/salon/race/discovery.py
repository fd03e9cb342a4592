"""Finding rooms on the local network, and room codes.

The host sends a small UDP announce (`protocol.ANNOUNCE`, one JSON object) every
second to `DiscoverySettings.address` on each port of `port … port + ports − 1`; each
game's finder listens on the first free port of that range (two games on one computer
each get theirs) and lists the rooms it hears. The address and port are settings: the
game uses the local subnet's broadcast, tests and `salon-simuler` use 127.0.0.1 —
nothing leaves the computer then.

When the network blocks announces, a runner types the room code (8 characters that
hold the host's whole IPv4 address and its port: any school subnet) or the address.
"""

import asyncio
import contextlib
import ipaddress
import json
import os
import socket
import time
from dataclasses import dataclass

from game.modes.salon.race import protocol
from game.modes.salon.race.protocol import ProtocolError

BASE_PORT = 47800  # hosts use BASE_PORT … BASE_PORT + 15 so the code can name the port
PORTS = 16
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread
FORGET_S = 5.0  # a room not heard for that long leaves the list
MAX_ROOMS = 50


@dataclass
class DiscoverySettings:
    address: str = "255.255.255.255"  # the local subnet; tests: "127.0.0.1"
    port: int = 47799
    every_s: float = 1.0
    ports: int = 8  # finders listen on the first free of port … port + 7; hosts send to all


LOCAL_ENV = "TUTO_LLM_SALON_LOCAL"  # "1": rooms on this computer only (tests, demos)


def room_network():
    """(discovery settings, address the host listens on) for the game: the school
    network, or this computer only when the environment says TUTO_LLM_SALON_LOCAL=1
    (the test suite sets it: no test ever sends on a real interface)."""
    if local_only():
        return DiscoverySettings(address="127.0.0.1"), "127.0.0.1"
    return DiscoverySettings(), "0.0.0.0"


def local_only():
    return os.environ.get(LOCAL_ENV, "").strip() not in ("", "0")


def allowed_address(ip):
    """May this computer connect to `ip`? Always, except loopback-only mode (tests)."""
    if not local_only():
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def room_code(ip, port):
    """The 8-character code of a host at `ip:port` (port in BASE_PORT … +15), else None:
    the whole IPv4 address and the port, so it works on any school network (« K7Q2-M4XB »
    is shown with a dash, typed with or without it)."""
    try:
        packed = ipaddress.IPv4Address(ip).packed
    except ValueError:
        return None
    if not BASE_PORT <= port < BASE_PORT + PORTS:
        return None
    value = (int.from_bytes(packed, "big") << 4) | (port - BASE_PORT)
    chars = "".join(CODE_ALPHABET[(value >> shift) & 31] for shift in range(35, -1, -5))
    return f"{chars[:4]}-{chars[4:]}"


def _decode(text):
    value = 0
    for char in text:
        value = value * 32 + CODE_ALPHABET.index(char)
    return value


def resolve(text, own_ip="127.0.0.1"):
    """What a runner typed (a code, an address, address:port) → (ip, port), or ValueError.
    An 8-character code names the host wholly; an old 4-character one holds only the last
    two numbers of its address (then the runner's own first two are used)."""
    raw = (text or "").strip().upper().replace("O", "0").replace("I", "1").replace("L", "1")
    code = raw.replace("-", "").replace(" ", "")
    if len(code) == 8 and all(c in CODE_ALPHABET for c in code):
        value = _decode(code)
        return str(ipaddress.IPv4Address(value >> 4 & 0xFFFFFFFF)), BASE_PORT + (value & 15)
    if len(code) == 4 and all(c in CODE_ALPHABET for c in code):
        value = _decode(code)
        prefix = ipaddress.IPv4Address(own_ip).packed[:2]
        ip = str(ipaddress.IPv4Address(prefix + bytes([value >> 12 & 255, value >> 4 & 255])))
        return ip, BASE_PORT + (value & 15)
    host, _, port_text = raw.partition(":")
    try:
        ip = str(ipaddress.IPv4Address(host))
        port = int(port_text) if port_text else BASE_PORT
    except ValueError:
        raise ValueError(
            "Je ne comprends pas ce code. Tape les 8 caractères affichés par l'hôte "
            "(par exemple K7Q2-M4XB) ou son adresse (par exemple 192.168.1.20)."
        ) from None
    if not 1 <= port <= 65535:
        raise ValueError("Le numéro de port doit être entre 1 et 65535.")
    return ip, port


def own_address():
    """This computer's address on the local network (no packet is sent), or 127.0.0.1."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("10.255.255.255", 1))  # UDP connect only picks a route
        return s.getsockname()[0]
    return "127.0.0.1"


def announce_bytes(room, port, runners):
    data = {
        "type": "announce",
        "protocol": protocol.PROTOCOL,
        "code": room.code,
        "port": port,
        "category": room.category,
        "game_version": room.game_version,
        "host": room.host_name[: protocol.NAME_MAX],
        "runners": runners,
        "state": room.state,
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")[: protocol.MAX_ANNOUNCE]


async def announce_forever(settings, make_payload):
    """Sends `make_payload()` to the settings' address every `every_s` seconds."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.setblocking(False)
    try:
        while True:
            payload = make_payload()
            for port in _ports(settings):  # every game on a computer has its own port
                with contextlib.suppress(OSError):
                    await loop.sock_sendto(sock, payload, (settings.address, port))
            await asyncio.sleep(settings.every_s)
    finally:
        sock.close()


class _Listener(asyncio.DatagramProtocol):
    def __init__(self, rooms):
        self.rooms = rooms

    def datagram_received(self, data, addr):
        try:
            info = protocol.parse_announce(data)
        except ProtocolError:
            return  # not ours, or damaged: ignore
        key = (addr[0], info["port"])
        if key not in self.rooms and len(self.rooms) >= MAX_ROOMS:
            return
        self.rooms[key] = {**info, "address": addr[0], "seen": time.monotonic()}


def _ports(settings):
    if settings.port == 0:  # tests: one port picked by the system
        return [0]
    last = min(65535, settings.port + max(1, settings.ports) - 1)
    return list(range(settings.port, last + 1))


class RoomFinder:
    """Listens for announces; `rooms()` lists those heard in the last `FORGET_S` seconds."""

    def __init__(self, settings):
        self.settings = settings
        self._rooms = {}
        self._transport = None
        self.port = None  # the port it listens on, once started

    async def start(self, bind_address=None):
        """Listens on the first free port of the settings' range. No port sharing: with
        SO_REUSEPORT a datagram sent to one address reaches only one of the sockets, so a
        second game on the same computer (a host's own finder) heard nothing."""
        loop = asyncio.get_running_loop()
        if bind_address is None:
            bind_address = "127.0.0.1" if self.settings.address.startswith("127.") else ""
        sock, error = None, None
        for port in _ports(self.settings):
            sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            try:
                sock.bind((bind_address, port))
                break
            except OSError as failure:
                sock.close()
                sock, error = None, failure
        if sock is None:
            raise error or OSError("aucun port libre pour écouter les salons")
        self.port = sock.getsockname()[1]
        self._transport, _ = await loop.create_datagram_endpoint(
            lambda: _Listener(self._rooms), sock=sock
        )

    def rooms(self):
        now = time.monotonic()
        for key in [k for k, v in self._rooms.items() if now - v["seen"] > FORGET_S]:
            del self._rooms[key]
        return sorted(self._rooms.values(), key=lambda r: (r["code"], r["address"]))

    def stop(self):
        if self._transport is not None:
            self._transport.close()
