"""Say whether HOST:PORT is free for `make demo` / `make run`; exit 1 with a clear message if not.

    python3 scripts/port_free.py 127.0.0.1 5000
"""
import socket
import sys


def port_free(host, port):
    """Return True when nothing listens on host:port (we may bind it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As the server will: a port left in TIME_WAIT by the last run counts as free.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def main(argv):
    """Check the port named on the command line."""
    host, port = argv[1], int(argv[2])
    if port_free(host, port):
        return 0
    print(f"Port {port} di {host} sudah dipakai program lain. Hentikan program itu, atau pilih "
          f"port lain: make demo PORT={port + 1}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
