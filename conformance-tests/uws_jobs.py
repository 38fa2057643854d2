#!/usr/bin/python3
"""UWS 1.1 behaviour of a live VoServices TAP /async job list under load and across a crash (/usr/bin/python3).

Usage:
  uws_jobs.py concurrent TAP_URL [--jobs 50] [--server-log FILE]
      Submits N jobs at once (N threads, PHASE=RUN on the creation POST, UWS 1.1 §2.2.3.1), waits for each with
      blocking WAIT (§2.2.1.2) and checks that every job is COMPLETED, listed exactly once in the job list, and that
      its result holds its own tag (so no job got another's result). With --server-log, also checks that the server
      logged exactly one "UWS job {id} started" per job (each ran exactly once).
  uws_jobs.py restart-submit TAP_URL STATE_FILE
      Submits slow "blocker" jobs (a cross join, EXECUTIONDURATION 60 s) until every worker executes one, then 8
      quick jobs that wait QUEUED behind them, and writes the ids and phases to STATE_FILE (JSON). The caller then kills
      the server with SIGKILL and restarts it on the same data directory.
  uws_jobs.py restart-check TAP_URL STATE_FILE [--timeout 150]
      After the restart: every job is still listed; none stays EXECUTING (the lost executions end in ERROR); the
      jobs that were QUEUED complete with their own results.
Exit status 0 when every check passes, 1 otherwise (the reason is printed).
"""
import argparse
import concurrent.futures
import io
import json
import re
import sys
import time
import xml.etree.ElementTree as ET

import requests
from astropy.io.votable import parse_single_table

UWS = "{http://www.ivoa.net/xml/UWS/v1.0}"
FINAL = {"COMPLETED", "ERROR", "ABORTED", "ARCHIVED"}
ACTIVE = {"PENDING", "QUEUED", "EXECUTING"}
# A cross join with no usable index: minutes on the shipped subset, years on the full catalogues; its
# EXECUTIONDURATION ends it with ERROR if it were ever run again after the restart.
BLOCKER = ("SELECT COUNT(*) AS n FROM tycho2.main AS a, tycho2.main AS b, openngc.main AS c "
           "WHERE a.ra + b.dec + c.ra > -1000")
BLOCKER_DURATION = 60


def quick_query(tag):
    # numeric columns only: astropy 5.2 misreads char arraysize="N*" in BINARY2 (see README.md)
    return f"SELECT TOP 3 {tag} AS tag, ra, dec, vt_mag FROM tycho2.main WHERE dec > {-90 + tag % 10}"


class Client:
    def __init__(self, tap_url):
        self.jobs_url = tap_url.rstrip("/") + "/async"
        self.http = requests.Session()
        self.http.mount("http://", requests.adapters.HTTPAdapter(pool_connections=4, pool_maxsize=64))

    def create(self, query, run=True, duration=None):
        data = {"LANG": "ADQL", "QUERY": query}
        if run:
            data["PHASE"] = "RUN"
        if duration is not None:
            data["EXECUTIONDURATION"] = str(duration)
        response = self.http.post(self.jobs_url, data=data, allow_redirects=False, timeout=60)
        assert response.status_code == 303, f"job creation answered {response.status_code}: {response.text[:300]}"
        location = requests.compat.urljoin(self.jobs_url + "/", response.headers["Location"])
        return location.rstrip("/").rsplit("/", 1)[1]

    def job_url(self, job_id):
        return f"{self.jobs_url}/{job_id}"

    def job(self, job_id, wait=None):
        params = {"WAIT": str(wait)} if wait is not None else None
        response = self.http.get(self.job_url(job_id), params=params, timeout=(wait or 0) + 60)
        assert response.status_code == 200, f"GET job {job_id} answered {response.status_code}"
        root = ET.fromstring(response.content)
        text = lambda name: (root.findtext(UWS + name) or "").strip()
        return {"id": text("jobId"), "phase": text("phase"), "startTime": text("startTime"),
                "endTime": text("endTime"), "executionDuration": text("executionDuration"),
                "error": (root.findtext(f"{UWS}errorSummary/{UWS}message") or "").strip()}

    def wait_final(self, job_id, deadline):
        while True:
            job = self.job(job_id, wait=min(30, max(1, int(deadline - time.monotonic()))))
            if job["phase"] not in ACTIVE or time.monotonic() > deadline:
                return job

    def result_tags(self, job_id):
        response = self.http.get(self.job_url(job_id) + "/results/result", timeout=60)
        assert response.status_code == 200, f"result of {job_id} answered {response.status_code}"
        table = parse_single_table(io.BytesIO(response.content)).to_table()
        return [int(v) for v in table["tag"]]

    def listed_ids(self):
        response = self.http.get(self.jobs_url, timeout=60)
        assert response.status_code == 200, f"job list answered {response.status_code}"
        return [ref.get("id") for ref in ET.fromstring(response.content).iter(UWS + "jobref")]

    def delete(self, job_id):
        self.http.delete(self.job_url(job_id), allow_redirects=False, timeout=60)


