// Parallel fetch: starter file.
//
// Fill in the TODOs. Keep the name and signature of ParallelFetch exactly as
// they are: the grader calls it. Build and run with ThreadSanitizer:
//
//     g++ -std=c++20 -g -fsanitize=thread -pthread main.cpp -o fetch && ./fetch

#include <chrono>
#include <iostream>
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
// fails about one time in three. Safe to call from many threads: each thread
// has its own random number generator.
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

// Fetches every URL at the same time, each on its own thread, and returns once
// all of them are done. Every URL gives exactly one entry: a result in .first
// or an error message in .second.
std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    std::vector<std::string> results;
    std::vector<std::string> errors;

    // TODO: start one thread per URL that calls fetch, collect what each one
    // returns without a data race, and wait for all of them.
    (void)urls;

    return {results, errors};
}

int main()
{
    const std::vector<std::string> urls = {
        "https://example.com/",       "https://example.org/news",  "https://example.net/weather",
        "https://example.com/sports", "https://example.org/about",
    };

    const auto [results, errors] = ParallelFetch(urls);
    for (const std::string &result : results) {
        std::cout << "ok:    " << result << '\n';
    }
    for (const std::string &error : errors) {
        std::cout << "error: " << error << '\n';
    }
    std::cout << results.size() << " results, " << errors.size() << " errors for " << urls.size()
              << " URLs\n";
    return 0;
}
