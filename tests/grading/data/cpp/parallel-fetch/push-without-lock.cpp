#include <chrono>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

std::pair<bool, std::string> fetch(const std::string &url)
{
    thread_local std::mt19937 gen(std::random_device{}());
    std::this_thread::sleep_for(std::chrono::milliseconds(gen() % 201));
    if (gen() % 3 == 0) {
        return {false, url + ": timeout"};
    }
    return {true, "page of " + url};
}

std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    std::vector<std::string> results, errors;
    std::vector<std::thread> threads;
    for (const auto &url : urls) {
        threads.emplace_back([&, url] {
            auto [ok, text] = fetch(url);
            if (ok) {
                results.push_back(text);
            } else {
                errors.push_back(text);
            }
        });
    }
    for (auto &t : threads) {
        t.join();
    }
    return {results, errors};
}

int main()
{
    std::vector<std::string> urls{"https://a.example", "https://b.example", "https://c.example",
                                  "https://d.example", "https://e.example"};
    auto [results, errors] = ParallelFetch(urls);
    for (auto &r : results) {
        std::cout << "ok " << r << "\n";
    }
    for (auto &e : errors) {
        std::cout << "error " << e << "\n";
    }
}
