// Hidden test harness for the parallel-fetch exercise.
//
// The grader copies the student's file next to this one as main.cpp and builds
//     g++ -std=c++20 -g -O1 -fsanitize=thread -pthread harness.cpp -o harness
// The student's main() is renamed so that this file can have its own. For each
// test the harness prints one line "@@racegrade <key> <test-id> pass|fail <detail>",
// where <key> is the grading's verdict key, handed over at start-up by an object the
// grader compiles on its own (racegrade_key.cpp) and links in.
#define main racegrade_student_main
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wreturn-type" // a renamed main() may end without a return
#include "main.cpp"
#pragma GCC diagnostic pop
#undef main

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

// The grading's verdict key. It is declared after the student's code, with internal linkage,
// so that code cannot name it; lines printed without it are not taken for results.
namespace racegrade_harness {
namespace {
std::string &verdictKey()
{
    static std::string key;
    return key;
}
} // namespace
} // namespace racegrade_harness

// Called once at start-up by the separately compiled key object; the first key counts.
extern "C" void racegrade_accept_verdict_key(const char *key)
{
    std::string &stored = racegrade_harness::verdictKey();
    if (stored.empty() && key != nullptr) {
        stored = key;
    }
}

namespace racegrade_harness {

using Clock = std::chrono::steady_clock;
using Millis = std::chrono::milliseconds;

// One call with a few URLs checks that no thread outlives the call.
constexpr std::size_t kWaitUrls = 12;
// How long threads may take to disappear after ParallelFetch returned.
constexpr Millis kSettleTime{50};
// One-URL calls measure how long a single fetch takes.
constexpr int kProbes = 4;
// One big call checks the answers and the speed.
constexpr std::size_t kManyUrls = 30;
// The big call passes the speed test when it takes less than
// max(kSpeedFactor * slowest one-URL call, slowest + kSpeedSlack), which is 1 to
// 1.3 s. Run at the same time, 30 fetches of 0-200 ms take about 200 ms plus the
// cost of starting 30 threads under ThreadSanitizer (40 ms on an idle machine,
// several times that on two busy cores). Run one after another they take about
// 3 s (30 x 100 ms on average, standard deviation 0.3 s). The limit sits far
// from both.
constexpr int kSpeedFactor = 4;
constexpr Millis kSpeedSlack{1000};

const std::vector<std::string> kTestIds = {"one-per-url", "real-results-and-errors", "concurrent",
                                           "waits-for-all"};

struct Verdict
{
    bool passed = false;
    std::string detail;
};

// One timed call of ParallelFetch.
struct Call
{
    std::size_t urls = 0;
    std::vector<std::string> results;
    std::vector<std::string> errors;
    Clock::duration elapsed{};
    long leftover = 0; // threads still running kSettleTime after the call returned
    bool returned = false;
    bool stuck = false;  // the call never returned; its threads are still blocked
    std::string problem; // why the call did not return normally

