// Parallel fetch: reference solution.
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"time"
)

// fetch pretends to download url. It takes a random time between 0 and
// 200 ms and fails about one time in three.
func fetch(url string) (string, error) {
	time.Sleep(time.Duration(rand.Intn(201)) * time.Millisecond)
	if rand.Intn(3) == 0 {
		return "", fmt.Errorf("fetch %s: server did not answer", url)
	}
	return "contents of " + url, nil
}

// ParallelFetch fetches every URL in its own goroutine and returns once all
// of them are done. Every URL gives exactly one entry: a result or an error.
func ParallelFetch(urls []string) ([]string, []error) {
	var (
		wg      sync.WaitGroup
		mu      sync.Mutex // guards results and errs
		results []string
		errs    []error
	)
	for _, url := range urls {
		wg.Add(1)
		// url is passed as an argument: before Go 1.22 the loop variable
		// is shared by all iterations.
		go func(url string) {
			defer wg.Done()
			body, err := fetch(url)

			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err)
				return
			}
			results = append(results, body)
		}(url)
	}
	wg.Wait()
	return results, errs
}

func main() {
	rand.Seed(time.Now().UnixNano())
	urls := []string{
		"https://example.com/",
		"https://example.org/news",
		"https://example.net/weather",
		"https://example.com/sports",
		"https://example.org/about",
	}

	start := time.Now()
	results, errs := ParallelFetch(urls)
	elapsed := time.Since(start)

	for _, r := range results {
		fmt.Println("ok:   ", r)
	}
	for _, err := range errs {
		fmt.Println("error:", err)
	}
	fmt.Printf("%d results, %d errors for %d URLs in %d ms\n",
		len(results), len(errs), len(urls), elapsed.Milliseconds())
}
