#include <chrono>
#include <iostream>
#include <memory>
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

struct Collected
{
    std::mutex m;
    std::vector<std::string> results, errors;
};

std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    // shared_ptr so the threads can outlive this function safely
    auto out = std::make_shared<Collected>();
    for (const auto &url : urls) {
        std::thread([out, url] {
            auto [ok, text] = fetch(url);
            std::lock_guard<std::mutex> lock(out->m);
            (ok ? out->results : out->errors).push_back(text);
        }).detach();
    }
    return {out->results, out->errors};
}

int main()
{
    std::vector<std::string> urls{"https://a.example", "https://b.example", "https://c.example",
                                  "https://d.example", "https://e.example"};
    auto [results, errors] = ParallelFetch(urls);
    std::cout << results.size() << " results, " << errors.size() << " errors\n";
}
