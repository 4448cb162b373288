#!/usr/bin/env python3
"""W4 helper: an asyncio echo server, and a client that holds N idle connections.

    idleconns.py server PORT
    idleconns.py client PORT N

The client opens N connections to 127.0.0.1:PORT (a few hundred at a time), proves each one by a
byte echoed end to end, prints "ready OK FAILED" and holds them all open, idle, until a line
arrives on its standard input; then it closes them and exits.
"""
import asyncio
import resource
import sys


def raise_fd_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


async def echo(reader, writer):
    try:
        while True:
            data = await reader.read(4096)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.close()


async def server(port):
    srv = await asyncio.start_server(echo, "127.0.0.1", port, backlog=4096)
    print("listening", flush=True)
    async with srv:
        await srv.serve_forever()


async def client(port, n):
    conns = []
    failed = 0
    gate = asyncio.Semaphore(200)

    async def one(i):
        nonlocal failed
        async with gate:
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
                writer.write(b"x")
                await writer.drain()
                got = await asyncio.wait_for(reader.readexactly(1), 10)
                if got != b"x":
                    raise ConnectionError("wrong echo")
                conns.append((reader, writer))
            except (OSError, ConnectionError, asyncio.TimeoutError, asyncio.IncompleteReadError):
                failed += 1

    await asyncio.gather(*(one(i) for i in range(n)))
    print("ready", len(conns), failed, flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.readline)
    for _, writer in conns:
        writer.close()
    await asyncio.sleep(0.2)


def main():
    raise_fd_limit()
    if len(sys.argv) >= 3 and sys.argv[1] == "server":
        asyncio.run(server(int(sys.argv[2])))
    elif len(sys.argv) >= 4 and sys.argv[1] == "client":
        asyncio.run(client(int(sys.argv[2]), int(sys.argv[3])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
