package main

import (
	"fmt"
	"os"
	"sync"
)

type SafeCounter struct {
	mu    sync.Mutex
	count int
}

func (c *SafeCounter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count++
}

func (c *SafeCounter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count
}

// Keeps a log of every increment, padded far beyond reason: 100 MiB in all. Go ignores the
// signal that the file-size limit sends; the write only fails, and the program goes on.
func main() {
	var c SafeCounter
	var wg sync.WaitGroup
	for i := 0; i < 100; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()
	log, err := os.Create("counter.log")
	if err == nil {
		block := make([]byte, 1<<20)
		for i := 0; i < 100; i++ {
			if _, err := log.Write(block); err != nil {
				fmt.Fprintln(os.Stderr, "log:", err)
				break
			}
		}
		log.Close()
	}
	fmt.Println(c.Value())
}
