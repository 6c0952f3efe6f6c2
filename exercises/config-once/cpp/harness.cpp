// Hidden test harness for the config-once exercise.
//
// The grader copies the student's file next to this one as main.cpp and builds
//     g++ -std=c++20 -g -O1 -fsanitize=thread -pthread harness.cpp -o harness
// The student's main() is renamed so that this file can have its own. For each
// test the harness prints one line "@@racegrade <key> <test-id> pass|fail <detail>",
// where <key> is the grading's verdict key, handed over at start-up by an object the
// grader compiles on its own (racegrade_key.cpp) and links in.
// The tests are templates on the student's class, so a missing or misspelt
// Load() turns into failing verdicts instead of a build error.
#define main racegrade_student_main
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wreturn-type" // a renamed main() may end without a return
#include "main.cpp"
#pragma GCC diagnostic pop
#undef main

#include <chrono>
#include <concepts>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <unistd.h>
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

constexpr int kCallers = 50;
constexpr const char *kInitLine = "initializing config";
constexpr std::chrono::seconds kWatchdog{5};

struct Verdict
{
    bool passed = false;
    std::string detail;
};

struct Outcome
{
    Verdict sameObject;
    Verdict initOnce;
    bool stuck = false; // Load() calls never returned: leave with std::_Exit
};

template <typename T>
concept HasLoad = requires(T &config)
{
    config.Load();
};

// Redirects file descriptor 1 into a temporary file until finish() is called,
// catching both std::cout and printf output.
class StdoutCapture
{
public:
    bool start()
    {
        std::cout.flush();
        std::fflush(stdout);
        m_file = std::tmpfile();
        if (m_file == nullptr) {
            return false;
        }
        m_saved = ::dup(STDOUT_FILENO);
        return m_saved >= 0 && ::dup2(::fileno(m_file), STDOUT_FILENO) >= 0;
    }

    std::string finish()
    {
        std::cout.flush();
        std::fflush(stdout);
        if (m_saved >= 0) {
            ::dup2(m_saved, STDOUT_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
        std::string text;
        if (m_file != nullptr) {
            std::rewind(m_file);
            char buffer[4096];
            std::size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, m_file)) > 0) {
                text.append(buffer, n);
            }
            std::fclose(m_file);
            m_file = nullptr;
        }
        return text;
    }

private:
    std::FILE *m_file = nullptr;
    int m_saved = -1;
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

Verdict judgePointers(const std::vector<const void *> &got, const void *later)
{
    int nulls = 0;
    std::set<const void *> distinct;
    for (const void *p : got) {
        if (p == nullptr) {
            ++nulls;
        } else {
            distinct.insert(p);
        }
    }
    const std::string callers = std::to_string(got.size());
    if (nulls > 0) {
        return {false, std::to_string(nulls) + " of " + callers +
                           " threads got a null pointer from Load(); every caller must get the "
                           "settings, even one that calls while another is still building them"};
    }
    if (distinct.size() > 1) {
        return {false, "the " + callers + " threads got " + std::to_string(distinct.size()) +
                           " different Settings pointers from Load(); the settings must be "
                           "built once and shared"};
    }
    if (later != got.front()) {
        return {false, "a call to Load() made after the others returned a different pointer; "
                       "later calls must return the one Settings"};
    }
    return {true, "all " + callers +
                      " threads, and a later call, got the same non-null Settings pointer from "
                      "Load()"};
}

Verdict judgeInitLines(const std::string &output)
{
    int count = 0;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        if (line.find(kInitLine) != std::string::npos) {
            ++count;
        }
    }
    const std::string quoted = std::string("the \"") + kInitLine + "\" line";
    if (count == 1) {
        return {true, quoted + " appeared once for " + std::to_string(kCallers) +
                          " concurrent Load() calls and one later call"};
    }
    if (count == 0) {
        return {false, quoted + " never appeared on standard output during " +
                           std::to_string(kCallers + 1) +
                           " Load() calls; the first call must print it when it builds the "
                           "settings"};
    }
    return {false, quoted + " appeared " + std::to_string(count) + " times during " +
                       std::to_string(kCallers) +
                       " concurrent Load() calls and one later call; the settings must be "
                       "built exactly once"};
}

