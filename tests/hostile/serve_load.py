"""The page's server under load, bounded in time (issue 21): 50 slow
connections that never finish their headers stay open throughout; then 200
clients at once; then a mixed run from 20 clients (opens, analyses, form
edits and saves) for a few seconds. No request may fail, no save may be
lost, and the slow connections may delay no one beyond the bound.

Usage: serve_load.py TIENDO SAMPLES_DIR WORK_DIR [SECONDS]"""
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time

tiendo, samples, work = sys.argv[1:4]
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 8.0
shutil.rmtree(work, ignore_errors=True)
plans = os.path.join(work, "plans")
os.makedirs(plans)
for i in range(20):
    shutil.copy(os.path.join(samples, "129-KH-DUK.yaml"), os.path.join(plans, "p%02d.yaml" % i))
shutil.copy(os.path.join(samples, "129-KH-DUK.yaml"), os.path.join(plans, "shared.yaml"))

server = subprocess.Popen([tiendo, "serve", plans, "--port", "0"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, text=True)
failures = []
try:
    line = server.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]+)", line)
    if not m:
        sys.exit("FAIL: the server printed no address: " + line)
    port, token = int(m.group(1)), m.group(2)
    headers = {"X-Tiendo-Token": token, "X-Tiendo": "1"}
    latencies = []
    lock = threading.Lock()

    def request(method, path, body=None, extra=None):
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        h = dict(headers)
        if extra:
            h.update(extra)
        started = time.monotonic()
        c.request(method, path, body=body.encode("utf-8") if isinstance(body, str) else body,
                  headers=h)
        r = c.getresponse()
        data = r.read()
        took = time.monotonic() - started
        c.close()
        with lock:
            latencies.append(took)
        return r.status, data, r.getheader("ETag")

    # 50 slow clients: headers begun, never finished, a byte now and then.
    slow = []
    for _ in range(50):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /api/plans HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(s)

    # 200 clients at once.
    results = []

    def one():
        try:
            status, _, _ = request("GET", "/api/plans")
            results.append(status)
        except Exception as e:  # noqa: BLE001 - any failure is reported
            results.append(str(e))

    threads = [threading.Thread(target=one) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    bad = [r for r in results if r != 200]
    if bad:
        failures.append("200 clients: %d failed (%s)" % (len(bad), bad[:3]))
    burst = sorted(latencies)
    latencies.clear()

    # The mixed run: each client opens, analyses, edits and saves its own plan,
    # and saves the shared one too, retrying on 409 as the page does.
    saved_last = {}
    own_saves = []
    shared_saves = []
    stop = time.monotonic() + seconds

    def client(k):
        name = "p%02d.yaml" % k
        n = 0
        try:
            while time.monotonic() < stop:
                status, data, etag = request("GET", "/api/plan?file=" + name)
                if status != 200:
                    failures.append("open %s: %d" % (name, status))
                    return
                text = json.loads(data)["text"]
                status, _, _ = request("POST", "/api/analyze", text)
                if status != 200:
                    failures.append("analyze: %d" % status)
                n += 1
                edit = json.dumps({"text": text, "step": "ban-tin.khung", "key": "name",
                                   "value": "Xây dựng định khung %d-%d" % (k, n)})
                status, data, _ = request("POST", "/api/edit", edit,
                                          {"Content-Type": "application/json"})
                if status != 200:
                    failures.append("edit: %d %s" % (status, data[:80]))
                    return
                edited = json.loads(data)["text"]
                status, _, _ = request("PUT", "/api/plan?file=" + name, edited,
                                       {"If-Match": etag, "Content-Type": "text/plain"})
                if status != 200:
                    failures.append("save %s: %d" % (name, status))
                    return
                saved_last[name] = edited
                with lock:
                    own_saves.append(name)
                # The shared plan: a race the page resolves by reopening.
                for _ in range(5):
                    status, data, etag = request("GET", "/api/plan?file=shared.yaml")
                    marker = "# client %d save %d\n" % (k, n)
                    text = json.loads(data)["text"] + marker
                    status, _, _ = request("PUT", "/api/plan?file=shared.yaml", text,
                                           {"If-Match": etag, "Content-Type": "text/plain"})
                    if status == 200:
                        with lock:
                            shared_saves.append(marker)
                        break
                    if status != 409:
                        failures.append("shared save: %d" % status)
                        return
        except Exception as e:  # noqa: BLE001
            failures.append("client %d: %s" % (k, e))

    threads = [threading.Thread(target=client, args=(k,)) for k in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for s in slow:
        s.close()

    # No save lost: each plan on disk is its client's last save, and the
    # shared one holds every save that was answered 200.
    for name, text in saved_last.items():
        with open(os.path.join(plans, name), encoding="utf-8") as f:
            if f.read() != text:
                failures.append("%s on disk is not its last save" % name)
    with open(os.path.join(plans, "shared.yaml"), encoding="utf-8") as f:
        shared = f.read()
    lost = [m for m in shared_saves if m not in shared]
    if lost:
        failures.append("%d shared saves lost, e.g. %r" % (len(lost), lost[0]))
    leftovers = [n for n in os.listdir(plans) if n.startswith(".")]
    if leftovers:
        failures.append("temporary files left: %s" % leftovers[:3])

    mixed = sorted(latencies)

    def pct(xs, p):
        return xs[min(len(xs) - 1, int(len(xs) * p))] if xs else 0.0

    print("200 at once: p50 %.0f ms, p99 %.0f ms, max %.0f ms" %
          (1000 * pct(burst, .5), 1000 * pct(burst, .99), 1000 * burst[-1]))
    print("mixed run, 20 clients, %.0f s: %d requests, p50 %.0f ms, p99 %.0f ms, max %.0f ms; "
          "%d saves, %d of them of the shared plan" %
          (seconds, len(mixed), 1000 * pct(mixed, .5), 1000 * pct(mixed, .99),
           1000 * (mixed[-1] if mixed else 0), len(own_saves) + len(shared_saves),
           len(shared_saves)))
    # A bound with room for a loaded 2-core machine: the slow clients must
    # not hold anyone for their timeouts (5 s) or worse.
    if burst and burst[-1] > 4.0:
        failures.append("a client of the 200 waited %.1f s" % burst[-1])
    if mixed and statistics.median(mixed) > 1.0:
        failures.append("the mixed run's median is %.1f s" % statistics.median(mixed))
finally:
    server.terminate()
    server.wait(timeout=10)

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("the server held: no failed request, no lost save")
