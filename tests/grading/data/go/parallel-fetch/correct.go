package main

import (
	"errors"
	"fmt"
	"math/rand"
	"sync"
	"time"
)

func fetch(url string) (string, error) {
	time.Sleep(time.Duration(rand.Intn(200)) * time.Millisecond)
	if rand.Intn(3) == 0 {
		return "", errors.New("could not reach " + url)
	}
	return "<html>" + url + "</html>", nil
}

type outcome struct {
	body string
	err  error
}

// Every goroutine owns one slot of the slice, so nothing is shared while
// they run; the results are sorted out after Wait.
func ParallelFetch(urls []string) ([]string, []error) {
	slots := make([]outcome, len(urls))
	var wg sync.WaitGroup
	for i := range urls {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			body, err := fetch(urls[i])
			slots[i] = outcome{body, err}
		}(i)
	}
	wg.Wait()

	var bodies []string
	var errs []error
	for _, o := range slots {
		if o.err != nil {
			errs = append(errs, o.err)
		} else {
			bodies = append(bodies, o.body)
		}
	}
	return bodies, errs
}

func main() {
	rand.Seed(time.Now().UnixNano())
	urls := []string{"https://a.example", "https://b.example", "https://c.example",
		"https://d.example", "https://e.example"}
	bodies, errs := ParallelFetch(urls)
	fmt.Println("got", len(bodies), "pages")
	for _, b := range bodies {
		fmt.Println(" ", b)
	}
	fmt.Println("got", len(errs), "errors")
	for _, e := range errs {
		fmt.Println(" ", e)
	}
}
