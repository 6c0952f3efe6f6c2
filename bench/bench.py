#!/usr/bin/env python3
"""RaceGrade's speed benchmark: one synthetic class graded the plain way, by RaceGrade, and
measured against what the machine allows.

Steps, all on the same machine and the same class (see bench/README.md):
  plain      a shell-style loop: every submission built and run N times, one after the other
  racegrade  `racegrade-cli batch` on the class, with the peak resident memory of the grader
  regrade    the same batch again on the unchanged class and its session
  bound      CPU time of building each distinct submission once and running each binary N times,
             one step at a time, divided by the number of cores
  app        the desktop app grading the class, with its event loop's worst lateness
"""

import argparse
import functools
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE_DIR = HERE.parent
RACE_MARKERS = ("WARNING: DATA RACE", "WARNING: ThreadSanitizer: data race")
# What RaceGrade gives the race detectors (grader/gotoolchain.cpp, grader/cpptoolchain.cpp); the
# bound uses the same, the plain way the detectors' defaults.
GORACE = "halt_on_error=0 exitcode=66 history_size=4 atexit_sleep_ms=100"
TSAN_OPTIONS = ("halt_on_error=0 exitcode=66 history_size=4 second_deadlock_stack=1 "
                "report_signal_unsafe=1 atexit_sleep_ms=100")
CPP_FLAGS = ["-std=c++20", "-g", "-pthread", "-Wall", "-Wextra", "-O1", "-fsanitize=thread"]
ALL_STEPS = ("plain", "racegrade", "regrade", "bound", "app")


