#include <chrono>
#include <future>
#include <iostream>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

// returns {true, body} or {false, error message}
std::pair<bool, std::string> fetch(const std::string &url)
{
    static thread_local std::mt19937 gen(std::random_device{}());
    std::this_thread::sleep_for(std::chrono::milliseconds(gen() % 201));
    if (gen() % 3 == 0) {
        return {false, url + ": connection refused"};
    }
    return {true, "<html>" + url + "</html>"};
}

// std::async runs each fetch on its own thread; get() waits for it and the
// future's destructor joins the thread.
std::pair<std::vector<std::string>, std::vector<std::string>>
ParallelFetch(const std::vector<std::string> &urls)
{
    std::vector<std::future<std::pair<bool, std::string>>> pending;
    for (const auto &url : urls) {
        pending.push_back(std::async(std::launch::async, fetch, url));
    }
    std::vector<std::string> bodies, errors;
    for (auto &f : pending) {
        auto [ok, text] = f.get();
        (ok ? bodies : errors).push_back(text);
    }
    return {bodies, errors};
}

int main()
{
    std::vector<std::string> urls{"https://a.example", "https://b.example", "https://c.example",
                                  "https://d.example", "https://e.example"};
    auto [bodies, errors] = ParallelFetch(urls);
    std::cout << "pages: " << bodies.size() << "\n";
    for (auto &b : bodies) {
        std::cout << "  " << b << "\n";
    }
    std::cout << "errors: " << errors.size() << "\n";
    for (auto &e : errors) {
        std::cout << "  " << e << "\n";
    }
}
