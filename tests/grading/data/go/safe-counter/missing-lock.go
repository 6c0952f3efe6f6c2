package main

import (
	"fmt"
	"sync"
)

type SafeCounter struct {
	count int
}

func (c *SafeCounter) Inc() {
	c.count++
}

func (c *SafeCounter) Value() int {
	return c.count
}

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
	wg.Wait() // everyone is done here so reading is fine
	fmt.Println(c.Value())
}
