// Hidden test harness for the safe-counter exercise.
//
// The grader copies the student's file next to this one as main.cpp and builds
//     g++ -std=c++20 -g -O1 -fsanitize=thread -pthread harness.cpp -o harness
// The student's main() is renamed so that this file can have its own. For each
// test the harness prints one line "@@racegrade <key> <test-id> pass|fail <detail>",
// where <key> is the grading's verdict key, handed over at start-up by an object the
// grader compiles on its own (racegrade_key.cpp) and links in.
// The tests are templates on the student's class, so a missing or misspelt
// member turns into a failing verdict instead of a build error.
#define main racegrade_student_main
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wreturn-type" // a renamed main() may end without a return
#include "main.cpp"
#pragma GCC diagnostic pop
#undef main

#include <atomic>
#include <chrono>
#include <concepts>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
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

constexpr int kWriters = 50;
constexpr int kIncsEach = 200;
constexpr int kReaders = 10;
constexpr long long kWantTotal = static_cast<long long>(kWriters) * kIncsEach;
constexpr std::chrono::seconds kWatchdog{5};

struct Verdict
{
    bool passed = false;
    std::string detail;
    bool stuck = false; // threads were left blocked: leave with std::_Exit
};

template <typename T>
concept HasInc = requires(T &counter)
{
    counter.Inc();
};

template <typename T>
concept HasValue = requires(T &counter)
{
    {
        counter.Value()
        } -> std::convertible_to<long long>;
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

void printVerdict(const std::string &test, const Verdict &verdict)
{
    std::string detail = verdict.detail;
    for (char &c : detail) {
        if (c == '\n' || c == '\r') {
            c = ' ';
        }
    }
    std::cout << "@@racegrade " << verdictKey() << ' ' << test
              << (verdict.passed ? " pass " : " fail ") << detail << std::endl;
}

// Lets every worker start at the same moment, so that their calls overlap.
class StartGate
{
public:
    void wait()
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_cv.wait(lock, [this] { return m_open; });
    }
    void open()
    {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_open = true;
        }
        m_cv.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_open = false;
};

// What one reading thread saw.
struct ReaderLog
{
    long long calls = 0;
    long long last = 0;
    bool wentDown = false;
    long long downFrom = 0;
    long long downTo = 0;
    bool outOfRange = false;
    long long badValue = 0;
};

// Everything the workers share; held by shared_ptr so that a stuck run can be
// abandoned safely when the watchdog fires.
template <typename Counter>
struct Run
{
    Counter counter;
    StartGate gate;
    std::atomic<bool> writing{true};
    std::vector<ReaderLog> logs = std::vector<ReaderLog>(kReaders);
    std::mutex failureMutex;
    std::string failure;
    std::mutex doneMutex;
    std::condition_variable doneCv;
    bool done = false;

    void noteFailure(const std::string &what)
    {
        std::lock_guard<std::mutex> lock(failureMutex);
        if (failure.empty()) {
            failure = what;
        }
    }
};

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