// Calls Load() from many threads at once on one fresh Config, with standard
// output captured, and judges both tests from that.
template <typename C>
Outcome configTests()
{
    if constexpr (!HasLoad<C>) {
        const Verdict missing{false, "Config has no member function Load(), so the harness could "
                                     "not call it; write const Settings *Load()"};
        return {missing, missing};
    } else if constexpr (!std::is_pointer_v<decltype(std::declval<C &>().Load())>) {
        const Verdict wrong{false, "Load() must return a pointer to the one Settings "
                                   "(const Settings *), so the harness could not compare "
                                   "the results"};
        return {wrong, wrong};
    } else if constexpr (!std::default_initializable<C>) {
        const Verdict wrong{false, "Config must be constructible with no arguments "
                                   "(Config config;), so the harness could not create one"};
        return {wrong, wrong};
    } else {
        struct Shared
        {
            C config;
            std::vector<const void *> got = std::vector<const void *>(kCallers, nullptr);
            std::mutex mutex;
            std::condition_variable cv;
            bool open = false;
            int finished = 0;
            std::string failure;
        };
        auto shared = std::make_shared<Shared>();

        StdoutCapture capture;
        if (!capture.start()) {
            capture.finish();
            const Verdict broken{false, "the harness could not capture standard output"};
            return {broken, broken};
        }

        std::vector<std::thread> callers;
        for (int i = 0; i < kCallers; ++i) {
            callers.emplace_back([shared, i] {
                {
                    std::unique_lock<std::mutex> lock(shared->mutex);
                    shared->cv.wait(lock, [&shared] { return shared->open; });
                }
                const void *p = nullptr;
                std::string failure;
                try {
                    p = static_cast<const void *>(shared->config.Load());
                } catch (...) {
                    failure = "Load() threw " + describe(std::current_exception());
                }
                shared->got[i] = p; // each thread writes only its own element
                std::lock_guard<std::mutex> lock(shared->mutex);
                if (!failure.empty() && shared->failure.empty()) {
                    shared->failure = failure;
                }
                ++shared->finished;
                shared->cv.notify_all();
            });
        }
        {
            std::lock_guard<std::mutex> lock(shared->mutex);
            shared->open = true; // every caller starts at the same moment
        }
        shared->cv.notify_all();

        bool allReturned;
        {
            std::unique_lock<std::mutex> lock(shared->mutex);
            allReturned = shared->cv.wait_for(lock, kWatchdog,
                                              [&shared] { return shared->finished == kCallers; });
        }
        if (!allReturned) {
            capture.finish();
            for (std::thread &t : callers) {
                t.detach();
            }
            const Verdict stuck{false, std::to_string(kCallers) +
                                           " concurrent Load() calls had not returned after " +
                                           std::to_string(kWatchdog.count()) +
                                           " s; does Load() wait for something that never "
                                           "happens?"};
            return {stuck, stuck, true};
        }
        for (std::thread &t : callers) {
            t.join();
        }

        const void *later = nullptr;
        if (shared->failure.empty()) {
            try {
                later = static_cast<const void *>(shared->config.Load());
            } catch (...) {
                shared->failure = "Load() threw " + describe(std::current_exception());
            }
        }
        const std::string output = capture.finish();
        if (!shared->failure.empty()) {
            const Verdict threw{false, shared->failure};
            return {threw, threw};
        }
        return {judgePointers(shared->got, later), judgeInitLines(output)};
    }
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
              << (verdict.passed ? " pass " : " fail ") << detail << '\n';
}

} // namespace racegrade_harness

int main()
{
    using namespace racegrade_harness;
    const Outcome outcome = configTests<Config>();
    printVerdict("same-object", outcome.sameObject);
    printVerdict("init-once", outcome.initOnce);
    std::cout.flush();
    std::fflush(stdout);
    const int status = outcome.sameObject.passed && outcome.initOnce.passed ? 0 : 1;
    if (outcome.stuck) {
        std::_Exit(status); // threads are still blocked inside Load()
    }
    return status;
}