def run_concurrent(args):
    client = Client(args.tap_url)
    started = time.monotonic()
    deadline = started + args.timeout

    def one(tag):
        job_id = client.create(quick_query(tag))
        return tag, job_id, client.wait_final(job_id, deadline)

    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(one, range(1, args.jobs + 1)))
    elapsed = time.monotonic() - started
    problems = []  # (job id, what is wrong)
    for tag, job_id, job in outcomes:
        if job["phase"] != "COMPLETED":
            problems.append((job_id, f"tag {tag} ended {job['phase']} {job['error']}"))
        elif client.result_tags(job_id) != [tag] * 3:
            problems.append((job_id, f"result does not hold its tag {tag}"))
        elif not job["startTime"] or not job["endTime"]:
            problems.append((job_id, "startTime/endTime missing"))
    ids = [job_id for _, job_id, _ in outcomes]
    if len(set(ids)) != len(ids):
        problems.append(("-", "the service handed out duplicate job ids"))
    listed = client.listed_ids()
    problems += [(j, f"listed {listed.count(j)} times in the job list") for j in ids if listed.count(j) != 1]
    if args.server_log:
        with open(args.server_log, encoding="utf-8", errors="replace") as stream:
            log = stream.read()
        for job_id in ids:
            runs = len(re.findall(rf"UWS job {re.escape(job_id)} started by", log))
            if runs != 1:
                problems.append((job_id, f"started {runs} times (server log)"))
    for job_id in ids:
        client.delete(job_id)
    for job_id, problem in problems[:20]:
        print(f"FAIL job {job_id}: {problem}")
    good = len(set(ids) - {job_id for job_id, _ in problems})
    checked = "results, job list" + (", server log" if args.server_log else "")
    print(f"{args.jobs} concurrent async jobs: {good} completed exactly once, in {elapsed:.1f} s ({checked} checked)")
    return 1 if problems else 0


def run_restart_submit(args):
    client = Client(args.tap_url)
    blockers = []
    # One blocker per worker: add blockers until one stays QUEUED (all workers busy), then abort that one.
    for _ in range(16):
        job_id = client.create(BLOCKER, duration=BLOCKER_DURATION)
        deadline = time.monotonic() + 5
        phase = client.job(job_id)["phase"]
        while phase in ("PENDING", "QUEUED") and time.monotonic() < deadline:
            time.sleep(0.2)
            phase = client.job(job_id)["phase"]
        assert phase in ("QUEUED", "EXECUTING"), f"a blocker ended {phase} before the kill"
        if phase == "QUEUED":
            client.http.post(client.job_url(job_id) + "/phase", data={"PHASE": "ABORT"}, allow_redirects=False)
            client.delete(job_id)
            break
        blockers.append(job_id)
    print(f"{len(blockers)} blocker(s) EXECUTING (one per worker)")
    quick = [client.create(quick_query(tag)) for tag in range(1, 9)]
    time.sleep(1.0)
    jobs = [{"id": j, "kind": "blocker", "tag": None} for j in blockers] + \
           [{"id": j, "kind": "quick", "tag": tag} for tag, j in enumerate(quick, start=1)]
    for job in jobs:
        job["phase_at_kill"] = client.job(job["id"])["phase"]
    with open(args.state_file, "w", encoding="utf-8") as stream:
        json.dump(jobs, stream, indent=1)
    summary = {p: sum(1 for j in jobs if j["phase_at_kill"] == p) for p in sorted({j["phase_at_kill"] for j in jobs})}
    print(f"before the kill: {summary}")
    if summary.get("EXECUTING", 0) == 0 or summary.get("QUEUED", 0) == 0:
        print("FAIL the test needs jobs both EXECUTING and QUEUED at the kill")
        return 1
    return 0


def run_restart_check(args):
    client = Client(args.tap_url)
    with open(args.state_file, encoding="utf-8") as stream:
        jobs = json.load(stream)
    problems = []
    listed = client.listed_ids()
    problems += [f"job {j['id']} ({j['phase_at_kill']} at the kill) is no longer listed"
                 for j in jobs if j["id"] not in listed]
    started = time.monotonic()
    deadline = started + args.timeout
    final = {j["id"]: client.wait_final(j["id"], deadline) for j in jobs}
    elapsed = time.monotonic() - started
    for job in jobs:
        now = final[job["id"]]
        if now["phase"] in ACTIVE:
            problems.append(f"job {job['id']} ({job['kind']}, {job['phase_at_kill']} at the kill) still "
                            f"{now['phase']} {elapsed:.0f} s after the restart")
        elif job["phase_at_kill"] == "QUEUED" and job["kind"] == "quick":
            if now["phase"] != "COMPLETED":
                problems.append(f"queued job {job['id']} ended {now['phase']} {now['error']}")
            elif client.result_tags(job["id"]) != [job["tag"]] * 3:
                problems.append(f"queued job {job['id']}: result does not hold its tag {job['tag']}")
        print(f"  {job['id']} {job['kind']:7} at kill {job['phase_at_kill']:9} now {now['phase']:9} {now['error'][:90]}")
    for job in jobs:
        client.delete(job["id"])
    for problem in problems:
        print("FAIL", problem)
    print(f"after kill -9 and restart: {len(jobs)} jobs listed, all left EXECUTING/QUEUED within {elapsed:.1f} s")
    return 1 if problems else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("concurrent")
    p.add_argument("tap_url")
    p.add_argument("--jobs", type=int, default=50)
    p.add_argument("--timeout", type=float, default=180)
    p.add_argument("--server-log")
    p.set_defaults(run=run_concurrent)
    p = sub.add_parser("restart-submit")
    p.add_argument("tap_url")
    p.add_argument("state_file")
    p.set_defaults(run=run_restart_submit)
    p = sub.add_parser("restart-check")
    p.add_argument("tap_url")
    p.add_argument("state_file")
    p.add_argument("--timeout", type=float, default=150)
    p.set_defaults(run=run_restart_check)
    args = parser.parse_args(argv[1:])
    try:
        return args.run(args)
    except (AssertionError, requests.RequestException) as error:
        print(f"FAIL {type(error).__name__}: {error}")
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
