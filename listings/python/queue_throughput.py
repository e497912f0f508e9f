"""One producer, three consumers, a million integers through
asyncio.Queue(maxsize=1024): the counterpart of queue_throughput.rs."""

import asyncio
import platform
import time

N = 1_000_000
CONSUMERS = 3


async def consumer(queue: asyncio.Queue) -> tuple[int, int]:
    count = total = 0
    while (item := await queue.get()) is not None:  # None: no more items
        count += 1
        total += item
    return count, total


async def main() -> None:
    start = time.perf_counter()
    queue: asyncio.Queue = asyncio.Queue(maxsize=1024)
    consumers = [asyncio.create_task(consumer(queue)) for _ in range(CONSUMERS)]
    for item in range(N):
        await queue.put(item)
    for _ in consumers:
        await queue.put(None)  # one sentinel per consumer
    results = await asyncio.gather(*consumers)
    took = time.perf_counter() - start
    assert sum(count for count, _ in results) == N
    assert sum(total for _, total in results) == N * (N - 1) // 2
    version = platform.python_version()
    rate = N / took / 1e6
    print(f"[{took:5.2f}s] asyncio.Queue, Python {version}: {N} items in {took:.3f}s, {rate:.2f} M items/s")


asyncio.run(main())