// Writers and readers use one shared counter at the same time. Because the
// readers run while the writers do, a Value() that reads without the lock is
// reported by ThreadSanitizer even when the numbers come out right.
template <typename Counter>
Verdict concurrentUse()
{
    if constexpr (!std::default_initializable<Counter>) {
        return {false, "SafeCounter must be constructible with no arguments "
                       "(SafeCounter counter;), so the harness could not create one"};
    } else if constexpr (!HasInc<Counter> || !HasValue<Counter>) {
        return {false, std::string("SafeCounter needs the member functions void Inc() and "
                                   "int Value(); missing or unusable: ") +
                           (HasInc<Counter> ? "" : "Inc() ") +
                           (HasValue<Counter> ? "" : "Value()")};
    } else {
        auto run = std::make_shared<Run<Counter>>();
        std::vector<std::thread> writers;
        std::vector<std::thread> readers;
        for (int w = 0; w < kWriters; ++w) {
            writers.emplace_back([run] {
                run->gate.wait();
                try {
                    for (int i = 0; i < kIncsEach; ++i) {
                        run->counter.Inc();
                    }
                } catch (...) {
                    run->noteFailure("Inc() threw " + describe(std::current_exception()));
                }
            });
        }
        for (int r = 0; r < kReaders; ++r) {
            readers.emplace_back([run, r] {
                ReaderLog &seen = run->logs[r];
                run->gate.wait();
                try {
                    for (;;) {
                        // Read the flag first: the last Value() call then
                        // happens after every writer has finished.
                        const bool stop = !run->writing.load();
                        const long long v = run->counter.Value();
                        ++seen.calls;
                        if (v < 0 || v > kWantTotal) {
                            if (!seen.outOfRange) {
                                seen.outOfRange = true;
                                seen.badValue = v;
                            }
                        } else if (v < seen.last && !seen.wentDown) {
                            seen.wentDown = true;
                            seen.downFrom = seen.last;
                            seen.downTo = v;
                        }
                        if (v > seen.last) {
                            seen.last = v;
                        }
                        if (stop) {
                            break;
                        }
                        std::this_thread::yield();
                    }
                } catch (...) {
                    run->noteFailure("Value() threw " + describe(std::current_exception()));
                }
            });
        }

        // A separate thread joins the workers so that this one can give up
        // after kWatchdog if a lock is never released.
        std::thread joiner(
            [run, writers = std::move(writers), readers = std::move(readers)]() mutable {
                for (std::thread &t : writers) {
                    t.join();
                }
                run->writing.store(false);
                for (std::thread &t : readers) {
                    t.join();
                }
                {
                    std::lock_guard<std::mutex> lock(run->doneMutex);
                    run->done = true;
                }
                run->doneCv.notify_all();
            });
        run->gate.open();
        {
            std::unique_lock<std::mutex> lock(run->doneMutex);
            if (!run->doneCv.wait_for(lock, kWatchdog, [&run] { return run->done; })) {
                joiner.detach();
                return {false,
                        "the Inc() and Value() calls had not finished after " +
                            std::to_string(kWatchdog.count()) +
                            " s; a thread is stuck waiting for a lock: one that is never unlocked, "
                            "or a mutex copied while it was locked",
                        true};
            }
        }
        joiner.join();

        {
            std::lock_guard<std::mutex> lock(run->failureMutex);
            if (!run->failure.empty()) {
                return {false, run->failure};
            }
        }
        long long calls = 0;
        for (const ReaderLog &seen : run->logs) {
            calls += seen.calls;
            if (seen.outOfRange) {
                return {false, "a reader saw Value() return " + number(seen.badValue) +
                                   ", but only " + number(kWantTotal) + " increments were made"};
            }
            if (seen.wentDown) {
                return {false, "a reader saw Value() go down from " + number(seen.downFrom) +
                                   " to " + number(seen.downTo) + " while others called Inc()"};
            }
        }
        const std::string setup = std::to_string(kWriters) + " threads called Inc() " +
                                  std::to_string(kIncsEach) + " times each while " +
                                  std::to_string(kReaders) + " threads called Value()";
        const long long total = run->counter.Value();
        if (total != kWantTotal) {
            return {false, "Value() ended at " + number(total) + " instead of " +
                               number(kWantTotal) + " (" + setup + "): some increments were lost"};
        }
        return {true, setup + " " + number(calls) + " times: the total was " + number(kWantTotal) +
                          " and the value never went down"};
    }
}

// A copy of a SafeCounter would carry a mutex of its own, so increments made
// through the copy would be invisible to (and unprotected against) the
// original. The class must therefore refuse to be copied. This is decided at
// compile time but reported here, so that a copyable class still builds.
template <typename Counter>
Verdict lockNotCopied()
{
    constexpr bool copyConstructible = std::is_copy_constructible_v<Counter>;
    constexpr bool copyAssignable = std::is_copy_assignable_v<Counter>;
    if constexpr (!copyConstructible && !copyAssignable) {
        return {true, "SafeCounter cannot be copied or copy-assigned, so every user shares "
                      "the one mutex and the one count"};
    } else {
        std::string how = copyConstructible && copyAssignable ? "copy-constructed and copy-assigned"
                          : copyConstructible                 ? "copy-constructed"
                                                              : "copy-assigned";
        return {false, "SafeCounter can be " + how +
                           "; a copy gets its own mutex and its own count, so work done "
                           "through a copy is lost. Keep a std::mutex member and do not "
                           "write a copy constructor or copy assignment"};
    }
}

} // namespace racegrade_harness

int main()
{
    using namespace racegrade_harness;
    const Verdict notCopied = lockNotCopied<SafeCounter>();
    printVerdict("lock-not-copied", notCopied);
    const Verdict concurrent = concurrentUse<SafeCounter>();
    printVerdict("concurrent-use", concurrent);
    std::cout.flush();
    std::fflush(stdout);
    const int status = notCopied.passed && concurrent.passed ? 0 : 1;
    if (concurrent.stuck) {
        std::_Exit(status); // skip destructors that would wait for the stuck threads
    }
    return status;
}
