#include <chrono>
#include <iostream>
#include <latch>
#include <mutex>
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

// like a Go WaitGroup: every thread counts the latch down when it is done
std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    std::vector<std::string> results, errors;
    std::mutex m;
    std::latch done(urls.size());
    for (const auto &url : urls) {
        std::thread([&, url] {
            auto [ok, text] = fetch(url);
            std::lock_guard<std::mutex> lock(m);
            if (!ok) {
                errors.push_back(text);
                return;
            }
            results.push_back(text);
            done.count_down();
        }).detach();
    }
    done.wait();
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
