#!/usr/bin/env python3
"""Mixed load against a running RiskGraph API on loopback, for scripts/soak.sh.

Threads with keep-alive connections send warnings, batches, networks, searches and checks as fast as they are
answered, and one thread ingests penalties at a fixed rate (records per second, in batches). Every request is
bounded by the run's duration; only 127.0.0.1 is ever addressed. Prints and writes one JSON object: per route the
count, the 5xx count and p50/p99 latency, the ingestion rate reached, and the API's resident set sampled every 10 s.
"""
import argparse
import http.client
import json
import random
import threading
import time


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000, 2)


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = {}
        self.statuses = {}

    def add(self, route, seconds, status):
        with self.lock:
            self.latencies.setdefault(route, []).append(seconds)
            counts = self.statuses.setdefault(route, {})
            counts[status] = counts.get(status, 0) + 1


def call(connection, method, path, headers, body=None):
    payload = None if body is None else json.dumps(body).encode()
    connection.request(method, path, body=payload, headers=headers)
    response = connection.getresponse()
    response.read()
    return response.status


def reader(port, key, usccs, deadline, recorder, seed):
    rng = random.Random(seed)
    headers = {"X-Api-Key": key, "X-Purpose": "supervision", "Content-Type": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    while time.time() < deadline:
        pick = rng.random()
        uscc = rng.choice(usccs)
        if pick < 0.45:
            route, method, path, body = "GET warning", "GET", f"/api/enterprises/{uscc}/warning", None
        elif pick < 0.55:
            route, method, path, body = "POST batch", "POST", "/api/warnings/batch", {"usccs": rng.sample(usccs, 200)}
        elif pick < 0.70:
            route, method, path, body = "GET network", "GET", f"/api/enterprises/{uscc}/network?depth=2&max_nodes=300", None
        elif pick < 0.85:
            route, method, path, body = "GET search", "GET", f"/api/enterprises?query={uscc[:8]}&page_size=20", None
        else:
            route, method, path, body = "POST check", "POST", "/api/checks", {"uscc": uscc, "purpose": rng.choice(["procurement", "financing", "subsidy"])}
        started = time.perf_counter()
        try:
            status = call(connection, method, path, headers, body)
        except (OSError, http.client.HTTPException):
            status = 599
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        recorder.add(route, time.perf_counter() - started, status)


def ingester(port, key, usccs, deadline, recorder, rate, batch, totals):
    headers = {"X-Api-Key": key, "Content-Type": "application/json"}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    rng = random.Random(7)
    number = 0
    next_send = time.time()
    while time.time() < deadline:
        penalties = []
        for _ in range(batch):
            number += 1
            penalties.append({"record_id": f"SOAK-{int(deadline)}-{number}", "uscc": rng.choice(usccs), "kind": "warning", "amount": 0,
                              "decision_date": "2026-11-02", "publication_date": "2026-11-03", "department": "soak test"})
        started = time.perf_counter()
        try:
            status = call(connection, "POST", "/api/records", headers, {"penalties": penalties})
        except (OSError, http.client.HTTPException):
            status = 599
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        recorder.add("POST records", time.perf_counter() - started, status)
        if status == 200:
            totals["records"] += batch
        # A fixed schedule: a slow answer is not made up for by a burst, so the rate reached is what the API sustained.
        next_send = max(next_send + batch / rate, time.time())
        time.sleep(max(0.0, next_send - time.time()))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--writer-key", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--usccs", required=True, help="file with one USCC a line")
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--readers", type=int, default=6)
    parser.add_argument("--ingest-rate", type=float, default=500.0)
    parser.add_argument("--ingest-batch", type=int, default=250)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    usccs = [line.strip() for line in open(args.usccs) if line.strip()]
    started = time.time()
    deadline = started + args.seconds
    recorder = Recorder()
    totals = {"records": 0}
    threads = [threading.Thread(target=reader, args=(args.port, args.key, usccs, deadline, recorder, i), daemon=True) for i in range(args.readers)]
    threads.append(threading.Thread(target=ingester, args=(args.port, args.writer_key, usccs, deadline, recorder, args.ingest_rate, args.ingest_batch, totals), daemon=True))
    for thread in threads:
        thread.start()
    samples = []
    while time.time() < deadline:
        samples.append({"t_s": round(time.time() - started), "rss_mib": round(rss_kib(args.pid) / 1024, 1)})
        time.sleep(min(10, max(0.0, deadline - time.time())))
    for thread in threads:
        thread.join(timeout=130)
    samples.append({"t_s": round(time.time() - started), "rss_mib": round(rss_kib(args.pid) / 1024, 1)})

    routes = {}
    for route, values in sorted(recorder.latencies.items()):
        statuses = recorder.statuses[route]
        # 599 is this script's own mark for no answer within the client timeout (60 s, 120 s for ingestion): not a server 5xx.
        routes[route] = {"requests": len(values), "status_5xx": sum(c for s, c in statuses.items() if 500 <= s < 599),
                         "client_timeouts": statuses.get(599, 0),
                         "statuses": {str(s): c for s, c in sorted(statuses.items())},
                         "p50_ms": percentile(values, 50), "p99_ms": percentile(values, 99)}
    after_first_minute = next((s["rss_mib"] for s in samples if s["t_s"] >= 60), samples[0]["rss_mib"])
    result = {
        "seconds": args.seconds,
        "routes": routes,
        "total_5xx": sum(r["status_5xx"] for r in routes.values()),
        "total_client_timeouts": sum(r["client_timeouts"] for r in routes.values()),
        "ingested_records": totals["records"],
        "ingest_rate_target": args.ingest_rate,
        "ingest_rate_reached": round(totals["records"] / args.seconds, 1),
        "rss_after_first_minute_mib": after_first_minute,
        "rss_end_mib": samples[-1]["rss_mib"],
        "rss_drift_percent": round((samples[-1]["rss_mib"] - after_first_minute) / after_first_minute * 100, 1),
        "rss_samples": samples,
    }
    with open(args.out, "w") as out:
        json.dump(result, out, indent=2)
    print(json.dumps({k: v for k, v in result.items() if k != "rss_samples"}, indent=2))


if __name__ == "__main__":
    main()
