"""A million asyncio tasks, each sleeping 1 s: how long they take in all, and
how much memory each one costs. The counterpart of million_sleeping_tasks.rs."""

import asyncio
import platform
import sys
import time


def peak_memory() -> int | None:
    """The most resident memory this process has used so far, in bytes
    (VmHWM in /proc/self/status): Linux only, None elsewhere."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


async def nap(i: int) -> int:
    await asyncio.sleep(1)
    return i % 2  # something to give back


async def main(count: int) -> None:
    before = peak_memory()
    start = time.perf_counter()
    log = lambda message: print(f"[{time.perf_counter() - start:5.2f}s] {message}")
    tasks = [asyncio.create_task(nap(i)) for i in range(count)]
    log(f"spawned {count} tasks")
    odd = 0
    for task in tasks:
        odd += await task
    took = time.perf_counter() - start
    log(f"all {count} tasks done, {odd} of them odd")
    log(f"total time: {took:.2f}s (Python {platform.python_version()})")
    after = peak_memory()
    if before is not None and after is not None:
        log(f"memory per task: {(after - before) // count} bytes")
    else:
        log("memory per task: not measured (it reads /proc/self/status, which only Linux has)")


asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000))