    std::size_t answers() const { return results.size() + errors.size(); }
};

// Writes n with thousands separators: 10000 -> "10,000".
std::string number(long long n)
{
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) {
            out += ',';
        }
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string millis(Clock::duration d)
{
    return number(std::chrono::duration_cast<Millis>(d).count());
}

std::string describe(std::exception_ptr error)
{
    try {
        std::rethrow_exception(error);
    } catch (const std::exception &e) {
        return e.what();
    } catch (...) {
        return "an unknown exception";
    }
}

// The number of threads in this process, from /proc/self/task.
long liveThreads()
{
    long count = 0;
    std::error_code ec;
    for (std::filesystem::directory_iterator it("/proc/self/task", ec), end; !ec && it != end;
         it.increment(ec)) {
        ++count;
    }
    return count;
}

// How many threads beyond `expected` are still alive, waiting up to
// kSettleTime from `since` for them to go away.
long leftoverThreads(long expected, Clock::time_point since)
{
    long extra = liveThreads() - expected;
    while (extra > 0 && Clock::now() < since + kSettleTime) {
        std::this_thread::sleep_for(Millis(1));
        extra = liveThreads() - expected;
    }
    return std::max(extra, 0L);
}

// Calls ParallelFetch with n made-up URLs on another thread, so that a call
// that never returns can be given up on. With a baseline (the thread count
// before the call), that thread also counts the threads left over right after
// ParallelFetch returns: counting later, after joining it, could be delayed
// by ThreadSanitizer printing a report and miss threads that end meanwhile.
Call timedFetch(const std::string &tag, std::size_t n, long baseline = -1)
{
    std::vector<std::string> urls;
    for (std::size_t i = 1; i <= n; ++i) {
        urls.push_back("https://racegrade.test/" + tag + "/" + std::to_string(i));
    }
    // A call where every fetch runs one after another takes about n*100 ms
    // (n*200 ms at worst); this limit is well beyond that.
    const Millis limit = Millis(1500) + Millis(120) * static_cast<long>(n);

    struct Pending
    {
        std::mutex mutex;
        std::condition_variable cv;
        bool done = false;
        Call call;
    };
    auto pending = std::make_shared<Pending>();
    std::thread caller([pending, urls, baseline] {
        Call call;
        call.urls = urls.size();
        try {
            const auto start = Clock::now();
            auto [results, errors] = ParallelFetch(urls);
            const auto ended = Clock::now();
            call.elapsed = ended - start;
            if (baseline >= 0) {
                call.leftover = leftoverThreads(baseline + 1, ended); // + 1: this thread
            }
            for (const auto &r : results) {
                call.results.emplace_back(r);
            }
            for (const auto &e : errors) {
                call.errors.emplace_back(e);
            }
            call.returned = true;
        } catch (...) {
            call.problem = "ParallelFetch threw " + describe(std::current_exception());
        }
        {
            std::lock_guard<std::mutex> lock(pending->mutex);
            pending->call = std::move(call);
            pending->done = true;
        }
        pending->cv.notify_all();
    });

    std::unique_lock<std::mutex> lock(pending->mutex);
    if (!pending->cv.wait_for(lock, limit, [&pending] { return pending->done; })) {
        lock.unlock();
        caller.detach();
        Call stuck;
        stuck.urls = n;
        stuck.stuck = true;
        char seconds[32];
        std::snprintf(seconds, sizeof seconds, "%.1f", limit.count() / 1000.0);
        stuck.problem = "ParallelFetch did not return within " + std::string(seconds) + " s for " +
                        std::to_string(n) +
                        " URLs, although one fetch takes at most 0.2 s: does every thread "
                        "signal that it is done, also when its fetch fails?";
        return stuck;
    }
    Call call = std::move(pending->call);
    lock.unlock();
    caller.join();
    return call;
}

Verdict checkWaited(const Call &call)
{
    if (call.leftover > 0) {
        return {false, std::to_string(call.leftover) + " thread(s) were still running " +
                           std::to_string(kSettleTime.count()) +
                           " ms after ParallelFetch returned for " + std::to_string(call.urls) +
                           " URLs: it must join (or otherwise wait for) every thread it started "
                           "before returning"};
    }
    return {true, "no thread was left running after ParallelFetch returned for " +
                      std::to_string(call.urls) + " URLs"};
}

Verdict checkCounts(const std::vector<Call> &calls)
{
    for (const Call &c : calls) {
        if (c.answers() != c.urls) {
            return {false, "returned " + std::to_string(c.answers()) + " results and errors for " +
                               std::to_string(c.urls) + " URLs (" +
                               std::to_string(c.results.size()) + " results, " +
                               std::to_string(c.errors.size()) +
                               " errors); every URL must give exactly one result or one error"};
        }
    }
    const Call &last = calls.back();
    return {true, "every call returned one result or error per URL (" + std::to_string(last.urls) +
                      " URLs gave " + std::to_string(last.results.size()) + " results and " +
                      std::to_string(last.errors.size()) + " errors)"};
}

Verdict checkContents(const std::vector<Call> &calls)
{
    std::size_t urls = 0;
    std::size_t results = 0;
    std::size_t errors = 0;
    for (const Call &c : calls) {
        urls += c.urls;
        results += c.results.size();
        errors += c.errors.size();
        for (const std::string &r : c.results) {
            if (r.empty()) {
                return {false, "a result was an empty string; a successful fetch must return its "
                               "text"};
            }
        }
        for (const std::string &e : c.errors) {
            if (e.empty()) {
                return {false, "an error message was empty; say which URL failed and why"};
            }
        }
    }
    if (results == 0 && errors == 0) {
        return {false, "ParallelFetch returned no results and no errors at all for " +
                           std::to_string(urls) + " URLs"};
    }
    if (errors == 0) {
        return {false, "none of " + std::to_string(urls) +
                           " fetches failed; fetch must fail about one time in three and the "
                           "error message must be returned"};
    }
    if (results == 0) {
        return {false, "none of " + std::to_string(urls) +
                           " fetches succeeded; only about one in three should fail"};
    }
    return {true, std::to_string(urls) + " fetches gave " + std::to_string(results) +
                      " non-empty results and " + std::to_string(errors) +
                      " errors with a message"};
}

Verdict checkSpeed(Clock::duration slowest, const Call &many)
{
    if (many.answers() != many.urls) {
        return {false, "cannot judge the speed: the call for " + std::to_string(many.urls) +
                           " URLs returned after " + millis(many.elapsed) + " ms with only " +
                           std::to_string(many.answers()) + " answers"};
    }
    const Clock::duration limit =
        std::max<Clock::duration>(kSpeedFactor * slowest, slowest + kSpeedSlack);
    const std::string measured = std::to_string(many.urls) + " URLs took " + millis(many.elapsed) +
                                 " ms; a single URL took at most " + millis(slowest) +
                                 " ms (slowest of " + std::to_string(kProbes) +
                                 " calls), so the limit was " + millis(limit) + " ms";
    if (many.elapsed >= limit) {
        return {false, measured + ": the fetches seem to run one after another, not at the same "
                                  "time"};
    }
    return {true, measured + ": the fetches ran at the same time"};
}

// Runs the calls in order and decides every test; returns false when a call
// never came back and its threads are still stuck.
bool runTests(std::map<std::string, Verdict> &verdicts)
{
    auto abort = [&verdicts](const std::string &reason) {
        for (const std::string &test : kTestIds) {
            if (verdicts.find(test) == verdicts.end()) {
                verdicts[test] = {false, reason};
            }
        }
    };

    // ThreadSanitizer starts a helper thread with the first thread a program
    // creates; start it now so that it is part of the baseline.
    std::thread([] {}).join();

    // waits-for-all: count threads before and after one call.
    const long baseline = liveThreads();
    Call small = timedFetch("small", kWaitUrls, baseline);
    if (!small.returned) {
        abort(small.problem);
        return !small.stuck;
    }
    verdicts["waits-for-all"] = checkWaited(small);
    std::vector<Call> calls;
    calls.push_back(std::move(small));

    // The slowest of a few one-URL calls estimates one fetch's time.
    Clock::duration slowest{};
    for (int i = 1; i <= kProbes; ++i) {
        Call probe = timedFetch("single-" + std::to_string(i), 1);
        if (!probe.returned) {
            abort(probe.problem);
            return !probe.stuck;
        }
        slowest = std::max(slowest, probe.elapsed);
        calls.push_back(std::move(probe));
    }

    Call many = timedFetch("many", kManyUrls);
    if (!many.returned) {
        abort(many.problem);
        return !many.stuck;
    }
    calls.push_back(std::move(many));

    verdicts["one-per-url"] = checkCounts(calls);
    verdicts["real-results-and-errors"] = checkContents(calls);
    verdicts["concurrent"] = checkSpeed(slowest, calls.back());
    return true;
}

} // namespace racegrade_harness

int main()
{
    using namespace racegrade_harness;
    std::map<std::string, Verdict> verdicts;
    const bool clean = runTests(verdicts);
    bool allPassed = true;
    for (const std::string &test : kTestIds) {
        const Verdict &verdict = verdicts[test];
        allPassed = allPassed && verdict.passed;
        std::string detail = verdict.detail;
        std::replace(detail.begin(), detail.end(), '\n', ' ');
        std::cout << "@@racegrade " << verdictKey() << ' ' << test
                  << (verdict.passed ? " pass " : " fail ") << detail << '\n';
    }
    std::cout.flush();
    std::fflush(stdout);
    const int status = allPassed ? 0 : 1;
    if (!clean) {
        std::_Exit(status); // threads are still blocked inside ParallelFetch
    }
    return status;
}