def log(message):
    print(message, file=sys.stderr, flush=True)


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_quietly(command, cwd=None, env=None, limit=None):
    """Runs a command with a wall-time limit; returns (exit status, combined output)."""
    wrapped = command if limit is None else ["timeout", "-k", "1", str(limit)] + command
    completed = subprocess.run(wrapped, cwd=cwd, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    return completed.returncode, completed.stdout.decode("utf-8", "replace")


def has_race(output):
    return any(marker in output for marker in RACE_MARKERS)


class Submission:
    """One file the class's plan grades: a student's chosen file for an exercise."""

    def __init__(self, student, entry, class_dir):
        self.student = student
        self.exercise = entry["exercise"]
        self.language = entry["language"]
        self.kind = entry["kind"]
        self.path = class_dir / entry["path"]
        self.relative_path = entry["path"]
        self.sha256 = entry["sha256"]


@functools.lru_cache(maxsize=None)
def load_limits(exercise):
    manifest = json.loads((SOURCE_DIR / "exercises" / exercise / "exercise.json").read_text())
    return manifest["limits"]


def make_class(args, work):
    """Generates the class and keeps the files of the languages asked for."""
    generated = work / "generated"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # --slow: also deadlocks, endless loops and sequential fetches, as real classes hand in.
    subprocess.run([str(args.build / "bin" / "racegrade-makeclass"), "--layout", "folders",
                    "--students", str(args.students), "--seed", str(args.seed), "--slow",
                    str(generated)],
                   check=True, stdout=subprocess.DEVNULL)
    manifest = json.loads(Path(str(generated) + ".manifest.json").read_text())
    class_dir = work / "class"
    languages = {"go": ["go"], "cpp": ["cpp"], "all": ["go", "cpp"]}[args.part]
    submissions = []
    for student in manifest["students"]:
        for entry in student["files"]:
            if entry["language"] not in languages and entry["kind"] != "unmappable":
                continue
            target = class_dir / entry["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(generated / entry["path"], target)
            if entry["chosen"] and entry["exercise"]:
                submissions.append(Submission(student["key"], entry, class_dir))
    return class_dir, submissions


def warm_caches(args, work):
    """Both ways start from a warm Go build cache: the race runtime is compiled once per machine."""
    hello = work / "warm" / "main.go"
    hello.parent.mkdir(parents=True, exist_ok=True)
    hello.write_text('package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("warm") }\n')
    (hello.parent / "main_test.go").write_text(
        'package main\n\nimport "testing"\n\nfunc TestWarm(t *testing.T) {}\n')
    (hello.parent / "go.mod").write_text("module warm\n\ngo 1.19\n")
    # The program's packages and the test harness's (testing and its imports), race-built.
    run_quietly(["go", "build", "-race", "-o", "hello", "."], cwd=hello.parent)
    run_quietly(["go", "test", "-race", "-c", "-o", "hello.test", "."], cwd=hello.parent)
    starter = SOURCE_DIR / "exercises" / "safe-counter" / "go" / "starter.go"
    run_quietly([str(args.build / "bin" / "racegrade-cli"), "grade", "--exercise", "safe-counter",
                 "--runs", "1", str(starter)])


# The plain way -------------------------------------------------------------------------------

def plain_way(submissions, runs, work):
    """A TA's loop: `go run -race` N times, or compile once with -fsanitize=thread and run N
    times, one submission after the other, each run under the exercise's time limit."""
    environment = dict(os.environ)
    environment.pop("GORACE", None)
    environment.pop("TSAN_OPTIONS", None)
    seconds = {"go": 0.0, "cpp": 0.0}
    racy = {}
    for index, submission in enumerate(submissions, 1):
        limits = load_limits(submission.exercise)
        started = time.monotonic()
        outputs = []
        if submission.language == "go":
            # go run builds (from its cache after the first time) and runs: the link is part of
            # each run, so its limit gets two more seconds.
            for _ in range(runs):
                outputs.append(run_quietly(["go", "run", "-race", str(submission.path)],
                                           cwd=submission.path.parent, env=environment,
                                           limit=limits["runSeconds"] + 2)[1])
        else:
            binary = work / "plain-binary"
            status, output = run_quietly(["g++"] + CPP_FLAGS + [str(submission.path), "-o",
                                                                str(binary)],
                                         env=environment, limit=limits["buildSeconds"])
            outputs.append(output)
            if status == 0:
                for _ in range(runs):
                    outputs.append(run_quietly([str(binary)], cwd=work, env=environment,
                                               limit=limits["runSeconds"])[1])
        elapsed = time.monotonic() - started
        seconds[submission.language] += elapsed
        racy[submission.relative_path] = any(has_race(output) for output in outputs)
        log(f"  plain {index}/{len(submissions)} {submission.relative_path}: {elapsed:.1f} s"
            f"{' (race)' if racy[submission.relative_path] else ''}")
    return seconds, racy


# RaceGrade ----------------------------------------------------------------------------------

def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def racegrade_batch(args, class_dir, session):
    """Runs `racegrade-cli batch`; returns (wall seconds, peak resident KiB of the grader)."""
    command = [str(args.build / "bin" / "racegrade-cli"), "batch", str(class_dir), "--session",
               str(session), "--runs", str(args.runs), "--no-color"]
    started = time.monotonic()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = 0
    lines = []

    def read_output():
        for raw in process.stdout:
            lines.append(raw.decode("utf-8", "replace").rstrip())

    reader = threading.Thread(target=read_output)
    reader.start()
    while process.poll() is None:
        # VmHWM only grows, so the last reading before the process ends is its peak.
        peak = max(peak, peak_rss_kib(process.pid))
        time.sleep(0.05)
    elapsed = time.monotonic() - started
    reader.join()
    if process.returncode not in (0, 1):
        sys.exit("racegrade-cli batch failed:\n" + "\n".join(lines[-20:]))
    log("  " + (lines[-1] if lines else "(no output)"))
    return elapsed, peak


def racegrade_verdicts(args, session, work):
    """Whether RaceGrade found a race, by the file's path in the class."""
    exported = work / "session.json"
    subprocess.run([str(args.build / "bin" / "racegrade-cli"), "export", "--session",
                    str(session), f"json:{exported}"], check=True, stdout=subprocess.DEVNULL,
                   env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    data = json.loads(exported.read_text())
    racy = {}
    for record in data.get("records", []):
        grade = record.get("grade") or {}
        racy[(record["student_key"], record["exercise"])] = any(
            race.get("kind") == "data-race" for race in grade.get("races", []))
    return racy


# The machine's bound -----------------------------------------------------------------------

def go_harness_dir(submission, directory):
    directory.mkdir(parents=True)
    shutil.copyfile(submission.path, directory / "main.go")
    shutil.copyfile(SOURCE_DIR / "exercises" / submission.exercise / "go" / "harness_test.go",
                    directory / "harness_test.go")
    (directory / "go.mod").write_text("module racegrade/submission\n\ngo 1.19\n")


def cpu_of(command, **kwargs):
    before = children_cpu_seconds()
    status, _ = run_quietly(command, **kwargs)
    return status, children_cpu_seconds() - before


def bound_cpu_seconds(submissions, runs, work):
    """CPU seconds of the work grading cannot avoid, one step at a time, for each distinct
    submission: build the program and the harness once, run each binary N times."""
    environment = dict(os.environ, GORACE=GORACE, TSAN_OPTIONS=TSAN_OPTIONS)
    seconds = {"go": 0.0, "cpp": 0.0}
    distinct = {}
    for submission in submissions:
        distinct.setdefault((submission.sha256, submission.exercise, submission.language),
                            submission)
    for index, submission in enumerate(distinct.values(), 1):
        limits = load_limits(submission.exercise)
        scratch = Path(tempfile.mkdtemp(dir=work, prefix="bound-"))
        program = scratch / "program"
        harness = scratch / "harness"
        cpu = 0.0
        if submission.language == "go":
            program_dir = scratch / "program-src"
            program_dir.mkdir()
            shutil.copyfile(submission.path, program_dir / "main.go")
            status, spent = cpu_of(["go", "build", "-race", "-o", str(program), "."],
                                   cwd=program_dir, env=environment,
                                   limit=limits["buildSeconds"])
            cpu += spent
            go_harness_dir(submission, scratch / "harness-src")
            harness_status, spent = cpu_of(["go", "test", "-race", "-c", "-o", str(harness), "."],
                                           cwd=scratch / "harness-src", env=environment,
                                           limit=limits["buildSeconds"])
            cpu += spent
            harness_command = [str(harness), "-test.run=^TestRaceGradeHarness$", "-test.count=1"]
        else:
            status, spent = cpu_of(["g++"] + CPP_FLAGS + [str(submission.path), "-o", str(program)],
                                   env=environment, limit=limits["buildSeconds"])
            cpu += spent
            harness_dir = scratch / "harness-src"
            harness_dir.mkdir()
            # The harness includes the student's file as main.cpp; the key reaches it through a
            # function of its own (grader/workspace.cpp).
            shutil.copyfile(submission.path, harness_dir / "main.cpp")
            shutil.copyfile(SOURCE_DIR / "exercises" / submission.exercise / "cpp" / "harness.cpp",
                            harness_dir / "harness.cpp")
            (harness_dir / "key.cpp").write_text(
                'extern "C" void racegrade_accept_verdict_key(const char *key);\n'
                'namespace { struct Handover { Handover() { '
                'racegrade_accept_verdict_key("bench"); } } handover; }\n')
            harness_status, spent = cpu_of(["g++"] + CPP_FLAGS + ["harness.cpp", "key.cpp", "-o",
                                                                  str(harness)],
                                           cwd=harness_dir, env=environment,
                                           limit=limits["buildSeconds"])
            cpu += spent
            harness_command = [str(harness)]
        for _ in range(runs if status == 0 else 0):
            cpu += cpu_of([str(program)], cwd=scratch, env=environment,
                          limit=limits["runSeconds"])[1]
        for _ in range(runs if harness_status == 0 else 0):
            cpu += cpu_of(harness_command, cwd=scratch, env=environment,
                          limit=limits["harnessSeconds"])[1]
        shutil.rmtree(scratch, ignore_errors=True)
        seconds[submission.language] += cpu
        log(f"  bound {index}/{len(distinct)} {submission.relative_path}: {cpu:.1f} CPU s")
    return seconds, len(distinct)


# The app ----------------------------------------------------------------------------------

def app_lateness(args, class_dir, work):
    """Grades the class in the desktop app (offscreen) and reads its event loop's worst delay."""
    app = args.build / "bin" / "racegrade"
    if not app.exists():
        return None
    settings = work / "app-settings.ini"
    settings.write_text(f"[grading]\nruns={args.runs}\n")
    command = [str(app), "--class", str(class_dir), "--session", str(work / "app.racegrade"),
               "--settings", str(settings), "--data-dir", str(work / "app-data"), "--grade",
               "--measure-responsiveness"]
    completed = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    found = re.search(rb"in ([0-9.]+) s; the event loop was late by (\d+) ms", completed.stdout)
    if not found:
        sys.exit("the app printed no lateness:\n" + completed.stdout.decode("utf-8", "replace"))
    return float(found.group(1)), int(found.group(2))


# Report -------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", type=Path, default=SOURCE_DIR / "build" / "qt5",
                        help="the build folder with bin/racegrade-cli (default: build/qt5)")
    parser.add_argument("--students", type=int, default=40)
    parser.add_argument("--runs", type=int, default=20, help="N, runs with the race detector")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--part", choices=("all", "go", "cpp"), default="all",
                        help="grade the whole class or only its Go or its C++ files")
    parser.add_argument("--steps", default=",".join(ALL_STEPS),
                        help="which of plain,racegrade,regrade,bound,app to run")
    parser.add_argument("--work", type=Path,
                        default=Path(tempfile.gettempdir()) / "racegrade-bench")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    work = args.work / args.part
    cores = os.cpu_count() or 1

    class_dir, submissions = make_class(args, work)
    counts = {}
    for submission in submissions:
        counts[submission.kind] = counts.get(submission.kind, 0) + 1
    identical = len(submissions) - len({(s.sha256, s.exercise) for s in submissions})
    log(f"class: {args.students} students, {len(submissions)} submissions ("
        + ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
        + f"; {identical} identical to another), N = {args.runs}, {cores} cores")
    warm_caches(args, work)

    figures = {"students": args.students, "submissions": len(submissions), "runs": args.runs,
               "cores": cores, "part": args.part, "seed": args.seed}
    plain_racy = {}
    if "plain" in steps:
        log("plain way:")
        by_language, plain_racy = plain_way(submissions, args.runs, work)
        figures["plain_seconds"] = sum(by_language.values())
        figures["plain_seconds_by_language"] = by_language
    session = work / "class.racegrade"
    if "racegrade" in steps:
        log("RaceGrade:")
        figures["racegrade_seconds"], peak = racegrade_batch(args, class_dir, session)
        figures["racegrade_peak_rss_mib"] = peak / 1024
    if "regrade" in steps and session.exists():
        log("RaceGrade, regrading the unchanged class:")
        figures["regrade_seconds"], _ = racegrade_batch(args, class_dir, session)
    if "bound" in steps:
        log("machine's bound:")
        by_language, figures["distinct_submissions"] = bound_cpu_seconds(submissions, args.runs,
                                                                          work)
        figures["bound_cpu_seconds_by_language"] = by_language
        figures["bound_seconds"] = sum(by_language.values()) / cores
    if "app" in steps:
        log("desktop app:")
        measured = app_lateness(args, class_dir, work)
        if measured:
            figures["app_seconds"], figures["app_worst_lateness_ms"] = measured

    disagreements = []
    if plain_racy and session.exists():
        found = racegrade_verdicts(args, session, work)
        only_racegrade = []
        for submission in submissions:
            path = submission.relative_path
            plain = plain_racy.get(path, False)
            graded = found.get((submission.student, submission.exercise), False)
            if not (submission.kind == "racy" or plain) or plain == graded:
                continue
            if graded and submission.kind == "racy":
                # Races that only the hidden tests provoke (a reader running beside the
                # writers): RaceGrade sees more than the plain loop, not less.
                only_racegrade.append(path)
            else:
                disagreements.append(f"{path}: plain way {'racy' if plain else 'clean'}, "
                                     f"RaceGrade {'racy' if graded else 'clean'}")
        figures["racy_checked"] = sum(1 for s in submissions
                                      if s.kind == "racy" or plain_racy.get(s.relative_path))
        figures["racy_found_only_by_racegrade"] = only_racegrade
        figures["verdict_disagreements"] = disagreements

    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if disagreements else 0


def report(figures):
    print(f"RaceGrade benchmark: {figures['part']} of a class of {figures['students']} students, "
          f"{figures['submissions']} submissions, N = {figures['runs']}, {figures['cores']} cores")
    rows = []
    if "plain_seconds" in figures:
        by_language = figures["plain_seconds_by_language"]
        rows.append(("plain way", f"{figures['plain_seconds']:8.1f} s",
                     f"go {by_language['go']:.1f} s, c++ {by_language['cpp']:.1f} s"))
    if "racegrade_seconds" in figures:
        rows.append(("RaceGrade", f"{figures['racegrade_seconds']:8.1f} s",
                     f"peak resident memory {figures['racegrade_peak_rss_mib']:.0f} MiB"))
    if "bound_seconds" in figures:
        by_language = figures["bound_cpu_seconds_by_language"]
        rows.append(("machine's bound", f"{figures['bound_seconds']:8.1f} s",
                     f"CPU go {by_language['go']:.1f} s + c++ {by_language['cpp']:.1f} s over "
                     f"{figures['distinct_submissions']} distinct submissions / "
                     f"{figures['cores']} cores"))
    if "regrade_seconds" in figures:
        rows.append(("regrade", f"{figures['regrade_seconds']:8.1f} s", "unchanged class"))
    if "app_seconds" in figures:
        rows.append(("desktop app", f"{figures['app_seconds']:8.1f} s",
                     f"event loop late by {figures['app_worst_lateness_ms']} ms at worst"))
    for name, value, detail in rows:
        print(f"  {name:<16}{value}   {detail}")
    if "plain_seconds" in figures and "racegrade_seconds" in figures:
        figures["speedup"] = figures["plain_seconds"] / figures["racegrade_seconds"]
        print(f"  plain / RaceGrade     = {figures['speedup']:.2f}x   (target >= 3)")
    if "bound_seconds" in figures and "racegrade_seconds" in figures:
        figures["over_bound"] = figures["racegrade_seconds"] / figures["bound_seconds"]
        print(f"  RaceGrade / bound     = {figures['over_bound']:.2f}x   (target <= 1.3)")
    if "regrade_seconds" in figures:
        print(f"  regrade               = {figures['regrade_seconds']:.2f} s   (target < 2)")
    if "racegrade_peak_rss_mib" in figures:
        print(f"  peak resident memory  = {figures['racegrade_peak_rss_mib']:.0f} MiB "
              f"(target < 300)")
    if "app_worst_lateness_ms" in figures:
        print(f"  app event-loop delay  = {figures['app_worst_lateness_ms']} ms   (target < 100)")
    if "verdict_disagreements" in figures:
        disagreements = figures["verdict_disagreements"]
        only = figures["racy_found_only_by_racegrade"]
        print(f"  racy verdicts         = {figures['racy_checked'] - len(disagreements)} of "
              f"{figures['racy_checked']} agree with the plain way"
              + (f" ({len(only)} racy only under RaceGrade's hidden tests)" if only else ""))
        for line in disagreements:
            print(f"    disagrees: {line}")


if __name__ == "__main__":
    sys.exit(main())
