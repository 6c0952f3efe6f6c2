// Parallel fetch: reference solution.

#include <chrono>
#include <iostream>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// What one fetch gives: the page text, or an error message when ok is false.
struct FetchOutcome
{
    bool ok = false;
    std::string text;
};

// Pretends to download url. It takes a random time between 0 and 200 ms and
// fails about one time in three. Each thread has its own generator, so
// concurrent calls share no state.
FetchOutcome fetch(const std::string &url)
{
    thread_local std::mt19937 rng{std::random_device{}()};
    std::uniform_int_distribution<int> delayMs(0, 200);
    std::uniform_int_distribution<int> oneInThree(0, 2);
    std::this_thread::sleep_for(std::chrono::milliseconds(delayMs(rng)));
    if (oneInThree(rng) == 0) {
        return {false, "fetch " + url + ": server did not answer"};
    }
    return {true, "contents of " + url};
}

// Fetches every URL on its own thread and returns once all of them are done.
// Every URL gives exactly one entry: a result or an error message.
std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    std::mutex mutex; // guards results and errors
    std::vector<std::string> results;
    std::vector<std::string> errors;
    {
        std::vector<std::jthread> workers;
        workers.reserve(urls.size());
        for (const std::string &url : urls) {
            workers.emplace_back([&, url] {
                FetchOutcome outcome = fetch(url);
                std::lock_guard<std::mutex> lock(mutex);
                if (outcome.ok) {
                    results.push_back(std::move(outcome.text));
                } else {
                    errors.push_back(std::move(outcome.text));
                }
            });
        }
    } // the jthreads join here: every worker has finished before we return
    return {std::move(results), std::move(errors)};
}

int main()
{
    const std::vector<std::string> urls = {
        "https://example.com/",       "https://example.org/news",  "https://example.net/weather",
        "https://example.com/sports", "https://example.org/about",
    };

    const auto start = std::chrono::steady_clock::now();
    const auto [results, errors] = ParallelFetch(urls);
    const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now() - start);

    for (const std::string &result : results) {
        std::cout << "ok:    " << result << '\n';
    }
    for (const std::string &error : errors) {
        std::cout << "error: " << error << '\n';
    }
    std::cout << results.size() << " results, " << errors.size() << " errors for " << urls.size()
              << " URLs in " << elapsed.count() << " ms\n";
    return 0;
}
