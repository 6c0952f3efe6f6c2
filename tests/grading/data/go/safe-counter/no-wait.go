package main

import (
	"fmt"
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

func main() {
	var c SafeCounter
	for i := 0; i < 100; i++ {
		go func() {
			for j := 0; j < 100; j++ {
				c.Inc()
			}
		}()
	}
	fmt.Println(c.Value())
}
