// Parallel fetch: starter file.
//
// Fill in the TODOs. Keep the name and signature of ParallelFetch exactly as
// they are: the grader calls it. Build and run with the race detector:
//
//	go run -race main.go
package main

import (
	"fmt"
	"math/rand"
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

// ParallelFetch fetches every URL at the same time, each in its own
// goroutine, and returns once all of them are done. Every URL gives exactly
// one entry: a result in the first slice or an error in the second.
func ParallelFetch(urls []string) ([]string, []error) {
	var results []string
	var errs []error

	// TODO: start one goroutine per URL that calls fetch, collect what each
	// one returns without a data race, and wait for all of them.

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

	results, errs := ParallelFetch(urls)
	for _, r := range results {
		fmt.Println("ok:   ", r)
	}
	for _, err := range errs {
		fmt.Println("error:", err)
	}
	fmt.Printf("%d results, %d errors for %d URLs\n", len(results), len(errs), len(urls))
}
