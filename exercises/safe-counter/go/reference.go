// Safe counter: reference solution.
package main

import (
	"fmt"
	"sync"
)

const (
	workers       = 100
	incsPerWorker = 100
)

// SafeCounter is a counter that many goroutines may update at the same time.
// mu guards count: nobody reads or writes count without holding mu.
type SafeCounter struct {
	mu    sync.Mutex
	count int
}

// Inc adds one to the counter.
func (c *SafeCounter) Inc() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.count++
}

// Value returns the current count.
func (c *SafeCounter) Value() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.count
}

func main() {
	var c SafeCounter
	var wg sync.WaitGroup

	for i := 0; i < workers; i++ {
		wg.Add(1) // before the go statement, so Wait cannot miss this worker
		go func() {
			defer wg.Done()
			for j := 0; j < incsPerWorker; j++ {
				c.Inc()
			}
		}()
	}
	wg.Wait()

	fmt.Println(c.Value())
}
